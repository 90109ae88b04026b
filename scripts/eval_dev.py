#!/usr/bin/env python3
"""Score the per-article pipeline on a gold file (the dev gold by default) with the project scorer.

    python scripts/eval_dev.py [--gold ../shared/eval/dev/gold.jsonl] [--out /tmp/dev_pred.jsonl]
                               [--no-model] [--verbose] [--per-action]

Runs `marsad.pipeline.analyze` on each gold article (as `marsad.model.Article`, `published` from
the JSON), writes the claims as JSON lines (`Claim.to_json()`), then runs the scorer beside the
gold folder (`eval/score.py`). `--no-model` scores the rules alone (no learned filter);
`--per-action` adds true/false positives and misses per action (the scorer's own matching).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from functools import cached_property
from pathlib import Path

from marsad.evaluate import load_scorer
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


def per_action(gold: Path, out: Path, scorer: Path) -> str:
    """tp / fp / fn per action with the scorer's one-to-one matching (verbal actions counted only
    where the gold codes them, as the scorer does)."""
    score = load_scorer(scorer)
    articles = score.read_jsonl(gold)
    by_article: dict[str, list[dict[str, object]]] = {}
    for rec in score.read_jsonl(out):
        by_article.setdefault(str(rec.get("article_id")), []).append(rec)
    verbal = {e.get("action") for a in articles for e in a.get("events", [])} & score.VERBAL
    counts: dict[str, list[int]] = {}
    for art in articles:
        golds = art.get("events", [])
        preds = [
            p
            for p in by_article.get(str(art.get("id")), [])
            if p.get("action") not in score.VERBAL or p.get("action") in verbal
        ]
        pairs = score.match(golds, preds, lambda g, p: g.get("action") == p.get("action"))
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(golds):
            row = counts.setdefault(str(g.get("action")), [0, 0, 0])
            if gi in matched_g and not g.get("optional"):
                row[0] += 1
            elif gi not in matched_g and not g.get("optional"):
                row[2] += 1
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                counts.setdefault(str(p.get("action")), [0, 0, 0])[1] += 1
    ranked = sorted(counts.items(), key=lambda kv: -(kv[1][1] + kv[1][2]))
    return "\n".join(f"{a:22s} tp {tp:3d}  fp {fp:3d}  fn {fn:3d}" for a, (tp, fp, fn) in ranked)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=Path("/tmp/marsad_dev_pred.jsonl"))
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--per-action", action="store_true")
    args = parser.parse_args()
    resources = RulesOnly() if args.no_model else Resources()
    predict(args.gold, args.out, resources)
    scorer = args.gold.resolve().parent.parent / "score.py"
    command = [sys.executable, str(scorer), str(args.gold), str(args.out)]
    if args.verbose:
        command.append("--verbose")
    code = subprocess.run(command, check=False).returncode
    if args.per_action:
        print(per_action(args.gold, args.out, scorer))
    return code


if __name__ == "__main__":
    sys.exit(main())
