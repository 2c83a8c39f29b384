"""The check-in desk (meja pengambilan) on distribution day.

Made for a USB barcode/QR scanner that types the coupon code like a keyboard and presses Enter,
and for an operator typing a NIK, a No. KK or a name. The one big input keeps the focus after
every step: scan → the recipient shows big → Enter hands the aid over. Every step is its own
transaction, committed at once, so the desk (or the app, or the power) can go off and on without
losing anything; what it shows is always what the database holds. A scan looks up that one
recipient; the list of everyone due is read in blocks, and only when its tab is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import CollectStatus
from desktop.core.domain.money import figures
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services.distribution import event_info
from desktop.core.services.distribution_desk import (
    DeskRow,
    collect,
    desk_log,
    desk_row,
    find_at_desk,
    mark_absent,
    progress,
    reverse,
)
from desktop.gui.aid.common import current_id
from desktop.gui.aid.desk_side import DeskSide
from desktop.gui.aid.desk_widgets import (
    ABSENT_REASONS,
    BANNER,
    REVERSE_REASONS,
    MatchesPage,
    MatchKeys,
    ProxyDialog,
    RecipientCard,
    already_collected_message,
    idle_hint,
    ProgressTiles,
    set_font,
)
from desktop.gui.aid.dialogs import ReasonDialog
from desktop.gui.i18n import tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations, error_text
from desktop.gui.shared.flow import fit_to_screen


class CheckinDesk(QWidget):
    """One event's desk. Each step is announced as a change of the event (`ops.changed`), which
    this desk, the Penyaluran tab and any other desk on the same event redraw from."""

    REFRESH_MS = 5000  # desks on other computers show up within seconds

    def __init__(self, ops: Operations, event_id: int, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ops, self.event_id = ops, event_id
        self.current: DeskRow | None = None
        self.closed = False
        self.cash, self.unit = True, "Rp"

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.closed_banner = QLabel()
        self.closed_banner.setWordWrap(True)
        self.closed_banner.setStyleSheet("background:#9C0006; color:white; padding:6px; font-weight:bold")
        self.closed_banner.hide()
        self.tiles = ProgressTiles()

        # the input
        self.input = QLineEdit()
        self.input.setPlaceholderText(tr("Pindai kupon, atau ketik NIK / nama"))
        set_font(self.input, 20)
        self.input.setMinimumHeight(52)
        self.input.returnPressed.connect(self.submit)
        find = QPushButton(tr("Cari"))
        find.setMinimumHeight(52)
        find.clicked.connect(self.submit)
        entry = QHBoxLayout()
        entry.addWidget(self.input, 1)
        entry.addWidget(find)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        set_font(self.banner, 15, True)
        self.banner_kind = ""
        self.banner.hide()

        # the recipient, big; or the idle hint; or several matches to pick from
        self.card = RecipientCard()
        self.card.collect_button.clicked.connect(lambda: self.collect())
        self.card.proxy_button.clicked.connect(lambda: self.collect_by_proxy())
        self.card.absent_button.clicked.connect(lambda: self.mark_absent())
        self.card.reverse_button.clicked.connect(lambda: self.reverse())
        self.idle = idle_hint()
        self.matches_page = MatchesPage()
        self.matches, self.match_model = self.matches_page.view, self.matches_page.model
        self.matches.doubleClicked.connect(lambda _: self.pick_match())
        self.input.installEventFilter(MatchKeys(self.matches, lambda: self.stack.currentWidget() is
                                                self.matches_page, self))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.idle)
        self.stack.addWidget(self.card)
        self.stack.addWidget(self.matches_page)

        # the latest steps, and everyone due
        self.side = DeskSide(ops, event_id)
        self.side.show_requested.connect(self.show_picked)
        self.side.undo_requested.connect(lambda: self.reverse_selected_step())

        left = QVBoxLayout()
        left.addLayout(entry)
        left.addWidget(self.banner)
        left.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.tiles)
        layout.addLayout(body, 1)

        for key, slot in (("F2", self.collect_by_proxy), ("F3", self.mark_absent), ("F4", self.reverse),
                          ("Esc", self.clear)):
            QShortcut(QKeySequence(key), self, activated=lambda slot=slot: slot())
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ops.changed.connect(self._on_changes)
        fit_to_screen(self, 1366, 768)
        self.refresh()
        self.show_idle()

    # -- what the database says ------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        ids = changes.ids(Kind.EVENT)
        if changes.touches(Kind.EVENT) and (ids is None or self.event_id in ids):
            self.refresh()
            self._reload_current()
        elif changes.touches(Kind.PERSON, Kind.FAMILY):
            self.side.model.invalidate()
            self._reload_current()

    def refresh(self) -> None:
        """Header, progress and the log from aggregates and the newest steps; the list when open.
        A second desk on the same event (or this one reopened) shows the same."""
        eid = self.event_id
        event, p, steps = self.ops.read(lambda s: (event_info(s, eid), progress(s, eid), desk_log(s, eid, limit=60)))
        self.cash, self.unit = event.cash, event.unit
        self.closed = event.closed_at is not None
        self.title.setText(f"<span style='font-size:16pt; font-weight:bold'>{event.name}</span><br>"
                           + tr("{programme} · {date} {time} · {place} · {amount} per penerima").format(
                               programme=f"{event.programme} – {event.period}",
                               date=event.event_date.strftime("%d-%m-%Y"), time=event.time_text or "",
                               place=event.place, amount=figures(event.amount, self.cash, self.unit)))
        self.setWindowTitle(tr("Meja pengambilan — {name}").format(name=event.name))
        self.closed_banner.setText(tr("Penyaluran ini sudah ditutup ({when}, oleh {by}). Pengambilan tidak bisa "
                                      "dicatat lagi; buka kembali di Bantuan › Penyaluran bila perlu.").format(
            when=local_text(event.closed_at), by=event.closed_by) if self.closed else "")
        self.closed_banner.setVisible(self.closed)
        self.tiles.show_progress(p)
        self.side.show_steps(steps)
        self.side.refresh_list()

    def _reload_current(self) -> None:
        """The card's recipient as stored now (after a step here or at another desk)."""
        if self.current is not None and self.stack.currentWidget() is self.card:
            self.show_allocation(self.current.allocation_id, banner=False)

    # -- the input ---------------------------------------------------------------------------------
    def focus_input(self) -> None:
        self.input.clear()
        self.input.setFocus()

    def submit(self) -> None:
        """Enter: text → look it up; no text → confirm what is shown (hand over, or pick the match)."""
        text = self.input.text().strip()
        if text:
            self.find(text)
        elif self.stack.currentWidget() is self.matches_page:
            self.pick_match()
        elif self.current is not None:
            if self.current.status is CollectStatus.COLLECTED:
                self.show_banner(already_collected_message(self.current), "error")
            else:
                self.collect()
        self.focus_input()

    def find(self, text: str) -> list[DeskRow]:
        """A coupon code, a NIK or No. KK, or part of a name: a query for just those recipients."""
        eid = self.event_id
        found = self.ops.read(lambda s: find_at_desk(s, eid, text))
        if found.refusal:
            self.show_idle()
            self.show_banner(found.refusal, "error")
        elif not found.rows:
            self.show_idle()
            self.show_banner(tr("Tidak ditemukan: \"{text}\". Periksa ejaannya, atau cari dengan NIK, No. KK atau kode "
                                "kupon.").format(text=text), "warn")
        elif len(found.rows) == 1:
            self.show_card(found.rows[0])
        else:
            self.show_matches(found.rows)
        self.focus_input()
        return found.rows

    def show_idle(self) -> None:
        self.current = None
        self.stack.setCurrentWidget(self.idle)

    def clear(self) -> None:
        self.show_idle()
        self.banner.hide()
        self.banner_kind = ""
        self.focus_input()

    def show_banner(self, text: str, kind: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(f"{BANNER[kind]}; padding:8px; border-radius:4px")
        self.banner_kind = kind
        self.banner.show()

    def show_matches(self, rows: list[DeskRow]) -> None:
        self.current = None
        self.stack.setCurrentWidget(self.matches_page)
        self.matches_page.show_rows(rows)
        self.show_banner(tr("{n} penerima cocok dengan pencarian.").format(n=len(rows)), "info")

    def pick_match(self) -> None:
        allocation_id = current_id(self.matches)
        if allocation_id is not None:
            self.show_card(self.match_model.row_data(self.match_model.row_of(allocation_id)))
        self.focus_input()

    def show_card(self, row: DeskRow, banner: bool = True) -> None:
        self.current = row
        self.card.show_row(row, figures(row.amount, self.cash, self.unit))
        self.stack.setCurrentWidget(self.card)
        if not banner:
            return
        if row.status is CollectStatus.COLLECTED:
            self.show_banner(already_collected_message(row), "error")
        elif row.status is CollectStatus.ABSENT:
            self.show_banner(tr("Tercatat tidak hadir: {reason}. Bila orangnya datang sekarang, cocokkan KTP-el lalu "
                                "tekan Enter untuk menyerahkan.").format(reason=row.absent_reason or "-"), "warn")
        else:
            self.show_banner(tr("Cocokkan KTP-el/KK dengan data di bawah, lalu tekan Enter untuk menyerahkan."),
                             "info")

    def show_picked(self, allocation_id: int) -> None:
        """A recipient picked in the log or the list: on the card, the input ready again."""
        self.show_allocation(allocation_id)
        self.focus_input()

    def show_allocation(self, allocation_id: int, banner: bool = True) -> None:
        self.show_card(self.ops.read(lambda s: desk_row(s, allocation_id)), banner)

    def reverse_selected_step(self) -> bool:
        """"Batalkan langkah terpilih": the step chosen in the log, else the recipient on the card."""
        if self.side.log.selectedItems() and self.side.selected_log_allocation() is None:
            self.show_banner(tr("Langkah ini tidak bisa dibatalkan di sini. Pilih langkah pengambilan atau tidak "
                                "hadir seorang penerima."), "warn")
            self.focus_input()
            return False
        return self.reverse(allocation_id=self.side.selected_log_allocation())

    # -- the steps ----------------------------------------------------------------------------------
    def _step(self, fn, on_refused):
        """One step, committed at once and announced as a change of this event (the desk itself
        redraws from that announcement)."""
        return self.ops.write(fn, parent=self, changes=Changes.updated(Kind.EVENT, [self.event_id]),
                              on_error=on_refused)

    def _refused(self, exc) -> None:
        """The service said no (closed event, already collected, no reason given): in red, with
        the card showing what is stored now."""
        if not isinstance(exc, ValidationError):
            self._reload_current()
        self.show_banner(exc.message, "error")
        self.focus_input()

    def _done(self, text: str, kind: str = "ok") -> None:
        self.show_banner(text, kind)
        self.focus_input()

    def _need_card(self) -> DeskRow | None:
        if self.current is None:
            self.show_banner(tr("Cari dulu penerimanya: pindai kupon atau ketik NIK/nama lalu Enter."), "warn")
            self.focus_input()
        return self.current

    def collect(self, proxy_name: str | None = None, proxy_relation: str | None = None,
                proxy_nik: str | None = None) -> str | None:
        """Hand over to the recipient shown (or to their proxy). Returns an error text, or None."""
        row = self._need_card()
        if row is None:
            return tr("Belum ada penerima yang dipilih.")
        done = self._step(lambda s: collect(s, row.allocation_id, proxy_name=proxy_name,
                                            proxy_relation=proxy_relation, proxy_nik=proxy_nik).id,
                          lambda exc: None if isinstance(exc, ValidationError) else self._refused(exc))
        if not done:
            return error_text(done.error)  # a proxy's form shows its own problems
        amount = figures(row.amount, self.cash, self.unit)
        if proxy_name:
            text = tr("DISERAHKAN: {amount} untuk {name}, diterima oleh {proxy} ({relation}).").format(
                amount=amount, name=row.name, proxy=proxy_name.strip(), relation=(proxy_relation or "").strip())
        else:
            text = tr("DISERAHKAN: {amount} kepada {name}.").format(amount=amount, name=row.name)
        self._done(text)
        return None

    def collect_by_proxy(self, name: str | None = None, relation: str | None = None, nik: str | None = None,
                         show: bool = True) -> ProxyDialog | str | None:
        row = self._need_card()
        if row is None:
            return None
        if name is not None:
            error = self.collect(name, relation, nik)
            if error and self.banner_kind != "error":
                self.show_banner(error, "error")
            return error
        dialog = ProxyDialog(row.name, self._proxy_save, self)
        if show:
            dialog.exec()
            self.focus_input()
        return dialog

    def _proxy_save(self, name: str, relation: str, nik: str) -> str | None:
        if not name.strip() or not relation.strip():
            return SimpulError("aid.proxy_incomplete").message
        return self.collect(name, relation, nik)

    def mark_absent(self, reason: str | None = None) -> bool:
        row = self._need_card()
        if row is None:
            return False
        if reason is None:
            dialog = ReasonDialog(tr("Tidak hadir"), tr("Mengapa {name} tidak hadir?").format(name=row.name),
                                  ABSENT_REASONS, tr("Catat tidak hadir"), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.focus_input()
                return False
            reason = dialog.text()
        if not self._step(lambda s: mark_absent(s, row.allocation_id, reason).id, self._refused):
            return False
        self._done(tr("{name} dicatat tidak hadir: {reason}.").format(name=row.name, reason=reason.strip()), "warn")
        return True

    def reverse(self, reason: str | None = None, allocation_id: int | None = None) -> bool:
        """Take back a step (collected or absent) with a reason: the recipient on the card, or the
        step chosen in the log."""
        if allocation_id is None:
            row = self._need_card()
            if row is None:
                return False
            allocation_id = row.allocation_id
        target = self.ops.read(lambda s: desk_row(s, allocation_id))
        if reason is None:
            dialog = ReasonDialog(
                tr("Batalkan catatan"),
                tr("Batalkan catatan \"{status}\" untuk {name}? Penerima kembali menunggu. Alasannya disimpan di "
                   "riwayat.").format(status=label(target.status), name=target.name),
                REVERSE_REASONS, tr("Batalkan catatan"), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.focus_input()
                return False
            reason = dialog.text()
        if not self._step(lambda s: reverse(s, allocation_id, reason).id, self._refused):
            return False
        if self.current is None or self.current.allocation_id != allocation_id:
            self.show_allocation(allocation_id, banner=False)  # the card follows the step taken back
        self._done(tr("Catatan untuk {name} dibatalkan; penerima kembali menunggu.").format(name=target.name), "warn")
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.focus_input()
