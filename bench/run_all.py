"""Benchmarks, run by hand (`make bench`); they print figures and ratios against peers measured
in the same run. Nothing here is pass/fail.

    python bench/run_all.py [pipeline] [throughput] [workers] [extraction] [time] [ner] [search] [memory]
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


def pipeline():
    """The full extraction pipeline per corpus folder on one core, start-up subtracted: every
    model and table is loaded once on warm-up files before the clock starts (goal 100/s)."""
    from ties.pipeline import extract_file

    settings = Settings.load()
    corpus = os.path.join(SHARED, "corpus")
    for warm in ("seeds/003_fce62a77146710a9.txt", "baomoi-vi/22255546.txt", "bbc-news-en/business_399.txt"):
        list(extract_file(os.path.join(corpus, warm), settings))
    for folder in ("cctv-xwlb-json", "zaobao-realtime", "hkcnews", "baomoi-vi", "dantri-unc-vi", "tintuchangngay-vi",
                   "bbc-news-en", "reuters-financial-en"):
        d = os.path.join(corpus, folder)
        files = sorted(os.path.join(d, f) for f in os.listdir(d) if not f.startswith(("MANIFEST", "README")))
        t = time.process_time()
        n = sum(1 for p in files for _ in extract_file(p, settings))
        cpu = time.process_time() - t
        print(f"pipeline {folder:<22} {n:>6} articles {cpu:6.1f} s CPU  {n / cpu:7.0f} articles/s/core (goal 100)")


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
        try:  # the cases state their reference time in local time as well, or as a date's parts
            if isinstance(tb, list):
                ref = dt.date(*(list(tb[:3]) + [1, 1, 1])[:3])
            elif isinstance(tb, dict):
                ref = dt.date(tb.get("year", 2000), tb.get("month", 1), tb.get("day", 1))
            else:
                ref = dt.date.fromisoformat(str(c.get("time_base_local"))[:10])
        except (ValueError, TypeError):
            continue
        exp = c["expected"]
        if exp.get("type") not in ("time_point", "time_span") or not isinstance(exp.get("time"), list):
            continue
        tried += 1
        got = timeexpr.resolve(c["text"], ref, spans=True)
        if got and got[0].isoformat() == exp["time"][0][:10] and got[1].isoformat() == exp["time"][1][:10]:
            ok += 1
    print(f"cn-time-normalization  ties day-level agreement {ok}/{tried} = {ok / max(tried, 1):.3f} "
          "(points and spans; ties resolves the day-level forms of news text, not quarters, seasons or weeks)")
    os.environ["TZ"] = "Asia/Shanghai"  # JioNLP reads integer time bases in local time, as its cases assume
    time.tzset()
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


def event_dates():
    """Event dates of our blind gold and the dev gold, side by side: ties's events stage (running
    date of the report) against JioNLP's extract_time on the same evidence sentence with the
    publication time as base (its first day-level time). Counted over gold events with a start
    date whose ties event (same type and participants) was found."""
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import contextlib
    import io

    from score import Aliases, event_matches, fold  # the scorer's own matching rules
    from ties.pipeline import Reject, extract_file

    settings = Settings.load()
    golds = []
    for d in (os.path.join(HERE, "..", "tests", "gold"), os.path.join(SHARED, "gold", "dev")):
        golds += [json.load(open(os.path.join(d, f), encoding="utf-8")) for f in sorted(os.listdir(d)) if f.endswith(".json")]
    with contextlib.redirect_stdout(io.StringIO()):  # JioNLP prints a banner on import
        try:
            import jionlp as jio
        except ImportError:
            jio = None
    ties_ok = jio_ok = n = n_zh = ties_zh = 0
    for g in golds:
        path = os.path.join(SHARED, "corpus", g["path"].split("#")[0])
        art = next((a for a in extract_file(path, settings) if not isinstance(a, Reject)
                    and a.source_path.split("corpus/")[-1] in (g["path"], path.split("corpus/")[-1]) and
                    (("#" not in g["path"]) or a.source_path.endswith("#" + g["path"].split("#")[1]))), None)
        if art is None:
            continue
        pred = art.to_dict()
        aliases = Aliases(pred["entities"])
        forms = {fold(x): names for names in g.get("persons", []) + g.get("persons_optional", []) for x in names}
        for ge in g.get("events", []):
            if not ge.get("start"):
                continue
            loose = dict(ge, start=None, end=None)
            hit = next((e for e in pred["events"] if event_matches(loose, e, aliases, forms)), None)
            if hit is None:
                continue
            n += 1
            ties_ok += (hit.get("start") or "")[:10] == ge["start"]
            if jio and art.published and re.search(r"[\u4e00-\u9fff]", hit["evidence"]):
                n_zh += 1
                ties_zh += (hit.get("start") or "")[:10] == ge["start"]
                base = time.mktime(dt.datetime.fromisoformat(art.published[:10] + "T12:00:00").timetuple())
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        found = jio.ner.extract_time(hit["evidence"], time_base=base)
                    day = next((t["detail"]["time"][0][:10] for t in found
                                if isinstance(t.get("detail", {}).get("time"), list)), None)
                except Exception:
                    day = None
                jio_ok += day == ge["start"]
    print(f"event dates (gold events with a date, found by ties): ties {ties_ok}/{n}; on the {n_zh} with "
          f"Chinese evidence and a publication date: ties {ties_zh}/{n_zh}"
          + (f", JioNLP extract_time on the same sentences {jio_ok}/{n_zh}" if jio else ", JioNLP not installed"))


def workers(folders=("hkcnews", "baomoi-vi", "dantri-unc-vi")):
    """`ingest --workers N` against one process, on the same files, in the same run: the curve."""
    from ties.pipeline import extract_file

    settings = Settings.load()
    paths = [os.path.join(SHARED, "corpus", f) for f in folders]
    for warm in ("seeds/003_fce62a77146710a9.txt", "baomoi-vi/22255546.txt", "bbc-news-en/business_399.txt"):
        list(extract_file(os.path.join(SHARED, "corpus", warm), settings))  # models loaded before any clock starts
    base = None
    for n in range(1, (os.cpu_count() or 1) + 1):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_store(os.path.join(tmp, "w.db"))
            t = time.perf_counter()
            r = ingest_paths(paths, db, settings, workers=n)
            wall = time.perf_counter() - t
            db.close()
        base = base or wall
        print(f"ingest --workers {n}: {r.articles} articles in {wall:5.1f} s  {r.articles / wall:6.0f} articles/s  "
              f"{base / wall:4.2f}x one process (goal 1.8x on 2 cores)")


def build_store(path: str, n_target: int = 100_000, workdir: str | None = None):
    """A store of n_target articles: the CCTV files copied, every sentence of a copy marked with its
    number so that no copy is a duplicate of another (metadata and text; knowledge stages off)."""
    settings = Settings.load()
    settings.knowledge_stages = False
    db = open_store(path)
    src = os.path.join(SHARED, "corpus", "cctv-xwlb-json")
    files = sorted(os.listdir(src))
    copies = 0
    work = workdir or os.path.dirname(path)
    while db.db.execute("SELECT count(*) FROM articles").fetchone()[0] < n_target:
        d = os.path.join(work, f"copy{copies}")
        os.makedirs(d)
        for name in files:
            if name.endswith(".json"):
                text = open(os.path.join(src, name), encoding="utf-8").read()
                open(os.path.join(d, name), "w", encoding="utf-8").write(text.replace("。", f"。{copies} "))
        ingest_paths([d], db, settings)
        copies += 1
    return db


def search(n_target: int = 100_000):
    """Search latency at n_target articles (see build_store)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(os.path.join(tmp, "s.db"), n_target)
        n = db.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        lat = []
        for q in ["越南", "南海", "习近平 越南", "中越 贸易", "全面战略合作伙伴关系", "Biển Đông", "经济"] * 10:
            t = time.perf_counter()
            db.search(q, limit=10)
            lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        print(f"search at {n} articles: p50 {lat[len(lat) // 2]:.1f} ms  p95 {lat[int(len(lat) * 0.95)]:.1f} ms (goal p95 < 50)")


