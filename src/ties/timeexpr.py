"""Relative and partial dates in a sentence, resolved against a reference date.

"今天（24日）", "4月14日下午", "1月10日至13日", "10月30日至11月2日", "2022年10月30日至11月2日",
"13日", "上周", "昨天", "ngày 14/4", "từ ngày 10 đến 13/1", "từ ngày 11 - 15/5", "April 14", "on Monday".
`resolve(sentence, ref)` returns (start, end) as dates, or None; `ref` is the publication date
(or a year inferred from the text) and the last date seen earlier in the article.
"""
from __future__ import annotations

import datetime as dt
import re

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_ZH_RANGE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[上下]午|晚|早)?\s*(?:至|到|-|—|–)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_ZH_FULL = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")
_ZH_TODAY = re.compile(r"(今天|今日|当天|当日|当晚|昨天|昨日|前天|明天|明日)(?:[（(](\d{1,2})日[)）])?")
_ZH_DAY = re.compile(r"(?<![\d月])(\d{1,2})[日号](?:[上下]午|晚|早|电|清晨|凌晨)?")
_ZH_WEEK = re.compile(r"(上周|上星期|本周|下周)([一二三四五六日天])?")
_VI_RANGE = re.compile(r"từ (?:ngày )?(\d{1,2})(?:/(\d{1,2}))?\s*(?:đến|tới|-|–|—)\s*(?:ngày )?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_VI_DATE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm) (\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_VI_TODAY = re.compile(r"\b(hôm nay|hôm qua|ngày mai)\b", re.I)
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
_EN_DATE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.? (\d{1,2})(?:, (\d{4}))?")
_EN_WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_EN_REL = re.compile(r"\b(today|yesterday|tomorrow)\b", re.I)


def _d(y, m, d) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def _fix_year(day: dt.date | None, ref: dt.date, explicit_year: bool) -> dt.date | None:
    """A month-day without a year that falls well after the reference belongs to the year before."""
    if day is None or explicit_year:
        return day
    if (day - ref).days > 200:
        return _d(day.year - 1, day.month, day.day)
    return day


def resolve(sentence: str, ref: dt.date, context: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    base = context or ref
    m = _ZH_RANGE.search(sentence)
    if m:
        y1 = int(m.group(1)) if m.group(1) else ref.year
        s = _fix_year(_d(y1, m.group(2), m.group(3)), ref, bool(m.group(1)))
        if s:
            y2 = int(m.group(4)) if m.group(4) else s.year
            mo2 = int(m.group(5)) if m.group(5) else s.month
            e = _d(y2, mo2, m.group(6))
            if e and e < s:
                e = _d(y2 + 1, mo2, m.group(6))
            return s, e or s
    m = _ZH_TODAY.search(sentence)
    if m:
        word, num = m.group(1), m.group(2)
        if word in ("当天", "当日", "当晚"):
            day = base
        else:
            offset = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}[word]
            day = ref + dt.timedelta(days=offset)
        if num:
            cand = _d(day.year, day.month, num)
            if cand:
                day = cand
        return day, day
    m = _ZH_FULL.search(sentence)
    if m:
        s = _fix_year(_d(m.group(1) or ref.year, m.group(2), m.group(3)), ref, bool(m.group(1)))
        if s:
            return s, s
    m = _ZH_WEEK.search(sentence)
    if m:
        weeks = {"上周": -1, "上星期": -1, "本周": 0, "下周": 1}[m.group(1)]
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=weeks)
        if m.group(2):
            wd = 6 if m.group(2) in "日天" else _CN_NUM[m.group(2)] - 1
            day = monday + dt.timedelta(days=wd)
            return day, day
        return monday, monday + dt.timedelta(days=6)
    m = _ZH_DAY.search(sentence)
    if m and not re.search(r"\d{1,2}[日号](?:起|以来)", sentence):
        day = _d(base.year, base.month, m.group(1))
        if day and (day - base).days > 3:  # '30日' read in early next month
            prev = base.replace(day=1) - dt.timedelta(days=1)
            day = _d(prev.year, prev.month, m.group(1)) or day
        if day:
            return day, day
    m = _VI_RANGE.search(sentence)
    if m:
        mo = int(m.group(4))
        y = int(m.group(5)) if m.group(5) else ref.year
        s = _d(y, m.group(2) or mo, m.group(1))
        e = _d(y, mo, m.group(3))
        if s and e:
            return _fix_year(s, ref, bool(m.group(5))), _fix_year(e, ref, bool(m.group(5)))
    m = _VI_DATE.search(sentence)
    if m:
        s = _fix_year(_d(m.group(3) or ref.year, m.group(2), m.group(1)), ref, bool(m.group(3)))
        if s:
            return s, s
    m = _VI_TODAY.search(sentence)
    if m:
        off = {"hôm nay": 0, "hôm qua": -1, "ngày mai": 1}[m.group(1).lower()]
        day = ref + dt.timedelta(days=off)
        return day, day
    m = _EN_DATE.search(sentence)
    if m:
        s = _fix_year(_d(m.group(3) or ref.year, _MONTHS[m.group(1).lower()], m.group(2)), ref, bool(m.group(3)))
        if s:
            return s, s
    m = _EN_WEEKDAY.search(sentence)
    if m:
        wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(m.group(1).lower())
        day = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        return day, day
    m = _EN_REL.search(sentence)
    if m:
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(1).lower()]
        day = ref + dt.timedelta(days=off)
        return day, day
    return None


def infer_year(text: str, ceiling: int) -> int | None:
    """The latest year the text names as a year (2024年, năm 2024, in 2024), not after `ceiling`."""
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=年|\s*niên|\b)", text)]
    years = [y for y in years if 1990 <= y <= ceiling]
    return max(years) if years else None
