"""The `ties` command line: thin commands over the library (pipeline, ingest, store, search)."""
from __future__ import annotations

import json
import os
import re
import sys

import click
from contextlib import contextmanager

from .settings import Settings


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(s: str) -> str:
    """Text from articles as a terminal may show it: control characters and escape sequences
    (ESC]0;…BEL, CSI) removed, so a title cannot retitle the window or move the cursor."""
    return _CONTROL.sub("", s)


def echo(message="", **kw) -> None:
    """Everything the CLI prints goes through here."""
    click.echo(safe_text(str(message)), **kw)


def _settings(outlet=None, lang=None, timezone=None, max_bytes=None, pair=None) -> Settings:
    return Settings.load(outlet=outlet, lang=lang, timezone=timezone, max_bytes=max_bytes, pair=pair)


def default_db() -> str:
    return os.environ.get("TIES_DB", "ties.db")


def source_options(f):
    """Options shared by the commands that read files."""
    f = click.option("--outlet", help="Outlet to assume where a file does not name one.")(f)
    f = click.option("--lang", help="Language (ISO 639-1) to assume where it cannot be detected.")(f)
    f = click.option("--timezone", help="Time zone (e.g. Asia/Ho_Chi_Minh) of dates that do not say.")(f)
    f = click.option("--max-bytes", type=int, help="Refuse files larger than this (default 40 MB).")(f)
    f = click.option("--pair", help="Country pair for `relevant`, e.g. 'China,Vietnam'.")(f)
    return f


def db_option(f):
    return click.option("--db", "db_path", default=None, help="SQLite store (default ./ties.db or $TIES_DB).")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ties")
