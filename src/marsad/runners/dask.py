"""Run the per-article map on dask (the `dask` extra) for archives too big for one machine.

The stage code is unchanged: each partition builds its own `Resources` and maps
`analyze_safely` over its articles. Connect to a cluster with `scheduler=` (an address), or run a
local cluster.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from marsad.errors import MarsadError
from marsad.knowledge.resources import Resources
from marsad.model import AnalyzedArticle, Article, Failure
from marsad.runners.local import analyze_safely

# Articles per dask partition: a few hundred keeps task overhead (~1 ms) well under work time.
DASK_PARTITION_ARTICLES = 256


def _analyze_partition(articles: list[Article]) -> list[AnalyzedArticle | Failure]:
    resources = Resources()
    return [analyze_safely(article, resources) for article in articles]


def map_articles_dask(
    articles: Sequence[Article], *, scheduler: str | None = None, workers: int = 2
) -> Iterator[AnalyzedArticle | Failure]:
    """Analyze articles on a dask cluster; results come back in input order."""
    try:
        import dask.bag as dask_bag
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise MarsadError("the dask runner needs the extra: pip install 'marsad[dask]'") from exc
    cluster: Any = None
    client: Any
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        partitions = max(1, len(articles) // DASK_PARTITION_ARTICLES)
        bag = dask_bag.from_sequence(list(articles), npartitions=partitions)
        results: list[AnalyzedArticle | Failure] = bag.map_partitions(_analyze_partition).compute()
        yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
