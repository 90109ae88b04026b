"""The one great-circle distance every stage measures places with."""

from __future__ import annotations

import pytest

from marsad.geo import haversine_km


def test_a_point_is_at_no_distance_from_itself() -> None:
    assert haversine_km(33.51, 36.29, 33.51, 36.29) == 0.0


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert haversine_km(35.0, 38.0, 36.0, 38.0) == pytest.approx(111.19, abs=0.01)


def test_distance_is_symmetric() -> None:
    damascus, aleppo = (33.513, 36.292), (36.202, 37.134)
    there = haversine_km(*damascus, *aleppo)
    assert there == pytest.approx(haversine_km(*aleppo, *damascus))
    assert 300 < there < 320


def test_antipodes_do_not_fail_on_rounding() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.09, abs=0.01)
