import pytest


@pytest.fixture(autouse=True)
def _qt_test_mode(qapp):
    """QSettings and standard paths go to a test location, never the user's real settings."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("SimpulTest")
    qapp.setApplicationName("SimpulTest")
    QSettings().clear()
    yield
    QSettings().clear()
