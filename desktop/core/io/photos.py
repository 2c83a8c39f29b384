"""Field photos made fit to keep: turned upright, resized to a JPEG of at most 1 MB, with the time
the photo was taken and its GPS position kept in the EXIF (and read out for the papers), and
everything else the camera wrote (its serial number, the owner's name, a thumbnail) left out.

Qt's QImage drops EXIF on saving, so this uses Pillow, which reportlab already depends on."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from desktop.core.errors import SimpulError

MAX_BYTES = 1_000_000
MAX_SIDE = 2048  # long side in pixels: sharp on an A4 annex, small on disk
MAX_PHOTOS = 5  # per activity or visit

# EXIF tags (Pillow's ExifTags.Base / IFD numbers)
_ORIENTATION, _DATETIME, _EXIF_IFD, _GPS_IFD = 0x0112, 0x0132, 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _OFFSET_ORIGINAL = 0x9003, 0x9004, 0x9011


@dataclass(frozen=True)
class Photo:
    content: bytes  # the JPEG as stored
    width: int
    height: int
    taken_at: dt.datetime | None  # as the camera's clock said (EXIF has no zone before 2.31)
    latitude: float | None
    longitude: float | None

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _exif_time(text: object) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(text).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except (TypeError, ValueError):
        return None


def _degrees(value, ref: object) -> float | None:
    try:
        d, m, s = (float(x) for x in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    sign = -1 if str(ref).strip("\x00 ").upper() in ("S", "W") else 1
    return round(sign * (d + m / 60 + s / 3600), 7)


def read_exif(exif) -> tuple[dt.datetime | None, float | None, float | None]:
    """(taken at, latitude, longitude) from a Pillow Exif."""
    sub = exif.get_ifd(_EXIF_IFD)
    taken = _exif_time(sub.get(_DATETIME_ORIGINAL) or sub.get(_DATETIME_DIGITIZED) or exif.get(_DATETIME))
    gps = exif.get_ifd(_GPS_IFD)
    lat = _degrees(gps.get(2), gps.get(1)) if 2 in gps else None
    lon = _degrees(gps.get(4), gps.get(3)) if 4 in gps else None
    return taken, lat, lon


def _kept_exif(source):
    """A new Exif holding only the times, the GPS block and an upright orientation."""
    from PIL import Image

    kept = Image.Exif()
    if _DATETIME in source:
        kept[_DATETIME] = source[_DATETIME]
    sub = source.get_ifd(_EXIF_IFD)
    times = {tag: sub[tag] for tag in (_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _OFFSET_ORIGINAL) if tag in sub}
    if times:
        kept.get_ifd(_EXIF_IFD).update(times)
    gps = source.get_ifd(_GPS_IFD)
    if gps:
        kept.get_ifd(_GPS_IFD).update(gps)
    kept[_ORIENTATION] = 1  # the pixels are turned upright below
    return kept


def prepare_photo(data: bytes, max_bytes: int = MAX_BYTES, max_side: int = MAX_SIDE) -> Photo:
    """Any photo Pillow can open, as a JPEG of at most `max_bytes` with its EXIF time and GPS."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise SimpulError("photo.unreadable") from None
    source = image.getexif()
    taken, lat, lon = read_exif(source)
    exif = _kept_exif(source).tobytes()
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    side = max_side
    quality = 85
    while True:
        if max(image.size) > side:
            scaled = image.copy()
            scaled.thumbnail((side, side), Image.Resampling.LANCZOS)
        else:
            scaled = image
        out = io.BytesIO()
        scaled.save(out, "JPEG", quality=quality, optimize=True, exif=exif)
        if out.tell() <= max_bytes:
            return Photo(out.getvalue(), scaled.width, scaled.height, taken, lat, lon)
        if quality > 60:
            quality -= 10
        else:
            side = int(max(scaled.size) * 0.8)
            if side < 200:
                raise SimpulError("photo.too_large")
