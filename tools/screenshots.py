"""Screenshots of the real window, to look at before calling a screen done.

Run under a real X server (Xvfb) so the platform's own rendering is used, e.g.::

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py out/1080 --theme light
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py out/hidpi

Saves the library and a few workshop pages (windowed and projecting) as PNGs; ``--all``
takes every page of the demo workshop, ``--projecting`` only the projecting view. It prints
the body text height the window uses while projecting (pixels), to compare with the goal
of at least 1/40 of the screen height.

With ``--audience`` it saves instead the audience slide of every page (or of ``--pages``) as
the projector would show it at the screen's size, for the demo or the large sample
(``--sample large``), and prints the slide's body text height::

    xvfb-run -n 31 -s "-screen 0 1024x768x24" .venv/bin/python tools/screenshots.py out/768 --audience
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

PAGES = (
    "page_overview",
    "page_q_customers",
    "page_maturity_exploring",
    "page_placement",
    "page_actions",
)


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light")
    parser.add_argument("--pages", nargs="*", default=None)
    parser.add_argument("--all", action="store_true", help="every page of the demo workshop")
    parser.add_argument("--projecting", action="store_true", help="the projecting view only")
    parser.add_argument("--hide-page-list", action="store_true")
    parser.add_argument(
        "--audience", action="store_true", help="save every page's audience slide, full screen"
    )
    parser.add_argument("--sample", choices=("demo", "large"), default="demo")
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
    if args.sample == "large":
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
        from samples import large_session  # type: ignore[import-not-found]

        demo = large_session(framework)
    else:
        demo = build_demo(framework)
    store.create(demo)
    if args.audience:
        return audience_shots(app, store, framework, demo, args)
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
    pages = [stop.page.id for stop in window.stops] if args.all else (args.pages or list(PAGES))
    for projecting in (True,) if args.projecting else (False, True):
        window.set_projecting(projecting)
        settle(app)
        if projecting:
            screen_height = window.screen().geometry().height()
            height = screen_height
            body = window.fontInfo().pixelSize()
            print(
                f"projecting body text: {body} px on a {height} px screen "
                f"(goal {screen_height / 40:.1f} px)"
            )
        for number, page_id in enumerate(pages, 1):
            position = next(i for i, stop in enumerate(window.stops) if stop.page.id == page_id)
            window.go_to(position)
            settle(app)
            mode = "projecting" if projecting else "window"
            name = (
                f"{number:02d}-{page_id}-{args.theme}-{mode}.png"
                if args.all
                else f"{page_id}-{args.theme}-{mode}.png"
            )
            window.grab().save(str(args.out / name))
    window.close()
    store.close()
    print(f"saved to {args.out}")
    return 0


def audience_shots(
    app: QApplication, store: object, framework: object, session: object, args: argparse.Namespace
) -> int:
    """Every page's audience slide, full screen on the display, with its measured body size."""
    from PySide6.QtWidgets import QLabel

    from workshop.ui.audience.view import AudienceView
    from workshop.ui.controller import SessionController

    controller = SessionController(session, framework, store)  # type: ignore[arg-type]
    view = AudienceView(controller, "dark" if args.theme == "dark" else "projector")
    # No window manager under Xvfb: the view is given the screen's geometry itself.
    view.setGeometry(app.primaryScreen().geometry())
    view.showFullScreen()
    settle(app)
    height = view.height()
    pages = args.pages or [p.id for p in controller.framework.pages]
    for page_id in pages:
        view.show_page(page_id)
        settle(app)
        name = f"audience-{page_id}-{args.sample}-{view.width()}x{height}.png"
        view.grab().save(str(args.out / name))
    body = [
        label.font().pixelSize()
        for label in view.findChildren(QLabel)
        if label.objectName() == "audience_row_text" and label.isVisible()
    ]
    view.show_page("page_q_customers")
    settle(app)
    paragraph = [
        label.font().pixelSize()
        for label in view.findChildren(QLabel)
        if label.objectName() == "audience_paragraph" and label.isVisible()
    ]
    print(
        f"screen {view.width()}x{height}: body text {max(paragraph + body, default=0)} px "
        f"(1/{height / max(max(paragraph + body, default=1), 1):.1f} of the height)"
    )
    view.close()
    print(f"saved to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
