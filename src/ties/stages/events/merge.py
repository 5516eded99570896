"""Reports of one happening within an article become one event.

Two frames are one happening when they have the same type, compatible dates and the same
principal participants: for a visit, a traveller in common; for the others, one set of
participants within the other (four meetings of one visitor with four hosts stay four). A
recalled mention attaches to an event but never widens its dates; a frame with nobody named
joins an event of its type on the same day.
"""
from __future__ import annotations

from ... import knowledge
from .frames import Frame


def _dates_compatible(a: Frame, b: Frame) -> bool:
    if not a.start or not b.start:
        return True
    a0, a1 = a.start, a.end or a.start
    b0, b1 = b.start, b.end or b.start
    return a0 <= b1 and b0 <= a1


def _same(a: Frame, b: Frame) -> bool:
    if a.type.name != b.type.name or not _dates_compatible(a, b):
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not pa or not pb:
        return bool(a.start and a.start == b.start) or (not pa and not pb and a.type.name in ("conference", "joint_statement"))
    if a.type.name in ("visit", "conference"):
        return bool(pa & pb)
    return pa <= pb or pb <= pa


def _finer(a: str | None, b: str | None) -> str | None:
    """Of two places of one happening, the finer: a city over the country it is in."""
    if not a or not b or a == b:
        return a or b
    ea, eb = knowledge.gazetteer_by_name(a) or {}, knowledge.gazetteer_by_name(b) or {}
    if ea.get("type") == "country" and eb.get("country") == a:
        return b
    return a


def merge(frames: list[Frame]) -> list[Frame]:
    out: list[Frame] = []
    for f in frames:
        target = next((o for o in out if _same(o, f)), None)
        if target is None:
            out.append(f)
            continue
        target.participants += [p for p in f.participants if p not in target.participants]
        if not f.recalled and f.start:
            if (not target.start and not target.end) or (target.recalled and not f.recalled):
                target.start, target.end = f.start, f.end
            elif f.explicit_date and f.end and f.end != f.start and (not target.end or target.end == target.start):
                target.start, target.end = f.start, f.end  # a stated span beats a single day
        if target.start and f.start == target.start and not target.end and f.end and f.end != f.start and not f.recalled:
            target.end = f.end  # "抵达越南，展开两天访问": the trip's end from its other clause
        target.location = _finer(target.location, f.location)
        target.recalled = target.recalled and f.recalled
        target.bilateral = target.bilateral or f.bilateral
        if target.status != f.status and f.explicit_date and not target.explicit_date:
            target.status = f.status
        target.explicit_date = target.explicit_date or f.explicit_date
    return out
