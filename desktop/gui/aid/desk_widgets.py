"""The parts of the check-in desk: the live numbers, the recipient's card, the proxy dialog and the
keys that move through a list of matches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import CollectStatus, DeskAction
from desktop.core.domain.money import figures
from desktop.core.errors import SimpulError
from desktop.core.i18n import number
from desktop.core.services.distribution_desk import DeskRow, Progress
from desktop.gui.aid.common import AMBER, BLUE, GREEN, GREY, RED, RowsModel, fit_columns, table_view
from desktop.gui.shared.lazy_model import Column
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
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
STATUS_STYLE = {CollectStatus.DUE: "background:#DDEBF7; color:#1F3864",
                CollectStatus.COLLECTED: "background:#C6EFCE; color:#006100",
                CollectStatus.ABSENT: "background:#FFEB9C; color:#7F6000"}
LOG_COLOURS = {DeskAction.COLLECTED: GREEN, DeskAction.ABSENT: AMBER, DeskAction.REVERSED: RED,
               DeskAction.EVENT_CLOSED: GREY, DeskAction.EVENT_REOPENED: BLUE}


def set_font(widget: QWidget, points: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


def already_collected_message(row: DeskRow) -> str:
    """The service's own refusal (aid.already_collected), so the banner reads the same whether the
    coupon was scanned again or Serahkan was pressed."""
    return SimpulError("aid.already_collected", name=row.name, when=local_text(row.collected_at),
                       by=row.collected_by, who=row.proxy_name or row.name).message


class ProgressTiles(QWidget):
    """The live numbers in tiles (collected of due, by proxy, absent, waiting, amount handed out)
    and a bar, all from the event's aggregate."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        tiles = QHBoxLayout()
        tiles.setContentsMargins(0, 0, 0, 0)
        self.numbers: dict[str, QLabel] = {}
        for key, caption in STATS:
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            value = QLabel("–")
            set_font(value, 18, True)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.bar)

    def show_progress(self, p: Progress) -> None:
        self.numbers["collected"].setText(f"{number(p.collected)} / {number(p.due)}")
        self.numbers["proxy"].setText(number(p.by_proxy))
        self.numbers["absent"].setText(number(p.absent))
        self.numbers["waiting"].setText(number(p.waiting))
        self.numbers["amount"].setText(f"{figures(p.amount_collected, p.cash, p.unit)} / "
                                       f"{figures(p.amount_due, p.cash, p.unit)}")
        self.bar.setRange(0, max(p.due, 1))
        self.bar.setValue(p.collected)
        self.bar.setFormat(tr("{percent}% sudah diambil").format(percent=p.percent))


class RecipientCard(QFrame):
    """The recipient, big, to match against the KTP-el/KK, with the four steps as buttons."""

    FIELDS = (("nik", "NIK"), ("no_kk", N_("No. KK")), ("address", N_("Alamat")), ("desa", N_("Desa/Kelurahan")),
              ("row_no", N_("No. urut")), ("code", N_("Kode kupon")))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        set_font(self.name, 26, True)
        self.name.setWordWrap(True)
        self.status = QLabel()
        set_font(self.status, 14, True)
        self.amount = QLabel()
        set_font(self.amount, 22, True)
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, (key, caption) in enumerate(self.FIELDS):
            name = QLabel(tr(caption) + ":")
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            set_font(value, 14, key in ("nik", "row_no"))
            set_font(name, 12)
            grid.addWidget(name, i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.fields[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.collect_button = QPushButton(tr("Serahkan (Enter)"))
        self.collect_button.setStyleSheet("QPushButton:enabled { background:#006100; color:white }"
                                          "QPushButton { font-weight:bold; padding:10px 18px }")
        self.proxy_button = QPushButton(tr("Diwakilkan… (F2)"))
        self.absent_button = QPushButton(tr("Tidak hadir… (F3)"))
        self.reverse_button = QPushButton(tr("Batalkan catatan… (F4)"))
        buttons = QHBoxLayout()
        for b in (self.collect_button, self.proxy_button, self.absent_button, self.reverse_button):
            set_font(b, 13, b is self.collect_button)
            b.setMinimumHeight(44)
            buttons.addWidget(b, 2 if b is self.collect_button else 1)
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.amount)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_row(self, row: DeskRow, amount: str) -> None:
        self.name.setText(row.name)
        self.status.setText(" " + label(row.status).upper() + " ")
        self.status.setStyleSheet(STATUS_STYLE[row.status] + "; padding:4px; border-radius:4px")
        self.amount.setText(amount)
        self.fields["nik"].setText(row.nik or tr("(tanpa NIK)"))
        self.fields["no_kk"].setText(row.no_kk or "–")
        self.fields["address"].setText(row.address or "–")
        self.fields["desa"].setText(row.desa or "–")
        self.fields["row_no"].setText(str(row.row_no))
        self.fields["code"].setText(row.code)
        collected = row.status is CollectStatus.COLLECTED
        self.collect_button.setEnabled(not collected)
        self.proxy_button.setEnabled(not collected)
        self.absent_button.setEnabled(row.status is CollectStatus.DUE)
        self.reverse_button.setEnabled(row.status is not CollectStatus.DUE)


def idle_hint() -> QLabel:
    idle = QLabel(tr("Pindai kode QR pada kupon penerima, atau ketik NIK, No. KK atau nama lalu tekan "
                     "Enter.\n\nSetelah penerima tampil dan KTP-el/KK dicocokkan, tekan Enter sekali lagi "
                     "untuk menyerahkan bantuan.\n\nF2 diwakilkan · F3 tidak hadir · F4 batalkan catatan · "
                     "Esc bersihkan"))
    idle.setWordWrap(True)
    idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_font(idle, 14)
    idle.setStyleSheet("color:#595959")
    return idle


class MatchesPage(QWidget):
    """Several recipients match what was typed (at most a lookup's limit): pick one."""

    COLUMNS = [Column(N_("No."), lambda r: str(r.row_no), align_right=True), Column(N_("Nama"), lambda r: r.name),
               Column("NIK", lambda r: r.nik or ""), Column(N_("Desa/Kelurahan"), lambda r: r.desa or ""),
               Column(N_("Alamat"), lambda r: r.address), Column(N_("Status"), lambda r: label(r.status))]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = RowsModel(self.COLUMNS, key=lambda r: r.allocation_id, parent=self)
        self.view = table_view(self.model)
        hint = QLabel(tr("Beberapa penerima cocok. Pilih dengan ↑/↓ lalu Enter, atau klik dua kali."))
        set_font(hint, 13, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)

    def show_rows(self, rows: list[DeskRow]) -> None:
        self.model.set_rows(rows)
        fit_columns(self.view, 320, stretch=4)
        self.view.selectRow(0)


class ProxyDialog(QDialog):
    """Collection by someone else: their name, how they are related, and (if shown) their NIK.
    `save(name, relation, nik)` records it and returns an error text, or None when done."""

    def __init__(self, recipient: str, save: Callable[[str, str, str], str | None], parent=None) -> None:
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


class MatchKeys(QObject):
    """Up/Down in the big input move through a list of matches, so the hands stay on the keyboard."""

    def __init__(self, table: QTableView, active: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self.table, self.active = table, active

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) \
                and self.active():
            row = self.table.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.table.model().rowCount():
                self.table.selectRow(row)
            return True
        return False
