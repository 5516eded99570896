"""Relevance stage: does the article report an interaction between the configured pair?

Yes when
- one of its events is `bilateral` (one side's actor and the other's), or
- a sentence links the two sides: an actor, body or place of each, joined by a link word
  (与, 同, 赴, với, giữa, with, between…) or a bilateral term of the pair (中越, Việt - Trung,
  China-Vietnam…), in a sentence that also holds a word of interaction (合作, 贸易, 边境,
  hợp tác, thương mại, biên giới, cooperation, trade, border…).
Naming both in passing is not enough: a sentence that lists four countries or more is a list,
not a link, and "Đài Loan (Trung Quốc)" names Taiwan. Words in data/pairs.yaml and
data/relevance.yaml.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import knowledge
from ..model import Article
from ..textutil import sentences, to_simplified, words_regex


@lru_cache(maxsize=8)
def _pair(pair: tuple[str, str]) -> dict:
    for p in knowledge.pairs():
        if set(p["countries"]) == set(pair):
            return p
    return {"countries": list(pair), "bilateral_terms": []}


def _rx(words) -> re.Pattern:
    """Matched on lower-cased sentences, so without re.I (which is slow)."""
    return words_regex([w.lower() for w in words])


@lru_cache(maxsize=1)
def _words():
    d = knowledge.load_yaml("relevance.yaml")
    return (_rx(d["interaction"]), _rx(d["links"]), [to_simplified(x) for x in d.get("not_the_country_after", [])],
            int(d.get("list_size", 4)))


@lru_cache(maxsize=8)
def _terms(pair: tuple[str, str]) -> re.Pattern:
    return _rx(_pair(pair)["bilateral_terms"])


def _linked(sent_low: str, a: int, b: int, links: re.Pattern) -> bool:
    lo, hi = min(a, b), max(a, b)
    span = sent_low[lo:hi]
    if len(span) > 60:
        return False
    return bool(links.search(span))


def interaction_sentences(art: Article, pair: tuple[str, str]) -> list[str]:
    """The sentences that link the two sides of the pair."""
    interaction, links, not_after, list_size = _words()
    terms = _terms(pair)
    a_side, b_side = pair
    out = []
    marks = sorted(((m0, e) for e in art.entities for m0, _m1, _f in e.mentions if m0 >= 0), key=lambda x: x[0])
    starts = [m0 for m0, _e in marks]
    for s0, s1, sent in sentences(art.text):
        simp = to_simplified(sent).lower()
        if not interaction.search(simp):
            continue
        side_at: dict[str, list[int]] = {a_side: [], b_side: []}
        countries = set()
        for m0, e in marks[bisect.bisect_left(starts, s0):bisect.bisect_left(starts, s1)]:
            if e.type == "country":
                countries.add(e.name)
            if e.country in side_at and not any(art.text[max(0, m0 - len(x)):m0] == x for x in not_after):
                side_at[e.country].append(m0 - s0)
        if len(countries) >= list_size:
            continue  # a list of countries links none of them
        if terms.search(simp):
            out.append(sent)
            continue
        if not side_at[a_side] or not side_at[b_side]:
            continue
        if any(_linked(simp, x, y, links) for x in side_at[a_side] for y in side_at[b_side]):
            out.append(sent)
    return out


def is_relevant(art: Article, pair: tuple[str, str]) -> bool:
    if any(ev.bilateral for ev in art.events):
        return True
    return bool(interaction_sentences(art, pair))


def run(art: Article, settings) -> Article:
    art.relevant = is_relevant(art, tuple(settings.pair))
    return art
