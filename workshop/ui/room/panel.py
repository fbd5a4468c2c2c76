"""The facilitator's room-vote panel: pick the address, start, watch "5 of 7 have voted",
reveal, vote again, close (which writes the tally as one undoable edit).

It never shows who voted what — the round does not know it in a form this panel could
show: ballots are per random token and only their totals come out. It is a tool window
beside the workshop window, so the facilitator can keep the page in view; closing the panel
hides it and the round keeps running (the toolbar action brings it back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop.domain.agreement import number
from workshop.room.outcome import ROUND_PAGE_TYPES
from workshop.room.round import DEFAULT_BUDGET, DOTS, MAX_BUDGET, RATING
from workshop.ui import theme
from workshop.ui.pages.common import named, plain_label, scroll_area
from workshop.ui.room.addresses import laptop_addresses
from workshop.ui.room.live import DEFAULT_PORT, IDLE, REVEALED, VOTING, LiveRound
from workshop.ui.room.qr import QrCode

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController
    from workshop.ui.presenter import Presenter

ISOLATION_HINT = (
    "No phone yet? Check that phones are on the same Wi-Fi as this laptop. Venue Wi-Fi often "
    "keeps devices apart (client isolation): turn on this laptop's hotspot, have the room join "
    "it, and pick the hotspot's address here."
)


def can_vote_on(page: Page | None) -> bool:
    return page is not None and page.page_type in ROUND_PAGE_TYPES


class RoomPanel(QDialog):
    def __init__(self, controller: SessionController, window: QWidget) -> None:
        super().__init__(window, Qt.WindowType.Tool)
        self.setObjectName("room_panel")
        self.setWindowTitle("Room vote")
        self.setAccessibleName("Room vote")
        self.window_ = window
        self.controller = controller
        self.live = LiveRound(controller, self)
        self.page: Page | None = None
        self.live.progress.connect(self._show_progress)
        self.live.state_changed.connect(self._state_changed)

        layout = QVBoxLayout(self)
        step = theme.line_step(self)
        layout.setSpacing(step)
        self.title_label = named(plain_label(), "room_title", "Room vote on")
        theme.set_role(self.title_label, "section_title")
        layout.addWidget(self.title_label)

        # --- before the round -----------------------------------------------------------
        self.setup_box = QWidget(self)
        self.setup_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form = QFormLayout(self.setup_box)
        self.setup_form = form
        form.setContentsMargins(0, 0, 0, 0)
        self.address_box = named(QComboBox(), "room_address", "Address phones use")
        form.addRow("Address phones use", self.address_box)
        self.budget_box = named(QSpinBox(), "room_budget", "Dots per person")
        self.budget_box.setRange(1, MAX_BUDGET)
        self.budget_box.setValue(DEFAULT_BUDGET)
        form.addRow("Dots per person", self.budget_box)
        self.group_box = named(
            QCheckBox("Ask each voter: leadership or hands-on (optional for them)"),
            "room_ask_group",
            "Ask leadership or hands-on",
        )
        self.group_box.setToolTip(
            "Shows where leadership and hands-on people see a statement differently "
            "(at least 3 in each group, medians a band apart). Nothing else is asked."
        )
        form.addRow(self.group_box)
        self.start_button = named(QPushButton("Start the round"), "room_start", "Start the round")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        form.addRow(self.start_button)
        layout.addWidget(self.setup_box)

        # --- while it runs ----------------------------------------------------------------
        self.running_box = QWidget(self)
        running = QVBoxLayout(self.running_box)
        running.setContentsMargins(0, 0, 0, 0)
        running.setSpacing(step)
        join_row = QHBoxLayout()
        self.qr_code = QrCode(parent=self.running_box)
        side = step * 16
        self.qr_code.setFixedSize(side, side)
        join_row.addWidget(self.qr_code)
        join_text = QVBoxLayout()
        self.url_label = named(plain_label(selectable=True), "room_url", "Join address")
        self.code_label = named(plain_label(selectable=True), "room_code", "Join code")
        theme.set_role(self.code_label, "page_title")
        join_text.addWidget(self.url_label)
        join_text.addWidget(self.code_label)
        join_text.addStretch(1)
        join_row.addLayout(join_text, 1)
        running.addLayout(join_row)
        self.progress_label = named(plain_label(), "room_progress", "Votes so far")
        theme.set_role(self.progress_label, "section_title")
        running.addWidget(self.progress_label)
        self.hint_label = named(plain_label(ISOLATION_HINT), "room_hint", "If no phone can join")
        theme.set_role(self.hint_label, "muted")
        running.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        self.reveal_button = named(QPushButton("Reveal"), "room_reveal", "Reveal the results")
        self.again_button = named(QPushButton("Vote again"), "room_vote_again", "Vote again")
        self.close_button = named(
            QPushButton("Close and save"), "room_close", "Close the round and save the tally"
        )
        self.cancel_button = named(
            QPushButton("Cancel round"), "room_cancel", "Cancel the round without saving"
        )
        self.reveal_button.setToolTip("Show the distribution to the room (phones never see it)")
        self.again_button.setToolTip("A second silent round on the same items, after discussion")
        self.close_button.setToolTip("Write the tally into the workshop (one step, Ctrl+Z undoes)")
        self.cancel_button.setToolTip("Stop the server and forget the ballots")
        self.reveal_button.clicked.connect(self.reveal)
        self.again_button.clicked.connect(self.vote_again)
        self.close_button.clicked.connect(self.close_round)
        self.cancel_button.clicked.connect(self.live.stop)
        for button in (self.reveal_button, self.again_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        running.addLayout(buttons)
        self.results_label = named(plain_label(selectable=True), "room_results", "Results")
        self.results_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.results_scroll = scroll_area("room_results_scroll", "Results")
        self.results_scroll.setWidget(self.results_label)
        running.addWidget(self.results_scroll, 1)
        layout.addWidget(self.running_box, 1)

        self.message_label = named(plain_label(), "room_message", "Message")
        theme.set_level(self.message_label, "warning")
        layout.addWidget(self.message_label)
        layout.addStretch(1)  # idle: everything at the top (running: the results take it)
        self._layout = layout
        self.resize(step * 90, step * 90)
        self._state_changed(IDLE)

    # --- opening ------------------------------------------------------------------------

    def open_for(self, page: Page | None) -> None:
        """Show the panel for ``page`` (or for the round already running)."""
        if not self.live.running:
            self.page = page
            self._fill_addresses()
        self._state_changed(self.live.state)
        self.show()
        self.raise_()
        self.activateWindow()

    def _fill_addresses(self) -> None:
        current = self.address_box.currentData()
        self.address_box.clear()
        for address in laptop_addresses():
            self.address_box.addItem(address.label, address.host)
        index = self.address_box.findData(current)
        if index >= 0:
            self.address_box.setCurrentIndex(index)

    # --- the steps ------------------------------------------------------------------------

    def start(self) -> None:
        host = self.address_box.currentData()
        if self.page is None or not host:
            self.message_label.setText("Pick an address phones can reach (is Wi-Fi on?).")
            return
        try:
            self.live.start(
                self.page,
                str(host),
                DEFAULT_PORT,
                budget=self.budget_box.value(),
                ask_group=self.group_box.isChecked(),
            )
        except (ValueError, OSError) as error:
            self.message_label.setText(f"Could not start: {error}")
            return
        self.message_label.setText("")
        self._attach_to_audience()

    def reveal(self) -> None:
        self.live.reveal()

    def vote_again(self) -> None:
        self.live.vote_again()

    def close_round(self) -> None:
        ballots = self.live.voted
        if self.live.close_round():
            self.message_label.setText("")
            status = getattr(self.window_, "statusBar", None)
            if callable(status):
                status().showMessage(
                    f"Room vote saved: {ballots} ballot(s). Ctrl+Z undoes it.", 8000
                )
            self.hide()  # done: the page (and the audience view) now show the tally
        else:
            self.message_label.setText("Nobody voted: nothing was written.")

    def presenting_started(self, view: QWidget) -> None:
        """The audience view opened (F5): put the join screen over it while a round runs."""
        if self.live.running:
            from workshop.ui.room.audience_overlay import attach_overlay

            attach_overlay(view, self.live)

    def _attach_to_audience(self) -> None:
        # The workshop window makes its presenter on first F5: none yet, nothing to cover.
        presenter: Presenter | None = getattr(self.window_, "_presenter", None)
        view = presenter.view if presenter is not None else None
        if view is not None:
            self.presenting_started(view)

    # --- showing --------------------------------------------------------------------------

    def _state_changed(self, state: str) -> None:
        running = state != IDLE
        page = self.live.page if running else self.page
        self.title_label.setText(f"Room vote — {page.title}" if page else "Room vote")
        kind = ROUND_PAGE_TYPES.get(page.page_type, "") if page else ""
        self.setup_box.setVisible(not running)
        self.setup_form.setRowVisible(self.budget_box, kind == DOTS)
        self.setup_form.setRowVisible(self.group_box, kind == RATING)
        self.start_button.setEnabled(bool(kind))
        self.running_box.setVisible(running)
        self._layout.setStretch(self._layout.count() - 1, 0 if running else 1)
        if running and self.live.server is not None and self.live.round is not None:
            self.url_label.setText(f"Phones open {self.live.server.url}")
            code = self.live.round.code
            self.code_label.setText(f"Code {code[:3]} {code[3:]}")
            self.qr_code.set_text(self.live.server.join_url)
            number_text = f"Round {self.live.round.number} · " if self.live.round.number > 1 else ""
            self.progress_label.setProperty("round_prefix", number_text)
        self.reveal_button.setEnabled(state == VOTING)
        self.again_button.setEnabled(state == REVEALED)
        self._show_progress(self.live.voted, self.live.joined)
        self._show_results()

    def _show_progress(self, voted: int, joined: int) -> None:
        prefix = str(self.progress_label.property("round_prefix") or "")
        self.progress_label.setText(prefix + self.live.progress_text)
        self.hint_label.setVisible(self.live.running and joined == 0)
        self.close_button.setEnabled(self.live.running and voted > 0)

    def _show_results(self) -> None:
        room, tally = self.live.round, self.live.revealed_tally
        if room is None or tally is None:
            self.results_label.setText("Results stay hidden until you reveal them.")
            return
        lines = []
        for number_, item in enumerate(room.items, 1):
            if tally.kind == RATING:
                figures = self.live.agreement_of(item.id)
                if figures is None:
                    lines.append(f"{number_}. {item.text}\n    no votes\n")
                    continue
                line = f"{number_}. {item.text}\n    {figures.in_words()}"
                if figures.disagreement:
                    line += " · ⚠ the room disagrees"
                shift = self.live.shift_of(item.id)
                if shift is not None:
                    line += f"\n    since round 1: {shift.in_words()}"
                gap = self.live.gap_of(item.id)
                if gap:
                    line += f"\n    ⚠ {gap}"
                lines.append(line + "\n")
            else:
                votes = tally.votes.get(item.id, 0)
                lines.append(f"{item.text}: {votes} dot{'s' if votes != 1 else ''}")
        if tally.kind == DOTS and room.previous is not None:
            lines.append(f"(round 1: {number(sum(room.previous.votes.values()))} dots in all)")
        self.results_label.setText("\n".join(lines))

    def shutdown(self) -> None:
        """The workshop window closes: write what was voted and stop listening."""
        self.live.shutdown()
        self.hide()
