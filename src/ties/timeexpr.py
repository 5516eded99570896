"""Relative and partial dates in a sentence, resolved against a reference date.

"今天（24日）", "4月14日下午", "1月10日至13日", "10月30日至11月2日", "2022年10月30日至11月2日",
"13日", "上周", "昨天", "ngày 14/4", "từ ngày 10 đến 13/1", "từ ngày 11 - 15/5", "April 14", "on Monday".
`resolve(sentence, ref)` returns (start, end) as dates, or None; `ref` is the publication date
(or a year inferred from the text) and the last date seen earlier in the article.

Before matching, Chinese numerals in dates become digits (二〇二四年十二月二十日 → 2024年12月20日)
and two-digit years get their century from the reference (15年3月 → 2015年3月); numeric dates
(2019-05-27, 2019/04/19, 2019.9.6, 20240307) and "本月9日", "下个月15号" are read too.
`resolve(…, spans=True)` also gives the span of a month, quarter, half, ten-day period, year
or week ("2023年3月", "一季度", "上半年", "6月上旬", "年底", "上个月"), which day-level event
dating does not want.
"""
from __future__ import annotations

import datetime as dt
import re

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_TIME_OF_DAY = r"(?:\s*\d{1,2}[:：]\d{2}时?|[上下]午|晚上?|早上?|凌晨|中午)?"
_ZH_RANGE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?" + _TIME_OF_DAY + r"\s*(?:至|到|-|—+|－|–|~|～)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})[日号]")
_ZH_FULL = re.compile(r"(?:(\d{4})年|(今年|去年|前年|明年|后年))?(\d{1,2})月(\d{1,2})[日号]")
_ZH_TODAY = re.compile(r"(大前天|大后天|大前日|今天|今日|本日|今晚|今早|当天|当日|当晚|昨天|昨日|昨晚|前天|前日|后天|明天|明日|明晚|现在)(?:[（(](\d{1,2})日[)）])?")
_TODAY_OFFSET = {"大前天": -3, "大前日": -3, "前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "今天": 0, "今日": 0, "本日": 0, "今晚": 0,
                 "今早": 0, "现在": 0, "明天": 1, "明日": 1, "明晚": 1, "后天": 2, "大后天": 3}
