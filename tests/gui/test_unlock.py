"""The window's way into an encrypted registry this computer has no key for."""

from __future__ import annotations

import secrets

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.db import cipher
from desktop.core.db.engine import open_database
from desktop.core.errors import StorageError
from desktop.core.progress import Cancelled
from desktop.gui import unlock


@pytest.fixture
def locked(tmp_path):
    """An encrypted file whose key is nowhere on this computer."""
    key = secrets.token_bytes(32)
    open_database(tmp_path / "kantor.db", key=key).dispose()
    cipher.forget_cache()
    return tmp_path / "kantor.db", key


def test_the_dialog_refuses_a_typo_and_keeps_the_right_key(qtbot, locked, monkeypatch):
    file, key = locked
    dialog = unlock.UnlockDialog(file)
    qtbot.addWidget(dialog)
    words = cipher.recovery_text(key)
    dialog.key.setText(words[:-1] + ("0" if words[-1] != "0" else "1"))
    dialog.accept()
    assert "salah ketik" in dialog.problem.text() and cipher.ring() == {} and not dialog.result()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    dialog.key.setText(words)
    dialog.accept()
    assert dialog.result() and list(cipher.ring().values()) == [key] and dialog.key.text() == ""
    assert shown and words not in shown[0]


def test_opening_asks_for_the_key_then_opens(qtbot, locked, monkeypatch):
    file, key = locked
    asked = []

    def exec_(self):
        asked.append(self.path)
        cipher.unlock(self.path, cipher.recovery_text(key))
        return 1

    monkeypatch.setattr(unlock.UnlockDialog, "exec", exec_)
    db = unlock.opening_with_unlock(lambda: open_database(file))
    assert asked == [file] and db.encrypted
    db.dispose()


def test_giving_up_cancels_and_other_errors_pass(qtbot, locked, monkeypatch):
    file, _key = locked
    monkeypatch.setattr(unlock.UnlockDialog, "exec", lambda self: 0)
    with pytest.raises(Cancelled):
        unlock.opening_with_unlock(lambda: open_database(file))
    with pytest.raises(StorageError) as info:
        unlock.opening_with_unlock(lambda: open_database(file.parent / "tidak-ada" / "x.db"))
    assert info.value.code == "db.no_folder"
