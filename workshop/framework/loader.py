"""Read and check the framework content in ``resources/framework/*.toml``.

All ``*.toml`` files of the folder are read and merged: a top-level list (``stages``,
``statements``, ...) may be spread over several files, a scalar or table (``version``,
``source``, ``matrix``) may appear once. Every problem is reported as a :class:`ContentError`
whose message names the file, the item and the field, so whoever edits the content can fix it
without reading this code::

    statements.toml: statement 'st_gs_prod_1': field 'anchors' must have 5 entries, found 4

The checks cover shape (missing fields, wrong types, unknown fields), identity (ids unique
across the whole content) and references (stages, dimensions, questions, decision topics,
pages). Completeness (a core statement in every cell, ...) is asserted by the test suite.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from workshop.framework.model import (
    AgendaPreset,
    AgendaSection,
    ChecklistItem,
    DecisionOption,
    DecisionTopic,
    Dimension,
    Framework,
    HiringRule,
    InterviewPrompt,
    Matrix,
    Origin,
    Page,
    Principle,
    Provenance,
    Quadrant,
    Role,
    RubricLevel,
    Source,
    Stage,
    Statement,
    StrategyQuestion,
)
from workshop.paths import framework_folder, resources_folder
from workshop.vocab import HireMode, InterviewFunction, Seniority, StatementSet

DECISION_CATEGORIES = frozenset({"process", "tech_stack", "org_model", "pods", "tooling"})
INTERVIEW_FUNCTIONS = frozenset(InterviewFunction.values())
STATEMENT_SETS = frozenset(StatementSet.values())
ANCHOR_COUNT = 5  # scores 0, 1, 2, 3, 4
RUBRIC_SCORES = (1, 2, 3, 4, 5)

# Top-level keys a content file may hold: lists of items, or single values/tables.
_LIST_KEYS = frozenset(
    {
        "stages",
        "dimensions",
        "questions",
        "interview_prompts",
        "statements",
        "roles",
        "hiring_rules",
        "decisions",
        "quadrants",
        "first_project_criteria",
        "first_project_risks",
        "go_to_market",
        "pages",
        "presets",
        "principles",
    }
)
_SINGLE_KEYS = frozenset({"version", "source", "matrix"})


class ContentError(ValueError):
    """The content files are broken; the message names the file, the item and the field."""


T = TypeVar("T")


class _Item:
    """One TOML table being read, with error messages that say where it came from.

    Every field read is remembered, so :meth:`finish` can refuse fields nobody reads (a typo
    such as ``anchor = [...]`` would otherwise be ignored silently).
    """

    def __init__(self, file: str, kind: str, data: object, position: int | None = None):
        self.file = file
        self.kind = kind
        if not isinstance(data, dict):
            where = f"{kind} #{position + 1}" if position is not None else kind
            raise ContentError(f"{file}: {where}: expected a table, got {_type_name(data)}")
        self.data: dict[str, Any] = data
        self._read: set[str] = set()
        raw_id = data.get("id")
        if isinstance(raw_id, str) and raw_id:
            self.label = f"{kind} {raw_id!r}"
        elif position is not None:
            self.label = f"{kind} #{position + 1}"
        else:
            self.label = kind

    def error(self, field: str, problem: str) -> ContentError:
        return ContentError(f"{self.file}: {self.label}: field {field!r} {problem}")

    def _get(self, field: str, default: object) -> Any:
        self._read.add(field)
        if field not in self.data:
            if default is _REQUIRED:
                raise self.error(field, "is missing")
            return default
        return self.data[field]

    def text(self, field: str, default: object = None, *, allow_empty: bool = False) -> str:
        value = self._get(field, _REQUIRED if default is None else default)
        if not isinstance(value, str):
            raise self.error(field, f"must be text, got {_type_name(value)}")
        if not value.strip() and not allow_empty and default is None:
            raise self.error(field, "must not be empty")
        return value.strip()

    def choice(self, field: str, allowed: Iterable[str]) -> str:
        """A text that must be one of ``allowed`` (the error lists them)."""
        value = self.text(field)
        options = sorted(allowed)
        if value not in options:
            raise self.error(field, f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def ident(self) -> str:
        return self.snake_case("id")

    def snake_case(self, field: str) -> str:
        value = self.text(field)
        if not value.replace("_", "").isalnum() or not value.islower() or not value[0].isalpha():
            raise self.error(
                field, f"must be snake_case (lower-case letters, digits, _), got {value!r}"
            )
        return value

    def boolean(self, field: str, default: bool | None = None) -> bool:
        value = self._get(field, _REQUIRED if default is None else default)
        if not isinstance(value, bool):
            raise self.error(field, f"must be true or false, got {_type_name(value)}")
        return value

    def integer(self, field: str) -> int:
        value = self._get(field, _REQUIRED)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, f"must be a whole number, got {_type_name(value)}")
        return value

    def number(self, field: str) -> float:
        value = self._get(field, _REQUIRED)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(field, f"must be a number, got {_type_name(value)}")
        return float(value)

    def texts(self, field: str, *, allow_empty: bool = False) -> tuple[str, ...]:
        value = self._get(field, _REQUIRED)
        if not isinstance(value, list):
            raise self.error(field, f"must be a list of text, got {_type_name(value)}")
        for index, entry in enumerate(value):
            if not isinstance(entry, str) or not entry.strip():
                raise self.error(field, f"entry {index + 1} must be non-empty text")
        if not value and not allow_empty:
            raise self.error(field, "must not be empty")
        return tuple(entry.strip() for entry in value)

    def tables(self, field: str) -> list[object]:
        value = self._get(field, _REQUIRED)
        if not isinstance(value, list) or not value:
            raise self.error(field, "must be a non-empty list of tables")
        return value

    def provenance(self) -> Provenance:
        origin = Origin(self.choice("origin", (o.value for o in Origin)))
        source_part = self.text("source_part", "")
        if origin is Origin.FRAMEWORK and not source_part:
            raise self.error("source_part", "is missing: name the part of the framework restated")
        return Provenance(origin=origin, source_part=source_part)

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.error(unknown[0], "is not a known field")


_REQUIRED = object()


def _type_name(value: object) -> str:
    return {
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


# --- Reading the folder -------------------------------------------------------------------


class _Raw:
    """The merged top-level content, remembering which file each entry came from."""

    def __init__(self) -> None:
        self.lists: dict[str, list[tuple[str, object]]] = {key: [] for key in _LIST_KEYS}
        self.singles: dict[str, tuple[str, object]] = {}

    def add_file(self, path: Path) -> None:
        name = path.name
        try:
            with path.open("rb") as handle:
                document = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ContentError(f"{name}: not valid TOML: {error}") from None
        except UnicodeDecodeError:
            raise ContentError(f"{name}: not valid UTF-8 text") from None
        for key, value in document.items():
            if key in _LIST_KEYS:
                if not isinstance(value, list):
                    raise ContentError(f"{name}: {key!r} must be a list of tables ([[{key}]])")
                self.lists[key].extend((name, entry) for entry in value)
            elif key in _SINGLE_KEYS:
                if key in self.singles:
                    raise ContentError(
                        f"{name}: {key!r} is already defined in {self.singles[key][0]}"
                    )
                self.singles[key] = (name, value)
            else:
                raise ContentError(f"{name}: unknown top-level key {key!r}")

    def single(self, key: str) -> tuple[str, object]:
        if key not in self.singles:
            raise ContentError(f"content: {key!r} is missing from every file")
        return self.singles[key]

    def items(self, key: str, kind: str, parse: Callable[[_Item], T]) -> tuple[T, ...]:
        if not self.lists[key]:
            raise ContentError(f"content: no {kind} found (a [[{key}]] list is missing)")
        result = []
        for position, (file, data) in enumerate(self.lists[key]):
            item = _Item(file, kind, data, position)
            result.append(parse(item))
            item.finish()
        return tuple(result)


def load_framework_from(folder: Path | str) -> Framework:
    """Read and check every ``*.toml`` file in ``folder``. Raises :class:`ContentError`."""
    folder = Path(folder)
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ContentError(f"{folder}: no content files (*.toml) found")
    raw = _Raw()
    for path in files:
        raw.add_file(path)
    framework = _build(raw)
    _check_references(framework, raw)
    return framework


@functools.cache
def load_framework() -> Framework:
    """The shipped content, read once per process."""
    return load_framework_from(framework_folder())


def resources_path() -> Path:
    """The shipped ``resources`` folder (framework content, fonts, schema); see
    :mod:`workshop.paths`, the one place that finds it."""
    return resources_folder()


# --- Building typed objects ---------------------------------------------------------------


def _build(raw: _Raw) -> Framework:
    version_file, version = raw.single("version")
    if not isinstance(version, str) or not version.strip():
        raise ContentError(f"{version_file}: field 'version' must be non-empty text")
    source_file, source_data = raw.single("source")
    source_item = _Item(source_file, "source", source_data)
    source = Source(
        title=source_item.text("title"),
        publisher=source_item.text("publisher"),
        note=source_item.text("note"),
    )
    source_item.finish()
    return Framework(
        version=version.strip(),
        source=source,
        stages=raw.items("stages", "stage", _stage),
        dimensions=raw.items("dimensions", "dimension", _dimension),
        questions=raw.items("questions", "question", _question),
        interview_prompts=raw.items("interview_prompts", "interview prompt", _interview),
        statements=raw.items("statements", "statement", _statement),
        roles=raw.items("roles", "role", _role),
        hiring_rules=raw.items("hiring_rules", "hiring rule", _hiring_rule),
        decisions=raw.items("decisions", "decision", _decision),
        matrix=_matrix(raw),
        first_project_criteria=raw.items(
            "first_project_criteria", "first-project criterion", _checklist
        ),
        first_project_risks=raw.items("first_project_risks", "first-project risk", _checklist),
        go_to_market=raw.items("go_to_market", "go-to-market item", _checklist),
        pages=raw.items("pages", "page", _page),
        presets=raw.items("presets", "preset", _preset),
        principles=raw.items("principles", "principle", _principle),
    )


def _principle(item: _Item) -> Principle:
    return Principle(
        id=item.ident(),
        title=item.text("title"),
        text=item.text("text"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
    )


def _stage(item: _Item) -> Stage:
    return Stage(
        id=item.ident(),
        order=item.integer("order"),
        name=item.text("name"),
        summary=item.text("summary"),
        purpose=item.text("purpose"),
        signals=item.texts("signals"),
        exit_signals=item.texts("exit_signals"),
        provenance=item.provenance(),
    )


def _dimension(item: _Item) -> Dimension:
    return Dimension(
        id=item.ident(),
        name=item.text("name"),
        description=item.text("description"),
        provenance=item.provenance(),
    )


def _question(item: _Item) -> StrategyQuestion:
    wrap_up = item.boolean("wrap_up", False)
    stage = item.text("stage", "" if wrap_up else None, allow_empty=wrap_up)
    if wrap_up and stage:
        raise item.error("stage", "must be empty for a wrap-up question (it ends the workshop)")
    return StrategyQuestion(
        id=item.ident(),
        stage=stage,
        prompt=item.text("prompt"),
        hint=item.text("hint"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
        wrap_up=wrap_up,
    )


def _interview(item: _Item) -> InterviewPrompt:
    function = item.choice("function", INTERVIEW_FUNCTIONS)
    return InterviewPrompt(
        id=item.ident(),
        function=function,
        function_name=item.text("function_name"),
        prompts=item.texts("prompts"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
    )


def _statement(item: _Item) -> Statement:
    anchors = item.texts("anchors")
    if len(anchors) != ANCHOR_COUNT:
        raise item.error("anchors", f"must have {ANCHOR_COUNT} entries, found {len(anchors)}")
    return Statement(
        id=item.ident(),
        stage=item.text("stage"),
        dimension=item.text("dimension"),
        text=item.text("text"),
        core=item.boolean("core"),
        anchors=(anchors[0], anchors[1], anchors[2], anchors[3], anchors[4]),
        next_step=item.text("next_step"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
    )


def _role(item: _Item) -> Role:
    return Role(
        id=item.ident(),
        stage=item.text("stage"),
        name=item.text("name"),
        purpose=item.text("purpose"),
        profile=item.text("profile"),
        advice=item.text("advice"),
        emerging=item.boolean("emerging", False),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
        recommended_mode=_choice_or(item, "recommended_mode", HireMode.values(), "hire"),
        recommended_seniority=_choice_or(item, "recommended_seniority", Seniority.values(), "mid"),
        recommended_ml_experience=item.boolean("recommended_ml_experience", False),
        recommended_data_engineering=item.boolean("recommended_data_engineering", False),
    )


def _choice_or(item: _Item, field: str, allowed: tuple[str, ...], default: str) -> str:
    """An optional field that, when present, must be one of ``allowed``."""
    return item.choice(field, allowed) if field in item.data else default


def _hiring_rule(item: _Item) -> HiringRule:
    return HiringRule(
        id=item.ident(),
        stage=item.text("stage"),
        title=item.text("title"),
        reason=item.text("reason"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
        advisory=item.boolean("advisory", False),
    )


def _decision(item: _Item) -> DecisionTopic:
    topic_id = item.ident()
    category = item.choice("category", DECISION_CATEGORIES)
    options = []
    for position, data in enumerate(item.tables("options")):
        option = _Item(item.file, f"option of decision {topic_id!r}", data, position)
        options.append(
            DecisionOption(
                id=option.ident(),
                name=option.text("name"),
                tradeoff=option.text("tradeoff"),
                pros=option.texts("pros"),
                cons=option.texts("cons"),
                retired=option.boolean("retired", False),
                provenance=option.provenance(),
                tradeoffs_provenance=_tradeoffs_provenance(option),
            )
        )
        option.finish()
    return DecisionTopic(
        id=topic_id,
        stage=item.text("stage"),
        category=category,
        title=item.text("title"),
        question=item.text("question"),
        guidance=item.text("guidance"),
        options=tuple(options),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
    )


def _tradeoffs_provenance(option: _Item) -> Provenance:
    """Where an option's trade-off, pros and cons come from (``tradeoffs_origin``)."""
    origin = Origin(option.choice("tradeoffs_origin", (o.value for o in Origin)))
    source_part = option.text("tradeoffs_source_part", "")
    if origin is Origin.FRAMEWORK and not source_part:
        raise option.error("tradeoffs_source_part", "is missing: name the part restated")
    return Provenance(origin=origin, source_part=source_part)


