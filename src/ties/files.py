"""Walking the paths a user gives: files as given, folders recursively, in a stable order."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator

SKIP_NAMES = {"ties.toml", ".DS_Store"}  # the archive's own settings file
SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}


# a folder's documentation, not an article: reported with this reason when met in a folder
DOC_FILES = re.compile(r"^(README|LICENSE|LICENCE|COPYING|MANIFEST|CHANGELOG|CONTRIBUTING|AUTHORS|NOTICE)([._-].*)?$", re.I)


def is_documentation(path: str) -> bool:
    return bool(DOC_FILES.match(os.path.basename(path)))


def display_path(path: str) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 in a file name
    (kept by Python as lone surrogates) become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def walk(paths) -> Iterator[str]:
    """Files as given, folders recursively. A sub-folder that cannot be listed is yielded as a
    path too, so that reading it reports why (it is not skipped in silence)."""
    for p in paths:
        if os.path.isdir(p):
            unreadable: list[str] = []
            for root, dirs, names in os.walk(p, onerror=lambda e: unreadable.append(e.filename)):
                while unreadable:
                    yield unreadable.pop()
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    if name in SKIP_NAMES or name.startswith(".") or name.endswith((".md5", ".sha256")):
                        continue
                    yield os.path.join(root, name)
            yield from unreadable
        else:
            yield p
