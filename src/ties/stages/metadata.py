"""Metadata stage: outlet, publication date (outlet's local time), URL, authors, language.

What the file states wins; then the URL; then the dateline; then the user's defaults
(flags, ties.toml). Outlet names come from data/outlets.yaml.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from .. import dates, knowledge
from ..model import Article, RawDoc
from ..settings import Defaults
from ..textutil import detect_language

_AUTHOR_PREFIX = re.compile(r"^(记者|記者|文|撰文|作者|Reporter|By)\s*[:：/]?\s*", re.I)


def _absolute_url(url: str | None, outlet: dict | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith("/") and outlet and outlet.get("base_url"):
        return outlet["base_url"].rstrip("/") + url
    return url


def _outlet_by_path(url: str | None) -> dict | None:
    """A relative link whose path is an outlet's known pattern (data: outlets.yaml 'paths')."""
    if not url or not url.startswith("/"):
        return None
    for row in knowledge.outlets().rows:
        for p in row.get("paths", []):
            if re.match(p, url):
                return row
    return None


def _outlet_by_folder(path: str) -> dict | None:
    """A folder named after a known outlet ("baomoi-vi/", "bbc-news-en/", "reuters/"): the
    last hint when the file itself names none. Its words are tried from the longest front part
    down ("bbc news", then "bbc")."""
    outlets = knowledge.outlets()
    folders = [p for p in re.split(r"[\\/]", path.split("#")[0])[:-1] if p and p not in (".", "..")]
    for folder in reversed(folders):
        words = [w for w in re.split(r"[-_. ]+", folder.lower()) if w]
        for k in range(len(words), 0, -1):
            row = outlets.from_name(" ".join(words[:k]))
            if row and len(" ".join(words[:k])) >= 3:
                return row
    return None


def _outlet_named_by_source(meta: dict, url: str | None) -> str | None:
    """An outlet not in outlets.yaml, as the source names itself: an aggregated item's <source>,
    the feed's channel title, the page's og:site_name, the publisher in its schema.org data, or else the host name."""
    for key in ("item_source", "feed_title", "site_name", "publisher"):
        name = (meta.get(key) or "").strip()
        if name.startswith(("http://", "https://")):  # og:site_name given as the site's address
            name = (urlparse(name).hostname or "").removeprefix("www.")
        if name and len(name) <= 80:
            return name
    host = urlparse(url or "").hostname or ""
    return host.removeprefix("www.") or None


def run(art: Article, raw: RawDoc, defaults: Defaults) -> Article:
    meta = raw.meta
    outlets = knowledge.outlets()
    url = meta.get("url")
    row = None
    for hint in meta.get("outlet_hints", []) or []:
        row = outlets.from_name(hint)
        if row:
            break
    row = row or outlets.from_url(url) or _outlet_by_path(url)
    for hint in meta.get("weak_outlet_hints", []) or []:
        if row:
            break
        row = outlets.from_name(hint)
    if row is None and art.dateline_agency:
        row = outlets.from_name(art.dateline_agency)
    if row is None and art.credit:  # "TTXVN/Tin Tức": the paper that ran it, then the agency
        row = next((r for r in (outlets.from_name(p.strip()) for p in reversed(art.credit.split("/"))) if r), None)
    if row is None and defaults.outlet:
        row = outlets.from_name(defaults.outlet) or {"name": defaults.outlet}
    named = _outlet_named_by_source(meta, url) if row is None else None
    if row is None and not named:
        row = _outlet_by_folder(raw.source_path)
    art.outlet = row["name"] if row else named
    art.outlet_canonical = row is not None
    art.url = _absolute_url(url, row)
    art.timezone = (row or {}).get("timezone") or defaults.timezone

    # publication date: the stated date, unless it is only the crawl time; then the URL
    stated = meta.get("date")
    fetched = meta.get("fetched")
    # a wire agency has no one local time: its copy is dated in the zone it states ("9:57pm EST")
    zone = None if art.timezone == "stated" else art.timezone
    published = dates.local_date(stated, zone) if stated not in (None, "") else None
    from_url = dates.url_date(art.url)
    if from_url and (published is None or (fetched and _same_moment(stated, fetched))):
        published = from_url
    art.published = published

    names = [_AUTHOR_PREFIX.sub("", a).strip() for a in meta.get("authors", []) or []]
    names = [a for a in names if a and not outlets.from_name(a)]
    if names and not art.authors:
        art.authors = names
    art.authors = [a for a in art.authors if not outlets.from_name(a)]

    # the text's own language wins over what the page declares (sites leave lang="en" on
    # Hungarian pages); a declaration decides only when the text is too short to tell
    declared = meta.get("language")
    if declared:
        declared = str(declared).split("-")[0].split("_")[0].lower()
    told = (art.detected_language or detect_language(art.text)) if len(art.text) >= TEXT_TELLS_LANGUAGE else None
    art.language = told or declared or detect_language(art.text or art.title) or detect_language(art.title) \
        or defaults.lang
    return art


TEXT_TELLS_LANGUAGE = 200  # characters of text from which its language is read rather than taken as declared


def _same_moment(a, b) -> bool:
    ta, tb = dates.parse_datetime(a), dates.parse_datetime(b)
    try:
        return ta is not None and tb is not None and abs((ta - tb).total_seconds()) < 3600
    except TypeError:
        return False
