"""Pengaturan → Cadangan: back up now, the list of backups, restore one, and — when the registry
is damaged — the banner with the two ways out (restore the newest good backup, or salvage what is
readable into a new file). Every job runs on the database worker through `ops.run`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.i18n import number
from desktop.core.services import backup, check
from desktop.core.services.salvage import salvage_registry
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations

BANNER_STYLE = "background: #FDECEA; color: #9C0006; padding: 8px; border: 1px solid #E6B0AA;"
KINDS = {"manual": N_("manual"), "auto": N_("otomatis"), "safety": N_("sebelum pemulihan"),
         "upgrade": N_("sebelum pembaruan"), "other": N_("lainnya")}
COLUMNS = (N_("Tanggal"), N_("Jenis"), N_("Ukuran"), N_("Isi"), N_("Keadaan"))


class DamageBanner(QWidget):
    """The red strip the main window shows above every section while the registry is damaged;
    its button asks for Pengaturan → Cadangan, where the two ways out are."""

    open_backups = Signal()

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        label = QLabel(text + " " + tr("Perubahan dan impor ditolak sampai basis data dipulihkan."))
        label.setWordWrap(True)
        button = QPushButton(tr("Pulihkan atau selamatkan…"))
        button.clicked.connect(self.open_backups)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        self.setStyleSheet(BANNER_STYLE)


class BackupsPanel(QWidget):
    """Mounted by the settings page as its "Cadangan" tab; `refresh()` re-reads the folder."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.backups: list[backup.BackupInfo] = []
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.restore_newest_button = QPushButton(tr("Pulihkan cadangan utuh terbaru"))
        self.restore_newest_button.clicked.connect(self.restore_newest)
        self.salvage_button = QPushButton(tr("Selamatkan data yang masih terbaca…"))
        self.salvage_button.clicked.connect(self.salvage)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.restore_newest_button)
        banner_row.addWidget(self.salvage_button)
        banner_row.addStretch(1)
        self.damage_box = QWidget()
        damage_layout = QVBoxLayout(self.damage_box)
        damage_layout.setContentsMargins(0, 0, 0, 0)
        damage_layout.addWidget(self.banner)
        damage_layout.addLayout(banner_row)

        self.intro = QLabel(tr("Cadangan disimpan di folder {folder}. Simpul mencadangkan otomatis saat "
                               "ditutup (paling banyak sekali sehari) dan menyimpan 7 harian, 4 mingguan, "
                               "12 bulanan. Cadangan ke flashdisk dienkripsi dengan kata sandi kantor."))
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(tr("Cadangkan sekarang"))
        self.backup_button.clicked.connect(self.backup_now)
        self.external_button = QPushButton(tr("Cadangkan ke flashdisk…"))
        self.external_button.clicked.connect(self.backup_external)
        self.restore_button = QPushButton(tr("Pulihkan…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.external_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)

        from desktop.gui.settings.encryption import EncryptionBox

        self.encryption = EncryptionBox(ops)
        self.encryption.encrypted.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.damage_box)
        layout.addWidget(self.encryption)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._intro_text = self.intro.text()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        found = self.ops.call(lambda database: (backup.backups_of(database), backup.backup_folder(database),
                                                check.is_read_only(database)), parent=self)
        if not found:
            return
        self.backups, folder, damaged = found.value
        self.encryption.refresh()
        self.intro.setText(self._intro_text.format(folder=folder))
        self.damage_box.setVisible(damaged)
        if damaged:
            self.banner.setText(tr("Basis data ini RUSAK dan dibuka hanya untuk dibaca: perubahan dan impor "
                                   "ditolak. Pulihkan cadangan utuh terbaru, atau selamatkan data yang masih "
                                   "terbaca ke berkas baru."))
        self.backup_button.setEnabled(not damaged)
        self.external_button.setEnabled(not damaged)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            state = tr("diperiksa") if info.verified else tr("belum diperiksa")
            if info.encrypted:
                state += ", " + tr("terenkripsi")
            cells = (info.created.strftime("%d-%m-%Y %H:%M"), tr(KINDS.get(info.kind, KINDS["other"])),
                     f"{number(info.size / 1e6, 1)} MB", info.summary.partition(": ")[2] or "-", state)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.restore_button.setEnabled(bool(self.backups) or damaged)

    def selected(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # -- backing up --------------------------------------------------------------------------------
    def backup_now(self) -> None:
        self.ops.run(lambda database, progress: backup.make_backup(database, progress=progress),
                     parent=self, label=tr("Mencadangkan dan memeriksa cadangan…"), session=None,
                     on_done=self._backed_up)

    def backup_external(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Pilih folder di flashdisk"))
        if not folder:
            return
        passphrase = self._ask_passphrase(twice=True)
        if passphrase is None:
            return
        self.ops.run(lambda database, progress: backup.make_backup(database, to=folder, passphrase=passphrase,
                                                                   progress=progress),
                     parent=self, label=tr("Mencadangkan dan mengenkripsi…"), session=None, on_done=self._backed_up)

    def _backed_up(self, made: backup.BackupInfo) -> None:
        self.status.setText(tr("Cadangan dibuat dan diperiksa: {path}").format(path=made.path))
        self.refresh()

    def _ask_passphrase(self, *, twice: bool) -> str | None:
        text, ok = QInputDialog.getText(self, tr("Kata sandi kantor"), tr("Kata sandi kantor (minimal 8 karakter):"),
                                        QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if twice:
            again, ok = QInputDialog.getText(self, tr("Kata sandi kantor"), tr("Ulangi kata sandi:"),
                                             QLineEdit.EchoMode.Password)
            if not ok:
                return None
            if again != text:
                QMessageBox.warning(self, "Simpul", tr("Kedua kata sandi tidak sama; tidak ada cadangan yang dibuat."))
                return None
        return text

    # -- restoring -----------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Pilih cadangan"), "",
                                                  tr("Cadangan Simpul (*.db *.simpulbak);;Semua berkas (*)"))
            if not path:
                return
            info = backup.info_of(Path(path))
        self.restore(info)

    def restore_newest(self) -> None:
        best = self.ops.call(lambda database: backup.newest_good(backup.backup_folder(database), database.file),
                             parent=self)
        if not best:
            return
        if best.value is None:
            QMessageBox.information(self, "Simpul", tr("Tidak ada cadangan utuh. Selamatkan data yang masih "
                                                       "terbaca ke berkas baru."))
            return
        self.restore(best.value)

    def restore(self, info: backup.BackupInfo, *, ask: bool = True) -> None:
        """Show the backup's date and counts, then (when confirmed) put it in place."""
        if ask and not self.confirm_restore(info):
            return
        passphrase = self._ask_passphrase(twice=False) if info.encrypted else None
        if info.encrypted and passphrase is None:
            return
        self.ops.run(lambda database, progress: backup.restore(database, info.path, passphrase=passphrase,
                                                               progress=progress),
                     parent=self, label=tr("Memulihkan cadangan…"), session=None, changes=Changes.everything(),
                     on_done=self._restored)

    def confirm_restore(self, info: backup.BackupInfo) -> bool:
        checked = tr("sudah diperiksa saat dibuat") if info.verified else tr("BELUM diperiksa")
        answer = QMessageBox.question(
            self, tr("Pulihkan cadangan"),
            tr("Ganti seluruh basis data dengan cadangan ini?\n\n{summary}\n({checked})\n{path}\n\n"
               "Basis data sekarang disimpan dulu sebagai salinan di folder cadangan.").format(
                summary=info.summary, checked=checked, path=info.path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _restored(self, result: backup.RestoreResult) -> None:
        QMessageBox.information(self, "Simpul", tr("Dipulihkan dari cadangan {summary}.\nBasis data sebelumnya "
                                                   "disimpan di {safety}.").format(
            summary=result.backup.summary, safety=result.safety_copy or "-"))
        self.refresh()

    # -- salvage ---------------------------------------------------------------------------------------
    def salvage(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Simpan data yang terselamatkan"), "simpul-selamat.db",
                                                tr("Basis data SQLite (*.db)"))
        if not target:
            return
        self.ops.run(lambda database, progress: salvage_registry(database, target, progress),
                     parent=self, label=tr("Menyelamatkan data…"), session=None, on_done=self._salvaged)

    def _salvaged(self, report) -> None:
        answer = QMessageBox.question(
            self, tr("Data terselamatkan"),
            "\n".join(report.lines()) + "\n\n" + tr("Pakai berkas ini sebagai basis data sekarang? Basis data "
                                                    "yang rusak disimpan dulu sebagai salinan."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(backup.info_of(report.target), ask=False)
