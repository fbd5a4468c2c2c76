"""A command line people can learn from: every argument explained, the default database shown,
examples, developer flags hidden, and a man page generated from the same parser."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from workshop.cli import build_parser, main
from workshop.store.location import default_db_path

ROOT = Path(__file__).resolve().parent.parent


def _walk(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, (*path, name))


def _help_output(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_every_argument_of_every_command_has_help_text() -> None:
    missing = []
    for path, parser in _walk(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                missing += [
                    " ".join((*path, name)) for name in action.choices if not helps.get(name)
                ]
            elif not action.help:
                missing.append(
                    f"{' '.join(path) or 'workshop'} {'/'.join(action.option_strings) or action.dest}"
                )
    assert not missing, "no help text: " + ", ".join(missing)


def test_help_shows_the_default_database_examples_and_hides_developer_flags(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # the temp folder's long path on one line
    text = _help_output(capsys)
    assert str(default_db_path()) in text
    assert "$WORKSHOP_DB" in text
    assert "examples:" in text and "workshop roadmap" in text and "--out roadmap.pdf" in text
    assert "--exit-after-startup" not in text
    roadmap = _help_output(capsys, "roadmap")
    assert "paper size (default: a4)" in roadmap
    assert "the PDF file to write" in roadmap


def test_the_hidden_benchmark_flag_still_works_on_the_parser() -> None:
    args = build_parser().parse_args(["--exit-after-startup"])
    assert args.exit_after_startup is True


def _manpage_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_manpage", ROOT / "tools" / "make_manpage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_man_page_covers_every_command_and_option_and_renders_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "workshop.1"
    assert _manpage_tool().main([str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith(".TH WORKSHOP 1 ")
    plain = page.replace("\\-", "-")
    for path, parser in _walk(build_parser()):
        assert " ".join(("workshop", *path)) in plain
        for action in parser._actions:
            if action.help != argparse.SUPPRESS:
                for option in action.option_strings:
                    assert option in plain, (
                        f"{option} of {' '.join(path)} missing from the man page"
                    )
    assert "exit-after-startup" not in plain
    assert str(Path.home()) not in page  # not this machine's paths
    rendered = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-P", "-cbou", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert rendered.stderr == "", rendered.stderr
    assert "EXAMPLES" in rendered.stdout and "workshop sessions list" in rendered.stdout


def test_help_needs_no_display_and_no_qt() -> None:
    probe = "import sys; from workshop.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\nprint('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
