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
from .frames import Frame
from .words import Words

_PARTIAL = re.compile(r"\d{4}\s*年(?!\d{1,2}月\d{1,2}[日号])|\d{4}\s*年\d{1,2}月(?!\d{1,2}[日号])")


@dataclass
class Discourse:
    ref: dt.date | None          # the publication date, or the last day of an inferred year
    published: dt.date | None
    inferred: bool
    same_day_outlet: bool
    running: dt.date | None = None


def _resolve(text: str, d: Discourse) -> tuple[dt.date, dt.date] | None:
    if d.ref is None or not text.strip():
        return None
    return timeexpr.resolve(text, d.ref, d.running)


def assign(frame: Frame, d: Discourse, w: Words, first_paragraph: int) -> None:
    c = frame.clause
    scope_simp, scope_low = frame.scope()
    when = _resolve(c.simp if re.search(r"[\u4e00-\u9fff]", c.simp) else c.text, d)
    if when is None and frame.lead:
        lead_simp = "".join(x.simp for x in frame.lead)
        lead_text = "".join(x.text for x in frame.lead)
        when = _resolve(lead_simp if re.search(r"[\u4e00-\u9fff]", lead_simp) else lead_text, d)
    if when is None and frame.tail:
        tail_simp = "".join(x.simp for x in frame.tail)
        tail_text = "".join(x.text for x in frame.tail)
        when = _resolve(tail_simp if re.search(r"[\u4e00-\u9fff]", tail_simp) else tail_text, d)
    planned_cue = bool(w.planned.search(scope_simp, scope_low))
    start = end = None
    if when and not _PARTIAL.search(scope_simp):
        start, end = when
        frame.explicit_date = True
        if frame.type.name == "visit" and start == end and not re.search(r"至|到|đến|tới|until|-", scope_low):
            end = None  # the day of arrival, not the span of the trip
        if not frame.recalled and not (planned_cue and d.published and start > d.published):
            d.running = start
    elif w.same_day.search(scope_simp, scope_low) and d.running:
        start = end = d.running
    elif frame.recalled or planned_cue:
        start = end = None
    elif d.running:
        start = end = d.running
    elif d.same_day_outlet and d.published and frame.sentence.paragraph <= first_paragraph:
        start = end = d.published
        d.running = start
    if frame.type.name == "visit" and start and end == start and not frame.explicit_date:
        end = None  # the span of a trip is not known from a running date
    frame.start = start.isoformat() if start else None
    frame.end = end.isoformat() if end else None
    frame.date_inferred = d.inferred and start is not None
