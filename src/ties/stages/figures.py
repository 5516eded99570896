"""Figures stage: amounts stated as facts (trade, investment, growth, projects, aid, documents),
with units in base units (1659亿美元 → 165900000000 USD) and the period they cover.

Chinese numerals are converted with cn2an; which quantity a number is comes from the words
before it in the same clause (data-like lists below).
"""
from __future__ import annotations

import datetime as dt
import re

import cn2an

from ..model import Article, Figure
from ..textutil import sentences

_SCALE = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6,
          "tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "billion": 1e9, "million": 1e6, "bn": 1e9, "m": 1e6}
_UNIT = {"美元": "USD", "美金": "USD", "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "越南盾": "VND", "越盾": "VND",
         "USD": "USD", "đô la Mỹ": "USD", "đồng": "VND", "VND": "VND", "$": "USD", "dollars": "USD"}
_NUM = r"(\d+(?:[.,]\d+)?|[零一二三四五六七八九十百千两]+)"
_MONEY_ZH = re.compile(_NUM + r"\s*(万亿|千亿|百亿|千万|百万|亿|万)?\s*(美元|美金|元人民币|人民币|越南盾|越盾|元)")
_MONEY_EN = re.compile(r"(?:US)?\$\s?(\d+(?:\.\d+)?)\s*(billion|million|bn|m)\b|(\d+(?:[.,]\d+)?)\s*(tỷ|triệu)\s*(USD|đô la Mỹ|đồng|VND)")
_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|个百分点)")
_COUNT = re.compile(_NUM + r"\s*(个|份|项)\s*(?:[\u4e00-\u9fff]{0,8}?)(项目|文件|文本|协议|合作文件|合作文本)")

# words before a figure in its clause that say what it measures, most specific first
_QUANTITY = [
    ("trade", r"贸易额|进出口额|进出口总额|双边贸易|贸易|kim ngạch|thương mại|trade"),
    ("investment", r"注册资金|投资额|协议资金|投资|vốn đầu tư|đầu tư|investment"),
    ("aid", r"援助|捐赠|viện trợ|aid"),
]


def _number(s: str, lang: str | None = None) -> float | None:
    """"1,659" and "9.9" in Chinese and English; "9,9" (decimal comma) and "10.000" in Vietnamese."""
    s = s.replace(".", "").replace(",", ".") if lang == "vi" else s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        try:
            return float(cn2an.cn2an(s, "smart"))
        except (ValueError, KeyError, TypeError):
            return None


def _clauses(text: str):
    pos = 0
    for part in re.split(r"(?<=[。；;\n])", text):
        for clause in re.split(r"(?<=，)|(?<=,)(?!\d)", part):  # not inside "9,9" or "1,659"
            yield pos, clause
            pos += len(clause)


def _period(sentence: str, year: int | None) -> str | None:
    m = re.search(r"(?:截至|截止|累计至|至)\s*(\d{4})年(\d{1,2})月(\d{1,2})日", sentence)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = re.search(r"(今年|(\d{4})年)前(\d{1,2})(个)?月", sentence)
    if m:
        y = int(m.group(2)) if m.group(2) else year
        if y:
            return f"{y}-01..{y}-{int(m.group(3)):02d}"
    m = re.search(r"(\d{4})年(?!\d{1,2}月)|(?:năm|Năm|in|In)\s+((?:19|20)\d{2})\b", sentence)
    if m:
        return m.group(1) or m.group(2)
    if "今年" in sentence and year:
        return str(year)
    return None


def find(art: Article) -> list[Figure]:
    year = int(art.published[:4]) if art.published else art.year_hint
    out: list[Figure] = []
    for _s0, _s1, sent in sentences(art.text):
        period = _period(sent, year)
        subject = None
        for _, clause in _clauses(sent):
            for q, words in _QUANTITY:
                if re.search(words, clause, re.I):
                    subject = q
                    break
            if re.search(r"国家和地区|các quốc gia", clause):
                continue
            cl_period = _period(clause, year) or period
            for m in _MONEY_ZH.finditer(clause):
                v = _number(m.group(1), art.language)
                if v is None or subject is None:
                    continue
                v *= _SCALE.get(m.group(2) or "", 1)
                out.append(Figure(subject, v, _UNIT[m.group(3)], cl_period, clause.strip()))
            for m in _MONEY_EN.finditer(clause):
                if subject is None:
                    continue
                if m.group(1):
                    v, unit = float(m.group(1)) * _SCALE[m.group(2)], "USD"
                else:
                    v = _number(m.group(3), "vi") or 0
                    v, unit = v * _SCALE[m.group(4)], _UNIT[m.group(5)]
                out.append(Figure(subject, v, unit, cl_period, clause.strip()))
            for m in _PCT.finditer(clause):
                if subject in ("trade", "investment") and re.search(r"增长|增加|下降|tăng|giảm|grew|rose|up", clause):
                    out.append(Figure(subject + "_growth", float(m.group(1)), "percent", cl_period, clause.strip()))
            for m in _COUNT.finditer(clause):
                v = _number(m.group(1))
                if v is None:
                    continue
                if m.group(3) == "项目" and subject == "investment":
                    out.append(Figure("investment_projects", v, "count", cl_period, clause.strip()))
                elif m.group(3) != "项目" and re.search(r"签署|签订|交换|ký", sent):
                    when = next((e.start for e in art.events if e.type == "signing" and e.start), None)
                    out.append(Figure("documents_signed", v, "count", when or cl_period, clause.strip()))
    return out


def run(art: Article, settings) -> Article:
    art.figures = find(art)
    return art
