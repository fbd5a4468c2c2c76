"""Safe exports and imports, through the real command line in a subprocess: CSV cells a
spreadsheet would run are neutralised, exports follow the user's umask, a target that is not
a regular file is refused in one line, and importing a FIFO never hangs."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.domain.session import Action, Session
from workshop.report.actions_csv import safe_cell
from workshop.store import open_store
from workshop.store.portable import write_session_file

pytestmark = pytest.mark.slow


def workshop(
    *argv: str, umask: int | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "workshop", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        preexec_fn=set_umask,
    )


FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "\tTabbed", "\rReturn"]


@pytest.fixture
def db_with_actions(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "w.db"
    session = Session(organisation="Acme", title="Safe exports")
    session.actions = [
        Action(id=f"a{n}", text=text, owner="=cmd|' /C calc'!A0") for n, text in enumerate(FORMULAS)
    ]
    session.actions.append(Action(id="ctl", text="bell\x07 esc\x1b[31m nul-free", owner="Ana"))
    with open_store(db) as store:
        store.create(session)
    return db, session.id


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(
    tmp_path: Path, db_with_actions: tuple[Path, str]
) -> None:
    db, session_id = db_with_actions
    target = tmp_path / "actions.csv"
    done = workshop("--db", str(db), "actions", session_id, "--csv", str(target))
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\x1b" not in data and b"\x07" not in data and b"\x00" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    texts = [row[0] for row in rows[1:]]
    assert texts[: len(FORMULAS)] == ["'" + text for text in FORMULAS]
    assert texts[-1] == "bell esc[31m nul-free"
    assert {row[1] for row in rows[1:-1]} == {"'=cmd|' /C calc'!A0"}
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
    )


def test_safe_cell_leaves_ordinary_text_alone() -> None:
    assert safe_cell("Book the audit — 5% <b>") == "Book the audit — 5% <b>"
    assert safe_cell("line one\nline two") == "line one\nline two"
    assert safe_cell("\x00=1") == "'=1"  # removing a control character cannot unmask a formula
    assert safe_cell("") == ""


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exports_follow_the_users_umask(
    tmp_path: Path, db_with_actions: tuple[Path, str], umask: int, mode: int
) -> None:
    db, session_id = db_with_actions
    csv_file, session_file = tmp_path / "a.csv", tmp_path / "s.json"
    assert (
        workshop(
            "--db", str(db), "actions", session_id, "--csv", str(csv_file), umask=umask
        ).returncode
        == 0
    )
    assert (
        workshop(
            "--db", str(db), "sessions", "export", session_id, str(session_file), umask=umask
        ).returncode
        == 0
    )
    for path in (csv_file, session_file):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name


def test_the_pdf_follows_the_umask_too(tmp_path: Path, db_with_actions: tuple[Path, str]) -> None:
    db, session_id = db_with_actions
    pdf = tmp_path / "roadmap.pdf"
    done = workshop("--db", str(db), "roadmap", session_id, "--out", str(pdf), umask=0o022)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and stat.S_IMODE(pdf.stat().st_mode) == 0o644


def special_target(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / "target"
    if kind == "FIFO":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:  # a private copy of /dev/null, so a failure could never replace the real one
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            return Path("/dev/null")  # not root: the real one, which we could not replace anyway
    return target


@pytest.mark.parametrize("kind", ["FIFO", "folder", "device"])
@pytest.mark.parametrize("command", ["actions", "sessions export", "roadmap"])
def test_an_export_over_a_fifo_device_or_folder_is_refused_in_one_line(
    tmp_path: Path, db_with_actions: tuple[Path, str], command: str, kind: str
) -> None:
    db, session_id = db_with_actions
    target = special_target(tmp_path, kind)
    before = target.lstat()
    argv = {
        "actions": ["actions", session_id, "--csv", str(target)],
        "sessions export": ["sessions", "export", session_id, str(target)],
        "roadmap": ["roadmap", session_id, "--out", str(target)],
    }[command]
    done = workshop("--db", str(db), *argv)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr, done.stderr
    after = target.lstat()
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (
        stat.S_IFMT(before.st_mode),
        before.st_ino,
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_importing_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "session.json"
    os.mkfifo(fifo)
    done = workshop("--db", str(tmp_path / "w.db"), "sessions", "import", str(fifo), timeout=60)
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"workshop: cannot read {fifo}: it is a FIFO (named pipe), not a regular file"
    )
    folder = tmp_path / "folder.json"
    folder.mkdir()
    done = workshop("--db", str(tmp_path / "w.db"), "sessions", "import", str(folder), timeout=60)
    assert done.returncode == 2 and "it is a folder, not a regular file" in done.stderr


def test_a_regular_file_still_imports(tmp_path: Path) -> None:
    source = tmp_path / "s.json"
    write_session_file(Session(organisation="Acme", title="Import"), source)
    done = workshop("--db", str(tmp_path / "w.db"), "sessions", "import", str(source))
    assert done.returncode == 0, done.stderr and len(done.stdout.strip()) == 36
