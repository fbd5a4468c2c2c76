"""Limits that keep every accepted session printable: sessions at every declared limit
validate and print; one character or one item more is refused, naming the field; text that
cannot be stored (a lone surrogate, NUL) is refused at validation, naming the file and the field."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from limit_samples import limit_session
from pypdf import PdfReader

from workshop.domain.edits import AddItem
from workshop.domain.fields import LINE, spec_of
from workshop.domain.session import COLLECTION_CAPS, Participant, Session
from workshop.domain.validation import InvalidValue, check_session
from workshop.framework.model import Framework
from workshop.report import export_roadmap
from workshop.store.portable import PortableFileError, read_session_file, session_to_document


@pytest.mark.slow
@pytest.mark.parametrize(
    "variant", ["every text at its longest", "unbroken words", "every collection at its cap"]
)
def test_a_session_at_every_limit_validates_and_prints(
    framework: Framework, tmp_path: Path, variant: str
) -> None:
    session = limit_session(
        framework,
        unbroken=variant == "unbroken words",
        full=variant == "every collection at its cap",
    )
    check_session(session)
    target = tmp_path / "limits.pdf"
    export_roadmap(framework, session, target)
    reader = PdfReader(target)
    assert len(reader.pages) > 3
    assert "WWW" in reader.pages[0].extract_text() or variant != "every text at its longest"


def test_one_character_over_a_line_limit_is_refused_naming_the_field() -> None:
    session = Session(facilitator="x" * LINE)
    check_session(session)
    session.facilitator += "x"
    with pytest.raises(InvalidValue, match=f"facilitator: text longer than {LINE} characters"):
        check_session(session)
    session = Session(participants=[Participant(id="p", role="r" * (LINE + 1))])
    with pytest.raises(InvalidValue, match=r"participants\[0\]\.role: text longer than"):
        check_session(session)


def test_every_one_line_field_has_a_limit() -> None:
    from workshop.domain.session import COLLECTIONS

    for cls in (Session, *COLLECTIONS.values()):
        for f in dataclasses.fields(cls):
            if f.type in ("str", str) and f.name not in ("id",):
                spec = spec_of(f)
                assert spec.max_length or spec.choices, (
                    f"{cls.__name__}.{f.name} has no length limit"
                )


def test_a_collection_over_its_cap_is_refused_by_import_and_by_an_edit() -> None:
    cap = COLLECTION_CAPS["participants"]
    session = Session(participants=[Participant(id=f"p{n}") for n in range(cap)])
    check_session(session)
    with pytest.raises(InvalidValue, match=f"participants: .* at most {cap}"):
        AddItem("participants", Participant(id="one-more"), cap).apply(session)
    session.participants.append(Participant(id="one-more"))
    with pytest.raises(
        InvalidValue, match=f"participants: {cap + 1} items; a workshop holds at most {cap}"
    ):
        check_session(session)


def test_the_large_sample_fits_the_caps_comfortably(framework: Framework) -> None:
    from benchmarks.samples import large_session

    session = large_session(framework)
    check_session(session)
    for name in ("opportunities", "hires", "actions"):
        assert len(session.collection(name)) * 1.5 <= COLLECTION_CAPS[name]


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("name", "Zo\ud800ë", "U+D800, a lone surrogate, at position 2"),
        ("role", "CTO\x00", "holds a NUL character"),
    ],
)
def test_unstorable_text_is_refused_naming_the_file_and_the_field(
    tmp_path: Path, field: str, text: str, reason: str
) -> None:
    document = session_to_document(
        Session(participants=[Participant(id="p1"), Participant(id="p2")])
    )
    document["session"]["participants"][1][field] = text
    source = tmp_path / "bad-name.json"
    source.write_text(json.dumps(document), "utf-8")  # JSON escapes the surrogate as \ud800
    with pytest.raises(PortableFileError) as refused:
        read_session_file(source)
    message = str(refused.value)
    assert message.startswith(f"bad-name.json: participants[1].{field}: ")
    assert reason in message and "\n" not in message


@pytest.mark.slow
def test_the_command_line_refuses_a_lone_surrogate_in_one_line(tmp_path: Path) -> None:
    document = session_to_document(Session(organisation="Acme"))
    document["session"]["sponsor"] = "\ud800"
    source = tmp_path / "surrogate.json"
    source.write_text(json.dumps(document), "utf-8")
    db = tmp_path / "w.db"
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(db), "sessions", "import", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "workshop: surrogate.json: sponsor: holds a character that cannot be stored as text "
        "(U+D800, a lone surrogate, at position 0)\n"
    )
    listed = subprocess.run(
        [sys.executable, "-m", "workshop", "--db", str(db), "sessions", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(listed.stdout) == []  # nothing was written


def test_an_item_saved_before_a_limit_stays_editable_in_its_other_fields() -> None:
    from workshop.domain.edits import SetField

    session = Session(participants=[Participant(id="p", name="n" * (LINE + 50), role="CEO")])
    SetField("participants", "p", "role", "CEO", "CTO").apply(session)
    assert session.participants[0].role == "CTO"
    with pytest.raises(InvalidValue, match=r"participants\.name: text longer than"):
        SetField("participants", "p", "name", "n" * (LINE + 50), "m" * (LINE + 1)).apply(session)