_ZH_DAY = re.compile(r"(?<![\d月])(\d{1,2})[日号](?:[上下]午|晚|早|电|清晨|凌晨)?")
_ZH_WEEK = re.compile(r"(上上周|上一?个?(?:周|星期|礼拜)|本周|这一?个?(?:周|星期|礼拜)|下一?个?(?:周|星期|礼拜)|(?<![上下这本])(?:星期|礼拜|周)(?=[一二三四五六日天]))(?:周|星期)?([一二三四五六日天])?")
_VI_RANGE = re.compile(r"từ (?:ngày )?(\d{1,2})(?:[/.](\d{1,2}))?\s*(?:đến|tới|-|–|—)\s*(?:ngày )?(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?![\d/-]|\.\d)")
_VI_DATE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm|đêm|rạng sáng|Ngày|Sáng|Chiều|Tối|Trưa|Đêm) (\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?!\d|[.,]\d)")
_ZH_DAY_RANGE = re.compile(r"(?<![\d月])(\d{1,2})[日号]?\s*(?:至|到|-|—+|－|–|~|～)\s*(\d{1,2})[日号]")
_ZH_WEEKDAY_DAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天][（(](\d{1,2})日[)）]")
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
_EN_DATE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.? (\d{1,2})(?:, (\d{4}))?")
# "on Monday", and the wire's bare weekday after its verb ("Obama said Saturday", "late Sunday")
_EN_WEEKDAY = re.compile(r"\b(?:on|said|says|announced|late|early)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_LATIN_OFFSET = {"hôm nay": 0, "hôm qua": -1, "ngày mai": 1, "today": 0, "yesterday": -1, "tomorrow": 1}
_LATIN_REL = re.compile(r"\b(" + "|".join(_LATIN_OFFSET) + r")\b", re.I)


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


def resolve(sentence: str, ref: dt.date, context: dt.date | None = None,
            spans: bool = False, future: bool = False, relative: bool = True) -> tuple[dt.date, dt.date] | None:
    """`future`: the sentence announces something to come ("将于12日至14日"), so a bare day
    after the reference is in its month, not the month before. `relative=False`: the reference
    is not a real day (an undated text's inferred year), so "today", "上周", weekdays mean
    nothing unless the text also states the day ("Hôm nay (12.5)", "今天（24日）")."""
    sentence = _normalize(sentence, ref)
    if not relative:
        sentence = _drop_relative(sentence)
    found = (_numeric(sentence, ref) or _relative_month_day(sentence, ref) or _day(sentence, ref, context, future)
             or (_span(sentence, ref) if spans else None))
    if found and spans and re.search(r"(?:起|以来)(?:至今)?$|至今$", sentence.strip()):
        return found[0], ref  # "2019年5月8日起", "从2001年起至今": until the reference day
    return found


_VI_TODAY_DAY = re.compile(r"(?:[Hh]ôm nay|[Hh]ôm qua|[Nn]gày mai)\s*\((\d{1,2})[./](\d{1,2})\)")


def _drop_relative(sentence: str) -> str:
    """Keep only what a text states of the day: "Hôm nay (12.5)" → "ngày 12/5"."""
    sentence = _VI_TODAY_DAY.sub(lambda m: f"ngày {m.group(1)}/{m.group(2)}", sentence)
    sentence = _ZH_TODAY.sub(lambda m: f"{m.group(2)}日" if m.group(2) else "", sentence)
    sentence = _ZH_WEEK.sub("", sentence)
    sentence = _EN_WEEKDAY.sub("", sentence)
    return _LATIN_REL.sub("", sentence)


def _bare_day(num: str, base: dt.date, future: bool) -> dt.date | None:
    """A day of the month without its month ("12日"): in the base's month, or the month before
    when that would put it well after the base (a report on the 2nd about "30日"), or the month
    after when something to come would fall well before it."""
    day = _d(base.year, base.month, num)
    if day and not future and (day - base).days > 3:
        prev = base.replace(day=1) - dt.timedelta(days=1)
        day = _d(prev.year, prev.month, num) or day
    elif day and future and (base - day).days > 3:
        y, mo = _shift_month(base.year, base.month, 1)
        day = _d(y, mo, num) or day
    return day


def _day(sentence: str, ref: dt.date, context: dt.date | None, future: bool = False) -> tuple[dt.date, dt.date] | None:
    base = ref if future else (context or ref)
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
    m = _ZH_DAY_RANGE.search(sentence)
    if m and not re.search(r"\d{1,2}月" + re.escape(m.group(0)), sentence):
        s = _bare_day(m.group(1), base, future)
        if s:
            e = _d(s.year, s.month, m.group(2))
            if e and e < s:
                y, mo = _shift_month(s.year, s.month, 1)
                e = _d(y, mo, m.group(2))
            return s, e or s
    m = _ZH_WEEKDAY_DAY.search(sentence)
    if m:  # "星期六（25日）": the day the text states
        day = _bare_day(m.group(1), ref, future)
        if day:
            return day, day
    m = _ZH_TODAY.search(sentence)
    if m:
        word, num = m.group(1), m.group(2)
        if word in ("当天", "当日", "当晚"):
            day = base
        else:
            day = ref + dt.timedelta(days=_TODAY_OFFSET[word])
        if num:
            cand = _d(day.year, day.month, num)
            if cand:
                day = cand
        return day, day
    m = _ZH_FULL.search(sentence)
    if m:
        explicit = bool(m.group(1) or m.group(2))
        s = _fix_year(_d(_year_of(m.group(1), m.group(2), ref), m.group(3), m.group(4)), ref, explicit)
        if s:
            return s, s
    m = _ZH_WEEK.search(sentence)
    if m:
        w = m.group(1)
        weeks = -2 if w == "上上周" else -1 if w.startswith("上") else 1 if w.startswith("下") else 0
        if not m.group(2) and w in ("星期", "礼拜", "周"):
            return None
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=weeks)
        if m.group(2):
            wd = 6 if m.group(2) in "日天" else _CN_NUM[m.group(2)] - 1
            if w in ("星期", "礼拜", "周"):
                # a bare weekday in a report ("秦刚星期天…", read on Monday) is the last such day,
                # or, for what is announced, the next one
                back = (ref.weekday() - wd) % 7
                day = ref + dt.timedelta(days=(7 - back) % 7) if future else ref - dt.timedelta(days=back)
                return day, day
            day = monday + dt.timedelta(days=wd)
            return day, day
        return monday, monday + dt.timedelta(days=6)
    m = _ZH_DAY.search(sentence)
    if m and not re.search(r"\d{1,2}[日号](?:起|以来)", sentence):
        day = _bare_day(m.group(1), base, future)
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
    m = _LATIN_REL.search(sentence)  # hôm nay, hôm qua, today, yesterday…
    if m:
        day = ref + dt.timedelta(days=_LATIN_OFFSET[m.group(1).lower()])
        return day, day
    return None


