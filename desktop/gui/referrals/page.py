"""Referrals (rujukan): who was referred where, the letter's number and where it stands — draft,
signed, sent, received, followed up, closed — with the letter printed to PDF from here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.audit import log_disclosure
from desktop.core.db.engine import Database
from desktop.core.domain.enums import AuditAction
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services.queries import ppks_choices
from desktop.core.services.referrals import (
    ReferralInput,
    create_referral,
    find_holder,
    institution_choices,
    letter_data,
    move,
    next_statuses,
    referral_rows,
    referral_steps,
)
from desktop.core.io.pdf.letter import letter_bytes
from desktop.gui.i18n import N_, tr
from desktop.gui.referrals.dialogs import InstitutionsDialog, RegisterDialog, SignerDialog, VerifyDialog
from desktop.gui.shared.widgets import error_label, optional_date, save_cancel, save_pdf, show_not_saved

STATUS_LABELS = {"draft": N_("Konsep"), "ditandatangani": N_("Ditandatangani"), "dikirim": N_("Dikirim"),
                 "diterima": N_("Diterima lembaga"), "ditindaklanjuti": N_("Ditindaklanjuti"),
                 "selesai": N_("Selesai")}
URGENCY = [("biasa", N_("Biasa")), ("segera", N_("Segera")), ("darurat", N_("Sangat segera"))]
DOCUMENTS = [N_("Fotokopi KTP"), N_("Fotokopi KK"), N_("Surat keterangan tidak mampu"), N_("Foto kondisi")]
HEADERS = [N_("Nomor surat"), N_("Nama"), N_("Lembaga tujuan"), N_("Kebutuhan"), N_("Status"),
           N_("Tindak lanjut s.d.")]


class ReferralDialog(QDialog):
    """A new referral: the person by NIK, where to, what they need."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db, self.saved_id, self.holder = db, None, None
        self.setWindowTitle(tr("Rujukan baru"))
        self.kind = QComboBox()
        self.kind.addItem(tr("Satu orang (NIK)"), False)
        self.kind.addItem(tr("Satu keluarga (No. KK)"), True)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(tr("16 digit NIK orang yang dirujuk"))
        self.nik.editingFinished.connect(self._find_person)
        self.person = QLabel(tr("Belum dipilih"))
        self.institution = QComboBox()
        self.category = QComboBox()
        self.category.addItem("", None)
        with db.read() as s:
            for iid, name in institution_choices(s):
                self.institution.addItem(name, iid)
            for no, code, name in ppks_choices(s):
                self.category.addItem(f"{code} – {name}", no)
        self.need = QLineEdit()
        self.need.setPlaceholderText(tr("mis. pemeriksaan dan bantuan alat bantu jalan"))
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(90)
        self.urgency = QComboBox()
        for value, label in URGENCY:
            self.urgency.addItem(tr(label), value)
        self.documents = [QCheckBox(tr(d)) for d in DOCUMENTS]
        self.documents[0].setChecked(True)
        self.documents[1].setChecked(True)
        self.due_known, self.due = optional_date(QDate.currentDate().addDays(14))
        self.errors = error_label()
        docs = QVBoxLayout()
        for box in self.documents:
            docs.addWidget(box)
        due = QHBoxLayout()
        due.addWidget(self.due_known)
        due.addWidget(self.due, 1)
        form = QFormLayout(self)
        form.addRow(tr("Yang dirujuk:"), self.kind)
        form.addRow(tr("NIK / No. KK:"), self.nik)
        form.addRow("", self.person)
        form.addRow(tr("Lembaga tujuan:"), self.institution)
        form.addRow(tr("Kategori PPKS:"), self.category)
        form.addRow(tr("Layanan yang dibutuhkan:"), self.need)
        form.addRow(tr("Permasalahan:"), self.summary)
        form.addRow(tr("Sifat surat:"), self.urgency)
        form.addRow(tr("Dokumen terlampir:"), docs)
        form.addRow(tr("Tindak lanjut s.d.:"), due)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self.save))
        self.resize(560, 0)

    def _kind_changed(self) -> None:
        family = self.kind.currentData()
        self.nik.setPlaceholderText(tr("16 digit No. KK keluarga yang dirujuk") if family
                                    else tr("16 digit NIK orang yang dirujuk"))
        self._find_person()

    def _find_person(self) -> bool:
        text = self.nik.text().strip()
        self.holder = None
        if not text:
            self.person.setText(tr("Belum dipilih"))
            return False
        family = self.kind.currentData()
        try:
            with self.db.read() as s:
                found = find_holder(s, text, family=family)
        except SimpulError as exc:
            self.person.setText(exc.message)
            return False
        if found is None:
            self.person.setText(tr("No. KK ini belum terdaftar. Tambahkan keluarganya dulu di Keluarga.") if family
                                else tr("NIK ini belum terdaftar. Tambahkan orangnya dulu di Penduduk & PPKS."))
            return False
        self.holder = found
        self.person.setText(f"<b>{found.label}</b>")
        return True

    def save(self) -> None:
        if self.holder is None and not self._find_person():
            self.errors.setText(tr("Isi NIK orang atau No. KK keluarga yang dirujuk (sudah terdaftar di Simpul)."))
            return
        data = ReferralInput(
            self.institution.currentData(), self.need.text(), person_id=self.holder.person_id,
            family_id=self.holder.family_id,
            category_no=self.category.currentData(), summary=self.summary.toPlainText().strip() or None,
            urgency=self.urgency.currentData(),
            documents=[d for d, box in zip(DOCUMENTS, self.documents, strict=True) if box.isChecked()],
            follow_up_due=self.due.date().toPython() if self.due_known.isChecked() else None)
        try:
            with self.db.transaction() as s:
                self.saved_id = create_referral(s, data).id
        except ValidationError as exc:
            show_not_saved(self.errors, exc)
            return
        except SimpulError as exc:
            self.errors.setText(exc.message)
            return
        self.accept()


