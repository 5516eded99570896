"""Readers on real corpus files: formats are sniffed, drifting fields mapped by what they hold."""
import json

from conftest import corpus
from ties.pipeline import Reject


def _arts(recs):
    return [r for r in recs if not isinstance(r, Reject)]


def test_zaobao_feed_with_chinese_keys_and_url_in_time(extract_one):
    arts = _arts(extract_one(corpus("zaobao-realtime", "2023-01-30.json"), knowledge=False))
    raw = json.load(open(corpus("zaobao-realtime", "2023-01-30.json"), encoding="utf-8"))
    assert len(arts) == len(raw)
    a = arts[0]
    assert a.source_path.endswith("2023-01-30.json#0")
    assert a.title == raw[0]["标题"]
    assert a.url == "https://www.zaobao.com" + raw[0]["时间"]
    assert a.published == "2023-01-30" and a.outlet == "Lianhe Zaobao"


def test_zaobao_feed_with_link_and_summary(extract_one):
    arts = _arts(extract_one(corpus("zaobao-realtime", "2023-02-03.json"), knowledge=False))
    raw = json.load(open(corpus("zaobao-realtime", "2023-02-03.json"), encoding="utf-8"))
    first = next(i for i, r in enumerate(raw) if r.get("summary"))
    a = next(x for x in arts if x.source_path.endswith(f"#{first}"))
    assert a.text.startswith(raw[first]["summary"][:20])


def test_cctv_nested_stories_html_fragments(extract_one):
    recs = extract_one(corpus("cctv-xwlb-json", "20131014.json"), knowledge=False)
    arts = {a.source_path.rsplit("#", 1)[1]: a for a in _arts(recs)}
    a = arts["7"]
    assert a.title.startswith("李克强与越南总理举行会谈") and "[视频]" not in a.title
    assert a.published == "2013-10-14" and a.outlet == "CCTV"
    assert "<p>" not in a.text and "央视网消息" not in a.text
    assert a.text.startswith("欢迎仪式后")


def test_tuoitre_date_from_link_not_fetch_time(extract_one):
    path = corpus("tintuchangngay-vi", "2026-01-05.json")
    raw = json.load(open(path, encoding="utf-8"))
    i = next(i for i, r in enumerate(raw) if "tuoitre.vn" in r["link"])
    a = next(x for x in _arts(extract_one(path, knowledge=False)) if x.source_path.endswith(f"#{i}"))
    import re
    stamp = re.search(r"-(\d{8})\d+\.htm", raw[i]["link"]).group(1)
    assert a.published == f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}"
    assert a.outlet == "Tuoi Tre" and a.language == "vi"


def test_dantri_header(extract_one):
    (a,) = _arts(extract_one(corpus("dantri-unc-vi", "news_business_001.txt"), knowledge=False))
    assert a.published == "2020-10-01" and a.outlet == "Dan Tri"
    assert a.url.startswith("https://dantri.com.vn/") and a.title.startswith("Vinamilk")
    assert not a.text.startswith("#")


def test_hkcnews_markdown_traditional(extract_one):
    (a,) = _arts(extract_one(corpus("hkcnews", "article_10035.md"), knowledge=False))
    assert a.outlet == "Citizen News" and a.published == "2018-02-18" and a.language == "zh"
    assert "<figure>" not in a.text and "何君健攝" not in a.text and "web.archive.org" not in a.text
    assert a.authors == ["戴晴曦"]
    assert "鄧緯榮" in a.text  # traditional characters kept as written


def test_baomoi_and_bbc_headline_then_body(extract_one):
    (a,) = _arts(extract_one(corpus("baomoi-vi", "21471442.txt"), knowledge=False))
    assert a.title.startswith("Tại sao smartphone") and a.published is None and a.language == "vi"
    (b,) = _arts(extract_one(corpus("bbc-news-en", "business_001.txt"), knowledge=False))
    assert b.title == "Ad sales boost Time Warner profit" and b.language == "en"
    assert b.text.startswith("Quarterly profits")


