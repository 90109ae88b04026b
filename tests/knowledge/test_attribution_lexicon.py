"""The sources extraction names (data/extract/context.tsv) and the outlet catalog
(data/outlets.tsv) are one lexicon seen twice: every outlet or monitor extraction can name is
in the catalog under that name (the ACLED export looks its scale up there, and the outlet's own
voice is told from it), and the Arabic form extraction matches names the same catalog entry."""

from __future__ import annotations

from functools import cache

import pytest

from marsad.knowledge.files import data_path, read_tsv
from marsad.knowledge.outlets import OutletCatalog, load_outlets

CATALOGUED_KINDS = frozenset({"outlet", "organisation"})  # people and offices are not outlets


@cache
def _catalog() -> OutletCatalog:
    return load_outlets()


def _named_outlets() -> list[tuple[str, str]]:
    """(Arabic phrase, canonical name) of every outlet or monitor extraction can name."""
    rows = read_tsv(data_path("extract/context.tsv"))
    out = []
    for row in rows:
        if row["kind"] == "outlet":
            out.append((row["phrase"], row["value"]))
        elif row["kind"] == "source":
            name, _, kind = row["value"].rpartition("|")
            if kind in CATALOGUED_KINDS:
                out.append((row["phrase"], name))
    return out


@pytest.mark.parametrize(("phrase", "name"), _named_outlets())
def test_every_named_outlet_is_catalogued(phrase: str, name: str) -> None:
    by_name = {o.id for o in _catalog().lookup(name)}
    assert by_name, f"{name!r} (from {phrase!r}) is not in outlets.tsv"
    by_phrase = {o.id for o in _catalog().lookup(phrase)}
    assert not by_phrase or by_phrase == by_name, (phrase, by_phrase, by_name)
