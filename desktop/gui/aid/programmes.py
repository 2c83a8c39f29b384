"""The Program tab of Bantuan: programmes and their recipient lists, built, cross-checked,
decided and made final."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ListStatus
from desktop.core.domain.money import figures
from desktop.core.i18n import number
from desktop.core.services.aid import ProgrammeRow, programme_ids, programme_rows
from desktop.core.services.aid_checks import finalise, reopen, run_checks
from desktop.core.services.aid_recipients import remove_recipient
from desktop.gui.aid.common import OPEN, current_id, fit_columns, reload, select_id, table_view
from desktop.gui.aid.programme_dialog import ProgrammeDialog
from desktop.gui.aid.recipient_dialogs import AddRecipientDialog, RegistryAddDialog
from desktop.gui.aid.recipients import RecipientList
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.page import Page

COLUMNS = [
    Column(N_("Nama program"), lambda p: p.name),
    Column(N_("Tahap/periode"), lambda p: p.period),
    Column(N_("Sumber dana"), lambda p: label(p.funding)),
    Column(N_("Bantuan per penerima"), lambda p: f"{p.item}, {figures(p.amount, p.cash, p.unit)}",
        tooltip=lambda p: label(p.form)),
    Column(N_("Sasaran"), lambda p: label(p.target)),
    Column(N_("Daftar"), lambda p: label(p.list_status)),
    Column(N_("Penerima"), lambda p: number(p.recipients), align_right=True),
    Column(N_("Temuan terbuka"), lambda p: number(p.open_checks) if p.open_checks else "", align_right=True,
        background=lambda p: OPEN if p.open_checks else None),
    Column(N_("Penyaluran"), lambda p: number(p.events), align_right=True),
]


class ProgrammesTab(Page):
    """Reads nothing until it is first shown; then the programmes (a short list with grouped
    counts) and the selected programme's lines as far as the view shows them."""

    SHOWS = frozenset({Kind.PROGRAMME, Kind.EVENT, Kind.PERSON, Kind.FAMILY})
    LOAD_ON_SHOW = True

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.table = table_view(self.model)
        self.table.doubleClicked.connect(lambda _: self.edit_programme())
        new = QPushButton(tr("Program baru…"))
        new.clicked.connect(lambda: self.new_programme())
        self.edit_button = QPushButton(tr("Ubah program…"))
        self.edit_button.clicked.connect(lambda: self.edit_programme())
        top = QHBoxLayout()
        intro = QLabel(tr("Program bantuan: daftar penerima dibuat, diperiksa, diputuskan, lalu difinalkan "
                          "sebelum disalurkan."))
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        top.addWidget(new)
        top.addWidget(self.edit_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table)

        # the selected programme's list
        self.list_box = QGroupBox(tr("Daftar penerima"))
        self.list = RecipientList(ops)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        self.check_summary.setStyleSheet("color: #7F6000")
        self.add_registry = QPushButton(tr("Tambah dari registri…"))
        self.add_registry.clicked.connect(lambda: self.add_from_registry())
        self.add_one = QPushButton(tr("Tambah penerima…"))
        self.add_one.clicked.connect(lambda: self.add_recipient())
        self.import_button = QPushButton(tr("Impor daftar dari Excel…"))
        self.import_button.setToolTip(tr("Daftar dari Dinas Sosial/desa: setiap baris diuji seperti impor biasa, "
                                         "yang lolos masuk ke daftar dan langsung diperiksa."))
        self.import_button.clicked.connect(lambda: self.import_list())
        self.remove_button = QPushButton(tr("Hapus dari daftar"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.check_button = QPushButton(tr("Periksa daftar"))
        self.check_button.clicked.connect(lambda: self.check_list())
        self.finalise_button = QPushButton(tr("Finalkan daftar"))
        self.finalise_button.clicked.connect(lambda: self.finalise_list())
        self.reopen_button = QPushButton(tr("Buka kembali"))
        self.reopen_button.clicked.connect(lambda: self.reopen_list())
        actions = FlowLayout().add(self.add_registry, self.add_one, self.import_button, self.remove_button,
                                   self.check_button, stretch(), self.finalise_button, self.reopen_button)
        self.list.layout().insertWidget(1, self.check_summary)  # under the counts, above the lines
        list_layout = QVBoxLayout(self.list_box)
        list_layout.addLayout(actions)
        list_layout.addWidget(self.list, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.list_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._programme_changed())

    def _fetch(self, ids: list[int]) -> dict[int, ProgrammeRow]:
        return {p.id: p for p in self.ops.read(lambda s: programme_rows(s, ids))}

    # -- programmes -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """The programmes again, the selection kept (else the newest selected)."""
        reload(self.table, self.ops.read(programme_ids))
        fit_columns(self.table, 240, stretch=0)
        self._programme_changed()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.PROGRAMME):
            ids = changes.ids(Kind.PROGRAMME)
            if ids is None:
                self.refresh()
                return
            self.model.refresh_ids(ids)
            if self.programme_id() in ids:
                self._programme_changed()
        if changes.touches(Kind.EVENT) and changes.ids(Kind.EVENT) is None:
            self.model.invalidate()  # an event added or moved: the programmes' event counts
        if changes.touches(Kind.PERSON, Kind.FAMILY):
            self.list.model.invalidate()  # the lines show where their people live

    def programme_id(self) -> int | None:
        return current_id(self.table)

    def programme(self) -> ProgrammeRow | None:
        row = self.model.row_of(self.programme_id())
        return self.model.row_data(row) if row is not None else None

    def select_programme(self, programme_id: int) -> None:
        select_id(self.table, programme_id)

    def new_programme(self, show: bool = True) -> ProgrammeDialog:
        dialog = ProgrammeDialog(self.ops, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.programme_saved(dialog.saved_id)
        return dialog

    def programme_saved(self, programme_id: int) -> None:
        """The list was redrawn when the save was announced; show the programme saved."""
        self.select_programme(programme_id)

    def edit_programme(self, show: bool = True) -> ProgrammeDialog | None:
        pid = self.programme_id()
        if pid is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu program di daftar."))
            return None
        dialog = ProgrammeDialog(self.ops, pid, self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.programme_saved(pid)
        return dialog

    def _programme_changed(self) -> None:
        p = self.programme()
        self.list_box.setEnabled(p is not None)
        self.edit_button.setEnabled(p is not None)
        if p is None:
            self.check_summary.clear()
            self.list_box.setTitle(tr("Daftar penerima"))
            self.list.show_programme(None)
            self.list.status.setText(tr("Buat program bantuan dulu dengan Program baru…"))
            return
        if self.list.programme is None or self.list.programme.id != p.id:
            self.check_summary.clear()
        self.list_box.setTitle(tr("Daftar penerima: {name} – {period}").format(name=p.name, period=p.period))
        final = p.list_status is ListStatus.FINAL
        for b in (self.add_registry, self.add_one, self.import_button, self.remove_button, self.check_button,
                  self.finalise_button):
            b.setEnabled(not final)
        self.reopen_button.setEnabled(final)
        self.list.show_programme(p)

    def _changed(self, pid: int) -> Changes:
        return Changes.updated(Kind.PROGRAMME, [pid])

    # -- building the list ----------------------------------------------------------------------
    def add_from_registry(self, show: bool = True) -> RegistryAddDialog | None:
        pid = self.programme_id()
        if pid is None:
            return None
        dialog = RegistryAddDialog(self.ops, pid, self)
        if show:
            dialog.exec()
            self.after_add(dialog.result)
        return dialog

    def after_add(self, result) -> None:
        if result is not None:
            self.check_summary.setText(result.message + " " + tr("Jalankan Periksa daftar setelah selesai menambah."))

    def add_recipient(self, show: bool = True) -> AddRecipientDialog | None:
        pid = self.programme_id()
        if pid is None:
            return None
        dialog = AddRecipientDialog(self.ops, pid, self)
        if show:
            dialog.exec()
        return dialog

    def import_list(self, path: str | None = None, show: bool = True):
        """The regency's or the desa's Excel list through the import wizard: the rows it accepts
        become list lines (duplicates kept for the checks), and the checks run at once."""
        from desktop.gui.exchange.import_wizard import ImportWizard

        p = self.programme()
        if p is None:
            return None
        wizard = ImportWizard(self.ops, self, path, programme_id=p.id, programme_name=p.name)
        wizard.finished.connect(lambda _: self._imported(wizard))
        if show:
            wizard.open()
        return wizard

    def _imported(self, wizard) -> None:
        outcome = wizard.list_import  # the wizard announced what it changed; the list redrew from that
        if not wizard.imported or outcome is None:
            return
        if outcome.checks is not None:
            self.check_summary.setText(tr("{listed} baris dari berkas masuk ke daftar; {open} temuan belum "
                                          "diputuskan.").format(listed=number(outcome.listed),
                                                                open=number(outcome.checks.open)))
            if outcome.checks.open:
                self.list.only_open.setChecked(True)

    def remove_selected(self, confirm: bool = True) -> int:
        ids, pid = self.list.selected_ids(), self.programme_id()
        if not ids or pid is None:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu baris yang akan dihapus dari daftar."))
            return 0
        rows = self.list.model
        names = [rows.row_data(rows.row_of(i)).name for i in ids[:5]]
        who = ", ".join(names) + (tr(" dan {n} lainnya").format(n=len(ids) - 5) if len(ids) > 5 else "")
        if confirm and QMessageBox.question(
                self, "Simpul", tr("Hapus {who} dari daftar penerima ini? Orangnya tetap ada di registri.").format(
                    who=who)) != QMessageBox.StandardButton.Yes:
            return 0

        def write(s) -> None:
            for rid in ids:
                remove_recipient(s, rid)

        return len(ids) if self.ops.write(write, parent=self, changes=self._changed(pid)) else 0

    def check_list(self):
        pid = self.programme_id()
        if pid is None:
            return None
        done = self.ops.write(lambda s: run_checks(s, pid), parent=self, changes=self._changed(pid))
        if not done:
            return None
        summary = done.value
        if summary.findings:
            kinds = ", ".join(f"{label(k)} {number(n)}" for k, n in sorted(summary.by_kind.items()))
            text = tr("{lines} baris diperiksa: {findings} temuan ({kinds}); {open} belum diputuskan.").format(
                lines=number(summary.lines), findings=number(summary.findings), kinds=kinds,
                open=number(summary.open))
        else:
            text = tr("{lines} baris diperiksa: tidak ada temuan.").format(lines=number(summary.lines))
        self.check_summary.setText(text)
        if summary.open and not self.list.only_open.isChecked():
            self.list.only_open.setChecked(True)
        if summary.open and self.list.model.rowCount():
            self.list.view.selectRow(0)
        return summary

    def finalise_list(self, confirm: bool = True) -> bool:
        p = self.programme()
        if p is None:
            return False
        if confirm and QMessageBox.question(
                self, "Simpul", tr("Finalkan daftar penerima {name}? Daftar diperiksa sekali lagi; setelah final, "
                                   "daftar tidak bisa diubah dan siap untuk penyaluran.").format(name=p.name)
        ) != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.ops.write(lambda s: finalise(s, p.id), parent=self, changes=self._changed(p.id)))

    def reopen_list(self, confirm: bool = True) -> bool:
        p = self.programme()
        if p is None:
            return False
        if confirm and QMessageBox.question(
                self, "Simpul", tr("Buka kembali daftar {name} untuk diubah? Penyaluran yang sudah tercatat tidak "
                                   "berubah; finalkan lagi sebelum menjadwalkan penerima baru.").format(name=p.name)
        ) != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.ops.write(lambda s: reopen(s, p.id), parent=self, changes=self._changed(p.id)))
