"""Where the shipped knowledge files live, and a reader for their TSV form."""

from __future__ import annotations

import csv
from importlib import resources as importlib_resources
from pathlib import Path

from marsad.errors import DataError


def data_path(name: str) -> Path:
    """The path of a file shipped in `marsad/data/`."""
    root = importlib_resources.files("marsad").joinpath("data")
    return Path(str(root)) / name


def read_tsv(path: Path, *, strict: bool = False) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; blank lines and `#` comments skipped.
    Fields past the header's are dropped, or with `strict` are a DataError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read knowledge file {path}: {exc}") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for row in reader:
        if strict and None in row:
            raise DataError(f"{path}: more fields than the header in {row[None]!r}")
        rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return rows
