"""What every command shares: exit statuses and opening the database named by `--db`."""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def open_db(args, *, create_folder: bool = False):
    from desktop.core.db.engine import open_database

    return open_database(args.db, create_folder=create_folder)


def with_db(args, work, *, current: bool = True, create_folder: bool = False):
    """`work(db)` on the database named by the arguments, which is closed afterwards; with
    `current`, a database whose schema is behind is refused first (`simpul upgrade`)."""
    from desktop.core.db import schema

    db = open_db(args, create_folder=create_folder)
    try:
        if current:
            schema.require_current(db)
        return work(db)
    finally:
        db.dispose()


def read(args, query):
    """`query(session)` on the current database named by the arguments, which is closed afterwards."""
    def work(db):
        with db.read() as s:
            return query(s)

    return with_db(args, work)
