"""Choosing among overlapping matches: the longest first, then the leftmost, none overlapping."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def leftmost_longest(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Keep the longest matches (leftmost on ties) that overlap no kept match; in text order.

    O(n log n) in the number of matches: kept spans are disjoint, so one neighbour on each side
    of a candidate's position decides whether it overlaps any of them.
    """
    ordered = sorted(items, key=lambda item: _longest_leftmost(span(item)))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[T] = []
    for item in ordered:
        start, end = span(item)
        at = bisect_left(starts, start)
        if at < len(starts) and starts[at] < end:
            continue  # overlaps the next kept span
        if at > 0 and ends[at - 1] > start:
            continue  # overlaps the previous kept span
        starts.insert(at, start)
        ends.insert(at, end)
        kept.insert(at, item)
    return kept


def _longest_leftmost(span: tuple[int, int]) -> tuple[int, int]:
    """Sort key: longer spans first, then leftmost (the span is read once per item)."""
    start, end = span
    return start - end, start
