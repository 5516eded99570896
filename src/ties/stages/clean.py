"""Clean stage: a RawDoc's body in whatever syntax → the article's main text, title, translations.

Removes markup, ads, subscribe/paywall links, photo captions and credits, breadcrumbs,
lists of other stories ("更多"), repeated leads; splits a second-language version of the
article into `translations`; cuts the dateline ("新华社河内4月14日电(记者…)") off the first
paragraph and keeps it, with the reporters it names. All markers are data (data/markers.yaml).
"""
from __future__ import annotations

import html as htmllib
import re
import unicodedata

from lxml import etree
from lxml import html as lxhtml

from .. import knowledge
from ..model import Article, RawDoc, Translation
from ..textutil import cjk_ratio, detect_language, fold, squash

BLOCK_TAGS = {"p", "div", "section", "article", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "table", "tr", "blockquote", "pre", "header", "footer", "main", "dd", "dt", "hr"}
DROP_TAGS = {"script", "style", "noscript", "iframe", "img", "figure", "figcaption", "form", "button", "svg",
             "video", "audio", "object", "embed", "select", "input", "textarea", "nav", "aside", "canvas", "template"}
_NOISE_ATTR = re.compile(r"(^|[\s_-])(ad|ads|advert\w*|dfp\w*|innity\w*|imu\d*|promo\w*|subscribe\w*|paywall\w*|"
                         r"share\w*|social|related\w*|recommend\w*|sponsor\w*|banner|newsletter|comment\w*|"
                         r"caption|credit|breadcrumbs?)($|[\s_-])", re.I)
_NOISE_HREF = re.compile(r"subscribe|promotion|utm_campaign|paywall|/signup|/login", re.I)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPH = re.compile(r"(\*\*|__|~~)(.+?)\1")
_MD_QUOTE = re.compile(r"^>\s?")
_HTML_COMMENT = re.compile(r"<!--.*?-->|\{\{[<%].*?[>%]\}\}|\{%.*?%\}", re.S)
_BLOCK_RE = re.compile(r"<(figure|script|style|noscript|iframe)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_SETEXT = re.compile(r"^[-=]{3,}\s*$")
_WS = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u200b]+")
_LATIN_LINE = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# ---------------------------------------------------------------- markup to lines

def html_fragment_lines(fragment: str) -> list[str]:
    """Text lines of an HTML fragment, without ads, images, captions and paywall links."""
    try:
        root = lxhtml.fragment_fromstring(fragment, create_parent="div",
                                          parser=lxhtml.HTMLParser(recover=True, huge_tree=False))
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return [s for s in (_WS.sub(" ", x).strip() for x in _TAG.sub("\n", fragment).split("\n")) if s]
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if tag in DROP_TAGS:
            doomed.append(el)
        elif _NOISE_ATTR.search(" ".join(filter(None, (el.get("id"), el.get("class"))))):
            doomed.append(el)
        elif tag == "a" and _NOISE_HREF.search(el.get("href") or ""):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        parent.remove(el)
        if tail and tail.strip():  # keep the text that followed the removed element
            prev = parent[-1] if len(parent) else None
            if prev is not None and prev.getparent() is parent:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    return [s for s in (_WS.sub(" ", x).strip() for x in "".join(parts).split("\n")) if s]


def markdown_lines(md: str) -> list[str]:
    md = _HTML_COMMENT.sub("", md)
    md = _BLOCK_RE.sub("\n", md)
    lines = html_fragment_lines(md) if "<" in md else [x.strip() for x in md.split("\n")]
    out = []
    for line in lines:
        if _SETEXT.match(line):
            continue
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_HEADING.sub("", line)
        line = _MD_QUOTE.sub("", line)
        line = _MD_EMPH.sub(r"\2", line)
        line = _WS.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


_META_TAG = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')
_META_KEYS = {  # meta name/property → metadata field, first found wins
    "og:title": "title", "twitter:title": "title",
    "og:site_name": "sitename", "application-name": "sitename",
    "article:published_time": "date", "og:article:published_time": "date", "pubdate": "date", "publishdate": "date",
    "date": "date", "dc.date": "date", "dc.date.issued": "date", "sailthru.date": "date", "parsely-pub-date": "date",
    "author": "author", "article:author": "author", "dc.creator": "author", "sailthru.author": "author",
    "og:url": "url",
}


