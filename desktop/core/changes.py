"""What a use case changed, so that each screen redraws only what it shows (Anki's OpChanges,
calibre's refresh_ids). Qt-free: the services may return it, the GUI routes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Kind(StrEnum):
    OFFICE = "office"  # profile, letterhead, signers, settings
    PERSON = "person"
    FAMILY = "family"
    PPKS = "ppks"
    PSKS = "psks"
    REFERRAL = "referral"
    LETTER = "letter"  # the outgoing-letter register
    INSTITUTION = "institution"
    PROGRAMME = "programme"  # a programme and its recipient list
    EVENT = "event"  # distribution events and what the desk recorded
    IMPORT = "import"  # import batches
    ACTIVITY = "activity"  # PSKS activity log entries
    VISIT = "visit"  # home visits (kunjungan rumah)
    MONTH_REPORT = "month_report"  # closed monthly reports and their revisions
    COMPLAINT = "complaint"  # pengaduan tickets and their steps
    VERIVALI = "verivali"  # verivali rounds, their lines and musdes
    PROPOSAL = "proposal"  # usulan baru


@dataclass(frozen=True, slots=True)
class _Touch:
    ids: frozenset[int] | None  # None: which ones is not known (treat as all)
    reshaped: bool  # rows were added or removed, not only edited


@dataclass(frozen=True, slots=True)
class Changes:
    """Kinds of records a use case touched, with their ids where known.

    `updated` marks rows edited in place (a list re-reads just those rows); `reshaped` marks rows
    added or removed (a list asks for its ids again)."""

    touched: Mapping[Kind, _Touch] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def updated(cls, kind: Kind, ids: Iterable[int] | None = None) -> Changes:
        return cls(MappingProxyType({kind: _Touch(None if ids is None else frozenset(ids), False)}))

    @classmethod
    def reshaped(cls, kind: Kind, ids: Iterable[int] | None = None) -> Changes:
        return cls(MappingProxyType({kind: _Touch(None if ids is None else frozenset(ids), True)}))

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        """Rows of these kinds were added, removed or edited, which ones unknown."""
        return cls(MappingProxyType({k: _Touch(None, True) for k in kinds}))

    @classmethod
    def everything(cls) -> Changes:
        return cls.of(*Kind)

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self.touched)
        for kind, touch in other.touched.items():
            mine = merged.get(kind)
            if mine is None:
                merged[kind] = touch
            else:
                ids = None if mine.ids is None or touch.ids is None else mine.ids | touch.ids
                merged[kind] = _Touch(ids, mine.reshaped or touch.reshaped)
        return Changes(MappingProxyType(merged))

    def __bool__(self) -> bool:
        return bool(self.touched)

    def touches(self, *kinds: Kind) -> bool:
        return any(k in self.touched for k in kinds)

    def ids(self, kind: Kind) -> frozenset[int] | None:
        """The ids touched of `kind`; None when unknown or when rows were added or removed."""
        touch = self.touched.get(kind)
        if touch is None:
            return frozenset()
        return None if touch.reshaped else touch.ids

    def named(self, kind: Kind) -> frozenset[int] | None:
        """The ids a write named of `kind`, whether edited, added or removed; None when unknown."""
        touch = self.touched.get(kind)
        return frozenset() if touch is None else touch.ids

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(self.touched)


NOTHING = Changes()
