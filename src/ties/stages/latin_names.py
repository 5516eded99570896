"""Person names in Vietnamese and English text that the actor dictionary does not know.

A name is a run of two to four capitalised words. It counts as a person's name when the text
says so around it (all word lists in data/roles.yaml):
- a person word or title before it, possibly with a body or country between
  ("ông", "Thủ tướng", "Bộ trưởng Quốc phòng Mỹ James Mattis", "President", "Mr");
- a speech verb right after it ("…, Rex Tillerson nói", "Pan Yue said");
- for Vietnamese, a family name first and three or four words ("Nguyễn Văn An"), unless a
  street, district or school word stands before it ("đường Trần Hưng Đạo").
Known countries, places and organizations at the start of a run are cut off ("Mỹ James
Mattis" → "James Mattis"); runs that are known places are not names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..textutil import trie_pattern

_UP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
_LOW = "a-zà-ỹđ'’"
_WORD = rf"(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LOW}]*(?:-[{_UP}]?[{_LOW}]+)?"  # McCoy, O'Brien too
_RUN = re.compile(rf"(?<![^\W\u3400-\u9fff]|[{_UP}])({_WORD}(?:[ \t]+(?:(?:de|van|von|bin|al|der|da|du|la|le|[A-Z]\.)[ \t]+)?{_WORD}){{1,5}})(?:['’]s)?(?![^\W\u3400-\u9fff])")


_NONSPACE = re.compile(r"\S+")
# "…from the West Coast, said Jeff Siewert": the verb comes first and names who speaks after it
_SAID_NEXT = re.compile(rf"^\s*,\s*(?:said|says|added)\s+(?:Mr\.?\s+|Ms\.?\s+)?[{_UP}]")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# "Dariusz Kowalczyk, an economist with Credit Agricole CIB in Hong Kong, told Reuters": who speaks after an apposition
_APPOSITION_SPEECH = re.compile(r"(?:\s*,\s*(?=[a-z0-9])(?:[^,.;\"“”\n]|\.(?=,)){1,80}?)?\s*,\s*(?:a|an|the)?\s*(?:[^,.;\"“”\n]|\.(?=,)){3,80}?,\s*(?:told|said|says|added|wrote)(?!\w)")
# a given name of one or two pinyin syllables written as one word (Xiaodong, Jianfei, Peng)
_SYLLABLE = (r"(?:[bpmnljqxy]?in(?:g(?!u))?|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|ua|uo|ui|un|ue|a|o|e|i|u))")
_PINYIN_GIVEN = re.compile(rf"{_SYLLABLE}(?:{_SYLLABLE})?")


@lru_cache(maxsize=1)
def _body_before() -> re.Pattern:
    """"an economist with Credit Agricole", "chief of Customs Administration", "director at IHS
    Global Insight": after a title and a preposition comes the body the person works for, not his name."""
    words = knowledge.roles().get("body_after_title_latin", [])
    return re.compile(r"(?<!\w)(?:" + trie_pattern(set(words)) + r")\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,2}$")


@lru_cache(maxsize=1)
def _pinyin_family() -> frozenset[str]:
    return frozenset(knowledge.roles().get("pinyin_family_names", []))


@lru_cache(maxsize=1)
def _trailing_words() -> frozenset[str]:
    return frozenset(knowledge.roles().get("not_person_trailing_words_latin", []))


@lru_cache(maxsize=1)
def _lowercase_cues() -> frozenset[str]:
    """Cue words written lower-case in the data (analyst, official): capitalised inside a run they
    are part of a name or a body ("Analyst Relations"), not a title."""
    r = knowledge.roles()
    cues = r.get("en_person_cues", []) + r.get("short_form_cues", []) + r.get("en", [])
    return frozenset(c[:1].upper() + c[1:] for c in cues if c[:1].islower()) - set(cues)



