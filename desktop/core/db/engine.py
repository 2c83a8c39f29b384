"""Opening a database: an SQLite file by default, or any SQLAlchemy URL (PostgreSQL for a regency).

Every unit of work goes through `Database.transaction()`, which lands whole or not at all, records
the actor for the audit trail, and turns driver errors into messages an operator can act on.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from desktop.core import paths
from desktop.core.db import cipher, write_guard
from desktop.core.db.audit import install_audit_hooks
from desktop.core.errors import StorageError

BUSY_TIMEOUT_MS = 10_000


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """`--db` value, else $SIMPUL_DB, else the default file. A value with "://" is a URL."""
    if target is None:
        target = os.environ.get("SIMPUL_DB") or paths.default_db_path()
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_conn, _record) -> None:
        # The stdlib driver opens its own transactions lazily; pragmas must run outside one.
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA cache_size = -65536")  # 64 MB: bulk writes keep indexes in memory
        cur.close()

    return on_connect


class AuditedSession(Session):
    """A Session whose flushes write audit_log rows (see desktop.core.db.audit)."""


install_audit_hooks(AuditedSession)
write_guard.install(AuditedSession)


@dataclass(eq=False)
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[AuditedSession]
    # The logged-in user, recorded in the audit trail of every transaction that names no other.
    actor: str | None = None
    # What that user may see (an access.Actor), handed to every session: services ask
    # `access.of(session)`. None: a registry without users, or a test, sees everything.
    principal: object | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def file(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @property
    def encrypted(self) -> bool:
        return self.file is not None and cipher.is_encrypted(self.file)

    @property
    def place(self) -> str:
        """Where the registry lives, for names that must differ between two copies of it."""
        return str(self.file) if self.file else self.url.render_as_string(hide_password=True)

    @property
    def display_name(self) -> str:
        """For the status bar and messages: the file path, or the URL without its password."""
        return str(self.file) if self.file else self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None, *, job: str | None = None) -> Iterator[AuditedSession]:
        """One unit of work: commits when the block ends, rolls back on any exception.
        A long writer names its `job` (a key of JOBS): it runs alone across every process on
        this database and holds the write lock from its first statement, so that what it read
        cannot be changed under it (two imports at once met as an IntegrityError before). A
        second job is told plainly which job runs and since when."""
        from desktop.core.db import audit_anchor

        with translate_errors(self):
            with job_lock(self, job) if job else contextlib.nullcontext():
                with self.sessions.begin() as session:
                    session.info["actor"] = actor or self.actor or default_actor()
                    session.info["access"] = self.principal
                    if job:
                        _reserve(self, session, job)
                    yield session
                    anchor = None
                    if session.in_transaction():  # not rolled back inside the block
                        session.flush()  # the last audit entries, so that the newest is known
                        anchor = audit_anchor.pending(session.connection(), self.place)
            audit_anchor.remember(anchor)  # committed: the trail's end, kept outside the file

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with translate_errors(self):
            with self.sessions() as session:
                session.info["access"] = self.principal
                yield session

    def dispose(self) -> None:
        self.engine.dispose()


def default_actor() -> str:
    """Who is at the keyboard: the operator name if set, else the Windows/Unix login."""
    for var in ("SIMPUL_USER", "USERNAME", "USER", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var][:80]
    return "operator"


def open_database(target: str | os.PathLike[str] | URL | None = None, *,
                  busy_timeout_ms: int = BUSY_TIMEOUT_MS, create_folder: bool = False,
                  key: bytes | None = None) -> Database:
    """Connect (lazily) to a database; no table is created or migrated here (see schema.py).
    A writer waits up to `busy_timeout_ms` for another writer before reporting a lock. An SQLite
    file's folder is created only with `create_folder` (`init`): elsewhere a missing folder is a
    typo to report, not a tree to grow. A new file is created readable by its owner only, and
    encrypted when a `key` is given (desktop.core.db.cipher); an encrypted file is opened with
    the key of this computer's key ring that fits (StorageError `cipher.no_key` when none does)."""
    try:
        url = target if isinstance(target, URL) else resolve_url(target)
        url.get_dialect()  # an unknown scheme ("foo://bar") or a missing driver fails here
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError, ValueError) as exc:
        raise StorageError("db.bad_url", url=_safe_url(target), reason=type(exc).__name__) from None
    if url.get_backend_name() == "sqlite":
        file = Path(url.database) if url.database and url.database != ":memory:" else None
        if file is not None:
            _prepare_sqlite_file(file, create_folder)
            if key is not None and cipher.kind(file) == "new":
                cipher.create(file, key)
        engine = _sqlite_engine(url, cipher.key_for(file, key) if file else None, busy_timeout_ms)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return Database(url, engine, sessionmaker(engine, class_=AuditedSession, expire_on_commit=False))


