"""The photos of an usulan baru: up to three thumbnails (tampak depan, dalam rumah, KK) with when
and where each was taken, added from a file (made a JPEG of at most 1 MB that keeps its EXIF time
and GPS) and removed with one click. Each change is written at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.i18n import number
from desktop.core.services import proposals
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations

THUMB_W, THUMB_H = 150, 112


def photo_text(photo: proposals.PhotoRow) -> str:
    """Caption, size, and the time and place the camera wrote (or that it wrote none)."""
    parts = [photo.caption or tr("(tanpa keterangan)"), f"{number(round(photo.size / 1024))} KB"]
    parts.append(tr("diambil {when}").format(when=photo.taken_at.strftime("%d-%m-%Y %H.%M")) if photo.taken_at
                 else tr("tanpa waktu foto"))
    if photo.latitude is not None and photo.longitude is not None:
        parts.append(f"GPS {photo.latitude:.5f}, {photo.longitude:.5f}")
    else:
        parts.append(tr("tanpa GPS"))
    return "\n".join(parts)


class PhotoSlot(QFrame):
    def __init__(self, pixmap: QPixmap | None, text: str, on_remove: Callable[[], None] | None, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        picture = QLabel()
        picture.setFixedSize(THUMB_W, THUMB_H)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if pixmap is not None and not pixmap.isNull():
            picture.setPixmap(pixmap.scaled(THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        else:
            picture.setText(tr("(foto tidak terbaca)"))
        caption = QLabel(text)
        caption.setWordWrap(True)
        caption.setStyleSheet("font-size: 11px")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(picture)
        layout.addWidget(caption)
        if on_remove is not None:
            remove = QPushButton(tr("Hapus foto"))
            remove.clicked.connect(on_remove)
            layout.addWidget(remove)
        self.setFixedWidth(THUMB_W + 12)


class PhotosBox(QGroupBox):
    """`saved_id()` returns the proposal's id, saving a new form first (None when it cannot)."""

    def __init__(self, ops: Operations, saved_id: Callable[[], int | None], parent=None) -> None:
        super().__init__(tr("Foto (paling banyak {n}: tampak depan, dalam rumah, KK)").format(n=proposals.MAX_PHOTOS),
                         parent)
        self.ops, self.saved_id = ops, saved_id
        self.editable = True
        self.photos: tuple[proposals.PhotoRow, ...] = ()
        self.row = QHBoxLayout()
        self.add_button = QPushButton(tr("Tambah foto…"))
        self.add_button.clicked.connect(self.add)
        hint = QLabel(tr("Foto diperkecil sampai paling besar 1 MB; waktu dan lokasi GPS di foto tetap tersimpan."))
        hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(hint)
        side.addStretch(1)
        holder = QWidget()
        holder.setLayout(side)
        holder.setMinimumWidth(180)
        layout = QHBoxLayout(self)
        layout.addLayout(self.row)
        layout.addWidget(holder, 1)

    def show_photos(self, photos: tuple[proposals.PhotoRow, ...], editable: bool) -> None:
        self.photos, self.editable = photos, editable
        while self.row.count():
            widget = self.row.takeAt(0).widget()
            if widget is not None:  # gone now, not at the next turn of the event loop
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        contents = self.ops.read(lambda s: [proposals.photo_content(s, p.id) for p in photos]) if photos else []
        for photo, content in zip(photos, contents, strict=True):
            pixmap = QPixmap()
            pixmap.loadFromData(content)
            remove = (lambda pid=photo.id: self.remove(pid)) if editable else None
            self.row.addWidget(PhotoSlot(pixmap, photo_text(photo), remove))
        if not photos:
            empty = QLabel(tr("Belum ada foto."))
            empty.setFixedWidth(THUMB_W)
            self.row.addWidget(empty)
        self.add_button.setEnabled(editable and len(photos) < proposals.MAX_PHOTOS)

    def reload(self, proposal_id: int) -> None:
        form = self.ops.read(lambda s: proposals.proposal_form(s, proposal_id))
        self.show_photos(form.photos, form.editable)

    def add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Foto"), "", tr("Foto (*.jpg *.jpeg *.png)"))
        if path:
            caption, ok = QInputDialog.getText(self, tr("Foto"), tr("Keterangan foto (tampak depan, dalam rumah, KK):"))
            if ok:
                self.add_file(Path(path), caption)

    def add_file(self, path: Path, caption: str = "") -> bool:
        try:
            content = path.read_bytes()
        except OSError as exc:  # a file, not the registry: gone, or on a card pulled out
            QMessageBox.warning(self, tr("Foto"), tr("Berkas foto tidak bisa dibaca: {error}").format(error=exc))
            return False
        proposal_id = self.saved_id()
        if proposal_id is None:
            return False
        done = self.ops.write(lambda s: proposals.add_photo(s, proposal_id, content, caption).id, parent=self,
                              changes=Changes.updated(Kind.PROPOSAL, [proposal_id]))
        if done:
            self.reload(proposal_id)
        return bool(done)

    def remove(self, photo_id: int) -> None:
        proposal_id = self.saved_id()
        if proposal_id is not None and self.ops.write(lambda s: proposals.remove_photo(s, photo_id), parent=self,
                                                      changes=Changes.updated(Kind.PROPOSAL, [proposal_id])):
            self.reload(proposal_id)


__all__ = ["PhotosBox", "photo_text"]
