"""News outlets and monitors that reports cite (codebook §7), with their Arabic forms.

An outlet is never an actor. `outlets.tsv` lists the outlets, `outlet_names.tsv` their Arabic
names, one a line: the one list both this catalog and the extraction's source mentions read
(`OutletCatalog.cited`, turned into cues by `knowledge.triggers`). Some bare names are also
places or common words (الجزيرة the region, الميادين the city): the catalog reads them as
`bare`, and a bare hit counts only with a medium word (قناة، موقع، وكالة …) before it or after
a source verb or preposition (قالت، أفادت، بحسب …); `OutletHit.needs_cue` tells the caller to
check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.cues import CueLexicon
from marsad.knowledge.files import data_path, read_tsv
from marsad.text.normalize import normalize_key
from marsad.text.phrases import PhraseMatcher

OUTLETS_FILE = "outlets.tsv"
OUTLET_NAMES_FILE = "outlet_names.tsv"  # beside OUTLETS_FILE
CATALOG_READINGS = frozenset({"yes", "bare", "no"})
EXTRACT_READINGS = frozenset({"named", "quoted", "no"})
# The kind of source (schema: attributed_to.kind) an outlet or a monitor is when cited.
SOURCE_KINDS = {"outlet": "outlet", "monitor": "organisation"}
SCALES = frozenset({"National", "Regional", "International"})
OUTLET_KINDS = frozenset({"outlet", "monitor"})
# How close before a bare ambiguous name a cue must end ("وذكرت الجزيرة", "بحسب ما نقلته الميادين").
CUE_WINDOW_CHARS = 30
CITING_CUE_KINDS = frozenset({"verb", "preposition", "medium"})
MAX_WORDS_BETWEEN = 2  # "بحسب ما نقلته الميادين": a relative and a verb may stand between


@dataclass(frozen=True, slots=True)
class CitedName:
    """An Arabic name by which extraction reads an outlet as a report's source."""

    name: str
    quoted: bool  # only after a media word or in quotation marks ('قناة "الميادين"')
    cited_as: str  # the source's name in the records: name_en or one of names_en
    source_kind: str  # outlet | organisation (a monitor)


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name_en: str
    kind: str  # outlet | monitor
    scale: str  # ACLED source_scale: National | Regional | International
    needs_cue: bool  # it has a bare name (in names_ar and bare_names)
    names_ar: tuple[str, ...]  # the catalog's Arabic names, bare ones included
    names_en: tuple[str, ...]
    bare_names: tuple[str, ...] = ()  # names that are also a common word or a place
    cited: tuple[CitedName, ...] = ()  # the names extraction reads as sources


@dataclass(frozen=True, slots=True)
class OutletHit:
    start: int
    end: int
    text: str
    key: str
    ids: tuple[str, ...]
    needs_cue: bool  # the bare form of an ambiguous name: accept only with a cue


class OutletCatalog:
    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self._by_id: dict[str, Outlet] = {}
        self._by_name: dict[str, list[str]] = {}
        self._bare: set[str] = set()  # normalized bare names of needs_cue outlets
        for outlet in outlets:
            if outlet.id in self._by_id:
                raise DataError(f"outlets: duplicate id {outlet.id}")
            self._by_id[outlet.id] = outlet
            for name in (*outlet.names_ar, *outlet.names_en, outlet.name_en):
                key = normalize_key(name)
                if key and outlet.id not in self._by_name.setdefault(key, []):
                    self._by_name[key].append(outlet.id)
            self._bare.update(normalize_key(n) for n in outlet.bare_names)
        self._matcher: PhraseMatcher | None = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._by_id.values())

    def get(self, outlet_id: str) -> Outlet:
        try:
            return self._by_id[outlet_id]
        except KeyError:
            raise DataError(f"outlets: no outlet {outlet_id!r}") from None

    def cited(self) -> tuple[CitedName, ...]:
        """Every name extraction reads as a source, outlet by outlet, in the files' order."""
        return tuple(c for o in self._by_id.values() for c in o.cited)

    def lookup(self, name: str) -> tuple[Outlet, ...]:
        """Outlets with exactly this name (Arabic or English, after normalization)."""
        return tuple(self._by_id[i] for i in self._by_name.get(normalize_key(name), ()))

    def find(self, text: str) -> tuple[OutletHit, ...]:
        if self._matcher is None:
            self._matcher = PhraseMatcher(
                (name, o.id) for o in self._by_id.values() for name in o.names_ar
            )
        return tuple(
            OutletHit(h.start, h.end, text[h.start : h.end], h.key, h.values, h.key in self._bare)
            for h in self._matcher.find(text)
        )


