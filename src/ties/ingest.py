"""Ingest: files → pipeline → store, in committed batches so a crash loses nothing already stored.

Unchanged files (same path, same SHA-256) are skipped after hashing; a changed file replaces
what it gave before. `ingest_paths` is what the CLI, the tests and the benchmarks call.
"""
from __future__ import annotations

import hashlib
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import neardup, readers
from .errors import UnreadableFile
from .files import display_path, walk
from .pipeline import Reject, extract_bytes
from .settings import Settings
from .store import Store


@dataclass
class IngestReport:
    files: int = 0
    unchanged: int = 0
    changed: int = 0
    articles: int = 0
    new_articles: int = 0
    without_outlet: int = 0   # articles whose outlet neither the file, its folder nor ties.toml names
    rejects: list[tuple[str, str]] = field(default_factory=list)
    list_pages: int = 0       # web pages that list other pages (section fronts, archives), set aside
    seconds: float = 0.0

    def to_dict(self) -> dict:
        d = self.__dict__.copy()
        d["rejects"] = [{"path": p, "reason": r} for p, r in self.rejects]
        return d


def store_file(store: Store, path: str, data: bytes, sha: str, settings: Settings, report: IngestReport,
               on_reject: Callable[[str, str], None] | None = None) -> None:
    """Extract one file's bytes and write the result (inside the caller's transaction)."""
    source_id = store.put_source(path, sha, data)
    store.clear_source(source_id, path)
    for rec in extract_bytes(path, data, settings):
        if isinstance(rec, Reject):
            store.add_reject(path, rec.source_path, rec.reason, rec.kind)
            if rec.kind == "list":
                report.list_pages += 1
            else:
                report.rejects.append((rec.source_path, rec.reason))
            if on_reject:
                on_reject(rec.source_path, rec.reason)
            continue
        d = rec.to_dict()
        sig = neardup.signature(d["text"])
        _, new = store.put_article(source_id, d, *(sig if sig else (None, None)))
        report.articles += 1
        report.new_articles += new
        report.without_outlet += not rec.outlet


def ingest_paths(paths: Iterable[str], store: Store, settings: Settings, batch_seconds: float = 2.0,
                 progress=None, on_reject: Callable[[str, str], None] | None = None) -> IngestReport:
    report = IngestReport()
    known = store.known_hashes()
    last_commit = time.perf_counter()
    with _timed_transaction(store, report):
        for real_path in walk(paths):
            report.files += 1
            if progress:
                progress(report)
            path = display_path(real_path)  # what the store keeps and messages show
            try:
                data = readers.read_bytes(real_path, settings.max_bytes)
            except UnreadableFile as e:
                if known.get(path) is None:  # a file seen before and now unreadable keeps what it gave
                    store.db.execute("DELETE FROM rejects WHERE path=?", (path,))
                    store.add_reject(path, path, str(e))
                report.rejects.append((path, str(e)))
                if on_reject:
                    on_reject(path, str(e))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if known.get(path) == sha:
                report.unchanged += 1
                continue
            if path in known:
                report.changed += 1
            store_file(store, path, data, sha, settings, report, on_reject)
            known[path] = sha
            if time.perf_counter() - last_commit > batch_seconds:
                store.commit()
                store.begin()
                last_commit = time.perf_counter()
    return report


@contextmanager
def _timed_transaction(store: Store, report: IngestReport) -> Iterator[None]:
    """One write transaction (committed at the end, rolled back on any error or interrupt),
    its duration kept in the report."""
    t0 = time.perf_counter()
    store.begin()
    try:
        yield
        store.commit()
    except BaseException:
        store.rollback()
        raise
    finally:
        report.seconds = time.perf_counter() - t0


def reextract(store: Store, settings: Settings, progress=None) -> IngestReport:
    """Re-run the pipeline on every stored source's bytes (after an upgrade); no source file needed."""
    report = IngestReport()
    rows = store.db.execute("SELECT id, path FROM sources ORDER BY id").fetchall()
    with _timed_transaction(store, report):
        for sid, path in rows:
            report.files += 1
            if progress:
                progress(report)
            raw = store.db.execute("SELECT raw, sha256 FROM sources WHERE id=?", (sid,)).fetchone()
            store_file(store, path, zlib.decompress(raw[0]), raw[1], settings, report)
        store.db.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_reports)")
    return report
