"""The event trigger lexicon (data/triggers.tsv) and extraction context cues (data/extract/, and
the outlets' names extraction reads as sources, from the outlet catalog).

Rows hold general word forms; this module expands them into the surface forms the matcher
indexes: present tense of past verbs (ي/ت/ن + stem, a leading alef dropped as in اشتبك → يشتبك)
and the article on nouns (اشتباكات → الاشتباكات). Clitics and inflection endings are left to
`PhraseMatcher` with `INFLECTION_SUFFIXES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.knowledge.outlets import OutletCatalog, load_outlets
from marsad.text.normalize import normalize_key
from marsad.text.phrases import INFLECTION_SUFFIXES, PhraseMatcher

TRIGGER_FORMS = frozenset(
    {"verb_past", "verb_present", "passive", "masdar", "participle", "multiword"}
)
PRESENT_PREFIXES = ("ي", "ت", "ن")
HEAD_ENDINGS = ("ت", "وا", "تا", "ا")  # she / they / the two: on the first word of a phrase
# Verb endings with an object pronoun that the shared set lacks ("يحاصرونها", "اعتقلوهم").
# Nisba endings ("الاجتماعي" social, "السلمية" peaceful) make adjectives, not events: dropped.
NISBA_SUFFIXES = frozenset({"ي", "يه", "ية", "يا"})
TRIGGER_SUFFIXES: frozenset[str] = (INFLECTION_SUFFIXES - NISBA_SUFFIXES) | frozenset(
    {"ونها", "ونه", "ونهم", "وهما", "تاه", "تاها", "اتنا", "يها", "يهم", "ين", "تين", "تان"}
)
# Endings a cue word may carry: the trigger endings minus the long ones that turn a particle
# ("لا") into another word.
CUE_SUFFIXES: frozenset[str] = frozenset(
    {"", "ت", "وا", "ون", "ين", "ه", "ها", "هم", "ات", "ا", "ي"}
)
NO_CUE_SUFFIX_KINDS = frozenset({"negation", "source", "anonymous", "outlet"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    action: str
    phrase: str
    form: str
    weight: float


@dataclass(frozen=True, slots=True)
class ContextCue:
    kind: str
    phrase: str
    value: str


def surface_forms(phrase: str, form: str) -> tuple[str, ...]:
    """The written forms of one lexicon row, before clitics and endings."""
    key = normalize_key(phrase)
    forms = [key]
    if form == "verb_past" and " " not in key:
        stem = key[1:] if key.startswith("ا") and len(key) > 3 else key
        forms.extend(p + stem for p in PRESENT_PREFIXES)
    if form in {"verb_past", "multiword"} and " " in key:
        head, _, rest = key.partition(" ")
        stem = head[1:] if head.startswith("ا") and len(head) > 3 else head
        forms.extend(f"{p}{stem} {rest}" for p in PRESENT_PREFIXES)
        # the head verb inflected inside the phrase: "سمحت بإدخال", "فكوا الحصار"
        forms.extend(f"{head}{ending} {rest}" for ending in HEAD_ENDINGS)
        forms.extend(
            f"{p}{stem}{ending} {rest}" for p in PRESENT_PREFIXES for ending in ("ون", "ان")
        )
    if form in {"masdar", "participle", "multiword"} and not key.startswith("ال"):
        forms.append("ال" + key)
    return tuple(dict.fromkeys(forms))


VERB_FORMS = frozenset({"verb_past", "verb_present", "passive"})


def _form_of(surface: str, entry: TriggerEntry) -> str:
    """verb or noun: a generated present form is a verb; a noun row with "ال" stays a noun.
    A present form generated from a past verb is marked "present:verb" (an ongoing or
    habitual act reads differently from a reported one)."""
    if entry.form not in VERB_FORMS:
        return "noun"
    generated = surface != normalize_key(entry.phrase)
    if entry.form == "verb_past" and generated and surface.startswith(PRESENT_PREFIXES):
        return "present:verb"
    return "present:verb" if entry.form == "verb_present" else "verb"


class TriggerLexicon:
    """Trigger phrases → (action, weight), and context cue phrases → (kind, value)."""

    def __init__(self, entries: tuple[TriggerEntry, ...], cues: tuple[ContextCue, ...]) -> None:
        self.entries = entries
        self.cues = cues
        self.actions = tuple(sorted({e.action for e in entries}))
        # the phrases of the "killed" cues, which every article's toll reading asks for
        self.killed_nouns = frozenset(c.phrase for c in cues if c.kind == "killed")
        pairs = [
            (surface, f"{e.action}|{e.weight}|{_form_of(surface, e)}")
            for e in entries
            for surface in surface_forms(e.phrase, e.form)
        ]
        self.matcher = PhraseMatcher(pairs, suffixes=TRIGGER_SUFFIXES)
        self.nationality_matcher = PhraseMatcher(
            (c.phrase, c.value) for c in cues if c.kind == "nationality"
        )
        bare = [(c.phrase, f"{c.kind}|{c.value}") for c in cues if c.kind in NO_CUE_SUFFIX_KINDS]
        inflected = [
            (c.phrase, f"{c.kind}|{c.value}")
            for c in cues
            if c.kind not in NO_CUE_SUFFIX_KINDS and c.kind != "nationality"
        ]
        self.bare_cue_matcher = PhraseMatcher(bare)
        self.cue_matcher = PhraseMatcher(inflected, suffixes=CUE_SUFFIXES)


def source_cues(outlets: OutletCatalog) -> tuple[ContextCue, ...]:
    """The outlets' names extraction reads as sources: a "source" cue names the source wherever
    it stands (value "<name>|<kind>"), an "outlet" cue only after a media word or in quotes."""
    return tuple(
        ContextCue("outlet", c.name, c.cited_as)
        if c.quoted
        else ContextCue("source", c.name, f"{c.cited_as}|{c.source_kind}")
        for c in outlets.cited()
    )


def _entry(row: dict[str, str], path: Path) -> TriggerEntry:
    form = row.get("form", "")
    if form not in TRIGGER_FORMS:
        raise DataError(f"{path}: unknown trigger form {form!r} for {row.get('phrase')!r}")
    try:
        weight = float(row.get("weight") or 1.0)
    except ValueError as exc:
        raise DataError(f"{path}: bad weight for {row.get('phrase')!r}") from exc
    return TriggerEntry(row["action"], row["phrase"], form, weight)


def load_triggers(
    path: Path | None = None, cues_path: Path | None = None, outlets: OutletCatalog | None = None
) -> TriggerLexicon:
    trigger_file = path or data_path("triggers.tsv")
    cue_file = cues_path or data_path("extract/context.tsv")
    entries = tuple(_entry(row, trigger_file) for row in read_tsv(trigger_file))
    cues = tuple(
        ContextCue(row["kind"], row["phrase"], row.get("value", "")) for row in read_tsv(cue_file)
    ) + source_cues(outlets or load_outlets())
    if not entries:
        raise DataError(f"{trigger_file}: no triggers")
    return TriggerLexicon(entries, cues)
