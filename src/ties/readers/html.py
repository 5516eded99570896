"""Saved HTML pages. The page is kept whole; the clean stage runs trafilatura on it."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import RawDoc

_PAGE = re.compile(r"<(!doctype\s+html|html|head|body)\b", re.I)


def sniff(head: str) -> bool:
    return bool(_PAGE.search(head.lstrip()[:1024]))


def read(path: str, text: str, url: str | None = None) -> Iterator[RawDoc]:
    yield RawDoc(source_path=path, reader="html", title=None, body=text, body_kind="page",
                 meta={"url": url, "outlet_hints": [], "authors": []})
