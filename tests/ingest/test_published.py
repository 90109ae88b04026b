from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from marsad.ingest.published import date_from_struct, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-04-17", date(2022, 4, 17)),
        ("2022-04-17T10:00:00Z", date(2022, 4, 17)),
        ("2022-04-17T23:30:00-05:00", date(2022, 4, 17)),  # the outlet's own calendar day
        ("2022-04-17 08:00", date(2022, 4, 17)),
        (" 2022-04-17 ", date(2022, 4, 17)),
        (datetime(2022, 4, 17, 9, 0), date(2022, 4, 17)),
        ("17/04/2022", date(2022, 4, 17)),
        ("١٧/٠٤/٢٠٢٢", date(2022, 4, 17)),
        ("Tue, 14 Mar 2023 08:15:00 +0300", date(2023, 3, 14)),
        ("99/99/2022", None),
        ("2022-04-17 وقت ما", None),
        ("أمس", None),
        ("2022-13-45", None),
        ("", None),
        (None, None),
        (20220417, None),
    ],
)
def test_parse_published_known_forms_or_none(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_struct_time_from_feeds() -> None:
    assert date_from_struct(time.strptime("2023-03-14", "%Y-%m-%d")) == date(2023, 3, 14)
    assert date_from_struct(None) is None
