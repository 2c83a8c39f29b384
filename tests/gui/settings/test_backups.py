"""Pengaturan → Cadangan: back up now, the list, restore with a confirmation, the damage banner."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.core.services import backup, check
from desktop.gui.ops import wait_idle
from desktop.gui.settings.backups import BackupsPanel


def settle(qtbot) -> None:
    wait_idle()
    qtbot.wait(50)  # the job's result reaches the GUI thread through a queued signal


def test_backup_now_lists_the_verified_backup(ops, qtbot, sqlite_db):
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 0 and not panel.damage_box.isVisibleTo(panel)
    assert str(sqlite_db.file.parent / "backups") in panel.intro.text()
    panel.backup_now()
    settle(qtbot)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "manual" and panel.table.item(0, 4).text() == "diperiksa"
    assert "keluarga" in panel.table.item(0, 3).text() and "diperiksa" in panel.status.text()


def test_restore_shows_date_and_counts_first_and_announces_everything(ops, qtbot, sqlite_db, monkeypatch):
    made = backup.make_backup(sqlite_db)
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    changed = []
    ops.changed.connect(changed.append)
    panel.table.selectRow(0)
    panel.restore_selected()  # answered No: nothing happens
    settle(qtbot)
    assert not changed and made.summary in asked[0] and str(made.path) in asked[0]
    panel.restore_selected()
    settle(qtbot)
    assert len(changed) == 1 and len(backup.backups_of(sqlite_db)) == 2  # the safety copy joined the list
    assert panel.table.rowCount() == 2


def test_a_damaged_registry_shows_the_banner_and_no_backup_button(ops, qtbot, sqlite_db):
    check.refuse_writes(sqlite_db)
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    assert panel.damage_box.isVisibleTo(panel) and "RUSAK" in panel.banner.text()
    assert not panel.backup_button.isEnabled() and panel.restore_button.isEnabled()
    check.allow_writes(sqlite_db)


def test_salvage_writes_a_new_file_and_offers_to_use_it(ops, qtbot, sqlite_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "selamat.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: shown.append(text) or QMessageBox.StandardButton.No)
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    panel.salvage()
    settle(qtbot)
    assert target.exists() and str(target) in shown[0] and "baris dari" in shown[0]


def test_the_damage_banner_asks_for_the_backups(qtbot):
    from desktop.gui.settings.backups import DamageBanner

    banner = DamageBanner("PERINGATAN: basis data rusak.")
    qtbot.addWidget(banner)
    with qtbot.waitSignal(banner.open_backups, timeout=1000):
        banner.findChildren(QPushButton)[0].click()
