"""`simpul verify`, `simpul export-key` and `simpul signing-key new|show`: letters signed with the
office's Ed25519 key, checked against the register or, with the exported public key, offline."""

from __future__ import annotations

import argparse
import os

from desktop.commands.common import EXIT_OK, EXIT_PROBLEMS, with_db
from desktop.core.i18n import t

PASSPHRASE_ENV = "SIMPUL_SIGNING_PASSPHRASE_FILE"


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("verify", help=("periksa keaslian surat dari teks kode QR-nya" if id_ else
                                       "check a letter's QR code text"))
    p.add_argument("code", metavar="TEKS_QR" if id_ else "QR_TEXT")
    p.add_argument("--key", metavar="KANTOR.pub" if id_ else "OFFICE.pub",
                   help=("periksa tanpa basis data, dengan kunci publik kantor (hanya tanda tangannya)" if id_ else
                         "check without a database, with the office's public key (the signature only)"))
    p = sub.add_parser("export-key", help=("tulis kunci publik kantor untuk pemeriksa surat (Dinsos, RS)" if id_
                                           else "write the office's public key for letter checkers"))
    p.add_argument("out", metavar="KANTOR.pub" if id_ else "OFFICE.pub")
    p.add_argument("--all", action="store_true",
                   help=("sertakan kunci lama yang sudah diganti" if id_ else "include retired keys"))
    p = sub.add_parser("signing-key", help=("kunci tanda tangan surat kantor (Camat/Kasi)" if id_ else
                                            "the office's letter-signing key (Camat/Kasi)"))
    acts = p.add_subparsers(dest="key_action", metavar="TINDAKAN" if id_ else "ACTION", required=True)
    n = acts.add_parser("new", help=("buat pasangan kunci baru; kunci lama diganti, surat lama tetap sah" if id_
                                     else "make a new key pair; the old key is retired, old letters still verify"))
    n.add_argument("--passphrase", action="store_true",
                   help=("lindungi kunci dengan frasa sandi penanda tangan (ditanyakan)" if id_ else
                         "protect the key with the signer's passphrase (asked)"))
    n.add_argument("--passphrase-file", metavar="BERKAS" if id_ else "FILE",
                   help=("lindungi kunci dengan frasa sandi dari berkas ini" if id_ else
                         "protect the key with the passphrase in this file"))
    acts.add_parser("show", help="tampilkan kunci kantor" if id_ else "show the office's keys")
    return {"verify": cmd_verify, "export-key": cmd_export_key, "signing-key": cmd_signing_key}


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.core.services import signing

    if args.key:  # offline: no database is opened at all
        try:
            with open(args.key, encoding="utf-8") as f:
                keys = signing.load_public_keys(f.read())
        except (OSError, UnicodeDecodeError) as exc:
            from desktop.core.errors import SimpulError

            raise SimpulError("cli.file_error", path=args.key,
                              reason=getattr(exc, "strerror", None) or type(exc).__name__) from None
        verdict = signing.check_offline(args.code, keys)
    else:
        verdict = with_db(args, lambda db: signing.verify(db, args.code))
    print(verdict.message)
    return EXIT_OK if verdict.authentic else EXIT_PROBLEMS


def cmd_export_key(args: argparse.Namespace) -> int:
    from desktop.core.io.outputs import write_bytes
    from desktop.core.services import signing_keys

    def work(db):
        with db.read() as s:
            rows = [r for r in s.scalars(_keys_query(args.all))]
            if not rows:
                from desktop.core.errors import SimpulError

                raise SimpulError("signing.no_key")
            return [(r.id, r.retired_at, signing_keys.public_pem(r)) for r in rows]

    keys = with_db(args, work)
    lines = []
    for key_id, retired, pem in keys:
        # Outside the PEM block, so any PEM reader skips it; says which key is which.
        state = f"retired {retired:%Y-%m-%d}" if retired else "current"
        lines.append(f"# Simpul letter-signing public key {key_id} ({state})\n{pem}")
    path = write_bytes("".join(lines).encode("ascii"), args.out, "txt")
    print(t("cli.signing.exported", path=path, keys=", ".join(k[0] for k in keys)))
    return EXIT_OK


def _keys_query(include_retired: bool):
    from sqlalchemy import select

    from desktop.core.db.models import SigningKey

    query = select(SigningKey).order_by(SigningKey.retired_at.is_not(None), SigningKey.created_at.desc())
    return query if include_retired else query.where(SigningKey.retired_at.is_(None))


def cmd_signing_key(args: argparse.Namespace) -> int:
    from desktop.core import keystore
    from desktop.core.services import signing_keys

    if args.key_action == "show":
        def show(db):
            with db.read() as s:
                return signing_keys.describe(s)

        rows = with_db(args, show)
        if not rows:
            print(t("signing.no_key"))
        for r in rows:
            state = t("cli.signing.retired", date=f"{r.retired_at:%Y-%m-%d}") if r.retired_at \
                else t("cli.signing.current")
            here = t("cli.signing.not_here") if not r.here else \
                t("cli.signing.here_locked") if r.protected else t("cli.signing.here")
            print(t("cli.signing.row", key=r.id, created=f"{r.created_at:%Y-%m-%d}", state=state, here=here))
        return EXIT_OK
    passphrase = None
    if args.passphrase_file:
        passphrase = signing_keys.read_passphrase_file(args.passphrase_file)
    elif args.passphrase:
        passphrase = ask_passphrase(confirm=True)

    def make(db):
        with db.transaction() as s:
            before = [k.id for k in signing_keys.describe(s) if k.retired_at is None]
            return signing_keys.new_key(s, passphrase).id, before

    key_id, retired = with_db(args, make)
    print(t("cli.signing.new", key=key_id, where=keystore.where(), retired=", ".join(retired) or "-",
            locked=t("cli.signing.locked") if passphrase else ""))
    return EXIT_OK


def ask_passphrase(*, confirm: bool = False) -> str | None:
    """The signer's passphrase: from SIMPUL_SIGNING_PASSPHRASE_FILE, else asked at the terminal
    without echo. A command that signs may hand this to signing_keys.set_passphrase_source."""
    import getpass

    from desktop.core.errors import SimpulError
    from desktop.core.i18n import language
    from desktop.core.services.signing_keys import read_passphrase_file

    path = os.environ.get(PASSPHRASE_ENV)
    if path:
        return read_passphrase_file(path)
    id_ = language() == "id"
    first = getpass.getpass("Frasa sandi kunci tanda tangan: " if id_ else "Signing key passphrase: ")
    if confirm and getpass.getpass("Ulangi frasa sandi: " if id_ else "Repeat the passphrase: ") != first:
        raise SimpulError("backup.passphrase_mismatch")
    return first