_FULL_DATE_YEAR = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/((?:19|20)\d{2})(?!\d)|((?:19|20)\d{2})年\d{1,2}月\d{1,2}[日号]|"
                             r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                             r"December)\.? \d{1,2}, ((?:19|20)\d{2})")
# years that name a plan's horizon or the ends of a range, not the time of the report
_HORIZON = re.compile(r"(?:giai đoạn|đến năm|tới năm|đến|tới|tầm nhìn|trước năm|kế hoạch|chiến lược|nhiệm kỳ|"
                      r"到|至|截至|规划|愿景|by|until|through|to)\s*((?:19|20)\d{2})|"
                      r"((?:19|20)\d{2})\s*(?:-|–|—|~|至|到|đến)\s*(?:(?:19|20)?\d{2})(?!\d)|"
                      r"(?<=\d)\s*(?:-|–|—)\s*((?:19|20)\d{2})", re.I)
_YEAR_WORD_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|\s*niên|\b)")


# a month of a year told as past ("tháng 11/2016", "2016年11月"), a day of a month without a year ("12/5", "5月12日")
_MONTH_OF_YEAR = re.compile(r"(?<![\d/])(?:tháng\s*)?(\d{1,2})\s*/\s*((?:19|20)\d{2})(?!\d)")
# a figure of a whole past year: "đạt 72 tỷ USD trong năm 2016", "năm 2016 tăng 7,9%", "2016年全年…达"
_FULL_YEAR_FIGURE = re.compile(
    r"(?:đạt|tăng|giảm|là)\s+(?:gần|khoảng|hơn|trên|xấp xỉ)?\s*[\d.,]+\s*(?:tỷ|triệu|nghìn|%|USD)[^.;。]{0,30}?"
    r"(?:trong|cả|vào)\s+năm\s+((?:19|20)\d{2})(?!\d)|((?:19|20)\d{2})年全年[^。；]{0,30}?[\d.]+\s*(?:亿|万|%)", re.I)
_VI_MONTH_YEAR = re.compile(r"tháng\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})(?!\d)", re.I)
_MONTH_OF_YEAR_ZH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?!\d{1,2}[日号])")
_DAY_MONTH = re.compile(r"(?<![\d/])\d{1,2}/(\d{1,2})(?![\d/])|(?<![年\d])(\d{1,2})月\d{1,2}[日号]")
_FUTURE_BEFORE = re.compile(r"(?:sẽ|sắp|dự kiến|kế hoạch|will|plans?|将|將|拟|擬)[^.;。]{0,80}$", re.I)
_FUTURE_AFTER = re.compile(r"^\s*(?:tới đây|sắp tới|tới)(?!\w)")


def infer_year(text: str, ceiling: int, people: list[tuple[int, int]] | None = None) -> int | None:
    """The year an undated text was written, from the strongest evidence it holds:
    1. full dates ("13/5/2017", "2017年5月13日", "May 13, 2017"): the latest;
    2. else years named as the time of something ("năm 2016", "Quý I/2017", "2016年"), leaving out
       plan horizons and the ends of ranges ("giai đoạn 2016 - 2020", "đến năm 2030"): the latest;
    3. `people`: the years in which the persons named held the titles the text gives them; the
       year found must fall within all of them (or, with no year found, they must agree on one).
    Years after `ceiling` are not considered. None when nothing says."""
    lo, hi = 0, ceiling
    for a, b in people or []:
        if max(lo, a) <= min(hi, b):
            lo, hi = max(lo, a), min(hi, b)
    full = [int(next(g for g in m.groups() if g)) for m in _FULL_DATE_YEAR.finditer(text)]
    full = [y for y in full if 1990 <= y <= ceiling]
    if full:
        return max(full)
    skip = set()
    for m in _HORIZON.finditer(text):
        for g in range(1, 4):
            if m.group(g):
                skip.add(m.start(g))
    month_years = list(_VI_MONTH_YEAR.finditer(text))  # "tháng 1-2017": a month of that year, not a range's end
    skip -= {m.start(2) for m in month_years}
    years = [int(m.group(1)) for m in _YEAR_WORD_RE.finditer(text) if m.start(1) not in skip]
    years = [y for y in years if 1990 <= y <= ceiling]
    if years:
        y = max(years)
        months = [int(m.group(1)) for m in _MONTH_OF_YEAR.finditer(text) if int(m.group(2)) == y
                  and not _FUTURE_BEFORE.search(text[max(0, m.start() - 80):m.start()])
                  and not _FUTURE_AFTER.match(text[m.end():m.end() + 12])]
        months += [int(m.group(2)) for m in _MONTH_OF_YEAR_ZH.finditer(text) if int(m.group(1)) == y]
        months += [int(m.group(1)) for m in month_years if int(m.group(2)) == y and "/" not in m.group(0)]
        days = [int(m.group(1) or m.group(2)) for m in _DAY_MONTH.finditer(text)]
        days = [d for d in days if 1 <= d <= 12]
        full_year = any(int(next(g for g in m.groups() if g)) == y for m in _FULL_YEAR_FIGURE.finditer(text))
        if days and full_year and max(days) < 12:
            # "kim ngạch … đạt gần 72 tỷ USD trong năm 2016" beside "chiều 11/5": a whole year's
            # figure is told after that year is over, so the May of the report is of the next year
            y += 1
            if y > ceiling or (people and lo > 0 and not lo <= y <= hi):
                return None
        elif months and days and max(days) < max(months):
            # "Chiều 12/5 … chuyến thăm Việt Nam (tháng 11/2016)": the report's May comes after
            # that November, so it is of the next year
            y += 1
            if y > ceiling or (people and lo > 0 and not lo <= y <= hi):
                return None
        if people and lo > 0:
            return min(max(y, lo), hi)
        return y
    if people and lo > 0 and hi - lo <= 1 and hi < ceiling:
        return hi
    return None