@lru_cache(maxsize=1)
def _lists():
    r = knowledge.roles()
    cues = sorted(set(r.get("vi", [])) | set(r.get("en", [])) | set(r.get("vi_person_cues", []))
                  | set(r.get("en_person_cues", [])), key=len, reverse=True)
    cue_rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?:\s+[^\s,.;:()]+){0,4}?\s*$")
    speech = sorted(set(r.get("speech_after_latin", [])), key=len, reverse=True)
    speech_rx = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:(?:cũng|đã|từng|liên tục|còn|vẫn|lại|also)\s+){0,3}(?:"
                           + "|".join(map(re.escape, speech)) + r")(?!\w)")
    said_before = re.compile(r"(?<!\w)(?:said|says|told|added|according to)\s+$")
    not_before = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, r.get("not_person_before_latin", []))) + r")\s+$",
                            re.I)
    surnames = frozenset(r.get("vi_surnames_latin", []))
    stop = frozenset(r.get("not_person_first_words_latin", []))
    last_stop = frozenset(r.get("not_person_last_words_latin", []))
    cue_words = (set(r.get("short_form_cues", [])) | set(r.get("en_person_cues", [])) | set(r.get("vi", []))
                 | set(r.get("en", [])) | set(r.get("vi_person_cues", [])))
    lead = frozenset(cue_words | {c[:1].upper() + c[1:] for c in cue_words})
    return cue_rx, speech_rx, said_before, not_before, surnames, stop | {"\x00" + w for w in last_stop}, lead


@lru_cache(maxsize=1)
def _known_non_persons() -> dict[str, str]:
    out = {}
    for e in knowledge.gazetteer():
        if e["type"] != "person":
            for a in [e["name"], *e["aliases"]]:
                out[a] = e["type"]
    return out


@lru_cache(maxsize=1)
def _credit_rx() -> re.Pattern:
    """A credit in the same line before a name: "Reporting by", "Editing by", "Ảnh:"."""
    words = knowledge.roles().get("credit_before_latin", [])
    # one flat run after the credit word (a nested repeat here backtracked for minutes on long lines)
    return re.compile(r"(?<!\w)(?:" + trie_pattern(words) + r")\s*:?[^;()\n]{0,120}$")


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    return frozenset(knowledge.roles().get("sentence_openers_latin", []))


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(knowledge.roles().get("not_names_latin", []))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset((knowledge.load_yaml("given_names.yaml") or {}).get("en", []))


# "By Stephen Aldred and Victoria Thieberger": each word taken whole, so that no line makes it backtrack
_BYLINE = re.compile(r"\s*By\s+(?:(?:[A-Z][^\s,]*|and)(?:\s*,\s*|\s+|$))*$")


def _trim(words: list[str]) -> list[str]:
    """Cut known countries, places and organizations off the front of a run."""
    known = _known_non_persons()
    changed = True
    while changed and words:
        changed = False
        for k in range(min(4, len(words)), 0, -1):
            if " ".join(words[:k]) in known:
                words = words[k:]
                changed = True
                break
    return words


_COORDINATION = re.compile(r"^\s*(?:,|và|and|&)\s*$")


@lru_cache(maxsize=1)
def _title_in_brackets() -> re.Pattern:
    """A title in brackets right after a name: "Trần Phục Hưng (Giám đốc Công ty…)"."""
    r = knowledge.roles()
    cues = set(r.get("vi", [])) | set(r.get("vi_person_cues", [])) | set(r.get("en_person_cues", []))
    cues = {c for c in cues if c[:1].isupper()}
    return re.compile(r"\s*\((?:" + trie_pattern(cues) + r")(?!\w)")


