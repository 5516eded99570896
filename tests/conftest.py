import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus")


def corpus(*parts):
    p = os.path.join(CORPUS, *parts)
    if not os.path.exists(p):
        pytest.skip(f"shared corpus not found at {p}")
    return p


@pytest.fixture
def settings():
    from ties.settings import Settings

    return Settings.load()


@pytest.fixture
def extract_one(settings):
    from ties.pipeline import Reject, extract_file

    def run(path, knowledge=True):
        settings.knowledge_stages = knowledge
        recs = list(extract_file(path, settings))
        return recs

    return run