def _sqlite_engine(url: URL, key: bytes | None, busy_timeout_ms: int) -> Engine:
    """A plain file through the stdlib driver; an encrypted one through SQLCipher, keyed before
    any other statement (the creator), then given the same pragmas."""
    if key is None:
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": busy_timeout_ms / 1000})
    else:
        import sqlcipher3.dbapi2

        file = Path(url.database)
        engine = create_engine(url, poolclass=NullPool, module=sqlcipher3.dbapi2,
                               creator=lambda: cipher.connect(file, key, timeout=busy_timeout_ms / 1000))
    event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
    return engine


def reopen(db: Database) -> None:
    """After the file under `db` was replaced by one with another key (or none), e.g. a restore:
    connect anew with what opens it now. Sessions made from now on use the new engine."""
    if db.file is None:
        return
    db.engine.dispose()
    db.engine = _sqlite_engine(db.url, cipher.key_for(db.file), BUSY_TIMEOUT_MS)
    db.sessions.configure(bind=db.engine)


# Long writers, with what an operator calls them.
JOBS = {"import": ("impor data", "an import"), "undo-import": ("pembatalan impor", "an import being undone"),
        "demo": ("pengisian data contoh", "demo data being added"),
        "restore": ("pemulihan cadangan", "a backup being restored"),
        "encrypt": ("enkripsi basis data", "the database being encrypted"),
        "verivali-close": ("penutupan putaran verivali", "a verivali round being closed")}
JOB_WAIT_S = 3.0  # a job about to end is waited for; a long one is reported
_PG_JOB_KEY = 0x53696D70  # "Simp": the advisory lock all of Simpul's jobs share


def _job_name(job: str) -> str:
    from desktop.core import i18n

    names = JOBS.get(job, (job, job))
    return names[0] if i18n.language() == "id" else names[1]


