"""Pengaturan: the office profile (the same form the set-up wizard fills), saved to the database
(audited), and the language of the screens."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout

from desktop.core.changes import Changes, Kind
from desktop.core.services.office import office_logo, office_profile, save_logo, save_profile
from desktop.gui.i18n import LANGUAGES, save_language, saved_language, tr
from desktop.gui.ops import Operations
from desktop.gui.settings.profile_form import ProfileForm, top_aligned
from desktop.gui.shared.page import Page

OK_STYLE, ERROR_STYLE = "color: #1F6F5C", "color: #9C0006"


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
        save = QPushButton(tr("Simpan pengaturan"))
        save.clicked.connect(self.save)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(top_aligned(self.form))
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(language_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        values, logo = self.ops.read(lambda s: (office_profile(s), office_logo(s)))
        self.form.set_values(values)
        self.form.set_logo(logo)
        self.form.logo_mime = None  # the stored logo; only a newly chosen one is saved again

    def save(self) -> bool:
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
