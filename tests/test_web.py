"""Web archives and feeds as they come: list pages set aside, any language, any outlet, feed dates
in the feed's zone (real WARC and RSS files of ../shared/corpus, generated cases for the edges)."""
import csv
import glob
import io
import os

import pytest

from conftest import HERE, corpus
from ties.pipeline import Reject, extract_file


@pytest.fixture(scope="module")
def warc_records():
    from ties.settings import Settings

    settings = Settings.load()
    settings.knowledge_stages = False
    out = {}
    for path in sorted(glob.glob(os.path.join(corpus("hu-news-warc"), "*.warc.gz"))):
        for rec in extract_file(path, settings):
            out["hu-news-warc/" + rec.source_path.split("hu-news-warc/")[-1]] = rec
    return out


def _gold_pages():
    with open(os.path.join(HERE, "gold-pages", "hu-news-warc.tsv"), encoding="utf-8") as f:
        return list(csv.DictReader([x for x in f if not x.startswith("#")], delimiter="\t"))


def test_list_pages_are_set_aside_and_articles_kept(warc_records):
    gold = _gold_pages()
    assert len(gold) == 231 and all(g["source_path"] in warc_records for g in gold)
    lists = [g for g in gold if g["label"] == "list"]
    articles = [g for g in gold if g["label"] == "article"]
    set_aside = [g for g in lists if isinstance(warc_records[g["source_path"]], Reject)
                 and warc_records[g["source_path"]].kind == "list"]
    kept = [g for g in articles if not isinstance(warc_records[g["source_path"]], Reject)]
    assert len(set_aside) / len(lists) >= 0.9, len(set_aside)
    assert len(kept) / len(articles) >= 0.9, len(kept)
    # the reason names the clues, in one line
    reason = warc_records[set_aside[0]["source_path"]].reason
    assert reason.startswith("it is a list page, not an article (") and "\n" not in reason


def test_kept_pages_are_hungarian_with_headlines_and_outlets(warc_records):
    kept = [r for r in warc_records.values() if not isinstance(r, Reject)]
    hungarian_sites = [r for r in kept if "budapestbeacon" not in (r.url or "")]
    assert sum(r.language == "hu" for r in hungarian_sites) / len(hungarian_sites) >= 0.9
    assert all(r.outlet for r in kept)
    assert not any(r.outlet_canonical for r in kept)  # none of these sites is in outlets.yaml
    # the headline, not the site name, and no "| Site - Part 2" tail (on the pages labelled articles)
    articles = {g["source_path"] for g in _gold_pages() if g["label"] == "article"}
    for key, r in warc_records.items():
        if key not in articles or isinstance(r, Reject):
            continue
        assert len(r.title.split()) >= 2 and r.title != r.outlet, (r.source_path, r.title)
        assert " | " not in r.title and not r.title.endswith(("Rangadó", "Mérce", "24.hu")), r.title
    by_url = {r.url: r for r in kept}
    assert by_url["https://24.hu/kultura/2016/02/29/oscar-meglehet-a-magyar-oscar/3/"].title == \
        "A Saul fia és DiCaprio is Oscar-díjas"


def test_knowledge_stages_skip_other_languages_with_a_warning(settings):
    settings.knowledge_stages = True
    path = os.path.join(corpus("hu-news-warc"), "next_page_of_article.warc.gz")
    arts = [r for r in extract_file(path, settings) if not isinstance(r, Reject)]
    hu = [a for a in arts if a.language == "hu"]
    assert hu and all(not a.entities and not a.events for a in hu)
    assert all(any("are read only in zh, vi, en" in w for w in a.warnings) for a in hu)


