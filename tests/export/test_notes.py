from __future__ import annotations

from dataclasses import replace
from datetime import date

from export_samples import EVENTS, SUICIDE

from marsad.export.notes import action_words, event_notes
from marsad.model import DateInterval


def test_notes_for_an_event_without_actors() -> None:
    notes = event_notes(EVENTS[2], [SUICIDE], ["Daraa 24"])
    assert notes == "On 2023-03-13, Explosion in Al-Mayadin (Deir-ez-Zor); reported by Daraa 24."


def test_notes_for_an_interval_a_status_and_no_place() -> None:
    spring = DateInterval(date(2023, 4, 1), date(2023, 4, 30), 3)
    event = replace(EVENTS[1], date=spring, status="planned", location=None)
    assert event_notes(event, [], []) == (
        "Between 2023-04-01 and 2023-04-30, Territory taken by Government of Syria against "
        "Syrian opposition, planned or announced."
    )


def test_action_words() -> None:
    assert action_words("siege_lifted") == "Siege lifted"
    assert action_words("blockade_goods") == "Blockade of goods"
