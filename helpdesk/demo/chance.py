"""Dice for demo data: a fast ``random.Random`` and weighted picks."""

from __future__ import annotations

import random
from bisect import bisect_right


class Dice(random.Random):
    """``random.Random`` whose ``choice``, ``randrange`` and ``randint`` take one float each:
    several times faster than the exact ones, and even enough for demo data."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def _weighted(pairs) -> tuple[list, list[int]]:
    values, weights = zip(*pairs)
    total, cumulative = 0, []
    for w in weights:
        total += w
        cumulative.append(total)
    return list(values), cumulative


def _pick(rng: random.Random, table: tuple[list, list[int]]):
    """A value of ``table`` (from ``_weighted``) with the chance its weight gives: the first whose edge is past x."""
    values, cumulative = table
    return values[min(bisect_right(cumulative, rng.random() * cumulative[-1]), len(values) - 1)]
