"""Every file under ../shared/corpus is read without a traceback; the only errors are for files
that truly are not articles."""
import os

from conftest import CORPUS, corpus
from ties.files import walk
from ties.pipeline import Reject, extract_file

# the files that are not articles, and why
NOT_ARTICLES = {"MANIFEST.tsv": "it is the folder's documentation (README, LICENSE, MANIFEST…), not an article",
                "straits_times_world.xml": "the feed 'The Straits Times — diagnostic source feed' has no items"}


def test_whole_corpus_reads_cleanly(settings):
    corpus("seeds")
    settings.knowledge_stages = False
    articles = 0
    rejects = []
    folders = [os.path.join(CORPUS, d) for d in sorted(os.listdir(CORPUS)) if os.path.isdir(os.path.join(CORPUS, d))]
    for path in walk(folders):  # the corpus's own README.md beside them is documentation
        for rec in extract_file(path, settings):
            if isinstance(rec, Reject):
                rejects.append(rec)
            else:
                articles += 1
                assert rec.title or rec.text
                assert "<p>" not in rec.text and "<img" not in rec.text
    for r in rejects:
        if r.kind == "list":  # web pages that list other pages: set aside, tested in test_web.py
            assert r.source_path.split("#")[0].endswith(".warc.gz")
            continue
        name = os.path.basename(r.source_path)
        assert NOT_ARTICLES.get(name) == r.reason, (r.source_path, r.reason)
    assert articles > 40000
