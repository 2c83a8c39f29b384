"""Mapping the PPKS values a kind of file uses that no spelling names ("LANSIA SEBATANG KARA"), like
the column mapping: once per kind of file, remembered; the rows that carry a value take its
category (already imported ones at once, later files when they are imported)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.i18n import number
from desktop.core.services.import_mappings import (
    NOT_A_CATEGORY,
    Mapped,
    UnmappedValue,
    category_choices,
    map_categories,
)
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen

# What mapping touches: the rows get PPKS records, attributed to their import.
MAPPED = Changes.of(Kind.PPKS, Kind.PERSON, Kind.FAMILY, Kind.IMPORT)


class CategoryMappingDialog(QDialog):
    """One line per value: how often it occurs and the category it stands for. Values of several
    kinds of file can be shown together; each choice is remembered for its own kind."""

    def __init__(self, ops: Operations, values: list[UnmappedValue], parent=None, *, imported: bool = True) -> None:
        super().__init__(parent)
        self.ops = ops
        self.values = values
        self.mapped: Mapped | None = None
        self.setWindowTitle(tr("Petakan kategori PPKS"))
        intro = QLabel(tr("Isi kolom kategori berikut tidak dikenali sebagai salah satu dari 26 kategori PPKS. "
                          "Pilih kategori yang dimaksud sekali saja: Simpul mengingatnya untuk berkas sejenis.")
                       + " " + (tr("Baris yang sudah diimpor langsung mendapat kategorinya.") if imported else
                                tr("Uji coba diulang dengan pilihan ini.")))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(values), 3)
        self.table.setHorizontalHeaderLabels([tr("Isi di berkas"), tr("Baris"), tr("Kategori PPKS")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        choices = [(tr("— belum dipetakan —"), None), (tr("Bukan kategori PPKS"), NOT_A_CATEGORY)]
        choices += [(f"{code} – {name}", no) for no, code, name in ops.read(category_choices)]
        for r, value in enumerate(values):
            self.table.setItem(r, 0, QTableWidgetItem(value.value))
            count = QTableWidgetItem(number(value.rows))
            self.table.setItem(r, 1, count)
            combo = QComboBox()
            for text, no in choices:
                combo.addItem(text, no)
            self.table.setCellWidget(r, 2, combo)
        self.table.resizeColumnToContents(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 420)

    def choose(self, row: int, category: int) -> None:
        """Pick `category` (a number, or NOT_A_CATEGORY) for the value on `row` (for tests too)."""
        combo = self.table.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(category))

    def choices(self) -> dict[str, dict[str, int]]:
        """source_key -> {value_key: category} for the values given a choice."""
        chosen: dict[str, dict[str, int]] = {}
        for r, value in enumerate(self.values):
            no = self.table.cellWidget(r, 2).currentData()
            if no is not None:
                chosen.setdefault(value.source_key, {})[value.value_key] = no
        return chosen

    def save(self) -> None:
        chosen = self.choices()
        if not chosen:
            self.reject()
            return

        def work(db) -> Mapped:
            done = [map_categories(db, key, mapping) for key, mapping in chosen.items()]
            return Mapped(*(sum(getattr(d, f) for d in done) for f in ("values", "records", "rows")))

        outcome = self.ops.call(work, parent=self, changes=MAPPED)
        if outcome:
            self.mapped = outcome.value
            self.accept()
