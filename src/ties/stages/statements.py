"""Statements stage: who said what, one statement per reporting clause.

A statement opens where a person the entities stage found is the subject of a reporting verb
(data/statements.yaml: 表示, 强调, 时说…; cho biết, nhấn mạnh, chia sẻ…; said, told…): the verb
follows the person within the clause or after an apposition ("Thiếu tá Phạm Tiến Dũng - Tổ
trưởng …, cho biết"), or comes first ("said Mr Aiyar", "Theo ông X,"). A person right after an
object word (向, 对, với, to) is spoken to, not speaking. A closing attribution ("…”, ông Tùng
chia sẻ", "…," Mr Westwood said) gives the quote before it to its speaker. The sentences after
an opening in the same paragraph, and the paragraphs of an enumeration ("一是…", "二是…"), go
on in the speaker's words; 他/她 stand for the last speaker. Text cut short by a feed ("…")
and news-agency attributions ("据…报道") are not statements.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import knowledge
from ..model import Article, Statement
from ..textutil import CJK, sentences, to_simplified, trie_pattern

_ENUM = re.compile(r"^(一是|二是|三是|四是|五是|六是|七是|八是|第[一二三四五六七八九十]|首先|其次|此外|[一二三四五六七八九十]、)")
_TRUNCATED = re.compile(r"(…|\.\.\.)\s*[”\"」]?\s*$")
_QUOTE_OPEN = "“\"「『"
# adverbs that may stand between a speaker and the verb ("Châu Tấn cũng liên tục chia sẻ")
_ADVERBS = re.compile(r"(?:\s+(?:cũng|đã|từng|liên tục|còn|vẫn|lại|thêm|đều|nhiều lần|also|then|later|once))+")
_TRAILING_CUE = re.compile(r"(?:\s+(?:ông|bà|anh|chị|cô|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Tổng thống|President|Thủ tướng|"
                           r"Prime Minister|thẩm phán|Judge))+$")
# a closing attribution left at the end of a statement ("…”, thẩm phán Carpio nói.")
_TAIL_ATTRIBUTION = re.compile(r"([”\"])?\s*[,，]?\s*[”\"]?\s*[^,，”\"]{1,40}?\s(?:nói|cho biết|chia sẻ|khẳng định|said|says|"
                               r"added|told|explained|noted|stressed)(?:\s[^.,]{0,40})?\.?$")
_PRONOUN_CLOSE = re.compile(r"[,，]\s*(?:he|she|ông|bà|anh|chị|cô)\s+(?:\w+\s+){0,2}?(?:said|says|added|noted|explained|"
                            r"told|nói|cho biết|chia sẻ|khẳng định|nhấn mạnh|cho hay)\b[^.]{0,40}[.]?$", re.I)
_QUOTE_CLOSE = "”\"」』"
# a person owned by a noun before him ("đảng của Ngoại trưởng Heiko Maas") is not the clause's subject
_POSSESSIVE = re.compile(r"(?<!\w)của\s+(?:[^\s,，]+\s+){0,3}$")


@lru_cache(maxsize=1)
def _words():
    d = knowledge.load_yaml("statements.yaml")
    zh = sorted({to_simplified(w) for w in d["verbs"]["zh"]}, key=len, reverse=True)
    latin = sorted(set(d["verbs"]["vi"]) | set(d["verbs"]["en"]), key=len, reverse=True)
    zh_rx = re.compile("(?:" + "|".join(map(re.escape, zh)) + ")")
    latin_rx = re.compile(r"(?<!\w)(?:" + trie_pattern(latin) + r")(?!\w)", re.I)
    obj_before = re.compile(r"(?:" + "|".join(re.escape(to_simplified(w)) if CJK.search(w) else r"(?<!\w)" + re.escape(w)
                                              for w in d["object_words"]) + r")\s*[^\s，,。]{0,12}$", re.I)
    verb_first = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, d["verb_first"])) + r")\s+(?:[^\s,.;]+\s+){0,5}$", re.I)
    pronouns = re.compile(r"^(" + "|".join(map(re.escape, d["pronouns_zh"])) + r")(?![们們])(?:[^，。]{0,10}?)(" + zh_rx.pattern + ")")
    proposal = re.compile(r"(提出|就)[^。]{0,20}(举措|主张|建议|倡议)")
    return zh_rx, latin_rx, obj_before, verb_first, pronouns, proposal


@lru_cache(maxsize=1)
def _title_zh() -> re.Pattern:
    return re.compile(trie_pattern({to_simplified(w) for w in knowledge.roles()["zh"]}))


class _Extra:
    """The smaller word lists of statements.yaml, compiled once."""

    def __init__(self, d: dict):
        self.pause = frozenset(to_simplified(w) for w in d.get("verbs_needing_pause", []))
        self.passive = re.compile(r"(?<!\w)(?:" + trie_pattern(set(d.get("passive_before", []))) + r")\s+$", re.I)
        self.fragment = re.compile(r"^(?:[、，,.;；:：]|(?:" + trie_pattern(set(d.get("fragment_openers", [])))
                                   + r")(?!\w))")
        self.framing = re.compile(r"^\s*(?:" + trie_pattern(set(d.get("framing_openers", []))) + r")(?!\w)")


@lru_cache(maxsize=1)
def _extra() -> _Extra:
    return _Extra(knowledge.load_yaml("statements.yaml"))


@lru_cache(maxsize=1)
def _not_verbs() -> tuple[str, ...]:
    """Phrases in which a verb of saying says nothing ("nói trên", "nói chung")."""
    return tuple(w.lower() for w in knowledge.load_yaml("statements.yaml").get("not_verbs", []))


def _verb_after(text: str, rel: int, limit: int):
    """The reporting verb after a person, within `limit` characters, before a full stop."""
    zh_rx, latin_rx, *_ = _words()
    window = text[rel:rel + limit + 16]  # a verb that starts within the limit may run past it
    stop = re.search(r"[。！？!?]|\.\s", window)
    if stop:
        window = window[:stop.start()]
    best = None
    for rx in (zh_rx, latin_rx):
        for m in rx.finditer(window):
            if m.start() >= limit:
                break
            if m.start() > 0 and window[m.start() - 1] in "的之":
                continue  # "…的建议": a noun, not a verb
            if m.group(0) in ("说", "說") and m.start() > 0 and window[m.start() - 1] in "演传傳小学學据據听聽":
                continue  # 演说, 据说: nouns and hearsay
            if window[m.start():m.start() + 16].lower().startswith(_not_verbs()):
                continue  # "hai người khách nói trên": the ones named above, not speech
            if m.group(0) in _extra().pause and window[m.end():m.end() + 1] not in "，,：:":
                continue  # "致电祝贺X当选": congratulates someone, says nothing
            if _extra().passive.search(window, max(0, m.start() - 8), m.start()):
                continue  # "được cho rằng", "was said": hearsay, nobody's statement
            if best is None or m.start() < best.start():
                best = m
            break
    return best


def _speaker(sent: str, base: int, persons) -> tuple[str, str] | None:
    """(speaker, statement) for a sentence that opens a statement."""
    zh_rx, latin_rx, obj_before, verb_first, *_ = _words()
    simp = to_simplified(sent)
    mentions = sorted((a - base, b - base, p.name) for p in persons for a, b, _f in p.mentions
                      if base <= a < base + len(sent))
    for a, b, name in mentions:  # a person right before the verb ("王毅表示", "ông Tùng cho biết")
        if obj_before.search(simp[max(0, a - 14):a]) or _POSSESSIVE.search(sent[max(0, a - 40):a]):
            continue
        gap = _ADVERBS.match(sent, b)
        m = _verb_after(simp, gap.end() if gap else b, 9)
        if m and simp[(gap.end() if gap else b) + m.start() - 1:(gap.end() if gap else b) + m.start()] in ("时", "時") \
                and mentions[0][0] < a and not obj_before.search(simp[max(0, mentions[0][0] - 14):mentions[0][0]]):
            # "习近平会见到访的王庭惠时强调": who is met is not who speaks; the clause's subject is
            return mentions[0][2], _after(sent, (gap.end() if gap else b) + m.end())
        if m and not re.search(r"[，,“\"「]", simp[b:(gap.end() if gap else b) + m.start()]):
            head = _TRAILING_CUE.sub("", sent[:a].rstrip())
            if (not CJK.search(sent[a:b]) and len(head) >= 20 and head.endswith((",", "，", "\"", "”"))
                    and not _extra().framing.match(head)):
                # "…reduce its dependence on Gulf states, Mr Westwood explained, especially as…"
                return name, head.rstrip(",，").strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ") + " " + _after(
                    sent, (gap.end() if gap else b) + m.end())
            return name, _after(sent, (gap.end() if gap else b) + m.end())
    for a, b, name in mentions:
        if obj_before.search(simp[max(0, a - 14):a]):
            continue  # "向范明政说": spoken to
        if _POSSESSIVE.search(sent[max(0, a - 40):a]):
            continue  # "đảng của Ngoại trưởng Heiko Maas, đã … khẳng định": the party's man speaks
        if re.match(r"\s*(?:夫人|丈夫|的妻子|的丈夫|之妻|之夫)", simp[b:b + 5]):
            continue  # "习近平夫人彭丽媛…说": the spouse named after him speaks
        m = _verb_after(simp, b, 90 if not CJK.search(sent[a:b]) else 60)
        if m is None:
            continue
        between = simp[b:b + m.start()]
        if re.search(r"[;；]", between):
            continue  # "X chào mừng Y …; khẳng định …": the verb is of the sentence's subject, not of Y
        if _lists()[1].search(between):
            continue  # "…Trump về những gì có thể xảy ra nếu thông tin…": the verb is another clause's
        if CJK.search(sent[a:b]) and re.search(r"[，,]", between) and _lists()[0].search(simp[max(0, a - 6):a]):
            continue  # "证实，收到前总统马英九访陆申报，希望他…": the person is an object; the body speaks
        if re.search(r"[“\"「]", between) or (CJK.search(sent[a:b]) and re.search(r"[，；]", between)
                                               and _title_zh().search(re.split(r"[，；]", between)[-1])):
            continue  # "高虹安争议缠身，民众党总统参选人柯文哲回应时说": a new titled subject after the comma
        return name, _after(sent, b + m.end())
    for a, b, name in mentions:  # "said Mr Aiyar", "Theo ông X,"
        if verb_first.search(sent[max(0, a - 40):a]):
            head = sent[:a]
            quote = re.search(r"[“\"]([^”\"]{4,})[”\"]", head)
            if quote:
                return name, quote.group(1)  # "…," said Mr Aiyar: the quote before is the statement
            closed = re.match(r"\s*([^“”\"]{12,}?)[,，]?\s*[”\"]\s*[,，]?\s*\S+(?:\s+\S+){0,5}\s*$", head)
            if closed:
                return name, closed.group(1)  # a quote opened in an earlier sentence closes before "said X"
            lead_in = re.search(r"(?:,\s*)?(?:according to|theo|据|據)\s*$", sent[:a], re.I)
            if lead_in and len(sent[:lead_in.start()].strip()) >= 15:
                return name, sent[:lead_in.start()]  # "It has discussed…, according to Youssef Nasr, …"
            after = re.match(r"[^,，]*[,，]\s*", sent[b:])
            rest = b + (after.end() if after else 0)
            apposition = re.match(r"([^,，“”\"]{2,120}?)[,，]\s*", sent[rest:])
            if after and apposition and _title_latin().match(apposition.group(1)):
                rest += apposition.end()  # "Theo ông X, Chủ tịch HĐQT Tập đoàn T&T, Cần Thơ là…": his title, not his words
            return name, sent[rest:]
    return None


@lru_cache(maxsize=1)
def _title_latin() -> re.Pattern:
    """A title or person word opening an apposition ("Chủ tịch HĐQT…", "chief executive of…")."""
    r = knowledge.roles()
    words = {w for k in ("vi", "en", "vi_person_cues", "en_person_cues") for w in r.get(k, []) if len(w) > 2}
    words |= {w[:1].upper() + w[1:] for w in words} | {w.lower() for w in words}
    return re.compile(r"(?:a|an|the|một)?\s*(?:" + trie_pattern(words) + r")(?!\w)")


def _after(sent: str, end: int) -> str:
    more = re.match(r"(?:时|時)?(?:说|說|表示|指出|强调|強調|称|稱)", sent[end:])  # "回应时说", "会见时表示"
    end += more.end() if more else 0
    if sent[max(0, end - 4):end].lower() == "told":  # "told the Independent he expected…": skip who was told
        told = re.match(r"\s+(?:the\s+)?(?:[A-Z][\w.&'-]*[:,]?\s+){1,4}|\s+reporters\s+|\s+journalists\s+", sent[end:])
        end += told.end() - 1 if told else 0
    told_vi = re.match(r"\s+với\s+(?:[A-ZĐ][^\s,]*\s+){1,4}(?=rằng|,)", sent[end:])  # "nói với Nikkei Asia rằng"
    end += told_vi.end() if told_vi else 0
    colon = re.match(r"\s*(?:rằng|that)?\s*[：:，,]?\s*", sent[end:])
    return sent[end + (colon.end() if colon else 0):]


_INNER_REPORT = re.compile(r"[；;，,]\s*(?:(?:他|她|he|she|ông|bà|anh|chị|ông ấy|bà ấy|{names})\s*)?"
                           r"(?:又|还|並|并|也|cũng|còn|song|nhưng|but)?\s*(?:说|說|表示|强调|強調|指出|称|稱|cho rằng|nói|cho biết|"
                           r"khẳng định|nhấn mạnh|said|added|noted)\s*(?:rằng|that)?\s*[，,：:]?\s*")


@lru_cache(maxsize=256)
def _inner_report_rx(names: str) -> re.Pattern:
    return re.compile(_INNER_REPORT.pattern.replace("{names}", names or "(?!x)x"), re.I)


def _reporting_clauses(body: str, forms: set[str]) -> list[str]:
    """One statement per reporting clause: "…5+11新制；邱国正说，训而未用…" and "NATO chỉ mạnh
    khi có Mỹ, cho rằng liên minh…" are two statements, without the narration between."""
    named = [f for f in forms if f and f in body]  # the speaker named again inside his words
    rx = _inner_report_rx("|".join(re.escape(f) for f in sorted(named, key=len, reverse=True)))
    parts, pos = [], 0
    for m in rx.finditer(body):
        if m.start() - pos >= 4:
            parts.append(body[pos:m.start()])
            pos = m.end()
    parts.append(body[pos:])
    return parts


