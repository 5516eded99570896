"""Topics stage: the contract's topics, from the vocabularies in data/topics.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..model import Article
from ..textutil import to_simplified, words_regex


@lru_cache(maxsize=1)
def _vocab():
    out = {}
    for topic, words in knowledge.topics().items():
        if topic.startswith("_"):
            continue
        out[topic] = words_regex([w.lower() for w in words])  # matched on lower-cased text: no re.I, which is slow
    return out


def find(art: Article) -> list[str]:
    simp = to_simplified(art.title + "\n" + art.text)
    for x in knowledge.topics().get("_exclude", []):
        simp = simp.replace(to_simplified(x), "□" * len(x))
    low = simp.lower()
    found = []
    for topic, rx in _vocab().items():
        if rx.search(low):
            found.append(topic)
    return found


def run(art: Article, settings) -> Article:
    art.topics = find(art)
    return art
