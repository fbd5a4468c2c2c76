"""The workshop service on its own: no Qt, no database (an in-memory store), plus the
sequence check → commit → memory → history → notify and how save failures are handled."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from workshop.domain.edits import (
    Batch,
    Edit,
    add_item,
    flatten,
    remove_item,
    set_item_field,
    set_session_field,
)
from workshop.domain.failures import PermanentSaveFailure, RetryableSaveFailure
from workshop.domain.session import Opportunity, Participant, Session
from workshop.service import (
    Changed,
    EditRefused,
    Event,
    Refused,
    Saved,
    SaveFailed,
    WorkshopService,
)


@dataclass
class MemoryStore:
    """A store that keeps what it was asked to save, and fails on request."""

    saved: list[Edit] = field(default_factory=list)
    fail_next: list[BaseException] = field(default_factory=list)
    stage: dict[str, str] = field(default_factory=dict)

    def apply(self, session_id: str, edit: Edit) -> None:
        if self.fail_next:
            raise self.fail_next.pop(0)
        self.saved.append(edit)

    def set_stage_reached(self, session_id: str, stage_id: str) -> None:
        self.stage[session_id] = stage_id


@dataclass
class MemoryJournal:
    held: dict[str, tuple[Edit, ...]] = field(default_factory=dict)

    def save(self, session_id: str, edits: tuple[Edit, ...]) -> None:
        self.held[session_id] = tuple(edits)

    def clear(self, session_id: str) -> None:
        self.held.pop(session_id, None)


class Busy(RetryableSaveFailure):
    pass


class Gone(PermanentSaveFailure):
    pass


def make_service(framework, store=None, journal=None) -> tuple[WorkshopService, list[Event]]:
    session = Session(organisation="Acme", title="Kick-off")
    service = WorkshopService(session, framework, store or MemoryStore(), journal)
    events: list[Event] = []
    service.subscribe(events.append)
    return service, events


def test_the_service_imports_neither_qt_nor_sqlalchemy():
    code = (
        "import sys, workshop.service, workshop.service.library;"
        "bad = [m for m in ('PySide6', 'sqlalchemy', 'reportlab') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"loaded: {result.stdout.strip()} {result.stderr}"


def test_apply_commits_then_tells_what_changed(framework):
    service, events = make_service(framework)
    participant = Participant(id="p1", name="Ingrid", role="CEO")
    change = service.apply(add_item(service.session, "participants", participant))
    assert change is not None
    assert service.store.saved[-1].item == participant
    assert [t.kind for t in change.touched] == ["add"]
    assert change.item_ids("participants") == {"p1"}
    rename = service.apply(set_item_field(service.session, "participants", "p1", "role", "CTO"))
    assert rename is not None and rename.touches("participants", "role")
    assert not rename.touches("participants", "name") and not rename.structural
    assert [type(e) for e in events] == [Saved, Changed, Saved, Changed]
    assert service.session.participants[0].role == "CTO"


def test_a_refused_edit_changes_nothing_and_is_not_saved(framework):
    service, events = make_service(framework)
    stale = set_session_field(service.session, "title", "New")
    service.apply(stale)
    with pytest.raises(EditRefused):
        service.apply(stale)  # its "old" value no longer matches
    assert service.session.title == "New"
    assert len(service.store.saved) == 1
    assert isinstance(events[-1], Refused) and "changed since" in events[-1].message


def test_undo_and_redo_walk_the_history_and_save_each_step(framework):
    service, _ = make_service(framework)
    service.apply(set_session_field(service.session, "title", "One"))
    service.apply(set_session_field(service.session, "title", "Two"))
    assert service.undo() is not None and service.session.title == "One"
    assert service.undo() is not None and service.session.title == "Kick-off"
    assert service.undo() is None  # nothing left
    assert service.redo() is not None and service.session.title == "One"
    assert [e.new for e in flatten_all(service.store.saved)] == [
        "One",
        "Two",
        "One",
        "Kick-off",
        "One",
    ]
    service.apply(set_session_field(service.session, "title", "Three"))
    assert not service.can_redo  # a new edit drops the redo branch


def flatten_all(edits: list[Edit]) -> list:
    return [p for e in edits for p in flatten(e)]


def test_non_undoable_edits_stay_out_of_the_history(framework):
    service, _ = make_service(framework)
    service.apply(set_session_field(service.session, "facilitator", "Ana"), undoable=False)
    assert not service.can_undo
    assert service.session.facilitator == "Ana"


def test_a_retryable_failure_keeps_the_edit_journals_it_and_saves_it_later(framework):
    store, journal = MemoryStore(fail_next=[Busy("database is locked")]), MemoryJournal()
    service, events = make_service(framework, store, journal)
    first = set_session_field(service.session, "title", "Kept")
    assert service.apply(first) is not None
    assert service.session.title == "Kept"  # in memory
    assert service.pending == (first,)
    assert journal.held[service.session.id] == (first,)
    failures = [e for e in events if isinstance(e, SaveFailed)]
    assert len(failures) == 1 and failures[0].retryable and "locked" in failures[0].message
    second = set_session_field(service.session, "facilitator", "Ana")
    service.apply(second)  # the queue saves first, in order
    assert store.saved == [first, second]
    assert service.pending == () and service.session.id not in journal.held
    assert isinstance(events[-2], Saved)


def test_a_permanent_failure_is_reported_once_and_never_blocks_the_edits_after_it(framework):
    store = MemoryStore(fail_next=[Gone("the saved workshop has no participants item 'p1'")])
    service, events = make_service(framework, store)
    refused = add_item(service.session, "participants", Participant(id="p1", name="Gone"))
    assert service.apply(refused) is None
    assert service.session.participants == []  # taken back: the screen matches the disk
    assert not service.can_undo
    saves = [
        set_session_field(service.session, "title", "A"),
    ]
    service.apply(saves[0])
    service.apply(set_session_field(service.session, "facilitator", "Ana"))
    service.apply(set_session_field(service.session, "sponsor", "Maya"))
    assert [p.new for p in flatten_all(store.saved)] == ["A", "Ana", "Maya"]
    failures = [e for e in events if isinstance(e, SaveFailed)]
    assert len(failures) == 1 and not failures[0].retryable
    assert service.pending == ()


def test_a_permanent_failure_in_the_queue_drops_only_that_edit(framework):
    store = MemoryStore(fail_next=[Busy("disk full"), Gone("row gone")])
    service, events = make_service(framework, store)
    service.apply(set_session_field(service.session, "title", "Queued"))  # busy: kept
    service.apply(set_session_field(service.session, "facilitator", "Ana"))  # queue head gone
    assert [p.new for p in flatten_all(store.saved)] == ["Ana"]
    assert service.pending == ()
    assert [e.retryable for e in events if isinstance(e, SaveFailed)] == [True, False]


def test_an_unknown_exception_counts_as_retryable(framework):
    store = MemoryStore(fail_next=[OSError("No space left on device")])
    service, _ = make_service(framework, store)
    service.apply(set_session_field(service.session, "title", "Kept"))
    assert service.pending
    assert service.flush()
    assert store.saved and service.pending == ()


def test_a_batch_is_one_step_one_save_and_touches_each_item(framework):
    service, _ = make_service(framework)
    opportunities = [Opportunity(id=f"o{i}", title=f"Idea {i}") for i in range(3)]
    for o in opportunities:
        service.apply(add_item(service.session, "opportunities", o))
    votes = Batch(
        tuple(
            set_item_field(service.session, "opportunities", o.id, "votes", 2)
            for o in opportunities
        ),
        "Close the vote",
    )
    saved_before = len(service.store.saved)
    change = service.apply(votes)
    assert change is not None and change.item_ids("opportunities") == {"o0", "o1", "o2"}
    assert len(service.store.saved) == saved_before + 1
    service.undo()
    assert [o.votes for o in service.session.opportunities] == [0, 0, 0]


def test_an_undo_that_no_longer_fits_clears_the_history(framework):
    service, _ = make_service(framework)
    service.apply(add_item(service.session, "participants", Participant(id="p1", name="A")))
    service.apply(remove_item(service.session, "participants", "p1"), undoable=False)
    service.apply(
        add_item(service.session, "participants", Participant(id="p1", name="B")), undoable=False
    )
    # Undoing the first add would remove "A", but "B" is there now: the history goes.
    assert service.undo() is None
    assert not service.can_undo and not service.can_redo
    assert service.session.participants[0].name == "B"


def test_close_flushes_and_caches_the_stage(framework):
    store = MemoryStore(fail_next=[Busy("locked")])
    service, _ = make_service(framework, store)
    service.apply(set_session_field(service.session, "title", "Last words"))
    service.close()
    assert service.pending == ()
    assert store.stage[service.session.id] == framework.stages[0].id
