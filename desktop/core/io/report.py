"""The import error report: every row that was not taken as it stood, as it was in the source file,
with its row number and the reason in the user's language.

A messy regency file flags one row in seven: 15,000 rows of 30 cells. A general xlsx library spends
some 10 µs a cell on them (as long as reading the whole file), so the sheet is written here
directly: one shared-string table, one line of XML per row, a handful of fixed styles.

The report is also kept with its import batch (`pack`/`unpack`), so that it can be written again
after a crash (`simpul import-report`)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.core.i18n import number, t
from desktop.core.io.outputs import write_bytes


@dataclass(frozen=True)
class ReportRow:
    number: int
    status: str  # ditolak | konflik | ditandai
    reasons: list[str]
    values: list[object]


@dataclass(frozen=True)
class Report:
    """A report as kept with its batch."""

    file: str
    sheet: str
    headers: list[str]
    rows: list[ReportRow]


# ---- kept with the batch ----------------------------------------------------------------------

def _jsonable(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def _restore(cell: object) -> object:
    if type(cell) is dict:
        if "datetime" in cell:
            return dt.datetime.fromisoformat(cell["datetime"])
        if "date" in cell:
            return dt.date.fromisoformat(cell["date"])
    return cell


def pack(report: Report) -> bytes:
    """The report as compressed JSON, cells with their types (a date stays a date)."""
    data = {"file": report.file, "sheet": report.sheet, "headers": list(report.headers),
            "rows": [[r.number, r.status, r.reasons, r.values] for r in report.rows]}
    return zlib.compress(json.dumps(data, ensure_ascii=False, default=_jsonable).encode(), 1)


def unpack(blob: bytes) -> Report:
    data = json.loads(zlib.decompress(blob))
    rows = [ReportRow(n, status, reasons, [_restore(c) if type(c) is dict else c for c in values])
            for n, status, reasons, values in data["rows"]]
    return Report(data["file"], data["sheet"], data["headers"], rows)


# ---- the xlsx -----------------------------------------------------------------------------------

# Styles by index (cellXfs below).
_TITLE, _HEAD, _TEXT, _DATE, _WRAP, _REFUSED, _CONFLICT, _FLAGGED = range(1, 9)
_STATUS_STYLE = {"ditolak": _REFUSED, "konflik": _CONFLICT, "ditandai": _FLAGGED}
_EPOCH = dt.datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry: written as Excel's _xHHHH_ escapes.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _column_letters(n: int) -> list[str]:
    letters = []
    for i in range(n):
        name, k = "", i + 1
        while k:
            k, rest = divmod(k - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


class _Strings:
    """The shared-string table: each distinct text once."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = []
        for text in self.index:
            safe = escape(text)
            if _ILLEGAL.search(safe):
                safe = _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", safe)
            space = ' xml:space="preserve"' if safe[:1].isspace() or safe[-1:].isspace() else ""
            items.append(f"<si><t{space}>{safe}</t></si>")
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_NS}" '
                f'uniqueCount="{len(self.index)}">' + "".join(items) + "</sst>")


def _cell(ref: str, value: object, strings: _Strings) -> str:
    """One cell with its original type: a number stays a number (that is the point for an ID
    Excel turned into 6.40206E+15), a date stays a date, text stays text, never a formula."""
    kind = type(value)
    if kind is str:
        return f'<c r="{ref}" s="{_TEXT}" t="s"><v>{strings.ref(value)}</v></c>'
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f'<c r="{ref}"><v>{value!r}</v></c>' if value == value and abs(value) != float("inf") else \
            f'<c r="{ref}" s="{_TEXT}" t="s"><v>{strings.ref(str(value))}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}" s="{_DATE}"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{_DATE}"><v>{(value - _EPOCH.date()).days}</v></c>'
    return f'<c r="{ref}" s="{_TEXT}" t="s"><v>{strings.ref(str(value))}</v></c>'


