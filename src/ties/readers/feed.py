"""RSS and Atom feeds (feedparser): one article per item."""
from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterator

import feedparser

from .. import dates
from ..errors import UnreadableFile
from ..model import RawDoc

_FEED = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)


def sniff(head: str) -> bool:
    return bool(_FEED.search(head[:2000]))


def _item_date(entry) -> str | None:
    """The item's date as the feed states it, with its own offset (so that the date is the feed's
    local date, not UTC's); feedparser's UTC reading only when the stated form is not parseable."""
    for key in ("published", "updated", "created"):
        stated = (entry.get(key) or "").strip()
        if not stated:
            continue
        try:
            return email.utils.parsedate_to_datetime(stated).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = dates.parse_datetime(stated)
        if parsed is not None:
            return parsed.isoformat()
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", entry[key])
    return None


def read(path: str, text: str) -> Iterator[RawDoc]:
    parsed = feedparser.parse(text)
    feed_title = (parsed.feed.get("title") or "").strip()
    feed_link = parsed.feed.get("link") or ""
    feed_language = (parsed.feed.get("language") or "").strip()
    feed_language = None if feed_language.lower() in ("", "mul", "und", "zxx") else feed_language
    if not parsed.entries:
        named = f"the feed '{feed_title}'" if feed_title else "the feed"
        yield UnreadableFile(f"{named} has no items" + (f" (the XML is broken: {parsed.bozo_exception})"
                                                          if parsed.get("bozo") and not feed_title else ""))
        return
    for n, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry.content), key=len)
        body = body or entry.get("summary") or entry.get("description") or ""
        date = _item_date(entry)
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        # an aggregator's item names the outlet that published it (<source>Reuters</source>)
        item_source = ((entry.get("source") or {}).get("title") or "").strip() or None
        meta = {"url": entry.get("link"), "date": date, "authors": authors, "item_source": item_source,
                "feed_title": feed_title or None,
                "language": feed_language,
                "outlet_hints": [h for h in (item_source, feed_title, feed_link) if h]}
        if entry.get("title") or body:
            yield RawDoc(source_path=f"{path}#{n}", reader="feed", title=(entry.get("title") or "").strip(),
                         body=body, body_kind="html" if "<" in body else "text", meta=meta)
