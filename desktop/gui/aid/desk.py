"""The check-in desk (meja pengambilan) on distribution day.

Made for a USB barcode/QR scanner that types the coupon code like a keyboard and presses Enter,
and for an operator typing a NIK, a No. KK or a name. The one big input keeps the focus after
every step: scan → the recipient shows big → Enter hands the aid over. Every step is its own
transaction, so the desk (or the app, or the power) can go off and on without losing anything;
what it shows is always what the database holds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import amount_text
from desktop.core.services.distribution import (
    DeskRow,
    collect,
    desk_log,
    desk_rows,
    get_event,
    lookup,
    mark_absent,
    progress,
    reverse,
)
from desktop.gui.aid.dialogs import (
    COLLECT_STATUS,
    DESK_ACTIONS,
    ReasonDialog,
    fill_table,
    label,
    local_time,
    plain_table,
    selected_ids,
)
from desktop.gui.i18n import N_, tr
from desktop.gui.shared.widgets import error_label, save_cancel

# Ready-made answers are recorded as they are and printed on the roster ("Diwakilkan: Hasan (Suami)"),
# an Indonesian document: they stay Indonesian whatever the screen's language.
RELATIONS = ["Suami", "Istri", "Anak", "Orang tua", "Saudara kandung", "Menantu", "Cucu", "Tetangga", "Ketua RT",
             "Pendamping"]
ABSENT_REASONS = ["Sakit", "Di luar kota", "Bekerja", "Sudah meninggal", "Pindah domisili", "Tidak diketahui"]
REVERSE_REASONS = ["Salah pilih penerima", "Salah tekan", "Ternyata hadir", "Bantuan belum diserahkan"]
STATS = [("collected", N_("Diambil")), ("proxy", N_("Diwakilkan")), ("absent", N_("Tidak hadir")),
         ("waiting", N_("Menunggu")), ("amount", N_("Tersalurkan"))]
BANNER = {"ok": "background:#C6EFCE; color:#006100; border:2px solid #006100",
          "error": "background:#FFC7CE; color:#9C0006; border:3px solid #9C0006",
          "warn": "background:#FFEB9C; color:#7F6000; border:2px solid #BF9000",
          "info": "background:#DDEBF7; color:#1F3864; border:1px solid #8EA9DB"}
STATUS_STYLE = {"menunggu": "background:#DDEBF7; color:#1F3864", "diambil": "background:#C6EFCE; color:#006100",
                "tidak hadir": "background:#FFEB9C; color:#7F6000"}


def _font(widget: QWidget, points: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


def already_collected_message(row: DeskRow) -> str:
    """The service's own refusal (aid.already_collected), so the banner reads the same whether the
    coupon was scanned again or Serahkan was pressed."""
    return SimpulError("aid.already_collected", name=row.name, when=local_time(row.collected_at),
                       by=row.collected_by, who=row.proxy_name or row.name).message


class ProxyDialog(QDialog):
    """Collection by someone else: their name, how they are related, and (if shown) their NIK.
    `save(name, relation, nik)` records it and returns an error text, or None when done."""

    def __init__(self, recipient: str, save, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Diwakilkan"))
        self._save = save
        self.name = QLineEdit()
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItem("")
        for r in RELATIONS:
            self.relation.addItem(r)
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(tr("boleh kosong; 16 digit bila diisi"))
        self.errors = error_label()
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Bantuan untuk <b>{name}</b> diambil oleh:").format(name=recipient)))
        form.addRow(tr("Nama wakil:"), self.name)
        form.addRow(tr("Hubungan dengan penerima:"), self.relation)
        form.addRow(tr("NIK wakil:"), self.nik)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self.ok, tr("Serahkan")))
        self.resize(460, 0)

    def ok(self) -> bool:
        error = self._save(self.name.text(), self.relation.currentText(), self.nik.text())
        if error:
            self.errors.setText(error)
            return False
        self.accept()
        return True


class _InputKeys(QObject):
    """Up/Down in the big input move through a list of matches, so the hands stay on the keyboard."""

    def __init__(self, desk: CheckinDesk) -> None:
        super().__init__(desk)
        self.desk = desk

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) \
                and self.desk.stack.currentWidget() is self.desk.matches_page:
            table = self.desk.matches
            row = table.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < table.rowCount():
                table.selectRow(row)
            return True
        return False


class CheckinDesk(QWidget):
    """One event's desk. `changed` is emitted after every recorded step."""

    changed = Signal()
    REFRESH_MS = 5000  # other desks on the same event show up within seconds

    def __init__(self, db: Database, event_id: int, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.db, self.event_id = db, event_id
        self.current: DeskRow | None = None
        self.match_rows: list[DeskRow] = []
        self.closed = False
        self.cash, self.unit = True, "Rp"

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.closed_banner = QLabel()
        self.closed_banner.setWordWrap(True)
        self.closed_banner.setStyleSheet("background:#9C0006; color:white; padding:6px; font-weight:bold")
        self.closed_banner.hide()

        # live progress
        tiles = QHBoxLayout()
        self.numbers: dict[str, QLabel] = {}
        for key, caption in STATS:
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            value = QLabel("–")
            _font(value, 18, True)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(tr(caption))
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout(tile)
            box.setContentsMargins(6, 4, 6, 4)
            box.addWidget(value)
            box.addWidget(text)
            self.numbers[key] = value
            tiles.addWidget(tile, 2 if key == "amount" else 1)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)

        # the input
        self.input = QLineEdit()
        self.input.setPlaceholderText(tr("Pindai kupon, atau ketik NIK / nama"))
        _font(self.input, 20)
        self.input.setMinimumHeight(52)
        self.input.returnPressed.connect(self.submit)
        self.input.installEventFilter(_InputKeys(self))
        find = QPushButton(tr("Cari"))
        find.setMinimumHeight(52)
        find.clicked.connect(self.submit)
        entry = QHBoxLayout()
        entry.addWidget(self.input, 1)
        entry.addWidget(find)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        _font(self.banner, 15, True)
        self.banner_kind = ""
        self.banner.hide()

        # the recipient, big
        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card_name = QLabel()
        _font(self.card_name, 26, True)
        self.card_name.setWordWrap(True)
        self.card_status = QLabel()
        _font(self.card_status, 14, True)
        self.card_amount = QLabel()
        _font(self.card_amount, 22, True)
        self.card_fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, (key, caption) in enumerate((("nik", "NIK"), ("no_kk", N_("No. KK")), ("address", N_("Alamat")),
                                            ("desa", N_("Desa/Kelurahan")), ("row_no", N_("No. urut")),
                                            ("code", N_("Kode kupon")))):
            name = QLabel(tr(caption) + ":")
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            _font(value, 14, key in ("nik", "row_no"))
            _font(name, 12)
            grid.addWidget(name, i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.card_fields[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.collect_button = QPushButton(tr("Serahkan (Enter)"))
        self.collect_button.setStyleSheet("QPushButton:enabled { background:#006100; color:white }"
                                          "QPushButton { font-weight:bold; padding:10px 18px }")
        self.collect_button.clicked.connect(lambda: self.collect())
        self.proxy_button = QPushButton(tr("Diwakilkan… (F2)"))
        self.proxy_button.clicked.connect(lambda: self.collect_by_proxy())
        self.absent_button = QPushButton(tr("Tidak hadir… (F3)"))
        self.absent_button.clicked.connect(lambda: self.mark_absent())
        self.reverse_button = QPushButton(tr("Batalkan catatan… (F4)"))
        self.reverse_button.clicked.connect(lambda: self.reverse())
        for b in (self.collect_button, self.proxy_button, self.absent_button, self.reverse_button):
            _font(b, 13, b is self.collect_button)
            b.setMinimumHeight(44)
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.collect_button, 2)
        card_buttons.addWidget(self.proxy_button, 1)
        card_buttons.addWidget(self.absent_button, 1)
        card_buttons.addWidget(self.reverse_button, 1)
        head = QHBoxLayout()
        head.addWidget(self.card_name, 1)
        head.addWidget(self.card_status, 0, Qt.AlignmentFlag.AlignTop)
        card_layout = QVBoxLayout(self.card)
        card_layout.addLayout(head)
        card_layout.addWidget(self.card_amount)
        card_layout.addLayout(grid)
        card_layout.addStretch(1)
        card_layout.addLayout(card_buttons)

        self.idle = QLabel(tr("Pindai kode QR pada kupon penerima, atau ketik NIK, No. KK atau nama lalu tekan "
                              "Enter.\n\nSetelah penerima tampil dan KTP-el/KK dicocokkan, tekan Enter sekali lagi "
                              "untuk menyerahkan bantuan.\n\nF2 diwakilkan · F3 tidak hadir · F4 batalkan catatan · "
                              "Esc bersihkan"))
        self.idle.setWordWrap(True)
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.idle, 14)
        self.idle.setStyleSheet("color:#595959")
        self.matches_page = QWidget()
        self.matches = plain_table([tr("No."), tr("Nama"), "NIK", tr("Desa/Kelurahan"), tr("Alamat"), tr("Status")])
        self.matches.doubleClicked.connect(lambda _: self.pick_match())
        matches_hint = QLabel(tr("Beberapa penerima cocok. Pilih dengan ↑/↓ lalu Enter, atau klik dua kali."))
        _font(matches_hint, 13, True)
        matches_layout = QVBoxLayout(self.matches_page)
        matches_layout.setContentsMargins(0, 0, 0, 0)
        matches_layout.addWidget(matches_hint)
        matches_layout.addWidget(self.matches, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.idle)
        self.stack.addWidget(self.card)
        self.stack.addWidget(self.matches_page)

        # the latest steps and everyone due
        self.log = QListWidget()
        self.log.setWordWrap(True)
        self.log.setAlternatingRowColors(True)
        _font(self.log, 11)
        self.log.itemDoubleClicked.connect(lambda _: self.show_selected_log())
        undo_step = QPushButton(tr("Batalkan langkah terpilih…"))
        undo_step.clicked.connect(lambda: self.reverse_selected_step())
        log_page = QWidget()
        log_layout = QVBoxLayout(log_page)
        log_layout.addWidget(self.log, 1)
        log_layout.addWidget(undo_step)
        self.list_status = QComboBox()
        self.list_status.addItem(tr("Semua"), None)
        for value, text in COLLECT_STATUS.items():
            self.list_status.addItem(tr(text), value)
        self.list_status.setCurrentIndex(1)  # menunggu: who has not come yet
        self.list_status.currentIndexChanged.connect(lambda _: self.refresh_list())
        self.everyone = plain_table([tr("No."), tr("Desa/Kelurahan"), tr("Nama"), tr("Status")])
        self.everyone.doubleClicked.connect(lambda _: self.show_from_list())
        show = QPushButton(tr("Tampilkan"))
        show.clicked.connect(lambda: self.show_from_list())
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.list_status)
        list_layout.addWidget(self.everyone, 1)
        list_layout.addWidget(show)
        self.side = QTabWidget()
        self.side.addTab(log_page, tr("Langkah terakhir"))
        self.side.addTab(list_page, tr("Daftar penerima"))
        self.side.currentChanged.connect(lambda _: self.refresh_list())

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
        layout.addLayout(tiles)
        layout.addWidget(self.bar)
        layout.addLayout(body, 1)

        for key, slot in (("F2", self.collect_by_proxy), ("F3", self.mark_absent), ("F4", self.reverse),
                          ("Esc", self.clear)):
            QShortcut(QKeySequence(key), self, activated=lambda slot=slot: slot())
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.resize(1366, 768)
        self.refresh()
        self.show_idle()

    # -- what the database says ------------------------------------------------------------------
    def refresh(self) -> None:
        """Header, progress, the log and the list: everything from the database, so a second desk
        on the same event (or this one reopened) shows the same."""
        with self.db.read() as s:
            event = get_event(s, self.event_id)
            programme = event.programme
            self.cash, self.unit = programme.form.value == "tunai", programme.unit
            self.closed = event.closed_at is not None
            closed_text = tr("Penyaluran ini sudah ditutup ({when}, oleh {by}). Pengambilan tidak bisa dicatat "
                             "lagi; buka kembali di Bantuan › Penyaluran bila perlu.").format(
                when=local_time(event.closed_at), by=event.closed_by) if self.closed else ""
            head = (f"<span style='font-size:16pt; font-weight:bold'>{event.name}</span><br>"
                    + tr("{programme} · {date} {time} · {place} · {amount} per penerima").format(
                        programme=f"{programme.name} – {programme.period}",
                        date=event.event_date.strftime("%d-%m-%Y"),
                        time=event.time_text or "", place=event.place,
                        amount=amount_text(programme.amount, self.cash, self.unit)))
            self.setWindowTitle(tr("Meja pengambilan — {name}").format(name=event.name))
            p = progress(s, self.event_id)
            steps = desk_log(s, self.event_id, limit=60)
        self.title.setText(head)
        self.closed_banner.setText(closed_text)
        self.closed_banner.setVisible(self.closed)
        self.numbers["collected"].setText(f"{number(p.collected)} / {number(p.due)}")
        self.numbers["proxy"].setText(number(p.by_proxy))
        self.numbers["absent"].setText(number(p.absent))
        self.numbers["waiting"].setText(number(p.waiting))
        self.numbers["amount"].setText(f"{amount_text(p.amount_collected, p.cash, p.unit)} / "
                                       f"{amount_text(p.amount_due, p.cash, p.unit)}")
        self.bar.setRange(0, max(p.due, 1))
        self.bar.setValue(p.collected)
        self.bar.setFormat(tr("{percent}% sudah diambil").format(percent=p.percent))
        self.progress = p
        selected = self.selected_log_allocation()
        self.log.clear()
        for step in steps:
            action = label(DESK_ACTIONS, step.action)
            text = f"{local_time(step.at, '%H.%M')}  " + (f"{step.name} — {action}" if step.allocation_id else
                                                           tr("Penyaluran {action}").format(action=action))
            if step.note:
                text += f": {step.note}"
            item = QListWidgetItem(text + f"  ({step.actor})")
            item.setData(Qt.ItemDataRole.UserRole, step.allocation_id)
            item.setToolTip(local_time(step.at))
            colour = {"diambil": "#006100", "tidak hadir": "#7F6000", "dibatalkan": "#9C0006",
                      "ditutup": "#595959", "dibuka kembali": "#1F3864"}.get(step.action)
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            self.log.addItem(item)
            if selected is not None and step.allocation_id == selected and not self.log.selectedItems():
                item.setSelected(True)
        self.refresh_list()

    def refresh_list(self) -> None:
        if self.side.currentIndex() != 1:
            return
        current = selected_ids(self.everyone)
        with self.db.read() as s:
            rows = desk_rows(s, self.event_id, self.list_status.currentData())
        fill_table(self.everyone, [(r.allocation_id, [str(r.row_no), r.desa or "", r.name,
                                                      label(COLLECT_STATUS, r.status)]) for r in rows], right=(0,))
        self.everyone.resizeColumnsToContents()
        self.everyone.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if current:
            for r in range(self.everyone.rowCount()):
                if self.everyone.item(r, 0).data(Qt.ItemDataRole.UserRole) == current[0]:
                    self.everyone.selectRow(r)

    def _reload_current(self) -> None:
        """The card's recipient as stored now (after a step here or at another desk)."""
        if self.current is None:
            return
        with self.db.read() as s:
            rows = [r for r in desk_rows(s, self.event_id) if r.allocation_id == self.current.allocation_id]
        if rows:
            self.show_card(rows[0], banner=False)

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
            if self.current.status == "diambil":
                self.show_banner(already_collected_message(self.current), "error")
            else:
                self.collect()
        self.focus_input()

    def find(self, text: str) -> list[DeskRow]:
        try:
            with self.db.read() as s:
                rows = lookup(s, self.event_id, text)
        except SimpulError as exc:
            self.show_idle()
            self.show_banner(exc.message, "error")
            self.focus_input()
            return []
        if not rows:
            self.show_idle()
            self.show_banner(tr("Tidak ditemukan: \"{text}\". Periksa ejaannya, atau cari dengan NIK, No. KK atau kode "
                                "kupon.").format(text=text), "warn")
        elif len(rows) == 1:
            self.show_card(rows[0])
        else:
            self.show_matches(rows)
        self.focus_input()
        return rows

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
        self.match_rows = rows
        fill_table(self.matches, [(r.allocation_id, [str(r.row_no), r.name, r.nik or "", r.desa or "", r.address,
                                                     label(COLLECT_STATUS, r.status)]) for r in rows], right=(0,))
        self.matches.resizeColumnsToContents()
        self.matches.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.matches.selectRow(0)
        self.stack.setCurrentWidget(self.matches_page)
        self.show_banner(tr("{n} penerima cocok dengan pencarian.").format(n=len(rows)), "info")

    def pick_match(self) -> None:
        ids = selected_ids(self.matches)
        row = next((r for r in self.match_rows if ids and r.allocation_id == ids[0]), None)
        if row is not None:
            self.show_card(row)
        self.focus_input()

    def show_card(self, row: DeskRow, banner: bool = True) -> None:
        self.current = row
        self.card_name.setText(row.name)
        self.card_status.setText(" " + label(COLLECT_STATUS, row.status).upper() + " ")
        self.card_status.setStyleSheet(STATUS_STYLE.get(row.status, "") + "; padding:4px; border-radius:4px")
        self.card_amount.setText(amount_text(row.amount, self.cash, self.unit))
        self.card_fields["nik"].setText(row.nik or tr("(tanpa NIK)"))
        self.card_fields["no_kk"].setText(row.no_kk or "–")
        self.card_fields["address"].setText(row.address or "–")
        self.card_fields["desa"].setText(row.desa or "–")
        self.card_fields["row_no"].setText(str(row.row_no))
        self.card_fields["code"].setText(row.code)
        self.collect_button.setEnabled(row.status != "diambil")
        self.proxy_button.setEnabled(row.status != "diambil")
        self.absent_button.setEnabled(row.status == "menunggu")
        self.reverse_button.setEnabled(row.status != "menunggu")
        self.stack.setCurrentWidget(self.card)
        if not banner:
            return
        if row.status == "diambil":
            self.show_banner(already_collected_message(row), "error")
        elif row.status == "tidak hadir":
            self.show_banner(tr("Tercatat tidak hadir: {reason}. Bila orangnya datang sekarang, cocokkan KTP-el lalu "
                                "tekan Enter untuk menyerahkan.").format(reason=row.absent_reason or "-"), "warn")
        else:
            self.show_banner(tr("Cocokkan KTP-el/KK dengan data di bawah, lalu tekan Enter untuk menyerahkan."),
                             "info")

    def show_from_list(self) -> None:
        ids = selected_ids(self.everyone)
        if ids:
            self.show_allocation(ids[0])

    def show_selected_log(self) -> None:
        allocation = self.selected_log_allocation()
        if allocation is not None:
            self.show_allocation(allocation)

    def show_allocation(self, allocation_id: int) -> None:
        with self.db.read() as s:
            rows = [r for r in desk_rows(s, self.event_id) if r.allocation_id == allocation_id]
        if rows:
            self.show_card(rows[0])
        self.focus_input()

    def reverse_selected_step(self) -> bool:
        """"Batalkan langkah terpilih": the step chosen in the log, else the recipient on the card."""
        if self.log.selectedItems() and self.selected_log_allocation() is None:
            self.show_banner(tr("Langkah ini tidak bisa dibatalkan di sini. Pilih langkah pengambilan atau tidak "
                                "hadir seorang penerima."), "warn")
            self.focus_input()
            return False
        return self.reverse(allocation_id=self.selected_log_allocation())

    def selected_log_allocation(self) -> int | None:
        items = self.log.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # -- the steps ----------------------------------------------------------------------------------
    def _done(self, allocation_id: int, text: str, kind: str = "ok") -> None:
        self.refresh()
        if self.current is not None and self.current.allocation_id == allocation_id:
            self._reload_current()
        self.show_banner(text, kind)
        self.changed.emit()
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
        try:
            with self.db.transaction() as s:
                collect(s, row.allocation_id, proxy_name=proxy_name, proxy_relation=proxy_relation,
                        proxy_nik=proxy_nik)
        except ValidationError as exc:
            return " ".join(f.message for f in exc.findings)
        except SimpulError as exc:
            self._reload_current()
            self.show_banner(exc.message, "error")
            self.focus_input()
            return exc.message
        amount = amount_text(row.amount, self.cash, self.unit)
        if proxy_name:
            text = tr("DISERAHKAN: {amount} untuk {name}, diterima oleh {proxy} ({relation}).").format(
                amount=amount, name=row.name, proxy=proxy_name.strip(), relation=(proxy_relation or "").strip())
        else:
            text = tr("DISERAHKAN: {amount} kepada {name}.").format(amount=amount, name=row.name)
        self._done(row.allocation_id, text)
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
        dialog = ProxyDialog(row.name, lambda n, r, k: self._proxy_save(n, r, k), self)
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
        try:
            with self.db.transaction() as s:
                mark_absent(s, row.allocation_id, reason)
        except ValidationError as exc:
            self.show_banner(" ".join(f.message for f in exc.findings), "error")
            self.focus_input()
            return False
        except SimpulError as exc:
            self._reload_current()
            self.show_banner(exc.message, "error")
            self.focus_input()
            return False
        self._done(row.allocation_id, tr("{name} dicatat tidak hadir: {reason}.").format(
            name=row.name, reason=reason.strip()), "warn")
        return True

    def reverse(self, reason: str | None = None, allocation_id: int | None = None) -> bool:
        """Take back a step (collected or absent) with a reason: the recipient on the card, or the
        step chosen in the log."""
        if allocation_id is None:
            row = self._need_card()
            if row is None:
                return False
            allocation_id = row.allocation_id
        with self.db.read() as s:
            target = next((r for r in desk_rows(s, self.event_id) if r.allocation_id == allocation_id), None)
        if target is None:
            return False
        if reason is None:
            dialog = ReasonDialog(
                tr("Batalkan catatan"),
                tr("Batalkan catatan \"{status}\" untuk {name}? Penerima kembali menunggu. Alasannya disimpan di "
                   "riwayat.").format(status=label(COLLECT_STATUS, target.status), name=target.name),
                REVERSE_REASONS, tr("Batalkan catatan"), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.focus_input()
                return False
            reason = dialog.text()
        try:
            with self.db.transaction() as s:
                reverse(s, allocation_id, reason)
        except ValidationError as exc:
            self.show_banner(" ".join(f.message for f in exc.findings), "error")
            self.focus_input()
            return False
        except SimpulError as exc:
            self.show_banner(exc.message, "error")
            self.focus_input()
            return False
        if self.current is None or self.current.allocation_id != allocation_id:
            self.current = target
            self.stack.setCurrentWidget(self.card)
        self._done(allocation_id, tr("Catatan untuk {name} dibatalkan; penerima kembali menunggu.").format(
            name=target.name), "warn")
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.focus_input()

