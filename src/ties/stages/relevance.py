"""Relevance stage: does the article report an interaction between the configured pair of countries?

Yes when an event has participants from both countries, or the text uses a bilateral term of
the pair (data/pairs.yaml: 中越, Việt - Trung, China-Vietnam…) and names both countries'
actors; naming both in passing (a list of countries, a match result) is not enough.
"""
from __future__ import annotations

from functools import lru_cache

from .. import knowledge
from ..model import Article
from ..textutil import to_simplified


@lru_cache(maxsize=8)
def _pair(pair: tuple[str, str]) -> dict:
    for p in knowledge.pairs():
        if set(p["countries"]) == set(pair):
            return p
    return {"countries": list(pair), "bilateral_terms": []}


@lru_cache(maxsize=1)
def _country_of() -> dict[str, str]:
    return {e["name"]: e["country"] for e in knowledge.gazetteer() if e.get("country")}


def is_relevant(art: Article, pair: tuple[str, str]) -> bool:
    a, b = pair
    country_of = _country_of()
    sides = {a: 0, b: 0}
    for e in art.entities:
        c = country_of.get(e.name)
        if c in sides:
            sides[c] += len(e.mentions)
    for ev in art.events:
        cs = {country_of.get(p) for p in ev.participants}
        if a in cs and b in cs:
            return True
    if not (sides[a] and sides[b]):
        return False
    simp = to_simplified(art.title + "\n" + art.text)
    low = simp.lower()
    terms = _pair(pair)["bilateral_terms"]
    if any(to_simplified(t) in simp or t.lower() in low for t in terms):
        return True
    return sides[a] >= 3 and sides[b] >= 3 and bool(set(art.topics) - {"people"})


def run(art: Article, settings) -> Article:
    art.relevant = is_relevant(art, tuple(settings.pair))
    return art
