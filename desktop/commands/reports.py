"""`simpul report month 2026-11 OUT.pdf [--xlsx OUT.xlsx] [--close]`, `simpul report year 2026 OUT.xlsx`,
`simpul report tksk NAME 2026-11 OUT.pdf [--xlsx E-PSKS.xlsx]`, `simpul activities [--json]`,
`simpul activities import FILE.xlsx [--psks NAME]`, `simpul activities template OUT.xlsx`,
`simpul visits [--json]`: the laporan bulanan, the annual report, a PSKS's monthly report and the
lists of the PSKS-work room."""

from __future__ import annotations

import argparse
import json

from desktop.commands.common import EXIT_OK, with_db
from desktop.core.i18n import t


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in text.split("-"))
        if 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(text)


def add_parsers(sub, id_: bool) -> dict:
    p = sub.add_parser("report", help=("laporan bulanan, tahunan, dan laporan kegiatan TKSK/PSM" if id_ else
                                       "monthly, annual and TKSK/PSM activity reports"))
    what = p.add_subparsers(dest="what", required=True)
    m = what.add_parser("month", help="laporan bulanan (PDF F4 mendatar)" if id_ else "monthly report (PDF)")
    m.add_argument("month", type=_month, metavar="TTTT-BB" if id_ else "YYYY-MM")
    m.add_argument("out", metavar="BERKAS.pdf" if id_ else "FILE.pdf")
    m.add_argument("--xlsx", metavar="BERKAS.xlsx" if id_ else "FILE.xlsx")
    m.add_argument("--close", action="store_true", help="tutup bulan dulu" if id_ else "close the month first")
    m.add_argument("--revision", type=int, help="cetak revisi ini" if id_ else "print this revision")
    y = what.add_parser("year", help="laporan tahunan (xlsx)" if id_ else "annual report (xlsx)")
    y.add_argument("year", type=int)
    y.add_argument("out", metavar="BERKAS.xlsx" if id_ else "FILE.xlsx")
    k = what.add_parser("tksk", help="laporan kegiatan bulanan satu PSKS" if id_ else "one PSKS's monthly report")
    k.add_argument("name", metavar="NAMA|NIK|ID" if id_ else "NAME|NIK|ID")
    k.add_argument("month", type=_month, metavar="TTTT-BB" if id_ else "YYYY-MM")
    k.add_argument("out", metavar="BERKAS.pdf" if id_ else "FILE.pdf")
    k.add_argument("--xlsx", metavar="E-PSKS.xlsx", help="baris E-PSKS" if id_ else "E-PSKS rows")
    for name, text in (("activities", "kegiatan PSKS: daftar, impor dari Excel, templat" if id_
                        else "PSKS activities: list, import from Excel, template"),
                       ("visits", "daftar kunjungan rumah" if id_ else "list home visits")):
        q = sub.add_parser(name, help=text)
        q.add_argument("--json", action="store_true", help="keluaran JSON" if id_ else "JSON output")
    action = sub.choices["activities"].add_subparsers(dest="action")
    i = action.add_parser("import", help="impor kegiatan dari lembar Excel PSKS" if id_ else
                          "import activities from a PSKS's Excel sheet")
    i.add_argument("file", metavar="BERKAS.xlsx" if id_ else "FILE.xlsx")
    i.add_argument("--psks", metavar="NAMA|NIK|ID" if id_ else "NAME|NIK|ID",
                   help="PSKS yang melapor (tanpa ini: kolom PSKS)" if id_ else "the reporting PSKS (else: column PSKS)")
    i.add_argument("--sheet", help="nama sheet" if id_ else "sheet name")
    i.add_argument("--json", action="store_true", help="keluaran JSON" if id_ else "JSON output")
    tpl = action.add_parser("template", help="templat Excel untuk PSKS" if id_ else "Excel template for a PSKS")
    tpl.add_argument("out", metavar="BERKAS.xlsx" if id_ else "FILE.xlsx")
    return {"report": cmd_report, "activities": cmd_activities, "visits": cmd_visits}


def cmd_report(args) -> int:
    return {"month": _report_month, "year": _report_year, "tksk": _report_tksk}[args.what](args)


