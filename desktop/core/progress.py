"""Progress reporting for long jobs, without Qt: the CLI, the GUI and tests each adapt it."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user asked to stop; the job's transaction is rolled back."""


class Progress(Protocol):
    def start(self, total: int, label: str = "") -> None: ...
    def advance(self, n: int = 1) -> None: ...
    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    def start(self, total: int, label: str = "") -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    @property
    def cancelled(self) -> bool:
        return False


NULL_PROGRESS = NullProgress()


def check_cancelled(progress: Progress) -> None:
    if progress.cancelled:
        raise Cancelled()
