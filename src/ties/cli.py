"""The `ties` command line: thin commands over the library (pipeline, ingest, store, search)."""
from __future__ import annotations

import json
import os
import sys

import click

from .settings import Settings


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
@source_options
def extract(paths, as_json, no_knowledge, **opts):
    """Write one JSON object per article found in PATHS (files or folders) to standard output."""
    from .files import walk
    from .pipeline import Reject, extract_file

    settings = _settings(**opts)
    settings.knowledge_stages = not no_knowledge
    ok = 0
    out = sys.stdout
    for path in walk(paths):
        for rec in extract_file(path, settings):
            if isinstance(rec, Reject):
                click.echo(f"{rec.source_path}: {rec.reason}", err=True)
            else:
                ok += 1
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    sys.exit(0 if ok else 1)


def main():
    cli(prog_name="ties")


if __name__ == "__main__":
    main()