def _rubric(item: _Item, field: str) -> tuple[RubricLevel, ...]:
    levels = []
    for position, data in enumerate(item.tables(field)):
        level = _Item(item.file, f"{field} level", data, position)
        levels.append(RubricLevel(score=level.integer("score"), meaning=level.text("meaning")))
        level.finish()
    scores = tuple(sorted(level.score for level in levels))
    if scores != RUBRIC_SCORES:
        raise item.error(field, f"must define each score 1..5 once, found {list(scores)}")
    return tuple(sorted(levels, key=lambda level: level.score))


def _matrix(raw: _Raw) -> Matrix:
    file, data = raw.single("matrix")
    item = _Item(file, "matrix", data)
    value_rubric = _rubric(item, "value_rubric")
    cost_rubric = _rubric(item, "cost_rubric")
    value_threshold = item.number("value_threshold")
    cost_threshold = item.number("cost_threshold")
    rubric_provenance = Provenance(
        Origin(item.choice("rubric_origin", (o.value for o in Origin))),
        item.text("rubric_source_part", ""),
    )
    for field, threshold in (
        ("value_threshold", value_threshold),
        ("cost_threshold", cost_threshold),
    ):
        if not 1 < threshold <= 5:
            raise item.error(field, f"must be above 1 and at most 5, got {threshold}")
    item.finish()
    quadrants = raw.items("quadrants", "quadrant", _quadrant)
    corners = [(q.high_value, q.high_cost) for q in quadrants]
    if len(quadrants) != 4 or len(set(corners)) != 4:
        first = raw.lists["quadrants"][0][0]
        raise ContentError(
            f"{first}: quadrants: need exactly one quadrant for each combination of "
            "high_value and high_cost"
        )
    return Matrix(
        value_rubric=value_rubric,
        cost_rubric=cost_rubric,
        quadrants=quadrants,
        value_threshold=value_threshold,
        cost_threshold=cost_threshold,
        rubric_provenance=rubric_provenance,
    )


