"""Events stage: who called, visited, held talks with, signed with whom, when, where.

Sentence by sentence: a trigger word (data/events.yaml) gives the type; the persons the
entities stage found in the sentence are the participants (hosts named in an invitation clause
are left out; "双方"/"the two sides" stands for the previous event's participants); dates are
resolved against the publication date and the last date the article gave (timeexpr); the place
is a place named in the sentence, the visit's destination, or the dateline's city. Reports of
one happening in several sentences are merged into one event.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .. import knowledge, timeexpr
from ..model import Article, Event
from ..textutil import CJK, sentences, to_simplified

_SPEECH = re.compile(r"(表示|指出|强调|说|认为|希望|称|重申|提出|cho biết|nhấn mạnh|khẳng định|said|stressed|noted)")
_SOURCE = re.compile(r"\s*(?:Theo|According to|据)\s*[^,，]{2,60}[,，]")  # "Theo Đại sứ X, …"
_ATTEND = re.compile(r"(参加|参与|陪同|出席)(上述|了)?$")
_THIS = re.compile(r"此次|此访|这次|本次|chuyến thăm này|this visit")
_PARTIAL_DATE = re.compile(r"\d{4}\s*年(?!\d{1,2}月\d{1,2}日)|\d{4}\s*年\d{1,2}月(?!\d{1,2}日)")
_DEST = re.compile(r"(?:对|赴|抵达|前往|访问|出访|访)([\u4e00-\u9fff]{2,12}?)(?:进行|举行|的|，|,|。|并|$)")


@lru_cache(maxsize=1)
def _rules():
    r = knowledge.event_rules()
    types = []
    for t in r["types"]:
        zh = [to_simplified(w) for w in t.get("zh", [])]
        latin = [w.lower() for w in t.get("vi", []) + t.get("en", [])]
        types.append((t["type"], t.get("plover"), t.get("cameo"), zh, latin))

    def words(key):
        v = r.get(key, {})
        return [to_simplified(w) for w in v.get("zh", [])] + [w.lower() for w in v.get("vi", []) + v.get("en", [])]

    invitation = [re.compile(p) for p in r.get("invitation", [])]
    return types, words("habitual"), words("planned"), invitation, words("anaphora")


@lru_cache(maxsize=256)
def _word_matchers(words: tuple[str, ...]):
    """One regex for the Chinese words (substrings) and one for the others (on word boundaries)."""
    cjk = sorted((w for w in words if CJK.search(w)), key=len, reverse=True)
    latin = sorted((w for w in words if not CJK.search(w)), key=len, reverse=True)
    return (re.compile("|".join(map(re.escape, cjk))) if cjk else None,
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, latin)) + r")(?!\w)") if latin else None)


def _has(sentence_simp: str, sentence_low: str, words: list[str]) -> int:
    """Position of the first word found (Chinese by substring, others on word boundaries), or -1."""
    cjk, latin = _word_matchers(tuple(words))
    found = [m.start() for m in ((cjk.search(sentence_simp) if cjk else None),
                                 (latin.search(sentence_low) if latin else None)) if m]
    return min(found) if found else -1


def _sentences(text: str):
    return sentences(text)


def _location(sentence: str, s0: int, s1: int, art: Article, typ: str, places: list, countries: list) -> str | None:
    in_sent = [(start, ent) for ent in places for (start, end, _) in ent.mentions if s0 <= start < s1]
    if typ == "visit":
        simp = to_simplified(sentence)
        m = _DEST.search(simp)
        if m:
            dest = m.group(1)
            for ent in places + countries:
                if any(to_simplified(a) in dest for a in [ent.name, *ent.aliases] if re.search(r"[\u4e00-\u9fff]", a)):
                    return ent.name
        in_c = [(start, ent) for ent in countries for (start, end, _) in ent.mentions if s0 <= start < s1]
        for _, ent in sorted(in_c, key=lambda x: x[0]):
            if ent.name != _home_country(art, sentence):
                return ent.name
    rules = knowledge.event_rules()
    simp = to_simplified(sentence)
    for short, name in (rules.get("place_abbreviations") or {}).items():
        if short in simp:
            return name
    preps = re.compile("(?:" + "|".join((re.escape(w) if CJK.match(w) else r"\b" + re.escape(w))
                                        for w in rules.get("place_prepositions") or ["在"]) + r")\s*$")
    for start, ent in sorted(in_sent, key=lambda x: x[0]):
        if preps.search(art.text[max(0, start - 6):start]):
            return ent.name
    if in_sent:
        return sorted(in_sent, key=lambda x: x[0])[0][1].name
    if art.dateline_place:
        for ent in places:
            if any(to_simplified(a) == to_simplified(art.dateline_place) for a in [ent.name, *ent.aliases]):
                return ent.name
        from ..knowledge import gazetteer
        for e in gazetteer():
            if e["type"] == "place" and to_simplified(art.dateline_place) in [to_simplified(a) for a in e["aliases"]]:
                return e["name"]
    return None


def _home_country(art: Article, sentence: str) -> str | None:
    return None


def find(art: Article) -> list[Event]:
    types, habitual, planned, invitation, anaphora = _rules()
    persons = [e for e in art.entities if e.type == "person"]
    country_of = {g["name"]: g.get("country") for g in knowledge.gazetteer()}
    # where things happen: cities and provinces (seas and islands are what talks are about)
    places = [e for e in art.entities if e.type == "place" and country_of.get(e.name)]
    countries = [e for e in art.entities if e.type == "country"]
    pub = dt.date.fromisoformat(art.published[:10]) if art.published else None
    inferred = False
    if pub is None:
        year = art.year_hint or timeexpr.infer_year(art.title + "\n" + art.text, dt.date.today().year)
        if year:
            art.year_hint = year
            pub = dt.date(year, 12, 31)
            inferred = True
    context: dt.date | None = None
    events: list[Event] = []
    last: Event | None = None
    for s0, s1, sent in _sentences(art.text):
        simp = to_simplified(sent)
        low = sent.lower()
        when = timeexpr.resolve(simp if re.search(r"[\u4e00-\u9fff]", simp) else sent, pub, context) if pub else None
        found_types = []
        for typ, plover, cameo, zh, latin in types:
            pos = _has(simp, low, zh + latin)
            if pos >= 0 and not _ATTEND.search(simp[:pos]):
                found_types.append((pos, typ, plover, cameo))
        if when and (found_types or context is None) and not _PARTIAL_DATE.search(simp[:8]):
            context = when[0]  # the article's timeline moves with dated happenings, not with figures
        if not found_types:
            continue
        if _has(simp, low, habitual) >= 0:
            continue
        speech = _SPEECH.search(simp)
        hosts = set()
        for rx in invitation:
            for m in rx.finditer(sent):
                hosts.update(p.name for p in persons for (a, b, _) in p.mentions if s0 + m.start() <= a < s0 + m.end())
        names = []
        for p in sorted(persons, key=lambda p: min([a for a, b, _ in p.mentions if s0 <= a < s1] or [10**9])):
            if any(s0 <= a < s1 for a, b, _ in p.mentions) and p.name not in names:
                names.append(p.name)
        # who reports the happening is not taking part in it: "X cho biết Y sẽ hội đàm với Z"
        source = _SOURCE.match(sent)
        said_at = source.end() if source else (speech.start() if speech else None)
        reporters = set()
        if said_at is not None:
            reporters = {p.name for p in persons if any(s0 <= a < s1 for a, b, _ in p.mentions)
                         and all(a - s0 < said_at for a, b, _ in p.mentions if s0 <= a < s1)}
        this_one = _THIS.search(simp)
        for pos, typ, plover, cameo in sorted(found_types):
            if speech and speech.start() < pos and typ not in ("visit", "talks", "meeting", "call"):
                continue  # reported speech about other happenings
            if this_one and not when:
                same = [e for e in events if e.type == typ]
                if same:  # "此次访问…": the happening already reported
                    same[-1].participants += [n for n in names if n not in same[-1].participants and n not in hosts]
                    continue
            parts = [n for n in names if not (typ == "visit" and n in hosts)]
            if said_at is not None and said_at < pos:
                parts = [n for n in parts if n not in reporters] or parts
            if typ == "visit":  # the travellers are named in the trigger's own clause, when anyone is
                c0 = max(simp.rfind(x, 0, pos) for x in "，,；;") + 1
                c1 = min([i for i in (simp.find(x, pos) for x in "，,；;") if i >= 0] or [len(simp)])
                def named(lo, hi):
                    return [n for n in parts if any(s0 + lo <= a < s0 + hi for p in persons if p.name == n
                                                    for a, b, _ in p.mentions)]
                parts = named(c0, c1) or named(0, pos)  # else the subject before it ("X抵达河内，对越南进行…")
            if not parts and last is not None and typ != "visit" and (  # "the two sides" do not travel
                    _has(simp, low, anaphora) >= 0 or typ in ("signing", "joint_statement")):
                parts = list(last.participants)
            start = end = None
            if when:
                start, end = when
            elif context and not _PARTIAL_DATE.search(simp):
                start = end = context
            status = "occurred"
            if _has(simp, low, planned) >= 0 and (start is None or not art.published or start >= dt.date.fromisoformat(art.published[:10])):
                status = "planned"
            ev = Event(type=typ, start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                       participants=parts, location=_location(sent, s0, s1, art, typ, places, countries),
                       summary=sent.strip()[:240], status=status, date_inferred=inferred and start is not None,
                       evidence=sent.strip(), offsets=(s0, s1), plover=plover, cameo=cameo)
            if typ == "visit" and ev.start and ev.end == ev.start and not when:
                ev.end = None  # the span of a trip is not known from a context date
            events.append(ev)
            if parts:
                last = ev
    # a happening with nobody named is kept only where nobody is expected (a forum, a statement)
    events = [e for e in events if e.participants or e.type in ("conference", "joint_statement")]
    return _inherit_location(_merge(events))


def _inherit_location(events: list[Event]) -> list[Event]:
    """A happening with no place of its own, during a visit by one of its participants, took
    place where the visit went (talks on the day Xi arrived in Hanoi were in Hanoi)."""
    visits = [v for v in events if v.type == "visit" and v.location and v.start]
    for e in events:
        if e.location or e.type == "visit" or not e.start:
            continue
        for v in visits:
            if set(e.participants) & set(v.participants) and v.start <= e.start <= (v.end or v.start):
                e.location = v.location
                break
    return events


def _compatible_dates(a: Event, b: Event) -> bool:
    if not a.start or not b.start:
        return True
    a0, a1 = a.start, a.end or a.start
    b0, b1 = b.start, b.end or b.start
    return a0 <= b1 and b0 <= a1


def _merge(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        target = None
        for o in out:
            if o.type != ev.type or not _compatible_dates(o, ev):
                continue
            if not ev.participants or not o.participants or set(ev.participants) & set(o.participants):
                target = o
                break
        if target is None:
            out.append(ev)
            continue
        target.participants += [p for p in ev.participants if p not in target.participants]
        if ev.start and (not target.start or (target.end is None and ev.end and ev.end != ev.start)):
            target.start, target.end = ev.start, ev.end
        target.location = target.location or ev.location
        if ev.status == "planned":
            target.status = "planned"
    return out


def run(art: Article, settings) -> Article:
    art.events = find(art)
    return art
