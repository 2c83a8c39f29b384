"""Amounts and dates as Indonesian documents print them: "Rp1.250.000", the amount in words
(terbilang) and the spelled-out date of a berita acara. Built on lokal-id (terbilang, rupiah)
and Babel (day and month names), so there is no number-to-words code of our own to get wrong."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from lokal import format_rupiah, terbilang


def rupiah(amount: int) -> str:
    """1250000 -> "Rp1.250.000" (no space, no ",-": the style of current government forms)."""
    return format_rupiah(amount)


def thousands(amount: int) -> str:
    """1250000 -> "1.250.000": figures in a column whose heading already says Rp or the unit."""
    return format_rupiah(amount, symbol=False)


def figures(amount: int, cash: bool, unit: str) -> str:
    """An amount in figures: "Rp1.250.000" for cash, "1.200 kg" for goods."""
    return rupiah(amount) if cash else f"{thousands(amount)} {unit}".rstrip()


def amount_in_words(amount: int, cash: bool, unit: str) -> str:
    """The terbilang, lower case and without brackets (callers add them, as forms differ):
    cash -> "satu juta dua ratus lima puluh ribu rupiah", goods -> "seratus dua puluh paket"."""
    if cash:
        return terbilang(amount, currency=True)
    return f"{terbilang(amount)} {unit}".rstrip()


def spelled_date(d: dt.date) -> str:
    """The date of a berita acara, without the leading "Pada hari ini" so it also fits other
    sentences: "Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam
    (22-11-2026)"."""
    day = format_date(d, "EEEE", locale="id")
    month = format_date(d, "MMMM", locale="id")
    return (f"{day} tanggal {terbilang(d.day)} bulan {month} tahun {terbilang(d.year)} "
            f"({d:%d-%m-%Y})")
