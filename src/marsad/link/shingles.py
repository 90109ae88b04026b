"""Character n-gram shingles of normalized Arabic text, and compact bottom-k sketches of them.

Evidence wording is compared by character 4-gram overlap: the mean of Jaccard similarity and
containment (the share of the shorter text's 4-grams found in the other), because two reports of
one happening often differ in length (a one-line brief vs. a long paragraph). A record keeps only
a bottom-k sketch (its shingle count and the k smallest 32-bit hashes of its shingles), from which
the Jaccard similarity and the containment are estimated; k ints per record keep the link state
small at millions of records.
"""

from __future__ import annotations

import zlib
from array import array

from marsad.text.normalize import normalize_key

EVIDENCE_NGRAM = 4  # chars: 4-grams cover most Arabic stems with a clitic
SKETCH_SIZE = 64  # hashes kept per record: Jaccard error about 1/sqrt(64) ≈ 0.12, enough to rank


def char_shingles(text: str, n: int) -> set[str]:
    """The set of character n-grams of the normalized text (words joined by single spaces)."""
    key = normalize_key(text)
    if len(key) < n:
        return {key} if key else set()
    return {key[i : i + n] for i in range(len(key) - n + 1)}


def sketch(text: str, *, n: int = EVIDENCE_NGRAM, size: int = SKETCH_SIZE) -> bytes:
    """The shingle count then the `size` smallest crc32 hashes of the text's n-gram shingles,
    ascending, packed as unsigned 32-bit ints (a tenth of the memory of Python ints)."""
    hashes = sorted({zlib.crc32(s.encode("utf-8")) for s in char_shingles(text, n)})
    if not hashes:
        return b""
    return array("I", [len(hashes), *hashes[:size]]).tobytes()


def sketch_similarity(a: bytes, b: bytes, *, size: int = SKETCH_SIZE) -> float:
    """Mean of the estimated Jaccard similarity and containment (share of the smaller set found in
    the other) of two texts' shingle sets; 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    left, right = array("I", a), array("I", b)
    count_a, count_b = left[0], right[0]
    mine, theirs = set(left[1:]), set(right[1:])
    union_bottom = sorted(mine | theirs)[: min(size, len(mine | theirs))]
    jaccard = sum(1 for h in union_bottom if h in mine and h in theirs) / len(union_bottom)
    shared = jaccard * (count_a + count_b) / (1.0 + jaccard)
    containment = min(1.0, shared / min(count_a, count_b))
    # Containment alone flatters a headline inside a long paragraph; Jaccard alone undersells a
    # brief inside a long report. Their mean ranks both cases sensibly.
    return (containment + jaccard) / 2
