"""The one-sentence English summary of an event for the ACLED `notes` column, from its fields."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.model import Claim, Dispute, DisputeValue, Event

# Actions whose name does not read as English when its underscore becomes a space.
_ACTION_WORDS = {
    "blockade_goods": "Blockade of goods",
    "looting_destruction": "Looting or destruction of property",
    "air_strike": "Air or drone strike",
    "base_established": "Base or post established",
}
_STATUS_WORDS = {
    "denied": "denied",
    "planned": "planned or announced",
    "negated": "reported as not having happened",
}
_QUALIFIER_WORDS = {"more_than": "more than", "less_than": "less than", "about": "about"}
_QUALIFIER_WORDS["at_least"] = "at least"


def action_words(action: str) -> str:
    return _ACTION_WORDS.get(action) or action.replace("_", " ").capitalize()


def _value(value: DisputeValue) -> str:
    text = "unknown" if value.value is None else str(value.value)
    if value.qualifier:
        text = f"{_QUALIFIER_WORDS.get(value.qualifier, value.qualifier)} {text}"
    who = ", ".join(value.sources) or ", ".join(value.article_ids)
    return f"{text} per {who}" if who else text


def _dispute(dispute: Dispute) -> str:
    return f"{dispute.field} ({' vs '.join(_value(v) for v in dispute.values)})"


def event_notes(event: Event, members: Sequence[Claim], outlets: Sequence[str]) -> str:
    """E.g. "On 2023-03-13, Siege imposed by Government of Syria in Tafas (Dar'a); reported by
    Daraa 24 (according to local activists); disputed: fatalities (3 per A vs 5 per B)."."""
    parts = [action_words(event.action)]
    if event.actor1 is not None:
        parts.append(f"by {event.actor1.name}")
    if event.actor2 is not None:
        parts.append(f"against {event.actor2.name}")
    if event.location is not None:
        place = event.location.place
        parts.append(f"in {place.name}" + (f" ({place.admin1})" if place.admin1 else ""))
    sentence = " ".join(parts)
    if event.date is not None:
        start, end = event.date.start.isoformat(), event.date.end.isoformat()
        when = f"On {start}" if start == end else f"Between {start} and {end}"
        sentence = f"{when}, {sentence}"
    if event.status in _STATUS_WORDS:
        sentence += f", {_STATUS_WORDS[event.status]}"
    if event.fatalities:
        sentence += f", {event.fatalities} killed"
    if outlets:
        sentence += f"; reported by {', '.join(outlets)}"
    attributed = list(
        dict.fromkeys(c.attributed_to.name for c in members if c.attributed_to is not None)
    )
    if attributed:
        sentence += f" (according to {', '.join(attributed)})"
    if event.disputes:
        sentence += "; disputed: " + ", ".join(_dispute(d) for d in event.disputes)
    return sentence + "."
