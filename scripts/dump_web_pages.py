"""Dump the HTML pages of web archives under neutral names, for labelling page types blind.

    python scripts/dump_web_pages.py ../shared/corpus/hu-news-warc --seed 12 --out DIR

Every HTML response record of every WARC file under the folder is written to DIR/pNNN.html
(numbered in a seeded random order, so that neither the archive's file name nor the record's
place in it shows), with DIR/pages.tsv (page, url) for the labeller and DIR/key.tsv
(page, source path) kept for scoring. Labels go to a TSV of (page, url, label) where label is
`article` or `list`; `bench/page_types.py` scores `ties`' decision against it.
"""
from __future__ import annotations

import argparse
import io
import pathlib
import random

from warcio.archiveiterator import ArchiveIterator


def html_records(folder: pathlib.Path):
    for path in sorted(folder.rglob("*.warc*")):
        with open(path, "rb") as f:
            for n, rec in enumerate(ArchiveIterator(io.BytesIO(f.read()))):
                if rec.rec_type != "response" or not rec.http_headers:
                    continue
                if "html" not in (rec.http_headers.get_header("Content-Type") or ""):
                    continue
                yield f"{path.relative_to(folder.parent)}#{n}", rec.rec_headers.get_header("WARC-Target-URI"), \
                    rec.content_stream().read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", type=pathlib.Path, required=True)
    args = ap.parse_args()
    records = list(html_records(args.folder))
    random.Random(args.seed).shuffle(records)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "pages.tsv", "w") as pages, open(args.out / "key.tsv", "w") as key:
        pages.write("page\turl\n")
        key.write("page\tsource_path\turl\n")
        for i, (source, url, body) in enumerate(records):
            name = f"p{i:03d}"
            (args.out / f"{name}.html").write_bytes(body)
            pages.write(f"{name}\t{url}\n")
            key.write(f"{name}\t{source}\t{url}\n")
    print(f"{len(records)} pages written to {args.out}")


if __name__ == "__main__":
    main()