@contextlib.contextmanager
def job_lock(db: Database, job: str) -> Iterator[None]:
    """The cross-process lock of SQLite jobs: a lock file beside the database (released by the
    operating system when a process dies) and a note of who holds it. PostgreSQL jobs use an
    advisory lock inside their transaction instead (see _reserve)."""
    file = db.file
    if file is None:
        yield
        return
    import json
    import socket

    from filelock import FileLock, Timeout

    lock = FileLock(str(file) + ".lock", mode=0o600)
    note = Path(str(file) + ".lock.json")
    try:
        lock.acquire(timeout=JOB_WAIT_S)
    except Timeout:
        try:
            held = json.loads(note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            held = {}
        if not held:
            raise StorageError("db.job_running_unknown") from None
        raise StorageError("db.job_running", running=_job_name(held.get("job", "")),
                           since=held.get("since", "-"), host=held.get("host", "-")) from None
    try:
        import datetime as dt

        with contextlib.suppress(OSError):
            note.write_text(json.dumps({"job": job, "since": dt.datetime.now().strftime("%d-%m-%Y %H.%M"),
                                        "host": socket.gethostname(),
                                        "pid": os.getpid()}), encoding="utf-8")
        yield
    finally:
        with contextlib.suppress(OSError):
            note.unlink()
        lock.release()


def _reserve(db: Database, session: Session, job: str) -> None:
    """Take the database's write lock now rather than at the job's first write."""
    from sqlalchemy import text

    if db.is_sqlite:
        # A write statement takes SQLite's RESERVED lock even when it changes no row; other
        # writers wait (busy_timeout) while readers go on.
        with contextlib.suppress(sa_exc.OperationalError):  # not initialised: nothing to guard yet
            with session.begin_nested():
                session.execute(text("UPDATE alembic_version SET version_num = version_num WHERE 0"))
        return
    # Keyed by schema too: kecamatan that share a regency's database each run their own jobs.
    if not session.execute(text("SELECT pg_try_advisory_xact_lock(:k, hashtext(current_schema()))"),
                           {"k": _PG_JOB_KEY}).scalar():
        raise StorageError("db.job_running_unknown")


def _safe_url(target: object) -> str:
    """A --db value for a message: a URL's password is never repeated."""
    text = os.fspath(target) if isinstance(target, (str, os.PathLike)) else str(target)
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"
    return text


def _prepare_sqlite_file(file: Path, create_folder: bool) -> None:
    from desktop.core.io import outputs

    if create_folder:
        file.parent.mkdir(parents=True, exist_ok=True)
    elif not file.parent.is_dir():
        raise StorageError("db.no_folder", path=str(file), folder=str(file.parent))
    if not file.exists():
        # SQLite gives its -wal and -shm the mode of the database file: 0600 for all three.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    outputs.protect(file, paths.backups_dir(file))


def _classify(message: str) -> str | None:
    text = message.lower()
    if "database is locked" in text or "database table is locked" in text:
        return "db.locked"
    if "disk is full" in text or "no space left" in text or "could not extend file" in text:
        return "db.disk_full"
    if "readonly database" in text or "read-only" in text:
        return "db.read_only"
    if "not a database" in text or "malformed" in text or "disk image is malformed" in text:
        return "db.corrupt"
    if "disk i/o error" in text:  # a write the disk refused: a file-size limit, a drive pulled out
        return "db.io_error"
    return None


@contextlib.contextmanager
def translate_errors(db: Database) -> Iterator[None]:
    """Driver errors that mean "the storage cannot be used" become StorageError with advice.
    Other errors (a bug, a constraint we did not foresee) pass through unchanged."""
    try:
        yield
    except sa_exc.OperationalError as exc:
        code = _classify(str(exc.orig))
        if code is None and not db.is_sqlite:
            reason = _first_line(exc.orig)
            tls = db.url.query.get("sslmode", "disable") not in ("disable", "allow", "prefer")
            if tls and ("ssl" in reason.lower() or "certificate" in reason.lower()):
                raise StorageError("db.tls", url=db.display_name, reason=reason) from exc
            raise StorageError("db.unreachable", url=db.display_name, reason=reason) from exc
        if code is None and "unable to open database file" in str(exc.orig):
            code = "db.read_only"
        if code is None:
            raise
        raise _storage_error(code, db) from exc
    except sa_exc.DatabaseError as exc:
        code = _classify(str(exc.orig))
        if code is None:
            raise
        raise _storage_error(code, db) from exc


def _storage_error(code: str, db: Database) -> StorageError:
    from desktop.core.services import check  # the damage guard lives with the checks

    file = db.file
    if code == "db.read_only" and check.is_read_only(db):  # refused by the damage guard, not by the disk
        return StorageError("damage.read_only", path=db.display_name)
    if code == "db.corrupt" and file is not None:
        return StorageError("db.corrupt", path=str(file), backups=check.restore_advice(file))
    return StorageError(code, path=str(file) if file else db.display_name,
                        backups=str(paths.backups_dir(file)) if file else "-")


def _first_line(obj: object) -> str:
    return str(obj).strip().splitlines()[0] if str(obj).strip() else type(obj).__name__
