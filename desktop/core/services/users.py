"""Users: adding, disabling, passwords (argon2), login with lockout, the Admin's recovery code.

What a user may do is decided in desktop.core.access; this module only finds out who is there.
A registry without any user works as it did before users existed (`access.unmanaged`) until its
first Admin is made. Managing accounts needs the "pengguna" right, checked here (the window and the
command line only hide or refuse earlier), except for the very first Admin; a login, one's own
password and a recovery with the printed code need none.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from functools import cache

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from desktop.core import access
from desktop.core.access import AccessDenied, Actor, Right
from desktop.core.db.base import utcnow
from desktop.core.db.engine import Database
from desktop.core.db.models import RecoveryCode, User
from desktop.core.domain.enums import Role
from desktop.core.errors import SimpulError

MIN_PASSWORD = 8
MAX_FULL_NAME = 120
MAX_FAILURES = 5  # wrong passwords in a row before the account rests
LOCK_MINUTES = 15
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{1,59}")
# Base32 without the look-alikes 0/O, 1/I/L: read off paper and typed back.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@cache
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current defaults


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    full_name: str | None
    role: Role
    grants: frozenset[Right]
    disabled: bool
    locked: bool
    last_login_at: dt.datetime | None


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(User.id.is_not(None)))))


def _require_manager(session: Session) -> None:
    access.of(session).require(Right.USERS)


def _is_self(session: Session, user: User) -> bool:
    return _key(access.of(session).name) == user.name_key


def list_users(session: Session) -> list[UserRow]:
    _require_manager(session)
    now = utcnow()
    return [UserRow(u.id, u.name, u.full_name, Role(u.role), access.parse_grants(u.grants), u.disabled,
                    bool(u.locked_until and u.locked_until > now), u.last_login_at)
            for u in session.scalars(select(User).order_by(User.name_key))]


def check_password(password: str, name: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise SimpulError("user.password_short", n=MIN_PASSWORD)
    if _key(password) == _key(name):
        raise SimpulError("user.password_is_name")


def add_user(session: Session, name: str, role: Role, password: str, *, full_name: str | None = None,
             grants: frozenset[Right] = frozenset()) -> User:
    if has_users(session):  # the very first Admin is made by whoever set the registry up
        _require_manager(session)
    name = " ".join(name.split())
    full_name = _full_name(full_name)
    if not _NAME.fullmatch(name):
        raise SimpulError("user.bad_name", name=name)
    if session.scalar(select(User.id).where(User.name_key == _key(name))) is not None:
        raise SimpulError("user.exists", name=name)
    if not has_users(session) and role is not Role.ADMIN:
        raise SimpulError("user.first_is_admin")
    check_password(password, name)
    user = User(name=name, name_key=_key(name), full_name=full_name, role=role,
                password_hash=_hasher().hash(password), grants=access.grants_text(_extra(role, grants)),
                disabled=False, must_change_password=False, failed_logins=0)
    session.add(user)
    session.flush()
    return user


def _full_name(text: str | None) -> str | None:
    text = " ".join((text or "").split()) or None
    if text is not None and len(text) > MAX_FULL_NAME:
        raise SimpulError("user.full_name_long", n=MAX_FULL_NAME)
    return text


def _extra(role: Role, grants: frozenset[Right]) -> frozenset[Right]:
    """Only what the role lacks is stored: a Camat demoted to Operator does not keep "data
    sensitif" because the Camat role carried it."""
    return (frozenset(grants) & access.GRANTABLE) - access.ROLE_RIGHTS[role]


def _get(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name_key == _key(name)))
    if user is None:
        raise SimpulError("user.unknown", name=name)
    return user


def _active_admins(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN, User.disabled.is_(False))) or 0


def disable_user(session: Session, name: str) -> None:
    _require_manager(session)
    user = _get(session, name)
    if _is_self(session, user):
        raise SimpulError("user.self_disable")
    if user.role is Role.ADMIN and not user.disabled and _active_admins(session) <= 1:
        raise SimpulError("user.last_admin")
    user.disabled = True


def enable_user(session: Session, name: str) -> None:
    """A disabled account may log in again, with the password it had."""
    _require_manager(session)
    _get(session, name).disabled = False


