"""What the room sees of each page type, as plain data (no display needed): every page type
the content uses has a slide of its own with real content, the matrix, decisions, hiring
plan and maturity check show what a facilitator in front of a board needs."""

from __future__ import annotations

import dataclasses

from workshop.domain.priorities import prioritise
from workshop.domain.quarters import Quarter
from workshop.domain.session import Decision, Hire, Session
from workshop.framework.model import Framework
from workshop.store.demo import build_demo
from workshop.ui.audience.slides import (
    BUILDERS,
    MATRIX_CHART_MAX,
    MATRIX_TOP,
    Beside,
    MatrixBlock,
    OptionCards,
    RowList,
    Timeline,
    build_slide,
)


def page(framework: Framework, page_id: str):  # type: ignore[no-untyped-def]
    return next(p for p in framework.pages if p.id == page_id)


def blank(framework: Framework) -> Session:
    """A workshop just created: nothing typed, rated or planned yet."""
    demo = build_demo(framework)
    return dataclasses.replace(
        demo,
        participants=[],
        interviews=[],
        answers=[],
        ratings=[],
        opportunities=[],
        audit=[],
        hires=[],
        decisions=[],
        actions=[],
    )


def test_every_page_type_has_a_slide_with_more_than_its_title(framework: Framework) -> None:
    used = {p.page_type for p in framework.pages}
    assert used <= set(BUILDERS), used - set(BUILDERS)
    for session in (build_demo(framework), blank(framework)):
        for p in framework.pages:
            slide = build_slide(framework, session, p)
            assert slide.blocks, p.id
            beyond_title = [t for t in slide.texts() if t not in (slide.title, slide.caption)]
            assert beyond_title, p.id  # an empty state says what comes, never a bare title


def test_matrix_draws_every_opportunity_and_lists_the_top_beside_it(framework: Framework) -> None:
    session = build_demo(framework)
    slide = build_slide(framework, session, page(framework, "page_matrix"))
    (beside,) = slide.blocks
    assert isinstance(beside, Beside) and slide.wide
    chart, ranked_list = beside.left, beside.right
    assert isinstance(chart, MatrixBlock) and isinstance(ranked_list, RowList)
    ranked = prioritise(framework, session).ranked
    assert [(s.rank, s.title, s.value, s.cost) for s in chart.spots] == [
        (r.rank, r.title, r.value, r.cost) for r in ranked
    ]
    assert len(ranked) <= MATRIX_CHART_MAX  # the demo: every opportunity on the chart
    assert {q.name for q in chart.quadrants} == {q.name for q in framework.matrix.quadrants}
    # The list numbers match the markers; the rest are counted, not dropped silently.
    assert [r.number for r in ranked_list.rows] == [f"{r.rank}." for r in ranked[:MATRIX_TOP]]
    assert ranked_list.hidden == max(0, len(ranked) - MATRIX_TOP)
    first = next(r for r in ranked_list.rows if r.number == "1.")
    assert first.text == ranked[0].title


def test_decisions_show_their_options_and_the_choice_in_words(framework: Framework) -> None:
    session = build_demo(framework)
    tech = page(framework, "page_decision_tech_stack")
    topics = framework.decisions_for_page(tech)
    decided = {d.topic_id: d for d in session.decisions if d.option_id}
    slide = build_slide(framework, session, tech)
    cards = [b for b in slide.blocks if isinstance(b, OptionCards)]
    assert [c.topic for c in cards] == [t.title for t in topics]
    for block, topic in zip(cards, topics, strict=True):
        assert [c.name for c in block.cards] == [o.name for o in topic.options if not o.retired]
        assert all(c.summary for c in block.cards)  # a one-line trade-off each
        if topic.id in decided:
            name = topic.option(decided[topic.id].option_id).name
            assert block.status == f"✓ Chosen: {name}" and block.chosen
            assert [c.name for c in block.cards if c.chosen] == [name]
        else:
            assert block.status == "Not chosen yet" and not any(c.chosen for c in block.cards)
    # Nothing chosen anywhere: every decision says so.
    undecided = dataclasses.replace(
        session, decisions=[dataclasses.replace(d, option_id="") for d in session.decisions]
    )
    slide = build_slide(framework, undecided, tech)
    assert {b.status for b in slide.blocks if isinstance(b, OptionCards)} == {"Not chosen yet"}


def test_hiring_plan_is_a_timeline_by_quarter_without_private_notes(framework: Framework) -> None:
    session = build_demo(framework)
    session = dataclasses.replace(
        session,
        hires=[
            *session.hires,
            Hire(id="h-later", title="Late hire", target_quarter="2030-Q4", notes="salary talk"),
            Hire(id="h-none", title="Someday hire", target_quarter="", notes="salary talk"),
        ],
    )
    slide = build_slide(framework, session, page(framework, "page_hiring"))
    (timeline,) = slide.blocks
    assert isinstance(timeline, Timeline)
    planned = [c for c in timeline.columns if c.planned]
    assert planned[0].label == "Q1 2027"
    labels = [c.label.removeprefix("From ") for c in planned]
    parsed = [Quarter.parse(f"{label.split()[1]}-{label.split()[0]}") for label in labels]
    assert parsed == sorted(parsed)
    assert any(e.text == "Late hire" for e in planned[-1].entries)
    assert timeline.columns[-1].label == "Not planned yet"
    assert [e.text for e in timeline.columns[-1].entries][-1] == "Someday hire"
    assert not any("salary" in t for t in slide.texts())


def test_maturity_numbers_statements_and_highlights_the_one_being_rated(
    framework: Framework,
) -> None:
    session = build_demo(framework)
    maturity = page(framework, "page_maturity_getting_started")
    statements = framework.statements_for("getting_started")
    (rows,) = build_slide(framework, session, maturity).blocks
    assert isinstance(rows, RowList)
    assert [r.number for r in rows.rows] == [f"{n}." for n in range(1, len(statements) + 1)]
    assert not any(r.highlighted for r in rows.rows)
    (rows,) = build_slide(framework, session, maturity, statements[2].id).blocks
    assert isinstance(rows, RowList)
    marked = [r for r in rows.rows if r.highlighted]
    assert len(marked) == 1 and marked[0].number == "3." and marked[0].text == statements[2].text
    assert "▶ Rating now" in [f.text for f in marked[0].flags]  # words, not colour alone


def test_a_decision_of_another_page_is_not_marked_chosen(framework: Framework) -> None:
    session = build_demo(framework)
    compute = page(framework, "page_decision_compute")
    (topic,) = framework.decisions_for_page(compute)
    session = dataclasses.replace(
        session,
        decisions=[d for d in session.decisions if d.topic_id != topic.id]
        + [Decision(id="d-x", topic_id=topic.id, option_id=topic.options[-1].id)],
    )
    (block,) = build_slide(framework, session, compute).blocks
    assert isinstance(block, OptionCards)
    assert [c.chosen for c in block.cards] == [False] * (len(block.cards) - 1) + [True]


def test_a_large_workshop_draws_its_top_opportunities_and_says_so(framework: Framework) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from samples import large_session  # type: ignore[import-not-found]

    session = large_session(framework)
    (beside,) = build_slide(framework, session, page(framework, "page_matrix")).blocks
    assert isinstance(beside, Beside) and isinstance(beside.left, MatrixBlock)
    assert [s.rank for s in beside.left.spots] == list(range(1, MATRIX_CHART_MAX + 1))
    assert isinstance(beside.right, RowList)
    assert beside.right.hidden == len(session.opportunities) - MATRIX_TOP
    assert beside.right.more == f"(top {MATRIX_CHART_MAX} drawn)"
