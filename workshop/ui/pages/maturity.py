"""The maturity check for one stage: the room rates each statement 0-4.

``page.ref`` (or the page's stage) names the stage. Two ways to rate, switchable at any time:

* **Room score** — select a statement and press 0-4 (Up/Down move between statements,
  Backspace clears); one score for the whole room.
* **Show of hands** — how many people chose 0, 1, 2, 3 and 4, never by name, so the most
  senior person does not set the score. The spread is shown, and the placement reasoning
  flags the statements where the room disagrees.

When both exist the show of hands wins (see :mod:`workshop.domain.placement`); giving a room
score therefore clears the counts of that statement, as one undoable step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.agreement import AGREEMENT_RULE, agreement
from workshop.domain.edits import Batch, set_keyed_field
from workshop.domain.placement import StatementScore, place
from workshop.domain.session import SCORES, Rating
from workshop.ui.pages.base import register
from workshop.ui.pages.common import (
    SECONDARY,
    SECTION,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    named,
    plain_label,
    scroll_area,
)
from workshop.ui.pages.framework_notes import StageGuidance
from workshop.ui.widgets.placement_chart import SpreadHistogram

if TYPE_CHECKING:
    from workshop.framework.model import Page, Stage, Statement
    from workshop.ui.controller import SessionController

SCORE_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in SCORES}
NO_COUNTS = (0, 0, 0, 0, 0)


def counts_in_words(counts: tuple[int, ...]) -> str:
    """(0, 0, 2, 3, 0) -> "2×2, 3×3": how many people gave which score."""
    return ", ".join(f"{n}×{score}" for score, n in enumerate(counts) if n)


class StatementRow(QFrame):
    """One statement: its text, dimension, the rating controls and the room's spread."""

    def __init__(self, page: MaturityPage, statement: Statement, number: int):
        super().__init__()
        self.page = page
        self.statement = statement
        named(self, f"statement_{statement.id}", f"Statement {number}: {statement.text}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("current", False)
        unit = round(em(page))

        grid = QGridLayout(self)
        grid.setContentsMargins(unit, unit, unit, unit)
        grid.setHorizontalSpacing(unit * 2)
        grid.setVerticalSpacing(unit // 2)

        self.number_label = plain_label(f"{number}.", wrap=False)
        page.scaled(self.number_label, SECTION, bold=True)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.number_label, 0, 0, 3, 1)

        self.text_label = named(plain_label(statement.text), "statement_text", "Statement")
        page.scaled(self.text_label, SECTION)
        grid.addWidget(self.text_label, 0, 1)

        tags = QHBoxLayout()
        tags.setSpacing(unit)
        dimension = next(
            (d.name for d in page.framework.dimensions if d.id == statement.dimension),
            statement.dimension,
        )
        self.dimension_tag = named(Tag(dimension), "dimension_tag", "Dimension")
        page.scaled(self.dimension_tag, SECONDARY)
        self.disagreement_tag = named(
            Tag("⚠ The room disagrees", "warning"), "disagreement_tag", "Disagreement"
        )
        tags.addWidget(self.dimension_tag)
        tags.addWidget(self.disagreement_tag)
        tags.addStretch(1)
        grid.addLayout(tags, 1, 1, 1, 2)  # under the spread as well: room for both tags

        # Rate for the room: five buttons, each with its anchor as tooltip.
        self.score_panel = QWidget()
        score_layout = QHBoxLayout(self.score_panel)
        score_layout.setContentsMargins(0, 0, 0, 0)
        score_layout.setSpacing(unit // 2)
        # Tool buttons: no platform minimum width, so five fit a narrow page; the padding
        # (from the theme, in em) keeps them large targets.
        self.score_buttons: list[QToolButton] = []
        for score in SCORES:
            anchor = statement.anchors[score]
            button = named(QToolButton(), f"score_button_{score}", f"Score {score}: {anchor}")
            button.setText(f" {score} ")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(f"{score} — {anchor}")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            page.scaled(button, 1.1, bold=True)
            button.clicked.connect(page.on_change(lambda _c=False, s=score: self.rate(s)))
            score_layout.addWidget(button)
            self.score_buttons.append(button)
        self.clear_button = named(QToolButton(), "clear_button", "Clear the rating")
        self.clear_button.setText("Clear")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.setToolTip("Remove this statement's rating (Backspace)")
        self.clear_button.clicked.connect(page.on_change(lambda: self.rate(None)))
        score_layout.addSpacing(unit)
        score_layout.addWidget(self.clear_button)
        score_layout.addStretch(1)
        # Under the spread too (both columns): the five scores and Clear need the width.
        grid.addWidget(self.score_panel, 2, 1, 1, 2)

        # The rating in words, on its own line: a long show of hands wraps on a narrow page.
        self.rating_label = named(plain_label(), "rating_label", "Rating")
        page.scaled(self.rating_label, 1.0, bold=True)
        grid.addWidget(self.rating_label, 4, 1, 1, 2)

        # Show of hands: how many people chose each score.
        # "Hands for" above the five boxes, not beside them: the row then fits a 1024-pixel
        # projector with large type and the page list shown.
        self.count_panel = QWidget()
        count_column = QVBoxLayout(self.count_panel)
        count_column.setContentsMargins(0, 0, 0, 0)
        count_column.setSpacing(unit // 4)
        count_column.addWidget(plain_label("Hands for", wrap=False))
        count_layout = QHBoxLayout()
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.setSpacing(unit // 2)
        count_column.addLayout(count_layout)
        self.count_boxes: list[QSpinBox] = []
        for score in SCORES:
            box = named(QSpinBox(), f"count_box_{score}", f"How many chose {score}")
            box.setRange(0, 999)
            box.setPrefix(f"{score}:  ")
            box.setKeyboardTracking(False)  # one edit per number, not per keystroke
            box.setToolTip(f"How many people chose {score} — {statement.anchors[score]}")
            box.valueChanged.connect(page.on_change(lambda _v=0: self.set_counts()))
            count_layout.addWidget(box)
            self.count_boxes.append(box)
        count_layout.addStretch(1)
        grid.addWidget(self.count_panel, 3, 1, 1, 2)

        self.spread_chart = named(SpreadHistogram(), "spread_chart", "Show of hands")
        # Under the spread: n, median, IQR and consensus (workshop.domain.agreement).
        self.agreement_label = page.muted(named(plain_label(), "agreement_label", "Agreement"))
        self.agreement_label.setToolTip(AGREEMENT_RULE)
        spread_column = QVBoxLayout()
        spread_column.addWidget(self.spread_chart)
        spread_column.addWidget(self.agreement_label)
        spread_column.addStretch(1)
        grid.addLayout(spread_column, 0, 2)

        self.anchor_label = page.muted(named(plain_label(), "anchor_label", "What the score means"))
        grid.addWidget(self.anchor_label, 5, 1, 1, 2)
        self.anchors_label = page.muted(
            named(
                plain_label(
                    "\n".join(f"{s} — {statement.anchors[s]}" for s in SCORES), selectable=True
                ),
                "anchors_label",
                "Anchors",
            )
        )
        grid.addWidget(self.anchors_label, 6, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    # --- showing ---------------------------------------------------------------------------

    def show_rating(self, rating: Rating, scored: StatementScore | None, counting: bool) -> None:
        counts = rating.counts
        has_counts = sum(counts) > 0
        for score, button in enumerate(self.score_buttons):
            button.setChecked(not has_counts and rating.score == score)
        for score, box in enumerate(self.count_boxes):
            if box.value() != counts[score]:
                box.setValue(counts[score])
        self.score_panel.setVisible(not counting)
        self.count_panel.setVisible(counting)
        self.spread_chart.set_counts(counts)
        self.spread_chart.setVisible(has_counts)
        self.show_agreement(counts)
        anchor = ""
        if has_counts:
            mean = scored.score if scored and scored.score is not None else 0.0
            people = sum(counts)
            self.rating_label.setText(
                f"Show of hands: {counts_in_words(counts)} · average {mean:.1f} · {people} people"
            )
            anchor = self.statement.anchors[round(mean)]
            anchor = f"About {round(mean)} — {anchor}"
        elif rating.score is not None:
            self.rating_label.setText(f"Room score {rating.score}")
            anchor = f"{rating.score} — {self.statement.anchors[rating.score]}"
        else:
            self.rating_label.setText("Not rated yet")
        self.anchor_label.setText(anchor)
        self.anchor_label.setVisible(bool(anchor) and not self.page.show_anchors)
        self.anchors_label.setVisible(self.page.show_anchors)
        self.disagreement_tag.setVisible(bool(scored and scored.disagreement))
        if scored and scored.disagreement and scored.spread is not None:
            self.disagreement_tag.setToolTip(
                f"Votes are {scored.spread} points apart: worth a discussion."
            )

    def show_agreement(self, counts: tuple[int, ...]) -> None:
        figures = agreement(counts)
        text = figures.in_words().replace("n ", "n ", 1).replace(" · IQR", "\nIQR", 1)
        if figures.disagreement:
            text += "\n⚠ Low consensus"
        self.agreement_label.setText(text)
        self.agreement_label.setVisible(figures.n > 0)

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            width = max(2, round(em(self) / 4))
            self.setStyleSheet(
                f"StatementRow {{ border: {width}px solid palette(highlight); }}" if current else ""
            )

    # --- changing --------------------------------------------------------------------------

    def rate(self, score: int | None) -> None:
        """Set the room score (and drop a show of hands, which would otherwise win)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # keys 0-4 now go to this statement
        self.page.rate(self.statement.id, score)

    def set_counts(self) -> None:
        counts = tuple(box.value() for box in self.count_boxes)
        self.page.set_counts(self.statement.id, counts)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in SCORE_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            self.rate(SCORE_KEYS[key])
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.rate(None)
        elif key == Qt.Key.Key_Down:
            self.page.move_current(self, 1)
        elif key == Qt.Key.Key_Up:
            self.page.move_current(self, -1)
        else:
            super().keyPressEvent(event)


@register
class MaturityPage(BasePage):
    page_type = "maturity"
    report_sections = ("today", "changes")

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.stage_id = page.ref or page.stage
        self.show_anchors = False
        self.counting = False
        self.rows: list[StatementRow] = []
        self._row_ids: tuple[str, ...] = ()
        unit = round(em(self))

        layout = self.page_layout()
        self.title_label = named(plain_label(), "title_label", "Maturity check")
        self.scaled(self.title_label, TITLE, bold=True)
        layout.addWidget(self.title_label)
        self.summary_label = self.muted(named(plain_label(), "summary_label", "Stage summary"))
        layout.addWidget(self.summary_label)

        bar = QHBoxLayout()
        bar.setSpacing(unit)
        self.progress_tag = named(Tag(), "progress_tag", "Statements rated")
        # The tag on its own line: with the buttons it would not fit 1024 px when projecting.
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_tag)
        progress_row.addStretch(1)
        layout.addLayout(progress_row)
        self.room_mode_button = named(
            QPushButton("Room score (keys 0–4)"), "room_mode_button", "Rate for the room"
        )
        self.count_mode_button = named(
            QPushButton("Show of hands"), "count_mode_button", "Record a show of hands"
        )
        self.mode_group = QButtonGroup(self)
        for button in (self.room_mode_button, self.count_mode_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
            bar.addWidget(button)
        self.room_mode_button.setChecked(True)
        self.count_mode_button.toggled.connect(self._set_counting)
        self.anchors_button = named(
            QPushButton("Show anchors"), "anchors_button", "Show what each score means"
        )
        self.anchors_button.setCheckable(True)
        self.anchors_button.setToolTip("Show what 0, 1, 2, 3 and 4 mean for every statement")
        self.anchors_button.toggled.connect(self._set_show_anchors)
        bar.addSpacing(unit)
        bar.addWidget(self.anchors_button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.help_label = self.muted(named(plain_label(), "help_label", "How to rate"))
        self.scaled(self.help_label, SECONDARY)
        layout.addWidget(self.mark_private(self.help_label))
        layout.addWidget(self.message)

        # The framework's words on the stage scroll with the statements: at 1024 × 768 with
        # projecting type they would otherwise take the whole page, cut off.
        self.scroll_view = scroll_area("statements_scroll", "Statements")
        body = QWidget()
        body.setObjectName("statements_body")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(unit)
        body_layout.addWidget(StageGuidance(self.stage))
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(unit)
        body_layout.addWidget(self.list_widget)
        body_layout.addStretch(1)
        self.scroll_view.setWidget(body)
        layout.addWidget(self.scroll_view, 1)
        self.empty_state = named(EmptyState(""), "empty_state", "No statements")
        layout.addWidget(self.empty_state)

        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    @property
    def stage(self) -> Stage | None:
        return next((s for s in self.framework.stages if s.id == self.stage_id), None)

    def statements(self) -> tuple[Statement, ...]:
        extended = self.controller.session.statement_set == "extended"
        order = {d.id: i for i, d in enumerate(self.framework.dimensions)}
        found = self.framework.statements_for(self.stage_id, extended=extended)
        # Grouped by dimension (framework order), content order within a dimension.
        return tuple(sorted(found, key=lambda s: order.get(s.dimension, len(order))))

    def refresh(self) -> None:
        with self.filling():
            session = self.controller.session
            stage = self.stage
            name = stage.name if stage else self.stage_id
            self.title_label.setText(f"Maturity check — {name}")
            self.summary_label.setText(stage.summary if stage else "")
            statements = self.statements()
            self._rebuild_rows(statements)
            placement = place(self.framework, session)
            scored = {s.statement_id: s for s in placement.statements}
            rated = 0
            for row in self.rows:
                rating = session.rating(row.statement.id)
                rated += rating.is_rated
                row.show_rating(rating, scored.get(row.statement.id), self.counting)
            extended = session.statement_set == "extended"
            set_name = "Core and extended statements" if extended else "Core statements"
            self.progress_tag.set_tag(
                f"{set_name} · {rated} of {len(statements)} rated",
                "good" if statements and rated == len(statements) else "neutral",
            )
            self.empty_state.setVisible(not statements)
            self.empty_state.setText(
                f"{name} has no statements in the {'extended' if extended else 'core'} set. "
                "Choose the extended set on the overview page for a full day, "
                "or move on to the next page."
            )
            self.scroll_view.setVisible(bool(statements))
            self.help_label.setText(
                "Select a statement and press 0–4 to record the room's score; ↑/↓ move, "
                "Backspace clears."
                if not self.counting
                else "Ask for a show of hands per score and type how many people chose each "
                "score. Names are never recorded. The spread shows where the room disagrees."
            )

    def _rebuild_rows(self, statements: tuple[Statement, ...]) -> None:
        ids = tuple(s.id for s in statements)
        if ids == self._row_ids:
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        previous: QWidget | None = self.anchors_button
        for number, statement in enumerate(statements, 1):
            row = StatementRow(self, statement, number)
            self.list_layout.addWidget(row)
            self.rows.append(row)
            if previous is not None:
                QWidget.setTabOrder(previous, row)
            previous = row
        self.list_layout.addStretch(1)
        self._row_ids = ids
        self.show_new_children(self.list_widget)

    def focus_target(self) -> QWidget | None:
        """The first statement not rated yet (else the first): 0–4 rate it at once."""
        session = self.controller.session
        row = next(
            (r for r in self.rows if not session.rating(r.statement.id).is_rated),
            self.rows[0] if self.rows else None,
        )
        if row is None:
            return super().focus_target()
        self.scroll_view.ensureWidgetVisible(row)
        return row

    def row(self, statement_id: str) -> StatementRow:
        return next(r for r in self.rows if r.statement.id == statement_id)

    def current_item(self) -> str:
        """The statement the facilitator is on (the last row with the keyboard): the room
        sees it highlighted on the audience view while it is rated."""
        widget: QWidget | None = self.focusWidget()
        while widget is not None and widget is not self:
            if isinstance(widget, StatementRow):
                return widget.statement.id
            widget = widget.parentWidget()
        return ""

    # --- changing --------------------------------------------------------------------------

    def rate(self, statement_id: str, score: int | None) -> None:
        session = self.controller.session
        rating = session.find("ratings", statement_id)
        if rating is None and score is None:
            return
        label = "Clear rating" if score is None else f"Rate {score}"
        if (
            rating is not None
            and rating.counts != NO_COUNTS
            and not self._replace_hands(rating.counts, score)
        ):
            self.refresh()  # the pressed button goes back to how the rating stands
            return
        score_edit = set_keyed_field(session, "ratings", statement_id, "score", score, label)
        if rating is not None and rating.counts != NO_COUNTS:
            counts_edit = set_keyed_field(
                session, "ratings", statement_id, "counts", NO_COUNTS, label
            )
            self.push(Batch((score_edit, counts_edit), label))
        elif rating is None or rating.score != score:
            self.push(score_edit)

    def _replace_hands(self, counts: tuple[int, ...], score: int | None) -> bool:
        """A show of hands is the room's own vote: ask before a key press replaces it."""
        people = sum(counts)
        what = "clear the rating" if score is None else f"record room score {score} instead"
        answer = QMessageBox.question(
            self,
            "Replace the show of hands?",
            f"This statement has a show of hands ({people} votes: {counts_in_words(counts)}).\n"
            f"Drop those votes and {what}? (Ctrl+Z brings them back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def set_counts(self, statement_id: str, counts: tuple[int, ...]) -> None:
        session = self.controller.session
        if session.rating(statement_id).counts == counts:
            return
        self.push(
            set_keyed_field(
                session, "ratings", statement_id, "counts", counts, label="Record show of hands"
            )
        )

    def move_current(self, row: StatementRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            target = self.rows[index]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_view.ensureWidgetVisible(target)

    def _set_counting(self, counting: bool) -> None:
        self.counting = counting
        self.refresh()

    def _set_show_anchors(self, show: bool) -> None:
        self.show_anchors = show
        self.anchors_button.setText("Hide anchors" if show else "Show anchors")
        self.refresh()

    def _focus_changed(self, _old: QObject | None, new: QObject | None) -> None:
        widget = new if isinstance(new, QWidget) else None
        current: StatementRow | None = None
        while widget is not None:
            if isinstance(widget, StatementRow) and widget.page is self:
                current = widget
                break
            widget = widget.parentWidget()
        if current is None and not (isinstance(new, QWidget) and self.isAncestorOf(new)):
            return  # focus left the page: keep the last row marked
        for row in self.rows:
            row.set_current(row is current)


__all__ = ["MaturityPage", "StatementRow", "counts_in_words"]
