"""The Penyaluran tab of Bantuan: distribution events, their papers and the way to the check-in
desk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import EventState
from desktop.core.domain.money import figures
from desktop.core.i18n import number
from desktop.core.services.distribution import (
    EventRow,
    close_event,
    event_ids,
    event_info,
    event_rows,
    reopen_event,
    schedule,
)
from desktop.gui.aid.common import GREEN, GREY, REOPEN_REASONS, current_id, fit_columns, reload, select_id, table_view
from desktop.gui.aid.dialogs import ReasonDialog
from desktop.gui.aid.event_dialog import EventDialog
from desktop.gui.aid.event_papers import EventPapers
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.page import Page

STATE_COLOURS = {EventState.UNDER_WAY: GREEN, EventState.CLOSED: GREY}


def _desa(e: EventRow) -> str:
    return tr("semua desa") if e.whole_kecamatan else e.desa


COLUMNS = [
    Column(N_("Tanggal"), lambda e: e.event_date.strftime("%d-%m-%Y")),
    Column(N_("Nama kegiatan"), lambda e: e.name),
    Column(N_("Program"), lambda e: e.programme),
    Column(N_("Tempat"), lambda e: e.place),
    Column(N_("Desa/Kelurahan"), _desa, tooltip=_desa),
    Column(N_("Keadaan"), lambda e: label(e.state), foreground=lambda e: STATE_COLOURS.get(e.state)),
    Column(N_("Terjadwal"), lambda e: number(e.due), align_right=True),
    Column(N_("Diambil"), lambda e: number(e.collected), align_right=True),
    Column(N_("Tidak hadir"), lambda e: number(e.absent), align_right=True),
    Column(N_("Menunggu"), lambda e: number(e.waiting), align_right=True),
]


class EventsTab(Page):
    """Reads nothing until it is first shown; the events come in blocks like any list."""

    SHOWS = frozenset({Kind.EVENT, Kind.PROGRAMME})
    LOAD_ON_SHOW = True

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.desks: dict[int, QWidget] = {}
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.table = table_view(self.model)
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
        top = FlowLayout().add(new, self.edit_button, self.schedule_button, self.close_button, self.reopen_button,
                               stretch(), self.desk_button)
        planner = ops.can(Right.AID_LISTS)  # a Petugas meja: the list and the desk, nothing else
        for button in (new, self.edit_button, self.schedule_button):
            button.setVisible(planner)
        for button in (self.close_button, self.reopen_button):
            button.setVisible(ops.can(Right.EVENT_CLOSE))
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_box = QGroupBox(tr("Penyaluran terpilih"))
        QVBoxLayout(detail_box).addWidget(self.detail)
        self.papers = EventPapers(ops, self.current_event)

        # side by side when there is room, the papers under the detail on a narrow screen
        detail_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        detail_box.setMinimumWidth(260)
        bottom = FlowLayout().add(detail_box, self.papers)
        self.papers.setVisible(planner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())

    def _fetch(self, ids: list[int]) -> dict[int, EventRow]:
        return {e.id: e for e in self.ops.read(lambda s: event_rows(s, ids=ids))}

    def refresh(self) -> None:
        reload(self.table, self.ops.read(event_ids))
        fit_columns(self.table, 160, stretch=1)
        self.show_detail()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.EVENT):
            ids = changes.ids(Kind.EVENT)
            if ids is None:
                self.refresh()
                return
            self.model.refresh_ids(ids)
            if self.event_id() in ids:
                self.show_detail()
        if changes.touches(Kind.PROGRAMME):  # the programme's name and amount in the rows and the detail
            self.model.invalidate()
            self.show_detail()

    def event_id(self) -> int | None:
        return current_id(self.table)

    def current_event(self) -> EventRow | None:
        row = self.model.row_of(self.event_id())
        return self.model.row_data(row) if row is not None else None

    def show_detail(self) -> None:
        row = self.current_event()
        for b in (self.edit_button, self.schedule_button, self.close_button, self.reopen_button, self.desk_button):
            b.setEnabled(row is not None)
        self.papers.set_enabled(row is not None)
        if row is None:
            self.detail.setText(tr("Belum ada penyaluran. Buat dengan Penyaluran baru… setelah daftar penerima "
                                   "program difinalkan."))
            return
        e = self.ops.read(lambda s: event_info(s, row.id))
        closed = e.closed_at is not None
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self.schedule_button.setEnabled(not closed)
        who = "; ".join(f"{o.get('name')} ({o.get('role')})" if o.get("role") else o.get("name", "")
                        for o in e.officers) or tr("belum diisi")
        when = row.event_date.strftime("%d-%m-%Y") + (f" {row.time_text}" if row.time_text else "")
        lines = [f"<b>{row.name}</b> · {when} · {row.place}",
                 tr("Desa: {desa}").format(desa=_desa(row)),
                 tr("{due} terjadwal: {collected} diambil, {absent} tidak hadir, {waiting} menunggu").format(
                     due=number(row.due), collected=number(row.collected), absent=number(row.absent),
                     waiting=number(row.waiting)),
                 tr("Program: {programme} · {item}, {amount} per penerima").format(
                     programme=row.programme, item=e.item, amount=figures(e.amount, e.cash, e.unit)),
                 tr("Petugas: {who}").format(who=who),
                 tr("PIHAK KEDUA pada BAST: {who}").format(
                     who=", ".join(x for x in (e.receiver.get("name"), e.receiver.get("jabatan")) if x)
                     or tr("belum diisi"))]
        if closed:
            lines.append("<span style='color:#9C0006'>" + tr("Ditutup {when} oleh {by}.").format(
                when=local_text(e.closed_at), by=e.closed_by) + "</span>")
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
        dialog = EventDialog(self.ops, programme_id=programme_id, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.event_saved(dialog.saved_id)
        return dialog

    def event_saved(self, event_id: int) -> None:
        """The list was redrawn when the save was announced; show the event saved."""
        self.select_event(event_id)

    def edit_event(self, show: bool = True) -> EventDialog | None:
        eid = self._need_event()
        if eid is None:
            return None
        dialog = EventDialog(self.ops, eid, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.event_saved(eid)
        return dialog

    def _write(self, eid: int, fn):
        """A step on the selected event, announced as a change of that event's row."""
        return self.ops.write(fn, parent=self, changes=Changes.updated(Kind.EVENT, [eid]))

    def schedule_selected(self) -> int | None:
        eid = self._need_event()
        if eid is None:
            return None
        done = self._write(eid, lambda s: schedule(s, eid))
        if not done:
            return None
        added = done.value
        self.message.setText(tr("{n} penerima dijadwalkan pada penyaluran ini.").format(n=number(added)) if added
                             else tr("Tidak ada penerima baru untuk dijadwalkan: semua penerima di desa ini sudah "
                                     "terjadwal atau sudah menerima."))
        return added

    def close_selected(self, confirm: bool = True) -> bool:
        row = self.current_event()
        if row is None:
            return False
        question = tr("Tutup penyaluran {name}? Meja pengambilan tidak bisa mencatat lagi; daftar dan BAST "
                      "mencatat hasil akhirnya.").format(name=row.name)
        if row.waiting:
            question += " " + tr("{n} penerima belum datang dan tetap tercatat menunggu.").format(
                n=number(row.waiting))
        if confirm and QMessageBox.question(self, "Simpul", question) != QMessageBox.StandardButton.Yes:
            return False
        if not self._write(row.id, lambda s: close_event(s, row.id).id):
            return False
        self.message.setText(tr("Penyaluran {name} ditutup.").format(name=row.name))
        return True

    def reopen_selected(self, reason: str | None = None) -> bool:
        row = self.current_event()
        if row is None:
            return False
        if reason is None:
            dialog = ReasonDialog(tr("Buka kembali penyaluran"), tr("Mengapa penyaluran {name} dibuka kembali? "
                                                                  "Alasannya disimpan di riwayat.").format(
                name=row.name), REOPEN_REASONS, tr("Buka kembali"), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.text()
        if not self._write(row.id, lambda s: reopen_event(s, row.id, reason).id):
            return False
        self.message.setText(tr("Penyaluran {name} dibuka kembali.").format(name=row.name))
        return True

    def open_desk(self):
        eid = self._need_event()
        if eid is None:
            return None
        desk = self.desks.get(eid)
        if desk is None:
            from desktop.gui.aid.desk import CheckinDesk

            desk = CheckinDesk(self.ops, eid, self)
            desk.destroyed.connect(lambda *_: self.desks.pop(eid, None))
            self.desks[eid] = desk
        desk.showMaximized()
        desk.raise_()
        desk.activateWindow()
        return desk
