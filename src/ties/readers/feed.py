"""RSS and Atom feeds (feedparser): one article per item."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator

import feedparser

from ..model import RawDoc

_FEED = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)


def sniff(head: str) -> bool:
    return bool(_FEED.search(head[:2000]))


def read(path: str, text: str) -> Iterator[RawDoc]:
    parsed = feedparser.parse(text)
    feed_title = (parsed.feed.get("title") or "").strip()
    feed_link = parsed.feed.get("link") or ""
    for n, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry.content), key=len)
        body = body or entry.get("summary") or entry.get("description") or ""
        date = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                date = time.strftime("%Y-%m-%dT%H:%M:%SZ", entry[key])
                break
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        meta = {"url": entry.get("link"), "date": date, "authors": authors,
                "outlet_hints": [h for h in (feed_title, feed_link) if h]}
        if entry.get("title") or body:
            yield RawDoc(source_path=f"{path}#{n}", reader="feed", title=(entry.get("title") or "").strip(),
                         body=body, body_kind="html" if "<" in body else "text", meta=meta)
