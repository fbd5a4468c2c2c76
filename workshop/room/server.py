"""The room server: the phone page and the JSON API, on the one address the facilitator picked.

The standard library's :class:`ThreadingHTTPServer` on one worker thread: it needs no
dependency and no event loop (the app's loop is Qt's, and an asyncio loop beside it would be
a second scheduler to keep apart), one short-lived thread per phone is nothing for a room of
thirty, and every request is a few dictionary operations under the round's lock. It is not
a hardened internet server, so it is never given the internet: it binds only the chosen
address, answers only requests whose ``Host`` is that address, refuses bodies over 64 KB,
caps connections, drops idle ones after a few seconds and never connects anywhere.

API (see README, "Room voting"):

* ``POST /api/join`` ``{"code": "123456"}`` → ``{"token", "ask_group"}``
* ``GET /api/ballot`` (``Authorization: Bearer TOKEN``) → the items and the scale or budget
* ``POST /api/ballot`` ``{"votes": {ITEM_ID: SCORE}}`` → replaces this phone's ballot
* ``POST /api/group`` ``{"group": "leadership"|"hands_on"|""}`` → only when the round asks
* ``GET /api/results`` → 403 until the facilitator reveals, then the distribution
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

from workshop.room.round import Round, RoundError

MAX_BODY = 64 * 1024
MAX_CONNECTIONS = 200  # a room of thirty phones, each with a few keep-alive connections
IDLE_SECONDS = 5.0

# Nothing but our own page, script and style; no frames, no form posts elsewhere, no base.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _asset(name: str) -> bytes:
    return resources.files("workshop.room").joinpath("phone", name).read_bytes()


STATIC = {
    "/": ("text/html; charset=utf-8", "index.html"),
    "/phone.js": ("text/javascript; charset=utf-8", "phone.js"),
    "/phone.css": ("text/css; charset=utf-8", "phone.css"),
}


def host_for_url(host: str) -> str:
    """An IPv6 address goes in brackets in a URL and a Host header."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 32

    def __init__(self, address: tuple[str, int], room: RoomServer) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.room = room
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        # A cap on connections: past it, a phone gets a one-line 503 instead of a thread.
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                    b"Connection: close\r\n\r\n"
                )
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS  # a phone that opens a connection and sends nothing is dropped
    server_version = "workshop-room"
    sys_version = ""

    # --- plumbing ---------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # addresses are not written anywhere, not even to a log

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: dict[str, Any]) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self.close_connection = True
        self._json(status, {"error": message})

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Malformed request lines and unsupported methods get the same JSON and headers.
        self._error(code, message or HTTPStatus(code).phrase)

    def _host_ok(self) -> bool:
        """Only requests addressed to us: a rebinding web page elsewhere gets nothing."""
        return (self.headers.get("Host") or "").lower() in self.server.room.accepted_hosts

    def _token(self) -> str | None:
        value = self.headers.get("Authorization") or ""
        scheme, _, token = value.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None

    def _body(self) -> dict[str, Any] | None:
        """The request's JSON object, or None after answering why not."""
        if self.headers.get("Transfer-Encoding"):
            self._error(411, "send a Content-Length")
            return None
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.strip().isdigit():
            self._error(411, "send a Content-Length")
            return None
        length = int(length_text)
        if length > MAX_BODY:
            self._error(413, f"the body is over {MAX_BODY // 1024} KB")
            return None
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._error(415, "send application/json")
            return None
        raw = self.rfile.read(length)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._error(400, "the body is not JSON")
            return None
        if not isinstance(data, dict):
            self._error(400, "the body must be a JSON object")
            return None
        return data

    # --- routes -----------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if not self._host_ok():
            self._error(421, "wrong host")
            return
        path = self.path.split("?", 1)[0]
        room = self.server.room.round
        try:
            if path in STATIC:
                content_type, name = STATIC[path]
                self._send(200, _asset(name), content_type)
            elif path == "/api/ballot":
                self._json(200, room.ballot_form(self._token()))
            elif path == "/api/results":
                self._json(200, room.results(self._token()))
            else:
                self._error(404, "not found")
        except RoundError as error:
            self._error(error.status, str(error))

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            self._error(421, "wrong host")
            return
        path = self.path.split("?", 1)[0]
        if path not in ("/api/join", "/api/ballot", "/api/group"):
            self._error(404, "not found")
            return
        data = self._body()
        if data is None:
            return
        room = self.server.room.round
        try:
            if path == "/api/join":
                if set(data) - {"code", "group"}:
                    raise RoundError("only code and group may be sent")
                token = room.join(data.get("code"), self.client_address[0], data.get("group", ""))
                self._json(200, {"token": token, "ask_group": room.ask_group})
            elif path == "/api/group":
                if set(data) != {"group"}:
                    raise RoundError('send {"group": "leadership" | "hands_on" | ""}')
                room.set_group(self._token(), data["group"])
                self._json(200, {"received": True})
            else:
                if set(data) != {"votes"}:
                    raise RoundError('send {"votes": {...}}')
                room.vote(self._token(), data["votes"])
                self._json(200, {"received": True, "round": room.number})
        except RoundError as error:
            self._error(error.status, str(error))

    def _refuse_method(self) -> None:
        self._error(405, "method not allowed")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method  # noqa: N815


class RoomServer:
    """Serves one :class:`Round` on ``host:port`` from a worker thread until :meth:`stop`.

    ``port=0`` picks a free port. The server never binds 0.0.0.0 or :: unless the caller
    asks for it by name (the app offers only the laptop's real addresses).
    """

    def __init__(self, round_: Round, host: str, port: int = 0) -> None:
        self.round = round_
        self.host = host
        self._server = _Server((host, port), self)
        self.port: int = self._server.server_address[1]
        netloc = f"{host_for_url(host)}:{self.port}"
        self.accepted_hosts = frozenset({netloc.lower()})
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{host_for_url(self.host)}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The address with the code after ``#``: scanned, it joins at once; the fragment is
        never sent over the network, so the code does not travel in any request line."""
        return f"{self.url}#{self.round.code}"

    def start(self) -> RoomServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="room-server",
            daemon=True,
        )
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop serving and close the socket (safe to call twice)."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> RoomServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
