"""Which place holds another: by admin codes, and by distance from a city's or an area's centre."""

from __future__ import annotations

from marsad.geo import haversine_km
from marsad.model import Place

# Which admin fields a place of each broad kind is defined by: it contains every place that
# shares them. Areas and regions (Eastern Ghouta, "rural Raqqa") carry the codes of where they
# lie but are smaller than those units, so they also need the inner place close to their centre;
# a city contains its own quarters, landmarks, camps and bases (the gazetteer gives a
# neighbourhood its city's admin codes, not a pointer to the city, so distance decides).
_ADMIN_DEPTH = {"governorate": 1, "district": 2, "subdistrict": 3}
_AREA_KINDS = frozenset({"area", "region"})
AREA_RADIUS_KM = 30.0  # an area's entry is its approximate centre
CITY_RADIUS_KM = 10.0  # a city's quarters lie within this of its centre
_CITY_PARTS = frozenset({"neighbourhood", "landmark", "camp", "airport"})


def contains(outer: Place, inner: Place) -> bool:
    """`outer` is a wider place that holds `inner` (a governorate its towns, Eastern Ghouta
    Douma, Damascus the Mezzeh quarter); a place does not contain itself."""
    if outer.gazetteer_id == inner.gazetteer_id or outer.kind == inner.kind:
        return False
    admins = (
        (outer.admin1, inner.admin1),
        (outer.admin2, inner.admin2),
        (outer.admin3, inner.admin3),
    )
    depth = _ADMIN_DEPTH.get(outer.kind)
    if depth is not None:
        return all(o is not None and o == i for o, i in admins[:depth])
    km = haversine_km(outer.lat, outer.lon, inner.lat, inner.lon)
    if outer.admin1 is None or outer.admin1 != inner.admin1:
        return False
    if outer.kind in _AREA_KINDS:
        given = [(o, i) for o, i in admins[1:] if o is not None]
        return km <= AREA_RADIUS_KM and all(o == i for o, i in given)
    if outer.kind == "city":
        return inner.kind in _CITY_PARTS and km <= CITY_RADIUS_KM
    return False


def nested(a: Place, b: Place) -> bool:
    """One of the two places contains the other."""
    return contains(a, b) or contains(b, a)


def area_holds(a: Place, b: Place) -> bool:
    """One of the two places is a wider area (a governorate, district, region) holding the
    other. Unlike `nested`, a city and its own quarters or landmarks do not count: a report that
    names both tells two happenings (the city taken, and its hospital taken)."""
    return (contains(a, b) and a.kind != "city") or (contains(b, a) and b.kind != "city")
