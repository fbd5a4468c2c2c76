"""All-or-nothing file writes: a temporary file in the target folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workshop.report.errors import ReportError


def write_atomically(target: Path, data: bytes, *, what: str = "the PDF") -> None:
    """Write ``data`` to ``target`` so that it is either complete or untouched.

    A crash, a full disk or a permission problem never leaves half a file under the
    user's chosen name (and no temporary file behind). Raises :class:`ReportError`.
    """
    folder = target.parent
    if not folder.is_dir():
        raise ReportError(f"Cannot save {what}: the folder {folder} does not exist.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ReportError(
            f"Cannot save {what} in {folder}: {error.strerror or error}. Choose another folder."
        ) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ReportError(
            f"Cannot save {what} as {target}: {error.strerror or error}. "
            "Check the free space and that the file is not open in another program."
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
