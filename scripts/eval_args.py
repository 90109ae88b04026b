#!/usr/bin/env python3
"""Field misses (date, attribution, fatalities) on the records the scorer matches, for the
arguments engineer: runs the pipeline on a gold file and lists, per matched pair, the fields that
disagree with the gold's own evidence texts.

    python scripts/eval_args.py [--gold ../shared/eval/dev/gold.jsonl] [--field date|attr|fat]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import ModuleType

from eval_dev import DEFAULT_GOLD, article_of  # type: ignore[import-not-found]
from marsad.evaluate import load_scorer
from marsad.knowledge.resources import Resources
from marsad.pipeline import analyze


def _scorer(path: Path) -> ModuleType:
    return load_scorer(path)


def _attr(rec: dict[str, object]) -> object:
    value = rec.get("attributed_to")
    return value.get("name") if isinstance(value, dict) else value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--field", choices=("date", "attr", "fat"), default="date")
    args = parser.parse_args()
    score = _scorer(args.gold.parent.parent / "score.py")
    rows = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    resources = Resources()
    for row in rows:
        preds = [c.to_json() for c in analyze(article_of(row), resources).claims]
        golds = row.get("events", [])
        pairs = score.match(golds, preds, lambda g, p: g.get("action") == p.get("action"))
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            if args.field == "date":
                gd = score.interval(g.get("date"))
                if gd is None or score.interval(p.get("date")) == gd:
                    continue
                print(
                    f"{row['id']} pub={row.get('published')} {g['action']} gold={gd} "
                    f"pred={score.interval(p.get('date'))} date_text={g.get('date_text')!r}"
                )
            elif args.field == "attr":
                if bool(_attr(g)) == bool(_attr(p)):
                    continue
                print(
                    f"{row['id']} {g['action']} gold={_attr(g)!r} pred={_attr(p)!r} "
                    f"gold_text={g.get('attribution_text')!r}"
                )
            else:
                if g.get("fatalities") is None or g.get("fatalities") == p.get("fatalities"):
                    continue
                print(
                    f"{row['id']} {g['action']} gold={g.get('fatalities')} "
                    f"pred={p.get('fatalities')} PRED: {str(p.get('evidence'))[:300]}"
                )
            print(f"    EVID: {str(g.get('evidence'))[:220]}")


if __name__ == "__main__":
    main()
