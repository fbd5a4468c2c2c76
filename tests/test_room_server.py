"""The room server through its HTTP API on 127.0.0.1: joining, voting, refusing, revealing."""

from __future__ import annotations

import random
import socket
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from room_client import Phone

from workshop.framework.model import Framework
from workshop.room.outcome import round_for_page, tally_edit
from workshop.room.round import DOTS, RATING, BallotItem, JoinThrottle, Round
from workshop.room.server import CSP, MAX_BODY, RoomServer
from workshop.store.demo import build_demo

STATEMENTS = [BallotItem(f"s{i}", f"Statement {i}", ("a", "b", "c", "d", "e")) for i in range(3)]


@pytest.fixture
def rating_server() -> Iterator[RoomServer]:
    with RoomServer(Round(RATING, "Check", STATEMENTS), "127.0.0.1") as server:
        yield server


def joined(server: RoomServer) -> Phone:
    phone = Phone("127.0.0.1", server.port)
    assert phone.join(server.round.code) == 200
    return phone


def test_thirty_phones_voting_at_once_give_exactly_the_tally_in_the_database(
    framework: Framework, tmp_path: Path
) -> None:
    from workshop.store import open_store

    db = tmp_path / "room.sqlite3"
    store = open_store(db)
    session = build_demo(framework)
    store.create(session)
    page = framework.page("page_maturity_exploring")
    room = round_for_page(framework, session, page)
    ids = [item.id for item in room.items]
    rng = random.Random(12)
    first = [{i: rng.randrange(5) for i in ids} for _ in range(30)]
    # a third of the room changes its mind, some on one statement, some on all
    final = [dict(b) for b in first]
    for n in range(0, 30, 3):
        final[n] = {i: (v + 1) % 5 for i, v in final[n].items()}
    final[1] = {ids[0]: 4}  # and one votes on a single statement only
    expected = {i: [0] * 5 for i in ids}
    for ballot in final:
        for i, v in ballot.items():
            expected[i][v] += 1

    tokens: list[str] = []
    with RoomServer(room, "127.0.0.1") as server:

        def phone_votes(n: int) -> int:
            phone = joined(server)
            tokens.append(phone.token)
            statuses = [phone.vote(first[n])]
            if final[n] != first[n]:
                statuses.append(phone.vote(final[n]))
            return max(statuses)

        with ThreadPoolExecutor(30) as pool:
            assert set(pool.map(phone_votes, range(30))) == {200}
        assert room.progress == (30, 30)
        tally = room.close()
    edit = tally_edit(session, tally)
    assert edit is not None
    store.apply(session.id, edit)
    store.close()

    again = open_store(db)
    stored = again.load(session.id)
    again.close()
    for statement_id in ids:
        assert stored.rating(statement_id).counts == tuple(expected[statement_id])
    # Nothing of who or where reached the disk: no token, no address.
    on_disk = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert len(tokens) == 30
    for token in tokens:
        assert token.encode() not in on_disk
    assert b"127.0.0.1" not in on_disk
    with sqlite3.connect(db) as connection:
        dump = "\n".join(connection.iterdump())
    assert "127.0.0.1" not in dump and not any(t in dump for t in tokens)


