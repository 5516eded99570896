"""The pipeline: read → clean → metadata → (knowledge stages) for each file.

`extract_file` is what `ties extract`, `ties ingest` and `ties reextract` call; it never
raises for a bad file: problems come out as `Reject` records naming the file and the reason.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import readers
from .errors import TiesError, UnreadableFile
from .model import Article
from .settings import Settings
from .stages import clean, metadata

# the knowledge stages, in order; each is `run(article, settings) -> article`
KNOWLEDGE_STAGES: list = []


@dataclass
class Reject:
    source_path: str
    reason: str

    def to_dict(self) -> dict:
        return {"source_path": self.source_path, "error": self.reason}


def register_knowledge_stages() -> list:
    if not KNOWLEDGE_STAGES:
        from .stages import knowledge_stages
        KNOWLEDGE_STAGES.extend(knowledge_stages())
    return KNOWLEDGE_STAGES


def extract_bytes(path: str, data: bytes, settings: Settings) -> Iterator[Article | Reject]:
    stages = register_knowledge_stages() if settings.knowledge_stages else []
    try:
        for raw in readers.read_docs(path, data):
            if isinstance(raw, UnreadableFile):
                sub, _, why = str(raw).partition(": ")
                yield Reject(sub if why else path, why or str(raw))
                continue
            try:
                art = clean.run(raw)
                defaults = settings.defaults_for(path, raw.meta.get("url"))
                art = metadata.run(art, raw, defaults)
                if not art.text and not art.title:
                    yield Reject(raw.source_path, "it holds no article text or title")
                    continue
                for stage in stages:
                    art = stage(art, settings)
                yield art
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
        yield Reject(path, str(e))
        return
    yield from extract_bytes(path, data, settings)
