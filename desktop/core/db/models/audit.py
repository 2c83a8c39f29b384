"""The audit trail: who changed which record, when, from what to what (UU PDP art. 31)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.db.base import Base, enum_column, utcnow
from desktop.core.domain.enums import AuditAction


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(40))
    # {"field": [old, new], ...}; a delete keeps the old values, an insert the new ones.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Set on the entries an import wrote; undoing the import replays them backwards.
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)
    # HMAC-SHA256 of this entry and the previous entry's chain (desktop.core.db.audit): an entry
    # changed or removed breaks every later link. Empty on entries written before chaining began.
    chain: Mapped[str | None] = mapped_column(String(64))


class AppSecret(Base):
    """Keys the registry keeps for itself (the audit chain's). With an encrypted registry they are
    as safe as the data they guard."""

    __tablename__ = "app_secret"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
