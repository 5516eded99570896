"""The pipeline: read → clean → metadata → (knowledge stages) for each file.

`extract_file` is what `ties extract`, `ties ingest` and `ties reextract` call; it never
raises for a bad file: problems come out as `Reject` records naming the file and the reason.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import re

from . import readers
from .errors import TiesError, UnreadableFile
from .files import display_path, is_documentation
from .model import Article
from .settings import Settings
from .stages import clean, metadata, pagetype

# the knowledge stages, in order; each is `run(article, settings) -> article`
KNOWLEDGE_STAGES: list = []


@dataclass
class Reject:
    """An item not stored as an article: a file or record that cannot be read (kind "error"), or
    a web page that is a list of other pages (kind "list": a section front, archive, search page)."""
    source_path: str
    reason: str
    kind: str = "error"

    def to_dict(self) -> dict:
        d = {"source_path": self.source_path, "error": self.reason}
        if self.kind != "error":
            d["page_type"] = self.kind
        return d


def register_knowledge_stages() -> list:
    if not KNOWLEDGE_STAGES:
        from .stages import knowledge_stages
        KNOWLEDGE_STAGES.extend(knowledge_stages())
    return KNOWLEDGE_STAGES


def _no_surrogates(value):
    """Lone surrogates ("\\ud800" in JSON) cannot be written as UTF-8: each becomes U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: _no_surrogates(v) for k, v in value.items()}
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


MAX_ANALYSED_CHARS = 1_000_000  # a news article is far shorter; beyond this, memory and time are bounded


@lru_cache(maxsize=1)
def knowledge_languages() -> tuple[str, ...]:
    """The languages the knowledge stages read (data/languages.yaml)."""
    from .knowledge import load_yaml

    return tuple(load_yaml("languages.yaml")["knowledge"])


def _run_knowledge(art: Article, stages, settings: Settings) -> Article:
    """The knowledge stages over the article; a text longer than any news article (a 30 MB single
    line) is kept whole, but names, events and statements are read from its first million
    characters, with a warning saying so."""
    known = knowledge_languages()
    if stages and art.language not in known:
        art.warnings.append(f"language {art.language or 'unknown'}: names, events, statements, topics and figures "
                            f"are read only in {', '.join(known)}")
        return art
    full = art.text
    if len(full) > MAX_ANALYSED_CHARS:
        art.text = full[:MAX_ANALYSED_CHARS]
        art.warnings.append(f"text of {len(full):,} characters: names, events, statements and figures "
                            f"are read from the first {MAX_ANALYSED_CHARS:,}")
    try:
        for stage in stages:
            art = stage(art, settings)
    finally:
        art.text = full
    return art


def extract_bytes(path: str, data: bytes, settings: Settings) -> Iterator[Article | Reject]:
    stages = register_knowledge_stages() if settings.knowledge_stages else []
    path = display_path(path)
    if is_documentation(path):
        yield Reject(path, "it is the folder's documentation (README, LICENSE, MANIFEST…), not an article")
        return
    docs = readers.read_docs(path, data)
    del data  # the reader holds the bytes only as long as it needs them
    try:
        for raw in docs:
            if isinstance(raw, UnreadableFile):
                sub, _, why = str(raw).partition(": ")
                yield Reject(sub if why else path, why or str(raw))
                continue
            try:
                raw.title, raw.body, raw.meta = _no_surrogates(raw.title), _no_surrogates(raw.body), _no_surrogates(raw.meta)
                if raw.body_kind == "page":
                    page_type, why = pagetype.classify(raw.body, raw.meta.get("url"))
                    if page_type == "list":
                        yield Reject(raw.source_path, f"it is a list page, not an article ({why})", kind="list")
                        continue
                art = clean.run(raw)
                defaults = settings.defaults_for(path, raw.meta.get("url"))
                art = metadata.run(art, raw, defaults)
                if not art.text and not art.title:
                    yield Reject(raw.source_path, "it holds no article text or title")
                    continue
                yield _run_knowledge(art, stages, settings)
            except RecursionError:
                yield Reject(raw.source_path, "its markup is nested too deeply to parse")
            except TiesError as e:
                yield Reject(raw.source_path, str(e))
            except Exception as e:  # a bug or a hostile input must not stop the batch
                yield Reject(raw.source_path, f"internal error while extracting ({type(e).__name__}: {e})")
    except UnreadableFile as e:
        yield Reject(path, str(e))
    except RecursionError:
        yield Reject(path, "its markup is nested too deeply to parse")
    except Exception as e:
        yield Reject(path, f"internal error while reading ({type(e).__name__}: {e})")


def extract_file(path: str, settings: Settings) -> Iterator[Article | Reject]:
    try:
        data = readers.read_bytes(path, settings.max_bytes)
    except UnreadableFile as e:
        yield Reject(display_path(path), str(e))
        return
    docs = extract_bytes(path, data, settings)
    del data
    yield from docs


def extract_records_of_file(job: tuple[str, Settings]) -> list[tuple[dict, str | None, str | None]]:
    """`ties extract`'s output for one file: (contract object, the reject's line or None, the
    article's text key for duplicates). A top-level function, so worker processes can run it."""
    from .store.sqlite import text_hash

    path, settings = job
    out = []
    for rec in extract_file(path, settings):
        if isinstance(rec, Reject):
            out.append((rec.to_dict(), f"{rec.source_path}: {rec.reason}", None))
        else:
            out.append((rec.to_dict(), None, text_hash(rec.title, rec.text)))
    return out
