"""The command line contract (DESIGN.md): ids on stdout, one-line errors, nothing half-written."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import __version__
from workshop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse exits for --version and usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"workshop {__version__}"


def test_demo_list_export_import_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "x.db")
    code, out, err = run(capsys, "--db", db, "demo")
    assert code == 0, err
    demo_id = out.strip()
    assert len(demo_id) == 36

    code, out, _ = run(capsys, "--db", db, "sessions", "list", "--json")
    listed = json.loads(out)
    assert demo_id in [row["id"] for row in listed] and len(listed) == 2  # first + follow-up
    by_stage = {row["working_on"] for row in listed}
    assert listed[0]["organisation"] and by_stage == {"exploring", "building"}

    exported = tmp_path / "demo.json"
    code, _, err = run(capsys, "--db", db, "sessions", "export", demo_id, str(exported))
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, "sessions", "import", str(exported))
    assert code == 0, err
    imported_id = out.strip()
    assert imported_id != demo_id

    again = tmp_path / "again.json"
    run(capsys, "--db", db, "sessions", "export", imported_id, str(again))
    first, second = json.loads(exported.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    for document in (first, second):
        document.pop("exported_at")
        document["session"].pop("id")
    assert first == second, "export -> import -> export changed the session"

    code, out, _ = run(capsys, "--db", db, "sessions", "list", "--json")
    assert {demo_id, imported_id} <= {row["id"] for row in json.loads(out)}


def test_demo_refreshes_instead_of_duplicating(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "x.db")
    first = run(capsys, "--db", db, "demo")[1].strip()
    second = run(capsys, "--db", db, "demo")[1].strip()
    assert first == second
    listed = json.loads(run(capsys, "--db", db, "sessions", "list", "--json")[1])
    assert len(listed) == 2  # the first workshop and its follow-up, once each
    assert first in {row["id"] for row in listed}


def test_unknown_session_is_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "--db",
        str(tmp_path / "x.db"),
        "sessions",
        "export",
        "nope",
        str(tmp_path / "f.json"),
    )
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "no session with id 'nope'" in err
    assert not (tmp_path / "f.json").exists()


def test_bad_import_leaves_database_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    run(capsys, "--db", str(db), "demo")
    before = run(capsys, "--db", str(db), "sessions", "list", "--json")[1]
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "ml-team-maturity-workshop/session", "format_version": 1, "session": {', "utf-8"
    )
    code, _, err = run(capsys, "--db", str(db), "sessions", "import", str(bad))
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err
    assert run(capsys, "--db", str(db), "sessions", "list", "--json")[1] == before


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sessions", "frobnicate")
    assert code == 2 and err.count("\n") == 1


def test_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", f"sqlite:///{db}", "sessions", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No workshops yet" in result.stdout
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "workshop",
            "--db",
            str(db),
            "roadmap",
            "0000",
            "--out",
            str(tmp_path / "r.pdf"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode != 0 and missing.stderr.startswith("workshop: ")
    assert "Traceback" not in missing.stderr and not (tmp_path / "r.pdf").exists()
