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


@lru_cache(maxsize=1)
def _coordination():
    """(a span that only coordinates, a preposition or list item before it, words that pair two sides)."""
    d = knowledge.load_yaml("relevance.yaml")
    coord = "|".join(re.escape(w) for w in sorted(d.get("coordinators", []), key=len, reverse=True))
    only = re.compile(r"^[\w-]+(?:\s[\w-]+){0,2}?\s*(?:" + coord + r")\s*(?:the\s+)?(?:[\w-]+\s*){0,3}?$"
                      r"|^[\u4e00-\u9fff]{1,6}(?:" + coord + r")$")
    before = re.compile(r"(?:(?<![\w])(?:" + "|".join(re.escape(w) for w in d.get("shared_object_before", []))
                        + r")\s*|[,、]\s*)$")
    return only, before, _rx(d.get("pair_words", []))


@lru_cache(maxsize=1)
def _demonyms() -> tuple[str, ...]:
    return tuple(knowledge.load_yaml("relevance.yaml").get("demonyms", []))


def _shared_object(sent_low: str, start: int, span: str) -> bool:
    """The two sides coordinated under one preposition or closing a list, with nothing pairing them
    ("imports from china and vietnam", "duties on china and vietnam")."""
    only, before, pair_words = _coordination()
    if not only.match(span) or pair_words.search(sent_low):
        return False
    demonyms = _demonyms()
    first, *rest = span.split()
    adjectives = first in demonyms and bool(rest) and sent_low[start + len(span):].split()[:1] != [] and \
        any(sent_low[start + len(span):].startswith(d) for d in demonyms)
    return adjectives or bool(before.search(sent_low[max(0, start - 20):start]))


@lru_cache(maxsize=1)
def _comparisons() -> re.Pattern:
    return _rx(knowledge.load_yaml("relevance.yaml").get("comparisons", []))


def _linked(sent_low: str, a: int, b: int, links: re.Pattern) -> bool:
    lo, hi = min(a, b), max(a, b)
    span = sent_low[lo:hi]
    if len(span) > 60:
        return False
    if not links.search(span) or _comparisons().search(span):
        return False
    return not _shared_object(sent_low, lo, span)  # "imports from china and vietnam": one phrase, not partners


_CAP_NEIGHBOUR_BEFORE = re.compile(r"[A-Z][\w&.-]*\s+$")
_CAP_NEIGHBOUR_AFTER = re.compile(r"\s+[A-Z]")


def _in_a_name(sent: str, start: int, end: int) -> bool:
    """A word of interaction that is part of a capitalised name ("BNP Paribas Investment Partners",
    "Trade Representative" stays a word: only a capital word beside it makes a name)."""
    if len(sent) != len(sent.lower()) or not sent[start:start + 1].isupper():
        return False
    return bool(_CAP_NEIGHBOUR_BEFORE.search(sent, 0, start)) and bool(_CAP_NEIGHBOUR_AFTER.match(sent, end))


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
        if not any(not _in_a_name(sent, m.start(), m.end()) for m in interaction.finditer(simp)):
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
        if any(not _shared_object(simp, m.start(), m.group(0)) for m in terms.finditer(simp)):
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
