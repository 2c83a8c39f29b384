"""Who works: the login at start, the first Admin of a registry that has no users yet, the
Admin's recovery code, and the lock after the PC is left idle (issue 15).

The window never decides rights itself: a login returns an `access.Actor` from the users
service, and the database records that user in its audit trail from then on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import access
from desktop.core.domain.enums import Role
from desktop.core.services import users
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.passwords import dialog_body, length_hint, matching, password_field
from desktop.gui.shared.widgets import error_label

IDLE_MINUTES = 15  # default; Pengaturan › Pengguna changes it for this PC
IDLE_SETTING = "security/idle_minutes"


class LoginDialog(QDialog):
    """Name and password; the users service counts failures and locks an account after five."""

    def __init__(self, ops: Operations, parent: QWidget | None = None, *, name: str = "",
                 locked: bool = False) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: access.Actor | None = None
        self.setWindowTitle(tr("Simpul — kunci layar") if locked else tr("Simpul — masuk"))
        self.setMinimumWidth(380)
        self.name = QLineEdit(name)
        self.name.setReadOnly(locked)  # a locked screen opens again for the same user only
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.name)
        form.addRow(tr("Kata sandi:"), self.password)
        forgot = QPushButton(tr("Lupa kata sandi Admin…"))
        forgot.setFlat(True)
        forgot.clicked.connect(self.recover)
        layout = dialog_body(self, form, self.error, self.try_login, ok_text=tr("Masuk"), intro=tr(
            "Layar dikunci karena lama tidak dipakai. Masukkan kata sandi untuk melanjutkan.") if locked else None)
        layout.insertWidget(layout.count() - 1, forgot, 0, Qt.AlignmentFlag.AlignLeft)
        (self.password if name else self.name).setFocus()

    def try_login(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        outcome = self.ops.call(lambda db: users.login(db, name, password), parent=self,
                                on_error=lambda exc: self.error.setText(exc.message))
        self.password.clear()
        if not outcome:
            return
        if self.ops.read(lambda s: users.needs_new_password(s, name)):  # an Admin reset it: own one now
            if not NewPasswordDialog(self.ops, name, password, self).exec():
                return
        self.actor = outcome.value
        self.accept()

    def recover(self) -> None:
        RecoveryDialog(self.ops, self).exec()


class NewPasswordDialog(QDialog):
    """After an Admin reset the password: the user chooses one only they know, before working."""

    def __init__(self, ops: Operations, name: str, old: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self._name, self._old = ops, name, old
        self.setWindowTitle(tr("Kata sandi baru"))
        self.setMinimumWidth(420)
        self.new, self.again = password_field(length_hint()), password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Kata sandi baru:"), self.new)
        form.addRow(tr("Ulangi kata sandi:"), self.again)
        dialog_body(self, form, self.error, self.save,
                    intro=tr("Kata sandi Anda diatur ulang oleh Admin. Pilih kata sandi baru yang hanya Anda ketahui."))

    def save(self) -> None:
        new = matching(self.new, self.again, self.error)
        if new is None:
            return
        outcome = self.ops.call(lambda db: users.change_own_password(db, self._name, self._old, new), parent=self,
                                on_error=lambda exc: self.error.setText(exc.message))
        if outcome:
            self.accept()


class RecoveryDialog(QDialog):
    """A lost Admin password: the code printed at set-up sets a new one; the next code is shown."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(tr("Pulihkan akun Admin"))
        self.setMinimumWidth(460)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        self.name = QLineEdit()
        self.new, self.again = password_field(length_hint()), password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Kode pemulihan:"), self.code)
        form.addRow(tr("Nama Admin:"), self.name)
        form.addRow(tr("Kata sandi baru:"), self.new)
        form.addRow(tr("Ulangi kata sandi:"), self.again)
        dialog_body(self, form, self.error, self.recover, ok_text=tr("Pulihkan"),
                    intro=tr("Kode pemulihan dicetak saat Admin pertama dibuat. Satu kode hanya berlaku "
                             "sekali; kode berikutnya ditampilkan sesudahnya."))

    def recover(self) -> None:
        password = matching(self.new, self.again, self.error)
        if password is None:
            return
        code, name = self.code.text(), self.name.text().strip()
        outcome = self.ops.call(lambda db: users.recover_admin(db, code, name, password), parent=self,
                                on_error=lambda exc: self.error.setText(exc.message))
        if outcome:
            RecoveryCodeDialog(outcome.value, self).exec()
            self.accept()


