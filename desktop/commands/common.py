"""What every command shares: exit statuses, opening the database named by `--db`, and acting as
the user named by `--user` with the rights desktop.core.access gives that user's role."""

from __future__ import annotations

import os

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def open_db(args, *, create_folder: bool = False):
    from desktop.core.db.engine import open_database

    return open_database(args.db, create_folder=create_folder)


def command_key(args) -> str:
    """"print letter", "list events", "export"…: the key of access.COMMAND_RIGHTS."""
    what = getattr(args, "what", None)
    return f"{args.command} {what}" if args.command in ("list", "print") and what else args.command


def with_db(args, work, *, current: bool = True, create_folder: bool = False, login: bool = True):
    """`work(db)` on the database named by the arguments, which is closed afterwards; with
    `current`, a database whose schema is behind is refused first (`simpul upgrade`). With
    `login`, a registry that has users asks who works (--user) and whether the role may run
    this command; the audit trail then records that user."""
    from desktop.core.db import schema

    db = open_db(args, create_folder=create_folder)
    try:
        _guard(db, args)
        if current:
            schema.require_current(db)
        if login and (current or schema.state(db).is_current):
            # A damaged or older file (backup, restore, check) cannot say who its users are.
            who = act_as(db, args)
            db.actor, db.principal = who.name, who
        return work(db)
    finally:
        db.dispose()


# Commands that judge or replace the file themselves; the others meet the quick check first.
_OWN_CHECKS = frozenset({"check", "backup", "backups", "restore", "salvage"})
_WRITERS = frozenset({"init", "upgrade", "demo", "import", "undo-import", "user", "encrypt"})


def _guard(db, args) -> None:
    """A damaged registry opens read-only: said once on stderr, and a writer is refused before it
    starts (an import would otherwise judge a whole file first)."""
    import sys

    from desktop.core.services import check

    command = getattr(args, "command", None)
    if command in _OWN_CHECKS:
        return
    damage = check.guard(db)
    if damage is None:
        return
    print(check.banner_text(db, damage), file=sys.stderr)
    if command in _WRITERS and not getattr(args, "dry_run", False):
        check.require_writable(db)


def act_as(db, args):
    """The Actor for this command: the --user's after a password, or, on a registry without
    users, the unmanaged one (as before users existed). Refuses what the role may not do."""
    from desktop.core import access
    from desktop.core.db.engine import default_actor
    from desktop.core.errors import SimpulError
    from desktop.core.services import users

    # A command nobody listed shows personal data until shown otherwise.
    needed = access.COMMAND_RIGHTS.get(command_key(args), (access.Right.REGISTRY_VIEW,))
    if not needed and not getattr(args, "user", None):  # check, verify, init: nothing personal
        return access.Actor(default_actor(), None)
    with db.read() as s:
        actor = users.actor_without_login(s, default_actor())
    if actor is None:
        if not getattr(args, "user", None):
            raise SimpulError("login.needed")
        actor = users.login(db, args.user, read_password(os.environ.get("SIMPUL_PASSWORD_FILE")))
        with db.read() as s:
            if users.needs_new_password(s, args.user):  # said on stderr: the work itself goes on
                import sys

                from desktop.core.i18n import t

                print(t("cli.user.must_change", name=args.user), file=sys.stderr)
    actor.require(*needed)
    return actor


def read_password(path: str | None, *, confirm: bool = False) -> str:
    """From a file (its first line) when given, else asked at the terminal without echo."""
    from desktop.core.errors import SimpulError

    if path:
        try:
            with open(path, encoding="utf-8") as f:
                return f.readline().rstrip("\r\n")
        except OSError as exc:
            raise SimpulError("user.password_file", path=path, reason=exc.strerror or type(exc).__name__) from None
    import getpass

    from desktop.core.i18n import language

    first = getpass.getpass("Kata sandi: " if language() == "id" else "Password: ")
    if confirm and getpass.getpass("Ulangi kata sandi: " if language() == "id" else "Repeat password: ") != first:
        raise SimpulError("backup.passphrase_mismatch")
    return first


def read(args, query):
    """`query(session)` on the current database named by the arguments, which is closed afterwards."""
    def work(db):
        with db.read() as s:
            return query(s)

    return with_db(args, work)
