"""Hiring-plan warnings and headcount by quarter, on hand-made plans with known answers."""

from __future__ import annotations

from dataclasses import replace

from framework_factory import DIMENSION_IDS, hiring_rule, make_framework, role

from workshop.domain.hiring import (
    RULE_ADVANCED_LEADS,
    RULE_DATA_ENGINEERING,
    RULE_GENERALISTS_EARLY,
    RULE_HEAD_OF_DATA_SCIENCE,
    RULE_INTERNAL_ASSIGNMENT,
    RULE_PM_FIRST,
    RULE_POD_BALANCE,
    RULE_POD_PRODUCT,
    RULE_SENIOR_SCIENTIST,
    RULE_TWO_TECHNICAL,
    check_hiring_plan,
    headcount_by_quarter,
    recommended_hire,
)
from workshop.domain.session import Hire, Opportunity, Rating, Session

ROLES = (
    role("role_pm_ml", "exploring", "Product manager with ML experience"),
    role("role_ml_scientist", "exploring", "ML scientist"),
    role("role_ml_engineer", "exploring", "ML engineer"),
    role("role_data_engineer", "building", "Data engineer"),
    role("role_qa_engineer", "building", "QA engineer"),
    role("role_pod_scientist", "scaling", "Pod scientist"),
    role("role_pod_engineer", "scaling", "Pod engineer"),
    role("role_pod_product", "scaling", "Pod product person"),
    role("role_ml_architect", "building", "ML architect"),
    role("role_lead_engineer", "advanced", "Lead engineer"),
    role("role_lead_pm", "advanced", "Lead product manager"),
    role("role_head_data_science", "advanced", "Head of data science"),
)
RULES = tuple(
    hiring_rule(rule_id, f"Title of {rule_id}")
    for rule_id in (
        RULE_PM_FIRST,
        "hr_communicators",  # advice only: nothing in the plan to check
        RULE_GENERALISTS_EARLY,
        RULE_SENIOR_SCIENTIST,
        RULE_DATA_ENGINEERING,
        RULE_TWO_TECHNICAL,
        RULE_INTERNAL_ASSIGNMENT,
        RULE_POD_PRODUCT,
        RULE_POD_BALANCE,
        RULE_ADVANCED_LEADS,
    )
) + (replace(hiring_rule(RULE_HEAD_OF_DATA_SCIENCE), advisory=True),)
FRAMEWORK = make_framework(roles=ROLES, hiring_rules=RULES)

PM = Hire(id="pm", role_id="role_pm_ml", ml_experience=True, target_quarter="2027-Q1")
SCIENTIST = Hire(
    id="sci",
    role_id="role_ml_scientist",
    seniority="senior",
    data_engineering=True,
    target_quarter="2027-Q2",
)
ENGINEER = Hire(id="eng", role_id="role_ml_engineer", target_quarter="2027-Q2")


def warnings_for(*hires: Hire, **session_fields: object) -> list[tuple[str, tuple[str, ...]]]:
    session = Session(hires=list(hires), **session_fields)  # type: ignore[arg-type]
    return [(w.rule_id, w.hire_ids) for w in check_hiring_plan(FRAMEWORK, session)]


def test_an_empty_plan_and_a_plan_that_follows_the_framework_get_no_warnings() -> None:
    assert warnings_for() == []
    assert warnings_for(PM, SCIENTIST, ENGINEER) == []


def test_warning_carries_the_content_rule_and_the_message() -> None:
    late_pm = replace(PM, target_quarter="2027-Q3")
    (warning,) = check_hiring_plan(FRAMEWORK, Session(hires=[SCIENTIST, ENGINEER, late_pm]))
    assert warning.rule_id == RULE_PM_FIRST
    assert warning.rule_title == f"Title of {RULE_PM_FIRST}"
    assert warning.reason == f"because {RULE_PM_FIRST}"
    assert warning.message == (
        "The product manager is planned for Q3 2027, after ML scientist (Q2 2027), "
        "ML engineer (Q2 2027)."
    )
    assert warning.hire_ids == ("pm", "sci", "eng")


def test_pm_in_the_same_quarter_as_the_scientist_is_fine() -> None:
    assert warnings_for(replace(PM, target_quarter="2027-Q2"), SCIENTIST, ENGINEER) == []


def test_pm_hired_without_ml_experience() -> None:
    (warning,) = check_hiring_plan(
        FRAMEWORK, Session(hires=[replace(PM, ml_experience=False), SCIENTIST, ENGINEER])
    )
    assert (warning.rule_id, warning.hire_ids) == (RULE_PM_FIRST, ("pm",))
    assert warning.message == (
        "The first product manager is planned as a new hire without first-hand ML experience."
    )
    # An internal PM is the internal-assignment rule's business (mentor), not a hiring miss.
    assert warnings_for(replace(PM, ml_experience=False, mode="internal"), SCIENTIST, ENGINEER) == [
        (RULE_INTERNAL_ASSIGNMENT, ("pm",))
    ]


