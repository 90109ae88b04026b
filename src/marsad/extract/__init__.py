"""Article → mentions: triggers, context cues, actors, places, dates, numbers, sources, names.

`extract_mentions` is a pure function of the article and read-only resources. Every mention has
a span into `article.text` and the rule that found it.
"""

from __future__ import annotations

from marsad.extract.entities import drop_building_names, drop_source_overlaps, entity_mentions
from marsad.extract.lexical import cue_mentions, trigger_mentions
from marsad.extract.names import name_mentions
from marsad.extract.persons import persons_sides
from marsad.extract.segment import clauses, paragraphs, sentences
from marsad.knowledge.resources import Resources
from marsad.model import Article, Extraction, Mention
from marsad.text.normalize import normalize

__all__ = ["extract_mentions"]


def extract_mentions(article: Article, resources: Resources) -> Extraction:
    text = article.text
    norm = normalize(text)
    lexicon = resources.triggers
    found: list[Mention] = []
    found.extend(trigger_mentions(text, norm, lexicon))
    found.extend(cue_mentions(text, norm, lexicon, list(found)))
    entities = drop_source_overlaps(entity_mentions(article, norm, resources), found, text)
    found.extend(drop_building_names(entities, found, text))
    found = persons_sides(text, norm, lexicon, found)
    found.extend(name_mentions(text, found))
    sentence_spans = sentences(text)
    clause_spans = tuple(c for s in sentence_spans for c in clauses(text, s))
    ordered = tuple(sorted(found, key=lambda m: (m.span.start, m.span.end, m.kind.value)))
    return Extraction(
        article=article,
        sentences=sentence_spans,
        clauses=clause_spans,
        mentions=ordered,
        paragraphs=paragraphs(text),
    )
