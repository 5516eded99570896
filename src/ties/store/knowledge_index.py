"""Writes an article's knowledge (entities, mentions, events and their reports, statements,
topics, figures) into the store's tables, merging events that are the same happening."""
from __future__ import annotations

import json
import sqlite3


def index_article(db: sqlite3.Connection, aid: int, art: dict) -> None:
    for e in art.get("entities") or []:
        _entity(db, aid, e)
    for ev in art.get("events") or []:
        _event(db, aid, art, ev)
    for s in art.get("statements") or []:
        off = s.get("offsets") or [None, None]
        db.execute("INSERT INTO statements(article_id, speaker, text, start_offset, end_offset) VALUES (?,?,?,?,?)",
                   (aid, s["speaker"], s["text"], off[0], off[1]))
    db.executemany("INSERT OR IGNORE INTO article_topics(article_id, topic) VALUES (?,?)",
                   [(aid, t) for t in art.get("topics") or []])
    db.executemany("INSERT INTO figures(article_id, quantity, value, unit, period, text) VALUES (?,?,?,?,?,?)",
                   [(aid, f["quantity"], f["value"], f["unit"], f.get("period"), f.get("text"))
                    for f in art.get("figures") or []])


def _entity(db, aid: int, e: dict) -> None:
    from .sqlite import fold_alias

    key = e.get("id") or f"{e['type']}:{fold_alias(e['name'])}"
    row = db.execute("SELECT id, data FROM entities WHERE key=?", (key,)).fetchone()
    if row is None:
        cur = db.execute("INSERT INTO entities(key, name, type, data) VALUES (?,?,?,?)",
                         (key, e["name"], e["type"], json.dumps({"roles": e.get("roles", [])}, ensure_ascii=False)))
        eid = cur.lastrowid
    else:
        eid = row[0]
        data = json.loads(row[1])
        roles = data.get("roles", [])
        new_roles = [r for r in e.get("roles", []) if r not in roles]
        if new_roles:
            data["roles"] = roles + new_roles
            db.execute("UPDATE entities SET data=? WHERE id=?", (json.dumps(data, ensure_ascii=False), eid))
    db.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias, folded) VALUES (?,?,?)",
                   [(eid, a, fold_alias(a)) for a in [e["name"], *e.get("aliases", [])] if a])
    mentions = e.get("mentions") or []
    role = "; ".join(e.get("roles", [])[:2]) or None
    db.executemany('INSERT INTO mentions(article_id, entity_id, start, "end", form, role) VALUES (?,?,?,?,?,?)',
                   [(aid, eid, m[0], m[1], m[2], role) for m in mentions] or [(aid, eid, None, None, e["name"], role)])


def _day(s):
    import datetime as dt

    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _dates_overlap(a_start, a_end, b_start, b_end) -> bool:
    """Two dated reports overlap, with a day's slack for time zones."""
    import datetime as dt

    s1, s2 = _day(a_start), _day(b_start)
    if not s1 or not s2:
        return False
    e1, e2 = _day(a_end) or s1, _day(b_end) or s2
    slack = dt.timedelta(days=1)
    return s1 <= e2 + slack and s2 <= e1 + slack


def same_principals(typ: str, a: set[str], b: set[str], lead: str | None = None) -> bool:
    """The same happening's people: for a visit, the report's first traveller (`lead`) among
    the event's; otherwise one side's set within the other's, with two persons at least in the
    smaller (four meetings of one visitor with four hosts are four events)."""
    if not a or not b:
        return False
    if typ in ("visit", "conference"):  # a trip, or a forum: who travels or attends
        return (lead in b) if lead else bool(a & b)
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= big


def _candidates(db, ev: dict, parts: list[str]):
    q = ",".join("?" * len(parts))
    return db.execute(
        f'SELECT DISTINCT e.id, e.start, e."end", e.participants, e.recalled FROM events e '
        f"JOIN event_participants p ON p.event_id = e.id WHERE e.type = ? AND p.name IN ({q})",
        [ev["type"], *parts]).fetchall()


def _event(db, aid: int, art: dict, ev: dict) -> None:
    """One event per happening, across articles and outlets: same type, same principal people
    (see `same_principals`), dates within a day or the span. A report without a date joins
    the one event it can only be, and a dated report gives the one undated event it can only be its
    dates, whichever came first; a recalled report joins an event but never moves its dates,
    and an event known only from recalled reports takes the dates of the first real report."""
    parts = sorted(set(ev.get("participants") or []))
    recalled = bool(ev.get("recalled"))
    match = None
    if parts:
        lead = (ev.get("participants") or [None])[0]
        rows = [r for r in _candidates(db, ev, parts)
                if same_principals(ev["type"], set(parts), set(json.loads(r[3])), lead)]
        if ev.get("start"):
            match = next((r for r in rows if _dates_overlap(r[1], r[2], ev.get("start"), ev.get("end"))), None)
            if match is None and len(parts) >= 2 and len(rows) == 1 and not rows[0][1]:
                match = rows[0]  # the one undated event it can only be, stored before this dated report
        elif len(rows) == 1 and len(parts) >= 2:
            match = rows[0]
    if match is None:
        cur = db.execute('INSERT INTO events(type, start, "end", location, status, participants, summary, plover, cameo, '
                         "bilateral, recalled) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         (ev["type"], ev.get("start"), ev.get("end"), ev.get("location"), ev.get("status"),
                          json.dumps(parts, ensure_ascii=False), ev.get("summary"), ev.get("plover"), ev.get("cameo"),
                          int(bool(ev.get("bilateral"))), int(recalled)))
        event_id = cur.lastrowid
    else:
        event_id = match[0]
        row = db.execute('SELECT participants, recalled FROM events WHERE id=?', (event_id,)).fetchone()
        merged = sorted(set(json.loads(row[0])) | set(parts))
        if (row[1] or not match[1]) and not recalled and ev.get("start"):  # the first real, dated report anchors it
            db.execute('UPDATE events SET start=?, "end"=?, status=?, recalled=0 WHERE id=?',
                       (ev.get("start"), ev.get("end"), ev.get("status"), event_id))
        elif not recalled:
            db.execute('UPDATE events SET "end"=coalesce("end", ?) WHERE id=?', (ev.get("end"), event_id))
        db.execute("UPDATE events SET participants=?, location=coalesce(location, ?), bilateral=max(bilateral, ?) "
                   "WHERE id=?", (json.dumps(merged, ensure_ascii=False), ev.get("location"),
                                  int(bool(ev.get("bilateral"))), event_id))
    db.executemany("INSERT OR IGNORE INTO event_participants(event_id, name) VALUES (?,?)", [(event_id, p) for p in parts])
    off = ev.get("offsets") or [None, None]
    db.execute("INSERT OR IGNORE INTO event_reports(event_id, article_id, outlet, evidence, start_offset, end_offset, "
               "date_inferred) VALUES (?,?,?,?,?,?,?)",
               (event_id, aid, art.get("outlet"), ev.get("evidence"), off[0], off[1], int(bool(ev.get("date_inferred")))))
