"""The desktop files a Linux packager ships are valid, and the icon is there in every size.

The bundle itself (PyInstaller, minutes) is built and smoke-tested by `make bundle`; these are
the cheap checks of what goes into it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from workshop import APP_ID, DESKTOP_ID

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_desktop_file_validates_and_names_our_command_and_icon() -> None:
    desktop = LINUX / f"{DESKTOP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    entries = dict(
        line.split("=", 1)
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entries["Exec"].split()[0] == "workshop" and entries["Icon"] == APP_ID
    assert entries["Terminal"] == "false"


def test_appstream_metainfo_validates_and_points_at_the_desktop_file() -> None:
    metainfo = LINUX / f"{DESKTOP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'<launchable type="desktop-id">{DESKTOP_ID}.desktop</launchable>' in metainfo.read_text(
        encoding="utf-8"
    )


def test_the_icon_ships_as_svg_and_in_every_png_size() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        png = (icons / f"{APP_ID}-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)


def test_install_script_is_valid_shell_and_offers_uninstall() -> None:
    script = LINUX / "install.sh"
    subprocess.run(["sh", "-n", str(script)], check=True)
    assert "--uninstall" in script.read_text(encoding="utf-8")
    assert script.stat().st_mode & 0o111, "install.sh is not executable"


def test_window_icon_is_set_from_the_shipped_pngs(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.app import make_application

    app = make_application()
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes
    assert app.desktopFileName() == DESKTOP_ID
