"""Discovery interviews from the pre-work: who, which function, when, and what hurts.

The interviews are a list (one row each; the name, function and "Private" are edited in
place) and the one selected is shown in full in the form under it: its date, what hurts in
their words, and the framework's interview prompts for its function as facilitator hints
(private: hidden while projecting). An interview marked private is hidden from the room
altogether, and never printed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workshop.service.changes import Change
from workshop.ui.pages.base import register
from workshop.ui.pages.cell_editors import (
    CellDelegate,
    ColumnFit,
    PageTable,
    commit_open_editor,
    longest_word,
)
from workshop.ui.pages.changes import concerns
from workshop.ui.pages.common import (
    ADD_KEY_TEXT,
    SECONDARY,
    TITLE,
    BasePage,
    EmptyState,
    Tag,
    em,
    named,
    plain_label,
    pydate,
    qdate,
    scroll_area,
)
from workshop.ui.pages.interviews import intents
from workshop.ui.pages.interviews.model import InterviewsModel
from workshop.ui.pages.interviews.state import (
    COLUMN,
    COLUMNS,
    EMPTY,
    InterviewRow,
    InterviewsState,
    function_names,
    interviews_state,
)
from workshop.ui.pages.text import line_editor, text_editor
from workshop.ui.widgets.date_edit import DateEdit

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum stands for "no date"
ROWS_SHOWN = 8  # the list grows to this many rows, then scrolls


@register
class InterviewsPage(BasePage):
    page_type = "interviews"
    report_sections = ("heard",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        self.state: InterviewsState = EMPTY
        self.selected_id = ""  # the interview shown in the form
        self._bound_id = ""  # the interview the form's text fields edit
        layout = self.page_layout()
        unit = round(em(self))
        head = QHBoxLayout()
        title = named(plain_label(page.title or "Discovery interviews"), "title_label")
        self.scaled(title, TITLE, bold=True)
        head.addWidget(title, 1)
        self.add_button: QPushButton = named(
            QPushButton("Add interview"), "add_button", "Add an interview"
        )
        self.add_button.clicked.connect(self.add_interview)
        self.add_key(self.add_button)
        head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        intro = self.muted(
            plain_label(
                "Notes from the pre-work: talk to product, customer success, support, sales and "
                "a few clients before the workshop, and write down what hurts in their words."
            )
        )
        layout.addWidget(intro)
        layout.addWidget(self.message)

        self._functions = function_names(self.framework)
        self.model = InterviewsModel(
            self, function_choices=lambda: list(self._functions.items()), set_field=self.set_field
        )
        self.table = named(PageTable(), "interviews_table", "Interviews")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table, "interviews", COLUMNS))
        self.table.delete_requested.connect(self.remove_selected)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.resized.connect(self._fit_table)
        self.empty_state = named(EmptyState(""), "empty_state")
        self.form = self._build_form(unit)
        # The list and the form scroll together when a short screen has no room for both.
        self.scroll_view = scroll_area("interviews_scroll", "Interviews")
        self.scroll_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(unit)
        column.addWidget(self.table)
        column.addWidget(self.empty_state)
        column.addWidget(self.form)
        column.addStretch(1)  # with no interviews, the empty state stays on top
        self.scroll_view.setWidget(body)
        layout.addWidget(self.scroll_view, 1)
        # Tab in screen order: add, the list, then the selected interview's fields.
        chain = [
            self.add_button,
            self.table,
            self.person_edit,
            self.function_combo,
            self.date_edit,
            self.private_check,
            self.pains_edit,
            self.remove_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._fit_table()
        self.refresh()

    def _build_form(self, unit: int) -> QFrame:
        """The selected interview in full; its fields follow the selection."""
        form: QFrame = named(QFrame(), "interview_form", "Interview")
        form.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(form)
        grid.setContentsMargins(unit, unit, unit, unit)
        grid.setHorizontalSpacing(unit)
        grid.setVerticalSpacing(unit // 2)

        self.person_edit = named(
            line_editor(self, "interviews", "", "person", "Edit interviewee"),
            "person_edit",
            "Who was interviewed",
        )
        self.person_edit.setPlaceholderText("Who (name and job title)")
        self.function_combo = named(QComboBox(), "function_combo", "Function")
        for function, name in self._functions.items():
            self.function_combo.addItem(name, function)
        self.function_combo.currentIndexChanged.connect(
            self.on_change(lambda i: self._set("function", self.function_combo.itemData(i)))
        )
        self.date_edit = named(DateEdit(), "interview_date_edit", "Interview date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.dateChanged.connect(self.on_change(self._date_changed))
        self.private_check = named(QCheckBox("Private"), "private_check", "Private interview")
        self.private_check.setToolTip("Private interviews are never shown to the room or printed")
        self.private_check.toggled.connect(self.on_change(lambda on: self._set("private", on)))
        self.private_tag = named(Tag("Private — hidden from the room", "warning"), "private_tag")
        self.remove_button = named(QPushButton("Remove"), "remove_button", "Remove interview")
        self.remove_button.clicked.connect(self.remove_selected)

        # Who on a line of its own (a name and job title is long), then the rest: the form
        # fits beside the page list on a 1024-pixel projector.
        top = QHBoxLayout()
        top.setSpacing(unit)
        top.addWidget(self.person_edit, 1)
        top.addWidget(self.remove_button)
        grid.addLayout(top, 0, 0)
        second = QHBoxLayout()
        second.setSpacing(unit)
        second.addWidget(self.function_combo, 1)
        second.addWidget(self.date_edit)
        second.addWidget(self.private_check)
        second.addStretch(1)
        grid.addLayout(second, 1, 0)
        grid.addWidget(self.private_tag, 2, 0, Qt.AlignmentFlag.AlignLeft)

        pains_label = plain_label("What hurts, in their words", wrap=False)
        self.scaled(pains_label, SECONDARY, bold=True)
        grid.addWidget(pains_label, 3, 0)
        self.pains_edit = named(
            text_editor(self, "interviews", "", "pains", "Type what hurts"),
            "pains_edit",
            "What hurts",
        )
        self.pains_edit.setPlaceholderText("One pain point per line, as they said it.")
        pains_label.setBuddy(self.pains_edit)
        self._size_pains()
        grid.addWidget(self.pains_edit, 4, 0)

        self.prompts_label = self.muted(named(plain_label(), "prompts_label", "Prompts"))
        self.scaled(self.prompts_label, SECONDARY)
        grid.addWidget(self.mark_private(self.prompts_label), 5, 0)

        return form

    def _size_pains(self) -> None:
        # About six lines: enough for the notes of one interview.
        self.pains_edit.setMaximumHeight(round(self.pains_edit.fontMetrics().lineSpacing() * 6.5))
        self.pains_edit.setMinimumHeight(round(self.pains_edit.fontMetrics().lineSpacing() * 4))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "pains_edit"):
            self._size_pains()
            self._fit_table()

    # --- reading -------------------------------------------------------------------------

    @property
    def projecting(self) -> bool:
        return self._projecting

    @property
    def interviews(self) -> list[str]:
        """The interviews listed, top to bottom (private ones are left out while projecting)."""
        return self.model.ids

    def cell_text(self, interview_id: str, field: str) -> str:
        index = self.model.index(self.model.row_of(interview_id), COLUMN[field])
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def refresh(self) -> None:
        self._show(self._state())

    def show_change(self, change: Change) -> None:
        """Only edits of the interviews change this page."""
        if concerns(change, ("interviews",)):
            self._show(self._state())

    def _state(self) -> InterviewsState:
        return interviews_state(
            self.framework, self.controller.session, projecting=self._projecting
        )

    def _show(self, state: InterviewsState) -> None:
        with self.filling():
            self.state = state
            how = self.model.show_state(state)
            if state.row(self.selected_id) is None:
                self.selected_id = state.ids[0] if state.ids else ""
            row = self.model.row_of(self.selected_id)
            if row >= 0 and self.table.currentIndex().row() != row:
                self._select_row(row)
            if how != "same":
                self._fit_table()
            shown = bool(state.rows)
            self.table.setVisible(shown)
            self.empty_state.setText(state.empty_text.format(key=ADD_KEY_TEXT))
            self.empty_state.setVisible(not shown)
            self._show_form(state.row(self.selected_id))

    def _show_form(self, row: InterviewRow | None) -> None:
        self.form.setVisible(row is not None)
        if row is None:
            return
        interview = row.interview
        if self._bound_id != interview.id:  # the form follows the selection
            self._bound_id = interview.id
            self.person_edit.rebind("interviews", interview.id, "person")
            self.pains_edit.rebind("interviews", interview.id, "pains")
        self.function_combo.setCurrentIndex(
            max(self.function_combo.findData(interview.function), 0)
        )
        wanted = qdate(interview.interview_date) if interview.interview_date else NO_DATE
        if self.date_edit.date() != wanted:
            self.date_edit.setDate(wanted)
        self.private_check.setChecked(interview.private)
        self.private_tag.setVisible(interview.private)
        self.prompts_label.setText(row.prompts_text)
        self.prompts_label.setVisible(bool(row.prompts) and not self._projecting)

    def _fit_table(self) -> None:
        """Columns as wide as what they hold (never narrower than a word: text wraps onto
        the row's second line); the table as tall as its rows, up to ROWS_SHOWN."""
        table = self.table
        metrics = table.fontMetrics()
        pad = table.pad()
        cap = metrics.averageCharWidth() * 24

        def fixed(texts: list[str], extra: int = 0) -> ColumnFit:
            return ColumnFit(
                floor=longest_word(table.font(), texts, cap) + pad + extra,
                want=max(metrics.horizontalAdvance(t) for t in texts) + pad + extra,
            )

        def text(field: str, stretch: int) -> ColumnFit:
            words = longest_word(table.font(), [r.text(field) for r in self.state.rows], cap)
            return ColumnFit(
                floor=max(words, metrics.averageCharWidth() * 8) + pad, stretch=stretch
            )

        check = table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + round(em(self))
        table.fit(
            {
                COLUMN["person"]: text("person", 2),
                COLUMN["function"]: fixed(list(self._functions.values())),
                COLUMN["interview_date"]: fixed(["2026-11-30", "No date"]),
                COLUMN["private"]: fixed(["Private"], check),
                COLUMN["pains"]: text("pains", 3),
            },
            optional=(COLUMN["pains"],),
        )  # what hurts is in the form, in full
        rows = min(max(self.model.rowCount(), 1), ROWS_SHOWN)
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.row_height() * rows
            + 2 * table.frameWidth()
        )
        if table.minimumHeight() != height or table.maximumHeight() != height:
            table.setFixedHeight(height)

    def set_projecting(self, projecting: bool) -> None:
        super().set_projecting(projecting)
        if hasattr(self, "model"):
            self.refresh()

    def focus_target(self) -> QWidget | None:
        """Add interview: the page's work starts there (Space or Ctrl+Shift+N)."""
        return self.add_button

    # --- choosing --------------------------------------------------------------------------

    def select(self, interview_id: str) -> None:
        row = self.model.row_of(interview_id)
        if row >= 0:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, COLUMN["person"]),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.interview_row(current.row())
        if row is None or row.id == self.selected_id:
            return
        self.selected_id = row.id  # the form commits what was typed before it follows
        with self.filling():
            self._show_form(row)

    # --- changing --------------------------------------------------------------------------

    def flush(self) -> None:
        commit_open_editor(self.table)
        self.person_edit.commit()
        self.pains_edit.commit()

    def set_field(self, interview_id: str, field: str, value: Any) -> bool:
        return self.push(intents.set_field(self.controller.session, interview_id, field, value))

    def _set(self, field: str, value: object) -> None:
        if self.selected_id:
            self.set_field(self.selected_id, field, value)

    def _date_changed(self, value: QDate) -> None:
        new: date | None = None if value == NO_DATE else pydate(value)
        self._set("interview_date", new)

    def add_interview(self) -> None:
        # What is typed is committed first: the form follows the new interview, and the
        # typing belongs to the one it was typed for.
        self.flush()
        self.controller.flush()
        edit, interview_id = intents.add_interview(self.controller.session)
        if self.push(edit):
            self.select(interview_id)
            self.person_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        if self.selected_id:
            self.remove_interview(self.selected_id)

    def remove_interview(self, interview_id: str) -> None:
        self.flush()
        edit = intents.remove(self.controller.session, interview_id)
        if edit is None:
            return
        row = self.model.row_of(interview_id)
        if self.push(edit) and self.model.ids:
            ids = self.model.ids
            self.select(ids[min(row, len(ids) - 1)])
