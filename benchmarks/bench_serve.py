#!/usr/bin/env python3
"""`marsad serve` at scale: time to the first page and the server's memory, on synthetic stores.

    python benchmarks/bench_serve.py --sizes 10000 100000 [--postgres URL] [--keep DIR]

For each size, a store of that many records is built (the link benchmark's synthetic records,
`bench_link.generate`, linked by `link_claims` and stored as `marsad run` stores them; kept in
`--keep DIR` between runs, as building 100k records takes minutes), then `marsad serve` is started
in its own process on a free port. Reported: seconds from starting the server to its first page
of `/api/events` (the CLI reads the store once before it listens), the time of a few requests
(a deep page, filters, a text search, records, the timeline), and the server's resident memory
after them (VmRSS) and at its peak (VmHWM), from /proc.

The server runs the marsad on PYTHONPATH, so the same script measures two versions:
`PYTHONPATH=/other/checkout/src python benchmarks/bench_serve.py ...` (a store is built by the
version that serves it: their schemas may differ).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from bench_link import generate  # this folder: the script's own, first on sys.path
from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.model import AnalyzedArticle
from marsad.store import Store

# What a dashboard asks while one uses it (after the first page).
REQUESTS = (
    ("events, page 1", "/api/events?limit=50"),
    ("events, page 200", "/api/events?limit=50&offset=10000"),
    ("events, one action", "/api/events?action=shelling&limit=50"),
    ("events, actor + window", "/api/events?actor=SDF&since=2000-03-01&until=2000-06-30"),
    ("events, governorate", "/api/events?admin1=idleb&status=occurred"),
    ("events, text search", "/api/events?q=" + quote("مدينة")),
    ("records, page 1", "/api/records?limit=50"),
    ("records, deep page", "/api/records?limit=50&offset=50000"),
    ("timeline", "/api/timeline"),
    ("stats", "/api/stats"),
    ("actors", "/api/actors"),
)


def build(target: Path | str, size: int) -> None:
    """A store of `size` synthetic records, linked, as `marsad run` leaves it."""
    claims, articles, _ = generate(size)
    result = link_claims(claims, articles, Resources())
    by_article: dict[str, list[object]] = {}
    for claim in result.claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    with Store.open(target) as store:
        for article_id, article in articles.items():
            own = tuple(by_article.get(article_id, ()))
            store.put_analysis(AnalyzedArticle(article, (), own))  # type: ignore[arg-type]
        store.replace_links(result.claims, result.events, result.stories)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        body = response.read()
    return time.perf_counter() - started, len(body)


def memory_mb(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return fields


def serve(target: Path | str) -> dict[str, object]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(target), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    try:
        while True:
            if server.poll() is not None:
                raise RuntimeError(server.stderr.read().decode() if server.stderr else "exited")
            try:
                fetch(f"{base}/api/events?limit=50")
                break
            except OSError:
                time.sleep(0.05)
        first_page = time.perf_counter() - started
        timings = {name: round(fetch(base + path)[0], 3) for name, path in REQUESTS}
        return {"first_page_s": round(first_page, 2), **timings, **memory_mb(server.pid)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def postgres_database(server_url: str, name: str) -> str:
    """A URL to database `name` on the server, created empty if it is not there."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--keep", type=Path, help="folder to keep the SQLite stores in")
    parser.add_argument("--postgres", help="a PostgreSQL server URL: measure there too")
    parser.add_argument(
        "--tag", default="", help="suffix of the PostgreSQL database names (one per version)"
    )
    args = parser.parse_args()
    keep = args.keep or Path(f"/tmp/marsad-bench-serve-{uuid.uuid4().hex[:8]}")
    keep.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        targets: list[Path | str] = [keep / f"serve-{size}.db"]
        if args.postgres:
            targets.append(postgres_database(args.postgres, f"marsad_bench_serve_{size}{args.tag}"))
        for target in targets:
            with Store.open(target) as store:
                is_new = store.counts()["claims"] == 0
            if is_new:
                started = time.perf_counter()
                build(target, size)
                print(f"built {size} records in {time.perf_counter() - started:.0f} s", flush=True)
            row = serve(target)
            kind = "sqlite" if isinstance(target, Path) else "postgres"
            print(json.dumps({"records": size, "store": kind, **row}, ensure_ascii=False))


if __name__ == "__main__":
    main()
