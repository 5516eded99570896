"""`ties serve` (JSON API and pages), `ties show`, `ties export` and the analyst's CLI, over a store
built from corpus files (and one hostile article)."""
import csv
import io
import json
import os
import re

import pytest
from click.testing import CliRunner

from conftest import corpus
from ties.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from ties.ingest import ingest_paths
    from ties.settings import Settings
    from ties.store import open_store

    folder = tmp_path_factory.mktemp("store")
    hostile = folder / "hostile.md"
    hostile.write_text("---\ntitle: 'Hà Nội 1<2 & <img src=x onerror=alert(2)> <script>alert(1)</script>'\n"
                       "url: 'javascript:alert(3)'\n---\n\n越南与中国在河内举行会谈。\x1b]0;owned\x07 Biển Đông là vùng biển. "
                       "<script>alert(4)</script>\n", encoding="utf-8")
    path = str(folder / "t.db")
    store = open_store(path)
    ingest_paths([corpus("seeds"), corpus("baomoi-vi", "22255546.txt"),
                  corpus("cctv-xwlb-json", "20170512.json"), str(hostile)], store, Settings.load())
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from ties.web import create_app

    return TestClient(create_app(db))


def test_every_page_loads_with_corpus_content_and_a_strict_policy(client):
    for url in ("/", "/search?q=南海", "/timeline", "/timeline?by=year", "/outlets", "/articles/1", "/entities/1"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "script-src 'self'" in r.headers["content-security-policy"] and "unsafe-inline" not in \
            r.headers["content-security-policy"]
        assert "<script" not in r.text  # no script at all, inline or loaded: charts are SVG drawn on the server
    home = client.get("/").text
    assert "<svg" in home and "Lianhe Zaobao" in home
    assert "南海" in client.get("/search?q=南海").text


def test_api_lists_with_totals_filters_and_422_naming_the_parameter(client):
    arts = client.get("/api/articles?limit=2").json()
    assert arts["total"] >= 10 and len(arts["items"]) == 2
    relevant = client.get("/api/articles?relevant=true&limit=200").json()
    assert relevant["total"] and all(a["relevant"] for a in relevant["items"])
    bad = client.get("/api/articles?since=yesterday")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "since"]
    assert client.get("/api/events?limit=0").status_code == 422
    assert client.get("/openapi.json").json()["info"]["title"] == "ties"
    hits = client.get("/api/search", params={"q": "南海"}).json()
    assert hits["total"] and "outlet" in hits["facets"]
    assert client.get("/api/search", params={"q": "' OR 1=1 --"}).status_code == 200  # SQL in a parameter is text


def test_events_with_several_actors_and_an_event_page_with_its_reports(client):
    everyone = client.get("/api/events", params={"bilateral": "false", "limit": 200}).json()
    xi = client.get("/api/events", params={"actor": "Xi Jinping", "bilateral": "false", "limit": 200}).json()
    both = client.get("/api/events", params=[("actor", "Xi Jinping"), ("actor", "苏林"), ("bilateral", "false")]).json()
    assert everyone["total"] >= xi["total"] >= both["total"] >= 1
    assert all("Xi Jinping" in e["participants"] and "Tô Lâm" in e["participants"] for e in both["items"])
    event = both["items"][0]
    page = client.get(f"/events/{event['id']}").text
    assert all(r["evidence"][:20] in page.replace("&#39;", "'") for r in event["reports"])


def test_entity_found_by_a_vietnamese_alias_shows_the_chinese_one(client):
    found = client.get("/api/entities", params={"q": "Tô Lâm"}).json()["items"]
    person = next(e for e in found if e["type"] == "person")
    page = client.get(f"/entities/{person['id']}").text
    assert "苏林" in page and "Tô Lâm" in page


