"""Articles written as JSON Lines (the codec's form) read back as the same articles."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.codec import article_to_json
from marsad.ingest import read_inputs
from marsad.model import Article

# Text without the C0 control characters ingest cleans out (test_control_characters.py).
CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
chars = st.characters(exclude_categories=("Cs",), exclude_characters=CONTROLS)
# Metadata as outlets write it: trimmed, non-empty (ingest trims and drops empty values).
meta = st.none() | st.text(chars, min_size=1, max_size=20).map(str.strip).filter(bool)
bodies = st.text(chars, min_size=1, max_size=200).filter(lambda t: t.strip() != "")
articles = st.builds(
    Article,
    id=st.text(alphabet="abcdef0123456789-", min_size=1, max_size=12),
    text=bodies,
    outlet=meta,
    url=meta,
    published=st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    title=meta,
    lang=meta,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(articles, min_size=1, max_size=5))
def test_json_lines_round_trip(batch: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        lines = [json.dumps(article_to_json(a), ensure_ascii=False) for a in batch]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        read = list(read_inputs([path]))
    expected = [replace(a, source=f"{path}:{n}") for n, a in enumerate(batch, start=1)]
    assert read == expected
