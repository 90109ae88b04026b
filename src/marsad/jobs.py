"""The main job: ingest inputs, analyze each article, store, link across articles.

This is the only place that strings ingest → map → store → link together; the CLI, the API and
the benchmarks call it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from marsad.ingest import read_inputs
from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.model import AnalyzedArticle, Article, Failure
from marsad.runners.local import map_articles
from marsad.store import Store

# Seconds between two progress lines on a terminal: often enough to show life, rarely enough
# not to cost anything measurable.
PROGRESS_EVERY_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class RunReport:
    articles_seen: int
    articles_new: int
    records: int
    failures: tuple[Failure, ...]
    events: int
    stories: int
    seconds: float


class Progress:
    """A one-line progress display on a terminal; silent elsewhere."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream if stream is not None and stream.isatty() else None
        self._started = time.monotonic()
        self._last = 0.0

    def update(self, done: int, failed: int) -> None:
        if self._stream is None:
            return
        now = time.monotonic()
        if now - self._last < PROGRESS_EVERY_SECONDS:
            return
        self._last = now
        rate = done / max(now - self._started, 1e-9)
        self._stream.write(f"\ranalyzed {done} articles ({failed} failed), {rate:.0f}/s ")
        self._stream.flush()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.write("\n")
            self._stream.flush()


def _articles_only(
    items: Iterable[Article | Failure], failures: list[Failure], counter: list[int]
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        counter[0] += 1
        yield item


def run_job(
    inputs: Sequence[Path],
    *,
    db: Path | str,
    workers: int = 1,
    link: bool = True,
    progress_stream: TextIO | None = sys.stderr,
    resources: Resources | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> RunReport:
    """Process every input into the store at `db`; a broken input is reported, not fatal."""
    started = time.monotonic()
    resources = resources or Resources()
    failures: list[Failure] = []
    seen = [0]
    new = records = 0
    progress = Progress(progress_stream)
    with Store.open(db) as store:
        run_id = store.start_run()
        articles = _articles_only(read_inputs(list(inputs)), failures, seen)
        for result in map_articles(articles, resources=resources, workers=workers):
            if isinstance(result, AnalyzedArticle):
                new += int(store.put_analysis(result))
                records += len(result.claims)
            else:
                failures.append(result)
            progress.update(seen[0], len(failures))
        progress.close()
        for failure in failures:
            store.put_failure(failure)
            if on_failure is not None:
                on_failure(failure)
        events = stories = 0
        if link:
            events, stories = link_store(store, resources)
        store.finish_run(
            run_id,
            {
                "articles_seen": seen[0],
                "articles_new": new,
                "records": records,
                "failures": len(failures),
                "events": events,
                "stories": stories,
            },
        )
    return RunReport(
        articles_seen=seen[0],
        articles_new=new,
        records=records,
        failures=tuple(failures),
        events=events,
        stories=stories,
        seconds=time.monotonic() - started,
    )


def link_store(store: Store, resources: Resources) -> tuple[int, int]:
    """Link all stored records across articles and write events and stories back."""
    claims = store.claims()
    articles = {a.id: a for a in store.articles()}
    result = link_claims(claims, articles, resources)
    store.replace_links(result.claims, result.events, result.stories)
    return len(result.events), len(result.stories)
