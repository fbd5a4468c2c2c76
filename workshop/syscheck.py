"""Before the window opens on Linux: name the system package behind a missing Qt library.

Qt's own message for a missing xcb library ("could not load the Qt platform plugin") does
not say what to install. This check maps the libraries Qt's xcb platform needs to their
Debian/Ubuntu package names and prints one install command instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

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


def missing_packages() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "wayland", "minimal")):
        return []
    return sorted({pkg for lib, pkg in QT_XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None})


def main() -> int:
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
