"""Screenshots of the real window, to look at before calling a screen done.

Run under a real X server (Xvfb) so the platform's own rendering is used, e.g.::

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py out/1080 --theme light
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py out/hidpi

Saves the library and a few workshop pages (windowed and projecting) as PNGs; ``--all``
takes every page of the demo workshop, ``--projecting`` only the projecting view. It prints
the body text height the window uses while projecting (pixels), to compare with the goal
of at least 1/40 of the screen height.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

PAGES = ("page_overview", "page_q_customers", "page_maturity_exploring", "page_placement", "page_actions")


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--all", action="store_true", help="every page of the demo workshop")
    parser.add_argument("--projecting", action="store_true", help="the projecting view only")
    parser.add_argument("--hide-page-list", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))

    from workshop.framework import load_framework
    from workshop.store import open_store
    from workshop.store.demo import build_demo
    from workshop.ui.app import App, make_application
    from workshop.ui.preferences import Preferences
    from workshop.ui.theme import apply_theme

    app = make_application()
    preferences = Preferences()
    preferences.theme = args.theme
    apply_theme(app, args.theme, 1.0)
    store = open_store(folder / "shots.sqlite3")
    framework = load_framework()
    demo = build_demo(framework)
    store.create(demo)
    from workshop.domain.placement import place

    store.set_stage_reached(demo.id, place(framework, demo).working_on)
    shell = App(app, store, preferences)
    screen = app.primaryScreen().availableGeometry()
    shell.library.refresh()
    shell.library.setGeometry(screen)
    shell.library.show()
    settle(app)
    shell.library.grab().save(str(args.out / f"library-{args.theme}.png"))

    window = shell.open_session(demo.id)
    window.setGeometry(screen)
    window.set_projecting(False)
    if args.hide_page_list:
        window.set_page_list_visible(False)
    pages = [stop.page.id for stop in window.stops] if args.all else args.pages
    for projecting in (True,) if args.projecting else (False, True):
        window.set_projecting(projecting)
        settle(app)
        if projecting:
            screen_height = window.screen().geometry().height()
            height = screen_height
            body = window.fontInfo().pixelSize()
            print(f"projecting body text: {body} px on a {height} px screen "
                  f"(goal {screen_height / 40:.1f} px)")
        for number, page_id in enumerate(pages, 1):
            position = next(i for i, stop in enumerate(window.stops) if stop.page.id == page_id)
            window.go_to(position)
            settle(app)
            mode = "projecting" if projecting else "window"
            name = f"{number:02d}-{page_id}-{args.theme}-{mode}.png" if args.all else \
                f"{page_id}-{args.theme}-{mode}.png"
            window.grab().save(str(args.out / name))
    window.close()
    store.close()
    print(f"saved to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
