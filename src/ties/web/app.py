"""Routes of `ties serve`: the JSON API under /api/ and the pages, over one read-only store."""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import knowledge
from ..store import open_store
from . import charts

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
MAX_PAGE = 200
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]
Day = Annotated[str | None, Query(pattern=DATE)]
Actors = Annotated[list[str] | None, Query()]
By = Annotated[str, Query(pattern="^(month|year)$")]


class SecurityHeaders:
    """Every response carries the Content-Security-Policy and two more safety headers (a plain
    ASGI middleware: it only adds headers to the response's start)."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def from_environment() -> FastAPI:
    """The app for `ties serve --workers N` (each worker process builds it; the store path comes
    from TIES_SERVE_DB)."""
    return create_app(os.environ["TIES_SERVE_DB"])


def _safe_url(url: str | None) -> str | None:
    """Only web links leave the page: a `javascript:` or `data:` URL in an article is shown as text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def create_app(db_path: str) -> FastAPI:
    app = FastAPI(title="ties", version="1", description="News on bilateral relations: articles, entities, "
                  "events and statements, read-only.")
    here = resources.files("ties.web")
    env = Environment(loader=FileSystemLoader(str(here / "templates")), autoescape=select_autoescape(["html"]))
    env.filters["safe_url"] = _safe_url
    env.filters["tojson_pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=1)
    app.mount("/static", StaticFiles(directory=str(here / "static")), name="static")

    memo: dict[str, tuple[float, float, object]] = {}

    def cached(key: str, compute, ttl: float = 30.0):
        """Whole-store summaries (counts, per month, framing) are computed once per store change
        (file times) and at most every `ttl` seconds."""
        stamp = max((os.path.getmtime(p) for p in (db_path, db_path + "-wal") if os.path.exists(p)), default=0.0)
        hit = memo.get(key)
        now = time.monotonic()
        if hit and hit[0] == stamp and now - hit[1] < ttl:
            return hit[2]
        value = compute()
        memo[key] = (stamp, now, value)
        return value

    @contextmanager
    def store() -> Iterator:
        s = open_store(db_path, read_only=True)
        try:
            yield s
        finally:
            s.close()

    app.add_middleware(SecurityHeaders)

    def page(name: str, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    def paged(items: list, total: int, limit: int, offset: int) -> dict:
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/stats")
    def api_stats():
        def summary():
            with store() as s:
                st = s.stats()
            st.pop("reject_list", None)
            return st

        return cached("stats", summary)

    @app.get("/api/articles")
    def api_articles(outlet: str | None = None, language: str | None = None, since: Day = None, until: Day = None,
                     relevant: bool | None = None, limit: Limit = 20, offset: Offset = 0):
        with store() as s:
            rows, total = s.articles(outlet, language, since, until, relevant, limit, offset)
        return paged(rows, total, limit, offset)

    @app.get("/api/articles/{aid}")
    def api_article(aid: int):
        with store() as s:
            art = s.article(aid)
            if art is None:
                raise HTTPException(404, f"no article {aid}")
            art["id"] = aid
            art["sources"] = s.article_sources(aid)
            art["stored_events"] = s.article_events(aid)
        return art

    @app.get("/api/sources/{sid}")
    def api_source(sid: int):
        """The stored bytes of a source file, as it was read (shown as plain text, never run)."""
        with store() as s:
            raw = s.source_bytes(sid)
        if raw is None:
            raise HTTPException(404, f"no source {sid}")
        return Response(raw, media_type="text/plain; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="source-{sid}.txt"'})

    @app.get("/api/search")
    def api_search(q: Annotated[str, Query(min_length=1, max_length=1000)], outlet: str | None = None,
                   language: str | None = None, since: Day = None, until: Day = None,
                   limit: Limit = 20):
        with store() as s:
            hits = s.search(q, outlet=outlet, lang=language, since=since, until=until, limit=limit)
        facets: dict[str, dict[str, int]] = {"outlet": {}, "language": {}, "year": {}}
        for h in hits:
            for key, value in (("outlet", h["outlet"]), ("language", h["language"]),
                               ("year", (h["published"] or "")[:4] or None)):
                facets[key][value or "(unknown)"] = facets[key].get(value or "(unknown)", 0) + 1
        return {"query": q, "total": len(hits), "facets": facets, "items": hits}

    @app.get("/api/entities")
    def api_entities(type: str | None = None, q: str | None = None, limit: Limit = 50, offset: Offset = 0):
        with store() as s:
            rows, total = s.entities(type, q, limit, offset)
        return paged(rows, total, limit, offset)

    @app.get("/api/entities/{eid}")
    def api_entity(eid: int):
        with store() as s:
            e = s.entity_by_id(eid)
            if e is None:
                raise HTTPException(404, f"no entity {eid}")
            e["meets_most"] = s.met_most(e["name"])
        return e

    @app.get("/api/events")
    def api_events(actor: Actors = None, type: str | None = None,
                   outlet: str | None = None, bilateral: bool = True, relevant: bool | None = None,
                   since: Day = None, until: Day = None, limit: Limit = 50, offset: Offset = 0):
        filters = dict(actor=actor, type=type, since=since, until=until, outlet=outlet,
                       bilateral=bilateral or None, relevant=relevant)
        with store() as s:
            rows = s.events(limit=limit, offset=offset, **filters)
            total = s.count_events(**filters)
        return paged(rows, total, limit, offset)

    @app.get("/api/events/{event_id}")
    def api_event(event_id: int):
        with store() as s:
            rows = s.events(ids=[event_id], limit=1)
        if not rows:
            raise HTTPException(404, f"no event {event_id}")
        return rows[0]

    @app.get("/api/timeline")
    def api_timeline(actor: Actors = None, by: By = "month",
                     bilateral: bool = True, since: Day = None, until: Day = None):
        with store() as s:
            return {"by": by, "buckets": s.timeline(actor, since, until, bilateral or None, None, by)}

    @app.get("/api/export")
    def api_export(what: Annotated[str, Query(pattern="^(articles|events|gdelt|entities|statements|figures)$")] = "events",
                   format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "jsonl", actor: Actors = None,
                   type: str | None = None, outlet: str | None = None, bilateral: bool = True,
                   relevant: bool | None = None, since: Day = None, until: Day = None):
        """What `ties export` writes, as a download (CSV or JSON Lines)."""
        import io

        from ..exports import rows_for, write

        filters = dict(actor=actor, type=type, since=since, until=until, outlet=outlet,
                       bilateral=bilateral or None, relevant=relevant)
        buf = io.StringIO()
        with store() as s:
            write(rows_for(s, what, filters), format, None, stream=buf)
        media = "text/csv" if format == "csv" else "application/x-ndjson"
        return Response(buf.getvalue(), media_type=media + "; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="ties-{what}.{format}"'})

    @app.get("/api/outlets")
    def api_outlets():
        def summary():
            with store() as s:
                return {"outlets": s.outlets(), "framing": _framing(s)}

        return cached("api_outlets", summary)

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse)
    def home():
        def summary():
            with store() as s:
                st = s.stats()
                months = s.per_month()
                total = s.count_events(bilateral=True)
                latest = [e for e in s.events(bilateral=True, limit=30, offset=max(0, total - 30))[::-1] if e["start"]][:15]
                top, _ = s.entities("person", None, 15, 0)
            chart = charts.stacked_bars([(r["month"], r["outlet"] or "?", r["articles"]) for r in months])
            return dict(stats=st, chart=chart, latest=latest, top=top)

        return page("home.html", **cached("home", summary))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: Annotated[str, Query(max_length=1000)] = "", outlet: str | None = None,
                    language: str | None = None):
        result = api_search(q, outlet, language, None, None, 50) if q.strip() else None
        return page("search.html", q=q, result=result)

    @app.get("/articles/{aid}", response_class=HTMLResponse)
    def article_page(aid: int):
        art = api_article(aid)
        with store() as s:
            stored = s.statements_of(aid)
            ids = s.entity_ids([e["name"] for e in art.get("entities", [])])
        segments = highlight(art.get("text") or "", art.get("entities", []), ids)
        return page("article.html", a=art, segments=segments, ids=ids, statements=stored or art.get("statements", []))

    @app.get("/entities/{eid}", response_class=HTMLResponse)
    def entity_page(eid: int):
        e = api_entity(eid)
        return page("entity.html", e=e)

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(event_id: int):
        return page("event.html", e=api_event(event_id))

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline_page(by: By = "month", actor: str | None = None):
        with store() as s:
            buckets = s.timeline([actor] if actor else None, None, None, True, None, by)
            rows = [e for e in s.events(actor=actor, bilateral=True, limit=100000) if e["start"]]
        chart = charts.stacked_bars([(b["period"], b["type"], b["events"]) for b in buckets])
        return page("timeline.html", chart=chart, events=rows[::-1][:300], by=by, actor=actor or "")

    @app.get("/outlets", response_class=HTMLResponse)
    def outlets_page():
        def summary():
            with store() as s:
                return dict(outlets=s.outlets(), framing=_framing(s))

        return page("outlets.html", **cached("outlets", summary))

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return HTMLResponse(env.get_template("error.html").render(message=exc.detail), status_code=exc.status_code)

    return app


def highlight(text: str, entities: list[dict], ids: dict[str, int]) -> list[tuple[str, int | None, str]]:
    """The text cut into (piece, entity id or None, entity type): each form of a known entity that
    the text holds, longest first, becomes a link. The template escapes every piece."""
    forms: dict[str, tuple[int, str]] = {}
    for e in entities:
        eid = ids.get(e.get("name"))
        if eid is None:
            continue
        for f in [e.get("name"), *e.get("aliases", [])]:
            if f and len(f) >= 2 and f in text:
                forms.setdefault(f, (eid, e.get("type", "")))
    if not forms:
        return [(text, None, "")]
    import re

    rx = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    out, pos = [], 0
    for m in rx.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], None, ""))
        eid, etype = forms[m.group(0)]
        out.append((m.group(0), eid, etype))
        pos = m.end()
    out.append((text[pos:], None, ""))
    return out


def _framing(s) -> list[dict]:
    """For each thing named several ways, the articles per outlet that use each form."""
    out = []
    for group in knowledge.load_yaml("framing.yaml") or []:
        forms = []
        for form in group["forms"]:
            forms.append({"form": form, "by_outlet": s.term_counts(form)})
        out.append({"thing": group["thing"], "forms": forms})
    return out
