"""The Penyaluran tab of Bantuan: distribution events, their papers (coupons, roster, BAST,
Excel results) and the way to the check-in desk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import amount_text
from desktop.core.services.distribution import close_event, event_rows, get_event, reopen_event, schedule
from desktop.gui.aid.common import EVENT_HEADERS, REOPEN_REASONS, cap_columns
from desktop.gui.aid.dialogs import (
    EVENT_STATES,
    EventDialog,
    ReasonDialog,
    fill_table,
    label,
    local_time,
    plain_table,
    select_id,
    selected_ids,
)
from desktop.gui.i18n import N_, tr
from desktop.gui.tasks import run_task
from desktop.gui.shared.widgets import ExportStatus, file_name, save_pdf


class EventsTab(QWidget):
    data_changed = Signal()
    document_ready = Signal(str, bytes)  # kind, PDF

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows = []
        self.desks: dict[int, QWidget] = {}
        self.preview = None
        self.table = plain_table([tr(h) for h in EVENT_HEADERS])
        self.table.doubleClicked.connect(lambda _: self.open_desk())
        new = QPushButton(tr("Penyaluran baru…"))
        new.clicked.connect(lambda: self.new_event())
        self.edit_button = QPushButton(tr("Ubah…"))
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.schedule_button = QPushButton(tr("Jadwalkan penerima"))
        self.schedule_button.clicked.connect(lambda: self.schedule_selected())
        self.close_button = QPushButton(tr("Tutup penyaluran"))
        self.close_button.clicked.connect(lambda: self.close_selected())
        self.reopen_button = QPushButton(tr("Buka kembali…"))
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())
        self.desk_button = QPushButton(tr("Buka meja pengambilan"))
        self.desk_button.setStyleSheet("font-weight: bold; padding: 4px 14px")
        self.desk_button.clicked.connect(lambda: self.open_desk())
        top = QHBoxLayout()
        for b in (new, self.edit_button, self.schedule_button, self.close_button, self.reopen_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.desk_button)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_box = QGroupBox(tr("Penyaluran terpilih"))
        QVBoxLayout(detail_box).addWidget(self.detail)

        docs = QGroupBox(tr("Dokumen"))
        self.paper = QComboBox()
        self.paper.addItem("F4 (215 × 330 mm)", "f4")
        self.paper.addItem("A4", "a4")
        self.orientation = QComboBox()
        self.orientation.addItem(tr("Mendatar (lanskap)"), True)
        self.orientation.addItem(tr("Tegak (potret)"), False)
        self.masked = QComboBox()
        self.masked.addItem(tr("NIK lengkap"), False)
        self.masked.addItem(tr("NIK disamarkan (untuk ditempel)"), True)
        self.thumbprint = QCheckBox(tr("Kolom cap jempol"))
        self.thumbprint.setChecked(True)
        self.coupons_button = QPushButton(tr("Cetak kupon…"))
        self.coupons_button.clicked.connect(lambda: self.make_document("coupons"))
        self.roster_button = QPushButton(tr("Cetak daftar penerima…"))
        self.roster_button.clicked.connect(lambda: self.make_document("roster"))
        self.bast_button = QPushButton(tr("Berita acara (BAST)…"))
        self.bast_button.clicked.connect(lambda: self.make_document("bast"))
        self.export_button = QPushButton(tr("Ekspor hasil ke Excel…"))
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.export_status = ExportStatus()
        options = QFormLayout()
        options.addRow(tr("Kertas:"), self.paper)
        options.addRow(tr("Arah daftar:"), self.orientation)
        options.addRow(tr("NIK di daftar:"), self.masked)
        options.addRow("", self.thumbprint)
        grid = QGridLayout()
        grid.addWidget(self.coupons_button, 0, 0)
        grid.addWidget(self.roster_button, 0, 1)
        grid.addWidget(self.bast_button, 1, 0)
        grid.addWidget(self.export_button, 1, 1)
        docs_layout = QHBoxLayout(docs)
        docs_layout.addLayout(options)
        right = QVBoxLayout()
        right.addLayout(grid)
        right.addWidget(self.export_status)
        right.addStretch(1)
        docs_layout.addLayout(right)

        bottom = QHBoxLayout()
        bottom.addWidget(detail_box, 1)
        bottom.addWidget(docs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.refresh()

    def refresh(self) -> None:
        current = self.event_id()
        with self.db.read() as s:
            self.rows = event_rows(s)
        rows, desa_names = [], []
        for e in self.rows:
            when = e.event_date.strftime("%d-%m-%Y")
            desa = tr("semua desa") if e.desa == "semua desa" else e.desa
            desa_names.append(desa)
            rows.append((e.id, [when, e.name, e.programme, e.place, desa, label(EVENT_STATES, e.state), number(e.due),
                                number(e.collected), number(e.absent), number(e.due - e.collected - e.absent)]))
        self.table.blockSignals(True)
        fill_table(self.table, rows, right=(6, 7, 8, 9))
        for r, e in enumerate(self.rows):
            colour = {"berlangsung": "#006100", "selesai": "#595959"}.get(e.state)
            if colour:
                self.table.item(r, 5).setForeground(QBrush(QColor(colour)))
        self.table.resizeColumnsToContents()
        cap_columns(self.table, 160)
        for r, e in enumerate(self.rows):
            self.table.item(r, 4).setToolTip(desa_names[r])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if not select_id(self.table, current) and self.rows:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        self.show_detail()

    def event_id(self) -> int | None:
        ids = selected_ids(self.table)
        return ids[0] if ids else None

    def current_event(self):
        eid = self.event_id()
        return next((e for e in self.rows if e.id == eid), None)

    def show_detail(self) -> None:
        row = self.current_event()
        for b in (self.edit_button, self.schedule_button, self.close_button, self.reopen_button, self.desk_button,
                  self.coupons_button, self.roster_button, self.bast_button, self.export_button):
            b.setEnabled(row is not None)
        if row is None:
            self.detail.setText(tr("Belum ada penyaluran. Buat dengan Penyaluran baru… setelah daftar penerima "
                                   "program difinalkan."))
            return
        with self.db.read() as s:
            e = get_event(s, row.id)
            officers = list(e.officers or [])
            receiver = dict(e.receiver or {})
            closed = (e.closed_at, e.closed_by)
            programme = e.programme
            amount = amount_text(programme.amount, programme.form.value == "tunai", programme.unit)
            item = programme.item
        closed_now = closed[0] is not None
        self.close_button.setEnabled(not closed_now)
        self.reopen_button.setEnabled(closed_now)
        self.schedule_button.setEnabled(not closed_now)
        who = "; ".join(f"{o.get('name')} ({o.get('role')})" if o.get("role") else o.get("name", "")
                        for o in officers) or tr("belum diisi")
        when = row.event_date.strftime("%d-%m-%Y") + (f" {row.time_text}" if row.time_text else "")
        desa = tr("semua desa") if row.desa == "semua desa" else row.desa
        lines = [f"<b>{row.name}</b> · {when} · {row.place}",
                 tr("Desa: {desa}").format(desa=desa),
                 tr("{due} terjadwal: {collected} diambil, {absent} tidak hadir, {waiting} menunggu").format(
                     due=number(row.due), collected=number(row.collected), absent=number(row.absent),
                     waiting=number(row.due - row.collected - row.absent)),
                 tr("Program: {programme} · {item}, {amount} per penerima").format(
                     programme=row.programme, item=item, amount=amount),
                 tr("Petugas: {who}").format(who=who),
                 tr("PIHAK KEDUA pada BAST: {who}").format(
                     who=", ".join(x for x in (receiver.get("name"), receiver.get("jabatan")) if x)
                     or tr("belum diisi"))]
        if closed_now:
            lines.append("<span style='color:#9C0006'>" + tr("Ditutup {when} oleh {by}.").format(
                when=local_time(closed[0]), by=closed[1]) + "</span>")
        elif not row.due:
            lines.append("<span style='color:#7F6000'>" + tr("Belum ada penerima: tekan Jadwalkan penerima.")
                         + "</span>")
        self.detail.setText("<br>".join(lines))

    def select_event(self, event_id: int) -> None:
        select_id(self.table, event_id)

    def _need_event(self) -> int | None:
        eid = self.event_id()
        if eid is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu penyaluran di daftar."))
        return eid

    # -- events -------------------------------------------------------------------------------
    def new_event(self, programme_id: int | None = None, show: bool = True) -> EventDialog:
        dialog = EventDialog(self.db, programme_id=programme_id, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.event_saved(dialog.saved_id)
        return dialog

    def event_saved(self, event_id: int) -> None:
        self.refresh()
        self.select_event(event_id)
        self.data_changed.emit()

    def edit_event(self, show: bool = True) -> EventDialog | None:
        eid = self._need_event()
        if eid is None:
            return None
        dialog = EventDialog(self.db, eid, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.event_saved(eid)
        return dialog

    def schedule_selected(self) -> int | None:
        eid = self._need_event()
        if eid is None:
            return None
        try:
            with self.db.transaction() as s:
                added = schedule(s, eid)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return None
        self.refresh()
        self.message.setText(tr("{n} penerima dijadwalkan pada penyaluran ini.").format(n=number(added)) if added
                             else tr("Tidak ada penerima baru untuk dijadwalkan: semua penerima di desa ini sudah "
                                     "terjadwal atau sudah menerima."))
        self.data_changed.emit()
        return added

    def close_selected(self, confirm: bool = True) -> bool:
        row = self.current_event()
        if row is None:
            return False
        waiting = row.due - row.collected - row.absent
        question = tr("Tutup penyaluran {name}? Meja pengambilan tidak bisa mencatat lagi; daftar dan BAST "
                      "mencatat hasil akhirnya.").format(name=row.name)
        if waiting:
            question += " " + tr("{n} penerima belum datang dan tetap tercatat menunggu.").format(n=number(waiting))
        if confirm and QMessageBox.question(self, "Simpul", question) != QMessageBox.StandardButton.Yes:
            return False
        with self.db.transaction() as s:
            close_event(s, row.id)
        self.refresh()
        self.message.setText(tr("Penyaluran {name} ditutup.").format(name=row.name))
        self.data_changed.emit()
        return True

    def reopen_selected(self, reason: str | None = None) -> bool:
        row = self.current_event()
        if row is None:
            return False
        if reason is None:
            dialog = ReasonDialog(tr("Buka kembali penyaluran"), tr("Mengapa penyaluran {name} dibuka kembali? "
                                                                  "Alasannya disimpan di riwayat.").format(
                name=row.name), REOPEN_REASONS, tr("Buka kembali"),
                parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.text()
        try:
            with self.db.transaction() as s:
                reopen_event(s, row.id, reason)
        except ValidationError as exc:
            QMessageBox.warning(self, "Simpul", " ".join(f.message for f in exc.findings))
            return False
        self.refresh()
        self.message.setText(tr("Penyaluran {name} dibuka kembali.").format(name=row.name))
        self.data_changed.emit()
        return True

    def open_desk(self):
        eid = self._need_event()
        if eid is None:
            return None
        desk = self.desks.get(eid)
        if desk is None:
            from desktop.gui.aid.desk import CheckinDesk

            desk = CheckinDesk(self.db, eid, self)
            desk.changed.connect(self.refresh)
            desk.destroyed.connect(lambda *_: self.desks.pop(eid, None))
            self.desks[eid] = desk
        desk.showMaximized()
        desk.raise_()
        desk.activateWindow()
        return desk

    # -- documents ----------------------------------------------------------------------------
    TITLES = {"coupons": N_("Kupon pengambilan"), "roster": N_("Daftar penerima"),
              "bast": N_("Berita acara serah terima")}

    def document_options(self) -> dict:
        return {"paper": self.paper.currentData(), "landscape": self.orientation.currentData(),
                "masked": self.masked.currentData(), "thumbprint": self.thumbprint.isChecked()}

    def make_document(self, kind: str, show: bool = True) -> None:
        """The PDF made on the database worker, then shown in the preview (or, without QtPdf, saved
        and opened in the system's viewer). `document_ready` tells when it is there."""
        eid = self._need_event()
        if eid is None:
            return
        options = self.document_options()
        db = self.db

        def job(_progress) -> bytes:
            from desktop.core.services import aid_documents as docs

            if kind == "coupons":
                with db.transaction() as s:  # the print is recorded in the audit log
                    return docs.coupons_pdf(s, eid, paper=options["paper"])
            if kind == "roster":
                with db.transaction() as s:
                    return docs.roster_pdf(s, eid, paper=options["paper"], landscape=options["landscape"],
                                           masked=options["masked"], thumbprint=options["thumbprint"])
            with db.transaction() as s:  # the BAST takes its number from the letter register on first print
                return docs.bast_pdf(s, eid, paper=options["paper"])

        row = self.current_event()
        run_task(self, job, label=tr("Menyiapkan dokumen…"),
                 on_done=lambda content: self._document_done(kind, row, content, show))

    def _document_done(self, kind: str, row, content: bytes, show: bool) -> None:
        title = f"{tr(self.TITLES[kind])} – {row.name}"
        self.document_ready.emit(kind, content)
        try:
            from desktop.gui.shared.pdf_preview import PdfPreview
        except ImportError:
            path = self.save_document(title, content)
            if path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return
        self.preview = PdfPreview(content, title, on_save=lambda: self.save_document(title, content), parent=self)
        if show:
            self.preview.exec()

    def save_document(self, title: str, content: bytes, target: str | None = None) -> Path | None:
        return save_pdf(self, content, title, target)

    def ask_export(self) -> None:
        row = self.current_event()
        if row is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggestion = str(Path(folder) / f"{file_name(tr('Hasil penyaluran') + ' ' + row.name)}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, tr("Simpan sebagai"), suggestion, "Excel (*.xlsx)")
        if name:
            self.start_export(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def start_export(self, path: Path) -> None:
        eid = self._need_event()
        if eid is None:
            return
        self.export_status.working()

        def job(_progress):
            from desktop.core.services.aid_documents import export_results

            return export_results(self.db, eid, path)

        run_task(self, job, label=tr("Mengekspor ke Excel…"), on_done=self.export_status.done,
                 on_error=self.export_status.failed)