def _bio_sentences(path: str, sep: str | None):
    sent, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if sent:
                yield "".join(sent), tags
            sent, tags = [], []
            continue
        ch, _, tag = line.partition(sep) if sep else line.partition(" ")
        sent.append(ch or " ")
        tags.append(tag.strip() or "O")
    if sent:
        yield "".join(sent), tags


def _spans(tags):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, t[2:]) if t.startswith(("B-", "I-")) else (None, None)
    return out


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ner(limit: int = 3442):
    """People/places/organizations on MSRA test (character BIO, exact span + type), ties's
    entities stage (one Article per sentence) beside jieba posseg (nr/ns/nt), in one run."""
    from ties.model import Article
    from ties.stages import entities

    kind = {"person": "PER", "place": "LOC", "country": "LOC", "organization": "ORG"}
    sets = [("msra", os.path.join(SHARED, "bench", "cn-ner", "msra", "msra_test_bio.txt"), "\t"),
            ("peoples-daily", os.path.join(SHARED, "bench", "cn-ner", "peoples-daily", "example.test"), " ")]
    for name, path, sep in sets:
        data = list(_bio_sentences(path, sep))[:limit]
        systems = {"ties": Counter(), "jieba-posseg": Counter()}
        per_type = {k: {t: Counter() for t in ("PER", "LOC", "ORG")} for k in systems}
        secs = {}
        t0 = time.perf_counter()
        preds_t = []
        for text, _ in data:
            art = Article(source_path="", title="", text=text, language="zh")
            preds_t.append({(a, b, kind[e.type]) for e in entities.find(art) for a, b, _ in e.mentions
                            if e.type in kind and a >= 0})
        secs["ties"] = time.perf_counter() - t0
        try:
            import jieba.posseg as pseg
            jieba_kind = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
            t0 = time.perf_counter()
            preds_j = []
            for text, _ in data:
                pos, spans = 0, set()
                for w in pseg.cut(text):
                    if w.flag in jieba_kind:
                        spans.add((pos, pos + len(w.word), jieba_kind[w.flag]))
                    pos += len(w.word)
                preds_j.append(spans)
            secs["jieba-posseg"] = time.perf_counter() - t0
        except ImportError:
            preds_j = None
            print("cn-ner  jieba not installed (pip install '.[bench]')")
        for sysname, preds in (("ties", preds_t), ("jieba-posseg", preds_j)):
            if preds is None:
                continue
            for (_, tags), pred in zip(data, preds):
                gold = _spans(tags)
                for t in ("PER", "LOC", "ORG"):
                    g = {x for x in gold if x[2] == t}
                    p = {x for x in pred if x[2] == t}
                    per_type[sysname][t].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
            tot = sum(per_type[sysname].values(), Counter())
            p, r, f = _prf(tot["tp"], tot["fp"], tot["fn"])
            by = "  ".join(f"{t} {_prf(c['tp'], c['fp'], c['fn'])[2]:.3f}" for t, c in per_type[sysname].items())
            print(f"cn-ner {name:<13} {sysname:<13} P {p:.3f} R {r:.3f} F1 {f:.3f}  ({by})  "
                  f"{len(data) / secs[sysname]:8.0f} sentences/s")


