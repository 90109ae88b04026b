"""`sourced_titles`: a title line retells what the body says (codebook §7). When every body
mention of its event is attributed, the title takes that source; when the body also tells it in
the outlet's own voice, the title stays the outlet's."""

from __future__ import annotations

from marsad.classify.assemble import Draft, sourced_titles
from marsad.model import Attribution, Span

TITLE = Span(0, 10, "title line")
LEAD = Span(20, 30, "lead lines")
QUOTE = Span(40, 50, "quote line")
SOHR = Attribution(name="SOHR", kind="organisation", span=Span(40, 45, "SOHR "))


def _draft(evidence: Span, source: Attribution | None, action: str = "air_strike") -> Draft:
    return Draft(
        action=action,
        status="occurred",
        actor1=None,
        actor2=None,
        place=None,
        date=None,
        fatalities=None,
        quantities=(),
        attributed_to=source,
        evidence=evidence,
        trigger=evidence,
        confidence=0.9,
    )


def test_title_takes_the_body_source_and_goes_after_it() -> None:
    out = sourced_titles([_draft(TITLE, None), _draft(QUOTE, SOHR)], {TITLE.start})
    assert [(d.evidence, d.attributed_to) for d in out] == [(QUOTE, SOHR), (TITLE, SOHR)]


def test_title_told_in_own_voice_too_stays_the_outlets() -> None:
    drafts = [_draft(TITLE, None), _draft(LEAD, None), _draft(QUOTE, SOHR)]
    assert sourced_titles(drafts, {TITLE.start})[0].attributed_to is None


def test_other_action_or_body_line_untouched() -> None:
    drafts = [_draft(TITLE, None, "shelling"), _draft(LEAD, None), _draft(QUOTE, SOHR)]
    out = sourced_titles(drafts, {TITLE.start})
    assert [d.attributed_to for d in out] == [None, None, SOHR]
