"""Referrals (rujukan): who was referred where, the letter's number and where it stands — draft,
signed, sent, received, followed up, closed — with the letter printed to PDF from here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import ReferralStatus
from desktop.core.services.complaints import complaint_of_referral
from desktop.core.services.referrals import (
    LetterPdf,
    letter_pdf,
    move,
    next_statuses,
    referral_counts,
    referral_ids,
    referral_steps,
    referrals_by_id,
)
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.referrals.dialogs import InstitutionsDialog, RegisterDialog, SignerDialog, VerifyDialog
from desktop.gui.referrals.passphrase import write_signing
from desktop.gui.referrals.referral_dialog import ReferralDialog
from desktop.gui.shared.flow import FlowLayout, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.page import Page
from desktop.gui.shared.widgets import list_view, pdf_preview, save_pdf

COLUMNS = [
    Column(N_("Nomor surat"), lambda r: r.number or tr("(belum bernomor)")),
    Column(N_("Nama"), lambda r: r.person),
    Column(N_("Lembaga tujuan"), lambda r: r.institution, tooltip=lambda r: r.institution),
    Column(N_("Kebutuhan"), lambda r: r.need, tooltip=lambda r: r.need),
    Column(N_("Status"), lambda r: label(r.status)),
    Column(N_("Tindak lanjut s.d."), lambda r: f"{r.follow_up_due:%d-%m-%Y}" if r.follow_up_due else ""),
]
LATE = QBrush(QColor("#9C0006"))


class ReferralsModel(LazyTableModel):
    """The referral list; a row the service finds overdue is drawn in red."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_data(index.row()) if index.isValid() else None
            return LATE if row is not None and row.overdue else None
        return super().data(index, role)