def memory(sizes=(1_000, 10_000, 30_000)):
    """Peak memory (max RSS) of one `ties ingest` run, full pipeline, over 1,000 to 30,000 files:
    hkcnews posts copied with a marker in every sentence so that no copy is a duplicate."""
    import resource
    import subprocess

    src = os.path.join(SHARED, "corpus", "hkcnews")
    posts = [open(os.path.join(src, n), encoding="utf-8").read() for n in sorted(os.listdir(src)) if n.endswith(".md")]
    ties = os.path.join(os.path.dirname(sys.executable), "ties")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "files")
            os.makedirs(folder)
            for i in range(n):
                text = posts[i % len(posts)].replace("。", f"。{i // len(posts)} ")
                open(os.path.join(folder, f"p{i}.md"), "w", encoding="utf-8").write(text)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t = time.perf_counter()
            subprocess.run([ties, "ingest", "--db", os.path.join(tmp, "m.db"), folder], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            shown = f"{peak / 1024:6.0f} MB" if peak > before else f"≤ {peak / 1024:4.0f} MB (the earlier run's peak)"
            print(f"memory ingest {n:>6} files: peak RSS {shown}  {n / wall:6.0f} files/s wall")


if __name__ == "__main__":
    which = sys.argv[1:] or ["pipeline", "throughput", "workers", "extraction", "time", "dates", "ner", "search", "memory"]
    for w in which:
        {"pipeline": pipeline, "throughput": throughput, "workers": workers, "extraction": extraction,
         "time": time_normalization, "dates": event_dates, "ner": ner,
         "search": search, "memory": memory}[w]()
