"""Why personal data leaves the screen: asked before an export, or before NIKs show whole.

The answer goes to the audit trail with the disclosure (UU 27/2022: data used for a stated
purpose). Whether full NIKs may be chosen is the role's, asked of the core through `ops.can`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.access import Right
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import error_label, save_cancel

# The usual reasons in an office; any other can be typed.
PURPOSES = (
    N_("Pemadanan data DTSEN untuk Dinas Sosial"),
    N_("Usulan calon penerima bantuan (PKH, BPNT, PBI)"),
    N_("Verifikasi dan validasi lapangan"),
    N_("Laporan ke kabupaten"),
    N_("Rujukan layanan"),
)


@dataclass(frozen=True)
class Answer:
    purpose: str
    full_nik: bool


class PurposeDialog(QDialog):
    """The purpose (required) and, for an export, whether NIKs go whole (masked by default)."""

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None, *, ask_full_nik: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.answer: Answer | None = None
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems([tr(p) for p in PURPOSES])
        self.purpose.setCurrentIndex(-1)
        self.purpose.lineEdit().setPlaceholderText(tr("Tulis atau pilih tujuannya"))
        self.full_nik = QCheckBox(tr("NIK dan No. KK lengkap (bawaan: disamarkan, mis. 6402********0001)"))
        allowed = ops.can(Right.FULL_NIK)
        self.full_nik.setEnabled(allowed)
        self.full_nik.setVisible(ask_full_nik)
        if not allowed:
            self.full_nik.setToolTip(tr("Peran Anda tidak berhak melihat NIK lengkap."))
        note = QLabel(tr("Tujuan ini dicatat di jejak audit bersama nama Anda dan waktunya."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #595959")
        self.errors = error_label()
        form = QFormLayout()
        form.addRow(tr("Tujuan:"), self.purpose)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_nik)
        layout.addWidget(note)
        layout.addWidget(self.errors)
        layout.addWidget(save_cancel(self, self.accept_answer, tr("Lanjutkan")))
        fit_to_screen(self, 560, 220)

    def accept_answer(self) -> None:
        text = " ".join(self.purpose.currentText().split())
        if len(text) < 3:
            self.errors.setText(tr("Tuliskan tujuannya dulu."))
            self.errors.show()
            return
        self.answer = Answer(text, self.full_nik.isEnabled() and self.full_nik.isChecked())
        self.accept()


def ask_purpose(ops: Operations, title: str, parent: QWidget | None = None, *,
                ask_full_nik: bool = True) -> Answer | None:
    dialog = PurposeDialog(ops, title, parent, ask_full_nik=ask_full_nik)
    return dialog.answer if dialog.exec() else None
