"""First run: pick the kecamatan from the Kemendagri list, fill the office profile that letters
and rosters print, choose whether to start with demo data, and (a new encrypted registry) write
down the recovery key before finishing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.changes import Changes, Kind
from desktop.core.services import encryption
from desktop.core.services.office import default_profile, kecamatan_regions, region_children
from desktop.core.services.setup import set_up_office
from desktop.core.services.startup import DEMO_FAMILIES
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations, show_error
from desktop.gui.settings.profile_form import ProfileForm, top_aligned
from desktop.gui.shared.flow import fit_to_screen


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
        scroll.setWidget(top_aligned(self.form))
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


class RecoveryPage(QWizardPage):
    """The recovery key of the new encrypted registry: without it, the data cannot be opened on
    another computer. Finishing waits until the user says it is written down."""

    def __init__(self, recovery_key: str) -> None:
        from desktop.gui.settings.encryption import RecoveryKeyView

        super().__init__()
        self.recovery_key = recovery_key
        self.setTitle(tr("Kunci pemulihan"))
        self.setSubTitle(tr("Basis data ini terenkripsi. Kuncinya tersimpan di komputer ini; kunci pemulihan di "
                            "bawah membukanya di komputer lain atau setelah Windows dipasang ulang."))
        self.view = RecoveryKeyView(recovery_key)
        self.key, self.noted = self.view.key, self.view.noted
        self.noted.toggled.connect(lambda _: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.noted.isChecked()


class SetupWizard(QWizard):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
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
        found = ops.call(encryption.recovery_key, parent=self)
        self.recovery_page = RecoveryPage(found.value) if found.value else None
        if self.recovery_page is not None:  # a new encrypted registry: its key is written down first
            self.addPage(self.recovery_page)
        fit_to_screen(self, 760, 620)

    def accept(self) -> None:
        code = self.region_page.kecamatan.currentData()
        values = self.profile_page.form.values()
        logo, mime = self.profile_page.form.logo_bytes, self.profile_page.form.logo_mime
        families = DEMO_FAMILIES if self.demo_page.demo.isChecked() else 0
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.ops.run(lambda db, p: set_up_office(db, code, values, logo=logo, logo_mime=mime, demo_families=families,
                                                 progress=p),
                     session=None, parent=self, label=tr("Menyiapkan basis data…"), on_done=self._done,
                     on_error=self._failed,
                     changes=Changes.everything() if families else Changes.of(Kind.OFFICE, Kind.INSTITUTION))

    def _done(self, _result) -> None:
        self.finished_ok = True
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, exc)
