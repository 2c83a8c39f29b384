"""The complaint form (new, or corrected while the ticket is open) with whom and what it is about,
and the closing of a ticket into a referral (rujukan) to an institution."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ComplaintCategory, ComplaintChannel
from desktop.core.services import complaints
from desktop.core.services.institutions import institution_choices
from desktop.gui.i18n import tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, date_edit, error_label, save_cancel, select_data, show_not_saved
from desktop.gui.verivali.dialogs import desa_choices


class ComplaintDialog(QDialog):
    def __init__(self, ops: Operations, parent=None, complaint_id: int | None = None) -> None:
        super().__init__(parent)
        self.ops, self.complaint_id = ops, complaint_id
        self.setWindowTitle(tr("Pengaduan baru") if complaint_id is None else tr("Ubah pengaduan"))
        self.received = date_edit()
        self.channel = combo(choices(ComplaintChannel))
        self.category = combo(choices(ComplaintCategory))
        self.name, self.nik, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.nik.setMaxLength(16)
        self.desa = combo([(tr("(tidak diisi)"), None), *desa_choices(ops)])
        self.about = QLineEdit()
        self.about.setMaxLength(16)
        self.about.setPlaceholderText(tr("NIK penduduk atau No. KK yang diadukan (jika terdaftar)"))
        self.about.editingFinished.connect(self.find_concerned)
        self.found = QLabel()
        self.found.setWordWrap(True)
        programmes, events = ops.read(complaints.link_choices)
        self.programme = combo([(tr("(tidak ada)"), None), *((name, i) for i, name in programmes)])
        self.event = combo([(tr("(tidak ada)"), None), *((name, i) for i, name in events)])
        self.summary = QPlainTextEdit()
        self.summary.setMinimumHeight(70)
        self.error = error_label()
        self.concerned: tuple[int | None, int | None] = (None, None)
        who, what = QFormLayout(), QFormLayout()
        for text, widget in ((tr("Diterima"), self.received), (tr("Melalui"), self.channel),
                             (tr("Jenis"), self.category), (tr("Nama pengadu"), self.name), ("NIK", self.nik),
                             (tr("No. HP"), self.phone), (tr("Alamat"), self.address), (tr("Desa"), self.desa)):
            who.addRow(text, widget)
        for text, widget in ((tr("Tentang"), self.about), ("", self.found), (tr("Program bantuan"), self.programme),
                             (tr("Penyaluran"), self.event), (tr("Isi pengaduan"), self.summary)):
            what.addRow(text, widget)
        form = QHBoxLayout()
        form.addLayout(who, 1)
        form.addSpacing(12)
        form.addLayout(what, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save))
        self.saved_id: int | None = None
        if complaint_id is not None:
            self._fill()
        fit_to_screen(self, 880, 0)

    def _fill(self) -> None:
        data, number = self.ops.read(lambda s: complaints.complaint_input(s, self.complaint_id))
        self.received.setDate(QDate(data.received_on))
        self.received.setEnabled(False)  # the ticket's number is of that year
        select_data(self.channel, ComplaintChannel(data.channel))
        select_data(self.category, ComplaintCategory(data.category))
        for edit, value in ((self.name, data.complainant), (self.nik, data.complainant_nik), (self.phone, data.phone),
                            (self.address, data.address), (self.about, number)):
            edit.setText(value or "")
        self.summary.setPlainText(data.summary)
        select_data(self.desa, data.desa_code)
        select_data(self.programme, data.programme_id)
        select_data(self.event, data.event_id)
        self.find_concerned()

    def find_concerned(self) -> bool:
        text = self.about.text().strip()
        self.concerned = (None, None)
        if not text:
            self.found.setText("")
            return True
        found = self.ops.read(lambda s: complaints.find_concerned(s, text))
        if found is None:
            self.found.setText(tr("NIK/No. KK ini belum terdaftar di Simpul; pengaduan tetap bisa dicatat tanpa kaitan."))
            return False
        self.concerned = (found.person_id, found.family_id)
        self.found.setText(f"<b>{found.label}</b>")
        return True

    def save(self) -> None:
        self.find_concerned()
        person, family = self.concerned
        data = complaints.ComplaintInput(
            complainant=self.name.text(), summary=self.summary.toPlainText(), category=self.category.currentData(),
            channel=self.channel.currentData(), received_on=self.received.date().toPython(),
            complainant_nik=self.nik.text().strip() or None, phone=self.phone.text().strip() or None,
            address=self.address.text().strip() or None, desa_code=self.desa.currentData(), person_id=person,
            family_id=family, programme_id=self.programme.currentData(), event_id=self.event.currentData())
        cid = self.complaint_id
        work = ((lambda s: complaints.add_complaint(s, data).id) if cid is None
                else (lambda s: complaints.update_complaint(s, cid, data).id))
        done = self.ops.write(work, parent=self, changes=Changes.updated(Kind.COMPLAINT, [cid]) if cid
                              else Changes.of(Kind.COMPLAINT), on_error=lambda exc: show_not_saved(self.error, exc))
        if done:
            self.saved_id = done.value
            self.accept()


class ReferDialog(QDialog):
    """Close the ticket (its answer) and draft a referral for whom it concerns."""

    def __init__(self, ops: Operations, complaint_id: int, concerns: str, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.complaint_id = ops, complaint_id
        self.referral_id: int | None = None
        self.setWindowTitle(tr("Selesai dan rujuk"))
        who = QLabel(tr("Dirujuk: <b>{who}</b>").format(who=concerns) if concerns else
                     tr("Pengaduan ini belum dikaitkan dengan penduduk atau keluarga: ubah pengaduannya dulu "
                        "(isian \"Tentang\")."))
        who.setWordWrap(True)
        self.institution = combo([(name, i) for i, name in ops.read(institution_choices)])
        self.need = QLineEdit()
        self.need.setPlaceholderText(tr("mis. kursi roda, layanan kesehatan, perbaikan data Dukcapil"))
        self.answer = QPlainTextEdit()
        self.answer.setMaximumHeight(80)
        self.answer.setPlaceholderText(tr("Jawaban kepada pengadu"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(who)
        form.addRow(tr("Lembaga tujuan"), self.institution)
        form.addRow(tr("Kebutuhan"), self.need)
        form.addRow(tr("Jawaban"), self.answer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Rujukan dibuat sebagai draf di Rujukan & Surat; pengaduan ditutup dan terkunci.")))
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save, tr("Tutup dan rujuk")))
        fit_to_screen(self, 560, 0)

    def save(self) -> None:
        cid, institution, need = self.complaint_id, self.institution.currentData(), self.need.text()
        answer = self.answer.toPlainText().strip() or tr("Dirujuk ke {institution}: {need}").format(
            institution=self.institution.currentText(), need=need.strip())
        done = self.ops.write(lambda s: complaints.close_into_referral(s, cid, answer, institution, need).id,
                              parent=self, changes=Changes.updated(Kind.COMPLAINT, [cid]) | Changes.of(Kind.REFERRAL),
                              on_error=lambda exc: show_not_saved(self.error, exc))
        if done:
            self.referral_id = done.value
            self.accept()
