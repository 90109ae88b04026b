#!/usr/bin/env python3
"""Score the per-article pipeline on a gold file (the dev gold by default) with the project scorer.

    python scripts/eval_dev.py [--gold ../shared/eval/dev/gold.jsonl] [--out /tmp/dev_pred.jsonl]
                               [--no-model] [--verbose]

Runs `marsad.pipeline.analyze` on each gold article (as `marsad.model.Article`, `published` from
the JSON), writes the claims as JSON lines (`Claim.to_json()`), then runs the scorer beside the
gold folder (`eval/score.py`). `--no-model` scores the rules alone (no learned filter).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from functools import cached_property
from pathlib import Path

from marsad.knowledge.models import Models
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"


class RulesOnly(Resources):
    """The shipped resources without the learned filter."""

    @cached_property
    def models(self) -> Models:
        return Models(action_filter=None)


def _published(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_of(row: dict[str, object]) -> Article:
    return Article(
        id=str(row["id"]),
        text=str(row["text"]),
        outlet=row.get("outlet") if isinstance(row.get("outlet"), str) else None,  # type: ignore[arg-type]
        published=_published(row.get("published")),
    )


def predict(gold: Path, out: Path, resources: Resources) -> int:
    rows = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for row in rows:
            for claim in analyze(article_of(row), resources).claims:
                sink.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=Path("/tmp/marsad_dev_pred.jsonl"))
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    resources = RulesOnly() if args.no_model else Resources()
    predict(args.gold, args.out, resources)
    scorer = args.gold.resolve().parent.parent / "score.py"
    command = [sys.executable, str(scorer), str(args.gold), str(args.out)]
    if args.verbose:
        command.append("--verbose")
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
