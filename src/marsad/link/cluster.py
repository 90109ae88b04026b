"""Records → clusters: best pairs first, each merge checked against the whole of both clusters.

Candidate pairs (from blocking) scoring at least `PAIR_THRESHOLD` are taken in descending order
of score. Two clusters merge only when no pair across them is impossible (another action, a far
place or date, two distinct happenings of one article) and their average pair score reaches
`MERGE_THRESHOLD`: a chain of pairwise links cannot join records that disagree (no chaining).
Clusters that existed before an incremental run are never merged with each other, so existing
event ids stay put; new records join them or form new clusters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.link.actors import ActorTree
from marsad.link.blocking import BlockIndex
from marsad.link.facts import RecordFacts
from marsad.link.scoring import PAIR_THRESHOLD, pair_score

# Average pair score of a merged cluster; a little under the pair bar. Lower bars link more of
# the extracted records end to end (0.8: dev 0.520 -> 0.538, train 0.598 -> 0.612) but chain
# happenings of busy days at scale (benchmarks/bench_link.py, 100k records: F1 0.970 -> 0.957).
MERGE_THRESHOLD = 1.2
MAX_CROSS_PAIRS = 400  # larger merges are judged on the first 20 members of each side


@dataclass(slots=True)
class Clustering:
    facts: list[RecordFacts]
    actors: ActorTree
    parent: list[int] = field(default_factory=list)
    members: dict[int, list[int]] = field(default_factory=dict)
    locked: set[int] = field(default_factory=set)  # roots of clusters from an earlier run

    def add_record(self, facts: RecordFacts) -> int:
        position = len(self.facts)
        self.facts.append(facts)
        self.parent.append(position)
        self.members[position] = [position]
        return position

    def add_existing(self, group: Sequence[RecordFacts]) -> list[int]:
        positions = [self.add_record(f) for f in group]
        for position in positions[1:]:
            self._join(positions[0], position)
        if positions:
            self.locked.add(self.find(positions[0]))
        return positions

    def find(self, position: int) -> int:
        while self.parent[position] != position:
            self.parent[position] = self.parent[self.parent[position]]
            position = self.parent[position]
        return position

    def try_merge(self, a: int, b: int) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if root_a in self.locked and root_b in self.locked:
            return False
        if not self._compatible(self.members[root_a], self.members[root_b]):
            return False
        self._join(root_a, root_b)
        return True

    def clusters(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]

    def _join(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        keep, drop = (root_a, root_b) if root_a < root_b else (root_b, root_a)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))
        if drop in self.locked:
            self.locked.discard(drop)
            self.locked.add(keep)

    def _compatible(self, left: list[int], right: list[int]) -> bool:
        if len(left) * len(right) > MAX_CROSS_PAIRS:
            if not self._articles_compatible(left, right):
                return False  # checked in full: one article's happenings never merge
            left, right = left[:20], right[:20]
        total = 0.0
        for x in left:
            for y in right:
                score = pair_score(self.facts[x], self.facts[y], self.actors)
                if score is None:
                    return False
                total += score
        return total / (len(left) * len(right)) >= MERGE_THRESHOLD

    def _articles_compatible(self, left: list[int], right: list[int]) -> bool:
        """Every pair of records of one article across the two clusters may be one happening."""
        by_article: dict[str, list[int]] = {}
        for position in left:
            by_article.setdefault(self.facts[position].article_id, []).append(position)
        for y in right:
            for x in by_article.get(self.facts[y].article_id, []):
                if pair_score(self.facts[x], self.facts[y], self.actors) is None:
                    return False
        return True


def link_records(clustering: Clustering, new: Sequence[int], index: BlockIndex) -> None:
    """Score the new records against the index (and each other), then merge best pairs first."""
    edges: list[tuple[float, str, str, int, int]] = []
    for position in sorted(new, key=lambda p: _processing_order(clustering.facts[p])):
        facts = clustering.facts[position]
        for other in index.candidates(facts):
            score = pair_score(facts, clustering.facts[other], clustering.actors)
            if score is not None and score >= PAIR_THRESHOLD:
                ids = sorted((facts.record_id, clustering.facts[other].record_id))
                edges.append((-score, ids[0], ids[1], position, other))
        index.add(position, facts)
    edges.sort()
    for _, _, _, a, b in edges:
        clustering.try_merge(a, b)


def _processing_order(facts: RecordFacts) -> tuple[int, int, str]:
    # Anchored records first, in time order, so the buckets fill as time goes on; then the rest.
    anchor = facts.anchor
    return (0, anchor.toordinal(), facts.record_id) if anchor else (1, 0, facts.record_id)
