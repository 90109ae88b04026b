#!/usr/bin/env python3
"""Measure event linking directly on gold records: pairwise precision/recall/F1 of `event_id`
against the gold `key`s, as ../shared/eval/score.py's `link_score` counts it (cross-article pairs).

    python scripts/eval_linking.py [--gold ../shared/eval/dev/gold.jsonl] [--evidence MODE]
    python scripts/eval_linking.py --end-to-end [--gold ...] [--show-errors]

Claims are built from the gold records themselves (so extraction errors do not blur the measure).
Evidence wording, which linking also uses, comes from the gold `evidence` field where the gold file
has one (train); for files without it (dev), MODE `locate` takes the sentence of the article that
holds the record's place name and a word of its action (a stand-in for the extractor's evidence),
and MODE `none` links on the structured fields alone. Also checks the seed reports' three
acceptance cases and that the two seeds are not near-duplicates of each other.

With --end-to-end the records come from the real pipeline (`marsad.pipeline.analyze` on each
article, as `marsad eval` runs it); they are matched to gold records with the project scorer's own
`match` (../shared/eval/score.py, loaded at run time), and every cross-article pair of matched
records is judged as `link_score` judges it. --show-errors then lists each false merge (a
predicted event holding records of different gold keys) and each missed link with the fields
linking saw.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.evaluate import load_scorer, scorer_beside
from marsad.ingest import read_inputs
from marsad.knowledge.resources import Resources
from marsad.link import LinkResult, link_claims, near_duplicates
from marsad.link.actors import ActorTree, actor_tree
from marsad.link.facts import RecordFacts, facts_of, told_days, written_days
from marsad.link.linking import family_of
from marsad.link.scoring import pair_score, score_parts
from marsad.model import (
    ActorRef,
    Article,
    Attribution,
    Claim,
    DateInterval,
    DateRef,
    Place,
    PlaceRef,
    Quantity,
    Span,
    content_id,
)
from marsad.pipeline import analyze
from marsad.text.normalize import normalize_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"

# Words of an action, to find the sentence a dev record comes from (MODE locate only).
ACTION_WORDS = {
    "talks": "مفاوضات محادثات اجتماع مباحثات",
    "agreement": "اتفاق تفاهم هدنة تسوية",
    "siege_imposed": "حصار يطوق تطوق طوق",
    "siege_lifted": "فك رفع كسر",
    "blockade_goods": "منع منعت",
    "aid_delivery": "ادخال دخول وصلت وصول قافلة",
    "restrictions_eased": "فتح خفض تخفيف",
    "seizure": "سيطر استولى استيلاء",
    "handover": "سلم تسليم",
    "withdrawal": "انسحب انسحاب خروج",
    "territory_taken": "سيطر تقدم استعاد انتزع",
    "armed_clash": "اشتباك معارك مواجهات",
    "air_strike": "غارة غارات طائرات",
    "shelling": "قصف قذائف صواريخ",
    "explosion": "انفجار عبوة لغم مفخخ",
    "killing": "مقتل قتل قتلى",
    "chemical_attack": "كيماوي سامة كلور",
    "mobilization": "تعزيزات انتشار نشر",
    "displacement": "نزوح تهجير خروج",
}


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def article_of(row: dict[str, object]) -> Article:
    published = row.get("published")
    return Article(
        id=str(row["id"]),
        text=str(row["text"]),
        outlet=str(row["outlet"]) if row.get("outlet") else None,
        published=date.fromisoformat(str(published)[:10]) if published else None,
    )


def sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"[.\n؟!]+", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def evidence_of(record: dict[str, object], article: Article, mode: str) -> Span:
    given = record.get("evidence")
    if isinstance(given, str) and given in article.text:
        start = article.text.find(given)
        return Span.of(article.text, start, start + len(given))
    if mode != "locate":
        return Span(0, 0, "")
    location = record.get("location") or {}
    place = normalize_key(str(location.get("name_ar") or "")) if isinstance(location, dict) else ""
    words = [normalize_key(w) for w in ACTION_WORDS.get(str(record["action"]), "").split()]
    best: tuple[int, int, int] | None = None  # (distance from place to action word, start, end)
    for start, end in sentences(article.text):
        key = normalize_key(article.text[start:end])
        at_place = [m.start() for m in re.finditer(re.escape(place), key)] if place else [0]
        at_word = [m.start() for w in words for m in re.finditer(re.escape(w), key)]
        if not at_place or not at_word:
            continue
        distance = min(abs(p - w) for p in at_place for w in at_word)
        if best is None or distance < best[0]:
            best = (distance, start, end)
    return Span(0, 0, "") if best is None else Span.of(article.text, best[1], best[2])


def place_of(value: object) -> PlaceRef | None:
    if not isinstance(value, dict) or value.get("lat") is None:
        return None
    name = str(value.get("name"))
    precision = int(value.get("geo_precision") or (3 if "governorate" in name else 1))
    place = Place(
        gazetteer_id=name,
        name=name,
        name_ar=str(value.get("name_ar") or ""),
        lat=float(value["lat"]),
        lon=float(value["lon"]),
        admin1=value.get("admin1"),
        admin2=None,
        admin3=None,
        country="SY",
        kind="place",
    )
    return PlaceRef(place, precision, None)


def claim_of(index: int, record: dict[str, object], article: Article, mode: str) -> Claim:
    def actor(key: str) -> ActorRef | None:
        value = record.get(key)
        return ActorRef(str(value), str(value), None) if value else None

    interval = record.get("date")
    when = None
    if isinstance(interval, dict) and interval.get("start"):
        when = DateRef(
            DateInterval(
                date.fromisoformat(interval["start"]),
                date.fromisoformat(interval.get("end") or interval["start"]),
                int(interval.get("precision") or 1),
            ),
            None,
        )
    attributed = record.get("attributed_to")
    return Claim(
        id=content_id("r", article.id, index),
        article_id=article.id,
        action=str(record["action"]),
        status=str(record.get("status") or "occurred"),
        actor1=actor("actor1"),
        actor2=actor("actor2"),
        location=place_of(record.get("location")),
        date=when,
        fatalities=record.get("fatalities"),  # type: ignore[arg-type]
        quantities=tuple(
            Quantity(float(q["value"]), q["unit"], q.get("item"), q.get("qualifier"), None)
            for q in record.get("quantities") or []  # type: ignore[attr-defined]
        ),
        attributed_to=Attribution(str(attributed), "outlet", None) if attributed else None,
        evidence=evidence_of(record, article, mode),
        trigger=None,
        confidence=1.0,
        rule="gold",
    )


def link_score(
    rows: list[tuple[str, str, str | None, bool]], *, required_only: bool
) -> dict[str, float]:
    tp = fp = fn = 0
    kept = [r for r in rows if not (required_only and r[3])]
    for (a1, k1, e1, _), (a2, k2, e2, _) in combinations(kept, 2):
        if a1 == a2:
            continue
        same_gold, same_pred = k1 == k2, e1 is not None and e1 == e2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def seed_checks(result: LinkResult, keys: dict[str, tuple[str, str]]) -> list[str]:
    """The issue's three acceptance cases on the two seed reports."""
    events = {e.id: e for e in result.events}
    by_key: dict[str, set[str]] = {}
    for claim in result.claims:
        if claim.id not in keys:
            continue  # end to end: a record the scorer matched to no gold record
        article_id, key = keys[claim.id]
        if article_id.startswith("seed-") and claim.event_id:
            by_key.setdefault(key, set()).add(claim.event_id)
    lines = []

    def fields(key: str) -> str:
        ids = by_key.get(key, set())
        return "; ".join(
            f"{e} records={len(events[e].record_ids)} disputes="
            + ",".join(d.field for d in events[e].disputes)
            for e in sorted(ids)
        )

    talks = by_key.get("talks_12_13", set())
    lines.append(f"talks_12_13 one event: {len(talks) == 1}  [{fields('talks_12_13')}]")
    seize = by_key.get("asayish_seize_buildings_qamishli", set())
    seize_fields = fields("asayish_seize_buildings_qamishli")
    lines.append(f"seizure Qamishli one event: {len(seize) == 1}  [{seize_fields}]")
    sieges = [
        "lift_siege_sheikh_maqsoud",
        "lift_sdf_siege_hasakah",
        "lift_sdf_siege_qamishli",
        "siege_sheikh_maqsoud",
        "sdf_siege_qamishli",
        "sdf_siege_hasakah",
    ]
    ids = [by_key.get(k, set()) for k in sieges]
    apart = all(not (a & b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    lines.append(f"sieges (46 vs >20 days) kept apart: {apart}")
    for key in ("lift_siege_sheikh_maqsoud", "lift_sdf_siege_hasakah"):
        lines.append(f"  {key}: [{fields(key)}]")
    for story in result.stories:
        if any(e in story.event_ids for ids_ in by_key.values() for e in ids_):
            lines.append(f"story: {story.title} ({len(story.event_ids)} events)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--evidence", choices=("locate", "none"), default="locate")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--end-to-end", action="store_true", help="link the pipeline's records")
    args = parser.parse_args()
    if not args.gold.exists():
        sys.exit(f"no gold file at {args.gold}")
    if args.end_to_end:
        end_to_end(args.gold, show_errors=args.show_errors)
        return
    rows = read_jsonl(args.gold)
    articles = {a.id: a for a in map(article_of, rows)}
    claims, keys, optional = [], {}, {}
    for row in rows:
        article = articles[str(row["id"])]
        for index, record in enumerate(row.get("events") or []):  # type: ignore[arg-type]
            claim = claim_of(index, record, article, args.evidence)
            claims.append(claim)
            keys[claim.id] = (article.id, str(record.get("key")))
            optional[claim.id] = bool(record.get("optional"))
    result = link_claims(claims, articles, Resources())
    linked = [(keys[c.id][0], keys[c.id][1], c.event_id, optional[c.id]) for c in result.claims]
    for label, required_only in (("all records", False), ("required only", True)):
        s = link_score(linked, required_only=required_only)
        print(
            f"linking F1 ({label}): P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
            f"  (tp {s['tp']} fp {s['fp']} fn {s['fn']})"
        )
    print(f"events {len(result.events)}  stories {len(result.stories)}  records {len(claims)}")
    if args.show_errors:
        show_errors(linked, claims)
    seeds = [articles[i] for i in ("seed-000", "seed-001") if i in articles]
    if len(seeds) == 2:
        print(f"seeds near-duplicates of each other: {bool(near_duplicates(seeds))}")
        for line in seed_checks(result, keys):
            print(line)


def show_errors(linked: list[tuple[str, str, str | None, bool]], claims: list[Claim]) -> None:
    by_id = {c.id: c for c in claims}
    del by_id
    for (a1, k1, e1, _), (a2, k2, e2, _) in combinations(linked, 2):
        if a1 == a2:
            continue
        if (k1 == k2) != (e1 is not None and e1 == e2):
            kind = "MISSED" if k1 == k2 else "WRONG"
            print(f"  {kind} {a1}:{k1} ~ {a2}:{k2}")


def end_to_end(gold_path: Path, *, show_errors: bool) -> None:
    """Extract with the real pipeline, link, and judge links among records matched to gold."""
    score = load_scorer(scorer_beside(gold_path))
    resources = Resources()
    articles = [a for a in read_inputs([gold_path]) if isinstance(a, Article)]
    claims = [c for a in articles for c in analyze(a, resources).claims]
    result = link_claims(claims, {a.id: a for a in articles}, resources)
    # The store keeps each record's own date (not one inherited from its event), and `marsad eval`
    # scores what the store exports: so do the same here.
    own_date = {c.id: c.date for c in claims}
    by_article: dict[str, list[Claim]] = {}
    for claim in result.claims:
        own = replace(claim, date=own_date[claim.id])
        by_article.setdefault(claim.article_id, []).append(own)
    # (article, gold key, event id, gold record, predicted claim) per matched pair
    matched: list[tuple[str, str, str | None, dict[str, Any], Claim]] = []
    for row in read_jsonl(gold_path):
        aid = str(row["id"])
        golds: list[dict[str, Any]] = row.get("events") or []  # type: ignore[assignment]
        preds = by_article.get(aid, [])
        verbal = {g["action"] for g in golds if g["action"] in score.VERBAL}
        preds = [p for p in preds if p.action not in score.VERBAL or p.action in verbal]
        records = [p.to_json() for p in preds]
        for gi, pi in score.match(golds, records, lambda g, p: g["action"] == p["action"]):
            if golds[gi].get("key") is not None:
                matched.append(
                    (aid, str(golds[gi]["key"]), preds[pi].event_id, golds[gi], preds[pi])
                )
    s = score.link_score([(a, k, e) for a, k, e, _, _ in matched])
    print(
        f"end-to-end linking: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
        f"  (tp {s['tp']} fp {s['fp']} fn {s['fn']})  matched records {len(matched)}"
        f"  predicted records {len(claims)}  events {len(result.events)}"
    )
    keys = {claim.id: (aid, key) for aid, key, _, _, claim in matched}
    for line in seed_checks(result, keys):
        print(line)
    if show_errors:
        show_end_to_end_errors(matched, result, {a.id: a for a in articles}, resources)


def describe(claim: Claim) -> str:
    place = claim.location.place.name if claim.location else None
    when = claim.date.interval if claim.date else None
    span = f"{when.start}..{when.end}/p{when.precision}" if when else "undated"
    actors = "/".join(a.id if a else "-" for a in (claim.actor1, claim.actor2))
    source = claim.attributed_to.name if claim.attributed_to else ""
    return f"{claim.article_id} {claim.action}[{claim.status}] @{place} {span} {actors} {source}"


def explain(a: Claim, b: Claim, facts: dict[str, RecordFacts], actors: ActorTree) -> str:
    parts = score_parts(facts[a.id], facts[b.id], actors)
    total = pair_score(facts[a.id], facts[b.id], actors)
    fields = " ".join(
        f"{name}={'VETO' if value is None else f'{value:+.2f}'}"
        for name, value in parts.items()
        if value != 0.0
    )
    return f"score={'None' if total is None else f'{total:.2f}'} ({fields})"


def show_end_to_end_errors(
    matched: list[tuple[str, str, str | None, dict[str, Any], Claim]],
    result: LinkResult,
    articles: dict[str, Article],
    resources: Resources,
) -> None:
    keys_of_event: dict[str, set[str]] = {}
    for _, key, event_id, _, _ in matched:
        if event_id:
            keys_of_event.setdefault(event_id, set()).add(key)
    matched_ids = {c.id: key for _, key, _, _, c in matched}
    claims = [c for _, _, _, _, c in matched]
    written = written_days(result.claims, articles)
    told = told_days(result.claims, articles)
    facts = {
        c.id: facts_of(
            c,
            articles.get(c.article_id),
            family_of(c.action, resources),
            written.get(c.article_id),
            told.get(c.id),
        )
        for c in claims
    }
    actors = actor_tree(resources).with_known(
        i for f in facts.values() for i in (f.actor1, f.actor2)
    )
    print("FALSE merges (events holding matched records of several gold keys):")
    for event_id, keys in sorted(keys_of_event.items()):
        if len(keys) < 2:
            continue
        print(f" event {event_id}")
        for claim in result.claims:
            if claim.event_id == event_id:
                print(f"   key={matched_ids.get(claim.id, '(unmatched)')}  {describe(claim)}")
    print("MISSED links (one gold key, two events), with the pair's score by field:")
    for (a1, k1, e1, _, c1), (a2, k2, e2, _, c2) in combinations(matched, 2):
        if a1 != a2 and k1 == k2 and not (e1 is not None and e1 == e2):
            print(f" key={k1}  {explain(c1, c2, facts, actors)}")
            print(f"   {describe(c1)}\n   {describe(c2)}")


if __name__ == "__main__":
    main()
