"""Trust on the command line: damaged files refused in one line and never modified, the app's
lock respected, backups listed and restored, files private on disk."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_trust_ui import HOLDER
from trust_helpers import companions, digest, mode

from workshop.framework import load_framework
from workshop.store import backups, open_store
from workshop.store.demo import build_demo


def cli(*args: str, db: Path, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,  # noqa: PLW1509
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and lines[0].startswith("workshop: ") and "Traceback" not in result.stderr
    )
    return lines[0]


@pytest.mark.slow
def test_damaged_truncated_and_foreign_files_are_refused_untouched(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    assert cli("demo", db=good).returncode == 0
    data = good.read_bytes()
    rng = random.Random(3)
    cases: dict[str, bytes] = {
        "truncated": data[: len(data) // 3],
        "half a page": data[:4000],
        "foreign": b"%PDF-1.7 not a database at all\n" * 100,
        "header gone": b"\0" * 100 + data[100:],
    }
    for number in range(8):  # random flips inside the schema and index pages
        flipped = bytearray(data)
        for _ in range(40):
            at = rng.randrange(100, min(len(data), 4096 * 6))
            flipped[at] ^= 0xFF
        cases[f"flipped {number}"] = bytes(flipped)
    outcomes = {"refused": 0, "still readable": 0}
    for name, content in cases.items():
        db = tmp_path / f"{name.replace(' ', '-')}.sqlite3"
        db.write_bytes(content)
        result = cli("sessions", "list", db=db)
        assert db.read_bytes() == content, name  # never modified
        assert companions(db) == [], name
        if result.returncode == 0:
            outcomes["still readable"] += 1  # the flips missed everything a check can see
            assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        else:
            line = one_line_error(result)
            assert "backups restore latest" in line or "not" in line, name
            outcomes["refused"] += 1
    print(f"\ndamaged files: {len(cases)} tried, {outcomes}")
    assert outcomes["refused"] >= 6


@pytest.mark.slow
def test_the_cli_respects_a_running_app(tmp_path: Path) -> None:
    db = tmp_path / "workshop.sqlite3"
    assert cli("demo", db=db).returncode == 0
    demo_id = build_demo(load_framework()).id
    export = tmp_path / "demo.json"
    assert cli("sessions", "export", demo_id, str(export), db=db).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), demo_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        before = digest(db)
        line = one_line_error(cli("demo", db=db))
        assert "open in the app" in line
        assert digest(db) == before
        assert "open in the app" in one_line_error(cli("backups", "restore", "latest", db=db))
        imported = cli("sessions", "import", str(export), db=db)  # imports still run
        assert imported.returncode == 0, imported.stderr
    finally:
        holder.communicate("")
    assert cli("demo", db=db).returncode == 0  # the app is gone: its lock went with it


@pytest.mark.slow
def test_backups_are_listed_restored_and_private(tmp_path: Path) -> None:
    db = tmp_path / "workshop.sqlite3"
    assert cli("demo", db=db, umask=0o022).returncode == 0
    assert cli("demo", db=db, umask=0o022).returncode == 0  # a refresh backs up first
    listing = cli("backups", "list", db=db)
    assert (
        listing.returncode == 0
        and "before-demo" in listing.stdout
        and "1 workshop" in listing.stdout
    )
    folder = backups.backups_folder(db)
    assert mode(folder) == 0o700 and all(mode(p) == 0o600 for p in folder.iterdir())
    assert mode(db) == 0o600

    with open_store(db) as store:  # while open: the log and index are private too
        store.list_sessions()
        store.load(build_demo(load_framework()).id)
        assert mode(Path(f"{db}-wal")) == 0o600 and mode(Path(f"{db}-shm")) == 0o600
    assert companions(db) == []  # a clean close checkpoints and removes them

    db.write_bytes(b"garbage" * 1000)  # damaged: restore sets it aside, unchanged
    restored = cli("backups", "restore", "latest", db=db)
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup" in restored.stdout and "damaged file was kept" in restored.stdout
    assert [p.read_bytes() for p in tmp_path.glob("workshop.sqlite3.damaged-*")] == [
        b"garbage" * 1000
    ]
    assert companions(db) == [] and mode(db) == 0o600
    assert "Nordvik" in cli("sessions", "list", db=db).stdout


def test_rotation_keeps_ten_plus_one_a_day_for_a_week_plus_the_last_upgrade(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    db = tmp_path / "workshop.sqlite3"
    folder = backups.backups_folder(db)
    folder.mkdir()
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    names = []
    for hours in range(0, 24 * 12, 6):  # four a day for twelve days
        made = now - timedelta(hours=hours)
        reason = "before-upgrade" if hours == 24 * 11 else "start"
        name = f"{made:%Y%m%d-%H%M%S-%f}.{reason}.sqlite3"
        (folder / name).write_bytes(b"")
        names.append(name)
    backups.rotate(db, today=now.astimezone().date())
    kept = sorted(p.name for p in folder.iterdir())
    assert set(names[:10]) <= set(kept)
    assert any("before-upgrade" in k for k in kept)
    assert len(kept) <= 10 + 7 + 1
    assert not any(
        n in kept
        for n in names[10:]
        if "upgrade" not in n and n[:8] < (now - timedelta(days=7)).strftime("%Y%m%d")
    )
