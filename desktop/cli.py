"""The `simpul` command: without a sub-command it opens the window; with one it works headless.

Exit status: 0 success, 1 the data or the database had problems (reported), 2 a usage error.
Messages are in Indonesian unless --lang en or SIMPUL_LANG=en. No Qt is imported here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands.common import EXIT_OK, EXIT_PROBLEMS
from desktop.commands.common import with_db as _with_db
from desktop.commands.lists import cmd_list
from desktop.core import i18n
from desktop.core.i18n import t

# argparse writes its own English; these are the phrases an operator meets.
_ARGPARSE_ID = {
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "usage: ": "Penggunaan: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
}


def _install_argparse_translation() -> None:
    if i18n.language() != "id":
        return
    argparse._ = lambda text: _ARGPARSE_ID.get(text, text)  # type: ignore[attr-defined]


def _positive(text: str) -> int:
    value = int(text)
    if not 1 <= value < 2**63:  # the database's integers end there
        raise ValueError(text)
    return value


_positive.__name__ = "bilangan"


def _date_arg(text: str):
    import datetime as dt

    return dt.datetime.strptime(text, "%d-%m-%Y").date()


_date_arg.__name__ = "tanggal"


def build_parser() -> argparse.ArgumentParser:
    id_ = i18n.language() == "id"
    parser = argparse.ArgumentParser(
        prog="simpul",
        description=("Simpul: registri PSKS dan PPKS kecamatan. Tanpa perintah: membuka jendela aplikasi."
                     if id_ else "Simpul: the kecamatan PSKS/PPKS registry. Without a command: opens the window."))
    parser.add_argument("--version", action="version", version=f"Simpul {__version__}")
    parser.add_argument("--db", metavar="BERKAS_ATAU_URL" if id_ else "FILE_OR_URL",
                        help=("berkas SQLite atau URL SQLAlchemy (postgresql+psycopg://...); "
                              "bawaan: $SIMPUL_DB atau berkas di folder data pengguna" if id_ else
                              "SQLite file or SQLAlchemy URL; default: $SIMPUL_DB or the user data folder"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="bahasa pesan / message language")
    parser.add_argument("--user", metavar="NAMA" if id_ else "NAME",
                        help=("bekerja sebagai pengguna ini (kata sandi ditanyakan, atau dari berkas di "
                              "SIMPUL_PASSWORD_FILE)" if id_ else
                              "work as this user (password asked, or from the file in SIMPUL_PASSWORD_FILE)"))
    parser.add_argument("--demo", action="store_true",
                        help=("buka jendela dengan basis data contoh (dibuat bila belum ada)" if id_ else
                              "open the window on the demo database (created when missing)"))
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH" if id_ else "COMMAND")
    p = sub.add_parser("init", help="siapkan atau perbarui basis data untuk satu kecamatan" if id_ else
                       "create or upgrade the database for a kecamatan")
    p.add_argument("--kecamatan", required=True, metavar="KODE",
                   help="kode Kemendagri kecamatan, misalnya 64.02.06" if id_ else "Kemendagri code, e.g. 64.02.06")
    p.add_argument("--admin", metavar="NAMA" if id_ else "NAME",
                   help="buat Admin pertama dengan nama ini" if id_ else "create the first Admin with this name")
    p.add_argument("--password-file", metavar="BERKAS" if id_ else "FILE",
                   help="kata sandi Admin dari berkas (tanpa itu: ditanyakan)" if id_ else
                   "the Admin's password from a file (else asked)")
    p.add_argument("--no-encrypt", action="store_true",
                   help=("berkas baru tanpa enkripsi (hanya untuk data latihan, tanpa data warga nyata)" if id_
                         else "a new file without encryption (for practice data only, never real persons)"))
    p = sub.add_parser("demo", help="isi data contoh untuk mencoba aplikasi" if id_ else "add demo data")
    p.add_argument("--families", type=_positive, default=2000, metavar="N",
                   help="jumlah keluarga (bawaan 2000)" if id_ else "number of families (default 2000)")
    p.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)
    sub.add_parser("check", help="periksa integritas dan versi basis data" if id_ else
                   "check integrity and schema version")
    p = sub.add_parser("import", help="impor berkas Excel/CSV dari Dinas Sosial" if id_ else
                       "import an Excel/CSV file")
    p.add_argument("file", metavar="BERKAS" if id_ else "FILE")
    p.add_argument("--sheet", metavar="NAMA" if id_ else "NAME", help="lembar Excel" if id_ else "Excel sheet")
    p.add_argument("--dry-run", action="store_true",
                   help="uji coba: hitung dan laporkan tanpa menyimpan" if id_ else "judge and report, save nothing")
    p.add_argument("--report", metavar="LAPORAN.xlsx" if id_ else "REPORT.xlsx",
                   help="tempat laporan baris bermasalah" if id_ else "where to write the report of rows to check")
    p.add_argument("--json", action="store_true", help="keluaran JSON" if id_ else "JSON output")
    p.add_argument("--on-conflict", choices=("skip", "file"), default="skip",
                   help=("NIK dengan nama berbeda: skip = biarkan registri (bawaan), file = pakai data berkas"
                         if id_ else "NIK with another name: skip = keep the registry (default), file = take the file"))
    p.add_argument("--desil-date", metavar="HH-BB-TTTT" if id_ else "DD-MM-YYYY", type=_date_arg,
                   help="tanggal data desil (bawaan: hari ini)" if id_ else "as-of date of the desil (default today)")
    p = sub.add_parser("undo-import", help="batalkan satu impor seluruhnya" if id_ else "undo a whole import")
    p.add_argument("batch", type=_positive, metavar="NOMOR_IMPOR" if id_ else "IMPORT_ID")
    sub.add_parser("upgrade", help=("perbarui skema basis data yang sudah ada (cadangan dibuat dulu)" if id_
                                    else "upgrade an existing database (after a backup)"))
    p = sub.add_parser("list", help=("tampilkan daftar (rujukan, program bantuan, penyaluran)" if id_ else
                                      "list records (referrals, aid programmes, distribution events)"))
    p.add_argument("what", choices=("referrals", "programmes", "events", "rounds", "complaints", "activities",
                                    "visits"))
    p.add_argument("--json", action="store_true", help="keluaran JSON" if id_ else "JSON output")
    p = sub.add_parser("print", help=("cetak ke PDF: surat rujukan, daftar penerima, kupon, berita acara" if id_
                                      else "print to PDF: referral letter, roster, coupons, BAST"))
    p.add_argument("what", choices=("letter", "roster", "coupons", "bast", "worksheet", "ba-musdes", "attendance",
                                    "complaint", "visit-form"))
    p.add_argument("record", type=_positive, metavar="ID",
                   help=("ID rujukan (letter), penyaluran (roster, coupons, bast), putaran verivali (worksheet, "
                         "ba-musdes, attendance), pengaduan (complaint) atau kunjungan rumah (visit-form)" if id_ else
                         "referral ID (letter), event ID (roster, coupons, bast), verivali round (worksheet, "
                         "ba-musdes, attendance), complaint (complaint) or home visit (visit-form)"))
    p.add_argument("--officer", metavar="NAMA" if id_ else "NAME",
                   help="lembar kerja satu petugas (worksheet)" if id_ else "one officer's worksheet")
    p.add_argument("out", metavar="BERKAS.pdf" if id_ else "FILE.pdf")
    p.add_argument("--paper", choices=("a4", "f4"),
                   help=("ukuran kertas (bawaan f4; kupon a4)" if id_ else "paper size (default f4; coupons a4)"))
    p.add_argument("--portrait", action="store_true",
                   help="daftar penerima tegak (bawaan mendatar)" if id_ else "roster in portrait (default landscape)")
    p.add_argument("--masked", action="store_true",
                   help="NIK disamarkan (salinan untuk umum)" if id_ else "mask NIKs (public copy)")
    p.add_argument("--no-thumbprint", action="store_true",
                   help="tanpa kolom cap jempol" if id_ else "without the thumbprint column")
    p.add_argument("--pages-per-desa", action="store_true",
                   help=("nomor halaman daftar penerima dimulai lagi untuk tiap desa" if id_ else
                         "roster page numbers restart for each desa"))
    p = sub.add_parser("gui", help="buka jendela aplikasi" if id_ else "open the window")
    # For smoke tests and documentation: open the window, save a picture of it, close.
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    from desktop import commands

    _COMMANDS.update(commands.add_all(sub, id_))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        status = _run(argv)
        sys.stdout.flush()  # a reader that left early shows here, not as a warning at exit
        return status
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """`simpul list referrals | head -1`: the reader took what it wanted and closed the pipe. Not an
    error: end quietly, with stdout on devnull so that Python's flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass
    return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1]:
        lang = argv[argv.index("--lang") + 1]
        if lang in i18n.LANGUAGES:
            i18n.set_language(lang)
    _install_argparse_translation()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    if args.lang:
        i18n.set_language(args.lang)
    if args.command in (None, "gui"):
        return _gui(args)
    from desktop.core.errors import SimpulError

    try:
        return _COMMANDS[args.command](args)
    except SimpulError as exc:
        print(f"{t('cli.error')}: {exc.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # stdout closed by its reader: main ends quietly
        raise
    except OSError as exc:  # a folder that does not exist, no permission, a full disk
        print(f"{t('cli.error')}: " + t("cli.file_error", path=exc.filename or "-", reason=exc.strerror or exc),
              file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # a bug: its type for the user, its frames (no values) for the log
        from desktop.core import logs

        print(f"{t('cli.error')}: " + t("cli.unexpected", error=type(exc).__name__,
                                         log=logs.unexpected(exc, f"simpul {args.command}")), file=sys.stderr)
        return EXIT_PROBLEMS


def cmd_init(args) -> int:
    from desktop.core.db import schema
    from desktop.core.services.office import init_office

    def work(db):
        return db.display_name, schema.upgrade(db), init_office(db, args.kecamatan)

    recovery = None if args.no_encrypt else _new_encrypted(args)
    name, upgraded, result = _with_db(args, work, current=False, create_folder=True)
    code = _first_admin(args) if args.admin else None
    if upgraded.changed and upgraded.old is not None:
        print(t("cli.init.upgraded", old=upgraded.old, new=upgraded.new, backup=upgraded.backup or "-"))
    key = "cli.init.created" if (result.changed or upgraded.changed) else "cli.init.unchanged"
    print(t(key, db=name, name=result.kecamatan_name, code=result.kecamatan_code, desa=result.desa_count))
    if code:
        print(t("cli.user.added", name=args.admin, role="admin"))
        print(t("cli.user.recovery", code=code))
    if recovery:
        print(t("cipher.recovery_key", key=recovery))
    return EXIT_OK


def _new_encrypted(args) -> str | None:
    """A new registry file is made encrypted, its key kept in this computer's key ring; returns
    the recovery key to print (once). None for an existing file or a server."""
    from desktop.core.db import cipher
    from desktop.core.db.engine import open_database, resolve_url

    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite" or not url.database or cipher.kind(url.database) != "new":
        return None
    key = cipher.new_key()
    open_database(url, create_folder=True, key=key).dispose()
    return cipher.recovery_text(key)


def _first_admin(args) -> str | None:
    """`init --admin NAME`: the first Admin and the recovery code to print; an Admin already
    there is left as it is (init is safe to repeat)."""
    from desktop.commands.common import read_password
    from desktop.core.domain.enums import Role
    from desktop.core.services import users

    def work(db):
        with db.transaction() as s:
            if users.has_users(s):
                return None
            users.add_user(s, args.admin, Role.ADMIN, password)
            return users.new_recovery_code(s)

    password = read_password(args.password_file, confirm=True)
    return _with_db(args, work, login=False)


def cmd_demo(args) -> int:
    from desktop.core.services import demo

    from desktop.core.services.startup import ConsoleProgress

    result = _with_db(args, lambda db: demo.generate(db, args.families, seed=args.seed,
                                                     progress=ConsoleProgress(sys.stderr)))
    n = i18n.number
    print(t("cli.demo.done", families=n(result.families), persons=n(result.persons), ppks=n(result.ppks),
            psks=n(result.psks), seconds=n(result.seconds, 1)))
    return EXIT_OK


def cmd_check(args) -> int:
    from desktop.core.services.check import run_check

    report = _with_db(args, run_check, current=False)
    for finding in report.info:
        print(finding.message)
    labels = {"error": "MASALAH" if i18n.language() == "id" else "PROBLEM",
              "warning": "PERINGATAN" if i18n.language() == "id" else "WARNING"}
    for finding in report.findings:
        print(f"{labels[finding.severity]}: {finding.message}")
    if report.ok and not report.warnings:
        print(t("cli.check.ok"))
    else:
        print(t("cli.check.problems", errors=len(report.errors), warnings=len(report.warnings)))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_import(args) -> int:
    import json

    from desktop.core.services.imports import run_import

    result = _with_db(args, lambda db: run_import(
        db, args.file, sheet=args.sheet, dry_run=args.dry_run, on_conflict=args.on_conflict,
        desil_as_of=args.desil_date, report_path=args.report))
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        n = i18n.number
        mode = t("cli.import.dry") if result.dry_run else t("cli.import.done", batch=result.batch_id)
        print(t("cli.import.mapping", mapping=", ".join(
            f"{result.headers[i]} → {f}" for i, f in sorted(result.mapping.items()))))
        print(t("cli.import.summary", mode=mode, rows=n(result.rows), inserted=n(result.inserted),
                updated=n(result.updated), unchanged=n(result.unchanged), rejected=n(result.rejected),
                warnings=n(result.warnings), ignored=n(result.ignored)))
        if result.report:
            print(t("cli.import.report", path=result.report))
        if result.unmapped:
            print(t("cli.import.unmapped", count=n(len(result.unmapped)),
                    values=", ".join(f"{v.value} ({n(v.rows)})" for v in result.unmapped[:5])))
    if result.report_error:  # the import landed; only its report file could not be written
        print(result.report_error, file=sys.stderr)
    return EXIT_PROBLEMS if result.rejected else EXIT_OK


def cmd_undo_import(args) -> int:
    from desktop.core.services.import_batches import undo_import

    counts = _with_db(args, lambda db: undo_import(db, args.batch))
    print(t("cli.undo.done", id=args.batch, persons=counts["person"], families=counts["family"],
            restored=counts["restored"]))
    return EXIT_OK


def cmd_upgrade(args) -> int:
    """Run by the installer after an update: migrate the database if there is one."""
    from desktop.core.db import schema
    from desktop.core.db.engine import resolve_url

    url = resolve_url(args.db)
    if url.get_backend_name() == "sqlite" and not (url.database and os.path.exists(url.database)):
        print(t("cli.upgrade.nothing", db=url.database))
        return EXIT_OK
    name, result = _with_db(args, lambda db: (db.display_name, schema.upgrade(db)), current=False)
    if result.changed and result.old is not None:
        print(t("cli.init.upgraded", old=result.old, new=result.new, backup=result.backup or "-"))
    else:
        print(t("cli.upgrade.current", db=name, rev=result.new))
    return EXIT_OK


def cmd_print(args) -> int:
    """A PDF through its service, which records the print in the audit log as it draws it."""
    from desktop.core.services import aid_documents as docs
    from desktop.core.services.exports import save_pdf
    from desktop.core.services.referrals import letter_pdf
    from desktop.core.services.visit_form import visit_form_pdf

    if args.what in ("worksheet", "ba-musdes", "attendance", "complaint"):
        from desktop.commands import verivali
        from desktop.core.io.outputs import check_target

        check_target(args.out, "pdf")  # before the print is recorded
        args.round = args.id = args.record
        return verivali.cmd_print_complaint(args) if args.what == "complaint" else verivali.cmd_print_round(args)
    paper = {"paper": args.paper} if args.paper else {}  # each paper has its own default size
    make = {"letter": lambda s: letter_pdf(s, args.record, **paper),
            "roster": lambda s: docs.roster_pdf(s, args.record, landscape=not args.portrait, masked=args.masked,
                                                thumbprint=not args.no_thumbprint,
                                                pages_per_desa=args.pages_per_desa, **paper),
            "coupons": lambda s: docs.coupons_pdf(s, args.record, **paper),
            "bast": lambda s: docs.bast_pdf(s, args.record, **paper),
            "visit-form": lambda s: visit_form_pdf(s, args.record)}[args.what]
    made = _with_db(args, lambda db: save_pdf(db, make, args.out))
    if args.what == "letter":
        print(t("cli.letter.done", path=args.out, number=made.number))
    else:
        print(t("cli.pdf.done", path=args.out))
    return EXIT_OK


def _gui(args) -> int:
    try:
        from desktop.gui.app import run
    except ImportError as exc:  # a broken install: say so instead of a traceback
        print(t("cli.gui_missing", reason=exc), file=sys.stderr)
        return EXIT_PROBLEMS
    return run(db_target=args.db, demo=args.demo, screenshot=getattr(args, "screenshot", None), lang=args.lang)


_COMMANDS = {"init": cmd_init, "demo": cmd_demo, "check": cmd_check, "upgrade": cmd_upgrade,
             "import": cmd_import, "undo-import": cmd_undo_import,
             "list": cmd_list, "print": cmd_print}
