"""Topics stage: the contract's topics, from the vocabularies in data/topics.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..model import Article
from ..textutil import CJK, to_simplified, words_regex


@lru_cache(maxsize=1)
def _vocab():
    """topic → (regex of its Chinese words, set of its other words and phrases, lower case)."""
    out = {}
    for topic, words in knowledge.topics().items():
        if topic.startswith("_"):
            continue
        cjk = [w for w in words if CJK.search(w)]
        latin = {" ".join(_WORD.findall(w.lower())) for w in words if not CJK.search(w)}
        out[topic] = (words_regex(cjk) if cjk else None, latin)
    return out


_WORD = re.compile(r"\w+")


def _has_term(terms: set[str], words: set[str], spaced: str) -> bool:
    """A term of one word is looked up among the text's words; a longer one is found in the text's
    words joined by single spaces (" bien dong " in " … bien dong … ")."""
    return any((t in words) if " " not in t else (f" {t} " in spaced) for t in terms)


def find(art: Article) -> list[str]:
    simp = to_simplified(art.title + "\n" + art.text)
    for x in knowledge.topics().get("_exclude", []):
        simp = simp.replace(to_simplified(x), "□" * len(x))
    low = simp.lower()
    has_cjk = bool(CJK.search(low))
    word_list = _WORD.findall(low)
    words, spaced = set(word_list), " " + " ".join(word_list) + " "
    found = []
    for topic, (cjk_rx, latin) in _vocab().items():
        if (has_cjk and cjk_rx and cjk_rx.search(low)) or _has_term(latin, words, spaced):
            found.append(topic)
    return found


def run(art: Article, settings) -> Article:
    art.topics = find(art)
    return art
