"""Actor resolution: an actor as the news writes it → catalog entries that apply on a day.

"عناصر من قسد", "مقاتلي الوحدات الكردية", "الطيران الحربي الروسي" and "محافظ الحسكة غسان
خليل" all resolve through the catalog's aliases (clitics allowed). A person resolves to the
organisation they act for (codebook §3 codes organisations), and the person is kept alongside.
An actor "التابعة لـ"/"الموالية لـ" another is kept with that affiliation, so a group outside the
catalog can still be coded with the closest id the text supports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marsad.knowledge.actors import PERSON_KIND, ActorCatalog, ActorEntry, ActorHit
from marsad.knowledge.resources import Resources
from marsad.model import ActorOption
from marsad.text.lexicon import words_of
from marsad.text.normalize import normalize_key

# "التابعة لـ", "المدعومة من": the actor after them is the one the first belongs to.
AFFILIATION_WORDS = "affiliation_words.tsv"
AFFILIATION_CHARS = 40  # how far after an actor "التابعة لـ X" may begin


@dataclass(frozen=True, slots=True)
class ActorCandidate:
    """One reading of an actor mention: the entry coded (a person's organisation) and why."""

    entry: ActorEntry
    person: ActorEntry | None  # the person named, when the mention is a person
    ancestors: tuple[str, ...]  # parent ids of `entry`, nearest first

    def to_option(self) -> ActorOption:
        return self.entry.to_option()


@dataclass(frozen=True, slots=True)
class ArticleActor:
    hit: ActorHit
    candidates: tuple[ActorCandidate, ...]
    affiliation: str | None  # id of the actor it is said to belong to ("التابعة للنظام")


def resolve_actor(
    text: str, *, on: date | None = None, resources: Resources
) -> list[ActorCandidate]:
    """Readings of an actor written as in the news, applicable on `on` (all when None)."""
    catalog = resources.actors
    entries = catalog.resolve(text, on=on)
    if not entries:
        hits = sorted(catalog.find(text), key=lambda h: (-(h.end - h.start), h.start))
        if hits:
            entries = _applicable(catalog, hits[0].ids, on)
    return [_candidate(catalog, entry) for entry in entries]


def find_actors(
    text: str, *, on: date | None = None, resources: Resources
) -> tuple[ArticleActor, ...]:
    """Every actor alias of an article with its readings on `on` and any stated affiliation."""
    catalog = resources.actors
    hits = catalog.find(text)
    out = []
    for index, hit in enumerate(hits):
        entries = _applicable(catalog, hit.ids, on)
        candidates = tuple(_candidate(catalog, e) for e in entries)
        out.append(
            ArticleActor(hit, candidates, _affiliation(text, hit, hits[index + 1 :], on, catalog))
        )
    return tuple(out)


def _applicable(catalog: ActorCatalog, ids: tuple[str, ...], on: date | None) -> list[ActorEntry]:
    entries = [catalog.get(i) for i in ids]
    entries.sort(key=lambda e: e.active_from or date.min)
    return [e for e in entries if e.applies_on(on)]


def _candidate(catalog: ActorCatalog, entry: ActorEntry) -> ActorCandidate:
    if entry.kind == PERSON_KIND and entry.parent is not None:
        organisation = catalog.get(catalog.organisation(entry.id))
        return ActorCandidate(organisation, entry, catalog.ancestors(organisation.id))
    return ActorCandidate(entry, None, catalog.ancestors(entry.id))


def _affiliation(
    text: str,
    hit: ActorHit,
    later: tuple[ActorHit, ...],
    on: date | None,
    catalog: ActorCatalog,
) -> str | None:
    """The actor named right after "التابعة لـ"/"الموالية لـ" following this one."""
    window = normalize_key(text[hit.end : hit.end + AFFILIATION_CHARS])
    if not any(window.startswith(w) or f" {w}" in window[:15] for w in words_of(AFFILIATION_WORDS)):
        return None
    for other in later:
        if other.start - hit.end > AFFILIATION_CHARS:
            break
        entries = _applicable(catalog, other.ids, on)
        if entries:
            return catalog.organisation(entries[0].id)
    return None