def _quadrant(item: _Item) -> Quadrant:
    return Quadrant(
        id=item.ident(),
        name=item.text("name"),
        high_value=item.boolean("high_value"),
        high_cost=item.boolean("high_cost"),
        advice=item.text("advice"),
        provenance=item.provenance(),
    )


def _checklist(item: _Item) -> ChecklistItem:
    return ChecklistItem(
        id=item.ident(),
        stage=item.text("stage"),
        text=item.text("text"),
        detail=item.text("detail"),
        provenance=item.provenance(),
        retired=item.boolean("retired", False),
    )


def _page(item: _Item) -> Page:
    # Which page types exist is the app's business (each is a module in workshop/ui/pages/):
    # the app checks the content against its registry when it starts (ui/page_types.py).
    page_type = item.snake_case("page_type")
    return Page(
        id=item.ident(),
        page_type=page_type,
        stage=item.text("stage", "", allow_empty=True),
        title=item.text("title"),
        ref=item.text("ref", ""),
        guidance=item.text("guidance"),
        retired=item.boolean("retired", False),
    )


def _preset(item: _Item) -> AgendaPreset:
    preset_id = item.ident()
    statement_set = item.text("statement_set")
    if statement_set not in STATEMENT_SETS:
        raise item.error("statement_set", f"must be core or extended, got {statement_set!r}")
    sections = []
    for position, data in enumerate(item.tables("sections")):
        section = _Item(item.file, f"section of preset {preset_id!r}", data, position)
        minutes = section.integer("minutes")
        if minutes <= 0:
            raise section.error("minutes", f"must be positive, got {minutes}")
        sections.append(
            AgendaSection(
                id=section.ident(),
                title=section.text("title"),
                minutes=minutes,
                pages=section.texts("pages"),
            )
        )
        section.finish()
    return AgendaPreset(
        id=preset_id,
        name=item.text("name"),
        statement_set=statement_set,
        sections=tuple(sections),
    )


