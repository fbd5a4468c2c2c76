"""Actions, decisions and the parking lot: one sortable table, edited in place.

Anything can be sent here from other pages (a line of an answer, a gap of the placement).
At a follow-up workshop the open actions carried over from the last one are reviewed first:
they sort to the top and a banner says how many are still open.

The table model reads ``controller.session.actions`` on every refresh and turns each cell
edit into one domain edit; it never keeps its own copy. When only values changed, it
signals ``dataChanged`` for the rows whose action changed (an open cell editor survives);
when rows came or went it resets. Column widths are measured from the texts themselves, never
by laying out every row.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workshop.domain.edits import Batch, add_item, remove_item, set_item_field
from workshop.domain.session import Action, new_id
from workshop.service.changes import Change
from workshop.ui.pages.base import register
from workshop.ui.pages.changes import concerns
from workshop.ui.pages.common import (
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
)
from workshop.vocab import ActionKind, ActionStatus

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_NAMES = {kind.value: kind.label for kind in ActionKind}
STATUS_NAMES = {status.value: status.marked for status in ActionStatus}
FILTERS = (
    ("all", "Everything"),
    ("action", "Actions"),
    ("decision", "Decisions"),
    ("parking", "Parking lot"),
    ("carried", "Carried over"),
)

# What the count beside the filter calls the rows of each kind: (one, many).
COUNT_NOUNS = {
    "all": ("item", "items"),
    "action": ("action", "actions"),
    "decision": ("decision", "decisions"),
    "parking": ("parking-lot item", "parking-lot items"),
    "carried": ("carried over", "carried over"),
}


def count_text(kind: str, shown: int, total: int) -> str:
    """The count beside the filter: "12 items", or "9 actions · 12 items in all".

    Never "9 of 12 shown": in front of the room that reads as if something were hidden.
    ``total`` counts only what the room may see (private items are left out while
    projecting, so the count does not give them away either).
    """
    one, many = COUNT_NOUNS.get(kind, COUNT_NOUNS["all"])
    text = f"{shown} {one if shown == 1 else many}"
    if kind == "all":
        return text
    return f"{text} \u00b7 {total} item{'' if total == 1 else 's'} in all"


# (field, heading); the order of the table's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("text", "What"),
    ("owner", "Owner"),
    ("due", "Due"),
    ("status", "Status"),
    ("kind", "Kind"),
    ("stage", "Stage"),
    ("carried_from", "From last workshop"),
    ("private", "Private"),
)
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}
# Hidden in this order when the screen is too narrow for "What" to be read.
COMPACT_HIDDEN = ("stage", "kind")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 3  # (value, label) pairs for a combo editor


class ActionsModel(QAbstractTableModel):
    def __init__(self, page: ActionsPage):
        super().__init__(page)
        self.page = page
        self._ids: list[str] = []
        self._by_id: dict[str, Action] = {}

    # --- reading -------------------------------------------------------------------------

    def actions(self) -> list[Action]:
        return list(self.page.controller.session.actions)

    def reload(self) -> bool:
        """Follow the session; True when rows came, went or moved (a reset)."""
        ordered = self.ordered()
        ids = [a.id for a in ordered]
        before = self._by_id
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self._by_id = {a.id: a for a in ordered}
            self.endResetModel()
            return True
        self._by_id = {a.id: a for a in ordered}
        for row, action in enumerate(ordered):
            if before.get(action.id) is not action:  # items are immutable: a new one changed
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return False

    def ordered(self) -> list[Action]:
        """Carried-over actions first (they are reviewed first), then in the order added."""
        actions = self.actions()
        return [a for a in actions if a.carried_from] + [a for a in actions if not a.carried_from]

    def action(self, row: int) -> Action | None:
        if 0 <= row < len(self._ids):
            return self._by_id.get(self._ids[row])
        return None

    def row_of(self, action_id: str) -> int:
        return self._ids.index(action_id)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = COLUMNS[index.column()][0]
        if field == "private":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field != "carried_from":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        action = self.action(index.row())
        if action is None:
            return None
        field = COLUMNS[index.column()][0]
        value = getattr(action, field)
        if role == ID_ROLE:
            return action.id
        if role == Qt.ItemDataRole.CheckStateRole and field == "private":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and field == "text":
            return value
        if role == CHOICES_ROLE:
            return self.page.choices(field)
        if role == Qt.ItemDataRole.EditRole:
            return qdate(value) if field == "due" else value
        if role == SORT_ROLE:
            if field == "due":
                return value.isoformat() if value else "9999"  # undated last
            return self.display(field, value).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(field, value)
        return None

    def display(self, field: str, value: Any) -> str:
        if field == "due":
            return value.isoformat() if value else ""
        if field == "status":
            return str(STATUS_NAMES.get(value, value))
        if field == "kind":
            return str(KIND_NAMES.get(value, value))
        if field == "stage":
            return self.page.stage_name(value)
        if field == "carried_from":
            return "↻ Carried over" if value else ""
        if field == "private":
            return "Private" if value else ""
        return str(value)

    # --- changing --------------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        action = self.action(index.row())
        if action is None:
            return False
        field = COLUMNS[index.column()][0]
        if field == "private" and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif field == "due":
            new = pydate(value) if isinstance(value, QDate) else value
        elif isinstance(value, str):
            new = value.strip() if field == "text" else value
        else:
            new = value
        if new == getattr(action, field):
            return False
        session = self.page.controller.session
        return self.page.push(
            set_item_field(session, "actions", action.id, field, new, label=f"Edit action {field}")
        )


class ActionsFilter(QSortFilterProxyModel):
    def __init__(self, page: ActionsPage):
        super().__init__(page)
        self.page = page
        self.kind = "all"
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str) -> None:
        self.refilter(kind)

    def refilter(self, kind: str | None = None) -> None:
        """Re-run the filter, with a new kind if given (invalidateFilter() is deprecated
        from Qt 6.10 on; begin/endFilterChange() replace it)."""
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        if kind is not None:
            self.kind = kind
        if modern:
            self.endFilterChange()
        else:  # Qt before 6.9
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        action = model.action(source_row)
        if action is None:
            return False
        if action.private and self.page.projecting:
            return False  # private items never reach the room
        if self.kind == "carried":
            return bool(action.carried_from)
        return self.kind == "all" or action.kind == self.kind


class ChoiceDelegate(QStyledItemDelegate):
    """Combo boxes for status, kind and stage; a calendar for the due date."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if choices:
            combo = QComboBox(parent)
            combo.setObjectName("cell_combo")
            combo.setAccessibleName("Choose a value")
            for value, label in choices:
                combo.addItem(label, value)
            return combo
        if COLUMNS[index.column()][0] == "due":
            editor = QDateEdit(parent)
            editor.setObjectName("cell_date")
            editor.setAccessibleName("Due date")
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            return editor
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        """An editor at least as wide as it needs (a date box shows its whole date even
        when the column is only as wide as the date's text)."""
        super().updateEditorGeometry(editor, option, index)
        wanted = editor.sizeHint().width()
        if editor.width() < wanted:
            editor.resize(wanted, editor.height())

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        elif isinstance(editor, QDateEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else _today())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def _today() -> QDate:
    today = date.today()
    return QDate(today.year, today.month, today.day)


