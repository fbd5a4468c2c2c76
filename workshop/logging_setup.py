"""The app's log: a rotating file in the user's state folder, found again from the error dialog.

Only the desktop app writes it (the command line reports in one line on stderr). A few
hundred kilobytes are plenty to see what led to an unexpected error; older lines rotate out.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from workshop import APP_ID

LOG_FILE_NAME = "workshop.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_folder() -> Path:
    """``~/.local/state/ml-team-maturity-workshop/log`` on Linux (platformdirs elsewhere)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_ID, appauthor=False))


def log_file() -> Path:
    return log_folder() / LOG_FILE_NAME


def setup_logging(path: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the ``workshop`` loggers to a rotating file; returns its path (None if unwritable).

    Calling it again with the same file changes nothing (tests and a reopened app).
    """
    path = path or log_file()
    logger = logging.getLogger("workshop")
    for handler in logger.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path
        ):
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None  # a read-only home: the app still runs, without a log
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(min(logger.level or level, level))
    return path


def current_log_file() -> Path | None:
    """The file the ``workshop`` loggers write to, if ``setup_logging`` ran."""
    for handler in logging.getLogger("workshop").handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
