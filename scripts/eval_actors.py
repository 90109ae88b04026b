#!/usr/bin/env python3
"""Actor errors of matched records: gold actor1/actor2 vs predicted, with the evidence and the
train gold's actor texts, each error put in a class (issue 7, actors).

    python scripts/eval_actors.py [--gold ../shared/eval/dev/gold.jsonl] [--pred OUT.jsonl]
                                  [--role actor1|actor2] [--show CLASS]

Reads the gold and the scorer at run time only (nothing of /work/shared is copied). Without
`--pred` it runs the pipeline first (as scripts/eval_dev.py does). Classes:
  missing-alias    gold names an actor text, the catalog finds no alias in it, prediction wrong
  none-predicted   no actor predicted although gold has one
  swapped          predicted the gold's other role (victim vs attacker)
  time-split       same words, wrong side of 2024-12-08 (SYR_GOV vs SYR_TGOV)
  outside-evidence predicted actor's text not in the evidence (carried doer wrong)
  spurious         predicted an actor where gold has none
  wrong-actor      any other wrong actor
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from marsad.evaluate import load_scorer, scorer_beside
from marsad.knowledge.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"
TIME_SPLIT = {"SYR_GOV", "SYR_TGOV"}


def _scorer(gold: Path) -> ModuleType:
    return load_scorer(scorer_beside(gold))


def _classify(
    role: str,
    g: dict[str, Any],
    p: dict[str, Any],
    score: ModuleType,
    parents: dict[str, str],
    resources: Resources,
) -> str | None:
    gid, pid = score.actor_id(g.get(role)), score.actor_id(p.get(role))
    groot, proot = score.root(gid, parents), score.root(pid, parents)
    if groot == proot:
        return None
    if gid is None:
        return "spurious"
    other = "actor2" if role == "actor1" else "actor1"
    gtext = g.get(f"{role}_text")
    if gtext and not resources.actors.find(gtext):
        return "missing-alias"
    if pid is None:
        return "none-predicted"
    if proot == score.root(score.actor_id(g.get(other)), parents):
        return "swapped"
    if {groot, proot} <= TIME_SPLIT:
        return "time-split"
    evidence = g.get("evidence") or ""
    ptext = (p.get(role) or {}).get("text") or ""
    if evidence and ptext and ptext not in evidence:
        return "outside-evidence"
    return "wrong-actor"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--pred", type=Path)
    parser.add_argument("--role", default="actor1", choices=("actor1", "actor2"))
    parser.add_argument("--show", default="", help="print the cases of this class ('all')")
    parser.add_argument(
        "--by-action", action="store_true", help="root accuracy of the role per gold action"
    )
    args = parser.parse_args()
    pred = args.pred
    if pred is None:
        pred = Path("/tmp/marsad_actor_pred.jsonl")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "eval_dev.py"),
                "--gold",
                str(args.gold),
                "--out",
                str(pred),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    score = _scorer(args.gold)
    parents = score.load_parents(args.gold.resolve().parent.parent.parent / "spec" / "actors.tsv")
    resources = Resources()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for rec in score.read_jsonl(pred):
        by_article.setdefault(str(rec.get("article_id")), []).append(rec)
    classes: Counter[str] = Counter()
    judged = 0
    per_action: dict[str, list[int]] = {}
    for art in score.read_jsonl(args.gold):
        golds = art.get("events", [])
        preds = by_article.get(str(art.get("id")), [])
        for gi, pi in score.match(golds, preds, lambda g, p: g.get("action") == p.get("action")):
            g, p = golds[gi], preds[pi]
            kind = _classify(args.role, g, p, score, parents, resources)
            if g.get(args.role):
                judged += 1
                counts = per_action.setdefault(str(g.get("action")), [0, 0])
                counts[0] += int(kind is None)
                counts[1] += 1
            if kind is None:
                continue
            classes[kind] += 1
            if args.show in (kind, "all"):
                print(
                    f"[{kind}] {art['id']} {g.get('action')}  gold {g.get(args.role)} "
                    f"«{g.get(args.role + '_text') or ''}»  pred "
                    f"{(p.get(args.role) or {}).get('id')} «{(p.get(args.role) or {}).get('text')}»"
                    f"  (gold other {g.get('actor2' if args.role == 'actor1' else 'actor1')})"
                )
                print(
                    f"    trigger «{g.get('trigger') or ''}» pred «{p['trigger']['text']}»: "
                    f"{(g.get('evidence') or p['evidence']['text'])[:300]}"
                )
    if args.by_action:
        for action, (right, n) in sorted(per_action.items(), key=lambda kv: -kv[1][1]):
            print(f"  {action:22s} root right {right:3d} / {n:3d}")
    print(f"{args.role}: judged {judged}, wrong root by class: {dict(classes.most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
