"""Small text helpers shared by the stages: folding, scripts, traditional→simplified, segmentation."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_VI_MARKS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def fold(s: str | None) -> str:
    """Lower case, no diacritics, no spaces or punctuation: the form names are compared in."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", str(s)).replace("đ", "d").replace("Đ", "d")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum())


def strip_diacritics(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def cjk_ratio(s: str) -> float:
    letters = sum(1 for c in s if c.isalpha())
    return len(CJK.findall(s)) / letters if letters else 0.0


_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
LANGID_SAMPLE = 800  # characters given to the statistical identifier: enough to tell, cheap to read


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of a text. Scripts decide what they can alone: Han characters with kana are
    Japanese, without it Chinese; Hangul is Korean; Latin letters with Vietnamese marks are
    Vietnamese. Other text goes to py3langid (its model ships in the package), kept to the
    languages of news listed in data/languages.yaml: Hungarian, Portuguese, German, English…"""
    sample = text[:4000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    han, kana = len(CJK.findall(sample)), len(_KANA.findall(sample))
    if (han + kana) / letters > 0.3:
        return "ja" if kana > 0.05 * (han + kana) else "zh"
    if len(_HANGUL.findall(sample)) / letters > 0.3:
        return "ko"
    if len(_VI_MARKS.findall(sample)) / letters > 0.02:
        return "vi"
    if letters < 12:  # a word or two: too little for statistics; Latin letters are taken as English
        return "en" if len(_ASCII_LETTER.findall(sample)) / letters > 0.7 else None
    words = _EN_WORD.findall(sample[:LANGID_SAMPLE].lower())
    if han + kana < 0.02 * letters and len(words) >= 40 and sum(w in _EN_FUNCTION_WORDS for w in words) / len(words) >= 0.2:
        return "en"  # a fifth of the words are "the, of, and, to…": English, without the statistics
    return _identifier().classify(sample[:LANGID_SAMPLE])[0]


_EN_WORD = re.compile(r"[a-z']+")
_EN_FUNCTION_WORDS = frozenset("the of and to in a is that for on with as by was were be has have it at from "
                               "an are this said".split())


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's model (shipped in its package), kept to the languages of data/languages.yaml."""
    import yaml
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with resources.files("ties.data").joinpath("languages.yaml").open(encoding="utf-8") as f:
        languages = yaml.safe_load(f)["identified"]
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(languages)
    return identifier


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character-level traditional→simplified table from OpenCC's own dictionary file."""
    table: dict[int, str] = {}
    with resources.files("opencc").joinpath("dictionary/TSCharacters.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                table[ord(parts[0])] = parts[1].split(" ")[0]
    return table


def to_simplified(s: str) -> str:
    """習近平 → 习近平, 會談 → 会谈 (character by character; enough for matching and search). The
    stages ask for the same sentences again and again: short strings are remembered."""
    if len(s) <= 2000:
        return _simplified_short(s)
    return s.translate(_t2s_table()) if CJK.search(s) else s


@lru_cache(maxsize=16384)
def _simplified_short(s: str) -> str:
    return s.translate(_t2s_table()) if CJK.search(s) else s


def segment(text: str, for_search: bool = False) -> list[str]:
    """Words of a text: Chinese runs through rjieba (jieba-rs), other scripts split on spaces."""
    import rjieba

    out: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\W_]+", text):
        if CJK.match(run):
            out.extend(rjieba.cut_for_search(run) if for_search else rjieba.cut(run))
        else:
            out.append(run)
    return out


_NO_SPACE = {cp: None for cp in (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                                  0x2028, 0x2029, 0x202F, 0x205F, 0x3000)}  # the characters str.isspace() calls spaces


def squash(s: str) -> str:
    """The text without any white space, in compatibility form: a key to compare paragraphs by
    (a line of many megabytes by str.translate, which costs about its own size)."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(s.split()) if len(s) < 100_000 else s.translate(_NO_SPACE)


_SENT_END = re.compile(r"[。！？!?]+[”」』\"']?|\.[”\"']?(?=\s+[\"“‘(]?[A-ZĐÀ-ỸÂĂÊÔƠƯ0-9])|\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Prof|TS|ThS|PGS|GS|No|Vol|U\.S|U\.K|e\.g|i\.e)|\b[A-Z])$")


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence: cut after 。！？ (with a closing quote), at a
    line break, and after a full stop followed by a capital ("…năm nay. Đại sứ…"), except
    after an abbreviation (Mr., U.S.) or an initial."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.group(0).startswith(".") and _ABBREV.search(text[max(0, m.start() - 5):m.start()]):
            continue
        end = m.end()
        if text[start:end].strip():
            out.append((start, end, text[start:end]))
        start = end
    if text[start:].strip():
        out.append((start, len(text), text[start:]))
    return out


def trie_pattern(words) -> str:
    """One regex alternation for many literal strings, as a trie ("会见|会谈" → "会(?:见|谈)"),
    so that matching costs about one step per character instead of one per word."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie) if trie else r"(?!x)x"


def words_regex(words, flags: int = 0) -> re.Pattern:
    """A compiled regex finding any of `words`: Chinese ones (in simplified form) anywhere,
    the others on word boundaries; both through trie patterns."""
    cjk = {to_simplified(w) for w in words if w and CJK.search(w)}
    latin = {w.lower() if flags & re.I else w for w in words if w and not CJK.search(w)}
    parts = []
    if cjk:
        parts.append(trie_pattern(cjk))
    if latin:
        parts.append(r"(?<!\w)(?:" + trie_pattern(latin) + r")(?!\w)")
    return re.compile("|".join(parts) or r"(?!x)x", flags)
