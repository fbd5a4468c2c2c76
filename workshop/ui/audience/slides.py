"""What the room sees of each page, as plain data: a :class:`Slide` built from the session and
the framework — never from the facilitator's widgets.

This module is deliberately free of Qt: it decides *what* is public and how it reads; the
audience view (``view.py``) decides how big it is and where the lines break. Keeping the two
apart means the rule "private things never reach the projector" is checked in one place:
only the builders below choose text, and none of them reads a private field
(``PageRecord.note``, ``StrategyQuestion.hint``, interview prompts, ``Hire.notes``, or any
item marked ``private``).

One builder per page type, registered in :data:`BUILDERS`; a page type without a builder
shows its title and stage.
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
    optional big value at the right (a score) with a small note under it."""

    text: str
    detail: str = ""
    value: str = ""
    value_note: str = ""
    flags: tuple[Flag, ...] = ()
    lines: int = 2


@dataclass(frozen=True)
class RowList:
    rows: tuple[Row, ...]
    empty: str = ""  # what the room sees when there is nothing yet
    more: str = "more"  # "+ 3 more {more}" when rows do not all fit
    more_one: str = ""  # "+ 1 more {more_one}" (defaults to ``more``)
    columns: int = 1  # short rows (names) read well side by side


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


Block = Paragraph | RowList | Bars | Headline | Notice


