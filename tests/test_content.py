"""The shipped framework content: complete, consistent, in our own words, and loud when broken."""

from __future__ import annotations

import importlib.util
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from workshop.framework import ContentError, load_framework, load_framework_from, resources_path
from workshop.framework.model import Framework, Origin

REPO_ROOT = Path(__file__).resolve().parents[1]
# The framework's source text is not shipped: every clone carries its fingerprint
# (tests/data/, written by tools/seed_fingerprint.py), and the tests read only that.
FINGERPRINT_TOOL = REPO_ROOT / "tools" / "seed_fingerprint.py"
CONTENT_FOLDER = REPO_ROOT / "resources" / "framework"

STAGES = ["getting_started", "exploring", "building", "scaling", "advanced"]
DIMENSIONS = ["product", "process", "technical", "organisational"]
SOURCE_PARTS = {
    "Introduction",
    "Getting Started",
    "Exploring",
    "Building",
    "Scaling",
    "Advanced",
    "Why use the framework",
}
OVERLAP_WORDS = 8  # no run of this many words may be shared with the source text


def all_ids(framework: Framework) -> list[str]:
    ids = [s.id for s in framework.stages]
    ids += [d.id for d in framework.dimensions]
    ids += [q.id for q in framework.questions]
    ids += [p.id for p in framework.interview_prompts]
    ids += [s.id for s in framework.statements]
    ids += [r.id for r in framework.roles]
    ids += [r.id for r in framework.hiring_rules]
    for topic in framework.decisions:
        ids += [topic.id, *(o.id for o in topic.options)]
    ids += [q.id for q in framework.matrix.quadrants]
    ids += [c.id for c in framework.first_project_criteria]
    ids += [c.id for c in framework.first_project_risks]
    ids += [c.id for c in framework.go_to_market]
    ids += [p.id for p in framework.pages]
    ids += [p.id for p in framework.principles]
    for preset in framework.presets:
        ids += [preset.id, *(s.id for s in preset.sections)]
    return ids


# --- completeness ---------------------------------------------------------------------------


def test_five_stages_in_order_and_four_dimensions(framework: Framework) -> None:
    assert [s.id for s in framework.stages] == STAGES
    assert [s.order for s in framework.stages] == [1, 2, 3, 4, 5]
    assert [s.name for s in framework.stages] == [
        "Getting Started",
        "Exploring",
        "Building",
        "Scaling",
        "Advanced",
    ]
    assert [d.id for d in framework.dimensions] == DIMENSIONS
    for stage in framework.stages:
        assert stage.summary and stage.purpose
        assert len(stage.signals) >= 2 and len(stage.exit_signals) >= 2
    assert framework.version
    assert framework.source.title and framework.source.note


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_every_cell_has_one_to_three_core_statements_and_extended_ones(
    framework: Framework, stage: str, dimension: str
) -> None:
    core = framework.statements_for(stage, dimension=dimension)
    everything = framework.statements_for(stage, extended=True, dimension=dimension)
    assert 1 <= len(core) <= 3, f"{stage} × {dimension}: {len(core)} core statements"
    assert len(everything) > len(core), f"{stage} × {dimension}: no extended statement"


def test_every_statement_has_five_anchors_and_a_next_step(framework: Framework) -> None:
    for statement in framework.statements:
        assert len(statement.anchors) == 5, statement.id
        assert all(anchor for anchor in statement.anchors), statement.id
        assert len(set(statement.anchors)) == 5, f"{statement.id}: repeated anchors"
        assert statement.next_step, statement.id


def test_strategy_questions_and_interview_prompts(framework: Framework) -> None:
    assert [q.id for q in framework.questions if not q.wrap_up] == [
        "q_business_processes",
        "q_customers",
        "q_pain_points",
        "q_insights",
        "q_friction",
        "q_automation",
        "q_data_decisions",
    ]
    for question in framework.questions:
        assert question.stage == ("" if question.wrap_up else "getting_started")
        assert question.prompt.endswith("?") and question.hint, question.id
    assert {p.function for p in framework.interview_prompts} == {
        "product",
        "customer_success",
        "support",
        "sales",
        "client",
    }
    assert all(len(p.prompts) >= 2 for p in framework.interview_prompts)