def _closing(sent: str, base: int, persons) -> tuple[str, str] | None:
    """"…”, ông Tùng chia sẻ." / "…," Mr Westwood said.: (speaker, quote)."""
    zh_rx, latin_rx, obj_before, *_ = _words()
    stripped = sent.strip()
    close = max(stripped.rfind("”"), stripped.rfind('"'))
    if close < 6 or len(stripped) - close > 110:
        return None
    m = re.match(r"\s*[,，\-–]?\s*(.{0,106})$", stripped[close + 1:])  # "…," Craig Mundie, Microsoft's …, told Reuters.
    opening = max(stripped.rfind("“", 0, close), stripped.rfind('"', 0, close))
    quote = stripped[opening + 1:close] if opening >= 0 else stripped[:close]
    if not m or len(quote) < 6:
        return None
    m = (quote, m.group(1))
    tail_start = sent.find(m[1]) if m[1] else -1
    if tail_start < 0:
        return None
    found = []
    for p in persons:
        for a, b, _f in p.mentions:
            rel = a - base
            if rel >= 0 and obj_before.search(to_simplified(sent[max(0, rel - 14):rel])):
                continue  # "…”, cha của Na Young nói": the father speaks, not Na Young
            if tail_start <= rel < len(sent) and (latin_rx.search(sent[b - base:]) or zh_rx.search(sent[b - base:])):
                found.append((rel, p.name))
    return (min(found)[1], m[0].strip()) if found else None  # the first person of the attribution


