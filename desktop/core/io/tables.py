"""Reading a sheet of rows from .xlsx (python-calamine, about 10x faster than openpyxl, with
openpyxl as the fallback) or from
pipe-, semicolon-, tab- or comma-delimited text. Cells keep their types: a number stays a number,
so that an ID Excel stored as a number can be caught, not trusted."""

from __future__ import annotations

import codecs
import csv
import importlib
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
    return _xlsx_reader(path).names()


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """One sheet (by name; default: the first with data), or the whole text file."""
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return Sheet(path.stem, _read_text(path))
    reader = _xlsx_reader(path)
    names = reader.names()
    if sheet is not None and sheet not in names:
        raise SimpulError("import.no_sheet", sheet=sheet, sheets=", ".join(names))
    for name in [sheet] if sheet else names:
        rows = reader.rows(name)
        # Empty cells may be "" or None; everything downstream treats them alike.
        if sheet or any(any(c not in (None, "") for c in r) for r in rows):
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


class _Calamine:
    """python-calamine: about 10x faster than openpyxl; holds the sheet in memory."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        self.path = path
        try:
            self.wb = CalamineWorkbook.from_path(str(path))
        except Exception as exc:
            raise _unreadable(path, exc) from exc

    def names(self) -> list[str]:
        return list(self.wb.sheet_names)

    def rows(self, name: str) -> list[list[object]]:
        try:
            return self.wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own errors for broken parts
            raise _unreadable(self.path, exc) from exc


class _Openpyxl:
    """The fallback when calamine's compiled part cannot load (an old Windows, a blocked DLL)."""

    def __init__(self, path: Path) -> None:
        import openpyxl

        self.path = path
        try:
            self.wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise _unreadable(path, exc) from exc

    def names(self) -> list[str]:
        return list(self.wb.sheetnames)

    def rows(self, name: str) -> list[list[object]]:
        try:
            return [list(r) for r in self.wb[name].iter_rows(values_only=True)]
        except Exception as exc:
            raise _unreadable(self.path, exc) from exc


def reads_xlsx_without_the_lock() -> bool:
    """Whether .xlsx files are read by calamine, which leaves Python's lock free while it reads
    (openpyxl, the fallback, holds it throughout)."""
    try:
        importlib.import_module("python_calamine")
    except ImportError:
        return False
    return True


def _xlsx_reader(path: Path) -> _Calamine | _Openpyxl:
    try:
        return _Calamine(path)
    except ImportError:
        return _Openpyxl(path)


def _unreadable(path: Path, exc: BaseException) -> SimpulError:
    reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
    return SimpulError("import.unreadable", file=path.name, reason=reason)


def _text_encodings(raw: bytes) -> tuple[str, ...]:
    """The encodings to try, in order. Excel's "Unicode Text" and some exports write UTF-16 (with
    a byte-order mark, or without one: then every other byte of plain text is zero)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    head = raw[:4000]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # no UTF-8 or cp1252 text has that many NULs
        return ("utf-16-le",) if head[1::2].count(0) > head[0::2].count(0) else ("utf-16-be",)
    return ("utf-8-sig", "cp1252")


def _read_text(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in _text_encodings(raw):
        try:
            content = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # a broken UTF-16 file (cp1252 decodes nearly everything else)
        raise SimpulError("import.unreadable", file=path.name, reason="encoding")
    sample = "\n".join(content.splitlines()[:30])
    counts = {d: sample.count(d) for d in ("|", ";", "\t", ",")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter, quotechar='"')
    return [[c if c.strip() != "" else None for c in row] for row in reader]
