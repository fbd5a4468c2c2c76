"""All-or-nothing file writes for the report: :func:`workshop.files.write_atomically`, the
one helper every export uses, with its refusals raised as :class:`ReportError`."""

from __future__ import annotations

from pathlib import Path

from workshop import files
from workshop.report.errors import ReportError


def write_atomically(target: Path, data: bytes, *, what: str = "the PDF") -> None:
    """Write ``data`` to ``target`` so that it is either complete or untouched.

    A crash, a full disk or a permission problem never leaves half a file under the user's
    chosen name (and no temporary file behind); the file follows the user's umask, and a
    folder, FIFO or device is refused. Raises :class:`ReportError`.
    """
    try:
        files.write_atomically(target, data, what=what)
    except files.UnsafeFileError as error:
        raise ReportError(str(error)) from error