def test_no_pm_is_fine_only_with_a_senior_scientist_to_act_as_one() -> None:
    assert warnings_for(SCIENTIST, ENGINEER) == []
    mid = replace(SCIENTIST, seniority="mid")
    assert warnings_for(mid, ENGINEER) == [
        (RULE_PM_FIRST, ()),
        (RULE_SENIOR_SCIENTIST, ("sci",)),
    ]


def test_at_least_two_technical_members_counting_headcount() -> None:
    assert warnings_for(PM, SCIENTIST) == [(RULE_TWO_TECHNICAL, ("sci",))]
    assert warnings_for(PM, replace(SCIENTIST, headcount=2)) == []
    # A custom role is not counted: its title is free text.
    custom = Hire(id="x", title="Data wrangler", target_quarter="2027-Q2")
    assert warnings_for(PM, SCIENTIST, custom) == [(RULE_TWO_TECHNICAL, ("sci",))]


def test_senior_scientist_message_names_the_levels() -> None:
    juniors = replace(SCIENTIST, seniority="junior", headcount=2)
    (warning,) = check_hiring_plan(FRAMEWORK, Session(hires=[PM, juniors, ENGINEER]))
    assert warning.rule_id == RULE_SENIOR_SCIENTIST
    assert warning.message == "The first team's scientists are all junior; none is senior."
    only_pm_and_engineers = Session(hires=[PM, replace(ENGINEER, headcount=2)])
    assert [w.message for w in check_hiring_plan(FRAMEWORK, only_pm_and_engineers)] == [
        "The first team has no ML scientist."
    ]


def test_scientist_without_data_engineering_needs_a_data_engineer_by_then() -> None:
    plain = replace(SCIENTIST, data_engineering=False)
    data_engineer = Hire(id="de", role_id="role_data_engineer", target_quarter="2027-Q2")
    assert warnings_for(PM, plain, ENGINEER) == [(RULE_DATA_ENGINEERING, ("sci",))]
    assert warnings_for(PM, plain, ENGINEER, data_engineer) == []
    late = replace(data_engineer, target_quarter="2027-Q4")
    assert warnings_for(PM, plain, ENGINEER, late) == [(RULE_DATA_ENGINEERING, ("sci",))]


def test_specialised_roles_before_the_first_team() -> None:
    qa = Hire(id="qa", role_id="role_qa_engineer", target_quarter="2026-Q4")
    pods = Hire(id="pod", role_id="role_pod_scientist", target_quarter="2027-Q2")
    # The QA engineer comes before everyone, so before the product manager too. (The lone pod
    # scientist also has pod warnings, tested below.)
    first_team_rules = {RULE_PM_FIRST, RULE_GENERALISTS_EARLY}
    assert [
        w for w in warnings_for(PM, SCIENTIST, ENGINEER, qa, pods) if w[0] in first_team_rules
    ] == [
        (RULE_PM_FIRST, ("pm", "qa")),
        (RULE_GENERALISTS_EARLY, ("qa",)),
    ]
    # No first team at all: every specialised role is flagged, with or without a quarter.
    undated_qa = replace(qa, target_quarter="")
    found = check_hiring_plan(FRAMEWORK, Session(hires=[undated_qa, pods]))
    generalists = [w for w in found if w.rule_id == RULE_GENERALISTS_EARLY]
    assert [(w.message, w.hire_ids) for w in generalists] == [
        (
            "Specialised roles are planned with no first team: Pod scientist (Q2 2027), "
            "QA engineer (no quarter).",
            ("pod", "qa"),
        )
    ]


def test_first_team_rules_stop_once_the_first_team_stage_is_reached() -> None:
    ratings = [
        Rating(id=f"{stage}.{d}", score=3)
        for stage in ("getting_started", "exploring")
        for d in DIMENSION_IDS
    ]
    internal = Hire(id="in", role_id="role_qa_engineer", mode="internal")
    qa = Hire(id="qa", role_id="role_qa_engineer", target_quarter="2027-Q1")
    # Before: no PM, no scientist, one engineer... After reaching Exploring, only the
    # internal assignment's mentor reminder is left.
    assert {rule for rule, _ in warnings_for(internal, qa)} == {
        RULE_PM_FIRST,
        RULE_GENERALISTS_EARLY,
        RULE_SENIOR_SCIENTIST,
        RULE_TWO_TECHNICAL,
        RULE_INTERNAL_ASSIGNMENT,
    }
    assert warnings_for(internal, qa, ratings=ratings) == [(RULE_INTERNAL_ASSIGNMENT, ("in",))]


