"""Pengaturan: the office profile (the same form the set-up wizard fills), saved to the database
(audited), the language of the screens, the backups and the office's user accounts. A role reaches
this page with any of "pengaturan", "cadangan" or "pengguna" (access.SECTION_RIGHTS): each tab
shows only what that role may do; the language is everyone's."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.services.office import office_logo, office_profile, save_logo, save_profile
from desktop.gui.i18n import LANGUAGES, save_language, saved_language, tr
from desktop.gui.ops import Operations
from desktop.gui.settings.profile_form import ProfileForm, top_aligned
from desktop.gui.shared.page import Page

OK_STYLE, ERROR_STYLE = "color: #1F6F5C", "color: #9C0006"
PROFILE, BACKUPS, USERS = range(3)  # tab order; Cadangan stays second (the damage banner's way)


class SettingsPage(Page):
    SHOWS = frozenset({Kind.OFFICE})

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.form = ProfileForm()
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
        self.save_button = QPushButton(tr("Simpan pengaturan"))
        self.save_button.clicked.connect(self.save)
        self.may_edit = ops.can(Right.SETTINGS)
        self.save_button.setVisible(self.may_edit)
        if not self.may_edit:  # the profile is shown read-only; the language is saved at once
            self.form.setEnabled(False)
            self.language.currentIndexChanged.connect(self._language_chosen)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(top_aligned(self.form))
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        profile = QWidget()
        inner = QVBoxLayout(profile)
        inner.addLayout(language_row)
        inner.addWidget(scroll, 1)
        inner.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(profile, tr("Profil kantor"))
        self.backups = None
        self.users = None
        self.tabs.addTab(QWidget(), tr("Cadangan"))  # built when first opened
        self.tabs.addTab(QWidget(), tr("Pengguna"))  # likewise
        self.tabs.setTabVisible(BACKUPS, ops.can(Right.BACKUP))
        self.tabs.setTabVisible(USERS, ops.can(Right.USERS))
        self.tabs.currentChanged.connect(self._tab_opened)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    def _tab_opened(self, index: int) -> None:
        if index == BACKUPS and self.backups is None and self.ops.can(Right.BACKUP):
            from desktop.gui.settings.backups import BackupsPanel

            self.backups = BackupsPanel(self.ops)
            self._mount(BACKUPS, self.backups, tr("Cadangan"))
        elif index == USERS and self.users is None and self.ops.can(Right.USERS):
            from desktop.gui.settings.users import UsersPanel

            self.users = UsersPanel(self.ops)
            self._mount(USERS, self.users, tr("Pengguna"))

    def _mount(self, index: int, panel: QWidget, title: str) -> None:
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, title)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def show_backups(self) -> None:
        if not self.ops.can(Right.BACKUP):
            return
        self.tabs.setCurrentIndex(BACKUPS)
        self._tab_opened(BACKUPS)

    def show_users(self) -> None:
        if not self.ops.can(Right.USERS):
            return
        self.tabs.setCurrentIndex(USERS)
        self._tab_opened(USERS)

    def _language_chosen(self) -> None:
        save_language(self.language.currentData())
        self._say(tr("Bahasa disimpan."), OK_STYLE)

    def refresh(self) -> None:
        read = self.ops.read_or(lambda s: (office_profile(s), office_logo(s)), None)
        self.tabs.widget(PROFILE).setEnabled(read is not None)  # a damaged registry: only Cadangan works
        if read is None:
            return
        values, logo = read
        self.form.set_values(values)
        self.form.set_logo(logo)
        self.form.logo_mime = None  # the stored logo; only a newly chosen one is saved again

    def save(self) -> bool:
        if not self.may_edit:
            return False
        problems = self.form.problems()
        if problems:
            self._say(" ".join(problems), ERROR_STYLE)
            return False
        save_language(self.language.currentData())
        values = self.form.values()
        logo, mime = self.form.logo_bytes, self.form.logo_mime

        def work(s) -> None:
            save_profile(s, values)
            if logo and mime:  # a logo newly chosen in the form
                save_logo(s, logo, mime)

        saved = self.ops.write(work, parent=self, changes=Changes.of(Kind.OFFICE),
                               on_error=lambda exc: self._say(exc.message, ERROR_STYLE))
        if saved:
            self._say(tr("Tersimpan."), OK_STYLE)
        return bool(saved)

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
