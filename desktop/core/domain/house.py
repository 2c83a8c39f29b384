"""The house and assets checklist of a home visit, after the DTSEN ground check (the BPS questions
on walls, floor, roof, drinking water, lighting, toilet and assets). Stored as JSON on the visit:
{"wall": "bambu", ..., "assets": ["motor", "kulkas"], "floor_area": 24, "occupants": 5}.
The words are the ones printed on the visit form; the codes are what is stored."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    label: str  # as printed on the form
    options: tuple[tuple[str, str], ...]  # (code, printed word)
    many: bool = False  # assets: tick any number


CHECKLIST: tuple[Question, ...] = (
    Question("wall", "Dinding terluas", (("tembok", "Tembok"), ("kayu", "Kayu/papan"), ("bambu", "Bambu/anyaman"),
                                         ("seng", "Seng"), ("lainnya", "Lainnya"))),
    Question("floor", "Lantai terluas", (("keramik", "Keramik/marmer"), ("semen", "Semen/bata"),
                                         ("kayu", "Kayu/papan"), ("bambu", "Bambu"), ("tanah", "Tanah"))),
    Question("roof", "Atap terluas", (("genteng", "Genteng"), ("seng", "Seng"), ("asbes", "Asbes"),
                                      ("beton", "Beton"), ("daun", "Ijuk/rumbia/daun"))),
    Question("water", "Sumber air minum", (("kemasan", "Air kemasan/isi ulang"), ("pdam", "Leding/PDAM"),
                                           ("sumur_terlindung", "Sumur/mata air terlindung"),
                                           ("sumur_tidak", "Sumur/mata air tak terlindung"),
                                           ("sungai", "Sungai/danau"), ("hujan", "Air hujan"))),
    Question("light", "Sumber penerangan", (("pln_900", "Listrik PLN ≥ 900 VA"), ("pln_450", "Listrik PLN 450 VA"),
                                            ("non_pln", "Listrik non-PLN"), ("tidak", "Bukan listrik"))),
    Question("toilet", "Fasilitas buang air besar", (("sendiri", "Milik sendiri"), ("bersama", "Bersama/komunal"),
                                                     ("umum", "MCK umum"), ("tidak_ada", "Tidak ada"))),
    Question("assets", "Aset yang dimiliki", (("motor", "Sepeda motor"), ("mobil", "Mobil"), ("kulkas", "Lemari es"),
                                              ("tv", "Televisi"), ("hp", "Telepon genggam"), ("lahan", "Lahan/kebun"),
                                              ("ternak", "Ternak"), ("emas", "Emas/perhiasan")), many=True),
)
NUMBERS: tuple[tuple[str, str], ...] = (("floor_area", "Luas lantai (m²)"), ("occupants", "Jumlah penghuni"))


def question(key: str) -> Question:
    return next(q for q in CHECKLIST if q.key == key)


def clean(answers: dict | None) -> dict:
    """Only known keys and codes; numbers as whole numbers ≥ 0. Unknown input is dropped, not kept."""
    out: dict = {}
    for q in CHECKLIST:
        value = (answers or {}).get(q.key)
        codes = {c for c, _ in q.options}
        if q.many:
            picked = [v for v in (value or []) if v in codes]
            if picked:
                out[q.key] = [c for c, _ in q.options if c in picked]
        elif value in codes:
            out[q.key] = value
    for key, _label in NUMBERS:
        value = (answers or {}).get(key)
        if isinstance(value, (int, float)) and value >= 0:
            out[key] = int(value)
    return out


def describe(answers: dict | None) -> list[tuple[str, str]]:
    """(question, answer in words) for the paper and the screen; unanswered questions show "-"."""
    answers = answers or {}
    rows = []
    for q in CHECKLIST:
        words = dict(q.options)
        value = answers.get(q.key)
        if q.many:
            rows.append((q.label, ", ".join(words[v] for v in value or [] if v in words) or "-"))
        else:
            rows.append((q.label, words.get(value, "-")))
    for key, label in NUMBERS:
        rows.append((label, str(answers[key]) if key in answers else "-"))
    return rows
