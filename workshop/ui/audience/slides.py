"""What the room sees of each page, as plain data: a :class:`Slide` built from the session and
the framework — never from the facilitator's widgets.

This module is deliberately free of Qt: it decides *what* is public and how it reads; the
audience view (``view.py``) decides how big it is and where the lines break. Keeping the two
apart means the rule "private things never reach the projector" is checked in one place:
only the builders below choose text, and none of them reads a private field
(``PageRecord.note``, ``StrategyQuestion.hint``, interview prompts, ``Hire.notes``, or any
item marked ``private``).

One builder per page type, registered in :data:`BUILDERS`; a page type without a builder
shows its title and stage (``tests/test_audience_slides.py`` checks that every page type the
content uses has a builder and that none shows a title alone). A builder is told which item the
facilitator is on (``focus``: the statement being rated on a maturity check), so the room sees
the same one highlighted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from workshop.domain.followup import last_answer
from workshop.domain.placement import place
from workshop.domain.priorities import prioritise
from workshop.domain.progress import progress_of
from workshop.domain.public_view import public_view
from workshop.domain.quarters import Quarter, is_quarter
from workshop.domain.session import Action, Session
from workshop.framework.model import Framework, Page
from workshop.vocab import ActionStatus, AuditStatus

# How a flag reads (kind decides colour and weight; the words and icon carry the meaning).
WARNING = "warning"
ACCENT = "accent"
NEUTRAL = "neutral"
WARNING_ICON = "⚠"
CHECK = "✓"


# --- the blocks a slide is made of ---------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """A short labelled marker beside a row ("⚠ The room disagrees", "★ First project")."""

    text: str
    kind: str = NEUTRAL


@dataclass(frozen=True)
class Paragraph:
    """Running text, shown as its first ``max_lines`` lines with "…" when longer."""

    text: str
    max_lines: int = 9
    empty: str = ""  # shown muted when ``text`` is blank


@dataclass(frozen=True)
class Row:
    """One line of a list: main text (up to ``lines`` lines), then details and flags; an
    optional big value at the right (a score) with a small note under it.

    ``number`` is shown before the text in its own column ("3."), so the room can say
    "statement 3"; a ``highlighted`` row is the one the facilitator is on (outlined in the
    accent colour, with a "▶" before its number, never colour alone)."""

    text: str
    detail: str = ""
    value: str = ""
    value_note: str = ""
    flags: tuple[Flag, ...] = ()
    lines: int = 2
    number: str = ""
    highlighted: bool = False


@dataclass(frozen=True)
class RowList:
    rows: tuple[Row, ...]
    empty: str = ""  # what the room sees when there is nothing yet
    more: str = "more"  # "+ 3 more {more}" when rows do not all fit
    more_one: str = ""  # "+ 1 more {more_one}" (defaults to ``more``)
    columns: int = 1  # short rows (names) read well side by side
    hidden: int = 0  # rows left out on purpose (a top list): added to "+ N more"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None = not rated yet


@dataclass(frozen=True)
class Bars:
    """Big labelled horizontal bars on a 0..maximum scale, with an optional threshold."""

    bars: tuple[Bar, ...]
    maximum: float = 4.0
    threshold: float | None = None
    threshold_label: str = ""


@dataclass(frozen=True)
class Headline:
    """A short, big statement: "Working on · Exploring"."""

    label: str
    value: str
    note: str = ""
    large: bool = True  # False: a name or a phrase, at the size of a score


@dataclass(frozen=True)
class Notice:
    """One line the room should not miss, e.g. "⚠ The room disagrees on 3 statements".
    The icon and words carry the meaning; the colour only supports it."""

    text: str
    kind: str = WARNING


@dataclass(frozen=True)
class MatrixSpot:
    """One opportunity on the value/cost matrix, drawn with its rank as its number."""

    rank: int
    title: str
    value: int  # 1..5, up
    cost: int  # 1..5, right
    quadrant: int  # index into :attr:`MatrixBlock.quadrants` (shape and fill)
    first_project: bool = False


@dataclass(frozen=True)
class MatrixQuadrantName:
    name: str
    high_value: bool
    high_cost: bool


@dataclass(frozen=True)
class MatrixBlock:
    """The value/cost matrix itself: quadrants named, every opportunity a numbered marker."""

    spots: tuple[MatrixSpot, ...]
    quadrants: tuple[MatrixQuadrantName, ...]
    value_threshold: float
    cost_threshold: float


@dataclass(frozen=True)
class OptionCard:
    name: str
    summary: str  # the option's one-line trade-off
    chosen: bool = False


@dataclass(frozen=True)
class OptionCards:
    """One decision: its options as cards side by side, and what was chosen in words
    ("✓ Chosen: Python" or "Not chosen yet"), so the choice never rests on an outline."""

    topic: str
    cards: tuple[OptionCard, ...]
    status: str
    chosen: bool = False
    detail: str = ""  # who owns it, by when
    question: str = ""  # what is being decided ("Which language will the team use?")


@dataclass(frozen=True)
class TimelineEntry:
    text: str
    detail: str = ""


@dataclass(frozen=True)
class TimelineColumn:
    label: str  # "Q1 2027", or "Not planned"
    entries: tuple[TimelineEntry, ...]
    planned: bool = True  # False: the last column, roles with no quarter yet


@dataclass(frozen=True)
class Timeline:
    """Roles along the quarters of their planned start, earliest at the left."""

    columns: tuple[TimelineColumn, ...]
    empty: str = ""
    more: str = "more"


@dataclass(frozen=True)
class Beside:
    """Two blocks side by side (the matrix and its ranked list); ``share`` is the left's
    part of the width."""

    left: Block
    right: Block
    share: float = 0.5


Block = (
    Paragraph | RowList | Bars | Headline | Notice | MatrixBlock | OptionCards | Timeline | Beside
)


def block_texts(block: Block) -> list[str]:
    """Every string a block can put on the screen."""
    out: list[str] = []
    if isinstance(block, Paragraph):
        out += [block.text, block.empty]
    elif isinstance(block, RowList):
        out.append(block.empty)
        for row in block.rows:
            out += [row.number, row.text, row.detail, row.value, row.value_note]
            out += [f.text for f in row.flags]
    elif isinstance(block, Bars):
        out += [b.label for b in block.bars] + [block.threshold_label]
    elif isinstance(block, Notice):
        out.append(block.text)
    elif isinstance(block, MatrixBlock):
        out += [q.name for q in block.quadrants] + [s.title for s in block.spots]
    elif isinstance(block, OptionCards):
        out += [block.topic, block.status, block.detail, block.question]
        out += [t for card in block.cards for t in (card.name, card.summary)]
    elif isinstance(block, Timeline):
        out.append(block.empty)
        for column in block.columns:
            out.append(column.label)
            out += [t for e in column.entries for t in (e.text, e.detail)]
    elif isinstance(block, Beside):
        out += block_texts(block.left) + block_texts(block.right)
    else:
        out += [block.label, block.value, block.note]
    return out


@dataclass(frozen=True)
class Slide:
    page_id: str
    caption: str  # small line above the title: stage and kind of page
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    #: Use the whole width of the screen (a chart beside a list), not the reading measure.
    wide: bool = False

    def texts(self) -> list[str]:
        """Every string on the slide (for checks that nothing private is shown)."""
        out = [self.caption, self.title]
        for block in self.blocks:
            out += block_texts(block)
        return [t for t in out if t]


# --- helpers ---------------------------------------------------------------------------------


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Hebrew, Arabic)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def long_date(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else ""


def quarter_label(text: str) -> str:
    return Quarter.parse(text).label if is_quarter(text) else text


def votes_in_words(counts: tuple[int, ...]) -> str:
    """A show of hands as the votes themselves, highest first: (0, 0, 1, 2, 0) -> "3 · 3 · 2".

    Anonymous by construction (counts per score, never names). Many votes read better
    grouped: "5×3 · 4×2".
    """
    if sum(counts) <= 9:
        votes = [score for score in range(len(counts) - 1, -1, -1) for _ in range(counts[score])]
        return " · ".join(str(v) for v in votes)
    return " · ".join(
        f"{counts[score]}×{score}" for score in range(len(counts) - 1, -1, -1) if counts[score]
    )


def score_text(value: float) -> str:
    """2.0 -> "2", 2.6667 -> "2.7"."""
    return f"{round(value, 1):g}"


def _stage_name(framework: Framework, stage_id: str) -> str:
    return next((s.name for s in framework.stages if s.id == stage_id), "")


def _joined(*parts: str) -> str:
    """The parts that are not empty, as one line: "Acme · 5 November 2026"."""
    return " · ".join(p for p in parts if p)


def _caption(framework: Framework, page: Page, kind: str) -> str:
    text = _joined(_stage_name(framework, page.stage), kind)
    return text[:1].upper() + text[1:]  # sentence case (VISUAL.md)


def _list_slide(
    framework: Framework,
    page: Page,
    kind: str,
    rows: Iterable[Row],
    *,
    empty: str,
    more: str,
    more_one: str,
) -> Slide:
    """A slide that is one list of rows under the stage and ``kind`` caption."""
    return Slide(
        page.id,
        _caption(framework, page, kind),
        page.title,
        (RowList(tuple(rows), empty=empty, more=more, more_one=more_one),),
    )


# --- one builder per page type ---------------------------------------------------------------

# (framework, public session, page, focus): ``focus`` is the id of the item the facilitator
# is on ("" when none), for builders that show it highlighted.
Builder = Callable[[Framework, Session, Page, str], Slide]
BUILDERS: dict[str, Builder] = {}


def builder(page_type: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[page_type] = function
        return function

    return register


def build_slide(framework: Framework, session: Session, page: Page, focus: str = "") -> Slide:
    """The public content of ``page`` as the room should see it (from the public view);
    ``focus`` names the item the facilitator is on (see the module's docstring)."""
    build = BUILDERS.get(page.page_type, _title_only)
    return build(framework, public_view(session, framework).session, page, focus)


def _title_only(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    stage = _stage_name(framework, page.stage)
    blocks: tuple[Block, ...] = ()
    if stage:
        blocks = (Headline("Stage", stage),)
    return Slide(page.id, session.organisation, page.title, blocks)


@builder("overview")
def _overview(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    blocks: list[Block] = []
    details = _joined(long_date(session.workshop_date), session.facilitator)
    if session.sponsor:
        sponsor = ", ".join(p for p in (session.sponsor, session.sponsor_role) if p)
        blocks.append(Headline("Executive sponsor", sponsor, large=False))
    people = tuple(
        Row(text=p.name or "—", detail=p.role, lines=1)
        for p in session.participants
        if p.name or p.role
    )
    blocks.append(
        RowList(
            people,
            empty="Participants will be listed here.",
            more="people",
            more_one="person",
            columns=2 if len(people) > 4 else 1,
        )
    )
    title = session.title or page.title
    caption = _joined(session.organisation, details)
    return Slide(page.id, caption, title, tuple(blocks))


@builder("interviews")
def _interviews(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    names = {p.function: p.function_name for p in framework.interview_prompts}
    rows = tuple(
        Row(
            text=interview.pains or "—",
            detail=_joined(
                names.get(interview.function, interview.function.replace("_", " ").capitalize()),
                interview.person,
            ),
        )
        for interview in session.interviews
        if not interview.private  # private interviews stay on the laptop
    )
    return _list_slide(
        framework,
        page,
        "discovery interviews",
        rows,
        empty="No interviews recorded yet.",
        more="interviews",
        more_one="interview",
    )


@builder("question")
def _question(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    question = next((q for q in framework.questions if q.id == page.ref), None)
    prompt = question.prompt if question else page.title
    answer = session.answer(page.ref)
    # Only the prompt and the room's answer: the facilitator's hint stays on the laptop.
    blocks: list[Block] = [
        Paragraph(answer.text.strip(), max_lines=9, empty="The room's answer will appear here.")
    ]
    before = last_answer(session, page.ref).strip()  # a wrap-up question at a follow-up
    if before:
        blocks.append(Paragraph(f"At the last workshop: {before}", max_lines=3))
    kind = "wrap-up" if question is not None and question.wrap_up else "strategy question"
    return Slide(page.id, _caption(framework, page, kind), prompt, tuple(blocks))


@builder("maturity")
def _maturity(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """The stage's statements, numbered as on the facilitator's page; the one being rated
    (``focus``) is highlighted, with its score or the show of hands."""
    stage_id = page.ref or page.stage
    placement = place(framework, session)
    dimension_names = {d.id: d.name for d in framework.dimensions}
    wanted = {
        s.id
        for s in framework.statements_for(stage_id, extended=session.statement_set == "extended")
    }
    rows: list[Row] = []
    for scored in placement.statements:
        if scored.statement_id not in wanted:
            continue
        flags: list[Flag] = []
        highlighted = scored.statement_id == focus
        if highlighted:
            flags.append(Flag("▶ Rating now", ACCENT))
        if scored.disagreement:
            flags.append(Flag(f"{WARNING_ICON} The room disagrees", WARNING))
        if scored.score is None:
            value, note = "–", "not rated"
        elif scored.votes:
            value, note = score_text(scored.score), votes_in_words(scored.counts)
        else:
            value, note = score_text(scored.score), "room score"
        rows.append(
            Row(
                text=scored.text,
                detail=dimension_names.get(scored.dimension, scored.dimension),
                value=value,
                value_note=note,
                flags=tuple(flags),
                number=f"{len(rows) + 1}.",
                highlighted=highlighted,
            )
        )
    return _list_slide(
        framework,
        page,
        "maturity check · 0 to 4",
        rows,
        empty="No statements for this stage.",
        more="statements",
        more_one="statement",
    )


@builder("placement")
def _placement(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    placement = place(framework, session)
    working = _stage_name(framework, placement.working_on)
    reached = _stage_name(framework, placement.reached[-1]) if placement.reached else ""
    if not placement.rated_any:
        headline = Headline("Working on", working, "Rate the maturity check to place the team.")
    elif placement.all_reached:
        headline = Headline("Stage reached", reached, "Every stage is reached.")
    else:
        headline = Headline(
            "Working on",
            working,
            f"Stage reached: {reached}" if reached else "No stage reached yet",
        )
    bars = Bars(
        tuple(Bar(d.name, d.score) for d in placement.chart),
        threshold=placement.threshold,
        threshold_label=f"reached at {score_text(placement.threshold)}",
    )
    blocks: list[Block] = [headline, bars]
    if placement.disagreements:
        n = len(placement.disagreements)
        statements = "statement" if n == 1 else "statements"
        blocks.append(Notice(f"{WARNING_ICON} The room disagrees on {n} {statements}"))
    return Slide(
        page.id, f"{working} · scores per dimension" if working else "", page.title, tuple(blocks)
    )


@builder("progress")
def _progress(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """The journey this workshop knows: where the room stood last time and today."""
    journey = progress_of(framework, session)
    points = [p for p in journey.points if p.rated]
    rows = tuple(
        Row(
            text=f"{long_date(p.workshop_date)}: working on {p.working_on_name}",
            detail=f"{p.actions_done} of {p.actions_agreed} actions done",
            value=score_text(
                sum(d.score for d in p.dimensions if d.score is not None)
                / max(1, sum(1 for d in p.dimensions if d.score is not None))
            ),
            value_note="mean score",
        )
        for p in points
    )
    empty = "Progress shows from the first follow-up workshop."
    return Slide(
        page.id,
        "Progress across workshops",
        page.title,
        (RowList(rows if len(rows) >= 2 else (), empty=empty),),
    )


# How many of the ranked opportunities the matrix slide lists beside the chart, and how many
# it draws: beyond a few dozen markers the room sees a blob, not a ranking.
MATRIX_TOP = 8
MATRIX_CHART_MAX = 24


@builder("matrix")
def _matrix(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """The value/cost matrix drawn (quadrants named, every opportunity a numbered marker)
    and, beside it, the top of the ranked list with the same numbers."""
    priorities = prioritise(framework, session)
    quadrant_ids = [q.id for q in framework.matrix.quadrants]
    spots = tuple(
        MatrixSpot(
            rank=ranked.rank,
            title=ranked.title or "Untitled opportunity",
            value=ranked.value,
            cost=ranked.cost,
            quadrant=quadrant_ids.index(ranked.quadrant) if ranked.quadrant in quadrant_ids else 0,
            first_project=ranked.first_project,
        )
        for ranked in priorities.ranked[:MATRIX_CHART_MAX]
    )
    chart = MatrixBlock(
        spots,
        tuple(
            MatrixQuadrantName(q.name, q.high_value, q.high_cost)
            for q in framework.matrix.quadrants
        ),
        priorities.value_threshold,
        priorities.cost_threshold,
    )
    rows = []
    for ranked in priorities.ranked[:MATRIX_TOP]:
        flags = []
        if ranked.first_project:
            flags.append(Flag("★ First project", ACCENT))
        if ranked.blocked:
            flags.append(Flag(f"{WARNING_ICON} Blocked by data", WARNING))
        rows.append(
            Row(
                text=ranked.title or "Untitled opportunity",
                detail=_joined(ranked.quadrant_name, f"value {ranked.value} · cost {ranked.cost}"),
                flags=tuple(flags),
                lines=1,
                number=f"{ranked.rank}.",
            )
        )
    ranked_list = RowList(
        tuple(rows),
        empty="No opportunities yet: the room adds them on the facilitator's screen.",
        more=(
            f"(top {MATRIX_CHART_MAX} drawn)"
            if len(priorities.ranked) > MATRIX_CHART_MAX
            else "on the matrix"
        ),
        hidden=len(priorities.ranked) - len(rows),
    )
    if not spots:
        return _list_slide(
            framework,
            page,
            "value and cost",
            (),
            empty="No opportunities yet.",
            more="opportunities",
            more_one="opportunity",
        )
    return Slide(
        page.id,
        _caption(framework, page, "value and cost, highest priority first"),
        page.title,
        (Beside(chart, ranked_list, share=0.5),),
        wide=True,
    )


@builder("audit")
def _audit(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    titles = {o.id: o.title for o in session.opportunities}
    # Only "available" carries its mark on the big screen; the rest read as plain words.
    status_words = {
        s.value: s.marked if s is AuditStatus.AVAILABLE else s.label for s in AuditStatus
    }
    rows = []
    for item in session.audit:
        flags = []
        if item.blocks_start and item.status != "available":
            flags.append(Flag(f"{WARNING_ICON} Blocks the start", WARNING))
        rows.append(
            Row(
                text=item.data_needed or "—",
                detail=_joined(
                    titles.get(item.opportunity_id, ""), quarter_label(item.target_quarter)
                ),
                value=status_words.get(item.status, item.status),
                flags=tuple(flags),
                lines=1,
            )
        )
    return _list_slide(
        framework,
        page,
        "data audit",
        rows,
        empty="No data audit items yet.",
        more="items",
        more_one="item",
    )


# Quarters shown as columns of the hiring timeline; later quarters join the last column.
TIMELINE_QUARTERS = 5


@builder("hiring")
def _hiring(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """The roles along the quarters of their planned start (a timeline), and those with no
    quarter yet at the end. Hire.notes are the facilitator's notes about people: never read."""
    role_names = {r.id: r.name for r in framework.roles}
    by_quarter: dict[Quarter, list[TimelineEntry]] = {}
    unplanned: list[TimelineEntry] = []
    for hire in session.hires:
        name = hire.title or role_names.get(hire.role_id, "Role")
        how = "internal move" if hire.mode == "internal" else "hire"
        headcount = f"{hire.headcount} × " if hire.headcount != 1 else ""
        entry = TimelineEntry(f"{headcount}{name}", f"{hire.seniority} · {how}")
        if is_quarter(hire.target_quarter):
            by_quarter.setdefault(Quarter.parse(hire.target_quarter), []).append(entry)
        else:
            unplanned.append(entry)
    quarters = sorted(by_quarter)
    columns = [
        TimelineColumn(quarter.label, tuple(by_quarter[quarter]))
        for quarter in quarters[:TIMELINE_QUARTERS]
    ]
    later = quarters[TIMELINE_QUARTERS:]
    if later:
        entries = tuple(e for quarter in later for e in by_quarter[quarter])
        columns.append(TimelineColumn(f"From {later[0].label}", entries))
    if unplanned:
        columns.append(TimelineColumn("Not planned yet", tuple(unplanned), planned=False))
    return Slide(
        page.id,
        _caption(framework, page, "planned roles by quarter of start"),
        page.title,
        (Timeline(tuple(columns), empty="No roles planned yet.", more="roles"),),
        wide=True,
    )


@builder("decision")
def _decision(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """Each decision of the page: its options as cards, the chosen one marked."""
    blocks: list[Block] = []
    for topic in framework.decisions_for_page(page):
        made = next((d for d in session.decisions if d.topic_id == topic.id), None)
        option = topic.option(made.option_id) if made and made.option_id else None
        cards = tuple(
            OptionCard(o.name, o.tradeoff, chosen=option is not None and o.id == option.id)
            for o in topic.options
            if not o.retired or (option is not None and o.id == option.id)
        )
        if option is not None and made is not None:
            status = f"{CHECK} Chosen: {option.name}"
            detail = _joined(made.owner, quarter_label(made.target_quarter))
        else:
            status, detail = "Not chosen yet", ""
        blocks.append(
            OptionCards(
                topic.title,
                cards,
                status,
                chosen=option is not None,
                detail=detail,
                question=topic.question,
            )
        )
    if not blocks:
        blocks.append(Paragraph("", empty="No decision for this page."))
    return Slide(
        page.id, _caption(framework, page, "decision"), page.title, tuple(blocks), wide=True
    )


@builder("go_to_market")
def _go_to_market(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    rows = []
    for item in framework.go_to_market:
        if item.retired:
            continue
        answer = session.answer(item.id)
        rows.append(
            Row(
                text=item.text,
                detail=answer.text.strip().replace("\n", " "),
                value=f"{CHECK}" if answer.status == "discussed" else "",
                lines=1,
            )
        )
    return _list_slide(
        framework,
        page,
        "go-to-market",
        rows,
        empty="No go-to-market items.",
        more="items",
        more_one="item",
    )


ACTION_ORDER = {
    status.value: rank
    for rank, status in enumerate(
        (ActionStatus.IN_PROGRESS, ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED)
    )
}
# An open action needs no word on the slide; the others say where they stand.
ACTION_STATUS = {s.value: "" if s is ActionStatus.OPEN else s.marked for s in ActionStatus}


def public_actions(session: Session) -> list[Action]:
    """Actions the room may see: never those marked private; open ones first."""
    actions = [a for a in session.actions if not a.private and a.kind == "action"]
    return sorted(actions, key=lambda a: (ACTION_ORDER.get(a.status, 9), a.due or date.max))


@builder("actions")
def _actions(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    rows = []
    for action in public_actions(session):
        status = ACTION_STATUS.get(action.status, "")
        due = f"due {long_date(action.due)}" if action.due else "no due date"
        rows.append(
            Row(
                text=action.text or "—",
                detail=_joined(action.owner or "no owner yet", due),
                flags=(Flag(status, ACCENT),) if status else (),
            )
        )
    return _list_slide(
        framework,
        page,
        "who does what, by when",
        rows,
        empty="No actions yet.",
        more="actions",
        more_one="action",
    )


@builder("roadmap")
def _roadmap(framework: Framework, session: Session, page: Page, focus: str) -> Slide:
    """The plan by quarter: one row per quarter of the window, what lands in it."""
    from workshop.domain.roadmap import build_roadmap

    roadmap = build_roadmap(framework, session)
    rows = []
    for quarter, label in zip(roadmap.quarters, roadmap.quarter_labels, strict=True):
        items = [item for lane in roadmap.lanes for item in lane.in_quarter(quarter)]
        if not items:
            continue
        rows.append(
            Row(
                text=label,
                detail=" · ".join(item.title for item in items),
                value=str(len(items)),
                value_note="item" if len(items) == 1 else "items",
            )
        )
    return _list_slide(
        framework,
        page,
        "the plan by quarter",
        rows,
        empty="Nothing is scheduled yet.",
        more="quarters",
        more_one="quarter",
    )
