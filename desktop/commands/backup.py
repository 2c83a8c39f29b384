"""`simpul backup`, `backups`, `restore` and `salvage`: copies of the registry and the way back."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.common import EXIT_OK, EXIT_PROBLEMS, with_db
from desktop.core import i18n
from desktop.core.errors import SimpulError
from desktop.core.i18n import t


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("backup", help=("buat cadangan basis data yang diperiksa (ke flashdisk: terenkripsi)" if id_
                                       else "make a verified backup (to a removable drive: encrypted)"))
    p.add_argument("--to", metavar="FOLDER", help=(
        "folder lain, misalnya flashdisk; cadangan dienkripsi dengan kata sandi kantor" if id_ else
        "another folder, e.g. a USB drive; the backup is encrypted with the office passphrase"))
    _passphrase_arg(p, id_)
    p = sub.add_parser("backups", help="daftar cadangan" if id_ else "list the backups")
    p.add_argument("--folder", metavar="FOLDER", help=("folder cadangan lain (bawaan: backups/ di samping basis "
                                                      "data)" if id_ else "another backup folder (default: "
                                                      "backups/ beside the database)"))
    p.add_argument("--verify", action="store_true", help=("baca ulang tiap berkas dan cocokkan SHA-256-nya" if id_
                                                           else "read each file again and compare its SHA-256"))
    p = sub.add_parser("restore", help=("pulihkan basis data dari cadangan (berkas lama disimpan dulu)" if id_ else
                                        "restore the database from a backup (the current file is kept first)"))
    p.add_argument("file", metavar="BERKAS" if id_ else "FILE")
    p.add_argument("--yes", action="store_true", help="tanpa pertanyaan konfirmasi" if id_ else "do not ask")
    _passphrase_arg(p, id_)
    p = sub.add_parser("salvage", help=(
        "selamatkan data yang masih terbaca dari basis data rusak ke berkas baru" if id_ else
        "copy what is still readable from a damaged database to a new file"))
    p.add_argument("out", metavar="BARU.db" if id_ else "NEW.db")
    return {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore, "salvage": cmd_salvage}


def _passphrase_arg(p, id_: bool) -> None:
    p.add_argument("--passphrase-file", metavar="BERKAS" if id_ else "FILE", help=(
        "berkas berisi kata sandi kantor (baris pertama); tanpa ini ditanyakan" if id_ else
        "file holding the office passphrase (first line); asked for when missing"))


def _passphrase(args, *, needed: bool, twice: bool) -> str | None:
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SimpulError("cli.file_error", path=args.passphrase_file, reason=exc.strerror or exc) from None
        return text[0] if text else ""
    if not needed:
        return None
    if not sys.stdin.isatty():
        raise SimpulError("backup.passphrase_file_needed")
    import getpass

    first = getpass.getpass(t("cli.backup.passphrase"))
    if twice and getpass.getpass(t("cli.backup.passphrase_again")) != first:
        raise SimpulError("backup.passphrase_mismatch")
    return first


def cmd_backup(args) -> int:
    from desktop.core.services import backup

    passphrase = _passphrase(args, needed=bool(args.to), twice=True)
    made = with_db(args, lambda db: backup.make_backup(db, to=args.to, passphrase=passphrase), current=False)
    print(t("cli.backup.done", path=made.path, size=_size(made.size), summary=made.summary))
    return EXIT_OK


def cmd_backups(args) -> int:
    from desktop.core.services import backup

    def work(db):
        if args.folder:
            return backup.list_backups(Path(args.folder)), args.folder
        return backup.list_backups(backup.backup_folder(db), db.file), backup.backup_folder(db)

    found, home = with_db(args, work, current=False)
    if not found:
        print(t("cli.backups.none", folder=home))
        return EXIT_OK
    for b in found:
        good = b.intact() if args.verify else b.verified
        state = t("cli.backups.verified" if good else "cli.backups.unverified")
        if b.encrypted:
            state += ", " + t("cli.backups.encrypted")
        print(f"{b.created:%d-%m-%Y %H:%M}  {_size(b.size):>9}  {t('backup.kind.' + b.kind):<22} {state}")
        print(f"    {b.path}")
        if b.counts:
            print(f"    {b.summary}")
    return EXIT_OK


def cmd_restore(args) -> int:
    from desktop.core.services import backup

    info = backup.info_of(Path(args.file))
    passphrase = _passphrase(args, needed=info.encrypted, twice=False)
    print(t("cli.restore.about", path=info.path, summary=info.summary,
            verified=t("cli.backups.verified" if info.verified else "cli.backups.unverified")))
    if not args.yes:
        if not sys.stdin.isatty():
            raise SimpulError("cli.restore.confirm_needed")
        answer = input(t("cli.restore.ask")).strip().lower()
        if answer not in ("y", "ya", "yes"):
            print(t("cli.restore.kept"))
            return EXIT_PROBLEMS
    result = with_db(args, lambda db: backup.restore(db, info.path, passphrase=passphrase), current=False)
    n = i18n.number
    print(t("cli.restore.done", summary=result.backup.summary, safety=result.safety_copy or "-",
            persons=n(result.counts.get("person", 0)), families=n(result.counts.get("family", 0))))
    return EXIT_OK


def cmd_salvage(args) -> int:
    from desktop.core.services.salvage import salvage_registry

    report = with_db(args, lambda db: salvage_registry(db, args.out), current=False)
    for line in report.lines():
        print(line)
    print(t("cli.salvage.next", path=report.target))
    return EXIT_OK if report.complete else EXIT_PROBLEMS


def _size(size: int) -> str:
    return f"{i18n.number(size / 1e6, 1)} MB"
