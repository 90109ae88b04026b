"""Dates across reports: an undated report's record takes its date from the linked event.

Codebook §5: with no publication date and no year in the text a record's date is null, and linking
may supply it from a dated report of the same happening. Applied after clustering, and only then:
- the record's article has no publication date (a dated article's null means the text gave no
  date, which another report cannot fix);
- the event has a date, and its records do not dispute it (else there is no one date to take).
The interval keeps the event's precision (it is the dated reports' statement, not a guess), has no
span (no text of this article says it), and the rule records that linking supplied it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from marsad.model import Article, Claim, DateRef, Event

INHERITED_DATE_RULE = "link.date@1"


def inherit_dates(
    claims: Iterable[Claim], events: Mapping[str, Event], articles: Mapping[str, Article]
) -> tuple[Claim, ...]:
    """The claims, with dates supplied from their events where the codebook allows."""
    return tuple(_with_inherited_date(c, events, articles) for c in claims)


def _with_inherited_date(
    claim: Claim, events: Mapping[str, Event], articles: Mapping[str, Article]
) -> Claim:
    if claim.date is not None or claim.event_id is None:
        return claim
    article = articles.get(claim.article_id)
    if article is not None and article.published is not None:
        return claim
    event = events.get(claim.event_id)
    if event is None or event.date is None or any(d.field == "date" for d in event.disputes):
        return claim
    return replace(
        claim, date=DateRef(event.date, None), rule=f"{claim.rule}+{INHERITED_DATE_RULE}"
    )
