"""Field photos (issue 17): resized to a JPEG of at most 1 MB, turned upright, the EXIF time and
GPS kept, the camera's other tags left out."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from desktop.core.errors import SimpulError
from desktop.core.io.photos import MAX_BYTES, prepare_photo, read_exif


def _camera_photo(width=4000, height=3000, orientation=6) -> bytes:
    rng = random.Random(5)
    img = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))  # noise: JPEG's worst case
    exif = Image.Exif()
    exif[0x0132] = "2026:11:03 09:20:00"  # DateTime
    exif[0x010F] = "KameraCo"  # Make: not kept
    exif[0x013B] = "Pemilik Kamera"  # Artist: not kept
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = "2026:11:03 09:14:12"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (0.0, 25.0, 30.5), 3: "E", 4: (117.0, 0.0, 12.25)})
    out = io.BytesIO()
    img.save(out, "JPEG", quality=98, exif=exif.tobytes())
    return out.getvalue()


def test_a_large_photo_is_resized_below_1_mb_and_keeps_its_time_and_place():
    raw = _camera_photo()
    assert len(raw) > 5 * MAX_BYTES
    photo = prepare_photo(raw)
    assert photo.size <= MAX_BYTES
    stored = Image.open(io.BytesIO(photo.content))
    assert stored.format == "JPEG"
    assert (stored.width, stored.height) == (photo.width, photo.height)
    assert stored.height > stored.width  # orientation 6 applied: the portrait shot stands upright
    exif = stored.getexif()
    taken, lat, lon = read_exif(exif)
    assert taken.isoformat() == "2026-11-03T09:14:12" == photo.taken_at.isoformat()
    assert lat == pytest.approx(-0.4251389) and lon == pytest.approx(117.0034028)
    assert exif.get(0x0112) == 1 and 0x010F not in exif and 0x013B not in exif


def test_a_small_photo_keeps_its_size_and_a_png_becomes_a_jpeg():
    img = Image.new("RGBA", (640, 480), (200, 30, 30, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    photo = prepare_photo(out.getvalue())
    assert (photo.width, photo.height) == (640, 480) and photo.taken_at is None and photo.latitude is None
    assert Image.open(io.BytesIO(photo.content)).format == "JPEG"


def test_a_file_that_is_no_photo_is_refused():
    with pytest.raises(SimpulError):
        prepare_photo(b"%PDF-1.7 not a photo")