_NARRATION_ZH = re.compile(r"星期[一二三四五六日天]|(?<![一-龥])周[一二三四五六日]|[0-9０-９一二三四五六七八九十]+月[0-9０-９一二三四五六七八九十]+日"
                           r"|当天|當天|当日|當日|同日|据[^，。]{0,30}报道|據[^，。]{0,30}報道")
_SPEECH_PERSON_ZH = re.compile(r"我|你|您|咱")
_PRONOUN_HEAD = re.compile(r"^\s*(?:他|她|其|他们|她们|他們|她們|(?:he|she|they|it|ông|bà|anh|chị|cô|ông ấy|bà ấy|họ)(?!\w))", re.I)




@lru_cache(maxsize=1)
def _lists() -> tuple[re.Pattern, re.Pattern]:
    """(verbs whose object a person after them is, words that open another clause) of statements.yaml."""
    d = knowledge.load_yaml("statements.yaml")
    objects = re.compile("(?:" + trie_pattern({to_simplified(w) for w in d["object_verbs_zh"]}) + ")[^，。]{0,5}$")
    other = re.compile(r"(?<!\w)(?:" + trie_pattern(set(d["other_clause_words"])) + r")(?!\w)", re.I)
    return objects, other


def _opens_with_quote(para: str) -> bool:
    """The paragraph starts with a quotation of a sentence or more, not a quoted term
    ("“三证合一”是…", "\"Vành đai, con đường\" là…")."""
    m = re.match(r"\s*[“\"「『]([^”\"」』]*)([”\"」』]|$)", para)
    if not m:
        return False
    inner = m.group(1)
    return (len(CJK.findall(inner)) >= 20 or len(inner.split()) >= 8) and bool(re.search(r"[，,。.!?！？]", inner))


