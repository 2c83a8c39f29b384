"""Every screen fits an office laptop: at 1024 × 600 logical pixels (a 1366 × 768 screen at 125 %)
every section and every dialog fits, and no button is cut off. One window and one demo database
serve the whole module."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QTabBar, QWidget

from desktop.core.db import schema
from desktop.core.db.engine import open_database
from desktop.core.services import demo
from desktop.core.services.office import init_office

SMALL = QSize(1024, 600)
DIALOG_ROOM = QSize(1024, 600 - 40)  # a dialog's title bar takes room too (shared.flow.TITLE_BAR)


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    from PySide6.QtCore import QSettings, QStandardPaths

    from desktop.gui.main_window import MainWindow
    from desktop.gui.ops import wait_idle

    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("SimpulTest")
    qapp.setApplicationName("SimpulTest")
    QSettings().clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SIMPUL_HOME", str(tmp_path_factory.mktemp("fit-home")))
        db = open_database(tmp_path_factory.mktemp("fit") / "simpul.db", busy_timeout_ms=200)
        schema.upgrade(db)
        init_office(db, "64.02.06")
        demo.generate(db, 60, seed=11)
        win = MainWindow(db)
        win.show()
        yield win
        wait_idle()
        win.close()
        win.deleteLater()
        db.dispose()


@pytest.fixture
def small_screen(monkeypatch):
    """Dialogs size themselves to a 1024 × 600 screen (the offscreen platform's is 800 × 800)."""
    monkeypatch.setattr("desktop.gui.shared.flow.screen_room", lambda widget: SMALL)


def fits(size: QSize, room: QSize = SMALL) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def cut_off(window: QWidget) -> list[str]:
    """Visible buttons not wholly inside every widget around them (a scrolled area excepted: its
    content is reached by scrolling), or squeezed below the width their text needs."""
    found = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window or isinstance(button.parent(), QTabBar):
            continue
        name = button.text() or button.toolTip() or type(button).__name__
        if button.width() < button.minimumSizeHint().width() - 1:
            found.append(f"{name}: squeezed to {button.width()} px")
        child, rect = button, button.rect()
        while child is not window:
            parent = child.parentWidget()
            rect = rect.translated(child.pos())
            if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
                break
            if not parent.rect().contains(rect):
                found.append(f"{name}: outside {type(parent).__name__}")
                break
            child = parent
    return found


def settle(window: QWidget, size: QSize) -> None:
    window.resize(size)
    for _ in range(3):
        QApplication.processEvents()


def test_every_section_fits_at_1024_by_600(window):
    from desktop.gui.main_window import SECTIONS

    for index, section in enumerate(SECTIONS):
        window.nav.setCurrentRow(index)
        settle(window, SMALL)
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert fits(hint), f"{section.title}: the window needs at least {hint.width()} × {hint.height()}"
        assert window.size() == SMALL, section.title
        assert cut_off(window) == [], section.title
    from desktop.gui.main_window import AID

    aid = window.aid_page
    window.nav.setCurrentRow(AID)
    aid.tabs.setCurrentIndex(1)  # Penyaluran
    settle(window, SMALL)
    assert cut_off(window) == []
    aid.tabs.setCurrentIndex(0)


def test_detail_panes_fold_away_when_narrow_and_come_back_on_request(window):
    page = window.persons_page
    window.nav.setCurrentRow(1)
    settle(window, QSize(1366, 768))
    assert page.detail.isVisible() and page.splitter.toggle.isChecked()
    for names in (page, window.families_page, window.psks_page):  # names are not elided at 1366 px
        assert names.table.columnWidth(1) >= 180, type(names).__name__
    for row, split in ((2, window.families_page.splitter), (1, page.splitter)):
        window.nav.setCurrentRow(row)
        settle(window, QSize(1366, 768))
        assert split.side.isVisible()  # with the room its boxes need, no scrolling
        assert not split.side.horizontalScrollBar().isVisible()
        assert not split.side.verticalScrollBar().isVisible()
    settle(window, SMALL)
    assert not page.detail.isVisible() and not page.splitter.toggle.isChecked()
    page.splitter.toggle.click()  # the user wants it even on the small screen
    QApplication.processEvents()
    assert page.detail.isVisible()
    page.splitter.toggle.click()
    assert not page.detail.isVisible()


def dialogs(window):
    """(name, factory) for every dialog and window of the app, opened on the demo data."""
    from desktop.core.services.aid import programme_ids
    from desktop.core.services.distribution import event_ids
    from desktop.core.services.lists import family_ids, person_ids, psks_ids
    from desktop.gui.aid.dialogs import ReasonDialog
    from desktop.gui.aid.event_dialog import EventDialog
    from desktop.gui.aid.programme_dialog import ProgrammeDialog
    from desktop.gui.aid.recipient_dialogs import AddRecipientDialog, RegistryAddDialog
    from desktop.gui.referrals.dialogs import (
        InstitutionDialog,
        InstitutionsDialog,
        RegisterDialog,
        SignerDialog,
        VerifyDialog,
    )
    from desktop.gui.referrals.referral_dialog import ReferralDialog
    from desktop.gui.registry.families import FamilyDialog
    from desktop.gui.registry.person_detail import PpksDialog
    from desktop.gui.registry.person_dialog import PersonDialog
    from desktop.gui.registry.psks import PsksDialog
    from desktop.gui.settings.setup import SetupWizard

    ops = window.ops
    person, family, psks, programme, event = ops.read(lambda s: (
        person_ids(s)[0], family_ids(s)[0], psks_ids(s)[0], programme_ids(s)[0], event_ids(s)[0]))

    def desk():
        from desktop.gui.aid.desk import CheckinDesk
        return CheckinDesk(ops, event, window)

    def desk_proxy():
        from desktop.gui.aid.desk_widgets import ProxyDialog
        return ProxyDialog("Nama Penerima", lambda *_: None, window)

    def import_wizard():
        from desktop.gui.exchange.import_wizard import ImportWizard
        return ImportWizard(ops, window)

    def preview():
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas
        import io

        from desktop.gui.shared.pdf_preview import PdfPreview
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4)
        canvas.drawString(72, 760, "Surat")
        canvas.save()
        return PdfPreview(out.getvalue(), "Surat", on_save=lambda: None, parent=window)

    return [
        ("person (new)", lambda: PersonDialog(ops, None, window)),
        ("person", lambda: PersonDialog(ops, person, window)),
        ("PPKS category", lambda: PpksDialog(ops, window)),
        ("family (new)", lambda: FamilyDialog(ops, None, window)),
        ("family", lambda: FamilyDialog(ops, family, window)),
        ("PSKS (new)", lambda: PsksDialog(ops, None, window)),
        ("PSKS", lambda: PsksDialog(ops, psks, window)),
        ("referral", lambda: ReferralDialog(ops, window)),
        ("signer", lambda: SignerDialog(window)),
        ("institution", lambda: InstitutionDialog(ops, None, window)),
        ("institutions", lambda: InstitutionsDialog(ops, window)),
        ("letter register", lambda: RegisterDialog(ops, window)),
        ("verify letter", lambda: VerifyDialog(ops, window)),
        ("programme (new)", lambda: ProgrammeDialog(ops, None, window)),
        ("programme", lambda: ProgrammeDialog(ops, programme, window)),
        ("event", lambda: EventDialog(ops, event, None, window)),
        ("event (new)", lambda: EventDialog(ops, None, programme, window)),
        ("recipients from the registry", lambda: RegistryAddDialog(ops, programme, window)),
        ("one recipient", lambda: AddRecipientDialog(ops, programme, window)),
        ("reason", lambda: ReasonDialog("Buka kembali", "Mengapa?", ["Salah data"], "Buka", parent=window)),
        ("check-in desk", desk),
        ("collected by a proxy", desk_proxy),
        ("set-up wizard", lambda: SetupWizard(ops, window)),
        ("import wizard", import_wizard),
        ("PDF preview", preview),
    ]


