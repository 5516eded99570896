"""The SQLite store (WAL): sources with their bytes, articles, rejects, near-duplicates, search, knowledge.

Stages never see SQL; they hand `Article` dicts to `Store.put_article`. The CLI, the
ingest loop and the query commands all go through this class.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
import zlib
from importlib import resources

from ..errors import StoreError
from ..textutil import fold, segment, squash, to_simplified

SCHEMA_VERSION = "3"
MAX_QUERY_CHARS = 1000   # a query longer than this is refused with a message
MAX_QUERY_TERMS = 32     # repeated words count once; words past this many are not searched
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]) (?=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def text_hash(title: str, text: str) -> str:
    """Same hash = same article: NFKC, lower case, no whitespace; the title counts only when there is no text."""
    basis = text if text.strip() else "title:" + title
    norm = squash(basis).lower()  # the same key as a whitespace regex, at the cost of one copy
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _prepare(s: str) -> str:
    return to_simplified(s or "").replace("đ", "d").replace("Đ", "D")


MAX_INDEXED_CHARS = 1_000_000  # the full-text index holds the first million characters of a text


def search_form(s: str) -> str:
    """What the full-text index holds: simplified Chinese, words split by spaces, đ→d."""
    return " ".join(segment(_prepare(s)))


def search_fields(art: dict) -> tuple[str, str, str]:
    """What the full-text index holds for an article: its title's and text's words (the text's
    first million characters), and the shorter words inside long Chinese ones."""
    body = (art.get("text") or "")[:MAX_INDEXED_CHARS]  # the text is stored whole, searched by its start
    title = art.get("title") or ""
    return search_form(title), search_form(body), search_extra(title + "\n" + body)


def search_extra(s: str) -> str:
    """The shorter words inside long Chinese words, so that a query for one of them matches too."""
    words = set(segment(_prepare(s)))
    return " ".join(sorted({w for w in segment(_prepare(s), for_search=True) if w not in words}))


def _fold_table() -> dict[int, str]:
    table = {}
    for cp in range(0x80, 0x2000):  # Latin with diacritics, Vietnamese included: one base letter each
        c = chr(cp)
        base = unicodedata.normalize("NFD", c)[0]
        if base != c and len(base) == 1 and base.isascii():
            table[cp] = base.lower()
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


def _fold_chars(s: str) -> str:
    """Lower case without diacritics, one character for one (so offsets stay those of the text)."""
    lowered = s.lower()
    return (lowered if len(lowered) == len(s) else s).translate(_FOLD).lower()


def _snippet(text: str, words: list[str], width: int = 70) -> str:
    """A window of the original text around the query (or else the first of its words) that the
    text holds, in [brackets]; Chinese found through its simplified form, Latin without diacritics."""
    folded = _fold_chars(to_simplified(text[:50_000]))
    best = None
    for w in words:  # in the order given: the whole query first, then its words
        w = _fold_chars(to_simplified(w.replace(" ", ""))) if re.search(r"[\u3400-\u9fff]", w) else _fold_chars(w)
        i = folded.find(w) if w else -1
        if i >= 0:
            best = (i, i + len(w))
            break
    if best is None:
        return text[:2 * width].replace("\n", " ")
    a, b = best
    lo, hi = max(0, a - width), min(len(text), b + width)
    piece = text[lo:a] + "[" + text[a:b] + "]" + text[b:hi]
    return ("… " if lo else "") + piece.replace("\n", " ") + (" …" if hi < len(text) else "")


def _conditions(pairs: list[tuple[str, object]]) -> tuple[list[str], list]:
    """'AND …' clauses and their arguments for the filters that were given."""
    given = [(clause, value) for clause, value in pairs if value]
    return ["AND " + clause for clause, _ in given], [value for _, value in given]


class Store:
    def __init__(self, path: str, read_only: bool = False):
        """Open (or, for writing, create) a store. A database that holds other tables and no
        ties schema marker is refused untouched; `read_only` opens an existing store without
        writing anything to it (searches, queries, the web app)."""
        self.path = path
        if read_only:
            if not os.path.isfile(path):
                raise StoreError(f"{path}: no store here (make one with: ties ingest --db {path} FILES)")
            try:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, isolation_level=None)
                self.db.row_factory = sqlite3.Row
                self._check_ours()
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{path}: cannot open the store: {e}")
            return
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self._check_ours()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA cache_size=-20000")
            with resources.files("ties.store").joinpath("schema.sql").open(encoding="utf-8") as f:
                self.db.executescript(f.read())
            self._migrate()
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: cannot open the store: {e}")

    def _check_ours(self):
        """A SQLite file of another program (tables, but no ties marker) is not written to."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return
        marker = None
        if "meta" in tables:
            try:
                marker = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            except sqlite3.DatabaseError:
                marker = None
        if marker is None:
            raise StoreError(f"{self.path}: this database is not a ties store (it holds other tables); "
                             "nothing was changed")

    def _migrate(self):
        """Columns added since a store was made (schema 1 → 2: events.bilateral, events.recalled;
        2 → 3: rejects.kind)."""
        cols = {r[1] for r in self.db.execute("PRAGMA table_info(events)")}
        for col in ("bilateral", "recalled"):
            if col not in cols:
                self.db.execute(f"ALTER TABLE events ADD COLUMN {col} INTEGER NOT NULL DEFAULT 0")
        if "kind" not in {r[1] for r in self.db.execute("PRAGMA table_info(rejects)")}:
            self.db.execute("ALTER TABLE rejects ADD COLUMN kind TEXT NOT NULL DEFAULT 'error'")

    def close(self):
        self.db.close()

    # ------------------------------------------------------------ transactions
    def begin(self):
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self):
        self.db.execute("COMMIT")

    def rollback(self):
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # ------------------------------------------------------------ sources
    def known_hashes(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT path, sha256 FROM sources")}

    def put_source(self, path: str, sha: str, data: bytes) -> int:
        raw = zlib.compress(data, 6)
        row = self.db.execute("SELECT id FROM sources WHERE path=?", (path,)).fetchone()
        if row:
            self.db.execute("UPDATE sources SET sha256=?, size=?, raw=?, ingested_at=? WHERE id=?",
                            (sha, len(data), raw, now(), row[0]))
            return row[0]
        cur = self.db.execute("INSERT INTO sources(path, sha256, size, raw, ingested_at) VALUES (?,?,?,?,?)",
                              (path, sha, len(data), raw, now()))
        return cur.lastrowid

    def iter_sources(self):
        for r in self.db.execute("SELECT id, path, sha256, raw FROM sources ORDER BY id"):
            yield r["id"], r["path"], zlib.decompress(r["raw"])

    def clear_source(self, source_id: int, path: str):
        """Forget what a source gave before (it changed, or is re-extracted); drop orphaned articles."""
        old = [r[0] for r in self.db.execute("SELECT DISTINCT article_id FROM article_sources WHERE source_id=?",
                                             (source_id,))]
        self.db.execute("DELETE FROM article_sources WHERE source_id=?", (source_id,))
        self.db.execute("DELETE FROM rejects WHERE path=?", (path,))
        for aid in old:
            if not self.db.execute("SELECT 1 FROM article_sources WHERE article_id=? LIMIT 1", (aid,)).fetchone():
                self.delete_article(aid)

    def delete_article(self, aid: int):
        self.db.execute("DELETE FROM articles_fts WHERE rowid=?", (aid,))
        self.db.execute("DELETE FROM minhash_bands WHERE article_id=?", (aid,))
        self.db.execute("DELETE FROM near_duplicates WHERE a=? OR b=?", (aid, aid))
        self.db.execute("DELETE FROM articles WHERE id=?", (aid,))

    def add_reject(self, path: str, item: str, reason: str, kind: str = "error"):
        self.db.execute("INSERT INTO rejects(path, item, reason, at, kind) VALUES (?,?,?,?,?)",
                        (path, item, reason, now(), kind))

    # ------------------------------------------------------------ articles
    def put_article(self, source_id: int, art: dict, sig=None, bands=None, threshold: float = 0.8,
                    fts: tuple[str, str, str] | None = None) -> tuple[int, bool]:
        """Store one article from one source item. Returns (article id, whether it was new).
        `fts`: the article's search forms (`search_fields`), when a worker process made them."""
        h = text_hash(art.get("title") or "", art.get("text") or "")
        row = self.db.execute("SELECT id FROM articles WHERE text_hash=?", (h,)).fetchone()
        new = row is None
        if new:
            cur = self.db.execute(
                "INSERT INTO articles(text_hash, title, published, outlet, url, language, text, relevant, data) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (h, art.get("title"), art.get("published"), art.get("outlet"), art.get("url"), art.get("language"),
                 art.get("text"), int(bool(art.get("relevant"))),
                 json.dumps({k: v for k, v in art.items() if k != "text"}, ensure_ascii=False)))
            aid = cur.lastrowid
            self.db.execute("INSERT INTO articles_fts(rowid, title, body, extra) VALUES (?,?,?,?)",
                            (aid, *(fts or search_fields(art))))
            if sig is not None:
                self._near_duplicates(aid, sig, bands, threshold)
            self._index_knowledge(aid, art)
        else:
            aid = row[0]
        self.db.execute("INSERT OR REPLACE INTO article_sources(source_id, item, article_id) VALUES (?,?,?)",
                        (source_id, art["source_path"], aid))
        return aid, new

    def _near_duplicates(self, aid: int, sig, bands: list[int], threshold: float):
        import numpy as np

        cands = set()
        for b, bucket in enumerate(bands):
            for (other,) in self.db.execute("SELECT article_id FROM minhash_bands WHERE band=? AND bucket=?", (b, bucket)):
                cands.add(other)
        self.db.executemany("INSERT INTO minhash_bands(band, bucket, article_id) VALUES (?,?,?)",
                            [(b, bucket, aid) for b, bucket in enumerate(bands)])
        self.db.execute("INSERT OR REPLACE INTO minhash(article_id, sig) VALUES (?,?)", (aid, sig.tobytes()))
        best = None
        for other in cands:
            r = self.db.execute("SELECT sig FROM minhash WHERE article_id=?", (other,)).fetchone()
            if not r:
                continue
            osig = np.frombuffer(r[0], dtype=sig.dtype)
            if osig.shape != sig.shape:
                continue
            sim = float((osig == sig).mean())
            if sim >= threshold:
                self.db.execute("INSERT OR IGNORE INTO near_duplicates(a, b, similarity) VALUES (?,?,?)",
                                (min(aid, other), max(aid, other), sim))
                if best is None or sim > best[1]:
                    best = (other, sim)
        if best:
            self.db.execute("UPDATE articles SET near_duplicate_of=? WHERE id=?", (best[0], aid))

    # ------------------------------------------------------------ knowledge
    def _index_knowledge(self, aid: int, art: dict):
        from .knowledge_index import index_article
        index_article(self.db, aid, art)

    # ------------------------------------------------------------ queries
    def search(self, query: str, outlet=None, lang=None, since=None, until=None, limit=20,
               relevant: bool | None = None) -> list[dict]:
        """Articles matching every word of QUERY ("quoted phrases" as phrases), ranked by bm25 and
        then: the exact form the user typed (Biển Đông with its diacritics) above folded matches,
        the words side by side above words apart (bien dong: Biển Đông before Biên Hòa … Đông);
        near-duplicates fold into the first hit ("copies"); snippets come from the original text."""
        if len(query) > MAX_QUERY_CHARS:
            raise StoreError(f"the query is {len(query)} characters long; at most {MAX_QUERY_CHARS} are searched")
        phrases = [p for p in re.findall(r'"([^"]+)"', query) if p.strip()]
        loose = re.sub(r'"[^"]*"', " ", query)
        terms = [" ".join(search_form(p).split()) for p in phrases]
        terms += [t for t in search_form(loose).split() if re.search(r"\w", t)]
        terms = [t for t in dict.fromkeys(terms) if t][:MAX_QUERY_TERMS]
        if not terms:
            return []
        fts_query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        # Rank inside the full-text index first, without the articles table when nothing filters
        # on it; then read the few rows returned. Scoring every match of a common word (经济)
        # through a join, with a snippet each, is what made a search slow at 100,000 articles.
        filters, args = _conditions([("a.outlet = ? COLLATE NOCASE", outlet), ("a.language = ?", lang),
                                     ("a.published >= ?", since),
                                     ("a.published <= ?", until + "~" if until and len(until) == 10 else until),
                                     ("a.relevant = ?", 1 if relevant else None)])
        args = [fts_query] + args
        score = "bm25(articles_fts, 4.0, 1.0, 0.5)"
        if filters:
            ranked = ("SELECT a.id, " + score + " AS score FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                      "WHERE articles_fts MATCH ? " + " ".join(filters) + " ORDER BY score LIMIT ?")
        else:
            ranked = "SELECT rowid AS id, " + score + " AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?"
        pool = self.db.execute(ranked, args + [limit + 10]).fetchall()  # re-ranked below: the top of bm25
        exact = query.replace('"', " ").split()
        together = _fold_chars(" ".join(exact))
        hits = []
        for art_id, sc in pool:
            row = self.db.execute("SELECT id, title, published, outlet, language, url, text FROM articles WHERE id = ?",
                                  (art_id,)).fetchone()
            d = dict(row)
            text = d.pop("text") or ""
            head = (d["title"] or "") + "\n" + text[:5_000]
            bonus = (2.0 if all(w in head for w in exact) else 0.0) + (1.0 if together and together in _fold_chars(head) else 0.0)
            d["score"] = round(-sc + bonus, 3)
            d["snippet"] = _snippet(text or d["title"] or "", [" ".join(exact), *exact, *terms])
            hits.append(d)
        hits.sort(key=lambda h: -h["score"])
        return self._fold_copies(hits)[:limit]

    def _fold_copies(self, hits: list[dict]) -> list[dict]:
        """Near-duplicates of a hit already listed join it as copies."""
        if not hits:
            return hits
        ids = [h["id"] for h in hits]
        marks = ",".join("?" * len(ids))
        pairs = self.db.execute(f"SELECT a, b FROM near_duplicates WHERE a IN ({marks}) AND b IN ({marks})",
                                ids + ids).fetchall()
        partner: dict[int, set[int]] = {}
        for a, b in pairs:
            partner.setdefault(a, set()).add(b)
            partner.setdefault(b, set()).add(a)
        out, seen = [], {}
        for h in hits:
            first = next((seen[p] for p in partner.get(h["id"], ()) if p in seen), None)
            if first is not None:
                first["copies"].append(h["id"])
                seen[h["id"]] = first
                continue
            h["copies"] = []
            seen[h["id"]] = h
            out.append(h)
        return out

    def stats(self) -> dict:
        q = self.db.execute
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "sources": q("SELECT count(*) FROM sources").fetchone()[0],
            "source_items": q("SELECT count(*) FROM article_sources").fetchone()[0],
            "near_duplicate_pairs": q("SELECT count(*) FROM near_duplicates").fetchone()[0],
            "rejects": q("SELECT count(*) FROM rejects WHERE kind != 'list'").fetchone()[0],
            "list_pages": q("SELECT count(*) FROM rejects WHERE kind = 'list'").fetchone()[0],
            "by_outlet": {r[0] or "(unknown)": r[1] for r in q(
                "SELECT outlet, count(*) c FROM articles GROUP BY outlet ORDER BY c DESC")},
            "by_language": {r[0] or "(unknown)": r[1] for r in q(
                "SELECT language, count(*) c FROM articles GROUP BY language ORDER BY c DESC")},
            "by_year": {r[0] or "(undated)": r[1] for r in q(
                "SELECT substr(published,1,4) y, count(*) FROM articles GROUP BY y ORDER BY y")},
            "relevant": q("SELECT count(*) FROM articles WHERE relevant=1").fetchone()[0],
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "event_reports": q("SELECT count(*) FROM event_reports").fetchone()[0],
            "statements": q("SELECT count(*) FROM statements").fetchone()[0],
            "reject_list": [dict(r) for r in q("SELECT item, reason FROM rejects WHERE kind != 'list' ORDER BY id LIMIT 50")],
        }

    def entity(self, name: str) -> list[dict]:
        """Entities known under NAME (any alias, any script), with roles, events and quotes."""
        from .. import knowledge

        rows = self.db.execute("SELECT DISTINCT e.id, e.key, e.name, e.type, e.data FROM aliases a "
                               "JOIN entities e ON e.id = a.entity_id WHERE a.folded = ?", (fold_alias(name),)).fetchall()
        dated = {g["key"]: g for g in knowledge.gazetteer()}
        out = []
        for r in rows:
            aliases = [x[0] for x in self.db.execute("SELECT alias FROM aliases WHERE entity_id=? ORDER BY alias", (r["id"],))]
            entry = dated.get(r["key"], {})
            events = self.events(actor=r["name"], limit=50)
            quotes = [dict(q) for q in self.db.execute(
                "SELECT a.published, a.outlet, s.text FROM statements s JOIN articles a ON a.id = s.article_id "
                "WHERE s.speaker = ? ORDER BY a.published DESC LIMIT 20", (r["name"],))]
            out.append({"id": r["id"], "name": r["name"], "type": r["type"], "key": r["key"], "aliases": aliases,
                        "roles_over_time": entry.get("roles", []), "roles_in_text": json.loads(r["data"]).get("roles", []),
                        "source": entry.get("source"),
                        "articles": self.db.execute("SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id=?",
                                                    (r["id"],)).fetchone()[0],
                        "events": events, "statements": quotes})
        return out

    def _event_filters(self, actor=None, type=None, since=None, until=None, outlet=None, bilateral=None,
                       relevant=None) -> tuple[list[str], list]:
        """WHERE clauses of an event query. Several actors (a list) keep the events with all of them."""
        sql: list[str] = []
        args: list = []
        actors = [actor] if isinstance(actor, str) else list(actor or [])
        for one in actors:
            names = {one} | {r[0] for r in self.db.execute(
                "SELECT e.name FROM aliases a JOIN entities e ON e.id=a.entity_id WHERE a.folded=?", (fold_alias(one),))}
            sql.append("AND e.id IN (SELECT event_id FROM event_participants WHERE name IN (%s))" % ",".join("?" * len(names)))
            args += sorted(names)
        more, more_args = _conditions([
            ("e.type = ?", type), ("e.start >= ?", since), ("e.start <= ?", until),
            ("e.id IN (SELECT event_id FROM event_reports WHERE outlet = ? COLLATE NOCASE)", outlet),
            ("e.bilateral = ?", 1 if bilateral else None),
            ("e.id IN (SELECT r.event_id FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE a.relevant = ?)",
             1 if relevant else None)])
        return sql + more, args + more_args

    def count_events(self, **filters) -> int:
        where, args = self._event_filters(**filters)
        return self.db.execute("SELECT count(*) FROM events e WHERE 1=1 " + " ".join(where), args).fetchone()[0]

    def events(self, actor=None, type=None, since=None, until=None, outlet=None, limit=100,
               bilateral: bool | None = None, relevant: bool | None = None, offset: int = 0,
               ids: list[int] | None = None) -> list[dict]:
        """Events, one per happening, each with its reports; `bilateral=True` keeps those between
        the configured pair; several actors keep the events with all of them."""
        sql = ['SELECT e.id, e.type, e.start, e."end", e.location, e.status, e.participants, e.summary, e.plover, e.cameo, '
               "e.bilateral, e.recalled FROM events e WHERE 1=1"]
        where, args = self._event_filters(actor, type, since, until, outlet, bilateral, relevant)
        sql += where
        if ids is not None:
            sql.append("AND e.id IN (%s)" % ",".join("?" * len(ids)) if ids else "AND 0")
            args += list(ids)
        sql.append("ORDER BY e.start IS NULL, e.start, e.id LIMIT ? OFFSET ?")
        args += [limit, offset]
        out = []
        for r in self.db.execute(" ".join(sql), args):
            d = dict(r)
            d["participants"] = json.loads(d["participants"])
            d["reports"] = [dict(x) for x in self.db.execute(
                "SELECT r.article_id, r.outlet, a.title, a.published, r.evidence, r.start_offset, r.end_offset, "
                "r.date_inferred FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE r.event_id = ? "
                "ORDER BY a.published", (d["id"],))]
            out.append(d)
        return out

    def article(self, aid: int) -> dict | None:
        r = self.db.execute("SELECT data, text FROM articles WHERE id=?", (aid,)).fetchone()
        if not r:
            return None
        d = json.loads(r[0])
        d.setdefault("text", r[1])  # the text is kept once, in its own column
        return d

    def article_sources(self, aid: int) -> list[dict]:
        """The source items an article was read from (one article, several copies)."""
        return [dict(r) for r in self.db.execute(
            "SELECT s.id AS source_id, s.path, x.item, s.size, s.ingested_at FROM article_sources x "
            "JOIN sources s ON s.id = x.source_id WHERE x.article_id = ? ORDER BY s.path, x.item", (aid,))]

    def source_bytes(self, source_id: int) -> bytes | None:
        r = self.db.execute("SELECT raw FROM sources WHERE id = ?", (source_id,)).fetchone()
        return zlib.decompress(r[0]) if r else None

    def article_events(self, aid: int) -> list[dict]:
        ids = [r[0] for r in self.db.execute("SELECT DISTINCT event_id FROM event_reports WHERE article_id = ?", (aid,))]
        return self.events(ids=ids, limit=1000)

    def articles(self, outlet=None, lang=None, since=None, until=None, relevant=None, limit=20,
                 offset=0) -> tuple[list[dict], int]:
        """Articles, newest first, and how many match."""
        where, args = _conditions([("outlet = ? COLLATE NOCASE", outlet), ("language = ?", lang),
                                   ("published >= ?", since),
                                   ("published <= ?", until + "~" if until and len(until) == 10 else until),
                                   ("relevant = ?", 1 if relevant else None)])
        cond = " ".join(where)
        total = self.db.execute("SELECT count(*) FROM articles WHERE 1=1 " + cond, args).fetchone()[0]
        rows = [dict(r) for r in self.db.execute(
            "SELECT id, title, published, outlet, language, url, relevant FROM articles WHERE 1=1 " + cond +
            " ORDER BY published DESC LIMIT ? OFFSET ?", args + [limit, offset])]  # NULLs last; the index reads in order
        return rows, total

    def entities(self, type=None, q=None, limit=50, offset=0) -> tuple[list[dict], int]:
        """Entities by the number of articles naming them; `q` matches any alias (folded)."""
        where, args = _conditions([("e.type = ?", type)])
        if q:
            where.append("AND e.id IN (SELECT entity_id FROM aliases WHERE folded LIKE ?)")
            args.append("%" + fold_alias(q).replace("%", "") + "%")
        cond = " ".join(where)
        total = self.db.execute("SELECT count(*) FROM entities e WHERE 1=1 " + cond, args).fetchone()[0]
        rows = [dict(r) for r in self.db.execute(
            "SELECT e.id, e.name, e.type, (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) "
            "AS articles FROM entities e WHERE 1=1 " + cond + " ORDER BY articles DESC, e.name LIMIT ? OFFSET ?",
            args + [limit, offset])]
        return rows, total

    def entity_by_id(self, eid: int) -> dict | None:
        r = self.db.execute("SELECT name FROM entities WHERE id = ?", (eid,)).fetchone()
        if not r:
            return None
        found = [e for e in self.entity(r[0]) if e.get("id") == eid]
        return found[0] if found else None

    def entity_ids(self, names: list[str]) -> dict[str, int]:
        """Entity ids by canonical name."""
        if not names:
            return {}
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT name, min(id) FROM entities WHERE name IN (%s) GROUP BY name" % ",".join("?" * len(names)), names)}

    def met_most(self, name: str, limit: int = 10) -> list[dict]:
        """Who takes part in events with NAME most often."""
        return [dict(r) for r in self.db.execute(
            "SELECT p2.name, count(*) AS events FROM event_participants p1 JOIN event_participants p2 "
            "ON p1.event_id = p2.event_id AND p2.name != p1.name WHERE p1.name = ? GROUP BY p2.name "
            "ORDER BY events DESC, p2.name LIMIT ?", (name, limit))]

    def timeline(self, actor=None, since=None, until=None, bilateral=None, relevant=None, by: str = "month",
                 type=None) -> list[dict]:
        """Events per month (or year), by type."""
        width = 7 if by == "month" else 4
        where, args = self._event_filters(actor, type, since, until, None, bilateral, relevant)
        return [dict(r) for r in self.db.execute(
            f"SELECT substr(e.start, 1, {width}) AS period, e.type, count(*) AS events FROM events e "
            "WHERE e.start IS NOT NULL " + " ".join(where) + " GROUP BY period, e.type ORDER BY period, e.type", args)]

    def outlets(self) -> list[dict]:
        """Each outlet: articles, relevant articles, first and last date, languages."""
        return [dict(r) for r in self.db.execute(
            "SELECT outlet, count(*) AS articles, sum(relevant) AS relevant, min(published) AS first, "
            "max(published) AS last, group_concat(DISTINCT language) AS languages FROM articles "
            "GROUP BY outlet ORDER BY articles DESC")]

    def per_month(self) -> list[dict]:
        return [dict(r) for r in self.db.execute(
            "SELECT substr(published, 1, 7) AS month, outlet, count(*) AS articles FROM articles "
            "WHERE published IS NOT NULL GROUP BY month, outlet ORDER BY month")]

    def term_counts(self, term: str) -> dict[str, int]:
        """Articles per outlet whose text holds TERM (searched as a phrase in the full-text index)."""
        phrase = '"' + " ".join(search_form(term).split()).replace('"', '""') + '"'
        return {r[0] or "(unknown)": r[1] for r in self.db.execute(
            "SELECT a.outlet, count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? GROUP BY a.outlet", (phrase,))}

    def statements_of(self, aid: int) -> list[dict]:
        return [dict(r) for r in self.db.execute(
            "SELECT speaker, text FROM statements WHERE article_id = ? ORDER BY rowid", (aid,))]


def fold_alias(s: str) -> str:
    return fold(to_simplified(s))
