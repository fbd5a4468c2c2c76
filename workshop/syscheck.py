"""Before the window opens on Linux: is there a display, and are Qt's system libraries there?

Without a display Qt aborts the whole process (exit 134) after a hint that reinstalling may
help, which sends people looking for a missing package. Qt's message for a missing xcb library
("could not load the Qt platform plugin") does not say what to install either. These checks
name the problem in one line instead: ``display_problem()`` runs before every window (cheap:
a few environment variables and at most one local socket), ``missing_packages()`` before
``make run`` (it asks the dynamic loader about each library, which takes a moment).

No Qt here: this runs before Qt is loaded, and from ``make run`` with the venv's Python.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import socket
import sys
from pathlib import Path

# shared library (as ctypes.util.find_library names it) -> Debian/Ubuntu package
QT_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xkbcommon": "libxkbcommon0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}

# Qt platforms that draw without a window system (tests, screenshots, kiosk set-ups).
NO_DISPLAY_NEEDED = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")

USE_THE_COMMAND_LINE = "or use the command line: workshop --help"


def _platform() -> str:
    return os.environ.get("QT_QPA_PLATFORM", "").strip().lower()


def _local_x_display_number(display: str) -> str | None:
    """The display number of a local X display (":1", ":1.0", "unix:1"), else None."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display.strip())
    return match.group(1) if match else None


def _x_server_answers(number: str) -> bool:
    """Whether an X server listens on local display ``number`` (its socket file, or the
    abstract socket Linux X servers also open). Never a network connection."""
    path = f"/tmp/.X11-unix/X{number}"
    if Path(path).exists():
        return True
    if not sys.platform.startswith("linux"):
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        try:
            probe.connect("\0" + path)
        except OSError:
            return False
    return True


def display_problem() -> str | None:
    """One line naming why no window can open here, or None when one can (or we cannot tell)."""
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS always have their window system
    platform = _platform()
    if platform.startswith(NO_DISPLAY_NEEDED):
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY", "").strip()
    display = os.environ.get("DISPLAY", "").strip()
    if platform.startswith("wayland"):
        if wayland or Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"), "wayland-0").exists():
            return None
        return f"no display found (WAYLAND_DISPLAY is not set); set WAYLAND_DISPLAY, {USE_THE_COMMAND_LINE}"
    if wayland and not display:
        return None  # Qt falls back to Wayland on its own
    if not display:
        return f"no display found (DISPLAY is not set); set DISPLAY, {USE_THE_COMMAND_LINE}"
    number = _local_x_display_number(display)
    if number is not None and not _x_server_answers(number):
        return (
            f"no display found (nothing answers on DISPLAY={display}); "
            f"set DISPLAY to a running display, {USE_THE_COMMAND_LINE}"
        )
    return None  # a forwarded or remote display: Qt will say if it cannot connect


def missing_packages() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    if _platform().startswith((*NO_DISPLAY_NEEDED, "wayland")):
        return []
    return sorted(
        {pkg for lib, pkg in QT_XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None}
    )


def main() -> int:
    problem = display_problem()
    if problem:
        print(f"workshop: {problem}", file=sys.stderr)
        return 1
    missing = missing_packages()
    if missing:
        print(
            "The app's window needs system libraries that are not installed. Install them with:\n"
            f"    sudo apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
