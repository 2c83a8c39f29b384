"""`simpul export KIND OUT.xlsx`: the registry and its reports to Excel for the regency. Personal
data (persons, families, PSKS) leaves with a purpose, recorded in the audit trail, and with NIKs
masked unless a role with the right asks for them whole."""

from __future__ import annotations

import sys

from desktop.commands.common import EXIT_OK, with_db
from desktop.core import i18n
from desktop.core.i18n import t


def _positive(text: str) -> int:
    import argparse

    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(text)
    return value


_positive.__name__ = "bilangan"


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("export", help="ekspor ke Excel" if id_ else "export to Excel")
    p.add_argument("kind", choices=("persons", "families", "psks", "recap", "template", "results", "bnba"),
                   metavar="persons|families|psks|recap|template|results|bnba")
    p.add_argument("out", nargs="+", metavar="KELUARAN.xlsx" if id_ else "OUT.xlsx",
                   help=("berkas keluaran; untuk bnba: PUTARAN KELUARAN.xlsx" if id_ else
                         "the output file; for bnba: ROUND OUT.xlsx"))
    p.add_argument("--desa", metavar="KODE" if id_ else "CODE",
                   help="satu desa/kelurahan (kode atau nama)" if id_ else "one desa (code or name)")
    p.add_argument("--event", type=_positive, metavar="ID",
                   help="penyaluran yang hasilnya diekspor (results)" if id_ else "the event whose results to export")
    p.add_argument("--round", type=_positive, metavar="ID",
                   help="putaran verivali yang usulannya diekspor (bnba)" if id_ else "the verivali round (bnba)")
    p.add_argument("--purpose", "--tujuan", dest="purpose", metavar="TEKS" if id_ else "TEXT",
                   help=("tujuan ekspor data pribadi (persons, families, psks), dicatat di jejak audit"
                         if id_ else "why personal data is exported (persons, families, psks); kept in the audit trail"))
    p.add_argument("--full-nik", "--nik-lengkap", dest="full_nik", action="store_true",
                   help=("NIK dan No. KK lengkap (hanya peran dengan hak NIK lengkap); bawaan: disamarkan"
                         if id_ else "full NIKs and No. KK (only a role with that right); default: masked"))
    return {"export": cmd_export}


def cmd_export(args) -> int:
    from desktop.core.errors import SimpulError
    from desktop.core.services.aid_documents import export_results
    from desktop.core.services.exports import export

    if args.kind == "bnba" and len(args.out) == 2 and args.out[0].isdigit():  # export bnba ROUND OUT.xlsx
        args.round, args.out = int(args.out[0]), args.out[1:]
    if len(args.out) != 1:
        raise SimpulError("cli.export.one_file")
    args.out = args.out[0]
    if args.kind == "bnba":
        from desktop.commands.verivali import cmd_export_bnba

        if not args.round:
            raise SimpulError("cli.export.round")
        return cmd_export_bnba(args)
    if args.kind == "results" and not args.event:
        raise SimpulError("cli.export.event")
    if args.kind == "results":
        result = with_db(args, lambda db: export_results(db, args.event, args.out))
    else:
        purpose = _purpose(args) if args.kind in ("persons", "families", "psks") else None
        result = with_db(args, lambda db: export(db, args.kind, args.out, args.desa, purpose=purpose,
                                                  full_nik=args.full_nik))
    print(t("cli.export.done", path=result.path, rows=i18n.number(result.rows)))
    return EXIT_OK


def _purpose(args) -> str:
    """--purpose, else asked at a terminal; a script without it is refused (nothing is written)."""
    from desktop.core.errors import SimpulError

    if args.purpose:
        return args.purpose
    if sys.stdin.isatty():
        return input(t("cli.export.purpose_prompt"))
    raise SimpulError("privacy.purpose_needed")
