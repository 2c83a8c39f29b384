"""Complaints (pengaduan): the tickets with their status, overdue ones in red, each step's note,
who and when; a closed ticket is locked. Closing can start an usulan baru or a referral, and the
ticket shows what it started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QInputDialog, QLabel, QListWidget, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import ComplaintStatus
from desktop.core.services import complaints
from desktop.core.services.bnba import receipt_pdf
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, size_columns, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import list_view, save_pdf
from desktop.gui.verivali.complaint_dialogs import ComplaintDialog, ReferDialog

COLUMNS = [
    Column(N_("Nomor"), lambda r: r.number),
    Column(N_("Diterima"), lambda r: f"{r.received_on:%d-%m-%Y}"),
    Column(N_("Pengadu"), lambda r: r.complainant),
    Column(N_("Jenis"), lambda r: label(r.category)),
    Column(N_("Melalui"), lambda r: label(r.channel)),
    Column(N_("Desa"), lambda r: r.desa),
    Column(N_("Status"), lambda r: label(r.status)),
    Column(N_("Dijawab s.d."), lambda r: f"{r.due_on:%d-%m-%Y}" if r.due_on else ""),
    Column(N_("Isi"), lambda r: r.summary, tooltip=lambda r: r.summary),
]
LATE = QBrush(QColor("#9C0006"))
CHANGED = Changes.of(Kind.COMPLAINT)


class ComplaintsModel(LazyTableModel):
    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_data(index.row())
            return LATE if row is not None and row.overdue else None
        return super().data(index, role)


class ComplaintsTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = ComplaintsModel(COLUMNS, lambda ids: ops.read(lambda s: complaints.complaints_by_id(s, ids)), self)
        self.table = list_view(QTableView())
        self.table.setModel(self.model)
        new = QPushButton(tr("Pengaduan baru…"))
        new.clicked.connect(self.new_complaint)
        self.edit_button = QPushButton(tr("Ubah…"))
        self.edit_button.clicked.connect(self.edit_complaint)
        self.table.doubleClicked.connect(lambda *_: self.edit_complaint())
        self.move_button = QPushButton(tr("Ubah status…"))
        self.move_button.clicked.connect(self.advance)
        self.note_button = QPushButton(tr("Tambah catatan…"))
        self.note_button.clicked.connect(self.add_note)
        self.to_proposal = QPushButton(tr("Selesai dan buat usulan…"))
        self.to_proposal.clicked.connect(self.close_into_proposal)
        self.to_referral = QPushButton(tr("Selesai dan rujuk…"))
        self.to_referral.clicked.connect(self.close_into_referral)
        self.open_proposal = QPushButton(tr("Buka usulan…"))
        self.open_proposal.clicked.connect(self.show_proposal)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        receipt = QPushButton(tr("Tanda terima…"))
        receipt.clicked.connect(self.print_receipt)
        self.summary = QLabel()
        self.steps = QListWidget()
        box = QGroupBox(tr("Langkah penanganan"))
        steps = QVBoxLayout(box)
        steps.addWidget(self.steps)
        steps.addLayout(FlowLayout().add(self.outcome, stretch(), self.open_proposal))
        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add(new, self.edit_button, self.move_button, self.note_button, self.to_proposal,
                                          self.to_referral, receipt, stretch()))
        self.steps.setMaximumHeight(110)  # the tickets get the room; a long history scrolls
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(box)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_steps())
        size_columns(self.table, {0: "ADU-2026-0001", 1: "30-11-2026", 2: "NAMA PENGADU PANJANG", 3: "Tidak menerima",
                                  4: "WhatsApp", 5: "Loa Ipuh", 6: "Menunggu pihak", 7: "30-11-2026"})
        self.refresh()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.set_ids(self.ops.read(complaints.complaint_ids))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        late, open_ = self.ops.read(lambda s: (complaints.overdue_count(s), complaints.open_count(s)))
        self.summary.setText(tr("{n} pengaduan; {open} belum selesai, {late} lewat batas jawab (merah).").format(
            n=self.model.rowCount(), open=open_, late=late))
        self.show_steps()

    def show_steps(self) -> None:
        cid = self.selected_id()
        self.steps.clear()
        row = self.model.row_data(self.table.currentIndex().row()) if cid else None
        locked = row is None or row.status in complaints.CLOSED
        for button in (self.edit_button, self.move_button, self.note_button, self.to_proposal, self.to_referral):
            button.setEnabled(not locked)
        self.outcome.setText("")
        self.open_proposal.setVisible(False)
        if cid is None:
            return
        started = self.ops.read(lambda s: complaints.outcome(s, cid))
        parts = []
        if started.referral_id:
            parts.append(tr("Dirujuk: rujukan #{id} ke {institution} (lihat Rujukan & Surat).").format(
                id=started.referral_id, institution=started.institution))
        if started.proposal_id:
            parts.append(tr("Diusulkan: usulan #{id} (tab Usulan baru).").format(id=started.proposal_id))
        self.outcome.setText(" ".join(parts))
        self.open_proposal.setVisible(started.proposal_id is not None)
        for step in self.ops.read(lambda s: complaints.complaint_steps(s, cid)):
            text = f"{local_text(step.at)} · {step.actor} · {label(step.to_status)}"
            self.steps.addItem(text + (f": {step.note}" if step.note else ""))
        if locked:
            self.steps.addItem(tr("Pengaduan ini sudah ditutup dan terkunci."))

    def new_complaint(self) -> None:
        dialog = ComplaintDialog(self.ops, self)
        if dialog.exec():
            self.refresh()
            if dialog.saved_id is not None:
                self.table.selectRow(self.model.row_of(dialog.saved_id) or 0)

    def edit_complaint(self) -> None:
        cid = self.selected_id()
        if cid is not None and self.edit_button.isEnabled() and ComplaintDialog(self.ops, self, cid).exec():
            self.model.refresh_ids([cid])
            self.show_steps()

    def advance(self) -> None:
        cid = self.selected_id()
        if cid is None:
            return
        row = self.model.row_data(self.table.currentIndex().row())
        targets = list(complaints.NEXT[row.status])
        names = [label(t) for t in targets]
        name, ok = QInputDialog.getItem(self, tr("Ubah status"), tr("Status berikutnya:"), names, 0, False)
        if not ok:
            return
        target = targets[names.index(name)]
        prompt = tr("Jawaban / alasan:") if target in complaints.CLOSED else tr("Catatan:")
        note, ok = QInputDialog.getMultiLineText(self, tr("Ubah status"), prompt)
        if ok and self.ops.write(lambda s: complaints.move(s, cid, target, note), parent=self,
                                 changes=Changes.updated(Kind.COMPLAINT, [cid])):
            self.model.refresh_ids([cid])
            self.refresh()

    def add_note(self) -> None:
        cid = self.selected_id()
        note, ok = QInputDialog.getMultiLineText(self, tr("Catatan"), tr("Catatan (telepon balik, kunjungan…):"))
        if cid is not None and ok and self.ops.write(lambda s: complaints.add_note(s, cid, note), parent=self,
                                                     changes=Changes.updated(Kind.COMPLAINT, [cid])):
            self.show_steps()

    def close_into_proposal(self) -> None:
        cid = self.selected_id()
        note, ok = QInputDialog.getMultiLineText(self, tr("Selesai dan buat usulan"), tr("Jawaban kepada pengadu:"))
        if cid is not None and ok and self.ops.write(
                lambda s: complaints.close_into_proposal(s, cid, note).id, parent=self,
                changes=Changes.updated(Kind.COMPLAINT, [cid]) | Changes.of(Kind.PROPOSAL)):
            self.refresh()

    def close_into_referral(self) -> None:
        cid = self.selected_id()
        if cid is None:
            return
        row = self.model.row_data(self.table.currentIndex().row())
        if ReferDialog(self.ops, cid, row.concerns if row else "", self).exec():
            self.refresh()

    def show_proposal(self) -> None:
        cid = self.selected_id()
        pid = self.ops.read(lambda s: complaints.linked_proposal(s, cid)) if cid else None
        if pid is not None:
            from desktop.gui.verivali.proposal_dialog import ProposalDialog

            ProposalDialog(self.ops, pid, self).exec()

    def print_receipt(self) -> None:
        cid = self.selected_id()
        if cid is None:
            return
        done = self.ops.write(lambda s: receipt_pdf(s, cid), parent=self)
        if done:
            save_pdf(self, done.value, tr("Tanda terima pengaduan"))


__all__ = ["ComplaintStatus", "ComplaintsTab"]
