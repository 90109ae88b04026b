"""Validation of the knowledge files (`marsad data check`).

Catches what makes the data lie quietly: duplicate ids, aliases that name two entries without
being listed as an intended time split, coordinates outside Syria for Syrian entries, parents that
do not exist (or loop), dates that end before they start, and Arabic names that do not survive
normalization (empty, no Arabic letter left, or a single letter that would match everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge import actors as actors_module
from marsad.knowledge import cues as cues_module
from marsad.knowledge import gazetteer as gazetteer_module
from marsad.knowledge import outlets as outlets_module
from marsad.knowledge import sides as sides_module
from marsad.knowledge.files import data_path, read_tsv
from marsad.text.normalize import normalize_key

# Syria's bounding box with a small margin (OCHA's points span lat 32.3–37.4, lon 35.6–42.5).
SYRIA_LAT = (32.2, 37.45)
SYRIA_LON = (35.5, 42.5)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
ACTOR_KINDS = frozenset(
    {"state", "rebel", "militia", "identity", "police", "political", "external", "civilians",
     "unknown", "intergovernmental", "ngo", "person"}
)  # fmt: skip
NO_COORDINATE_KINDS = frozenset({gazetteer_module.RELATIVE_KIND})
TEXT_FOLDER = "text"  # the word tables of the text tools and the rules (marsad.text.lexicon)
# The columns of a text table that hold the words or phrases the rules look for.
TEXT_WORD_COLUMNS = ("word", "phrase", "name", "singular")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    where: str  # an id, a name or a line
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.severity}: {self.file}: {self.where}: {self.message}"


def check_all(data_dir: Path | None = None) -> list[Problem]:
    """Every check on the shipped files (or on the files of another data folder)."""

    def path(name: str) -> Path:
        return data_dir / name if data_dir is not None else data_path(name)

    return [
        *check_gazetteer(path(gazetteer_module.GAZETTEER_FILE)),
        *check_actors(
            path(actors_module.ACTORS_FILE),
            path(actors_module.SHARED_ALIASES_FILE),
            path(actors_module.AREAS_FILE),
        ),
        *check_outlets(path(outlets_module.OUTLETS_FILE)),
        *check_cues(path(cues_module.ATTRIBUTION_FILE), path(cues_module.STATUS_FILE)),
        *_optional(path(sides_module.ACTOR_SIDES_FILE), path(actors_module.ACTORS_FILE)),
        *_text_tables(path(TEXT_FOLDER)),
    ]


def _text_tables(folder: Path) -> list[Problem]:
    # A data folder without the text tables (made for another check) still checks.
    return check_text_tables(folder) if folder.is_dir() else []


def _optional(sides: Path, actors: Path) -> list[Problem]:
    # The side table is newer than the other files: a data folder made before it still checks.
    return check_actor_sides(sides, actors) if sides.exists() else []


def arabic_name_problem(name: str) -> str | None:
    """Why an Arabic name would not match after normalization, or None when it is fine."""
    key = normalize_key(name)
    if not key:
        return "empty after normalization"
    if not ARABIC_LETTER.search(key):
        return "no Arabic letter after normalization"
    if len(key.replace(" ", "")) < 2:
        return "a single letter after normalization: would match everywhere"
    return None


def check_gazetteer(path: Path) -> list[Problem]:
    name = path.name
    try:
        rows = gazetteer_module.read_rows(path)
    except DataError as exc:
        return [Problem(name, "file", str(exc))]
    problems = _duplicate_ids(name, (row["id"] for row in rows))
    for row in rows:
        problems += _gazetteer_row(name, row)
    return problems


def _gazetteer_row(file: str, row: dict[str, str]) -> list[Problem]:
    out: list[Problem] = []
    where = row["id"]
    names = [n for n in row["names_ar"].split("|") if n]
    if not names:
        out.append(Problem(file, where, "no Arabic name"))
    for n in names:
        issue = arabic_name_problem(n)
        if issue:
            out.append(Problem(file, where, f"name {n!r}: {issue}"))
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        return [*out, Problem(file, where, f"bad coordinates {row['lat']!r}, {row['lon']!r}")]
    syrian = (row.get("country") or "SY") == "SY"
    if syrian and row["kind"] not in NO_COORDINATE_KINDS and not _in_syria(lat, lon):
        out.append(Problem(file, where, f"coordinates {lat}, {lon} outside Syria"))
    if syrian and row["kind"] not in NO_COORDINATE_KINDS and not row["admin1"]:
        out.append(Problem(file, where, "Syrian entry without admin1"))
    return out


def _in_syria(lat: float, lon: float) -> bool:
    return SYRIA_LAT[0] <= lat <= SYRIA_LAT[1] and SYRIA_LON[0] <= lon <= SYRIA_LON[1]


def check_actors(
    path: Path, shared_path: Path | None = None, areas_path: Path | None = None
) -> list[Problem]:
    name = path.name
    try:
        rows = read_tsv(path)
    except DataError as exc:
        return [Problem(name, "file", str(exc))]
    problems = _duplicate_ids(name, (row.get("id", "") for row in rows))
    ids = {row.get("id", "") for row in rows}
    for row in rows:
        problems += _actor_row(name, row, ids)
    if problems:
        return problems  # collisions and cycles need a loadable catalog
    catalog = actors_module.load_actors(path)
    shared = actors_module.load_shared_aliases(shared_path) if shared_path else {}
    areas = actors_module.load_actor_areas(areas_path) if areas_path else {}
    unknown = [
        Problem(actors_module.AREAS_FILE, i, "unknown actor id") for i in areas if i not in catalog
    ]
    return unknown + _parent_cycles(name, catalog) + _actor_collisions(name, catalog, shared, areas)


def _actor_row(file: str, row: dict[str, str], ids: set[str]) -> list[Problem]:
    out: list[Problem] = []
    where = row.get("id", "?")
    if row.get("parent") and row["parent"] not in ids:
        out.append(Problem(file, where, f"unknown parent {row['parent']!r}"))
    if row.get("kind") not in ACTOR_KINDS:
        out.append(Problem(file, where, f"unknown kind {row.get('kind')!r}"))
    inter = row.get("acled_inter", "")
    if inter and inter not in {str(i) for i in range(1, 9)}:
        out.append(Problem(file, where, f"acled_inter {inter!r} is not 1-8"))
    for n in (n for n in row.get("names_ar", "").split("|") if n):
        issue = arabic_name_problem(n)
        if issue:
            out.append(Problem(file, where, f"name {n!r}: {issue}"))
    try:
        start = date.fromisoformat(row["active_from"]) if row.get("active_from") else None
        end = date.fromisoformat(row["active_to"]) if row.get("active_to") else None
    except ValueError as exc:
        return [*out, Problem(file, where, f"bad date: {exc}")]
    if start and end and start >= end:
        out.append(Problem(file, where, f"active_from {start} is not before active_to {end}"))
    return out


def _parent_cycles(file: str, catalog: actors_module.ActorCatalog) -> list[Problem]:
    out = []
    for entry in catalog:
        try:
            catalog.root(entry.id)
        except DataError as exc:
            out.append(Problem(file, entry.id, str(exc)))
    return out


def _actor_collisions(
    file: str,
    catalog: actors_module.ActorCatalog,
    shared: dict[str, frozenset[str]],
    areas: dict[str, frozenset[str]] | None = None,
) -> list[Problem]:
    """Every alias of several ids is listed shared, and its readings are time-disjoint, or
    split by area: one reading bound to its governorates (actor_areas.tsv), the other elsewhere."""
    by_alias: dict[str, set[str]] = {}
    for entry in catalog:
        for n in entry.names_ar:
            by_alias.setdefault(normalize_key(n), set()).add(entry.id)
    out = []
    for alias, ids in sorted(by_alias.items()):
        if len(ids) < 2:
            continue
        if shared.get(alias) != frozenset(ids):
            out.append(Problem(file, alias, f"alias names {sorted(ids)} and is not listed shared"))
        elif not _time_disjoint([catalog.get(i) for i in ids if i not in (areas or {})]):
            out.append(Problem(file, alias, f"shared alias of {sorted(ids)} overlaps in time"))
    return out


def _time_disjoint(entries: list[actors_module.ActorEntry]) -> bool:
    spans = sorted((e.active_from or date.min, e.active_to or date.max) for e in entries)
    return all(a[1] <= b[0] for a, b in pairwise(spans))


def check_outlets(path: Path) -> list[Problem]:
    name = path.name
    try:
        catalog = outlets_module.load_outlets(path)
        rows = read_tsv(path)
    except DataError as exc:
        return [Problem(name, "file", str(exc))]
    problems = _duplicate_ids(name, (row["id"] for row in rows))
    names_file = outlets_module.OUTLET_NAMES_FILE
    by_name: dict[str, set[str]] = {}
    for outlet in catalog:
        cited = {c.name for c in outlet.cited}
        for n in dict.fromkeys((*outlet.names_ar, *cited)):
            issue = arabic_name_problem(n)
            if issue:
                problems.append(Problem(names_file, outlet.id, f"name {n!r}: {issue}"))
            by_name.setdefault(normalize_key(n), set()).add(outlet.id)
        english = {outlet.name_en, *outlet.names_en}
        for c in outlet.cited:
            if c.cited_as not in english:  # the ACLED export and the own-voice rule look it up
                message = f"{c.name!r} cited as {c.cited_as!r}, not one of the outlet's names"
                problems.append(Problem(names_file, outlet.id, message))
    for key, ids in sorted(by_name.items()):
        if len(ids) > 1:
            problems.append(Problem(name, key, f"name given to several outlets {sorted(ids)}"))
    return problems


def check_actor_sides(path: Path, actors_path: Path) -> list[Problem]:
    """Every actor of the side table is in the catalog, and one actor's rows of one side do not
    overlap in time (two rows would say the same thing twice, or contradict each other)."""
    name = path.name
    try:
        table = sides_module.load_actor_sides(path)
        ids = {row.get("id", "") for row in read_tsv(actors_path)}
    except DataError as exc:
        return [Problem(name, "file", str(exc))]
    problems: list[Problem] = []
    by_actor: dict[str, list[sides_module.ActorSide]] = {}
    for side in table:
        if side.actor_id not in ids:
            problems.append(Problem(name, side.actor_id, f"not an id of {actors_path.name}"))
        by_actor.setdefault(side.actor_id, []).append(side)
    for actor_id, rows in sorted(by_actor.items()):
        ordered = sorted(rows, key=lambda r: r.active_from or date.min)
        for before, after in pairwise(ordered):
            ends = before.active_to or date.max
            if after.active_from is None or after.active_from <= ends:
                problems.append(Problem(name, actor_id, "two rows overlap in time"))
    return problems


def check_cues(attribution: Path, status: Path) -> list[Problem]:
    problems: list[Problem] = []
    try:
        lexicon = cues_module.load_cues(attribution, status)
    except DataError as exc:
        return [Problem(attribution.name, "file", str(exc))]
    for file, cues in (
        (attribution.name, [c.cue for c in lexicon.attribution]),
        (status.name, [c.cue for c in lexicon.status]),
    ):
        for cue in cues:
            issue = arabic_name_problem(cue)
            if issue:
                problems.append(Problem(file, cue, issue))
        seen: dict[str, str] = {}
        for cue in cues:
            key = normalize_key(cue)
            if key in seen:
                problems.append(
                    Problem(file, cue, f"same as {seen[key]!r} after normalization", "warning")
                )
            seen.setdefault(key, cue)
    return problems


def check_text_tables(folder: Path) -> list[Problem]:
    """Every word table under data/text loads as `marsad.text.lexicon` reads it (a header, no
    row with more fields than the header), and has no word empty after normalization; a row
    repeated (same kind, same word as written) is a warning. Two spellings of one word are not
    repeats: the tables that rules match on the text as written list both hamza forms."""
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.tsv")):
        name = f"{TEXT_FOLDER}/{path.name}"
        try:
            rows = read_tsv(path, strict=True)
        except DataError as exc:
            problems.append(Problem(name, "file", str(exc)))
            continue
        if not rows:
            problems.append(Problem(name, "file", "no rows"))
            continue
        for field in (f for f in TEXT_WORD_COLUMNS if f in rows[0]):
            seen: set[tuple[str, str]] = set()
            for line, row in enumerate(rows, start=1):
                key = (row.get("kind", ""), row[field])
                if not normalize_key(row[field]):
                    problems.append(Problem(name, f"row {line}", f"empty {field}"))
                elif key in seen:
                    message = f"{field} {row[field]!r} listed twice"
                    problems.append(Problem(name, f"row {line}", message, "warning"))
                seen.add(key)
    return problems


def _duplicate_ids(file: str, ids: Iterable[str]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for i in ids:
        if i in seen:
            out.append(Problem(file, i, "duplicate id"))
        seen.add(i)
    return out
