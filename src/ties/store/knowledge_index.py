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


def _dates_overlap(a_start, a_end, b_start, b_end) -> bool:
    import datetime as dt

    if not a_start or not b_start:
        return False
    try:
        s1, s2 = dt.date.fromisoformat(a_start[:10]), dt.date.fromisoformat(b_start[:10])
        e1 = dt.date.fromisoformat((a_end or a_start)[:10])
        e2 = dt.date.fromisoformat((b_end or b_start)[:10])
    except ValueError:
        return False
    slack = dt.timedelta(days=1)
    return s1 <= e2 + slack and s2 <= e1 + slack


def _event(db, aid: int, art: dict, ev: dict) -> None:
    """One event per happening: same type, overlapping participants, dates within a day or the span."""
    parts = sorted(set(ev.get("participants") or []))
    match = None
    if ev.get("start") and parts:
        q = ",".join("?" * len(parts))
        for row in db.execute(
                f"SELECT DISTINCT e.id, e.start, e.\"end\" FROM events e JOIN event_participants p ON p.event_id = e.id "
                f"WHERE e.type = ? AND p.name IN ({q})", [ev["type"], *parts]):
            if _dates_overlap(row[1], row[2], ev.get("start"), ev.get("end")):
                match = row[0]
                break
    if match is None:
        cur = db.execute('INSERT INTO events(type, start, "end", location, status, participants, summary, plover, cameo) '
                         "VALUES (?,?,?,?,?,?,?,?,?)",
                         (ev["type"], ev.get("start"), ev.get("end"), ev.get("location"), ev.get("status"),
                          json.dumps(parts, ensure_ascii=False), ev.get("summary"), ev.get("plover"), ev.get("cameo")))
        match = cur.lastrowid
    else:
        row = db.execute('SELECT participants, location, "end" FROM events WHERE id=?', (match,)).fetchone()
        merged = sorted(set(json.loads(row[0])) | set(parts))
        db.execute('UPDATE events SET participants=?, location=coalesce(location, ?), "end"=coalesce("end", ?) WHERE id=?',
                   (json.dumps(merged, ensure_ascii=False), ev.get("location"), ev.get("end"), match))
    db.executemany("INSERT OR IGNORE INTO event_participants(event_id, name) VALUES (?,?)", [(match, p) for p in parts])
    off = ev.get("offsets") or [None, None]
    db.execute("INSERT OR IGNORE INTO event_reports(event_id, article_id, outlet, evidence, start_offset, end_offset, "
               "date_inferred) VALUES (?,?,?,?,?,?,?)",
               (match, aid, art.get("outlet"), ev.get("evidence"), off[0], off[1], int(bool(ev.get("date_inferred")))))
