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


RECORD_LIMIT = 40 * 1024 * 1024  # bytes of one record's content, after decompression


def _gzip_cut_short(data: bytes) -> bool:
    """The gzip members of a .warc.gz end before their end (a truncated download). Output is
    thrown away as it comes, so a decompression bomb costs time, not memory."""
    import zlib

    rest = data
    while rest[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(31)
        pos = 0
        while pos < len(rest) and not d.eof:
            d.decompress(rest[pos:pos + (1 << 16)], 1 << 20)
            while d.unconsumed_tail and not d.eof:
                d.decompress(d.unconsumed_tail, 1 << 20)
            pos += 1 << 16
        if not d.eof:
            return True
        rest = d.unused_data + rest[pos:]  # the next member starts in what this one left over
    return False


def read(path: str, data: bytes) -> Iterator[RawDoc | UnreadableFile]:
    cut_short = _gzip_cut_short(data)
    try:
        for n, rec in enumerate(ArchiveIterator(io.BytesIO(data))):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read(RECORD_LIMIT + 1)
            if len(body) > RECORD_LIMIT:
                yield UnreadableFile(f"{path}#{n}: the record is over {RECORD_LIMIT // 2**20} MB once decompressed; "
                                     "it was not read")
                continue
            try:
                text, _ = decode(body)
            except UnreadableFile as e:
                yield UnreadableFile(f"{path}#{n}: {e}")
                continue
            for doc in html.read(f"{path}#{n}", text, url=url):
                doc.reader = "warc"
                yield doc
    except Exception as e:  # warcio raises plain exceptions on a broken archive
        yield UnreadableFile(f"the WARC archive is broken: {e}")
        return
    if cut_short:
        yield UnreadableFile("the WARC archive is cut short (its gzip data ends early); the records before the cut "
                             "were read")
