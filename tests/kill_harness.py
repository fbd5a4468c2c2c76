"""The kill harness: a scripted editing run through the real window, killed with SIGKILL.

:data:`DRIVER` runs in a subprocess (offscreen) the way the app starts: it takes the
database lock, opens the database with the start-up checks, builds the app shell with its
recovery journal and opens the workshop window. Then it edits without pause: it types into
answer fields and the private notes with real key events, presses Ctrl+S (the window's Save
action) on some steps and leaves the others to the typing pause, and prints one line per step
(``SAVED i t`` after Save returned, ``TYPED i t`` after the keys were sent).

:func:`kill_once` starts it, kills it at a random moment, and checks what the next start
sees: the database opens through the same checks (no false alarm about its -wal), passes
``integrity_check``, and holds every edit typed more than one second before the kill (and
every one reported saved).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

DRIVER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtTest import QTest

    db, session_id, settings_dir, first = sys.argv[1:5]
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)

    from workshop.store import lock
    from workshop.store.journal import RecoveryJournal
    from workshop.store.lazy import open_store_lazily
    from workshop.ui.app import App, make_application
    from workshop.ui.preferences import Preferences
    from workshop.ui.widgets.bound_text import BoundTextEdit

    app = make_application()
    path = Path(db)
    held = lock.acquire(path)
    store = open_store_lazily(path)  # the start-up checks; a refusal is a traceback here
    shell = App(app, store, Preferences(), db_path=path, lock=held, journal=RecoveryJournal(path))
    shell.library.show()
    shell.after_start()
    window = shell.open_session(session_id)
    fields = []
    step = int(first)

    def edit():
        global step
        answer = BoundTextEdit(window.controller, "answers", f"q_kill_{step}", "text")
        fields.append(answer)
        answer.show()
        answer.setFocus()
        QTest.keyClicks(answer, f"answer {step}")
        if step % 4 == 1:
            notes = window.side_panel.notes
            notes.setFocus()
            QTest.keyClicks(notes, f" n{step}")
        if step % 2 == 0:
            window.save_action.trigger()
            print(f"SAVED {step} {time.time()}", flush=True)
        else:
            print(f"TYPED {step} {time.time()}", flush=True)
        step += 1
        QTimer.singleShot(30, edit)

    print("READY", flush=True)
    QTimer.singleShot(0, edit)
    app.exec()
    """
)


RUN_STEPS = 100_000  # step numbers each run may use


@dataclass
class KillReport:
    kills: int = 0
    steps: int = 0  # edits the driver reported before its kill
    checked: int = 0  # edits old enough that they must be on disk
    lost: list[str] = field(default_factory=list)


def _reader(stream: object, lines: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.append(line.strip())


def kill_once(
    db: Path, session_id: str, first: int, work: Path, rng: random.Random, report: KillReport
) -> int:
    """One run killed at a random moment; returns the first step number of the next run."""
    from workshop.store import health, open_store

    script = work / "kill_driver.py"
    if not script.exists():
        script.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, str(script), str(db), session_id, str(work / "settings"), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    reader = threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True)
    reader.start()
    try:
        deadline = time.time() + 60
        while "READY" not in lines:
            if process.poll() is not None or time.time() > deadline:
                raise AssertionError(
                    f"the app did not start: {process.stderr.read() if process.stderr else ''}"
                )
            time.sleep(0.01)
        time.sleep(rng.uniform(0.05, 2.2))
        killed_at = time.time()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    reader.join(timeout=5)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    report.kills += 1

    steps = [line.split() for line in lines if line.startswith(("SAVED", "TYPED"))]
    report.steps += len(steps)
    health.check_database(db)  # what the next start checks: no false alarm, no damage
    with open_store(db) as store:
        saved = store.load(session_id)
    for kind, number, at in steps:
        must_hold = kind == "SAVED" or float(at) < killed_at - 1.0
        if not must_hold:
            continue
        report.checked += 1
        found = saved.answer(f"q_kill_{number}").text
        if found != f"answer {number}":
            report.lost.append(
                f"step {number} ({kind}, {killed_at - float(at):.2f} s before the kill): {found!r}"
            )
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    # The killed run may have typed a step it never got to report: the next run starts on
    # fresh fields, so it never types into one of those.
    return (first // RUN_STEPS + 1) * RUN_STEPS