def test_role_catalogue_covers_every_role_the_framework_names(framework: Framework) -> None:
    expected = {
        "role_pm_ml": "exploring",
        "role_ml_scientist": "exploring",
        "role_ml_engineer": "exploring",
        "role_dedicated_pm": "building",
        "role_data_engineer": "building",
        "role_data_scientist": "building",
        "role_ml_architect": "building",
        "role_qa_engineer": "building",
        "role_pod_scientist": "scaling",
        "role_pod_engineer": "scaling",
        "role_pod_product": "scaling",
        "role_lead_engineer": "advanced",
        "role_lead_pm": "advanced",
        "role_head_data_science": "advanced",
        "role_emerging": "advanced",
    }
    assert {r.id: r.stage for r in framework.roles} == expected
    for role in framework.roles:
        assert role.purpose and role.profile and role.advice, role.id
    assert [r.id for r in framework.roles if r.emerging] == ["role_emerging"]


def test_hiring_rules_each_have_a_reason(framework: Framework) -> None:
    assert {r.id for r in framework.hiring_rules} >= {
        "hr_pm_first",
        "hr_generalists_early",
        "hr_senior_scientist",
        "hr_data_engineering",
        "hr_two_technical",
        "hr_internal_assignment",
        "hr_communicators",
        "hr_brief_cross_functional",
    }
    assert all(len(r.reason) > 40 for r in framework.hiring_rules)


def test_decision_catalogue(framework: Framework) -> None:
    topics = {d.id: d for d in framework.decisions}
    assert {d.category for d in framework.decisions} == {
        "process",
        "tech_stack",
        "org_model",
        "pods",
        "tooling",
    }
    assert {o.name for o in topics["dec_delivery_process"].options} == {
        "Agile, adapted to ML",
        "Kanban",
    }
    assert "dec_deep_dives" in topics and "dec_first_project_compute" in topics
    for tech in (
        "dec_language",
        "dec_ml_framework",
        "dec_cloud_provider",
        "dec_etl",
        "dec_deployment",
    ):
        assert topics[tech].stage == "building" and topics[tech].category == "tech_stack"
    assert {o.name for o in topics["dec_language"].options} == {"Python", "R"}
    assert {o.name for o in topics["dec_ml_framework"].options} == {"TensorFlow", "PyTorch"}
    assert [o.id for o in topics["dec_org_model"].options] == [
        "opt_org_decentralised",
        "opt_org_centralised",
        "opt_org_hybrid",
    ]
    tooling = {d.stage: set() for d in framework.decisions if d.category == "tooling"}
    for d in framework.decisions:
        if d.category == "tooling":
            tooling[d.stage].add(d.id)
    assert len(tooling["scaling"]) == 6 and len(tooling["advanced"]) == 5
    for topic in framework.decisions:
        assert len(topic.options) >= 2, topic.id
        for option in topic.options:
            assert option.tradeoff and option.pros and option.cons, option.id


def test_matrix_checklists_and_go_to_market(framework: Framework) -> None:
    matrix = framework.matrix
    assert [level.score for level in matrix.value_rubric] == [1, 2, 3, 4, 5]
    assert [level.score for level in matrix.cost_rubric] == [1, 2, 3, 4, 5]
    assert matrix.quadrant(high_value=True, high_cost=False).id == "quick_wins"
    assert matrix.quadrant(high_value=False, high_cost=True).id == "money_pits"
    assert {q.id for q in matrix.quadrants} == {"quick_wins", "big_bets", "fill_ins", "money_pits"}
    assert 1 < matrix.value_threshold <= 5 and 1 < matrix.cost_threshold <= 5
    assert len(framework.first_project_criteria) >= 3
    assert len(framework.first_project_risks) >= 3
    assert {g.id for g in framework.go_to_market} == {
        "gtm_revisit_roadmap",
        "gtm_validate_market",
        "gtm_buyer_personas",
        "gtm_sales_enablement",
        "gtm_marketing_journey",
    }


# --- pages and presets ----------------------------------------------------------------------


def test_pages_cover_every_question_stage_and_page_type(framework: Framework) -> None:
    pages = framework.pages
    question_pages = [p.ref for p in pages if p.page_type == "question"]
    assert question_pages == [q.id for q in framework.questions]
    assert [p.ref for p in pages if p.page_type == "maturity"] == STAGES
    assert {p.page_type for p in pages} == {
        "overview",
        "interviews",
        "question",
        "maturity",
        "placement",
        "progress",
        "matrix",
        "audit",
        "hiring",
        "decision",
        "go_to_market",
        "actions",
        "roadmap",
    }
    assert all(p.title and p.guidance for p in pages)
    # Every decision topic is shown on some decision page.
    shown = {
        t.id for p in pages if p.page_type == "decision" for t in framework.decisions_for_page(p)
    }
    assert shown == {t.id for t in framework.decisions}


