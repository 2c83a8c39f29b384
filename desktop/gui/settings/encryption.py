"""Encryption at rest in the Cadangan tab: whether the registry file is encrypted, converting one
made before encryption came (a registry from the first version of Simpul), and showing its recovery
key again to the Admin whose paper went missing. The work is the core's
(desktop.core.services.encryption); this only asks and shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.services import encryption
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen

ENCRYPTED_STYLE, PLAIN_STYLE = "color: #1F6F5C", "color: #9C0006; font-weight: bold"


class RecoveryKeyView(QWidget):
    """The key in large type, print and copy, and the box the user ticks once it is on paper."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.key = QLabel(recovery_key)
        font = QFont("monospace", 13)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key.setFont(font)
        self.key.setWordWrap(True)
        advice = QLabel(tr("Cetak atau tulis kunci ini, lalu simpan di lemari terkunci, terpisah dari komputer. "
                           "Jangan simpan sebagai berkas di komputer ini. Kunci ini hanya ditampilkan sekarang."))
        advice.setWordWrap(True)
        print_button, copy_button = QPushButton(tr("Cetak…")), QPushButton(tr("Salin"))
        print_button.clicked.connect(self.print_key)
        copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.recovery_key))
        buttons = QHBoxLayout()
        buttons.addWidget(print_button)
        buttons.addWidget(copy_button)
        buttons.addStretch(1)
        self.noted = QCheckBox(tr("Saya sudah mencatat kunci pemulihan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addWidget(advice)
        layout.addLayout(buttons)
        layout.addWidget(self.noted)

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            page = QTextDocument()
            page.setPlainText("\n\n".join((tr("Simpul: kunci pemulihan basis data"), self.recovery_key,
                                            tr("Simpan di lemari terkunci, terpisah dari komputer."))))
            page.print_(printer)


class RecoveryKeyDialog(QDialog):
    """Closes only once the user says the key is written down."""

    def __init__(self, recovery_key: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kunci pemulihan"))
        text = QLabel(intro)
        text.setWordWrap(True)
        self.view = RecoveryKeyView(recovery_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.view.noted.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addWidget(self.view)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 320)

    def reject(self) -> None:  # Esc or the title bar's X: not before the key is on paper
        if self.view.noted.isChecked():
            super().reject()


class EncryptionBox(QGroupBox):
    """The registry file's protection, at the top of the Cadangan tab."""

    encrypted = Signal()  # the file was converted (its backups too): the list reads them again

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(tr("Enkripsi basis data"), parent)
        self.ops = ops
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.encrypt_button = QPushButton(tr("Enkripsi basis data…"))
        self.encrypt_button.clicked.connect(self.encrypt)
        self.key_button = QPushButton(tr("Tampilkan kunci pemulihan…"))
        self.key_button.clicked.connect(self.show_key)
        row = QHBoxLayout()
        row.addWidget(self.encrypt_button)
        row.addWidget(self.key_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.dialog: RecoveryKeyDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        found = self.ops.call(encryption.state, parent=self)
        state = found.value if found else "server"
        self.setVisible(state != "server")  # PostgreSQL: the server's disk and TLS (README)
        allowed = self.ops.can(Right.BACKUP)
        self.encrypt_button.setVisible(state == "plain" and allowed)
        self.key_button.setVisible(state == "encrypted" and allowed)
        if state == "encrypted":
            self.text.setStyleSheet(ENCRYPTED_STYLE)
            self.text.setText(tr("Berkas basis data ini terenkripsi (SQLCipher, AES-256), begitu pula cadangannya. "
                                 "Kuncinya tersimpan di penyimpanan kunci Windows komputer ini."))
        else:
            self.text.setStyleSheet(PLAIN_STYLE)
            self.text.setText(tr("Berkas basis data ini BELUM terenkripsi: siapa pun yang menyalinnya dapat membaca "
                                 "NIK dan nama warga. Enkripsi sekarang: cadangan dibuat dulu, lalu berkas diganti "
                                 "salinan terenkripsi yang sudah diperiksa baris demi baris."))

    def encrypt(self) -> None:
        answer = QMessageBox.question(
            self, "Simpul", tr("Enkripsi basis data ini sekarang? Tutup dulu Simpul di komputer lain yang membuka "
                               "berkas ini. Sesudahnya kunci pemulihan ditampilkan sekali: siapkan kertas."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ops.run(lambda database, progress: encryption.encrypt_registry(database, progress), parent=self,
                     session=None, label=tr("Mengenkripsi basis data…"), on_done=self._encrypted)

    def _encrypted(self, result: encryption.EncryptResult) -> None:
        self.refresh()
        self.encrypted.emit()
        self.dialog = RecoveryKeyDialog(result.recovery_key, "\n".join(result.lines()), self)
        self.dialog.open()

    def show_key(self) -> None:
        found = self.ops.call(encryption.reveal_recovery_key, parent=self)
        if found:
            self.dialog = RecoveryKeyDialog(found.value, tr("Kunci pemulihan basis data ini (tampilnya dicatat di "
                                                             "jejak audit):"), self)
            self.dialog.open()
