"""Times are stored in UTC; people read them on the office's clock."""

from __future__ import annotations

import datetime as dt


def local(value: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) time on the office's clock, naive again for printing and Excel."""
    return value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def local_text(value: dt.datetime, fmt: str = "%d-%m-%Y %H.%M") -> str:
    """"29-11-2026 08.36": a stored time as the office's clock shows it."""
    return local(value).strftime(fmt)
