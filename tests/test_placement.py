"""Stage placement from the maturity check, on hand-made content with known answers."""

from __future__ import annotations

import math

import pytest
from framework_factory import DIMENSION_IDS, STAGE_IDS, make_framework, statement

from workshop.domain.placement import (
    REACHED_THRESHOLD,
    SOURCE_COUNTS,
    SOURCE_ROOM,
    SOURCE_UNRATED,
    place,
)
from workshop.domain.session import Rating, Session


def session_with(
    scores: dict[str, int] | None = None,
    counts: dict[str, tuple[int, int, int, int, int]] | None = None,
    statement_set: str = "core",
) -> Session:
    ratings = [Rating(id=k, score=v) for k, v in (scores or {}).items()]
    ratings += [Rating(id=k, counts=v) for k, v in (counts or {}).items()]
    return Session(ratings=ratings, statement_set=statement_set)


def whole_stage(stage_id: str, score: int) -> dict[str, int]:
    return {f"{stage_id}.{d}": score for d in DIMENSION_IDS}


def test_empty_session_works_on_the_first_stage_with_everything_flagged() -> None:
    placement = place(make_framework(), Session())

    assert placement.working_on == "getting_started"
    assert placement.reached == ()
    assert not placement.rated_any
    assert all(s.source == SOURCE_UNRATED and s.score is None for s in placement.statements)
    # One flag per stage (not one per dimension) when nothing at all is rated.
    assert [(f.stage, f.dimension) for f in placement.thin_coverage] == [(s, "") for s in STAGE_IDS]
    assert "Getting Started: no statement rated yet." in placement.thin_coverage[0].message
    # What is missing: every statement of the first stage, not rated yet, in content order.
    assert [g.statement_id for g in placement.gaps] == [
        f"getting_started.{d}" for d in DIMENSION_IDS
    ]
    assert all(g.score is None and g.shortfall == REACHED_THRESHOLD for g in placement.gaps)
    assert [d.score for d in placement.chart] == [None] * 4


def test_counts_win_over_the_room_score() -> None:
    placement = place(
        make_framework(),
        Session(
            ratings=[
                Rating(id="getting_started.product", score=1, counts=(0, 0, 2, 3, 0)),
                Rating(id="getting_started.process", score=3),
            ]
        ),
    )
    by_id = {s.statement_id: s for s in placement.statements}
    voted = by_id["getting_started.product"]
    assert voted.source == SOURCE_COUNTS
    assert voted.score == pytest.approx((2 * 2 + 3 * 3) / 5)  # 2.6, not the room's 1
    assert voted.votes == 5
    assert voted.spread == 1 and not voted.disagreement
    room = by_id["getting_started.process"]
    assert room.source == SOURCE_ROOM and room.score == 3.0
    assert room.spread is None and room.std_dev is None and not room.disagreement


def test_spread_and_disagreement_from_the_show_of_hands() -> None:
    placement = place(
        make_framework(),
        session_with(
            counts={
                "getting_started.product": (1, 0, 0, 1, 0),  # 0 and 3: spread 3
                "getting_started.process": (0, 1, 0, 1, 0),  # 1 and 3: spread 2, the boundary
                "getting_started.technical": (0, 0, 4, 1, 0),  # 2 and 3: spread 1
                "exploring.product": (0, 0, 0, 0, 6),  # unanimous
            }
        ),
    )
    by_id = {s.statement_id: s for s in placement.statements}
    assert by_id["getting_started.product"].spread == 3
    assert by_id["getting_started.product"].std_dev == pytest.approx(1.5)
    assert by_id["getting_started.process"].spread == 2
    assert by_id["getting_started.technical"].std_dev == pytest.approx(math.sqrt(0.16))
    assert by_id["exploring.product"].spread == 0
    # Widest spread first; the boundary (2 points apart) counts as a disagreement.
    assert [s.statement_id for s in placement.disagreements] == [
        "getting_started.product",
        "getting_started.process",
    ]
    assert "2 or more points apart" in placement.disagreement_rule


def test_a_stage_is_reached_when_every_dimension_meets_the_threshold() -> None:
    scores = whole_stage("getting_started", 3) | whole_stage("exploring", 3)
    scores["exploring.technical"] = 2
    placement = place(make_framework(), session_with(scores))

    assert placement.reached == ("getting_started",)
    assert placement.working_on == "exploring"
    assert placement.stage_score("getting_started").reached
    assert not placement.stage_score("exploring").reached
    assert placement.stage_score("exploring").score == pytest.approx((3 + 3 + 2 + 3) / 4)
    assert [(g.statement_id, g.shortfall) for g in placement.gaps] == [
        ("exploring.technical", pytest.approx(0.5))
    ]
    gap = placement.gaps[0]
    assert gap.action == "Do exploring.technical"
    assert gap.dimension_name == "Technical"
    assert [d.score for d in placement.chart] == [3.0, 3.0, 2.0, 3.0]
    assert "2.5 out of 4" in placement.rule and "Getting Started" in placement.rule


def test_exactly_the_threshold_counts_as_met() -> None:
    counts = {f"getting_started.{d}": (0, 0, 1, 1, 0) for d in DIMENSION_IDS}  # mean 2.5
    placement = place(make_framework(), session_with(counts=counts))
    assert placement.reached == ("getting_started",)
    assert placement.working_on == "exploring"


