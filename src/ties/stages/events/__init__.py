"""Events stage: who called, visited, held talks with, signed with whom, when, where.

Events are clause frames, built in small steps over one record per clause:

    split sentences and clauses (clauses.py)
    → find each clause's predicate and frame, or none (frames.py)
    → fill the participants from the frame's slots (participants.py)
    → date it from the running date of the report (dates.py)
    → place it (places.py) → status and `bilateral` (status.py)
    → merge reports of one happening (merge.py)

Every list of words lives in data/events.yaml; see words.py for how it is read.
"""
from __future__ import annotations

import copy
from functools import lru_cache
import re
import datetime as dt

from ... import knowledge, timeexpr
from ...textutil import to_simplified
from ...model import Article, Event
from . import clauses, dates, frames, merge, participants, places, status
from .words import words


def _discourse(art: Article) -> dates.Discourse:
    pub = dt.date.fromisoformat(art.published[:10]) if art.published else None
    ref, inferred = pub, False
    if pub is None:
        year = art.year_hint or timeexpr.infer_year("\n".join([art.title, art.text, *art.captions]), dt.date.today().year,
                                                   people=_people_years(art)) or _year_of_named_happening(art)
        if year:
            art.year_hint = year
            ref, inferred = dt.date(year, 12, 31), True
    same_day = bool(knowledge.outlets().same_day(art.outlet))
    disc = dates.Discourse(ref=ref, published=pub, inferred=inferred, same_day_outlet=same_day)
    disc.running = _day_of_the_item_before(art, disc)
    return disc


def _day_of_the_item_before(art: Article, disc: dates.Discourse) -> dt.date | None:
    """"当天上午，李克强会见…" opening a broadcast's item: the day of the item before it in the
    same file ("李克强14日上午在河内会见…"), going back over items that open the same way, when
    that item states one near the report's date."""
    w = words()

    def opens_with_same_day(text: str) -> bool:
        head = text[:30]
        return bool(w.same_day.search(to_simplified(head), head.lower()))

    if not art.previous_leads or not disc.ref or not opens_with_same_day(art.text[:12]):
        return None
    for lead in art.previous_leads:
        if opens_with_same_day(lead):
            continue  # that item too is of the day before it
        when = timeexpr.resolve(to_simplified(lead), disc.ref, None, relative=False)
        if not when or when[0] != when[1] or (disc.published and abs((when[0] - disc.published).days) > 7):
            return None
        return when[0]
    return None


_QUOTES = re.compile(r"[“”\"「」『』‘’]")


@lru_cache(maxsize=1)
def _happenings() -> list[tuple[list[str], dict]]:
    """data/happenings.yaml, each with its aliases as they are matched (no quotation marks, lower case)."""
    return [([_QUOTES.sub("", a).lower() for a in h["aliases"]], h) for h in knowledge.load_yaml("happenings.yaml") or []]


def _year_of_named_happening(art: Article) -> int | None:
    """An undated report naming a recurring forum (data/happenings.yaml): the one year in which that
    forum met while every dictionary person the report names held office."""
    text = _QUOTES.sub("", art.title + "\n" + art.text).lower()
    years: set[int] = set()
    for aliases, h in _happenings():
        if any(a in text for a in aliases):
            years |= {int(d[:4]) for d in h["dates"]}
    if not years:
        return None
    for e in art.entities:
        entry = knowledge.gazetteer_entry(e.id) if e.type == "person" and e.id else None
        if not entry or not entry.get("roles"):
            continue
        lo = min(int(str(r.get("start") or "1900")[:4]) for r in entry["roles"])
        hi = max(int(str(r.get("end") or "2100")[:4]) for r in entry["roles"])
        years = {y for y in years if lo <= y <= hi}
    return years.pop() if len(years) == 1 else None


def _people_years(art: Article) -> list[tuple[int, int]]:
    """The years in which the persons named held the titles the text gives them."""
    spans = []
    for e in art.entities:
        if e.type != "person" or not e.id:
            continue
        entry = knowledge.gazetteer_entry(e.id) or {}
        text_roles = " ".join(e.roles)
        for r in entry.get("roles", []):
            forms = [r.get("title", ""), r.get("zh", ""), r.get("vi", "")]
            if any(f and f in text_roles for f in forms) or any(role and role in forms for role in e.roles):
                start = int(str(r.get("start") or "1900")[:4])
                end = int(str(r.get("end") or "2100")[:4])
                spans.append((start, end))
    return spans


