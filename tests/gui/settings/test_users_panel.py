"""Pengaturan → Pengguna: an office Admin manages the accounts in the window — adds one with its role
and extra rights, changes them, sets a new password, switches an account off and on — and the
users service refuses what would lock the office out (issue 15, item 1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core import access
from desktop.core.access import AccessDenied, Right
from desktop.core.domain.enums import Role
from desktop.core.services import users
from desktop.gui.settings.page import BACKUPS, USERS, SettingsPage
from desktop.gui.settings.user_dialogs import PasswordDialog, UserDialog
from desktop.gui.settings.users import FULL_NAME, GRANTS, LAST_LOGIN, NAME, ROLE, STATE, UsersPanel


@pytest.fixture
def office(sqlite_db):
    with sqlite_db.transaction("penyiap") as s:
        users.add_user(s, "admin", Role.ADMIN, "kunci-admin-1", full_name="Admin Kantor")
        users.add_user(s, "tamu", Role.GUEST, "kunci-tamu-1")
    return sqlite_db


def act_as(db, name: str, role: Role) -> None:
    actor = access.actor_for(name, role)
    db.principal, db.actor = actor, actor.name


@pytest.fixture
def panel(office, ops, qtbot):
    act_as(office, "admin", Role.ADMIN)
    shown = UsersPanel(ops)
    qtbot.addWidget(shown)
    return shown


def cells(panel: UsersPanel, name: str) -> list[str]:
    assert panel.select(name), name
    r = panel.table.currentRow()
    return [panel.table.item(r, c).text() for c in range(panel.table.columnCount())]


def answer(monkeypatch, fill):
    """Each dialog's exec fills it the way a person would, presses Simpan, and returns its result."""
    def exec_(self):
        fill(self)
        self.save()
        return self.result()

    monkeypatch.setattr(UserDialog, "exec", exec_)
    monkeypatch.setattr(PasswordDialog, "exec", exec_)


def test_the_list_shows_roles_states_and_no_secret(panel):
    assert panel.table.rowCount() == 2
    row = cells(panel, "admin")
    assert row[NAME] == "admin (Anda)" and row[FULL_NAME] == "Admin Kantor" and row[ROLE] == "Admin"
    assert row[GRANTS] == "—" and row[STATE] == "aktif" and row[LAST_LOGIN] == "belum pernah"
    everything = " ".join(panel.table.item(r, c).text() for r in range(2) for c in range(panel.table.columnCount()))
    assert "argon2" not in everything and "kunci-" not in everything


def test_an_admin_adds_a_user_with_a_role_and_an_extra_right(panel, monkeypatch, office):
    seen = {}

    def fill(dialog):
        dialog.name.setText("siti")
        dialog.full_name.setText("Siti Operator")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.OPERATOR))
        # The Operator role carries full NIKs already: that box is ticked and fixed.
        seen["nik"] = (dialog.grants[Right.FULL_NIK].isChecked(), dialog.grants[Right.FULL_NIK].isEnabled())
        seen["summary"] = dialog.summary.text()
        dialog.grants[Right.SENSITIVE].setChecked(True)
        dialog.password.setText("kunci-siti-12")
        dialog.again.setText("kunci-siti-13")
        dialog.save()  # the two passwords differ: said in the dialog, nothing written
        seen["mismatch"] = dialog.error.text()
        dialog.name.setText("<siti>")
        dialog.again.setText("kunci-siti-12")
        dialog.save()  # the service refuses the name: its message in the dialog's red line
        seen["refused"] = dialog.error.text()
        dialog.name.setText("siti")

    answer(monkeypatch, fill)
    panel.add()
    assert seen["nik"] == (True, False) and "mengimpor berkas" in seen["summary"]
    assert "tidak sama" in seen["mismatch"] and "tidak bisa dipakai" in seen["refused"]
    row = cells(panel, "siti")
    assert row[FULL_NAME] == "Siti Operator" and row[ROLE] == "Operator" and row[GRANTS] == "data sensitif"
    assert "siti ditambahkan" in panel.status.text()
    actor = users.login(office, "siti", "kunci-siti-12")
    assert actor.role is Role.OPERATOR and actor.sensitive and actor.full_nik


def test_the_role_and_grants_change_and_show_in_the_table(panel, monkeypatch, office):
    def fill(dialog):
        assert dialog.name.isReadOnly() and not dialog.password.isVisibleTo(dialog)
        dialog.role.setCurrentIndex(dialog.role.findData(Role.DESK))
        dialog.grants[Right.FULL_NIK].setChecked(True)

    answer(monkeypatch, fill)
    panel.select("tamu")
    panel.edit_selected()
    assert cells(panel, "tamu")[ROLE] == "Petugas meja" and cells(panel, "tamu")[GRANTS] == "NIK lengkap"
    assert users.login(office, "tamu", "kunci-tamu-1").rights == {Right.DESK, Right.FULL_NIK}


