"""Resolved mentions → claims (event records, codebook §1).

The trigger lexicon proposes (sentence, action) candidates; context rules relabel them (air
strike, seizure, chemical attack); the learned filter (`Resources.models.action_filter`) keeps
the ones that report an event and picks the action of an ambiguous trigger; without a model a
lexicon-weight rule decides. Arguments, status and attribution come from rules over the
sentence; records repeating (action, place, date, status, attribution) are merged.
"""

from __future__ import annotations

from marsad.classify.assemble import assemble_claims
from marsad.classify.candidates import candidates
from marsad.classify.select import select
from marsad.classify.view import views_of
from marsad.knowledge.resources import Resources
from marsad.model import Claim, Resolution

__all__ = ["build_claims"]


def build_claims(resolution: Resolution, resources: Resources) -> tuple[Claim, ...]:
    ex = resolution.extraction
    views = views_of(resolution)
    proposed = candidates(views, ex.article.text)
    accepted = select(proposed, resources.models.action_filter)
    return assemble_claims(ex.article, views, accepted, resources)
