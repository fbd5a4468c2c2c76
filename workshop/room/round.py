"""One room-voting round: what is voted on, who may vote, the ballots, and the tally.

Everything a voter leaves behind lives here, in memory, and nowhere else: the join code,
one random token per joined phone, each token's latest ballot and (if the voter chose to
say) whether they are in leadership or hands-on. Addresses are seen only by the throttle
(:class:`JoinThrottle`), which forgets them after a minute. When the round closes only the
:class:`Tally` — how many votes each score or opportunity got — goes into the workshop.

The state is shared by the server's request threads and the app, so every method takes
the one lock; the lock is held only for dictionary work, never across I/O.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workshop.domain.session import SCORES

RATING = "rating"
DOTS = "dots"
GROUPS = ("leadership", "hands_on")  # the only thing a voter may say about themselves
CODE_DIGITS = 6
# Phones one round accepts: far beyond any room; stops a script from filling memory.
MAX_VOTERS = 500
DEFAULT_BUDGET = 3
MAX_BUDGET = 20


class RoundError(Exception):
    """A request the round refuses; ``status`` is the HTTP status the server answers."""

    status = 400


class WrongCode(RoundError):
    status = 403


class Throttled(RoundError):
    status = 429


class NotAllowed(RoundError):
    """No valid token (HTTP 401)."""

    status = 401


class Hidden(RoundError):
    """Results before the facilitator revealed them (HTTP 403)."""

    status = 403


class Closed(RoundError):
    status = 409


@dataclass(frozen=True)
class BallotItem:
    """One thing to vote on: a maturity statement (with its five anchors) or an opportunity."""

    id: str
    text: str
    anchors: tuple[str, ...] = ()


@dataclass
class Voter:
    group: str = ""  # "", "leadership" or "hands_on"
    ballot: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Tally:
    """What the round adds up to: the only part that is ever stored.

    ``counts[item_id]`` is votes per score 0..4 (rating round) and ``votes[item_id]`` the dots
    an opportunity got (dot round). ``group_counts`` is per group, for the perception gap,
    and is never written to the workshop.
    """

    kind: str
    ballots: int
    counts: Mapping[str, tuple[int, int, int, int, int]]
    votes: Mapping[str, int]
    group_counts: Mapping[str, Mapping[str, tuple[int, int, int, int, int]]]

    def as_json(self) -> dict[str, Any]:
        """The distribution as phones see it after Reveal: totals only, never who."""
        if self.kind == RATING:
            return {
                "kind": RATING,
                "ballots": self.ballots,
                "counts": {k: list(v) for k, v in self.counts.items()},
            }
        return {"kind": DOTS, "ballots": self.ballots, "votes": dict(self.votes)}


class JoinThrottle:
    """Ten wrong codes within a minute from one address, and that address waits."""

    def __init__(
        self, limit: int = 10, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        now = self.clock()
        failures = self._failures.setdefault(address, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        if not failures:
            del self._failures[address]  # forget the address as soon as it is clean
            return deque()
        return failures

    def blocked(self, address: str) -> bool:
        return len(self._recent(address)) >= self.limit

    def failed(self, address: str) -> None:
        self._recent(address)
        self._failures.setdefault(address, deque()).append(self.clock())

    @property
    def addresses_held(self) -> int:
        return len(self._failures)


def new_code() -> str:
    """Six random digits: typed with a phone's number pad, one-handed."""
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


