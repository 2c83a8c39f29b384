import pytest


@pytest.fixture
def open_page(ops, qtbot):
    """Build a section as the main window does: on the shared operations layer, shown, and told
    about every write that lands (the window's route_changes)."""

    def build(cls):
        page = cls(ops)
        qtbot.addWidget(page)
        ops.changed.connect(page.apply_changes)
        page.resize(1200, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    return build
