"""`simpul verivali …` and `simpul complaint …`: rounds per desa (new, list, assign, result, close,
undo, the papers and the BNBA) and complaints (add, move, list, the receipt). The issue's
`simpul list rounds|complaints`, `simpul print worksheet|ba-musdes|attendance|complaint` and
`simpul export bnba` are these same handlers under the lead's existing commands."""

from __future__ import annotations

import datetime as dt
import json

from desktop.commands.common import EXIT_OK, EXIT_USAGE, read, with_db
from desktop.core import i18n
from desktop.core.i18n import t


def _date(text: str) -> dt.date:
    import argparse

    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(text)


def add_parsers(sub, id_: bool) -> dict:
    v = sub.add_parser("verivali", help="putaran verivali per desa" if id_ else "verivali rounds per desa")
    vs = v.add_subparsers(dest="action", required=True)
    p = vs.add_parser("new", help="putaran baru" if id_ else "a new round")
    p.add_argument("--desa", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--deadline", type=_date)
    p.add_argument("--from", dest="source", metavar="FILE", help="prelist dari kabupaten" if id_ else "regency prelist")
    p.add_argument("--from-registry", action="store_true")
    p.add_argument("--desil-max", type=int)
    p.add_argument("--json", action="store_true")
    p = vs.add_parser("list", help="daftar putaran" if id_ else "list rounds")
    p.add_argument("--json", action="store_true")
    p = vs.add_parser("assign", help="petugas per RT" if id_ else "officer per RT")
    p.add_argument("round", type=int)
    p.add_argument("officer")
    p.add_argument("--rt", nargs="*", default=[])
    p = vs.add_parser("result", help="hasil satu keluarga" if id_ else "one family's result")
    p.add_argument("round", type=int)
    p.add_argument("number", metavar="NIK_OR_KK")
    p.add_argument("code", help="1-8")
    p.add_argument("--note")
    p.add_argument("--new-nik")
    p.add_argument("--new-kk")
    p = vs.add_parser("close", help="tutup: hasil masuk registri" if id_ else "close: results enter the registry")
    p.add_argument("round", type=int)
    p.add_argument("--force", action="store_true")
    p = vs.add_parser("undo", help="batalkan penutupan" if id_ else "undo the close")
    p.add_argument("round", type=int)
    p = vs.add_parser("proposals", help="draf usulan dari kode 8" if id_ else "draft proposals from code 8")
    p.add_argument("round", type=int)
    p = vs.add_parser("print", help="cetak PDF" if id_ else "print a PDF")
    p.add_argument("paper", choices=("worksheet", "ba-musdes", "attendance", "recap"))
    p.add_argument("round", type=int, help="0 untuk rekap semua desa" if id_ else "0 for the recap of all desa")
    p.add_argument("out")
    p.add_argument("--officer")
    p = vs.add_parser("bnba", help="BNBA xlsx")
    p.add_argument("round", type=int)
    p.add_argument("out")
    p = vs.add_parser("recap-xlsx", help="rekap kecamatan untuk Camat (xlsx)" if id_ else "kecamatan recap (xlsx)")
    p.add_argument("out")
    p.add_argument("--round", type=int, nargs="*", dest="rounds",
                   help="putaran yang direkap (bawaan: putaran terakhir tiap desa)" if id_ else
                   "rounds to recap (default: each desa's latest round)")

    c = sub.add_parser("complaint", help="pengaduan" if id_ else "complaints")
    cs = c.add_subparsers(dest="action", required=True)
    p = cs.add_parser("add")
    p.add_argument("--name", required=True)
    p.add_argument("--summary", required=True)
    p.add_argument("--category", default="lainnya", help="belum terdaftar, salah sasaran, tidak menerima, "
                                                         "data salah, lainnya")
    p.add_argument("--channel", default="datang", help="datang, whatsapp, telepon, surat, puskesos, lapor")
    p.add_argument("--nik")
    p.add_argument("--phone")
    p.add_argument("--address")
    p.add_argument("--desa")
    p.add_argument("--about-nik", help="NIK penduduk yang diadukan" if id_ else "NIK of the person concerned")
    p.add_argument("--date", type=_date)
    p.add_argument("--json", action="store_true")
    p = cs.add_parser("move")
    p.add_argument("id", type=int)
    p.add_argument("status", help="diproses, menunggu pihak lain, selesai, ditolak")
    p.add_argument("--note")
    p = cs.add_parser("refer", help="selesai dan buat rujukan" if id_ else "close and start a referral")
    p.add_argument("id", type=int)
    p.add_argument("--institution", type=int, required=True, help="ID lembaga tujuan" if id_ else "institution ID")
    p.add_argument("--need", required=True, help="kebutuhan yang dirujuk" if id_ else "the need referred")
    p.add_argument("--note", help="jawaban kepada pengadu" if id_ else "the answer to the complainant")
    p.add_argument("--json", action="store_true")
    p = cs.add_parser("propose", help="selesai dan buat usulan baru" if id_ else "close and start a proposal")
    p.add_argument("id", type=int)
    p.add_argument("--note")
    p.add_argument("--json", action="store_true")
    p = cs.add_parser("list")
    p.add_argument("--json", action="store_true")
    p = cs.add_parser("print")
    p.add_argument("id", type=int)
    p.add_argument("out")
    return {"verivali": cmd_verivali, "complaint": cmd_complaint}


# ---- verivali ------------------------------------------------------------------------------------

def cmd_verivali(args) -> int:
    return {"new": _new, "list": cmd_list_rounds, "assign": _assign, "result": _result, "close": _close,
            "undo": _undo, "proposals": _proposals, "print": cmd_print_round, "bnba": cmd_export_bnba,
            "recap-xlsx": cmd_export_recap}[args.action](args)


def _new(args) -> int:
    from desktop.core.services import verivali

    def work(db):
        with db.transaction() as s:
            code = verivali.find_desa(s, args.desa)
            rnd = verivali.create_round(s, code, args.name, args.deadline)
            rid = rnd.id
            if args.from_registry:
                added = verivali.add_from_registry(s, rid, desil_max=args.desil_max)
        intake = verivali.intake_file(db, rid, args.source) if args.source else None
        return rid, code, intake, added if args.from_registry else None

    rid, code, intake, added = with_db(args, work)
    if args.json:
        print(json.dumps({"id": rid, "desa_code": code, "intake": intake.to_json() if intake else None,
                          "from_registry": added}, ensure_ascii=False))
        return EXIT_OK
    print(rid)
    print(t("cli.verivali.created", id=rid, desa=args.desa, name=args.name))
    if intake:
        print(t("cli.verivali.intake", file=intake.file, rows=i18n.number(intake.rows), listed=i18n.number(intake.listed),
                families=i18n.number(intake.families), other=i18n.number(len(intake.other_desa)),
                refused=i18n.number(len(intake.not_taken))))
        for key, rows in (("cli.verivali.other_desa", intake.other_desa), ("cli.verivali.mixed", intake.mixed),
                          ("cli.verivali.refused", intake.not_taken)):
            for row in rows:
                print(t(key, **{k: row[k] for k in ("row", "name", "desa", "reason") if k in row}))
        if intake.report:
            print(t("cli.verivali.report", path=intake.report))
    if added is not None:
        print(t("cli.verivali.registry", count=i18n.number(added)))
    return EXIT_OK


def cmd_list_rounds(args) -> int:
    from desktop.core.services.verivali_lists import round_rows

    rows = read(args, round_rows)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.verivali.none"))
    for r in rows:
        print(f"{r.id:>4}  {r.desa:<20} {r.name:<16} {r.status.value:<9} {r.done}/{r.lines}"
              + (f"  silang {r.silang}" if r.silang else ""))
    return EXIT_OK


def _assign(args) -> int:
    from desktop.core.services.verivali import assign

    def work(db):
        with db.transaction() as s:
            return assign(s, args.round, args.officer, args.rt)
    print(t("cli.verivali.assigned", count=with_db(args, work), officer=args.officer))
    return EXIT_OK


def _result(args) -> int:
    from desktop.core.services import verivali

    def work(db):
        with db.transaction() as s:
            line = verivali.find_line(s, args.round, args.number)
            line = verivali.set_result(s, line.id, args.code, note=args.note, new_nik=args.new_nik, new_kk=args.new_kk)
            return line.name, line.result.value if line.result else "-"
    name, result = with_db(args, work)
    print(t("cli.verivali.result", name=name, result=result))
    return EXIT_OK


def _close(args) -> int:
    from desktop.core.services.verivali_close import close_round

    closed = with_db(args, lambda db: close_round(db, args.round, allow_unchecked=args.force))
    print(t("cli.verivali.closed", id=args.round, changed=i18n.number(closed.changed), batch=closed.batch_id))
    return EXIT_OK


def _undo(args) -> int:
    from desktop.core.services.verivali_close import undo_close

    with_db(args, lambda db: undo_close(db, args.round))
    print(t("cli.verivali.undone", id=args.round))
    return EXIT_OK


def _proposals(args) -> int:
    from desktop.core.services.proposals import proposals_from_round

    def work(db):
        with db.transaction() as s:
            return proposals_from_round(s, args.round)
    print(with_db(args, work))
    return EXIT_OK


def cmd_print_round(args) -> int:
    """worksheet / ba-musdes / attendance / recap of a round (recap: all desa with round 0)."""
    from desktop.core.services import musdes

    paper = getattr(args, "paper", None) or args.what

    def work(db):
        with db.transaction() as s:
            if paper == "worksheet":
                content = musdes.worksheet_pdf(s, args.round, getattr(args, "officer", None))
            elif paper == "ba-musdes":
                content = musdes.ba_pdf(s, args.round)
            elif paper == "attendance":
                content = musdes.attendance_pdf(s, args.round)
            else:
                content = musdes.recap_pdf(s, [args.round] if args.round else None)
        return musdes.write_pdf(content, args.out)
    print(t("cli.written", path=with_db(args, work)))
    return EXIT_OK


def cmd_export_bnba(args) -> int:
    from desktop.core.services.bnba import export_bnba

    def work(db):
        with db.transaction() as s:
            return export_bnba(s, args.round, args.out)
    with_db(args, work)
    print(t("cli.written", path=args.out))
    return EXIT_OK


def cmd_export_recap(args) -> int:
    from desktop.core.io.outputs import check_target
    from desktop.core.services.bnba import export_recap

    check_target(args.out, "xlsx")  # before the export is recorded

    def work(db):
        with db.transaction() as s:
            return export_recap(s, args.out, args.rounds or None)
    print(t("cli.verivali.recap", count=i18n.number(with_db(args, work)), path=args.out))
    return EXIT_OK


# ---- complaints ---------------------------------------------------------------------------------

def cmd_complaint(args) -> int:
    return {"add": _add, "move": _move, "refer": _refer, "propose": _propose, "list": cmd_list_complaints,
            "print": cmd_print_complaint}[args.action](args)


def _add(args) -> int:
    from sqlalchemy import select

    from desktop.core.db.models import Person
    from desktop.core.errors import SimpulError
    from desktop.core.services import complaints, verivali

    def work(db):
        with db.transaction() as s:
            person_id = None
            if args.about_nik:
                person_id = s.scalar(select(Person.id).where(Person.nik == args.about_nik))
                if person_id is None:
                    raise SimpulError("verivali.not_listed", number=args.about_nik)
            data = complaints.ComplaintInput(
                complainant=args.name, summary=args.summary, category=args.category, channel=args.channel,
                received_on=args.date, complainant_nik=args.nik, phone=args.phone, address=args.address,
                desa_code=verivali.find_desa(s, args.desa) if args.desa else None, person_id=person_id)
            c = complaints.add_complaint(s, data)
            return c.id, c.number, c.due_on
    cid, number, due = with_db(args, work)
    if args.json:
        print(json.dumps({"id": cid, "number": number, "due_on": due.isoformat() if due else None}))
    else:
        print(t("cli.complaint.added", number=number, id=cid))
    return EXIT_OK


def _move(args) -> int:
    from desktop.core.services import complaints

    def work(db):
        with db.transaction() as s:
            c = complaints.move(s, args.id, args.status, args.note)
            return c.number, c.status.value
    number, status = with_db(args, work)
    print(t("cli.complaint.moved", number=number, status=status))
    return EXIT_OK


def _refer(args) -> int:
    """Close the complaint with a referral drafted for the person (or family) it concerns."""
    from desktop.core.db.models import Complaint, Institution
    from desktop.core.services import complaints

    def work(db):
        with db.transaction() as s:
            institution = s.get(Institution, args.institution)
            note = args.note or f"Dirujuk ke {institution.name if institution else '-'}: {args.need}"
            referral = complaints.close_into_referral(s, args.id, note, args.institution, args.need)
            return referral.id, s.get(Complaint, args.id).number, institution.name
    rid, number, institution = with_db(args, work)
    if args.json:
        print(json.dumps({"complaint": args.id, "number": number, "referral": rid}))
    else:
        print(t("cli.complaint.referred", number=number, id=rid, institution=institution))
    return EXIT_OK


def _propose(args) -> int:
    from desktop.core.db.models import Complaint
    from desktop.core.services import complaints

    def work(db):
        with db.transaction() as s:
            proposal = complaints.close_into_proposal(s, args.id, args.note or "Diusulkan sebagai penerima baru")
            return proposal.id, s.get(Complaint, args.id).number
    pid, number = with_db(args, work)
    if args.json:
        print(json.dumps({"complaint": args.id, "number": number, "proposal": pid}))
    else:
        print(t("cli.complaint.proposed", number=number, id=pid))
    return EXIT_OK


def cmd_list_complaints(args) -> int:
    from desktop.core.services.complaints import complaint_rows

    rows = read(args, complaint_rows)
    if getattr(args, "json", False):
        print(json.dumps([{"id": r.id, "number": r.number, "received_on": r.received_on.isoformat(),
                           "complainant": r.complainant, "category": r.category.value, "channel": r.channel.value,
                           "status": r.status.value, "desa": r.desa, "due_on": r.due_on.isoformat() if r.due_on else None,
                           "overdue": r.overdue} for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.complaint.none"))
    for r in rows:
        late = "  TERLAMBAT" if r.overdue else ""
        print(f"{r.id:>4}  {r.number}  {r.received_on:%d-%m-%Y}  {r.status.value:<20} {r.category.value:<16} "
              f"{r.complainant}{late}")
    return EXIT_OK


def cmd_print_complaint(args) -> int:
    from desktop.core.services.bnba import receipt_pdf
    from desktop.core.services.musdes import write_pdf

    def work(db):
        with db.transaction() as s:
            content = receipt_pdf(s, args.id)
        return write_pdf(content, args.out)
    print(t("cli.written", path=with_db(args, work)))
    return EXIT_OK


__all__ = ["EXIT_USAGE", "add_parsers", "cmd_export_bnba", "cmd_export_recap", "cmd_list_complaints", "cmd_list_rounds",
           "cmd_print_complaint", "cmd_print_round"]