def test_a_reset_password_opens_the_account_with_the_new_one(panel, monkeypatch, office):
    def fill(dialog):
        dialog.password.setText("kunci-baru-123")
        dialog.again.setText("kunci-baru-123")

    answer(monkeypatch, fill)
    panel.select("tamu")
    panel.reset_selected()
    assert "diganti" in panel.status.text()
    assert users.login(office, "tamu", "kunci-baru-123").name == "tamu"
    with pytest.raises(AccessDenied):
        users.login(office, "tamu", "kunci-tamu-1")


def test_disable_then_enable_with_a_question_naming_the_user(panel, monkeypatch, office):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes)
    panel.select("tamu")
    assert panel.toggle_button.text() == "Nonaktifkan"
    panel.toggle_selected()
    assert "tamu" in asked[0] and cells(panel, "tamu")[STATE] == "nonaktif"
    assert panel.toggle_button.text() == "Aktifkan kembali"
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        users.login(office, "tamu", "kunci-tamu-1")
    panel.toggle_selected()
    assert "tamu" in asked[1] and cells(panel, "tamu")[STATE] == "aktif"
    assert users.login(office, "tamu", "kunci-tamu-1").name == "tamu"


def test_answering_no_changes_nothing(panel, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    panel.select("tamu")
    panel.toggle_selected()
    assert cells(panel, "tamu")[STATE] == "aktif" and panel.status.text() == ""


def test_the_last_admin_and_ones_own_account_stay(office, ops, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    act_as(office, "penguji", Role.ADMIN)  # an Admin whose own account is not the last Admin's
    panel = UsersPanel(ops)
    qtbot.addWidget(panel)
    panel.select("admin")
    panel.toggle_selected()
    assert "Admin aktif terakhir" in panel.status.text() and cells(panel, "admin")[STATE] == "aktif"
    demoted = {}

    def fill(dialog):
        dialog.role.setCurrentIndex(dialog.role.findData(Role.OPERATOR))
        dialog.save()
        demoted["error"] = dialog.error.text()
        dialog.role.setCurrentIndex(dialog.role.findData(Role.ADMIN))

    answer(monkeypatch, fill)
    panel.select("admin")
    panel.edit_selected()
    assert "Admin aktif terakhir" in demoted["error"] and cells(panel, "admin")[ROLE] == "Admin"

    act_as(office, "admin", Role.ADMIN)
    panel.refresh()
    panel.select("admin")
    panel.toggle_selected()
    assert "Akun Anda sendiri" in panel.status.text() and cells(panel, "admin")[STATE] == "aktif"
    assert users.login(office, "admin", "kunci-admin-1").role is Role.ADMIN


def test_the_settings_page_offers_each_tab_to_its_right_only(office, ops, open_page):
    act_as(office, "admin", Role.ADMIN)
    page = open_page(SettingsPage)
    assert page.tabs.isTabVisible(USERS) and page.tabs.isTabVisible(BACKUPS) and page.save_button.isVisible()
    assert page.users is None  # built when first opened
    page.tabs.setCurrentIndex(USERS)
    assert isinstance(page.users, UsersPanel) and page.tabs.currentWidget() is page.users
    assert page.users.table.rowCount() == 2

    office.principal = access.Actor("pengelola", Role.ADMIN, frozenset({Right.USERS}))
    only_users = open_page(SettingsPage)
    assert only_users.tabs.isTabVisible(USERS) and not only_users.tabs.isTabVisible(BACKUPS)
    assert not only_users.save_button.isVisible() and not only_users.form.isEnabled()
    assert only_users.language.isEnabled()  # the language is everyone's
    only_users.show_backups()  # no right: nothing opens
    assert only_users.backups is None and only_users.tabs.currentIndex() == 0
    assert not only_users.save()

    office.principal = access.Actor("penyimpan", Role.ADMIN, frozenset({Right.BACKUP}))
    only_backups = open_page(SettingsPage)
    assert not only_backups.tabs.isTabVisible(USERS) and only_backups.tabs.isTabVisible(BACKUPS)
    only_backups.show_users()
    assert only_backups.users is None



def test_the_screen_lock_time_of_this_pc_is_set_here(qtbot, ops):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from desktop.core import access
    from desktop.core.domain.enums import Role
    from desktop.gui.login import IDLE_SETTING, IdleLock
    from desktop.gui.settings.users import UsersPanel

    panel = UsersPanel(ops)
    qtbot.addWidget(panel)
    assert panel.idle.value() == 15
    panel.idle.setValue(5)
    assert int(QSettings().value(IDLE_SETTING)) == 5
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(window, ops, access.actor_for("uji", Role.OPERATOR))
    assert lock.timer.interval() == 5 * 60_000
