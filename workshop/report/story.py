"""The content of the roadmap, section by section, as a list of flowables.

Privacy rules, enforced here and tested: the facilitator's page notes (``PageRecord.note``),
private interviews, private actions and the content's facilitator hints are never read
into the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from workshop.domain.followup import compare, last_answer
from workshop.domain.hiring import HiringWarning, check_hiring_plan, live_rule_count
from workshop.domain.placement import Placement, place
from workshop.domain.priorities import Priorities, first_project_review, prioritise
from workshop.domain.progress import progress_of
from workshop.domain.quarters import Quarter, is_quarter
from workshop.domain.roadmap import Roadmap, RoadmapItem, build_roadmap
from workshop.domain.session import Action, Answer, Hire, Session
from workshop.framework.model import AID_LABEL, Framework
from workshop.report import charts
from workshop.report.agreement import agreement_section
from workshop.report.blocks import (
    bullets,
    cell,
    gap,
    h2,
    h2_before_table,
    h3,
    keep,
    labelled,
    markup,
    note,
    p,
    rule_text,
    table,
)
from workshop.report.document import LANDSCAPE, PORTRAIT, Contents, PageBook, SectionHeading
from workshop.report.fonts import REGULAR
from workshop.report.sections import FOLLOW_UP_SECTIONS, ROADMAP_SECTIONS
from workshop.report.styles import (
    ACCENT,
    CATEGORY,
    HEADER_FILL,
    RULE,
    TEXT,
    UNIT,
    ZEBRA,
    styles,
    tint,
)
from workshop.report.text import para
from workshop.vocab import (
    ActionKind,
    ActionStatus,
    AnswerStatus,
    AuditStatus,
    DataReadiness,
    Seniority,
)

# The value/cost matrix labels this many of the top-ranked opportunities with their rank;
# beyond that, labels would overlap and help nobody.
MATRIX_LABELS = 20
# A roadmap cell lists at most this many items; the rest are counted ("and 12 more").
CELL_ITEMS = 8
# Rows per hiring timeline drawing, so a long plan flows over pages.
TIMELINE_ROWS = 24
# Quarters shown on the hiring timeline (two years).
TIMELINE_QUARTERS = 8

ACTION_STATUS = {s.value: s.label for s in ActionStatus}
# Section headings of the action list, one per kind (in the vocabulary's order).
ACTION_KIND = {
    ActionKind.ACTION.value: "Actions",
    ActionKind.DECISION.value: "Decisions to take",
    ActionKind.PARKING.value: ActionKind.PARKING.label,
}
READINESS = {r.value: r.label for r in DataReadiness}
AUDIT_STATUS = {s.value: s.label for s in AuditStatus}


@dataclass
class Context:
    framework: Framework
    session: Session
    width: float  # the text frame's width in points
    landscape_width: float  # the same on a landscape page
    book: PageBook
    _placement: Placement | None = None
    _priorities: Priorities | None = None
    _roadmap: Roadmap | None = None

    @property
    def placement(self) -> Placement:
        if self._placement is None:
            self._placement = place(self.framework, self.session)
        return self._placement

    @property
    def priorities(self) -> Priorities:
        if self._priorities is None:
            self._priorities = prioritise(self.framework, self.session)
        return self._priorities

    @property
    def roadmap(self) -> Roadmap:
        if self._roadmap is None:
            self._roadmap = build_roadmap(self.framework, self.session)
        return self._roadmap

    def stage_name(self, stage_id: str) -> str:
        return next((s.name for s in self.framework.stages if s.id == stage_id), "")


# --- small formatting helpers ------------------------------------------------------------------


def long_date(day: date | None) -> str:
    # Written out by hand: strftime("%B") follows the machine's locale, and the same session
    # must give the same bytes on every machine.
    if day is None:
        return ""
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def quarter_label(text: str) -> str:
    return Quarter.parse(text).label if is_quarter(text) else (text or "—")


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


def public_actions(session: Session) -> list[Action]:
    return [a for a in session.actions if not a.private]


# --- cover and contents --------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    s, session = styles(), ctx.session
    story: list[Flowable] = [
        gap(10),
        Paragraph("ML TEAM MATURITY ROADMAP", s.cover_kicker),
        Paragraph(para(session.organisation or "Organisation not named"), s.cover_org),
        Paragraph(para(session.title or "Leadership workshop"), s.cover_title),
    ]
    rows: list[tuple[str, str]] = [("Workshop date", long_date(session.workshop_date))]
    if session.follows_up:
        since = long_date(session.baseline_date) if session.baseline_date else "an earlier date"
        rows.append(("Follow-up to", f"the workshop of {since}"))
    if session.facilitator:
        rows.append(("Facilitator", session.facilitator))
    if session.sponsor:
        sponsor = session.sponsor + (f", {session.sponsor_role}" if session.sponsor_role else "")
        rows.append(("Executive sponsor", sponsor))
    meta = Table(
        [[Paragraph(para(k), s.cover_meta), Paragraph(para(v), s.cover_meta)] for k, v in rows],
        colWidths=[45 * mm, ctx.width - 45 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TEXTCOLOR", (0, 0), (0, -1), TEXT),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        ),
    )
    story.append(meta)
    if session.sponsor:
        story.append(
            p(
                f"{session.sponsor} is the champion of this roadmap: the executive who keeps "
                "it moving between workshops.",
                s.muted,
            )
        )
    participants = [x for x in session.participants if x.name or x.role]
    if participants:
        story += [gap(2), Paragraph("Participants", s.h3)]
        names = [x.name + (f" — {x.role}" if x.role else "") for x in participants]
        half = (len(names) + 1) // 2
        grid = [
            [cell(names[i]), cell(names[i + half]) if i + half < len(names) else ""]
            for i in range(half)
        ]
        story.append(
            Table(
                grid,
                colWidths=[ctx.width / 2] * 2,
                hAlign="LEFT",
                style=TableStyle(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ]
                ),
            )
        )
    story.append(PageBreak())
    return story


def contents(ctx: Context, entries: list[tuple[str, str]]) -> list[Flowable]:
    return [Paragraph("Contents", styles().h1), gap(1), Contents(entries, ctx.book)]


# --- sections --------------------------------------------------------------------------------------


def summary(ctx: Context) -> list[Flowable]:
    session, placement = ctx.session, ctx.placement
    story: list[Flowable] = []
    facts: list[tuple[str, str]] = []
    if placement.rated_any:
        facts.append(
            (
                "Working on",
                f"Stage {_order(ctx, placement.working_on)}: "
                f"{ctx.stage_name(placement.working_on)}",
            )
        )
    if session.target_stage:
        facts.append(("Aiming for", ctx.stage_name(session.target_stage)))
    ranked = ctx.priorities.ranked
    if ranked:
        facts.append(("Top priority", ranked[0].title))
    first = ctx.priorities.first_project
    if first is not None:
        facts.append(("First project", first.title))
    hires = sum(h.headcount for h in session.hires)
    if hires:
        facts.append(("People planned", f"{hires} across {len(session.hires)} roles"))
    open_actions = [a for a in public_actions(session) if a.status in ("open", "in_progress")]
    if open_actions:
        facts.append(("Open actions", str(len(open_actions))))
    if session.sponsor:
        facts.append(("Champion", session.sponsor))
    if facts:
        story.append(_fact_box(ctx, facts))
    story.append(h2("Executive summary"))
    if session.executive_summary.strip():
        story.append(p(session.executive_summary))
    else:
        story.append(note("The facilitator has not written an executive summary yet."))
    story.append(h2("The facilitator's recommendations"))
    if session.recommendations.strip():
        story.append(p(session.recommendations))
    else:
        story.append(note("No recommendations were written down."))
    return story


def _order(ctx: Context, stage_id: str) -> int:
    return next((s.order for s in ctx.framework.stages if s.id == stage_id), 0)


def _marked_statement(ctx: Context, statement_id: str, text: str) -> str:
    """A statement's text, marked when it is a facilitation aid rather than the framework."""
    statement = next((s for s in ctx.framework.statements if s.id == statement_id), None)
    aid = statement is not None and statement.provenance.is_aid
    return f"{text} [{AID_LABEL.lower()}]" if aid else text