def test_a_later_stage_does_not_count_while_an_earlier_one_is_not_reached() -> None:
    scores = whole_stage("getting_started", 4) | whole_stage("building", 4)
    placement = place(make_framework(), session_with(scores))
    assert placement.reached == ("getting_started",)
    assert placement.working_on == "exploring"
    assert not placement.stage_score("building").reached
    assert placement.stage_score("building").score == 4.0


def test_an_unrated_dimension_keeps_a_stage_from_being_reached() -> None:
    scores = whole_stage("getting_started", 4)
    del scores["getting_started.organisational"]
    placement = place(make_framework(), session_with(scores))
    assert placement.reached == ()
    assert placement.working_on == "getting_started"
    assert [g.statement_id for g in placement.gaps] == ["getting_started.organisational"]
    assert ("getting_started", "organisational") in {
        (f.stage, f.dimension) for f in placement.thin_coverage
    }


def test_all_stages_reached_keeps_working_on_the_last() -> None:
    scores: dict[str, int] = {}
    for stage_id in STAGE_IDS:
        scores |= whole_stage(stage_id, 3)
    placement = place(make_framework(), session_with(scores))
    assert placement.reached == STAGE_IDS
    assert placement.all_reached
    assert placement.working_on == "advanced"
    assert placement.gaps == ()
    assert placement.thin_coverage == ()


def test_the_extended_set_counts_only_on_a_full_day_and_retired_never() -> None:
    statements = (
        *(statement(f"gs.{d}", "getting_started", d) for d in DIMENSION_IDS),
        statement("gs.product.extra", "getting_started", "product", core=False),
        statement("gs.process.old", "getting_started", "process", retired=True),
    )
    framework = make_framework(statements=statements)
    scores = {f"gs.{d}": 3 for d in DIMENSION_IDS} | {"gs.product.extra": 0, "gs.process.old": 0}

    core = place(framework, session_with(scores, statement_set="core"))
    assert core.statement_set == "core"
    assert core.reached == ("getting_started",)
    assert "gs.product.extra" not in {s.statement_id for s in core.statements}

    full_day = place(framework, session_with(scores, statement_set="extended"))
    assert full_day.cell("getting_started", "product").score == pytest.approx(1.5)
    assert full_day.cell("getting_started", "process").total == 1  # the retired one is gone
    assert full_day.reached == ()
    assert [g.statement_id for g in full_day.gaps] == ["gs.product.extra"]


def test_thin_coverage_per_stage_and_per_cell() -> None:
    statements = tuple(
        statement(f"gs.{d}.{i}", "getting_started", d) for d in DIMENSION_IDS for i in (1, 2)
    )
    framework = make_framework(statements=statements)
    placement = place(
        framework, session_with({"gs.product.1": 3, "gs.product.2": 3, "gs.process.1": 2})
    )

    stage = placement.stage_score("getting_started")
    assert (stage.rated, stage.total) == (3, 8)
    assert stage.coverage == pytest.approx(3 / 8)
    assert placement.cell("getting_started", "process").coverage == pytest.approx(0.5)
    messages = [f.message for f in placement.thin_coverage]
    assert messages == [
        "Getting Started: only 3 of 8 statements rated.",
        "Getting Started / Technical: no statement rated.",
        "Getting Started / Organisational: no statement rated.",
    ]
    # Stages without any statement in the set are not flagged: nothing to rate there.
    assert {f.stage for f in placement.thin_coverage} == {"getting_started"}


def test_gaps_furthest_below_first_then_content_order_then_unrated() -> None:
    statements = (
        statement("a", "getting_started", "product"),
        statement("b", "getting_started", "product"),
        statement("c", "getting_started", "process"),
        statement("d", "getting_started", "technical"),
        statement("e", "getting_started", "organisational"),
        statement("f", "getting_started", "organisational"),
    )
    placement = place(
        make_framework(statements=statements),
        session_with({"a": 2, "b": 0, "c": 2, "e": 4}, counts={"f": (0, 1, 1, 0, 0)}),
    )
    assert [(g.statement_id, g.score) for g in placement.gaps] == [
        ("b", 0.0),
        ("f", 1.5),
        ("a", 2.0),  # a and c tie: content order
        ("c", 2.0),
        ("d", None),
    ]


def test_a_dimension_without_statements_does_not_block_a_stage() -> None:
    statements = tuple(
        statement(f"gs.{d}", "getting_started", d) for d in DIMENSION_IDS if d != "process"
    )
    placement = place(
        make_framework(statements=statements),
        session_with({f"gs.{d}": 3 for d in DIMENSION_IDS if d != "process"}),
    )
    assert placement.reached == ("getting_started",)
    assert placement.cell("getting_started", "process").total == 0
    assert placement.cell("getting_started", "process").score is None
    # Later stages have no statements at all: they cannot be reached, but are not flagged.
    assert placement.working_on == "exploring"
    assert placement.thin_coverage == ()


def test_charts_for_the_stage_worked_on_and_over_all_stages() -> None:
    scores = whole_stage("getting_started", 4) | {"exploring.product": 1, "exploring.process": 2}
    placement = place(make_framework(), session_with(scores))
    assert placement.working_on == "exploring"
    assert [(d.dimension, d.score) for d in placement.chart] == [
        ("product", 1.0),
        ("process", 2.0),
        ("technical", None),
        ("organisational", None),
    ]
    assert [d.score for d in placement.overall_chart] == [2.5, 3.0, 4.0, 4.0]
    assert placement.stage_chart("getting_started")[0].name == "Product"
