"""Entities stage: people, organizations, places and countries, one entity per real-world thing.

1. The gazetteer (data/actors.yaml, data/places.yaml) is matched on the text in simplified
   Chinese (so 習近平 and 习近平 are one form; the character mapping keeps offsets) and on
   Vietnamese/English as written.
2. Names the gazetteer does not know: a Chinese name right after a title word (roles.yaml)
   or tagged as a person by the segmenter (jieba-rs), starting with a family name; a
   Vietnamese or English capitalised name right after a title word. Chinese names get pinyin.
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
from ..textutil import CJK, fold, to_simplified

_SPEECH_AFTER = re.compile(r"(表示|指出|强调|说|认为|会见|会晤|出席|主持|介绍|宣布|称)")
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
    cjk = re.compile("|".join(sorted(map(re.escape, cjk_forms), key=len, reverse=True)))
    latin = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, latin_forms), key=len, reverse=True)) + r")(?![\w])")
    return cjk, latin, by_alias


@lru_cache(maxsize=1)
def _role_patterns():
    r = knowledge.roles()
    zh = sorted({to_simplified(x) for x in r["zh"]}, key=len, reverse=True)
    vi_en = sorted(set(r["vi"]) | set(r["en"]), key=len, reverse=True)
    zh_role_end = re.compile("(" + "|".join(map(re.escape, zh)) + ")$")
    # title + unknown capitalised name (Vietnamese or English)
    cap = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][a-zà-ỹđ]+"
    latin_name = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, vi_en)) + r")\s+((?:" + cap + r")(?:\s+" + cap + r"){1,3})")
    zh_title_name = re.compile("(?:" + "|".join(map(re.escape, zh)) + ")([\u4e00-\u9fff]{2,3})")
    return zh_role_end, latin_name, zh_title_name, set(r["zh_surnames"]), set(r["vi_surnames_zh"])


def _pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin

    syl = lazy_pinyin(name)
    if not syl:
        return name
    return (syl[0].capitalize() + " " + "".join(syl[1:]).capitalize()).strip()


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


def _near(a: str, b: str) -> bool:
    """Same length, same family name, and the same characters in another order or one off."""
    if len(a) != len(b) or a[0] != b[0] or a == b:
        return False
    if sorted(a) == sorted(b):
        return True
    return sum(x != y for x, y in zip(a, b)) == 1 and len(a) >= 3


def find(art: Article) -> list[Entity]:
    cjk_rx, latin_rx, by_alias = _matchers()
    zh_role_end, latin_name, zh_title_name, surnames, vi_surnames = _role_patterns()
    text = art.title + "\n" + art.text
    simp = to_simplified(text)
    for x in knowledge.topics().get("_exclude", []):  # 中南海 is not the South China Sea
        simp = simp.replace(to_simplified(x), "□" * len(x))
    found: dict[str, Entity] = {}
    entries: dict[str, dict] = {}
    covered = [False] * len(text)

    def add(entry_key, name, typ, form, s, e, entry=None):
        ent = found.get(entry_key)
        if ent is None:
            ent = Entity(name=name, type=typ, id=entry["key"] if entry else None,
                         source="dictionary" if entry else "text")
            found[entry_key] = ent
            if entry:
                entries[entry_key] = entry
                ent.aliases = [a for a in entry["aliases"] if a != name]
        if form not in ent.aliases and form != name:
            ent.aliases.append(form)
        ent.mentions.append((s - len(art.title) - 1, e - len(art.title) - 1, form))
        for i in range(s, e):
            covered[i] = True
        if typ == "person" and CJK.match(form):
            role = _role_before(simp, s)
            if role and role not in ent.roles:
                ent.roles.append(role)

    for m in cjk_rx.finditer(simp):
        e = by_alias[m.group(0)]
        add(e["key"], e["name"], e["type"], text[m.start():m.end()], m.start(), m.end(), e)
    for m in latin_rx.finditer(text):
        if any(covered[m.start():m.end()]):
            continue
        e = by_alias[m.group(1)]
        add(e["key"], e["name"], e["type"], m.group(1), m.start(), m.end(), e)

    # names the dictionary does not know
    known_person_forms = {to_simplified(a): k for k, ent in found.items() if ent.type == "person"
                          for a in [*ent.aliases, ent.name] if CJK.search(a)}
    candidates: list[tuple[int, int, str]] = []
    if art.language == "zh" or CJK.search(art.title):
        for m in zh_title_name.finditer(simp):
            s = m.start(1)
            name = m.group(1)
            if len(name) == 3 and name[2] in _BOUNDARY:
                name = name[:2]
            if name[0] in surnames and name[0] not in _BOUNDARY and not any(covered[s:s + len(name)]):
                candidates.append((s, s + len(name), name))
        # a segmenter person name (jieba-rs) counts only before a speech or meeting verb
        import rjieba
        pos = 0
        for word, tag in rjieba.tag(simp):
            if (tag == "nr" and 2 <= len(word) <= 3 and word[0] in surnames and word[0] not in _BOUNDARY
                    and not any(covered[pos:pos + len(word)]) and _SPEECH_AFTER.match(simp, pos + len(word))):
                candidates.append((pos, pos + len(word), word))
            pos += len(word)
        # a misspelt known name: any 3-character window with a Vietnamese family name
        for i in range(len(simp) - 2):
            w = simp[i:i + 3]
            if w[0] in vi_surnames and not any(covered[i:i + 3]):
                for form, key in known_person_forms.items():
                    if _near(w, form):
                        candidates.append((i, i + 3, w))
                        break
    for m in latin_name.finditer(text):
        if not any(covered[m.start(1):m.end(1)]):
            candidates.append((m.start(1), m.end(1), m.group(1)))

    for s, e, name in sorted(set(candidates)):
        if any(covered[s:e]):
            continue
        form = text[s:e]
        target = None
        if CJK.match(name):
            target = next((k for f, k in known_person_forms.items() if _near(name, f)), None)
        if target:
            add(target, found[target].name, "person", form, s, e, entries.get(target))
            continue
        key = "person:" + fold(to_simplified(name))
        display = _pinyin(name) if CJK.match(name) else name
        add(key, display, "person", form, s, e)
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
