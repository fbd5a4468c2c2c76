"""A round without the app: serve until SIGINT or SIGTERM, then hand back the tally.

Used by ``workshop room ID --listen HOST:PORT --page PAGE_ID`` (the command line writes the
tally through the store, since this room has no database of its own).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

from workshop.room.round import Round, Tally
from workshop.room.server import RoomServer


def parse_listen(text: str) -> tuple[str, int]:
    """ "192.168.1.5:8765" or "[fe80::1]:8765" -> (host, port); ValueError in one line."""
    host, sep, port_text = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise ValueError(f"--listen wants HOST:PORT, e.g. 192.168.1.5:8765 (got {text!r})")
    return host, int(port_text)


def serve_until_signalled(
    round_: Round, host: str, port: int, ready: Callable[[RoomServer], None]
) -> Tally:
    """Serve ``round_`` until SIGINT/SIGTERM; close it and return its tally.

    ``ready(server)`` is called once the socket listens (to print the join line). The
    previous signal handlers are put back before returning.
    """
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server = RoomServer(round_, host, port).start()
        try:
            ready(server)
            while not stop.wait(0.5):
                pass
        finally:
            tally = round_.close()
            server.stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return tally
