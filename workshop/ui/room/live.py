"""One page's room vote while it runs: the round, its server, and Qt signals about both.

The server answers phones on its own threads; the round calls back on those threads. Here
that callback only *emits a signal*, connected queued, so every widget is touched on the UI
thread alone. Nothing about a voter crosses over: just "how many joined, how many voted".

Closing writes the tally as one undoable edit through ``controller.push(Batch(...))``, so
Ctrl+Z takes a whole room vote back, and the placement, spread and PDF read it unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workshop.domain.agreement import Agreement, Shift, agreement, perception_gap
from workshop.room.outcome import round_for_page, tally_edit
from workshop.room.round import DEFAULT_BUDGET, RATING, Round, Tally
from workshop.room.server import RoomServer

if TYPE_CHECKING:
    from workshop.framework.model import Page
    from workshop.ui.controller import SessionController

DEFAULT_PORT = 8765
# Thirty phones can send hundreds of ballots a second; the counter on screen needs a few
# updates a second, and every update spent on it is taken from the audience view's frames.
PROGRESS_EVERY_MS = 150

# What the round is doing, for the panel and the audience overlay.
IDLE, VOTING, REVEALED = "idle", "voting", "revealed"


class LiveRound(QObject):
    """The room vote of one workshop window (one round at a time)."""

    #: (voted, joined) — from the server's threads, delivered queued on the UI thread.
    progress = Signal(int, int)
    #: The round started, was revealed, started again, or ended.
    state_changed = Signal(str)
    _from_server = Signal(int, int)

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.round: Round | None = None
        self.server: RoomServer | None = None
        self.page: Page | None = None
        self.state = IDLE
        self.revealed_tally: Tally | None = None
        self.voted = 0
        self.joined = 0
        self._from_server.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._latest = (0, 0)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_EVERY_MS)
        self._progress_timer.timeout.connect(self._show_latest)

    # --- starting and stopping ------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(
        self,
        page: Page,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        budget: int = DEFAULT_BUDGET,
        ask_group: bool = False,
    ) -> RoomServer:
        """Open a round on ``page`` and listen on ``host:port`` (any free port if taken).

        Raises ValueError (nothing to vote on) or OSError (the address cannot be used).
        """
        self.stop()
        room = round_for_page(
            self.controller.framework,
            self.controller.session,
            page,
            budget=budget,
            ask_group=ask_group,
        )
        try:
            server = RoomServer(room, host, port)
        except OSError:
            if port == 0:
                raise
            server = RoomServer(room, host, 0)  # the usual port is taken: any free one
        room.subscribe(self._from_server.emit)
        self.round, self.server, self.page = room, server.start(), page
        self.revealed_tally = None
        self.voted = self.joined = 0
        self._set_state(VOTING)
        return server

    def stop(self) -> None:
        """End the round without writing anything (the ballots are forgotten)."""
        if self.server is not None:
            self.server.stop()
        if self.round is not None and not self.round.closed:
            self.round.close()
        was_running = self.server is not None
        self._progress_timer.stop()
        self._latest = (0, 0)
        self.server = self.round = self.page = None
        self.revealed_tally = None
        self.voted = self.joined = 0
        if was_running:
            self._set_state(IDLE)

    def shutdown(self) -> None:
        """The workshop is closing: write what the room voted, then stop the server."""
        if self.round is not None and self.round.tally().ballots:
            self.close_round()
        self.stop()

    # --- the facilitator's steps -----------------------------------------------------------

    def reveal(self) -> Tally:
        assert self.round is not None
        self.revealed_tally = self.round.reveal()
        self._set_state(REVEALED)
        return self.revealed_tally

    def vote_again(self) -> None:
        """A second silent round on the same items (phones stay joined)."""
        assert self.round is not None
        self.round.vote_again()
        self.revealed_tally = None
        self._set_state(VOTING)

    def close_round(self) -> bool:
        """Write the tally as one undoable edit and stop. False if nobody voted."""
        assert self.round is not None
        tally = self.round.close()
        edit = tally_edit(self.controller.session, tally)
        written = edit is not None and self.controller.push(edit)
        self.stop()
        return written

    # --- reading ----------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self.round.kind if self.round is not None else ""

    def agreement_of(self, item_id: str) -> Agreement | None:
        tally = self.revealed_tally
        if tally is None or tally.kind != RATING or item_id not in tally.counts:
            return None
        return agreement(tally.counts[item_id])

    def shift_of(self, item_id: str) -> Shift | None:
        """Median and spread before and after "Vote again" (once the second round is revealed)."""
        previous = self.round.previous if self.round is not None else None
        now = self.agreement_of(item_id)
        if previous is None or now is None or item_id not in previous.counts:
            return None
        return Shift(agreement(previous.counts[item_id]), now)

    def gap_of(self, item_id: str) -> str:
        tally = self.revealed_tally
        if tally is None or tally.kind != RATING:
            return ""
        lead = tally.group_counts.get("leadership", {}).get(item_id, (0, 0, 0, 0, 0))
        hands = tally.group_counts.get("hands_on", {}).get(item_id, (0, 0, 0, 0, 0))
        gap = perception_gap(lead, hands)
        return gap.in_words() if gap is not None else ""

    def _progress(self, voted: int, joined: int) -> None:
        """A ballot or a join arrived (UI thread): show it, at most every PROGRESS_EVERY_MS."""
        if self.round is None:
            return
        self._latest = (voted, joined)
        if not self._progress_timer.isActive():
            self._show_latest()
            self._progress_timer.start()  # what arrives meanwhile is shown when it fires

    def _show_latest(self) -> None:
        if self.round is None or self._latest == (self.voted, self.joined):
            return
        self.voted, self.joined = self._latest
        self.progress.emit(self.voted, self.joined)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    @property
    def progress_text(self) -> str:
        if self.joined == 0:
            return "Waiting for the first phone to join"
        verb = "has" if self.voted == 1 else "have"
        return f"{self.voted} of {self.joined} {verb} voted"
