"""Reading a sheet of rows from .xlsx (python-calamine, about 10x faster than openpyxl) or from
pipe-, semicolon-, tab- or comma-delimited text. Cells keep their types: a number stays a number,
so that an ID Excel stored as a number can be caught, not trusted."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import SimpulError

TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".psv"}


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]


def sheet_names(path: Path) -> list[str]:
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return [path.stem]
    return _workbook(path).sheet_names


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """One sheet (by name; default: the first with data), or the whole text file."""
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return Sheet(path.stem, _read_text(path))
    wb = _workbook(path)
    names = wb.sheet_names
    if sheet is not None and sheet not in names:
        raise SimpulError("import.no_sheet", sheet=sheet, sheets=", ".join(names))
    for name in [sheet] if sheet else names:
        try:
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own errors for broken parts
            raise SimpulError("import.unreadable", file=path.name, reason=str(exc).splitlines()[0]) from exc
        # Empty cells stay "" (calamine's way); everything downstream treats "" and None alike.
        if sheet or any(any(c != "" for c in r) for r in rows):
            return Sheet(name, rows)
    raise SimpulError("import.empty", file=path.name)


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if not path.exists():
        raise SimpulError("import.missing", file=str(path))
    if suffix == ".xls":
        raise SimpulError("import.xls", file=path.name)
    if suffix not in TEXT_SUFFIXES | {".xlsx", ".xlsm"}:
        raise SimpulError("import.suffix", file=path.name)


def _workbook(path: Path):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise SimpulError("import.unreadable", file=path.name, reason=str(exc).splitlines()[0]) from exc


def _read_text(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            content = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise SimpulError("import.unreadable", file=path.name, reason="encoding")
    sample = "\n".join(content.splitlines()[:30])
    counts = {d: sample.count(d) for d in ("|", ";", "\t", ",")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter, quotechar='"')
    return [[c if c.strip() != "" else None for c in row] for row in reader]
