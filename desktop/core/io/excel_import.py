"""From a regency file to checked rows: sheet, header row, column mapping, then every cell
normalised or refused with its reason (the rules per field are in cell_rules), kept as columns.
No database here: the registry comparison and the writing happen in desktop.core.services.imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from desktop.core.domain.identity import nik_mismatches
from desktop.core.domain.people import name_key
from desktop.core.errors import Finding, SimpulError
from desktop.core.io import normalize as norm
from desktop.core.io.cell_rules import NO_CHECK, Lookups, Outcome, PrefixChecks
from desktop.core.io.cell_rules import handlers as cell_handlers
from desktop.core.io.fields import auto_mapping, find_header, header_key, is_numbering_row, source_key
from desktop.core.io.tables import Sheet, read_sheet
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled

__all__ = ["FIELD_ORDER", "NO_CHECK", "Lookups", "Loaded", "ParsedFile", "PrefixChecks", "is_numbering_row", "load",
           "parse", "pick"]


@dataclass
class ParsedFile:
    """The data rows of a file, column by column: `columns[field][i]` is the value of row i, whose
    number in the source file is `numbers[i]` and whose cells as read are `values[i]`. Rows are kept
    as columns because every later step (matching, writing) works a column at a time; a regency
    file has 100,000 rows and a dictionary per row costs more than the checks themselves."""

    path: Path
    sheet: str
    sha256: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]
    source_key: str
    numbers: list[int]
    values: list[list[object]]
    columns: dict[str, list]  # every field of FIELD_ORDER
    errors: dict[int, list[Finding]]  # row index -> reasons it is refused
    warnings: dict[int, list[Finding]]  # row index -> what was flagged
    ignored: int  # empty rows, a column-number row, a totals row

    def __len__(self) -> int:
        return len(self.numbers)

    def fields(self, i: int) -> dict[str, object]:
        """Row i as field -> value (for the few rows that need a closer look)."""
        return {f: column[i] for f, column in self.columns.items()}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Loaded:
    path: Path
    sheet: Sheet
    header_index: int  # 0-based
    headers: list[str]


def load(path: Path, sheet: str | None = None) -> Loaded:
    """Read the sheet once and find its header row below any title block."""
    data = read_sheet(path, sheet)
    guess = find_header(data.rows)
    if guess is None:
        raise SimpulError("import.no_header", file=Path(path).name, sheet=data.name)
    return Loaded(Path(path), data, guess.row, [norm.text(c) or "" for c in data.rows[guess.row]])


_TOTALS = ("JUMLAH", "TOTAL", "GRAND")


def _is_totals_row(values: Sequence[object]) -> bool:
    for c in values[:4]:  # "JUMLAH" / "TOTAL" stands in one of the first cells
        if c not in (None, ""):
            return isinstance(c, str) and header_key(c).split(" ")[0] in _TOTALS
    return False


def _totals_rows(chunk: list[list[object]], lead: list[Sequence[object]]) -> list[int]:
    """Offsets of the totals rows of a chunk, given its first columns (`lead`). Only rows holding
    a word such as "JUMLAH" in those columns get the row-by-row look."""
    suspects: set[int] = set()
    for column in lead:
        texts = [v for v in set(column) if type(v) is str]
        joined = "\n".join(texts).upper()  # one search in C rules out the usual column of IDs or numbers
        if not any(word in joined for word in _TOTALS):
            continue
        words = {v for v in texts if header_key(v).split(" ")[0] in _TOTALS}
        if words:
            suspects.update(k for k, v in enumerate(column) if v in words)
    return [k for k in sorted(suspects) if _is_totals_row(chunk[k])]


PARSE_CHUNK = 5000  # rows per step: progress and Cancel are looked at between steps


def parse(loaded: Loaded, lookups: Lookups, *, mapping: Mapping[int, str] | None = None,
          today: dt.date | None = None, progress: Progress = NULL_PROGRESS,
          checks: PrefixChecks | None = None) -> ParsedFile:
    path, data, header_index, headers = loaded.path, loaded.sheet, loaded.header_index, loaded.headers
    today = today or dt.date.today()
    mapping = dict(mapping) if mapping is not None else auto_mapping(headers)
    if "name" not in mapping.values():
        raise SimpulError("import.no_name_column", headers=", ".join(h for h in headers if h))
    cells = Cells(lookups, today, sorted(mapping.items()), checks)
    wanted = sorted(set(mapping) | set(range(4)))  # the mapped columns, and the first four for totals rows
    numbers: list[int] = []
    values: list[list[object]] = []
    columns: dict[str, list] = {f: [] for f in FIELD_ORDER}
    errors: dict[int, list[Finding]] = {}
    warnings: dict[int, list[Finding]] = {}
    body = data.rows[header_index + 1:]
    first_number = header_index + 2  # Excel's row number of body[0]
    progress.start(len(body), "Membaca baris")
    for start in range(0, len(body), PARSE_CHUNK):
        check_cancelled(progress)
        chunk = body[start:start + PARSE_CHUNK]
        progress.advance(len(chunk))
        table = dict(zip(wanted, _columns(chunk, wanted), strict=True))
        skip = _totals_rows(chunk, [table[i] for i in range(4)])
        if start == 0 and chunk and is_numbering_row(chunk[0]):
            skip.insert(0, 0)
        if skip:
            dropped = set(skip)
            kept = [k for k in range(len(chunk)) if k not in dropped]
            table = {i: pick(column, kept) for i, column in table.items()}
        else:
            kept = range(len(chunk))
        kept, block, errs, warns = cells.block(table, kept)  # leaves out rows with nothing Simpul reads
        base = len(numbers)
        numbers += [first_number + start + k for k in kept]
        values += [chunk[k] for k in kept]
        for f, column in block.items():
            columns[f] += column
        errors.update((base + i, found) for i, found in errs.items())
        warnings.update((base + i, found) for i, found in warns.items())
    return ParsedFile(path, data.name, file_sha256(path), header_index + 1, headers, mapping, source_key(headers),
                      numbers, values, columns, errors, warnings, len(body) - len(numbers))


def _columns(rows: list[list[object]], wanted: list[int]) -> list[Sequence[object]]:
    """Columns `wanted` of the rows (short rows padded with None); the transpose is done in C."""
    if not rows:
        return [() for _ in wanted]
    if len(wanted) > 1 and min(map(len, rows)) > wanted[-1]:  # a sheet read by calamine is rectangular
        return list(zip(*map(itemgetter(*wanted), rows)))
    table = list(itertools.zip_longest(*rows))
    nothing = (None,) * len(rows)
    return [table[i] if i < len(table) else nothing for i in wanted]


def pick(column: Sequence[object], positions: Sequence[int]) -> list[object]:
    """column[i] for each i of `positions`, in C."""
    if not positions:
        return []
    if len(positions) == 1:
        return [column[positions[0]]]
    return list(itemgetter(*positions)(column))


_NO_PPKS: tuple[int, ...] = ()
# The fields of ParsedFile.columns.
FIELD_ORDER = ("name", "name_key", "sex", "birth_date", "birth_place", "nik", "nik_mismatch", "no_kk", "address",
               "dusun", "rt", "rw", "desa_code", "relationship_code", "religion_code", "marital_status_code",
               "education_code", "occupation", "phone", "notes", "disability", "desil", "ppks", "ppks_unmapped")
# ParsedFile.columns key -> the mapped field it comes from (the rest are derived below).
_SOURCE = {"desa_code": "desa", "relationship_code": "relationship", "religion_code": "religion",
           "marital_status_code": "marital_status", "education_code": "education"}


# Fields whose every cell is worked, without remembering outcomes by value: each value is
# distinct (a NIK), so a memo would only cost hashing.
_EVERY_CELL = {"nik"}
_BORN, _SEX = operator.attrgetter("date"), operator.attrgetter("sex")


def _still_blank(blank: list[bool] | None, raws: Sequence[object], count: int) -> list[bool] | None:
    """Rows with nothing in any mapped column so far, after one more column (None: no row is blank)."""
    if blank is None:
        return None
    empty = raws.count(None) + raws.count("")
    if not empty:
        return None
    if empty == count:
        return blank
    return [b and (raw is None or raw == "") for b, raw in zip(blank, raws)]


class Cells:
    """Normalises a block of rows column by column, and remembers the outcome for every distinct
    raw value: regency files repeat the same desa, RT, sex, religion or date thousands of times.
    Working a column at a time lets the repeated values cost a dictionary lookup done in C
    instead of Python statements per cell; only distinct values reach the handlers. The NIK
    column, distinct by nature, goes to its handler whole (see _EVERY_CELL)."""

    def __init__(self, lookups: Lookups, today: dt.date, columns: list[tuple[int, str]],
                 checks: PrefixChecks | None = None) -> None:
        self.columns = columns  # (column index, field), in column order
        handlers = cell_handlers(lookups, today, checks or PrefixChecks(today))
        # Plain closures, not bound methods kept on self: no reference cycle, so the memo (one
        # entry per distinct NIK) is freed as soon as parsing ends, not at the next collection.
        self.handlers = [handlers[f] for _, f in columns]  # distinct raw values -> their outcomes
        self.memo: dict[str, dict[object, Outcome]] = {f: {} for _, f in columns}
        self.values: dict[str, dict[object, object]] = {f: {} for _, f in columns}  # the memo's values alone
        self.flagged: dict[str, set] = {f: set() for _, f in columns}  # raw values with findings

    def block(self, table: Mapping[int, Sequence[object]], kept: Sequence[int]
              ) -> tuple[Sequence[int], dict[str, list], dict[int, list[Finding]], dict[int, list[Finding]]]:
        """The fields of a block of rows, given its columns by index; `kept` are the rows' offsets
        in their chunk. Returns the offsets of the rows kept (a row is left out when no mapped column
        holds anything), every field of FIELD_ORDER as a column, and the findings by row."""
        count = len(kept)
        nothing = (None,) * count
        got: dict[str, list] = {}
        errors: dict[int, list[Finding]] = {}
        warnings: dict[int, list[Finding]] = {}
        blank: list[bool] | None = [True] * count  # no mapped cell of the row holds anything (None: none is blank)
        for (index, field_name), handler in zip(self.columns, self.handlers, strict=True):
            raws = table[index]
            if field_name in _EVERY_CELL:  # the handler takes the whole column (and gives the NIK checks)
                got[field_name], found, got["nik_check"] = handler(raws)
                for k, (errs, warns) in sorted(found.items()):
                    if errs:
                        errors.setdefault(k, []).extend(errs)
                    if warns:
                        warnings.setdefault(k, []).extend(warns)
                blank = _still_blank(blank, raws, count)
                continue
            known, outcomes, flagged = self.values[field_name], self.memo[field_name], self.flagged[field_name]
            try:
                got[field_name] = list(map(known.__getitem__, raws))
            except KeyError:  # values not seen before: each distinct one goes to its handler once
                new = [raw for raw in dict.fromkeys(raws) if raw not in outcomes]  # first seen first
                found = handler(new)
                outcomes.update(zip(new, found))
                known.update(zip(new, [outcome[0] for outcome in found]))
                flagged.update([raw for raw, outcome in zip(new, found) if outcome[1] or outcome[2]])
                got[field_name] = list(map(known.__getitem__, raws))
            if flagged and not flagged.isdisjoint(raws):
                for k, raw in enumerate(raws):
                    if raw in flagged:
                        _, errs, warns = outcomes[raw]
                        if errs:
                            errors.setdefault(k, []).extend(errs)
                        if warns:
                            warnings.setdefault(k, []).extend(warns)
            blank = _still_blank(blank, raws, count)
        if blank is not None and any(blank):
            keep = [k for k, b in enumerate(blank) if not b]
            kept = [kept[k] for k in keep]
            got = {f: pick(column, keep) for f, column in got.items()}
            renumber = {k: i for i, k in enumerate(keep)}
            errors = {renumber[k]: found for k, found in errors.items() if k in renumber}
            warnings = {renumber[k]: found for k, found in warnings.items() if k in renumber}
            count = len(keep)
            nothing = (None,) * count

        def column(name: str) -> list:
            return got.get(name) or list(nothing)

        out = {f: column(_SOURCE.get(f, f)) for f in FIELD_ORDER}
        names = out["name"]
        keys = {n: name_key(n or "") for n in dict.fromkeys(names)}
        out["name_key"] = list(map(keys.__getitem__, names))
        out["nik_mismatch"] = [False] * count  # set below where the NIK disagrees
        if "rt_rw" in got:  # an "RT/RW" column wins over separate ones when it gave a pair
            pairs = [p or (rt, rw) for p, rt, rw in zip(got["rt_rw"], out["rt"], out["rw"])]
            out["rt"], out["rw"] = [p[0] for p in pairs], [p[1] for p in pairs]
        # (category numbers, values no spelling names) per cell: two columns
        pairs = out["ppks"]
        out["ppks"] = [p[0] if p else _NO_PPKS for p in pairs]
        out["ppks_unmapped"] = [p[1] if p else _NO_PPKS for p in pairs]
        sexes, births = out["sex"], out["birth_date"]
        if "nik" in got:
            checked = got["nik_check"]
            born, gender = list(map(_BORN, checked)), list(map(_SEX, checked))
            # Where the row's birth date or sex differs from its NIK's: found in C, then looked at.
            differ: set[int] = set()
            for given, from_nik in ((births, born), (sexes, gender)):
                if given.count(None) != count:
                    differ.update(itertools.compress(range(count), map(operator.ne, given, from_nik)))
            for k in sorted(differ):
                if checked[k] is not NO_CHECK:
                    found = nik_mismatches(checked[k], births[k], sexes[k])
                    if found:
                        out["nik_mismatch"][k] = True
                        warnings.setdefault(k, []).extend(found)
            if None in sexes:  # the NIK knows the sex; not a guess
                out["sex"] = sexes = [from_nik if sex is None else sex for sex, from_nik in zip(sexes, gender)]
            if None in out["nik"]:
                for k in [k for k, digits in enumerate(out["nik"]) if digits is None]:
                    if k not in errors:
                        warnings.setdefault(k, []).append(Finding("import.no_nik", "warning"))
        for k in [k for k, sex in enumerate(sexes) if sex is None]:
            if k not in errors:
                errors[k] = [Finding("import.sex_missing")]
        return kept, out, errors, warnings


