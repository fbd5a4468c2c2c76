"""Build the shippable Linux bundle: `make bundle` runs this with the project's venv.

1. PyInstaller builds the one-folder app (packaging/workshop.spec).
2. What the app never loads is cut: Qt translations, Qt plugins for TLS, network
   information, GTK themes, touch and embedded displays, and the GTK libraries the GTK theme
   plugin drags in. (Libraries are stripped by PyInstaller itself.)
3. The desktop integration is added: .desktop file, AppStream metainfo, icons, man page,
   licence texts and third-party notices, install.sh.
4. The folder is checked (size limit, validators) and smoke-tested: start-up offscreen,
   `demo`, `roadmap`, and install.sh into a temporary prefix and back out.
5. dist/ml-team-maturity-workshop-VERSION-linux-x86_64.tar.gz is written.

    .venv/bin/python packaging/bundle.py [--skip-build]   # --skip-build: reuse step 1's folder
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workshop import APP_ID, DESKTOP_ID, __version__  # noqa: E402
from workshop.third_party import COMPONENTS, notices_text  # noqa: E402

MACHINE = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}.get(
    platform.machine().lower(), platform.machine().lower()
)
NAME = f"{APP_ID}-{__version__}-linux-{MACHINE}"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "bundle"
FOLDER = DIST / NAME
LIMIT_MB = 120
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# Qt plugin folders (under PySide6/Qt/plugins) the app never loads.
UNUSED_PLUGIN_FOLDERS = (
    "tls",  # no TLS: nothing leaves the machine, and the room's web page is plain local HTTP
    "networkinformation",
    "egldeviceintegrations",  # eglfs (embedded screens without a window system)
    "generic",  # touch input drivers for embedded boards
    # Wayland desktops run the window through XWayland (the xcb platform), as they do for
    # most X11 apps: the Wayland platform and its integrations are not shipped (~3 MB).
    "wayland-graphics-integration-server",
    "wayland-graphics-integration-client",
    "wayland-decoration-client",
    "wayland-shell-integration",
    "sqldrivers",
    "position",
    "multimedia",
    "canbus",
    "sensors",
    "qmltooling",
)
UNUSED_PLUGIN_FILES = (
    "platformthemes/libqgtk3.so",  # the GTK theme: drags in GTK, cairo, pango (~15 MB)
    "platforms/libqminimal.so",
    "platforms/libqminimalegl.so",
    "platforms/libqeglfs.so",
    "platforms/libqlinuxfb.so",
    "platforms/libqvnc.so",
    "platforms/libqvkkhrdisplay.so",
    "platforms/libqwayland.so",
    "platforms/libqwayland-egl.so",
    "platforms/libqwayland-generic.so",
    # Image formats the app never reads (it shows SVG and PNG; PNG is built into Qt).
    "imageformats/libqwebp.so",
    "imageformats/libqtiff.so",
    "imageformats/libqgif.so",
    "imageformats/libqtga.so",
    "imageformats/libqwbmp.so",
    "imageformats/libqicns.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqico.so",
)
# Libraries every Linux desktop has, in ABI-stable versions, taken from the host rather than
# shipped (as the OpenGL/EGL drivers always are): X11 and fonts, GLib, D-Bus, the C++ runtime.
# Shipping our own copies would only add megabytes and, for libstdc++, clash with the host's
# graphics drivers. The xcb helper libraries *are* shipped: distributions often lack them.
HOST_LIBRARIES = (
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libexpat.so.1",
    "libpng16.so.16",
    "libbrotlicommon.so.1",
    "libbrotlidec.so.1",
    "libz.so.1",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
    "libpcre2-8.so.0",
    "libdbus-1.so.3",
    "libsystemd.so.0",
    "libgcrypt.so.20",
    "libgpg-error.so.0",
    "liblz4.so.1",
    "libcap.so.2",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "libbz2.so.1.0",
    "libuuid.so.1",
    "libgssapi_krb5.so.2",
    "libkrb5.so.3",
    "libk5crypto.so.3",
    "libkrb5support.so.0",
    "libcom_err.so.2",
    "libkeyutils.so.1",
)


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], check=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def size_mb(path: Path) -> float:
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    )


def build(name: str = NAME, *, charts: bool = True) -> Path:
    """PyInstaller's one-folder build, in dist/<name>; ``charts=False`` leaves pyqtgraph and
    numpy out (only to measure their cost: that folder cannot draw the progress chart)."""
    env = dict(os.environ, WORKSHOP_BUNDLE_NAME=name)
    if not charts:
        env["WORKSHOP_BUNDLE_CHARTS"] = "0"
    folder = DIST / name
    shutil.rmtree(folder, ignore_errors=True)
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK / name,
        ROOT / "packaging" / "workshop.spec",
        env=env,
    )
    return folder


def chart_libraries_mb(folder: Path) -> float:
    """What the progress chart's libraries (pyqtgraph, numpy and its OpenBLAS) cost: the
    trimmed folder against the same build without them. The size limit holds for the app
    without them; their cost is reported on its own line."""
    if not (folder / "_internal" / "numpy").exists():
        return 0.0
    bare = build(f"{NAME}-without-charts", charts=False)
    try:
        trim(bare)
        return size_mb(folder) - size_mb(bare)
    finally:
        shutil.rmtree(bare, ignore_errors=True)


def trim(folder: Path) -> list[str]:
    """Remove what the app never loads; returns what was cut, for the build log."""
    cut: list[str] = []
    qt = folder / "_internal" / "PySide6" / "Qt"

    def remove(path: Path) -> None:
        if path.is_symlink():
            path.unlink()  # a link to a library removed (and counted) on its own
        elif path.is_dir():
            cut.append(f"{path.relative_to(folder)}/ ({size_mb(path):.1f} MB)")
            shutil.rmtree(path)
        elif path.exists():
            cut.append(f"{path.relative_to(folder)} ({path.stat().st_size / 1e6:.1f} MB)")
            path.unlink()

    remove(qt / "translations")  # the app is in English; Qt's own strings are not loaded
    plugins = qt / "plugins"
    for name in UNUSED_PLUGIN_FOLDERS:
        remove(plugins / name)
    for name in UNUSED_PLUGIN_FILES:
        remove(plugins / name)
    internal = folder / "_internal"
    for name in HOST_LIBRARIES:
        remove(internal / name)
    # The libraries the removed plugins dragged in (GTK, cairo, pango, gio, Wayland, EGLFS...)
    # are now needed by nothing: drop every shipped library no remaining binary links to.
    for path in orphan_libraries(internal):
        remove(path)
    return cut


def _needed(binary: Path) -> list[str]:
    """The shared libraries ``binary`` links to (its ELF NEEDED entries)."""
    result = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True)
    return [
        line.split("[", 1)[1].rstrip("]")
        for line in result.stdout.splitlines()
        if "(NEEDED)" in line
    ]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def orphan_libraries(internal: Path) -> list[Path]:
    """Shipped libraries (in _internal/ and Qt's lib/) that no remaining binary needs."""
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    candidates: dict[str, list[Path]] = {}
    for folder in (internal, qt_lib):
        for path in folder.iterdir():
            if (
                ".so" in path.name
                and (path.is_file() or path.is_symlink())
                and not path.name.startswith("libpython")
            ):
                candidates.setdefault(path.name, []).append(path)
    as_candidate = {p.resolve() for paths in candidates.values() for p in paths}
    roots = [
        p
        for p in internal.rglob("*")
        if p.is_file() and not p.is_symlink() and p.resolve() not in as_candidate and _is_elf(p)
    ]
    roots.append(internal.parent / "workshop")
    needed: set[str] = set()
    queue = list(roots)
    while queue:
        for name in _needed(queue.pop()):
            if name in candidates and name not in needed:
                needed.add(name)
                queue.append(candidates[name][0].resolve())
    return sorted(p for name, paths in candidates.items() if name not in needed for p in paths)


def glibc_needed(folder: Path) -> str:
    """The highest GLIBC_x.y symbol version any shipped binary asks for (the oldest glibc it runs on)."""
    versions: set[tuple[int, ...]] = set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            out = subprocess.run(
                ["objdump", "-T", str(path)], capture_output=True, text=True
            ).stdout
            for token in out.replace("(", " ").replace(")", " ").split():
                if token.startswith("GLIBC_") and token[6:7].isdigit():
                    versions.add(
                        tuple(int(part) for part in token[6:].split(".") if part.isdigit())
                    )
    return ".".join(map(str, max(versions))) if versions else "unknown"


def add_desktop_files(folder: Path) -> None:
    linux = ROOT / "packaging" / "linux"
    share = folder / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{DESKTOP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{DESKTOP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / f"{APP_ID}.svg", scalable)
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons / f"{APP_ID}-{size}.png", target / f"{APP_ID}.png")
    man = share / "man" / "man1"
    man.mkdir(parents=True, exist_ok=True)
    page = WORK / "workshop.1"
    run(sys.executable, ROOT / "tools" / "make_manpage.py", page, stdout=subprocess.DEVNULL)
    with gzip.GzipFile(man / "workshop.1.gz", "wb", mtime=0) as packed:
        packed.write(page.read_bytes())
    shutil.copy2(linux / "install.sh", folder / "install.sh")
    shutil.copy2(ROOT / "packaging" / "README.md", folder / "README.md")


def add_licences(folder: Path) -> None:
    """The licence texts of everything shipped, and one notices file listing them."""
    from importlib import metadata

    licences = folder / "licenses"
    licences.mkdir(exist_ok=True)
    for text in (ROOT / "packaging" / "licenses").glob(
        "*.txt"
    ):  # Qt/PySide6: LGPL-3.0 (+ GPL-3.0 it builds on)
        shutil.copy2(text, licences / f"Qt-PySide6-{text.name}")
    shutil.copy2(ROOT / "resources" / "fonts" / "LICENSE", licences / "DejaVu-fonts-LICENSE.txt")
    python_licence = (
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt"
    )
    if python_licence.is_file():
        shutil.copy2(python_licence, licences / "Python-LICENSE.txt")
    seen: set[str] = set()
    for component in COMPONENTS:
        if component.distribution is None or component.distribution in seen:
            continue
        seen.add(component.distribution)
        try:
            files = metadata.distribution(component.distribution).files or []
        except metadata.PackageNotFoundError:
            continue
        for file in files:
            path = str(file)
            if ".dist-info/" in path and any(
                k in path.upper() for k in ("LICEN", "COPYING", "NOTICE", "AUTHORS")
            ):
                source = Path(str(file.locate()))
                if source.is_file():
                    shutil.copy2(source, licences / f"{component.distribution}-{source.name}")
    (folder / "THIRD-PARTY-NOTICES.txt").write_text(
        "ML Team Maturity Workshop is built with these components; their licence texts are in\n"
        "licenses/. Qt and PySide6 are used under the GNU LGPL version 3: the Qt libraries in\n"
        "_internal/PySide6/Qt/lib may be replaced with your own build of the same version.\n\n"
        + notices_text(),
        encoding="utf-8",
    )


def validate(folder: Path) -> None:
    share = folder / "share"
    run("desktop-file-validate", share / "applications" / f"{DESKTOP_ID}.desktop")
    run(
        "appstreamcli",
        "validate",
        "--no-net",
        share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
        stdout=subprocess.DEVNULL,
    )
    mb = size_mb(folder)
    charts = chart_libraries_mb(folder)
    if charts:
        print(
            f"bundle: the folder is {mb:.0f} MB, of which {charts:.0f} MB is numpy and"
            f" pyqtgraph for the progress chart; the app itself takes {mb - charts:.0f} MB"
        )
    if mb - charts > LIMIT_MB:
        raise SystemExit(
            f"bundle: the folder is {mb - charts:.0f} MB without the chart libraries,"
            f" over the {LIMIT_MB} MB limit"
        )


def smoke_test(folder: Path) -> None:
    """The bundle itself starts (offscreen), makes the demo and prints its roadmap."""
    binary = folder / "workshop"
    with tempfile.TemporaryDirectory(prefix="workshop-bundle-") as scratch:
        home = Path(scratch)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "LANG": "C.UTF-8",
        }
        db = home / "smoke.sqlite3"
        run(binary, "--version", env=env, stdout=subprocess.DEVNULL)
        session_id = run(binary, "--db", db, "demo", env=env, capture_output=True).stdout.strip()
        pdf = home / "roadmap.pdf"
        run(binary, "--db", db, "roadmap", session_id, "--out", pdf, env=env)
        if not pdf.read_bytes().startswith(b"%PDF"):
            raise SystemExit("bundle: roadmap did not write a PDF")
        run(binary, "--db", db, "--exit-after-startup", env=env, timeout=120)
        prefix = home / "prefix"
        run(
            "sh",
            folder / "install.sh",
            env=dict(env, PREFIX=str(prefix)),
            stdout=subprocess.DEVNULL,
        )
        installed = prefix / "bin" / "workshop"
        run(installed, "--db", db, "sessions", "list", env=env, stdout=subprocess.DEVNULL)
        run("desktop-file-validate", prefix / "share" / "applications" / f"{DESKTOP_ID}.desktop")
        run(
            "sh",
            folder / "install.sh",
            "--uninstall",
            env=dict(env, PREFIX=str(prefix)),
            stdout=subprocess.DEVNULL,
        )
        caches = ("mimeinfo.cache", "icon-theme.cache")  # the desktop's own indexes, rebuilt
        left = [p for p in prefix.rglob("*") if p.is_file() and p.name not in caches]
        if left:
            raise SystemExit(f"bundle: --uninstall left files behind: {left[:5]}")
    print(
        "bundle: smoke test passed (version, demo, roadmap, start-up offscreen, install/uninstall)"
    )


def archive(folder: Path) -> Path:
    target = DIST / f"{NAME}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname=NAME)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Build the Linux bundle (see packaging/README.md)."
    )
    parser.add_argument(
        "--skip-build", action="store_true", help="reuse the PyInstaller folder already in dist/"
    )
    args = parser.parse_args(argv)
    if not args.skip_build:
        build()
    before = size_mb(FOLDER)
    cut = trim(FOLDER)
    add_desktop_files(FOLDER)
    add_licences(FOLDER)
    validate(FOLDER)
    smoke_test(FOLDER)
    tarball = archive(FOLDER)
    print(f"bundle: cut {len(cut)} items:")
    for item in cut:
        print(f"    {item}")
    print(
        f"bundle: {FOLDER.relative_to(ROOT)}: {size_mb(FOLDER):.1f} MB (PyInstaller's folder: {before:.1f} MB)"
    )
    print(f"bundle: {tarball.relative_to(ROOT)}: {tarball.stat().st_size / 1e6:.1f} MB")
    print(f"bundle: needs glibc {glibc_needed(FOLDER)} or newer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
