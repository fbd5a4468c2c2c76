"""The command line. With no command it opens the app (the library).

Contract (DESIGN.md, "Command line contract"): exit 0 on success; on bad input one line on
stderr, a non-zero exit, no traceback, and nothing half-written.

Heavy modules (Qt, the report, Alembic) are imported inside the command that needs them, so
``workshop sessions list`` stays quick and the GUI's start-up is not slowed by the CLI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workshop import __version__

if TYPE_CHECKING:
    from workshop.domain.session import Session
    from workshop.service import LibraryService
    from workshop.store import Store

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


class CommandError(Exception):
    """A problem to report in one line (bad id, unreadable file...)."""


def _open_store(args: argparse.Namespace) -> Store:
    from workshop.store import open_store

    return open_store(args.db)


def _resolve_id(store: Store, session_id: str) -> str:
    """Accept a whole session id or a unique prefix of one (as printed by `sessions list`)."""
    ids = [s.id for s in store.list_sessions()]
    if session_id in ids:
        return session_id
    matches = [i for i in ids if i.startswith(session_id.lower())] if len(session_id) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise CommandError(f"{session_id!r} matches {len(matches)} sessions; give more of the id")
    raise CommandError(f"no session with id {session_id!r} (see: workshop sessions list)")


def _read_session(args: argparse.Namespace) -> Session:
    """The session named by ``args.session_id``, read and the database closed again."""
    store = _open_store(args)
    try:
        return store.load(_resolve_id(store, args.session_id))
    finally:
        store.close()


# --- commands ------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace, session_id: str | None = None) -> int:
    # The library opens the database itself, lazily: importing the store's SQL layer here
    # would slow the first frame for nothing.
    from workshop.ui.app import run_gui

    return run_gui(args.db, open_session_id=session_id, exit_after_startup=args.exit_after_startup)


def cmd_open(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        session_id = _resolve_id(store, args.session_id)  # a bad id fails here, in one line
    finally:
        store.close()
    return cmd_gui(args, session_id)


def _library(store: Store) -> LibraryService:
    from workshop.framework import load_framework
    from workshop.service import LibraryService

    return LibraryService(store, load_framework())


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop.store.demo import build_demo_series

    store = _open_store(args)
    try:
        library = _library(store)
        # "Creates (or refreshes)": the demo has fixed ids, so a second run replaces them.
        ids = [library.refresh_demo(demo) for demo in build_demo_series(library.framework)]
    finally:
        store.close()
    # The latest workshop of the series: it shows the company's progress since the first.
    print(ids[-1])
    return 0


def cmd_sessions_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        summaries = store.list_sessions()
    finally:
        store.close()
    if args.json:
        rows = [
            {
                "id": s.id,
                "organisation": s.organisation,
                "title": s.title,
                "workshop_date": s.workshop_date.isoformat(),
                "facilitator": s.facilitator,
                "working_on": s.stage_reached,  # the stage the maturity check places it at
                "follows_up": s.follows_up,
                "updated_at": s.updated_at.isoformat(),
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print("No workshops yet. Create the demo with: workshop demo")
        return 0
    for s in summaries:
        print(f"{s.id}  {s.workshop_date.isoformat()}  {s.organisation} — {s.title}")
    return 0


def cmd_sessions_export(args: argparse.Namespace) -> int:
    from workshop.store.portable import write_session_file

    session = _read_session(args)
    write_session_file(session, Path(args.file))
    return 0


def cmd_sessions_import(args: argparse.Namespace) -> int:
    from workshop.store.portable import read_session_file

    session = read_session_file(Path(args.file))  # validated whole before anything is written
    store = _open_store(args)
    try:
        new_id = _library(store).import_session(session)
    finally:
        store.close()
    print(new_id)
    return 0


def cmd_roadmap(args: argparse.Namespace) -> int:
    from workshop.framework import load_framework
    from workshop.report import export_roadmap

    session = _read_session(args)
    export_roadmap(load_framework(), session, Path(args.out), paper=args.paper)
    return 0


def cmd_actions(args: argparse.Namespace) -> int:
    from workshop.report.actions_csv import export_actions_csv

    session = _read_session(args)
    export_actions_csv(session, Path(args.csv))
    return 0


def cmd_room(args: argparse.Namespace) -> int:
    """A headless room-voting round on one page, until SIGINT/SIGTERM; then the tally."""
    from workshop.framework import load_framework
    from workshop.room.headless import parse_listen, serve_until_signalled
    from workshop.room.outcome import round_for_page, tally_edit
    from workshop.service import WorkshopService

    host, port = parse_listen(args.listen)
    framework = load_framework()
    page = next((p for p in framework.pages if p.id == args.page), None)
    if page is None:
        raise CommandError(f"no page {args.page!r}; a maturity-check page or page_matrix")
    store = _open_store(args)  # held open (and locked) for the round: the tally is not stale
    try:
        session = store.load(_resolve_id(store, args.session_id))
        room = round_for_page(framework, session, page, budget=args.budget)

        def ready(server: object) -> None:
            url = getattr(server, "url", "")
            print(f"Join at {url}  code {room.code}", flush=True)

        tally = serve_until_signalled(room, host, port, ready)
        edit = tally_edit(session, tally)
        if edit is not None:
            # Through the workshop service, as every edit: checked, committed, stage cached.
            service = WorkshopService(session, framework, store)
            service.apply(edit)
            service.close()
            if service.pending:
                raise CommandError("the tally could not be written to the database")
        print(f"{tally.ballots} ballot(s); tally written", flush=True)
    finally:
        store.close()
    return 0


# --- parsing -------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, no usage dump: the contract is one line on stderr.
        self.exit(EXIT_BAD_INPUT, f"workshop: {message} (see: workshop --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workshop",
        description="ML Team Maturity Workshop. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite file (or sqlite:/// URL) to use; default: $WORKSHOP_DB or the user data folder",
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the app, wait for the first painted frame, then exit (for start-up timing)",
    )
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    open_ = commands.add_parser("open", help="open one workshop in the app")
    open_.add_argument("session_id", metavar="ID")
    open_.set_defaults(handler=cmd_open)

    demo = commands.add_parser("demo", help="create (or refresh) the demo workshop; prints its id")
    demo.set_defaults(handler=cmd_demo)

    sessions = commands.add_parser("sessions", help="list, export and import workshops")
    sessions_commands = sessions.add_subparsers(metavar="ACTION", parser_class=_Parser, required=True)
    list_ = sessions_commands.add_parser("list", help="every workshop, newest first")
    list_.add_argument("--json", action="store_true", help="print JSON")
    list_.set_defaults(handler=cmd_sessions_list)
    export = sessions_commands.add_parser("export", help="write a portable session file")
    export.add_argument("session_id", metavar="ID")
    export.add_argument("file", metavar="FILE")
    export.set_defaults(handler=cmd_sessions_export)
    import_ = sessions_commands.add_parser("import", help="import a session file; prints the new id")
    import_.add_argument("file", metavar="FILE")
    import_.set_defaults(handler=cmd_sessions_import)

    roadmap = commands.add_parser("roadmap", help="export the roadmap PDF")
    roadmap.add_argument("session_id", metavar="ID")
    roadmap.add_argument("--out", required=True, metavar="FILE.pdf")
    roadmap.add_argument("--paper", choices=("a4", "letter"), default="a4")
    roadmap.set_defaults(handler=cmd_roadmap)

    room = commands.add_parser(
        "room", help="run a room-voting round on one page until Ctrl+C; writes the tally"
    )
    room.add_argument("session_id", metavar="ID")
    room.add_argument("--listen", required=True, metavar="HOST:PORT")
    room.add_argument("--page", required=True, metavar="PAGE_ID")
    room.add_argument("--budget", type=int, default=3, metavar="N", help="dots per person (matrix)")
    room.set_defaults(handler=cmd_room)

    actions = commands.add_parser("actions", help="export the actions as CSV")
    actions.add_argument("session_id", metavar="ID")
    actions.add_argument("--csv", required=True, metavar="FILE")
    actions.set_defaults(handler=cmd_actions)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the user's input or environment, reported in one line."""
    errors: list[type[BaseException]] = [CommandError, OSError, ValueError]
    loaders: list[Callable[[], type[BaseException]]] = [
        lambda: __import__("workshop.store", fromlist=["StoreError"]).StoreError,
        lambda: __import__("workshop.store.portable", fromlist=["x"]).PortableFileError,
        lambda: __import__("workshop.framework", fromlist=["x"]).ContentError,
    ]
    if "workshop.report" in sys.modules:
        loaders.append(lambda: sys.modules["workshop.report"].ReportError)  # type: ignore[no-any-return]
    for load in loaders:
        try:
            errors.append(load())
        except (ImportError, AttributeError):
            continue
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
        return result
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the contract is one line, never a traceback
        expected = isinstance(error, _expected_errors())
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if not expected:
            message = f"unexpected error: {type(error).__name__}: {message}"
        print(f"workshop: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT if expected else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
