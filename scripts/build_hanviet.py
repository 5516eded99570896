#!/usr/bin/env python3
"""Build src/ties/data/hanviet.tsv: the Sino-Vietnamese (Hán-Việt) reading of each Han character.

Source: the Unicode Consortium's Unihan database, field kVietnamese (Unihan_Readings.txt),
as Debian's `unicode-data` package ships it (`apt-get install unicode-data`), or an
unpacked Unihan.zip given with --unihan DIR. Simplified characters have no kVietnamese of
their own; they take the reading of their traditional form (kTraditionalVariant in
Unihan_Variants.txt).

Output, one character a line: ``char<TAB>reading[ reading…]<TAB>from``, where `from` is the
code point the reading was taken from. Readings are lower case with diacritics, first the
one Unihan lists first. Name-specific readings that Unihan lacks or orders differently live
in data/hanviet_names.yaml, which the run-time loader lays over this table.

    python scripts/build_hanviet.py                 # from /usr/share/unicode
    python scripts/build_hanviet.py --unihan DIR    # from an unpacked Unihan.zip
"""
from __future__ import annotations

import argparse
import bz2
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "ties" / "data" / "hanviet.tsv"


def _open(folder: Path, name: str):
    for candidate in (folder / name, folder / (name + ".bz2")):
        if candidate.exists():
            if candidate.suffix == ".bz2":
                return bz2.open(candidate, "rt", encoding="utf-8")
            return open(candidate, encoding="utf-8")
    raise SystemExit(f"{folder}: no {name} (apt-get install unicode-data, or pass --unihan)")


def _fields(folder: Path, name: str, wanted: set[str]):
    with _open(folder, name) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            if field in wanted:
                yield chr(int(cp[2:], 16)), field, value


def build(folder: Path) -> tuple[dict[str, tuple[str, str]], str]:
    readings: dict[str, tuple[str, str]] = {}
    for ch, _field, value in _fields(folder, "Unihan_Readings.txt", {"kVietnamese"}):
        readings[ch] = (unicodedata.normalize("NFC", value.lower()), f"U+{ord(ch):04X}")
    for ch, _field, value in _fields(folder, "Unihan_Variants.txt", {"kTraditionalVariant"}):
        if ch in readings:
            continue
        for trad in value.split():
            t = chr(int(trad.split("<")[0][2:], 16))
            if t in readings:
                readings[ch] = (readings[t][0], f"U+{ord(t):04X}")
                break
    version = "unknown"
    with _open(folder, "Unihan_Readings.txt") as fh:
        for line in fh:
            if "Unicode" in line and line.startswith("#"):
                version = line.strip("# \n")
                break
    return readings, version


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unihan", type=Path, default=Path("/usr/share/unicode"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    readings, version = build(args.unihan)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"# Hán-Việt readings from Unihan kVietnamese ({version}); built by scripts/build_hanviet.py\n")
        for ch in sorted(readings):
            reading, origin = readings[ch]
            fh.write(f"{ch}\t{reading}\t{origin}\n")
    print(f"{args.out}: {len(readings)} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
