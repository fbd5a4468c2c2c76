"""The store: sessions in SQLite, saved edit by edit.

``Store.apply`` writes exactly the rows an edit touches, in one short transaction, with
SQLAlchemy Core statements (no ORM unit of work on the hot path: an edit's save should take
about a millisecond). Reading a whole session (:meth:`Store.load`) happens when a session is
opened, in one read transaction so it sees one consistent snapshot.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, event, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from workshop.domain.edits import AddItem, Edit, MoveItem, RemoveItem, SetField, flatten
from workshop.domain.session import COLLECTIONS, EDITABLE_FIELDS, Session, utcnow
from workshop.domain.validation import check_session
from workshop.store import backups, health, versioning
from workshop.store.catalog import SessionSummary, read_catalog
from workshop.store.engine import BEGIN_MODE, make_engine, network_filesystem
from workshop.store.errors import (
    DamagedSessionError,
    SessionNotFound,
    StoreBusy,
    StoreError,
    WriteRefused,
)
from workshop.store.location import resolve_db_path
from workshop.store.models import COLLECTION_ROWS, Base, SessionRow
from workshop.store.privacy import (
    PRIVATE_FILE,
    make_file_private,
    make_folder_private,
    private_umask,
)
from workshop.store.rows import item_values, salvage_session, session_from_rows, session_values

log = logging.getLogger(__name__)


def _mapped_table(row: type[Base]) -> Table:
    # Declarative typing says "FromClause"; a class with a __tablename__ always maps a Table.
    table = row.__table__
    assert isinstance(table, Table), row
    return table


SESSIONS = _mapped_table(SessionRow)
ITEM_TABLES: dict[str, Table] = {name: _mapped_table(row) for name, row in COLLECTION_ROWS.items()}


def open_store(db: str | os.PathLike[str] | None = None, *, checked: bool = False) -> Store:
    """Open (creating or upgrading as needed) the workshop database.

    ``db`` is a path or a ``sqlite:///`` URL; None means ``$WORKSHOP_DB`` or the default file
    in the user data folder. A database from a newer version raises
    :class:`~workshop.store.errors.NewerDatabaseError` and is not touched; a damaged, truncated
    or foreign file raises :class:`~workshop.store.health.DamagedDatabaseError`, a ``-wal``
    that does not belong :class:`~workshop.store.health.ForeignWalError` (both untouched).
    ``checked`` skips the start-up checks when the caller has just run them on this file.
    """
    path = resolve_db_path(db).absolute()
    state = health.check_database(path) if not checked else versioning.DatabaseState("current")
    if state.kind == "new":
        try:
            make_folder_private(path.parent, ours=_is_data_folder(path.parent))
        except OSError as error:
            raise StoreError(f"cannot create the folder {path.parent}: {error.strerror}") from error
    elif state.kind == "older":
        assert state.revision is not None
        versioning.backup(path, state.revision)
        versioning.run_migrations(path)
    store = Store(path)
    if state.kind == "new":
        try:
            store._create_schema()
        except BaseException:
            store.close()
            raise
    return store


def _is_data_folder(folder: Path) -> bool:
    """The user data folder the app chose (not one the user named with --db)."""
    from workshop.store.location import default_db_path

    return folder == default_db_path().parent.absolute()


class Store:
    """Sessions in one SQLite file. Use :func:`open_store` to get one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        network = network_filesystem(path)
        # WAL needs memory shared between processes, which network file systems lack;
        # fall back to the rollback journal there and tell the user why.
        self.notice = (
            f"The database is on a network file system ({network}). For safety it is saved "
            "without write-ahead logging, more slowly; keep it on a local disk if you can."
            if network
            else ""
        )
        # Private before the first connection: SQLite gives -wal/-shm the database's mode.
        with private_umask():
            if not path.exists():
                path.touch(PRIVATE_FILE)
        make_file_private(path)
        if _is_data_folder(path.parent):
            make_folder_private(path.parent)
        self._engine = make_engine(path, wal=network is None)
        if network is None:
            # Before each new connection first reads the file (and so opens the -wal): the
            # log SQLite writes into is one whose identity is on record (health.check_wal).
            event.listen(self._engine, "connect", lambda *_: health.claim_wal(path), insert=True)
        made = backups.newest_made_at(path)
        self._last_backup = made.timestamp() if made else 0.0

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def close(self) -> None:
        """Checkpoint the log into the database and close: a clean close leaves no -wal/-shm
        (SQLite removes them when the last connection goes; a checkpoint first makes that
        quick and certain)."""
        try:
            with self._engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (SQLAlchemyError, OSError):
            pass  # closing must never fail; the log is applied at the next open anyway
        self._engine.dispose()
        health.release_wal(self.path)

    # --- backups ----------------------------------------------------------------------------

    def backup(self, reason: str) -> None:
        """Add a verified copy to the rotating set (see :mod:`workshop.store.backups`)."""
        backups.make_backup(self.path, reason)
        self._last_backup = time.time()

    def _backup_before(self, reason: str) -> None:
        # A backup that cannot be made must not stop the facilitator from working (the
        # disk may be nearly full): the action goes ahead and the failure is logged.
        try:
            self.backup(reason)
        except StoreError:
            log.exception("could not back up the database before %s", reason)

    def _backup_while_editing(self) -> None:
        if time.time() - self._last_backup >= backups.EDITING_INTERVAL_S:
            self._last_backup = time.time()  # once per interval, even when it fails
            self._backup_before("editing")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- transactions ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction that takes the write lock at once (BEGIN IMMEDIATE)."""
        try:
            with self._engine.connect() as connection:
                connection.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
                with connection.begin():
                    yield connection
        except IntegrityError as error:
            raise WriteRefused(f"could not save to {self.path}: {_first_line(error)}") from error
        except SQLAlchemyError as error:
            # Locked, full, read-only, I/O: worth trying again (the edit is kept meanwhile).
            raise StoreBusy(f"could not save to {self.path}: {_first_line(error)}") from error
        except OSError as error:
            raise StoreBusy(f"could not save to {self.path}: {error.strerror or error}") from error

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as connection, connection.begin():
                yield connection
        except SQLAlchemyError as error:
            raise StoreError(f"could not read {self.path}: {_first_line(error)}") from error

    def _create_schema(self) -> None:
        with self._write() as connection:
            versioning.create_at_head(connection)

    # --- the library ------------------------------------------------------------------------

    def list_sessions(
        self, search: str = "", *, include_deleted: bool = False
    ) -> list[SessionSummary]:
        """Sessions, newest workshop first (then most recently edited); deleted ones left out.

        ``search`` matches organisation or title, ignoring case and accents.
        """
        return read_catalog(self.path, search, include_deleted=include_deleted)

    def load(self, session_id: str) -> Session:
        """The whole session. A workshop whose rows hold values that cannot be read (a
        malformed date...) raises :class:`DamagedSessionError`, naming the first one."""
        try:
            with self._read() as connection:
                row = connection.execute(
                    select(SESSIONS).where(
                        SESSIONS.c.id == session_id, SESSIONS.c.deleted_at.is_(None)
                    )
                ).first()
                if row is None:
                    raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")
                items: dict[str, list[Any]] = {
                    name: [
                        r._mapping
                        for r in connection.execute(
                            select(table)
                            .where(table.c.session_id == session_id)
                            .order_by(table.c.position)
                        )
                    ]
                    for name, table in ITEM_TABLES.items()
                }
                session = session_from_rows(row._mapping, items)
        except (ValueError, TypeError) as error:  # a column type could not read a value
            _, problems = self.load_salvaged(session_id)
            detail = problems[0] if problems else _first_line(error)
            raise DamagedSessionError(
                f"the workshop {session_id} is damaged ({detail}); it can still be exported: "
                f"workshop sessions export {session_id[:8]} FILE"
            ) from error
        return session

    def load_salvaged(self, session_id: str) -> tuple[Session, list[str]]:
        """The session as far as its rows can be read, and a note per value left out.

        Reads raw values (no column types), so a malformed date or a number where text
        belongs costs that one value, not the workshop (see :func:`rows.salvage_session`).
        """
        with self._read() as connection:
            raw = (
                connection.exec_driver_sql(
                    "SELECT * FROM sessions WHERE id = ? AND deleted_at IS NULL", (session_id,)
                )
                .mappings()
                .first()
            )
            if raw is None:
                raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")
            items = {
                name: list(
                    connection.exec_driver_sql(
                        f"SELECT * FROM {table.name} WHERE session_id = ? ORDER BY position",
                        (session_id,),
                    ).mappings()
                )
                for name, table in ITEM_TABLES.items()
            }
        session, problems = salvage_session(raw, items)
        session.id = session_id
        return session, problems

    def create(self, session: Session) -> None:
        """Insert a whole session (new, duplicated or imported) in one transaction.

        The session is checked whole first (:func:`check_session`), so nothing the domain
        refuses reaches the database by this door either; raises ``InvalidValue``.
        """
        check_session(session)
        with self._write() as connection:
            exists = connection.execute(
                select(SESSIONS.c.id).where(SESSIONS.c.id == session.id)
            ).first()
            if exists is not None:
                raise StoreError(f"a workshop with id {session.id} already exists")
            self._insert(connection, session)

    def _insert(self, connection: Connection, session: Session) -> None:
        connection.execute(insert(SESSIONS), [session_values(session)])
        for name, table in ITEM_TABLES.items():
            rows = [
                item_values(session.id, item, position)
                for position, item in enumerate(session.collection(name))
            ]
            if rows:
                connection.execute(insert(table), rows)

    def delete(self, session_id: str) -> None:
        """Soft delete: the session leaves the library but can be restored."""
        self._backup_before("before-delete")
        self._set_session_columns(session_id, deleted_at=utcnow())

    def restore(self, session_id: str) -> None:
        self._set_session_columns(session_id, deleted_at=None)

    def purge(self, session_id: str) -> None:
        """Delete a session for good, with all its rows (no undo: prefer :meth:`delete`)."""
        self._backup_before("before-delete")
        with self._write() as connection:
            result = connection.execute(delete(SESSIONS).where(SESSIONS.c.id == session_id))
            if result.rowcount != 1:
                raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")

    def replace(self, session: Session, reason: str = "before-demo") -> None:
        """Put ``session`` in place of the saved one with its id, in one transaction.

        Used to refresh the demo: a crash half-way leaves the old demo, never none.
        """
        self._backup_before(reason)
        with self._write() as connection:
            connection.execute(delete(SESSIONS).where(SESSIONS.c.id == session.id))
            self._insert(connection, session)

    def set_stage_reached(self, session_id: str, stage_id: str) -> None:
        """Remember the placement's stage for the library list (not an edit: no updated_at)."""
        self._set_session_columns(session_id, stage_reached=stage_id)

    def _set_session_columns(self, session_id: str, **values: Any) -> None:
        with self._write() as connection:
            result = connection.execute(
                update(SESSIONS).where(SESSIONS.c.id == session_id).values(**values)
            )
            if result.rowcount != 1:
                raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")

    # --- saving edits -----------------------------------------------------------------------

    def apply(self, session_id: str, edit: Edit) -> None:
        """Save an edit that was applied to the session in memory: only the rows it touches.

        The whole edit (a Batch included) is one transaction: if any row is not where the
        edit expects it, nothing is written and :class:`StoreError` is raised.
        """
        with self._write() as connection:
            for primitive in flatten(edit):
                if isinstance(primitive, SetField):
                    self._set_field(connection, session_id, primitive)
                elif isinstance(primitive, AddItem):
                    self._add_item(connection, session_id, primitive)
                elif isinstance(primitive, RemoveItem):
                    self._remove_item(connection, session_id, primitive)
                elif isinstance(primitive, MoveItem):
                    self._move_item(connection, session_id, primitive)
                else:  # pragma: no cover - flatten() returns only the four kinds
                    raise WriteRefused(f"cannot save an edit of type {type(primitive).__name__}")
            touched = connection.execute(
                update(SESSIONS).where(SESSIONS.c.id == session_id).values(updated_at=utcnow())
            )
            if touched.rowcount != 1:
                raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")
        self._backup_while_editing()

    def _set_field(self, connection: Connection, session_id: str, edit: SetField) -> None:
        if edit.collection is None:
            if edit.field not in EDITABLE_FIELDS:
                raise WriteRefused(f"the session has no editable field {edit.field!r}")
            statement = update(SESSIONS).where(SESSIONS.c.id == session_id)
        else:
            table = _table(edit.collection)
            if edit.field in ("id", "session_id", "position") or edit.field not in table.c:
                raise WriteRefused(f"{edit.collection} items have no field {edit.field!r}")
            statement = update(table).where(
                table.c.session_id == session_id, table.c.id == edit.item_id
            )
        result = connection.execute(statement.values({edit.field: edit.new}))
        if result.rowcount != 1:
            if edit.collection is None:
                raise SessionNotFound(f"no workshop with id {session_id} in {self.path}")
            raise _missing_item(edit.collection, edit.item_id)

    def _add_item(self, connection: Connection, session_id: str, edit: AddItem) -> None:
        table = _table(edit.collection)
        connection.execute(
            update(table)
            .where(table.c.session_id == session_id, table.c.position >= edit.index)
            .values(position=table.c.position + 1)
        )
        connection.execute(insert(table), [item_values(session_id, edit.item, edit.index)])

    def _remove_item(self, connection: Connection, session_id: str, edit: RemoveItem) -> None:
        table = _table(edit.collection)
        removed = connection.execute(
            delete(table)
            .where(table.c.session_id == session_id, table.c.id == edit.item.id)
            .returning(table.c.position)
        ).first()
        if removed is None:
            raise _missing_item(edit.collection, edit.item.id)
        connection.execute(
            update(table)
            .where(table.c.session_id == session_id, table.c.position > removed.position)
            .values(position=table.c.position - 1)
        )

    def _move_item(self, connection: Connection, session_id: str, edit: MoveItem) -> None:
        table = _table(edit.collection)
        old, new = edit.old_index, edit.new_index
        if old == new:
            return
        others = and_(table.c.session_id == session_id, table.c.id != edit.item_id)
        if old < new:  # the items in between move up one place
            shift = update(table).where(others, table.c.position > old, table.c.position <= new)
            connection.execute(shift.values(position=table.c.position - 1))
        else:
            shift = update(table).where(others, table.c.position >= new, table.c.position < old)
            connection.execute(shift.values(position=table.c.position + 1))
        moved = connection.execute(
            update(table)
            .where(table.c.session_id == session_id, table.c.id == edit.item_id)
            .values(position=new)
        )
        if moved.rowcount != 1:
            raise _missing_item(edit.collection, edit.item_id)


def _missing_item(collection: str, item_id: str) -> WriteRefused:
    return WriteRefused(
        f"the saved workshop has no {collection} item {item_id!r}; nothing was saved"
    )


def _table(collection: str) -> Table:
    if collection not in COLLECTIONS:
        raise WriteRefused(f"unknown collection {collection!r}")
    return ITEM_TABLES[collection]


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.splitlines()[0] if text else type(error).__name__