def _fact_box(ctx: Context, facts: list[tuple[str, str]]) -> Table:
    s = styles()
    rows = [[Paragraph(para(k), s.cell_bold), cell(v)] for k, v in facts]
    box = Table(
        rows,
        colWidths=[38 * mm, ctx.width - 38 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )
    box.spaceAfter = UNIT * 2
    return box


def today(ctx: Context) -> list[Flowable]:
    placement, fw = ctx.placement, ctx.framework
    if not placement.rated_any:
        return [note("The maturity check has not been rated yet, so there is no placement.")]
    working = ctx.stage_name(placement.working_on)
    reached = [ctx.stage_name(x) for x in placement.reached]
    if placement.all_reached:
        headline = f"Every stage is reached; the work now is to stay at {working}."
    else:
        headline = (
            f"The organisation is working on stage {_order(ctx, placement.working_on)}, {working}."
        )
    story: list[Flowable] = [markup(f"<b>{para(headline)}</b>")]
    if reached:
        story.append(p("Stages reached: " + ", ".join(reached) + "."))
    else:
        story.append(p("No stage is fully reached yet."))
    set_name = "extended (full-day)" if placement.statement_set == "extended" else "core (half-day)"
    story.append(rule_text(f"{placement.rule} Rated on the {set_name} set of statements."))

    bars = [charts.Bar(b.name, b.score) for b in placement.chart]
    if bars:
        story.append(
            keep(
                h2(f"Readiness for {working}, by dimension"),
                charts.dimension_chart(bars, threshold=placement.threshold, width=ctx.width),
            )
        )
    # Every stage × dimension as numbers, for the reader who wants the whole picture.
    dims = list(fw.dimensions)
    rows = []
    for st in placement.stages:
        rows.append(
            [st.name]
            + [score_text(c.score) for c in st.cells]
            + [f"{st.rated} of {st.total}", "Reached ✓" if st.reached else "Not yet"]
        )
    story += h2_before_table("Scores by stage and dimension (0–4)")
    story.append(
        table(
            ["Stage", *[d.name for d in dims], "Rated", "Status"],
            rows,
            [2.2, *([2.1] * len(dims)), 1.4, 1.6],
            numeric=list(range(1, len(dims) + 2)),
            short=[0, len(dims) + 2],
            total_width=ctx.width,
        )
    )
    if placement.thin_coverage:
        story.append(h3("Thin coverage"))
        story += bullets([f.message for f in placement.thin_coverage])
        story.append(rule_text(placement.coverage_rule))

    story += h2_before_table("Where the room disagreed")
    if placement.disagreements:
        rows = []
        for d in placement.disagreements:
            given = ", ".join(f"{n}× {score}" for score, n in enumerate(d.counts) if n > 0)
            rows.append(
                [
                    d.text,
                    ctx.stage_name(d.stage),
                    given,
                    score_text(d.score),
                ]
            )
        story.append(
            table(
                ["Statement", "Stage", "Scores given (count × score)", "Mean"],
                rows,
                [6, 2, 3, 1],
                numeric=[3],
                short=[1, 2],
                total_width=ctx.width,
            )
        )
    else:
        story.append(note("No statement split the room."))
    story.append(rule_text(placement.disagreement_rule))
    story += agreement_section(ctx)

    next_stage = fw.next_stage(placement.working_on) if placement.working_on else None
    target = f"to reach {working}" if not placement.all_reached else f"to stay at {working}"
    story += h2_before_table(f"What it takes {target}")
    if placement.gaps:
        rows = [
            [
                g.dimension_name,
                _marked_statement(ctx, g.statement_id, g.statement),
                g.action,
                score_text(g.score),
            ]
            for g in placement.gaps
        ]
        story.append(
            table(
                ["Dimension", "Not yet true", "Next step", "Score"],
                rows,
                [2, 5, 5, 1.2],
                numeric=[3],
                short=[0],
                total_width=ctx.width,
            )
        )
        story.append(rule_text(placement.gaps_rule))
    else:
        story.append(note("Every statement of this stage is met."))
    if next_stage is not None and not placement.all_reached:
        story.append(rule_text(f"After {working} comes {next_stage.name}: {next_stage.summary}"))
    return story


def changes(ctx: Context) -> list[Flowable]:
    session = ctx.session
    change = compare(ctx.framework, list(session.baseline_ratings), session)
    since = long_date(session.baseline_date) if session.baseline_date else ""
    story: list[Flowable] = []
    if change.has_baseline:
        story.append(markup(f"<b>{para(change.summary)}</b>"))
        newly = [ctx.stage_name(x) for x in change.newly_reached]
        lost = [ctx.stage_name(x) for x in change.no_longer_reached]
        if newly:
            story.append(p("Newly reached: " + ", ".join(newly) + "."))
        if lost:
            story.append(p("No longer reached: " + ", ".join(lost) + "."))
        rows = [
            [
                stage.name,
                c.dimension_name,
                score_text(c.before),
                score_text(c.after),
                "—" if c.delta is None else f"{c.delta:+.1f}",
            ]
            for stage in change.stages
            for c in stage.cells
            if c.before is not None or c.after is not None
        ]
        if rows:
            story += h2_before_table("Scores then and now (0–4)")
            story.append(
                table(
                    [
                        "Stage",
                        "Dimension",
                        f"Then{' (' + since + ')' if since else ''}",
                        "Now",
                        "Change",
                    ],
                    rows,
                    [3, 3, 2.2, 1.2, 1.4],
                    numeric=[2, 3, 4],
                    short=[0, 1],
                    total_width=ctx.width,
                )
            )
    else:
        story.append(note(change.summary))
    carried = [a for a in public_actions(session) if a.carried_from]
    story += h2_before_table("Actions carried over")
    if carried:
        c = change.carried
        story.append(
            p(
                f"{c.total} carried over: {c.done} done, {c.in_progress} in progress, "
                f"{c.open} still open, {c.dropped} dropped."
            )
        )
        story.append(_actions_table(ctx, carried))
    else:
        story.append(note("No actions were carried over from the last workshop."))
    return story


def heard(ctx: Context) -> list[Flowable]:
    fw, session = ctx.framework, ctx.session
    story: list[Flowable] = []
    function_names = {ip.function: ip.function_name for ip in fw.interview_prompts}
    interviews = [i for i in session.interviews if not i.private and (i.person or i.pains)]
    story.append(h2("Discovery interviews"))
    if interviews:
        for interview in interviews:
            who = interview.person or "Unnamed"
            function = function_names.get(
                interview.function, interview.function.replace("_", " ").capitalize()
            )
            when = f", {long_date(interview.interview_date)}" if interview.interview_date else ""
            story += labelled(f"{who} — {function}{when}", interview.pains or "—")
    else:
        story.append(note("No discovery interviews to report."))

    answers = {a.id: a for a in session.answers if a.text.strip()}
    story.append(h2("Strategy answers"))
    questions = [q for q in fw.questions if q.id in answers]
    if questions:
        for stage in fw.stages:
            for q in (q for q in questions if q.stage == stage.id):
                # The prompt only: the question's facilitator hint is private.
                story += labelled(q.prompt, answers[q.id].text)
    else:
        story.append(note("No strategy questions were answered."))
    story += _wrap_up(ctx, answers)
    return story


def _wrap_up(ctx: Context, answers: dict[str, Answer]) -> list[Flowable]:
    """The framework's closing questions: this workshop's answers, and last time's."""
    session = ctx.session
    asked = [
        q
        for q in ctx.framework.wrap_up_questions
        if q.id in answers or last_answer(session, q.id).strip()
    ]
    if not asked:
        return []
    story: list[Flowable] = [h2("Wrap-up: the organisation in its own words")]
    for question in asked:
        now = answers[question.id].text if question.id in answers else "Not answered this time."
        before = last_answer(session, question.id).strip()
        if before:
            now = f"{now}\n\nAt the last workshop: {before}"
        story += labelled(question.prompt, now)
    return story


def opportunities(ctx: Context) -> list[Flowable]:
    session, pri, fw = ctx.session, ctx.priorities, ctx.framework
    if not pri.ranked:
        return [note("No opportunities were brainstormed yet.")]
    story: list[Flowable] = []
    quadrants = list(fw.matrix.quadrants)
    index = {q.id: i for i, q in enumerate(quadrants)}
    points = [
        charts.MatrixPoint(
            value=r.value,
            cost=r.cost,
            quadrant=index.get(r.quadrant, 0),
            label=str(r.rank) if r.rank <= MATRIX_LABELS else "",
        )
        for r in pri.ranked
    ]
    chart = charts.matrix_chart(
        points,
        [charts.QuadrantLabel(q.name, q.high_value, q.high_cost) for q in quadrants],
        value_threshold=pri.value_threshold,
        cost_threshold=pri.cost_threshold,
        width=ctx.width,
    )
    labelled_note = (
        "Each mark is one opportunity; the number is its rank in the table below."
        if len(pri.ranked) <= MATRIX_LABELS
        else f"Each mark is one opportunity; the top {MATRIX_LABELS} carry their rank "
        "from the table below."
    )
    story.append(keep(h2("Value and cost"), chart, rule_text(labelled_note)))
    group_rows = [[g.name, str(len(g.opportunity_ids)), g.advice] for g in pri.quadrants]
    story.append(
        table(
            ["Quadrant", "Count", "What to do with them"],
            group_rows,
            [2.2, 1.2, 7.2],
            numeric=[1],
            short=[0],
            total_width=ctx.width,
        )
    )
    if fw.matrix.rubric_provenance.is_aid or any(q.provenance.is_aid for q in quadrants):
        story.append(
            rule_text(
                "The framework asks for a value/cost matrix; the quadrant names and advice "
                f"and the scoring rubrics are a {AID_LABEL.lower()}."
            )
        )

    story += h2_before_table("Priorities")
    rows = []
    for r in pri.ranked:
        title = r.title or "Untitled opportunity"
        tags = []
        if r.first_project:
            tags.append("★ first project")
        if r.blocked:
            tags.append("blocked by data")
        shown = cell(title + (f"  ({', '.join(tags)})" if tags else ""))
        rows.append(
            [
                str(r.rank),
                shown,
                r.quadrant_name,
                str(r.value),
                str(r.cost),
                str(r.confidence),
                str(r.votes),
                f"{r.score:.2f}",
                READINESS.get(r.data_readiness, r.data_readiness),
                quarter_label(r.target_quarter) if r.target_quarter else "—",
            ]
        )
    story.append(
        table(
            [
                "#",
                "Opportunity",
                "Quadrant",
                "Value",
                "Cost",
                "Conf.",
                "Votes",
                "Score",
                "Data",
                "Quarter",
            ],
            rows,
            # In millimetres; the title takes what is left of the 170 mm of an A4 page.
            [9, 50, 19, 12, 10, 13, 12, 12, 17, 16],
            numeric=[0, 3, 4, 5, 6, 7],
            short=[2, 8, 9],
            total_width=ctx.width,
        )
    )
    story.append(rule_text(pri.rule))

    by_id = {o.id: o for o in session.opportunities}  # 300 opportunities: no scan per row
    described = [
        (r, by_id[r.opportunity_id])
        for r in pri.ranked
        if by_id[r.opportunity_id].description.strip()
    ]
    if described:
        story.append(h3("What each opportunity is"))
        for r, o in described:
            story += labelled(f"#{r.rank} {o.title or 'Untitled opportunity'}", o.description)

    if pri.blocked:
        story.append(h2("Blocked until the data is in place"))
        for b in pri.blocked:
            story += labelled(b.title or "Untitled opportunity", " ".join(b.reasons))
        story.append(rule_text(pri.blocked_rule))

    story += h2_before_table("Data audit")
    titles = {o.id: o.title for o in session.opportunities}
    if session.audit:
        rows = [
            [
                a.data_needed or "—",
                titles.get(a.opportunity_id, "General") or "—",
                a.source or "—",
                AUDIT_STATUS.get(a.status, a.status)
                + (" · blocks start" if a.blocks_start else ""),
                a.how_to_collect or "—",
                a.owner or "—",
                quarter_label(a.target_quarter) if a.target_quarter else "—",
            ]
            for a in session.audit
        ]
        story.append(
            table(
                ["Data needed", "For", "Source", "Status", "How to collect", "Owner", "Quarter"],
                rows,
                [3, 2.4, 1.9, 1.9, 3.4, 2.1, 1.6],
                short=[6],
                total_width=ctx.width,
            )
        )
    else:
        story.append(note("No data audit was recorded."))

    story.append(h2("The first project"))
    first = pri.first_project
    if first is None:
        story.append(note("No first project was chosen yet."))
    else:
        opportunity = next(o for o in session.opportunities if o.id == first.opportunity_id)
        story.append(markup(f"<b>{para(opportunity.title or 'Untitled opportunity')}</b>"))
        details = [f"Priority #{first.rank}", first.quadrant_name]
        if opportunity.target_quarter:
            details.append(f"starts {quarter_label(opportunity.target_quarter)}")
        story.append(p(" · ".join(d for d in details if d), styles().muted))
        if opportunity.success_measure.strip():
            story += labelled("How we will know it worked", opportunity.success_measure)
        else:
            story.append(
                note("No success measure agreed yet: agree one before the project starts.")
            )
        story += _first_project_review(ctx)
    return story


def _first_project_review(ctx: Context) -> list[Flowable]:
    """The framework's criteria with the room's ticks, data from the audit, and the risks."""
    review = first_project_review(ctx.framework, ctx.session, ctx.priorities)
    if review is None:
        return []
    story: list[Flowable] = [h3("What the framework asks of a first project")]
    lines = []
    for check in review.criteria:
        mark = "✓" if check.met else "✗"
        how = " (from the data audit)" if check.from_audit else ""
        aid = f" [{AID_LABEL.lower()}]" if check.criterion.provenance.is_aid else ""
        state = "met" if check.met else "not yet"
        lines.append(f"{mark} {check.criterion.text}{aid}: {state}{how}")
    story += [p(line) for line in lines]
    story.append(
        rule_text(
            f"{review.met_count} of {len(review.criteria)} met. Ticks are the room's judgement "
            "for this opportunity; data in place is read from the audit's blocking items."
        )
    )
    if review.data_blockers:
        story += labelled("Data still to put in place", " ".join(review.data_blockers))
    flag = (
        markup("<b>" + para(" ".join(review.risk_flags)) + "</b>")
        if review.risky
        else p(
            "Not a high-cost choice; the risks below are the ones to keep watching.", styles().muted
        )
    )
    risks = bullets([f"{r.text}: {r.detail}" for r in review.risks])
    # The heading stays with its first lines: never alone at the foot of a page.
    story.append(keep(h3("Risks of an over-ambitious first project"), flag, *risks[:1]))
    story += risks[1:]
    return story


def _hire_title(ctx: Context, hire: Hire) -> str:
    role = next((r for r in ctx.framework.roles if r.id == hire.role_id), None)
    return hire.title or (role.name if role else "") or "Unnamed role"


def _hiring_timeline(ctx: Context) -> list[Flowable]:
    """The scheduled hires as a timeline, one row each, in chunks that fit a page."""
    scheduled = [h for h in ctx.session.hires if is_quarter(h.target_quarter)]
    if not scheduled:
        return []
    first = min(
        min(Quarter.parse(h.target_quarter) for h in scheduled),
        Quarter.of(ctx.session.workshop_date),
    )
    last = max(Quarter.parse(h.target_quarter) for h in scheduled)
    span = (last.year - first.year) * 4 + last.number - first.number + 1
    # At most TIMELINE_QUARTERS columns; anything later shares the last column ("and later").
    columns = min(span, TIMELINE_QUARTERS)
    labels = [first.plus(i).label for i in range(columns)]
    if span > columns:
        labels[-1] += " +"
    rows = []
    for hire in sorted(scheduled, key=lambda h: Quarter.parse(h.target_quarter)):
        q = Quarter.parse(hire.target_quarter)
        column = min((q.year - first.year) * 4 + q.number - first.number, columns - 1)
        count = f" ×{hire.headcount}" if hire.headcount != 1 else ""
        internal = hire.mode == "internal"
        rows.append(
            charts.TimelineRow(
                label=_hire_title(ctx, hire) + count,
                quarter=column,
                tag="Internal" if internal else "Hire",
                category=1 if internal else 0,
            )
        )
    story: list[Flowable] = []
    for start in range(0, len(rows), TIMELINE_ROWS):
        story.append(
            charts.timeline_chart(rows[start : start + TIMELINE_ROWS], labels, width=ctx.width)
        )
        story.append(gap(0.5))
    caption = (
        "Each block marks the quarter a person joins (Hire) or moves in from elsewhere in "
        "the company (Internal); the line after it means they stay on the team."
    )
    if span > columns:
        caption += f" The last column also holds everything planned after {labels[-1][:-2]}."
    story.append(rule_text(caption))
    return story


def team(ctx: Context) -> list[Flowable]:
    session = ctx.session
    story: list[Flowable] = [h2("Hiring plan")]
    hires = session.hires
    if not hires:
        story.append(note("No hires were planned yet."))
    else:
        story += _hiring_timeline(ctx)
        table_rows = [
            [
                _hire_title(ctx, h),
                "Internal move" if h.mode == "internal" else "New hire",
                Seniority.label_of(h.seniority),
                str(h.headcount),
                quarter_label(h.target_quarter) if h.target_quarter else "Not scheduled",
            ]
            for h in hires
        ]
        story += h2_before_table("Roles, seniority and timing")
        story.append(
            table(
                ["Role", "How", "Seniority", "People", "Quarter"],
                table_rows,
                [4.2, 2.2, 1.9, 1.5, 2.4],
                numeric=[3],
                short=[1, 2, 4],
                total_width=ctx.width,
            )
        )
        story += _role_purposes(ctx)
        story += _hiring_warnings(ctx)

    story.append(h2("Organisation model"))
    org = [d for d in session.decisions if _category(ctx, d.topic_id) in ("org_model", "pods")]
    if org:
        for decision in org:
            story += _decision(ctx, decision)
    else:
        story.append(note("The organisation model has not been decided yet."))
    return story


def _role_purposes(ctx: Context) -> list[Flowable]:
    """Each planned role's purpose and the framework's advice on it (what a senior hire brings)."""
    roles = {r.id: r for r in ctx.framework.roles}
    planned = []
    for hire in ctx.session.hires:
        role = roles.get(hire.role_id)
        if role is not None and role not in planned:
            planned.append(role)
    if not planned:
        return []
    story: list[Flowable] = [h3("What each role is for")]
    for role in planned:
        story += labelled(role.name, f"{role.purpose} {role.advice}")
    return story


def _hiring_warnings(ctx: Context) -> list[Flowable]:
    warnings = check_hiring_plan(ctx.framework, ctx.session)
    rules = live_rule_count(ctx.framework)
    if not warnings:
        return [rule_text(f"Checked against {rules} hiring rules of the framework: no warnings.")]
    story: list[Flowable] = [h2("Where the plan departs from the framework")]
    story.append(
        rule_text(
            f"Checked against {rules} hiring rules of the framework; items marked "
            "“to consider” are the framework's suggestions, not problems."
        )
    )
    # One heading per rule, however many hires it concerns, so the list stays readable.
    by_rule: dict[str, list[HiringWarning]] = {}
    for warning in warnings:
        by_rule.setdefault(warning.rule_id, []).append(warning)
    for group in by_rule.values():
        prefix = "To consider: " if group[0].advisory else ""
        story.append(h3(prefix + group[0].rule_title))
        if group[0].reason:
            story.append(p(group[0].reason, styles().muted))
        story += bullets([w.message for w in group])
    return story


def _category(ctx: Context, topic_id: str) -> str:
    topic = next((t for t in ctx.framework.decisions if t.id == topic_id), None)
    return topic.category if topic else ""


def _decision(ctx: Context, decision: object) -> list[Flowable]:
    topic_id = getattr(decision, "topic_id", "")
    topic = next((t for t in ctx.framework.decisions if t.id == topic_id), None)
    title = topic.title if topic else "Decision"
    option = topic.option(getattr(decision, "option_id", "")) if topic else None
    story: list[Flowable] = [h3(title)]
    if option is not None:
        story.append(markup(f"Chosen: <b>{para(option.name)}</b> — {para(option.tradeoff)}"))
    else:
        story.append(note("Not decided yet."))
    if topic is not None:
        story.append(p(f"Framework guidance: {topic.guidance}", styles().muted))
        considered = [
            f"{o.name}: {o.tradeoff}"
            + (
                ""
                if o.tradeoffs_provenance.origin.value == "framework"
                else f" [{AID_LABEL.lower()}]"
            )
            for o in topic.options
            if not o.retired
        ]
        story.append(p("Options considered:", styles().muted))
        story += bullets(considered)
    rationale = getattr(decision, "rationale", "")
    if rationale.strip():
        story += labelled("Why", rationale)
    meta = []
    owner = getattr(decision, "owner", "")
    quarter = getattr(decision, "target_quarter", "")
    if owner:
        meta.append(f"Owner: {owner}")
    if quarter:
        meta.append(f"By {quarter_label(quarter)}")
    if meta:
        story.append(p(" · ".join(meta), styles().muted))
    return story


def ways_of_working(ctx: Context) -> list[Flowable]:
    decisions = [
        d for d in ctx.session.decisions if _category(ctx, d.topic_id) not in ("org_model", "pods")
    ]
    story: list[Flowable] = _go_to_market(ctx)
    if not decisions:
        story.append(note("No decisions on process, tech stack or tooling were recorded."))
    for decision in decisions:
        story += _decision(ctx, decision)
    return story


GTM_STATUS = dict(AnswerStatus.choices())


def _go_to_market(ctx: Context) -> list[Flowable]:
    """Every go-to-market item of the framework, with where the room stands on it."""
    items = [g for g in ctx.framework.go_to_market if not g.retired]
    if not items:
        return []
    story: list[Flowable] = [h2("Go-to-market")]
    for item in items:
        answer = ctx.session.answer(item.id)
        status = GTM_STATUS.get(answer.status, answer.status)
        # Paragraphs, not a table: an answer of any length prints whole and flows over pages.
        story += labelled(f"{item.text} — {status}", answer.text.strip() or "—")
    return story


def roadmap(ctx: Context) -> list[Flowable]:
    """The lanes × quarters grid, on a landscape page (see ``ORIENTATION``)."""
    rm = ctx.roadmap
    if rm.is_empty:
        return [note("Nothing has been planned yet.")]
    s = styles()
    width = ctx.landscape_width
    lanes = [lane for lane in rm.lanes if lane.items]
    lane_ids = [lane.id for lane in rm.lanes]
    quarters = list(rm.quarters)
    header = [Paragraph("", s.cell_head)] + [
        Paragraph(para(label), s.cell_head) for label in rm.quarter_labels
    ]
    data: list[list[Flowable | list[Flowable]]] = [header]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 1, TEXT),
        ("GRID", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for row_index, lane in enumerate(lanes, start=1):
        colour = CATEGORY[lane_ids.index(lane.id) % len(CATEGORY)]
        # Lane colour as a tinted label cell with a solid edge; the name is always written.
        commands.append(("BACKGROUND", (0, row_index), (0, row_index), tint(colour, 0.35)))
        commands.append(("LINEBEFORE", (0, row_index), (0, row_index), 5, colour))
        row: list[Flowable | list[Flowable]] = [Paragraph(para(lane.name), s.cell_bold)]
        for quarter in quarters:
            row.append(_roadmap_cell(lane.in_quarter(quarter)))
        data.append(row)
    label_w = 32 * mm
    grid = Table(
        data,
        colWidths=[label_w] + [(width - label_w) / len(quarters)] * len(quarters),
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(commands),
    )
    story: list[Flowable] = [
        rule_text(
            "Rows are lanes of work, columns quarters from the workshop's. ★ first project, "
            f"◆ target-stage milestone; a cell lists at most {CELL_ITEMS} items."
        ),
        gap(0.3),
        grid,
    ]
    for title, items in (
        ("Before this roadmap (overdue or already under way)", rm.earlier),
        ("After this roadmap", rm.later),
        ("Not scheduled yet", rm.unscheduled),
    ):
        if items:
            story.append(h3(title))
            story += _items_by_lane(rm, items, with_quarter=title != "Not scheduled yet")
    return story


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _roadmap_cell(items: tuple[RoadmapItem, ...]) -> list[Flowable]:
    s = styles()
    shown: list[Flowable] = []
    for item in items[:CELL_ITEMS]:
        mark = "★ " if item.first_project else ("◆ " if item.milestone else "")
        shown.append(Paragraph(mark + para(_short(item.title, 70)), s.roadmap_item))
    if len(items) > CELL_ITEMS:
        shown.append(Paragraph(f"<i>and {len(items) - CELL_ITEMS} more</i>", s.small_muted))
    return shown


def _items_by_lane(
    rm: Roadmap, items: tuple[RoadmapItem, ...], *, with_quarter: bool
) -> list[Flowable]:
    """One compact paragraph per lane: "Projects (12): A (Q1 2029) · B · …"."""
    story: list[Flowable] = []
    for lane in rm.lanes:
        of_lane = [i for i in items if i.lane == lane.id]
        if not of_lane:
            continue
        parts = [
            para(_short(i.title, 70))
            + (f" ({i.quarter_label})" if with_quarter and i.quarter else "")
            for i in of_lane
        ]
        story.append(
            Paragraph(
                f"<b>{para(lane.name)}</b> ({len(of_lane)}): " + " · ".join(parts), styles().small
            )
        )
    return story


def actions(ctx: Context) -> list[Flowable]:
    visible = public_actions(ctx.session)
    if not visible:
        return [note("No actions were recorded.")]
    story: list[Flowable] = []
    for kind, title in ACTION_KIND.items():
        of_kind = [a for a in visible if a.kind == kind]
        if of_kind:
            story += h2_before_table(title)
            story.append(_actions_table(ctx, of_kind))
    return story


def _actions_table(ctx: Context, items: list[Action]) -> Table:
    rows = [
        [
            a.text or "—",
            a.owner or "—",
            a.due.isoformat() if a.due else "—",
            ACTION_STATUS.get(a.status, a.status),
        ]
        for a in items
    ]
    return table(
        ["Action", "Owner", "Due", "Status"],
        rows,
        [7, 2.4, 1.8, 1.7],
        short=[2, 3],
        total_width=ctx.width,
    )


def framework_note(ctx: Context) -> list[Flowable]:
    fw = ctx.framework
    source = fw.source
    story: list[Flowable] = []
    if source.title:
        by = f", {source.publisher}" if source.publisher else ""
        story.append(markup(f"<b>{para(source.title)}</b>{para(by)}"))
    if source.note:
        story.append(p(source.note))
    stages = " → ".join(s.name for s in sorted(fw.stages, key=lambda s: s.order))
    story.append(p(f"The five stages: {stages}."))
    principles = [pr for pr in fw.principles if not pr.retired]
    if principles:
        story.append(h2("Principles that run through the framework"))
        for principle in principles:
            story += labelled(principle.title, principle.text)
    story.append(
        p(
            f"Workshop content version {ctx.session.content_version or fw.version}. "
            "Every item in the content says whether it restates the framework or is an aid "
            f"added to run the workshop; this report marks the aids “{AID_LABEL.lower()}”."
        )
    )
    return story


def progress_section(ctx: Context) -> list[Flowable]:
    """The journey across workshops: stage and dimension scores on a time axis, actions done."""
    journey = progress_of(ctx.framework, ctx.session)
    points = [pt for pt in journey.points if pt.rated]
    if len(points) < 2:
        return [note("Only one workshop has ratings so far: progress shows from the next one.")]
    first_day = points[0].workshop_date
    chart = charts.progress_chart(
        [(pt.workshop_date - first_day).days for pt in points],
        [long_date(pt.workshop_date) for pt in points],
        [
            charts.ProgressLine(
                name,
                tuple(next(d.score for d in pt.dimensions if d.dimension == dim) for pt in points),
            )
            for dim, name in journey.dimension_names
        ],
        width=ctx.width,
    )
    story: list[Flowable] = [
        keep(
            h2("Readiness by dimension, workshop by workshop"),
            chart,
            rule_text("Mean score of each dimension over every rated statement (0–4)."),
        )
    ]
    rows = [
        [
            long_date(pt.workshop_date),
            pt.working_on_name,
            str(pt.stages_reached),
            str(pt.actions_agreed),
            str(pt.actions_done),
        ]
        for pt in points
    ]
    story += h2_before_table("Stage and actions")
    story.append(
        table(
            ["Workshop", "Working on", "Stages reached", "Actions agreed", "Done by the next"],
            rows,
            [3, 3, 2.2, 2.2, 2.6],
            numeric=[2, 3, 4],
            short=[0, 1],
            total_width=ctx.width,
        )
    )
    story.append(
        rule_text(
            "Actions of the last workshop are those carried to this one; the latest row "
            "counts what is done so far."
        )
    )
    if journey.moved_most:
        story.append(h2("The statements that moved most"))
        story += bullets(
            [
                f"{m.text} ({ctx.stage_name(m.stage)}): {m.before:.1f} → {m.after:.1f}"
                for m in journey.moved_most
            ]
        )
    return story


BUILDERS: dict[str, Callable[[Context], list[Flowable]]] = {
    "summary": summary,
    "today": today,
    "changes": changes,
    "progress": progress_section,
    "heard": heard,
    "opportunities": opportunities,
    "team": team,
    "ways_of_working": ways_of_working,
    "roadmap": roadmap,
    "actions": actions,
    "framework": framework_note,
}


# Sections printed on landscape pages (wide visuals); all others are portrait.
LANDSCAPE_SECTIONS = frozenset({"roadmap"})


def build_story(
    ctx: Context, sections: set[str] | None, progress: Callable[[float], None] | None = None
) -> list[Flowable]:
    chosen = [
        (key, title)
        for key, title in ROADMAP_SECTIONS
        if (sections is None or key in sections)
        and (key not in FOLLOW_UP_SECTIONS or ctx.session.follows_up)
    ]
    story = cover(ctx) + contents(ctx, chosen)
    orientation = PORTRAIT
    for n, (key, title) in enumerate(chosen):
        wanted = LANDSCAPE if key in LANDSCAPE_SECTIONS else PORTRAIT
        if wanted != orientation or n == 0:
            story += [NextPageTemplate(wanted), PageBreak()]
            orientation = wanted
        else:
            # A section starts on a fresh page unless most of the current page is free.
            story.append(CondPageBreak(ctx.width * 0.9))
        story.append(SectionHeading(key, title))
        story += BUILDERS[key](ctx)
        if progress is not None:
            progress((n + 1) / len(chosen))
    return story
