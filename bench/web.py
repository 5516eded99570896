"""Web archives and feeds: the page-type decision against hand labels, and language
identification (py3langid behind the script checks) beside the script-only check it replaced.

    python bench/web.py

Prints precision and recall of `list` and `article` on tests/gold-pages/hu-news-warc.tsv (both
halves, and half B alone: the half nobody looked at while the clues were weighed), then per
corpus folder the share of texts each language detector names as the folder's language and the
time per text. Nothing here is pass/fail.
"""
from __future__ import annotations

import csv
import glob
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from ties.pipeline import Reject, extract_file  # noqa: E402
from ties.settings import Settings  # noqa: E402
from ties.textutil import CJK, detect_language  # noqa: E402

GOLD = os.path.join(HERE, "..", "tests", "gold-pages", "hu-news-warc.tsv")


def gold_pages() -> list[dict]:
    with open(GOLD, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def page_types():
    settings = Settings.load()
    settings.knowledge_stages = False
    decided = {}
    t = time.perf_counter()
    n = 0
    for path in sorted(glob.glob(os.path.join(SHARED, "corpus", "hu-news-warc", "*.warc.gz"))):
        for rec in extract_file(path, settings):
            n += 1
            key = "hu-news-warc/" + rec.source_path.split("hu-news-warc/")[-1]
            decided[key] = "list" if isinstance(rec, Reject) and rec.kind == "list" else \
                ("error" if isinstance(rec, Reject) else "article")
    secs = time.perf_counter() - t
    gold = gold_pages()
    print(f"page types: {n} records of hu-news-warc read in {secs:.1f} s ({n / secs:.0f}/s, clean and metadata included)")
    for name, rows in (("all", gold), ("half B (unseen)", [r for r in gold if r["page"] >= "p116"])):
        rows = [r for r in rows if r["label"] in ("article", "list")]
        for label in ("list", "article"):
            truth = [r for r in rows if r["label"] == label]
            said = [r for r in rows if decided.get(r["source_path"]) == label]
            tp = sum(1 for r in truth if decided.get(r["source_path"]) == label)
            print(f"  {name:<16} {label:<8} gold {len(truth):>3}  recall {tp / max(len(truth), 1):.3f}  "
                  f"precision {tp / max(len(said), 1):.3f}")


# ------------------------------------------------------------------ language identification

_VI = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_LETTER = re.compile(r"[^\W\d_]")


def script_only(text: str) -> str | None:
    """The check ties used before py3langid: zh / vi / en by script alone."""
    sample = text[:4000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    if len(CJK.findall(sample)) / letters > 0.3:
        return "zh"
    if len(_VI.findall(sample)) / letters > 0.02:
        return "vi"
    return "en" if len(re.findall(r"[A-Za-z]", sample)) / letters > 0.7 else None


EXPECTED = {  # folder (or file) → the language of (nearly) all its texts
    "cctv-xwlb-json": "zh", "zaobao-realtime": "zh", "hkcnews": "zh", "baomoi-vi": "vi", "dantri-unc-vi": "vi",
    "tintuchangngay-vi": "vi", "bbc-news-en": "en", "reuters-financial-en": "en",
    "news-feeds-rss/encoding.rss": "pt", "news-feeds-rss/heise.atom": "de", "news-feeds-rss/guardian.rss": "en",
    "asia-wire-rss/yahoo_news_jp_reuters.xml": "ja", "asia-wire-rss/yahoo_news_jp_bloomberg.xml": "ja",
}


def texts_of(where: str, limit: int = 300) -> list[str]:
    settings = Settings.load()
    settings.knowledge_stages = False
    path = os.path.join(SHARED, "corpus", where)
    files = [path] if os.path.isfile(path) else sorted(glob.glob(os.path.join(path, "*")))
    out = []
    for f in files:
        if f.endswith(("MANIFEST.tsv", "README.md")):
            continue
        for rec in extract_file(f, settings):
            if not isinstance(rec, Reject) and (rec.text or rec.title):
                out.append(rec.text or rec.title)
        if len(out) >= limit:
            break
    return out[:limit]


def languages():
    print("language identification: share named as the folder's language (time per text)")
    print(f"  {'folder':<44}{'texts':>6}  {'script only':>18}  {'ties (scripts+py3langid)':>26}")
    detect_language("warm up the model")
    for where, lang in EXPECTED.items():
        texts = texts_of(where)
        row = []
        for fn in (script_only, detect_language):
            t = time.perf_counter()
            said = [fn(x) for x in texts]
            ms = (time.perf_counter() - t) / max(len(texts), 1) * 1000
            row.append(f"{sum(1 for s in said if s == lang) / max(len(texts), 1):.3f} ({ms:.2f} ms)")
        print(f"  {where:<44}{len(texts):>6}  {row[0]:>18}  {row[1]:>26}")
    gold = [r for r in gold_pages() if r["label"] == "article"]
    settings = Settings.load()
    settings.knowledge_stages = False
    texts = {}
    for path in sorted(glob.glob(os.path.join(SHARED, "corpus", "hu-news-warc", "*.warc.gz"))):
        for rec in extract_file(path, settings):
            if not isinstance(rec, Reject):
                texts["hu-news-warc/" + rec.source_path.split("hu-news-warc/")[-1]] = rec
    kept = [texts[r["source_path"]] for r in gold if r["source_path"] in texts]
    hu = [a for a in kept if "budapestbeacon" not in (a.url or "")]  # the one English site of the crawl
    print(f"  hu-news-warc article pages kept: {len(kept)}; labelled hu {sum(a.language == 'hu' for a in hu)}/{len(hu)} "
          f"(script only: {sum(script_only(a.text) == 'hu' for a in hu)}/{len(hu)})")


if __name__ == "__main__":
    which = sys.argv[1:] or ["pages", "languages"]
    if "pages" in which:
        page_types()
    if "languages" in which:
        languages()

