"""Records → clusters: best pairs first, each merge checked against the whole of both clusters.

Candidate pairs (from blocking) scoring at least `PAIR_THRESHOLD` are taken in descending order
of score, except that a pair which each two articles' best one-to-one pairing of records leaves
out (its records have other partners there) waits until the end (`_deferred`). Two clusters
merge only when no pair across them is impossible (another action, a far place or date, two
distinct happenings of one article) and their average pair score reaches `MERGE_THRESHOLD`:
a chain of pairwise links cannot join records that disagree (no chaining).
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
    """Score the new records against the index (and each other), then merge best pairs first:
    first the pairs of each two articles' best one-to-one assignment, then the others."""
    edges: list[tuple[float, str, str, int, int]] = []
    for position in sorted(new, key=lambda p: _processing_order(clustering.facts[p])):
        facts = clustering.facts[position]
        for other in index.candidates(facts):
            score = pair_score(facts, clustering.facts[other], clustering.actors)
            if score is not None and score >= PAIR_THRESHOLD:
                ids = sorted((facts.record_id, clustering.facts[other].record_id))
                edges.append((-score, ids[0], ids[1], position, other))
        index.add(position, facts)
    deferred = _deferred(edges, clustering.facts)
    ordered = sorted(edges, key=lambda e: (e in deferred, e))
    for _, _, _, a, b in ordered:
        clustering.try_merge(a, b)


Edge = tuple[float, str, str, int, int]  # (-score, record id, record id, position, position)


def _deferred(edges: Sequence[Edge], facts: Sequence[RecordFacts]) -> set[Edge]:
    """Edges to merge last: those outside their article pair's best one-to-one assignment
    (highest total score) whose two records the assignment gives other partners.

    Two records of one article are, as a rule, two happenings, so a record of one report
    matches at most one record of another. Greedy best-first merging can give a record to a
    slightly better partner and leave its true counterpart with none (two strikes a few km
    apart told by two reports); merging the assignment's pairs first avoids that. Pairs
    within one article, and article pairs too large to assign exactly, keep plain order."""
    groups: dict[tuple[str, str], list[Edge]] = {}
    for edge in edges:
        x, y = facts[edge[3]].article_id, facts[edge[4]].article_id
        groups.setdefault((min(x, y), max(x, y)), []).append(edge)
    deferred: set[Edge] = set()
    for (first, second), group in groups.items():
        if first == second or len(group) == 1:
            continue
        oriented = [(e, *_sides(e, facts, first)) for e in group]
        lefts = sorted({left for _, left, _ in oriented})
        rights = sorted({right for _, _, right in oriented})
        if min(len(lefts), len(rights)) > MAX_ASSIGNED:
            continue
        if len(rights) > len(lefts):
            oriented = [(e, right, left) for e, left, right in oriented]
            lefts, rights = rights, lefts
        best = set(_best_assignment(oriented, lefts, rights))
        taken = {position for edge in best for position in edge[3:]}
        deferred.update(e for e in group if e not in best and e[3] in taken and e[4] in taken)
    return deferred


MAX_ASSIGNED = 10  # the exact assignment is exponential in the smaller article's records


def _sides(edge: Edge, facts: Sequence[RecordFacts], first: str) -> tuple[int, int]:
    a, b = edge[3], edge[4]
    return (a, b) if facts[a].article_id == first else (b, a)


def _best_assignment(
    oriented: Sequence[tuple[Edge, int, int]], lefts: Sequence[int], rights: Sequence[int]
) -> list[Edge]:
    """Maximum-total one-to-one choice of edges, by dynamic programming over which of the
    (at most MAX_ASSIGNED) right-hand records are taken."""
    bit = {right: 1 << i for i, right in enumerate(rights)}
    by_left: dict[int, list[tuple[Edge, int]]] = {}
    for edge, left, right in oriented:
        by_left.setdefault(left, []).append((edge, bit[right]))
    best: dict[int, tuple[float, tuple[Edge, ...]]] = {0: (0.0, ())}
    for left in lefts:
        step = dict(best)
        for mask, (total, taken) in best.items():
            for edge, b in by_left.get(left, []):
                if mask & b:
                    continue
                candidate = (total - edge[0], (*taken, edge))
                current = step.get(mask | b)
                if current is None or candidate[0] > current[0]:
                    step[mask | b] = candidate
        best = step
    return list(max(best.values(), key=lambda v: v[0])[1])


def _processing_order(facts: RecordFacts) -> tuple[int, int, str]:
    # Anchored records first, in time order, so the buckets fill as time goes on; then the rest.
    anchor = facts.anchor
    return (0, anchor.toordinal(), facts.record_id) if anchor else (1, 0, facts.record_id)
