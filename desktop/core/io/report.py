"""The import error report: every row that was not taken as it stood, as it was in the source file,
with its row number and the reason in the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.i18n import t


@dataclass(frozen=True)
class ReportRow:
    number: int
    status: str  # ditolak | konflik | ditandai
    reasons: list[str]
    values: list[object]


def write_report(path: Path, source_name: str, sheet: str, headers: Sequence[str],
                 rows: Sequence[ReportRow]) -> Path:
    import xlsxwriter

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
    ws = wb.add_worksheet(t("report.sheet"))
    title = wb.add_format({"bold": True, "font_size": 12})
    head = wb.add_format({"bold": True, "bg_color": "#D9E2F3", "border": 1, "text_wrap": True, "valign": "top"})
    cell = wb.add_format({"valign": "top", "num_format": "@"})
    date_fmt = wb.add_format({"valign": "top", "num_format": "dd-mm-yyyy"})
    wrap = wb.add_format({"valign": "top", "text_wrap": True})
    status_fmt = {"ditolak": wb.add_format({"valign": "top", "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
                  "konflik": wb.add_format({"valign": "top", "font_color": "#9C5700", "bg_color": "#FFEB9C"}),
                  "ditandai": wb.add_format({"valign": "top"})}
    ws.write(0, 0, t("report.title", file=source_name, sheet=sheet), title)
    ws.write(1, 0, t("report.subtitle", date=dt.datetime.now().strftime("%d-%m-%Y %H:%M"), count=len(rows)))
    columns = [t("report.row"), t("report.status"), t("report.reason"), *headers]
    for c, text in enumerate(columns):
        ws.write_string(3, c, text or f"({c - 2})", head)
    for r, row in enumerate(rows, start=4):
        ws.write_number(r, 0, row.number)
        ws.write_string(r, 1, t(f"report.{row.status}"), status_fmt[row.status])
        ws.write_string(r, 2, " ".join(row.reasons), wrap)
        for c, value in enumerate(row.values, start=3):
            _write_original(ws, r, c, value, cell, date_fmt)
    ws.freeze_panes(4, 3)
    ws.autofilter(3, 0, 3 + len(rows), len(columns) - 1)
    ws.set_column(0, 0, 7)
    ws.set_column(1, 1, 10)
    ws.set_column(2, 2, 60)
    ws.set_column(3, 3 + len(headers), 18)
    wb.close()
    return path


def _write_original(ws, r: int, c: int, value: object, fmt, date_fmt) -> None:
    """The value with its original type: a number stays a number (that is the point for an ID
    Excel turned into 6.40206E+15), a date stays a date, text stays text, never a formula."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value, date_fmt)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_fmt)
    else:
        ws.write_string(r, c, str(value), fmt)
