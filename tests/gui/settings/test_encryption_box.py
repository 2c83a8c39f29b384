"""Pengaturan › Cadangan: a registry from before encryption is converted from the window, and the
recovery key is shown once, closing only when it is written down (issue 15, item 7)."""

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.core import access
from desktop.core.db import cipher
from desktop.core.db.models import AuditEntry
from desktop.core.domain.enums import Role
from desktop.gui.ops import wait_idle
from desktop.gui.settings.backups import BackupsPanel


def test_a_plain_registry_is_encrypted_from_the_window(qtbot, ops, sqlite_db, monkeypatch):
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    box = panel.encryption
    assert not cipher.is_encrypted(sqlite_db.file)
    assert box.encrypt_button.isVisibleTo(panel) and not box.key_button.isVisibleTo(panel)
    assert "BELUM terenkripsi" in box.text.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    box.encrypt()
    wait_idle()
    qtbot.waitUntil(lambda: box.dialog is not None, timeout=10000)
    assert cipher.is_encrypted(sqlite_db.file)
    assert b"Warga" not in sqlite_db.file.read_bytes() and not sqlite_db.file.read_bytes().startswith(b"SQLite")
    dialog = box.dialog
    assert not dialog.ok.isEnabled()
    dialog.reject()  # Esc before the key is on paper: the dialog stays
    assert dialog.isVisible()
    dialog.view.noted.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.accept()
    assert box.key_button.isVisibleTo(panel) and not box.encrypt_button.isVisibleTo(panel)
    assert all(info.path.exists() for info in panel.backups)  # the list was read again
    box.show_key()
    assert box.dialog.view.recovery_key == dialog.view.recovery_key
    with sqlite_db.read() as s:
        shown = s.scalars(select(AuditEntry).where(AuditEntry.record_id == "recovery-key")).all()
    assert len(shown) == 1 and dialog.view.recovery_key not in str(shown[0].changes)


def test_a_role_without_the_backup_right_sees_the_state_only(qtbot, ops, sqlite_db):
    sqlite_db.principal = access.actor_for("uji", Role.OPERATOR)
    panel = BackupsPanel(ops)
    qtbot.addWidget(panel)
    assert panel.encryption.isVisibleTo(panel)
    assert not panel.encryption.encrypt_button.isVisibleTo(panel)
