"""Usulan baru: each proposal, what SIKS-NG will still ask for, its photos and its status
(draft → dikembalikan → dibahas musdes → dikirim ke SIKS-NG → disetujui / ditolak). The form,
its photos and its status steps are in the proposal dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.core.domain.enums import ProposalStatus
from desktop.core.services import proposals
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, size_columns, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import combo, list_view

COLUMNS = [
    Column(N_("Nama"), lambda r: r.name),
    Column("NIK", lambda r: r.nik),
    Column(N_("No. KK"), lambda r: r.no_kk),
    Column(N_("Desa"), lambda r: r.desa),
    Column(N_("Status"), lambda r: label(r.status)),
    Column(N_("Foto"), lambda r: str(r.photos)),
    Column(N_("Belum lengkap"), lambda r: ", ".join(r.missing), tooltip=lambda r: ", ".join(r.missing)),
    Column(N_("Catatan"), lambda r: r.note, tooltip=lambda r: r.note),
]


class ProposalsTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = LazyTableModel(COLUMNS, lambda ids: ops.read(lambda s: proposals.proposals_by_id(s, ids)), self)
        self.table = list_view(QTableView())
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda *_: self.open_proposal())
        new = QPushButton(tr("Usulan baru…"))
        new.clicked.connect(self.new_proposal)
        self.open_button = QPushButton(tr("Buka formulir…"))
        self.open_button.clicked.connect(self.open_proposal)
        self.status = combo([(tr("Semua status"), None), *choices(ProposalStatus)])
        self.status.currentIndexChanged.connect(lambda *_: self.refresh())
        self.count = QLabel()
        hint = QLabel(tr("Formulir usulan memuat isian SIKS-NG, kriteria kemiskinan, kondisi rumah, sampai tiga foto "
                         "dan alur status. Buka dengan klik ganda."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add(new, self.open_button, QLabel(tr("Status:")), self.status, stretch(),
                                          self.count))
        layout.addWidget(hint)
        layout.addWidget(self.table)
        size_columns(self.table, {0: "NAMA YANG DIUSULKAN", 1: "6402061234567890", 2: "6402061234567890",
                                  3: "Loa Ipuh", 4: "Dikirim ke SIKS", 5: "Foto", 6: "nama ibu kandung, alamat"})
        self.refresh()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        keep = self.selected_id()
        status = self.status.currentData()
        self.model.set_ids(self.ops.read(lambda s: proposals.proposal_ids(
            s, status=ProposalStatus(status) if status else None)))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.count.setText(tr("{n} usulan").format(n=self.model.rowCount()))

    def new_proposal(self) -> None:
        from desktop.gui.verivali.proposal_dialog import ProposalDialog

        dialog = ProposalDialog(self.ops, None, self)
        dialog.exec()
        if dialog.proposal_id is not None:
            self.refresh()
            row = self.model.row_of(dialog.proposal_id)
            if row is not None:
                self.table.selectRow(row)

    def open_proposal(self, proposal_id: int | None = None) -> None:
        from desktop.gui.verivali.proposal_dialog import ProposalDialog

        pid = proposal_id or self.selected_id()
        if pid is not None:
            ProposalDialog(self.ops, pid, self).exec()
            self.model.refresh_ids([pid])
