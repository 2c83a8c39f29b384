"""Verivali rounds per desa: the rounds on top, the chosen round's lines below where results are
typed with the keyboard; the round's papers, its musdes, its close (and the undo of a close)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ResultCode, RoundStatus
from desktop.core.services import musdes, verivali, verivali_close, verivali_lists
from desktop.core.services.bnba import export_bnba, export_recap
from desktop.core.services.proposals import proposals_from_round
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, size_columns, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import list_view, save_pdf
from desktop.gui.verivali.dialogs import FixDialog, MusdesDialog, RoundDialog, intake_summary
from desktop.gui.verivali.entry import LinesModel, ResultEntryView, COLUMNS as LINE_COLUMNS

ROUND_COLUMNS = [
    Column(N_("Desa/Kelurahan"), lambda r: r.desa),
    Column(N_("Putaran"), lambda r: r.name),
    Column(N_("Status"), lambda r: label(r.status)),
    Column(N_("Diperiksa"), lambda r: f"{r.done}/{r.lines}"),
    Column(N_("Silang data"), lambda r: str(r.silang) if r.silang else ""),
    Column(N_("Batas waktu"), lambda r: f"{r.deadline:%d-%m-%Y}" if r.deadline else ""),
    Column(N_("Sumber"), lambda r: r.source),
]
LINES = Changes.of(Kind.VERIVALI)


class RoundsTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rounds = LazyTableModel(ROUND_COLUMNS, lambda ids: {r.id: r for r in ops.read(
            lambda s: verivali_lists.round_rows(s, ids))}, self)
        self.round_table = list_view(QTableView())
        self.round_table.setModel(self.rounds)
        self.lines = LinesModel(LINE_COLUMNS, lambda ids: ops.read(lambda s: verivali_lists.lines_by_id(s, ids)), self)
        self.entry = ResultEntryView(self.record)
        self.entry.setModel(self.lines)
        self.status = QLabel()
        new = QPushButton(tr("Putaran baru…"))
        new.clicked.connect(self.new_round)
        officer = QPushButton(tr("Petugas per RT…"))
        officer.clicked.connect(self.assign)
        note = QPushButton(tr("Keterangan…"))
        note.clicked.connect(self.edit_note)
        meeting = QPushButton(tr("Musdes…"))
        meeting.clicked.connect(self.edit_musdes)
        papers = QPushButton(tr("Cetak / ekspor"))
        menu = QMenu(papers)
        menu.addAction(tr("Lembar kerja petugas…"), self.print_worksheet)
        menu.addAction(tr("Berita acara musdes…"), lambda: self.print_paper(musdes.ba_pdf, tr("BA Musdes")))
        menu.addAction(tr("Daftar hadir musdes…"), lambda: self.print_paper(musdes.attendance_pdf, tr("Daftar hadir")))
        menu.addAction(tr("BNBA (Excel)…"), self.export_bnba)
        menu.addAction(tr("Rekap kecamatan untuk Camat…"), self.print_recap)
        menu.addAction(tr("Rekap kecamatan (Excel)…"), self.export_recap)
        papers.setMenu(menu)
        drafts = QPushButton(tr("Buat draf usulan"))
        drafts.clicked.connect(self.make_drafts)
        self.close_button = QPushButton(tr("Tutup putaran…"))
        self.close_button.clicked.connect(self.close_round)
        self.undo_button = QPushButton(tr("Batalkan penutupan…"))
        self.undo_button.clicked.connect(self.undo_close)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(FlowLayout().add(new, officer, meeting, papers, drafts, stretch(), self.close_button,
                                              self.undo_button))
        top_layout.addWidget(self.round_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(tr("Hasil: 1 tetap layak · 2 tidak layak/mampu · 3 meninggal · 4 pindah · 5 tidak ditemukan · "
                         "6 ganda · 7 perbaikan NIK/KK · 8 usulan baru. Enter: baris berikut. Registri baru berubah "
                         "saat putaran ditutup."))
        hint.setWordWrap(True)
        bottom_layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(note)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.entry)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(1, 3)
        split.setSizes([170, 10_000])  # the lines get the room: results are typed there
        QVBoxLayout(self).addWidget(split)
        self.round_table.selectionModel().selectionChanged.connect(lambda *_: self.show_lines())
        size_columns(self.round_table, {0: "Kelurahan Loa Ipuh", 1: "September 2026", 2: "Berjalan", 3: "300/300",
                                        4: "Silang", 5: "31-12-2026"})
        size_columns(self.entry, {0: "RT", 1: "NAMA KEPALA KELUARGA", 2: "6402061234567890", 3: "6402061234567890",
                                  4: "ART", 5: "RAHMAT (PSM)", 6: "5 · Tidak ditemukan", 7: "Keterangan"})
        self.refresh()

    # -- lists -----------------------------------------------------------------------------------
    def round_id(self) -> int | None:
        rows = self.round_table.selectionModel().selectedRows()
        return self.rounds.id_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        keep = self.round_id()
        self.rounds.set_ids(self.ops.read(verivali_lists.round_ids))
        row = self.rounds.row_of(keep) if keep is not None else (0 if self.rounds.rowCount() else None)
        if row is not None:
            self.round_table.selectRow(row)
        self.show_lines()

    def show_lines(self) -> None:
        rid = self.round_id()
        current = self.entry.current_row()
        self.lines.set_ids(self.ops.read(lambda s: verivali_lists.line_ids(s, rid)) if rid else [])
        row = self.rounds.row_data(self.round_table.currentIndex().row()) if rid else None
        closed = row is not None and row.status is RoundStatus.CLOSED
        self.close_button.setEnabled(rid is not None)
        self.close_button.setVisible(not closed)  # one of the two at a time: the toolbar stays one row
        self.undo_button.setVisible(closed)
        if row is not None:
            state = tr("ditutup: hasil sudah masuk registri") if closed else tr("berjalan")
            self.status.setText(tr("{desa} · {name}: {done} dari {lines} baris diperiksa; {state}.").format(
                desa=row.desa, name=row.name, done=row.done, lines=row.lines, state=state))
        else:
            self.status.setText(tr("Belum ada putaran. Buat putaran baru untuk satu desa."))
        self.entry.go_to(max(current, 0))

    def after(self, _result=None) -> None:
        self.rounds.refresh_ids([self.round_id()] if self.round_id() else [])

    # -- results ---------------------------------------------------------------------------------
    def record(self, line_id: int, code: ResultCode | None) -> bool:
        fix = {}
        if code is ResultCode.FIX_ID:
            dialog = FixDialog(self)
            if not dialog.exec():
                return False
            fix = dialog.values()
        done = self.ops.write(lambda s: verivali.set_result(s, line_id, code, **fix), parent=self,
                              changes=Changes.updated(Kind.VERIVALI, [line_id]))
        if done:
            self.after()
        return bool(done)

    def edit_note(self) -> None:
        row = self.entry.current_row()
        if row < 0:
            return
        line = self.lines.row_data(row)
        text, ok = QInputDialog.getText(self, tr("Keterangan"), tr("Keterangan / alasan untuk {name}:").format(
            name=line.name), text=line.note)
        if ok and self.ops.write(lambda s: verivali.set_result(s, line.id, line.result, note=text), parent=self,
                                 changes=Changes.updated(Kind.VERIVALI, [line.id])):
            self.lines.refresh_ids([line.id])

    # -- the round -------------------------------------------------------------------------------
    def new_round(self) -> None:
        dialog = RoundDialog(self.ops, self)
        if not dialog.exec():
            return
        self.refresh()
        self.select_round(dialog.round_id)
        if dialog.path:
            self.take_file(dialog.round_id, dialog.path)

    def select_round(self, round_id: int | None) -> None:
        row = self.rounds.row_of(round_id) if round_id is not None else None
        if row is not None:
            self.round_table.selectRow(row)

    def take_file(self, round_id: int, path: str) -> None:
        """The prelist through the ordinary import, on the worker with a progress dialog."""
        def done(intake) -> None:
            self.refresh()
            self.select_round(round_id)
            QMessageBox.information(self, tr("Prelist {file}").format(file=intake.file), intake_summary(intake))

        self.ops.run(lambda db, progress: verivali.intake_file(db, round_id, path, progress=progress), parent=self,
                     label=tr("Membaca prelist…"), session=None, on_done=done,
                     changes=Changes.of(Kind.VERIVALI, Kind.PERSON, Kind.FAMILY, Kind.IMPORT))

    def assign(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        name, ok = QInputDialog.getText(self, tr("Petugas per RT"), tr("Nama petugas (PSM/TKSK):"))
        if not ok or not name.strip():
            return
        rts, ok = QInputDialog.getText(self, tr("Petugas per RT"), tr("RT yang diperiksa (pisahkan dengan koma; "
                                                                      "kosong: semua RT):"))
        if ok and self.ops.write(lambda s: verivali.assign(s, rid, name, [x.strip() for x in rts.split(",")]),
                                 parent=self, changes=LINES):
            self.show_lines()

    def edit_musdes(self) -> None:
        rid = self.round_id()
        if rid is not None:
            MusdesDialog(self.ops, rid, self).exec()

    def make_drafts(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        done = self.ops.write(lambda s: proposals_from_round(s, rid), parent=self,
                              changes=Changes.of(Kind.PROPOSAL))
        if done:
            QMessageBox.information(self, "Simpul", tr("{n} draf usulan dibuat dari baris berkode 8.").format(
                n=done.value))

    def close_round(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        changes = self.ops.read(lambda s: verivali_close.preview(s, rid))
        text = tr("Menutup putaran memasukkan {n} perubahan ke registri sebagai satu batch yang bisa dibatalkan. "
                  "Setelah ditutup hasil tidak bisa diubah. Lanjutkan?").format(n=len(changes))
        if QMessageBox.question(self, tr("Tutup putaran"), text) != QMessageBox.StandardButton.Yes:
            return
        registry = Changes.of(Kind.PERSON, Kind.FAMILY, Kind.VERIVALI, Kind.IMPORT)
        done = self.ops.call(lambda db: verivali_close.close_round(db, rid), parent=self, changes=registry,
                             on_error=lambda exc: self.close_anyway(rid, exc))
        if done:
            self.refresh()

    def close_anyway(self, rid: int, exc) -> None:
        if exc.code != "verivali.unchecked":
            QMessageBox.warning(self, "Simpul", exc.message)
            return
        if QMessageBox.question(self, tr("Tutup putaran"), exc.message + "\n\n" + tr(
                "Tutup sekarang? Baris tanpa hasil tetap tercatat \"belum diperiksa\".")) == QMessageBox.StandardButton.Yes:
            if self.ops.call(lambda db: verivali_close.close_round(db, rid, allow_unchecked=True), parent=self,
                             changes=Changes.of(Kind.PERSON, Kind.FAMILY, Kind.VERIVALI, Kind.IMPORT)):
                self.refresh()

    def undo_close(self) -> None:
        rid = self.round_id()
        if rid is None or QMessageBox.question(self, tr("Batalkan penutupan"), tr(
                "Semua perubahan registri dari putaran ini dikembalikan dan putaran dibuka lagi. "
                "Lanjutkan?")) != QMessageBox.StandardButton.Yes:
            return
        if self.ops.call(lambda db: verivali_close.undo_close(db, rid), parent=self,
                         changes=Changes.of(Kind.PERSON, Kind.FAMILY, Kind.VERIVALI, Kind.IMPORT)):
            self.refresh()

    # -- papers ------------------------------------------------------------------------------
    def print_paper(self, make, title: str, **kwargs) -> None:
        rid = self.round_id()
        if rid is None:
            return
        done = self.ops.write(lambda s: make(s, rid, **kwargs), parent=self)
        if done:
            save_pdf(self, done.value, f"{title} {self.rounds.row_data(self.round_table.currentIndex().row()).desa}")

    def print_worksheet(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        names = [tr("(semua petugas)"), *self.ops.read(lambda s: verivali.officers(s, rid))]
        name, ok = QInputDialog.getItem(self, tr("Lembar kerja"), tr("Petugas:"), names, 0, False)
        if ok:
            self.print_paper(musdes.worksheet_pdf, tr("Lembar kerja verivali"),
                             officer=None if name == names[0] else name)

    def print_recap(self) -> None:
        done = self.ops.write(lambda s: musdes.recap_pdf(s), parent=self)
        if done:
            save_pdf(self, done.value, tr("Rekap verivali kecamatan"))

    def export_recap(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Simpan rekap"), "Rekap verivali.xlsx",
                                                tr("Buku kerja Excel (*.xlsx)"))
        if target:
            self.ops.write(lambda s: export_recap(s, target), parent=self)

    def export_bnba(self) -> None:
        rid = self.round_id()
        if rid is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, tr("Simpan BNBA"), "BNBA.xlsx", tr("Buku kerja Excel (*.xlsx)"))
        if target:
            self.ops.write(lambda s: export_bnba(s, rid, target), parent=self)