def cli():
    """ties: news on bilateral relations turned into clean, dated, searchable records."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, default=True, help="JSON Lines output (the default and only format).")
@click.option("--no-knowledge", is_flag=True, help="Skip entities, events, statements, topics, figures.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Processes that run the pipeline (default: this machine's cores); the output keeps the files' order.")
@source_options
def extract(paths, as_json, no_knowledge, workers, **opts):
    """Write one JSON object per article found in PATHS (files or folders) to standard output."""
    from .files import walk
    from .pipeline import extract_records_of_file

    settings = _settings(**opts)
    settings.knowledge_stages = not no_knowledge
    files = list(walk(paths))
    n = min(workers or os.cpu_count() or 1, max(1, len(files) // 4))
    pool = None
    if n > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(n)
        results = pool.imap(extract_records_of_file, [(f, settings) for f in files], chunksize=4)
    else:
        results = (extract_records_of_file((f, settings)) for f in files)
    ok = 0
    out = sys.stdout
    first_of: dict[str, str] = {}  # a feed that repeats a story: later copies say which one they repeat
    try:
        for records in results:
            for d, reject_line, key in records:
                if reject_line:
                    echo(reject_line, err=True)
                else:
                    ok += 1
                    if key in first_of:
                        d["duplicate_of"] = first_of[key]
                    else:
                        first_of[key] = d["source_path"]
                out.write(json.dumps(d, ensure_ascii=False))
                out.write("\n")
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    sys.exit(0 if ok else 1)


class _Progress:
    """Progress of long work on standard error: a bar on a terminal; without one (CI, nohup), one
    plain line about every 10 s."""

    def __init__(self, total: int | None, label: str, every: float = 10.0):
        import time

        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="file", desc=label, disable=None, file=sys.stderr, leave=False)
        self.seen = 0
        self.total, self.label, self.every = total, label, every
        self.clock = time.monotonic
        self.started = self.last = self.clock()
        self.plain = not sys.stderr.isatty()

    def __call__(self, report):
        step = report.files - self.seen
        self.seen = report.files
        self.bar.update(step)
        self.bar.set_postfix(articles=report.articles, errors=len(report.rejects), refresh=False)
        now = self.clock()
        if self.plain and now - self.last >= self.every:
            self.last = now
            of = f"/{self.total}" if self.total else ""
            echo(f"{self.label}: {report.files}{of} files, {report.articles} articles, {len(report.rejects)} errors, "
                 f"{report.files / max(now - self.started, 1e-9):.0f} files/s", err=True)

    def close(self):
        self.bar.close()


def _with_progress(store, total: int, label: str, job):
    """Run job(store, bar) with a progress bar; the bar and the store are closed however it ends."""
    bar = _Progress(total, label)
    try:
        return job(store, bar)
    finally:
        bar.close()
        store.close()


def _open(db_path, read_only: bool = False):
    """The store; commands that only read open it read-only, so they never write to it."""
    from .store import open_store

    return open_store(db_path or default_db(), read_only=read_only)


@contextmanager
def _reading(db_path):
    """The store opened read-only for a command that only reads it, closed whatever happens."""
    store = _open(db_path, read_only=True)
    try:
        yield store
    finally:
        store.close()


def _echo_reject(path, reason):
    echo(f"{path}: {reason}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the run's summary as JSON.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Processes that run the pipeline (default: this machine's cores); one writes the store.")
@source_options
def ingest(paths, db_path, as_json, workers, **opts):
    """Read PATHS into the store: articles, their source bytes, rejects, near-duplicates, knowledge."""
    from .files import walk
    from .ingest import ingest_paths

    settings = _settings(**opts)
    files = list(walk(paths))
    n = workers or os.cpu_count() or 1
    report = _with_progress(_open(db_path), len(files), "ingest",
                            lambda store, bar: ingest_paths(files, store, settings, progress=bar, on_reject=_echo_reject,
                                                            workers=n))
    if as_json:
        echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        rate = report.files / report.seconds if report.seconds else 0
        echo(f"{report.files} files ({report.unchanged} unchanged, {report.changed} changed), "
                   f"{report.articles} articles read, {report.new_articles} new, {len(report.rejects)} rejected, "
                   + (f"{report.list_pages} list pages set aside, " if report.list_pages else "") +
                   f"{report.seconds:.1f} s ({rate:.0f} files/s) -> {db_path or default_db()}")
    if report.without_outlet:
        echo(f"{report.without_outlet} articles without outlet — name it in a ties.toml beside the files "
             "([defaults] outlet = \"…\", or a [[rule]] per folder) or with --outlet", err=True)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the run's summary as JSON.")
@source_options
def reextract(db_path, as_json, **opts):
    """Re-run the whole pipeline on the source bytes kept in the store (after an upgrade)."""
    from .ingest import reextract as run

    settings = _settings(**opts)
    store = _open(db_path)
    n = store.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    report = _with_progress(store, n, "reextract", lambda store, bar: run(store, settings, progress=bar))
    if as_json:
        echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        echo(f"re-extracted {report.files} sources: {report.articles} articles, {len(report.rejects)} rejected, "
                   f"{report.seconds:.1f} s")


@cli.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Only this outlet (canonical name).")
@click.option("--lang", help="Only this language (zh, vi, en).")
@click.option("--since", help="Published on or after YYYY-MM-DD.")
@click.option("--until", help="Published on or before YYYY-MM-DD.")
@click.option("--relevant", is_flag=True, help="Only articles about the pair.")
@click.option("--limit", default=10, show_default=True, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines output.")
def search(query, db_path, outlet, lang, since, until, relevant, limit, as_json):
    """Full-text search (Chinese words segmented; Vietnamese with or without diacritics; "quoted phrases"),
    ranked by bm25, the exact form typed first; near-duplicates fold into one hit."""
    with _reading(db_path) as store:
        hits = store.search(" ".join(query), outlet=outlet, lang=lang, since=since, until=until, limit=limit,
                            relevant=relevant or None)
    for h in hits:
        if as_json:
            echo(json.dumps(h, ensure_ascii=False))
        else:
            copies = f"  (+{len(h['copies'])} copies: {', '.join('#' + str(c) for c in h['copies'])})" if h.get("copies") else ""
            echo(f"{h['published'] or '----------'}  {h['outlet'] or '?'}  #{h['id']}  {h['title']}{copies}")
            echo(f"    {h['snippet']}")
    if not hits and not as_json:
        echo("no match", err=True)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def stats(db_path, as_json):
    """Articles by outlet, language and year; rejects; knowledge counts."""
    with _reading(db_path) as store:
        s = store.stats()
    if as_json:
        echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    echo(f"{s['articles']} articles from {s['source_items']} source items in {s['sources']} files; "
               f"{s['near_duplicate_pairs']} near-duplicate pairs; {s['rejects']} rejects; "
               f"{s['list_pages']} list pages set aside; {s['relevant']} relevant")
    echo(f"knowledge: {s['entities']} entities, {s['events']} events ({s['event_reports']} reports), "
               f"{s['statements']} statements")
    for title, key in (("by outlet", "by_outlet"), ("by language", "by_language"), ("by year", "by_year")):
        echo(f"{title}:")
        for k, v in s[key].items():
            echo(f"  {k:<28}{v:>8}")
    if s["reject_list"]:
        echo("rejects:")
        for r in s["reject_list"]:
            echo(f"  {r['item']}: {r['reason']}")


def _event_line(e: dict) -> str:
    when = e["start"] or "????-??-??"
    if e.get("end") and e["end"] != e["start"]:
        when += ".." + e["end"]
    outlets = sorted({r["outlet"] or "?" for r in e["reports"]})
    return (f"{when}  {e['type']:<15} {', '.join(e['participants'])}" + (f"  @ {e['location']}" if e["location"] else "")
            + (" [planned]" if e["status"] == "planned" else "") + f"  ({len(e['reports'])} reports: {', '.join(outlets)})")


@cli.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def entity(name, db_path, as_json):
    """Show an entity known under NAME (any alias, any script): aliases, roles over time, events, quotes."""
    with _reading(db_path) as store:
        found = store.entity(name)
    if not found:
        raise click.ClickException(f"no entity is known as {name!r}")
    if as_json:
        echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for e in found:
        echo(f"{e['name']} ({e['type']}), in {e['articles']} articles")
        echo(f"  aliases: {', '.join(e['aliases'])}")
        for r in e["roles_over_time"]:
            echo(f"  role: {r['title']} ({r.get('start') or '?'} – {r.get('end') or 'now'})")
        for r in e["roles_in_text"][:8]:
            echo(f"  as the text calls them: {r}")
        for ev in e["events"][:20]:
            echo("  event: " + _event_line(ev))
        for q in e["statements"][:10]:
            echo(f"  said ({q['published'] or '?'}, {q['outlet'] or '?'}): {q['text'][:120]}")


def _cut_note(shown: int, total: int) -> None:
    if total > shown:
        echo(f"… {total - shown} more (raise --limit to see them)", err=True)


def _echo_event(e: dict, evidence: bool = True) -> None:
    echo(_event_line(e))
    if evidence:
        for r in e["reports"][:4]:
            echo(f"      {r['outlet'] or '?'} ({r['published'] or '?'}, #{r['article_id']}): {(r['evidence'] or '')[:160]}")


def event_filters(f):
    f = click.option("--actor", multiple=True, help="Only events with this participant (any alias); repeated: with all of them.")(f)
    f = click.option("--type", "etype", help="Only events of this type (visit, talks, meeting, call…).")(f)
    f = click.option("--since", help="Starting on or after YYYY-MM-DD.")(f)
    f = click.option("--until", help="Starting on or before YYYY-MM-DD.")(f)
    f = click.option("--outlet", help="Only events reported by this outlet.")(f)
    f = click.option("--all", "show_all", is_flag=True, help="Every event, not only those between the pair.")(f)
    f = click.option("--relevant", is_flag=True, help="Only events reported in articles about the pair.")(f)
    return f


@cli.command()
@db_option
@event_filters
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines output, with each report's evidence.")
def events(db_path, actor, etype, since, until, outlet, show_all, relevant, limit, as_json):
    """Events between the pair (all with --all), one per happening, with every outlet's reports and
    the sentence each took it from."""
    filters = dict(actor=list(actor), type=etype, since=since, until=until, outlet=outlet,
                   bilateral=None if show_all else True, relevant=relevant or None)
    with _reading(db_path) as store:
        rows = store.events(limit=limit, **filters)
        total = store.count_events(**filters)
    for e in rows:
        if as_json:
            echo(json.dumps(e, ensure_ascii=False))
        else:
            _echo_event(e)
    _cut_note(len(rows), total)


@cli.command()
@db_option
@event_filters
@click.option("--json", "as_json", is_flag=True, help="JSON Lines output: one event a line, in date order.")
def timeline(db_path, actor, etype, since, until, outlet, show_all, relevant, as_json):
    """Dated events between the pair (all with --all) by month, with how each outlet reported them."""
    with _reading(db_path) as store:
        rows = [e for e in store.events(actor=list(actor), type=etype, since=since, until=until, outlet=outlet,
                                        limit=1_000_000, bilateral=None if show_all else True,
                                        relevant=relevant or None) if e["start"]]
    month = None
    for e in rows:
        if as_json:
            echo(json.dumps(e, ensure_ascii=False))
            continue
        if e["start"][:7] != month:
            month = e["start"][:7]
            echo(f"== {month}")
        echo("  " + _event_line(e))
        for r in e["reports"][:4]:
            echo(f"      {r['outlet'] or '?'}: {(r['evidence'] or '')[:120]}")


@cli.command()
@click.argument("article_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="The stored contract object, with its sources.")
def show(article_id, db_path, as_json):
    """Print a stored article (the #ID of search output): text, knowledge and the files it came from."""
    with _reading(db_path) as store:
        art = store.article(article_id)
        if art is None:
            raise click.ClickException(f"no article #{article_id} in the store")
        art["sources"] = store.article_sources(article_id)
        stored_events = store.article_events(article_id)
    if as_json:
        echo(json.dumps(art, ensure_ascii=False, indent=1))
        return
    echo(f"#{article_id}  {art.get('title') or '(no title)'}")
    echo(f"{art.get('published') or 'undated'} · {art.get('outlet') or '?'} · {art.get('language') or '?'}"
         + (f" · {', '.join(art['authors'])}" if art.get("authors") else "") + (f" · {art['url']}" if art.get("url") else ""))
    echo("")
    echo(art.get("text") or "")
    persons = [e["name"] for e in art.get("entities", []) if e.get("type") == "person"]
    if persons:
        echo("\npersons: " + ", ".join(persons))
    for e in stored_events:
        echo("event: " + _event_line(e))
    for st in art.get("statements", []):
        echo(f"said, {st['speaker']}: {st['text'][:200]}")
    for f in art.get("figures", []):
        echo(f"figure: {f.get('quantity')} = {f.get('value')} {f.get('unit') or ''}")
    for src in art["sources"]:
        echo(f"source: {src['item']}")


@cli.command()
@db_option
@click.option("--what", type=click.Choice(["articles", "events", "gdelt", "entities", "statements", "figures"]),
              default="events", show_default=True, help="gdelt: events as one flat row per report, GDELT-like.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default: standard output).")
@event_filters
def export(db_path, what, fmt, out, actor, etype, since, until, outlet, show_all, relevant):
    """Export articles, events (or a GDELT-like flat table of them), entities, statements or figures."""
    from .exports import rows_for, write

    with _reading(db_path) as store:
        rows = rows_for(store, what, dict(actor=list(actor), type=etype, since=since, until=until, outlet=outlet,
                                          bilateral=None if show_all else True, relevant=relevant or None))
        n = write(rows, fmt, out)
    echo(f"{n} {what} rows written to {out or 'standard output'}", err=True)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (each opens the store read-only).")
def serve(db_path, host, port, workers):
    """The web app and JSON API (/api/…, OpenAPI at /openapi.json) over the store, read-only."""
    import uvicorn

    from .web import create_app

    path = os.path.abspath(db_path or default_db())
    _open(path, read_only=True).close()  # a missing or foreign store is one line, before the server starts
    echo(f"serving {path} at http://{host}:{port}/ with {workers} process(es) (read-only; Ctrl-C stops)", err=True)
    if workers > 1:
        os.environ["TIES_SERVE_DB"] = path
        uvicorn.run("ties.web.app:from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


def main():
    """Errors the user can act on end as one line (exit 1), never as a traceback."""
    import sqlite3

    from .errors import TiesError

    try:
        cli(prog_name="ties", standalone_mode=False)
    except click.exceptions.Abort:
        echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except TiesError as e:
        echo(f"ties: {e}", err=True)
        sys.exit(1)
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            echo("ties: the store is busy: another program is writing to it; try again when it has finished", err=True)
        else:
            echo(f"ties: the store cannot be used: {e}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