def head_metadata(page: str) -> dict:
    """Title, site name, date, author, URL and language from the page's own <head> declarations
    (meta tags, <title>, <html lang>), read with regular expressions in one pass: what
    trafilatura's full metadata search would find first, at a fraction of its cost."""
    head = page[:60_000]
    out: dict = {}
    for tag in _META_TAG.findall(head):
        attrs = {k.lower(): (v1 or v2) for k, v1, v2 in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        field = _META_KEYS.get(key)
        if field and attrs.get("content") and field not in out:
            out[field] = htmllib.unescape(attrs["content"]).strip()
    if "title" not in out:
        m = _TITLE_TAG.search(head)
        if m:
            out["title"] = htmllib.unescape(_TAG.sub("", m.group(1))).strip()
    m = _HTML_LANG.search(head)
    if m:
        out["language"] = m.group(1).lower()
    m = _LD_PUBLISHER.search(page[:200_000])
    if m:
        out["publisher"] = htmllib.unescape(m.group(1)).strip()
    if out.get("date"):
        m = re.match(r"\d{4}-\d{2}-\d{2}", out["date"])
        out["date"] = m.group(0) if m else None
    if not out.get("date"):
        from htmldate import find_date

        try:
            out["date"] = find_date(page, extensive_search=False, original_date=True)
        except Exception:
            out["date"] = None
    return out


def page_lines(page: str, meta: dict) -> tuple[str | None, list[str]]:
    """A whole HTML page through trafilatura; fills meta with what the page's metadata says."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, url=meta.get("url"), include_comments=False, include_tables=True,
                                      with_metadata=False, fast=True)
    if doc is None:
        return None, []
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    d.update({k: v for k, v in head_metadata(page).items() if v and not d.get(k)})
    if d.get("date") and not meta.get("date"):
        meta["date"] = d["date"]
    if d.get("url") and not meta.get("url"):
        meta["url"] = d["url"]
    if d.get("author"):
        meta.setdefault("authors", [])
        meta["authors"] = meta["authors"] or [a.strip() for a in re.split(r";|\|", d["author"]) if a.strip()]
    for k in ("sitename", "hostname"):
        if d.get(k):
            meta.setdefault("outlet_hints", []).append(d[k])
    host = (d.get("hostname") or "").removeprefix("www.")
    site_names = [d.get("sitename"), host, host.split(".")[0] if host else None]
    meta["site_name"] = d.get("sitename") or None
    meta["publisher"] = d.get("publisher") or None
    d["title"] = page_headline(page, d.get("title"), site_names)
    if d.get("language"):
        meta.setdefault("language", d["language"])
    text = d.get("text") or ""
    return d.get("title"), [x.strip() for x in text.split("\n") if x.strip()]


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TITLE_SEP = re.compile(r"(\s+(?:[|｜«»·•]|::|[-–—]{1,2})\s+|\s*[|｜]\s*)")


def page_headline(page: str, title: str | None, site_names: list[str]) -> str | None:
    """The headline of a whole page: its <h1> when the page's title holds it (a logo in an <h1>
    is not one), else the title without the site's name and page number ("Cím | Rangadó - Part 2")."""
    t = _WS.sub(" ", htmllib.unescape(title or "")).strip()
    names = {fold(n) for n in site_names if n and len(fold(n)) >= 2}
    pieces = _TITLE_SEP.split(t)  # text, separator, text, …
    page_part = knowledge.markers()["title_page_part_re"]

    def site_like(part: str) -> bool:
        f = fold(part)
        if not f or page_part.match(part.strip()):
            return True
        return any(f == n or (len(n) >= 4 and n in f and len(f) <= len(n) + 8) for n in names)

    while len(pieces) >= 3 and site_like(pieces[-1]):
        pieces = pieces[:-2]
    while len(pieces) >= 3 and site_like(pieces[0]):
        pieces = pieces[2:]
    stripped = "".join(pieces).strip() or t
    whole = fold(t)
    for h in _H1.findall(page[:400_000]):
        h = _WS.sub(" ", htmllib.unescape(_TAG.sub(" ", h))).strip()
        fh = fold(h)
        if len(fh) >= 6 and (fh in whole or (whole and whole in fh)) and fh not in names:
            return h
    return stripped or None


def body_lines(raw: RawDoc) -> tuple[str | None, list[str]]:
    if raw.body_kind == "page":
        return page_lines(raw.body, raw.meta)
    if raw.body_kind == "html":
        return None, markdown_lines(raw.body)
    if raw.body_kind == "markdown":
        return None, markdown_lines(raw.body)
    return None, [s for s in (_collapse_spaces(x).strip() for x in raw.body.split("\n")) if s]


_CHUNK = 1 << 20


def _collapse_spaces(line: str) -> str:
    """Runs of spaces as one; a line of many megabytes is done a megabyte at a time, so that
    memory stays a small multiple of the line (a run cut at a chunk's edge may keep two spaces)."""
    if len(line) <= _CHUNK:
        return _WS.sub(" ", line)
    return "".join(_WS.sub(" ", line[i:i + _CHUNK]) for i in range(0, len(line), _CHUNK))


