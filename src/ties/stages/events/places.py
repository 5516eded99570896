"""Where a frame happened: a place in its own clause (or the adverbial clauses before it), or
the host of a visit; calls and letters have no place.

1. A venue (data/venues.yaml: halls, palaces, party headquarters, border gates) gives its city.
2. A short form such as 在京 gives its city (events.yaml `place_abbreviations`).
3. A city or province right after a place word (在, tại, ở, in, at).
4. For a visit: the country or place after a destination word (对, 赴, thăm, to) that is not the
   traveller's own country.
5. For a same-day report's meeting, talks or signing with no place in the text: the city of
   the dateline ("新华社河内…电").
"""
from __future__ import annotations

from ... import knowledge
from ...model import Article, Entity
from ...textutil import to_simplified
from .clauses import mentions_in
from .frames import Frame
from .words import Words


def _city_of(ent: Entity) -> str:
    entry = knowledge.gazetteer_entry(ent.id) if ent.id else None
    return (entry or {}).get("city") or ent.name


def locate(frame: Frame, art: Article, places: list[Entity], countries: list[Entity], w: Words,
           traveller_countries: set[str]) -> str | None:
    if frame.type.name in w.placeless:
        return None
    if w.remote.search("".join(c.simp for c in frame.lead + [frame.clause]), "".join(c.low for c in frame.lead + [frame.clause])):
        return None  # held by video: no one place
    parts = frame.lead + [frame.clause]
    lo, hi = parts[0].start, frame.clause.end
    sent = frame.sentence
    in_scope = mentions_in(places, lo, hi)
    for a, b, ent in in_scope:
        entry = knowledge.gazetteer_entry(ent.id) if ent.id else None
        if entry and entry.get("city") and entry.get("kind") == "venue":
            return entry["city"]
    scope_simp = "".join(c.simp for c in parts)
    for short, city in w.place_abbreviations.items():
        if short in scope_simp:
            return city
    chain = sorted(mentions_in(places + countries, sent.start, sent.end))
    for a, b, ent in in_scope:
        head = a  # "在越南胡志明市": the preposition may stand before the country that names the city's
        for a2, b2, _e in reversed(chain):
            if b2 <= head and not art.text[b2:head].strip():
                head = a2
        before = to_simplified(art.text[max(sent.start, head - 30):head])
        if w.place_prepositions.search(before):
            end = b  # "在广西南宁": the province, then the city in it; the last of the chain is the place
            for a2, b2, e2 in chain:
                if a2 == end and e2.type == "place":
                    ent, end = e2, b2
            return _city_of(ent)
    if frame.type.name != "visit":  # "在蒙古亚欧首脑会议期间会晤": a country where no city is said
        for a, b, ent in mentions_in(countries, lo, hi):
            before = to_simplified(art.text[max(sent.start, a - 12):a])
            if w.place_prepositions.search(before) and not any(a <= a2 < b + 4 for a2, _b2, _e in in_scope):
                return ent.name
    if frame.type.name != "visit":  # "陈大光於河内先后会晤…，包括前日会见…": the sentence's place
        for a, b, ent in mentions_in(places, sent.start, lo):
            before = to_simplified(art.text[max(sent.start, a - 30):a])
            if w.place_prepositions.search(before):
                return _city_of(ent)
    if frame.type.name == "visit":
        t1 = frame.trigger[1]
        said = to_simplified(art.text[frame.trigger[0] - 2:t1])
        for word, country in w.trigger_destinations.items():
            if word in said and country not in traveller_countries:
                return country
        for a, b, ent in mentions_in(places + countries, lo, hi):
            own = (knowledge.gazetteer_entry(ent.id) or {}).get("country") if ent.id else None
            if ent.type == "country":
                own = ent.name
            if own in traveller_countries:
                continue
            before = to_simplified(art.text[max(sent.start, a - 12):a])
            if w.destination_before.search(before) or (a >= t1 and a - t1 <= 3):
                return ent.name if ent.type == "country" else _city_of(ent)
    if frame.type.name in ("meeting", "talks", "signing") and art.dateline_place and frame.start \
            and art.published and frame.start == art.published[:10]:
        for e in knowledge.gazetteer():
            if e["type"] == "place" and e.get("country") and art.dateline_place in e["aliases"] + [e["name"]]:
                return e.get("city") or e["name"]
    return None


def inherit_from_previous(frames: list[Frame]) -> None:
    """A happening with no place, after one on the same day with the same people, took place
    there too ("…在越共中央驻地举行会谈。…会谈后，两党总书记共同见证…签署…")."""
    for i, f in enumerate(frames):
        if f.location or f.type.name in ("visit", "call", "message") or not f.start:
            continue
        for prev in reversed(frames[:i]):
            if prev.type.name in ("visit", "call", "message") or prev.start != f.start:
                continue
            if set(f.participants) & set(prev.participants):
                f.location = prev.location
                break


def inherit_from_visits(frames: list[Frame]) -> None:
    """A happening with no place of its own, during a visit by one of its participants, took
    place where the visit went (talks on the day Xi arrived in Hanoi were in Hanoi)."""
    visits = [v for v in frames if v.type.name == "visit" and v.location and v.start]
    for f in frames:
        if f.location or f.type.name in ("visit", "call", "message") or not f.start:
            continue
        for v in visits:
            if set(f.participants) & set(v.participants) and v.start <= f.start <= (v.end or v.start):
                f.location = v.location
                break


def visit_cities(frames: list[Frame]) -> None:
    """A visit placed in a country, whose traveller's other happenings of the report were all in one
    city of that country, was to that city (Xi's state visit to Vietnam: the talks in Hanoi)."""
    for v in frames:
        if v.type.name != "visit" or not v.location or not v.participants:
            continue
        entry = knowledge.gazetteer_by_name(v.location) or {}
        if entry.get("type") != "country":
            continue
        cities = {f.location for f in frames if f is not v and f.location and v.participants[0] in f.participants
                  and (knowledge.gazetteer_by_name(f.location) or {}).get("country") == v.location}
        if len(cities) == 1:
            v.location = cities.pop()
