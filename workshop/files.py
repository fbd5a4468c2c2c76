"""Writing and reading the user's files safely: the one place exports and imports go through.

Exports (the PDF, the actions CSV, the portable session file) are written all-or-nothing: to
a temporary file in the target folder, flushed to disk, then renamed over the target, so a
crash, a full disk or a permission problem never leaves half a file under the user's chosen
name (nor a temporary file behind). The new file gets the permissions any program the user
runs would give it (``0666`` less the user's umask), not ``0600``: an export is meant to be
shared. The target must be a regular file or absent: a folder, a FIFO or a device is refused
in one line rather than replaced by a regular file.

Imports read only regular files: a FIFO, a device or a folder is refused before it is opened
for reading (so a FIFO never hangs the app), and the file is opened without blocking and
checked again, so swapping it between the check and the open changes nothing.

Standard library only; every refusal is a :class:`UnsafeFileError` with a one-line message
that callers re-raise as their own error type.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


class UnsafeFileError(ValueError):
    """A file cannot be written or read; the message is one line for the user."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(target: Path, what: str) -> None:
    """Refuse a target that exists and is not a regular file (symbolic links are followed)."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise UnsafeFileError(
            f"Cannot save {what} as {target}: {error.strerror or error}."
        ) from error
    if not stat.S_ISREG(mode):
        raise UnsafeFileError(
            f"Cannot save {what} as {target}: it is {_kind(mode)}, not a regular file. "
            "Choose a file name."
        )


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    # O_EXCL with a random name, like mkstemp, but with mode 0666 so the kernel applies the
    # user's umask to the new file (mkstemp always makes it 0600).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        temporary = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomically(
    target: str | os.PathLike[str], data: bytes, *, what: str = "the file"
) -> None:
    """Write ``data`` to ``target`` so that it is either complete or untouched.

    ``what`` names the file in messages ("the PDF", "the actions"). Raises
    :class:`UnsafeFileError` with one line saying what to do.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeFileError(f"Cannot save {what}: the folder {folder} does not exist.")
    check_target(target, what)
    try:
        handle, temporary = _create_temporary(folder, target.name)
    except OSError as error:
        raise UnsafeFileError(
            f"Cannot save {what} in {folder}: {error.strerror or error}. Choose another folder."
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        check_target(target, what)  # it may have become a FIFO or a folder meanwhile
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UnsafeFileError(
            f"Cannot save {what} as {target}: {error.strerror or error}. "
            "Check the free space and that the file is not open in another program."
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can sync a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def read_regular_file(source: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes + 1`` of them (so the caller can
    tell a file that is too large); anything else is refused without blocking."""
    source = Path(source)
    try:
        mode = source.stat().st_mode
        if not stat.S_ISREG(mode):
            raise UnsafeFileError(f"cannot read {source}: it is {_kind(mode)}, not a regular file")
        handle = os.open(
            source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        )
    except UnsafeFileError:
        raise
    except OSError as error:
        raise UnsafeFileError(f"cannot read {source}: {error.strerror or error}") from error
    try:
        opened = os.fstat(handle).st_mode
        if not stat.S_ISREG(opened):
            raise UnsafeFileError(
                f"cannot read {source}: it is {_kind(opened)}, not a regular file"
            )
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise UnsafeFileError(f"cannot read {source}: {error.strerror or error}") from error
    finally:
        os.close(handle)
