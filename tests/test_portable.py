"""Portable session files: lossless round trips, a published schema, and every bad file refused.

The published schema (resources/schema/session-1.schema.json) is generated from the session's
declaration by ``workshop.store.schema``; a test keeps the file and the declaration in step.
After changing the session model, regenerate it with ``python -m workshop.store.schema`` and
decide whether the change needs a new format version.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from store_samples import HOSTILE, full_session

from workshop.domain.fields import LINE
from workshop.domain.validation import MAX_TEXT
from workshop.store import open_store
from workshop.store.portable import (
    FORMAT,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    PortableFileError,
    read_session_file,
    schema_path,
    session_to_document,
    write_session_file,
)
from workshop.store.schema import build_schema, schema_text

# --- the published schema ----------------------------------------------------------------


def test_published_schema_is_the_one_generated_from_the_session_declaration() -> None:
    published = schema_path().read_bytes()
    assert published == schema_text().encode("utf-8"), "regenerate: python -m workshop.store.schema"
    assert json.loads(published) == build_schema()


@pytest.mark.slow
def test_the_regenerating_command_checks_the_published_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "workshop.store.schema", "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout


def test_schema_is_a_valid_json_schema_and_accepts_an_export() -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path().read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(session_to_document(full_session()))


# --- round trips ---------------------------------------------------------------------------


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    copy.pop("exported_at")
    copy["session"].pop("id")
    return copy


def test_export_import_export_is_lossless(tmp_path: Path) -> None:
    original = full_session()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    write_session_file(original, first)
    imported = read_session_file(first)
    assert imported.id != original.id and len(imported.id) == 36
    assert imported.follows_up == original.follows_up  # even though it is not in any database
    assert dataclasses.replace(imported, id=original.id) == original
    write_session_file(imported, second)
    one, two = (json.loads(p.read_text("utf-8")) for p in (first, second))
    assert without_ids(one) == without_ids(two)
    assert one["format"] == FORMAT and one["format_version"] == FORMAT_VERSION
    assert one["content_version"] == original.content_version
    assert one["session"]["recommendations"] == HOSTILE  # written as typed, not escaped away


def test_round_trip_through_the_database(tmp_path: Path, db_path: Path) -> None:
    original = full_session()
    write_session_file(original, tmp_path / "a.json")
    with open_store(db_path) as store:
        imported = read_session_file(tmp_path / "a.json")
        store.create(imported)
        write_session_file(store.load(imported.id), tmp_path / "b.json")
        assert {s.id for s in store.list_sessions()} == {imported.id}
    a, b = (json.loads((tmp_path / n).read_text("utf-8")) for n in ("a.json", "b.json"))
    assert without_ids(a) == without_ids(b)


def test_each_import_gets_its_own_id(tmp_path: Path) -> None:
    write_session_file(full_session(), tmp_path / "s.json")
    assert read_session_file(tmp_path / "s.json").id != read_session_file(tmp_path / "s.json").id


def test_fields_left_out_take_their_defaults(tmp_path: Path) -> None:
    minimal = {
        "format": FORMAT,
        "format_version": 1,
        "session": {
            "id": "x", "organisation": "Acme", "title": "T", "workshop_date": "2027-01-02",
            "participants": [{"id": "p1"}],
        },
    }  # fmt: skip
    path = tmp_path / "minimal.json"
    path.write_text(json.dumps(minimal), "utf-8")
    session = read_session_file(path)
    assert (session.organisation, session.workshop_date) == ("Acme", date(2027, 1, 2))
    assert session.participants[0].name == "" and session.ratings == []


def test_writing_replaces_the_file_whole_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old content", "utf-8")
    write_session_file(full_session(), target)
    assert json.loads(target.read_text("utf-8"))["session"]["organisation"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]
    with pytest.raises(PortableFileError, match="the folder .* does not exist"):
        write_session_file(full_session(), tmp_path / "no-such-folder" / "x.json")


def test_export_time_is_recorded_in_utc(tmp_path: Path) -> None:
    document = session_to_document(full_session(), datetime(2027, 3, 15, 17, 2, 9, 999, tzinfo=UTC))
    assert document["exported_at"] == "2027-03-15T17:02:09Z"
    assert document["session"]["created_at"] == "2027-03-01T09:30:00Z"
    assert document["session"]["baseline_date"] == "2026-09-01"
    assert document["session"]["ratings"][1]["counts"] == [0, 2, 3, 1, 0]


# --- refusals --------------------------------------------------------------------------------


def good_document() -> dict[str, Any]:
    return session_to_document(full_session())


def with_change(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = good_document()
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


def as_json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


GOOD = as_json(session_to_document(full_session()))

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "not valid JSON"),
    "truncated": (GOOD[: len(GOOD) // 2], "may be truncated"),
    "not json": (b"Organisation: Acme\nTitle: kick-off\n", "not valid JSON"),
    "utf-16": (json.dumps(session_to_document(full_session())).encode("utf-16"), "not UTF-8"),
    "latin-1": (GOOD.replace("Société".encode(), "Société".encode("latin-1")), "not UTF-8"),
    "foreign json": (b'{"name": "my-package", "version": "1.0.0"}', "not a workshop session file"),
    "json array": (b"[1, 2, 3]", "not a workshop session file"),
    "newer format": (as_json(with_change(("format_version",), 2)), "newer version"),
    "format version text": (
        as_json(with_change(("format_version",), "1")),
        "no valid format_version",
    ),
    "no session": (
        as_json({"format": FORMAT, "format_version": 1}),
        "'session' is a required property",
    ),
    "wrong type": (
        as_json(with_change(("session", "hires", 0, "headcount"), "two")),
        "session.hires[0].headcount",
    ),
    "score out of range": (
        as_json(with_change(("session", "ratings", 0, "score"), 7)),
        "session.ratings[0].score",
    ),
    "bad quarter": (
        as_json(with_change(("session", "hires", 0, "target_quarter"), "2027-Q5")),
        "target_quarter: '2027-Q5' is not a quarter like 2027-Q1",
    ),
    "unknown field": (
        as_json(with_change(("session", "colour"), "blue")),
        "'colour' was unexpected",
    ),
    "impossible date": (
        as_json(with_change(("session", "workshop_date"), "2027-02-30")),
        "workshop_date",
    ),
    "unknown status": (
        as_json(with_change(("session", "actions", 0, "status"), "someday")),
        "session.actions[0].status",
    ),
    "duplicate item ids": (
        as_json(with_change(("session", "participants", 1, "id"), "p1")),
        "the id 'p1' appears twice",
    ),
    "duplicate keys": (
        GOOD.replace(b'"format_version": 1', b'"format_version": 1, "format_version": 1'),
        "appears twice",
    ),
    "NaN": (GOOD.replace(b'"votes": 7', b'"votes": NaN'), "not valid JSON"),
    "huge text": (
        as_json(with_change(("session", "executive_summary"), "x" * (MAX_TEXT + 1))),
        f"session.executive_summary: text longer than {MAX_TEXT:,} characters",
    ),
    "long one-line field": (
        as_json(with_change(("session", "sponsor_role"), "x" * (LINE + 1))),
        f"session.sponsor_role: text longer than {LINE:,} characters",
    ),
    "bad time": (
        as_json(with_change(("session", "created_at"), "yesterday")),
        "session.created_at: 'yesterday' is not a date and time",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_with_one_line_and_nothing_written(
    kind: str, tmp_path: Path, db_path: Path
) -> None:
    content, reason = BAD_FILES[kind]
    with open_store(db_path) as store:
        store.create(full_session("Already here"))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    path = tmp_path / "incoming.json"
    path.write_bytes(content)

    with pytest.raises(PortableFileError) as refused:
        read_session_file(path)
    message = str(refused.value)
    assert reason in message, message
    assert "\n" not in message and message.startswith("incoming.json: ") and len(message) < 400
    assert path.read_bytes() == content
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    with open_store(db_path) as store:
        assert [s.organisation for s in store.list_sessions()] == ["Already here"]


def test_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as file:  # sparse: big on paper, cheap to make
        file.truncate(MAX_FILE_BYTES + 1)
    opened: list[Path] = []
    original_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return original_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(
        PortableFileError, match=r"huge.json: too large for a session file \(20.0 MB"
    ):
        read_session_file(path)
    assert path not in opened


def test_missing_file_and_folder_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(PortableFileError, match="cannot read"):
        read_session_file(tmp_path / "nope.json")
    with pytest.raises(PortableFileError, match="cannot read"):
        read_session_file(tmp_path)


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD)
    assert read_session_file(path).organisation == full_session().organisation
