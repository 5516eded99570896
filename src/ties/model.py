"""Typed records passed between the pipeline stages.

A reader turns a file into `RawDoc`s (what the file says, field by field); the stages turn
one `RawDoc` into an `Article` and fill its fields in order. `Article.to_dict()` is the
extraction contract (``ties extract`` JSON Lines); the store keeps the same dict.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawDoc:
    """One article as a reader found it, before cleaning.

    `body` is in the syntax named by `body_kind` ("html" for a fragment, "page" for a whole
    HTML page, "markdown", or "text"). `meta` holds what the file states about the article
    under normalised keys: date, dates (candidates), url, author, authors, outlet_hints,
    language, timezone.
    """

    source_path: str
    reader: str
    title: str | None = None
    body: str = ""
    body_kind: str = "text"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Translation:
    language: str
    title: str
    text: str


@dataclass
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    id: str | None = None          # key in the actor dictionary, when known
    source: str = "text"           # "dictionary" or "text" (found by the tagger only)
    country: str | None = None     # the country a person serves or a place lies in, when known
    historical: bool = False       # a figure of the past (Hồ Chí Minh): named, never a participant
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, form)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": self.aliases, "roles": self.roles,
                "id": self.id, "country": self.country, "mentions": [list(m) for m in self.mentions[:50]]}


@dataclass
class Event:
    type: str
    start: str | None
    end: str | None
    participants: list[str]
    location: str | None
    summary: str
    status: str = "occurred"
    date_inferred: bool = False
    evidence: str = ""
    offsets: tuple[int, int] = (0, 0)
    plover: str | None = None
    cameo: str | None = None
    bilateral: bool = False        # between the configured pair: one side's actor and the other's
    recalled: bool = False         # told as a past happening, not reported as news

    def to_dict(self) -> dict:
        d = asdict(self)
        d["offsets"] = list(self.offsets)
        return d


@dataclass
class Statement:
    speaker: str
    text: str
    offsets: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "offsets": list(self.offsets)}


@dataclass
class Figure:
    quantity: str
    value: float
    unit: str
    period: str | None
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Article:
    source_path: str
    title: str = ""
    published: str | None = None
    outlet: str | None = None
    outlet_canonical: bool = True     # False: named by the page or feed itself, not found in data/outlets.yaml
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    text: str = ""
    translations: list[Translation] = field(default_factory=list)
    relevant: bool = False
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # extras: not in the contract's required fields, kept for the store and later stages
    reader: str = ""
    dateline: str | None = None       # "新华社河内4月14日电" etc., cut from the text
    dateline_agency: str | None = None
    dateline_place: str | None = None
    credit: str | None = None         # a closing source credit: "Theo VnExpress", "TTXVN/Tin Tức"
    timezone: str | None = None
    year_hint: int | None = None      # a year the text itself names as current, when undated
    previous_leads: list[str] = field(default_factory=list)  # starts of the items before this one in its feed, nearest first
    detected_language: str | None = None  # the language the clean stage read from the text (metadata reuses it)
    captions: list[str] = field(default_factory=list)  # photo captions cut from the text (evidence of dates)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "source_path": self.source_path,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "outlet_canonical": self.outlet_canonical if self.outlet else None,
            "url": self.url,
            "authors": self.authors,
            "language": self.language,
            "text": self.text,
            "translations": [asdict(t) for t in self.translations],
            "relevant": self.relevant,
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "topics": self.topics,
            "figures": [f.to_dict() for f in self.figures],
            "reader": self.reader,
            "dateline": self.dateline,
            "warnings": self.warnings,
        }