def test_rss_feed_and_warc(tmp_path, extract_one):
    rss = tmp_path / "feed.xml"
    rss.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>VnExpress</title>
<link>https://vnexpress.net</link>
<item><title>Trung Quốc và Việt Nam hội đàm</title><link>https://vnexpress.net/a-1.html</link>
<description>&lt;p&gt;Hai bên nhất trí thúc đẩy hợp tác.&lt;/p&gt;</description>
<pubDate>Mon, 14 Apr 2025 10:00:00 +0700</pubDate></item></channel></rss>""", encoding="utf-8")
    (a,) = _arts(extract_one(str(rss), knowledge=False))
    assert a.source_path.endswith("#0") and a.outlet == "VnExpress" and a.published == "2025-04-14"
    assert a.text == "Hai bên nhất trí thúc đẩy hợp tác."

    from warcio.warcwriter import WARCWriter
    from warcio.statusandheaders import StatusAndHeaders
    import io
    warc = tmp_path / "x.warc.gz"
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=True)
        page = ("<html><head><title>Xi meets Lam</title></head><body><article><h1>Xi meets Lam</h1>"
                + "".join(f"<p>Paragraph {i} of a long story about talks between China and Vietnam in Hanoi.</p>"
                          for i in range(8)) + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record("https://www.xinhuanet.com/x.html", "response",
                                            payload=io.BytesIO(page), http_headers=headers))
    arts = _arts(extract_one(str(warc), knowledge=False))
    assert len(arts) == 1 and arts[0].outlet == "Xinhua" and "Paragraph 3" in arts[0].text


def test_ties_toml_defaults(tmp_path, extract_one):
    d = tmp_path / "archive" / "baomoi"
    d.mkdir(parents=True)
    (tmp_path / "archive" / "ties.toml").write_text(
        '[defaults]\ntimezone = "Asia/Ho_Chi_Minh"\n[[rule]]\nfolder = "baomoi/*"\noutlet = "Bao Moi"\n', encoding="utf-8")
    f = d / "1.txt"
    f.write_text("Tiêu đề bài báo\nNội dung bài báo về Trung Quốc và Việt Nam.\n", encoding="utf-8")
    (a,) = _arts(extract_one(str(f), knowledge=False))
    assert a.outlet == "Bao Moi"


def test_captions_glued_into_vietnamese_text_are_cut_but_date_the_article(tmp_path, extract_one):
    p = tmp_path / "a.txt"
    p.write_text(
        "Chủ tịch nước hội kiến Thủ tướng Lý Khắc Cường\n"
        "Chiều 12/5, Chủ tịch nước Trần Đại Quang đã hội kiến với Thủ tướng Lý Khắc Cường tại Bắc Kinh.\n"
        "Chủ tịch nước Trần Đại Quang và Thủ tướng Lý Khắc Cường chiều 12/5/2017. Ảnh: Nhan Sáng-TTXVN "
        "Hai bên nhất trí tăng cường hợp tác kinh tế thương mại.\n"
        "Mưa sao băng thắp sáng bầu trời. Ảnh: EPA\n"
        "Ngoại trưởng hai nước tại Hà Nội (Ảnh: Reuters) Phát biểu sau cuộc gặp, ông nói hai bên sẽ hợp tác.\n"
        "[Trung Quốc-Philippines ký thỏa thuận cùng khai thác ở Biển Đông]\n"
        "Hai bên sẽ tiếp tục trao đổi./. Hoàng Quy/VOV-Đông Bắc\n", encoding="utf-8")
    (a,) = extract_one(str(p))
    for gone in ("Ảnh: Nhan Sáng", "Ảnh: EPA", "(Ảnh: Reuters)", "[Trung Quốc-Philippines", "Hoàng Quy/VOV"):
        assert gone not in a.text, gone
    assert "Hai bên nhất trí tăng cường hợp tác" in a.text and "Phát biểu sau cuộc gặp" in a.text
    meeting = next(e for e in a.events if e.type == "meeting")
    assert meeting.start == "2017-05-12" and meeting.date_inferred  # the year comes from the cut caption


def test_vietnamese_scene_captions_without_credit_are_cut(tmp_path, extract_one):
    """"Toàn cảnh buổi tiếp." (issue #8's example) is a photo's caption, credited or not."""
    p = tmp_path / "tiep.txt"
    p.write_text("Thủ tướng tiếp Đại sứ Trung Quốc\n\nChiều 12/5, tại trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ "
                 "Trung Quốc đến chào từ biệt.\nToàn cảnh buổi tiếp. Ảnh: Thống Nhất/TTXVN\nThủ tướng đánh giá cao "
                 "những đóng góp của Đại sứ.\nToàn cảnh buổi tiếp.\nĐại sứ cảm ơn Thủ tướng.\n", encoding="utf-8")
    (a,) = extract_one(str(p))
    assert "Toàn cảnh" not in a.text and "Đại sứ cảm ơn Thủ tướng." in a.text


def test_reuters_dump_header_and_reporting_credit(extract_one):
    """A Reuters dump's dashed header gives title, authors, date and URL; the closing "(Additional
    reporting by …; Editing by …)" leaves the text and its reporters join the authors."""
    name = "20100830_us-china-economy-agriculture-analysis-idUSTRE67T0PG20100830"
    (a,) = extract_one(corpus("reuters-financial-en", name))
    assert a.title == "Analysis: Hungry China links Potash to rice smugglers"
    assert a.published == "2010-08-30" and a.url.endswith("idUSTRE67T0PG20100830")
    assert a.authors == ["Aileen Wang", "Simon Rabinovitch", "Zheng Xiaolu"]
    assert "Editing by" not in a.text and "-- By" not in a.text
    # the wire's dateline "BEIJING (Reuters) - " leaves the text and is kept
    assert a.dateline_agency == "Reuters" and a.dateline_place.strip() == "BEIJING" and not a.text.startswith("BEIJING")
    # "-- Sun Dec 13, 2009 9:57pm EST": the day in the zone the header states, not UTC's or the URL's next day
    (b,) = extract_one(corpus("reuters-financial-en", "20091214_us-panama-canal-houston-idUSTRE5BD04L20091214"),
                       knowledge=False)
    assert b.published == "2009-12-13" and "/2009/12/14/" in b.url


def test_wire_datelines_and_credits_in_parentheses(extract_one):
    # reuters-financial-en: "CEBU, Philippines (Reuters) -", "SINGAPORE/LONDON (Reuters) -", a dateline with
    # no city; "(Editing by …)" alone; "(Additional reporting by Caroline Copley in London)"
    for name, place in (("20070114_us-asean-summit-idUSMAN22898520070114", "CEBU, Philippines"),
                        ("20110318_us-japan-quake-shipping-idUSTRE72H27M20110318", "SINGAPORE/LONDON"),
                        ("20100614_us-financial-regulation-conferees-idUSTRE65D4FW20100614", None)):
        (a,) = extract_one(corpus("reuters-financial-en", name))
        assert "(Reuters)" not in a.text[:200] and a.dateline_agency == "Reuters"
        assert (a.dateline_place or "").strip() == (place or "")
    (a,) = extract_one(corpus("reuters-financial-en", "20090908_us-manpower-survey-idUSTRE5870WG20090908"))
    assert "Editing by" not in a.text and "Steve Orlofsky" not in a.authors
    (a,) = extract_one(corpus("reuters-financial-en", "20100514_us-prudential-idUSTRE64D0OY20100514"))
    assert "Caroline Copley" in a.authors and "reporting by" not in a.text
