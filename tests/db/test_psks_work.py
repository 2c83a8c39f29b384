"""The activity log, photos and home visits (issue 17)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import select

from desktop.core.db.models import Person, PsksEntry, Referral
from desktop.core.domain.enums import ActivityKind, ReferralStatus, VisitPurpose, VisitStatus
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services import demo
from desktop.core.services.activities import (
    ActivityInput,
    activity_rows,
    add_photo,
    photo_rows,
    save_activity,
    sk_expiring,
)
from desktop.core.services.visits import (
    VisitInput,
    VisitResult,
    cancel_visit,
    plan_visit,
    record_visit,
    visit_counts,
    visit_rows,
)

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def small(sqlite_db):
    demo.generate(sqlite_db, 20, seed=11, today=TODAY)
    return sqlite_db


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def test_an_activity_links_the_people_served_and_takes_at_most_five_photos(small):
    with small.transaction("penguji") as s:
        psks_id = s.scalars(select(PsksEntry.id)).first()
        people = list(s.scalars(select(Person.id).limit(3)))
        activity = save_activity(s, ActivityInput(psks_id, dt.date(2026, 11, 2), ActivityKind.ASSESSMENT,
                                                  "Asesmen lansia", person_ids=people, persons_served=1))
        assert activity.persons_served == 3  # never fewer than the people linked
        for _ in range(5):
            add_photo(s, _jpeg(), activity_id=activity.id, caption="Rumah warga")
        with pytest.raises(SimpulError):
            add_photo(s, _jpeg(), activity_id=activity.id)
        assert len(photo_rows(s, activity_id=activity.id)) == 5
        rows = activity_rows(s, psks_id)
        assert rows[0].title == "Asesmen lansia" and rows[0].photos == 5
    with pytest.raises(ValidationError), small.transaction("penguji") as s:
        save_activity(s, ActivityInput(psks_id, dt.date(2026, 11, 2), ActivityKind.OTHER, "  "))


def test_visits_due_this_week_and_overdue_and_a_visit_follows_up_a_referral(small):
    with small.transaction("penguji") as s:
        referral = s.scalars(select(Referral).where(Referral.status == ReferralStatus.RECEIVED)).first()
        person = referral.person_id or s.scalars(select(Person.id)).first()
        week, overdue = visit_counts(s, TODAY)  # the demo's own visits
        late = plan_visit(s, VisitInput(VisitPurpose.MONITORING, TODAY - dt.timedelta(days=3), "Petugas A",
                                        person_id=person))
        plan_visit(s, VisitInput(VisitPurpose.ASSESSMENT, TODAY, "Petugas A", person_id=person))
        follow = plan_visit(s, VisitInput(VisitPurpose.FOLLOW_UP, TODAY, "Petugas B", person_id=person,
                                          referral_id=referral.id))
        assert visit_counts(s, TODAY) == (week + 2, overdue + 1)
        record_visit(s, follow.id, VisitResult(TODAY, "Layanan sudah diterima.", checklist={
            "wall": "bambu", "floor": "tanah", "assets": ["tv", "unknown"], "occupants": 4, "bogus": 1}))
        assert referral.status is ReferralStatus.FOLLOWED_UP and referral.follow_up_due is None
        assert follow.checklist == {"wall": "bambu", "floor": "tanah", "assets": ["tv"], "occupants": 4}
        cancel_visit(s, late.id, "Keluarga pindah ke luar kecamatan")
        assert visit_counts(s, TODAY) == (week + 1, overdue)
        rows = {r.id: r for r in visit_rows(s, "all", TODAY)}
        assert rows[late.id].status is VisitStatus.CANCELLED and rows[follow.id].visited_on == TODAY
        with pytest.raises(SimpulError):
            record_visit(s, late.id, VisitResult(TODAY, "x"))


def test_a_visit_cannot_follow_up_a_referral_still_in_draft(small):
    with pytest.raises(SimpulError), small.transaction("penguji") as s:
        draft = s.scalars(select(Referral).where(Referral.status == ReferralStatus.DRAFT)).first()
        person = draft.person_id or s.scalars(select(Person.id)).first()
        visit = plan_visit(s, VisitInput(VisitPurpose.FOLLOW_UP, TODAY, "Petugas", person_id=person,
                                         referral_id=draft.id))
        record_visit(s, visit.id, VisitResult(TODAY, "Belum ada hasil."))


def test_a_decree_running_out_within_30_days_is_flagged(small):
    with small.transaction("penguji") as s:
        entry = s.scalars(select(PsksEntry).where(PsksEntry.active.is_(True))).first()
        entry.term_end = TODAY + dt.timedelta(days=12)
        found = {e.psks_id: e for e in sk_expiring(s, TODAY)}
        assert found[entry.id].days_left == 12


def test_the_tksk_report_reads_like_one(small):
    from pypdf import PdfReader

    from desktop.core.services.activities import workers
    from desktop.core.services.tksk_report import epsks_rows, tksk_report_pdf

    with small.transaction("penguji") as s:  # the demo's year of work is there already
        tksk = next(w for w in workers(s) if w.type_code == "TKSK")
        content = tksk_report_pdf(s, tksk.id, 2026, 10)
        rows = epsks_rows(s, tksk.id, 2026, 10)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    for words in ("LAPORAN KEGIATAN BULANAN", "LEMBAR PENGESAHAN", "BAB I. URAIAN KEGIATAN", "BAB II. REKAPITULASI",
                  "DOKUMENTASI KEGIATAN", "Camat Tenggarong", tksk.name):
        assert words in text
    assert rows and all(isinstance(r[2], str) for r in rows)  # NIKs stay text
