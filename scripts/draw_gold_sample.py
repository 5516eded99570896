"""Draw the articles for our own blind gold, seeded, so the draw can be checked and repeated.

    python scripts/draw_gold_sample.py [--seed 2026] [--out DIR] [--both N --any M] [--english]

For each corpus folder, a fixed number of items (articles, or `PATH#N` items of a daily
feed file) is drawn at random: most from items that name both countries (the ones events
and statements are about), one or two from any item (so irrelevant articles are in the
gold too). Items already in `../shared/gold/` or `tests/gold/` are left out. The list goes
to standard output as `path<TAB>kind`; with `--out`, each item's raw source (the file, or the
item's JSON object) is written there for an annotator who must not see `ties`' output.

The gold is annotated from these sources before `ties` is run on them; it is never edited to
match output (a real annotation error is fixed in its own commit that says why).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus")

# folder → (items naming both countries, items drawn from anything)
PLAN = {
    "cctv-xwlb-json": (6, 1),
    "zaobao-realtime": (5, 1),
    "hkcnews": (5, 1),
    "baomoi-vi": (5, 1),
    "dantri-unc-vi": (5, 1),
    "tintuchangngay-vi": (5, 1),
    "bbc-news-en": (2, 1),
}
# the English set (issue #11): the wire folder's relevance calls are the hard ones
PLAN_ENGLISH = {
    "reuters-financial-en": (20, 4),
    "bbc-news-en": (2, 6),
}
ZH_BOTH = (re.compile(r"越南|越共|河内|河內"), re.compile(r"中国|中國|中方|北京|习近平|習近平|中共|中越"))
VI_BOTH = (re.compile(r"Việt Nam|Biển Đông|Hà Nội"), re.compile(r"Trung Quốc|Bắc Kinh|Tập Cận Bình"))
EN_BOTH = (re.compile(r"Vietnam|Viet Nam|Hanoi"), re.compile(r"China|Chinese|Beijing"))


def _names_both(text: str, folder: str) -> bool:
    a, b = ZH_BOTH if folder in ("cctv-xwlb-json", "zaobao-realtime", "hkcnews") else (
        EN_BOTH if folder.endswith("-en") else VI_BOTH)
    return bool(a.search(text) and b.search(text))


def _items(folder: str):
    """(path relative to the corpus, raw source text) of every item in a folder."""
    d = os.path.join(CORPUS, folder)
    for name in sorted(os.listdir(d)):
        if name.startswith(("MANIFEST", "README")):
            continue
        p = os.path.join(d, name)
        raw = open(p, "rb").read().decode("utf-8", errors="replace")
        if folder == "cctv-xwlb-json":
            for i, v in enumerate(json.loads(raw).get("videoList") or []):
                content = (v.get("video_detail") or {}).get("content") or ""
                if len(content) > 80:
                    yield f"{folder}/{name}#{i}", json.dumps(v, ensure_ascii=False, indent=1)
        elif folder in ("zaobao-realtime", "tintuchangngay-vi"):
            for i, v in enumerate(json.loads(raw)):
                yield f"{folder}/{name}#{i}", json.dumps(v, ensure_ascii=False, indent=1)
        else:
            yield f"{folder}/{name}", raw


def _already_gold() -> set[str]:
    seen = set()
    for d in (os.path.join(SHARED, "gold", "dev"), os.path.join(SHARED, "gold", "examples"),
              os.path.join(ROOT, "tests", "gold"), os.path.join(ROOT, "tests", "gold-heldout")):
        if not os.path.isdir(d):
            continue
        for n in os.listdir(d):
            if n.endswith(".json"):
                try:
                    seen.add(json.load(open(os.path.join(d, n), encoding="utf-8"))["path"])
                except (ValueError, KeyError):
                    pass
    return seen


def draw(seed: int, n_both_each: int | None = None, n_any_each: int | None = None,
         plan: dict | None = None) -> list[tuple[str, str, str]]:
    """The drawn items; `n_both_each`/`n_any_each` replace the plan's counts in every folder when given."""
    rnd = random.Random(seed)
    taken = _already_gold()
    out = []
    for folder, (n_both, n_any) in (plan or PLAN).items():
        n_both = n_both if n_both_each is None else n_both_each
        n_any = n_any if n_any_each is None else n_any_each
        items = [(p, raw) for p, raw in _items(folder) if p not in taken]
        both = [x for x in items if _names_both(x[1], folder)]
        pick = rnd.sample(both, min(n_both, len(both)))
        rest = [x for x in items if x not in pick]
        pick += rnd.sample(rest, min(n_any, len(rest)))
        for p, raw in pick:
            out.append((p, "both" if _names_both(raw, folder) else "any", raw))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", help="folder for the raw sources of the drawn items")
    ap.add_argument("--both", type=int, help="items naming both countries per folder (default: the plan)")
    ap.add_argument("--any", type=int, dest="any_", help="items drawn from anything per folder (default: the plan)")
    ap.add_argument("--english", action="store_true", help="draw the English set (Reuters, BBC) instead")
    args = ap.parse_args()
    plan = PLAN_ENGLISH if args.english else PLAN
    for path, kind, raw in draw(args.seed, args.both, args.any_, plan):
        print(f"{path}\t{kind}")
        if args.out:
            os.makedirs(args.out, exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", path) + ".txt"
            with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
                f.write(raw)


if __name__ == "__main__":
    main()