class ReferralsPage(QWidget):
    data_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.preview_letter())
        self.summary = QLabel()
        new = QPushButton(tr("Rujukan baru"))
        new.clicked.connect(self.new_referral)
        self.advance = QPushButton(tr("Ubah status…"))
        self.advance.clicked.connect(self.advance_selected)
        self.print_button = QPushButton(tr("Pratinjau dan cetak surat…"))
        self.print_button.clicked.connect(lambda: self.preview_letter())
        self.paper = QComboBox()
        self.paper.addItem("F4 (215 × 330 mm)", "f4")
        self.paper.addItem("A4", "a4")
        places = QPushButton(tr("Lembaga tujuan…"))
        places.clicked.connect(self.manage_institutions)
        register = QPushButton(tr("Register surat…"))
        register.clicked.connect(lambda: RegisterDialog(self.db, self).exec())
        verify = QPushButton(tr("Periksa keaslian surat…"))
        verify.clicked.connect(lambda: VerifyDialog(self.db, self).exec())
        buttons = QHBoxLayout()
        for b in (new, self.advance, self.print_button):
            buttons.addWidget(b)
        buttons.addWidget(QLabel(tr("Kertas:")))
        buttons.addWidget(self.paper)
        buttons.addStretch(1)
        buttons.addWidget(places)
        buttons.addWidget(register)
        buttons.addWidget(verify)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Surat rujukan diberi nomor dari register saat ditandatangani. Baris merah: "
                                   "tindak lanjut sudah lewat waktunya.")))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        self.steps = QListWidget()
        steps_box = QGroupBox(tr("Riwayat rujukan terpilih"))
        QVBoxLayout(steps_box).addWidget(self.steps)
        layout.addWidget(steps_box, 1)
        self.table.itemSelectionChanged.connect(self.show_steps)
        self.refresh()

    def refresh(self) -> None:
        with self.db.read() as s:
            self.rows = referral_rows(s)
        today = dt.date.today()
        self.table.setRowCount(len(self.rows))
        late = 0
        for r, row in enumerate(self.rows):
            # the same rule as services.referrals.overdue, which the dashboard counts
            overdue = row.follow_up_due is not None and row.follow_up_due < today and row.status != "selesai"
            late += overdue
            values = [row.number or tr("(belum bernomor)"), row.person, row.institution, row.need,
                      tr(STATUS_LABELS[row.status]),
                      row.follow_up_due.strftime("%d-%m-%Y") if row.follow_up_due else ""]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if overdue:
                    item.setForeground(QBrush(QColor("#9C0006")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(tr("{count} rujukan, {late} lewat waktu tindak lanjut").format(
            count=len(self.rows), late=late))
        if hasattr(self, "steps"):
            self.show_steps()

    def show_steps(self) -> None:
        self.steps.clear()
        referral_id = self.selected_id()
        if referral_id is None:
            return
        with self.db.read() as s:
            steps = referral_steps(s, referral_id)
        for step in steps:
            text = f"{step.at:%d-%m-%Y %H:%M} · {step.actor}: {tr(STATUS_LABELS[step.to_status])}"
            self.steps.addItem(text + (f" — {step.note}" if step.note else ""))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def new_referral(self) -> int | None:
        dialog = ReferralDialog(self.db, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.data_changed.emit()
            return dialog.saved_id
        return None

    def advance_selected(self, choice: str | None = None, note: str | None = None,
                         on_behalf: dict | None = None) -> bool:
        """Next status with a note; signing asks who signs. Arguments skip the questions (tests)."""
        referral_id = self.selected_id()
        if referral_id is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu rujukan di daftar."))
            return False
        with self.db.read() as s:
            options = next_statuses(s, referral_id)
        if not options:
            QMessageBox.information(self, "Simpul", tr("Rujukan ini sudah selesai."))
            return False
        if choice is None:
            labels = [tr(STATUS_LABELS[o]) for o in options]
            label, ok = QInputDialog.getItem(self, tr("Ubah status"), tr("Status berikutnya:"), labels, 0, False)
            if not ok:
                return False
            choice = options[labels.index(label)]
            if choice == "ditandatangani":
                signer = SignerDialog(self)
                if signer.exec() != QDialog.DialogCode.Accepted:
                    return False
                on_behalf = signer.on_behalf()
            note, ok = QInputDialog.getText(self, tr("Ubah status"), tr("Catatan (boleh kosong):"))
            if not ok:
                return False
        try:
            with self.db.transaction() as s:
                move(s, referral_id, choice, note=(note or "").strip() or None, on_behalf=on_behalf)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return False
        self.refresh()
        self.data_changed.emit()
        return True

    def manage_institutions(self) -> None:
        InstitutionsDialog(self.db, self).exec()

    def _selected_letter(self):
        referral_id = self.selected_id()
        if referral_id is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu rujukan di daftar."))
            return None
        with self.db.read() as s:
            return letter_data(s, referral_id)

    def preview_letter(self, show: bool = True):
        """The letter in a preview — the same PDF that is printed or saved. Without QtPdf (a build
        without the PySide6-Pdf wheel) the saved PDF opens in the system's PDF viewer instead."""
        data = self._selected_letter()
        if data is None:
            return None
        content = letter_bytes(data, self.paper.currentData())
        log_disclosure(self.db, AuditAction.PRINT, "referral", self.selected_id(),
                       {"dokumen": "surat rujukan", "nomor": data.number})
        try:
            from desktop.gui.shared.pdf_preview import PdfPreview
        except ImportError:
            path = self.save_letter(data, content)
            if path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return None
        preview = PdfPreview(content, tr("Surat rujukan {number}").format(number=data.number),
                             on_save=lambda: self.save_letter(data, content), parent=self)
        if not data.qr:
            preview.setWindowTitle(preview.windowTitle() + " — " + tr("KONSEP, belum bernomor"))
        if show:
            preview.exec()
        return preview

    def save_letter(self, data, content: bytes, target: str | None = None) -> Path | None:
        return save_pdf(self, content, f"Surat rujukan {data.person_name} {data.number}", target)
