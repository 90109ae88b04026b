"""`marsad demo`: the whole job on the bundled example reports, summarized for a reader."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TextIO

from marsad.jobs import run_job
from marsad.model import Claim, Event
from marsad.store import Store


def example_reports() -> Path:
    """The bundled example reports (JSON Lines)."""
    return Path(str(importlib_resources.files("marsad").joinpath("examples", "reports.jsonl")))


def run_demo(*, db: Path | None, out: TextIO) -> int:
    with tempfile.TemporaryDirectory(prefix="marsad-demo-") as tmp:
        path = db or Path(tmp) / "demo.db"
        report = run_job([example_reports()], db=path, progress_stream=None)
        print(
            f"marsad demo: {report.articles_seen} example reports → {report.records} records, "
            f"{report.events} events, {report.stories} stories ({report.seconds:.2f} s)\n",
            file=out,
        )
        with Store.open(path) as store:
            _summarize(store.claims(), store.events(), out)
        if db is not None:
            print(f"\nstore kept at {db}; try `marsad export --db {db} --format events`", file=out)
    return 1 if report.failures else 0


def _describe(claim: Claim) -> str:
    actor1 = claim.actor1.id if claim.actor1 else "?"
    actor2 = f" → {claim.actor2.id}" if claim.actor2 else ""
    place = claim.location.place.name if claim.location else "place unknown"
    when = "date unknown"
    if claim.date is not None:
        interval = claim.date.interval
        when = interval.start.isoformat()
        if interval.end != interval.start:
            when += f"…{interval.end.isoformat()}"
    status = "" if claim.status == "occurred" else f" [{claim.status}]"
    source = f" (according to {claim.attributed_to.name})" if claim.attributed_to else ""
    toll = f", {claim.fatalities} killed" if claim.fatalities else ""
    return f"{claim.action}{status}: {actor1}{actor2} @ {place}, {when}{toll}{source}"


def _summarize(claims: list[Claim], events: list[Event], out: TextIO) -> None:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    for article_id in sorted(by_article):
        print(f"{article_id}:", file=out)
        for claim in by_article[article_id]:
            print(f"  - {_describe(claim)}", file=out)
            print(f"      evidence: «{claim.evidence.text[:90]}»", file=out)
    shared = [e for e in events if len(e.article_ids) > 1]
    print(f"\nevents told by more than one report: {len(shared)}", file=out)
    for event in shared:
        where = event.location.place.name if event.location else "?"
        print(
            f"  - {event.action} @ {where}: {len(event.record_ids)} records from "
            f"{len(event.outlets)} outlets",
            file=out,
        )
        for dispute in event.disputes:
            values = "; ".join(
                f"{v.value} ({', '.join(v.sources) or ', '.join(v.article_ids)})"
                for v in dispute.values
            )
            print(f"      disputed {dispute.field}: {values}", file=out)
