"""`make bench`: speed as ratios against a baseline measured in the same run.

- Start-up: `workshop --exit-after-startup` on a database of 1,000 workshops, against a bare
  PySide6 window that also waits for its first painted frame. Target: within 4x.
- PDF export: the demo and a large session (300 opportunities, 40 hires, 60 actions), against
  ReportLab building a plain single-pass document of the same page count. Target: within 3x.
- Pages (``pages.py``), with the same large session in a 1920x1080 window: the first show of
  every page, one edit's screen update on the heavy pages, and the matrix drag step against
  painting as many bare markers in the same run. Goals are printed with each figure.
- Room vote: 30 phones voting at once; the server's p95 response time against a bare
  standard-library server, and the audience view's frame time while they vote against the
  same view idle (see benchmarks/room.py). Targets: within 3x and 2x.

Absolute times vary by machine; the ratios are what we track.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script (`python benchmarks/run.py`): make `benchmarks.*` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ENV = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def timed_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"benchmark command failed: {' '.join(command)}\n{process.stderr.read().decode()}"
        )
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def median_run(command: list[str]) -> tuple[float, float]:
    timed_process(command)  # warm the file cache
    runs = [timed_process(command) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def seed_sessions(db: Path, count: int) -> None:
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.seed import seed

    seed(db, count)


def bench_startup() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        started = time.perf_counter()
        seed_sessions(db, 1000)
        print(f"seeded 1,000 workshops in {time.perf_counter() - started:.1f} s")
        bare, bare_mem = median_run([sys.executable, str(HERE / "bare_window.py")])
        app, app_mem = median_run(
            [sys.executable, "-m", "workshop", "--db", str(db), "--exit-after-startup"]
        )
    print(f"start-up (median of {RUNS} runs, first painted frame)")
    print(f"  bare PySide6 window      {bare:6.3f} s  {bare_mem:6.0f} MiB peak")
    print(f"  library, 1,000 sessions  {app:6.3f} s  {app_mem:6.0f} MiB peak")
    verdict = "ok" if app / bare <= 4 else "OVER TARGET"
    print(f"  ratio                    {app / bare:6.2f}x  (target <= 4x: {verdict})")


def bench_export() -> None:
    from benchmarks.export_bench import bench_export as run

    r = run()
    print("PDF export (best of 5, same run)")
    print(f"  plain ReportLab, {r['demo_pages']:>3} pages  {r['demo_plain_s']:6.3f} s")
    print(
        f"  demo roadmap,    {r['demo_pages']:>3} pages  {r['demo_export_s']:6.3f} s  ratio {r['demo_ratio']:.2f}x"
    )
    print(f"  plain ReportLab, {r['plain_pages']:>3} pages  {r['plain_s']:6.3f} s")
    print(
        f"  large session,   {r['large_pages']:>3} pages  {r['large_export_s']:6.3f} s  ratio {r['large_ratio']:.2f}x"
    )
    verdict = "ok" if r["large_ratio"] <= 3 else "OVER TARGET"
    print(f"  (300 opportunities, 40 hires, 60 actions; target <= 3x: {verdict})")


def bench_pages() -> None:
    """In its own process: the page figures need a QApplication of their own."""
    subprocess.run(
        [sys.executable, str(HERE / "pages.py")], env=ENV, check=True, stderr=subprocess.DEVNULL
    )


def bench_room() -> None:
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.room import report

    report()


def main() -> int:
    bench_startup()
    bench_export()
    bench_pages()
    bench_room()
    return 0


if __name__ == "__main__":
    sys.exit(main())
