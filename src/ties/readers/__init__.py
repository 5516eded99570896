"""Readers: one module per input format, picked by sniffing the content, not the file name.

Each reader module exposes ``sniff(head: str) -> bool`` and ``read(path, text) -> Iterator[RawDoc]``
(the WARC reader reads bytes). `READERS` is the registry, in the order they are tried; a new
format registers here and nowhere else.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator

from ..errors import UnknownFormat, UnreadableFile
from ..model import RawDoc
from . import feed, frontmatter, html, jsonfeed, textscrape, warc
from .decode import decode

READERS = [jsonfeed, feed, html, frontmatter, textscrape]

DEFAULT_MAX_BYTES = 40 * 1024 * 1024
WARC_FACTOR = 25


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most `max_bytes` (a FIFO, a device such as /dev/zero or a
    socket is refused before it is opened, so nothing waits or reads without end)."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise UnreadableFile(f"it cannot be opened: {e.strerror}")
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise UnreadableFile("it is a folder that cannot be read (permission denied); its files were skipped")
        raise UnreadableFile("it is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile("it is not a regular file (a FIFO, device or socket)")
    # a web archive holds many pages: it may be larger, up to WARC_FACTOR times the limit (each
    # record is then held to the limit once decompressed)
    limit = max_bytes * WARC_FACTOR if warc.is_warc_name(path) else max_bytes
    if st.st_size > limit:
        raise UnreadableFile(f"it is {st.st_size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one file "
                             "(raise it with --max-bytes)")
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise UnreadableFile(f"it cannot be read: {e.strerror}")
    if len(data) > limit:  # it grew while being read
        raise UnreadableFile(f"it is over the {limit / 1e6:.0f} MB limit for one file (raise it with --max-bytes)")
    return data


def looks_like_table(head: str) -> bool:
    lines = [x for x in head.split("\n")[:6] if x.strip()]
    if len(lines) < 2:
        return False
    tabs = {x.count("\t") for x in lines[:-1]}
    return len(tabs) == 1 and min(tabs) >= 2


_TAGS = re.compile(r"<[^>]{0,500}>")


def _with_previous_lead(docs: Iterator[RawDoc | UnreadableFile]) -> Iterator[RawDoc | UnreadableFile]:
    """Items of one feed in order: each carries the start of the item before it, for an item that
    opens with "当天上午" / "Cùng ngày" and means that item's day."""
    previous: list[str] = []  # the leads of the items before, nearest first
    for doc in docs:
        if isinstance(doc, RawDoc):
            doc.meta["previous_leads"] = previous[:4]
            previous.insert(0, _TAGS.sub("", doc.body[:600]).strip()[:300])
        yield doc


def read_docs(path: str, data: bytes) -> Iterator[RawDoc | UnreadableFile]:
    """Yield the RawDocs of one file's bytes; per-item problems come as UnreadableFile values."""
    if warc.sniff_bytes(data):
        yield from warc.read(path, data)
        return
    text, _encoding = decode(data)
    del data  # a file of many megabytes is held once as text, not also as bytes
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    head = text[:4096]
    if looks_like_table(head):
        raise UnreadableFile("it is a tab-separated table, not an article")
    for reader in READERS:
        if reader.sniff(head):
            docs = reader.read(path, text)
            del text
            yield from _with_previous_lead(docs)
            return
    raise UnknownFormat("no reader recognises its content")