class ReferralsPage(Page):
    # A person's or family's name, an institution's name and the letter number show on the rows.
    SHOWS = frozenset({Kind.REFERRAL, Kind.LETTER, Kind.INSTITUTION, Kind.PERSON, Kind.FAMILY})

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.model = ReferralsModel(COLUMNS, lambda ids: ops.read(lambda s: referrals_by_id(s, ids)), self)
        self.table = list_view(QTableView())
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _: self.preview_letter())
        self.summary = QLabel()
        new = QPushButton(tr("Rujukan baru"))
        new.clicked.connect(self.new_referral)
        self.advance = QPushButton(tr("Ubah status…"))
        self.advance.clicked.connect(lambda: self.advance_selected())
        self.print_button = QPushButton(tr("Pratinjau dan cetak surat…"))
        self.print_button.clicked.connect(lambda: self.preview_letter())
        self.paper = QComboBox()
        self.paper.addItem("F4 (215 × 330 mm)", "f4")
        self.paper.addItem("A4", "a4")
        places = QPushButton(tr("Lembaga tujuan…"))
        places.clicked.connect(lambda: InstitutionsDialog(ops, self).exec())
        register = QPushButton(tr("Register surat…"))
        register.clicked.connect(lambda: RegisterDialog(ops, self).exec())
        verify = QPushButton(tr("Periksa keaslian surat…"))
        verify.clicked.connect(lambda: VerifyDialog(ops, self).exec())
        buttons = FlowLayout().add(new, self.advance, self.print_button, QLabel(tr("Kertas:")), self.paper, stretch(),
                                   places, register, verify)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Surat rujukan diberi nomor dari register saat ditandatangani. Baris merah: "
                          "tindak lanjut sudah lewat waktunya."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        self.steps = QListWidget()
        steps_box = QGroupBox(tr("Riwayat rujukan terpilih"))
        QVBoxLayout(steps_box).addWidget(self.steps)
        layout.addWidget(steps_box, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_steps())
        self.refresh()
        for col, width in ((0, 170), (1, 170), (2, 300), (4, 130), (5, 120)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """The ids again, the selection kept by id."""
        selected = self.selected_id()
        self.model.set_ids(self.ops.read(referral_ids))
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._counts()
        self.show_steps()

    def on_changes(self, changes: Changes) -> None:
        edited = changes.ids(Kind.REFERRAL)
        if changes.kinds == {Kind.REFERRAL} and edited:  # rows edited in place: just those rows
            self.model.refresh_ids(edited)
            self._counts()
            self.show_steps()
        else:
            self.refresh()

    def _counts(self) -> None:
        total, late = self.ops.read(referral_counts)
        self.summary.setText(tr("{count} rujukan, {late} lewat waktu tindak lanjut").format(count=total, late=late))

    def show_steps(self) -> None:
        self.steps.clear()
        referral_id = self.selected_id()
        if referral_id is None:
            return
        steps, origin = self.ops.read(lambda s: (referral_steps(s, referral_id), complaint_of_referral(s, referral_id)))
        if origin is not None:  # the complaint this referral came from (issue 16: linked both ways)
            self.steps.addItem(tr("Dari pengaduan {number} ({name}, {date})").format(
                number=origin.number, name=origin.complainant, date=f"{origin.received_on:%d-%m-%Y}"))
        for step in steps:
            text = f"{local_text(step.at, '%d-%m-%Y %H:%M')} · {step.actor}: {label(step.to_status)}"
            self.steps.addItem(text + (f" — {step.note}" if step.note else ""))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _selected_or_say(self) -> int | None:
        referral_id = self.selected_id()
        if referral_id is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu rujukan di daftar."))
        return referral_id

    # -- actions ----------------------------------------------------------------------------
    def new_referral(self) -> int | None:
        dialog = ReferralDialog(self.ops, self)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None

    def advance_selected(self, choice: ReferralStatus | None = None, note: str | None = None,
                         on_behalf: dict | None = None) -> bool:
        """Next status with a note; signing asks who signs. Arguments skip the questions (tests)."""
        referral_id = self._selected_or_say()
        if referral_id is None:
            return False
        options = self.ops.read(lambda s: next_statuses(s, referral_id))
        if not options:
            QMessageBox.information(self, "Simpul", tr("Rujukan ini sudah selesai."))
            return False
        if choice is None:
            labels = [label(o) for o in options]
            text, ok = QInputDialog.getItem(self, tr("Ubah status"), tr("Status berikutnya:"), labels, 0, False)
            if not ok:
                return False
            choice = options[labels.index(text)]
            if choice is ReferralStatus.SIGNED:
                signer = SignerDialog(self)
                if signer.exec() != QDialog.DialogCode.Accepted:
                    return False
                on_behalf = signer.on_behalf()
            note, ok = QInputDialog.getText(self, tr("Ubah status"), tr("Catatan (boleh kosong):"))
            if not ok:
                return False
        changes = Changes.updated(Kind.REFERRAL, [referral_id])
        if choice is ReferralStatus.SIGNED:  # signing takes a number from the register
            changes |= Changes.reshaped(Kind.LETTER)
        note = (note or "").strip() or None
        return bool(write_signing(self.ops, lambda s: move(s, referral_id, choice, note=note, on_behalf=on_behalf),
                                  parent=self, changes=changes))

    # -- the letter -------------------------------------------------------------------------
    def preview_letter(self, show: bool = True):
        """The letter in a preview — the same PDF that is printed or saved. Without QtPdf (a build
        without the PySide6-Pdf wheel) the saved PDF opens in the system's PDF viewer instead."""
        referral_id = self._selected_or_say()
        if referral_id is None:
            return None
        paper = self.paper.currentData()
        made = write_signing(self.ops, lambda s: letter_pdf(s, referral_id, paper), parent=self)
        if not made:
            return None
        letter = made.value
        # A draft's "number" already says it has none: the title says so once.
        title = (tr("Konsep surat rujukan, belum bernomor") if letter.draft
                 else tr("Surat rujukan {number}").format(number=letter.number))
        preview = pdf_preview(self, letter.content, title, lambda: self.save_letter(letter))
        if preview is None:
            return None
        if show:
            preview.exec()
        return preview

    def save_letter(self, letter: LetterPdf, target: str | None = None) -> Path | None:
        return save_pdf(self, letter.content, f"Surat rujukan {letter.person_name} {letter.number}", target)
