"""The Program tab of Bantuan: programmes and their recipient lists, built, cross-checked,
decided and made final."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import (
    amount_text,
    decide,
    decide_all,
    finalise,
    programme_rows,
    recipient_rows,
    remove_recipient,
    reopen,
    run_checks,
)
from desktop.gui.aid.common import EXCLUDED, OPEN, PROGRAMME_HEADERS, RECIPIENT_HEADERS, cap_columns
from desktop.gui.aid.dialogs import (
    CHECK_KINDS,
    DECISIONS,
    FORMS,
    LIST_STATUS,
    RECIPIENT_STATUS,
    TARGETS,
    AddRecipientDialog,
    ProgrammeDialog,
    RegistryAddDialog,
    fill_table,
    funding_label,
    label,
    plain_table,
    select_id,
    selected_ids,
)
from desktop.gui.i18n import tr


class ProgrammesTab(QWidget):
    data_changed = Signal()
    registry_changed = Signal()  # a list imported from Excel also adds people to the registry

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows = []
        self.recipients = []
        self.table = plain_table([tr(h) for h in PROGRAMME_HEADERS])
        self.table.doubleClicked.connect(lambda _: self.edit_programme())
        new = QPushButton(tr("Program baru…"))
        new.clicked.connect(lambda: self.new_programme())
        self.edit_button = QPushButton(tr("Ubah program…"))
        self.edit_button.clicked.connect(lambda: self.edit_programme())
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Program bantuan: daftar penerima dibuat, diperiksa, diputuskan, lalu difinalkan "
                                "sebelum disalurkan.")), 1)
        top.addWidget(new)
        top.addWidget(self.edit_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table)

        # the selected programme's list
        self.list_box = QGroupBox(tr("Daftar penerima"))
        self.list_status = QLabel()
        self.list_status.setWordWrap(True)
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
        self.only_open = QCheckBox(tr("Hanya yang perlu keputusan"))
        self.only_open.toggled.connect(lambda _: self.show_recipients())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari di daftar"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.search.textChanged.connect(lambda _: self.show_recipients())
        actions = QHBoxLayout()
        for b in (self.add_registry, self.add_one, self.import_button, self.remove_button, self.check_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.finalise_button)
        actions.addWidget(self.reopen_button)
        filters = QHBoxLayout()
        filters.addWidget(self.list_status, 1)
        filters.addWidget(self.search)
        filters.addWidget(self.only_open)
        self.recipient_table = plain_table([tr(h) for h in RECIPIENT_HEADERS], multi=True)
        self.recipient_table.itemSelectionChanged.connect(self.show_findings)

        # decisions on the selected line
        decide_box = QGroupBox(tr("Temuan pada baris terpilih"))
        self.finding_person = QLabel(tr("Pilih satu baris di daftar."))
        self.finding_person.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Alasan (wajib bila tetap dimasukkan)"))
        self.same_kind = QCheckBox(tr("Terapkan ke semua temuan sejenis di daftar ini"))
        self.keep_button = QPushButton(tr("Tetap masukkan"))
        self.keep_button.clicked.connect(lambda: self.decide_selected("tetap"))
        self.exclude_button = QPushButton(tr("Keluarkan dari daftar"))
        self.exclude_button.clicked.connect(lambda: self.decide_selected("keluarkan"))
        self.decide_message = QLabel()
        self.decide_message.setWordWrap(True)
        decide_hint = QLabel(tr("Keputusan berlaku untuk temuan yang dipilih, atau untuk semua temuan baris ini yang "
                                "belum diputuskan."))
        decide_hint.setWordWrap(True)
        decide_hint.setStyleSheet("color: #595959")
        decide_buttons = QHBoxLayout()
        decide_buttons.addWidget(self.keep_button)
        decide_buttons.addWidget(self.exclude_button)
        decide_layout = QVBoxLayout(decide_box)
        decide_layout.addWidget(self.finding_person)
        decide_layout.addWidget(self.findings, 1)
        decide_layout.addWidget(decide_hint)
        decide_layout.addWidget(self.reason)
        decide_layout.addWidget(self.same_kind)
        decide_layout.addLayout(decide_buttons)
        decide_layout.addWidget(self.decide_message)
        lists = QSplitter()
        lists.addWidget(self.recipient_table)
        lists.addWidget(decide_box)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 1)
        lists.setSizes([880, 280])
        list_layout = QVBoxLayout(self.list_box)
        list_layout.addLayout(actions)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.check_summary)
        list_layout.addWidget(lists, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.list_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.table.itemSelectionChanged.connect(self._programme_changed)
        self.refresh()

    # -- programmes -----------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.programme_id()
        with self.db.read() as s:
            self.rows = programme_rows(s)
        rows = []
        for p in self.rows:
            rows.append((p.id, [p.name, p.period, funding_label(p.funding),
                                f"{p.item}, {amount_text(p.amount, p.form == 'tunai', p.unit)}",
                                label(TARGETS, p.target), label(LIST_STATUS, p.list_status), number(p.recipients),
                                number(p.open_checks) if p.open_checks else "", number(p.events)]))
        self.table.blockSignals(True)
        fill_table(self.table, rows, right=(6, 7, 8))
        for r, p in enumerate(self.rows):
            self.table.item(r, 3).setToolTip(label(FORMS, p.form))
            if p.open_checks:
                self.table.item(r, 7).setBackground(QBrush(OPEN))
        self.table.resizeColumnsToContents()
        cap_columns(self.table, 240)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if not select_id(self.table, current) and self.rows:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        self._programme_changed()

    def programme_id(self) -> int | None:
        ids = selected_ids(self.table)
        return ids[0] if ids else None

    def programme(self):
        pid = self.programme_id()
        return next((p for p in self.rows if p.id == pid), None)

    def select_programme(self, programme_id: int) -> None:
        select_id(self.table, programme_id)

    def new_programme(self, show: bool = True) -> ProgrammeDialog:
        dialog = ProgrammeDialog(self.db, parent=self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.programme_saved(dialog.saved_id)
        return dialog

    def programme_saved(self, programme_id: int) -> None:
        self.refresh()
        self.select_programme(programme_id)
        self.data_changed.emit()

    def edit_programme(self, show: bool = True) -> ProgrammeDialog | None:
        pid = self.programme_id()
        if pid is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu program di daftar."))
            return None
        dialog = ProgrammeDialog(self.db, pid, self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            self.programme_saved(pid)
        return dialog

    def _programme_changed(self) -> None:
        p = self.programme()
        self.check_summary.clear()
        self.list_box.setEnabled(p is not None)
        self.edit_button.setEnabled(p is not None)
        if p is None:
            self.list_box.setTitle(tr("Daftar penerima"))
            self.list_status.setText(tr("Buat program bantuan dulu dengan Program baru…"))
            self.recipients = []
            self.show_recipients()
            return
        self.list_box.setTitle(tr("Daftar penerima: {name} – {period}").format(name=p.name, period=p.period))
        final = p.list_status == "final"
        for b in (self.add_registry, self.add_one, self.import_button, self.remove_button, self.check_button,
                  self.finalise_button, self.keep_button, self.exclude_button):
            b.setEnabled(not final)
        self.reopen_button.setEnabled(final)
        self.load_recipients()

    # -- the list -------------------------------------------------------------------------------
    def load_recipients(self) -> None:
        pid = self.programme_id()
        with self.db.read() as s:
            self.recipients = recipient_rows(s, pid) if pid is not None else []
        p = self.programme()
        if p is not None:
            open_checks = sum(r.open_checks for r in self.recipients)
            included = sum(r.status == "masuk" for r in self.recipients)
            state = (tr("Daftar FINAL: siap disalurkan; buka kembali untuk mengubah.") if p.list_status == "final"
                     else tr("Daftar masih draf."))
            self.list_status.setText(
                tr("{included} penerima masuk · {excluded} dikeluarkan · {open} temuan belum diputuskan (baris "
                   "kuning).").format(
                    included=number(included), excluded=number(len(self.recipients) - included),
                    open=number(open_checks)) + " " + state)
            self.list_status.setStyleSheet("color: #006100; font-weight: bold" if p.list_status == "final" else "")
        self.show_recipients()

    def show_recipients(self) -> None:
        current = selected_ids(self.recipient_table)
        text = self.search.text().strip().lower()
        shown = [r for r in self.recipients
                 if (not self.only_open.isChecked() or r.open_checks)
                 and (not text or text in r.name.lower() or text in (r.nik or "") or text in (r.no_kk or ""))]
        rows = []
        for r in shown:
            kinds = ", ".join(label(CHECK_KINDS, c.kind) if c.decision is None
                              else f"{label(CHECK_KINDS, c.kind)} ({label(DECISIONS, c.decision)})" for c in r.checks)
            rt_rw = f"{r.rt or '-'}/{r.rw or '-'}" if r.rt or r.rw else ""
            p = self.programme()
            amount = amount_text(r.amount, p.form == "tunai", p.unit) if p else number(r.amount)
            rows.append((r.id, [r.name, r.nik or tr("(tanpa NIK)"), r.no_kk or "", r.desa or "", rt_rw, amount,
                                label(RECIPIENT_STATUS, r.status), kinds]))
        self.recipient_table.blockSignals(True)
        fill_table(self.recipient_table, rows, right=(5,))
        for i, r in enumerate(shown):
            for c in range(len(RECIPIENT_HEADERS)):
                item = self.recipient_table.item(i, c)
                if r.checks:
                    item.setToolTip("\n".join(f"{label(CHECK_KINDS, c.kind)}: {c.detail}" for c in r.checks))
                if r.open_checks:
                    item.setBackground(QBrush(OPEN))
                elif r.status == "dikeluarkan":
                    item.setForeground(QBrush(EXCLUDED))
        self.recipient_table.resizeColumnsToContents()
        cap_columns(self.recipient_table, 170)
        header = self.recipient_table.horizontalHeader()
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        selection = self.recipient_table.selectionModel()
        for rid in current:
            for i, r in enumerate(shown):
                if r.id == rid:
                    selection.select(self.recipient_table.model().index(i, 0),
                                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self.recipient_table.blockSignals(False)
        self.show_findings()

    def recipient(self):
        ids = selected_ids(self.recipient_table)
        return next((r for r in self.recipients if ids and r.id == ids[0]), None)

    def show_findings(self) -> None:
        self.findings.clear()
        self.decide_message.clear()
        r = self.recipient()
        if r is None:
            self.finding_person.setText(tr("Pilih satu baris di daftar."))
            return
        self.finding_person.setText(f"<b>{r.name}</b> · {r.nik or tr('(tanpa NIK)')}")
        if not r.checks:
            self.findings.addItem(tr("Tidak ada temuan."))
            self.findings.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for c in r.checks:
            if c.decision is None:
                state = tr("belum diputuskan")
            else:
                state = tr("{decision} oleh {who}").format(decision=label(DECISIONS, c.decision), who=c.decided_by)
                if c.note:
                    state += f": {c.note}"
            item = QListWidgetItem(f"{label(CHECK_KINDS, c.kind)} — {c.detail}\n→ {state}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            if c.decision is None:
                item.setBackground(QBrush(OPEN))
            self.findings.addItem(item)

    def _selected_checks(self, r) -> list:
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in self.findings.selectedItems()}
        picked = [c for c in r.checks if c.id in chosen]
        return picked or [c for c in r.checks if c.decision is None]

    def decide_selected(self, decision: str, reason: str | None = None) -> int:
        """Tetap (with a reason) or Keluarkan for the chosen findings of the selected line; with
        "semua temuan sejenis", for every open finding of those kinds in the list."""
        r = self.recipient()
        if r is None:
            self.decide_message.setText(tr("Pilih satu baris di daftar."))
            return 0
        checks = self._selected_checks(r)
        if not checks:
            self.decide_message.setText(tr("Baris ini tidak punya temuan yang perlu diputuskan."))
            return 0
        note = self.reason.text() if reason is None else reason
        done = 0
        try:
            with self.db.transaction() as s:
                if self.same_kind.isChecked():
                    for kind in sorted({c.kind for c in checks}):
                        done += decide_all(s, self.programme_id(), kind, decision, note)
                    for c in checks:  # a selected finding already decided is changed too
                        if c.decision is not None:
                            decide(s, c.id, decision, note)
                            done += 1
                else:
                    for c in checks:
                        decide(s, c.id, decision, note)
                        done += 1
        except ValidationError as exc:
            self.decide_message.setStyleSheet("color: #9C0006")
            self.decide_message.setText(" ".join(f.message for f in exc.findings))
            self.reason.setFocus()
            return 0
        except SimpulError as exc:
            self.decide_message.setStyleSheet("color: #9C0006")
            self.decide_message.setText(exc.message)
            return 0
        self.reason.clear()
        row = self.recipient_table.currentRow()
        self.refresh()
        if self.only_open.isChecked() and self.recipient_table.rowCount():  # on to the next line to decide
            self.recipient_table.selectRow(min(max(row, 0), self.recipient_table.rowCount() - 1))
        self.decide_message.setStyleSheet("color: #006100")
        self.decide_message.setText(tr("{n} temuan diputuskan: {decision}.").format(
            n=done, decision=label(DECISIONS, decision)))
        self.data_changed.emit()
        return done

    def add_from_registry(self, show: bool = True) -> RegistryAddDialog | None:
        pid = self.programme_id()
        if pid is None:
            return None
        dialog = RegistryAddDialog(self.db, pid, self)
        if show:
            dialog.exec()
            self.after_add(dialog.result)
        return dialog

    def after_add(self, result) -> None:
        if result is None:
            return
        self.refresh()
        self.check_summary.setText(result.message + " " + tr("Jalankan Periksa daftar setelah selesai menambah."))
        self.data_changed.emit()

    def add_recipient(self, show: bool = True) -> AddRecipientDialog | None:
        pid = self.programme_id()
        if pid is None:
            return None
        dialog = AddRecipientDialog(self.db, pid, self)
        if show:
            dialog.exec()
            if dialog.added:
                self.refresh()
                self.data_changed.emit()
        return dialog

    def import_list(self, path: str | None = None, show: bool = True):
        """The regency's or the desa's Excel list through the import wizard: the rows it accepts
        become list lines (duplicates kept for the checks), and the checks run at once."""
        from desktop.gui.exchange.import_wizard import ImportWizard

        p = self.programme()
        if p is None:
            return None
        wizard = ImportWizard(self.db, self, path, programme_id=p.id, programme_name=p.name)
        wizard.finished.connect(lambda _: self._imported(wizard))
        if show:
            wizard.open()
        return wizard

    def _imported(self, wizard) -> None:
        if not wizard.imported:
            return
        self.refresh()
        outcome = wizard.list_import
        if outcome is not None and outcome.checks is not None:
            self.check_summary.setText(tr("{listed} baris dari berkas masuk ke daftar; {open} temuan belum "
                                          "diputuskan.").format(listed=number(outcome.listed),
                                                                open=number(outcome.checks.open)))
            if outcome.checks.open:
                self.only_open.setChecked(True)
        self.data_changed.emit()
        self.registry_changed.emit()

    def remove_selected(self, confirm: bool = True) -> int:
        ids = selected_ids(self.recipient_table)
        if not ids:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu baris yang akan dihapus dari daftar."))
            return 0
        names = [r.name for r in self.recipients if r.id in ids]
        who = ", ".join(names[:5]) + (tr(" dan {n} lainnya").format(n=len(names) - 5) if len(names) > 5 else "")
        if confirm and QMessageBox.question(
                self, "Simpul", tr("Hapus {who} dari daftar penerima ini? Orangnya tetap ada di registri.").format(
                    who=who)) != QMessageBox.StandardButton.Yes:
            return 0
        try:
            with self.db.transaction() as s:
                for rid in ids:
                    remove_recipient(s, rid)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return 0
        self.refresh()
        self.data_changed.emit()
        return len(ids)

    def check_list(self):
        pid = self.programme_id()
        if pid is None:
            return None
        try:
            with self.db.transaction() as s:
                summary = run_checks(s, pid)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return None
        if summary.findings:
            kinds = ", ".join(f"{label(CHECK_KINDS, k)} {number(n)}" for k, n in sorted(summary.by_kind.items()))
            text = tr("{lines} baris diperiksa: {findings} temuan ({kinds}); {open} belum diputuskan.").format(
                lines=number(summary.lines), findings=number(summary.findings), kinds=kinds,
                open=number(summary.open))
        else:
            text = tr("{lines} baris diperiksa: tidak ada temuan.").format(lines=number(summary.lines))
        self.refresh()
        self.check_summary.setText(text)
        if summary.open and not self.only_open.isChecked():
            self.only_open.setChecked(True)
        if summary.open and self.recipient_table.rowCount():
            self.recipient_table.selectRow(0)
        self.data_changed.emit()
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
        try:
            with self.db.transaction() as s:
                finalise(s, p.id)
        except SimpulError as exc:
            self.refresh()
            QMessageBox.warning(self, "Simpul", exc.message)
            return False
        self.refresh()
        self.data_changed.emit()
        return True

    def reopen_list(self, confirm: bool = True) -> bool:
        p = self.programme()
        if p is None:
            return False
        if confirm and QMessageBox.question(
                self, "Simpul", tr("Buka kembali daftar {name} untuk diubah? Penyaluran yang sudah tercatat tidak "
                                   "berubah; finalkan lagi sebelum menjadwalkan penerima baru.").format(name=p.name)
        ) != QMessageBox.StandardButton.Yes:
            return False
        with self.db.transaction() as s:
            reopen(s, p.id)
        self.refresh()
        self.data_changed.emit()
        return True
