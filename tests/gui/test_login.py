"""The window asks who works: the first Admin, a login with its messages, the demo account with
its banner, and the lock after the PC is left idle (issue 15, item 1)."""

import pytest
from PySide6.QtWidgets import QLabel

from desktop.core.access import Right
from desktop.core.domain.enums import Role
from desktop.core.services import users
from desktop.core.services.startup import Startup
from desktop.gui import login
from desktop.gui.app import sign_in


@pytest.fixture
def with_users(sqlite_db):
    with sqlite_db.transaction() as s:
        users.add_user(s, "admin", Role.ADMIN, "kunci-admin-1")
        users.add_user(s, "siti", Role.OPERATOR, "kunci-siti-12")
    return sqlite_db


def test_the_first_admin_is_made_and_the_recovery_code_shown_once(qtbot, ops, monkeypatch):
    shown = []
    monkeypatch.setattr(login.RecoveryCodeDialog, "exec", lambda self: shown.append(self) or 1)
    dialog = login.FirstAdminDialog(ops)
    qtbot.addWidget(dialog)
    dialog.name.setText("admin")
    dialog.new.setText("kunci-admin-1")
    dialog.again.setText("kunci-admin-2")
    dialog.create()
    assert "tidak sama" in dialog.error.text() and not shown
    dialog.again.setText("kunci-admin-1")
    dialog.create()
    assert dialog.actor.role is Role.ADMIN and len(shown) == 1
    assert ops.read(users.has_users)


def test_a_login_says_what_went_wrong_and_returns_the_actor(qtbot, with_users):
    from desktop.gui.ops import Operations

    dialog = login.LoginDialog(Operations(with_users))
    qtbot.addWidget(dialog)
    dialog.name.setText("siti")
    dialog.password.setText("salah-sandi-1")
    dialog.try_login()
    assert "salah" in dialog.error.text() and dialog.actor is None and dialog.password.text() == ""
    dialog.password.setText("kunci-siti-12")
    dialog.try_login()
    assert dialog.actor.role is Role.OPERATOR and dialog.actor.can(Right.IMPORT)


def test_the_demo_opens_into_a_demo_account_with_a_banner(qtbot, sqlite_db):
    from desktop.gui.main_window import MainWindow

    actor = sign_in(Startup(sqlite_db, needs_setup=False), demo=True)
    assert actor.demo and actor.can(Right.SENSITIVE)
    window = MainWindow(sqlite_db, actor=actor)
    qtbot.addWidget(window)
    banners = [w for w in window.findChildren(QLabel) if w.objectName() == "demoBanner"]
    assert banners and "DEMO" in banners[0].text()


def test_a_screenshot_is_no_way_around_the_login(with_users):
    assert sign_in(Startup(with_users, needs_setup=False), demo=False, screenshot=True) is None


def test_an_idle_window_locks_and_opens_again_for_the_same_user(qtbot, with_users, monkeypatch):
    from desktop.core import access
    from desktop.gui.main_window import MainWindow

    asked = []

    def answer(self):
        asked.append((self.name.text(), self.name.isReadOnly()))
        return 1

    monkeypatch.setattr(login.LoginDialog, "exec", answer)
    actor = access.actor_for("siti", Role.OPERATOR)
    window = MainWindow(with_users, actor=actor)
    qtbot.addWidget(window)
    window.show()
    assert window.idle_lock is not None and window.idle_lock.timer.isActive()
    assert window.idle_lock.lock()
    assert asked == [("siti", True)] and window.isVisible()


def test_after_a_reset_the_user_chooses_a_password_of_their_own(qtbot, with_users, monkeypatch):
    from desktop.gui.ops import Operations

    with_users.principal = users.login(with_users, "admin", "kunci-admin-1")
    with with_users.transaction() as s:
        users.reset_password(s, "siti", "sementara-123")
    with_users.principal = None
    asked = []

    def choose(self):
        asked.append(self)
        self.new.setText("milik-siti-456")
        self.again.setText("milik-siti-456")
        self.save()
        return self.result()

    monkeypatch.setattr(login.NewPasswordDialog, "exec", choose)
    dialog = login.LoginDialog(Operations(with_users))
    qtbot.addWidget(dialog)
    dialog.name.setText("siti")
    dialog.password.setText("sementara-123")
    dialog.try_login()
    assert len(asked) == 1 and dialog.actor is not None
    assert users.login(with_users, "siti", "milik-siti-456").name == "siti"
    with with_users.read() as s:
        assert not users.needs_new_password(s, "siti")
