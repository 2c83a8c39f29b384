"""`simpul user add|list|role|disable|enable|reset|recover`: the office's accounts (Admin only, once
one exists)."""

from __future__ import annotations

import argparse

from desktop.commands.common import EXIT_OK, read_password, with_db
from desktop.core.i18n import t

ROLES = ("admin", "camat", "operator", "meja", "tamu")
GRANT_WORDS = ("sensitif", "nik")


def _grant_option(parser, id_: bool) -> None:
    parser.add_argument("--grant", action="append", choices=GRANT_WORDS, default=[],
                        help=("hak tambahan: sensitif = data sensitif, nik = NIK lengkap" if id_ else
                              "extra rights: sensitif = sensitive data, nik = full NIKs"))


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("user", help="kelola pengguna (Admin)" if id_ else "manage users (Admin)")
    acts = p.add_subparsers(dest="user_action", metavar="TINDAKAN" if id_ else "ACTION", required=True)
    a = acts.add_parser("add", help="tambah pengguna" if id_ else "add a user")
    a.add_argument("name", metavar="NAMA" if id_ else "NAME")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--full-name", metavar="NAMA_LENGKAP" if id_ else "FULL_NAME")
    _grant_option(a, id_)
    a.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE",
                   help="kata sandinya dari berkas (tanpa itu: ditanyakan)" if id_ else "read the password from a file")
    acts.add_parser("list", help="daftar pengguna" if id_ else "list users")
    o = acts.add_parser("role", help=("ubah peran dan hak tambahan (menggantikan yang lama)" if id_ else
                                      "change the role and extra rights (they replace the earlier ones)"))
    o.add_argument("name", metavar="NAMA" if id_ else "NAME")
    o.add_argument("--role", required=True, choices=ROLES)
    _grant_option(o, id_)
    d = acts.add_parser("disable", help="nonaktifkan pengguna" if id_ else "disable a user")
    d.add_argument("name", metavar="NAMA" if id_ else "NAME")
    e = acts.add_parser("enable", help="aktifkan kembali pengguna" if id_ else "enable a disabled user")
    e.add_argument("name", metavar="NAMA" if id_ else "NAME")
    r = acts.add_parser("reset", help="atur ulang kata sandi" if id_ else "reset a password")
    r.add_argument("name", metavar="NAMA" if id_ else "NAME")
    r.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE")
    c = acts.add_parser("recover", help=("kata sandi Admin baru dengan kode pemulihan" if id_ else
                                         "a new Admin password with the recovery code"))
    c.add_argument("name", metavar="NAMA_ADMIN" if id_ else "ADMIN_NAME")
    c.add_argument("--code", required=True, metavar="KODE" if id_ else "CODE")
    c.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE")
    w = sub.add_parser("password", help=("ganti kata sandi sendiri (--user NAMA; yang lama dari "
                                         "SIMPUL_PASSWORD_FILE atau ditanyakan)" if id_ else
                                         "change your own password (--user NAME; the old one from "
                                         "SIMPUL_PASSWORD_FILE or asked)"))
    w.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE",
                   help="kata sandi baru (baris pertama)" if id_ else "the new password (first line)")
    return {"user": cmd_user, "password": cmd_password}


def cmd_password(args: argparse.Namespace) -> int:
    """Any user, their own password: after an Admin reset it, or whenever they wish."""
    import os

    from desktop.core.errors import SimpulError
    from desktop.core.services import users

    if not args.user:
        raise SimpulError("login.needed")
    old = read_password(os.environ.get("SIMPUL_PASSWORD_FILE"))
    new = read_password(args.password_file, confirm=True)
    with_db(args, lambda db: users.change_own_password(db, args.user, old, new), login=False)
    print(t("cli.user.password_changed", name=args.user))
    return EXIT_OK


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
        chosen = _grants(args.grant)

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
    if action == "role":
        chosen = _grants(args.grant)
        with_db(args, lambda db: _in_transaction(db, lambda s: users.set_role(s, args.name, Role(args.role), chosen)))
        extra = access.rights_of(Role(args.role), chosen) - access.ROLE_RIGHTS[Role(args.role)]
        print(t("cli.user.role_set", name=args.name, role=args.role,
                grants=", ".join(sorted(g.value for g in extra)) or "-"))
        return EXIT_OK
    if action == "disable":
        with_db(args, lambda db: _in_transaction(db, lambda s: users.disable_user(s, args.name)))
        print(t("cli.user.disabled", name=args.name))
        return EXIT_OK
    if action == "enable":
        with_db(args, lambda db: _in_transaction(db, lambda s: users.enable_user(s, args.name)))
        print(t("cli.user.enabled", name=args.name))
        return EXIT_OK
    password = read_password(args.password_file, confirm=True)
    with_db(args, lambda db: _in_transaction(db, lambda s: users.reset_password(s, args.name, password)))
    print(t("cli.user.reset", name=args.name))
    return EXIT_OK


def _grants(words):
    from desktop.core.access import Right

    return frozenset({"sensitif": Right.SENSITIVE, "nik": Right.FULL_NIK}[w] for w in words)


def _rows(db, users):
    with db.read() as s:
        return users.list_users(s)


def _in_transaction(db, work):
    with db.transaction() as s:
        return work(s)
