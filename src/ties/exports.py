"""Exports of the store: articles, events, a GDELT-like event table, entities, statements, figures,
as JSON Lines or CSV (`ties export`). Rows come from the store's query layer; writing is the only I/O."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator

BATCH = 1000


def rows_for(store, what: str, filters: dict) -> Iterator[dict]:
    if what == "articles":
        yield from _articles(store, filters)
    elif what in ("events", "gdelt"):
        yield from (_gdelt_rows(e) if what == "gdelt" else [e] for e in _events(store, filters))
    elif what == "entities":
        offset = 0
        while True:
            rows, _total = store.entities(limit=BATCH, offset=offset)
            yield from rows
            if len(rows) < BATCH:
                break
            offset += BATCH
    elif what == "statements":
        yield from (dict(r) for r in store.db.execute(
            "SELECT s.article_id, a.published, a.outlet, s.speaker, s.text FROM statements s "
            "JOIN articles a ON a.id = s.article_id ORDER BY a.published, s.article_id"))
    elif what == "figures":
        yield from (dict(r) for r in store.db.execute(
            "SELECT f.*, a.published, a.outlet FROM figures f JOIN articles a ON a.id = f.article_id "
            "ORDER BY a.published, f.article_id"))


def _flatten(rows):
    for r in rows:
        if isinstance(r, list):
            yield from r
        else:
            yield r


def _articles(store, filters: dict) -> Iterator[dict]:
    offset = 0
    while True:
        rows, _total = store.articles(outlet=filters.get("outlet"), since=filters.get("since"),
                                      until=filters.get("until"), relevant=filters.get("relevant"),
                                      limit=BATCH, offset=offset)
        for r in rows:
            art = store.article(r["id"]) or {}
            yield {"id": r["id"], **{k: art.get(k) for k in ("title", "published", "outlet", "url", "authors", "language",
                                                              "relevant", "topics", "text")}}
        if len(rows) < BATCH:
            return
        offset += BATCH


def _events(store, filters: dict) -> Iterator[dict]:
    offset = 0
    while True:
        rows = store.events(limit=BATCH, offset=offset, **filters)
        yield from rows
        if len(rows) < BATCH:
            return
        offset += BATCH


def _gdelt_rows(e: dict) -> list[dict]:
    """One row per report: date, the first two participants as actors, CAMEO and PLOVER codes,
    place, the report's outlet, article and evidence sentence."""
    people = e["participants"]
    return [{"event_id": e["id"], "date": e["start"], "end": e["end"], "actor1": people[0] if people else None,
             "actor2": people[1] if len(people) > 1 else None, "others": "; ".join(people[2:]),
             "type": e["type"], "cameo": e["cameo"], "plover": e["plover"], "location": e["location"],
             "status": e["status"], "bilateral": bool(e["bilateral"]), "outlet": r["outlet"],
             "article_id": r["article_id"], "published": r["published"], "evidence": r["evidence"]}
            for r in e["reports"]]


def write(rows: Iterable, fmt: str, out: str | None, stream=None) -> int:
    """Write rows (dicts; lists of dicts are flattened) as JSON Lines or CSV to the file `out`,
    or to `stream` (standard output by default); returns how many."""
    f = open(out, "w", encoding="utf-8", newline="") if out else (stream or sys.stdout)
    n = 0
    try:
        writer = None
        for row in _flatten(rows):
            if fmt == "jsonl":
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                flat = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                        for k, v in row.items()}
                if writer is None:
                    writer = csv.DictWriter(f, fieldnames=list(flat), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(flat)
            n += 1
    finally:
        if out:
            f.close()
    return n
