"""Settings: defaults in settings.toml, overridden by a ties.toml at an archive's root, then by flags.

A ``ties.toml`` maps folders (globs relative to the file) or URL patterns to the outlet,
language and time zone to assume where an article's file does not say::

    [defaults]
    timezone = "Asia/Ho_Chi_Minh"

    [[rule]]
    folder = "baomoi-vi/*"
    outlet = "Bao Moi"
    lang = "vi"

    [[rule]]
    url = "*vnexpress.net*"
    outlet = "VnExpress"
"""
from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .errors import TiesError


@dataclass
class Defaults:
    outlet: str | None = None
    lang: str | None = None
    timezone: str | None = None


@dataclass
class Settings:
    defaults: Defaults = field(default_factory=Defaults)  # from the command line
    max_bytes: int = 40 * 1024 * 1024
    pair: tuple[str, str] = ("China", "Vietnam")
    knowledge_stages: bool = True

    @classmethod
    def load(cls, **flags) -> "Settings":
        with resources.files("ties").joinpath("settings.toml").open("rb") as f:
            base = tomllib.load(f)
        s = cls(max_bytes=int(base.get("max_bytes", 40 * 1024 * 1024)),
                pair=tuple(base.get("pair", ["China", "Vietnam"])))
        env_pair = os.environ.get("TIES_PAIR")
        if env_pair and "," in env_pair:
            s.pair = tuple(x.strip() for x in env_pair.split(",", 1))
        for k in ("outlet", "lang", "timezone"):
            if flags.get(k):
                setattr(s.defaults, k, flags[k])
        if flags.get("max_bytes"):
            s.max_bytes = int(flags["max_bytes"])
        if flags.get("pair"):
            s.pair = tuple(x.strip() for x in flags["pair"].split(",", 1))
        return s

    def defaults_for(self, path: str, url: str | None) -> Defaults:
        """Flags first, then the nearest ties.toml's matching rule, then its [defaults]."""
        out = Defaults(self.defaults.outlet, self.defaults.lang, self.defaults.timezone)
        found = _archive_config(os.path.dirname(os.path.abspath(path.split("#")[0])))
        if not found:
            return out
        root, conf = found
        rel = os.path.relpath(os.path.abspath(path.split("#")[0]), root).replace(os.sep, "/")
        layers = []
        for rule in conf.get("rule", []):
            if "folder" in rule and (fnmatch.fnmatch(rel, rule["folder"]) or rel.startswith(rule["folder"].rstrip("/*") + "/")):
                layers.append(rule)
            elif "url" in rule and url and fnmatch.fnmatch(url, rule["url"]):
                layers.append(rule)
        layers.append(conf.get("defaults", {}))
        for k in ("outlet", "lang", "timezone"):
            if getattr(out, k) is None:
                setattr(out, k, next((layer[k] for layer in layers if layer.get(k)), None))
        return out


def _checked(path: str, conf: dict) -> dict:
    """Keep the settings of a ties.toml that have the right type and a known time zone; warn once
    (on standard error, with the file's path) about each one left out."""
    import sys
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    def fine(layer: dict, where: str) -> dict:
        out = {}
        for k, v in layer.items():
            if k in ("outlet", "lang", "timezone", "folder", "url"):
                if not isinstance(v, str):
                    print(f"{path}: {where}{k} must be text, not {type(v).__name__}; ignored", file=sys.stderr)
                    continue
                if k == "timezone":
                    try:
                        ZoneInfo(v)
                    except (ZoneInfoNotFoundError, ValueError):
                        print(f"{path}: {where}timezone {v!r} is not a known time zone; ignored", file=sys.stderr)
                        continue
            out[k] = v
        return out

    defaults = conf.get("defaults", {})
    rules = conf.get("rule", [])
    if not isinstance(defaults, dict):
        print(f"{path}: [defaults] must be a table; ignored", file=sys.stderr)
        defaults = {}
    if not isinstance(rules, list):
        print(f"{path}: [[rule]] must be a list of tables; ignored", file=sys.stderr)
        rules = []
    return {"defaults": fine(defaults, "[defaults] "),
            "rule": [fine(r, "[[rule]] ") for r in rules if isinstance(r, dict)]}


@lru_cache(maxsize=256)
def _archive_config(folder: str) -> tuple[str, dict] | None:
    cur = folder
    while True:
        cand = os.path.join(cur, "ties.toml")
        if os.path.isfile(cand):
            try:
                with open(cand, "rb") as f:
                    return cur, _checked(cand, tomllib.load(f))
            except (tomllib.TOMLDecodeError, OSError) as e:
                raise TiesError(f"{cand}: not a valid ties.toml: {e}")
        parent = os.path.dirname(cur)
        if parent == cur:
            return None
        cur = parent
