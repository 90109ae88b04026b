"""The output does not depend on the process's hash seed.

Sets and frozensets iterate in an order that changes with PYTHONHASHSEED, and a float sum taken
in that order differs in its last bits between processes. Each test analyses and links reports in
fresh interpreters under different seeds and compares the JSON output byte for byte: claims with
their unrounded confidence, event and story ids, events, stories and the link state.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.knowledge.models import LinearModel

EXAMPLES = Path(marsad.__file__).parent / "examples" / "reports.jsonl"
SEEDS = ("1", "2", "3")

# Reports written for this test: background, habitual and sequence cues around the triggers give
# the action filter features gathered from sets, so a seed-dependent sum would show here.
REPORTS = [
    {
        "id": "det-1",
        "published": "2021-03-04",
        "text": (
            "إدلب - قصفت قوات النظام صباح اليوم بلدة سرمين بعد أن كانت قد قصفتها أمس، كما تقصفها "
            "عادة كل أسبوع، ما أدى إلى مقتل ثلاثة مدنيين.\n"
            "وفي وقت سابق، اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام قرب بلدة "
            "النيرب، قبل أن تسيطر الفصائل على تلة استراتيجية."
        ),
    },
    {
        "id": "det-2",
        "published": "2021-03-05",
        "text": (
            "قال المرصد السوري لحقوق الإنسان إن طائرات روسية شنت غارات جوية على بلدة سرمين في "
            "ريف إدلب أمس، في إطار حملة مستمرة منذ أشهر، وأدت إلى مقتل ثلاثة مدنيين.\n"
            "ويأتي القصف بعد يومين من اشتباكات قرب النيرب، وذلك لمنع تقدم الفصائل."
        ),
    },
]

PROBE = """
import json, sys
from pathlib import Path
from marsad.codec import claim_to_json, event_to_json, story_to_json
from marsad.ingest.reader import read_inputs
from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.model import Article
from marsad.pipeline import analyze

resources = Resources()
articles = [a for a in read_inputs([Path(p) for p in sys.argv[1:]]) if isinstance(a, Article)]
claims = [c for a in articles for c in analyze(a, resources).claims]
result = link_claims(claims, {a.id: a for a in articles}, resources)
out = {
    "claims": [claim_to_json(c) for c in result.claims],
    "confidence": [repr(c.confidence) for c in result.claims],
    "events": [event_to_json(e) for e in result.events],
    "stories": [story_to_json(s) for s in result.stories],
    "state": result.state.to_json(),
}
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def _run(seed: str, inputs: list[Path]) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    src = str(Path(marsad.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, inputs)],
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_analysis_and_linking_are_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    written = tmp_path / "reports.jsonl"
    written.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8"
    )
    outputs = {seed: _run(seed, [EXAMPLES, written]) for seed in SEEDS}
    first = outputs[SEEDS[0]]
    data = json.loads(first)
    assert data["claims"] and data["events"] and data["stories"]  # something to compare
    for seed in SEEDS[1:]:
        assert outputs[seed] == first, f"PYTHONHASHSEED={seed} differs from {SEEDS[0]}"


def test_a_linear_model_scores_features_in_any_order_alike() -> None:
    # Weights whose running sum loses the small one in one order and keeps it in another: a
    # naive sum gives two probabilities, an exactly rounded one gives one.
    weights = {"big": 1e16, "small": 1.0, "minus": -1e16, "tiny": 0.5}
    model = LinearModel(name="t", bias=0.25, weights=weights, threshold=0.5)
    orders = [
        ("big", "small", "minus", "tiny"),
        ("small", "big", "minus", "tiny"),
        ("big", "minus", "small", "tiny"),
        ("tiny", "minus", "small", "big"),
    ]
    scores = {model.probability(order) for order in orders}
    assert len(scores) == 1
    assert scores == {model.probability(["bias-less", "small", "tiny"])}
