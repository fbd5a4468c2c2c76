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
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

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


def _read_session(args: argparse.Namespace, *, salvage: bool = False) -> Session:
    """The session named by ``args.session_id``, read and the database closed again.

    With ``salvage``, a damaged workshop is read as far as possible (for an export) and one
    warning line on stderr says what was left out.
    """
    from workshop.store import DamagedSessionError

    store = _open_store(args)
    try:
        session_id = _resolve_id(store, args.session_id)
        try:
            return store.load(session_id)
        except DamagedSessionError:
            if not salvage:
                raise
            session, problems = store.load_salvaged(session_id)
        shown = "; ".join(problems[:3]) + (
            f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        )
        print(
            f"workshop: warning: the workshop {session_id} is damaged; exporting what can be "
            f"read ({len(problems)} value(s) left out or at their default: {shown})",
            file=sys.stderr,
        )
        return session
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
    from workshop.framework import load_framework
    from workshop.store.demo import build_demo_series
    from workshop.store.location import resolve_db_path
    from workshop.store.lock import refuse_if_open

    series = build_demo_series(load_framework())
    # Replacing the demo under a window that shows it would lose what is typed there.
    for demo in series:
        refuse_if_open(resolve_db_path(args.db).absolute(), demo.id, "refresh the demo")
    store = _open_store(args)
    try:
        library = _library(store)
        # "Creates (or refreshes)": the demo has fixed ids, so a second run replaces them.
        ids = [library.refresh_demo(demo) for demo in series]
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
                "workshop_date": s.workshop_date.isoformat() if s.workshop_date else None,
                "facilitator": s.facilitator,
                "working_on": s.stage_reached,  # the stage the maturity check places it at
                "follows_up": s.follows_up,
                "updated_at": s.updated_at.isoformat(),
                "damaged": s.damaged,  # "" for a healthy workshop
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print("No workshops yet. Create the demo with: workshop demo")
        return 0
    for s in summaries:
        when = s.workshop_date.isoformat() if s.workshop_date else "????-??-??"
        mark = f"  [damaged: {s.damaged}]" if s.damaged else ""
        print(f"{s.id}  {when}  {s.organisation} — {s.title}{mark}")
    return 0


def cmd_sessions_export(args: argparse.Namespace) -> int:
    from workshop.store.portable import write_session_file

    session = _read_session(args, salvage=True)
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

    session = _read_session(args, salvage=True)
    export_roadmap(load_framework(), session, Path(args.out), paper=args.paper)
    return 0


def cmd_actions(args: argparse.Namespace) -> int:
    from workshop.report.actions_csv import export_actions_csv

    session = _read_session(args, salvage=True)
    export_actions_csv(session, Path(args.csv))
    return 0


def cmd_backups_list(args: argparse.Namespace) -> int:
    from workshop.store.backups import list_backups
    from workshop.store.location import resolve_db_path

    backups = list_backups(resolve_db_path(args.db).absolute())
    if not backups:
        print("No backups yet (one is made when the app starts).")
        return 0
    for backup in backups:
        made = backup.made_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        last = backup.last_edit.astimezone().strftime("%Y-%m-%d %H:%M") if backup.last_edit else "-"
        holds = backup.summary if backup.readable else "unreadable"
        print(f"{backup.id}  {made}  {backup.reason:<14}  {holds:<12}  last edit {last}")
    return 0


def cmd_backups_restore(args: argparse.Namespace) -> int:
    from workshop.store import backups, lock
    from workshop.store.location import resolve_db_path

    path = resolve_db_path(args.db).absolute()
    chosen = backups.find(path, args.backup_id)
    try:
        held = lock.acquire(path, wait_s=0.5)  # no app may have it open while it is replaced
    except lock.DatabaseInUse as error:
        raise CommandError(
            "cannot restore a backup while the database is open in the app; close the app first"
        ) from error
    try:
        set_aside = backups.restore(path, chosen)
    finally:
        held.release()
    made = chosen.made_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    note = f"; the damaged file was kept as {set_aside.name}" if set_aside else ""
    print(f"Restored the backup {chosen.id} of {made} ({chosen.summary}){note}")
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
    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: the contract is one line on stderr.
        self.exit(EXIT_BAD_INPUT, f"workshop: {message} (see: workshop --help)\n")


DEFAULT_DB_PLACEHOLDER = "{default_db}"
ID_HELP = "the workshop's id, or its first characters (see: workshop sessions list)"

