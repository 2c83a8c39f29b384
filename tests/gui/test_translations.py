"""Every GUI text has an English translation with the same placeholders, and the compiled
catalogue really switches the window to English."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop.core import i18n as core_i18n
from desktop.gui import i18n
from desktop.gui.main_window import MainWindow

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_text_is_translated_with_the_same_placeholders():
    catalogue = i18n.read_ts(i18n.ts_path("en"))
    texts = i18n.source_texts()
    assert len(texts) > 300
    missing = [t for t in texts if t not in catalogue]
    assert missing == [], "run `python -m desktop.gui.i18n` and translate these in simpul_en.ts"
    for source in texts:
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(catalogue[source])), source


def test_no_stale_entries_in_the_catalogue():
    assert set(i18n.read_ts(i18n.ts_path("en"))) <= set(i18n.source_texts())


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")
    yield
    from PySide6.QtCore import QTranslator

    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    i18n.install(qapp, "id")
    core_i18n.set_language("id")


def test_the_window_in_english(qtbot, sqlite_db, english):
    assert QCoreApplication.translate("Simpul", "Beranda") == "Home"
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Home", "Persons & PPKS", "Families", "PSKS", "PSKS work", "Referrals", "Aid", "Complaints & Verivali",
        "Import & Export", "Settings"]
    assert "0 families · 0 persons" in window.header.text()
    assert window.persons_page.search.placeholderText().startswith("Search name")
    assert window.persons_page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert core_i18n.language() == "en"  # core messages follow


def test_language_setting_is_saved(qtbot, sqlite_db):
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.settings.language.setCurrentIndex(window.settings.language.findData("en"))
    assert window.settings.save()
    assert i18n.saved_language() == "en"
    i18n.save_language("id")


def test_standard_buttons_speak_indonesian(qapp):
    i18n.install(qapp, "id")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ya"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