def test_hostile_article_renders_inert(client):
    hits = client.get("/api/search", params={"q": "会谈"}).json()["items"]
    aid = next(h["id"] for h in hits if (h["title"] or "").startswith("Hà Nội"))
    stored = client.get(f"/api/articles/{aid}").json()
    page = client.get(f"/articles/{aid}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "onerror" not in page
    assert not stored["url"] and 'href="javascript:' not in page  # a javascript: URL is no link
    assert "\x1b" not in stored["text"] and "\x1b" not in page and "\x07" not in page
    from ties.web.app import _safe_url  # a stored URL is linked only when it is a web address
    assert _safe_url("javascript:alert(1)") is None and _safe_url("https://vnexpress.net/a") == "https://vnexpress.net/a"


def test_the_server_cannot_write_the_store(db):
    from ties.store import open_store

    store = open_store(db, read_only=True)
    try:
        with pytest.raises(Exception):
            store.db.execute("DELETE FROM articles")
    finally:
        store.close()


def test_cli_show_events_with_evidence_and_limit_note(db):
    run = CliRunner()
    r = run.invoke(cli, ["show", "1", "--db", db])
    assert r.exit_code == 0 and r.output.startswith("#1 ") and "source:" in r.output
    assert run.invoke(cli, ["show", "99999", "--db", db]).exit_code == 1
    r = run.invoke(cli, ["events", "--db", db, "--all", "--limit", "1"])
    assert r.exit_code == 0 and "more (raise --limit" in r.output
    assert re.search(r"^\s{6}\S.*\(.*#\d+\): ", r.output, re.M)  # the evidence sentence under the line
    r = run.invoke(cli, ["timeline", "--db", db, "--all", "--json"])
    rows = [json.loads(x) for x in r.output.splitlines() if x.startswith("{")]
    assert rows and all(x["start"] for x in rows)


def test_export_events_as_a_gdelt_like_table_and_articles_as_jsonl(db, tmp_path):
    out = tmp_path / "events.csv"
    r = CliRunner().invoke(cli, ["export", "--db", db, "--what", "gdelt", "--format", "csv", "--all", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"date", "actor1", "actor2", "cameo", "plover", "location", "evidence", "outlet"} <= set(rows[0])
    out = tmp_path / "articles.jsonl"
    CliRunner().invoke(cli, ["export", "--db", db, "--what", "articles", "--out", str(out)])
    arts = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(arts) >= 10 and all("text" in a for a in arts)
    assert os.path.getsize(out) > 1000


def test_search_for_an_analyst(db, tmp_path):
    """Snippets from the original text in its own script, the query's words side by side first,
    "quoted phrases", and near-duplicates folded into one hit."""
    from ties.ingest import ingest_paths
    from ties.settings import Settings
    from ties.store import open_store

    store = open_store(db, read_only=True)
    try:
        hits = store.search("bien dong")
        assert hits and "[Biển Đông]" in hits[0]["snippet"]
        assert all("Biển Đông" in (h["title"] + h["snippet"]) for h in store.search('"Biển Đông"'))
    finally:
        store.close()
    path = str(tmp_path / "dup.db")
    store = open_store(path)
    try:
        src = corpus("hkcnews", "article_16487.md")
        text = open(src, encoding="utf-8").read()
        copy = tmp_path / "copy.md"
        copy.write_text(text.replace("\n\n", "\n\n轉載。\n\n", 1), encoding="utf-8")  # the same story, one line more
        ingest_paths([src, str(copy)], store, Settings.load())
        hits = store.search("南海")
        assert len(hits) == 1 and len(hits[0]["copies"]) == 1
        assert re.search(r"[\u4e00-\u9fff]", hits[0]["snippet"]) and "南海" in hits[0]["snippet"]
    finally:
        store.close()


def test_export_from_the_api(client):
    r = client.get("/api/export", params={"what": "gdelt", "format": "csv", "bilateral": "false"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and rows[0]["cameo"] and rows[0]["evidence"]
    assert client.get("/api/export", params={"what": "passwords"}).status_code == 422
