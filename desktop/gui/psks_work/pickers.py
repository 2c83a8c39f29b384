"""Pieces the PSKS-work dialogs share: picking registered persons and families by name, NIK or
No. KK, and a row of photo thumbnails (files chosen in a dialog, resized by the service)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.io.photos import MAX_PHOTOS
from desktop.core.services.activities import Holder, find_holders
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations

THUMB = QSize(96, 72)


class HolderPicker(QWidget):
    """A search field with its matches, and the chosen persons/families (one or many)."""

    changed = Signal()

    def __init__(self, ops: Operations, many: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.many = ops, many
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, NIK atau No. KK (paling sedikit 3 huruf)…"))
        self.search.textChanged.connect(self.find)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(90)
        self.matches.itemDoubleClicked.connect(self._take)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(70 if many else 30)
        add = QPushButton(tr("Tambahkan") if many else tr("Pilih"))
        add.clicked.connect(lambda: self._take(self.matches.currentItem()))
        remove = QPushButton(tr("Hapus dari daftar"))
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addLayout(buttons)
        layout.addWidget(self.chosen)

    def find(self, text: str) -> None:
        self.matches.clear()
        for holder in self.ops.read(lambda s: find_holders(s, text)):
            item = QListWidgetItem(holder.label)
            item.setData(Qt.ItemDataRole.UserRole, holder)
            self.matches.addItem(item)

    def _take(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.add(item.data(Qt.ItemDataRole.UserRole))

    def add(self, holder: Holder) -> None:
        if not self.many:
            self.chosen.clear()
        if holder in self.holders():
            return
        item = QListWidgetItem(holder.label)
        item.setData(Qt.ItemDataRole.UserRole, holder)
        self.chosen.addItem(item)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.changed.emit()

    def holders(self) -> list[Holder]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]

    def person_ids(self) -> list[int]:
        return [h.person_id for h in self.holders() if h.person_id]

    def family_ids(self) -> list[int]:
        return [h.family_id for h in self.holders() if h.family_id]


class PhotoStrip(QWidget):
    """Up to five photos as thumbnails: those kept already (by id) and new files (by bytes)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = QListWidget()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(THUMB)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setFixedHeight(THUMB.height() + 34)
        self.removed: list[int] = []  # ids of kept photos to delete on saving
        # each item holds (is new, bytes) or (False, the kept photo's id)
        add = QPushButton(tr("Tambah foto…"))
        add.clicked.connect(lambda: self.choose())
        remove = QPushButton(tr("Hapus foto"))
        remove.clicked.connect(self.remove)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(side)

    def _item(self, content: bytes, caption: str, data) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(content)
        item = QListWidgetItem(QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation)), caption)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setToolTip(caption)
        self.view.addItem(item)

    def show_kept(self, photo_id: int, content: bytes, caption: str) -> None:
        self._item(content, caption, (False, photo_id))

    def choose(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, tr("Pilih foto"), "",
                                                    tr("Foto (*.jpg *.jpeg *.png *.heic *.webp)"))
        for path in paths:
            if self.view.count() >= MAX_PHOTOS:
                QMessageBox.information(self, "Simpul", tr("Paling banyak {n} foto.").format(n=MAX_PHOTOS))
                return
            content = Path(path).read_bytes()
            self._item(content, Path(path).name, (True, content))

    def remove(self) -> None:
        item = self.view.currentItem()
        if item is None:
            return
        is_new, value = item.data(Qt.ItemDataRole.UserRole)
        if not is_new:
            self.removed.append(value)
        self.view.takeItem(self.view.row(item))

    def new_photos(self) -> list[bytes]:
        out = []
        for i in range(self.view.count()):
            is_new, value = self.view.item(i).data(Qt.ItemDataRole.UserRole)
            if is_new:
                out.append(value)
        return out
