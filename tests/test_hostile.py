"""Bad input gets one clear error or an article, never a traceback, never a stop of the batch."""
import json
import subprocess
import sys

import pytest

from ties.pipeline import Reject


def _one(extract_one, path):
    recs = extract_one(str(path), knowledge=True)
    assert recs, "every file yields at least one record"
    for r in recs:
        if isinstance(r, Reject):
            assert "internal error" not in r.reason and "Traceback" not in r.reason, r.reason
    return recs


def test_empty_file(tmp_path, extract_one):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    (r,) = _one(extract_one, p)
    assert isinstance(r, Reject) and "empty" in r.reason


def test_binary_file(tmp_path, extract_one):
    p = tmp_path / "blob.bin"
    p.write_bytes(bytes(range(256)) * 64)
    (r,) = _one(extract_one, p)
    assert isinstance(r, Reject) and "binary" in r.reason


def test_truncated_utf8(tmp_path, extract_one):
    p = tmp_path / "cut.txt"
    p.write_bytes("越南与中国举行会谈\n双方同意加强合作。".encode("utf-8")[:-1])
    (a,) = _one(extract_one, p)
    assert not isinstance(a, Reject) and a.title == "越南与中国举行会谈"


@pytest.mark.parametrize("enc,title", [("gbk", "习近平同越共中央总书记举行会谈"), ("gb18030", "中越两国外长举行会谈"),
                                       ("big5", "習近平同越共中央總書記舉行會談"), ("utf-16", "中越双边贸易额增长")])
def test_legacy_encodings(tmp_path, extract_one, enc, title):
    p = tmp_path / f"{enc}.txt"
    body = "新华社河内4月14日电 双方就双边关系和各领域合作深入交换意见，一致认为会谈真诚开放，取得了务实成果。" * 3
    if enc == "big5":
        body = "新華社河內4月14日電 雙方就雙邊關係和各領域合作深入交換意見，一致認為會談真誠開放，取得了務實成果。" * 3
    p.write_bytes(f"{title}\n\n{body}\n".encode(enc))
    (a,) = _one(extract_one, p)
    assert not isinstance(a, Reject) and a.title == title and a.language == "zh"


def test_front_matter_without_closing(tmp_path, extract_one):
    p = tmp_path / "post.md"
    p.write_text("---\ntitle: 中越举行会谈\ndate: 2024-01-10\n\n双方举行会谈。\n越南与中国加强合作。\n", encoding="utf-8")
    (a,) = _one(extract_one, p)
    assert a.title == "中越举行会谈" and a.published == "2024-01-10" and "双方举行会谈" in a.text
    assert any("closing" in w for w in a.warnings)


def test_bad_yaml_front_matter(tmp_path, extract_one):
    p = tmp_path / "post.md"
    p.write_text("---\ntitle: 'unclosed\ndate: 2024-01-10\n: : :\n---\n<p>正文内容。</p>\n", encoding="utf-8")
    (a,) = _one(extract_one, p)
    assert a.text == "正文内容。" and a.published == "2024-01-10"


def test_huge_file(tmp_path, extract_one):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.write(("越南 " * 1000 + "\n").encode() * 7000)  # ~50 MB
    (r,) = _one(extract_one, p)
    assert isinstance(r, Reject) and "MB" in r.reason


def test_deeply_nested_html(tmp_path, extract_one):
    p = tmp_path / "deep.html"
    p.write_text("<html><head><title>深</title></head><body>" + "<div>" * 10000 + "<p>越南</p>" + "</div>" * 10000
                 + "</body></html>", encoding="utf-8")
    _one(extract_one, p)


def test_script_in_titles(tmp_path, extract_one):
    p = tmp_path / "x.md"
    p.write_text("---\ntitle: \"<script>alert(1)</script>中越会谈<b>成功</b>\"\n---\n<p>正文<script>evil()</script>内容。</p>\n",
                 encoding="utf-8")
    (a,) = _one(extract_one, p)
    assert a.title == "中越会谈成功" and "script" not in a.text and "evil" not in a.text