# --- Cross-references ---------------------------------------------------------------------


def _check_references(framework: Framework, raw: _Raw) -> None:
    """Ids unique across the content, and every reference pointing at something that exists."""

    def origin(key: str, index: int) -> str:
        return raw.lists[key][index][0]

    # Ids are unique across everything, so an id alone says what it names.
    seen: dict[str, str] = {}

    def claim(ids: Iterable[tuple[str, str, str]]) -> None:
        for item_id, file, label in ids:
            if item_id in seen:
                raise ContentError(
                    f"{file}: {label} {item_id!r}: field 'id' duplicates an id already used in "
                    f"{seen[item_id]}"
                )
            seen[item_id] = f"{file} ({label})"

    plain: list[tuple[str, str, tuple[Any, ...]]] = [
        ("stages", "stage", framework.stages),
        ("dimensions", "dimension", framework.dimensions),
        ("questions", "question", framework.questions),
        ("interview_prompts", "interview prompt", framework.interview_prompts),
        ("statements", "statement", framework.statements),
        ("roles", "role", framework.roles),
        ("hiring_rules", "hiring rule", framework.hiring_rules),
        ("decisions", "decision", framework.decisions),
        ("quadrants", "quadrant", framework.matrix.quadrants),
        ("first_project_criteria", "first-project criterion", framework.first_project_criteria),
        ("first_project_risks", "first-project risk", framework.first_project_risks),
        ("go_to_market", "go-to-market item", framework.go_to_market),
        ("pages", "page", framework.pages),
        ("presets", "preset", framework.presets),
        ("principles", "principle", framework.principles),
    ]
    for key, label, items in plain:
        claim((item.id, origin(key, i), label) for i, item in enumerate(items))
    for i, topic in enumerate(framework.decisions):
        claim(
            (o.id, origin("decisions", i), f"option of decision {topic.id!r}")
            for o in topic.options
        )
    for i, preset in enumerate(framework.presets):
        claim(
            (s.id, origin("presets", i), f"section of preset {preset.id!r}")
            for s in preset.sections
        )

    orders = sorted(stage.order for stage in framework.stages)
    if orders != list(range(1, len(orders) + 1)):
        raise ContentError(
            f"{origin('stages', 0)}: stages: field 'order' must number the stages 1..{len(orders)} "
            f"once each, found {orders}"
        )

    stage_ids = {stage.id for stage in framework.stages}
    dimension_ids = {dimension.id for dimension in framework.dimensions}

    def must_be_stage(key: str, label: str, index: int, item_id: str, value: str) -> None:
        if value not in stage_ids:
            raise ContentError(
                f"{origin(key, index)}: {label} {item_id!r}: field 'stage' names an unknown "
                f"stage {value!r}"
            )

    staged: list[tuple[str, str, tuple[Any, ...]]] = [
        ("questions", "question", framework.questions),
        ("statements", "statement", framework.statements),
        ("roles", "role", framework.roles),
        ("hiring_rules", "hiring rule", framework.hiring_rules),
        ("decisions", "decision", framework.decisions),
        ("first_project_criteria", "first-project criterion", framework.first_project_criteria),
        ("first_project_risks", "first-project risk", framework.first_project_risks),
        ("go_to_market", "go-to-market item", framework.go_to_market),
    ]
    for key, label, items in staged:
        for i, item in enumerate(items):
            if key == "questions" and item.wrap_up:
                continue  # a wrap-up question belongs to no stage (checked when read)
            must_be_stage(key, label, i, item.id, item.stage)

    for i, statement in enumerate(framework.statements):
        if statement.dimension not in dimension_ids:
            raise ContentError(
                f"{origin('statements', i)}: statement {statement.id!r}: field 'dimension' names "
                f"an unknown dimension {statement.dimension!r}"
            )

    question_ids = {question.id for question in framework.questions}
    topic_ids = {topic.id for topic in framework.decisions}
    for i, page in enumerate(framework.pages):
        file = origin("pages", i)
        if page.stage:
            must_be_stage("pages", "page", i, page.id, page.stage)
        problem = _page_ref_problem(page, framework, stage_ids, question_ids, topic_ids)
        if problem:
            raise ContentError(f"{file}: page {page.id!r}: field 'ref' {problem}")

    page_ids = {page.id for page in framework.pages}
    for i, preset in enumerate(framework.presets):
        for section in preset.sections:
            for page_id in section.pages:
                if page_id not in page_ids:
                    raise ContentError(
                        f"{origin('presets', i)}: section {section.id!r} of preset "
                        f"{preset.id!r}: field 'pages' names an unknown page {page_id!r}"
                    )


def _page_ref_problem(
    page: Page,
    framework: Framework,
    stage_ids: set[str],
    question_ids: set[str],
    topic_ids: set[str],
) -> str:
    """Why a page's ``ref`` is wrong for its page type, or "" when it is right."""
    match page.page_type:
        case "question":
            if page.ref not in question_ids:
                return f"names an unknown question {page.ref!r}"
        case "maturity":
            if page.ref not in stage_ids:
                return f"names an unknown stage {page.ref!r}"
        case "decision":
            if page.ref in topic_ids:
                return ""
            if page.ref not in DECISION_CATEGORIES:
                return f"names neither a decision topic nor a decision category: {page.ref!r}"
            if not framework.decisions_for_page(page):
                return f"category {page.ref!r} has no decision topic at stage {page.stage!r}"
        case _:
            if page.ref:
                return f"must be empty for a {page.page_type!r} page, got {page.ref!r}"
    return ""
