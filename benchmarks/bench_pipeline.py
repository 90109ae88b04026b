"""Throughput and peak memory of the per-article pipeline (ingest excluded, one core).

    python benchmarks/bench_pipeline.py [--articles 2000] [--input FILE.jsonl]

Articles come from --input (any marsad input JSON Lines, e.g. a gold file) or, by default, from
the bundled example reports, reshuffled paragraph by paragraph into news-length articles so that
no two are identical. Reports articles/second on one core (the map is embarrassingly parallel,
so N cores give about N times that) and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

from marsad.demo import example_reports
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.pipeline import analyze

SEED = 20221117  # fixed so that runs compare


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def synthetic_articles(count: int, source: Path) -> list[Article]:
    rng = random.Random(SEED)
    paragraphs = [
        p.strip()
        for row in _rows(source)
        for p in str(row["text"]).split("\n\n")
        if len(p.strip()) > 60
    ]
    articles = []
    for index in range(count):
        body = "\n\n".join(rng.sample(paragraphs, k=min(4, len(paragraphs))))
        articles.append(
            Article(id=f"bench-{index}", text=body, published=date(2023, 3, 14), outlet="bench")
        )
    return articles


def real_articles(count: int, source: Path) -> list[Article]:
    rows = _rows(source)
    articles = []
    for index in range(count):
        row = rows[index % len(rows)]
        published = row.get("published")
        articles.append(
            Article(
                id=f"bench-{index}",
                text=str(row["text"]),
                published=date.fromisoformat(str(published)[:10]) if published else None,
            )
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--input", type=Path, default=None)
    args = parser.parse_args()
    if args.input:
        articles = real_articles(args.articles, args.input)
    else:
        articles = synthetic_articles(args.articles, example_reports())
    resources = Resources()
    started = time.perf_counter()
    analyze(articles[0], resources)  # first call loads the lexicons, gazetteer and models
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    records = sum(len(analyze(a, resources).claims) for a in articles)
    seconds = time.perf_counter() - started
    chars = sum(len(a.text) for a in articles)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": len(articles),
                "mean_chars": round(chars / len(articles)),
                "records": records,
                "resources_load_seconds": round(load_seconds, 3),
                "seconds": round(seconds, 3),
                "articles_per_second_per_core": round(len(articles) / seconds, 1),
                "peak_rss_mib": round(peak_mib, 1),
                "python": sys.version.split()[0],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
