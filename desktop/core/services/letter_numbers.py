"""How the office writes a letter's number and a referral letter's opening: its own patterns,
checked when the profile is saved and used when a number is issued. No database here, so the
office profile (which checks them) and the register (which uses them) both build on it."""

from __future__ import annotations

import datetime as dt

from desktop.core.errors import SimpulError

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
TOKENS = ("nomor", "urut", "klasifikasi", "kode", "unit", "bulan_romawi", "bulan", "tahun")

DEFAULT_OPENING = ("Dengan hormat,\n\nBersama ini kami rujuk warga Kecamatan {kecamatan} tersebut di bawah ini untuk "
                   "mendapatkan {layanan} pada {lembaga}, dengan identitas sebagai berikut:")
TEMPLATE_FIELDS = ("nama", "nik", "alamat", "ppks", "layanan", "lembaga", "permasalahan", "kecamatan")


def format_number(pattern: str, seq: int, letter_date: dt.date, classification: str, unit: str) -> str:
    """ "{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}" -> "400.9/012/Kesos/XI/2026"."""
    values = {"nomor": f"{seq:03d}", "urut": f"{seq:03d}", "klasifikasi": classification, "kode": classification,
              "unit": unit, "bulan_romawi": ROMAN[letter_date.month - 1], "bulan": f"{letter_date.month:02d}",
              "tahun": str(letter_date.year)}
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise SimpulError("letter.pattern", pattern=pattern, tokens=", ".join("{" + t + "}" for t in TOKENS)) from exc


def check_template(template: str) -> None:
    """Raise with the field names an operator may use when the template names another."""
    try:
        template.format(**{f: "" for f in TEMPLATE_FIELDS})
    except KeyError as exc:
        raise SimpulError("referral.template_field", field=exc.args[0],
                          fields=", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)) from None
    except (IndexError, ValueError):
        raise SimpulError("referral.template_braces") from None


def opening_text(template: str | None, fields: dict[str, str]) -> str:
    """The letter's first paragraph from the office's template, or the built-in one when the
    office left it empty (or saved one that no longer fits, in an older database)."""
    try:
        return (template or DEFAULT_OPENING).format(**fields)
    except (KeyError, IndexError, ValueError):
        return DEFAULT_OPENING.format(**fields)
