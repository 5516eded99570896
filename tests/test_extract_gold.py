"""Every gold article's metadata and text: score.py must show 1.0 on the foundation fields."""
import json
import os
import subprocess
import sys

import pytest

from conftest import SHARED, corpus
from ties.pipeline import Reject, extract_file


def _gold_files(gold_dir):
    files = []
    for name in sorted(os.listdir(gold_dir)):
        with open(os.path.join(gold_dir, name), encoding="utf-8") as f:
            p = corpus(json.load(f)["path"].split("#")[0])
        if p not in files:
            files.append(p)
    return files


def _score(tmp_path, settings, gold_dir):
    out = tmp_path / "pred.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for p in _gold_files(gold_dir):
            for rec in extract_file(p, settings):
                f.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    metrics = tmp_path / "m.json"
    subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score.py"), "--gold", gold_dir,
                    "--pred", str(out), "--json", str(metrics)], check=True, capture_output=True)
    return json.loads(metrics.read_text())


def test_dev_gold_foundation_fields_are_perfect(tmp_path, settings):
    gold = os.path.join(SHARED, "gold", "dev")
    if not os.path.isdir(gold):
        pytest.skip("no dev gold")
    m = _score(tmp_path, settings, gold)
    for field in ("title", "published", "outlet", "url", "language", "text_contains", "text_excludes",
                  "text_clean", "translations", "authors", "no_error"):
        assert m[field]["rate"] == 1.0, (field, m[field])