def test_only_live_rules_in_the_content_are_checked() -> None:
    retired = tuple(replace(r, retired=True) if r.id == RULE_TWO_TECHNICAL else r for r in RULES)
    framework = make_framework(roles=ROLES, hiring_rules=retired)
    session = Session(hires=[PM, SCIENTIST])
    assert check_hiring_plan(framework, session) == []
    assert check_hiring_plan(make_framework(roles=ROLES), session) == []


def test_headcount_by_quarter_across_the_year_with_empty_quarters_filled() -> None:
    timeline = headcount_by_quarter(
        Session(
            hires=[
                Hire(id="a", target_quarter="2027-Q1", headcount=2),
                Hire(id="b", target_quarter="2026-Q4", mode="internal"),
                Hire(id="c", target_quarter="2027-Q3"),
                Hire(id="d", target_quarter="2027-Q1", mode="internal"),
                Hire(id="e", headcount=3),
            ]
        )
    )
    assert [(q.label, q.new_hires, q.internal, q.total) for q in timeline.quarters] == [
        ("Q4 2026", 0, 1, 1),
        ("Q1 2027", 2, 1, 4),
        ("Q2 2027", 0, 0, 4),
        ("Q3 2027", 1, 0, 5),
    ]
    assert timeline.quarters[1].hire_ids == ("a", "d")
    assert timeline.quarters[1].added == 3
    assert (timeline.unscheduled, timeline.unscheduled_hire_ids) == (3, ("e",))
    assert timeline.total == 8


def test_headcount_of_an_empty_plan() -> None:
    timeline = headcount_by_quarter(Session())
    assert timeline.quarters == ()
    assert timeline.total == 0


def test_the_shipped_content_has_the_rules_and_roles_the_checks_read() -> None:
    from workshop.domain.hiring import CHECKS, ROLE_KINDS
    from workshop.framework import load_framework

    content = load_framework()
    live_rules = {r.id for r in content.hiring_rules if not r.retired}
    assert set(CHECKS) <= live_rules
    roles = {r.id: r for r in content.roles}
    assert set(ROLE_KINDS) <= set(roles)
    # A new role in the content must be given a kind here (or be an emerging placeholder).
    unclassified = {r.id for r in content.roles if not r.retired and not r.emerging} - set(
        ROLE_KINDS
    )
    assert unclassified == set()
    # The first team forms at a stage that exists, with a PM, a scientist and an engineer.
    first_team = {
        ROLE_KINDS[r.id] for r in content.roles if r.stage == "exploring" and r.id in ROLE_KINDS
    }
    assert first_team >= {"product", "scientist", "engineer"}


# --- the rules after the first team -------------------------------------------------------

REACHED_EXPLORING = [
    Rating(id=f"{stage}.{d}", score=3)
    for stage in ("getting_started", "exploring")
    for d in DIMENSION_IDS
]
REACHED_BUILDING = [
    Rating(id=f"{stage}.{d}", score=3)
    for stage in ("getting_started", "exploring", "building")
    for d in DIMENSION_IDS
]
REACHED_SCALING = [
    Rating(id=f"{stage}.{d}", score=3)
    for stage in ("getting_started", "exploring", "building", "scaling")
    for d in DIMENSION_IDS
]


def test_specialists_wait_for_the_first_project_to_ship() -> None:
    data_engineer = Hire(id="de", role_id="role_data_engineer", target_quarter="2027-Q2")
    architect = Hire(id="arch", role_id="role_ml_architect", target_quarter="2027-Q2")
    first = Opportunity(id="o", title="Churn alerts", first_project=True, target_quarter="2027-Q3")
    # Same quarter as the first scientist: before the first project's quarter, so flagged.
    found = check_hiring_plan(
        FRAMEWORK,
        Session(hires=[PM, SCIENTIST, ENGINEER, data_engineer, architect], opportunities=[first]),
    )
    assert [(w.rule_id, w.hire_ids) for w in found] == [(RULE_GENERALISTS_EARLY, ("de", "arch"))]
    assert found[0].message == (
        "Specialised roles join before the first project (Churn alerts, Q3 2027) has shipped: "
        "Data engineer (Q2 2027), ML architect (Q2 2027)."
    )
    # After the first project's quarter: fine, also once the first team has formed.
    later = [replace(h, target_quarter="2027-Q4") for h in (data_engineer, architect)]
    assert warnings_for(PM, SCIENTIST, ENGINEER, *later, opportunities=[first]) == []
    assert warnings_for(
        *later, data_engineer, opportunities=[first], ratings=REACHED_EXPLORING
    ) == [(RULE_GENERALISTS_EARLY, ("de",))]
    # No dated first project: the first team's start is the reference, its quarter included.
    assert warnings_for(
        PM, SCIENTIST, ENGINEER, replace(data_engineer, target_quarter="2027-Q1")
    ) == [(RULE_GENERALISTS_EARLY, ("de",))]


