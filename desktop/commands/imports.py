"""`simpul import-report BATCH OUT.xlsx`: write again the report of rows an import did not take as
they stood; it is kept with the import, so a crash just after the commit loses nothing."""

from __future__ import annotations

from desktop.commands.common import EXIT_OK, EXIT_PROBLEMS, with_db
from desktop.core import i18n
from desktop.core.i18n import t


def _positive(text: str) -> int:
    import argparse

    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(text)
    return value


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("import-report", help=("tulis ulang laporan baris bermasalah sebuah impor" if id_ else
                                              "write the report of an import's rows to check again"))
    p.add_argument("batch", type=_positive, metavar="NOMOR_IMPOR" if id_ else "IMPORT_ID")
    p.add_argument("out", metavar="LAPORAN.xlsx" if id_ else "REPORT.xlsx")
    return {"import-report": cmd_import_report}


def cmd_import_report(args) -> int:
    from desktop.core.services.import_batches import write_batch_report

    rows = with_db(args, lambda db: write_batch_report(db, args.batch, args.out))
    if rows is None:
        print(t("cli.import_report.none", batch=args.batch))
        return EXIT_PROBLEMS
    print(t("cli.import_report.written", batch=args.batch, path=args.out, rows=i18n.number(rows)))
    return EXIT_OK
