"""The dialogs of Pengaturan → Pengguna: a new account, a role with its extra rights, a new password.
Each writes through `ops.write`; what the users service refuses is shown in the dialog's red line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.core import access
from desktop.core.access import Right
from desktop.core.domain.enums import Role
from desktop.core.services import users
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.shared.passwords import dialog_body, length_hint, matching, password_field
from desktop.gui.shared.widgets import error_label

NOTE_STYLE = "color: #555555"
GRANT_TEXTS = {
    Right.SENSITIVE: N_("data sensitif (ODHA, NAPZA, korban perdagangan orang atau kekerasan, …)"),
    Right.FULL_NIK: N_("NIK dan No. KK lengkap (tanpa disamarkan)"),
}
GRANT_SHORT = {Right.SENSITIVE: N_("data sensitif"), Right.FULL_NIK: N_("NIK lengkap")}


def role_summary(role: Role) -> str:
    """What the role may do, in the words of the one place that decides (desktop.core.access)."""
    rights = [r for r in Right if r in access.ROLE_RIGHTS[role]]
    return tr("Peran ini boleh: {rights}.").format(rights=", ".join(access.right_label(r) for r in rights))


class UserDialog(QDialog):
    """A new account (`row` None) or the role and extra rights of an existing one."""

    def __init__(self, ops: Operations, parent: QWidget | None = None, *, row: users.UserRow | None = None) -> None:
        super().__init__(parent)
        self.ops, self.row = ops, row
        self.saved_name: str | None = None
        self.setWindowTitle(tr("Tambah pengguna") if row is None else tr("Ubah peran dan hak {name}").format(
            name=row.name))
        self.setMinimumWidth(560)  # (the layout's minimum wins: the fields below set it)
        self.name = QLineEdit(row.name if row else "")
        self.name.setReadOnly(row is not None)  # the login name stays: the audit trail knows it
        self.name.setPlaceholderText(tr("mis. siti atau operator1"))
        self.full_name = QLineEdit((row.full_name or "") if row else "")
        self.role = QComboBox()
        self.role.setMinimumWidth(400)  # room for the role summary under it to wrap in few lines
        for text, member in choices(Role):
            self.role.addItem(text, member)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role if row else Role.OPERATOR)))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(NOTE_STYLE)
        self.grants = {right: QCheckBox(tr(text)) for right, text in GRANT_TEXTS.items()}
        for right, box in self.grants.items():
            box.setChecked(bool(row and right in row.grants))
        self.password, self.again = password_field(length_hint()), password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.name)
        form.addRow(tr("Nama lengkap:"), self.full_name)
        form.addRow(tr("Peran:"), self.role)
        form.addRow(self.summary)
        if row is None:
            form.addRow(tr("Kata sandi:"), self.password)
            form.addRow(tr("Ulangi kata sandi:"), self.again)
        extra = QLabel(tr("Hak tambahan membuka data pribadi lebih jauh; berikan hanya bila pekerjaannya "
                          "memerlukan. Boleh melihat:"))
        extra.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # a longer role summary grows it
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(extra)
        for box in self.grants.values():
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        """A right the role already carries shows ticked and fixed: granting it would add nothing."""
        role = self.role.currentData()
        self.summary.setText(role_summary(role))
        for right, box in self.grants.items():
            carried = right in access.ROLE_RIGHTS[role]
            if carried:
                box.setChecked(True)
            elif not box.isEnabled():  # it was ticked only because the previous role carried it
                box.setChecked(bool(self.row and right in self.row.grants))
            box.setEnabled(not carried)
            box.setToolTip(tr("Sudah termasuk dalam peran ini.") if carried else "")

    def chosen_grants(self) -> frozenset[Right]:
        return frozenset(r for r, box in self.grants.items() if box.isEnabled() and box.isChecked())

    def save(self) -> None:
        role, grants = self.role.currentData(), self.chosen_grants()
        name, full_name = self.name.text().strip(), self.full_name.text().strip()
        if self.row is None:
            if not name:
                self.error.setText(tr("Isi nama pengguna."))
                return
            password = matching(self.password, self.again, self.error)
            if password is None:
                return

            def work(session) -> None:
                users.add_user(session, name, role, password, full_name=full_name or None, grants=grants)
        else:
            def work(session) -> None:
                users.set_role(session, name, role, grants, full_name=full_name)

        if self.ops.write(work, parent=self, on_error=lambda exc: self.error.setText(exc.message)):
            self.password.clear()
            self.again.clear()
            self.saved_name = " ".join(name.split())
            self.accept()


class PasswordDialog(QDialog):
    """A new password set by the Admin for a user who lost theirs (also lifts a temporary lock)."""

    def __init__(self, ops: Operations, row: users.UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.row = ops, row
        self.setWindowTitle(tr("Atur ulang kata sandi"))
        self.setMinimumWidth(460)
        who = f"{row.name} ({row.full_name})" if row.full_name else row.name
        self.password, self.again = password_field(length_hint()), password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Kata sandi baru:"), self.password)
        form.addRow(tr("Ulangi kata sandi:"), self.again)
        dialog_body(self, form, self.error, self.save, intro=tr(
            "Kata sandi baru untuk {who}. Sampaikan langsung kepadanya; kata sandi lama tidak berlaku lagi, dan "
            "akun yang terkunci sementara terbuka kembali.").format(who=who))

    def save(self) -> None:
        password = matching(self.password, self.again, self.error)
        if password is None:
            return
        name = self.row.name
        outcome = self.ops.write(lambda s: users.reset_password(s, name, password), parent=self,
                                 on_error=lambda exc: self.error.setText(exc.message))
        self.password.clear()
        self.again.clear()
        if outcome:
            self.accept()
