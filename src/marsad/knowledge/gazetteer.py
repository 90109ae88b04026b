"""The gazetteer: Syrian places down to villages and neighbourhoods, named areas, border towns.

Built by `scripts/build_gazetteer.py` into `data/gazetteer/gazetteer.tsv.gz` (one entry a line,
Arabic names `|`-separated with the main name first). Loading parses the rows and indexes every
normalized name; the clitic-aware phrase matcher for finding names in running text is built on
the first `find`, so a look-up by name never pays for it.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.model import Place
from marsad.text.normalize import Normalized, normalize_key
from marsad.text.phrases import PhraseMatcher

GAZETTEER_FILE = "gazetteer/gazetteer.tsv.gz"
STOPNAMES_FILE = "gazetteer/stopnames.tsv"
PLACE_WORDS_FILE = "gazetteer/place_words.tsv"
REQUIRED_COLUMNS = ("id", "kind", "name_en", "names_ar", "lat", "lon", "admin1")

_JOINERS = str.maketrans({"-": " ", "_": " ", "/": " ", "\\": " "})
# Kinds whose entries are areas rather than points: geo_precision 2 (codebook §4).
AREA_KINDS = frozenset({"district", "subdistrict", "area"})
# Kinds that stand for a whole governorate or a region of one or more: geo_precision 3.
REGION_KINDS = frozenset({"governorate", "region"})
# A place written with the city it lies in ("المربع الأمني"): coded at that city (codebook §4).
RELATIVE_KIND = "relative"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer; `names_ar[0]` is its main Arabic name."""

    id: str
    kind: str
    name_en: str
    names_ar: tuple[str, ...]
    names_en: tuple[str, ...]
    lat: float
    lon: float
    admin1: str | None
    admin2: str | None
    admin3: str | None
    pcode: str | None
    population: int | None
    country: str
    source: str

    @property
    def name_ar(self) -> str:
        return self.names_ar[0] if self.names_ar else ""

    @property
    def precision(self) -> int:
        """The codebook's geo_precision of a mention that resolves to this entry as written."""
        if self.kind in REGION_KINDS:
            return 3
        if self.kind in AREA_KINDS:
            return 2
        return 1

    def to_place(self) -> Place:
        return Place(
            gazetteer_id=self.id,
            name=self.name_en,
            name_ar=self.name_ar,
            lat=self.lat,
            lon=self.lon,
            admin1=self.admin1,
            admin2=self.admin2,
            admin3=self.admin3,
            country=self.country,
            kind=self.kind,
            pcode=self.pcode,
            population=self.population,
        )


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A gazetteer name found in text: original offsets, the name key and its candidate ids.

    `weak` marks names that are also common words ("الحرية", "تشرين"): a caller should accept
    them only with a place word before them ("قرية", "حي", "بلدة").
    """

    start: int
    end: int
    text: str
    key: str
    ids: tuple[str, ...]
    prefix: str
    weak: bool


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """Words around place names (normalized): kind words → entry kinds, "around" words,
    prepositions, and anaphors ("المدينة" alone → the latest city or town named before)."""

    kinds: dict[str, frozenset[str]]
    around: frozenset[str]
    prepositions: frozenset[str]
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()  # "العاصمة": a place alone, a title before a name
    several: frozenset[str] = frozenset()  # "محافظتي": its kinds hold for each name listed


EMPTY_PLACE_WORDS = PlaceWords({}, frozenset(), frozenset())


def load_place_words(path: Path | None = None) -> PlaceWords:
    source = path or data_path(PLACE_WORDS_FILE)
    kinds: dict[str, frozenset[str]] = {}
    around: set[str] = set()
    prepositions: set[str] = set()
    anaphors: dict[str, frozenset[str]] = {}
    titles: set[str] = set()
    several: set[str] = set()
    for row in read_tsv(source):
        word = normalize_key(row["word"])
        if row["role"] == "kind":
            kinds[word] = frozenset(k for k in row["kinds"].split("|") if k)
        elif row["role"] == "anaphor":
            anaphors[word] = frozenset(k for k in row["kinds"].split("|") if k)
        elif row["role"] == "title":
            titles.add(word)
        elif row["role"] == "around":
            around.add(word)
        elif row["role"] == "preposition":
            prepositions.add(word)
        elif row["role"] == "several":
            several.add(word)
        else:
            raise DataError(f"{source}: unknown role {row['role']!r} for {row['word']!r}")
    return PlaceWords(
        kinds,
        frozenset(around),
        frozenset(prepositions),
        anaphors,
        frozenset(titles),
        frozenset(several),
    )


class Gazetteer:
    """Entries by id, by normalized name, and a matcher for running text."""

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        *,
        stopnames: Iterable[str] = (),
        words: PlaceWords = EMPTY_PLACE_WORDS,
    ) -> None:
        self.words = words
        self._by_id: dict[str, GazetteerEntry] = {}
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            if entry.id in self._by_id:
                raise DataError(f"gazetteer: duplicate id {entry.id}")
            self._by_id[entry.id] = entry
            for name in (*entry.names_ar, entry.name_en, *entry.names_en):
                self._index(name, entry.id)
        self._stopnames = frozenset(normalize_key(n) for n in stopnames)
        self._matcher: PhraseMatcher | None = None

    def _index(self, name: str, entry_id: str) -> None:
        key = normalize_key(name)
        # OCHA joins packed names with "-", "_" or "/": index the spaced form too
        spaced = " ".join(key.translate(_JOINERS).split())
        for form in {key, spaced}:
            bucket = self._by_name.setdefault(form, []) if form else []
            if form and entry_id not in bucket:
                bucket.append(entry_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._by_id.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> GazetteerEntry:
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise DataError(f"gazetteer: no entry {entry_id!r}") from None

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Entries with exactly this name (after normalization), in file order."""
        return tuple(self._by_id[i] for i in self._by_name.get(normalize_key(name), ()))

    def names(self) -> Iterator[str]:
        """Every normalized name the gazetteer knows."""
        return iter(self._by_name)

    def is_weak(self, key: str) -> bool:
        return normalize_key(key) in self._stopnames

    def find(self, text: str, *, norm: Normalized | None = None) -> tuple[PlaceHit, ...]:
        """Gazetteer names in running text, longest match first, with clitics allowed before."""
        if self._matcher is None:
            self._matcher = PhraseMatcher(
                (name, entry.id) for entry in self._by_id.values() for name in entry.names_ar
            )
        return tuple(
            PlaceHit(
                start=h.start,
                end=h.end,
                text=text[h.start : h.end],
                key=h.key,
                ids=h.values,
                prefix=h.prefix,
                weak=h.key in self._stopnames,
            )
            for h in self._matcher.find(text if norm is None else norm)
        )


