"""`simpul check`: is this database sound, current and plausible? And the quick check made
whenever a registry is opened, which puts a damaged one in read-only mode.

The full check runs SQLite's integrity check first; a damaged file is named (which tables), with
the newest backup that is still intact, and the other checks are skipped (they would only meet
the same damage). The quick check is bounded in time: the header, then `PRAGMA quick_check` until
its budget is spent (about 0.3-0.5 s for 200,000 persons on a warm disk, so it usually finishes)."""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.core.db import cipher, schema
from desktop.core.db.engine import Database
from desktop.core.db.models import Family, Person, PpksCategory, PpksRecord, PsksEntry, PsksType, Region
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.errors import Finding, FindingsMixin, StorageError
from desktop.core.i18n import number, t
from desktop.core.services.backup_files import read_only
from desktop.core.services.office import get_office
from desktop.core.services.registry import HEAD_OF_FAMILY

EXPECTED_REFERENCE = {PpksCategory: 26, PsksType: 12}
QUICK_BUDGET_S = 1.5
SQLITE_MAGIC = b"SQLite format 3\x00"
CIPHER_PAGE = 4096  # SQLCipher 4's page size


@dataclass
class CheckReport(FindingsMixin):
    findings: list[Finding] = field(default_factory=list)
    info: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def run_check(db: Database) -> CheckReport:
    report = CheckReport()
    if db.file is not None and db.file.exists():
        damage = find_damage(db.file)
        if damage and damage.objects == (t("damage.header"),):  # not a database at all: nothing to list
            raise StorageError("damage.unreadable", path=str(db.file), reason=damage.problems[0],
                               advice=restore_advice(db.file))
        if damage:
            report.findings.append(Finding("check.damaged", params={
                "where": ", ".join(damage.objects) or "-", "sample": "; ".join(damage.problems[:3]),
                "advice": restore_advice(db.file)}))
            return report
    st = schema.state(db)
    report.info.append(Finding("check.revision", "info", {"current": st.current or "-", "head": st.head}))
    schema.require_current(db)  # raises with advice when empty, old or newer
    with db.read() as s:
        if db.is_sqlite:
            _sqlite_integrity(s, report)
        _profile(s, report)
        _reference(s, report)
        _identifiers(s, report)
        _families(s, report)
        _audit_chain(s, report, db.place)
        report.info.append(Finding("check.counts", "info", {
            "families": number(_count(s, Family)), "persons": number(_count(s, Person)),
            "ppks": number(_count(s, PpksRecord)), "psks": number(_count(s, PsksEntry))}))
    return report


def _audit_chain(s: Session, report: CheckReport, place: str) -> None:
    """Every entry of the audit trail follows from the one before (desktop.core.db.audit), and
    the newest entry this computer saw written is still there (desktop.core.db.audit_anchor)."""
    from desktop.core.db.audit import verify_chain
    from desktop.core.db.audit_anchor import first_missing

    chain = verify_chain(s)
    missing = first_missing(s.connection(), place) if chain.ok else None
    if not chain.ok:
        report.findings.append(Finding("check.audit_broken", params={"id": chain.first_broken}))
    elif missing is not None:
        report.findings.append(Finding("check.audit_tail", params={"id": missing}))
    else:
        report.info.append(Finding("check.audit_ok", "info", {"n": number(chain.checked)}))


def _count(s: Session, model, *where) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _sqlite_integrity(s: Session, report: CheckReport) -> None:
    """The pages were checked by `find_damage`; what is left is rows that point nowhere."""
    problems: dict[str, int] = {}
    for row in s.execute(text("PRAGMA foreign_key_check")):
        problems[row[0]] = problems.get(row[0], 0) + 1
    for table, count in problems.items():
        report.findings.append(Finding("check.foreign_keys", params={"table": table, "count": count}))


