"""Page type of a whole HTML page: one article, or a list of other pages.

Web archives hold section fronts, archives, tag and search pages beside the articles. Each clue
(what the page declares in schema.org data and og:type, the shape of its URL, how much of it is
one main text, how much of it is links and headline teasers) adds or takes a weight; a page
whose clues lean to a list is reported as one and not stored as an article. The words and
thresholds are data (data/pagetypes.yaml).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml import html as lxhtml

from .. import knowledge

_WS = re.compile(r"\s+")
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')
_SKIP = {"script", "style", "noscript", "template", "svg"}


@dataclass
class PageClues:
    declared_article: bool = False
    declared_list: bool = False
    og_article: bool = False
    list_url: bool = False
    article_url: bool = False
    main_text: int = 0          # characters of the longest run of paragraphs under one parent, links left out
    link_share: float = 0.0     # share of the body's text inside links
    teasers: int = 0            # links with a headline's length of text
    linked_headings: int = 0    # teaser cards: headings (h2–h4) that are links, or <article> boxes with a link
    reasons: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _config() -> dict:
    c = knowledge.load_yaml("pagetypes.yaml")
    c["list_url_re"] = [re.compile(p) for p in c["list_url"]]
    c["article_url_re"] = [re.compile(p) for p in c["article_url"]]
    c["hidden_attr_re"] = re.compile(c["hidden_attr"], re.I)
    c["chrome_tags"] = set(c["chrome_tags"])
    c["article_types"] = set(c["article_types"])
    c["list_types"] = set(c["list_types"])
    return c


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _declared_types(root) -> set[str]:
    types: set[str] = set()
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        for m in _LD_TYPE.finditer(script.text or ""):
            try:
                v = json.loads(m.group(1))
            except ValueError:
                continue
            types.update(t for t in (v if isinstance(v, list) else [v]) if isinstance(t, str))
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("itemtype"):
            types.add(el.get("itemtype").rstrip("/").rsplit("/", 1)[-1])
    return types


def clues(page: str, url: str | None) -> PageClues:
    c = _config()
    out = PageClues()
    try:
        root = lxhtml.document_fromstring(page, parser=lxhtml.HTMLParser(recover=True, huge_tree=False))
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return out
    types = _declared_types(root)
    out.declared_article = bool(types & c["article_types"])
    out.declared_list = bool(types & c["list_types"])
    og = root.xpath('string(//meta[@property="og:type"]/@content)').strip().lower()
    out.og_article = og in c["og_article"]
    low = (url or "").lower()
    out.list_url = any(p.search(low) for p in c["list_url_re"])
    out.article_url = any(p.search(low.split("?")[0]) for p in c["article_url_re"])

    body = root.find("body")
    if body is None:
        return out
    hidden = c["hidden_attr_re"]
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.tag in _SKIP or hidden.search(" ".join(filter(None, (el.get("id"), el.get("class"))))) \
                or (el.tag in c["chrome_tags"] and not any(a.tag in ("article", "main") for a in el.iterancestors())):
            if el.getparent() is not None:
                el.drop_tree()
    total = len(_text(body)) or 1
    linked = 0
    for a in body.iter("a"):
        t = _text(a)
        linked += len(t)
        if len(t) >= c["teaser_min_chars"]:
            out.teasers += 1
    out.link_share = min(1.0, linked / total)
    headings = sum(1 for h in body.iter("h2", "h3", "h4") if next(h.iter("a"), None) is not None
                   or (h.getparent() is not None and h.getparent().tag == "a"))
    cards = sum(1 for a in body.iter("article") if next(a.iter("a"), None) is not None)
    out.linked_headings = max(headings, cards)
    best = 0
    for parent in {p.getparent() for p in body.iter("p")}:
        run = 0
        for p in parent.iterchildren("p"):
            n = len(_text(p)) - sum(len(_text(a)) for a in p.iter("a"))
            if n >= c["paragraph_min_chars"]:
                run += n
        best = max(best, run)
    out.main_text = best
    return out


def classify(page: str, url: str | None = None) -> tuple[str, str]:
    """("article" | "list", the clues that decided, in words)."""
    c = _config()
    k = clues(page, url)
    score = 0
    why: list[str] = []
    if k.declared_article and not k.declared_list:
        score += 2
        why.append("declares an article (schema.org)")
    elif k.declared_list and not k.declared_article:
        score -= 2
        why.append("declares a collection (schema.org)")
    if k.og_article:
        score += 1
    if k.list_url:
        score -= 2
        why.append("a listing's URL")
    elif k.article_url:
        score += 1
    if k.main_text >= 2.5 * c["article_text_chars"]:
        score += 3
    elif k.main_text >= c["article_text_chars"]:
        score += 2
    elif k.main_text < c["short_text_chars"]:
        score -= 1
        why.append(f"no main text ({k.main_text} characters in paragraphs)")
    if k.link_share >= c["list_link_share"]:
        score -= 2
        why.append(f"{k.link_share:.0%} of its text in links")
    if k.teasers >= c["list_teasers"] and k.main_text < c["article_text_chars"]:
        score -= 1
        why.append(f"{k.teasers} headline links")
    if k.linked_headings >= c["list_linked_headings"] and k.main_text < c["article_text_chars"]:
        score -= 1
        why.append(f"{k.linked_headings} teaser cards")
    return ("list" if score <= c["list_score"] else "article"), ", ".join(why)
