"""Split an article into sentences and clauses, with the persons named in each clause.

A clause is a stretch of a sentence between commas, semicolons and colons (Chinese and Latin;
a comma between digits, as in "1,659", does not cut). Offsets are into `Article.text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Article, Entity
from ...textutil import CJK, sentences, to_simplified

_CUT = re.compile(r"[，；;：:]|,(?!\d)")


@dataclass
class Clause:
    start: int
    end: int
    text: str
    simp: str          # simplified Chinese, same length and offsets as text
    low: str           # lower case, same length and offsets as text
    sentence: int      # index of its sentence in the article
    paragraph: int
    index: int         # index within its sentence


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    simp: str
    low: str
    index: int
    paragraph: int
    clauses: list[Clause] = field(default_factory=list)


def _lower_same_length(s: str) -> str:
    low = s.lower()
    return low if len(low) == len(s) else "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph, last_end = 0, 0
    for i, (s0, s1, sent) in enumerate(sentences(text)):
        paragraph += text.count("\n", last_end, s0)
        last_end = s0
        simp = to_simplified(sent)
        low = _lower_same_length(sent)
        st = Sentence(s0, s1, sent, simp, low, i, paragraph)
        pos = 0
        cuts = [m for m in _CUT.finditer(sent) if _outside_quotes(sent, m.start())]
        for m in cuts + [None]:
            end = m.end() if m else len(sent)
            if sent[pos:end].strip():
                st.clauses.append(Clause(s0 + pos, s0 + end, sent[pos:end], simp[pos:end], low[pos:end],
                                         i, paragraph, len(st.clauses)))
            pos = end
        out.append(st)
    return out


def _outside_quotes(s: str, i: int) -> bool:
    """A comma inside “…” or 《…》 does not cut a clause ("Diễn đàn “Một vành đai, một con đường”")."""
    head = s[:i]
    return head.count("“") <= head.count("”") and head.count("《") <= head.count("》")


_TITLE = re.compile(r"《[^》]*》")


def blank_titles(s: str) -> str:
    """Names of documents (《…合作计划（2016-2020年）》) hold no dates or cues of the clause: they
    are blanked, offsets kept."""
    return _TITLE.sub(lambda m: "《" + "□" * (len(m.group(0)) - 2) + "》", s) if "《" in s else s


def mentions_in(persons: list[Entity], lo: int, hi: int) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) of every person mention inside [lo, hi), in text order."""
    found = [(a, b, p) for p in persons for (a, b, _f) in p.mentions if lo <= a < hi]
    return sorted(found, key=lambda x: x[0])


def is_chinese(s: str) -> bool:
    return bool(CJK.search(s))
