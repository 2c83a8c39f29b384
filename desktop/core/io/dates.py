"""Dates as Indonesian documents print them, for every sheet and paper: "22 November 2026" and
"Minggu, 22 November 2026" (Babel's month and day names)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def long_date(d: dt.date) -> str:
    """ "22 November 2026"."""
    return format_date(d, "d MMMM y", locale="id")


def day_and_date(d: dt.date) -> str:
    """ "Minggu, 22 November 2026": the hari, tanggal of an event."""
    return f"{format_date(d, 'EEEE', locale='id')}, {long_date(d)}"
