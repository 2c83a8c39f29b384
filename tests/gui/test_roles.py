"""The window as each role sees it (issue 15): which sections it offers, what the Beranda counts, and
that a Petugas meja reaches the distribution desk and nothing else. The rights come from the one
place that decides (desktop.core.access); the window only hides what the core would refuse."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.core import access
from desktop.core.db.models import PpksCategory
from desktop.core.domain.enums import Role
from desktop.core.services.registry import PersonInput, create_person
from desktop.core.services.welfare import PpksInput, add_ppks
from desktop.gui.main_window import SECTIONS, MainWindow
from desktop.gui.ops import wait_idle

TODAY = dt.date(2026, 11, 22)
OFFERED = {
    Role.ADMIN: {"home", "persons", "families", "psks", "psks_work", "settings"},
    Role.CAMAT: {"home", "persons", "families", "psks", "psks_work", "referrals", "aid", "verivali", "exchange"},
    Role.OPERATOR: {"home", "persons", "families", "psks", "psks_work", "referrals", "aid", "verivali", "exchange"},
    Role.DESK: {"aid"},
    Role.GUEST: {"home"},
}


@pytest.fixture
def registry(sqlite_db):
    with sqlite_db.transaction() as s:
        odha = s.scalar(select(PpksCategory.no).where(PpksCategory.code == "ODHA"))
        person = create_person(s, PersonInput(name="Warga Rahasia", sex="P", nik="6402064107850002"), today=TODAY)
        add_ppks(s, PpksInput(odha, TODAY, person_id=person.id))
        plain = create_person(s, PersonInput(name="Warga Biasa", sex="L"), today=TODAY)
        add_ppks(s, PpksInput("LUT", TODAY, person_id=plain.id))
    return sqlite_db


def window_as(qtbot, db, role: Role) -> MainWindow:
    actor = access.actor_for(f"uji-{role.value}", role)
    db.principal, db.actor = actor, actor.name
    window = MainWindow(db, actor=actor)
    qtbot.addWidget(window)
    window.show()
    wait_idle()
    return window


def offered(window: MainWindow) -> set[str]:
    return {SECTIONS[i].key for i in range(len(SECTIONS)) if not window.nav.item(i).isHidden()}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_offered_its_sections_only(qtbot, registry, role):
    window = window_as(qtbot, registry, role)
    assert offered(window) == OFFERED[role]
    for i in range(len(SECTIONS)):  # a hidden section is not built, even when asked for by its row
        window.nav.setCurrentRow(i)
        assert (i in window._built) == (SECTIONS[i].key in OFFERED[role] and i in window._built)
        assert SECTIONS[i].key in OFFERED[role] or i not in window._built


def test_a_guest_sees_counts_only_and_no_odha(qtbot, registry):
    window = window_as(qtbot, registry, Role.GUEST)
    board = window.dashboard
    headers = {board.matrix.horizontalHeaderItem(c).text() for c in range(board.matrix.columnCount())}
    assert "LUT" in headers and "ODHA" not in headers
    assert board.sensitive.isVisible() and "<5" in board.sensitive.text()
    window.show_persons(None)  # a Beranda link to the list leads nowhere for a Tamu
    assert window.pages.currentIndex() == 0 and 1 not in window._built
    assert "1 catatan PPKS" in window.header.text()  # the ODHA record is not counted for a Tamu


def test_the_desk_opens_on_the_desk_and_nothing_else(qtbot, registry):
    window = window_as(qtbot, registry, Role.DESK)
    aid = window.pages.currentWidget()
    assert aid is window.aid_page and aid.tabs.count() == 1
    events = aid.events
    assert events.desk_button.isVisibleTo(events)
    assert not any(b.isVisibleTo(events) for b in (events.edit_button, events.schedule_button,
                                                    events.close_button, events.reopen_button))
    assert not events.papers.isVisibleTo(events)


def test_the_operator_sees_masked_niks_until_saying_why(qtbot, registry, monkeypatch):
    from desktop.gui.registry import persons as persons_module
    from desktop.gui.shared.purpose import Answer

    window = window_as(qtbot, registry, Role.OPERATOR)
    window.nav.setCurrentRow(1)
    page = window.persons_page
    wait_idle()
    shown = {page.model.row_data(r).name: page.model.row_data(r) for r in range(page.model.rowCount())}
    assert shown["Warga Rahasia"].nik == "6402********0002" and shown["Warga Rahasia"].ppks == ""
    assert shown["Warga Biasa"].ppks == "LUT"
    monkeypatch.setattr(persons_module, "ask_purpose", lambda *a, **k: Answer("pencocokan KTP", False))
    page.reveal.setChecked(True)
    wait_idle()
    assert "6402064107850002" in {page.model.row_data(r).nik for r in range(page.model.rowCount())}
    window.ops.mask_niks()  # what the idle lock does before it hides the window
    window.redraw()
    wait_idle()
    assert not page.reveal.isChecked()
    assert all(page.model.row_data(r).nik != "6402064107850002" for r in range(page.model.rowCount()))


def test_the_admin_looks_at_the_registry_without_changing_it(qtbot, registry):
    window = window_as(qtbot, registry, Role.ADMIN)
    window.nav.setCurrentRow(1)
    page = window.persons_page
    wait_idle()
    assert not any(b.isVisibleTo(page) for b in (page.add_button, page.edit_button, page.delete_button))
    assert page.edit(page.model.id_at(0)) is None  # a double click opens no form
    assert not page.reveal.isVisibleTo(page)  # no right to full NIKs: nothing to ask
    assert all("*" in (page.model.row_data(r).nik or "*") for r in range(page.model.rowCount()))
