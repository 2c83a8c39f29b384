"""Files from resources/ (icons, fonts, translations), from a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    installed = _PACKAGE / "resources"  # the wheel maps resources/ into the package
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
