"""Users and their rights: argon2 passwords, lockout, the last Admin, the recovery code, and no
secret in the audit trail (issue 15, items 1 and 5 in part)."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.core import access
from desktop.core.access import AccessDenied, Right
from desktop.core.db.models import AuditEntry, User
from desktop.core.domain.enums import Role
from desktop.core.errors import SimpulError
from desktop.core.services import users


@pytest.fixture
def office(db):
    with db.transaction("penyiap") as s:
        users.add_user(s, "Admin Kantor", Role.ADMIN, "kunci-admin-1")
        users.add_user(s, "operator1", Role.OPERATOR, "kunci-operator-1", grants=frozenset({Right.SENSITIVE}))
        users.add_user(s, "tamu", Role.GUEST, "kunci-tamu-1")
    return db


def test_a_login_gives_the_role_rights_and_the_grants(office):
    admin = users.login(office, "admin kantor", "kunci-admin-1")  # names compare without case
    assert admin.role is Role.ADMIN and admin.can(Right.USERS) and not admin.sensitive
    operator = users.login(office, "OPERATOR1", "kunci-operator-1")
    assert operator.sensitive and operator.full_nik and not operator.can(Right.SIGN)
    guest = users.login(office, "tamu", "kunci-tamu-1")
    assert guest.rights == {Right.AGGREGATES}
    with pytest.raises(AccessDenied, match="tidak berhak melihat registri"):
        guest.require(Right.REGISTRY_VIEW)


def test_the_first_user_is_an_admin_and_the_last_admin_stays(db):
    with pytest.raises(SimpulError, match="harus Admin"), db.transaction() as s:
        users.add_user(s, "operator1", Role.OPERATOR, "kunci-operator-1")
    with db.transaction() as s:
        users.add_user(s, "admin", Role.ADMIN, "kunci-admin-1")
    with pytest.raises(SimpulError, match="Admin aktif terakhir"), db.transaction() as s:
        users.disable_user(s, "admin")


def test_weak_passwords_and_duplicate_names_are_refused(office):
    for name, password, message in (("budi", "pendek", "minimal 8"), ("budi.santoso", "Budi.Santoso", "sama dengan"),
                                    ("operator1", "kunci-lain-99", "sudah ada"), ("<b>", "kunci-lain-99", "tidak bisa")):
        with pytest.raises(SimpulError, match=message), office.transaction() as s:
            users.add_user(s, name, Role.OPERATOR, password)


def test_wrong_passwords_lock_the_account_and_the_message_does_not_tell_which_was_wrong(office):
    with pytest.raises(AccessDenied) as unknown:
        users.login(office, "siapa", "kunci-operator-1")
    for _ in range(users.MAX_FAILURES - 1):
        with pytest.raises(AccessDenied) as wrong:
            users.login(office, "operator1", "salah-sandi")
    assert wrong.value.message == unknown.value.message
    with pytest.raises(AccessDenied):
        users.login(office, "operator1", "salah-sandi")
    with pytest.raises(AccessDenied, match="dikunci sementara"):
        users.login(office, "operator1", "kunci-operator-1")  # even the right password waits
    with office.transaction() as s:
        users.reset_password(s, "operator1", "kunci-baru-123")
    assert users.login(office, "operator1", "kunci-baru-123").name == "operator1"


def test_a_disabled_user_cannot_log_in(office):
    with office.transaction() as s:
        users.disable_user(s, "tamu")
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        users.login(office, "tamu", "kunci-tamu-1")


def test_the_recovery_code_sets_a_new_admin_password_once(office):
    with office.transaction() as s:
        code = users.new_recovery_code(s)
    typed = code.lower().replace("-", " ")  # read off paper: case and spacing do not matter
    following = users.recover_admin(office, typed, "Admin Kantor", "kunci-pulih-22")
    assert following != code
    assert users.login(office, "Admin Kantor", "kunci-pulih-22").role is Role.ADMIN
    with pytest.raises(SimpulError, match="salah atau sudah pernah dipakai"):
        users.recover_admin(office, code, "Admin Kantor", "kunci-pulih-33")
    with pytest.raises(SimpulError, match="bukan Admin"):
        users.recover_admin(office, following, "operator1", "kunci-pulih-33")


def test_no_password_or_code_hash_reaches_the_audit_trail(office):
    with office.transaction() as s:
        users.new_recovery_code(s)
        users.reset_password(s, "tamu", "kunci-tamu-22")
    users.login(office, "tamu", "kunci-tamu-22")
    with office.read() as s:
        hashes = set(s.scalars(select(User.password_hash)))
        trail = " ".join(str(e.changes) for e in s.scalars(select(AuditEntry)))
    assert "argon2" not in trail and not any(h in trail for h in hashes)
    assert "kunci-" not in trail


def test_a_registry_without_users_works_as_before():
    actor = access.unmanaged("operator")
    assert all(actor.can(r) for r in Right)
    assert access.actor_for("x", Role.DESK, {Right.SENSITIVE}).rights == {Right.DESK, Right.SENSITIVE}
    assert access.parse_grants("data_sensitif,tanda_tangan,zz") == {Right.SENSITIVE}  # only grantable ones


def test_lock_expires(office):
    with office.transaction() as s:
        user = s.scalar(select(User).where(User.name_key == "tamu"))
        user.locked_until = dt.datetime(2000, 1, 1)
    assert users.login(office, "tamu", "kunci-tamu-1").name == "tamu"
