"""Names, addresses and ages as the registry keeps them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from desktop.core.errors import Finding

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^0-9A-Z ]+")


def normalize_name(name: str) -> str:
    """The name as it will be shown: single spaces, no stray edges; case is kept."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Search and duplicate key: upper case, letters and digits only ("Siti  Aisyah," -> "SITI AISYAH")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).upper()
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


def normalize_rt_rw(value: object) -> str | None:
    """RT and RW as 3-digit text ("1", "01", 1 -> "001"); None when empty."""
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "-"):
        return None
    if text.endswith(".0") and text[:-2].isdigit():  # a number cell read as float
        text = text[:-2]
    if not text.isdigit() or not 0 < int(text) < 1000:
        from desktop.core.errors import ValidationError

        raise ValidationError([Finding("rt_rw.format", params={"value": text})])
    return f"{int(text):03d}"


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years at `on` (a PPKS age rule is judged at the assessment date, not today)."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
