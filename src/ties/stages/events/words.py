"""The event words of data/events.yaml, compiled once: one matcher per list.

A list in events.yaml is either flat or split by language ({zh, vi, en}). Chinese words are
matched as substrings of the simplified text; Vietnamese and English words on word
boundaries, case-insensitively.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import knowledge
from ...textutil import CJK, to_simplified, trie_pattern


class WordList:
    """Finds the words of one list in a clause (simplified Chinese text and lower-cased text)."""

    def __init__(self, words):
        if isinstance(words, dict):
            words = [w for v in words.values() for w in (v or [])]
        cjk = sorted({to_simplified(w) for w in words or [] if CJK.search(w)}, key=len, reverse=True)
        latin = sorted({w.lower() for w in words or [] if not CJK.search(w)}, key=len, reverse=True)
        self.cjk = re.compile(trie_pattern(cjk)) if cjk else None
        self.latin = re.compile(r"(?<!\w)(?:" + trie_pattern(latin) + r")(?!\w)") if latin else None
        self._cjk_tail = re.compile("(?:" + self.cjk.pattern + r")\s*$") if cjk else None
        self._latin_tail = re.compile("(?:" + self.latin.pattern + r")\s+(?:the\s+|các\s+|buổi\s+)?$") if latin else None

    def finditer(self, simp: str, low: str):
        """(start, end) of every word found; both texts have the same length and offsets."""
        out = []
        if self.cjk:
            out += [(m.start(), m.end()) for m in self.cjk.finditer(simp)]
        if self.latin:
            out += [(m.start(), m.end()) for m in self.latin.finditer(low)]
        return sorted(out)

    def search(self, simp: str, low: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        hi = len(simp) if hi is None else hi
        for s, e in self.finditer(simp[:hi], low[:hi]):
            if s >= lo:
                return s, e
        return None

    def right_before(self, simp: str, low: str, pos: int) -> bool:
        """One of the words ends right before `pos` (spaces and "the" between are allowed)."""
        if self._cjk_tail and self._cjk_tail.search(simp[max(0, pos - 12):pos]):
            return True
        return bool(self._latin_tail and self._latin_tail.search(low[max(0, pos - 40):pos]))


@dataclass
class EventType:
    name: str
    plover: str | None
    cameo: str | None
    triggers: WordList
    needs_verb: bool | WordList    # True: one of `issue_verbs`; a WordList: one of its own verbs
    rank: int
    needs_state: bool = False


@dataclass
class Words:
    types: list[EventType]
    any_trigger: WordList
    issue_verbs: WordList
    reference_before: WordList
    reference_after_zh: tuple[str, ...]
    reference_verbs_zh: tuple[str, ...]
    modifiers: list[re.Pattern]
    proposal: WordList
    negation: WordList
    habitual: WordList
    recalled: WordList
    same_day: WordList
    earlier_scene: WordList
    separately: WordList
    visit_ongoing: WordList
    visit_ended: WordList
    planned: WordList
    cancelled: WordList
    speech: WordList
    done: WordList
    done_before: WordList
    relay: list[re.Pattern]
    invitation: list[re.Pattern]
    traveller_after: list[re.Pattern]
    anaphora: WordList
    self_reference: WordList
    attend_before: list[re.Pattern]
    praised_before: list[re.Pattern]
    witness: WordList
    welcome: WordList
    counterpart: WordList
    place_abbreviations: dict[str, str]
    place_prepositions: re.Pattern
    destination_before: re.Pattern
    trigger_destinations: dict[str, str]
    placeless: frozenset[str]
    remote: WordList
    pair_terms: list[tuple[re.Pattern, list[str]]]


def _rx_list(patterns) -> list[re.Pattern]:
    return [re.compile(to_simplified(p) if CJK.search(p) else p) for p in patterns or []]


def _before_rx(words, kinds=()) -> re.Pattern:
    """Words that must end right before a place: "在", "tại ", "in " (a place word such as
    "thành phố" may stand between)."""
    alts = [re.escape(to_simplified(w)) if CJK.search(w) else r"(?<!\w)" + re.escape(w) + r"\s+" for w in words]
    kind = "|".join(re.escape(k) + r"\s*" for k in sorted(kinds, key=len, reverse=True))
    return re.compile("(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")\s*" +
                      (f"(?:{kind})?" if kind else "") + "$", re.I)


def _terms_rx(terms) -> re.Pattern:
    cjk = sorted({to_simplified(t) for t in terms if CJK.search(t)}, key=len, reverse=True)
    latin = sorted({t.lower() for t in terms if not CJK.search(t)}, key=len, reverse=True)
    parts = [re.escape(t) for t in cjk] + [r"(?<!\w)" + re.escape(t) + r"(?!\w)" for t in latin]
    return re.compile("|".join(parts) or r"(?!x)x")


@lru_cache(maxsize=1)
def words() -> Words:
    r = knowledge.event_rules()
    types = []
    for i, t in enumerate(r["types"]):
        verbs = t.get("needs_verb")
        types.append(EventType(t["type"], t.get("plover"), t.get("cameo"),
                               WordList({k: t.get(k, []) for k in ("zh", "vi", "en")}),
                               WordList(verbs) if isinstance(verbs, list) else bool(verbs), i,
                               bool(t.get("needs_state"))))
    return Words(
        types=types,
        any_trigger=WordList([w for t in r["types"] for k in ("zh", "vi", "en") for w in t.get(k, [])]),
        issue_verbs=WordList(r.get("issue_verbs")),
        reference_before=WordList(r.get("reference_before")),
        reference_after_zh=tuple(sorted({to_simplified(w) for w in r.get("reference_after_zh", [])}, key=len, reverse=True)),
        reference_verbs_zh=tuple(to_simplified(w) for w in r.get("reference_verbs_zh", [])),
        modifiers=_rx_list(r.get("modifier_patterns")),
        proposal=WordList(r.get("proposal")),
        negation=WordList(r.get("negation")),
        habitual=WordList(r.get("habitual")),
        recalled=WordList(r.get("recalled")),
        same_day=WordList(r.get("same_day")),
        earlier_scene=WordList(r.get("earlier_scene")),
        separately=WordList(r.get("separately")),
        visit_ongoing=WordList(r.get("visit_ongoing")),
        visit_ended=WordList(r.get("visit_ended")),
        planned=WordList(r.get("planned")),
        cancelled=WordList(r.get("cancelled")),
        speech=WordList(r.get("speech")),
        done=WordList(r.get("done_markers")),
        done_before=WordList(r.get("done_before")),
        relay=_rx_list(r.get("relay_patterns")),
        invitation=_rx_list(r.get("invitation")),
        traveller_after=_rx_list(r.get("traveller_after_trigger")),
        anaphora=WordList(r.get("anaphora")),
        self_reference=WordList(r.get("self_reference")),
        attend_before=_rx_list(r.get("attend_before")),
        praised_before=_rx_list(r.get("praised_before")),
        witness=WordList(r.get("witness")),
        welcome=WordList(r.get("welcome")),
        counterpart=WordList(r.get("counterpart_words")),
        place_abbreviations={to_simplified(k): v for k, v in (r.get("place_abbreviations") or {}).items()},
        place_prepositions=_before_rx(r.get("place_prepositions") or ["在"], r.get("place_kind_words") or []),
        destination_before=_before_rx(r.get("destination_before") or []),
        trigger_destinations={to_simplified(k): v for k, v in (r.get("trigger_destinations") or {}).items()},
        placeless=frozenset(r.get("placeless") or []),
        remote=WordList(r.get("remote")),
        pair_terms=[(_terms_rx(p.get("bilateral_terms", [])), list(p["countries"])) for p in knowledge.pairs()],
    )
