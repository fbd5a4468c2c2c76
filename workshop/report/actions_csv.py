"""Actions as CSV, for the owners' own trackers (spreadsheets, ticket imports).

UTF-8 with a byte-order mark, so Excel opens accented names and emoji correctly; the
``csv`` module quotes commas, quotes and newlines. Private actions are never exported.
Written like the PDF: to a temporary file beside the target, then renamed into place.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from workshop.domain.session import Session
from workshop.report.atomic import write_atomically

COLUMNS = ("Action", "Owner", "Due", "Status", "Kind", "Stage", "Carried over")
STATUS_NAMES = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
KIND_NAMES = {"action": "Action", "decision": "Decision", "parking": "Parking lot"}


def actions_csv_text(session: Session) -> str:
    """The CSV text (without the byte-order mark)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for action in session.actions:
        if action.private:
            continue
        writer.writerow(
            (
                action.text,
                action.owner,
                action.due.isoformat() if action.due else "",
                STATUS_NAMES.get(action.status, action.status),
                KIND_NAMES.get(action.kind, action.kind),
                action.stage,
                "yes" if action.carried_from else "",
            )
        )
    return buffer.getvalue()


def export_actions_csv(session: Session, path: str | os.PathLike[str]) -> None:
    """Write the session's (non-private) actions to ``path``; raises ReportError."""
    data = ("\ufeff" + actions_csv_text(session)).encode("utf-8")
    write_atomically(Path(path), data, what="the actions")
