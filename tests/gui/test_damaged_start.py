"""A damaged registry opens read-only: the window says so above everything, offers the backups,
and no write lands (issue 14, item 3)."""

import pytest

from desktop.core.db import schema
from desktop.core.db.engine import open_database
from desktop.core.domain.enums import Sex
from desktop.core.services.office import init_office
from desktop.core.services.registry import PersonInput, create_person
from desktop.core.services.startup import open_for_app
from tests.db.test_backup import damage


@pytest.fixture
def damaged(tmp_path):
    file = tmp_path / "kantor.db"
    db = open_database(file)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    for i in range(400):  # enough pages that the middle ones hold persons
        with db.transaction() as s:
            create_person(s, PersonInput(name=f"Warga Uji {i} " + "x" * 60, sex=Sex.FEMALE, notes="y" * 300))
    db.dispose()
    damage(file, pages=4)
    return file


def test_the_window_opens_read_only_with_a_banner_and_refuses_writes(damaged, qtbot):
    from desktop.gui.main_window import MainWindow

    startup = open_for_app(damaged)
    assert startup.damage is not None
    window = MainWindow(startup.db, damage=startup.damage)
    qtbot.addWidget(window)
    window.show()
    assert window.banner is not None and window.banner.isVisible()
    window.banner.open_backups.emit()  # "Pulihkan…" leads to Pengaturan → Cadangan
    assert window.settings.tabs.currentIndex() == 1 and window.settings.backups is not None
    failures = []
    landed = window.ops.write(lambda s: create_person(s, PersonInput(name="Warga Baru", sex=Sex.MALE)),
                              parent=None, on_error=failures.append)
    assert not landed and failures and "rusak" in failures[0].message
    startup.db.dispose()