def find_cited(text: str, outlets: OutletCatalog, cues: CueLexicon) -> tuple[OutletHit, ...]:
    """Outlet names cited as sources: unambiguous names always; a bare ambiguous name (الجزيرة,
    الميادين) only right after a medium word (قناة), or a source verb or preposition at most
    two words before it in the same sentence ("وذكرت الجزيرة", "بحسب ما نقلته الميادين")."""
    citing = [
        (h.end, "medium" in h.values)
        for h in cues.find_attribution(text)
        if CITING_CUE_KINDS.intersection(h.values)
    ]
    return tuple(
        hit
        for hit in outlets.find(text)
        if not hit.needs_cue or any(_cites(text, end, medium, hit.start) for end, medium in citing)
    )


def _cites(text: str, cue_end: int, medium: bool, start: int) -> bool:
    if not 0 <= start - cue_end <= CUE_WINDOW_CHARS:
        return False
    gap = text[cue_end:start]
    if "." in gap or "\n" in gap:
        return False
    return len(gap.split()) <= (0 if medium else MAX_WORDS_BETWEEN)


def load_outlets(path: Path | None = None, names_path: Path | None = None) -> OutletCatalog:
    """Read outlets.tsv and the outlet_names.tsv beside it (or the one given)."""
    source = path or data_path(OUTLETS_FILE)
    names_source = names_path or source.with_name(OUTLET_NAMES_FILE)
    rows = read_tsv(source)
    ids = {row.get("id", "") for row in rows}
    names: dict[str, list[dict[str, str]]] = {}
    for row in read_tsv(names_source):
        outlet_id = row.get("outlet", "")
        if outlet_id not in ids:
            raise DataError(
                f"{names_source}: name {row.get('name')!r} of unknown outlet {outlet_id!r}"
            )
        names.setdefault(outlet_id, []).append(row)
    return OutletCatalog(
        _outlet(row, names.get(row["id"], []), source, names_source) for row in rows
    )


def _outlet(
    row: dict[str, str], names: list[dict[str, str]], source: Path, names_source: Path
) -> Outlet:
    try:
        scale, kind = row["scale"], row["kind"]
    except KeyError as exc:
        raise DataError(f"{source}: missing column {exc}") from exc
    if scale not in SCALES or kind not in OUTLET_KINDS:
        raise DataError(f"{source}: outlet {row['id']!r}: bad scale {scale!r} or kind {kind!r}")
    readings = [_reading(n, names_source) for n in names]
    catalog = tuple(n for n, r, _, _ in readings if r != "no")
    bare = tuple(n for n, r, _, _ in readings if r == "bare")
    return Outlet(
        id=row["id"],
        name_en=row["name_en"],
        kind=kind,
        scale=scale,
        needs_cue=bool(bare),
        names_ar=catalog,
        names_en=tuple(n.strip() for n in row.get("names_en", "").split("|") if n.strip()),
        bare_names=bare,
        cited=tuple(
            CitedName(n, mode == "quoted", cited_as, SOURCE_KINDS[kind])
            for n, _, mode, cited_as in readings
            if mode != "no"
        ),
    )


def _reading(row: dict[str, str], source: Path) -> tuple[str, str, str, str]:
    """A name row as (name, catalog reading, extract reading, cited_as)."""
    name, catalog, extract = row.get("name", ""), row.get("catalog", ""), row.get("extract", "")
    cited_as = row.get("cited_as", "")
    where = f"{source}: {row.get('outlet')!r} {name!r}"
    if not name or catalog not in CATALOG_READINGS or extract not in EXTRACT_READINGS:
        raise DataError(f"{where}: bad catalog {catalog!r} or extract {extract!r}")
    if (extract != "no") != bool(cited_as):
        raise DataError(f"{where}: cited_as is for the names extraction reads, and only those")
    return name, catalog, extract, cited_as
