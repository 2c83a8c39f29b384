"""Beranda: active PPKS per category (a chart) and per desa, PSKS per type, and data-quality
warnings that open the records behind them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.services.referrals import overdue
from desktop.core.i18n import number
from desktop.core.services.dashboard import Dashboard, dashboard
from desktop.core.services.lists import PersonFilter
from desktop.gui.i18n import N_, tr

QUALITY_FILTERS = {
    "without_nik": PersonFilter(without_nik=True),
    "nik_mismatch": PersonFilter(nik_mismatch=True),
    "duplicates": PersonFilter(duplicates=True),
    "no_head": PersonFilter(family_without_head=True),
}


def _n(value: int) -> str:
    return number(value)


QUALITY_LABELS = {
    "without_nik": N_("Penduduk tanpa NIK"),
    "nik_mismatch": N_("NIK tidak cocok dengan tanggal lahir atau jenis kelamin"),
    "duplicates": N_("Kemungkinan data ganda (nama dan tanggal lahir sama)"),
    "no_head": N_("Keluarga tanpa kepala keluarga"),
}


class BarChart(QWidget):
    """Horizontal bars, one per category with records; drawn by hand (QtCharts is not shipped)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, str, int]]) -> None:
        self.items = items
        self.setToolTip("\n".join(f"{code}: {name} – {_n(n)}" for code, name, n in items))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(120, 22 * len(self.items)))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.items:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Belum ada PPKS aktif."))
            return
        top = max(n for _, _, n in self.items) or 1
        row = min(24.0, self.height() / len(self.items))
        label_w, value_w = 64, 56
        bar_w = max(10.0, self.width() - label_w - value_w - 8)
        for i, (code, _name, n) in enumerate(self.items):
            y = i * row
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w - 6, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       code)
            width = bar_w * n / top
            p.fillRect(QRectF(label_w, y + row * 0.18, width, row * 0.64), QColor("#1F6F5C"))
            p.drawText(QRectF(label_w + width + 4, y, value_w, row),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _n(n))


class DashboardPage(QWidget):
    show_persons = Signal(object)  # a PersonFilter
    show_referrals = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.chart = BarChart()
        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.verticalHeader().setVisible(False)
        self.psks = QTableWidget(0, 2)
        self.psks.setHorizontalHeaderLabels([tr("Jenis PSKS"), tr("Aktif")])
        self.psks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.psks.verticalHeader().setVisible(False)
        self.psks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quality = QListWidget()
        self.quality.itemActivated.connect(self._open_quality)
        self.quality.itemClicked.connect(self._open_quality)

        chart_box = QGroupBox(tr("PPKS aktif per kategori"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        matrix_box = QGroupBox(tr("PPKS aktif per desa/kelurahan"))
        QVBoxLayout(matrix_box).addWidget(self.matrix)
        psks_box = QGroupBox(tr("PSKS per jenis"))
        QVBoxLayout(psks_box).addWidget(self.psks)
        quality_box = QGroupBox(tr("Kualitas data (klik untuk melihat datanya)"))
        QVBoxLayout(quality_box).addWidget(self.quality)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(chart_box, 0, 0, 3, 1)
        grid.addWidget(matrix_box, 0, 1)
        grid.addWidget(psks_box, 1, 1)
        grid.addWidget(quality_box, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 3)
        self.quality.setMaximumHeight(100)
        for table in (self.matrix, self.psks):
            table.verticalHeader().setDefaultSectionSize(22)
        self.data: Dashboard | None = None
        self.refresh()

    def refresh(self) -> None:
        with self.db.read() as s:
            data = dashboard(s)
            late = len(overdue(s))
        self.data = data
        used = [(no, code, name) for no, code, name in data.categories if data.category_total(no)]
        self.chart.set_items([(code, name, data.category_total(no)) for no, code, name in used])
        self.matrix.clear()
        self.matrix.setColumnCount(len(used) + 2)
        self.matrix.setRowCount(len(data.desa) + 1)
        self.matrix.setHorizontalHeaderLabels([tr("Desa/Kelurahan"), *[code for _, code, _ in used], tr("Jumlah")])
        for c, (_, code, name) in enumerate(used, start=1):
            self.matrix.horizontalHeaderItem(c).setToolTip(name)
        for r, (code, name) in enumerate(data.desa):
            self.matrix.setItem(r, 0, QTableWidgetItem(name))
            for c, (no, _, _) in enumerate(used, start=1):
                self._number(r, c, data.ppks.get((code, no), 0))
            self._number(r, len(used) + 1, data.desa_total(code))
        last = len(data.desa)
        total = QTableWidgetItem(tr("Jumlah"))
        font = total.font()
        font.setBold(True)
        total.setFont(font)
        self.matrix.setItem(last, 0, total)
        for c, (no, _, _) in enumerate(used, start=1):
            self._number(last, c, data.category_total(no), bold=True)
        self._number(last, len(used) + 1, sum(data.ppks.values()), bold=True)
        self.matrix.resizeColumnsToContents()
        self.psks.setRowCount(len(data.psks))
        for r, (code, name, n) in enumerate(data.psks):
            self.psks.setItem(r, 0, QTableWidgetItem(f"{code} – {name}"))
            item = QTableWidgetItem(_n(n))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.psks.setItem(r, 1, item)
        self.quality.clear()
        for key, _label, n in data.quality:
            item = QListWidgetItem(f"{'⚠' if n else '✓'}  {tr(QUALITY_LABELS[key])}: {_n(n)}")
            item.setData(Qt.ItemDataRole.UserRole, key if n else None)
            self.quality.addItem(item)
        item = QListWidgetItem(f"{'⚠' if late else '✓'}  {tr('Rujukan lewat waktu tindak lanjut')}: {_n(late)}")
        item.setData(Qt.ItemDataRole.UserRole, "referrals" if late else None)
        self.quality.addItem(item)

    def _number(self, r: int, c: int, value: int, bold: bool = False) -> None:
        item = QTableWidgetItem(_n(value) if value else "·")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.matrix.setItem(r, c, item)

    def _open_quality(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == "referrals":
            self.show_referrals.emit()
        elif key:
            self.show_persons.emit(QUALITY_FILTERS[key])