def test_every_dialog_fits_at_1024_by_600(window, small_screen):
    too_big = []
    for name, make in dialogs(window):
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if not fits(hint, DIALOG_ROOM) or not fits(dialog.size(), DIALOG_ROOM):
            too_big.append(f"{name}: {dialog.width()} × {dialog.height()}, at least {hint.width()} × {hint.height()}")
        elif dialog.isWindow() and (cut := cut_off(dialog)):
            too_big.append(f"{name}: {cut}")
        dialog.close()
        dialog.deleteLater()
    QApplication.processEvents()
    assert too_big == []


def test_the_family_dialog_has_room_to_type(window, small_screen):
    from desktop.gui.registry.families import FamilyDialog

    dialog = FamilyDialog(window.ops, None, window)
    dialog.show()
    assert dialog.width() >= 500 and dialog.address.width() >= 320
    dialog.close()


def test_the_pdf_preview_keeps_its_buttons_on_a_768_pixel_screen(window, monkeypatch):
    monkeypatch.setattr("desktop.gui.shared.flow.screen_room", lambda widget: QSize(1366, 728))
    from desktop.gui.shared.pdf_preview import PdfPreview

    dialog = PdfPreview(b"", "Surat", parent=window)
    assert dialog.height() <= 728 - 40 and dialog.width() == 760
    dialog.deleteLater()
