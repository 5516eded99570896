"""Walking the paths a user gives: files as given, folders recursively, in a stable order."""
from __future__ import annotations

import os
from collections.abc import Iterator

SKIP_NAMES = {"ties.toml", ".DS_Store"}  # the archive's own settings file
SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}


def walk(paths) -> Iterator[str]:
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    if name in SKIP_NAMES or name.startswith(".") or name.endswith((".md5", ".sha256")):
                        continue
                    yield os.path.join(root, name)
        else:
            yield p
