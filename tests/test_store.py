"""Ingest into SQLite: idempotent re-ingest, updates, rejects, dedup, kill-and-resume, search, stats."""
import os
import sqlite3
import shutil
import signal
import subprocess
import sys
import time

from conftest import corpus
from ties.ingest import ingest_paths, reextract
from ties.store import open_store


def _copy(src_dir, dst, n=None):
    os.makedirs(dst, exist_ok=True)
    names = sorted(x for x in os.listdir(src_dir) if not x.endswith(".tsv"))[:n]
    for x in names:
        shutil.copy(os.path.join(src_dir, x), dst)
    return names


def test_reingest_is_idempotent_and_changes_update(tmp_path, settings):
    arch = tmp_path / "arch"
    _copy(corpus("seeds"), arch)
    db = open_store(str(tmp_path / "t.db"))
    r1 = ingest_paths([str(arch)], db, settings)
    n = db.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert r1.files == 5 and n == 5
    r2 = ingest_paths([str(arch)], db, settings)
    assert r2.unchanged == 5 and r2.articles == 0
    assert db.db.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    # a changed file updates its article
    f = arch / sorted(os.listdir(arch))[1]
    f.write_text(f.read_text(encoding="utf-8").replace("政治关系的积极稳定势头", "政治关系的积极稳定势头（更新）"), encoding="utf-8")
    r3 = ingest_paths([str(arch)], db, settings)
    assert r3.changed == 1
    texts = [t for (t,) in db.db.execute("SELECT text FROM articles")]
    assert len(texts) == 5 and any("（更新）" in t for t in texts)
    # a reject is stored with its reason; the batch goes on
    (arch / "zz_empty.txt").write_bytes(b"")
    ingest_paths([str(arch)], db, settings)
    assert db.db.execute("SELECT reason FROM rejects WHERE path LIKE '%zz_empty.txt'").fetchone()[0] == "the file is empty"
    # re-extract from stored bytes without the sources
    shutil.rmtree(arch)
    r4 = reextract(db, settings)
    assert r4.files == 6 and db.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_same_text_is_one_article_with_two_sources(tmp_path, settings):
    a = tmp_path / "a"
    _copy(corpus("seeds"), a, 2)
    shutil.copytree(a, tmp_path / "b")
    db = open_store(str(tmp_path / "t.db"))
    ingest_paths([str(a), str(tmp_path / "b")], db, settings)
    assert db.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert db.db.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 4


def test_near_duplicates_are_linked(tmp_path, settings):
    src = corpus("seeds", "003_fce62a77146710a9.txt")
    text = open(src, encoding="utf-8").read()
    arch = tmp_path / "arch"
    arch.mkdir()
    (arch / "a.txt").write_text(text, encoding="utf-8")
    (arch / "b.txt").write_text(text.replace("蔡奇、王毅、王小洪等参加上述活动。", "蔡奇等参加上述活动。"), encoding="utf-8")
    db = open_store(str(tmp_path / "t.db"))
    ingest_paths([str(arch)], db, settings)
    assert db.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    (sim,) = db.db.execute("SELECT similarity FROM near_duplicates").fetchone()
    assert sim > 0.8


