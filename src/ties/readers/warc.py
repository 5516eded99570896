"""WARC files (warcio): one article per HTML response record."""
from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from ..errors import UnreadableFile
from ..model import RawDoc
from . import html
from .decode import decode


def is_warc_name(path: str) -> bool:
    return path.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def sniff_bytes(data: bytes) -> bool:
    if data[:2] == b"\x1f\x8b":  # gzip: a WARC if the first member says so
        import gzip
        try:
            with gzip.open(io.BytesIO(data)) as g:
                return g.read(9).startswith(b"WARC/")
        except OSError:
            return False
    return data[:5] == b"WARC/"


def read(path: str, data: bytes) -> Iterator[RawDoc | UnreadableFile]:
    try:
        for n, rec in enumerate(ArchiveIterator(io.BytesIO(data))):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            try:
                text, _ = decode(rec.content_stream().read())
            except UnreadableFile as e:
                yield UnreadableFile(f"{path}#{n}: {e}")
                continue
            for doc in html.read(f"{path}#{n}", text, url=url):
                doc.reader = "warc"
                yield doc
    except Exception as e:  # warcio raises plain exceptions on a broken archive
        yield UnreadableFile(f"the WARC archive is broken: {e}")
