"""`marsad run`, `marsad export`, `marsad demo`, `marsad eval`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import MarsadError
from marsad.settings import load_settings

if TYPE_CHECKING:
    from marsad.jobs import RunReport

EXPORT_FORMATS = ("jsonl", "events", "acled-csv", "geojson")
# --db stays a string: a postgresql:// URL made a Path would lose a slash.
_DB_HELP = "SQLite file or postgresql:// URL (default marsad.db)"


def register(commands: argparse._SubParsersAction[Any]) -> None:
    run = commands.add_parser("run", help="ingest files or folders, extract, store and link")
    run.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help=".txt, .html, .jsonl, RSS/Atom files or folders of them",
    )
    run.add_argument("--db", default=None, help=_DB_HELP)
    run.add_argument("--workers", type=int, default=None, help="processes for extraction")
    run.add_argument("--no-link", action="store_true", help="skip linking across articles")
    run.set_defaults(handler=_run)

    export = commands.add_parser("export", help="write stored records or events to a file")
    export.add_argument("--db", default=None, help=_DB_HELP)
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="jsonl",
        help="jsonl: records; events: canonical events with disputes; "
        "acled-csv: ACLED columns; geojson: events as points",
    )
    export.add_argument("-o", "--output", type=Path, default=None, help="file (default stdout)")
    export.set_defaults(handler=_export)

    demo = commands.add_parser("demo", help="run on the bundled example reports and summarize")
    demo.add_argument(
        "--db", type=Path, default=None, help="keep the demo store here (default: a temporary file)"
    )
    demo.set_defaults(handler=_demo)

    evaluate = commands.add_parser("eval", help="run on a gold file and score against it")
    evaluate.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    evaluate.add_argument(
        "--scorer",
        type=Path,
        default=None,
        help="score.py (default: ../score.py beside the gold file's folder)",
    )
    evaluate.add_argument("--actors", type=Path, default=None, help="actors.tsv for parents")
    evaluate.add_argument(
        "--floors",
        type=Path,
        default=None,
        help="JSON of metric → minimum; exit 1 if any score is below",
    )
    evaluate.add_argument("--output", type=Path, default=None, help="keep the predicted records")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--verbose", action="store_true", help="list misses and extras")
    evaluate.set_defaults(handler=_eval)


def _print_report(report: RunReport) -> None:
    print(
        f"{report.articles_seen} articles read, {report.articles_new} new, "
        f"{report.records} records, {report.events} events, {report.stories} stories, "
        f"{len(report.failures)} failed, in {report.seconds:.2f} s"
    )


def _print_failure(failure: Any) -> None:
    print(f"marsad: failed: {failure.source} ({failure.stage}): {failure.reason}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from marsad.jobs import run_job
    from marsad.store.base import is_server_url

    settings = load_settings(overrides={"db": args.db, "workers": args.workers})
    report = run_job(
        args.inputs,
        db=settings.db if is_server_url(settings.db) else Path(settings.db),
        workers=settings.workers,
        link=settings.link and not args.no_link,
        on_failure=_print_failure,
    )
    _print_report(report)
    return 1 if report.failures else 0


def _export(args: argparse.Namespace) -> int:
    from marsad.exporting import export_store
    from marsad.store.base import is_server_url

    settings = load_settings(overrides={"db": args.db})
    db: Path | str = settings.db if is_server_url(settings.db) else Path(settings.db)
    if isinstance(db, Path) and not db.exists():
        raise MarsadError(f"no store at {db}: run `marsad run INPUT --db {db}` first")
    if args.output is None:
        count = export_store(db, args.format, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            count = export_store(db, args.format, out)
        print(f"wrote {count} {args.format} rows to {args.output}", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from marsad.demo import run_demo

    return run_demo(db=args.db, out=sys.stdout)


def _eval(args: argparse.Namespace) -> int:
    from marsad.evaluate import evaluate_gold

    return evaluate_gold(
        args.gold,
        scorer=args.scorer,
        actors=args.actors,
        floors=args.floors,
        output=args.output,
        as_json=args.json,
        verbose=args.verbose,
        out=sys.stdout,
    )
