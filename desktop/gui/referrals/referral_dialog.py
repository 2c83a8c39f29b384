"""A new referral: the person (by NIK) or the family (by No. KK), where to, what they need."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import Urgency
from desktop.core.services.institutions import institution_choices
from desktop.core.services.queries import ppks_choices
from desktop.core.services.referrals import ReferralInput, create_referral, find_holder, holder_problem
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.shared.widgets import combo, error_label, optional_date, save_cancel, show_not_saved

DOCUMENTS = [N_("Fotokopi KTP"), N_("Fotokopi KK"), N_("Surat keterangan tidak mampu"), N_("Foto kondisi")]


class ReferralDialog(QDialog):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.saved_id, self.holder = ops, None, None
        self.setWindowTitle(tr("Rujukan baru"))
        self.kind = QComboBox()
        self.kind.addItem(tr("Satu orang (NIK)"), False)
        self.kind.addItem(tr("Satu keluarga (No. KK)"), True)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(tr("16 digit NIK orang yang dirujuk"))
        self.nik.editingFinished.connect(self._find_person)
        self.person = QLabel(tr("Belum dipilih"))
        places, categories = ops.read(lambda s: (institution_choices(s), ppks_choices(s)))
        self.institution = combo((name, iid) for iid, name in places)
        self.category = combo([("", None), *((f"{code} – {name}", no) for no, code, name in categories)])
        self.need = QLineEdit()
        self.need.setPlaceholderText(tr("mis. pemeriksaan dan bantuan alat bantu jalan"))
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(90)
        self.urgency = combo(choices(Urgency))
        self.documents = [QCheckBox(tr(d)) for d in DOCUMENTS]
        self.documents[0].setChecked(True)
        self.documents[1].setChecked(True)
        self.due_known, self.due = optional_date(QDate.currentDate().addDays(14))
        self.errors = error_label()
        docs = QVBoxLayout()
        for box in self.documents:
            docs.addWidget(box)
        due = QHBoxLayout()
        due.addWidget(self.due_known)
        due.addWidget(self.due, 1)
        form = QFormLayout(self)
        form.addRow(tr("Yang dirujuk:"), self.kind)
        form.addRow(tr("NIK / No. KK:"), self.nik)
        form.addRow("", self.person)
        form.addRow(tr("Lembaga tujuan:"), self.institution)
        form.addRow(tr("Kategori PPKS:"), self.category)
        form.addRow(tr("Layanan yang dibutuhkan:"), self.need)
        form.addRow(tr("Permasalahan:"), self.summary)
        form.addRow(tr("Sifat surat:"), self.urgency)
        form.addRow(tr("Dokumen terlampir:"), docs)
        form.addRow(tr("Tindak lanjut s.d.:"), due)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self.save))
        self.resize(560, 0)

    def _kind_changed(self) -> None:
        family = self.kind.currentData()
        self.nik.setPlaceholderText(tr("16 digit No. KK keluarga yang dirujuk") if family
                                    else tr("16 digit NIK orang yang dirujuk"))
        self._find_person()

    def _find_person(self) -> bool:
        text = self.nik.text().strip()
        self.holder = None
        if not text:
            self.person.setText(tr("Belum dipilih"))
            return False
        family = self.kind.currentData()
        problem = holder_problem(text, family=family)  # a mistyped number needs no lookup
        if problem is not None:
            self.person.setText(problem.message)
            return False
        found = self.ops.read(lambda s: find_holder(s, text, family=family))
        if found is None:
            self.person.setText(tr("No. KK ini belum terdaftar. Tambahkan keluarganya dulu di Keluarga.") if family
                                else tr("NIK ini belum terdaftar. Tambahkan orangnya dulu di Penduduk & PPKS."))
            return False
        self.holder = found
        self.person.setText(f"<b>{found.label}</b>")
        return True

    def save(self) -> bool:
        if self.holder is None and not self._find_person():
            self.errors.setText(tr("Isi NIK orang atau No. KK keluarga yang dirujuk (sudah terdaftar di Simpul)."))
            return False
        data = ReferralInput(
            self.institution.currentData(), self.need.text(), person_id=self.holder.person_id,
            family_id=self.holder.family_id, category_no=self.category.currentData(),
            summary=self.summary.toPlainText().strip() or None, urgency=Urgency(self.urgency.currentData()),
            documents=[d for d, box in zip(DOCUMENTS, self.documents, strict=True) if box.isChecked()],
            follow_up_due=self.due.date().toPython() if self.due_known.isChecked() else None)
        saved = self.ops.write(lambda s: create_referral(s, data).id, parent=self,
                               changes=lambda rid: Changes.reshaped(Kind.REFERRAL, [rid]),
                               on_error=lambda exc: show_not_saved(self.errors, exc))
        if not saved:
            return False
        self.saved_id = saved.value
        self.accept()
        return True