@lru_cache(maxsize=1)
def _comment_rx() -> re.Pattern:
    words = knowledge.load_yaml("statements.yaml").get("narration_after", [])
    return re.compile(r"[，,；;]\s*(?:" + trie_pattern(words) + ")")


_FOOTNOTE = re.compile(r"\s*[（(\[]\d{1,2}[）)\]]\s*([。.]?)$")  # "…弗林 （2）。": the article's note mark


def _cut_comment(body: str) -> str:
    """The statement without the report's comment on it ("…敲定，這令觀察家感到意外" → "…敲定")."""
    m = _comment_rx().search(body)
    return body[:m.start()] + ("。" if CJK.search(body[:m.start()][-1:]) else ".") if m else body


@lru_cache(maxsize=1)
def _pronoun_speaks_rx() -> re.Pattern:
    d = knowledge.load_yaml("statements.yaml")
    verbs = trie_pattern({w for w in d["verbs"]["vi"] + d["verbs"]["en"] if w != "according to"})
    return re.compile(r"^\s*(?:Ông|Bà|Ông ấy|Bà ấy|He|She)\s+(?:(?:cũng|còn|thì|also|then)\s+)?(?:" + verbs
                      + r")(?!\w)\s*(?:rằng|that)?\s*[,:：]?")


