"""Import batches (each one can be undone as a whole, and keeps its report), remembered column and
category mappings, and the category values an import could not name, kept until they are mapped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.db.base import Base, utcnow


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column()
    actor: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str | None] = mapped_column(String(120))
    source_key: Mapped[str] = mapped_column(String(40))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    undone_at: Mapped[dt.datetime | None] = mapped_column()
    undone_by: Mapped[str | None] = mapped_column(String(80))
    # The report of rows not taken as they stood (desktop.core.io.report.pack), written in the
    # same transaction as the rows: it can be written out again after a crash. Loaded on demand.
    report: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class ImportMapping(Base):
    """How the columns of one kind of file map onto Simpul's fields, as the user last confirmed."""

    __tablename__ = "import_mapping"

    source_key: Mapped[str] = mapped_column(String(40), primary_key=True)  # hash of the headers
    headers: Mapped[list[str]] = mapped_column(JSON)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)  # header -> field name (or null)
    # PPKS values this kind of file uses that no spelling names: category_key -> category number,
    # or 0 for "not a PPKS category" (as the user mapped them).
    categories: Mapped[dict[str, int] | None] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PpksUnmapped(Base):
    """A PPKS value of an imported row that names no category the import knows ("LANSIA SEBATANG
    KARA"): kept with the row's person (and family) until the user maps the value; then the row
    gets the category and this goes."""

    __tablename__ = "ppks_unmapped"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    source_key: Mapped[str] = mapped_column(String(40), index=True)  # the kind of file
    value: Mapped[str] = mapped_column(Text)  # as the file wrote it
    value_key: Mapped[str] = mapped_column(Text)  # desktop.core.domain.categories.category_key(value)
    row_number: Mapped[int] = mapped_column(Integer)  # in the source file
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
