"""Statements stage: who said what, one statement per sentence.

A sentence whose subject is a person found by the entities stage followed by a reporting verb
(表示, 强调, 指出, 说…; cho biết, nhấn mạnh…; said, stressed…) opens a statement; the
sentences after it in the same paragraph, and paragraphs of an enumeration ("一是…", "二是…")
after "提出…举措", continue it. 他/她 (he/she) stand for the last person named.
"""
from __future__ import annotations

import re

from ..model import Article, Statement
from ..textutil import CJK, sentences

_ZH_VERB = r"(?:表示|强调|指出|说|认为|希望|称|重申|介绍|提出|主张|建议|宣布|说道|感谢|赞赏|祝贺|欢迎)"
_VI_VERB = r"(?:cho biết|nhấn mạnh|khẳng định|bày tỏ|nói|cho rằng|đề nghị|tuyên bố|chia sẻ)"
_EN_VERB = r"(?:said|says|stressed|noted|added|told|pointed out|called for|urged|emphasized|emphasised)"
_ENUM = re.compile(r"^(一是|二是|三是|四是|五是|六是|七是|八是|第[一二三四五六七八九十]|首先|其次|此外|[一二三四五六七八九十]、)")
_PRONOUN = re.compile(r"^(他|她)" + _ZH_VERB)


def _first_speaker(sentence: str, base: int, persons) -> tuple[str, int] | None:
    """(speaker, end of the reporting verb) when a person near the start is followed by a verb."""
    best = None
    for p in persons:
        for a, b, _form in p.mentions:
            if not (base <= a < base + len(sentence)):
                continue
            rel = b - base
            tail = sentence[rel:rel + 14]
            m = (re.match(r"[^，,。]{0,8}?" + _ZH_VERB + r"[，,:：]?", tail)
                 or re.match(r"[^。！？]{0,50}?[，,]并?" + _ZH_VERB + r"[，,:：]?", sentence[rel:rel + 60])
                 or re.match(r"\s*(?:\([^)]*\)\s*)?" + _VI_VERB + r"[ ,:]?", tail)
                 or re.match(r"\s*" + _EN_VERB + r"[ ,:]?", tail))
            if m and (best is None or a < best[2]):
                best = (p.name, rel + m.end(), a)
    if best is None:
        for p in persons:  # "…, Xi said." / "said Xi"
            for a, b, _form in p.mentions:
                if base <= a < base + len(sentence):
                    rel = a - base
                    if re.search(_EN_VERB + r"\s*$", sentence[max(0, rel - 12):rel]) or \
                            re.match(r"\s*" + _EN_VERB, sentence[b - base:]):
                        return p.name, 0
    return (best[0], best[1]) if best else None


def find(art: Article) -> list[Statement]:
    persons = [e for e in art.entities if e.type == "person"]
    out: list[Statement] = []
    offset = 0
    last_person = None
    carry = None  # speaker of an enumeration that continues over paragraphs
    for para in art.text.split("\n"):
        speaker = None
        if carry and _ENUM.match(para):
            speaker = carry
        else:
            carry = None
        for s0, _s1, sent in sentences(para):
            base = offset + s0
            hit = _first_speaker(sent, base, persons)
            if hit:
                speaker, cut = hit
                last_person = speaker
                body = sent[cut:].strip()
            elif _PRONOUN.match(sent) and last_person:
                speaker = last_person
                body = sent[_PRONOUN.match(sent).end():].lstrip("，,")
            elif speaker and (CJK.search(sent) or re.match(r"\s*[\"“‘]", sent)):
                body = sent.strip()  # the paragraph goes on in the speaker's words
            else:
                mention = [p.name for p in persons for (a, b, _) in sorted(p.mentions) if base <= a < base + len(sent)]
                if mention:
                    last_person = mention[0]
                    if re.search(r"(提出|就)[^。]{0,20}(举措|主张|建议|倡议)", sent):
                        carry = mention[0]
                continue
            if len(body) >= 4:
                out.append(Statement(speaker=speaker, text=body, offsets=(base, base + len(sent))))
            if re.search(r"(提出|就)[^。]{0,20}(举措|主张|建议|倡议)", sent):
                carry = speaker
        offset += len(para) + 1
    return out


def run(art: Article, settings) -> Article:
    art.statements = find(art)
    return art
