"""The referral screen's smaller dialogs: who signs, the receiving institutions, the register of
outgoing letters, and checking a letter's QR code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import InstitutionKind, LetterStatus
from desktop.core.services.institutions import institution, institutions, save_institution
from desktop.core.services.referrals import cancel_number, register_rows
from desktop.core.services.signing import check_code
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, error_label, save_cancel, select_data, show_not_saved


class SignerDialog(QDialog):
    """Who signs: the Camat (as in Pengaturan) or an official "a.n. Camat"."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Penandatangan"))
        self.behalf = QCheckBox(tr("Ditandatangani atas nama (a.n.) Camat"))
        self.jabatan, self.name, self.pangkat, self.nip = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.jabatan.setPlaceholderText(tr("mis. Kepala Seksi Kesejahteraan Sosial"))
        self.errors = error_label()
        form = QFormLayout(self)
        intro = QLabel(tr("Surat mengambil nomor dari register saat ditandatangani. Tanpa centang, Camat "
                          "menandatangani (nama dan NIP dari Pengaturan)."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.behalf)
        for text, edit in ((tr("Jabatan:"), self.jabatan), (tr("Nama:"), self.name),
                           (tr("Pangkat/golongan:"), self.pangkat), (tr("NIP:"), self.nip)):
            edit.setEnabled(False)
            self.behalf.toggled.connect(edit.setEnabled)
            form.addRow(text, edit)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self._ok, tr("Tandatangani")))
        fit_to_screen(self, 560, 0)

    def on_behalf(self) -> dict | None:
        if not self.behalf.isChecked():
            return None
        return {"jabatan": self.jabatan.text(), "name": self.name.text(), "pangkat": self.pangkat.text(),
                "nip": self.nip.text().replace(" ", "")}

    def _ok(self) -> None:
        chosen = self.on_behalf()
        if chosen and not (chosen["jabatan"].strip() and chosen["name"].strip()):
            self.errors.setText(tr("Isi jabatan dan nama penandatangan."))
            return
        self.accept()


INSTITUTION_FORM = [("name", N_("Nama lembaga:")), ("addressee", N_("Ditujukan kepada (Yth.):")),
                    ("address", N_("Alamat:")), ("city", N_("Kota (di – …):")), ("phone", N_("Telepon:")),
                    ("contact_person", N_("Narahubung:"))]


class InstitutionDialog(QDialog):
    def __init__(self, ops: Operations, institution_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.institution_id = ops, institution_id
        self.setWindowTitle(tr("Ubah lembaga") if institution_id else tr("Tambah lembaga"))
        self.edits = {key: QLineEdit() for key, _ in INSTITUTION_FORM}
        self.kind = combo(choices(InstitutionKind))
        self.active = QCheckBox(tr("Masih dipakai"))
        self.active.setChecked(True)
        self.errors = error_label()
        if institution_id:
            current = ops.read(lambda s: institution(s, institution_id))
            for key, edit in self.edits.items():
                edit.setText(getattr(current, key) or "")
            select_data(self.kind, current.kind)
            self.active.setChecked(current.active)
        form = QFormLayout(self)
        form.addRow(tr("Jenis:"), self.kind)
        for key, text in INSTITUTION_FORM:
            form.addRow(tr(text), self.edits[key])
        form.addRow(self.active)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self.save))
        self.resize(520, 0)

    def save(self) -> bool:
        values = {key: edit.text() for key, edit in self.edits.items()}
        values.update(kind=InstitutionKind(self.kind.currentData()), active=self.active.isChecked())
        iid = self.institution_id
        changes = (Changes.updated(Kind.INSTITUTION, [iid]) if iid
                   else lambda new_id: Changes.reshaped(Kind.INSTITUTION, [new_id]))
        saved = self.ops.write(lambda s: save_institution(s, values, iid), parent=self, changes=changes,
                               on_error=lambda exc: show_not_saved(self.errors, exc))
        if saved:
            self.accept()
        return bool(saved)


