"""Landmarks inside a town as places: "مستشفى الرازي", "سجن صيدنايا", "حقل التيم النفطي".

The codebook codes an event at the most precise place the text gives (§4). A hospital, square,
mosque, base or oil field is rarely in the gazetteer, so the places of a report telling of one
would be its town alone, and the linker could not tell one landmark's happening from another's.
Here a head noun of the lexicon (`data/gazetteer/landmark_words.tsv`) with its name or naming
adjective becomes a Place of kind "landmark" inside the town the text places it in: the town
named in it ("مستشفى درعا الوطني") or right after it ("… في مدينة حلب"), else the latest town
of its sentence, else the latest city of the article. It stands at the town's coordinates with
its admin codes, under a stable id: "LM:" + the town's id + the head's class (مشفى and مستشفى
are one class) + the name without its articles or kind words ("سجن صيدنايا العسكري" and "سجن
صيدنايا" are one prison). A second name right after naming words ("يطلقون عليه «…»") is the site
just named.

Generic mentions make no place: a plural ("المشافي"), a head with no name ("المستشفى"), an
indefinite one ("مطار عسكري"), a name that only says what kind or whose ("المطار العسكري",
"القاعدة الأمريكية", "مشفى المدينة"), and a landmark whose town is outside Syria. What the
gazetteer reads already keeps its reading: a curated site ("دوار النعيم", "مطار كويرس", also
when quotes hide it from the name matcher: 'مطار "الطبقة" العسكري'), and the generic city
landmarks curated as kind "relative" ("المشفى الوطني", "الملعب البلدي", "القصر العدلي"), which
are coded at their city, also when the town is written inside the name ("مستشفى درعا الوطني"
is Daraa's national hospital, at Daraa). Coding those apart too was measured to gain one dev
record (action F1 0.806 -> 0.810) but to lower dev linking F1 0.678 -> 0.635 and attribution
0.870 -> 0.859 (the linker scores two landmarks of one town, at one point, as one spot; the
scorer pairs records at equal coordinates arbitrarily), so they stay coded at their city. They
keep the landmark as the place's site instead (`model.Site`: the curated entry's id and English
name), and a landmark made here keeps its head class and name as its site, so the linker tells
two sites of one town apart however alike their entries and coordinates (`link.scoring`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.knowledge.gazetteer import RELATIVE_KIND, Gazetteer, GazetteerEntry
from marsad.knowledge.landmark_words import LandmarkHead, LandmarkWords, load_landmark_words
from marsad.model import Mention, MentionKind, Place, PlaceRef, ResolvedPlace, Site, Span
from marsad.resolve.places import anchor_entry, strip_proclitic, tokens_of
from marsad.text.normalize import Normalized, normalize, normalize_key

LANDMARK_RULE = "landmark@1"
ALIAS_RULE = "landmark.alias@1"  # a second name of the site just named
SITE_KINDS = frozenset({"landmark", "airport"})
LANDMARK_KIND = "landmark"
ID_PREFIX = "LM"

MAX_NAME_WORDS = 3  # "مطار دير الزور العسكري": a town of two words and an adjective
MAX_ADJECTIVES = 2
# Kinds a landmark can lie in; a town named inside the landmark's name must be one of the first.
TOWN_KINDS = frozenset({"city", "town", "village"})
QUALIFIER_KINDS = TOWN_KINDS | {"neighbourhood", "camp"}
CONTEXT_TOWN_KINDS = frozenset({"city", "town"})  # the article's town: not a passing village
# Kinds of curated places that are themselves sites (an oil field, a base, a crossing): a
# landmark word before one names that site, which keeps its curated entry.
NAMED_KINDS = frozenset({"landmark", "airport", "crossing", "camp", "area"})
QUALIFIER_GAP_CHARS = 24  # "المشفى الوطني في مدينة الرقة": the town this close after


_TOKEN = re.compile(r"[ \t]*(\"?)([\u0621-\u064A]+)(\"?)")
_QUALIFIER_GAP = re.compile(
    r"^[\s\")]*(?:(?:في|داخل|وسط)\s+)?(?P<around>ب?(?:ريف|محيط|اطراف)\s+)?"
    r"(?:ب?(?:مدينه|بلده|قريه|حي|مخيم)\s+)?(?:ب|في)?\s*$"
)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int  # normalized offsets
    end: int
    word: str
    opens: bool  # a quote before it
    closes: bool  # a quote after it

    @property
    def quoted(self) -> bool:
        return self.opens or self.closes


def _tokens_after(norm: str, pos: int, limit: int = 6) -> list[_Token]:
    out: list[_Token] = []
    while len(out) < limit:
        m = _TOKEN.match(norm, pos)
        if m is None:
            break
        out.append(_Token(m.start(2), m.end(2), m.group(2), bool(m.group(1)), bool(m.group(3))))
        pos = m.end()
    return out


def _nisba(word: str) -> bool:
    return word.endswith(("ي", "يه"))


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # original offsets of the landmark phrase (head with its article, name)
    end: int
    head: LandmarkHead
    words: tuple[str, ...]  # name words (normalized), the town's own words left out
    english: tuple[str, ...]
    town: GazetteerEntry | None  # the town named inside the name ("مستشفى درعا الوطني")
    inside: tuple[ResolvedPlace, ...]  # place mentions inside the phrase, replaced by it


def landmark_places(
    text: str,
    sentences: Sequence[Span],
    places: Sequence[ResolvedPlace],
    gazetteer: Gazetteer,
    words: LandmarkWords | None = None,
) -> list[ResolvedPlace]:
    """The article's places with its landmarks added as places of kind "landmark"; a place
    mention inside a landmark's name ("سجن صيدنايا") gives way to the landmark. Sorted by
    position."""
    lexicon = words or load_landmark_words()
    places = [_with_site(p, gazetteer) for p in places]
    if not lexicon.heads:
        return places
    norm = normalize(text)
    found = _find(text, norm, places, gazetteer, lexicon)
    added: list[ResolvedPlace] = []
    dropped: set[int] = set()
    for f in found:
        span = Span.of(text, f.start, f.end)
        if _alias(text, f.start, lexicon):
            earlier = _named_before(f.start, [*places, *added])
            if earlier is not None:
                ref = PlaceRef(earlier.ref.place, earlier.ref.geo_precision, span, earlier.ref.site)
                mention = Mention(MentionKind.PLACE, span, earlier.mention.key, ALIAS_RULE)
                added.append(ResolvedPlace(mention, ref))
            continue
        curated = _curated(span.text, gazetteer)
        site: Site | None = None
        if curated is not None:
            # written with quotes or clitics the name matcher missed ('مطار "الطبقة" العسكري')
            place, precision = curated.to_place(), curated.precision
        else:
            if f.town is not None:
                town: Place | None = f.town.to_place()
                precision = 1
            else:
                located = _context_town(text, f, places, sentences)
                town, precision = located if located is not None else (None, 1)
            if town is None or town.country != "SY":
                continue  # no town to put it in, or a landmark of another country
            # "مستشفى درعا الوطني" is the national hospital the curated data codes at its city
            generic_site = _relative_name(f, gazetteer)
            if generic_site is not None:
                place, site = town, relative_site(generic_site)
            else:
                place = _landmark_place(f, town, span.text, lexicon.generic)
                site = _landmark_site(f, lexicon.generic)
        if _around(text, f.start, gazetteer):
            precision = max(precision, 2)  # "في محيط مبنى الفروسية": near the landmark
        mention = Mention(MentionKind.PLACE, span, place.gazetteer_id, LANDMARK_RULE)
        added.append(ResolvedPlace(mention, PlaceRef(place, precision, span, site)))
        dropped |= {id(p) for p in f.inside}
    if not added:
        return places
    out = [p for p in places if id(p) not in dropped] + added
    return sorted(out, key=lambda p: (p.mention.span.start, p.mention.span.end))


ALIAS_WINDOW_CHARS = 30
AROUND_WINDOW_CHARS = 16


def _around(text: str, start: int, gazetteer: Gazetteer) -> bool:
    before = tokens_of(text[max(0, start - AROUND_WINDOW_CHARS) : start])
    return bool(before) and strip_proclitic(before[-1], gazetteer.words) in gazetteer.words.around


def _alias(text: str, start: int, lexicon: LandmarkWords) -> bool:
    """The landmark is a second name of the place just named ("… يطلقون عليه «دوار الجحيم»")."""
    before = normalize_key(text[max(0, start - ALIAS_WINDOW_CHARS) : start]).rstrip(' "(')
    # the cue, or the cue and who uses the name ("يطلق عليه الأهالي «…»")
    shorter = before.rsplit(" ", 1)[0] if " " in before else before
    return any(b.endswith(cue) for b in (before, shorter) for cue in lexicon.aliases)


def _named_before(start: int, places: Sequence[ResolvedPlace]) -> ResolvedPlace | None:
    """The latest landmark or airport named before `start`: the place a second name is of."""
    earlier = [p for p in places if p.mention.span.end <= start and p.ref.place.kind in SITE_KINDS]
    return max(earlier, key=lambda p: p.mention.span.start, default=None)


def _curated(written: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    entries = gazetteer.lookup(" ".join(tokens_of(written)))
    # a site the curated gazetteer knows; not a quarter named after the landmark (OCHA lists
    # "الملعب البلدي" as a Raqqa neighbourhood), which the town's landmark stands for
    return next((e for e in entries if e.kind in NAMED_KINDS), None)


def _relative_name(found: _Found, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The generic city landmark curated as "relative" the landmark names, its town's name left
    out ("مستشفى درعا الوطني" → "المستشفى الوطني"), if it is one."""
    if not found.words:
        return None
    name = " ".join(f"ال{w}" for w in (found.head.word, *found.words))
    return next((e for e in gazetteer.lookup(name) if e.kind == RELATIVE_KIND), None)


