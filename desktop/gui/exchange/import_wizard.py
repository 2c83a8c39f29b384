"""The import wizard: file -> sheet and columns -> dry run -> import, each slow step in the
background with progress and Cancel, the report of problem rows one click away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.changes import Changes, Kind
from desktop.core.i18n import number
from desktop.core.services.aid_recipients import import_list
from desktop.core.services.import_batches import IMPORTED, UNDONE, undo_import
from desktop.core.services.imports import ImportResult, Preview, preview, run_import
from desktop.gui.exchange.result_view import ResultView
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations, show_error

IGNORE = N_("— tidak dipakai —")
FILE_FILTER = N_("Berkas data (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;Teks (*.csv *.txt);;Semua (*)")
# The field names of desktop.core.io.fields, as the mapping page shows them.
FIELD_LABELS = {
    "nik": "NIK", "no_kk": N_("No. KK"), "name": N_("Nama"), "sex": N_("Jenis kelamin"),
    "birth_place": N_("Tempat lahir"), "birth_date": N_("Tanggal lahir"), "relationship": N_("Hubungan keluarga"),
    "address": N_("Alamat"), "dusun": N_("Dusun"), "rt": "RT", "rw": "RW", "rt_rw": "RT/RW",
    "desa": N_("Desa/Kelurahan"), "kecamatan": N_("Kecamatan"), "religion": N_("Agama"),
    "marital_status": N_("Status kawin"), "education": N_("Pendidikan"), "occupation": N_("Pekerjaan"),
    "phone": N_("No. HP"), "disability": N_("Disabilitas"), "desil": N_("Desil"), "ppks": N_("Kategori PPKS"),
    "notes": N_("Keterangan"),
}


def _sample_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Pilih berkas"))
        self.setSubTitle(tr("Berkas Excel (.xlsx) atau teks berpemisah (.csv, .txt) dari Dinas Sosial. "
                         "Berkas .xls lama perlu disimpan ulang sebagai .xlsx."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("Belum ada berkas dipilih"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(tr("Pilih berkas…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih berkas untuk diimpor"), "", tr(FILE_FILTER))
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Lembar dan kolom"))
        self.setSubTitle(tr("Periksa kolom mana berisi apa. Simpul mengenali judul kolom yang biasa dipakai dan "
                         "mengingat pilihan Anda untuk berkas sejenis."))
        self.sheet = QComboBox()
        self.sheet.currentTextChanged.connect(self._sheet_changed)
        self.info = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Kolom di berkas"), tr("Contoh isi"), tr("Dipakai sebagai")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        form = QFormLayout()
        form.addRow(tr("Lembar:"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        self.preview: Preview | None = None
        self._loading = False

    def initializePage(self) -> None:
        self.load(None)

    def load(self, sheet: str | None) -> None:
        self._loading = True
        self.preview = None
        self.completeChanged.emit()
        path = self.w.path
        self.w.ops.run(lambda db, _p: preview(db, path, sheet), session=None, parent=self,
                       label=tr("Membaca berkas…"), on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)
        self.completeChanged.emit()

    def _loaded(self, pv: Preview) -> None:
        self.preview = pv
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(pv.sheets)
        self.sheet.setCurrentText(pv.sheet)
        self.sheet.blockSignals(False)
        self.info.setText(tr("Judul kolom ditemukan di baris {row}.").format(row=pv.header_row))
        self.table.setRowCount(len(pv.headers))
        choices = [tr(IGNORE), *[tr(label) for label in FIELD_LABELS.values()]]
        fields = list(FIELD_LABELS)
        for i, header in enumerate(pv.headers):
            self.table.setItem(i, 0, QTableWidgetItem(header or tr("(kolom {n})").format(n=i + 1)))
            sample = "; ".join(_sample_text(r[i]) for r in pv.samples if i < len(r) and r[i] not in (None, ""))
            self.table.setItem(i, 1, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.addItems(choices)
            field = pv.mapping.get(i)
            combo.setCurrentIndex(fields.index(field) + 1 if field in fields else 0)
            self.table.setCellWidget(i, 2, combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 180)
        self._loading = False
        self.completeChanged.emit()

    def _sheet_changed(self, name: str) -> None:
        if name and self.preview is not None and name != self.preview.sheet:
            self.load(name)

    def mapping(self) -> dict[int, str]:
        fields = list(FIELD_LABELS)
        out: dict[int, str] = {}
        for i in range(self.table.rowCount()):
            combo = self.table.cellWidget(i, 2)
            if isinstance(combo, QComboBox) and combo.currentIndex() > 0:
                out[i] = fields[combo.currentIndex() - 1]
        return out

    def isComplete(self) -> bool:
        return self.preview is not None and not self._loading

    def validatePage(self) -> bool:
        chosen = list(self.mapping().values())
        doubles = {f for f in chosen if chosen.count(f) > 1}
        if "name" not in chosen:
            QMessageBox.warning(self, "Simpul", tr("Tandai kolom yang berisi nama (\"Nama\")."))
            return False
        if doubles:
            QMessageBox.warning(self, "Simpul", tr("Setiap isian hanya boleh dari satu kolom: {fields}.").format(
                fields=", ".join(tr(FIELD_LABELS[f]) for f in doubles)))
            return False
        return True


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Uji coba"))
        self.setSubTitle(tr("Simpul memeriksa setiap baris tanpa menyimpan apa pun."))
        self.view = ResultView(wizard.ops, False, lambda _mapped: self.run())
        self.keep = QRadioButton(tr("Biarkan data di registri (bawaan)"))
        self.take = QRadioButton(tr("Pakai data dari berkas"))
        self.keep.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep)
        group.addButton(self.take)
        self.take.toggled.connect(lambda _: self.run())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.conflict_label = QLabel(tr("Bila NIK di berkas tercatat atas nama lain di registri:"))
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.keep)
        layout.addWidget(self.take)
        layout.addStretch(1)
        self.done = False
        self.setCommitPage(True)  # "Impor sekarang"; after it there is no going back
        if wizard.programme_id is not None:  # an aid list: registry conflicts are left as they are
            for w in (self.keep, self.take, self.conflict_label):
                w.hide()

    @property
    def on_conflict(self) -> str:
        return "file" if self.take.isChecked() else "skip"

    def initializePage(self) -> None:
        self.run()

    def run(self) -> None:
        self.done = False
        self.completeChanged.emit()
        path, mapping, conflict = self.w.path, self.w.mapping_page.mapping(), self.on_conflict
        programme, sheet = self.w.programme_id, self.w.sheet

        def job(db, p):
            if programme is not None:
                return import_list(db, programme, path, sheet=sheet, mapping=mapping, dry_run=True, progress=p).result
            return run_import(db, path, sheet=sheet, mapping=mapping, dry_run=True, on_conflict=conflict, progress=p)

        self.w.ops.run(job, session=None, parent=self, label=tr("Menguji setiap baris…"), on_done=self._done,
                       on_error=self._failed)

    def _done(self, result: ImportResult) -> None:
        self.view.show_result(result, tr("Hasil uji coba (belum disimpan)"))
        self.done = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def isComplete(self) -> bool:
        return self.done


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("Impor"))
        self.setSubTitle(tr("Semua baris yang lolos disimpan sekaligus sebagai satu impor yang bisa dibatalkan."))
        self.view = ResultView(wizard.ops, True, self._mapped)
        self.undo = QPushButton(tr("Batalkan impor ini"))
        self.undo.clicked.connect(self.undo_import)
        self.undo.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.result: ImportResult | None = None

    def initializePage(self) -> None:
        w = self.w
        path, sheet, mapping, conflict = w.path, w.sheet, w.mapping_page.mapping(), w.dry_page.on_conflict
        programme = w.programme_id
        if programme is not None:  # the registry import, and the lines it brings onto the list
            w.ops.run(lambda db, p: import_list(db, programme, path, sheet=sheet, mapping=mapping, progress=p),
                      session=None, parent=self, label=tr("Mengimpor…"), on_done=self._list_done,
                      on_error=self._failed, changes=IMPORTED | Changes.updated(Kind.PROGRAMME, [programme]))
            return
        w.ops.run(lambda db, p: run_import(db, path, sheet=sheet, mapping=mapping, on_conflict=conflict, progress=p),
                  session=None, parent=self, label=tr("Mengimpor…"), on_done=self._done, on_error=self._failed,
                  changes=IMPORTED)

    def _list_done(self, outcome) -> None:
        """An aid list: the registry import, then what went onto the list and what the checks found."""
        self.w.list_import = outcome
        self._done(outcome.result)
        checks = outcome.checks
        found = tr("Pemeriksaan daftar: {findings} temuan, {open} belum diputuskan.").format(
            findings=number(checks.findings), open=number(checks.open)) if checks else ""
        self.view.summary.setText(self.view.summary.text() + "<br><br><b>" + tr(
            "{listed} baris masuk ke daftar penerima; {not_listed} baris tidak (alasannya di laporan).").format(
            listed=number(outcome.listed), not_listed=number(outcome.not_listed)) + "</b> " + found)

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.view.show_result(result, tr("Impor #{batch} tersimpan").format(batch=result.batch_id))
        self.undo.show()
        self.completeChanged.emit()
        self.w.imported.append(result)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.view.summary.setText(tr("Impor tidak disimpan; registri tidak berubah."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return True

    def undo_import(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        answer = QMessageBox.question(self, "Simpul", tr("Batalkan impor #{batch} seluruhnya?").format(
            batch=self.result.batch_id))
        if answer != QMessageBox.StandardButton.Yes:
            return
        batch = self.result.batch_id
        self.w.ops.run(lambda db, _p: undo_import(db, batch), session=None, parent=self,
                       label=tr("Membatalkan impor…"), on_done=lambda _: self._undone(batch), changes=UNDONE)

    def _mapped(self, mapped) -> None:
        if mapped is not None:
            self.view.summary.setText(self.view.summary.text() + "<br>" + tr(
                "{records} catatan PPKS ditambahkan dari isian yang dipetakan.").format(records=number(mapped.records)))

    def _undone(self, batch: int) -> None:
        self.undo.setEnabled(False)
        self.view.summary.setText(tr("Impor #{batch} sudah dibatalkan; registri kembali seperti sebelumnya.")
                                  .format(batch=batch))


class ImportWizard(QWizard):
    """The registry import; with `programme_id`, the same import also makes the programme's
    recipient list from the file's rows (desktop.core.services.aid_recipients.import_list)."""

    def __init__(self, ops: Operations, parent=None, path: str | None = None, programme_id: int | None = None,
                 programme_name: str | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.programme_id = programme_id
        self.list_import = None
        self.setWindowTitle(tr("Impor daftar penerima: {name}").format(name=programme_name or "")
                            if programme_id is not None else tr("Impor data"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Tutup"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Impor sekarang"))
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.dry_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.dry_page, self.import_page):
            self.addPage(page)
        if path:
            self.file_page.path.setText(path)
        self.imported: list[ImportResult] = []
        self.resize(820, 560)

    @property
    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    @property
    def sheet(self) -> str | None:
        return self.mapping_page.preview.sheet if self.mapping_page.preview else None
