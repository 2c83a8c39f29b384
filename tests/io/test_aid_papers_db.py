"""The distribution papers gathered from a database: the office's clock (WITA for Kutai
Kartanegara even on a PC set to UTC), kelurahan signed by a Lurah, and the BAST numbered only
when it is first printed final, for a closed event."""

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from desktop.core.db.models import Allocation, DistributionEvent, LetterNumber
from desktop.core.domain import clock
from desktop.core.domain.enums import CollectStatus
from desktop.core.services import aid_documents as docs
from desktop.core.services import demo


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from desktop.core.db import schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.office import init_office

    db = open_database(tmp_path_factory.mktemp("papers") / "simpul.db", busy_timeout_ms=200)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    demo.generate(db, 60, seed=5, today=dt.date(2026, 11, 22))
    yield db
    db.dispose()


@pytest.fixture
def utc_pc(monkeypatch):
    """A PC whose clock is set to UTC (the laptop that printed 00.36 for 08.36 WITA)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _event(db, closed: bool) -> int:
    with db.read() as s:
        cond = DistributionEvent.closed_at.is_not(None) if closed else DistributionEvent.closed_at.is_(None)
        return s.scalar(select(func.min(DistributionEvent.id)).where(cond))


def test_zones_by_province():
    for code, zone in (("11.01", clock.WIB), ("31.71.01", clock.WIB), ("36", clock.WIB), ("61.01", clock.WIB),
                       ("62.01", clock.WIB), ("63.01", clock.WITA), ("64.02.06", clock.WITA), ("65", clock.WITA),
                       ("51.71", clock.WITA), ("53", clock.WITA), ("73.71", clock.WITA), ("76", clock.WITA),
                       ("81.01", clock.WIT), ("82", clock.WIT), ("91", clock.WIT), ("94.71", clock.WIT),
                       ("96", clock.WIT), (None, clock.WIB)):
        assert clock.zone_of(code) is zone, code
    stored = dt.datetime(2026, 11, 22, 0, 36)  # UTC
    assert clock.local_text(stored, "%H.%M", clock.WITA) == "08.36"
    assert clock.local_text(stored, "%H.%M", clock.WIT) == "09.36"
    assert clock.with_zone("08.00", clock.WITA) == "08.00 WITA"
    assert clock.with_zone("08.00 WIB", clock.WITA) == "08.00 WIB"
    assert clock.with_zone("", clock.WITA) == ""


def test_times_on_the_roster_and_results_are_the_offices_not_the_pcs(filled, utc_pc):
    eid = _event(filled, closed=True)
    with filled.read() as s:
        data = docs.roster_data(s, eid)
        results = docs.results_data(s, eid)
        first = s.scalars(select(Allocation).where(Allocation.event_id == eid,
                                                   Allocation.status == CollectStatus.COLLECTED,
                                                   Allocation.proxy_name.is_(None))).first()
    assert data.event_time.endswith("WITA")
    notes = [r.note for g in data.groups for r in g.rows if r.collected]
    assert notes
    hours = {int(n.rsplit(" ", 1)[-1].split(".")[0]) for n in notes if n.startswith("Diambil ")}
    assert hours and hours <= set(range(8, 13))  # the demo's desk works 08.00-12.00 WITA
    when = {row[-1]: row[9] for row in results.rows}[first.code]
    assert when == first.collected_at + dt.timedelta(hours=8)


def test_kelurahan_are_signed_by_a_lurah_and_desa_by_a_kepala_desa(filled):
    with filled.read() as s:
        groups = [g for e in s.scalars(select(DistributionEvent.id)) for g in docs.roster_data(s, e).groups]
        coupons = [k for e in s.scalars(select(DistributionEvent.id)) for k in docs.coupon_data(s, e).coupons]
    kinds = {g.desa_kind for g in groups}
    assert kinds == {"desa", "kelurahan"}  # Tenggarong has both
    for g in groups:
        head = "Lurah" if g.desa_kind == "kelurahan" else "Kepala Desa"
        assert g.head.heading == f"Mengetahui,\n{head} {g.desa}"
    by_desa = {g.desa: g.desa_kind for g in groups}
    assert all(by_desa.get(k.desa, k.desa_kind) == k.desa_kind for k in coupons)


def test_bast_is_provisional_until_the_event_is_closed_and_numbered_once(filled):
    open_id, closed_id = _event(filled, closed=False), _event(filled, closed=True)
    assert open_id and closed_id
    with filled.read() as s:
        letters = s.scalar(select(func.count()).select_from(LetterNumber))
    with filled.transaction() as s:
        draft = docs.bast_data(s, open_id)
        assert not draft.final and draft.number == ""
        assert s.get(DistributionEvent, open_id).bast_number_id is None
        assert s.scalar(select(func.count()).select_from(LetterNumber)) == letters
        assert docs.bast_pdf(s, open_id).startswith(b"%PDF")
    with filled.transaction() as s:
        first = docs.bast_data(s, closed_id)
    with filled.transaction() as s:
        again = docs.bast_data(s, closed_id)
        assert s.scalar(select(func.count()).select_from(LetterNumber)) == letters + 1
    assert first.final and first.number and again.number == first.number
    assert all(d.startswith(("Desa ", "Kelurahan ")) for d in first.desa)


def test_the_dusun_is_named_once():
    assert docs._address("Jl. Mawar 3", "001", "002", "2") == "Jl. Mawar 3, RT 001/RW 002, Dusun 2"
    for spelled in ("Dusun 2", "DUSUN II", "Dsn. Karya", "dsn Karya", " Dusun Karya "):
        assert docs._address("Jl. Mawar 3", None, None, spelled) == f"Jl. Mawar 3, {spelled.strip()}"
    assert docs._address(None, None, None, "Dusunan Baru") == "Dusun Dusunan Baru"  # a name, not the word
    assert docs._address(None, None, None, "  ") == "-"


def test_the_roster_names_the_kepala_desa_who_receives_for_the_event(filled):
    with filled.read() as s:
        events = list(s.scalars(select(DistributionEvent)))
        named = 0
        for event in events:
            data = docs.roster_data(s, event.id)
            assert not any("Dusun Dusun" in r.address for g in data.groups for r in g.rows)
            receiver = event.receiver or {}
            for g in data.groups:
                if g.head.heading.endswith(receiver.get("jabatan") or "\0") and receiver.get("name"):
                    assert g.head.name == receiver["name"]
                    named += 1
                else:
                    assert g.head.name == ""  # a dotted line to write the name by hand
    assert named  # the demo's BLT-DD events are received by their desa's Kepala Desa
    head = docs._head_of("desa", "Rapak Lambur", {"name": "Hj. Siti, S.E.", "jabatan": "kepala desa  RAPAK lambur"})
    assert (head.heading, head.name) == ("Mengetahui,\nKepala Desa Rapak Lambur", "Hj. Siti, S.E.")
    assert docs._head_of("desa", "Jahab", {"name": "Hj. Siti, S.E.", "jabatan": "Kepala Desa Rapak Lambur"}).name == ""
    assert docs._head_of("kelurahan", "Jahab", {"name": "Budi", "jabatan": "Kepala Desa Jahab"}).name == ""
    assert docs._head_of("kelurahan", "Jahab", None).heading == "Mengetahui,\nLurah Jahab"
