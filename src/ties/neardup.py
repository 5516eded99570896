"""MinHash signatures (datasketch) and LSH band keys for near-duplicate articles."""
from __future__ import annotations

import hashlib
import struct

from datasketch import MinHash

from .textutil import squash

NUM_PERM = 64
BANDS = 16
MIN_CHARS = 120  # shorter texts (headlines, one-line summaries) are matched by exact hash only
_SHINGLE = 5


MAX_CHARS = 200_000  # a news article is shorter; a longer text is compared by its beginning


def _shingles(text: str) -> set[bytes]:
    s = squash(text[:MAX_CHARS]).lower()
    return {s[i:i + _SHINGLE].encode("utf-8") for i in range(max(1, len(s) - _SHINGLE + 1))}


def signature(text: str):
    """(signature array, one bucket key per band), or None for a text too short to compare."""
    if len(text) < MIN_CHARS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch(list(_shingles(text)))
    sig = m.hashvalues.astype("uint32")
    rows = NUM_PERM // BANDS
    bands = []
    for b in range(BANDS):
        chunk = sig[b * rows:(b + 1) * rows].tobytes()
        bands.append(struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0])
    return sig, bands
