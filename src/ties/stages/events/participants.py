"""Who takes part in a frame: the persons in its slots, not every person in the sentence.

- The persons named in the trigger's clause (for a visit: those before the trigger, the
  travellers, plus "chuyến thăm của X" / "a visit by X").
- When the clause names nobody before the trigger, the subject: the persons of the nearest
  earlier clause of the sentence that names someone ("X抵达河内，对越南进行国事访问").
- Persons inside a relayed greeting, a sender represented, a mausoleum or a source ("据X介绍",
  "Theo X,") are not taking part, nor the hosts of an invitation clause for a visit, nor the
  person who reports the happening ("X cho biết Y sẽ hội đàm với Z"), nor historical figures.
- When nobody is named at all, "双方", "两党总书记", "hai bên", "the two sides" stand for the
  participants of the previous frame; so does the whole sentence for a signing or a joint
  statement that follows talks.
"""
from __future__ import annotations

import re

from .clauses import Clause, Sentence, mentions_in
from .frames import Frame
from .words import Words


# a clause that opens with "与/同" before its first person: the person is the companion, whatever
# titles stand between ("並與緬甸國務資政昂山素姬會晤")
_CLAUSE_WITH = re.compile(r"^\s*(?:并|並|还|還|也|又)?\s*(?:与|與|同|跟)[^，。；,;]{0,24}$")
_COMPANION = re.compile(r"(?:[与同和跟及]|(?<!\w)(?:với|cùng|with|and))\s*\S{0,3}$")


def _excluded_spans(sent: Sentence, w: Words, typ: str, trigger_rel: int) -> list[tuple[int, int]]:
    spans = []
    for rx in w.relay:
        hay = sent.simp if any("\u4e00" <= ch <= "\u9fff" for ch in rx.pattern) else sent.text
        spans += [(sent.start + m.start(), sent.start + m.end()) for m in rx.finditer(hay)]
    if typ == "visit":
        for rx in w.invitation:
            hay = sent.simp if any("\u4e00" <= ch <= "\u9fff" for ch in rx.pattern) else sent.text
            spans += [(sent.start + m.start(), sent.start + m.end()) for m in rx.finditer(hay)]
    speech = w.speech.search(sent.simp, sent.low, 0, trigger_rel)
    if speech and not w.self_reference.search(sent.simp, sent.low, speech[1], trigger_rel):
        # the speaker of "X cho biết …" reports the happening, unless saying it of himself
        spans.append((sent.start, sent.start + speech[1]))
    return spans


def _usable(mentions, spans, historical, text: str) -> list:
    """The persons who can take part: not in an excluded span, not historical, and not the owner
    of the one named next ("習近平的文膽王滬寧": 王滬寧 meets, not 習近平)."""
    kept = [(a, b, p) for a, b, p in mentions if not any(s <= a < e for s, e in spans) and p.name not in historical]
    return [m for i, m in enumerate(kept)
            if not (i + 1 < len(kept) and _OWNER.match(text, m[1], kept[i + 1][0]) and kept[i + 1][2] is not m[2])]


_OWNER = re.compile(r"[的之][^，,。；;、的]{0,8}$")


def _names(mentions) -> list[str]:
    out: list[str] = []
    for _, _, p in mentions:
        if p.name not in out:
            out.append(p.name)
    return out


_PRONOUN_SUBJECT = re.compile(r"^\s*(?:He|She)\s")  # an English sentence whose subject is the person just named


def _meeting_type(w: Words):
    return next((t for t in w.types if t.name == "meeting"), None)


