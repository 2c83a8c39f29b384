"""`simpul user add|list|disable|reset|recover`: the office's accounts (Admin only, once one exists)."""

from __future__ import annotations

import argparse

from desktop.commands.common import EXIT_OK, read_password, with_db
from desktop.core.i18n import t

ROLES = ("admin", "camat", "operator", "meja", "tamu")


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("user", help="kelola pengguna (Admin)" if id_ else "manage users (Admin)")
    acts = p.add_subparsers(dest="user_action", metavar="TINDAKAN" if id_ else "ACTION", required=True)
    a = acts.add_parser("add", help="tambah pengguna" if id_ else "add a user")
    a.add_argument("name", metavar="NAMA" if id_ else "NAME")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--full-name", metavar="NAMA_LENGKAP" if id_ else "FULL_NAME")
    a.add_argument("--grant", action="append", choices=("sensitif", "nik"), default=[],
                   help=("hak tambahan: sensitif = data sensitif, nik = NIK lengkap" if id_ else
                         "extra rights: sensitif = sensitive data, nik = full NIKs"))
    a.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE",
                   help="kata sandinya dari berkas (tanpa itu: ditanyakan)" if id_ else "read the password from a file")
    acts.add_parser("list", help="daftar pengguna" if id_ else "list users")
    d = acts.add_parser("disable", help="nonaktifkan pengguna" if id_ else "disable a user")
    d.add_argument("name", metavar="NAMA" if id_ else "NAME")
    r = acts.add_parser("reset", help="atur ulang kata sandi" if id_ else "reset a password")
    r.add_argument("name", metavar="NAMA" if id_ else "NAME")
    r.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE")
    c = acts.add_parser("recover", help=("kata sandi Admin baru dengan kode pemulihan" if id_ else
                                         "a new Admin password with the recovery code"))
    c.add_argument("name", metavar="NAMA_ADMIN" if id_ else "ADMIN_NAME")
    c.add_argument("--code", required=True, metavar="KODE" if id_ else "CODE")
    c.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE")
    return {"user": cmd_user}


def cmd_user(args: argparse.Namespace) -> int:
    from desktop.core import access
    from desktop.core.domain.enums import Role
    from desktop.core.services import users

    action = args.user_action
    if action == "recover":  # no login: the Admin's password is what was lost
        password = read_password(args.password_file, confirm=True)
        code = with_db(args, lambda db: users.recover_admin(db, args.code, args.name, password), login=False)
        print(t("cli.user.reset", name=args.name))
        print(t("cli.user.recovery", code=code))
        return EXIT_OK
    if action == "list":
        rows = with_db(args, lambda db: _rows(db, users))
        if not rows:
            print(t("cli.user.none"))
        for r in rows:
            state = "nonaktif" if r.disabled else ("terkunci" if r.locked else "aktif")
            extra = ",".join(sorted(g.value for g in r.grants)) or "-"
            print(f"{r.name:<24} {r.role.value:<9} {state:<9} {extra:<26} {r.full_name or ''}")
        return EXIT_OK
    if action == "add":
        password = read_password(args.password_file, confirm=True)
        grants = {"sensitif": access.Right.SENSITIVE, "nik": access.Right.FULL_NIK}
        chosen = frozenset(grants[g] for g in args.grant)

        def add(db):
            with db.transaction() as s:
                first = not users.has_users(s)
                users.add_user(s, args.name, Role(args.role), password, full_name=args.full_name, grants=chosen)
                return users.new_recovery_code(s) if first else None

        code = with_db(args, add)
        print(t("cli.user.added", name=args.name, role=args.role))
        if code:
            print(t("cli.user.recovery", code=code))
        return EXIT_OK
    if action == "disable":
        with_db(args, lambda db: _in_transaction(db, lambda s: users.disable_user(s, args.name)))
        print(t("cli.user.disabled", name=args.name))
        return EXIT_OK
    password = read_password(args.password_file, confirm=True)
    with_db(args, lambda db: _in_transaction(db, lambda s: users.reset_password(s, args.name, password)))
    print(t("cli.user.reset", name=args.name))
    return EXIT_OK


def _rows(db, users):
    with db.read() as s:
        return users.list_users(s)


def _in_transaction(db, work):
    with db.transaction() as s:
        return work(s)
