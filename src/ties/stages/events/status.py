"""Status and side of a frame.

Status, from cues in the frame's own clause and its adverbial clauses: `cancelled` (推迟, 取消,
hoãn, postponed…), `planned` (将于, 拟, 前夕, sẽ, dự kiến, will…, or a date after publication),
else `occurred`. A planned cue with a date on or before the publication day is a happening
under way or done ("将于5日至6日访问" read on the 6th).

`bilateral`: one side's person, body or place and the other's — the participants' countries
(from the actor dictionary or the titles the text gives them), and for a visit the traveller's
country and the destination's.
"""
from __future__ import annotations

from .frames import Frame
from .words import Words


def status(frame: Frame, published: str | None, w: Words) -> str:
    scope_simp, scope_low = frame.scope()
    if w.cancelled.search(scope_simp, scope_low):
        return "cancelled"
    after_publication = bool(frame.start and published and frame.start > published[:10])
    if after_publication:
        return "planned"
    if not frame.start and published and _month_ahead(scope_simp, published):
        return "planned"  # "习近平12月中旬访问越南", read on 1 December
    c = frame.clause
    t0 = frame.trigger[0] - c.start
    if w.done_before.search(c.simp, c.low, 0, t0):
        return "occurred"  # "đã có chuyến thăm", "已…访问"
    if w.planned.search(scope_simp, scope_low):
        if frame.explicit_date and published and frame.start and frame.start <= published[:10]:
            return "occurred"
        return "planned"
    return "occurred"


def _month_ahead(simp: str, published: str) -> bool:
    """The clause names a month, part of a month or later period that starts after publication."""
    import datetime as dt

    from ... import timeexpr

    pub = dt.date.fromisoformat(published[:10])
    span = timeexpr.resolve(simp, pub, spans=True, future=True)
    return bool(span and span[0] > pub)


def bilateral(frame: Frame, country_of: dict[str, str | None], location_country: str | None,
              pair: tuple[str, str], counterpart: set[str] = frozenset()) -> bool:
    """`counterpart`: the countries a clause names beside its one person ("推迟了与越南国防领导人的会晤")."""
    sides = {country_of.get(p) for p in frame.participants} | set(counterpart)
    if frame.type.name in ("visit", "conference") and location_country:
        sides.add(location_country)
    return set(pair) <= sides
