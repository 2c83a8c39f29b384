"""Errors and findings of the core, as message keys with parameters (see desktop.core.i18n)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from desktop.core.i18n import t

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: an error blocks, a warning only informs."""

    code: str
    severity: Severity = "error"
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return t(self.code, **self.params)


class FindingsMixin:
    """For results that carry `findings`: errors block, warnings inform."""

    __slots__ = ()
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


class SimpulError(Exception):
    """An error the user can act on; `message` is in the user's language."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return t(self.code, **self.params)

    def __str__(self) -> str:
        return self.message


class ValidationError(SimpulError):
    """Input that breaks a rule; carries every blocking finding, not just the first."""

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(first.code, **first.params)
        self.findings = findings

    @property
    def message(self) -> str:
        return " ".join(f.message for f in self.findings)


class NotFoundError(SimpulError):
    pass


class StorageError(SimpulError):
    """The database cannot be used: locked, damaged, unreachable, full, read-only, wrong version."""
