"""Plain text: page scrapes, files with a small '# key = value' header, or headline-then-body.

The reader only splits what the file says (header fields, breadcrumb, headline, a
'发布时间:… | 来源:…' line); removing captions, datelines and lists of other stories is
the clean stage's job.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import knowledge
from ..model import RawDoc
from ..stages.clean import MAX_TITLE

_HEADER = re.compile(r"^#\s*([\w-]+)\s*[=:]\s*(.*)$")


def sniff(head: str) -> bool:
    return True  # the fallback for anything that is text


def _meta_line(line: str) -> dict | None:
    """'发布时间:2025-04-16 08:30:00 | 来源:新华网 | 作者: | 责任编辑:张芃芃' -> fields."""
    labels = knowledge.markers()["meta_labels"]
    parts = [p.strip() for p in re.split(r"\s*[|｜]\s*|\s{3,}", line) if p.strip()]
    found: dict = {}
    for p in parts:
        m = re.match(r"^([^:：]{1,12})[:：]\s*(.*)$", p)
        if not m:
            continue
        label, value = m.group(1).strip(), m.group(2).strip()
        for field, names in labels.items():
            if label in names:
                found.setdefault(field, value)
    return found if found else None


_DASHED_DATE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+\w{3,9}\.?\s+\d{1,2},\s+\d{4}")


def read(path: str, text: str) -> Iterator[RawDoc]:
    lines = text.lstrip("\ufeff").split("\n")
    del text
    meta: dict = {"outlet_hints": [], "authors": []}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    # '# doc_id = …' / '# url = …' / '# date = …' header
    while i < len(lines) and _HEADER.match(lines[i].strip()):
        k, v = _HEADER.match(lines[i].strip()).groups()
        k = k.lower()
        if k in ("url", "link", "source_url"):
            meta["url"] = v.strip()
        elif k in ("date", "published", "time"):
            meta["date"] = v.strip()
        elif k in ("author", "authors"):
            meta["authors"] = [v.strip()]
        elif k in ("source", "outlet", "publisher"):
            meta["outlet_hints"].append(v.strip())
        i += 1
    title = None
    # a news-agency dump's dashed header: "-- <headline>", "-- By <authors>", "-- <date>", "-- <url>"
    while i < len(lines) and lines[i].startswith("-- "):
        value = lines[i][3:].strip()
        by = re.match(r"By\s+(.+)$", value)
        if by:
            meta["authors"] = [a.strip() for a in re.split(r",|\band\b", by.group(1)) if a.strip()]
        elif re.match(r"https?://\S+$", value):
            meta["url"] = value
        elif _DASHED_DATE.match(value):
            meta["date"] = value
        elif title is None and value:
            title = value
        i += 1
    breadcrumb = knowledge.markers()["breadcrumb_re"]
    body: list[str] = []
    for line in lines[i:]:
        s = line.strip()
        if title is None:
            if not s or breadcrumb.match(s):
                continue
            title = s
            if len(s) > MAX_TITLE:  # a first line of a paragraph's length is text too, not only a title
                body.append(line)
            continue
        if len(body) < 12:
            fields = _meta_line(s) if s else None
            if fields:
                if fields.get("date"):
                    meta["date"] = fields["date"]
                if fields.get("source"):
                    meta["outlet_hints"].insert(0, fields["source"])
                if fields.get("author"):
                    meta["authors"] = [a for a in re.split(r"[\s,，、]+", fields["author"]) if a]
                continue
        body.append(line)
    _reporting_credit(body, meta)
    yield RawDoc(source_path=path, reader="text", title=title, body="\n".join(body), body_kind="text", meta=meta)


_ROLE = r"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)"
_REPORTING_CREDIT = re.compile(rf"\s*\(((?:Additional |Further )?{_ROLE}(?: and {_ROLE})? [Bb]y [^()]*)\)\s*$")
# "reporting by X", "reporting and writing by X": those who reported
_REPORTERS = re.compile(r"^\s*(?:Additional |additional |Further |further )?[Rr]eporting(?: and \w+)? [Bb]y (.+)$")
_OTHER_ROLE = re.compile(r"\b[Bb]y\b")
_PLACE_AFTER_NAME = re.compile(r"\s+(?:in|of|at)\s+[A-Z][\w .-]*$")


def _reporting_credit(body: list[str], meta: dict) -> None:
    """"… (Additional reporting by Zheng Xiaolu in Beijing; Editing by Tomasz Janowski)" ending the
    last line: the credit leaves the text, and those who reported join the authors (editors and
    writers do not; "in Beijing" is where they were)."""
    last = max((k for k, line in enumerate(body) if line.strip()), default=None)
    m = _REPORTING_CREDIT.search(body[last]) if last is not None else None
    if m:
        body[last] = body[last][:m.start()].rstrip()
        names = []
        reporting = False  # "reporting by A in X; B in Y; Editing by C": B reported too
        for part in m.group(1).split(";"):
            who = _REPORTERS.match(part.strip())
            if who or (reporting and not _OTHER_ROLE.search(part)):
                listed = who.group(1) if who else part
                names += [_PLACE_AFTER_NAME.sub("", a.strip()) for a in re.split(r",|\band\b", listed) if a.strip()]
                reporting = True
            else:
                reporting = False
        names = [" ".join(n.split()) for n in names if n]
        meta["authors"] = list(dict.fromkeys([*meta.get("authors", []), *names]))
