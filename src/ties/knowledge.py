"""Loads and checks the knowledge files under ties/data, once per process.

Everything the stages know about the world (outlets, boilerplate markers, actors, places,
event words, topics) is data; this module is the only place that reads those files.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlparse

import yaml

from .errors import KnowledgeFileError
from .textutil import fold


def load_yaml(name: str):
    try:
        with resources.files("ties.data").joinpath(name).open("r", encoding="utf-8") as f:
            return yaml.safe_load(f)
    except FileNotFoundError:
        raise KnowledgeFileError(f"knowledge file ties/data/{name} is missing")
    except yaml.YAMLError as e:
        raise KnowledgeFileError(f"knowledge file ties/data/{name} is not valid YAML: {e}")


def _compile(patterns, name):
    out = []
    for p in patterns or []:
        try:
            out.append(re.compile(p))
        except re.error as e:
            raise KnowledgeFileError(f"ties/data/markers.yaml: bad pattern in {name}: {p!r} ({e})")
    return out


@lru_cache(maxsize=1)
def markers() -> dict:
    m = load_yaml("markers.yaml")
    m["breadcrumb_re"] = re.compile(m["breadcrumb"])
    m["title_prefix_re"] = _compile(m.get("title_prefixes"), "title_prefixes")
    for key in ("caption_lines", "more_lines", "end_marks", "noise_lines", "datelines"):
        m[key + "_re"] = _compile(m.get(key), key)
    m["byline_re"] = re.compile(m["byline"])
    m["signoff_source_re"] = re.compile(m["signoff_source"])
    m["signoff_name_re"] = re.compile(m["signoff_name"])
    return m


class Outlets:
    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.by_alias: dict[str, dict] = {}
        self.by_domain: dict[str, dict] = {}
        for r in rows:
            if "name" not in r:
                raise KnowledgeFileError(f"ties/data/outlets.yaml: an entry has no name: {r}")
            for a in [r["name"], *r.get("aliases", [])]:
                self.by_alias.setdefault(fold(a), r)
            for d in r.get("domains", []):
                self.by_domain[d.lower()] = r

    def from_name(self, s: str | None) -> dict | None:
        if not s:
            return None
        return self.by_alias.get(fold(s)) or self.from_url(s if "." in s else None)

    def from_url(self, url: str | None) -> dict | None:
        if not url:
            return None
        host = urlparse(url if "://" in url else "http://" + url).hostname or ""
        host = host.lower()
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.partition(".")[2]
        return None

    def timezone(self, name: str | None) -> str | None:
        r = self.by_alias.get(fold(name)) if name else None
        return r.get("timezone") if r else None


@lru_cache(maxsize=1)
def outlets() -> Outlets:
    return Outlets(load_yaml("outlets.yaml") or [])


@lru_cache(maxsize=1)
def gazetteer() -> list[dict]:
    """Every known actor, organization, place and country as one list of entries:
    {key, name, type, country, aliases, roles, source}."""
    entries: list[dict] = []
    for a in load_yaml("actors.yaml") or []:
        if "id" not in a or "name" not in a:
            raise KnowledgeFileError(f"ties/data/actors.yaml: an entry lacks id or name: {a}")
        entries.append({"key": a["id"], "name": a["name"], "type": "person", "country": a.get("country"),
                         "aliases": [str(x) for x in a.get("aliases", [])], "roles": a.get("roles", []),
                         "source": a.get("source")})
    places = load_yaml("places.yaml") or {}
    for section, typ in (("countries", "country"), ("places", "place"), ("organizations", "organization")):
        for p in places.get(section, []):
            entries.append({"key": f"{typ}:{p['name']}", "name": p["name"], "type": typ,
                            "country": p.get("country") or (p["name"] if typ == "country" else None),
                            "aliases": [str(x) for x in p.get("aliases", [])], "roles": [], "source": p.get("source")})
    return entries


@lru_cache(maxsize=1)
def roles() -> dict:
    return load_yaml("roles.yaml")


@lru_cache(maxsize=1)
def event_rules() -> dict:
    """events.yaml: event types with trigger words, PLOVER and CAMEO codes; habitual, planned,
    invitation and anaphora word lists."""
    data = load_yaml("events.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise KnowledgeFileError("ties/data/events.yaml must hold a 'types' list")
    return data


@lru_cache(maxsize=1)
def topics() -> dict:
    return load_yaml("topics.yaml")


@lru_cache(maxsize=1)
def pairs() -> list[dict]:
    return load_yaml("pairs.yaml") or []
