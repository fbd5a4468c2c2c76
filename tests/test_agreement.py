"""Agreement figures for the 0-4 scale: n, median, IQR, Tastle–Wierman consensus, gaps."""

from __future__ import annotations

import math

import pytest

from workshop.domain.agreement import (
    DISAGREEMENT_BELOW,
    Shift,
    agreement,
    consensus,
    perception_gap,
)


def test_everyone_on_one_score_is_full_consensus() -> None:
    figures = agreement((0, 0, 0, 7, 0))
    assert (figures.n, figures.median, figures.iqr, figures.consensus) == (7, 3.0, 0.0, 1.0)
    assert not figures.disagreement
    assert figures.in_words() == "n 7 · median 3 · IQR 0 · consensus 1.00"


def test_an_even_split_between_the_ends_is_no_consensus() -> None:
    figures = agreement((3, 0, 0, 0, 3))
    assert figures.consensus == 0.0
    assert figures.median == 2.0
    assert figures.disagreement


def test_consensus_matches_the_formula_by_hand() -> None:
    # 1 and 3 in equal shares: mean 2, each vote 1/4 of the scale away -> 1 + log2(3/4)
    assert consensus((0, 2, 0, 2, 0)) == pytest.approx(1 + math.log2(0.75))
    # three neighbouring scores: two thirds of the room one step off the mean
    assert consensus((0, 1, 1, 1, 0)) == pytest.approx(1 + (2 / 3) * math.log2(0.75))


def test_one_outlier_in_a_room_that_agrees_is_not_a_disagreement() -> None:
    figures = agreement((0, 1, 0, 6, 0))
    assert figures.consensus is not None and figures.consensus > DISAGREEMENT_BELOW
    assert not figures.disagreement
    assert agreement((0, 2, 0, 2, 0)).disagreement


def test_quartiles_stay_inside_the_scores_given() -> None:
    figures = agreement((0, 1, 2, 3, 1))  # 1, 2, 2, 3, 3, 3, 4
    assert figures.median == 3.0
    assert (figures.lower_quartile, figures.upper_quartile) == (2.0, 3.0)
    assert figures.iqr == 1.0


def test_no_votes_and_one_vote() -> None:
    empty = agreement((0, 0, 0, 0, 0))
    assert (empty.n, empty.median, empty.iqr, empty.consensus) == (0, None, None, None)
    assert empty.in_words() == "no votes"
    assert not empty.disagreement
    single = agreement((0, 0, 1, 0, 0))
    assert (single.n, single.median, single.iqr, single.consensus) == (1, 2.0, 0.0, None)


def test_shift_between_rounds() -> None:
    shift = Shift(agreement((0, 2, 1, 2, 0)), agreement((0, 0, 1, 4, 0)))
    assert shift.median_change == 1.0
    assert shift.iqr_change is not None and shift.iqr_change < 0
    assert shift.in_words() == "median 2 → 3, IQR 2 → 0"


def test_perception_gap_needs_three_in_each_group_and_a_band_apart() -> None:
    gap = perception_gap((0, 0, 0, 2, 2), (0, 2, 1, 0, 0))
    assert gap is not None and gap.difference == pytest.approx(2.5)
    assert gap.in_words().startswith("Leadership rate it higher")
    assert perception_gap((0, 0, 0, 2, 2), (0, 2, 0, 0, 0)) is None  # two hands-on voters
    assert perception_gap((0, 0, 2, 2, 0), (0, 0, 3, 1, 0)) is None  # medians 2.5 and 2
