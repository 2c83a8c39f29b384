"""Beranda: active PPKS per category (a chart) and per desa, PSKS per type, and data-quality
warnings that open the records behind them. An office with no person and no family yet sees
where to start instead (import the regency's file, add a person, try the demo data).

The PPKS and PSKS numbers come from small tables and are read when the page is built; the
data-quality counts look at every person, so they are counted on the database worker once the
page is on screen, and shown when ready (the window neither waits for them nor shares its first
moments with them)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.i18n import number
from desktop.core.services.dashboard import (
    COMPLAINTS_LATE,
    COMPLAINTS_OPEN,
    DUPLICATES,
    FOLLOW_UPS,
    MONTHS_OPEN,
    ROUNDS_DUE,
    SK_ENDING,
    VISITS_LATE,
    VISITS_WEEK,
    NIK_MISMATCH,
    NO_HEAD,
    OVERDUE_REFERRALS,
    QUALITY_CHECKS,
    WITHOUT_NIK,
    Dashboard,
    dashboard,
    follow_ups,
    quality,
)
from desktop.core.services.lists import PersonFilter
from desktop.core.services.queries import office_summary
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations, error_text
from desktop.gui.shared.page import Page

QUALITY_FILTERS = {
    WITHOUT_NIK: PersonFilter(without_nik=True),
    NIK_MISMATCH: PersonFilter(nik_mismatch=True),
    DUPLICATES: PersonFilter(duplicates=True),
    NO_HEAD: PersonFilter(family_without_head=True),
}
QUALITY_LABELS = {
    WITHOUT_NIK: N_("Penduduk tanpa NIK"),
    NIK_MISMATCH: N_("NIK tidak cocok dengan tanggal lahir atau jenis kelamin"),
    DUPLICATES: N_("Kemungkinan data ganda (nama dan tanggal lahir sama)"),
    NO_HEAD: N_("Keluarga tanpa kepala keluarga"),
    OVERDUE_REFERRALS: N_("Rujukan lewat waktu tindak lanjut"),
}
FOLLOW_LABELS = {
    COMPLAINTS_LATE: N_("Pengaduan lewat batas jawab"),
    COMPLAINTS_OPEN: N_("Pengaduan belum selesai"),
    ROUNDS_DUE: N_("Putaran verivali berakhir dalam 7 hari"),
    VISITS_WEEK: N_("Kunjungan rumah jatuh tempo minggu ini"),
    VISITS_LATE: N_("Kunjungan rumah terlambat"),
    SK_ENDING: N_("SK PSKS berakhir dalam 30 hari"),
    MONTHS_OPEN: N_("Laporan bulanan belum ditutup"),
}
# Where each follow-up is handled (a section of the main window).
FOLLOW_SECTIONS = {COMPLAINTS_LATE: "verivali", COMPLAINTS_OPEN: "verivali", ROUNDS_DUE: "verivali",
                   VISITS_WEEK: "psks_work", VISITS_LATE: "psks_work", SK_ENDING: "psks",
                   MONTHS_OPEN: "psks_work"}
# What each count depends on: the numbers are re-read only when one of their kinds changed.
NUMBER_KINDS = (Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.PSKS)
QUALITY_KINDS = (Kind.PERSON, Kind.FAMILY, Kind.REFERRAL, Kind.PSKS, Kind.COMPLAINT, Kind.VERIVALI, Kind.VISIT,
                 Kind.MONTH_REPORT)


def _n(value: int) -> str:
    return number(value)


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


class StartPanel(QFrame):
    """"Mulai dari sini": the three ways to fill an empty registry, each with one line on what it does."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(600)  # wide enough that each note wraps to two lines at most
        self.setMaximumWidth(720)
        title = QLabel(tr("Mulai dari sini"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(tr("Belum ada penduduk maupun keluarga di berkas kantor ini. Pilih cara untuk memulai:"))
        intro.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(12)
        layout.addWidget(title, 0, 0, 1, 2)
        layout.addWidget(intro, 1, 0, 1, 2)
        self.import_button = QPushButton(tr("Impor berkas dari Dinas Sosial…"))
        self.add_button = QPushButton(tr("Tambah penduduk…"))
        self.demo_button = QPushButton(tr("Coba dengan data contoh"))
        rows = (
            (self.import_button, tr("Berkas Excel atau CSV dari kabupaten/kota (mis. DTKS): penduduk, keluarga "
                                    "dan kategori PPKS masuk sekaligus. Juga lewat Ctrl+I.")),
            (self.add_button, tr("Ketik data warga satu per satu, misalnya yang datang ke kantor.")),
            (self.demo_button, tr("Isi berkas ini dengan data buatan untuk mengenal aplikasi.")),
        )
        for r, (button, text) in enumerate(rows, start=2):
            button.setMinimumWidth(button.sizeHint().width() + 16)
            note = QLabel(text)
            note.setWordWrap(True)
            layout.addWidget(button, r, 0)
            layout.addWidget(note, r, 1)
        layout.setColumnStretch(1, 1)
        self.import_button.setDefault(True)


class DashboardPage(Page):
    SHOWS = frozenset({Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.PSKS, Kind.REFERRAL, Kind.COMPLAINT,
                       Kind.VERIVALI, Kind.VISIT, Kind.MONTH_REPORT})
    show_persons = Signal(object)  # a PersonFilter
    show_section = Signal(str)  # a follow-up's section: "verivali", "psks_work", "psks"
    show_referrals = Signal()
    start_import = Signal()  # "Mulai dari sini": open the import wizard
    add_person = Signal()  # "Mulai dari sini": open the persons list and its add-person dialog

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
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
        self.follow = QListWidget()
        self.follow.itemActivated.connect(self._open_follow_up)
        self.follow.itemClicked.connect(self._open_follow_up)

        chart_box = QGroupBox(tr("PPKS aktif per kategori"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)
        self.sensitive = QLabel()  # a role without "data sensitif": those categories together only
        self.sensitive.setWordWrap(True)
        self.sensitive.hide()
        chart_layout.addWidget(self.sensitive)
        matrix_box = QGroupBox(tr("PPKS aktif per desa/kelurahan"))
        QVBoxLayout(matrix_box).addWidget(self.matrix)
        psks_box = QGroupBox(tr("PSKS per jenis"))
        QVBoxLayout(psks_box).addWidget(self.psks)
        # Only a role that may open the registry is invited to click through to the records.
        quality_box = QGroupBox(tr("Kualitas data (klik untuk melihat datanya)") if ops.can(Right.REGISTRY_VIEW)
                                else tr("Kualitas data"))
        QVBoxLayout(quality_box).addWidget(self.quality)
        follow_box = QGroupBox(tr("Perlu ditindaklanjuti"))
        QVBoxLayout(follow_box).addWidget(self.follow)
        checks = QHBoxLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        checks.addWidget(quality_box, 1)
        checks.addWidget(follow_box, 1)
        self.start = StartPanel()
        self.start.import_button.clicked.connect(self.start_import)
        self.start.add_button.clicked.connect(self.add_person)
        self.start.demo_button.clicked.connect(self.fill_demo)
        self.start.import_button.setEnabled(ops.can(Right.IMPORT))
        self.start.add_button.setEnabled(ops.can(Right.REGISTRY_EDIT))
        self.start.demo_button.setEnabled(ops.can(Right.REGISTRY_EDIT))
        # An empty registry shows the start panel instead of charts full of zeros and ticks.
        self.overview = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.start, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.overview, 1)
        self.empty = False
        grid = QGridLayout(self.overview)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(chart_box, 0, 0, 3, 1)
        grid.addWidget(matrix_box, 0, 1)
        grid.addWidget(psks_box, 1, 1)
        grid.addLayout(checks, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 3)
        for checks_list in (self.quality, self.follow):  # long lines wrap instead of scrolling sideways
            checks_list.setMaximumHeight(130)
            checks_list.setWordWrap(True)
            checks_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for table in (self.matrix, self.psks):
            table.verticalHeader().setDefaultSectionSize(22)
        self.data: Dashboard | None = None
        self.counts: dict[str, int] | None = None  # the data-quality counts, once counted
        self._counting = False  # one count at a time; changes meanwhile ask for one more after it
        self._again = False
        self._painted = False  # nothing is counted before the first screen is drawn
        self._show_counts(None)
        self.refresh()

    def refresh(self) -> None:
        self.refresh_numbers()
        self.refresh_quality()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*NUMBER_KINDS):
            self.refresh_numbers()
        if changes.touches(*QUALITY_KINDS):
            self.refresh_quality()

    # -- an empty registry -------------------------------------------------------------------
    def _show_start(self) -> None:
        summary = self.ops.read(office_summary)
        self.empty = summary is not None and summary.persons == 0 and summary.families == 0
        self.start.setVisible(self.empty)
        self.overview.setVisible(not self.empty)

    def confirm_demo(self, families: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Simpul", tr("Isi berkas ini dengan data contoh?"),
                          parent=self)
        box.setInformativeText(tr(
            "Data contoh adalah data buatan, bukan warga sungguhan: {families} keluarga dengan penduduk, PPKS, "
            "PSKS, rujukan dan bantuan, serta nama penandatangan contoh bila belum diisi. Data ini masuk ke "
            "berkas kantor ini dan hanya dapat dihapus dengan memulai berkas baru.\n\nUntuk mencoba tanpa "
            "menyentuh berkas ini, tutup Simpul lalu jalankan \"simpul --demo\": data contoh dibuka di "
            "berkas tersendiri.").format(families=_n(families)))
        fill = box.addButton(tr("Isi dengan data contoh"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is fill

    def fill_demo(self) -> None:
        # Imported here: the demo generator is not part of the first screen (see its start-up test).
        from desktop.core.services import demo
        from desktop.core.services.startup import DEMO_FAMILIES

        if not self.confirm_demo(DEMO_FAMILIES):
            return
        self.ops.run(lambda db, progress: demo.generate(db, DEMO_FAMILIES, progress=progress), parent=self,
                     session=None, label=tr("Membuat data contoh…"), changes=Changes.everything())

    # -- PPKS and PSKS ----------------------------------------------------------------------
    def refresh_numbers(self) -> None:
        self._show_start()
        data = self.data = self.ops.read(dashboard)
        used = [(no, code, name) for no, code, name in data.categories if data.category_total(no)]
        self.chart.set_items([(code, name, data.category_total(no)) for no, code, name in used])
        self.sensitive.setVisible(data.sensitive_total is not None)
        if data.sensitive_total is not None:
            shown = data.sensitive_total if isinstance(data.sensitive_total, str) else _n(data.sensitive_total)
            self.sensitive.setText(tr("Kategori sensitif (ODHA, NAPZA, korban kekerasan dan lainnya), digabung untuk "
                                      "satu kecamatan: {n}").format(n=shown))
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

    def _number(self, r: int, c: int, value: int, bold: bool = False) -> None:
        item = QTableWidgetItem(_n(value) if value else "·")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.matrix.setItem(r, c, item)

    # -- data quality -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.refresh_quality)  # after this paint, not during it

    def refresh_quality(self) -> None:
        """Count on the worker; the list keeps the last counts (or "…") until the new ones come."""
        if not self._painted:
            return  # the first paint asks for them
        if self._counting:
            self._again = True
            return
        self._counting = True
        self.ops.run(lambda session, _progress: {**quality(session), **follow_ups(session)}, parent=self,
                     session="read",
                     label=tr("Memeriksa kualitas data…"), show_progress=False,
                     on_done=self._counted, on_error=self._count_failed)

    def _counted(self, counts: dict[str, int]) -> None:
        if shiboken6.isValid(self):  # the page may be gone meanwhile
            self.counts = counts
            self._show_counts(counts)
            self._count_done()

    def _count_failed(self, exc: BaseException) -> None:
        # Not worth a message box over the first screen: the list says it, the lists still work.
        if shiboken6.isValid(self):
            self.quality.clear()
            self.quality.addItem(tr("Kualitas data belum dapat diperiksa: {reason}").format(reason=error_text(exc)))
            self._count_done()

    def _count_done(self) -> None:
        self._counting = False
        if self._again:
            self._again = False
            self.refresh_quality()

    def _show_counts(self, counts: dict[str, int] | None) -> None:
        self.follow.clear()
        for key in FOLLOW_UPS:
            n = None if counts is None else counts.get(key, 0)
            mark = "…" if n is None else "⚠" if n else "✓"
            item = QListWidgetItem(f"{mark}  {tr(FOLLOW_LABELS[key])}: {'…' if n is None else _n(n)}")
            item.setData(Qt.ItemDataRole.UserRole, FOLLOW_SECTIONS[key] if n else None)
            self.follow.addItem(item)
        self.quality.clear()
        for key in QUALITY_CHECKS:
            n = None if counts is None else counts[key]
            mark = "…" if n is None else "⚠" if n else "✓"
            item = QListWidgetItem(f"{mark}  {tr(QUALITY_LABELS[key])}: {'…' if n is None else _n(n)}")
            item.setData(Qt.ItemDataRole.UserRole, key if n else None)
            self.quality.addItem(item)

    def _open_follow_up(self, item: QListWidgetItem) -> None:
        section = item.data(Qt.ItemDataRole.UserRole)
        if section:
            self.show_section.emit(section)

    def _open_quality(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == OVERDUE_REFERRALS:
            self.show_referrals.emit()
        elif key:
            self.show_persons.emit(QUALITY_FILTERS[key])
