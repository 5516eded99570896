"""Topics stage: the contract's topics, from the vocabularies in data/topics.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..model import Article
from ..textutil import CJK, to_simplified


@lru_cache(maxsize=1)
def _vocab():
    out = {}
    for topic, words in knowledge.topics().items():
        if topic.startswith("_"):
            continue
        zh = [to_simplified(w) for w in words if CJK.search(w)]
        latin = [w for w in words if not CJK.search(w)]
        rx = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(latin, key=len, reverse=True))) + r")(?!\w)",
                        re.I) if latin else None
        out[topic] = (zh, rx)
    return out


def find(art: Article) -> list[str]:
    simp = to_simplified(art.title + "\n" + art.text)
    for x in knowledge.topics().get("_exclude", []):
        simp = simp.replace(to_simplified(x), "□" * len(x))
    found = []
    for topic, (zh, rx) in _vocab().items():
        if any(w in simp for w in zh) or (rx is not None and rx.search(simp)):
            found.append(topic)
    return found


def run(art: Article, settings) -> Article:
    art.topics = find(art)
    return art
