"""Pin .ci/floors.json just under the current dev-gold scores, so quality can only go up.

    python scripts/pin_floors.py ../shared/eval/dev/gold.jsonl [--slack 0.01]

Pins the F1s and the per-field shares (not precision and recall apart, so that a change may
trade one for the other when F1 rises). A per-field share is judged on n matched pairs, so one
record more or less moves it by 1/n: its floor sits one record under the score (at least
`--slack` under), or a correct new match with a wrong field would fail CI. Refuses to lower an
existing floor.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from marsad.evaluate import FLOOR_METRICS, evaluate_gold, metric

FLOORS = Path(__file__).resolve().parent.parent / ".ci" / "floors.json"
# Every metric `marsad eval --floors` knows, but precision and recall apart (see above).
PINNED = tuple(m for m in FLOOR_METRICS if not m.endswith((".precision", ".recall")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--slack", type=float, default=0.01, help="how far under the score")
    args = parser.parse_args()
    buffer = io.StringIO()
    evaluate_gold(
        args.gold,
        scorer=None,
        actors=None,
        floors=None,
        output=None,
        as_json=True,
        verbose=False,
        out=buffer,
    )
    report = json.loads(buffer.getvalue())
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    new: dict[str, float] = {}
    for name in PINNED:
        value = metric(report, name)
        if value is None:
            continue
        judged = report.get("fields_judged", {}).get(name.removeprefix("fields."))
        slack = args.slack
        if name.startswith("fields.") and judged:
            slack = max(args.slack, 1.0 / judged)
        floor = round(max(0.0, value - slack), 3)
        if floor < old.get(name, 0.0):
            print(
                f"{name}: score {value} is under the floor {old[name]}; keeping it", file=sys.stderr
            )
            floor = old[name]
        new[name] = floor
    FLOORS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(new, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
