"""How far the room agrees on one statement: figures a facilitator can read out.

A rating of 0-4 is ordinal: the distance between "1" and "2" is not known to equal the one
between "3" and "4", and rooms are small (five to fifteen people). So the summary is the
median and the interquartile range (not mean and standard deviation), and the consensus is
the Tastle–Wierman measure, built for ordinal scales:

    Cns = 1 + Σ p_i · log2(1 − |X_i − μ| / d)

with ``p_i`` the share of votes on score ``X_i``, ``μ`` the mean and ``d`` the width of the
scale (4). It is 1 when everyone gave the same score and 0 when the room splits evenly
between the two ends; one outlier in a room that otherwise agrees lowers it only a little,
which is what a facilitator means by "the room agrees".

The same figures apply to a show of hands typed in by the facilitator and to phone votes:
both end up as ``Rating.counts``. Nothing here is stored; everything is computed from counts.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from workshop.domain.session import SCORES

SCALE_WIDTH = SCORES[-1] - SCORES[0]
# Below this consensus the room disagrees: an even split between two scores two points
# apart (say 1 and 3) gives 0.58, three neighbouring scores in equal shares give 0.72.
DISAGREEMENT_BELOW = 0.6
# Fewer voters than this say nothing about agreement.
MIN_VOTERS = 2
# Perception gap: each group needs at least this many voters, and medians this far apart
# (one band of the 0-4 scale), before the result says the two groups see it differently.
GAP_MIN_GROUP = 3
GAP_MIN_DIFFERENCE = 1.0

AGREEMENT_RULE = (
    "Agreement is read from the median and the interquartile range (the middle half of the "
    "votes) and the Tastle–Wierman consensus: 1 when everyone gave the same score, 0 when the "
    f"room splits between the two ends. Below {DISAGREEMENT_BELOW:g} the room disagrees."
)


@dataclass(frozen=True)
class Agreement:
    """The agreement figures of one set of votes on the 0-4 scale."""

    counts: tuple[int, ...]
    n: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    consensus: float | None  # 0..1; None with fewer than MIN_VOTERS votes

    @property
    def iqr(self) -> float | None:
        if self.lower_quartile is None or self.upper_quartile is None:
            return None
        return self.upper_quartile - self.lower_quartile

    @property
    def disagreement(self) -> bool:
        return self.consensus is not None and self.consensus < DISAGREEMENT_BELOW

    def in_words(self) -> str:
        """ "n 7 · median 3 · IQR 1 · consensus 0.78", or "no votes"."""
        if self.n == 0 or self.median is None:
            return "no votes"
        parts = [f"n {self.n}", f"median {number(self.median)}"]
        if self.iqr is not None:
            parts.append(f"IQR {number(self.iqr)}")
        if self.consensus is not None:
            parts.append(f"consensus {self.consensus:.2f}")
        return " · ".join(parts)


def number(value: float) -> str:
    """2.0 -> "2", 2.5 -> "2.5": figures read out to people."""
    return f"{round(value, 2):g}"


def _expand(counts: Sequence[int]) -> list[int]:
    return [score for score, n in zip(SCORES, counts, strict=False) for _ in range(max(0, n))]


def consensus(counts: Sequence[int]) -> float | None:
    """Tastle–Wierman consensus of ``counts`` (votes per score 0..4); None under MIN_VOTERS."""
    n = sum(counts)
    if n < MIN_VOTERS:
        return None
    mean = sum(score * c for score, c in zip(SCORES, counts, strict=False)) / n
    total = 0.0
    for score, c in zip(SCORES, counts, strict=False):
        if c <= 0:
            continue  # a score nobody gave contributes nothing (and log2(0) never arises)
        total += (c / n) * math.log2(1 - abs(score - mean) / SCALE_WIDTH)
    return max(0.0, min(1.0, 1 + total))


def agreement(counts: Sequence[int]) -> Agreement:
    """n, median, quartiles and consensus of votes given as counts per score 0..4."""
    votes = _expand(counts)
    n = len(votes)
    if n == 0:
        return Agreement(tuple(counts), 0, None, None, None, None)
    median = float(statistics.median(votes))
    if n >= 2:
        # The "inclusive" quartiles interpolate between the votes themselves, so the IQR of
        # scores that all sit on 3 is 0 and never reaches outside the scores given.
        q1, _, q3 = statistics.quantiles(votes, n=4, method="inclusive")
    else:
        q1 = q3 = median
    return Agreement(tuple(counts), n, median, float(q1), float(q3), consensus(counts))


@dataclass(frozen=True)
class Shift:
    """How the room moved between two silent rounds on one statement (the Delphi pattern)."""

    before: Agreement
    after: Agreement

    @property
    def median_change(self) -> float | None:
        if self.before.median is None or self.after.median is None:
            return None
        return self.after.median - self.before.median

    @property
    def iqr_change(self) -> float | None:
        if self.before.iqr is None or self.after.iqr is None:
            return None
        return self.after.iqr - self.before.iqr

    def in_words(self) -> str:
        """ "median 2 → 3, IQR 2 → 1"."""
        b, a = self.before, self.after
        if b.median is None or a.median is None:
            return "no comparison"
        text = f"median {number(b.median)} → {number(a.median)}"
        if b.iqr is not None and a.iqr is not None:
            text += f", IQR {number(b.iqr)} → {number(a.iqr)}"
        return text


@dataclass(frozen=True)
class PerceptionGap:
    """Leadership and hands-on people see a statement differently (by a band or more)."""

    leadership: Agreement
    hands_on: Agreement

    @property
    def difference(self) -> float:
        assert self.leadership.median is not None and self.hands_on.median is not None
        return self.leadership.median - self.hands_on.median

    def in_words(self) -> str:
        lead, hands = self.leadership.median, self.hands_on.median
        assert lead is not None and hands is not None
        higher = "Leadership" if lead > hands else "Hands-on people"
        return (
            f"{higher} rate it higher: leadership median {number(lead)}, "
            f"hands-on median {number(hands)}"
        )


def perception_gap(
    leadership_counts: Sequence[int], hands_on_counts: Sequence[int]
) -> PerceptionGap | None:
    """The gap between the two groups, or None when either group is too small or they agree."""
    lead, hands = agreement(leadership_counts), agreement(hands_on_counts)
    if lead.n < GAP_MIN_GROUP or hands.n < GAP_MIN_GROUP:
        return None
    assert lead.median is not None and hands.median is not None
    if abs(lead.median - hands.median) < GAP_MIN_DIFFERENCE:
        return None
    return PerceptionGap(lead, hands)


__all__ = [
    "AGREEMENT_RULE",
    "DISAGREEMENT_BELOW",
    "Agreement",
    "PerceptionGap",
    "Shift",
    "agreement",
    "consensus",
    "number",
    "perception_gap",
]
