"""`marsad eval`: run the whole job on a gold file and score it with the project's scorer.

The scorer (`score.py`, schema.md "Scoring") is loaded from the given path, by default the one
beside the gold file's folder (`eval/score.py` for `eval/dev/gold.jsonl`), so marsad scores itself
exactly as it is judged.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from marsad.errors import MarsadError
from marsad.exporting import export_store
from marsad.jobs import run_job

# The report's metrics that floors may pin, by dotted path into the scorer's report.
FLOOR_METRICS = (
    "action.f1",
    "action.precision",
    "action.recall",
    "acled_sub_event.f1",
    "linking.f1",
    "fields.actor1_root",
    "fields.actor1_exact",
    "fields.actor2_root",
    "fields.place_within_5km",
    "fields.admin1",
    "fields.date_exact",
    "fields.status",
    "fields.fatalities",
    "fields.attribution_present",
)


def scorer_beside(gold: Path) -> Path:
    """The scorer beside a gold file's folder: `eval/score.py` for `eval/dev/gold.jsonl`."""
    return gold.resolve().parent.parent / "score.py"


def load_scorer(path: Path) -> ModuleType:
    """The project scorer as a module (its `score`, `match`, `read_jsonl`, `load_parents`)."""
    if not path.exists():
        raise MarsadError(f"scorer not found at {path}; pass --scorer PATH")
    spec = importlib.util.spec_from_file_location("marsad_external_scorer", path)
    if spec is None or spec.loader is None:
        raise MarsadError(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def metric(report: dict[str, Any], dotted: str) -> float | None:
    value: Any = report
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def check_floors(report: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """The metrics below their floor, as readable lines; empty when all hold."""
    below = []
    for name, floor in sorted(floors.items()):
        value = metric(report, name)
        if value is None or value < floor:
            below.append(f"{name} = {value} is below its floor {floor}")
    return below


def evaluate_gold(
    gold: Path,
    *,
    scorer: Path | None,
    actors: Path | None,
    floors: Path | None,
    output: Path | None,
    as_json: bool,
    verbose: bool,
    out: TextIO,
) -> int:
    if not gold.exists():
        raise MarsadError(f"gold file not found: {gold}")
    module = load_scorer(scorer or scorer_beside(gold))
    actors_path = actors or gold.resolve().parent.parent.parent / "spec" / "actors.tsv"
    with tempfile.TemporaryDirectory(prefix="marsad-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        run_job([gold], db=db, workers=1, progress_stream=None)
        predictions = output or Path(tmp) / "records.jsonl"
        with predictions.open("w", encoding="utf-8") as handle:
            export_store(db, "jsonl", handle)
        report: dict[str, Any] = module.score(
            module.read_jsonl(gold),
            module.read_jsonl(predictions),
            module.load_parents(actors_path),
            verbose,
        )
    _print(report, as_json=as_json, out=out)
    if floors is None:
        return 0
    below = check_floors(report, json.loads(floors.read_text(encoding="utf-8")))
    for line in below:
        print(f"marsad: eval: {line}", file=out)
    return 1 if below else 0


def _print(report: dict[str, Any], *, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1), file=out)
        return
    for line in report.get("misses", []):
        print(line, file=out)
    print(
        f"articles {report['articles']}  gold records {report['gold_records']}  "
        f"predicted {report['predicted_records']}",
        file=out,
    )
    for key in ("action", "acled_sub_event", "linking"):
        r = report[key]
        print(
            f"{key:16s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}   "
            f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})",
            file=out,
        )
    for key, value in report["fields"].items():
        shown = "-" if value is None else f"{value:.3f}"
        print(f"  {key:22s} {shown}  (n={report['fields_judged'][key]})", file=out)