# ---------------------------------------------------------------- title

MAX_TITLE = 500  # longer than this is a paragraph, not a title: it is cut at a word (a first line
#                  standing for a missing headline may run to a few hundred characters)


def clean_title(title: str | None) -> str:
    if not title:
        return ""
    if len(title) > 4 * MAX_TITLE:  # a 30 MB single line is not parsed whole for a title
        title = title[:4 * MAX_TITLE]
    t = htmllib.unescape(title)
    t = _BLOCK_RE.sub(" ", t)
    t = _TAG.sub("", t)
    for rx in knowledge.markers()["title_prefix_re"]:
        t = rx.sub("", t)
    t = _WS.sub(" ", t).strip()
    # ' - 新华网', '_Xinhua', ' | BBC News': a trailing site name
    m = re.match(r"^(.{6,}?)\s*(?:[|｜_]|\s[-–—]\s)\s*([^|｜_]{2,40})$", t)
    if m and knowledge.outlets().from_name(m.group(2).strip()):
        t = m.group(1).strip()
    if len(t) > MAX_TITLE:
        cut = t.rfind(" ", 0, MAX_TITLE)
        t = t[:cut if cut > MAX_TITLE // 2 else MAX_TITLE].rstrip() + "…"
    return t


# ---------------------------------------------------------------- line filters

def _is_caption(line: str, m: dict) -> bool:
    return any(rx.search(line) for rx in m["caption_lines_re"])


def _is_noise(line: str, m: dict) -> bool:
    return any(rx.search(line) for rx in m["noise_lines_re"])


def _split_translation(lines: list[str], main_lang: str | None) -> tuple[list[str], list[str]]:
    """Cut a trailing run of lines in another script (seed: Chinese story, then its English version)."""
    if main_lang != "zh" or len(lines) < 4:
        return lines, []
    k = len(lines)
    while k > 0 and cjk_ratio(lines[k - 1]) < 0.05:
        k -= 1
    tail = lines[k:]
    if k == 0 or len(tail) < 3 or sum(len(x) for x in tail) < 200:
        return lines, []
    if sum(len(x) for x in lines[:k]) < 100:
        return lines, []
    return lines[:k], tail


def _apply_dateline(lines: list[str], art: Article, m: dict) -> list[str]:
    """Cut a dateline from one of the first paragraphs; keep it and the reporters it names."""
    for i, line in enumerate(lines[:4]):
        for rx in m["datelines_re"]:
            mt = rx.match(line)
            if not mt:
                continue
            art.dateline = mt.group(0).strip()
            gd = mt.groupdict()
            if gd.get("authors"):
                names = [a for a in re.split(r"[\s、，,]+", gd["authors"]) if a and a not in ("记者", "記者")]
                if names and not art.authors:
                    art.authors = names
            art.dateline_agency = gd.get("agency")
            art.dateline_place = gd.get("place")
            rest = line[mt.end():].strip()
            lines = lines[:i] + ([rest] if rest else []) + lines[i + 1:]
            return lines
    return lines


def _signoff(lines: list[str], art: Article | None, m: dict) -> list[str]:
    """Cut closing credit lines: 'Theo WSJ', a reporter's name line, 'Trung Nguyên (TTXVN)'."""
    cut = 0
    while len(lines) - cut > 1 and cut < 3:
        last = lines[-1 - cut]
        if len(last) > 70:
            break
        ms = m["signoff_source_re"].match(last)
        mn = None if ms else m["signoff_name_re"].match(last)
        if ms:
            if art is not None and ms.group("source") and not art.credit:
                art.credit = ms.group("source").strip()
            cut += 1
        elif mn and not last.endswith((".", "?", "!", ":")) and len(last.split()) <= 6:
            if art is not None and not art.authors:
                art.authors = [mn.group("name").strip()]
            if art is not None and mn.group("source") and not art.credit:
                art.credit = mn.group("source").strip()
            cut += 1
        else:
            break
    lines = lines[:len(lines) - cut] if cut else lines
    if art is not None and lines and not art.credit:
        lines[-1] = _trailing_credit(lines[-1], art)
    return lines


def _trailing_credit(line: str, art: Article) -> str:
    """A credit run on at the end of the last paragraph ("… thời gian tới. TTXVN/Tin Tức"), kept
    and cut only when it names a known outlet."""
    mt = re.search(r"(?<=[.!?”\"])\s+\(?(?:Theo\s+)?([^\s.()][^.()!?]{1,30}?)\)?\s*$", line)
    if mt and any(knowledge.outlets().from_name(part.strip()) for part in mt.group(1).split("/")):
        art.credit = mt.group(1).strip()
        return line[:mt.start()].rstrip()
    return line


_LEAD_LINES = 30  # a lead repeated in the story stands among the first paragraphs


def _dedupe(lines: list[str]) -> list[str]:
    """Drop repeated paragraphs: exact repeats, and a short one contained in a longer one (a lead
    printed above the story and again in it)."""
    keys = [squash(x) for x in lines]
    out = []
    seen = set()
    for i, (line, key) in enumerate(zip(lines, keys)):
        if key in seen:
            continue
        if i < _LEAD_LINES and len(key) >= 20 and any(len(k2) > len(key) and key in k2
                                                      for j, k2 in enumerate(keys) if j != i):
            continue  # (only the first lines are checked: the cost stays linear in the page)
        seen.add(key)
        out.append(line)
    return out


def _strip_glued_captions(line: str, m: dict) -> str:
    """Captions and credits the scrape glued into a line of text (markers.yaml)."""
    rx = m.get("related_link_re")
    if rx is not None:
        line = rx.sub(" ", line).strip()
    for rx in m.get("inline_caption_credit_re") or []:
        hit = rx.match(line)
        if hit:
            rest = line[hit.end():].strip()
            return rest if len(rest) >= 20 else ""
    rx = m.get("caption_line_credit_re")
    if rx is not None and rx.match(line):
        return ""
    return line


_LONGEST_BOILERPLATE = 20_000


def clean_lines(lines: list[str], title: str, m: dict, art: Article | None = None) -> list[str]:
    title_key = squash(title)
    out: list[str] = []
    ended = False
    for n, line in enumerate(lines):
        if not line:
            continue
        if ended:
            # after '(完)': a short line naming the agency, then nothing of the story
            break
        if len(line) > _LONGEST_BOILERPLATE:  # no caption, credit or link list runs this long
            out.append(line)
            continue
        key = squash(line)
        if title_key and (key == title_key or key == squash("#" + title)):
            continue
        if title_key and key.startswith(title_key) and _is_caption(line, m):
            continue
        if not out and m["breadcrumb_re"].match(line):
            continue
        if any(rx.match(line) for rx in m["more_lines_re"]) and out:
            break
        if _is_caption(line, m) or _is_noise(line, m):
            if art is not None and _is_caption(line, m):
                art.captions.append(line)
            continue
        stripped = _strip_glued_captions(line, m)
        if art is not None and stripped != line:
            art.captions.append(line[:len(line) - len(stripped)] if stripped and line.endswith(stripped) else line)
        line = stripped
        if not line:
            continue
        for rx in m["end_marks_re"]:
            if rx.search(line):
                line = rx.sub("", line).strip()
                ended = True
                break
        if line:
            out.append(line)
    if art is not None:
        out = _apply_dateline(out, art, m)
    out = _signoff(out, art, m)
    return _dedupe(out)


# ---------------------------------------------------------------- the stage

def run(raw: RawDoc) -> Article:
    m = knowledge.markers()
    art = Article(source_path=raw.source_path, reader=raw.reader)
    page_title, lines = body_lines(raw)
    art.title = clean_title(raw.title or page_title)
    if not art.title:
        first = next((x for x in lines if x and not m["breadcrumb_re"].match(x)), "")
        if len(first) <= 120:
            art.title = clean_title(first)
    joined = " ".join(lines[:60])[:20_000]  # enough to tell the language; a 30 MB line is not read whole
    art.detected_language = detect_language(art.title + " " + joined)
    main_lang = raw.meta.get("language") or art.detected_language
    main_lang = (main_lang or "").split("-")[0].lower() or None
    main, other = _split_translation(lines, main_lang)
    text_lines = clean_lines(main, art.title, m, art)
    art.text = "\n".join(text_lines)
    # one form for every letter: decomposed Vietnamese (u + ̛ + ̀) becomes ừ, so names match
    art.title, art.text = unicodedata.normalize("NFC", art.title), unicodedata.normalize("NFC", art.text)
    # control characters are never content (an escape sequence in a scrape would retitle a terminal)
    art.title, art.text = _CONTROL.sub("", art.title), _CONTROL.sub("", art.text)
    if other:
        t_title = clean_title(other[0])
        t_lines = clean_lines(other[1:], t_title, m)
        t_lang = detect_language(" ".join(other)[:20_000]) or "en"
        art.translations.append(Translation(language=t_lang, title=t_title, text="\n".join(t_lines)))
    art.warnings.extend(raw.meta.get("warnings", []))
    art.previous_leads = raw.meta.get("previous_leads") or []
    return art
