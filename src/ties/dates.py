"""Absolute dates: what a field, a URL or a source line states, turned into the outlet's local date."""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from zoneinfo import ZoneInfo

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$")
_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：](\d{2}))?")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?\d*$")
_VN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

# dates in URLs, most specific first: story20210924-…, /2013/10/14/, -20260105192919254.htm, /20201001/
_URL_DATES = [
    re.compile(r"story(\d{4})(\d{2})(\d{2})-"),
    re.compile(r"/(\d{4})/(\d{2})/(\d{2})/"),
    re.compile(r"/(\d{4})-(\d{2})-(\d{2})/"),
    re.compile(r"/(\d{4})(\d{2})/(\d{2})/"),
    re.compile(r"[-_/](\d{4})(\d{2})(\d{2})\d{6,11}\.s?html?"),
    re.compile(r"/(\d{4})(\d{2})(\d{2})/"),
    re.compile(r"[-_](\d{4})(\d{2})(\d{2})\.s?html?"),
]


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not 1990 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_datetime(value) -> dt.datetime | dt.date | None:
    """A datetime (aware when the value says its offset) or a date; None when it is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        secs = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(secs, tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d, hh, mm, ss, tz = m.groups()
        day = _valid(int(y), int(mo), int(d))
        if day is None:
            return None
        if hh is None:
            return day
        t = dt.datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
        if tz:
            if tz in ("Z", "UTC", "GMT"):
                return t.replace(tzinfo=dt.timezone.utc)
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            return t.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))))
        return t
    m = _COMPACT.match(s)
    if m and len(s) >= 8:
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day and m.group(4):
            return dt.datetime(day.year, day.month, day.day, int(m.group(4)), int(m.group(5)))
        return day
    if s.isdigit() and len(s) in (10, 13):
        return parse_datetime(int(s))
    m = _CN.search(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        t = email.utils.parsedate_to_datetime(s)
        if t is not None:
            return t
    except (TypeError, ValueError, IndexError):
        pass
    m = _EN_STAMP.search(s)
    stamp = _english_stamp(m) if m else None
    if stamp is not None:
        return stamp
    m = _VN.search(s)
    if m:
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


# "Sun Dec 13, 2009 9:57pm EST", "October 28, 2008 2:15 a.m. EDT": an English header's stamp
_EN_STAMP = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?"
                       r"(?:\s+([A-Z]{2,4})\b)?")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}


def _english_stamp(m: re.Match) -> dt.date | dt.datetime | None:
    month = _MONTHS.get(m.group(1)[:3].lower())
    day = _valid(int(m.group(3)), month, int(m.group(2))) if month else None
    if day is None or m.group(4) is None:
        return day
    hour = int(m.group(4)) % 12 + (12 if m.group(6) == "p" else 0)
    t = dt.datetime(day.year, day.month, day.day, hour, int(m.group(5)))
    offset = _zones().get(m.group(7) or "")
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=offset))) if offset is not None else t


def _zones() -> dict[str, float]:
    global _ZONES
    if _ZONES is None:
        from .knowledge import markers

        _ZONES = markers().get("zone_abbreviations", {})
    return _ZONES


_ZONES: dict[str, float] | None = None


def local_date(value, tz: str | None) -> str | None:
    """YYYY-MM-DD in the outlet's time zone (an aware time is converted; a naive one is local already)."""
    t = parse_datetime(value)
    if t is None:
        return None
    if isinstance(t, dt.datetime):
        if t.tzinfo is not None and tz:
            try:
                t = t.astimezone(ZoneInfo(tz))
            except Exception:
                pass
        return t.date().isoformat()
    return t.isoformat()


def url_date(url: str | None) -> str | None:
    if not url:
        return None
    for rx in _URL_DATES:
        m = rx.search(url)
        if m:
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d.isoformat()
    return None
