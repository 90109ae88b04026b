"""Trained artefacts shipped under data/models/: small linear models stored as JSON weights.

A model is a bias, a weight per feature name and a decision threshold; scoring is a sum over the
active features and a logistic, so no pickle, no library version coupling, no download.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path

ACTION_MODEL_FILE = "models/action_filter.json"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A logistic model over named binary features."""

    name: str
    bias: float
    weights: dict[str, float]
    threshold: float
    support: dict[str, int] = field(default_factory=dict)  # positive training examples per class

    def probability(self, features: Iterable[str]) -> float:
        # fsum is exactly rounded, so the score does not depend on the order the features come in
        # (some are gathered from sets, whose order changes with PYTHONHASHSEED between processes);
        # map over dict.get spares a generator frame per call
        total = math.fsum([self.bias, *map(self.weights.get, features, repeat(0.0))])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass(frozen=True, slots=True)
class Models:
    """The models the pipeline uses; None where no artefact is shipped (rules decide alone)."""

    action_filter: LinearModel | None


def load_linear_model(path: Path) -> LinearModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LinearModel(
            name=str(data["name"]),
            bias=float(data["bias"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            support={str(k): int(v) for k, v in data.get("support", {}).items()},
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"cannot load model {path}: {exc}") from exc


def load_models(root: Path | None = None) -> Models:
    path = (root / "action_filter.json") if root is not None else data_path(ACTION_MODEL_FILE)
    return Models(action_filter=load_linear_model(path) if path.exists() else None)