_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0", "Ｏ": "0"}
_ZH_YEAR = re.compile(r"([零〇○一二三四五六七八九]{2,4})(?=年)")
_ZH_MD = re.compile(r"(?<![第星期周个])([一二三四五六七八九十廿]{1,3})(?=[月日号])")
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})年(?=\d{1,2}月|[底初末]|$|[上下]半年|首|第|\d季度)")


def _zh_value(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 廿一 → 21, 三十一 → 31."""
    s = s.replace("廿", "二十")
    if "十" not in s:
        return int(_DIGIT[s]) if len(s) == 1 and s in _DIGIT else None
    tens, _, ones = s.partition("十")
    t = int(_DIGIT.get(tens, "x")) if tens else 1
    o = int(_DIGIT.get(ones, "x")) if ones else 0
    return t * 10 + o


def _normalize(sentence: str, ref: dt.date) -> str:
    s = _ZH_YEAR.sub(lambda m: "".join(_DIGIT[c] for c in m.group(1)), sentence)

    def md(m):
        v = _zh_value(m.group(1))
        return str(v) if v is not None and 1 <= v <= 31 else m.group(1)

    s = _ZH_MD.sub(md, s)

    def short_year(m):
        yy = int(m.group(1))
        century = ref.year // 100 * 100
        full = century + yy - (100 if yy > ref.year % 100 + 10 else 0)
        return f"{full}年"

    s = _SHORT_YEAR.sub(short_year, s)
    # "星期五（12月1日）至星期六（12月2日）": the weekday names the date in brackets; the date is what counts
    return _WEEKDAY_DATE.sub(r"\1", s)


_WEEKDAY_DATE = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]\s*[（(](\d{1,2}月\d{1,2}[日号])[)）]")


_NUM_YMD = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*[-/.]\s*|\s+)(\d{1,2})(?:\s*[-/.]\s*|\s+)(\d{1,2})")
_NUM_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_RANGE_SEP = re.compile(r"^\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*)?(?:起\s*)?(?:至|到|-|—+|－|~|～)\s*$")


def _numeric(sentence: str, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    found = []
    for rx in (_NUM_YMD, _NUM_COMPACT):
        for m in rx.finditer(sentence):
            d = _d(m.group(1), m.group(2), m.group(3))
            if d:
                found.append((m.start(), m.end(), d))
    if not found:
        return None
    found.sort()
    s0, e0, first = found[0]
    if len(found) > 1 and _RANGE_SEP.match(sentence[e0:found[1][0]]):
        return first, found[1][2]
    return first, first


_REL_MONTH = re.compile(r"(本月|这个月|当月|同月|上个?月|下个?月)(\d{1,2})[日号]")


def _relative_month_day(sentence: str, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    m = _REL_MONTH.search(sentence)
    if not m:
        return None
    y, mo = _shift_month(ref.year, ref.month, -1 if m.group(1).startswith("上") else 1 if m.group(1).startswith("下") else 0)
    d = _d(y, mo, m.group(2))
    return (d, d) if d else None


def _shift_month(y: int, mo: int, k: int) -> tuple[int, int]:
    i = y * 12 + mo - 1 + k
    return i // 12, i % 12 + 1


def _month_end(y: int, mo: int) -> dt.date:
    y2, m2 = _shift_month(y, mo, 1)
    return dt.date(y2, m2, 1) - dt.timedelta(days=1)


def _month_span(y: int, mo: int) -> tuple[dt.date, dt.date] | None:
    if not 1 <= mo <= 12:
        return None
    return dt.date(y, mo, 1), _month_end(y, mo)


_YEAR_WORD = {"今年": 0, "本年": 0, "这一年": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1, "后年": 2}
_YEAR = r"(?:(\d{4})年|(今年|本年|去年|前年|明年|后年))?"
_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}


def _year_of(num: str | None, word: str | None, ref: dt.date) -> int:
    if num:
        return int(num)
    return ref.year + _YEAR_WORD.get(word or "今年", 0)


def _span(s: str, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """Spans longer than a day: months, quarters, halves, ten-day periods, years, weeks."""
    m = re.search(_YEAR + r"(\d{1,2})(?:月份?)?\s*(?:至|到|-|—+|－|~)\s*(?:(\d{4})年)?(\d{1,2})月份?", s)
    if m:
        y = _year_of(m.group(1), m.group(2), ref)
        a, b = _month_span(y, int(m.group(3))), _month_span(int(m.group(4) or y), int(m.group(5)))
        if a and b:
            return a[0], b[1]
    m = re.search(_YEAR + r"前(\d{1,2}|[一二三四五六七八九十两]{1,2})个?月", s)
    if m:
        y = _year_of(m.group(1), m.group(2), ref)
        n = int(m.group(3)) if m.group(3).isdigit() else _zh_value(m.group(3).replace("两", "二"))
        if n and 1 <= n <= 12:
            return dt.date(y, 1, 1), _month_end(y, n)
    m = re.search(_YEAR + r"首月", s)
    if m:
        return _month_span(_year_of(m.group(1), m.group(2), ref), 1)
    m = re.search(_YEAR + r"(\d{1,2})月份?(上旬|中旬|下旬|初|底|末|中)?", s)
    if m and (m.group(1) or m.group(2) or not re.search(r"\d{1,2}月\d", s)):
        y, mo = _year_of(m.group(1), m.group(2), ref), int(m.group(3))
        span = _month_span(y, mo)
        if span:
            part = m.group(4)
            if part == "上旬" or part == "初":
                return span[0], span[0].replace(day=10 if part == "上旬" else 5)
            if part == "中旬" or part == "中":
                return span[0].replace(day=11), span[0].replace(day=20)
            if part == "下旬":
                return span[0].replace(day=21), span[1]
            if part in ("底", "末"):
                return span[1].replace(day=25), span[1]
            return span
    m = re.search(_YEAR + r"(?:前(\d|[一二三四两])个?季度|(?:第)?([一二三四1-4首])季度|Q([1-4]))", s)
    if m:
        y = _year_of(m.group(1), m.group(2), ref)
        if m.group(3):
            n = _Q.get(m.group(3), 2 if m.group(3) == "两" else 0)
            return dt.date(y, 1, 1), _month_end(y, n * 3)
        q = _Q[m.group(4) or m.group(5)]
        return dt.date(y, q * 3 - 2, 1), _month_end(y, q * 3)
    m = re.search(r"(上个?|本|这个?|下个?)季度", s)
    if m:
        q = (ref.month - 1) // 3 + (-1 if m.group(1).startswith("上") else 1 if m.group(1).startswith("下") else 0)
        y = ref.year + (q // 4)
        q = q % 4 + 1
        return dt.date(y, q * 3 - 2, 1), _month_end(y, q * 3)
    m = re.search(_YEAR + r"([上下])半年", s)
    if m:
        y = _year_of(m.group(1), m.group(2), ref)
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if m.group(3) == "上" else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    m = re.search(_YEAR + r"年?(底|末|初)", s)
    if m and (m.group(1) or m.group(2) or "年" in s):
        y = _year_of(m.group(1), m.group(2), ref)
        return (dt.date(y, 11, 1), dt.date(y, 12, 31)) if m.group(3) in "底末" else (dt.date(y, 1, 1), _month_end(y, 2))
    m = re.search(r"(上个?月|下个?月|本月|当月|这个月)", s)
    if m:
        y, mo = _shift_month(ref.year, ref.month, -1 if m.group(1).startswith("上") else 1 if m.group(1).startswith("下") else 0)
        return _month_span(y, mo)
    m = re.search(r"(?<!\d)(\d{4})年(?!\d)|(今年|去年|前年|明年|后年|这一年|上一年)", s)
    if m:
        y = _year_of(m.group(1), m.group(2), ref) if m.group(1) or m.group(2) in _YEAR_WORD else ref.year
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = _ZH_WEEK.search(s)
    if m:
        return _day(m.group(0), ref, None)
    return None
