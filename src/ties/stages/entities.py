"""Entities stage: people, organizations, places and countries, one entity per real-world thing.

1. The gazetteer (data/actors.yaml, data/places.yaml) is matched on the text in simplified
   Chinese (so 習近平 and 习近平 are one form; the character mapping keeps offsets) and on
   Vietnamese/English as written.
2. Names the gazetteer does not know: a Chinese name right after a title word (roles.yaml)
   or tagged as a person by the segmenter (jieba-rs), starting with a family name; a
   Vietnamese or English capitalised name right after a title word. Chinese names get pinyin;
   a Chinese-script name in a Vietnamese context (a 越南/越共 title before it, or a family
   name only Vietnamese use, in an article about Vietnam) gets its Hán-Việt reading
   (裴青山 → Bùi Thanh Sơn), with the folded ASCII form as an alias.
3. A name that is a misspelling of a person already found in the article (same family name,
   same characters in another order, or one character off) is that person.
Roles: the title words the text puts right before the person, plus the dictionary's roles
in force on the article's date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..model import Article, Entity
from ..textutil import CJK, fold, strip_diacritics, to_simplified, trie_pattern
from ..translit import distinctive_surnames, hanviet_name, pinyin_name
from . import latin_names

_SPEECH_AFTER = re.compile(r"(表示|指出|强调|说|认为|会见|会晤|出席|主持|介绍|宣布|称)")
_SAYS_AFTER = re.compile(r"(表示|指出|强调|说|认为|称)")  # "邱国正说": the name ends where the saying starts
_FUNCTION_CHARS = set("与同和在对为向于将是也就及等、，。；：,.;:（）()“”\"'的率说称")
_VERBS_AFTER_NAME = {"强调", "会见", "会谈", "会晤", "表示", "指出", "出席", "访问", "通话", "签署", "一行", "共同",
                     "举行", "通电", "称赞", "表达"}
_BOUNDARY = set("与同和在对为向于将是也就及等、，。；：,.;:（）()“”\"'的率会举表说指强称出访通签一共")


@lru_cache(maxsize=1)
def _matchers():
    """(cjk regex, latin regex, alias→entry) over every gazetteer alias."""
    by_alias: dict[str, dict] = {}
    cjk_forms, latin_forms = set(), set()
    for e in knowledge.gazetteer():
        for form in [e["name"], *e["aliases"]]:
            if not form:
                continue
            if CJK.search(form):
                form = to_simplified(form)
                if len(form) < 2:
                    continue
                cjk_forms.add(form)
            else:
                if len(form) < 2:
                    continue
                latin_forms.add(form)
            by_alias.setdefault(form, e)
    cjk = re.compile(trie_pattern(cjk_forms))
    latin = re.compile(r"(?<![\w])(" + trie_pattern(latin_forms) + r")(?![\w])")
    return cjk, latin, by_alias


@lru_cache(maxsize=1)
def _role_patterns():
    r = knowledge.roles()
    zh = sorted({to_simplified(x) for x in r["zh"]}, key=len, reverse=True)
    zh_role_end = re.compile("(" + "|".join(map(re.escape, zh)) + ")$")
    zh_title_name = re.compile("(?:" + "|".join(map(re.escape, zh)) + ")(?=([\u4e00-\u9fff]{2,3}))")  # overlapping: "委员会副主席X"
    return zh_role_end, zh_title_name, set(r["zh_surnames"]), set(r["vi_surnames_zh"])


@lru_cache(maxsize=1)
def _after_name_rx() -> re.Pattern:
    """Titles that stand right after a name (陈帆局长)."""
    words = {to_simplified(w) for w in knowledge.roles().get("zh_after_name", [])}
    return re.compile(trie_pattern(words))


_CONJUNCTIONS = {"及", "和", "与", "、", "以及", "同"}


def _left_boundary(simp: str, s: int) -> bool:
    """Nothing of a word stands right before position s: punctuation, a line start, or a
    conjunction or preposition."""
    if s == 0:
        return True
    ch = simp[s - 1]
    return (not CJK.match(ch) and not ch.isalnum()) or ch in _FUNCTION_CHARS


def _names_before_titles(simp: str, covered: bytearray, surnames: set[str]) -> list[tuple[int, int, str]]:
    """"陈帆局长", "…、邵家辉议员": a family name and one or two characters standing between a
    boundary and a title that follows names; the segmenter must not read it as a word or place."""
    import rjieba

    out = []
    for m in _after_name_rx().finditer(simp):
        t = m.start()
        for n in (3, 2):
            s = t - n
            name = simp[max(0, s):t]
            if (s < 0 or not all(CJK.match(c) for c in name) or name[0] not in surnames
                    or name[0] in _BOUNDARY or not _left_boundary(simp, s) or any(covered[s:t])):
                continue
            first_tag = rjieba.tag(name)[0][1]
            ends, pos = set(), s
            for word in rjieba.cut(simp[s:m.end() + 2]):  # the title is a word of its own (not 万|天主教徒)
                pos += len(word)
                ends.add(pos)
            if (first_tag not in ("ns", "nt", "nz") and t in ends and m.end() in ends
                    and not _function_word_inside(name) and _plausible_zh_name(simp, s, t)):
                out.append((s, t, name))
            break
    return out


@lru_cache(maxsize=1)
def _name_shape():
    r = knowledge.roles()
    return (frozenset(r.get("transliteration_chars", "")), frozenset(r.get("name_reject_first_tags", [])),
            frozenset(r.get("name_reject_tail_tags", [])), frozenset(r.get("transliteration_marks", "")))


def _longest_first(forms) -> list[str]:
    """Forms in a fixed order, longest first: results never depend on a set's (hash-seeded) order."""
    return sorted(forms, key=lambda f: (-len(f), f))


