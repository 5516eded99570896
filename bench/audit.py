"""Blind audit: a random, seeded sample of `ties`' facts for a person to judge against the text.

    python bench/audit.py draw  [--seed 1] [--events 40] [--statements 20] [--persons 40] [--out FILE]
    python bench/audit.py show  FILE            # each fact with its evidence, for reading
    python bench/audit.py score FILE            # precision from the verdicts written into FILE

`draw` runs the full pipeline on files drawn at random from every corpus folder, and samples
bilateral events (from relevant articles), statements and persons, stratified over the folders
(round robin). Each fact is written as one JSON line with its source path, the evidence
sentence and the surrounding text, and an empty `verdict`. A judge reads the source file
itself and fills `verdict` — `right` (every field right: for an event its type, participants,
date, place and status), `partly`, `wrong`, or `invented` (nothing in the text supports it) —
and a short `why`. `score` prints, per kind and per folder, how many are right. The judged samples are kept in
`bench/audit/judged-seed*.jsonl` (facts and verdicts; the evidence text is left out).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

FOLDERS = ["cctv-xwlb-json", "zaobao-realtime", "hkcnews", "baomoi-vi", "dantri-unc-vi", "tintuchangngay-vi",
           "bbc-news-en", "reuters-financial-en"]
VERDICTS = ("right", "partly", "wrong", "invented")


def _files(folder: str) -> list[str]:
    d = os.path.join(SHARED, "corpus", folder)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if not f.startswith(("MANIFEST", "README")))


def _context(text: str, start: int, end: int, width: int = 300) -> str:
    return text[max(0, start - width):min(len(text), end + width)]


def _facts(art, folder: str):
    base = {"folder": folder, "source_path": os.path.relpath(art.source_path, os.path.join(SHARED, "corpus")),
            "title": art.title, "published": art.published, "outlet": art.outlet}
    if art.relevant:
        for e in art.events:
            if e.bilateral:
                s, t = e.offsets
                yield "event", dict(base, item={k: getattr(e, k) for k in (
                    "type", "start", "end", "participants", "location", "status")},
                    evidence=e.evidence, context=_context(art.text, s, t))
    for st in art.statements:
        s, t = st.offsets
        yield "statement", dict(base, item={"speaker": st.speaker, "text": st.text},
                                evidence=art.text[s:t], context=_context(art.text, s, t))
    for en in art.entities:
        if en.type == "person" and en.mentions:
            m = next((m for m in en.mentions if m[0] >= 0), en.mentions[0])
            s, t = max(0, m[0]), max(0, m[1])
            yield "person", dict(base, item={"name": en.name, "aliases": en.aliases[:8], "roles": en.roles[:3]},
                                 evidence=m[2], context=_context(art.text, s, t, 150))


def draw(seed: int, wanted: dict[str, int], files_per_folder: int = 40) -> list[dict]:
    """Each folder's files are read in a random order until every kind has, from that folder,
    twice its share of the sample, or `files_per_folder` files have been read (bilateral events
    are rare outside CCTV, so sparse folders are read further)."""
    from ties.pipeline import Reject, extract_file
    from ties.settings import Settings

    settings = Settings.load()
    rnd = random.Random(seed)
    pools: dict[str, dict[str, list]] = {k: defaultdict(list) for k in wanted}
    for folder in FOLDERS:
        if not os.path.isdir(os.path.join(SHARED, "corpus", folder)):
            continue
        files = _files(folder)
        rnd.shuffle(files)
        share = {k: 2 * n // len(FOLDERS) + 1 for k, n in wanted.items()}
        for path in files[:files_per_folder]:
            if all(len(pools[k][folder]) >= share[k] for k in wanted):
                break
            for art in extract_file(path, settings):
                if isinstance(art, Reject):
                    continue
                for kind, fact in _facts(art, folder):
                    pools[kind][folder].append(fact)
    out = []
    for kind, n in wanted.items():
        by_folder = {f: rnd.sample(v, len(v)) for f, v in pools[kind].items() if v}
        picked = []
        while len(picked) < n and any(by_folder.values()):
            for f in list(by_folder):
                if by_folder[f] and len(picked) < n:
                    picked.append(by_folder[f].pop())
        for i, fact in enumerate(picked):
            out.append(dict({"id": f"{kind}-{i + 1}", "kind": kind}, **fact, verdict=None, why=""))
    return out


def score(rows: list[dict]) -> str:
    lines = []
    for kind in ("event", "statement", "person"):
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        c = Counter(r.get("verdict") or "unjudged" for r in rs)
        judged = sum(c[v] for v in VERDICTS)
        lines.append(f"{kind:<10} {len(rs):>3} drawn, {judged:>3} judged: " +
                     ", ".join(f"{v} {c[v]}" for v in VERDICTS) +
                     (f"  → {c['right']}/{judged} fully right ({c['right'] / judged:.2f})" if judged else ""))
        for folder in FOLDERS:
            fr = [r for r in rs if r["folder"] == folder and r.get("verdict")]
            if fr:
                cf = Counter(r["verdict"] for r in fr)
                lines.append(f"    {folder:<22} {cf['right']}/{len(fr)} right")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--events", type=int, default=40)
    d.add_argument("--statements", type=int, default=20)
    d.add_argument("--persons", type=int, default=40)
    d.add_argument("--files-per-folder", type=int, default=300)
    d.add_argument("--out")
    for name in ("show", "score"):
        p = sub.add_parser(name)
        p.add_argument("file")
    args = ap.parse_args()
    if args.cmd == "draw":
        rows = draw(args.seed, {"event": args.events, "statement": args.statements, "person": args.persons},
                    args.files_per_folder)
        out = args.out or os.path.join(HERE, "audit", f"audit-seed{args.seed}.jsonl")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(rows)} facts → {out}")
    else:
        rows = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
        if args.cmd == "show":
            for r in rows:
                print(f"[{r['id']}] {r['source_path']}  ({r['outlet']}, {r['published']})")
                print(f"    {json.dumps(r['item'], ensure_ascii=False)}")
                print(f"    evidence: {r.get('evidence', '')[:300]}")
                print(f"    verdict: {r.get('verdict')}  {r.get('why', '')}")
        else:
            print(score(rows))


if __name__ == "__main__":
    main()
