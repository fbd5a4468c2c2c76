"""The library's list comes without SQLAlchemy; the real store opens on first other use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workshop.framework import load_framework
from workshop.store import open_store
from workshop.store.demo import build_demo
from workshop.store.lazy import LazyStore, open_store_lazily


def make_db(path: Path) -> str:
    demo = build_demo(load_framework())
    with open_store(path) as store:
        store.create(demo)
        store.set_stage_reached(demo.id, "exploring")
    return demo.id


def test_listing_imports_no_sql_layer(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite3"
    demo_id = make_db(db)
    probe = (
        "import sys\n"
        "from workshop.store.lazy import open_store_lazily\n"
        f"store = open_store_lazily({str(db)!r})\n"
        "rows = store.list_sessions()\n"
        "print(type(store).__name__, rows[0].id, rows[0].stage_reached, 'sqlalchemy' in sys.modules)\n"
        "session = store.load(rows[0].id)\n"
        "print(session.organisation, 'sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    first, second = result.stdout.splitlines()
    assert first == f"LazyStore {demo_id} exploring False"
    assert second == "Nordvik Ledger True"


def test_lists_the_same_as_the_store_and_opens_on_demand(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite3"
    demo_id = make_db(db)
    lazy = open_store_lazily(db)
    assert isinstance(lazy, LazyStore)
    try:
        with open_store(db) as store:
            assert lazy.list_sessions() == store.list_sessions()
            assert lazy.list_sessions("NORDVIK") == store.list_sessions("nordvik") != []
        lazy.delete(demo_id)  # any other call opens the real store
        assert lazy.list_sessions() == []
        assert [s.id for s in lazy.list_sessions(include_deleted=True)] == [demo_id]
    finally:
        lazy.close()


def test_a_new_database_is_created_at_once(tmp_path: Path) -> None:
    store = open_store_lazily(tmp_path / "new.sqlite3")
    try:
        assert not isinstance(store, LazyStore)
        assert store.list_sessions() == []
    finally:
        store.close()
