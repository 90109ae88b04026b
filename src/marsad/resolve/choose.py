"""Which gazetteer entry a place name means when several share it: the article's area first,
then the kind a news report most likely means, then population."""

from __future__ import annotations

from collections import Counter
from typing import Any

# A bare name in the news most often means the city or town, rarely the governorate or a
# homonymous village: ranks from reading the train reports, higher first.
KIND_RANK = {
    "city": 9,
    "town": 8,
    "neighbourhood": 7,
    "camp": 6,
    "airport": 6,
    "crossing": 6,
    "area": 5,
    "subdistrict": 4,
    "district": 4,
    "village": 3,
    "governorate": 2,
    "region": 1,
    "relative": 1,
    "foreign_town": 0,
}
CONTEXT_BONUS = 10  # being in the article's governorate outweighs any kind preference


def choose_place(entries: list[Any], context_admin1: list[str | None]) -> Any:
    counts = Counter(a for a in context_admin1 if a)
    top = {a for a, n in counts.items() if n == max(counts.values())} if counts else set()

    def rank(entry: Any) -> tuple[int, int]:
        bonus = CONTEXT_BONUS if entry.admin1 in top and len(entries) > 1 else 0
        return (KIND_RANK.get(entry.kind, 3) + bonus, entry.population or 0)

    return max(entries, key=rank)