def _pronoun_speaks(sent: str):
    """"Ông cho biết, …" at the head of a sentence: the last speaker goes on."""
    return _pronoun_speaks_rx().match(sent)


def _long_enough(part: str) -> bool:
    """A statement says something: eight characters of Chinese or four words ("治療方式。", the
    object of 提出, and "trước trận đấu." after "phát biểu" are not one)."""
    cjk = len(CJK.findall(part))
    return cjk >= 8 if cjk else len(part.split()) >= 4


@lru_cache(maxsize=1)
def _latin_verbs_lower() -> re.Pattern:
    """The Latin reporting verbs for lower-cased text (faster than the same with re.I)."""
    d = knowledge.load_yaml("statements.yaml")
    return re.compile(r"(?<!\w)(?:" + trie_pattern({w.lower() for w in d["verbs"]["vi"] + d["verbs"]["en"]}) + r")(?!\w)")


@lru_cache(maxsize=1)
def _others_ask_zh() -> re.Pattern:
    words = knowledge.load_yaml("statements.yaml").get("asking_verbs_zh", [])
    return re.compile(trie_pattern({to_simplified(w) for w in words}) if words else r"(?!x)x")


def _unnamed_speaker(sent: str, simp: str, base: int, starts: list[int]) -> bool:
    """Someone the text does not name speaks ("多国学者也表示，…", "Michelle, a mother of twins,
    said…"): the words that follow are nobody's we know, and a later "she said" is not the last
    named speaker's."""
    zh_rx, latin_rx, *_ = _words()
    if sent.lstrip()[:1] in _QUOTE_OPEN or _PRONOUN_HEAD.match(sent):
        return False
    if CJK.search(sent):
        head = re.split(r"[，,。；;：:“「]", simp, maxsplit=1)[0]
        m = zh_rx.search(head) or _others_ask_zh().search(head)  # "員工因而追問…", "有員工指責…"
        found = bool(m and m.start() >= 2 and head[m.start() - 1] not in "的之")
    else:
        m = _latin_verbs_lower().search(sent.lower())
        found = bool(m and m.start() >= 3 and not re.search(r"[“\"]", sent[:m.start()]))
    if not found:
        return False
    # a person named before the verb is its subject ("有員工認為蔡玉玲…": 蔡玉玲 comes after it)
    i = bisect.bisect_left(starts, base)  # `starts`: where the article's person mentions start, sorted
    return not (i < len(starts) and starts[i] < base + m.start())