def fill(frame: Frame, persons, previous: list[Frame], w: Words, historical: set[str], text: str) -> list[str]:
    sent, c = frame.sentence, frame.clause
    t0, t1 = frame.trigger
    spans = _excluded_spans(sent, w, frame.type.name, t0 - sent.start)
    seg0, seg1 = frame.segment if frame.segment != (0, 0) else (c.start, c.end)
    in_clause = _usable(mentions_in(persons, seg0, seg1), spans, historical, text)
    clause_subject = _usable(mentions_in(persons, c.start, seg0), spans, historical, text)
    before = [m for m in in_clause if m[0] < t0]
    after = [m for m in in_clause if m[0] >= t1]
    if frame.type.name != "visit" and after:
        # "cuộc Gặp gỡ … diễn ra sau chuyến thăm Trung Quốc của Tổng Bí thư X": X belongs to the trip named
        # after the trigger, not to this meeting
        trip = next((t for t in w.types if t.name == "visit"), None)
        after = [m for m in after if trip is None or not trip.triggers.search(c.simp, c.low, t1 - c.start, m[0] - c.start)]
    if frame.relative and frame.type.name != "visit" and after:
        # "会见来华共同主持…第八次会议的范平明": the forum qualifies the one it names, not who meets him
        return _names(after[:1])
    if frame.type.name == "visit":
        after = [m for m in after if any(rx.search(sent.text[t1 - sent.start:m[0] - sent.start]) for rx in w.traveller_after)]
        if frame.relative:
            after = after[:1]  # "应邀访问越南的张高丽在河内会见张晋创": the one the clause qualifies
        if after:  # "X đánh giá cao chuyến thăm của Y": Y travels, X speaks of it
            before = []
        welcomes = w.welcome.finditer(c.simp[:t0 - c.start], c.low[:t0 - c.start])
        if welcomes:  # "X nhiệt liệt chào mừng Y … thăm": Y travels, X welcomes
            cut = c.start + welcomes[-1][1]
            before = [m for m in before if m[0] >= cut] or before
        if len(before) >= 2:  # "X đã tiếp Y đang có chuyến thăm Việt Nam": Y travels, X receives
            met = _meeting_type(w)
            hosts = [m for m in before[:-1] if met is not None and met.triggers.search(
                c.simp, c.low, m[1] - c.start, before[-1][0] - c.start)]
            if hosts:
                before = [m for m in before if m[0] > hosts[-1][1]]
        toward = [i for i, ch in enumerate(c.simp[:t0 - c.start]) if ch == "对"]
        if toward:  # "阮仲义对李书磊率团访问越南…表示欢迎": 李书磊 travels, 阮仲义 speaks of it
            cut = c.start + toward[-1]
            before = [m for m in before if m[0] > cut] or before
    chosen = before + after
    companions = [m for m in before if _COMPANION.search(sent.simp[max(0, m[0] - sent.start - 4):m[0] - sent.start])
                  or _COMPANION.search(sent.low[max(0, m[0] - sent.start - 6):m[0] - sent.start])
                  or (m is before[0] and _CLAUSE_WITH.match(c.simp[:m[0] - c.start]))]
    if (not before or len(companions) == len(before)) and clause_subject:
        chosen = clause_subject[:1] + chosen  # "张高丽会见了X，并与Y举行会谈": 张高丽 holds the talks too
    elif not before or len(companions) == len(before):  # "並與昂山素姬會晤": the subject is elsewhere
        joined = False  # "X, Ủy viên …, và Y, Xã trưởng …, đã ký": X and Y sign, their titles between
        for earlier in reversed(sent.clauses[:c.index]):
            subject = _usable(mentions_in(persons, earlier.start, earlier.end), spans, historical, text)
            if subject:
                chosen = _coordinated(subject, text) + chosen
                joined = bool(_JOINED.match(earlier.text) or _JOINED_BEFORE.search(text, earlier.start, subject[0][0]))
                if not joined:
                    break
            elif joined and not _APPOSITION_CLAUSE.match(earlier.text):
                break
    addressed = re.search(r"你|您", c.simp[:t0 - c.start])
    if not before and addressed and previous:
        # "明天你将启程访问广西", said to the guest of the meeting being reported
        speaker = _last_speaker(persons, t0, text, w)
        guest = [p for f in reversed(previous) if len(f.participants) >= 2 for p in f.participants if p != speaker][:1]
        if guest:
            return guest + [n for n in _names(chosen) if n not in guest]
    if chosen and previous and re.search(r"(同|与|與|和|会见|會見)(你|您)", c.simp):
        # "习近平总书记同你举行会谈", said to the guest of the meeting being reported
        chosen_names = _names(chosen)
        speaker = _last_speaker(persons, t0, text, w)
        guest = [p for f in reversed(previous) if len(f.participants) >= 2 for p in f.participants
                 if p != speaker and p not in chosen_names][:1]
        return chosen_names + guest
    if chosen:
        return _names(chosen)
    if _PRONOUN_SUBJECT.match(sent.text) and c.index == 0:  # "He made the remarks in a meeting with…"
        last = max(((m0, p.name) for p in persons if p.name not in historical for m0, _m1, _f in p.mentions
                    if 0 <= m0 < sent.start), default=None)
        if last:
            return [last[1]]
    scope_simp, scope_low = frame.scope()
    anaphoric = w.anaphora.search(scope_simp, scope_low) or w.anaphora.search(c.simp, c.low)
    if previous and frame.type.name != "visit" and (
            anaphoric or (frame.type.name in ("signing", "joint_statement")
                          and previous[-1].sentence.index >= sent.index - 2)):
        with_people = [p for p in reversed(previous) if len(p.participants) >= 2 and p.type.name != "visit"
                       and not p.by_states]
        if with_people:
            return list(with_people[0].participants)
    # "中越双方正在拟定联合声明": no person named, the sides themselves (not for a trip or a meeting,
    # which people make)
    states = _states_named(frame, text, w) if frame.type.name not in ("visit", "meeting", "call") else []
    frame.by_states = bool(states)
    return states


_JOINED = re.compile(r"^\s*(?:và|cùng|和|与|與|及|同|and)(?!\w)")
_JOINED_BEFORE = re.compile(r"(?<!\w)(?:và|cùng|和|与|與|及|同|and)\s*(?:đồng chí\s+|ông\s+|bà\s+)?$")
_APPOSITION_CLAUSE = re.compile(r"^\s*[^，,。；;]{2,80}[，,]?\s*$")  # a title between commas
_COORD = re.compile(r"^\s*(?:、|和|与|與|及|,|，|và|and)\s*\S{0,8}$")


def _coordinated(mentions, text: str) -> list:
    """The subject of a clause: its first person and those joined to it ("X和Y", "X và Y")."""
    out = mentions[:1]
    for m in mentions[1:]:
        if _COORD.match(text[out[-1][1]:m[0]]):
            out.append(m)
        else:
            break
    return out


def _states_named(frame: Frame, text: str, w: Words) -> list[str]:
    """The countries a clause names as the sides when it names no person ("中越双方", "hai nước
    Việt Nam - Trung Quốc")."""
    scope_simp, scope_low = frame.scope()
    out = []
    for pair_terms, countries in w.pair_terms:
        if pair_terms.search(scope_simp) or pair_terms.search(scope_low):
            out += [c for c in countries if c not in out]
    return out


def _last_speaker(persons, before: int, text: str, w: Words) -> str | None:
    """The person who last opened reported speech before an offset ("李克强表示，…")."""
    cands = sorted(((a, b, p) for p in persons for a, b, _f in p.mentions if 0 <= a and b <= before),
                   key=lambda x: -x[0])
    for a, b, p in cands[:8]:
        tail = text[b:b + 8]
        if w.speech.search(tail, tail.lower()):
            return p.name
    return None