def _plausible_zh_name(simp: str, s: int, e: int) -> bool:
    """The segmenter does not read the span as an ordinary word: its first word is a name
    or a single character, and no verb or function word ends it."""
    import rjieba

    _, first_bad, tail_bad, _ = _name_shape()
    words = rjieba.tag(simp[s:e + 4])
    speech_next = _SAYS_AFTER.match(simp, e)
    pos = 0
    for i, (word, tag) in enumerate(words):
        if pos >= e - s:
            break
        if i == 0 and len(word) >= 2 and tag in first_bad:
            return False
        if i > 0 and len(word) >= 2 and tag in tail_bad and not (speech_next and pos + len(word) > e - s):
            return False  # a word that runs over the end into a speech verb ("邱国|正说") is cut by the verb
        pos += len(word)
    return True


_FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "y", "e", "o", "f", "m", "q"})


def _function_word_inside(name: str) -> bool:
    """The segmenter reads an adverb, preposition, conjunction, particle or pronoun in the span
    (都|迟大, 但|被, 由|律政, 齐|某, 党|的): not a name."""
    import rjieba

    return any(tag in _FUNCTION_TAGS for _w, tag in rjieba.tag(name))


def _word_starts_at_third(simp: str, s: int) -> bool:
    """The segmenter starts a time word or verb of two characters or more at the third character
    after s: "彭斯|周二", so the name is the first two."""
    import rjieba

    pos = s
    for word, tag in rjieba.tag(simp[s:s + 6]):
        if pos - s == 2:
            return len(word) >= 2 and tag in ("t", "v", "vn", "vd")
        pos += len(word)
        if pos - s > 2:
            return False
    return False


def _extend_transliteration(simp: str, s: int, e: int) -> int:
    """A foreign name cut at three characters (古特雷|斯) runs on over transliteration characters."""
    chars, *_ = _name_shape()
    if e - s < 2 or not all(c in chars for c in simp[s + 1:e]):
        return e
    while e < len(simp) and e - s < 8 and simp[e] in chars and simp[e] not in _BOUNDARY:
        e += 1
    return e


def _is_transliteration(name: str) -> bool:
    chars, _, _, marks = _name_shape()
    if len(name) < 2 or not all(c in chars for c in name):
        return False
    return len(name) >= 4 or name[0] not in _role_patterns()[2] or any(c in marks for c in name[1:])


def _role_before(text: str, start: int) -> str | None:
    """The title words right before a name: '中共中央总书记、国家主席' in '…,中共中央总书记、国家主席习近平在…'."""
    zh_role_end, *_ = _role_patterns()
    window = text[max(0, start - 30):start]
    seg = re.split(r"[，,。；;：:（(“\"\s]|会见|会晤|出席|陪同|举行|特别是|再次|夫人|[同与和在对为由向应将于把被及]", window)[-1]
    if seg and zh_role_end.search(seg) and len(seg) >= 2:
        return seg.strip("、")
    return None


