"""Add or change one PSKS activity: who, when, where, what kind, the narrative, the persons and
families served (from the registry) and up to five photos."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ActivityKind
from desktop.core.services.activities import (
    ActivityInput,
    activity_input,
    holders_of,
    photo_content,
    photo_rows,
    save_with_photos,
    workers,
)
from desktop.core.services.office import desa_list
from desktop.gui.i18n import tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.psks_work.pickers import HolderPicker, PhotoStrip
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, date_edit, error_label, save_cancel, select_data, show_not_saved


class ActivityDialog(QDialog):
    def __init__(self, ops: Operations, activity_id: int | None = None, psks_id: int | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ops, self.activity_id, self.saved_id = ops, activity_id, None
        self.setWindowTitle(tr("Ubah kegiatan PSKS") if activity_id else tr("Kegiatan PSKS baru"))
        people, places = ops.read(lambda s: (workers(s), [(r.name, r.code) for r in desa_list(s)]))
        self.worker = combo([(w.label, w.id) for w in people])
        self.worker.setMaxVisibleItems(15)
        self.day = date_edit()
        self.kind = combo(choices(ActivityKind))
        self.desa = combo([(tr("(tidak di satu desa)"), None), *places])
        self.title, self.place = QLineEdit(), QLineEdit()
        self.title.setPlaceholderText(tr("mis. Asesmen lansia terlantar di RT 004"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(tr("Uraian: apa yang dilakukan, hasilnya, tindak lanjutnya"))
        self.notes.setMaximumHeight(80)
        self.persons, self.families = QSpinBox(), QSpinBox()
        for box in (self.persons, self.families):
            box.setRange(0, 100000)
        for box in (self.worker, self.kind, self.desa):  # a long PSKS label must not widen the form
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(18)
        self.served = HolderPicker(ops)
        self.photos = PhotoStrip()
        self.errors = error_label()

        form = QFormLayout()
        form.addRow(tr("PSKS:"), self.worker)
        form.addRow(tr("Tanggal:"), self.day)
        form.addRow(tr("Jenis kegiatan:"), self.kind)
        form.addRow(tr("Nama kegiatan:"), self.title)
        form.addRow(tr("Desa/kelurahan:"), self.desa)
        form.addRow(tr("Tempat:"), self.place)
        form.addRow(tr("Uraian:"), self.notes)
        form.addRow(tr("Orang dilayani:"), self.persons)
        form.addRow(tr("Keluarga dilayani:"), self.families)
        served_box = QGroupBox(tr("Warga terdaftar yang dilayani"))
        QVBoxLayout(served_box).addWidget(self.served)
        photo_box = QGroupBox(tr("Foto (paling banyak 5)"))
        photo_box.setToolTip(tr("Foto diperkecil sampai 1 MB; waktu pengambilan dan GPS tetap tersimpan."))
        QVBoxLayout(photo_box).addWidget(self.photos)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(form)
        inner.addWidget(served_box)
        inner.addWidget(photo_box)
        scroll = QScrollArea()  # a small screen scrolls the form, never the buttons
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addWidget(save_cancel(self, self.save))
        if activity_id:
            self._load(activity_id)
        elif psks_id is not None:
            select_data(self.worker, psks_id)
        fit_to_screen(self, 720, 700)

    def _load(self, activity_id: int) -> None:
        def read(s):
            data = activity_input(s, activity_id)
            kept = [(p.id, photo_content(s, p.id), p.caption or "") for p in photo_rows(s, activity_id=activity_id)]
            return data, holders_of(s, data.person_ids, data.family_ids), kept

        data, holders, kept = self.ops.read(read)
        select_data(self.worker, data.psks_id)
        self.day.setDate(QDate(data.activity_date.year, data.activity_date.month, data.activity_date.day))
        select_data(self.kind, data.kind)
        select_data(self.desa, data.desa_code)
        self.title.setText(data.title)
        self.place.setText(data.place or "")
        self.notes.setPlainText(data.notes or "")
        self.persons.setValue(data.persons_served)
        self.families.setValue(data.families_served)
        for holder in holders:
            self.served.add(holder)
        for photo_id, content, caption in kept:
            self.photos.show_kept(photo_id, content, caption)

    def data(self) -> ActivityInput:
        return ActivityInput(
            self.worker.currentData(), self.day.date().toPython(), ActivityKind(self.kind.currentData()),
            self.title.text(), self.desa.currentData(), self.place.text(), self.notes.toPlainText(),
            self.persons.value(), self.families.value(), self.served.person_ids(), self.served.family_ids())

    def save(self) -> bool:
        if self.worker.currentData() is None:
            self.errors.setText(tr("Belum ada PSKS aktif; catat PSKS dulu di bagian PSKS."))
            return False
        data, aid = self.data(), self.activity_id
        new, removed = self.photos.new_photos(), list(self.photos.removed)
        changes = (Changes.updated(Kind.ACTIVITY, [aid]) if aid
                   else lambda new_id: Changes.reshaped(Kind.ACTIVITY, [new_id]))
        saved = self.ops.write(lambda s: save_with_photos(s, data, aid, new, removed), parent=self, changes=changes,
                               on_error=lambda exc: show_not_saved(self.errors, exc))
        if saved:
            self.saved_id = saved.value
            self.accept()
        return bool(saved)