class RecoveryCodeDialog(QDialog):
    """The Admin's recovery code, shown once: it must be written down before the dialog closes."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kode pemulihan Admin"))
        shown = QLabel(code)
        font = QFont("monospace")
        font.setPointSize(16)
        font.setBold(True)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        noted = QCheckBox(tr("Saya sudah mencatat kode ini dan menyimpannya di tempat aman"))
        ok = QPushButton(tr("Selesai"))
        ok.setEnabled(False)
        noted.toggled.connect(ok.setEnabled)
        ok.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        text = QLabel(tr("Kode ini satu-satunya jalan bila kata sandi Admin hilang. Tulis atau cetak, simpan di "
                         "lemari kantor, jangan di komputer ini. Kode hanya ditampilkan sekarang."))
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(shown, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(noted)
        layout.addWidget(ok, 0, Qt.AlignmentFlag.AlignRight)


class FirstAdminDialog(QDialog):
    """A registry without users (new, or made before users existed) gets its first Admin."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: access.Actor | None = None
        self.setWindowTitle(tr("Admin pertama"))
        self.setMinimumWidth(460)
        self.name, self.full_name = QLineEdit(), QLineEdit()
        self.new, self.again = password_field(length_hint()), password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.name)
        form.addRow(tr("Nama lengkap:"), self.full_name)
        form.addRow(tr("Kata sandi:"), self.new)
        form.addRow(tr("Ulangi kata sandi:"), self.again)
        dialog_body(self, form, self.error, self.create, ok_text=tr("Buat akun Admin"),
                    intro=tr("Registri ini berisi data pribadi. Buat akun Admin pertama: Admin menambah pengguna "
                             "lain (Camat/Kasi, operator, petugas meja, tamu) dengan hak masing-masing."))

    def create(self) -> None:
        password = matching(self.new, self.again, self.error)
        if password is None:
            return
        name, full_name = self.name.text().strip(), self.full_name.text().strip() or None

        def work(session):
            users.add_user(session, name, Role.ADMIN, password, full_name=full_name)
            return users.new_recovery_code(session)

        outcome = self.ops.write(work, parent=self, on_error=lambda exc: self.error.setText(exc.message))
        if outcome:
            RecoveryCodeDialog(outcome.value, self).exec()
            self.actor = access.actor_for(name, Role.ADMIN)
            self.accept()


class IdleLock(QObject):
    """Locks the window after `minutes` without keyboard or mouse: the same user logs in again."""

    WATCHED = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                         QEvent.Type.Wheel})

    def __init__(self, window: QWidget, ops: Operations, actor: access.Actor, minutes: int | None = None) -> None:
        super().__init__(window)
        self.window, self.ops, self.actor = window, ops, actor
        minutes = minutes or int(QSettings().value(IDLE_SETTING, IDLE_MINUTES))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()
        self.locked = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in self.WATCHED:
            self.timer.start()
        return False

    def lock(self) -> bool:
        """Hide the window behind the login of the same user; False when they give up (the app closes)."""
        self.locked = True
        from desktop.core.services import signing_keys

        self.ops.mask_niks()  # NIKs shown whole go back to masked: the next look asks why again
        signing_keys.lock()  # an opened signing key asks its passphrase again
        getattr(self.window, "redraw", lambda: None)()
        self.window.hide()
        dialog = LoginDialog(self.ops, name=self.actor.name, locked=True)
        ok = bool(dialog.exec())
        self.locked = False
        if ok:
            self.window.show()
            self.timer.start()
        else:
            self.window.close()
        return ok
