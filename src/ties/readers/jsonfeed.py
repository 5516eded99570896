"""JSON and JSON Lines: one article per element of the list that holds the stories.

Field names drift (``title``/``标题``, ``link``/``url``/a URL path hiding in ``time``,
``summary``/``description``/``content``); a field is mapped by its name when the name is
known and by what its value looks like otherwise. Nested records (``video_detail``) are
merged into their item.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..errors import UnreadableFile
from ..model import RawDoc

TITLE_KEYS = ("title", "headline", "标题", "video_title", "name", "tieu_de", "tiêu đề")
TEXT_KEYS = ("content", "body", "text", "article", "正文", "内容", "content_html", "description", "summary",
             "摘要", "brief", "desc", "lead", "sapo")
URL_KEYS = ("url", "link", "href", "video_url", "permalink", "canonical", "链接", "网址")
DATE_KEYS = ("published", "pub_date", "pubtime", "pubDate", "date", "datePublished", "publish_time",
             "时间", "发布时间", "time", "created", "created_at")
SOURCE_KEYS = ("source", "outlet", "site", "publisher", "来源", "媒体", "sitename")
AUTHOR_KEYS = ("author", "authors", "byline", "作者", "reporter")

_DATE_VALUE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|^\d{10,13}$")
_URLISH = re.compile(r"^(https?://|/)[^\s]*$")
_HTML = re.compile(r"<(p|br|div|span|a|img|strong|b|em)\b", re.I)


def sniff(head: str) -> bool:
    s = head.lstrip("\ufeff \t\n")
    return s.startswith("[") or (s.startswith("{") and not s.startswith("{%"))


def _records(obj) -> list:
    """The list of story records: the top list, or the largest list of dicts found inside."""
    if isinstance(obj, list):
        return obj
    best: list = []
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            for v in cur.values():
                if isinstance(v, list) and sum(isinstance(x, dict) for x in v) > sum(isinstance(x, dict) for x in best):
                    best = v
                if isinstance(v, (dict, list)):
                    stack.append(v)
        elif isinstance(cur, list):
            stack.extend(x for x in cur if isinstance(x, (dict, list)))
    if best:
        return best
    return [obj] if isinstance(obj, dict) else []


def _flatten(item: dict) -> dict:
    """Merge nested dicts into the item; a nested value wins when the item's own is empty."""
    flat = {k: v for k, v in item.items() if not isinstance(v, dict)}
    for v in item.values():
        if isinstance(v, dict):
            for k2, v2 in _flatten(v).items():
                if flat.get(k2) in (None, "", []) or (k2 in TEXT_KEYS and isinstance(v2, str)
                                                       and len(v2) > len(str(flat.get(k2) or ""))):
                    flat[k2] = v2
    return flat


def _first(d: dict, keys, pred=None):
    lower = {str(k).lower(): v for k, v in d.items()}
    for k in keys:
        v = lower.get(k.lower())
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if isinstance(v, str) and v.strip() and (pred is None or pred(v.strip())):
            return v.strip()
    return None


def item_to_doc(path: str, item: dict) -> RawDoc | None:
    d = _flatten(item)
    title = _first(d, TITLE_KEYS)
    url = _first(d, URL_KEYS, lambda v: bool(_URLISH.match(v)))
    if url is None:  # a URL path hiding in another field ('time' in the early Zaobao records)
        url = next((v.strip() for v in d.values() if isinstance(v, str) and _URLISH.match(v.strip())
                    and v.count("/") >= 2), None)
    date = _first(d, DATE_KEYS, lambda v: bool(_DATE_VALUE.match(v)))
    # the longest of the text-like fields is the body
    texts = [str(d[k]) for k in d if str(k).lower() in TEXT_KEYS and isinstance(d[k], str) and d[k].strip()]
    body = max(texts, key=len) if texts else ""
    if not title and not body:
        return None
    meta = {
        "url": url,
        "date": date,
        "fetched": _first(d, ("fetched", "crawled", "crawl_time")),
        "outlet_hints": [h for h in [_first(d, SOURCE_KEYS)] if h],
        "authors": [a for a in [_first(d, AUTHOR_KEYS)] if a],
    }
    lang = _first(d, ("language", "lang"))
    if lang:
        meta["language"] = lang
    kind = "html" if _HTML.search(body) else "text"
    return RawDoc(source_path=path, reader="json", title=title, body=body, body_kind=kind, meta=meta)


def read(path: str, text: str) -> Iterator[RawDoc | UnreadableFile]:
    try:
        obj = json.loads(text)
        items = _records(obj)
    except json.JSONDecodeError as first_error:
        # JSON Lines: one object per line
        items = []
        for n, line in enumerate(text.split("\n")):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError:
                if n == 0:
                    raise UnreadableFile(f"it looks like JSON but does not parse: {first_error.msg} "
                                         f"at line {first_error.lineno}")
                items.append(None)
    for n, item in enumerate(items):
        sub = f"{path}#{n}"
        if not isinstance(item, dict):
            yield UnreadableFile(f"{sub}: item is not an object")
            continue
        doc = item_to_doc(sub, item)
        if doc is not None:
            yield doc
