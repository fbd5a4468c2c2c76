"""Actions as CSV, for the owners' own trackers (spreadsheets, ticket imports).

UTF-8 with a byte-order mark, so Excel opens accented names and emoji correctly; the
``csv`` module quotes commas, quotes and newlines. Private actions are never exported.
Written like the PDF: to a temporary file beside the target, then renamed into place.

Every cell is made safe for a spreadsheet (:func:`safe_cell`): text that a spreadsheet would
run as a formula ("=HYPERLINK(...)", "+1", "-2", "@SUM") gets a leading apostrophe, the usual
way to say "this is text", and control characters (NUL, ESC...) are removed.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from workshop.domain.session import Session
from workshop.report.atomic import write_atomically
from workshop.vocab import ActionKind, ActionStatus

COLUMNS = ("Action", "Owner", "Due", "Status", "Kind", "Stage", "Carried over")
# First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters other than tab, newline and carriage return (which csv quotes).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    cleaned = _CONTROL.sub("", text)
    return "'" + cleaned if cleaned.startswith(FORMULA_STARTS) else cleaned


def actions_csv_text(session: Session) -> str:
    """The CSV text (without the byte-order mark)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for action in session.actions:
        if action.private:
            continue
        row = (
            action.text,
            action.owner,
            action.due.isoformat() if action.due else "",
            ActionStatus.label_of(action.status),
            ActionKind.label_of(action.kind),
            action.stage,
            "yes" if action.carried_from else "",
        )
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def export_actions_csv(session: Session, path: str | os.PathLike[str]) -> None:
    """Write the session's (non-private) actions to ``path``; raises ReportError."""
    data = ("\ufeff" + actions_csv_text(session)).encode("utf-8")
    write_atomically(Path(path), data, what="the actions")