class InstitutionsDialog(QDialog):
    """The managed list of receiving institutions; a used one is set inactive, never deleted."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(tr("Lembaga tujuan rujukan"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Nama"), tr("Jenis"), tr("Ditujukan kepada"), tr("Telepon"),
                                              tr("Dipakai")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        add = QPushButton(tr("Tambah lembaga"))
        add.clicked.connect(lambda: self.edit(None))
        change = QPushButton(tr("Ubah"))
        change.clicked.connect(self.edit_selected)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (add, change):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 420)
        self.refresh()

    def refresh(self) -> None:
        rows = self.ops.read(institutions)
        self.table.setRowCount(len(rows))
        for r, i in enumerate(rows):
            values = (i.name, label(i.kind), i.addressee or "", i.phone or "", tr("ya") if i.active else tr("tidak"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, i.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.edit(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def edit(self, institution_id: int | None) -> InstitutionDialog:
        dialog = InstitutionDialog(self.ops, institution_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
        return dialog


class RegisterDialog(QDialog):
    """The register of outgoing letters (referral letters and BAST numbers). A number taken by
    mistake is cancelled with a reason; it stays in the register and is never given again."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows = []
        self.setWindowTitle(tr("Register surat keluar"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("Nomor surat"), tr("Tanggal"), tr("Perihal"), tr("Tujuan"),
                                              tr("Status"), tr("Dicatat oleh")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        cancel = QPushButton(tr("Batalkan nomor…"))
        cancel.clicked.connect(lambda: self.cancel_selected())
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Nomor yang dibatalkan tetap tercatat dengan alasannya dan tidak dipakai lagi.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1000, 460)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.ops.read(register_rows)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cancelled = row.status is LetterStatus.CANCELLED
            status = tr("Dibatalkan: {reason}").format(reason=row.cancel_reason) if cancelled else label(row.status)
            for c, value in enumerate((row.number, f"{row.letter_date:%d-%m-%Y}", row.subject or "",
                                       row.addressee or "", status, row.issued_by)):
                item = QTableWidgetItem(value)
                if cancelled:
                    item.setForeground(Qt.GlobalColor.darkGray)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in (2, 3):  # long subjects and addressees: the tooltip has the whole text
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 280))

    def cancel_selected(self, reason: str | None = None) -> bool:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return False
        row = self.rows[selected[0].row()]
        if row.status is LetterStatus.CANCELLED:
            QMessageBox.information(self, tr("Register surat keluar"), tr("Nomor ini sudah dibatalkan."))
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Batalkan nomor"),
                                              tr("Alasan membatalkan nomor {number}:").format(number=row.number))
            if not ok:
                return False
        done = self.ops.write(lambda s: cancel_number(s, row.id, reason), parent=self,
                              changes=Changes.updated(Kind.LETTER, [row.id]))
        if done:
            self.refresh()
        return bool(done)


class VerifyDialog(QDialog):
    """Paste (or scan with a keyboard-style QR scanner) the text of a letter's QR code."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(tr("Periksa keaslian surat"))
        self.code = QPlainTextEdit()
        self.code.setPlaceholderText(tr("Tempel atau pindai teks kode QR surat di sini (dimulai dengan SIMPUL…)"))
        self.code.setMaximumHeight(80)
        self.result = QLabel()
        self.result.setWordWrap(True)
        check = QPushButton(tr("Periksa"))
        check.clicked.connect(self.check)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(check)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.resize(560, 0)

    def check(self) -> bool:
        text = self.code.toPlainText()
        verdict = self.ops.read(lambda s: check_code(s, text))
        self.result.setText(verdict.message)
        self.result.setStyleSheet("color: #006100; font-weight: bold" if verdict.authentic
                                  else "color: #9C0006; font-weight: bold")
        return verdict.authentic