def set_role(session: Session, name: str, role: Role, grants: frozenset[Right] = frozenset(), *,
             full_name: str | None = None) -> None:
    """A user's role and the extra rights an Admin grants (they replace the earlier ones). Nobody
    changes their own: an Admin cannot widen his own view of personal data."""
    _require_manager(session)
    user = _get(session, name)
    if _is_self(session, user):
        raise SimpulError("user.self_role")
    if (user.role is Role.ADMIN and role is not Role.ADMIN and not user.disabled
            and _active_admins(session) <= 1):
        raise SimpulError("user.last_admin_role")
    user.role = role
    user.grants = access.grants_text(_extra(role, grants))
    if full_name is not None:
        user.full_name = _full_name(full_name)


def reset_password(session: Session, name: str, password: str) -> None:
    """An Admin sets a new password; the user picks their own at the next login."""
    _require_manager(session)
    user = _get(session, name)
    check_password(password, user.name)
    user.password_hash = _hasher().hash(password)
    user.must_change_password = True
    user.failed_logins, user.locked_until = 0, None


def needs_new_password(session: Session, name: str) -> bool:
    """True after an Admin reset the password: the login should ask for the user's own one."""
    user = session.scalar(select(User).where(User.name_key == _key(name)))
    return bool(user and user.must_change_password)


def change_own_password(db: Database, name: str, old: str, new: str) -> None:
    login(db, name, old)
    with db.transaction(name) as s:
        user = _get(s, name)
        check_password(new, user.name)
        user.password_hash = _hasher().hash(new)
        user.must_change_password = False


def login(db: Database, name: str, password: str) -> Actor:
    """The user's Actor, or AccessDenied with a message that does not tell a wrong name from a
    wrong password. Failures are counted in their own transaction: a wrong guess is recorded
    even though the login fails."""
    from argon2.exceptions import InvalidHashError, VerifyMismatchError

    now = utcnow()
    with db.transaction(name or "-") as s:
        user = s.scalar(select(User).where(User.name_key == _key(name)))
        if user is None:
            _hasher().hash(password)  # the same time as a real check: names cannot be probed
            failure = "login.failed"
        elif user.disabled:
            failure = "login.disabled"
        elif user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AccessDenied("login.locked", minutes=minutes)
        else:
            try:
                _hasher().verify(user.password_hash, password)
            except (VerifyMismatchError, InvalidHashError):
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILURES:
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                failure = "login.failed"
            else:
                if _hasher().check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher().hash(password)
                user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
                return access.actor_for(user.name, Role(user.role), access.parse_grants(user.grants))
    raise AccessDenied(failure, minutes=LOCK_MINUTES, n=MAX_FAILURES)


def actor_without_login(session: Session, fallback_name: str) -> Actor | None:
    """The Actor of a registry that has no users yet; None once it has (a login is needed)."""
    return None if has_users(session) else access.unmanaged(fallback_name)


# ---- the Admin's recovery code --------------------------------------------------------------

def new_recovery_code(session: Session) -> str:
    """A fresh code to print and keep in the office safe; earlier unused codes stop working."""
    # Needs the right like any account change; the first Admin's set-up runs as the unmanaged
    # actor (all rights), and a recovery with the previous code issues its own (_issue_code).
    _require_manager(session)
    return _issue_code(session)


def _issue_code(session: Session) -> str:
    for old in session.scalars(select(RecoveryCode).where(RecoveryCode.used_at.is_(None))):
        old.used_at = utcnow()
    code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(5)) for _ in range(4))
    session.add(RecoveryCode(code_hash=_hasher().hash(code)))
    session.flush()
    return code


def recover_admin(db: Database, code: str, admin_name: str, new_password: str) -> str:
    """A lost Admin password: the printed code sets a new one (and is used up). Returns the next
    code, to print at once."""
    from argon2.exceptions import InvalidHashError, VerifyMismatchError

    typed = "".join(code.upper().split()).replace("-", "")
    typed = "-".join(typed[i:i + 5] for i in range(0, len(typed), 5))
    with db.transaction(admin_name) as s:
        for candidate in s.scalars(select(RecoveryCode).where(RecoveryCode.used_at.is_(None))):
            try:
                _hasher().verify(candidate.code_hash, typed)
            except (VerifyMismatchError, InvalidHashError):
                continue
            user = _get(s, admin_name)
            if user.role is not Role.ADMIN:
                raise SimpulError("user.recover_not_admin", name=user.name)
            check_password(new_password, user.name)
            user.password_hash = _hasher().hash(new_password)
            user.disabled, user.failed_logins, user.locked_until = False, 0, None
            candidate.used_at = utcnow()
            return _issue_code(s)
    raise SimpulError("user.recover_bad_code")
