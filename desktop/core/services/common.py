"""Small rules every service shares, written once: who is acting, and a record that must exist."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.core.db.audit import actor_of as actor
from desktop.core.errors import NotFoundError

__all__ = ["actor", "get_or_fail"]


def get_or_fail[T](session: Session, model: type[T], record_id: int, what: str) -> T:
    """The record, or a NotFoundError that names what was looked for ("rujukan", "program"…)."""
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError("record.not_found", what=what, id=record_id)
    return obj
