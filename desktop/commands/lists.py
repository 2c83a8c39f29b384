"""`simpul list referrals|programmes|events|rounds|complaints|activities|visits`: the office's
registers, as lines or as JSON."""

from __future__ import annotations

from desktop.commands.common import EXIT_OK
from desktop.commands.common import read as _read
from desktop.core import i18n
from desktop.core.i18n import t


def cmd_referrals(args) -> int:
    import json

    from desktop.core.services.referrals import referral_rows

    rows = _read(args, referral_rows)
    if args.json:
        print(json.dumps([{"id": r.id, "person": r.person, "institution": r.institution, "need": r.need,
                           "status": r.status, "number": r.number,
                           "follow_up_due": r.follow_up_due.isoformat() if r.follow_up_due else None}
                          for r in rows], ensure_ascii=False))
    elif not rows:
        print(t("cli.referrals.none"))
    for r in rows if not args.json else ():
        print(f"{r.id:>5}  {r.status:<16} {r.number or '-':<26} {r.person}  →  {r.institution}")
    return EXIT_OK


def cmd_list(args) -> int:
    if args.what in ("activities", "visits"):
        from desktop.commands import reports

        return reports.cmd_activities(args) if args.what == "activities" else reports.cmd_visits(args)
    if args.what in ("rounds", "complaints"):
        from desktop.commands import verivali

        return verivali.cmd_list_rounds(args) if args.what == "rounds" else verivali.cmd_list_complaints(args)
    return {"referrals": cmd_referrals, "programmes": cmd_programmes, "events": cmd_events}[args.what](args)


def cmd_programmes(args) -> int:
    import json

    from desktop.core.services.aid import programme_rows

    rows = _read(args, programme_rows)
    if args.json:
        print(json.dumps([{"id": r.id, "name": r.name, "period": r.period, "funding": r.funding, "form": r.form,
                           "item": r.item, "unit": r.unit, "amount": r.amount, "target": r.target,
                           "list_status": r.list_status, "recipients": r.recipients, "excluded": r.excluded,
                           "open_checks": r.open_checks, "events": r.events} for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.programmes.none"))
    for r in rows:
        print(f"{r.id:>5}  {r.list_status:<6} {i18n.number(r.recipients):>7}  {r.name} ({r.period})")
    return EXIT_OK


def cmd_events(args) -> int:
    import json

    from desktop.core.services.distribution import event_rows

    rows = _read(args, event_rows)
    if args.json:
        print(json.dumps([{"id": r.id, "programme_id": r.programme_id, "programme": r.programme, "name": r.name,
                           "date": r.event_date.isoformat(), "time": r.time_text, "place": r.place, "desa": r.desa,
                           "state": r.state, "due": r.due, "collected": r.collected, "absent": r.absent}
                          for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(t("cli.events.none"))
    for r in rows:
        print(f"{r.id:>5}  {r.event_date:%d-%m-%Y}  {r.state:<12} {r.collected:>6}/{r.due:<6} {r.name}")
    return EXIT_OK
