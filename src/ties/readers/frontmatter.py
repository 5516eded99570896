"""Markdown posts with YAML front matter (Jekyll, Hexo, Hugo); bodies in HTML or Markdown."""
from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ..model import RawDoc

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_HTML_BLOCK = re.compile(r"<(p|div|section|article|br|h[1-6]|ul|ol|table|blockquote)\b", re.I)

# front-matter keys, by what they hold, most specific first
URL_KEYS = ("original_url", "from", "canonical", "canonical_url", "source_url", "link", "url", "permalink")
DATE_KEYS = ("date", "published", "pubdate", "pubDate", "publishDate", "created", "time")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
SOURCE_KEYS = ("source", "publisher", "site", "outlet", "site_name", "sitename")
WEAK_HINT_KEYS = ("categories", "category", "tags")


def sniff(head: str) -> bool:
    return head.lstrip("\ufeff \t\n").startswith("---\n")


def _loose_yaml(lines: list[str]) -> dict:
    """Key: value lines when the YAML parser refuses the block."""
    out: dict = {}
    for line in lines:
        m = _KEY_LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2).strip().strip("'\"")
    return out


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]+", re.M)


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """Return (front matter dict, body, warnings)."""
    warnings: list[str] = []
    stripped = text.lstrip("\ufeff \t\n")
    lines = stripped.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        # no closing '---': take the leading key/value/list lines as the front matter
        warnings.append("front matter has no closing '---'; read up to the first line that is not a field")
        end = 1
        while end < len(lines) and (_KEY_LINE.match(lines[end]) or lines[end].startswith((" ", "-", "\t"))):
            end += 1
        fm_lines, body_lines = lines[1:end], lines[end:]
    else:
        fm_lines, body_lines = lines[1:end], lines[end + 1:]
    source = "\n".join(fm_lines)
    try:
        if _ALIAS.search(source):  # anchors and aliases ("billion laughs") are refused, not expanded
            raise yaml.YAMLError("YAML aliases in front matter")
        fm = yaml.load(source, Loader=_LOADER) or {}
        if not isinstance(fm, dict):
            raise yaml.YAMLError("not a mapping")
    except yaml.YAMLError:
        warnings.append("front matter is not valid YAML (or uses YAML aliases); read its 'key: value' lines")
        fm = _loose_yaml(fm_lines)
    return fm, "\n".join(body_lines), warnings


def _strings(v) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [str(x).strip() for x in v if x is not None and str(x).strip()]
    s = str(v).strip()
    return [s] if s else []


def read(path: str, text: str) -> Iterator[RawDoc]:
    fm, body, warnings = split_front_matter(text)
    meta: dict = {"warnings": warnings}
    for k in URL_KEYS:
        v = _strings(fm.get(k))
        if v and re.match(r"https?://", v[0]):
            meta["url"] = v[0]
            break
    for k in DATE_KEYS:
        v = fm.get(k)
        if v not in (None, ""):
            meta["date"] = v
            break
    authors = [a for k in AUTHOR_KEYS for a in _strings(fm.get(k))]
    meta["authors"] = authors
    meta["outlet_hints"] = [h for k in SOURCE_KEYS for h in _strings(fm.get(k))]
    # an author or a tag may name the outlet, but only when the source fields and the URL do not
    meta["weak_outlet_hints"] = authors + [h for k in WEAK_HINT_KEYS for h in _strings(fm.get(k))]
    if fm.get("lang") or fm.get("language"):
        meta["language"] = str(fm.get("lang") or fm.get("language"))
    title = fm.get("title")
    kind = "html" if _HTML_BLOCK.search(body) else "markdown"
    yield RawDoc(source_path=path, reader="frontmatter", title=str(title).strip() if title else None,
                 body=body, body_kind=kind, meta=meta)