@dataclass(frozen=True)
class Slide:
    page_id: str
    caption: str  # small line above the title: stage and kind of page
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Every string on the slide (for checks that nothing private is shown)."""
        out = [self.caption, self.title]
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out += [block.text, block.empty]
            elif isinstance(block, RowList):
                out.append(block.empty)
                for row in block.rows:
                    out += [row.text, row.detail, row.value, row.value_note]
                    out += [f.text for f in row.flags]
            elif isinstance(block, Bars):
                out += [b.label for b in block.bars] + [block.threshold_label]
            elif isinstance(block, Notice):
                out.append(block.text)
            else:
                out += [block.label, block.value, block.note]
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
    framework: Framework, page: Page, kind: str, rows: Iterable[Row], *,
    empty: str, more: str, more_one: str,
) -> Slide:
    """A slide that is one list of rows under the stage and ``kind`` caption."""
    return Slide(
        page.id,
        _caption(framework, page, kind),
        page.title,
        (RowList(tuple(rows), empty=empty, more=more, more_one=more_one),),
    )


# --- one builder per page type ---------------------------------------------------------------

Builder = Callable[[Framework, Session, Page], Slide]
BUILDERS: dict[str, Builder] = {}


def builder(page_type: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[page_type] = function
        return function

    return register


def build_slide(framework: Framework, session: Session, page: Page) -> Slide:
    """The public content of ``page`` as the room should see it (from the public view)."""
    build = BUILDERS.get(page.page_type, _title_only)
    return build(framework, public_view(session, framework).session, page)


def _title_only(framework: Framework, session: Session, page: Page) -> Slide:
    stage = _stage_name(framework, page.stage)
    blocks: tuple[Block, ...] = ()
    if stage:
        blocks = (Headline("Stage", stage),)
    return Slide(page.id, session.organisation, page.title, blocks)


@builder("overview")
def _overview(framework: Framework, session: Session, page: Page) -> Slide:
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
def _interviews(framework: Framework, session: Session, page: Page) -> Slide:
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
        framework, page, "discovery interviews", rows,
        empty="No interviews recorded yet.", more="interviews", more_one="interview",
    )


@builder("question")
def _question(framework: Framework, session: Session, page: Page) -> Slide:
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
def _maturity(framework: Framework, session: Session, page: Page) -> Slide:
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
            )
        )
    return _list_slide(
        framework, page, "maturity check · 0 to 4", rows,
        empty="No statements for this stage.", more="statements", more_one="statement",
    )


@builder("placement")
def _placement(framework: Framework, session: Session, page: Page) -> Slide:
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
def _progress(framework: Framework, session: Session, page: Page) -> Slide:
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


@builder("matrix")
def _matrix(framework: Framework, session: Session, page: Page) -> Slide:
    priorities = prioritise(framework, session)
    rows = []
    for ranked in priorities.ranked:
        flags = [Flag(ranked.quadrant_name, ACCENT)] if ranked.quadrant_name else []
        if ranked.first_project:
            flags.append(Flag("★ First project", ACCENT))
        if ranked.blocked:
            flags.append(Flag(f"{WARNING_ICON} Blocked by data", WARNING))
        rows.append(
            Row(
                text=f"{ranked.rank}. {ranked.title or 'Untitled opportunity'}",
                detail=f"value {ranked.value} · cost {ranked.cost}",
                flags=tuple(flags),
                lines=1,
            )
        )
    return _list_slide(
        framework, page, "opportunities, highest priority first", rows,
        empty="No opportunities yet.", more="opportunities", more_one="opportunity",
    )


@builder("audit")
def _audit(framework: Framework, session: Session, page: Page) -> Slide:
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
        framework, page, "data audit", rows,
        empty="No data audit items yet.", more="items", more_one="item",
    )


@builder("hiring")
def _hiring(framework: Framework, session: Session, page: Page) -> Slide:
    role_names = {r.id: r.name for r in framework.roles}
    scheduled = sorted(
        (h for h in session.hires if is_quarter(h.target_quarter)),
        key=lambda h: Quarter.parse(h.target_quarter),
    )
    unscheduled = [h for h in session.hires if not is_quarter(h.target_quarter)]
    rows = []
    for hire in [*scheduled, *unscheduled]:
        # Hire.notes are the facilitator's working notes about people: never projected.
        name = hire.title or role_names.get(hire.role_id, "Role")
        how = "internal move" if hire.mode == "internal" else "hire"
        headcount = f"{hire.headcount} × " if hire.headcount != 1 else ""
        rows.append(
            Row(
                text=f"{headcount}{name}",
                detail=f"{hire.seniority} · {how}",
                value=quarter_label(hire.target_quarter) if hire.target_quarter else "Not planned",
                lines=1,
            )
        )
    return _list_slide(
        framework, page, "planned roles by quarter", rows,
        empty="No roles planned yet.", more="roles", more_one="role",
    )


@builder("decision")
def _decision(framework: Framework, session: Session, page: Page) -> Slide:
    rows = []
    for topic in framework.decisions_for_page(page):
        made = next((d for d in session.decisions if d.topic_id == topic.id), None)
        option = topic.option(made.option_id) if made and made.option_id else None
        if option is not None:
            detail = _joined(
                made.owner if made else "", quarter_label(made.target_quarter) if made else ""
            )
            rows.append(
                Row(
                    text=f"{topic.title}: {option.name}",
                    detail=detail,
                    flags=(Flag(f"{CHECK} Decided", ACCENT),),
                )
            )
        else:
            options = " · ".join(o.name for o in topic.options if not o.retired)
            rows.append(
                Row(
                    text=f"{topic.title}: not decided yet",
                    detail=f"Options: {options}" if options else "",
                )
            )
    return _list_slide(
        framework, page, "decision", rows,
        empty="No decision for this page.", more="decisions", more_one="decision",
    )


@builder("go_to_market")
def _go_to_market(framework: Framework, session: Session, page: Page) -> Slide:
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
        framework, page, "go-to-market", rows,
        empty="No go-to-market items.", more="items", more_one="item",
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
def _actions(framework: Framework, session: Session, page: Page) -> Slide:
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
        framework, page, "who does what, by when", rows,
        empty="No actions yet.", more="actions", more_one="action",
    )


@builder("roadmap")
def _roadmap(framework: Framework, session: Session, page: Page) -> Slide:
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
        framework, page, "the plan by quarter", rows,
        empty="Nothing is scheduled yet.", more="quarters", more_one="quarter",
    )
