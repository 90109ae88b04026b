"""Golden reports (written for these tests, news style) for who says so (codebook §7): speakers
the catalogs do not know, the outlet a source spoke to, the outlet's own correspondent, a verb
of saying with no speaker named, one deep in a later clause, and a speaker named again."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, check_case, load_cases, source_values


@pytest.mark.parametrize("case", load_cases("attribution_cases.json"), ids=lambda c: str(c["id"]))
def test_attribution(case: dict[str, Any]) -> None:
    check_case([source_values(c) for c in analyzed_claims(case)], case)