def test_every_bad_request_is_refused_and_changes_nothing(rating_server: RoomServer) -> None:
    server = rating_server
    room = server.round
    phone = joined(server)
    assert phone.vote({"s0": 2}) == 200
    before = room.tally()
    anonymous = Phone("127.0.0.1", server.port)

    refused = {
        "no token": (anonymous.request("GET", "/api/ballot")[0], 401),
        "no token vote": (anonymous.vote({"s0": 1}), 401),
        "bad token": (
            phone.request("GET", "/api/ballot", headers={"Authorization": "Bearer nope"})[0],
            401,
        ),
        "unknown item": (phone.vote({"s9": 1}), 400),
        "off the scale": (phone.vote({"s0": 5}), 400),
        "negative": (phone.vote({"s0": -1}), 400),
        "wrong type": (phone.vote({"s0": "3"}), 400),
        "bool": (phone.vote({"s0": True}), 400),
        "float": (phone.vote({"s0": 2.0}), 400),
        "votes not an object": (phone.request("POST", "/api/ballot", {"votes": [1]})[0], 400),
        "extra key": (phone.request("POST", "/api/ballot", {"votes": {}, "x": 1})[0], 400),
        "not json": (
            phone.request(
                "POST", "/api/ballot", raw=b"{nope", headers={"Content-Type": "application/json"}
            )[0],
            400,
        ),
        "not an object": (phone.request("POST", "/api/ballot", [1, 2])[0], 400),
        "wrong content type": (
            phone.request(
                "POST", "/api/ballot", raw=b'{"votes": {}}', headers={"Content-Type": "text/plain"}
            )[0],
            415,
        ),
        "too large": (
            phone.request(
                "POST",
                "/api/ballot",
                raw=b"{" + b" " * (MAX_BODY + 1) + b"}",
                headers={"Content-Type": "application/json"},
            )[0],
            413,
        ),
        "wrong host": (
            phone.request("GET", "/api/ballot", headers={"Host": "evil.example"})[0],
            421,
        ),
        "unknown path": (phone.request("GET", "/etc/passwd")[0], 404),
        "method": (phone.request("DELETE", "/api/ballot")[0], 405),
        "results hidden": (phone.request("GET", "/api/results")[0], 403),
    }
    for name, (status, expected) in refused.items():
        assert status == expected, name
    assert room.tally() == before
    assert room.progress == (1, 1)


def test_dots_over_budget_are_refused() -> None:
    items = [BallotItem("o1", "One"), BallotItem("o2", "Two")]
    with RoomServer(Round(DOTS, "Matrix", items, budget=3), "127.0.0.1") as server:
        phone = joined(server)
        status, form, _ = phone.request("GET", "/api/ballot")
        assert status == 200 and form["kind"] == "dots" and form["budget"] == 3
        assert [i["id"] for i in form["items"]] == ["o1", "o2"]
        assert phone.vote({"o1": 2, "o2": 2}) == 400
        assert phone.vote({"o1": 2, "o2": 1}) == 200
        assert phone.vote({"o1": 1}) == 200  # a later ballot replaces the earlier one
        assert server.round.tally().votes == {"o1": 1, "o2": 0}


def test_wrong_codes_are_refused_then_throttled() -> None:
    clock = [0.0]
    room = Round(
        RATING, "Check", STATEMENTS, code="123456", throttle=JoinThrottle(clock=lambda: clock[0])
    )
    with RoomServer(room, "127.0.0.1") as server:
        phone = Phone("127.0.0.1", server.port)
        assert [phone.join("000000") for _ in range(10)] == [403] * 10
        assert phone.join("000000") == 429
        assert phone.join("123456") == 429  # even the right code waits
        assert room.progress == (0, 0)
        clock[0] = 61.0
        assert phone.join("123456") == 200


def test_results_stay_hidden_until_revealed(rating_server: RoomServer) -> None:
    phone = joined(rating_server)
    assert phone.vote({"s0": 3, "s1": 1}) == 200
    status, form, _ = phone.request("GET", "/api/ballot")
    assert status == 200 and form["kind"] == "rating" and form["scale"] == [0, 1, 2, 3, 4]
    assert "counts" not in form and "votes" not in form  # the ballot never carries results
    assert phone.request("GET", "/api/results")[0] == 403
    rating_server.round.reveal()
    status, results, _ = phone.request("GET", "/api/results")
    assert status == 200 and results["counts"]["s0"] == [0, 0, 0, 1, 0]


def test_every_response_has_the_content_security_policy(rating_server: RoomServer) -> None:
    phone = Phone("127.0.0.1", rating_server.port)
    for path in ("/", "/phone.js", "/phone.css", "/api/ballot", "/nowhere"):
        _, _, response = phone.request("GET", path)
        assert response.getheader("Content-Security-Policy") == CSP, path
        assert response.getheader("X-Content-Type-Options") == "nosniff"
    _, page, response = phone.request("GET", "/")
    html = page["_text"]
    assert response.status == 200 and "Enter the code" in html
    assert "http" not in html.replace("http-equiv", "")  # no resource from elsewhere


