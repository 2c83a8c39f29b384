import pytest


@pytest.fixture(autouse=True)
def _qt_test_mode(qapp):
    """QSettings and standard paths go to a test location, never the user's real settings."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("SimpulTest")
    qapp.setApplicationName("SimpulTest")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def ops(sqlite_db):
    """The operations layer on the test database, as the main window hands it to every page."""
    from desktop.gui.ops import Operations, wait_idle

    operations = Operations(sqlite_db)
    yield operations
    wait_idle()


@pytest.fixture
def open_page(ops, qtbot):
    """Build a section as the main window does: on the shared operations layer, shown, and told
    about every write that lands (the window's route_changes)."""

    def build(cls):
        page = cls(ops)
        qtbot.addWidget(page)
        ops.changed.connect(page.apply_changes)
        page.resize(1200, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    return build


# ---- aid: a small registry, a final list and a scheduled event ---------------------------------------

JAHAB, LOA_IPUH = "64.02.06.1001", "64.02.06.1002"
# (name, sex, NIK, desa, rt, life) — NIKs issued in Tenggarong (64.02.06), women's day + 40.
AID_PEOPLE = [
    ("Sumarni Kusuma", "P", "6402065203600001", JAHAB, "001", "hidup"),
    ("Rahmat Kusuma", "L", "6402061503580002", JAHAB, "001", "hidup"),
    ("Wahyuni", "P", "6402064708700003", JAHAB, "002", "hidup"),
    ("Darto Wiryo", "L", "6402060101400004", JAHAB, "003", "meninggal"),
    ("Siti Aminah", "P", "6402064410750005", LOA_IPUH, "004", "hidup"),
    ("Bahrun", "L", "6402062011650006", LOA_IPUH, "005", "hidup"),
]


@pytest.fixture
def aid_people(sqlite_db) -> dict[str, int]:
    """Six people in two desa, one of them recorded as deceased; name -> person id."""
    from desktop.core.services.registry import PersonInput, create_person

    ids = {}
    with sqlite_db.transaction() as s:
        for name, sex, nik, desa, rt, life in AID_PEOPLE:
            ids[name] = create_person(s, PersonInput(name=name, sex=sex, nik=nik, desa_code=desa, rt=rt, rw="001",
                                                     address=f"Jl. Mawar {rt}", life_status=life)).id
    return ids


@pytest.fixture
def aid_event(sqlite_db, aid_people) -> dict:
    """A final per-person list of the five living people (Rp300.000 each) and one event for both
    desa with everyone scheduled; also a second event of another programme for the wrong-coupon case."""
    import datetime as dt

    from desktop.core.services import aid, aid_checks, aid_recipients, distribution as d, distribution_desk
    from desktop.core.services.lists import PersonFilter

    def programme(s, name, start):
        return aid.save_programme(s, aid.ProgrammeInput(
            name, "Dana Desa", "tunai", "Uang tunai", "", 300000, "Tahap IV", start, start + dt.timedelta(days=80),
            "orang")).id

    with sqlite_db.transaction() as s:
        pid = programme(s, "BLT Dana Desa 2026", dt.date(2026, 10, 1))
        aid_recipients.add_from_registry(s, pid, PersonFilter())
        aid_checks.finalise(s, pid)
        eid = d.save_event(s, d.EventInput(pid, "Penyaluran Tahap IV", dt.date(2026, 11, 22), "Balai Desa Jahab",
                                           "08.00 WITA", [JAHAB, LOA_IPUH])).id
        d.schedule(s, eid)
        other = programme(s, "Beras CPP", dt.date(2027, 3, 1))
        aid_recipients.add_from_registry(s, other, PersonFilter(desa_code=LOA_IPUH))
        aid_checks.finalise(s, other)
        other_event = d.save_event(s, d.EventInput(other, "Penyaluran beras", dt.date(2027, 3, 5), "Kantor Camat")).id
        d.schedule(s, other_event)
        codes = {r.name: r.code for r in distribution_desk.desk_rows(s, eid)}
        other_codes = {r.name: r.code for r in distribution_desk.desk_rows(s, other_event)}
        allocations = {r.name: r.allocation_id for r in distribution_desk.desk_rows(s, eid)}
    return {"programme": pid, "event": eid, "codes": codes, "other_event": other_event, "other_codes": other_codes,
            "allocations": allocations, "people": aid_people}
