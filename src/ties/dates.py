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
    m = _VN.search(s)
    if m:
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


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