def test_vote_again_clears_the_ballots_and_keeps_the_phones(rating_server: RoomServer) -> None:
    phone = joined(rating_server)
    assert phone.vote({"s0": 1}) == 200
    previous = rating_server.round.vote_again()
    assert previous.counts["s0"] == (0, 1, 0, 0, 0)
    assert rating_server.round.progress == (0, 1)
    status, form, _ = phone.request("GET", "/api/ballot")
    assert form["round"] == 2 and form["mine"] == {}
    assert phone.vote({"s0": 3}) == 200
    assert rating_server.round.close().counts["s0"] == (0, 0, 0, 1, 0)
    assert phone.vote({"s0": 2}) == 401  # closed: the tokens are gone


def test_perception_gap_groups_are_counted_apart() -> None:
    room = Round(RATING, "Check", STATEMENTS, ask_group=True)
    with RoomServer(room, "127.0.0.1") as server:
        for group, score in [("leadership", 4)] * 3 + [("hands_on", 1)] * 3:
            phone = joined(server)
            assert phone.request("POST", "/api/group", {"group": group})[0] == 200
            assert phone.vote({"s0": score}) == 200
        phone = joined(server)
        assert phone.request("POST", "/api/group", {"group": "ceo"})[0] == 400
    tally = room.tally()
    assert tally.group_counts["leadership"]["s0"] == (0, 0, 0, 0, 3)
    assert tally.group_counts["hands_on"]["s0"] == (0, 3, 0, 0, 0)


def test_the_server_stops_and_the_port_is_free_again() -> None:
    server = RoomServer(Round(RATING, "Check", STATEMENTS), "127.0.0.1").start()
    port = server.port
    server.stop()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


@pytest.mark.slow
def test_headless_round_prints_the_join_line_and_writes_the_tally_on_sigterm(
    framework: Framework, tmp_path: Path
) -> None:
    import re
    import signal
    import subprocess
    import sys

    from workshop.store import open_store

    db = tmp_path / "cli.sqlite3"
    with open_store(db) as store:
        session = build_demo(framework)
        store.create(session)
    command = [
        sys.executable,
        "-m",
        "workshop.cli",
        "--db",
        str(db),
        "room",
        session.id[:8],
        "--listen",
        "127.0.0.1:0",
        "--page",
        "page_matrix",
        "--budget",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.fullmatch(r"Join at http://127\.0\.0\.1:(\d+)/  code (\d{6})\n", line)
        assert found, line
        phone = Phone("127.0.0.1", int(found.group(1)))
        assert phone.join(found.group(2)) == 200
        first, second = (o.id for o in session.opportunities[:2])
        assert phone.vote({first: 2, second: 1}) == 400  # over the budget of 2
        assert phone.vote({first: 1, second: 1}) == 200
        assert phone.request("GET", "/api/results")[0] == 403  # the headless mode never reveals
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "1 ballot(s)" in out
    with open_store(db) as store:
        stored = store.load(session.id)
    votes = {o.id: o.votes for o in stored.opportunities}
    assert votes[first] == 1 and votes[second] == 1
    assert all(v == 0 for k, v in votes.items() if k not in (first, second))


def test_headless_round_refuses_a_page_without_votes(
    framework: Framework, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop.cli import main
    from workshop.store import open_store

    db = tmp_path / "cli.sqlite3"
    with open_store(db) as store:
        session = build_demo(framework)
        store.create(session)
    code = main(
        ["--db", str(db), "room", session.id, "--listen", "127.0.0.1:0", "--page", "page_overview"]
    )
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "maturity check" in err
    assert main(["--db", str(db), "room", session.id, "--listen", "nowhere", "--page", "x"]) != 0


def test_connections_over_the_cap_get_503_and_idle_ones_are_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import workshop.room.server as server_module

    monkeypatch.setattr(server_module, "MAX_CONNECTIONS", 2)
    monkeypatch.setattr(server_module._Handler, "timeout", 0.5)
    with RoomServer(Round(RATING, "Check", STATEMENTS), "127.0.0.1") as server:
        idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(2)]
        try:
            third = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            with third:
                assert third.recv(100).startswith(b"HTTP/1.1 503")
            for connection in idle:  # sent nothing: dropped after the idle timeout
                connection.settimeout(5)
                assert connection.recv(100) == b""
        finally:
            for connection in idle:
                connection.close()
        # the slots are free again
        assert Phone("127.0.0.1", server.port).join(server.round.code) == 200
