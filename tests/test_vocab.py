"""Vocabularies are declared once (workshop/vocab.py): the session's fields, validation, the
schema and every page read them, and no module writes a list of their values again."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workshop import vocab
from workshop.domain.fields import spec_of
from workshop.domain.session import COLLECTIONS, Session
from workshop.framework.loader import INTERVIEW_FUNCTIONS, STATEMENT_SETS
from workshop.store.schema import build_schema
from workshop.ui.pages.actions import STATUS_NAMES

ROOT = Path(__file__).resolve().parent.parent / "workshop"
VOCABULARIES = [
    v
    for v in vars(vocab).values()
    if isinstance(v, type) and issubclass(v, vocab.Vocabulary) and v is not vocab.Vocabulary
]
# Data, not declarations: sample sessions cycle through the values on purpose.
SAMPLE_DATA: set[str] = set()  # the demo is data files now; samples live in benchmarks/


def string_literals(node: ast.AST) -> list[str] | None:
    """The strings of a literal tuple, list, set or dict's keys, if they are all strings."""
    if isinstance(node, ast.Dict):
        elements: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        elements = list(node.elts)
    else:
        return None
    values = [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return values if len(values) == len(elements) else None


def test_no_module_writes_a_vocabulary_out_again() -> None:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "vocab.py" or relative in SAMPLE_DATA:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            strings = string_literals(node)
            if not strings or len(set(strings)) < 3:
                continue
            for vocabulary in VOCABULARIES:
                if set(strings) <= set(vocabulary.values()):
                    found.append(f"{relative}:{node.lineno}: {vocabulary.__name__} {strings}")
    assert found == [], "read these from workshop.vocab instead:\n" + "\n".join(found)


def test_every_choice_field_names_its_vocabulary_and_the_schema_lists_it() -> None:
    defs = build_schema()["$defs"]
    checked = 0
    for cls in (Session, *COLLECTIONS.values()):
        for f in __import__("dataclasses").fields(cls):
            spec = spec_of(f)
            if spec.choices is None:
                continue
            checked += 1
            assert f.default in spec.choices.values(), f"{cls.__name__}.{f.name}"
            assert defs[cls.__name__]["properties"][f.name] == {"enum": list(spec.choices.values())}
    assert checked == 11


def test_the_content_loader_and_the_session_agree_on_interview_functions() -> None:
    assert set(vocab.InterviewFunction.values()) == INTERVIEW_FUNCTIONS
    assert "other" in INTERVIEW_FUNCTIONS  # it had drifted apart once
    assert set(vocab.StatementSet.values()) == STATEMENT_SETS


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_value_has_words_and_stored_values_stay_plain_strings(
    vocabulary: type[vocab.Vocabulary],
) -> None:
    for member in vocabulary:
        assert member.label and member.label[0].isupper()
        assert member == member.value and isinstance(member.value, str)
        assert vocabulary.label_of(member.value) == member.label
    assert vocabulary.label_of("a damaged value") == "a damaged value"


def test_pages_show_the_declared_words() -> None:
    assert STATUS_NAMES == {
        "open": "Open",
        "in_progress": "In progress",
        "done": "✓ Done",
        "dropped": "Dropped",
    }