def _country_of_place(name: str | None, country_of: dict) -> str | None:
    if not name:
        return None
    return country_of.get(name) or (knowledge.gazetteer_by_name(name) or {}).get("country")


def _counterpart_body(f, states, country_of: dict, w) -> list[str]:
    """"王毅会见越南共产党代表团", "會見越南官員": one person meets a delegation or officials the text
    does not name; the body or country they come from is the other participant."""
    if len(f.participants) != 1 or f.type.name not in ("meeting", "talks", "call", "signing"):
        return []
    c = f.clause
    if not w.counterpart.search(c.simp, c.low):
        return []
    own = country_of.get(f.participants[0])
    for _a, _b, e in clauses.mentions_in(states, f.trigger[1], c.end):
        if e.country and e.country != own and e.name not in f.participants:
            return [e.name]
    return []


def _has_counterpart(f, states, w) -> bool:
    c = f.clause
    scope_simp, scope_low = f.scope()
    return bool(w.counterpart.search(scope_simp, scope_low)
                or clauses.mentions_in(states, f.lead[0].start if f.lead else c.start, c.end))


def _date_lead_from_next(found, sentences, persons, disc, w, title: str = "") -> None:
    """A lead that says what happened but not when ("秦刚与裴青山会面时说，…") takes the day the
    next sentence gives its principal ("秦刚星期天（6月…"), as feeds summarise; a lead of what is
    announced takes the day its title gives ("习近平下周二起访越")."""
    by_name = {p.name: p for p in persons}
    for f in found:
        if f.start or f.recalled or f.sentence.index != 0 or not f.participants:
            continue
        who = by_name.get(f.participants[0])
        if f.status == "planned":
            if who and any(a < 0 for a, _b, _f in who.mentions) and disc.ref:  # named in the title
                when = timeexpr.resolve(to_simplified(title), disc.ref, None, future=True, relative=not disc.inferred)
                if when and when[0] > disc.ref:
                    f.start = when[0].isoformat()
                    f.end = None if f.type.name == "visit" else f.start
            continue
        if f.status != "occurred":
            continue
        if f.type.name == "visit" and (f.relative or w.visit_ongoing.search(*f.scope())):
            continue  # a trip under way began on a day the lead does not give; the next sentence's is another's
        for sent in sentences[1:3]:
            if who and clauses.mentions_in([who], sent.start, sent.end):
                when = dates.resolve_clause(sent, disc)
                if when:
                    f.start = f.end = when[0].isoformat()
                    f.date_inferred = disc.inferred
                break


def _each_counterpart(f, w) -> list:
    """"习近平分别会见了通邢、阮晋勇和吉迪拉": one meeting with each counterpart, not one of four."""
    c = f.clause
    if (f.type.name not in ("meeting", "talks", "call") or len(f.participants) < 3
            or not w.separately.search(c.simp, c.low, 0, f.trigger[0] - c.start)):
        return [f]
    host, *others = f.participants
    out = []
    for other in others:
        g = copy.copy(f)
        g.participants = [host, other]
        out.append(g)
    return out


def _place_of_the_same_session(f, prev, w) -> str | None:
    """"Ngay sau lễ đón, X và Y đã tiến hành hội đàm", "Kết thúc hội đàm, X và Y đã ký…": a meeting,
    talks or signing of the same people on the same day as the happening told just before, with no
    place of its own, is held where that one was."""
    kinds = ("meeting", "talks", "signing", "joint_statement")
    if f.type.name not in kinds or prev.type.name not in kinds or not prev.location:
        return None
    if f.type.name in w.placeless or w.remote.search(f.clause.simp, f.clause.low) or f.start != prev.start:
        return None
    if len(set(f.participants) & set(prev.participants)) < 2 or f.sentence.paragraph - prev.sentence.paragraph > 1:
        return None
    return prev.location