class Round:
    """A voting round on one page's statements (rating) or opportunities (dots)."""

    def __init__(
        self,
        kind: str,
        title: str,
        items: Sequence[BallotItem],
        *,
        budget: int = DEFAULT_BUDGET,
        ask_group: bool = False,
        code: str | None = None,
        throttle: JoinThrottle | None = None,
    ) -> None:
        if kind not in (RATING, DOTS):
            raise ValueError(f"unknown kind of round {kind!r}")
        if not items:
            raise ValueError("a round needs at least one statement or opportunity to vote on")
        if kind == DOTS and not 1 <= budget <= MAX_BUDGET:
            raise ValueError(f"the dot budget must be between 1 and {MAX_BUDGET}")
        self.kind = kind
        self.title = title
        self.items = tuple(items)
        self.budget = budget
        self.ask_group = ask_group
        self.code = code or new_code()
        self.number = 1  # 2 after "Vote again"
        self.revealed = False
        self.closed = False
        self.previous: Tally | None = None  # the first round's tally, after "Vote again"
        self._ids = {item.id for item in self.items}
        self._voters: dict[str, Voter] = {}
        self._throttle = throttle or JoinThrottle()
        self._lock = threading.Lock()
        self._listeners: list[Callable[[int, int], None]] = []

    # --- listeners (the app's "5 of 7 have voted") ------------------------------------------

    def subscribe(self, listener: Callable[[int, int], None]) -> None:
        """``listener(voted, joined)`` after every join and ballot, on the request thread."""
        self._listeners.append(listener)

    def _notify(self, voted: int, joined: int) -> None:
        for listener in list(self._listeners):
            listener(voted, joined)

    # --- what phones do ----------------------------------------------------------------------

    def join(self, code: object, address: str, group: object = "") -> str:
        """A new token for a phone that gave the right code."""
        with self._lock:
            if self._throttle.blocked(address):
                raise Throttled("too many wrong codes; wait a minute")
            if not isinstance(code, str) or not secrets.compare_digest(
                code.strip().encode(), self.code.encode()
            ):
                self._throttle.failed(address)
                raise WrongCode("wrong code")
            if self.closed:
                raise Closed("this round is closed")
            if not isinstance(group, str) or group not in ("", *GROUPS):
                raise RoundError("group must be leadership, hands_on or empty")
            if len(self._voters) >= MAX_VOTERS:
                raise Throttled("this round is full")
            token = secrets.token_urlsafe(24)
            self._voters[token] = Voter(group=group if self.ask_group else "")
            voted, joined = self._counts()
        self._notify(voted, joined)
        return token

    def set_group(self, token: str | None, group: object) -> None:
        """The voter says leadership or hands-on (or takes it back); only if the round asks."""
        with self._lock:
            voter = self._voter(token)
            if not self.ask_group:
                raise RoundError("this round does not ask")
            if not isinstance(group, str) or group not in ("", *GROUPS):
                raise RoundError("group must be leadership, hands_on or empty")
            voter.group = group

    def _voter(self, token: str | None) -> Voter:
        voter = self._voters.get(token or "")
        if voter is None:
            raise NotAllowed("join the round first")
        return voter

    def ballot_form(self, token: str | None) -> dict[str, Any]:
        """What the phone shows: the items and the scale (or budget); never any result."""
        with self._lock:
            voter = self._voter(token)
            form: dict[str, Any] = {
                "kind": self.kind,
                "title": self.title,
                "round": self.number,
                "items": [
                    {
                        "id": i.id,
                        "text": i.text,
                        **({"anchors": list(i.anchors)} if i.anchors else {}),
                    }
                    for i in self.items
                ],
                "mine": dict(voter.ballot),
                "closed": self.closed,
            }
        if self.kind == RATING:
            form["scale"] = list(SCORES)
        else:
            form["budget"] = self.budget
        return form

    def vote(self, token: str | None, votes: object) -> None:
        """Replace this phone's ballot with ``votes`` (checked whole before anything changes)."""
        checked = self._check(votes)
        with self._lock:
            voter = self._voter(token)
            if self.closed:
                raise Closed("this round is closed")
            voter.ballot = checked
            voted, joined = self._counts()
        self._notify(voted, joined)

    def _check(self, votes: object) -> dict[str, int]:
        if not isinstance(votes, dict):
            raise RoundError('"votes" must be an object of item id → number')
        checked: dict[str, int] = {}
        for item_id, value in votes.items():
            if item_id not in self._ids:
                raise RoundError(f"unknown item {str(item_id)[:60]!r}")
            if not isinstance(value, int) or isinstance(value, bool):
                raise RoundError(f"the vote on {item_id!r} must be a whole number")
            if self.kind == RATING and value not in SCORES:
                raise RoundError(f"the vote on {item_id!r} must be 0, 1, 2, 3 or 4")
            if self.kind == DOTS and value < 0:
                raise RoundError(f"the dots on {item_id!r} cannot be negative")
            checked[item_id] = value
        if self.kind == DOTS and sum(checked.values()) > self.budget:
            raise RoundError(f"{sum(checked.values())} dots is over the budget of {self.budget}")
        if self.kind == DOTS:
            checked = {k: v for k, v in checked.items() if v}
        return checked

    def results(self, token: str | None) -> dict[str, Any]:
        """The distribution, for phones: 403 until revealed."""
        with self._lock:
            if not self.revealed:
                raise Hidden("results are shown when the facilitator reveals them")
            self._voter(token)
            return self._tally().as_json()

    # --- what the facilitator does ------------------------------------------------------------

    def _counts(self) -> tuple[int, int]:
        voted = sum(1 for v in self._voters.values() if v.ballot)
        return voted, len(self._voters)

    @property
    def progress(self) -> tuple[int, int]:
        """(voted, joined): "5 of 7 have voted". Never who voted what."""
        with self._lock:
            return self._counts()

    def _tally(self) -> Tally:
        counts: dict[str, list[int]] = {}
        votes: dict[str, int] = {}
        groups: dict[str, dict[str, list[int]]] = {g: {} for g in GROUPS}
        ballots = 0
        for voter in self._voters.values():
            if not voter.ballot:
                continue
            ballots += 1
            for item_id, value in voter.ballot.items():
                if self.kind == RATING:
                    counts.setdefault(item_id, [0] * len(SCORES))[value] += 1
                    if voter.group:
                        groups[voter.group].setdefault(item_id, [0] * len(SCORES))[value] += 1
                else:
                    votes[item_id] = votes.get(item_id, 0) + value
        if self.kind == DOTS and ballots:
            votes = {item.id: votes.get(item.id, 0) for item in self.items}
        ordered = [item.id for item in self.items]
        return Tally(
            kind=self.kind,
            ballots=ballots,
            counts={i: _five(counts[i]) for i in ordered if i in counts},
            votes=votes,
            group_counts={g: {i: _five(c) for i, c in per.items()} for g, per in groups.items()},
        )

    def tally(self) -> Tally:
        with self._lock:
            return self._tally()

    def reveal(self) -> Tally:
        with self._lock:
            self.revealed = True
            return self._tally()

    def vote_again(self) -> Tally:
        """A second silent round on the same items: ballots cleared, phones stay joined."""
        with self._lock:
            if self.closed:
                raise Closed("this round is closed")
            self.previous = self._tally()
            for voter in self._voters.values():
                voter.ballot = {}
            self.number += 1
            self.revealed = False
            voted, joined = self._counts()
        self._notify(voted, joined)
        return self.previous

    def close(self) -> Tally:
        """No more ballots; the tally to write into the workshop. Tokens are forgotten."""
        with self._lock:
            self.closed = True
            final = self._tally()
            self._voters.clear()
        self._notify(0, 0)
        return final


def _five(values: Sequence[int]) -> tuple[int, int, int, int, int]:
    a, b, c, d, e = values
    return (a, b, c, d, e)