def test_kill_and_resume(tmp_path):
    arch = str(tmp_path / "arch")
    n_files = len(_copy(corpus("cctv-xwlb-json"), arch, 250))  # several ~2 s batches
    dbp = str(tmp_path / "k.db")
    env = dict(os.environ, TIES_DB=dbp)
    p = subprocess.Popen([sys.executable, "-m", "ties", "ingest", arch], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait for the first committed batch, then kill -9
        time.sleep(0.2)
        if os.path.exists(dbp):
            try:  # read-only: opening the store would wait for the writer's lock
                ro = sqlite3.connect(f"file:{dbp}?mode=ro", uri=True, timeout=0.1)
                n = ro.execute("SELECT count(*) FROM sources").fetchone()[0]
                ro.close()
            except sqlite3.Error:
                n = 0
            if n > 0:
                break
    p.send_signal(signal.SIGKILL)
    p.wait()
    db = open_store(dbp)
    kept = db.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    db.close()
    assert 0 < kept < n_files, kept
    subprocess.run([sys.executable, "-m", "ties", "ingest", arch], env=env, check=True, capture_output=True)
    db = open_store(dbp)
    assert db.db.execute("SELECT count(*) FROM sources").fetchone()[0] == n_files
    resumed = db.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    clean = open_store(str(tmp_path / "clean.db"))
    from ties.settings import Settings
    ingest_paths([arch], clean, Settings.load())
    assert resumed == clean.db.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_search_chinese_vietnamese_traditional(tmp_path, settings):
    db = open_store(str(tmp_path / "t.db"))
    ingest_paths([corpus("seeds"), corpus("hkcnews", "article_16487.md"), corpus("baomoi-vi", "22321402.txt")],
                 db, settings)
    hits = db.search("南海")
    assert hits and all("南海" in (h["title"] + h["snippet"]) or h["outlet"] for h in hits)
    # a two-character word inside a longer one still matches; traditional query finds simplified text
    assert any(h["outlet"] == "Xinhua" for h in db.search("習近平 蘇林"))
    assert db.search("越南", outlet="Guancha")[0]["outlet"] == "Guancha"
    # Vietnamese with and without diacritics
    with_d = [h["id"] for h in db.search("Biển Đông")]
    without = [h["id"] for h in db.search("bien dong")]
    assert with_d and with_d == without
    assert "[" in db.search("阮富仲")[0]["snippet"]
    assert db.search("越南", since="2025-01-01", until="2025-12-31")[0]["published"].startswith("2025")
    s = db.stats()
    assert s["articles"] == 7 and s["by_outlet"]["Xinhua"] == 1


def test_a_second_writer_waits_its_turn_and_readers_do_not_stall(tmp_path):
    """While another program holds the store's write lock, a second `ingest` waits and then
    finishes (no traceback), and `search` answers at once (WAL readers do not wait for writers)."""
    import sqlite3

    first, second = tmp_path / "first", tmp_path / "second"
    _copy(corpus("seeds"), str(first), 2)
    _copy(corpus("hkcnews"), str(second), 3)
    dbp = str(tmp_path / "w.db")
    run = [sys.executable, "-m", "ties"]
    subprocess.run(run + ["ingest", "--db", dbp, str(first)], check=True, capture_output=True)
    holder = sqlite3.connect(dbp, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
    try:
        writer = subprocess.Popen(run + ["ingest", "--db", dbp, str(second)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        t = time.time()
        r = subprocess.run(run + ["search", "--db", dbp, "越南", "--limit", "1"], capture_output=True, text=True)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        assert time.time() - t < 10
        time.sleep(1.5)
        assert writer.poll() is None  # still waiting its turn
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0 and "Traceback" not in err, err
    db = open_store(dbp)
    assert db.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 5
    db.close()


def test_one_meeting_told_by_two_outlets_is_one_event_whichever_comes_first(tmp_path, settings):
    """VNA on Baomoi (undated: Du Chính Thanh meets Trần Đại Quang) and CCTV (2017-05-12, 俞正声
    会见陈大光), ingested in both orders: one event with both reports; the same visitor's other
    meetings that day (张德江, 刘云山) stay events of their own."""
    vna, cctv = corpus("baomoi-vi", "22255546.txt"), corpus("cctv-xwlb-json", "20170512.json")
    for order in ((vna, cctv), (cctv, vna)):
        db = open_store(str(tmp_path / f"o{order[0][-5:]}.db"))
        for path in order:
            ingest_paths([path], db, settings)
        meetings = [e for e in db.events(actor="Trần Đại Quang", type="meeting", bilateral=None, limit=50)]
        yu = [e for e in meetings if "Yu Zhengsheng" in e["participants"]]
        assert len(yu) == 1 and {r["outlet"] for r in yu[0]["reports"]} == {"CCTV", "Tin Tuc"}, order
        assert yu[0]["start"] == "2017-05-12"
        assert len({tuple(e["participants"]) for e in meetings}) >= 3  # 张德江, 俞正声, 刘云山: three meetings
        db.close()


def test_workers_give_the_same_store_as_one_process(tmp_path, settings):
    """`ingest --workers 2`: the pipeline in two processes, one writer, the same articles, search
    index, entities, events and statements as one process (and so across hash seeds: no result
    depends on a set's order)."""
    import sqlite3

    paths = [corpus("seeds"), corpus("hkcnews"), corpus("zaobao-realtime", "2023-12-14.json")]
    dumps = []
    for workers in (1, 2):
        db = open_store(str(tmp_path / f"w{workers}.db"))
        report = ingest_paths(paths, db, settings, workers=workers)
        db.close()
        con = sqlite3.connect(str(tmp_path / f"w{workers}.db"))
        dumps.append({t: con.execute(q).fetchall() for t, q in (
            ("articles", "SELECT id, text_hash, data FROM articles ORDER BY id"),
            ("fts", "SELECT rowid, title, body, extra FROM articles_fts ORDER BY rowid"),
            ("entities", "SELECT id, key, data FROM entities ORDER BY id"),
            ("events", "SELECT * FROM events ORDER BY id"),
            ("reports", "SELECT * FROM event_reports ORDER BY event_id, article_id"),
            ("statements", "SELECT * FROM statements ORDER BY article_id, rowid"),
            ("near_duplicates", "SELECT * FROM near_duplicates ORDER BY a, b"))})
        con.close()
        assert report.articles > 500
    for table in dumps[0]:
        assert dumps[0][table] == dumps[1][table], table


def test_extract_with_workers_prints_what_one_process_prints():
    from click.testing import CliRunner

    from ties.cli import cli

    folder = corpus("dantri-unc-vi")
    one = CliRunner().invoke(cli, ["extract", "--workers", "1", folder])
    two = CliRunner().invoke(cli, ["extract", "--workers", "2", folder])
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output and one.output.count("\n") >= 250
