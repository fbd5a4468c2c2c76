"""How the session's fields are declared: limits, vocabularies and privacy, once per field.

Every field of :mod:`workshop.domain.session` carries a :class:`FieldSpec` in its dataclass
metadata. From it (and the field's type hint) come the checks in
:mod:`workshop.domain.validation`, the published JSON Schema (:mod:`workshop.domain.schema`),
the privacy rules (:mod:`workshop.domain.privacy`) and the length counter the pages show as
the user types near a limit. Adding a field means declaring it here once.

The limits keep every session the app accepts printable: a one-line field (an organisation,
a name, a role) is at most :data:`LINE` characters, so it fits the PDF's cover, headings and
table cells; multi-line text (answers, the executive summary) flows over pages and may be
long; each collection has a cap far above a real workshop (see ``COLLECTION_CAPS`` in
:mod:`workshop.domain.session`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from workshop.vocab import Vocabulary

LINE = 300  # characters in a one-line field: a long organisation name fits, a pasted page does not
HEADLINE = 120  # the organisation and the workshop title: printed large on the PDF's cover
CELL = 2_000  # short text printed in a table cell (an action, a data source...)
TEXT = 20_000  # multi-line text: eight printed pages; four times the longest real answer
REF = 200  # an id or a content reference
COUNT = 10_000  # people in one show of hands, votes on one opportunity

Kind = Literal[
    "id", "ref", "line", "cell", "text", "choice", "number", "quarter", "flag", "date", "other"
]


@dataclass(frozen=True)
class FieldSpec:
    """What one field may hold, and who may see it.

    ``private`` fields are the facilitator's alone: never projected, never printed.
    ``marks_private`` is set on the one boolean field that, when true, makes the whole item
    private (an interview or an action marked private).
    """

    kind: Kind = "other"
    max_length: int | None = None  # characters, for text (each element, for a tuple)
    choices: type[Vocabulary] | None = None
    low: int | None = None  # inclusive bounds, for numbers (each element, for a tuple)
    high: int | None = None
    max_items: int | None = None  # for tuples
    private: bool = False
    marks_private: bool = False

    @property
    def one_line(self) -> bool:
        return self.kind in ("line", "ref", "id")


_SPEC = "workshop.spec"


def spec_field(spec: FieldSpec, default: Any = dataclasses.MISSING, **kwargs: Any) -> Any:
    """A dataclass field carrying ``spec`` in its metadata."""
    return dataclasses.field(default=default, metadata={_SPEC: spec}, **kwargs)


def line(default: str = "", *, limit: int = LINE, private: bool = False) -> Any:
    """One line of text (a name, a role, a title): limited so it prints on one line or two."""
    return spec_field(FieldSpec("line", max_length=limit, private=private), default)


def cell(default: str = "", *, private: bool = False) -> Any:
    """Short text that the PDF prints in a table cell."""
    return spec_field(FieldSpec("cell", max_length=CELL, private=private), default)


def text(default: str = "", *, private: bool = False) -> Any:
    """Multi-line text (answers, pains, the summary): flows over pages when printed."""
    return spec_field(FieldSpec("text", max_length=TEXT, private=private), default)


def ref(default: str = "") -> Any:
    """An id of another item or of the content (a stage, a role, a page)."""
    return spec_field(FieldSpec("ref", max_length=REF), default)


def choice(vocabulary: type[Vocabulary], default: str) -> Any:
    return spec_field(FieldSpec("choice", choices=vocabulary), str(default))


def number(default: int | None, low: int, high: int) -> Any:
    return spec_field(FieldSpec("number", low=low, high=high), default)


def quarter() -> Any:
    """A planning quarter like "2027-Q1", or "" when not planned."""
    return spec_field(FieldSpec("quarter", max_length=7), "")


def flag(default: bool = False, *, marks_private: bool = False) -> Any:
    return spec_field(FieldSpec("flag", marks_private=marks_private), default)


def spec_of(field: dataclasses.Field[Any]) -> FieldSpec:
    """The declared spec of a dataclass field (a plain field gets the neutral spec)."""
    found = field.metadata.get(_SPEC)
    return found if isinstance(found, FieldSpec) else FieldSpec()


def specs(cls: type[Any]) -> dict[str, FieldSpec]:
    """Field name -> spec for one item class (or the session), in declaration order."""
    return {f.name: spec_of(f) for f in dataclasses.fields(cls)}
