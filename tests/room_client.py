"""A phone, as far as the room server can tell: plain HTTP to 127.0.0.1, nothing else."""

from __future__ import annotations

import http.client
import json
from typing import Any


class Phone:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.token = ""

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> tuple[int, dict[str, Any], http.client.HTTPResponse]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        sent = {"Host": f"{self.host}:{self.port}"}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            if data is not None and "Content-Length" not in sent:
                connection.putheader("Content-Length", str(len(data)))
            connection.endheaders(data)
            response = connection.getresponse()
            payload = response.read()
        finally:
            connection.close()
        try:
            parsed = json.loads(payload) if payload else {}
        except ValueError:
            parsed = {"_text": payload.decode("utf-8", "replace")}
        return response.status, parsed if isinstance(parsed, dict) else {}, response

    def join(self, code: str) -> int:
        status, data, _ = self.request("POST", "/api/join", {"code": code})
        if status == 200:
            self.token = data["token"]
        return status

    def vote(self, votes: dict[str, int]) -> int:
        return self.request("POST", "/api/ballot", {"votes": votes})[0]
