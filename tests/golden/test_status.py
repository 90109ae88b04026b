"""Golden reports (written for these tests, news style) for status and its source (codebook §1,
§7): intentions and preparations are planned; "لا صحة"/"لا أساس" deny in the speaker's voice;
a denial verb whose object is the act names its denier before it; a title right after an act
is whom it befell, not a source."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, check_case, load_cases, source_values


@pytest.mark.parametrize("case", load_cases("status_cases.json"), ids=lambda c: str(c["id"]))
def test_status(case: dict[str, Any]) -> None:
    check_case([source_values(c) for c in analyzed_claims(case)], case)
