"""The registry's own records change only for a role whose work changes them: a last check in the
core, under every screen and command, for a button a screen forgot to hide (the Admin, who sees
the registry masked, and the Tamu and Petugas meja, who do not see it, never change a person).

Checked at each flush of an AuditedSession against `access.of(session)`; a registry without
users (and the core's own jobs) may write as before. Core bulk inserts (imports, the demo) are
guarded by the right of the command or screen that starts them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.core import access
from desktop.core.access import Right

# Who may change each registry table: the editors, and the work that updates it on the way
# (an import, a verivali round closing, a complaint that registers its complainant).
REGISTRY_TABLES = frozenset({"person", "family", "desil_history", "community", "ppks_record", "psks_entry",
                             "psks_member", "psks_coverage"})
WRITERS = (Right.REGISTRY_EDIT, Right.IMPORT, Right.VERIVALI, Right.COMPLAINTS)


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    who = access.of(session)
    if any(who.can(r) for r in WRITERS):
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        if getattr(obj, "__tablename__", None) in REGISTRY_TABLES and (
                obj in session.new or obj in session.deleted or session.is_modified(obj)):
            who.require(Right.REGISTRY_EDIT)


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _before_flush)
