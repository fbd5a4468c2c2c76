"""Write the man page, workshop(1), from the command line parser itself.

    python tools/make_manpage.py [OUT]        # default: build/man/workshop.1

Generated, not written by hand, so every command and option that exists (including those
added later) is in it, with the same help text as ``workshop --help``. Options hidden from
``--help`` (developer flags) stay out of it too. No dependency beyond the standard library.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workshop import APP_NAME, __version__  # noqa: E402
from workshop.cli import DEFAULT_DB_PLACEHOLDER, EXAMPLES, build_parser  # noqa: E402

DEFAULT_OUT = ROOT / "build" / "man" / "workshop.1"


def roff(text: str) -> str:
    """Escape text for roff: backslashes, and a leading dot or quote on a line."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        ("\\&" + line) if line.startswith((".", "'")) else line for line in text.splitlines()
    )


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse._SubParsersAction]:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield action


def _help_of(action: argparse.Action) -> str:
    if not action.help:
        return ""
    # Not this machine's path: the page is read on others (FILES names the default).
    shown = copy.copy(action)
    shown.help = action.help.replace(
        DEFAULT_DB_PLACEHOLDER, "$WORKSHOP_DB, else the user data folder (see FILES)"
    )
    return argparse.HelpFormatter("workshop")._expand_help(shown)


def _options(parser: argparse.ArgumentParser, top: bool = True) -> list[str]:
    lines = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if isinstance(action, argparse._HelpAction) and not top:
            continue  # every command has -h; said once, at the top
        if action.option_strings:
            metavar = ""
            if action.nargs != 0:
                metavar = " " + (
                    action.metavar
                    or (
                        ("{" + ",".join(action.choices) + "}")
                        if action.choices
                        else action.dest.upper()
                    )
                )
            names = ", ".join(f"\\fB{roff(o)}\\fR" for o in action.option_strings)
            term = names + (f" \\fI{roff(metavar.strip())}\\fR" if metavar else "")
        else:
            term = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
        lines += [".TP", term, roff(_help_of(action))]
    return lines


def _commands(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    lines: list[str] = []
    for group in _subparsers(parser):
        helps = {choice.dest: choice.help for choice in group._choices_actions}
        for name, sub in group.choices.items():
            usage = sub.format_usage().removeprefix("usage: ").strip()
            lines += [".SS", roff(f"{prefix} {name}".strip()), f".B {roff(usage)}", ".br"]
            if helps.get(name):
                lines += [roff(str(helps[name])[:1].upper() + str(helps[name])[1:]) + "."]
            options = _options(sub, top=False)
            if options:
                lines += [".RS", *options, ".RE"]
            lines += _commands(sub, f"{prefix} {name}")
    return lines


def manpage(today: dt.date | None = None) -> str:
    parser = build_parser()
    date = (today or dt.date.today()).isoformat()
    description = (parser.description or "").replace("\n", " ")
    examples = EXAMPLES.split("\n", 1)[1]
    example_lines: list[str] = []
    for line in examples.rstrip().splitlines():
        if line.startswith("  "):
            example_lines += [".nf", roff(line.strip()), ".fi"]
        elif line.strip():
            example_lines += [".PP", roff(line)]
    lines = [
        f'.TH WORKSHOP 1 "{date}" "workshop {__version__}" "{APP_NAME}"',
        ".SH NAME",
        f"workshop \\- {roff(APP_NAME)}: run a leadership workshop on building a mature ML team",
        ".SH SYNOPSIS",
        f".B {roff(parser.format_usage().removeprefix('usage: ').strip())}",
        ".SH DESCRIPTION",
        roff(description),
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
        *_commands(parser, "workshop"),
        ".SH EXAMPLES",
        *example_lines,
        ".SH FILES",
        ".TP",
        "\\fI~/.local/share/ml\\-team\\-maturity\\-workshop/workshop.sqlite3\\fR",
        "The workshops (SQLite), unless \\fB\\-\\-db\\fR or \\fBWORKSHOP_DB\\fR names another file.",
        ".TP",
        "\\fI~/.config/ml\\-team\\-maturity\\-workshop/settings.ini\\fR",
        "The app's settings (theme, zoom, window places, last folders).",
        ".TP",
        "\\fI~/.local/state/ml\\-team\\-maturity\\-workshop/log/workshop.log\\fR",
        "The app's log, kept small and rotated.",
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBWORKSHOP_DB\\fR",
        "The database to use when \\fB\\-\\-db\\fR is not given.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(manpage(), encoding="utf-8")
    print(f"man page -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