def find(art: Article, pair: tuple[str, str] = ("China", "Vietnam")) -> list[Event]:
    w = words()
    persons = [e for e in art.entities if e.type == "person"]
    historical = {e.name for e in persons if e.historical}
    places_ = [e for e in art.entities if e.type == "place" and e.country]
    countries = [e for e in art.entities if e.type == "country"]
    country_of = {e.name: e.country for e in art.entities}
    sentences = clauses.split(art.text)
    disc = _discourse(art)
    first_paragraph = sentences[0].paragraph if sentences else 0
    found: list[frames.Frame] = []
    states = [e for e in art.entities if e.type in ("country", "organization")]
    all_frames = frames.find(sentences, w)
    with_frames = {f.sentence.index for f in all_frames}
    by_sentence: dict[int, list] = {}
    for f in all_frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    scene = None  # the country where the report's dated happenings take place
    ordered = []
    for sent in sentences:
        if sent.index not in with_frames:
            ordered.append(sent)
        ordered.extend(by_sentence.get(sent.index, []))
    for f in ordered:
        if isinstance(f, clauses.Sentence):
            dates.note_sentence_date(f.text, f.simp, disc, w)
            continue
        if f.type.needs_state and not clauses.mentions_in(states, f.sentence.start, f.sentence.end):
            continue  # a person protesting another is no incident between states
        f.participants = participants.fill(f, persons, found, w, historical, art.text)
        f.participants += _counterpart_body(f, states, country_of, w)
        dates.assign(f, disc, w, first_paragraph)
        f.status = status.status(f, art.published, w)
        travellers = {country_of.get(p) for p in f.participants} - {None}
        f.location = places.locate(f, art, places_, countries, w, travellers)
        if f.type.name == "visit" and f.end and f.end != f.start:
            hosts = {e.name for _a, _b, e in clauses.mentions_in(countries, f.trigger[0] - 12, f.clause.end)} - travellers
            if len(hosts) >= 2:  # "对越南、马来西亚、柬埔寨进行国事访问" from the 14th to the 18th: the span is the whole tour's
                f.end = None
        here = _country_of_place(f.location, country_of)
        if f.type.name != "visit" and f.start and not f.explicit_date and here and scene and here != scene:
            # "李克强同阮春福在蒙古亚欧首脑会议期间会晤", told in a report from Beijing: another
            # occasion, not the running day
            f.start = f.end = None
            f.date_inferred = False
            f.status = status.status(f, art.published, w)
        elif f.explicit_date and here and not f.recalled:
            scene = here
        prev = next((g for g in reversed(found) if g.participants), None)  # frames of nobody are dropped later
        if f.location is None and prev:
            f.location = _place_of_the_same_session(f, prev, w)
        found.extend(_each_counterpart(f, w))
    _date_lead_from_next(found, sentences, persons, disc, w, art.title)
    # a happening with nobody named is kept only where nobody is expected (a forum, a statement) and its
    # own clause dates it (not a forum recalled in background on the report's running day);
    # one between sides with one person named needs a counterpart (a delegation, a body, a country)
    kept = [f for f in found if (f.participants or (f.type.name in ("conference", "joint_statement") and f.explicit_date))
            and not (len(f.participants) == 1 and f.type.name in ("meeting", "talks", "call", "signing")
                     and not _has_counterpart(f, states, w))]
    merged = merge.merge(kept)
    places.inherit_from_previous(merged)
    places.inherit_from_visits(merged)
    places.visit_cities(merged)
    out = []
    for f in merged:
        loc_country = country_of.get(f.location) if f.location else None
        if f.location and loc_country is None:
            loc_country = (knowledge.gazetteer_by_name(f.location) or {}).get("country")
        counterpart = {e.country for _a, _b, e in clauses.mentions_in(states, f.clause.start, f.clause.end)
                       if e.country} if len(f.participants) == 1 and f.type.name not in ("visit", "conference") else set()
        # a forum's clause names what it is about ("hội thảo về vận tải … giữa Việt Nam - Trung Quốc"):
        # its sides are who attends it and where it is held
        f.bilateral = status.bilateral(f, country_of, loc_country, pair, counterpart)
        evidence = f.sentence.text.strip()
        out.append(Event(type=f.type.name, start=f.start, end=f.end, participants=f.participants,
                         location=f.location, summary=evidence[:240], status=f.status,
                         date_inferred=f.date_inferred, evidence=evidence,
                         offsets=(f.sentence.start, f.sentence.end), plover=f.type.plover, cameo=f.type.cameo,
                         bilateral=f.bilateral, recalled=f.recalled))
    return out


def run(art: Article, settings) -> Article:
    art.events = find(art, tuple(settings.pair))
    return art
