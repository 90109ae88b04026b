"""Which candidates become records: the learned filter where shipped, else a lexicon rule.

A trigger span listed under several actions (دخل: incursion, territory_taken, aid_delivery)
belongs to the action that scores highest for it; a candidate survives when it owns one of its
triggers and scores at or above the model's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.classify.candidates import Candidate
from marsad.knowledge.models import LinearModel

# Without a model: a strong trigger (weight 1) makes a record; a weak one (0.5) only when no
# strong trigger of another action shares its sentence. Chosen on the train set.
RULE_STRONG_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    probability: float


def _rule_probability(candidate: Candidate, strong_in_sentence: bool) -> float:
    if candidate.weight >= RULE_STRONG_WEIGHT:
        return 0.9
    return 0.3 if strong_in_sentence else 0.6


def score_all(proposed: list[Candidate], model: LinearModel | None) -> list[Scored]:
    if model is not None:
        return [Scored(c, model.probability(c.features)) for c in proposed]
    strong = {c.sentence for c in proposed if c.weight >= RULE_STRONG_WEIGHT}
    return [Scored(c, _rule_probability(c, c.sentence in strong)) for c in proposed]


def select(proposed: list[Candidate], model: LinearModel | None) -> list[Scored]:
    scored = score_all(proposed, model)
    threshold = model.threshold if model is not None else 0.5
    owner: dict[tuple[int, int], Scored] = {}
    for s in scored:
        for t in s.candidate.triggers:
            span = (t.span.start, t.span.end)
            if span not in owner or s.probability > owner[span].probability:
                owner[span] = s
    kept = []
    for s in scored:
        owns = any(owner[(t.span.start, t.span.end)] is s for t in s.candidate.triggers)
        if owns and s.probability >= threshold:
            kept.append(s)
    return kept
