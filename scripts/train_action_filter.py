#!/usr/bin/env python3
"""Train the learned action filter on the train gold and ship it as JSON weights.

    python scripts/train_action_filter.py [--gold ../shared/eval/train/gold.jsonl]
                                          [--cv-predict OUT.jsonl [--C 1.0 --threshold 0.45]]

Each (sentence, action) candidate that marsad's lexicon and rules propose in a training report
is labelled by what it would produce: positive when one of its records matches a required gold
record by the scorer's own test (action, place within 25 km, overlapping date), negative when it
matches none; candidates matching only optional records are left out. A logistic regression
over the candidate features (marsad.classify.candidates) is fitted; C and the decision
threshold are chosen by the out-of-fold record-level action F1 (5 folds grouped by report,
records scored with the scorer's own matching). Writes
src/marsad/data/models/action_filter.json and a sidecar action_filter.meta.json (data, date,
scores).

`--cv-predict OUT.jsonl` ships nothing: it runs the whole pipeline on each held-out fold with the
model fitted on the other folds (C and threshold chosen as above) and writes the records, so
the scorer gives honest (out-of-fold) train-set numbers for a change to the
features or the selection; with `--C` and `--threshold` the grid is skipped (a quick check).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from marsad.classify.assemble import Draft, drafts_for
from marsad.classify.attribution import attributions
from marsad.classify.candidates import Candidate, candidates
from marsad.classify.select import Scored
from marsad.classify.view import views_of
from marsad.evaluate import load_scorer
from marsad.extract import extract_mentions
from marsad.knowledge.models import LinearModel, Models
from marsad.knowledge.resources import Resources
from marsad.pipeline import analyze
from marsad.resolve import resolve_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_dev import article_of

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "train" / "gold.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
OUT = ROOT / "src" / "marsad" / "data" / "models" / "action_filter.json"
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.71, 0.05))
MIN_WEIGHT = (
    0.01  # smaller weights change no decision measurably; dropping them keeps the file small
)


def _nearest(text: str, needle: str, anchor: int) -> int:
    best, pos = -1, text.find(needle)
    while pos >= 0:
        if best < 0 or abs(pos - anchor) < abs(best - anchor):
            best = pos
        pos = text.find(needle, pos + 1)
    return best


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(sentences):
        if a <= pos < b:
            return i
    return -1


def _scorer() -> ModuleType:
    return load_scorer(SCORER)


def _record(draft: Draft) -> dict[str, object]:
    place = draft.place.to_json() if draft.place is not None else None
    when = draft.date.to_json() if draft.date is not None else None
    return {"action": draft.action, "location": place, "date": when}


def report_candidates(
    row: dict[str, Any], resources: Resources, scorer: ModuleType
) -> list[tuple[Candidate, int | None]]:
    """Each candidate with its label: 1 when one of its records matches a required gold record
    (action, place within 25 km, date overlap: the scorer's own test), 0 when none matches any
    gold record, None when it matches only optional ones (left out)."""
    article = article_of(row)
    resolution = resolve_mentions(extract_mentions(article, resources), resources)
    views = views_of(resolution)
    voices = attributions(views, article.text)
    golds = row.get("events", [])
    out: list[tuple[Candidate, int | None]] = []
    for c in candidates(views, article.text):
        drafts = drafts_for(Scored(c, 1.0), views, article, voices[c.sentence], set())
        label: int | None = 0
        for d in drafts:
            rec = _record(d)
            for g in golds:
                if (
                    g.get("action") == d.action
                    and scorer.places_agree(g, rec)
                    and scorer.dates_agree(g, rec)
                ):
                    label = 1 if not g.get("optional") else (label if label == 1 else None)
        out.append((c, label))
    return out


def _rows(gold: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]


def dataset(
    gold: Path, resources: Resources
) -> tuple[list[dict[str, int]], list[int], list[int], dict[str, int]]:
    scorer = _scorer()
    rows = _rows(gold)
    feats: list[dict[str, int]] = []
    ys: list[int] = []
    groups: list[int] = []
    support: dict[str, int] = {}
    for index, row in enumerate(rows):
        for c, label in report_candidates(row, resources, scorer):
            if label is None:
                continue
            feats.append(dict.fromkeys(c.features, 1))
            ys.append(label)
            groups.append(index)
            support[c.action] = support.get(c.action, 0) + label
    return feats, ys, groups, support


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float(((p == 1) & (y == 1)).sum())
    fp = float(((p == 1) & (y == 0)).sum())
    fn = float(((p == 0) & (y == 1)).sum())
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def cross_validate(x: object, y: np.ndarray, groups: np.ndarray) -> tuple[float, float, float]:
    best = (0.0, C_GRID[0], 0.5)
    for c in C_GRID:
        probs = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=5).split(x, y, groups):
            model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
            model.fit(x[train], y[train])  # type: ignore[index]
            probs[test] = model.predict_proba(x[test])[:, 1]  # type: ignore[index]
        for t in THRESHOLDS:
            f1 = _f1(y, (probs >= t).astype(int))
            if f1 > best[0]:
                best = (f1, c, t)
    return best


def fit(x: Any, y: np.ndarray, names: Any, c: float) -> tuple[float, dict[str, float]]:
    """The fitted bias and the weights worth shipping."""
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y)
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return float(model.intercept_[0]), weights


class WithModel(Resources):
    """The shipped resources with another action filter (one fold's)."""

    def __init__(self, model: LinearModel) -> None:
        super().__init__()
        self._fold_model = model

    @property
    def models(self) -> Models:
        return Models(action_filter=self._fold_model)


def _fold_models(
    feats: list[dict[str, int]], x: Any, y: np.ndarray, g: np.ndarray, names: Any, c: float
) -> list[tuple[list[int], float, dict[str, float], dict[str, int]]]:
    """Per fold: the held-out reports, and the bias, weights and support fitted on the others."""
    out = []
    for train, test in GroupKFold(n_splits=5).split(x, y, g):
        bias, weights = fit(x[train], y[train], names, c)
        support: dict[str, int] = {}
        for i in train:
            action = next(f[2:] for f in feats[i] if f.startswith("a=") and "|" not in f)
            support[action] = support.get(action, 0) + int(y[i])
        out.append((sorted(set(g[test].tolist())), bias, weights, support))
    return out


def _oof_records(
    rows: list[dict[str, Any]],
    folds: list[tuple[list[int], float, dict[str, float], dict[str, int]]],
    threshold: float,
    held: set[int],
) -> list[dict[str, Any]]:
    """Out-of-fold records: each fold of reports analysed with a model fitted on the others;
    reports without candidates by the rules alone."""
    records: list[dict[str, Any]] = []
    for reports, bias, weights, support in folds:
        model = LinearModel("action_filter", bias, weights, threshold, support)
        resources = WithModel(model)
        for index in reports:
            records += [c.to_json() for c in analyze(article_of(rows[index]), resources).claims]
    for index, row in enumerate(rows):
        if index not in held:
            records += [c.to_json() for c in analyze(article_of(row), Resources()).claims]
    return records


def select_by_records(
    gold: Path, feats: list[dict[str, int]], x: Any, y: np.ndarray, g: np.ndarray, names: Any
) -> tuple[float, float, float]:
    """C and threshold with the best out-of-fold record-level action F1 (the scorer's own
    matching), which candidate-level F1 does not track: records merge, and one candidate may
    make several records or none."""
    scorer = _scorer()
    rows = _rows(gold)
    held = set(g.tolist())
    best = (-1.0, C_GRID[0], 0.5)
    for c in C_GRID:
        folds = _fold_models(feats, x, y, g, names, c)
        for threshold in THRESHOLDS:
            records = _oof_records(rows, folds, threshold, held)
            f1 = float(scorer.score(rows, records, {})["action"]["f1"])
            print(f"C {c:<4} threshold {threshold:.2f}  out-of-fold action F1 {f1:.4f}")
            if f1 > best[0]:
                best = (f1, c, threshold)
    return best


def cv_predict(
    gold: Path, out: Path, c: float | None = None, threshold: float | None = None
) -> None:
    """Out-of-fold records with the C and threshold chosen by record-level F1 (or the ones
    given: a quick check of a change, without the grid)."""
    feats, ys, groups, _ = dataset(gold, Resources())
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(feats)
    y, g = np.array(ys), np.array(groups)
    names = vectorizer.get_feature_names_out()
    if c is None or threshold is None:
        _, c, threshold = select_by_records(gold, feats, x, y, g, names)
    folds = _fold_models(feats, x, y, g, names, c)
    with out.open("w", encoding="utf-8") as sink:
        for rec in _oof_records(_rows(gold), folds, threshold, set(g.tolist())):
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--cv-predict", type=Path, default=None)
    parser.add_argument("--C", type=float, default=None, help="with --cv-predict: fixed C")
    parser.add_argument(
        "--threshold", type=float, default=None, help="with --cv-predict: fixed threshold"
    )
    args = parser.parse_args()
    if args.cv_predict is not None:
        cv_predict(args.gold, args.cv_predict, args.C, args.threshold)
        return 0
    feats, ys, groups, support = dataset(args.gold, Resources())
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(feats)
    y, g = np.array(ys), np.array(groups)
    names = vectorizer.get_feature_names_out()
    candidate_f1, _, _ = cross_validate(x, y, g)
    f1, c, threshold = select_by_records(args.gold, feats, x, y, g, names)
    base_f1 = _f1(y, np.ones(len(y), dtype=int))
    bias, weights = fit(x, y, names, c)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "name": "action_filter",
        "bias": round(bias, 4),
        "threshold": threshold,
        "weights": weights,
        "support": dict(sorted(support.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    meta = {
        "model": "logistic regression over (sentence, action) candidate features",
        "data": str(args.gold.name) + " (train gold: " + str(len(set(groups))) + " reports)",
        "candidates": len(ys),
        "positives": int(y.sum()),
        "C": c,
        "threshold": threshold,
        "selected_by": "out-of-fold record-level action F1 (scorer matching), 5 folds by report",
        "oof_record_action_f1": round(f1, 4),
        "cv_f1_grouped_5fold": round(candidate_f1, 4),
        "cv_f1_keep_all_candidates": round(base_f1, 4),
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    OUT.with_suffix(".meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