def test_feeds_name_their_language_and_outlet(settings):
    settings.knowledge_stages = False
    recs = {}
    for folder in ("news-feeds-rss", "asia-wire-rss"):
        for path in sorted(glob.glob(os.path.join(corpus(folder), "*"))):
            if not path.endswith("MANIFEST.tsv"):
                recs[os.path.basename(path)] = list(extract_file(path, settings))
    arts = {k: [r for r in v if not isinstance(r, Reject)] for k, v in recs.items()}
    everything = [a for v in arts.values() for a in v]
    assert sum(1 for a in everything if a.outlet) / len(everything) >= 0.95
    for name in ("yahoo_news_jp_reuters.xml", "yahoo_news_jp_bloomberg.xml"):
        assert all(a.language == "ja" for a in arts[name]), name
    for name in ("encoding.rss", "uolNoticias.rss"):
        assert sum(a.language == "pt" for a in arts[name]) / len(arts[name]) >= 0.9, name
    assert all(a.language == "de" for a in arts["heise.atom"])
    assert all(a.language == "zh" for a in arts["encoding-gb2312.xml"])  # GB2312 bytes decoded
    # a known outlet keeps its canonical name; an unknown one is named by the feed, not canonical
    assert {(a.outlet, a.outlet_canonical) for a in arts["reuters_official_msn.xml"]} == {("Reuters", True)}
    heise = arts["heise.atom"][0]
    assert heise.outlet == "heise developer neueste Meldungen" and heise.outlet_canonical is False
    # a channel without items is one clear line, not silence
    (empty,) = recs["straits_times_world.xml"]
    assert isinstance(empty, Reject) and empty.reason == "the feed 'The Straits Times — diagnostic source feed' has no items"


def test_feed_item_date_is_the_feeds_own_local_date(tmp_path, extract_one):
    feed = tmp_path / "late.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Pacific Desk</title>
<item><title>Late evening story in California</title><link>https://example.org/late</link>
<description>A story filed late in the evening, Pacific time, which is already the next day in UTC.</description>
<pubDate>Mon, 03 Aug 2026 23:30:00 -0700</pubDate></item>
<item><title>Item in an Atom-style date</title><link>https://example.org/iso</link>
<description>Another story with an ISO date and its offset.</description>
<pubDate>2026-08-04T00:30:00+09:00</pubDate></item></channel></rss>""", encoding="utf-8")
    late, iso = [r for r in extract_one(str(feed), knowledge=False) if not isinstance(r, Reject)]
    assert late.published == "2026-08-03"  # UTC would say 08-04
    assert iso.published == "2026-08-04"   # UTC would say 08-03
    assert late.outlet == "Pacific Desk" and late.outlet_canonical is False


def _warc_with(tmp_path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "pages.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                http_headers=headers))
    return str(path)


def test_page_type_edges(tmp_path, extract_one):
    brief = ("<html><head><title>Short notice - Example Daily</title><meta property='og:site_name' "
             "content='Example Daily'></head><body><h1>Short notice</h1><p>The council meets on Monday "
             "at nine to vote on the budget for the coming year, the mayor's office said.</p></body></html>")
    teasers = "".join(f"<article><h2><a href='/news/story-number-{i}'>Headline number {i} of the day's news "
                      f"stories</a></h2><p>One line.</p></article>" for i in range(20))
    section = f"<html><head><title>News - Example Daily</title></head><body>{teasers}</body></html>"
    declared = ("<html><head><script type='application/ld+json'>{\"@type\": \"CollectionPage\"}</script></head>"
                "<body>" + "".join(f"<a href='/a/{i}'>Another teaser headline for page {i}</a><br>" for i in range(10))
                + "</body></html>")
    path = _warc_with(tmp_path, [("https://example.org/2026/08/03/short-notice-on-the-budget-vote", brief),
                                 ("https://example.org/news/", section),
                                 ("https://example.org/tag/budget/page/3/", declared)])
    recs = extract_one(path, knowledge=False)
    kinds = [("list" if r.kind == "list" else "error") if isinstance(r, Reject) else "article" for r in recs]
    assert kinds == ["article", "list", "list"]
    assert recs[0].title == "Short notice" and recs[0].outlet == "Example Daily"
    assert "teaser cards" in recs[1].reason and "declares a collection" in recs[2].reason


def test_stats_count_list_pages(tmp_path):
    from click.testing import CliRunner

    from ties.cli import cli

    db = str(tmp_path / "t.db")
    path = os.path.join(corpus("hu-news-warc"), "next_page_url_termvil.warc.gz")
    r = CliRunner().invoke(cli, ["ingest", "--db", db, path])
    assert r.exit_code == 0, r.output
    assert "list pages set aside" in r.output
    r = CliRunner().invoke(cli, ["stats", "--db", db, "--json"])
    import json

    s = json.loads(r.output)
    assert s["list_pages"] >= 2 and s["rejects"] == 0 and s["articles"] + s["list_pages"] == 3