def test_every_pod_has_a_product_person() -> None:
    scientists = Hire(id="ps", role_id="role_pod_scientist", headcount=4, target_quarter="2028-Q1")
    engineers = Hire(id="pe", role_id="role_pod_engineer", headcount=2, target_quarter="2028-Q1")
    one_product = Hire(id="pp", role_id="role_pod_product", target_quarter="2028-Q1")
    found = check_hiring_plan(
        FRAMEWORK, Session(hires=[scientists, engineers, one_product], ratings=REACHED_BUILDING)
    )
    assert [(w.rule_id, w.hire_ids) for w in found] == [(RULE_POD_PRODUCT, ("ps", "pe", "pp"))]
    assert found[0].message == (
        "Pods planned for Q1 2028 (2 pods by their scientists) have 1 product people; "
        "every pod needs one."
    )
    two_product = replace(one_product, headcount=2)
    assert warnings_for(scientists, engineers, two_product, ratings=REACHED_BUILDING) == []


def test_scientists_and_engineers_in_balance_within_pods() -> None:
    scientists = Hire(id="ps", role_id="role_pod_scientist", headcount=4, target_quarter="2028-Q1")
    engineer = Hire(id="pe", role_id="role_pod_engineer", target_quarter="2028-Q1")
    product = Hire(id="pp", role_id="role_pod_product", headcount=2, target_quarter="2028-Q1")
    assert warnings_for(scientists, engineer, product, ratings=REACHED_BUILDING) == [
        (RULE_POD_BALANCE, ("ps", "pe"))
    ]
    balanced = replace(engineer, headcount=2)
    assert warnings_for(scientists, balanced, product, ratings=REACHED_BUILDING) == []


def test_advanced_needs_leads_and_suggests_a_head_of_data_science() -> None:
    lead_engineer = Hire(id="le", role_id="role_lead_engineer", target_quarter="2029-Q1")
    lead_pm = Hire(id="lp", role_id="role_lead_pm", target_quarter="2029-Q1")
    head = Hire(id="hd", role_id="role_head_data_science", target_quarter="2029-Q2")
    # Not in view while the organisation neither works on nor aims for Advanced.
    assert warnings_for(lead_engineer, ratings=REACHED_BUILDING) == []
    found = check_hiring_plan(FRAMEWORK, Session(hires=[lead_engineer], ratings=REACHED_SCALING))
    assert [(w.rule_id, w.advisory) for w in found] == [
        (RULE_ADVANCED_LEADS, False),
        (RULE_HEAD_OF_DATA_SCIENCE, True),
    ]
    assert found[0].message == (
        "The plan works towards Advanced without lead product manager across the sub-teams."
    )
    # Aiming for Advanced counts as well; with all three planned nothing is left.
    assert (
        warnings_for(
            lead_engineer, lead_pm, head, ratings=REACHED_EXPLORING, target_stage="advanced"
        )
        == []
    )


def test_adding_exactly_the_recommended_roles_raises_no_pm_or_scientist_warning() -> None:
    from workshop.framework import load_framework

    content = load_framework()
    pm = replace(recommended_hire(content.role("role_pm_ml"), "pm"), target_quarter="2027-Q1")
    scientist = replace(
        recommended_hire(content.role("role_ml_scientist"), "sci"), target_quarter="2027-Q1"
    )
    engineer = replace(
        recommended_hire(content.role("role_ml_engineer"), "eng"), target_quarter="2027-Q1"
    )
    assert check_hiring_plan(content, Session(hires=[pm, scientist, engineer])) == []
    # Only the PM: nothing wrong with the PM itself; the first team simply is not complete.
    alone = {w.rule_id for w in check_hiring_plan(content, Session(hires=[pm]))}
    assert RULE_PM_FIRST not in alone


def test_each_pm_path_the_framework_allows_passes_the_pm_rule() -> None:
    internal_pm = replace(PM, mode="internal", ml_experience=False)
    assert RULE_PM_FIRST not in {r for r, _ in warnings_for(internal_pm, SCIENTIST, ENGINEER)}
    # The internal path still carries its reminder: a mentor or training.
    assert (RULE_INTERNAL_ASSIGNMENT, ("pm",)) in warnings_for(internal_pm, SCIENTIST, ENGINEER)
    # A senior scientist acting as PM for a while.
    assert warnings_for(SCIENTIST, ENGINEER) == []