def test_presets_group_existing_pages_into_timed_sections(framework: Framework) -> None:
    page_ids = {p.id for p in framework.pages}
    half, full = framework.preset("half_day"), framework.preset("full_day")
    assert (half.statement_set, full.statement_set) == ("core", "extended")
    assert 195 <= half.total_minutes <= 225
    assert 400 <= full.total_minutes <= 440
    for preset in (half, full):
        listed = [page for section in preset.sections for page in section.pages]
        assert set(listed) <= page_ids, preset.id
        assert len(listed) == len(set(listed)), f"{preset.id}: a page appears twice"
        assert all(section.minutes > 0 and section.pages for section in preset.sections)
    full_pages = {page for section in full.sections for page in section.pages}
    assert full_pages == page_ids, "the full day leaves pages out"


# --- identity and references ----------------------------------------------------------------


def test_ids_are_unique_and_prefixed(framework: Framework) -> None:
    ids = all_ids(framework)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
    prefixes = {
        "st_": framework.statements,
        "q_": framework.questions,
        "ip_": framework.interview_prompts,
        "role_": framework.roles,
        "hr_": framework.hiring_rules,
        "dec_": framework.decisions,
        "page_": framework.pages,
    }
    for prefix, items in prefixes.items():
        assert all(item.id.startswith(prefix) for item in items), prefix


def test_every_cross_reference_resolves(framework: Framework) -> None:
    stage_ids = {s.id for s in framework.stages}
    dimension_ids = {d.id for d in framework.dimensions}
    staged = [
        *(q for q in framework.questions if not q.wrap_up),
        *framework.statements,
        *framework.roles,
        *framework.hiring_rules,
        *framework.decisions,
        *framework.first_project_criteria,
        *framework.first_project_risks,
        *framework.go_to_market,
    ]
    assert all(item.stage in stage_ids for item in staged)
    assert all(s.dimension in dimension_ids for s in framework.statements)
    question_ids = {q.id for q in framework.questions}
    for page in framework.pages:
        assert page.stage in stage_ids | {""}, page.id
        if page.page_type == "question":
            assert page.ref in question_ids, page.id
        elif page.page_type == "maturity":
            assert page.ref in stage_ids, page.id
        elif page.page_type == "decision":
            assert framework.decisions_for_page(page), page.id
        else:
            assert page.ref == "", page.id


def test_every_item_says_where_it_comes_from(framework: Framework) -> None:
    items = [
        *framework.stages,
        *framework.dimensions,
        *framework.questions,
        *framework.interview_prompts,
        *framework.statements,
        *framework.roles,
        *framework.hiring_rules,
        *framework.decisions,
        *framework.matrix.quadrants,
        *framework.first_project_criteria,
        *framework.first_project_risks,
        *framework.go_to_market,
        *framework.principles,
    ]
    provenances = [(item.id, item.provenance) for item in items]
    for topic in framework.decisions:
        for option in topic.options:
            provenances.append((option.id, option.provenance))
            provenances.append((f"{option.id} (trade-offs)", option.tradeoffs_provenance))
    provenances.append(("matrix rubrics", framework.matrix.rubric_provenance))
    for item_id, provenance in provenances:
        if provenance.origin is Origin.FRAMEWORK:
            part = provenance.source_part.split(" / ")[0]
            assert part in SOURCE_PARTS, (
                f"{item_id}: unknown source part {provenance.source_part!r}"
            )
    origins = {provenance.origin for _, provenance in provenances}
    assert origins == {Origin.FRAMEWORK, Origin.FACILITATION}


def test_shipped_resources_are_found_through_the_package() -> None:
    folder = resources_path()
    assert (folder / "framework" / "stages.toml").is_file()
    assert load_framework() is load_framework()  # read once per process


# --- our own words --------------------------------------------------------------------------