def _profile(s: Session, report: CheckReport) -> None:
    office = get_office(s)
    if office is None:
        report.findings.append(Finding("check.office_missing"))
        return
    if not _count(s, Region, Region.parent_code == office.kecamatan_code):
        report.findings.append(Finding("check.regions_missing"))
    desa = select(Region.code).where(Region.parent_code == office.kecamatan_code)
    outside = _count(s, Person, Person.desa_code.is_not(None), Person.desa_code.not_in(desa))
    outside += _count(s, Family, Family.desa_code.is_not(None), Family.desa_code.not_in(desa))
    if outside:
        report.findings.append(Finding("check.desa_outside", "warning", {"count": outside}))


def _reference(s: Session, report: CheckReport) -> None:
    for model, expected in EXPECTED_REFERENCE.items():
        count = _count(s, model)
        if count != expected:
            report.findings.append(Finding("check.reference", params={
                "table": model.__tablename__, "count": count, "expected": expected}))


def _identifiers(s: Session, report: CheckReport) -> None:
    # Stored values passed validation when written; this catches rows written around the services
    # (an old import, a hand edit in another tool). Region names are not looked up: too slow here.
    bad_nik = [n for n in s.scalars(select(Person.nik).where(Person.nik.is_not(None)))
               if not check_nik(n, check_region=False).valid]
    if bad_nik:
        report.findings.append(Finding("check.invalid_nik", params={"count": len(bad_nik), "example": bad_nik[0]}))
    bad_kk = [k for k in s.scalars(select(Family.no_kk).where(Family.no_kk.is_not(None)))
              if not check_kk(k, check_region=False).valid]
    if bad_kk:
        report.findings.append(Finding("check.invalid_kk", params={"count": len(bad_kk), "example": bad_kk[0]}))
    without = _count(s, Person, Person.nik.is_(None))
    if without:
        report.findings.append(Finding("check.without_nik", "warning", {"count": without}))
    mismatch = _count(s, Person, Person.nik_mismatch.is_(True))
    if mismatch:
        report.findings.append(Finding("check.nik_mismatch", "warning", {"count": mismatch}))


def _families(s: Session, report: CheckReport) -> None:
    heads = (select(Person.family_id, func.count().label("n"))
             .where(Person.relationship_code == HEAD_OF_FAMILY, Person.family_id.is_not(None))
             .group_by(Person.family_id).subquery())
    without = s.scalar(select(func.count()).select_from(Family).outerjoin(heads, heads.c.family_id == Family.id)
                       .where(heads.c.n.is_(None))) or 0
    if without:
        report.findings.append(Finding("check.family_without_head", "warning", {"count": without}))
    many = s.scalar(select(func.count()).select_from(heads).where(heads.c.n > 1)) or 0
    if many:
        report.findings.append(Finding("check.family_many_heads", "warning", {"count": many}))


# -- damage ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Damage:
    problems: tuple[str, ...]  # SQLite's own words
    objects: tuple[str, ...]  # "tabel person", "indeks tabel family", "kepala berkas"


@dataclass(frozen=True)
class Health:
    """The quick check's verdict. `complete` is false when its time ran out first (not damage)."""

    damaged: bool
    complete: bool = True
    problems: tuple[str, ...] = ()
    seconds: float = 0.0


def _header_problem(file: Path) -> str | None:
    try:
        with open(file, "rb") as f:
            head = f.read(100)
        size = file.stat().st_size
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if not head:
        return None  # a new, empty file
    if cipher.kind(file) == "encrypted":  # the header is encrypted too: the pages' HMACs judge it
        return t("damage.truncated", size=size, page=CIPHER_PAGE) if size % CIPHER_PAGE else None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return t("damage.not_sqlite")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return t("damage.page_size", size=page_size)
    if size % page_size:
        return t("damage.truncated", size=size, page=page_size)
    return None


def quick_check(file: Path, budget_s: float = QUICK_BUDGET_S) -> Health:
    """Bounded check for opening a registry: the header, then SQLite's quick_check for at most
    `budget_s` seconds. A file that does not exist yet is healthy."""
    started = time.monotonic()
    if not file.exists():
        return Health(False)
    problem = _header_problem(file)
    if problem:
        return Health(True, True, (problem,), time.monotonic() - started)
    deadline = started + budget_s
    try:
        conn = read_only(file, timeout=1)
    except cipher.errors() as exc:
        return Health(False, False, (str(exc),), time.monotonic() - started)
    try:
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(10)")]
        return Health(rows != ["ok"], True, tuple(r for r in rows if r != "ok"), time.monotonic() - started)
    except cipher.operational_errors() as exc:  # out of time, or locked by another program
        if "interrupted" in str(exc) or "locked" in str(exc):
            return Health(False, False, (), time.monotonic() - started)
        return Health(True, True, (str(exc),), time.monotonic() - started)
    except cipher.database_errors() as exc:  # "database disk image is malformed"
        return Health(True, True, (str(exc),), time.monotonic() - started)
    finally:
        conn.close()