EXAMPLES = """\
examples:
  workshop                                  open the app on the list of workshops
  workshop demo                             create the demo workshop; prints its id
  workshop sessions list                    every workshop: id, date, organisation, title
  workshop roadmap 3f2a --out roadmap.pdf   the board's PDF for the workshop whose id starts 3f2a
  workshop --db ~/acme.sqlite3 sessions list
                                            the same, from another database file

An ID may be shortened to its first characters (at least four) when that is unambiguous.
Exit status: 0 on success, 2 for bad input (one line on stderr), 1 for anything else.
"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' layout and shows the real default database path, worked out only
    when help is printed (so ordinary commands do not pay for it)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if text and DEFAULT_DB_PLACEHOLDER in text:
            from workshop.store.location import ENV_VAR, default_db_path

            text = text.replace(DEFAULT_DB_PLACEHOLDER, f"${ENV_VAR}, else {default_db_path()}")
        return text

    def _split_lines(self, text: str, width: int) -> list[str]:
        # Never break a path at its hyphens.
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False) or [""]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workshop",
        description=(
            "ML Team Maturity Workshop: run a leadership workshop on building a mature ML\n"
            "team and hand over a board-ready roadmap. With no command, opens the app."
        ),
        epilog=EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"workshop {__version__}",
        help="print the version and exit",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the SQLite file (or sqlite:/// URL) to work on; default: {DEFAULT_DB_PLACEHOLDER}",
    )
    # For the start-up benchmark only: not something a user needs to see.
    parser.add_argument("--exit-after-startup", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    open_ = commands.add_parser("open", help="open one workshop in the app")
    open_.add_argument("session_id", metavar="ID", help=ID_HELP)
    open_.set_defaults(handler=cmd_open)

    demo = commands.add_parser("demo", help="create (or refresh) the demo workshop; prints its id")
    demo.set_defaults(handler=cmd_demo)

    sessions = commands.add_parser("sessions", help="list, export and import workshops")
    sessions_commands = sessions.add_subparsers(
        metavar="ACTION", parser_class=_Parser, required=True
    )
    list_ = sessions_commands.add_parser("list", help="every workshop, newest first")
    list_.add_argument("--json", action="store_true", help="print the list as JSON, for scripts")
    list_.set_defaults(handler=cmd_sessions_list)
    export = sessions_commands.add_parser("export", help="write a portable session file")
    export.add_argument("session_id", metavar="ID", help=ID_HELP)
    export.add_argument("file", metavar="FILE", help="the session file to write (JSON)")
    export.set_defaults(handler=cmd_sessions_export)
    import_ = sessions_commands.add_parser(
        "import", help="import a session file; prints the new id"
    )
    import_.add_argument("file", metavar="FILE", help="a session file written by export (JSON)")
    import_.set_defaults(handler=cmd_sessions_import)

    backups = commands.add_parser("backups", help="list or restore the automatic backups")
    backups_commands = backups.add_subparsers(metavar="ACTION", parser_class=_Parser, required=True)
    backups_list = backups_commands.add_parser("list", help="every backup, newest first")
    backups_list.set_defaults(handler=cmd_backups_list)
    backups_restore = backups_commands.add_parser(
        "restore", help="put a backup in place of the database (the current one is backed up first)"
    )
    backups_restore.add_argument(
        "backup_id",
        metavar="ID|latest",
        help="a backup id from `backups list`, or latest (the newest good one)",
    )
    backups_restore.set_defaults(handler=cmd_backups_restore)

    roadmap = commands.add_parser("roadmap", help="export the roadmap PDF")
    roadmap.add_argument("session_id", metavar="ID", help=ID_HELP)
    roadmap.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    roadmap.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper size (default: %(default)s)"
    )
    roadmap.set_defaults(handler=cmd_roadmap)

    room = commands.add_parser(
        "room", help="run a room-voting round on one page until Ctrl+C; writes the tally"
    )
    room.add_argument("session_id", metavar="ID", help=ID_HELP)
    room.add_argument(
        "--listen",
        required=True,
        metavar="HOST:PORT",
        help="the laptop's address and port the phones connect to, e.g. 192.168.1.20:8765",
    )
    room.add_argument(
        "--page",
        required=True,
        metavar="PAGE_ID",
        help="the page the room votes on (its id in the framework content)",
    )
    room.add_argument(
        "--budget",
        type=int,
        default=3,
        metavar="N",
        help="dots per person on the matrix (default: %(default)s)",
    )
    room.set_defaults(handler=cmd_room)

    actions = commands.add_parser("actions", help="export the actions as CSV")
    actions.add_argument("session_id", metavar="ID", help=ID_HELP)
    actions.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write")
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
        loaders.append(lambda: sys.modules["workshop.report"].ReportError)
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