def _fingerprint_tool() -> ModuleType:
    """tools/seed_fingerprint.py, loaded by path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("seed_fingerprint", FINGERPRINT_TOOL)
    assert spec is not None and spec.loader is not None, f"missing {FINGERPRINT_TOOL}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for entry in value.values():
            yield from _strings(entry)
    elif isinstance(value, list):
        for entry in value:
            yield from _strings(entry)


def _copied_run(tool: ModuleType, text: str, source_runs: set[str]) -> str | None:
    """The first run of eight words of ``text`` whose hash is in ``source_runs``, if any."""
    words = tool.words(text)
    for i in range(len(words) - OVERLAP_WORDS + 1):
        if tool.run_hash(words[i : i + OVERLAP_WORDS]) in source_runs:
            return " ".join(words[i : i + OVERLAP_WORDS])
    return None


def test_content_is_in_our_own_words() -> None:
    # The shipped fingerprint (hashes of the source's 8-word runs) stands in for the source
    # text, which only development machines have: the check runs on every clone.
    tool = _fingerprint_tool()
    assert tool.RUN_WORDS == OVERLAP_WORDS
    source_runs = tool.read_fingerprint()
    assert len(source_runs) > 1000, "the fingerprint of the source text is (nearly) empty"
    copied = []
    for path in sorted(CONTENT_FOLDER.glob("*.toml")):
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            run = _copied_run(tool, text, source_runs)
            if run is not None:
                copied.append(f"{path.name}: …{run}…")
    assert not copied, "text copied from the source:\n" + "\n".join(copied)


def test_fingerprint_check_tells_a_stale_fingerprint(tmp_path: Path) -> None:
    """`seed_fingerprint.py --check`'s test: the fingerprint of a source text is current for
    that text, and stale once the text changes (on a source text made here, not ../shared)."""
    tool = _fingerprint_tool()
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "part.txt").write_text(
        "Leaders agree on a ranked list of opportunities before the first hire.", "utf-8"
    )
    fingerprint = tmp_path / "fingerprint.txt"
    fingerprint.write_text(tool.render(tool.run_hashes(tool.seed_text(seed))), "ascii")
    assert tool.is_current(seed, fingerprint)
    (seed / "part.txt").write_text("A different source text, long enough for runs.", "utf-8")
    assert not tool.is_current(seed, fingerprint)


def test_own_words_check_catches_a_copied_run() -> None:
    """The fingerprint check refuses a sentence lifted from the source (proves it can fail)."""
    tool = _fingerprint_tool()
    source = "Teams that ship models weekly tend to keep a single owner for each data set."
    fingerprint = tool.run_hashes(source)
    ours = "In our words: Teams that ship models weekly tend to KEEP a single owner here."
    assert _copied_run(tool, ours, fingerprint) == "teams that ship models weekly tend to keep"
    assert (
        _copied_run(tool, "Teams shipping weekly keep one owner per data set.", fingerprint) is None
    )


# --- broken files ---------------------------------------------------------------------------


def _broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "framework"
    shutil.copytree(CONTENT_FOLDER, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


BROKEN = [
    pytest.param(
        "statements.toml",
        'next_step = "Run an opportunity brainstorm and score every idea on the value/cost matrix."\n',
        "",
        ("st_gs_prod_1", "next_step", "missing"),
        id="missing-field",
    ),
    pytest.param(
        "stages.toml",
        "order = 2\n",
        'order = "2"\n',
        ("exploring", "order", "whole number"),
        id="wrong-type",
    ),
    pytest.param(
        "roles.toml",
        'id = "role_ml_engineer"\nstage = "exploring"',
        'id = "role_ml_engineer"\nstage = "explorer"',
        ("role_ml_engineer", "stage", "explorer"),
        id="unknown-stage",
    ),
    pytest.param(
        "statements.toml",
        'id = "st_bld_tech_1"\nstage = "building"\ndimension = "technical"',
        'id = "st_bld_tech_1"\nstage = "building"\ndimension = "tech"',
        ("st_bld_tech_1", "dimension", "tech"),
        id="unknown-dimension",
    ),
    pytest.param(
        "questions.toml",
        'id = "q_insights"',
        'id = "q_friction"',
        ("q_friction", "id", "duplicates"),
        id="duplicate-id",
    ),
    pytest.param(
        "roles.toml",
        'id = "role_ml_scientist"',
        'id = "st_gs_prod_1"',
        ("st_gs_prod_1", "id", "statements.toml"),
        id="duplicate-id-across-files",
    ),
    pytest.param(
        "statements.toml",
        '    "Ideas come up in conversation but are not written down.",\n',
        "",
        ("st_gs_prod_1", "anchors", "5"),
        id="four-anchors",
    ),
    pytest.param(
        "pages.toml",
        'ref = "q_friction"',
        'ref = "q_frictions"',
        ("page_q_friction", "ref", "q_frictions"),
        id="page-unknown-question",
    ),
    pytest.param(
        "pages.toml",
        'ref = "tooling"',
        'ref = "toolbox"',
        ("page_decision_tooling_scaling", "ref", "toolbox"),
        id="page-unknown-decision",
    ),
    pytest.param(
        "pages.toml",
        'pages = ["page_matrix", "page_audit"]',
        'pages = ["page_matrix", "page_audits"]',
        ("sec_half_opportunities", "half_day", "pages", "page_audits"),
        id="preset-unknown-page",
    ),
    pytest.param(
        "questions.toml",
        'origin = "framework"',
        'origin = "folklore"',
        ("q_business_processes", "origin", "folklore"),
        id="bad-origin",
    ),
    pytest.param(
        "decisions.toml",
        'id = "dec_language"\nstage = "building"\ncategory = "tech_stack"',
        'id = "dec_language"\nstage = "building"\ncategory = "tech_stack"\ncolour = "blue"',
        ("dec_language", "colour", "not a known field"),
        id="unknown-field",
    ),
    pytest.param(
        "matrix.toml",
        "value_threshold = 3.5",
        "value_threshold = [3.5",
        ("not valid TOML",),
        id="invalid-toml",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN)
def test_broken_file_names_file_item_and_field(
    tmp_path: Path, file: str, old: str, new: str, expected: tuple[str, ...]
) -> None:
    folder = _broken_copy(tmp_path, file, old, new)
    with pytest.raises(ContentError) as raised:
        load_framework_from(folder)
    message = str(raised.value)
    assert message.startswith(f"{file}: "), message
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    assert "\n" not in message


def test_unbroken_copy_loads_equal_to_the_shipped_content(tmp_path: Path) -> None:
    folder = tmp_path / "framework"
    shutil.copytree(CONTENT_FOLDER, folder)
    assert load_framework_from(folder) == load_framework()


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no content files"):
        load_framework_from(tmp_path)


def test_wrap_up_questions_and_principles_are_shown(framework: Framework) -> None:
    """The closing questions each have a question page, and the principles are all there."""
    wrap_up = framework.wrap_up_questions
    assert len(wrap_up) == 8
    question_pages = {p.ref for p in framework.pages if p.page_type == "question"}
    assert {q.id for q in wrap_up} <= question_pages
    for preset in framework.presets:
        pages = {page for section in preset.sections for page in section.pages}
        assert any(f"page_{q.id}" in pages for q in wrap_up), preset.id
    assert [p.id for p in framework.principles] == [
        "pr_judged_on_sales",
        "pr_small_steps",
        "pr_processes_with_the_team",
        "pr_technology_supports",
    ]


def test_the_source_note_agrees_with_the_marks(framework: Framework) -> None:
    """The PDF's framework page says which kinds of item are aids; the marks must agree."""
    assert all(q.provenance.is_aid for q in framework.matrix.quadrants)
    assert framework.matrix.rubric_provenance.is_aid
    note = framework.source.note
    assert "quadrant names" in note and "rubrics" in note and "anchors" in note
    statements = [s for s in framework.statements if not s.retired]
    framework_share = sum(1 for s in statements if not s.provenance.is_aid) / len(statements)
    assert framework_share > 0.5  # "most ... maturity statements restate a named part"


