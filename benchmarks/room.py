"""Room vote under load: 30 phones voting at once, and the room's screen while they do.

Phones are threads of a separate process (as real phones are other devices: they must not
share the app's interpreter lock) speaking HTTP to the server on 127.0.0.1, each joining and
sending ten ballots (changing its mind nine times). Meanwhile the audience view with the room-vote
overlay repaints every 16 ms on the UI thread, as it would on the projector. Reported:

- the p95 response time of the room server, against a bare standard-library HTTP server
  answering the same load with a fixed 200 (the floor of any Python server here);
- the p95 frame interval of the audience view while phones vote, against the same view
  with nobody voting, measured in the same run.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PHONES = 30
BALLOTS = 10
FRAME_MS = 16


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _post(
    port: int, path: str, body: dict[str, object], token: str = ""
) -> tuple[int, bytes, float]:
    data = json.dumps(body).encode()
    headers = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, data, headers)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, payload, time.perf_counter() - started


def phones_vote(port: int, code: str, item_ids: list[str]) -> list[float]:
    """30 phones at once; every request's response time in seconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(PHONES)

    def phone(n: int) -> None:
        start.wait()
        mine: list[float] = []
        status, payload, took = _post(port, "/api/join", {"code": code})
        mine.append(took)
        token = json.loads(payload).get("token", "") if status == 200 else ""
        for b in range(BALLOTS):
            votes = {i: (n + b + k) % 5 for k, i in enumerate(item_ids)}
            status, _, took = _post(port, "/api/ballot", {"votes": votes}, token)
            if status != 200 and code:
                raise SystemExit(f"a ballot was refused: {status}")
            mine.append(took)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(PHONES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


class _Bare(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"token": "x"}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


class _BareServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 32  # as the room server's


def phones_in_another_process(port: int, code: str, item_ids: list[str]) -> list[float]:
    command = [sys.executable, __file__, "--phones", str(port), code or "-", *item_ids]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [float(x) for x in json.loads(out)]


def bare_server_latencies(item_ids: list[str]) -> list[float]:
    server = _BareServer(("127.0.0.1", 0), _Bare)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        return phones_in_another_process(server.server_address[1], "", item_ids)
    finally:
        server.shutdown()
        server.server_close()


def frames_while(
    app: object, view: object, work: Callable[[], object] | None, seconds: float
) -> list[float]:
    """Frame intervals (ms) of ``view`` repainting every 16 ms while ``work`` runs."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    intervals: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def frame() -> None:
        view.repaint()  # type: ignore[attr-defined]
        now = clock.nsecsElapsed()
        intervals.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(FRAME_MS)
    timer.timeout.connect(frame)
    loop = QEventLoop()
    done = threading.Event()
    if work is not None:
        worker = threading.Thread(target=lambda: (work(), done.set()), daemon=True)
    timer.start()
    if work is not None:
        worker.start()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or (work is not None and not done.is_set()):
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    timer.stop()
    return intervals[1:]


def bench_room() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from workshop.framework import load_framework
    from workshop.store import open_store
    from workshop.store.demo import build_demo
    from workshop.ui.audience.view import AudienceView
    from workshop.ui.controller import SessionController
    from workshop.ui.room.audience_overlay import attach_overlay
    from workshop.ui.room.live import LiveRound

    framework = load_framework()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "room.sqlite3")
        session = build_demo(framework)
        store.create(session)
        controller = SessionController(store.load(session.id), framework, store)
        page = framework.page("page_maturity_exploring")
        live = LiveRound(controller)
        server = live.start(page, "127.0.0.1", 0)
        item_ids = [i.id for i in live.round.items]  # type: ignore[union-attr]
        view = AudienceView(controller, "projector")
        view.resize(1920, 1080)
        view.show_page(page.id)
        view.show()
        attach_overlay(view, live)

        idle = frames_while(app, view, None, 2.0)
        result: dict[str, list[float]] = {}
        voting = frames_while(
            app,
            view,
            lambda: result.setdefault(
                "room",
                phones_in_another_process(server.port, live.round.code, item_ids),  # type: ignore[union-attr]
            ),
            0.5,
        )
        assert live.round is not None and live.round.progress[0] == PHONES
        live.stop()
        view.close()
        store.close()
    bare = bare_server_latencies(item_ids)
    room = result["room"]
    return {
        "requests": len(room),
        "room_p95_ms": p95(room) * 1000,
        "bare_p95_ms": p95(bare) * 1000,
        "idle_frame_p95_ms": p95(idle),
        "voting_frame_p95_ms": p95(voting),
        "voting_frame_max_ms": max(voting),
    }


def report() -> None:
    r = bench_room()
    print(
        f"room vote ({PHONES} phones at once, {BALLOTS} ballots each, {r['requests']:.0f} requests)"
    )
    print(f"  bare stdlib server p95     {r['bare_p95_ms']:7.1f} ms")
    ratio = r["room_p95_ms"] / r["bare_p95_ms"]
    verdict = "ok" if ratio <= 3 else "OVER TARGET"
    print(
        f"  room server p95            {r['room_p95_ms']:7.1f} ms  ratio {ratio:.2f}x (target <= 3x: {verdict})"
    )
    print(f"  audience frame p95, idle   {r['idle_frame_p95_ms']:7.1f} ms")
    frame_ratio = r["voting_frame_p95_ms"] / r["idle_frame_p95_ms"]
    verdict = "ok" if frame_ratio <= 2 else "OVER TARGET"
    print(
        f"  audience frame p95, voting {r['voting_frame_p95_ms']:7.1f} ms  ratio {frame_ratio:.2f}x"
        f" (target <= 2x: {verdict}; worst {r['voting_frame_max_ms']:.0f} ms)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        port, code, *ids = sys.argv[2:]
        print(json.dumps(phones_vote(int(port), "" if code == "-" else code, ids)))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        report()
