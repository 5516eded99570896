"""Latin forms of names written in Chinese characters.

- `pinyin_name("习近平")` → "Xi Jinping" (pypinyin; family name first, given name joined).
- `hanviet_name("裴青山")` → "Bùi Thanh Sơn": a Vietnamese name written in Chinese takes the
  Sino-Vietnamese reading of each character, from data/hanviet.tsv (Unihan kVietnamese, built
  by scripts/build_hanviet.py) with data/hanviet_names.yaml (name readings) laid over it.
  None when a character has no known reading, so a half-read name is never invented.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .knowledge import load_yaml
from .textutil import to_simplified


@lru_cache(maxsize=1)
def hanviet_table() -> dict[str, str]:
    """Character (traditional and simplified) → its first Hán-Việt reading, lower case."""
    table: dict[str, str] = {}
    with resources.files("ties.data").joinpath("hanviet.tsv").open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            ch, reading, *_ = line.rstrip("\n").split("\t")
            table[ch] = reading.split()[0]
    names = load_yaml("hanviet_names.yaml") or {}
    for section in ("surnames", "given"):
        for ch, reading in (names.get(section) or {}).items():
            for key in {ch, to_simplified(ch)}:
                table[key] = reading.lower()
    return table


@lru_cache(maxsize=1)
def distinctive_surnames() -> frozenset[str]:
    """Family names (simplified) that, in an article about Vietnam, mark a Chinese-script name
    as Vietnamese even without a title before it (阮, 裴…)."""
    names = load_yaml("hanviet_names.yaml") or {}
    return frozenset(to_simplified(ch) for ch in names.get("distinctive_surnames", ""))


def hanviet_name(name: str) -> str | None:
    table = hanviet_table()
    parts = [table.get(ch) for ch in name]
    if not parts or any(p is None for p in parts):
        return None
    return " ".join(p[:1].upper() + p[1:] for p in parts)


def pinyin_name(name: str) -> str:
    from pypinyin import lazy_pinyin

    syl = lazy_pinyin(name)
    if not syl:
        return name
    return (syl[0].capitalize() + " " + "".join(syl[1:]).capitalize()).strip()
