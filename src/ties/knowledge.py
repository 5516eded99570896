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
    m["title_page_part_re"] = re.compile(m["title_page_part"])
    m["signoff_source_re"] = re.compile(m["signoff_source"])
    m["signoff_name_re"] = re.compile(m["signoff_name"])
    for key in ("caption_line_credit", "related_link"):
        m[key + "_re"] = re.compile(m[key]) if m.get(key) else None
    m["inline_caption_credit_re"] = _compile(m.get("inline_caption_credit"), "inline_caption_credit")
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

    def same_day(self, name: str | None) -> bool:
        """The outlet reports the day's happenings on the day (a dateless lead is that day)."""
        r = self.by_alias.get(fold(name)) if name else None
        return bool(r and r.get("same_day"))

    def timezone(self, name: str | None) -> str | None:
        r = self.by_alias.get(fold(name)) if name else None
        return r.get("timezone") if r else None


@lru_cache(maxsize=1)
def outlets() -> Outlets:
    return Outlets(load_yaml("outlets.yaml") or [])


def _person(a: dict, filename: str) -> dict:
    if "id" not in a or "name" not in a:
        raise KnowledgeFileError(f"ties/data/{filename}: an entry lacks id or name: {a}")
    return {"key": a["id"], "name": a["name"], "type": "person", "country": a.get("country"),
            "aliases": [str(x) for x in a.get("aliases", [])], "roles": a.get("roles", []),
            "source": a.get("source"), "historical": bool(a.get("historical"))}


# person files: Chinese and Vietnamese officials, and foreign leaders and officials
PERSON_FILES = ("actors.yaml", "leaders.yaml")


@lru_cache(maxsize=1)
def gazetteer() -> list[dict]:
    """Every known actor, organization, place and country as one list of entries:
    {key, name, type, country, aliases, roles, source} (+ city and kind for places)."""
    entries: list[dict] = []
    seen: set[str] = set()
    for filename in PERSON_FILES:
        try:
            rows = load_yaml(filename) or []
        except KnowledgeFileError:
            if filename == "actors.yaml":
                raise
            rows = []
        for a in rows:
            e = _person(a, filename)
            if e["key"] in seen:
                continue
            seen.add(e["key"])
            entries.append(e)
    _add_hanviet_aliases(entries)
    places = load_yaml("places.yaml") or {}
    for section, typ in (("countries", "country"), ("places", "place"), ("organizations", "organization")):
        for p in places.get(section, []):
            entries.append({"key": f"{typ}:{p['name']}", "name": p["name"], "type": typ,
                            "country": p.get("country") or (p["name"] if typ == "country" else None),
                            "aliases": [str(x) for x in p.get("aliases", [])], "roles": [], "source": p.get("source"),
                            "city": p.get("city"), "kind": p.get("kind")})
    known = {e["key"] for e in entries}
    venues = load_yaml("venues.yaml") or {}
    for section in ("cities", "venues"):
        for p in venues.get(section, []) or []:
            kind = "venue" if section == "venues" else p.get("kind", "city")
            key = f"place:{p['name']}"
            if key in known:  # places.yaml already has it: add the forms it lacks
                entry = next(e for e in entries if e["key"] == key)
                entry["aliases"] += [str(a) for a in p.get("aliases", []) if str(a) not in entry["aliases"]]
                continue
            known.add(key)
            entries.append({"key": key, "name": p["name"], "type": "place", "country": p.get("country"),
                            "aliases": [str(x) for x in p.get("aliases", [])], "roles": [],
                            "source": p.get("source"), "city": p.get("city") if kind == "venue" else None,
                            "kind": kind})
    return entries


def _add_hanviet_aliases(entries: list[dict]) -> None:
    """A Chinese person's Vietnamese name is the Hán-Việt reading of their name in characters
    (范长龙 → Phạm Trường Long): added as an alias wherever the dictionary lacks it."""
    from .textutil import CJK, to_simplified
    from .translit import hanviet_name

    for e in entries:
        if e.get("country") != "China":
            continue
        forms = [a for a in e["aliases"] if CJK.search(a) and 2 <= len(a) <= 4 and "·" not in a]
        if not forms:
            continue
        reading = hanviet_name(to_simplified(forms[0]))
        if reading and fold(reading) not in {fold(a) for a in e["aliases"]}:
            e["aliases"].append(reading)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, dict]:
    return {e["key"]: e for e in gazetteer()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for e in gazetteer():
        out.setdefault(e["name"], e)
    return out


def gazetteer_entry(key: str | None) -> dict | None:
    return _by_key().get(key) if key else None


def gazetteer_by_name(name: str | None) -> dict | None:
    return _by_name().get(name) if name else None


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