def find(art: Article) -> list[Statement]:
    *_, pronouns, proposal = _words()
    persons = [e for e in art.entities if e.type == "person"]
    starts = sorted(a for p in persons for a, _b, _f in p.mentions)
    out: list[Statement] = []
    offset = 0
    last_speaker = None
    carry = None  # speaker of an enumeration that continues over paragraphs
    spoke_before = False  # the previous paragraph gave someone's words
    for para in art.text.split("\n"):
        speaker = None
        if carry and _ENUM.match(para):
            speaker = carry
        else:
            carry = None
        if speaker is None and spoke_before and last_speaker and _opens_with_quote(para):
            speaker = last_speaker  # a paragraph that is one quote goes on in the last speaker's words
        spoke_before = False
        for s0, _s1, sent in sentences(para):
            base = offset + s0
            simp = to_simplified(sent)
            body = None
            closing = _closing(sent, base, persons)
            hit = _speaker(sent, base, persons)
            pron = _PRONOUN_CLOSE.search(sent) if not (closing or hit) and last_speaker else None
            if pron:  # "…, but others would be cancelled, he said."
                closing = (last_speaker, sent[:pron.start()])
            if hit and speaker and hit[0] != speaker and not closing and re.search(r"你|您", simp):
                hit = None  # "习近平总书记同你举行会谈": said to the guest, inside the speaker's words
            if not (closing or hit or pron) and _unnamed_speaker(sent, simp, base, starts):
                speaker = last_speaker = None
                continue
            if (speaker and not (closing or hit or pron) and _NARRATION_ZH.search(simp)
                    and not _SPEECH_PERSON_ZH.search(simp)):
                speaker = None  # "大陆国台办星期三举行例行新闻发布会。": the report goes on, not the speaker
                continue
            if closing:
                speaker, body = closing
                last_speaker = speaker
            elif hit:
                speaker, body = hit
                last_speaker = speaker
            elif pronouns.match(simp) and last_speaker:
                speaker = last_speaker
                body = sent[pronouns.match(simp).end():].lstrip("，,：:")
            elif last_speaker and _pronoun_speaks(sent):  # "Ông cho biết, …", "He said …"
                speaker = last_speaker
                body = sent[_pronoun_speaks(sent).end():].lstrip(" ,:：")
            elif speaker and (CJK.search(sent) or re.match(r"\s*[\"“‘]", sent)):
                body = sent.strip()  # the paragraph goes on in the speaker's words
            else:
                if proposal.search(sent):
                    mention = [p.name for p in persons for (a, b, _) in sorted(p.mentions) if base <= a < base + len(sent)]
                    carry = mention[0] if mention else carry
                continue
            body = _cut_comment(_TAIL_ATTRIBUTION.sub(r"\1", (body or "").strip()))
            forms = {m[2] for p in persons if p.name == speaker for m in p.mentions} | {speaker}
            for part in _reporting_clauses(body, forms):
                part = _FOOTNOTE.sub(r"\1", part.strip()).strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ，,;；")
                if _long_enough(part) and not _TRUNCATED.search(sent) and not _extra().fragment.match(part):
                    out.append(Statement(speaker=speaker, text=part, offsets=(base, base + len(sent))))
                    spoke_before = True
            if proposal.search(sent):
                carry = speaker
        offset += len(para) + 1
    return out


def run(art: Article, settings) -> Article:
    art.statements = find(art)
    return art
