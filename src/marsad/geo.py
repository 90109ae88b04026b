"""Great-circle distance, the one formula every stage measures places with.

Below the stages in the layers (with `marsad.model`): resolve weighs a namesake by its distance to
the article's other places, classify and link compare two records' places, and all three must
agree with the scorer's formula so that their thresholds mean the same kilometres.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0  # the mean radius, as the scorer uses


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (the formula the scorer uses, so thresholds agree)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