def find_damage(file: Path) -> Damage | None:
    """The full check: SQLite's integrity check, and when it fails, which tables are hit (each
    table is checked alone, then read without its indexes to tell index damage from data loss)."""
    problem = _header_problem(file)
    if problem:
        return Damage((problem,), (t("damage.header"),))
    try:
        conn = read_only(file)
    except cipher.errors() as exc:
        return Damage((str(exc),), (t("damage.header"),))
    try:
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        except cipher.database_errors() as exc:
            rows = [str(exc)]
        if rows == ["ok"]:
            return None
    finally:
        conn.close()
    return Damage(tuple(rows), tuple(_damaged_objects(file)))


def _damaged_objects(file: Path) -> list[str]:
    """Each table checked alone, through a fresh connection after each failure (SQLCipher
    refuses every later read on a connection that met a page whose HMAC did not match)."""
    conn = read_only(file)
    try:
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        except cipher.database_errors():
            return [t("damage.schema")]
        hit = []
        for name in tables:
            try:
                if conn.execute(f'PRAGMA quick_check("{name}")').fetchall() == [("ok",)]:
                    continue
            except cipher.database_errors():
                conn.close()
                conn = read_only(file)
            try:
                conn.execute(f'SELECT count(*) FROM "{name}" NOT INDEXED').fetchone()
                hit.append(t("damage.index", table=name))
            except cipher.database_errors():
                conn.close()
                conn = read_only(file)
                hit.append(t("damage.table", table=name))
        return hit
    finally:
        conn.close()


def restore_advice(file: Path) -> str:
    """"Restore the newest good backup: …", or what to do when there is none."""
    from desktop.core import paths
    from desktop.core.services.backup import newest_good

    best = newest_good(paths.backups_dir(file), of=file)
    if best is None:
        return t("damage.no_backup", folder=str(paths.backups_dir(file)))
    return t("damage.newest_backup", path=str(best.path), summary=best.summary)


# -- read-only mode ----------------------------------------------------------------------------
def guard(db: Database, budget_s: float = QUICK_BUDGET_S) -> Health | None:
    """What opening a registry calls: the quick check, and read-only mode when it finds damage.
    Returns the verdict when the registry is damaged (for the banner), else None."""
    if db.file is None:
        return None
    health = quick_check(db.file, budget_s)
    if not health.damaged:
        return None
    refuse_writes(db)
    return health


def banner_text(db: Database, health: Health) -> str:
    return t("damage.banner", path=db.display_name, problems="; ".join(health.problems[:2]) or "-")


_read_only: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> its connect hook


def refuse_writes(db: Database) -> None:
    """Put a damaged registry in read-only mode: every connection opened from now on refuses
    writes (SQLite's query_only), so no import or edit can land in the damaged file."""
    from sqlalchemy import event

    if db.engine in _read_only or not db.is_sqlite:
        return

    def on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA query_only = ON")

    event.listen(db.engine, "connect", on_connect)
    _read_only[db.engine] = on_connect


def allow_writes(db: Database) -> None:
    """Lift read-only mode (after a restore put a sound file in place)."""
    from sqlalchemy import event

    hook = _read_only.pop(db.engine, None)
    if hook is not None:
        event.remove(db.engine, "connect", hook)


def is_read_only(db: Database) -> bool:
    return db.engine in _read_only


def require_writable(db: Database) -> None:
    """For work that would write (an import, the demo, init, upgrade): refuse, in words, on a
    registry in read-only mode."""
    if is_read_only(db):
        raise StorageError("damage.read_only", path=db.display_name)
