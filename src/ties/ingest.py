"""Ingest: files → pipeline → store, in committed batches so a crash loses nothing already stored.

Unchanged files (same path, same SHA-256) are skipped after hashing; a changed file replaces
what it gave before. `ingest_paths` is what the CLI, the tests and the benchmarks call.
"""
from __future__ import annotations

import hashlib
import time
from collections import deque
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
from .store.sqlite import search_fields


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


def extract_records(path: str, data: bytes, settings: Settings) -> list:
    """The pipeline's records for one file's bytes, with each article's near-duplicate signature:
    the part of ingesting that needs no store (and runs in worker processes with --workers)."""
    out = []
    for rec in extract_bytes(path, data, settings):
        if isinstance(rec, Reject):
            out.append(rec)
            continue
        d = rec.to_dict()
        out.append((d, neardup.signature(d["text"]), bool(rec.outlet), search_fields(d)))
    return out


def write_records(store: Store, path: str, data: bytes, sha: str, records: list, report: IngestReport,
                  on_reject: Callable[[str, str], None] | None = None) -> None:
    """Write one file's records (inside the caller's transaction): its source bytes, rejects, articles."""
    source_id = store.put_source(path, sha, data)
    store.clear_source(source_id, path)
    for rec in records:
        if isinstance(rec, Reject):
            store.add_reject(path, rec.source_path, rec.reason, rec.kind)
            if rec.kind == "list":
                report.list_pages += 1
            else:
                report.rejects.append((rec.source_path, rec.reason))
            if on_reject:
                on_reject(rec.source_path, rec.reason)
            continue
        d, sig, has_outlet, fts = rec
        _, new = store.put_article(source_id, d, *(sig if sig else (None, None)), fts=fts)
        report.articles += 1
        report.new_articles += new
        report.without_outlet += not has_outlet


def store_file(store: Store, path: str, data: bytes, sha: str, settings: Settings, report: IngestReport,
               on_reject: Callable[[str, str], None] | None = None) -> None:
    """Extract one file's bytes and write the result (inside the caller's transaction)."""
    write_records(store, path, data, sha, extract_records(path, data, settings), report, on_reject)


_WORKER_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _worker_extract(job: tuple[str, bytes, str]) -> tuple[str, bytes, str, list]:
    path, data, sha = job
    return path, data, sha, extract_records(path, data, _WORKER_SETTINGS)


def _to_extract(paths, store: Store, settings: Settings, report: IngestReport, known: dict, progress, on_reject):
    """The files that need extracting, as (path, bytes, sha); unreadable and unchanged ones are
    dealt with here, in the order they are walked."""
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
        known[path] = sha
        yield path, data, sha


def ingest_paths(paths: Iterable[str], store: Store, settings: Settings, batch_seconds: float = 2.0,
                 progress=None, on_reject: Callable[[str, str], None] | None = None,
                 workers: int = 1) -> IngestReport:
    """Read PATHS into the store. With `workers` > 1 the pipeline runs in that many processes and
    this one writes what they return, in the order the files were walked: the same store as one
    process, committed every `batch_seconds` (a kill loses nothing committed)."""
    report = IngestReport()
    known = store.known_hashes()
    last_commit = time.perf_counter()
    pool = None
    if workers > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init, initargs=(settings,))
    pending: deque = deque()  # results of the worker processes, in the order the files were walked

    def write(path, data, sha, records):
        nonlocal last_commit
        write_records(store, path, data, sha, records, report, on_reject)
        if time.perf_counter() - last_commit > batch_seconds:
            store.commit()
            store.begin()
            last_commit = time.perf_counter()

    try:
        with _timed_transaction(store, report):
            for path, data, sha in _to_extract(paths, store, settings, report, known, progress, on_reject):
                if pool is None:
                    write(path, data, sha, extract_records(path, data, settings))
                    continue
                pending.append(pool.apply_async(_worker_extract, ((path, data, sha),)))
                while len(pending) >= 4 * workers:  # a bounded window: memory stays that of a few files
                    write(*pending.popleft().get())
            while pending:
                write(*pending.popleft().get())
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
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
