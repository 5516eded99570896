"""Find the predicate of a clause and its frame: one type per predicate, or no event at all.

A trigger word (data/events.yaml `types`) proposes a type; the words around it decide whether
the clause reports a happening: a trigger is dropped when it only refers to an event told
elsewhere ("会谈后", "sau hội đàm", "during the visit", "此访"), modifies a noun ("签署的协议",
"các thỏa thuận đã ký kết"), names a document ("《…联合公报》", a joint statement without an
issuing verb), sits in a proposal, wish or obligation (要, 希望, đề nghị, cần, should), is negated,
is habitual (每年, thường xuyên), is attended by others ("参加会见"), or is inside reported
speech without anything that makes it a done or dated happening. Where one predicate matches
several types, the first type in events.yaml wins (talks over meeting, signing over meeting);
two predicates joined by 并/và/and give two frames.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Clause, Sentence, blank_titles, is_chinese
from .words import EventType, WordList, Words

_CONJ = re.compile(r"并|並|随后|隨後|然后|然後|之后|之後|(?<!\w)(?:và|rồi|and|then|sau đó)(?!\w)", re.I)
_THIS = re.compile(r"(此次|此访|此訪|这次|這次|本次|这一|這一|该|該)\s*$|(?<!\w)this\s+$")
_PUNCT_AFTER = set("，,。；;、：:）)”\"") | {""}


@dataclass
class Frame:
    type: EventType
    sentence: Sentence
    clause: Clause
    trigger: tuple[int, int]                    # offsets in the article text
    segment: tuple[int, int] = (0, 0)           # its own stretch of the clause (offsets in the article)
    lead: list[Clause] = field(default_factory=list)  # adverbial clauses before it in the sentence
    tail: list[Clause] = field(default_factory=list)  # clauses after it with no frame of their own
    in_speech: bool = False
    recalled: bool = False
    relative: bool = False                      # "来华进行国事访问的苏林": qualifies a person
    by_states: bool = False                     # no person named: the participants are the sides
    # filled by the later steps
    participants: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    date_inferred: bool = False
    explicit_date: bool = False
    location: str | None = None
    status: str = "occurred"
    bilateral: bool = False

    def scope(self) -> tuple[str, str]:
        """Simplified and lower-cased text of the lead clauses and the clause up to its end."""
        parts = self.lead + [self.clause]
        return blank_titles("".join(c.simp for c in parts)), blank_titles("".join(c.low for c in parts))


def _is_reference_zh(c: Clause, s: int, e: int, w: Words) -> bool:
    """"会谈后" / "访问期间" / "会见时": a Chinese trigger followed by a word of time, with no verb
    (举行, 同…) before it in the clause, refers to an event told elsewhere."""
    after = c.simp[e:]
    if after.startswith("前夕"):
        return False
    for word in w.reference_after_zh:
        if after.startswith(word):
            if len(word) == 1 and word in "中前时時" and after[1:2] not in _PUNCT_AFTER and \
                    not re.match(r".(强调|強調|指出|表示|说|說)", after):
                continue
            before = c.simp[:s].rstrip()
            if c.simp[s:e].startswith(w.reference_verbs_zh) or before.endswith(w.reference_verbs_zh):
                return False  # "举行会谈时说": the talks themselves
            return not re.search(r"[同与與](?!时|時)", before)  # "X同Y会见时" is the meeting itself
    return False


def _is_modifier(sent: Sentence, c: Clause, s: int, e: int, w: Words) -> bool:
    rel0 = c.start - sent.start
    before_in_sentence = sent.simp[:rel0 + s]
    if w.witness.search(sent.simp, sent.low, 0, rel0 + s):
        return False  # "共同见证双方签署的…" is the signing itself
    for rx in w.modifiers:
        hay = sent.simp if is_chinese(rx.pattern) else sent.low
        if rx.pattern.endswith("$"):
            if rx.search(before_in_sentence):
                return True
            continue
        for m in rx.finditer(hay):
            if m.start() <= rel0 + s < m.end() or m.start() < rel0 + e <= m.end():
                return True
    return False


_BARE_HEAD = re.compile(r"^\s*(?:并|並|và|and|或|hoặc)?\s*$")


def _candidates(sent: Sentence, c: Clause, w: Words) -> list[tuple[int, int, EventType]]:
    """(start, end, type) of the triggers in a clause that survive the context checks, in
    clause offsets."""
    out = []
    if not w.any_trigger.search(c.simp, c.low):
        return out
    for t in w.types:
        for s, e in t.triggers.finditer(c.simp, c.low):
            if is_chinese(c.simp[s:e]):
                if _is_reference_zh(c, s, e, w):
                    continue
            elif w.reference_before.right_before(c.simp, c.low, s):
                continue
            if _THIS.search(c.simp[max(0, s - 6):s]) or _THIS.search(c.low[max(0, s - 8):s]):
                continue  # "此访", "这次访问", "this visit": a visit told elsewhere
            if t.name != "conference" and any(p.search(c.simp[:s]) or p.search(c.low[:s]) for p in w.attend_before):
                continue  # "王沪宁等参加会见": attending someone else's meeting (attending a forum is the forum)
            if any(p.search(c.simp[:s]) or p.search(c.low[:s]) for p in w.praised_before):
                continue  # "祝贺中国成功举行…峰会": what someone is congratulated for is told elsewhere
            verbs = t.needs_verb if isinstance(t.needs_verb, WordList) else w.issue_verbs
            if t.needs_verb and not verbs.search(c.simp, c.low):
                continue
            if _is_modifier(sent, c, s, e, w):
                continue
            if w.proposal.search(c.simp, c.low, 0, s):
                continue
            if c.index > 0 and _BARE_HEAD.match(c.low[:s]):
                before = sent.clauses[c.index - 1]  # "tích cực trao đổi, ký kết…": the verbs share the modal
                if w.proposal.search(before.simp, before.low):
                    continue
            neg = w.negation.search(c.simp, c.low, max(0, s - 8), s)
            if neg:
                continue
            out.append((s, e, t))
    return out


def is_relative(c: Clause, e: int, s: int | None = None) -> bool:
    """The trigger ends a relative clause: "来华进行国事访问的苏林", "应邀访问越南的张高丽"; or,
    in Vietnamese, qualifies the person before it: "tiếp Y đang có chuyến thăm Việt Nam"."""
    if s is not None and _UNDER_WAY_BEFORE.search(c.low[max(0, s - 12):s]):
        return True
    return bool(re.match(r"[^，。；的]{0,8}的", c.simp[e:]))


_UNDER_WAY_BEFORE = re.compile(r"(?<!\w)đang(?: có)?\s+$")


def _pick(cands: list[tuple[int, int, EventType]], c: Clause) -> list[tuple[int, int, EventType]]:
    """One type per predicate: overlapping or adjacent triggers are one predicate (the first
    type in events.yaml wins); triggers joined by a conjunction are separate predicates."""
    if not cands:
        return []
    cands = sorted(cands, key=lambda x: (x[2].rank, x[0]))
    chosen: list[tuple[int, int, EventType]] = []

    def relative(s, e):  # "来华进行国事访问的苏林": the visit qualifies a person, beside the main verb
        return is_relative(c, e, s)

    for s, e, t in cands:
        if any(t.name == ct.name for _, _, ct in chosen):
            continue
        separate = all(
            (e <= cs or ce <= s) and (_CONJ.search(c.text[min(e, ce):max(s, cs)]) or relative(s, e) or relative(cs, ce))
            for cs, ce, _ in chosen)
        if not chosen or separate:
            chosen.append((s, e, t))
    return sorted(chosen, key=lambda x: x[0])


def find(sentences: list[Sentence], w: Words) -> list[Frame]:
    frames: list[Frame] = []
    for sent in sentences:
        first = len(frames)
        lead: list[Clause] = []
        habitual_sentence = bool(w.habitual.search(sent.simp, sent.low))
        for c in sent.clauses:
            picked = _pick(_candidates(sent, c, w), c)
            if not picked:
                lead.append(c)
                continue
            for s, e, t in picked:
                if habitual_sentence:
                    continue
                rel = c.start - sent.start + s
                speech = w.speech.search(sent.simp, sent.low, 0, rel)
                quoted = sent.text[:rel].count("“") > sent.text[:rel].count("”")
                f = Frame(t, sent, c, (c.start + s, c.start + e), lead=list(lead), in_speech=bool(speech or quoted),
                          relative=t.name in ("visit", "conference") and is_relative(c, e, s))
                scope_simp, scope_low = f.scope()
                f.recalled = bool(w.recalled.search(scope_simp, scope_low, 0, len(scope_simp) - len(c.simp) + s))
                if f.in_speech and not (w.done.search(c.simp, c.low) or f.recalled or _has_date(scope_simp, scope_low)):
                    continue
                frames.append(f)
            lead = []
        mine = frames[first:]
        for f in mine:  # two predicates joined by 并/và/and: each has its stretch of the clause
            c = f.clause
            f.segment = (c.start, c.end)
            if f.relative:
                continue
            same = [g for g in mine if g.clause is c and not g.relative]
            k = same.index(f)
            if k > 0:
                prev = same[k - 1]
                conj = _CONJ.search(c.text, prev.trigger[1] - c.start, f.trigger[0] - c.start)
                f.segment = (c.start + conj.start() if conj else prev.trigger[1], f.segment[1])
            if k + 1 < len(same):
                nxt = same[k + 1]
                conj = _CONJ.search(c.text, f.trigger[1] - c.start, nxt.trigger[0] - c.start)
                f.segment = (f.segment[0], c.start + conj.start() if conj else nxt.trigger[0])
        for i, f in enumerate(mine):  # trailing adverbials ("…, từ ngày 11 - 15/5") up to the next frame
            stop = mine[i + 1].clause.index if i + 1 < len(mine) else len(sent.clauses)
            f.tail = [c for c in sent.clauses[f.clause.index + 1:stop]]
    return frames


_DATE_HINT = re.compile(r"\d{1,2}\s*[日号]|\d{1,2}月|\d{1,2}/\d{1,2}|ngày \d|tháng \d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|"
                        r"sep|oct|nov|dec)[a-z]*\.? \d|今天|昨天|当天|同日|hôm nay|hôm qua|yesterday|today")


def _has_date(simp: str, low: str) -> bool:
    return bool(_DATE_HINT.search(simp) or _DATE_HINT.search(low))