def _report_month(args) -> int:
    from desktop.core.domain.monthly import month_name
    from desktop.core.io.outputs import check_target, write_bytes
    from desktop.core.services.monthly_report import close_month, month_content
    from desktop.core.services.report_papers import month_pdf, month_xlsx

    year, month = args.month
    target = check_target(args.out, "pdf")

    def work(db):
        if args.close:
            with db.transaction() as s:
                report = close_month(s, year, month)
                print(t("cli.report.closed", month=f"{month_name(month)} {year}", revision=report.revision,
                        sha=report.sha256))
        with db.read() as s:
            write_bytes(month_pdf(s, year, month, args.revision), target, "pdf")
            if args.xlsx:
                month_xlsx(s, year, month, args.xlsx, args.revision)
            return month_content(s, year, month, args.revision).issue

    issue = with_db(args, work)
    state = (f"revisi {issue.revision}, SHA-256 {issue.sha256[:16]}…" if issue else "SEMENTARA")
    print(t("cli.report.month", month=f"{month_name(month)} {year}", path=args.out, state=state))
    return EXIT_OK


def _report_year(args) -> int:
    from desktop.core.services.report_papers import year_xlsx

    def work(db):
        with db.read() as s:
            return year_xlsx(s, args.year, args.out)

    with_db(args, work)
    print(t("cli.report.year", year=args.year, path=args.out))
    return EXIT_OK


def _report_tksk(args) -> int:
    from desktop.core.domain.monthly import month_name
    from desktop.core.services.activities import activity_ids, find_worker
    from desktop.core.services.exports import save_pdf
    from desktop.core.services.month_figures import period_of
    from desktop.core.services.tksk_report import epsks_xlsx, tksk_report_pdf

    year, month = args.month

    def work(db):
        with db.read() as s:
            worker = find_worker(s, args.name)
            p = period_of(s, year, month)
            count = len(activity_ids(s, worker.id, p.first, p.last))
        save_pdf(db, lambda s: tksk_report_pdf(s, worker.id, year, month), args.out)
        if args.xlsx:
            with db.transaction() as s:
                epsks_xlsx(s, worker.id, year, month, args.xlsx)
        return worker, count

    worker, count = with_db(args, work)
    print(t("cli.report.tksk", name=worker.name, month=f"{month_name(month)} {year}", path=args.out, count=count))
    return EXIT_OK


def cmd_activities(args) -> int:
    from desktop.core.services.activities import activity_rows

    action = getattr(args, "action", None)
    if action == "import":
        return _import_activities(args)
    if action == "template":
        return _activities_template(args)

    def work(db):
        with db.read() as s:
            return activity_rows(s)

    rows = with_db(args, work)
    if args.json:
        print(json.dumps([{"id": r.id, "date": r.activity_date.isoformat(), "psks_id": r.psks_id, "psks": r.worker,
                           "type": r.type_code, "desa": r.desa, "kind": r.kind.value, "title": r.title,
                           "persons": r.persons, "families": r.families, "photos": r.photos} for r in rows],
                         ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.activities.none"))
    for r in rows:
        print(f"{r.id:>5}  {r.activity_date:%d-%m-%Y}  {r.type_code:<5} {r.worker[:24]:<24} {r.kind.value:<16} {r.title}")
    return EXIT_OK


def cmd_visits(args) -> int:
    from desktop.core.services.visits import visit_rows

    def work(db):
        with db.read() as s:
            return visit_rows(s, "all")

    rows = with_db(args, work)
    if args.json:
        print(json.dumps([{"id": r.id, "due": r.due_date.isoformat(), "status": r.status.value,
                           "purpose": r.purpose.value, "holder": r.holder, "desa": r.desa, "officer": r.officer,
                           "visited_on": r.visited_on.isoformat() if r.visited_on else None,
                           "referral_id": r.referral_id, "overdue": r.overdue} for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.visits.none"))
    for r in rows:
        late = " TERLAMBAT" if r.overdue else ""
        print(f"{r.id:>5}  {r.due_date:%d-%m-%Y}  {r.status.value:<12} {r.purpose.value:<13} {r.holder}{late}")
    return EXIT_OK


def _import_activities(args) -> int:
    """Every row accounted for: taken, or refused with its reason; the rows taken land together."""
    from desktop.core.services.activity_import import import_activities

    def work(db):
        with db.transaction() as s:
            return import_activities(s, args.file, args.psks, sheet=args.sheet)

    result = with_db(args, work)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return EXIT_OK
    print(t("cli.activities.imported", file=result.file, taken=result.taken, refused=len(result.refused)))
    for r in result.refused:
        print(t("cli.activities.refused", row=r.row, reason=r.reason))
    return EXIT_OK


def _activities_template(args) -> int:
    from desktop.core.io.outputs import check_target
    from desktop.core.services.activity_import import write_template
    from desktop.core.services.office import desa_list

    target = check_target(args.out, "xlsx")

    def work(db):
        with db.read() as s:
            return [r.name for r in desa_list(s)]

    write_template(target, with_db(args, work))
    print(t("cli.activities.template", path=args.out))
    return EXIT_OK