def _roles_at(entry: dict, date: str | None) -> list[str]:
    if not date:
        return []
    out = []
    for r in entry.get("roles", []):
        start, end = str(r.get("start") or "0000"), str(r.get("end") or "9999")
        if start <= date[:len(start)] and date[:len(end)] <= end:
            out.append(r["title"])
    return out


def _vietnamese_context(simp: str, start: int, name: str) -> bool:
    """A Chinese-script name is Vietnamese when the last country its title names is Vietnam
    (越南国会主席…, 越共中央…; not 越南总统某某、马来西亚副总理 nor 驻越南大使), or, with no
    country in the title, its family name is one only Vietnamese use (阮, 裴…) and the
    article is about Vietnam."""
    if _is_transliteration(name):
        return False
    role = _role_before(simp, start) or ""
    cjk_rx, _, by_alias = _matchers()
    countries = [by_alias[m.group(0)].get("country") for m in cjk_rx.finditer(role)
                 if by_alias[m.group(0)]["type"] in ("country", "organization")]
    countries = [c for c in countries if c]
    if countries and "驻" not in role:  # the last country named in the title is the person's
        return countries[-1] == "Vietnam"
    return to_simplified(name[0]) in distinctive_surnames() and "越南" in simp


@lru_cache(maxsize=1)
def _not_names_zh() -> frozenset[str]:
    return frozenset(to_simplified(w) for w in knowledge.roles().get("not_names_zh", []))


@lru_cache(maxsize=1)
def _vi_surnames_latin() -> frozenset[str]:
    return frozenset(knowledge.roles().get("vi_surnames_latin", []))


_POST_AT = re.compile(r"驻|駐|(?<!\w)(?:tại|in|to)(?!\w)")


def _title_country(text: str, simp: str, start: int) -> str | None:
    """The country a person's title names ("越南国会主席", "Thủ tướng Canada", "Đại sứ Trung Quốc
    tại Việt Nam" → China): the country before 驻/tại/in, else the last one in the title."""
    cjk_rx, latin_rx, by_alias = _matchers()
    window_start = max(0, start - 40)
    cut = max(text.rfind(ch, window_start, start) for ch in "，,。；;：:\n")
    window_start = max(window_start, cut + 1)
    role = simp[window_start:start]
    role_text = text[window_start:start]
    at = _POST_AT.search(role)
    found = []
    for rx, hay in ((cjk_rx, role), (latin_rx, role_text)):
        for m in rx.finditer(hay):
            entry = by_alias.get(m.group(0)) or by_alias.get(m.group(m.lastindex or 0))
            if entry and entry["type"] in ("country", "organization", "place") and entry.get("country"):
                found.append((m.start(), entry["country"]))
    if not found:
        return None
    found.sort()
    if at:
        before = [c for pos, c in found if pos < at.start()]
        if before:
            return before[-1]
    return found[-1][1]


@lru_cache(maxsize=1)
def _folded_person_aliases() -> dict[str, str]:
    """Folded Latin forms of two words or more of every dictionary person → key."""
    out: dict[str, str] = {}
    for e in knowledge.gazetteer():
        if e["type"] != "person":
            continue
        for a in [e["name"], *e["aliases"]]:
            if not CJK.search(a) and len(a.split()) >= 2:
                out.setdefault(fold(a), e["key"])
    return out


_TWO_WORDS_BEFORE = re.compile(r"(\w+) (\w+) $")


_ONE_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")


_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])([A-ZĐ][\w'’-]+)\s+$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    r = knowledge.roles()
    return frozenset(w for k in ("en", "vi", "en_person_cues", "vi_person_cues", "short_form_cues") for t in r.get(k, [])
                     for w in t.split())


def _inside_another_name(text: str, start: int) -> bool:
    """A one-word name right after a capitalised word that is no title ("Wang Xi", not "President
    Xi" or "ông Tập"): it ends another person's name."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if not m or m.group(1) in _title_words():
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not (m.start() == line_start or text[max(0, m.start() - 2):m.start()].strip() in (".", "!", "?"))


def _ends_vietnamese_name(text: str, start: int) -> bool:
    """A family name and a capitalised word stand right before: the word at `start` ends a
    Vietnamese person's name."""
    m = _TWO_WORDS_BEFORE.search(text, max(0, start - 24), start)
    if m and m.group(1) in _vi_surnames_latin() and m.group(2)[:1].isupper():
        return True
    # "Nguyễn Đức Lợi": right after a family name and before a capitalised word, it is a middle name
    one = _ONE_WORD_BEFORE.search(text, max(0, start - 12), start)
    after = _WORD_AFTER.match(text, text.find(" ", start) if " " in text[start:start + 12] else start)
    return bool(one and one.group(1) in _vi_surnames_latin() and after and after.group(1)[:1].isupper())


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1:] for i in range(len(b)))


