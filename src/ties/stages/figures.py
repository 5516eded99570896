"""Figures stage: amounts stated as facts (trade, investment, growth, projects, aid, documents),
in base units (1659亿美元 → 165900000000 USD, 9,9 tỷ USD → 9900000000, $2.5 billion →
2500000000) with the period they cover.

Numbers are read in the article's own conventions (the Vietnamese decimal comma; Chinese
numerals through cn2an); what a number measures comes from the words before it in its clause
(data/figures.yaml: quantities, scales, units, growth words, counted things).
"""
from __future__ import annotations

import re
from functools import lru_cache

import cn2an

from .. import knowledge
from ..model import Article, Figure
from ..textutil import sentences, to_simplified, words_regex

_HAS_NUMBER = re.compile(r"[\d零一二三四五六七八九十百千两]")
_NUM = r"(\d+(?:[.,]\d+)*|[零一二三四五六七八九十百千两]+)"


def _alt(words) -> str:
    return words_regex(words, re.I).pattern


@lru_cache(maxsize=1)
def _rules():
    d = knowledge.load_yaml("figures.yaml")
    quantities = [(q["name"], re.compile(_alt(q["words"]), re.I)) for q in d["quantities"]]
    scales = {to_simplified(k).lower(): float(v) for k, v in d["scales"].items()}
    units = {to_simplified(k).lower(): v for k, v in d["units"].items()}
    scale_rx = "|".join(re.escape(k) for k in sorted(scales, key=len, reverse=True))
    unit_rx = "|".join(re.escape(k) for k in sorted(units, key=len, reverse=True) if k not in ("$", "us$"))
    money = re.compile(r"(?:(us\$|\$)\s?)?" + _NUM + r"\s*(" + scale_rx + r")?\s*(" + unit_rx + r")?(?![\w])", re.I)
    growth = re.compile(_alt(d["growth"]), re.I)
    counts = []
    for c in d["counts"]:
        counts.append((c["name"], re.compile(_NUM + r"\s*(?:个|份|项|項|bản|)\s*(?:[\u4e00-\u9fff]{0,8}?|\s*)(" +
                                             _alt(c["nouns"]) + ")", re.I),
                       re.compile(_alt(c["needs"]), re.I) if c.get("needs") else None, c.get("needs_quantity")))
    skip = re.compile(_alt(d["skip_clauses"]), re.I)
    return quantities, scales, units, money, growth, counts, skip


def _number(s: str, lang: str | None = None) -> float | None:
    """"1,659" and "9.9" in Chinese and English; "9,9" (decimal comma) and "10.000" in Vietnamese."""
    if re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        if lang == "vi":
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
        try:
            return float(s)
        except ValueError:
            return None
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _clauses(text: str):
    for part in re.split(r"(?<=[。；;\n])", text):
        yield from re.split(r"(?<=，)|(?<=,)(?!\d)|(?<=;)", part)  # not inside "9,9" or "1,659"


def _period(sentence: str, year: int | None) -> str | None:
    m = re.search(r"(?:截至|截止|累计至|至)\s*(\d{4})年(\d{1,2})月(\d{1,2})日", sentence)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = re.search(r"(今年|(\d{4})年)前(\d{1,2})(个)?月|(今年|(\d{4})年)1\s*[-—至到]\s*(\d{1,2})月", sentence)
    if m:
        y = int(m.group(2) or m.group(6) or 0) or year
        mo = m.group(3) or m.group(7)
        if y:
            return f"{y}-01..{y}-{int(mo):02d}"
    m = re.search(r"(\d{4})年(?!\d{1,2}月)|(?:năm|Năm|in|In)\s+((?:19|20)\d{2})\b|(?:Quý|quý)\s+I/((?:19|20)\d{2})", sentence)
    if m:
        if m.group(3):
            return f"{m.group(3)}-01..{m.group(3)}-03"
        return m.group(1) or m.group(2)
    if re.search(r"今年|năm nay|this year", sentence) and year:
        return str(year)
    return None


def find(art: Article) -> list[Figure]:
    quantities, scales, units, money, growth, counts, skip = _rules()
    year = int(art.published[:4]) if art.published else art.year_hint
    out: list[Figure] = []
    seen = set()

    def add(f: Figure):
        key = (f.quantity, round(f.value, 4), f.unit, f.period)
        if key not in seen:
            seen.add(key)
            out.append(f)

    for _s0, _s1, sent in sentences(art.text):
        if not _HAS_NUMBER.search(sent):
            continue
        period = _period(sent, year)
        subject = None
        for clause in _clauses(sent):
            simp = to_simplified(clause)
            for name, rx in quantities:
                if rx.search(simp):
                    subject = name
                    break
            if skip.search(simp):
                continue
            if not re.search(r"[\d零一二三四五六七八九十百千两]", simp):
                continue  # no number in the clause
            cl_period = _period(clause, year) or period
            for m in money.finditer(simp):
                sign, num, scale, unit = m.group(1), m.group(2), m.group(3), m.group(4)
                if subject is None or not (unit or sign) or re.match(r"\s*[%％]", simp[m.end():]):
                    continue
                v = _number(num, art.language)
                if v is None:
                    continue
                v *= scales.get((scale or "").lower(), 1)
                add(Figure(subject, v, "USD" if sign else units[unit.lower()], cl_period, clause.strip()))
            for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s*(%|％|个百分点|percent|per cent|pct|phần trăm)", simp, re.I):
                if subject in ("trade", "investment") and growth.search(simp):
                    v = _number(m.group(1), art.language)
                    if v is not None:
                        add(Figure(subject + "_growth", v, "percent", cl_period, clause.strip()))
            for name, rx, needs, needs_quantity in counts:
                for m in rx.finditer(simp):
                    if needs is not None and not needs.search(to_simplified(sent)):
                        continue
                    if needs_quantity and subject != needs_quantity:
                        continue
                    v = _number(m.group(1), art.language)
                    if v is None or v > 10000 or m.group(1) == "一":  # 一份协议: "an agreement", no count
                        continue
                    when = None
                    if name == "documents_signed":
                        when = next((e.start for e in art.events if e.type == "signing" and e.start), None)
                    add(Figure(name, v, "count", when or cl_period, clause.strip()))
    return out


def run(art: Article, settings) -> Article:
    art.figures = find(art)
    return art