def write_report(path: Path, source_name: str, sheet: str, headers: Sequence[str],
                 rows: Sequence[ReportRow]) -> Path:
    """Write the report through desktop.core.io.outputs (beside the target, then renamed into place)."""
    return write_bytes(render_report(source_name, sheet, headers, rows), path, "xlsx")


def render_report(source_name: str, sheet: str, headers: Sequence[str], rows: Sequence[ReportRow]) -> bytes:
    """The report as the bytes of an .xlsx file (an import makes them while SQLite writes)."""
    strings = _Strings()
    columns = [t("report.row"), t("report.status"), t("report.reason"), *headers]
    width = max(len(columns), 3 + max((len(r.values) for r in rows), default=0))
    letters = _column_letters(width)
    status_text = {status: strings.ref(t(f"report.{status}")) for status in _STATUS_STYLE}
    title = strings.ref(t("report.title", file=source_name, sheet=sheet))
    subtitle = strings.ref(t("report.subtitle", date=dt.datetime.now().strftime("%d-%m-%Y %H:%M"), count=number(len(rows))))
    lines = [
        f'<row r="1"><c r="A1" s="{_TITLE}" t="s"><v>{title}</v></c></row>',
        f'<row r="2"><c r="A2" t="s"><v>{subtitle}</v></c></row>',
        '<row r="4">' + "".join(f'<c r="{letters[c]}4" s="{_HEAD}" t="s"><v>{strings.ref(text or f"({c - 2})")}</v></c>'
                                for c, text in enumerate(columns)) + "</row>",
    ]
    cell = _cell
    for r, row in enumerate(rows, start=5):
        status = _STATUS_STYLE[row.status]
        parts = [f'<row r="{r}"><c r="A{r}"><v>{row.number}</v></c><c r="B{r}" s="{status}" t="s">'
                 f'<v>{status_text[row.status]}</v></c><c r="C{r}" s="{_WRAP}" t="s">'
                 f'<v>{strings.ref(" ".join(row.reasons))}</v></c>']
        parts += [cell(f"{letters[c]}{r}", v, strings) for c, v in enumerate(row.values, start=3)
                  if v is not None and v != ""]
        parts.append("</row>")
        lines.append("".join(parts))
    last = 4 + len(rows)
    filter_ref = f"A4:{letters[len(columns) - 1]}{last}"
    widths = [7, 10, 60] + [18] * (width - 3)
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w + 0.7109375}" customWidth="1"/>'
                   for i, w in enumerate(widths))
    sheet_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS}" '
                 f'xmlns:r="{_NS_R}"><dimension ref="A1:{letters[-1]}{last}"/><sheetViews><sheetView '
                 f'tabSelected="1" workbookViewId="0"><pane xSplit="3" ySplit="4" topLeftCell="D5" '
                 f'activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView>'
                 f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
                 + "".join(lines) + f'</sheetData><autoFilter ref="{filter_ref}"/></worksheet>')
    name = escape(t("report.sheet")[:31], {'"': "&quot;"})
    quoted = "'" + t("report.sheet")[:31].replace("'", "''") + "'"
    absolute = f"$A$4:${letters[len(columns) - 1]}${last}"
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_NS}" '
                f'xmlns:r="{_NS_R}"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets><definedNames>'
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                f'{escape(quoted)}!{absolute}</definedName></definedNames></workbook>')
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        z.writestr("xl/sharedStrings.xml", strings.xml())
    return content.getvalue()


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_NS_R}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_NS_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_NS_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_TOP = '<alignment vertical="top"/>'
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="5"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="12"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><sz val="11"/><color rgb="FF9C0006"/><name val="Calibri"/></font>'
    '<font><sz val="11"/><color rgb="FF9C5700"/><name val="Calibri"/></font></fonts>'
    '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/><bgColor indexed="64"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill>'
    '</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    f'<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">{_TOP}</xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    f'<xf numFmtId="0" fontId="3" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="0" fontId="4" fillId="4" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{_TOP}</xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
