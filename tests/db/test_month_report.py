"""Laporan bulanan (issue 17): a closed month equals the live figures at the moment of closing,
later edits leave it (and its hash) alone, a revision keeps the earlier issue, and the months of a
year add up to the annual report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text, update

from desktop.core.db import schema
from desktop.core.db.engine import open_database
from desktop.core.db.models import MonthReport, PpksRecord, PsksEntry
from desktop.core.domain.enums import ActivityKind, PpksStatus
from desktop.core.domain.monthly import digest, ppks_by_category, summary_lines
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services import demo
from desktop.core.services.activities import ActivityInput, save_activity
from desktop.core.services.demo_activities import add_psks_work
from desktop.core.services.month_figures import month_figures
from desktop.core.services.monthly_report import (
    close_month,
    is_intact,
    issues,
    month_content,
    month_states,
    revise_month,
    year_content,
)
from desktop.core.services.office import init_office
from desktop.core.services.welfare import set_ppks_status

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def work_db(tmp_path_factory):
    """A small demo registry with a year of PSKS work, no month closed yet."""
    db = open_database(tmp_path_factory.mktemp("month") / "simpul.db", busy_timeout_ms=200)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    with pytest.MonkeyPatch.context() as mp:  # the demo's year of work, but every month left open
        mp.setattr("desktop.core.services.demo_activities.add_psks_work",
                   lambda s, rng, today: add_psks_work(s, rng, today, close=False))
        demo.generate(db, 40, seed=3, today=TODAY)
    yield db
    db.dispose()


def test_a_closed_month_equals_the_live_figures_at_closing(work_db):
    with work_db.transaction("penguji") as s:
        live = month_figures(s, 2026, 6)
        report = close_month(s, 2026, 6, TODAY)
        assert report.content == live
        assert report.sha256 == digest(live) and len(report.sha256) == 64
        assert report.closed_by == "penguji" and report.revision == 0
    summary = dict((label, value) for label, value, _ in summary_lines(live))
    assert summary["Kegiatan PSKS dilaporkan"] > 0  # the fixture has work to report


def test_edits_after_closing_change_the_live_figures_not_the_closed_month(work_db):
    with work_db.transaction("penguji") as s:
        report = close_month(s, 2026, 5, TODAY)
        kept, sha = report.content, report.sha256
    with work_db.transaction("penguji") as s:
        psks_id = s.scalars(select(PsksEntry.id)).first()
        save_activity(s, ActivityInput(psks_id, dt.date(2026, 5, 12), ActivityKind.OUTREACH, "Penyuluhan susulan",
                                       persons_served=25))
        record = s.scalars(select(PpksRecord).where(PpksRecord.status == PpksStatus.ACTIVE,
                                                    PpksRecord.assessed_on < dt.date(2026, 5, 1))).first()
        set_ppks_status(s, record.id, PpksStatus.HANDLED.value)
    with work_db.read() as s:
        stored = s.scalars(select(MonthReport).where(MonthReport.year == 2026, MonthReport.month == 5)).one()
        assert stored.content == kept and stored.sha256 == sha and is_intact(stored)
        assert month_figures(s, 2026, 5)["activities"] != kept["activities"]  # the live month moved on
        assert month_content(s, 2026, 5).content == kept  # what prints is the closed issue


def test_a_closed_report_cannot_be_changed_even_by_hand(work_db):
    with work_db.transaction("penguji") as s:
        close_month(s, 2026, 4, TODAY)
    with pytest.raises(Exception, match="immutable"), work_db.transaction("penguji") as s:
        s.execute(update(MonthReport).where(MonthReport.month == 4).values(sha256="0" * 64))
    with pytest.raises(Exception, match="immutable"), work_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM month_report WHERE month = 4"))
    with pytest.raises(SimpulError), work_db.transaction("penguji") as s:
        report = s.scalars(select(MonthReport).where(MonthReport.month == 4)).one()
        report.reason = "diubah"
        s.flush()


def test_a_revision_is_numbered_has_a_reason_and_keeps_the_earlier_issue(work_db):
    with work_db.transaction("penguji") as s:
        first = close_month(s, 2026, 3, TODAY)
        first_sha, first_content = first.sha256, first.content
    with pytest.raises(SimpulError, match="revisi"), work_db.transaction("penguji") as s:
        close_month(s, 2026, 3, TODAY)  # closed once: only a revision now
    with pytest.raises(ValidationError), work_db.transaction("penguji") as s:
        revise_month(s, 2026, 3, "salah", TODAY)
    with work_db.transaction("penguji") as s:
        psks_id = s.scalars(select(PsksEntry.id)).first()
        save_activity(s, ActivityInput(psks_id, dt.date(2026, 3, 20), ActivityKind.ASSESSMENT, "Asesmen terlambat"))
        second = revise_month(s, 2026, 3, "Kegiatan yang terlambat dilaporkan dimasukkan.", TODAY)
        assert second.revision == 1 and second.sha256 != first_sha
    with work_db.read() as s:
        found = issues(s, 2026, 3)
        assert [(i.revision, i.intact) for i in found] == [(0, True), (1, True)]
        assert found[0].sha256 == first_sha and found[1].reason.startswith("Kegiatan")
        assert month_content(s, 2026, 3, revision=0).content == first_content
        assert month_content(s, 2026, 3).issue.revision == 1


def test_a_month_is_closed_only_once_it_has_ended(work_db):
    with pytest.raises(SimpulError, match="belum berakhir"), work_db.transaction("penguji") as s:
        close_month(s, 2026, 11, TODAY)
    with work_db.read() as s:
        states = month_states(s, 2026, TODAY)
    assert [st.ended for st in states] == [True] * 10 + [False] * 2


def test_each_month_balances_and_follows_on_from_the_last(work_db):
    with work_db.read() as s:
        months = [month_figures(s, 2026, m) for m in range(1, 12)]
    for m in months:
        for v in ppks_by_category(m):
            assert v[0] + v[2] - v[4] - v[6] == v[8] and v[1] + v[3] - v[5] - v[7] == v[9]
    for before, after in zip(months, months[1:], strict=False):
        assert [v[8:10] for v in ppks_by_category(before)] == [v[0:2] for v in ppks_by_category(after)]


def test_the_months_add_up_to_the_year(work_db, tmp_path):
    import openpyxl

    from desktop.core.services.report_papers import year_xlsx

    with work_db.read() as s:
        year = year_content(s, 2026, TODAY)
        year_xlsx(s, 2026, tmp_path / "tahun.xlsx")
    assert len(year.months) == 11 and any(m.issue for m in year.months) and any(not m.issue for m in year.months)
    monthly = [summary_lines(m.content) for m in year.months]
    for i, (label, value, flow) in enumerate(summary_lines(year.total)):
        column = [lines[i][1] for lines in monthly]
        if flow:
            assert value == sum(column), label
        elif "awal" in label:
            assert value == column[0], label
        else:
            assert value == column[-1], label
    total = ppks_by_category(year.total)
    for v in total:
        assert v[0] + v[2] - v[4] - v[6] == v[8]
    ws = openpyxl.load_workbook(tmp_path / "tahun.xlsx")["Rekap tahunan"]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(rows) == len(summary_lines(year.total))
    for r in rows:
        months, annual, kind = r[2:13], r[13], r[14]
        if kind == "arus":
            assert annual == sum(x or 0 for x in months), r[1]


def test_the_monthly_paper_says_what_it_is(work_db):
    from pypdf import PdfReader
    import io

    from desktop.core.services.report_papers import month_pdf

    with work_db.read() as s:
        closed = month_pdf(s, 2026, 6)
        live = month_pdf(s, 2026, 10)
        sha = issues(s, 2026, 6)[0].sha256
    closed_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(closed)).pages)
    assert "LAPORAN BULANAN" in closed_text and "BULAN JUNI 2026" in closed_text
    assert sha in closed_text.replace("\n", "") and "Camat Tenggarong" in closed_text
    assert "Anak Balita Telantar" in closed_text and "Karang Taruna" in closed_text
    live_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(live)).pages)
    assert "belum ditutup" in live_text


def test_complaints_and_verivali_have_their_blocks(work_db):
    with work_db.read() as s:
        blocks = {b["key"]: b for b in month_figures(s, 2026, 10)["extra"]}
    assert set(blocks) == {"complaints_received", "complaints_closed", "verivali_rounds", "verivali_results"}
    assert [r[0] for r in blocks["complaints_received"]["rows"]][:2] == ["Belum terdaftar", "Salah sasaran"]
    assert blocks["complaints_closed"]["headers"] == ["Jenis pengaduan", "Selesai (dijawab)", "Ditolak"]
    assert len(blocks["verivali_rounds"]["rows"]) >= 10  # every desa, so the months line up
