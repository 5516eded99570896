"""Bytes to text: BOMs, UTF-8, then charset-normalizer for GB18030/GBK, Big5, UTF-16 and the rest."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import UnreadableFile

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB, and no UTF-16 pattern."""
    head = data[:8192]
    if not head:
        return False
    nul = head.count(0)
    if nul:
        # UTF-16 without BOM has NULs in every other byte for ASCII text
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > 0.3 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2:
            return False
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > 0.05 * len(head)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no byte-order mark: ASCII shows a NUL in every other byte; Chinese shows none,
    but decodes to Chinese characters. The byte order whose text is printable wins."""
    head = data[:8192]
    if len(head) < 4:
        return None
    has_nul_pattern = head.count(0) > 0.2 * len(head)
    if not has_nul_pattern:
        try:
            data.decode("utf-8")
            return None  # valid UTF-8 (ASCII too) is UTF-8
        except UnicodeDecodeError:
            pass
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        if not sample:
            continue
        printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t") / len(sample)
        common = sum(1 for c in sample if c in "的是在了和中国一有不这人为上个们来到说年") / len(sample)
        if printable > 0.97 and (has_nul_pattern or common > 0.03) and "\x00" not in sample:
            return text, enc
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise UnreadableFile when the bytes are not text."""
    if not data.strip():
        raise UnreadableFile("the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise UnreadableFile(f"it starts with a {enc} byte-order mark but is not valid {enc}: {e.reason}")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    if looks_binary(data):
        raise UnreadableFile("it is a binary file, not text")
    # a UTF-8 file cut in the middle of a character: keep it, with the broken tail replaced
    if utf8_error.start >= len(data) - 3 and utf8_error.reason.startswith("unexpected end"):
        return data.decode("utf-8", errors="replace"), "utf-8 (truncated)"
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableFile("its encoding could not be detected (not UTF-8, GB18030, Big5 or UTF-16)")
    enc = best.encoding
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"  # the superset decodes what the others do
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        return data.decode(enc, errors="replace"), enc + " (with replaced bytes)"