def _coordinated(out: list[tuple[int, int, str]], waiting: list[tuple[int, int, str]],
                 person_spans, text: str) -> list[tuple[int, int, str]]:
    """Names in a list with a person ("Cù Dĩnh, Châu Tấn, Vương Phi", "A, B và C") are persons."""
    if not waiting:
        return []
    not_before = _lists()[3]

    seen: dict[int, bool] = {}

    def as_person(a: int) -> bool:  # not a street, school or district named after a person
        if a not in seen:
            seen[a] = not not_before.search(text[max(0, a - 40):a])
        return seen[a]

    def everywhere(name: str) -> set[tuple[int, int]]:  # every place a person's name stands
        out, i = set(), text.find(name)
        while i >= 0 and name:
            j = i + len(name)
            if not (i > 0 and text[i - 1].isalnum()) and not (j < len(text) and text[j].isalnum()) and as_person(i):
                out.add((i, j))
            i = text.find(name, j)
        return out

    spans = {(a, b) for a, b, _n in out} | {(a, b) for a, b in person_spans or () if as_person(a)}
    for name in {text[a:b] for a, b in spans}:
        spans |= everywhere(name)
    ends, starts = {e for _s, e in spans}, {s for s, _e in spans}
    added = []
    changed = True
    while changed and waiting:
        changed = False
        for item in list(waiting):
            a, b, name = item
            if (any(k in ends and _COORDINATION.match(text[k:a]) for k in range(max(0, a - 6), a + 1))
                    or any(k in starts and _COORDINATION.match(text[b:k]) for k in range(b, b + 7))):
                waiting.remove(item)
                added.append(item)
                for s0, e0 in everywhere(name):
                    starts.add(s0)
                    ends.add(e0)
                changed = True
    return added


def find(text: str, language: str | None, person_spans=()) -> list[tuple[int, int, str]]:
    """(start, end, name) of the person names found; `person_spans` are those of persons already
    known in the text, for names listed beside them."""
    cue_rx, speech_rx, said_before, not_before, surnames, stop, lead = _lists()
    middles = frozenset(knowledge.roles().get("vi_middle_names", []))
    known = _known_non_persons()
    out = []
    waiting = []  # Vietnamese-shaped names with nothing around them saying they are persons
    for m in _RUN.finditer(text):
        group = re.sub(r"['’]s$", "", m.group(1))
        words = group.split()
        while words and words[0] in _sentence_openers():  # "But Nigel Williams told…": a sentence's first word
            words = words[1:]
        cued_by_word = False
        stripped = True
        while words and stripped:  # "Mr Aiyar", "Bà Hoa", "Prime Minister X": the person word, not the name
            stripped = False
            for k in (3, 2, 1):
                if len(words) > k - 1 and " ".join(words[:k]) in lead:
                    words = words[k:]
                    cued_by_word = stripped = True
                    break
        poss = next((i for i in range(len(words) - 1) if _POSSESSIVE_END.search(words[i])), None)
        if poss is not None:  # "George Soros' New York-based firm", "Honda's Ike": the owner, or who follows him
            words = words[:poss + 1] if poss >= 1 else words[poss + 1:]
        for i in range(len(words) - 3, 0, -1):  # "Manpower Chief Executive Jeff Joerres": the title inside
            k = next((k for k in (3, 2, 1) if i - k + 1 >= 0 and " ".join(words[i - k + 1:i + 1]) in lead), 0)
            if k and words[i][:1].isupper() and " ".join(words[i - k + 1:i + 1]) not in _lowercase_cues():
                words = words[i + 1:]
                cued_by_word = True
                break
        cut = next((i for i in range(2, len(words)) if words[i] in _trailing_words() or words[i] == words[i - 1]), None)
        if cut:  # "** Christopher Dodd Dodd, …", "Charles Schumer The New York Democrat": a bullet list run together
            words = words[:cut]
        if len(words) < 2 or "\x00" + words[-1] in stop:
            continue
        trimmed = _trim(words)
        if (language == "vi" and len(trimmed) >= 4 and trimmed[1] in surnames and trimmed[0].isascii()
                and len(trimmed[0]) >= 5 and trimmed[0] not in _given_names()):
            trimmed = trimmed[1:]  # "Chủ tịch Vinatex Trần Quang Nghị": a body's brand name (no Vietnamese syllable) first
        if len(trimmed) < 1:
            continue
        if len(trimmed) > 4:
            continue
        spans = [(w.start(), w.end()) for w in _NONSPACE.finditer(group)]
        first = next(i for i in range(len(spans)) if group[spans[i][0]:].split()[:len(trimmed)] == trimmed)
        start = m.start(1) + spans[first][0]
        end = m.start(1) + spans[first + len(trimmed) - 1][1]
        owner = _POSSESSIVE_END.search(text, start, end)
        if owner:
            end = owner.start()
        name = text[start:end]
        after = text[end:end + 40]
        spoke = (bool(speech_rx.match(after)) and not _SAID_NEXT.match(after)) \
            or (language == "en" and bool(_APPOSITION_SPEECH.match(text, end)))
        if name in known or name in _not_names() or (trimmed[0] in stop and not spoke):
            continue
        before = text[max(0, m.start(1) - 60):m.start(1)]
        line_start = max(text.rfind("\n", 0, m.start(1)), text.rfind(". ", 0, m.start(1)))
        before = before[max(0, len(before) - (m.start(1) - line_start - 1)):] if line_start >= 0 else before
        line = text[max(0, text.rfind("\n", 0, start) + 1, start - 160):start]  # a credit stands close before
        if not_before.search(before) or _credit_rx().search(line) or _BYLINE.match(line):
            continue
        cued = cued_by_word or bool(cue_rx.search(before) and not _body_before().search(before))
        if len(trimmed) < 2:
            continue
        spoke = spoke or bool(said_before.search(before))
        given = language == "en" and ((trimmed[0] in _given_names() and 2 <= len(trimmed) <= 3)
                                      or (len(trimmed) == 2 and trimmed[0] in _pinyin_family()
                                          and bool(_PINYIN_GIVEN.fullmatch(trimmed[1].lower()))))
        family = (language == "vi" and trimmed[0] in surnames and len(trimmed) >= 3
                  and trimmed[1] in middles and not text[max(0, start - 2):start].strip(" ").endswith(("-", "/", ":")))
        if cued or spoke or family or given or _title_in_brackets().match(text, m.end(1)):
            out.append((start, end, name))
        elif language == "vi" and trimmed[0] in surnames and len(trimmed) <= 4:
            waiting.append((start, end, name))
    return out + _coordinated(out, waiting, person_spans, text)