def _relative_entry(place: ResolvedPlace, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The generic city landmark the curated gazetteer codes at its city that the mention
    names, if it names one."""
    ids = (place.mention.key or "").split("|")
    return next(
        (
            gazetteer.get(i)
            for i in ids
            if i in gazetteer and gazetteer.get(i).kind == RELATIVE_KIND
        ),
        None,
    )


def _relative(place: ResolvedPlace, gazetteer: Gazetteer) -> bool:
    """The mention names a generic city landmark the curated gazetteer codes at its city."""
    return _relative_entry(place, gazetteer) is not None


# The curated names of generic city landmarks end with what they are coded at.
_RELATIVE_SUFFIX = re.compile(r"\s*\(of the city[^)]*\)\s*$")


def relative_site(entry: GazetteerEntry) -> Site:
    """The site a generic city landmark is ("المشفى الوطني"): the curated entry is its identity,
    whichever of its written forms ("المستشفى الوطني") the text uses."""
    return Site(entry.id, _RELATIVE_SUFFIX.sub("", entry.name_en))


def _with_site(place: ResolvedPlace, gazetteer: Gazetteer) -> ResolvedPlace:
    """A mention of a generic city landmark coded at its town keeps the landmark as its site."""
    if place.ref.site is not None or place.ref.place.kind not in TOWN_KINDS:
        return place
    entry = _relative_entry(place, gazetteer)
    if entry is None:
        return place
    ref = place.ref
    return ResolvedPlace(
        place.mention, PlaceRef(ref.place, ref.geo_precision, ref.span, relative_site(entry))
    )


def _landmark_site(found: _Found, generic: frozenset[str]) -> Site:
    """The site of a landmark made here: its head's class and its name, as its place's id has
    them (so one site has one key in every town)."""
    name_key = "_".join(w for w in found.words if f"ال{w}" not in generic)
    label = " ".join((*found.english, found.head.label)).strip()
    return Site(f"{found.head.cls}:{name_key}", f"{label[:1].upper()}{label[1:]}")


def _find(
    text: str,
    norm: Normalized,
    places: Sequence[ResolvedPlace],
    gazetteer: Gazetteer,
    lexicon: LandmarkWords,
) -> list[_Found]:
    out: list[_Found] = []
    taken_until = -1
    for m in lexicon.pattern.finditer(norm.text):
        head = lexicon.heads[m.group("head")]
        head_start = norm.original_span(m.start("head"), m.end("head"))[0]
        if head_start < taken_until:
            continue
        if any(p.mention.span.start <= head_start < p.mention.span.end for p in places):
            # the gazetteer reads it already: a curated site ("دوار النعيم"), a town named so
            # ("جسر الشغور"), or a generic city landmark it codes at its city ("المشفى الوطني",
            # curated kind "relative": measured, coding those apart lowers dev linking)
            continue
        definite = m.group("art") is not None
        found = _name(text, norm, m, head, definite, places, gazetteer, lexicon)
        if found is not None:
            out.append(found)
            taken_until = found.end
    return out


def _name(
    text: str,
    norm: Normalized,
    m: re.Match[str],
    head: LandmarkHead,
    definite: bool,
    places: Sequence[ResolvedPlace],
    gazetteer: Gazetteer,
    lexicon: LandmarkWords,
) -> _Found | None:
    """The landmark a head starts: its name words, English, the town named in it."""
    tokens = _tokens_after(norm.text, m.end("head"))
    art_start = m.start("art") if definite and m.group("art") == "ال" else m.start("head")
    start = norm.original_span(art_start, art_start + 1)[0]
    names: list[str] = []
    english: list[str] = []
    town: GazetteerEntry | None = None
    inside: list[ResolvedPlace] = []
    end_norm = m.end("head")
    rest = tokens
    if not definite:
        first = _first_name(text, norm, tokens, places, gazetteer, lexicon)
        if first is None:
            return None
        used, first_names, first_english, town, inside = first
        names += first_names
        english += first_english
        end_norm = tokens[used - 1].end
        rest = tokens[used:]
    adjectives = 0
    if definite and not head.definite:
        return None  # "الساحة الدولية", "القاعدة الجوية": this form names none
    for token in rest:
        if adjectives >= MAX_ADJECTIVES or token.opens or not _adjective(token.word, lexicon):
            break
        names.append(token.word.removeprefix("ال"))
        english.append(lexicon.adjectives.get(token.word) or _transliterate(token.word))
        end_norm = token.end
        adjectives += 1
    if definite and adjectives == 0:
        return None  # "المستشفى" with no name: which one the text does not say
    if definite and all(f"ال{w}" in lexicon.generic for w in names):
        return None  # "المطار العسكري": says what kind, not which
    end = norm.original_span(end_norm - 1, end_norm)[1]
    return _Found(start, end, head, tuple(names), tuple(english), town, tuple(inside))


def _first_name(
    text: str,
    norm: Normalized,
    tokens: list[_Token],
    places: Sequence[ResolvedPlace],
    gazetteer: Gazetteer,
    lexicon: LandmarkWords,
) -> tuple[int, list[str], list[str], GazetteerEntry | None, list[ResolvedPlace]] | None:
    """The name after a head in construct ("دوار النعيم", "سجن صيدنايا", "مطار "الطبقة""): a
    place's name, a quoted name, or a definite word that is not generic. Returns how many
    tokens it takes, its words and English, the town it names and the place mentions in it."""
    if not tokens:
        return None
    first = tokens[0]
    if first.word in lexicon.generic:
        return None  # "ساحة المدينة", "حقل النفط": no name
    start = norm.original_span(first.start, first.end)[0]
    mention = next((p for p in places if p.mention.span.start == start), None)
    if mention is not None:
        end = mention.mention.span.end
        used = sum(1 for t in tokens if norm.original_span(t.start, t.end)[1] <= end) or 1
        entry = mention.ref.place
        if entry.country != "SY" or entry.kind in NAMED_KINDS or _relative(mention, gazetteer):
            # "مطار بيروت" abroad; "قاعدة حقل العمر", "مبنى القصر العدلي": the curated reading
            return None
        town = _as_entry(entry, gazetteer) if entry.kind in TOWN_KINDS else None
        words = [] if town is not None else [_key(t.word) for t in tokens[:used]]
        english = [] if town is not None else [_transliterate(t.word) for t in tokens[:used]]
        return used, words, english, town, [mention]
    for used in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
        # a town the extractor left out after a building word ("مستشفى درعا")
        entries = gazetteer.lookup(" ".join(t.word for t in tokens[:used]))
        if any(e.kind == RELATIVE_KIND for e in entries):
            return None  # "مبنى القصر العدلي": a city landmark the curated data codes at its city
        anchor = anchor_entry(entries) if entries else None
        if anchor is not None and anchor.kind == "city":
            return used, [], [], anchor, []
        if entries and all(e.country != "SY" for e in entries):
            return None  # "مطار بيروت": a landmark of another country
    if first.quoted or first.word.startswith("ال"):
        if first.word in lexicon.generic or _stop(first.word):
            return None
        known = lexicon.heads.get(_key(first.word))  # "مبنى الصوامع": the silos building
        label = known.label.capitalize() if known is not None else _transliterate(first.word)
        return 1, [_key(first.word)], [label], None, []
    return None


def _stop(word: str) -> bool:
    return len(word) <= 3  # "ال" alone or a two-letter particle: no name


def _adjective(word: str, lexicon: LandmarkWords) -> bool:
    """A definite adjective that names ("الوطني", "العمري", "العسكري" after a name)."""
    if not word.startswith("ال") or len(word) <= 3:
        return False
    if word in lexicon.adjectives:
        return True
    return _nisba(word) and word not in lexicon.generic


def _key(word: str) -> str:
    return word.removeprefix("ال")


def _as_entry(place: Place, gazetteer: Gazetteer) -> GazetteerEntry | None:
    return gazetteer.get(place.gazetteer_id) if place.gazetteer_id in gazetteer else None


def _context_town(
    text: str, found: _Found, places: Sequence[ResolvedPlace], sentences: Sequence[Span]
) -> tuple[Place, int] | None:
    """The town the text places a landmark in: named right after it ("… في مدينة الرقة"),
    else the latest town of its sentence before it, else the latest city or town of the
    article before it, else the first town after it in its sentence."""
    after = sorted(
        (p for p in places if p.mention.span.start >= found.end), key=lambda p: p.mention.span.start
    )
    if after:
        nxt = after[0]
        gap = text[found.end : nxt.mention.span.start]
        qualifier = _QUALIFIER_GAP.match(normalize_key(gap) + " ")
        if len(gap) <= QUALIFIER_GAP_CHARS and qualifier is not None:
            if nxt.ref.place.kind not in QUALIFIER_KINDS:
                return None
            # "في ريف بلدة القحطانية": in the town's countryside, near it (precision 2)
            return nxt.ref.place, 2 if qualifier.group("around") else 1
    sentence = next((s for s in sentences if s.start <= found.start < s.end), None)
    before = sorted(
        (p for p in places if p.mention.span.end <= found.start),
        key=lambda p: p.mention.span.start,
        reverse=True,
    )
    syrian = [p for p in before if p.ref.place.country == "SY"]
    if sentence is not None:
        for p in syrian:
            if p.mention.span.start >= sentence.start and p.ref.place.kind in TOWN_KINDS:
                return p.ref.place, 1
    for p in syrian:
        if p.ref.place.kind in CONTEXT_TOWN_KINDS:
            return p.ref.place, 1
    if sentence is not None:
        for p in after:
            if p.mention.span.start < sentence.end and p.ref.place.kind in TOWN_KINDS:
                return p.ref.place, 1
    return None


def _landmark_place(
    found: _Found, town: Place, written: str, generic: frozenset[str] = frozenset()
) -> Place:
    """A Place inside `town`, at its coordinates with its admin codes, under a stable id."""
    # words that only say what kind ("العسكري") are left out: "سجن صيدنايا" is the same prison
    name_key = "_".join(w for w in found.words if f"ال{w}" not in generic)
    gid = f"{ID_PREFIX}:{town.gazetteer_id}:{found.head.cls}:{name_key}"
    label = " ".join((*found.english, found.head.label)).strip()
    name = f"{label[:1].upper()}{label[1:]} ({town.name})"
    return Place(
        gazetteer_id=gid,
        name=name,
        name_ar=written,
        lat=town.lat,
        lon=town.lon,
        admin1=town.admin1,
        admin2=town.admin2,
        admin3=town.admin3,
        country=town.country,
        kind=LANDMARK_KIND,
        pcode=town.pcode,
        population=None,
    )


# A plain letter-by-letter romanization for names no table knows ("الرازي" → "Al-Razi").
_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "a", "و": "ou", "ي": "i", "ء": "'", "ئ": "'", "ؤ": "'",
}  # fmt: skip


def _transliterate(word: str) -> str:
    body = word.removeprefix("ال")
    latin = "".join(_LATIN.get(c, "") for c in body)
    latin = latin[:1].upper() + latin[1:]
    return f"Al-{latin}" if word.startswith("ال") else latin