def _latin_known(name: str, found: dict, entries: dict) -> str | None:
    """A Latin-script name that is a known person's written without or with other diacritics
    (Trấn Đại Quang), or one letter off a person already named in the article (Tập Cậnh Bình)."""
    f = fold(name)
    key = _folded_person_aliases().get(f)
    if key:
        return key
    if len(f) < 8:
        return None
    for k, ent in found.items():
        if ent.type == "person" and any(_one_edit(f, fold(a)) for a in [ent.name, *ent.aliases]
                                        if not CJK.search(a)):
            return k
    return None


def _near(a: str, b: str) -> bool:
    """Same length, same family name, and the same characters in another order or one off."""
    if len(a) != len(b) or a[0] != b[0] or a == b:
        return False
    if sorted(a) == sorted(b):
        return True
    return sum(x != y for x, y in zip(a, b)) == 1 and len(a) >= 3


_PLACE_SUFFIX = set("省市县州岛港湾区")


def _beside_a_place(simp: str, s: int, e: int, by_alias: dict) -> bool:
    """Another place or country of the gazetteer stands right before or after (广西|南宁, 越南|河内)."""
    for n in (2, 3, 4):
        for form in (simp[e:e + n], simp[max(0, s - n):s]):
            entry = by_alias.get(form)
            if entry and entry["type"] in ("place", "country") and len(form) == n:
                return True
    return False


@lru_cache(maxsize=4)
def _surname_class(surnames: frozenset[str]) -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(surnames))) + "]")


def _word_edges(tagged: list[tuple[str, str]]) -> set[int]:
    """Offsets where the segmenter starts or ends a word."""
    edges, pos = {0}, 0
    for word, _tag in tagged:
        pos += len(word)
        edges.add(pos)
    return edges