@register
class ActionsPage(BasePage):
    page_type = "actions"
    report_sections = ("actions",)

    def __init__(self, controller: SessionController, page: Page, parent: QWidget | None = None):
        super().__init__(controller, page, parent)
        layout = self.page_layout()
        title = named(plain_label(page.title or "Actions and parking lot"), "title_label")
        self.scaled(title, TITLE, bold=True)
        layout.addWidget(title)

        self.carried_banner = named(Tag("", "accent"), "carried_banner", "Carried-over actions")
        self.carried_banner.setWordWrap(True)
        layout.addWidget(self.carried_banner)

        bar = QHBoxLayout()
        show_label = plain_label("Show:", wrap=False)
        self.filter_combo = named(QComboBox(), "filter_combo", "Show which kind")
        for value, label in FILTERS:
            self.filter_combo.addItem(label, value)
        show_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(self._filter_chosen)
        self.count_label = self.muted(named(plain_label(wrap=False), "count_label", "Count"))
        self.scaled(self.count_label, SECONDARY)
        self.add_button = named(QPushButton("Add action"), "add_button", "Add an item")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))  # Ctrl+N is New workshop
        self.add_button.setToolTip("Add a new item of the kind shown (Ctrl+Shift+N)")
        self.add_button.clicked.connect(self.add_action)
        self.remove_button = named(QPushButton("Remove"), "remove_button", "Remove selected")
        self.remove_button.setToolTip("Remove the selected items (Delete); undo brings them back")
        self.remove_button.clicked.connect(self.remove_selected)
        bar.addWidget(show_label)
        bar.addWidget(self.filter_combo)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout.addLayout(bar)
        layout.addWidget(self.message)

        self.model = ActionsModel(self)
        self.proxy = ActionsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(), "actions_table", "Actions")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # start in review order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN["text"], QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # Rows two lines high (what to do wraps once; the whole text is in the tooltip and
        # the editor): no row is measured, so 60 actions lay out as fast as six.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        layout.addWidget(self.table, 1)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.table.viewport().installEventFilter(self)

        self.empty_state = named(EmptyState(""), "empty_state", "Nothing here yet")
        # Under the toolbar, not floating mid-page: it takes the table's place and stretch.
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_state.setContentsMargins(0, round(em(self) * 4), 0, 0)
        layout.addWidget(self.empty_state, 1)
        self.setTabOrder(self.filter_combo, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.table)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    @property
    def projecting(self) -> bool:
        return self._projecting

    def stage_name(self, stage_id: str) -> str:
        return next((s.name for s in self.framework.stages if s.id == stage_id), stage_id)

    def choices(self, field: str) -> list[tuple[str, str]] | None:
        if field == "status":
            return list(STATUS_NAMES.items())
        if field == "kind":
            return list(KIND_NAMES.items())
        if field == "stage":
            return [("", "—")] + [(s.id, s.name) for s in self.framework.stages]
        return None

    def show_change(self, change: Change) -> None:
        """Only edits of the actions change this page."""
        if concerns(change, ("actions",)):
            self.refresh()

    def refresh(self) -> None:
        with self.filling():
            self.model.reload()
            self.proxy.refilter()
            actions = self.controller.session.actions
            carried_open = [
                a for a in actions if a.carried_from and a.status in ("open", "in_progress")
            ]
            self.carried_banner.set_tag(
                f"↻ {len(carried_open)} open item{'s' if len(carried_open) != 1 else ''} "
                "carried over from the last workshop — review them first: mark each done, "
                "in progress or dropped."
                if carried_open
                else "",
                "accent",
            )
            self.table.setColumnHidden(
                COLUMN["carried_from"], not any(a.carried_from for a in actions)
            )
            shown = self.proxy.rowCount()
            self._fit_rows()
            self._fit_columns()
            visible = sum(1 for a in actions if not (a.private and self.projecting))
            self.count_label.setText(count_text(self.proxy.kind, shown, visible))
            kind = self.proxy.kind
            noun = {"decision": "decision", "parking": "parking-lot item"}.get(kind, "action")
            self.add_button.setText(f"Add {noun}")
            self.remove_button.setEnabled(shown > 0)
            self.table.setVisible(shown > 0)
            self.empty_state.setVisible(shown == 0)
            if not actions:
                self.empty_state.setText(
                    "No actions yet. Press “Add action” (Ctrl+Shift+N), or send a line from a "
                    "question's answer or a gap from the placement page."
                )
            else:
                label = dict(FILTERS).get(kind, kind).lower()
                self.empty_state.setText(
                    f"Nothing under “{label}”. Choose “Everything” above, or add one."
                )

    def _fit_columns(self) -> None:
        """Size the small columns from their texts (measured here, not by laying out every
        row), capped, so "What" keeps most of the width even on a 1024-pixel projector with
        large type. A column never gets narrower than its longest word, so a name or
        "Parking lot" wraps onto a second line instead of being cut ("Parki… lot"). When
        "What" would still get less than about 24 characters, the stage column, then the
        kind, step aside (the filter above still shows the kind)."""
        for shown in COMPACT_HIDDEN:
            self.table.setColumnHidden(COLUMN[shown], False)
        for field in (None, *COMPACT_HIDDEN):
            if field is not None:
                self.table.setColumnHidden(COLUMN[field], True)
            if self._fit_small_columns():
                return

    def _fit_small_columns(self) -> bool:
        """Size the small columns; True when "What" keeps enough room."""
        metrics = self.table.fontMetrics()
        char = metrics.averageCharWidth()
        pad = round(em(self) * 2)
        header = self.table.horizontalHeader()
        texts: dict[int, set[str]] = {}
        for row in range(self.model.rowCount()):
            action = self.model.action(row)
            if action is None:
                continue
            for column, (field, _heading) in enumerate(COLUMNS):
                if field != "text":
                    texts.setdefault(column, set()).add(
                        self.model.display(field, getattr(action, field))
                    )
        widths: dict[int, int] = {}
        floors: dict[int, int] = {}
        for column, (field, _heading) in enumerate(COLUMNS):
            if field == "text" or self.table.isColumnHidden(column):
                continue
            shown = texts.get(column, set())
            whole = max((metrics.horizontalAdvance(t) for t in shown), default=0) + pad
            word = (
                max((metrics.horizontalAdvance(w) for t in shown for w in t.split()), default=0)
                + pad
            )
            floors[column] = max(word, header.sectionSizeHint(column) if field == "private" else 0)
            widths[column] = max(min(whole, char * 16), floors[column], char * 6)
        # The small columns together get at most 60 % of the table: names and stages wrap
        # onto a second line instead; a date never shrinks (an elided date is useless).
        fixed = {COLUMN["due"], COLUMN["private"]}
        limit = self.table.viewport().width() * 0.6 - sum(
            w for c, w in widths.items() if c in fixed
        )
        total = sum(w for c, w in widths.items() if c not in fixed)
        factor = limit / total if total > limit > 0 else 1.0
        for column, width in widths.items():
            if column not in fixed:
                width = max(round(width * factor), floors[column])
            if self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)
        left = self.table.viewport().width() - sum(self.table.columnWidth(c) for c in widths)
        return bool(left >= char * 24)

    def _fit_rows(self) -> None:
        line = self.table.fontMetrics().lineSpacing()
        height = line * 2 + round(em(self) * 1.5)
        vertical = self.table.verticalHeader()
        if vertical.defaultSectionSize() != height:
            vertical.setMinimumSectionSize(height)
            vertical.setDefaultSectionSize(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table's own width is what the columns share; it settles after the page's
        # (a side panel shown, a scroll bar appearing), so the columns follow it.
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def set_projecting(self, projecting: bool) -> None:
        super().set_projecting(projecting)
        self.table.setColumnHidden(COLUMN["private"], projecting)
        self.refresh()

    def selected_ids(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [str(self.proxy.index(row, 0).data(ID_ROLE)) for row in sorted(rows)]

    # --- changing --------------------------------------------------------------------------

    def _filter_chosen(self, index: int) -> None:
        self.proxy.set_kind(str(self.filter_combo.itemData(index)))
        self.refresh()

    def add_action(self) -> None:
        kind = self.proxy.kind if self.proxy.kind in KIND_NAMES else "action"
        action = Action(id=new_id(), kind=kind)
        if not self.push(add_item(self.controller.session, "actions", action, label="Add action")):
            return
        self.edit_cell(action.id, "text")

    def edit_cell(self, action_id: str, field: str) -> None:
        """Select an action's cell and open its editor (after adding one)."""
        source = self.model.index(self.model.row_of(action_id), COLUMN[field])
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        session = self.controller.session
        # Highest index first: removing it leaves the lower indices, recorded for undo, valid.
        order = sorted(ids, key=lambda i: session.index_of("actions", i), reverse=True)
        edits = [remove_item(session, "actions", i, label="Remove action") for i in order]
        label = "Remove action" if len(edits) == 1 else f"Remove {len(edits)} actions"
        self.push(edits[0] if len(edits) == 1 else Batch(tuple(edits), label))
