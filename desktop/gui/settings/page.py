"""First run: pick the kecamatan from the Kemendagri list, fill the office profile that letters
and rosters print, and choose whether to start with demo data. The profile form is also the
settings page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.db import schema
from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError
from desktop.core.services import demo
from desktop.core.services.referrals import DEFAULT_OPENING, TEMPLATE_FIELDS, check_template, format_number
from desktop.core.services.office import (
    OFFICE_FIELDS,
    default_profile,
    init_office,
    kecamatan_regions,
    logo_of,
    profile_values,
    region_children,
    set_logo,
    update_office,
)
from desktop.gui.tasks import run_task
from desktop.gui.i18n import LANGUAGES, N_, save_language, saved_language, tr

LABELS = {
    "office_name": N_("Nama kantor"), "letterhead_government": N_("Kop baris 1"),
    "letterhead_office": N_("Kop baris 2"), "address": N_("Alamat kantor"),
    "place_name": N_("Tempat (di tanggal surat)"), "postal_code": N_("Kode pos"), "phone": N_("Telepon"),
    "email": "E-mail", "website": N_("Situs web"), "camat_name": N_("Nama Camat"), "camat_nip": N_("NIP Camat"),
    "camat_pangkat": N_("Pangkat/golongan Camat"), "tksk_name": N_("Nama TKSK"), "tksk_nip": N_("NIP TKSK (bila ada)"),
    "tksk_pangkat": N_("Pangkat TKSK (bila ada)"), "tksk_phone": N_("No. HP TKSK"),
    "letter_pattern": N_("Pola nomor surat"), "letter_classification": N_("Kode klasifikasi surat"),
    "letter_unit": N_("Kode unit pengolah"), "referral_template": N_("Teks pembuka surat rujukan"),
}
NIP = re.compile(r"^\d{18}$")


def _top_aligned(widget: QWidget) -> QWidget:
    """The form keeps its natural height in a tall window instead of spreading its rows apart."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class ProfileForm(QWidget):
    """The office profile fields with the logo; used by the wizard and by Pengaturan."""

    def __init__(self) -> None:
        super().__init__()
        self.edits = {key: QLineEdit() for key in OFFICE_FIELDS if key != "referral_template"}
        self.template = QPlainTextEdit()
        self.template.setMaximumHeight(110)
        self.template.setPlaceholderText(DEFAULT_OPENING)
        self.edits["letter_pattern"].setToolTip(tr("Bagian yang bisa dipakai: {nomor} {klasifikasi} {unit} "
                                                   "{bulan_romawi} {bulan} {tahun}"))
        self.edits["camat_nip"].setPlaceholderText(tr("18 digit, misalnya 197505102001121016"))
        self.edits["letterhead_government"].setPlaceholderText(tr("PEMERINTAH KABUPATEN …"))
        self.logo_bytes: bytes | None = None
        self.logo_mime: str | None = None
        self.logo_preview = QLabel(tr("Belum ada logo"))
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb")
        choose = QPushButton(tr("Pilih logo…"))
        choose.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addStretch(1)
        form = QFormLayout(self)
        for key in OFFICE_FIELDS:
            if key in self.edits:
                form.addRow(tr(LABELS[key]) + ":", self.edits[key])
        form.addRow(tr(LABELS["referral_template"]) + ":", self.template)
        hint = QLabel(tr("Kosongkan untuk teks bawaan. Isian yang bisa dipakai: {fields}").format(
            fields=" ".join("{" + f + "}" for f in TEMPLATE_FIELDS)))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(tr("Logo daerah:"), logo_row)

    def set_values(self, values: dict[str, str | None]) -> None:
        for key, value in values.items():
            if key in self.edits:
                self.edits[key].setText(value or "")
            elif key == "referral_template":
                self.template.setPlainText(value or "")

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["referral_template"] = self.template.toPlainText().strip()
        return values

    def problems(self) -> list[str]:
        v = self.values()
        found = []
        for key in ("office_name", "letterhead_government", "letterhead_office"):
            if not v[key]:
                found.append(tr("{field} wajib diisi.").format(field=tr(LABELS[key])))
        for key in ("camat_nip", "tksk_nip"):
            if v[key] and not NIP.match(v[key].replace(" ", "")):
                found.append(tr("{field} harus 18 digit angka.").format(field=tr(LABELS[key])))
        try:
            if v["letter_pattern"]:
                format_number(v["letter_pattern"], 1, dt.date.today(), "x", "y")
            if v["referral_template"]:
                check_template(v["referral_template"])
        except SimpulError as exc:
            found.append(exc.message)
        return found

    def set_logo(self, data: bytes | None) -> None:
        self.logo_bytes = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.logo_preview.setPixmap(pixmap.scaled(70, 70, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih logo"), "", tr("Gambar (*.png *.jpg *.jpeg)"))
        if not name:
            return
        data = Path(name).read_bytes()
        if len(data) > 2_000_000:
            QMessageBox.warning(self, "Simpul", tr("Logo terlalu besar (lebih dari 2 MB). Pilih gambar yang lebih kecil."))
            return
        self.logo_mime = "image/png" if name.lower().endswith(".png") else "image/jpeg"
        self.set_logo(data)


class RegionPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Wilayah kantor"))
        self.setSubTitle(tr("Pilih provinsi, kabupaten/kota dan kecamatan dari daftar Kemendagri."))
        self.province, self.regency, self.kecamatan = QComboBox(), QComboBox(), QComboBox()
        self.summary = QLabel()
        form = QFormLayout(self)
        form.addRow(tr("Provinsi:"), self.province)
        form.addRow(tr("Kabupaten/Kota:"), self.regency)
        form.addRow(tr("Kecamatan:"), self.kecamatan)
        form.addRow("", self.summary)
        self.province.addItem("", None)
        for code, name in region_children(None):
            self.province.addItem(name, code)
        self.province.currentIndexChanged.connect(lambda _: self._fill(self.regency, self.province.currentData()))
        self.regency.currentIndexChanged.connect(lambda _: self._fill(self.kecamatan, self.regency.currentData()))
        self.kecamatan.currentIndexChanged.connect(lambda _: self._chosen())

    def _fill(self, combo: QComboBox, parent: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        for code, name in region_children(parent) if parent else []:
            combo.addItem(name, code)
        combo.blockSignals(False)
        if combo is self.regency:
            self._fill(self.kecamatan, None)
        self._chosen()

    def _chosen(self) -> None:
        code = self.kecamatan.currentData()
        if code:
            desa = [r for r in kecamatan_regions(code) if r.level == 4]
            kel = sum(1 for r in desa if r.kind == "kelurahan")
            self.summary.setText(tr("{code}: {desa} desa dan {kel} kelurahan.").format(
                code=code, desa=len(desa) - kel, kel=kel))
        else:
            self.summary.setText("")
        self.completeChanged.emit()

    def select(self, kecamatan_code: str) -> None:
        for combo, code in ((self.province, kecamatan_code[:2]), (self.regency, kecamatan_code[:5]),
                            (self.kecamatan, kecamatan_code)):
            combo.setCurrentIndex(max(0, combo.findData(code)))

    def isComplete(self) -> bool:
        return bool(self.kecamatan.currentData())


class ProfilePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Kop surat dan penandatangan"))
        self.setSubTitle(tr("Dipakai di surat rujukan, daftar penerima dan berita acara. Bisa diubah nanti di Pengaturan."))
        self.form = ProfileForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(_top_aligned(self.form))
        QVBoxLayout(self).addWidget(scroll)

    def initializePage(self) -> None:
        regions = kecamatan_regions(self.w.region_page.kecamatan.currentData())
        self.form.set_values({k: v for k, v in default_profile(regions).items() if v})

    def validatePage(self) -> bool:
        problems = self.form.problems()
        if problems:
            QMessageBox.warning(self, "Simpul", "\n".join(problems))
        return not problems


class DemoPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Mulai"))
        self.demo = QCheckBox(tr("Isi dengan data contoh untuk mencoba (2.000 keluarga sintetis, bukan orang sungguhan)"))
        text = QLabel(tr("Untuk kantor yang sebenarnya biarkan tidak dicentang, lalu impor data dari Dinas Sosial "
                      "atau tambahkan penduduk satu per satu."))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo)
        layout.addWidget(text)
        layout.addStretch(1)


class SetupWizard(QWizard):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.finished_ok = False
        self.setWindowTitle(tr("Penyiapan Simpul"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Selesai"))
        self.region_page = RegionPage()
        self.profile_page = ProfilePage(self)
        self.demo_page = DemoPage()
        for page in (self.region_page, self.profile_page, self.demo_page):
            self.addPage(page)
        self.resize(760, 620)

    def accept(self) -> None:
        code = self.region_page.kecamatan.currentData()
        values = self.profile_page.form.values()
        logo, mime = self.profile_page.form.logo_bytes, self.profile_page.form.logo_mime
        with_demo = self.demo_page.demo.isChecked()
        db = self.db

        def job(progress):
            schema.upgrade(db)
            init_office(db, code)
            update_office(db, values)
            if logo:
                set_logo(db, logo, mime)
            if with_demo:
                demo.generate(db, 2000, progress=progress)

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        run_task(self, job, label=tr("Menyiapkan basis data…"), on_done=self._done, on_error=self._failed)

    def _done(self, _result) -> None:
        self.finished_ok = True
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        from desktop.gui.tasks import show_error

        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, exc)


class SettingsPage(QWidget):
    """Pengaturan: the same profile form, saved to the database (audited)."""

    saved = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.form = ProfileForm()
        self.form.set_values(profile_values(db))
        self.form.set_logo(logo_of(db))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language())))
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(tr("Bahasa / Language:")))
        language_row.addWidget(self.language)
        language_row.addWidget(QLabel(tr("(berlaku saat Simpul dibuka lagi)")))
        language_row.addStretch(1)
        self.status = QLabel()
        save = QPushButton(tr("Simpan pengaturan"))
        save.clicked.connect(self.save)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(_top_aligned(self.form))
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(language_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    def save(self) -> bool:
        problems = self.form.problems()
        if problems:
            self.status.setText(" ".join(problems))
            self.status.setStyleSheet("color: #9C0006")
            return False
        save_language(self.language.currentData())
        update_office(self.db, self.form.values())
        if self.form.logo_bytes and self.form.logo_mime:
            set_logo(self.db, self.form.logo_bytes, self.form.logo_mime)
        self.status.setText(tr("Tersimpan."))
        self.status.setStyleSheet("color: #1F6F5C")
        self.saved.emit()
        return True
