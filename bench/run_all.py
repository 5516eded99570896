"""Benchmarks, run by hand (`make bench`); they print figures and ratios against peers measured
in the same run. Nothing here is pass/fail.

    python bench/run_all.py [throughput] [extraction] [time] [search]
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from ties.ingest import ingest_paths  # noqa: E402
from ties.settings import Settings  # noqa: E402
from ties.store import open_store  # noqa: E402


def throughput():
    settings = Settings.load()
    for folder in ("cctv-xwlb-json", "hkcnews", "dantri-unc-vi", "zaobao-realtime"):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_store(os.path.join(tmp, "b.db"))
            t = time.process_time()
            r = ingest_paths([os.path.join(SHARED, "corpus", folder)], db, settings)
            cpu = time.process_time() - t
            t = time.perf_counter()
            r2 = ingest_paths([os.path.join(SHARED, "corpus", folder)], db, settings)
            wall = time.perf_counter() - t
            print(f"ingest {folder:<18} {r.articles:>6} articles  {r.articles / cpu:8.0f} articles/s/core (goal 200; "
                  f"full pipeline goal 100)   unchanged re-ingest {r2.unchanged / wall:8.0f} files/s (goal 5000)")


def _tokens(s):
    return re.findall(r"\w+", s or "")


def _shingle_prf(true, pred):
    def sh(toks):
        return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)))
    t, p = sh(_tokens(true)), sh(_tokens(pred))
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    tot = tp + fp + fn or 1
    tp, fp, fn = tp / tot, fp / tot, fn / tot
    prec = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec


def extraction():
    """article-extraction-benchmark, its own rule (4-gram shingles, per-page P/R, F1 of means)."""
    import trafilatura
    from ties.model import RawDoc
    from ties.stages import clean

    base = os.path.join(SHARED, "bench", "article-extraction-benchmark")
    truth = json.load(open(os.path.join(base, "ground-truth.json"), encoding="utf-8"))
    systems = {"ties": lambda html: clean.run(RawDoc("x", "html", None, html, "page", {"url": None})).text,
               "trafilatura": lambda html: trafilatura.extract(html, include_comments=False) or ""}
    try:
        from readability import Document
        import lxml.html
        systems["readability-lxml"] = lambda html: lxml.html.fromstring(Document(html).summary()).text_content()
    except ImportError:
        pass
    for name, fn in systems.items():
        ps, rs = [], []
        t = time.process_time()
        for pid, gt in truth.items():
            with gzip.open(os.path.join(base, "html", pid + ".html.gz"), "rt", encoding="utf-8", errors="replace") as f:
                html = f.read()
            try:
                out = fn(html)
            except Exception:
                out = ""
            p, r = _shingle_prf(gt["articleBody"], out)
            ps.append(p)
            rs.append(r)
        cpu = time.process_time() - t
        P, R = statistics.mean(ps), statistics.mean(rs)
        print(f"article-extraction-benchmark  {name:<18} F1 {2 * P * R / (P + R):.3f}  P {P:.3f}  R {R:.3f}  "
              f"{len(truth) / cpu:.0f} pages/s")


def time_normalization():
    """JioNLP's own parse_time cases: does ties's resolver give the same start/end day?"""
    from ties import timeexpr

    cases = [json.loads(x) for x in open(os.path.join(SHARED, "bench", "cn-time-normalization",
                                                      "jionlp_time_parser_cases.jsonl"), encoding="utf-8")]
    ok = tried = 0
    for c in cases:
        tb = c["time_base"]
        if isinstance(tb, int):
            ref = dt.datetime.fromtimestamp(tb, dt.timezone(dt.timedelta(hours=8))).date()
        elif isinstance(tb, list):
            ref = dt.date(*tb[:3])
        else:
            continue
        exp = c["expected"]
        if exp.get("type") not in ("time_point", "time_span") or not isinstance(exp.get("time"), list):
            continue
        tried += 1
        got = timeexpr.resolve(c["text"], ref)
        if got and got[0].isoformat() == exp["time"][0][:10] and got[1].isoformat() == exp["time"][1][:10]:
            ok += 1
    print(f"cn-time-normalization  ties day-level agreement {ok}/{tried} = {ok / max(tried, 1):.3f} "
          "(JioNLP passes its own cases: 0.974 exact per BASELINES.md; run jionlp here to compare in one run)")
    try:
        import jionlp as jio
        good = 0
        for c in cases:
            try:
                res = jio.parse_time(c["text"], time_base=c["time_base"], **c.get("kwargs", {}))
                good += res == c["expected"]
            except Exception:
                pass
        print(f"cn-time-normalization  JioNLP exact {good}/{len(cases)}")
    except ImportError:
        print("cn-time-normalization  JioNLP not installed (pip install '.[bench]')")


def search(n_target: int = 100_000):
    """Search latency at n_target articles, the corpus replicated with varied ids."""
    settings = Settings.load()
    settings.knowledge_stages = False
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(os.path.join(tmp, "s.db"))
        src = os.path.join(SHARED, "corpus", "cctv-xwlb-json")
        files = sorted(os.listdir(src))
        copies = 0
        while db.db.execute("SELECT count(*) FROM articles").fetchone()[0] < n_target:
            d = os.path.join(tmp, f"copy{copies}")
            os.makedirs(d)
            for name in files:
                if name.endswith(".json"):
                    text = open(os.path.join(src, name), encoding="utf-8").read()
                    open(os.path.join(d, name), "w", encoding="utf-8").write(text.replace("。", f"。{copies}", 1))
            ingest_paths([d], db, settings)
            copies += 1
        n = db.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        lat = []
        for q in ["越南", "南海", "习近平 越南", "中越 贸易", "全面战略合作伙伴关系", "Biển Đông", "经济"] * 10:
            t = time.perf_counter()
            db.search(q, limit=10)
            lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        print(f"search at {n} articles: p50 {lat[len(lat) // 2]:.1f} ms  p95 {lat[int(len(lat) * 0.95)]:.1f} ms (goal p95 < 50)")


if __name__ == "__main__":
    which = sys.argv[1:] or ["throughput", "extraction", "time", "search"]
    for w in which:
        {"throughput": throughput, "extraction": extraction, "time": time_normalization, "search": search}[w]()