def test_batch_goes_on_and_exit_codes(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("标题\n正文。\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "ties", "extract", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stderr.strip() == f"{tmp_path / 'a.txt'}: the file is empty"
    lines = r.stdout.strip().split("\n")
    assert len(lines) == 2 and '"error"' in lines[0] and '"title": "标题"' in lines[1]
    r = subprocess.run([sys.executable, "-m", "ties", "extract", str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert r.returncode == 1


# --- hardening: no hang, no traceback, no silent loss ------------------------------------------

def test_fifo_and_devices_are_refused_without_waiting(tmp_path, extract_one):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (rec,) = extract_one(str(fifo))
    assert isinstance(rec, Reject) and "not a regular file" in rec.reason
    (rec,) = extract_one("/dev/zero")
    assert isinstance(rec, Reject) and "not a regular file" in rec.reason


def test_lone_surrogates_and_bad_file_names_do_not_stop_an_ingest(tmp_path, settings):
    import os

    from ties.ingest import ingest_paths
    from ties.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text('[{"title": "T\\ud800itle", "summary": "Body \\udfff with a lone surrogate."}]')
    os.makedirs(folder, exist_ok=True)
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(bad, "wb") as f:
        f.write("Tiêu đề\nNội dung bài báo về Việt Nam.\n".encode("utf-8"))
    (folder / "c.txt").write_text("标题\n正文。\n", encoding="utf-8")
    store = open_store(str(tmp_path / "t.db"))
    report = ingest_paths([str(folder)], store, settings)
    assert report.articles == 3 and not report.rejects, report.rejects
    titles = {r[0] for r in store.db.execute("SELECT json_extract(data, '$.title') FROM articles")}
    assert "T\ufffditle" in titles
    assert any("\ufffd" in r[0] for r in store.db.execute("SELECT path FROM sources"))
    store.close()


def test_documentation_files_are_not_articles(tmp_path):
    (tmp_path / "README.md").write_text("# About this archive\nFiles from 2017.\n")
    (tmp_path / "MANIFEST.tsv").write_text("file\tsource\nx\ty\n")
    (tmp_path / "a.txt").write_text("Tiêu đề\nNội dung.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "ties", "extract", str(tmp_path)], capture_output=True, text=True)
    assert "README.md: it is the folder's documentation" in r.stderr
    assert r.stdout.count('"error"') == 2 and r.returncode == 0


def test_escape_sequences_never_reach_the_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("\x1b]0;pwned\x07Title \x1b[2J here\nBody text about Vietnam.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "ties", "ingest", "--db", str(tmp_path / "t.db"), str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "ties", "search", "--db", str(tmp_path / "t.db"), "Vietnam"],
                       capture_output=True, text=True)
    assert "Body" in r.stdout or "Title" in r.stdout
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout


def test_repeated_feed_item_is_marked_duplicate(tmp_path):
    item = '{"title": "Same story", "summary": "The very same text of the story, repeated by the feed."}'
    (tmp_path / "d1.json").write_text(f"[{item}]")
    (tmp_path / "d2.json").write_text(f"[{item}]")
    r = subprocess.run([sys.executable, "-m", "ties", "extract", "--no-knowledge", str(tmp_path)],
                       capture_output=True, text=True)
    import json as _json

    recs = [_json.loads(x) for x in r.stdout.strip().split("\n")]
    assert "duplicate_of" not in recs[0] and recs[1]["duplicate_of"].endswith("d1.json#0")


def test_yaml_aliases_in_front_matter_are_not_expanded(tmp_path, extract_one):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" \
           "title: *d\n---\nBody text.\n"
    p = tmp_path / "bomb.md"
    p.write_text(bomb)
    (a,) = _one(extract_one, p)
    assert len(a.title) < 300


def test_progress_lines_without_a_terminal(capsys):
    from types import SimpleNamespace

    from ties.cli import _Progress

    bar = _Progress(10, "ingest", every=0.0)
    bar(SimpleNamespace(files=3, articles=5, rejects=[]))
    bar.close()
    assert "ingest: 3/10 files, 5 articles, 0 errors" in capsys.readouterr().err


def test_bad_ties_toml_values_are_named_once(tmp_path):
    (tmp_path / "ties.toml").write_text('[defaults]\ntimezone = "Mars/Olympus"\noutlet = 42\n')
    (tmp_path / "a.txt").write_text("Tiêu đề\nNội dung.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tiêu đề 2\nNội dung khác.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "ties", "extract", "--no-knowledge", str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stderr.count("'Mars/Olympus' is not a known time zone") == 1
    assert r.stderr.count("outlet must be text") == 1


def test_foreign_database_is_refused_untouched_and_reads_are_read_only(tmp_path):
    import hashlib
    import os
    import sqlite3

    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    con.commit()
    con.close()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    (tmp_path / "a.txt").write_text("Title\nBody about Vietnam.\n")
    r = subprocess.run([sys.executable, "-m", "ties", "ingest", "--db", str(foreign), str(tmp_path / "a.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "not a ties store" in r.stderr and "Traceback" not in r.stderr
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    r = subprocess.run([sys.executable, "-m", "ties", "search", "--db", str(tmp_path / "none.db"), "x"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "no store here" in r.stderr and not (tmp_path / "none.db").exists()
    db = tmp_path / "t.db"
    subprocess.run([sys.executable, "-m", "ties", "ingest", "--db", str(db), str(tmp_path / "a.txt")], check=True,
                   capture_output=True)
    os.chmod(db, 0o444)
    try:
        r = subprocess.run([sys.executable, "-m", "ties", "stats", "--db", str(db)], capture_output=True, text=True)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    finally:
        os.chmod(db, 0o644)


def test_one_huge_line_gives_a_short_title(tmp_path, extract_one):
    p = tmp_path / "line.txt"
    p.write_text("word " * 400_000 + "\n", encoding="utf-8")  # a 2 MB single line
    (a,) = _one(extract_one, p)
    assert len(a.title) <= 501 and len(a.text) >= 1_999_000  # the line is the text too, not lost


def test_long_and_repeated_queries_answer_at_once(tmp_path, settings):
    import time

    from ties.errors import StoreError
    from ties.ingest import ingest_paths
    from ties.store import open_store

    (tmp_path / "a.txt").write_text("Title\nVietnam and China sign a trade deal.\n")
    store = open_store(str(tmp_path / "t.db"))
    ingest_paths([str(tmp_path / "a.txt")], store, settings)
    t = time.perf_counter()
    assert store.search(" ".join(["trade"] * 150))  # repeated words count once
    assert time.perf_counter() - t < 2
    with pytest.raises(StoreError, match="at most"):
        store.search("trade " * 1000)
    store.close()


def test_ingest_says_how_many_articles_have_no_outlet(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\nBody of the story.\n")
    r = subprocess.run([sys.executable, "-m", "ties", "ingest", "--db", str(tmp_path / "t.db"), str(tmp_path / "in")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "1 articles without outlet" in r.stderr


def _warc(path, bodies):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i, body in enumerate(bodies):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(f"http://example.com/{i}", "response", payload=BytesIO(body),
                                                http_headers=headers))


def test_warc_bomb_record_and_truncated_archive(tmp_path, extract_one):
    from ties.readers import warc

    page = b"<html><head><title>A page</title></head><body><article><p>" + b"Text of the page. " * 50 + \
        b"</p></article></body></html>"
    bomb = b"<html><body><p>" + b"A" * (warc.RECORD_LIMIT + 10) + b"</p></body></html>"
    p = tmp_path / "a.warc.gz"
    _warc(p, [page, bomb, page])
    recs = extract_one(str(p), knowledge=False)
    reasons = [r.reason for r in recs if isinstance(r, Reject)]
    assert any("once decompressed" in r for r in reasons) and sum(not isinstance(r, Reject) for r in recs) == 2
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(p.read_bytes()[:-200])
    recs = extract_one(str(cut), knowledge=False)
    assert any(isinstance(r, Reject) and "cut short" in r.reason for r in recs)


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path, extract_one, enc):
    for i, text in enumerate(["标题\n中越两国的合作关系，双方同意加强合作。这是中国的一个重要伙伴。\n",
                              "Title\nEnglish text about Vietnam and China.\n"]):
        p = tmp_path / f"{i}.txt"
        p.write_bytes(text.encode(enc))
        (a,) = _one(extract_one, p)
        assert a.title == text.split("\n")[0]


def test_unreadable_sub_folder_is_named(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Title\nBody.\n")
    os.chmod(locked, 0)
    try:
        r = subprocess.run([sys.executable, "-m", "ties", "extract", str(tmp_path)], capture_output=True, text=True)
        assert "locked: it is a folder that cannot be read" in r.stderr
    finally:
        os.chmod(locked, 0o755)


def test_walk_names_a_folder_it_cannot_list(tmp_path, monkeypatch):
    import os

    from ties import files

    (tmp_path / "a.txt").write_text("x")

    def fake_walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield str(tmp_path), [], ["a.txt"]

    monkeypatch.setattr(os, "walk", fake_walk)
    assert list(files.walk([str(tmp_path)])) == [str(tmp_path / "locked"), str(tmp_path / "a.txt")]


def test_page_of_many_paragraphs_is_read_whole(tmp_path, extract_one):
    """Cleaning stays linear in the page: 20,000 paragraphs come out whole (a quadratic step made
    a page of 100,000 run for minutes)."""
    p = tmp_path / "big.html"
    p.write_text("<html><head><title>Big page</title></head><body>" +
                 "".join(f"<p>Paragraph {i} of a long page about trade.</p>" for i in range(20_000)) + "</body></html>")
    (a,) = _one(extract_one, p)
    assert "Paragraph 19999 of a long page" in a.text and a.text.count("\n") >= 19_000


def _peak_rss_kb(args: list[str], cwd, out=None) -> int:
    """Peak resident memory of one `ties` run in a child process (ru_maxrss of a fresh child);
    its standard output goes to the file `out`, if given."""
    code = ("import resource, subprocess, sys; out = open(sys.argv[1], 'w') if sys.argv[1] else subprocess.DEVNULL; "
            "subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    r = subprocess.run([sys.executable, "-c", code, str(out or ""), sys.executable, "-m", "ties", *args],
                       capture_output=True, text=True, cwd=cwd, check=True)
    return int(r.stdout.strip())


def test_a_30_mb_line_stays_within_ten_times_its_size(tmp_path):
    """One 30 MB line: its text is kept whole, and the memory the run needs beyond that of a run on
    a one-line file stays under ten times the input, for extract and for ingest."""
    big, small, out = tmp_path / "line.txt", tmp_path / "small.txt", tmp_path / "out.jsonl"
    big.write_text("word " * 6_000_000 + "\n", encoding="utf-8")
    small.write_text("word word word\n", encoding="utf-8")
    size_kb = big.stat().st_size // 1024
    for args in (["extract"], ["ingest", "--db", str(tmp_path / "t.db")]):
        base = _peak_rss_kb([*args, str(small)], tmp_path)
        peak = _peak_rss_kb([*args, str(big)], tmp_path, out if args[0] == "extract" else None)
        assert peak - base < 10 * size_kb, (args[0], peak, base, size_kb)
    (a,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(a["text"]) == 29_999_999 and len(a["title"]) <= 501 and a["warnings"]
