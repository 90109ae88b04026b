"""Run `pipeline.analyze` over articles in this process or a local process pool.

A worker builds its own `Resources` once (lazy loading makes that cheap until first use), so
nothing large crosses process boundaries except articles in and results out.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from marsad.knowledge.resources import Resources
from marsad.model import AnalyzedArticle, Article, Failure
from marsad.pipeline import analyze

# Articles handed to a worker at a time: large enough to amortize inter-process pickling
# (~1 ms per 1,000-char article), small enough to keep progress reporting smooth.
POOL_CHUNK_ARTICLES = 32

_worker_resources: Resources | None = None


def analyze_safely(article: Article, resources: Resources) -> AnalyzedArticle | Failure:
    """Analyze one article; a failure on it becomes a `Failure` record and the run goes on.

    Catching everything here is deliberate: one malformed article must never stop a run of
    thousands, and the failure (with the innermost frame) is stored and reported.
    """
    try:
        return analyze(article, resources)
    except Exception as exc:  # see the docstring
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
        return Failure(
            source=article.source or article.id,
            stage="analyze",
            reason=f"{type(exc).__name__}: {exc}{at}",
            article_id=article.id,
        )


def _init_worker() -> None:
    global _worker_resources
    _worker_resources = Resources()


def _analyze_in_worker(article: Article) -> AnalyzedArticle | Failure:
    resources = _worker_resources if _worker_resources is not None else Resources()
    return analyze_safely(article, resources)


def map_articles(
    articles: Iterable[Article], *, resources: Resources, workers: int = 1
) -> Iterator[AnalyzedArticle | Failure]:
    """Analyze articles in input order, with `workers` processes (1 = in this process)."""
    if workers <= 1:
        for article in articles:
            yield analyze_safely(article, resources)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        yield from pool.map(_analyze_in_worker, articles, chunksize=POOL_CHUNK_ARTICLES)