@lru_cache(maxsize=1)
def _short_form_rx() -> re.Pattern:
    r = knowledge.roles()
    cues = set(r.get("short_form_cues", [])) | set(r.get("vi", [])) | set(r.get("vi_person_cues", []))
    return re.compile(r"(?<!\w)(?:" + trie_pattern(cues) + rf")\s+({_WORD})(?![\w])")


def short_forms(text: str, full_names: dict[str, str]) -> list[tuple[int, int, str]]:
    """"ông Việt", "bà Ngân", "Mr Tillerson": a person word and the last (Vietnamese) or family
    (English) name of one person named in full in the article. `full_names` maps a name's
    short form to the person's full name; a short form shared by two persons is left alone."""
    if not full_names:
        return []
    rx = _short_form_rx()
    out = []
    for m in rx.finditer(text):
        full = full_names.get(m.group(1))
        if full:
            out.append((m.start(1), m.end(1), full))
    return out


@lru_cache(maxsize=512)
def _bare_rx(shorts: frozenset[str]) -> re.Pattern:
    return re.compile(r"(?<![\w.-])(" + trie_pattern(set(shorts)) + r")(?![\w-])")


_CAPITAL_BEFORE = re.compile(rf"[{_UP}][\w'’.-]*\s+$")
_CAPITAL_AFTER = re.compile(rf"\s+[{_UP}]|['’]s\s+[{_UP}]")


def bare_short_forms(text: str, full_names: dict[str, str], first_seen: dict[str, int]) -> list[tuple[int, int, str]]:
    """English news goes on by the family name alone ("Li made the comments", "Xie said"): a
    short form standing alone — no capitalised word beside it — after the person was named in full."""
    if not full_names:
        return []
    out = []
    for m in _bare_rx(frozenset(full_names)).finditer(text):
        full = full_names[m.group(1)]
        if m.start() < first_seen.get(full, len(text)):
            continue
        if _CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _CAPITAL_AFTER.match(text, m.end()):
            continue  # part of a longer name ("Li Ning", "Premier Li" is another rule's)
        out.append((m.start(1), m.end(1), full))
    return out
