#!/usr/bin/env python3
"""Linking cost at scale: time and peak memory of `link_claims` on synthetic records.

    python benchmarks/bench_link.py --sizes 10000 100000 1000000 [--timeout 3600]

Each size runs in its own process (so peak RSS is that size's). Records are synthetic but shaped
like the real ones: ~3 reports per happening from different outlets, four records per article,
~150 records a day (a larger archive covers a longer time, as a real one does), places over
fourteen governorates, 5% with no place, 5% in articles with no date at all, evidence wording
that shares a core between reports of one
happening. Reported: seconds to link, records per second, peak RSS, and the events found (the
generator knows the truth, so the pairwise F1 of the links is printed as a sanity check).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.model import (
    ActorRef,
    Article,
    Claim,
    DateInterval,
    DateRef,
    Place,
    PlaceRef,
    Span,
    content_id,
)

ADMIN1 = {
    "Aleppo": (36.2, 37.15),
    "Idleb": (35.93, 36.63),
    "Hama": (35.13, 36.75),
    "Homs": (34.73, 36.72),
    "Lattakia": (35.52, 35.79),
    "Tartous": (34.89, 35.89),
    "Damascus": (33.51, 36.29),
    "Rural Damascus": (33.57, 36.4),
    "Dar'a": (32.62, 36.1),
    "As-Sweida": (32.71, 36.57),
    "Quneitra": (33.13, 35.82),
    "Ar-Raqqa": (35.95, 39.01),
    "Deir-ez-Zor": (35.33, 40.14),
    "Al-Hasakeh": (36.5, 40.75),
}
ACTORS = [
    "SYR_GOV",
    "SYR_GOV_4DIV",
    "SDF",
    "SDF_ASAYISH",
    "ISIS",
    "OPPOSITION",
    "HTS",
    "TUR",
    "RUS",
    "CIV",
    "UNKNOWN_ARMED",
    "COALITION",
]
OUTLETS = [f"outlet-{i:02d}" for i in range(40)]
COMMON = [
    "قوات",
    "مدينة",
    "ريف",
    "قصف",
    "اشتباكات",
    "مقتل",
    "عناصر",
    "مصادر",
    "محلية",
    "أفادت",
    "الأهالي",
    "المنطقة",
    "حي",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "النظام",
    "الفصائل",
    "بلدة",
    "قرية",
    "محافظة",
]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
START = date(2000, 1, 1)
UNDATED_SHARE = 0.05  # articles with no publication date (their records have no time at all)
RECORDS_PER_DAY = 150  # a busy year of Syrian news: ~50 happenings a day, ~3 reports each


@dataclass(frozen=True)
class Happening:
    action: str
    actor1: str
    actor2: str
    place: Place
    day: date
    words: tuple[str, ...]


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))


def make_places(rng: random.Random, count: int = 700) -> list[Place]:
    places = []
    names = list(ADMIN1)
    for i in range(count):
        admin1 = names[i % len(names)]
        lat, lon = ADMIN1[admin1]
        lat, lon = lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4)
        places.append(
            Place(f"p{i}", f"Place {i}", f"مكان{i}", lat, lon, admin1, None, None, "SY", "town")
        )
    return places


def generate(
    size: int, undated_share: float = UNDATED_SHARE, seed: int = 7
) -> tuple[list[Claim], dict[str, Article], list[str]]:
    """Claims, their articles, and each claim's true happening (for a sanity F1)."""
    rng = random.Random(seed)
    places = make_places(rng)
    actions = [a for a, info in Resources().actions.items() if not info.verbal]
    days = max(365, size // RECORDS_PER_DAY)  # an archive grows with time, at a fixed density
    reports: list[tuple[Happening, int, date]] = []
    index = 0
    while len(reports) < size:
        happening = Happening(
            rng.choice(actions),
            rng.choice(ACTORS),
            rng.choice(ACTORS),
            rng.choice(places),
            START + timedelta(days=rng.randrange(days)),
            tuple(pseudo_word(rng) for _ in range(10)),
        )
        for _ in range(min(rng.choice((1, 2, 3, 3, 4, 5)), size - len(reports))):
            lag = timedelta(days=rng.choice((0, 0, 0, 1)))
            reports.append((happening, index, happening.day + lag))
        index += 1
    rng.shuffle(reports)
    return build(reports, rng, undated_share)


def build(
    reports: list[tuple[Happening, int, date]], rng: random.Random, undated_share: float
) -> tuple[list[Claim], dict[str, Article], list[str]]:
    claims, articles, truth = [], {}, []
    for start in range(0, len(reports), 4):
        group = reports[start : start + 4]
        sentences = [sentence(h, rng) for h, _, _ in group]
        text = ". ".join(sentences)
        undated = rng.random() < undated_share
        article_id = f"a{start // 4}"
        published = None if undated else max(d for _, _, d in group)
        articles[article_id] = Article(article_id, text, rng.choice(OUTLETS), None, published)
        offset = 0
        for (happening, index, reported), words in zip(group, sentences, strict=True):
            claims.append(
                record(article_id, text, offset, words, happening, reported, undated, rng)
            )
            truth.append(f"h{index}")
            offset += len(words) + 2
    return claims, articles, truth


def sentence(happening: Happening, rng: random.Random) -> str:
    core = list(happening.words[:7]) + rng.sample(COMMON, 5)
    rng.shuffle(core)
    return " ".join(core)


def record(
    article_id: str,
    text: str,
    offset: int,
    words: str,
    happening: Happening,
    reported: date,
    undated: bool,
    rng: random.Random,
) -> Claim:
    where = None if rng.random() < 0.05 else PlaceRef(happening.place, 1, None)
    when = None if undated else DateRef(DateInterval(reported, reported, 1), None)
    return Claim(
        id=content_id("r", article_id, offset),
        article_id=article_id,
        action=happening.action,
        status="occurred",
        actor1=ActorRef(happening.actor1, happening.actor1, None),
        actor2=ActorRef(happening.actor2, happening.actor2, None),
        location=where,
        date=when,
        fatalities=None,
        quantities=(),
        attributed_to=None,
        evidence=Span.of(text, offset, offset + len(words)),
        trigger=None,
        confidence=0.9,
        rule="synthetic",
    )


def pairwise_f1(claims: list[Claim], truth: list[str], sample: int = 20000) -> float:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(truth[:sample]):
        groups[key].append(i)
    by_event: dict[str | None, list[int]] = defaultdict(list)
    for i, c in enumerate(claims[:sample]):
        by_event[c.event_id].append(i)
    gold = {p for g in groups.values() for p in combinations(sorted(g), 2)}
    pred = {p for e, g in by_event.items() if e for p in combinations(sorted(g), 2)}
    tp = len(gold & pred)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run_one(size: int, undated_share: float = UNDATED_SHARE) -> dict[str, object]:
    started = time.perf_counter()
    claims, articles, truth = generate(size, undated_share)
    generated = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    resources = Resources()
    started = time.perf_counter()
    result = link_claims(claims, articles, resources)
    seconds = time.perf_counter() - started
    order = {c.id: i for i, c in enumerate(claims)}
    linked = sorted(result.claims, key=lambda c: order[c.id])
    return {
        "records": size,
        "articles": len(articles),
        "events": len(result.events),
        "stories": len(result.stories),
        "generate_s": round(generated, 1),
        "link_s": round(seconds, 1),
        "records_per_s": round(size / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_before_link_mb": round(rss_before),
        "pairwise_f1_sample": round(pairwise_f1(linked, truth), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--undated-share", type=float, default=UNDATED_SHARE, help="share of undated articles"
    )
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per size")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.undated_share)))
        return
    print(
        f"{'records':>9} {'articles':>8} {'events':>8} {'link s':>8} {'rec/s':>7} "
        f"{'peak MB':>8} {'F1':>6}"
    )
    undated = str(args.undated_share)
    for size in args.sizes:
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), "--undated-share", undated],
                check=True,
                capture_output=True,
                text=True,
                timeout=args.timeout,
            )
        except subprocess.TimeoutExpired:
            print(f"{size:>9} did not finish within {args.timeout:.0f} s")
            break
        row = json.loads(out.stdout)
        print(
            f"{row['records']:>9} {row['articles']:>8} {row['events']:>8} {row['link_s']:>8} "
            f"{row['records_per_s']:>7} {row['peak_rss_mb']:>8} "
            f"{row['pairwise_f1_sample']:>6}",
            flush=True,
        )


if __name__ == "__main__":
    main()
