"""When a frame happened, from the running date of the report.

In order of strength (see ARCHITECTURE.md and the design sketch):
1. a date in the frame's clause or in the adverbial clauses before it ("12日下午，", "Chiều 12/5,");
2. an anaphor of the running date (当天, 同日, cùng ngày, the same day);
3. a recalled happening (去年, 此前, trước đó, earlier) keeps only its own date: none here;
   a planned one without a date of its own has none either;
4. the running date, set by the last dated happening of the report;
5. the lead of a same-day report (an outlet marked `same_day` in outlets.yaml: CCTV, Xinhua,
   VNA…) takes the publication day;
6. otherwise null.
A recalled or planned date never moves the running date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ... import timeexpr
from .clauses import blank_titles
from .frames import Frame
from .words import Words

_PARTIAL = re.compile(r"\d{4}\s*年(?!\d{1,2}月\d{1,2}[日号])|\d{4}\s*年\d{1,2}月(?!\d{1,2}[日号])|"
                      r"(?<![\d月至到-])\d{1,2}月(?!\d{1,2}[日号]|\d)")
_MAY_DATE = re.compile(r"\d|[今昨明前后後当當同上本下]|hôm|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_WEEK_WORD = re.compile(r"周|週|星期|礼拜|禮拜|tuần|week", re.I)


@dataclass
class Discourse:
    ref: dt.date | None          # the publication date, or the last day of an inferred year
    published: dt.date | None
    inferred: bool
    same_day_outlet: bool
    running: dt.date | None = None


def _resolve(text: str, d: Discourse, future: bool = False) -> tuple[dt.date, dt.date] | None:
    if d.ref is None or not text.strip():
        return None
    return timeexpr.resolve(text, d.ref, d.running, future=future, relative=not d.inferred)


_DAYS = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "hai": 2, "ba": 3, "bốn": 4, "năm": 5,
         "two": 2, "three": 3, "four": 4, "five": 5}
_DURATION = re.compile(r"(?:为期|為期)?(\d|[两兩二三四五六七])天|(\d|hai|ba|bốn|năm) ngày|(\d|two|three|four|five)-day", re.I)


def trip_length(text: str) -> int | None:
    """"展开两天访问", "chuyến thăm 3 ngày", "a two-day visit": the length of a trip in days."""
    m = _DURATION.search(text)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    return int(word) if word.isdigit() else _DAYS.get(word.lower())


def note_sentence_date(text: str, simp: str, d: Discourse, w: Words) -> None:
    """A sentence with no event but a day of its own ("Chiều 25/4, tại Hà Nội, … chủ trì lễ đón")
    moves the running date, unless it recalls the past or names a date far from the report."""
    if not _MAY_DATE.search(simp) or w.recalled.search(simp, simp.lower()) or _PARTIAL.search(simp):
        return
    when = _resolve(simp if re.search(r"[\u4e00-\u9fff]", simp) else text, d)
    if when and (d.published is None or abs((when[0] - d.published).days) <= 7):
        d.running = when[0]


_CUT_BRACKET = re.compile(r"[（(][^）)]*(?:…|\.\.\.)\s*$")


def resolve_clause(sent, d: Discourse) -> tuple[dt.date, dt.date] | None:
    """The single day a sentence states for itself (not a month, not a span), or None."""
    simp = _CUT_BRACKET.sub("", blank_titles(sent.simp))  # "星期天（6月..." cut by the feed: the weekday says it
    if _PARTIAL.search(simp):
        return None
    when = timeexpr.resolve(simp if re.search(r"[\u4e00-\u9fff]", simp) else blank_titles(sent.text), d.ref, None,
                            relative=not d.inferred) if d.ref else None
    return when if when and when[0] == when[1] else None


_RANGE_WORD = re.compile(r"\d\s*(?:日|号|/\d+)?\s*(?:至|到|đến|tới|until|to|-|–)\s*\d")  # "11 đến 15/5", not "đã đến Bắc Kinh"


def assign(frame: Frame, d: Discourse, w: Words, first_paragraph: int) -> None:
    c = frame.clause
    scope_simp, scope_low = frame.scope()
    planned_cue = bool(w.planned.search(scope_simp, scope_low))
    when = None
    lead = [x for x in frame.lead if not w.speech.search(x.simp, x.low)]  # "路透社星期五（10月6日）报道，": the report's day
    for part in ([c], lead, frame.tail):
        if when is None and part:
            simp, text = blank_titles("".join(x.simp for x in part)), blank_titles("".join(x.text for x in part))
            when = _resolve(simp if re.search(r"[\u4e00-\u9fff]", simp) else text, d, future=planned_cue)
    start = end = None
    if when and (when[1] - when[0]).days == 6 and when[0].weekday() == 0 and _WEEK_WORD.search(scope_simp):
        when = None  # "上周": a week is not the day of a happening
    if when and not _PARTIAL.search(scope_simp):
        start, end = when
        frame.explicit_date = True
        if frame.type.name == "visit" and start == end and not _RANGE_WORD.search(scope_low):
            end = None  # the day of arrival ("ngày 11/5 … đã đến Bắc Kinh"), not the span of the trip
        if not frame.recalled and not (planned_cue and d.published and start > d.published):
            d.running = start
    elif w.same_day.search(scope_simp, scope_low) and d.running:
        start = end = d.running
    elif frame.recalled or planned_cue or _PARTIAL.search(scope_simp):
        start = end = None  # a month without its day ("今年4月…会谈") is not the running day
        if w.earlier_scene.search(scope_simp, scope_low):
            d.running = None  # "Trước đó, …": the scene moves to an earlier day the report does not name
    elif d.running:
        start = end = d.running
    elif d.same_day_outlet and d.published and frame.sentence.paragraph <= first_paragraph:
        start = end = d.published
        d.running = start
    if frame.type.name == "visit" and start:
        t0 = frame.trigger[0] - c.start
        spanned = end is not None and end != start
        if w.visit_ended.search(c.simp, c.low, 0, t0):
            start, end = None, end or start  # "当日中午…结束对越南的正式访问": the day it ended
        elif not spanned and (w.visit_ongoing.search(scope_simp, scope_low)
                              or w.welcome.search(c.simp, c.low, 0, t0)):
            start = end = None  # "正在越南进行正式访问", "nhiệt liệt chào mừng … thăm": under way, begun on a day not said here
    if frame.type.name == "visit" and start and (end is None or end == start):
        days = trip_length(scope_simp + "".join(x.simp for x in frame.tail))
        if days and days > 1:
            end = start + dt.timedelta(days=days - 1)
        elif not frame.explicit_date:
            end = None  # the span of a trip is not known from a running date
    frame.start = start.isoformat() if start else None
    frame.end = end.isoformat() if end else None
    frame.date_inferred = d.inferred and start is not None