def find(art: Article) -> list[Entity]:
    cjk_rx, latin_rx, by_alias = _matchers()
    zh_role_end, zh_title_name, surnames, vi_surnames = _role_patterns()
    text = art.title + "\n" + art.text
    simp = to_simplified(text)
    for x in knowledge.topics().get("_exclude", []):  # 南海区 is not the South China Sea
        if not _matchers()[2].get(to_simplified(x)):  # a venue the gazetteer knows (中南海) stays
            simp = simp.replace(to_simplified(x), "□" * len(x))
    found: dict[str, Entity] = {}
    entries: dict[str, dict] = {}
    covered = bytearray(len(text))  # 1 where a name or place already stands

    def add(entry_key, name, typ, form, s, e, entry=None, country=None):
        ent = found.get(entry_key)
        if ent is None:
            ent = Entity(name=name, type=typ, id=entry["key"] if entry else None,
                         source="dictionary" if entry else "text",
                         country=(entry or {}).get("country") or country,
                         historical=bool((entry or {}).get("historical")))
            found[entry_key] = ent
            if entry:
                entries[entry_key] = entry
                ent.aliases = [a for a in entry["aliases"] if a != name]
        if form not in ent.aliases and form != name:
            ent.aliases.append(form)
        ent.mentions.append((s - len(art.title) - 1, e - len(art.title) - 1, form))
        covered[s:e] = b"\x01" * (e - s)
        if typ == "person" and CJK.match(form):
            role = _role_before(simp, s)
            if role and role not in ent.roles:
                ent.roles.append(role)

    segmented: list = []

    def tagged_words() -> list[tuple[str, str]]:  # the segmenter's words of the whole text, once
        if not segmented:
            import rjieba
            segmented.append(rjieba.tag(simp))
        return segmented[0]

    word_edges: set[int] | None = None
    for m in cjk_rx.finditer(simp):
        e = by_alias[m.group(0)]
        if len(m.group(0)) == 2 and e["type"] not in ("person", "country", "organization"):
            if word_edges is None:
                word_edges = _word_edges(tagged_words())
            on_edges = m.start() in word_edges and (m.end() in word_edges or simp[m.end():m.end() + 1] in _PLACE_SUFFIX)
            if not on_edges and not _beside_a_place(simp, m.start(), m.end(), by_alias):
                continue  # 林同 (Lâm Đồng) inside "都柏林|同|爱尔兰"; "广西南宁" is two places
        add(e["key"], e["name"], e["type"], text[m.start():m.end()], m.start(), m.end(), e)
    for m in latin_rx.finditer(text):
        if any(covered[m.start():m.end()]):
            continue
        e = by_alias[m.group(1)]
        if e["type"] != "person" and _ends_vietnamese_name(text, m.start()):
            continue  # Đức in "Phạm Văn Đức" is a given name, not Germany
        if e["type"] == "person" and " " not in m.group(1) and _inside_another_name(text, m.start()):
            continue  # "Xi" in "Wang Xi": another person's given name, not Xi Jinping
        add(e["key"], e["name"], e["type"], m.group(1), m.start(), m.end(), e)

    # names the dictionary does not know
    known_person_forms = {to_simplified(a): k for k, ent in found.items() if ent.type == "person"
                          for a in [*ent.aliases, ent.name] if CJK.search(a)}
    candidates: list[tuple[int, int, str]] = []
    if art.language == "zh" or CJK.search(art.title):
        for m in zh_title_name.finditer(simp):
            s = m.start(1)
            name = m.group(1)
            if len(name) == 3 and (name[2] in _FUNCTION_CHARS or (not _SAYS_AFTER.match(simp, s + 3) and (
                    simp[s + 2:s + 4] in _VERBS_AFTER_NAME or _word_starts_at_third(simp, s)
                    or _after_name_rx().match(simp, s + 2)))):
                name = name[:2]  # "王毅同…", "习近平强调": the third character starts the next word
            e = _extend_transliteration(simp, s, s + len(name))
            name = simp[s:e]
            if ((name[0] in surnames or _is_transliteration(name)) and name[0] not in _BOUNDARY
                    and not any(covered[s:e]) and _plausible_zh_name(simp, s, e)
                    and (_is_transliteration(name) or not _function_word_inside(name))):
                candidates.append((s, e, name))
        # a segmenter person name (jieba-rs) counts only before a speech or meeting verb
        pos = 0
        tagged = []
        for word, tag in tagged_words():
            if (tag == "nr" and 2 <= len(word) <= 3 and word[0] in surnames and word[0] not in _BOUNDARY
                    and word not in _not_names_zh()
                    and not any(covered[pos:pos + len(word)])):
                end = _extend_transliteration(simp, pos, pos + len(word))
                tagged.append((pos, end, simp[pos:end]))
                if _SPEECH_AFTER.match(simp, end):
                    candidates.append((pos, end, simp[pos:end]))
            pos += len(word)
        # a three-character name the segmenter tags twice or more is a person's, even with no
        # title or verb beside it (梁振英 … 梁振英)
        counts: dict[str, int] = {}
        for _s, _e, name in tagged:
            counts[name] = counts.get(name, 0) + 1
        candidates += [(a, b, name) for a, b, name in tagged if len(name) == 3 and counts[name] >= 2
                       and name[-1] not in _FUNCTION_CHARS and _plausible_zh_name(simp, a, b)]
        # two segmenter names joined by a conjunction are two persons (邵家辉及张宇人)
        for (a1, b1, n1), (a2, b2, n2) in zip(tagged, tagged[1:]):
            if (simp[b1:a2] in _CONJUNCTIONS and len(n1) == len(n2) == 3
                    and _plausible_zh_name(simp, a1, b1) and _plausible_zh_name(simp, a2, b2)):
                candidates += [(a1, b1, n1), (a2, b2, n2)]
        candidates += _names_before_titles(simp, covered, surnames)
        # a misspelt known name: any 3-character window with a Vietnamese family name
        surname_at = _surname_class(frozenset(vi_surnames))
        for m in surname_at.finditer(simp, 0, max(0, len(simp) - 2)):
            i = m.start()
            w = simp[i:i + 3]
            if not any(covered[i:i + 3]):
                for form, key in known_person_forms.items():
                    if _near(w, form):
                        candidates.append((i, i + 3, w))
                        break
    if art.language in ("vi", "en") or not CJK.search(text[:2000]):
        offset = len(art.title) + 1  # mentions count from the text; spans here from the title
        person_spans = [(m[0] + offset, m[1] + offset) for ent in found.values() if ent.type == "person"
                        for m in ent.mentions]
        for s0, e0, name in latin_names.find(text, art.language, person_spans):
            if not any(covered[s0:e0]):
                candidates.append((s0, e0, name))
    else:  # English names written in Latin letters inside Chinese text ("律师 Michael Cohen")
        for s0, e0, name in latin_names.find(text, "en"):
            if not any(covered[s0:e0]):
                candidates.append((s0, e0, name))

    for s, e, name in sorted(set(candidates)):
        if any(covered[s:e]):
            continue
        form = text[s:e]
        target = None
        if CJK.match(name):
            target = next((k for f, k in known_person_forms.items() if _near(name, f)), None)
        else:
            target = _latin_known(name, found, entries)
            if target and target not in found:
                entry = knowledge.gazetteer_entry(target)
                add(target, entry["name"], "person", form, s, e, entry)
                continue
        if target:
            add(target, found[target].name, "person", form, s, e, entries.get(target))
            continue
        key = "person:" + fold(to_simplified(name))
        display = name
        country = _title_country(text, simp, s)
        if CJK.match(name):
            viet = hanviet_name(to_simplified(name)) if _vietnamese_context(simp, s, name) else None
            if viet:
                display, country = viet, "Vietnam"
            elif _is_transliteration(name) or (country and country not in ("China", "Vietnam", "Taiwan")):
                display = to_simplified(name)  # a foreign name in characters: no pinyin guess
            else:
                display = pinyin_name(name)
        elif country is None and art.language == "vi" and name.split()[0] in _vi_surnames_latin():
            country = "Vietnam"
        add(key, display, "person", form, s, e, country=country)
        plain = strip_diacritics(display)
        if plain != display and plain not in found[key].aliases:
            found[key].aliases.append(plain)
    # "ông Việt", "Mr Tillerson": the short form of a person named in full in the article
    shorts: dict[str, str | None] = {}
    for key, ent in found.items():
        if ent.type != "person":
            continue
        for form in _longest_first({ent.name, *(m[2] for m in ent.mentions), *ent.aliases}):
            parts = form.split()
            if len(parts) >= 2 and not CJK.search(form):
                # Vietnamese go by the given name (ông Việt), Westerners and Chinese by the family name
                # (Mr Tillerson, bà Hoa for Hoa Xuân Oánh)
                for short in sorted({parts[-1], parts[0]}) if ent.country == "China" else [parts[-1]]:
                    shorts[short] = key if shorts.get(short, key) == key else None
    for s0, e0, key in latin_names.short_forms(text, {k: v for k, v in shorts.items() if v}):
        if not any(covered[s0:e0]):
            add(key, found[key].name, "person", text[s0:e0], s0, e0, entries.get(key))
    if art.language == "en":
        shift = len(art.title) + 1  # mentions are kept relative to the body, `text` starts with the title
        first_seen = {key: min(m[0] for m in ent.mentions) + shift for key, ent in found.items()
                      if ent.type == "person" and ent.mentions}
        bare = {k: v for k, v in shorts.items() if v and len(k) >= 2}
        for s0, e0, key in latin_names.bare_short_forms(text, bare, first_seen):
            if not any(covered[s0:e0]) and not any(a + shift <= s0 < b + shift for a, b, _f in found[key].mentions):
                add(key, found[key].name, "person", text[s0:e0], s0, e0, entries.get(key))
    # a name found once (after its title) is the same person wherever else it stands
    for key, ent in list(found.items()):
        if ent.source != "text" or ent.type != "person":
            continue
        for form in _longest_first({m[2] for m in ent.mentions}):  # the full name covers before its short form
            target = to_simplified(form) if CJK.search(form) else form
            hay = simp if CJK.search(form) else text
            i = hay.find(target)
            while i >= 0:
                j = i + len(target)
                if not any(covered[i:j]) and (CJK.search(target) or not (
                        (i > 0 and hay[i - 1].isalnum()) or (j < len(hay) and hay[j].isalnum()))):
                    add(key, ent.name, "person", text[i:j], i, j)
                i = hay.find(target, j)
    out = []
    for key, ent in found.items():
        entry = entries.get(key)
        if entry:
            ent.roles.extend(r for r in _roles_at(entry, art.published) if r not in ent.roles)
        out.append(ent)
    return out


def run(art: Article, settings) -> Article:
    art.entities = find(art)
    return art
