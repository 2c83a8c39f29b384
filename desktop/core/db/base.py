"""Declarative base shared by all models."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints: Alembic's batch mode on SQLite can only alter what it can name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(enum_cls: type[enum.Enum]) -> Enum:
    """An enum stored as its value in a VARCHAR, alike on SQLite and PostgreSQL."""
    return Enum(enum_cls, native_enum=False, create_constraint=False, length=20,
                values_callable=lambda e: [m.value for m in e], validate_strings=True)


def utcnow() -> dt.datetime:
    """Timestamps are stored as naive UTC; the GUI converts to the office's local time."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: DateTime()}
