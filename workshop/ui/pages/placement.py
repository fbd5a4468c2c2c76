"""The placement panel: where the maturity check puts the organisation, and why.

Everything shown comes from :func:`workshop.domain.placement.place`, recomputed on every
refresh (it is cheap), so a rating changed on a maturity page shows here at once. Each
conclusion is shown with its rule in words, so the facilitator can say how it was reached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.edits import add_item
from workshop.domain.followup import PlacementChange, compare
from workshop.domain.placement import Gap, Placement, place
from workshop.domain.session import Action, new_id
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    clear_layout,
    em,
    named,
    plain_label,
    scroll_area,
)
from workshop.ui.pages.framework_notes import StageGuidance, stage_of
from workshop.ui.pages.maturity import counts_in_words
from workshop.ui.widgets.placement_chart import Bar, DimensionBarChart

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController


def _score(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


@register
class PlacementPage(BasePage):
    page_type = "placement"
    report_sections = ("today", "changes")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.placement: Placement | None = None
        self.before: Placement | None = None
        self._chosen_stage = ""  # "" follows the stage being worked on
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_view = scroll_area("placement_scroll", "Placement")
        outer.addWidget(self.scroll_view)
        body = QWidget()
        self.scroll_view.setWidget(body)
        layout = self.page_layout(body)
        unit = round(em(self))

        self.title_label = named(plain_label("Where the organisation stands"), "title_label")
        self.scaled(self.title_label, TITLE, bold=True)
        layout.addWidget(self.title_label)

        self.empty_state = named(
            EmptyState(
                "Nothing is rated yet. Rate the statements on a maturity check page "
                "(press 0–4, or record a show of hands); the placement appears here."
            ),
            "empty_state",
            "Nothing rated yet",
        )
        layout.addWidget(self.empty_state)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(unit)
        layout.addWidget(self.content)
        self.stage_guidance = StageGuidance()  # the stage being worked on, in the framework's words
        layout.addWidget(self.stage_guidance)
        layout.addWidget(self.message)
        layout.addStretch(1)

        # Stage reached, in words and tags.
        self.working_label = named(plain_label(), "working_label", "Stage being worked on")
        self.scaled(self.working_label, SECTION, bold=True)
        content.addWidget(self.working_label)
        self.change_label = named(plain_label(), "change_label", "Change since the last workshop")
        content.addWidget(self.change_label)
        self.reached_row = QHBoxLayout()
        self.reached_row.setSpacing(unit // 2)
        content.addLayout(self.reached_row)
        self.rule_label = self.muted(named(plain_label(), "rule_label", "How a stage is reached"))
        self.scaled(self.rule_label, SECONDARY)
        content.addWidget(self.rule_label)

        # Per-dimension chart for one stage.
        chart_head = QHBoxLayout()
        self.chart_title = named(plain_label(wrap=False), "chart_title", "Chart title")
        self.scaled(self.chart_title, SECTION, bold=True)
        chart_head.addWidget(self.chart_title)
        chart_head.addStretch(1)
        stage_label = plain_label("Stage:", wrap=False)
        self.stage_combo = named(QComboBox(), "stage_combo", "Stage shown in the chart")
        stage_label.setBuddy(self.stage_combo)
        chart_head.addWidget(stage_label)
        chart_head.addWidget(self.stage_combo)
        self.stage_combo.currentIndexChanged.connect(self.on_change(self._stage_chosen))
        content.addLayout(chart_head)
        self.chart = named(DimensionBarChart(), "dimension_chart", "Scores per dimension")
        content.addWidget(self.chart, 0, Qt.AlignmentFlag.AlignLeft)
        self.chart_caption = self.muted(named(plain_label(), "chart_caption", "Chart legend"))
        self.scaled(self.chart_caption, SECONDARY)
        content.addWidget(self.chart_caption)
        content.addSpacing(unit)

        # Gaps for the stage being worked on, each a suggested action.
        self.gaps_title = named(plain_label(), "gaps_title", "What is missing")
        self.scaled(self.gaps_title, SECTION, bold=True)
        content.addWidget(self.gaps_title)
        self.gaps_rule = self.muted(plain_label())
        self.scaled(self.gaps_rule, SECONDARY)
        content.addWidget(self.gaps_rule)
        self.gaps_grid = QGridLayout()
        self.gaps_grid.setHorizontalSpacing(unit * 2)
        self.gaps_grid.setVerticalSpacing(unit)
        content.addLayout(self.gaps_grid)
        content.addSpacing(unit)
        # Where the room disagrees.
        self.disagree_title = plain_label("Where the room disagrees")
        self.scaled(self.disagree_title, SECTION, bold=True)
        content.addWidget(self.disagree_title)
        self.disagree_list = QVBoxLayout()
        content.addLayout(self.disagree_list)

        # Thin coverage.
        self.coverage_title = plain_label("Coverage")
        self.scaled(self.coverage_title, SECTION, bold=True)
        content.addWidget(self.coverage_title)
        self.coverage_list = QVBoxLayout()
        content.addLayout(self.coverage_list)

        # All stages at a glance.
        stages_title = plain_label("All stages")
        self.scaled(stages_title, SECTION, bold=True)
        content.addWidget(stages_title)
        self.stages_grid = QGridLayout()
        self.stages_grid.setHorizontalSpacing(unit * 2)
        self.stages_grid.setVerticalSpacing(unit // 2)
        content.addLayout(self.stages_grid)

        self.gap_buttons: dict[str, QPushButton] = {}

        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def baseline(self) -> PlacementChange | None:
        """At a follow-up: the change since the last workshop (from its copied ratings)."""
        session = self.controller.session
        if not session.baseline_ratings:
            return None
        change = compare(self.framework, session.baseline_ratings, session)
        return change if change.has_baseline else None

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            placement = place(self.framework, session)
            self.placement = placement
            self.stage_guidance.show_stage(stage_of(self.framework, placement.working_on))
            change = self.baseline()
            self.before = change.before if change is not None else None
            self.change_label.setText(change.summary if change is not None else "")
            self.change_label.setVisible(change is not None)
            self.empty_state.setVisible(not placement.rated_any)
            self.content.setVisible(placement.rated_any)
            names = {s.id: s.name for s in self.framework.stages}
            working = names.get(placement.working_on, placement.working_on)
            if placement.all_reached:
                self.working_label.setText(f"Every stage reached — keeping {working} up")
            else:
                self.working_label.setText(f"Working on: {working}")
            self._fill_reached(placement, names)
            set_name = "core" if placement.statement_set == "core" else "core and extended"
            self.rule_label.setText(f"{placement.rule} Scored on the {set_name} statements.")
            self._fill_stage_combo(placement)
            self._fill_chart(placement)
            self._fill_stages(placement)
            self._fill_disagreements(placement)
            self._fill_coverage(placement)
            self._fill_gaps(placement, working)
            self.show_new_children(self.content)

    def _fill_reached(self, placement: Placement, names: dict[str, str]) -> None:
        clear_layout(self.reached_row)
        if placement.reached:
            for stage_id in placement.reached:
                tag = named(
                    Tag(f"✓ {names.get(stage_id, stage_id)} reached", "good"), "reached_tag"
                )
                self.reached_row.addWidget(tag)
        else:
            self.reached_row.addWidget(
                named(Tag("No stage reached yet", "neutral"), "reached_tag", "Stage reached")
            )
        self.reached_row.addStretch(1)

    def _fill_stage_combo(self, placement: Placement) -> None:
        if self.stage_combo.count() != len(placement.stages):
            self.stage_combo.clear()
            for stage in placement.stages:
                self.stage_combo.addItem(stage.name, stage.stage)
        shown = self._chosen_stage or placement.working_on
        index = self.stage_combo.findData(shown)
        if index >= 0:
            self.stage_combo.setCurrentIndex(index)

    @property
    def chart_stage(self) -> str:
        assert self.placement is not None
        return self._chosen_stage or self.placement.working_on

    def _fill_chart(self, placement: Placement) -> None:
        stage_id = self.chart_stage
        if not any(s.stage == stage_id for s in placement.stages):
            return
        stage = placement.stage_score(stage_id)
        self.chart_title.setText(f"{stage.name}: score per dimension")
        before = (
            {c.dimension: c.score for c in self.before.stage_score(stage_id).cells}
            if self.before is not None and any(s.stage == stage_id for s in self.before.stages)
            else {}
        )
        self.chart.set_bars(
            [
                Bar(c.dimension_name, c.score, before.get(c.dimension))
                for c in stage.cells
                if c.total > 0
            ],
            placement.threshold,
        )
        self.chart_caption.setText(
            f"0 = not at all, 4 = fully. The dashed line at {placement.threshold:g} is the "
            f"level every dimension needs for the stage to count as reached. "
            f"{stage.rated} of {stage.total} statements rated."
            + (
                f" The thick mark is the score at the last workshop{self._baseline_date()}."
                if before
                else ""
            )
        )

    def _baseline_date(self) -> str:
        when = self.controller.session.baseline_date
        return f" ({when.isoformat()})" if when else ""

    def _fill_stages(self, placement: Placement) -> None:
        clear_layout(self.stages_grid)
        previous = {s.stage: s for s in self.before.stages} if self.before is not None else {}
        headings = (
            ("Stage", "Score", "Last workshop", "Rated", "")
            if previous
            else ("Stage", "Score", "Rated", "")
        )
        for column, heading in enumerate(headings):
            label = plain_label(heading, wrap=False)
            self.scaled(label, SECONDARY, bold=True)
            self.stages_grid.addWidget(label, 0, column)
        for row, stage in enumerate(placement.stages, 1):
            self.stages_grid.addWidget(plain_label(stage.name, wrap=False), row, 0)
            score = plain_label(_score(stage.score), wrap=False)
            score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.stages_grid.addWidget(score, row, 1)
            column = 2
            if previous:
                was = previous.get(stage.stage)
                was_text = _score(was.score if was else None)
                if was is not None and was.reached:
                    was_text += " (reached)"
                was_label = named(plain_label(was_text, wrap=False), f"was_{stage.stage}")
                was_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.stages_grid.addWidget(was_label, row, column)
                column += 1
            self.stages_grid.addWidget(
                plain_label(f"{stage.rated} of {stage.total}", wrap=False), row, column
            )
            if stage.reached:
                tag = Tag("✓ Reached", "good")
            elif stage.stage == placement.working_on:
                tag = Tag("Working on", "accent")
            else:
                tag = Tag("Not yet", "neutral")
            self.stages_grid.addWidget(named(tag, f"stage_tag_{stage.stage}"), row, column + 1)
        for column in range(self.stages_grid.columnCount()):
            self.stages_grid.setColumnStretch(column, 0)
        self.stages_grid.setColumnStretch(len(headings), 1)

    def _fill_disagreements(self, placement: Placement) -> None:
        clear_layout(self.disagree_list)
        self.disagree_title.setVisible(True)
        if not placement.disagreements:
            note = self.muted(
                plain_label(
                    "No disagreement recorded. Record a show of hands on a maturity check to see "
                    "where executives see things differently."
                )
            )
            self.disagree_list.addWidget(named(note, "no_disagreement"))
            return
        for scored in placement.disagreements:
            row = QHBoxLayout()
            row.addWidget(Tag("⚠ Disagreement", "warning"))
            text = plain_label(
                f"{scored.text} — hands: {counts_in_words(scored.counts)}, "
                f"{scored.spread} points apart"
            )
            row.addWidget(named(text, "disagreement_text"), 1)
            self.disagree_list.addLayout(row)
        self.disagree_list.addWidget(self.muted(plain_label(placement.disagreement_rule)))

    def _fill_coverage(self, placement: Placement) -> None:
        clear_layout(self.coverage_list)
        if not placement.thin_coverage:
            self.coverage_list.addWidget(
                named(plain_label("✓ Every stage has enough statements rated."), "coverage_ok")
            )
            return
        for flag in placement.thin_coverage:
            row = QHBoxLayout()
            row.addWidget(Tag("Thin coverage", "warning"))
            row.addWidget(named(plain_label(flag.message), "coverage_text"), 1)
            self.coverage_list.addLayout(row)
        self.coverage_list.addWidget(self.muted(plain_label(placement.coverage_rule)))

    def _fill_gaps(self, placement: Placement, working: str) -> None:
        focused = next((gid for gid, button in self.gap_buttons.items() if button.hasFocus()), None)
        clear_layout(self.gaps_grid)
        self.gap_buttons = {}
        self.gaps_title.setText(f"What is missing to reach {working}")
        self.gaps_rule.setText(placement.gaps_rule)
        if not placement.gaps:
            self.gaps_grid.addWidget(
                named(
                    plain_label(f"Nothing missing: every statement of {working} is met."), "no_gaps"
                ),
                0,
                0,
            )
            return
        planned = {(a.text, a.stage) for a in self.controller.session.actions}
        for row, gap in enumerate(placement.gaps):
            self.gaps_grid.addWidget(
                Tag(gap.dimension_name, "neutral"), row, 0, Qt.AlignmentFlag.AlignTop
            )
            texts = QVBoxLayout()
            statement = named(plain_label(gap.statement), "gap_statement", "Statement")
            texts.addWidget(statement)
            step = self.muted(named(plain_label(f"Next step: {gap.action}"), "gap_action"))
            texts.addWidget(step)
            self.gaps_grid.addLayout(texts, row, 1)
            score = plain_label(
                "not rated" if gap.score is None else f"{gap.score:.1f} of 4", wrap=False
            )
            self.gaps_grid.addWidget(score, row, 2, Qt.AlignmentFlag.AlignTop)
            already = (gap.action, gap.stage) in planned
            button = named(
                QPushButton("✓ In actions" if already else "Add as action"),
                f"add_gap_{gap.statement_id}",
                f"Add as action: {gap.action}",
            )
            button.setEnabled(not already)
            button.clicked.connect(lambda _c=False, g=gap: self.add_gap_action(g))
            self.gaps_grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignTop)
            self.gap_buttons[gap.statement_id] = button
        self.gaps_grid.setColumnStretch(1, 1)
        if focused is not None:
            self._refocus_gap(focused)

    def _refocus_gap(self, statement_id: str) -> None:
        """Keep the keyboard where it was: the same gap's button, or the next one open."""
        ids = list(self.gap_buttons)
        start = ids.index(statement_id) if statement_id in ids else 0
        for gap_id in ids[start:] + ids[:start]:
            if self.gap_buttons[gap_id].isEnabled():
                self.gap_buttons[gap_id].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- changing --------------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        stage_id = self.stage_combo.itemData(index)
        assert self.placement is not None
        self._chosen_stage = "" if stage_id == self.placement.working_on else str(stage_id)
        with self.filling():
            self._fill_chart(self.placement)

    def add_gap_action(self, gap: Gap) -> None:
        action = Action(
            id=new_id(),
            text=gap.action,
            stage=gap.stage,
            source_page=self.page.id,
            kind="action",
        )
        if self.push(
            add_item(self.controller.session, "actions", action, label="Add gap as action")
        ):
            self.show_message(f"Added to actions: {gap.action}")


__all__ = ["PlacementPage"]
