"""What the logged-in user may see of a person, applied where the core reads it (lists, search,
detail, exports, letters, the Beranda), so that the window and the command line show the same.

`access` decides who holds which right; this module turns those rights into query conditions and
shown values:
- a role without "data sensitif" never meets a PPKS record in a sensitive category (ODHA, NAPZA,
  TPPO…, `ppks_category.sensitive`): not in a list's codes, a filter, a search, a detail pane, an
  export or a letter; the Beranda counts those categories together, a count under 5 as "<5";
- NIK and No. KK show masked ("6402********0001") unless the role has "NIK lengkap" and the user
  chose to show them (the window asks the purpose once and records it; an export asks each time).
"""

from __future__ import annotations

from sqlalchemy import false, select, true
from sqlalchemy.orm import Session

from desktop.core import access
from desktop.core.access import AccessDenied, Right
from desktop.core.db.models import PpksCategory, PpksRecord
from desktop.core.domain.enums import AuditAction
from desktop.core.domain.identity import masked_identifier

SMALL = 5  # a count under this, of a sensitive category, could point at a person
_CACHE = "privacy.sensitive_nos"


def actor(session: Session) -> access.Actor:
    return access.of(session)


def sensitive_nos(session: Session) -> frozenset[int]:
    """The numbers of the sensitive categories (read once per session)."""
    found = session.info.get(_CACHE)
    if found is None:
        found = frozenset(session.scalars(select(PpksCategory.no).where(PpksCategory.sensitive.is_(True))))
        session.info[_CACHE] = found
    return found


def hidden_nos(session: Session) -> frozenset[int]:
    """The categories this user must not meet: the sensitive ones, unless the role may see them."""
    return frozenset() if actor(session).sensitive else sensitive_nos(session)


def shown_records(session: Session):
    """The condition that keeps a PpksRecord query to what this user may see."""
    hidden = hidden_nos(session)
    return PpksRecord.category_no.not_in(hidden) if hidden else true()


def require_view(session: Session) -> None:
    """Persons and families are shown only to a role that may view the registry (not a Tamu, not
    the desk: they get counts, or the one recipient in front of them)."""
    actor(session).require(Right.REGISTRY_VIEW)


def category_shown(session: Session, category_no: int | None) -> bool:
    return category_no is None or category_no not in hidden_nos(session)


def category_condition(session: Session, category_no: int):
    """A filter on a category the user may not see matches nothing (rather than telling it exists)."""
    return true() if category_shown(session, category_no) else false()


def require_category(session: Session, category_no: int | None) -> None:
    """Refuse work on a record (a referral, a letter) in a category this user may not see."""
    if not category_shown(session, category_no):
        who = actor(session)
        raise AccessDenied("access.denied", user=who.name, right=access.right_label(Right.SENSITIVE))


def reveals_nik(session: Session) -> bool:
    """Whether NIKs show whole on this session's screens and lists."""
    who = actor(session)
    return who.full_nik and who.nik_shown


def masked(value: str | None) -> str | None:
    """6402********0001: the region and the last digits, enough to tell two people apart."""
    return masked_identifier(value)


def nik(session: Session, value: str | None) -> str | None:
    """A NIK or No. KK as this user may see it."""
    return value if reveals_nik(session) else masked(value)


def folded(n: int) -> int | str:
    """A total of the sensitive categories shown to a role without the right: "<5" for 1 to 4."""
    return n if n == 0 or n >= SMALL else f"<{SMALL}"


def small_count(session: Session, n: int, category_no: int) -> int | str:
    """A count of a sensitive category, for a user without the right: "<5" when 1 to 4."""
    if category_no in sensitive_nos(session) and not actor(session).sensitive and 0 < n < SMALL:
        return f"<{SMALL}"
    return n


def full_nik_allowed(session: Session, wanted: bool) -> bool:
    """An export's NIKs: masked unless asked for, and then only for a role with the right."""
    if wanted:
        actor(session).require(Right.FULL_NIK)
    return wanted


def record_reveal(session: Session, purpose: str) -> None:
    """Showing full NIKs on the screens, with why (the window's "Tampilkan NIK lengkap")."""
    from desktop.core.db.audit import record_disclosure

    actor(session).require(Right.FULL_NIK)
    record_disclosure(session, AuditAction.EXPORT, "person", "layar",
                      {"dokumen": "tampilan NIK lengkap", "tujuan": clean_purpose(purpose), "nik": "lengkap"})


def clean_purpose(purpose: str | None) -> str:
    """Every disclosure says why; an empty purpose is refused before anything is shown."""
    from desktop.core.errors import SimpulError

    text = " ".join((purpose or "").split())[:200]
    if len(text) < 3:
        raise SimpulError("privacy.purpose_needed")
    return text