def load_gazetteer(path: Path | None = None, *, stopnames: Path | None = None) -> Gazetteer:
    """Read the built gazetteer (gzip'd or plain TSV) and the list of weak names."""
    source = path or data_path(GAZETTEER_FILE)
    rows = read_rows(source)
    entries = [_entry(row, source, line) for line, row in enumerate(rows, start=2)]
    stop_path = stopnames or data_path(STOPNAMES_FILE)
    weak = [row["name"] for row in read_tsv(stop_path)] if stop_path.exists() else []
    return Gazetteer(entries, stopnames=weak, words=load_place_words())


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a gazetteer file as dicts (gzip'd or plain UTF-8 TSV with a header)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read gazetteer {path}: {exc}") from exc
    try:
        text = gzip.decompress(raw).decode("utf-8") if raw[:2] == b"\x1f\x8b" else raw.decode()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise DataError(f"gazetteer {path} is not UTF-8 TSV (gzip'd or plain): {exc}") from exc
    lines = io.StringIO(text).read().splitlines()
    if not lines:
        raise DataError(f"gazetteer {path} is empty")
    header = lines[0].split("\t")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DataError(f"gazetteer {path}: missing columns {', '.join(missing)}")
    rows = []
    for line in lines[1:]:
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def _entry(row: dict[str, str], path: Path, line: int) -> GazetteerEntry:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        population = int(row["population"]) if row.get("population") else None
    except ValueError as exc:
        raise DataError(f"{path}:{line}: bad number in entry {row.get('id')}: {exc}") from exc
    return GazetteerEntry(
        id=row["id"],
        kind=row["kind"],
        name_en=row["name_en"],
        names_ar=tuple(n for n in row["names_ar"].split("|") if n),
        names_en=tuple(n for n in row.get("names_en", "").split("|") if n),
        lat=lat,
        lon=lon,
        admin1=row["admin1"] or None,
        admin2=row.get("admin2") or None,
        admin3=row.get("admin3") or None,
        pcode=row.get("pcode") or None,
        population=population,
        country=row.get("country") or "SY",
        source=row.get("source", ""),
    )