def test_the_half_day_set_covers_domain_experts_and_the_cross_functional_briefing(
    framework: Framework,
) -> None:
    core = [s for s in framework.statements if s.core and not s.retired]
    texts = " ".join(s.text.casefold() for s in core)
    assert "domain experts" in texts
    assert "marketing and customer success have been told" in texts


def test_statements_ask_one_thing_and_anchors_are_observable(framework: Framework) -> None:
    live = [s for s in framework.statements if not s.retired]
    vague = ("magic", "thought leader", "mostly protected", "known as")
    for statement in live:
        for anchor in statement.anchors:
            assert not any(word in anchor.casefold() for word in vague), (statement.id, anchor)
    # The statements split in two are retired, never removed, and their halves are live.
    retired = {s.id for s in framework.statements if s.retired}
    assert {"st_exp_prod_2", "st_exp_proc_1", "st_exp_org_2", "st_adv_org_2"} <= retired
    assert {"st_exp_prod_4", "st_exp_prod_6", "st_exp_proc_4", "st_exp_proc_5"} <= {
        s.id for s in live
    }


def test_every_path_to_a_product_owner_the_framework_allows_can_score_as_met(
    framework: Framework,
) -> None:
    pm = framework.statement("st_exp_prod_5")
    met = pm.anchors[3].casefold()
    assert "senior scientist acting as pm" in met and "mentor" in met and "hired pm" in met
