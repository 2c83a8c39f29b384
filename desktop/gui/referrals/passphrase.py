"""The signer's passphrase, asked when the office's letter-signing key is protected by one.

The key stays locked in the key store; the passphrase opens it for the rest of this session
(`signing_keys.unlock`), and the window forgets it when it locks or the user logs out
(`signing_keys.lock`). The passphrase is never shown, logged or kept beyond that call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.changes import NOTHING
from desktop.core.errors import SimpulError
from desktop.core.services import signing_keys
from desktop.gui.i18n import tr
from desktop.gui.ops import ChangesFor, Operations, Outcome, show_error

T = TypeVar("T")
LOCKED = frozenset({"signing.passphrase_needed", "signing.passphrase_wrong"})
TRIES = 3


class PassphraseDialog(QDialog):
    """One field, hidden as it is typed."""

    def __init__(self, parent: QWidget | None = None, *, wrong: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Frasa sandi penanda tangan"))
        text = tr("Kunci tanda tangan surat kantor dilindungi frasa sandi penanda tangan. Masukkan frasa "
                  "sandinya untuk menandatangani.")
        if wrong:
            text = tr("Frasa sandi salah. Coba lagi.") + "\n\n" + text
        note = QLabel(text)
        note.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Tanda tangani"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.resize(420, 0)

    def passphrase(self) -> str:
        return self.field.text()


def ask_passphrase(parent: QWidget | None, wrong: bool = False) -> str | None:
    """The passphrase, or None when the user cancels."""
    dialog = PassphraseDialog(parent, wrong=wrong)
    try:
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.field.clear()
        dialog.deleteLater()


def needs_passphrase(exc: BaseException | None) -> bool:
    return isinstance(exc, SimpulError) and exc.code in LOCKED


def write_signing(ops: Operations, fn: Callable[[Any], T], *, parent: QWidget | None,
                  changes: ChangesFor = NOTHING,
                  ask: Callable[[QWidget | None, bool], str | None] = ask_passphrase) -> Outcome[T]:
    """`ops.write(fn, …)` for work that signs a letter (moving a referral to "ditandatangani",
    printing a letter from before letters were frozen). When the key is locked with the signer's
    passphrase, ask for it, open the key for this session and run `fn` again; every other error
    is shown as `ops.write` shows it."""
    def quiet(exc: BaseException) -> None:
        if not needs_passphrase(exc):
            show_error(parent, exc)

    outcome = ops.write(fn, parent=parent, changes=changes, on_error=quiet)
    wrong = False
    for _ in range(TRIES):
        if outcome or not needs_passphrase(outcome.error):
            return outcome
        passphrase = ask(parent, wrong)
        if passphrase is None:
            return outcome
        try:
            ops.read(lambda s, p=passphrase: signing_keys.unlock(s, p))
        except SimpulError as exc:
            if exc.code != "signing.passphrase_wrong":
                show_error(parent, exc)
                return Outcome(False, None, exc.with_traceback(None))
            wrong = True
            continue
        finally:
            passphrase = None
        outcome = ops.write(fn, parent=parent, changes=changes, on_error=quiet)
        wrong = False
    if needs_passphrase(outcome.error):
        show_error(parent, outcome.error)
    return outcome
