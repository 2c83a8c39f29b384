"""The parts every dialog that sets a password shares (the first Admin, the Admin's recovery, a
reset by the Admin, one's own after a reset, a new user): the hidden fields, the length hint from
the users service, the "typed twice alike" check, and the dialog's frame around its form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.core.services import users
from desktop.gui.i18n import tr


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def length_hint() -> str:
    return tr("minimal {n} karakter").format(n=users.MIN_PASSWORD)


def matching(first: QLineEdit, again: QLineEdit, error: QLabel) -> str | None:
    """The new password when both fields hold the same; otherwise None, and the dialog says so."""
    if first.text() != again.text():
        error.setText(tr("Kedua kata sandi tidak sama."))
        return None
    return first.text()


def dialog_body(dialog: QDialog, form: QFormLayout, error: QLabel, on_ok: Callable[[], object], *,
                intro: str | None = None, ok_text: str | None = None) -> QVBoxLayout:
    """Intro, form, the red error line and OK/Cancel, top to bottom; returns the layout (a dialog
    may insert more before the error line)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or tr("Simpan"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    if intro:
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return layout
