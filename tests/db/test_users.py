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


# ---- managing accounts needs the right, checked in the core (Pengaturan → Pengguna, `simpul user`) ----

def test_a_non_admin_gets_access_denied_from_every_account_function(office):
    office.principal = access.actor_for("operator1", Role.OPERATOR, {Right.SENSITIVE})
    attempts = (
        lambda s: users.list_users(s),
        lambda s: users.add_user(s, "baru", Role.OPERATOR, "kunci-baru-123"),
        lambda s: users.set_role(s, "tamu", Role.CAMAT),
        lambda s: users.disable_user(s, "tamu"),
        lambda s: users.enable_user(s, "tamu"),
        lambda s: users.reset_password(s, "tamu", "kunci-tamu-99"),
        lambda s: users.new_recovery_code(s),
    )
    for attempt in attempts:
        with pytest.raises(AccessDenied, match="tidak berhak mengelola pengguna"), office.transaction() as s:
            attempt(s)
    office.principal = None
    with office.read() as s:
        assert [(r.name, r.role, r.disabled) for r in users.list_users(s)] == [
            ("Admin Kantor", Role.ADMIN, False), ("operator1", Role.OPERATOR, False), ("tamu", Role.GUEST, False)]
    assert users.login(office, "tamu", "kunci-tamu-1").role is Role.GUEST
    # What needs no right stays open to everyone: a login and one's own password.
    office.principal = access.actor_for("operator1", Role.OPERATOR)
    users.change_own_password(office, "operator1", "kunci-operator-1", "kunci-operator-2")
    assert users.login(office, "operator1", "kunci-operator-2").name == "operator1"


def test_the_first_admin_needs_no_right_the_second_user_does(db):
    db.principal = access.Actor("penyiap", None)  # no rights at all: only the very first Admin is free
    with db.transaction() as s:
        users.add_user(s, "admin", Role.ADMIN, "kunci-admin-1")
    with pytest.raises(AccessDenied), db.transaction() as s:
        users.add_user(s, "admin2", Role.ADMIN, "kunci-admin-2")
    db.principal = access.actor_for("admin", Role.ADMIN)
    with db.transaction() as s:
        users.add_user(s, "admin2", Role.ADMIN, "kunci-admin-2")
        assert users.new_recovery_code(s)


def test_a_role_change_replaces_the_grants_and_keeps_only_what_the_role_lacks(office):
    office.principal = access.actor_for("Admin Kantor", Role.ADMIN)
    with office.transaction() as s:
        users.set_role(s, "operator1", Role.CAMAT, frozenset({Right.SENSITIVE, Right.SIGN}), full_name="Kasi Kesos")
    with office.read() as s:
        row = next(r for r in users.list_users(s) if r.name == "operator1")
    assert row.role is Role.CAMAT and row.grants == frozenset() and row.full_name == "Kasi Kesos"
    with office.transaction() as s:  # back to Operator: the Camat's sensitive right does not stay behind
        users.set_role(s, "operator1", Role.OPERATOR)
    assert not users.login(office, "operator1", "kunci-operator-1").sensitive


def test_nobody_disables_or_demotes_themselves_and_the_last_admin_keeps_the_role(office):
    office.principal = access.actor_for("admin kantor", Role.ADMIN)  # names compare without case
    with pytest.raises(SimpulError, match="Akun Anda sendiri"), office.transaction() as s:
        users.disable_user(s, "Admin Kantor")
    with pytest.raises(SimpulError, match="Admin lain"), office.transaction() as s:
        users.set_role(s, "Admin Kantor", Role.ADMIN, frozenset({Right.SENSITIVE}))  # no widening one's own view
    office.principal = access.actor_for("penguji", Role.ADMIN)
    with pytest.raises(SimpulError, match="sebelum mengganti perannya"), office.transaction() as s:
        users.set_role(s, "Admin Kantor", Role.OPERATOR)
    with office.transaction() as s:
        users.add_user(s, "admin2", Role.ADMIN, "kunci-admin-2")
    with office.transaction() as s:  # with a second Admin, the first may become an Operator
        users.set_role(s, "Admin Kantor", Role.OPERATOR)


def test_a_disabled_user_is_enabled_again_with_the_old_password(office):
    with office.transaction() as s:
        users.disable_user(s, "tamu")
        users.enable_user(s, "tamu")
    assert users.login(office, "tamu", "kunci-tamu-1").name == "tamu"


def test_a_reset_password_is_to_be_changed_at_the_next_login(office):
    with office.read() as s:
        assert not users.needs_new_password(s, "tamu")
    with office.transaction() as s:
        users.reset_password(s, "tamu", "kunci-tamu-22")
    with office.read() as s:
        assert users.needs_new_password(s, "tamu")
    users.change_own_password(office, "tamu", "kunci-tamu-22", "kunci-tamu-33")
    with office.read() as s:
        assert not users.needs_new_password(s, "tamu")


def test_passwords_are_hashed_with_argon2id_at_full_cost():
    """The tests hash cheaply (conftest); the product hashes at argon2-cffi's RFC 9106 profile."""
    from argon2 import Type

    from tests.conftest import REAL_HASHER

    hasher = REAL_HASHER()
    assert hasher.type is Type.ID and hasher.memory_cost >= 64 * 1024 and hasher.time_cost >= 3
    assert hasher.hash("kunci-uji-123").startswith("$argon2id$v=19$m=65536,t=3")
