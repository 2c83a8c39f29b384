"""Times are stored in UTC; people read them on the office's clock, which is the zone of the
office's region (WIB, WITA or WIT), not the zone the PC happens to be set to: a laptop left on
UTC printed 00.36 on a roster for a recipient who collected at 08.36 WITA.

Indonesia keeps no daylight-saving time, so the three zones are fixed offsets (no tz database
is needed, which Windows' Python lacks)."""

from __future__ import annotations

import datetime as dt

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
WIT = dt.timezone(dt.timedelta(hours=9), "WIT")

# Kemendagri province codes by zone (UU/Keppres 41/1987): western Indonesia is Sumatra (11-19, 21),
# Java (31-36), West and Central Kalimantan (61, 62); central is Bali and Nusa Tenggara (51-53),
# South, East and North Kalimantan (63-65) and Sulawesi (71-76); eastern is Maluku (81, 82) and
# every Papua province (91-96, the codes of the 2022 split included).
_WITA_PROVINCES = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
_WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})

_office_zone: dt.timezone | None = None


def zone_of(region_code: str | None) -> dt.timezone:
    """The zone of a region by its province: "64.02.06" (Kutai Kartanegara) -> WITA. An unknown
    or missing code gives WIB, the zone of most of the population."""
    province = "".join(ch for ch in (region_code or "") if ch.isdigit())[:2]
    if province in _WITA_PROVINCES:
        return WITA
    if province in _WIT_PROVINCES or province[:1] == "9":
        return WIT
    return WIB


def set_office_region(region_code: str | None) -> dt.timezone:
    """Remember the office's zone for callers that show a time without a session at hand (the
    GUI's lists, error messages). Called when the office profile is read or saved."""
    global _office_zone
    _office_zone = zone_of(region_code) if region_code else None
    return _office_zone or WIB


def office_zone() -> dt.timezone | None:
    return _office_zone


def local(value: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """A stored (naive UTC) time on the office's clock, naive again for printing and Excel.
    `zone`: the office's (see `zone_of`); without it the zone set by `set_office_region`, and
    before any office is known (the set-up wizard) the PC's."""
    zone = zone or _office_zone
    aware = value.replace(tzinfo=dt.UTC)
    return (aware.astimezone(zone) if zone else aware.astimezone()).replace(tzinfo=None)


def local_text(value: dt.datetime, fmt: str = "%d-%m-%Y %H.%M", zone: dt.tzinfo | None = None) -> str:
    """ "29-11-2026 08.36": a stored time as the office's clock shows it."""
    return local(value, zone).strftime(fmt)


def zone_name(zone: dt.tzinfo) -> str:
    """ "WITA" """
    return zone.tzname(None) or ""


def with_zone(time_text: str | None, zone: dt.tzinfo) -> str:
    """An event's time as typed ("08.00", "08.00 - 12.00") with the office's zone added when the
    operator left it out; "08.00 WITA" stays as it is."""
    text = (time_text or "").strip()
    if not text or not any(ch.isdigit() for ch in text):
        return text
    if any(word in {"WIB", "WITA", "WIT"} for word in text.upper().replace(".", " ").split()):
        return text
    return f"{text} {zone_name(zone)}"
