"""Pengaturan → Pengguna: the office's accounts for an Admin who is not a programmer — who may log
in, with which role and extra rights, a new password for someone who forgot theirs, and switching
an account off. The users service decides and refuses (the last Admin, one's own account); this
panel only asks and shows its answer."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core import access
from desktop.core.domain.clock import local_text
from desktop.core.services import users
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.login import IDLE_MINUTES, IDLE_SETTING
from desktop.gui.ops import Operations
from desktop.gui.settings.user_dialogs import GRANT_SHORT, PasswordDialog, UserDialog

OK_STYLE, ERROR_STYLE = "color: #1F6F5C", "color: #9C0006"
COLUMNS = (N_("Nama pengguna"), N_("Nama lengkap"), N_("Peran"), N_("Hak tambahan"), N_("Keadaan"),
           N_("Terakhir masuk"))
NAME, FULL_NAME, ROLE, GRANTS, STATE, LAST_LOGIN = range(len(COLUMNS))
MUTED = QColor("#7A7A7A")
COLUMN_PADDING = 24


def state_text(row: users.UserRow) -> str:
    if row.disabled:
        return tr("nonaktif")
    return tr("terkunci sementara") if row.locked else tr("aktif")


def grants_text(row: users.UserRow) -> str:
    """Only what the Admin added: a Camat sees sensitive data through the role, not a grant."""
    extra = row.grants - access.ROLE_RIGHTS[row.role]
    return ", ".join(tr(GRANT_SHORT[r]) for r in sorted(extra)) or "—"


class UsersPanel(QWidget):
    """Mounted by the settings page as its "Pengguna" tab (only for a role with the right)."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[users.UserRow] = []
        intro = QLabel(tr("Setiap orang yang memakai Simpul masuk dengan akunnya sendiri. Peran menentukan apa "
                          "yang boleh dilihat dan diubah; hak tambahan membuka data pribadi lebih jauh. Semua "
                          "perubahan di sini dicatat di jejak audit."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(FULL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.add_button = QPushButton(tr("Tambah pengguna…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(tr("Ubah peran dan hak…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button = QPushButton(tr("Atur ulang kata sandi…"))
        self.reset_button.clicked.connect(self.reset_selected)
        self.toggle_button = QPushButton(tr("Nonaktifkan"))
        self.toggle_button.clicked.connect(self.toggle_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # The screen lock of this PC (a desk laptop may want less than the Camat's office PC).
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(tr(" menit"))
        self.idle.setValue(int(QSettings().value(IDLE_SETTING, IDLE_MINUTES)))
        self.idle.valueChanged.connect(lambda n: QSettings().setValue(IDLE_SETTING, n))
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(tr("Kunci layar komputer ini setelah tidak dipakai selama")))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(QLabel(tr("(berlaku saat Simpul dibuka lagi)")))
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(idle_row)
        layout.addWidget(self.status)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        keep = keep or (self.selected().name if self.selected() else None)
        self.rows = self.ops.read(users.list_users)
        me = self.ops.actor.name.casefold()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            last = local_text(row.last_login_at) if row.last_login_at else tr("belum pernah")
            name = row.name + (" " + tr("(Anda)") if row.name.casefold() == me else "")
            values = (name, row.full_name or "", label(row.role), grants_text(row), state_text(row), last)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if row.disabled:
                    item.setForeground(QBrush(MUTED))
                if c == NAME:
                    item.setData(Qt.ItemDataRole.UserRole, row.name)
                self.table.setItem(r, c, item)
        for column in range(len(COLUMNS)):  # fitted, with room to breathe; the full name takes the rest
            if column != FULL_NAME:
                self.table.resizeColumnToContents(column)
                self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_PADDING)
        self.select(keep)
        self._selection_changed()

    def select(self, name: str | None) -> bool:
        for r, row in enumerate(self.rows):
            if name is not None and row.name.casefold() == name.casefold():
                self.table.selectRow(r)
                return True
        self.table.clearSelection()
        return False

    def selected(self) -> users.UserRow | None:
        picked = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not picked or picked[0].row() >= len(self.rows):
            return None
        return self.rows[picked[0].row()]

    def _selection_changed(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.reset_button, self.toggle_button):
            button.setEnabled(row is not None)
        self.toggle_button.setText(tr("Aktifkan kembali") if row and row.disabled else tr("Nonaktifkan"))

    # -- the changes (every one through ops.write; the service checks the right) --------------
    def add(self) -> None:
        dialog = UserDialog(self.ops, self)
        if dialog.exec():
            self.refresh(keep=dialog.saved_name)
            self._say(tr("Pengguna {name} ditambahkan.").format(name=dialog.saved_name), OK_STYLE)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = UserDialog(self.ops, self, row=row)
        if dialog.exec():
            self.refresh(keep=row.name)
            self._say(tr("Peran dan hak {name} diubah.").format(name=row.name), OK_STYLE)

    def reset_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if PasswordDialog(self.ops, row, self).exec():
            self.refresh(keep=row.name)
            self._say(tr("Kata sandi {name} diganti. Sampaikan langsung kepadanya, jangan lewat pesan "
                         "tertulis.").format(name=row.name), OK_STYLE)

    def toggle_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        who = f"{row.name} ({row.full_name})" if row.full_name else row.name
        if row.disabled:
            question = tr("Aktifkan kembali akun {who}? Ia bisa masuk lagi dengan kata sandinya yang lama.")
            work, done = (lambda s: users.enable_user(s, row.name)), tr("Akun {name} aktif kembali.")
        else:
            question = tr("Nonaktifkan akun {who}? Ia tidak bisa masuk lagi sampai diaktifkan kembali. Data "
                          "yang pernah ia catat dan jejak auditnya tetap tersimpan.")
            work, done = (lambda s: users.disable_user(s, row.name)), tr("Akun {name} dinonaktifkan.")
        answer = QMessageBox.question(self, tr("Pengguna"), question.format(who=who),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.ops.write(work, parent=self, on_error=lambda exc: self._say(exc.message, ERROR_STYLE)):
            self.refresh(keep=row.name)
            self._say(done.format(name=row.name), OK_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
