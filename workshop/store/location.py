"""Where the database lives: an explicit path or URL, ``$WORKSHOP_DB``, or the user data folder."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from workshop.store.errors import StoreError

APP_DIR_NAME = "ml-team-maturity-workshop"
DB_FILE_NAME = "workshop.sqlite3"
ENV_VAR = "WORKSHOP_DB"


def default_db_path() -> Path:
    # Imported here: platformdirs is only needed when no database was named.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file for ``db``: a path, a ``sqlite:///`` URL, or None for the default.

    None means ``$WORKSHOP_DB`` when set (path or URL), else the user data folder.
    Only SQLite files are supported; any other URL is refused with a clear message.
    """
    if db is None:
        db = os.environ.get(ENV_VAR) or None
    if db is None:
        return default_db_path()
    text = os.fspath(db)
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme.lower() not in ("sqlite", "sqlite+pysqlite"):
            raise StoreError(f"only SQLite databases are supported, not {scheme}:// ({text})")
        # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy reads them.
        path = unquote(rest[1:] if rest.startswith("/") else rest).split("?", 1)[0]
        if not path or path == ":memory:":
            raise StoreError(f"the database URL names no file: {text}")
        return Path(path).expanduser()
    if not text.strip():
        raise StoreError("the database path is empty")
    return Path(text).expanduser()
