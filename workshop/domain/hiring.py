"""Checks of the hiring plan against the framework's hiring rules, and headcount by quarter.

The rules themselves (title, reason, whether they are live) come from the content's
``hiring_rules``; this module knows how to test each one against a plan. A rule that is
missing from the content or retired is not checked, so the content decides what the room
is warned about.

Roles are recognised by their content id (ids are stable: never reused or removed). A
custom role (no role id) is shown in the plan but not counted as product or technical,
because its title is free text in any language.

The checks follow the framework's whole hiring path, not only the first team:

- the first-team rules (product manager first, two technical members, a senior scientist,
  data engineering) are about forming the first ML team, so they are checked only while the
  organisation has not yet reached the stage at which the framework forms that team
  (:data:`FIRST_TEAM_STAGE`, from the maturity check);
- specialised roles come after the first full cycle of ML product development, so they are
  checked against the first project's target quarter (or, with no dated first project, the
  first team's start) until the organisation reaches :data:`FIRST_CYCLE_STAGE`;
- pods (Scaling) each need a product person and a balance of scientists and engineers;
- at Advanced (the target stage, or the stage being worked on) a lead engineer and a lead
  product manager work across sub-teams, and a head of data science is worth considering.
  That last one is *advisory*: the framework says "consider", so the content marks the rule
  ``advisory`` and the room sees it as something to consider, never as a gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workshop.domain.placement import place
from workshop.domain.quarters import Quarter, is_quarter
from workshop.domain.session import Hire, Session
from workshop.framework.model import Framework, HiringRule, Role

# Hiring rule ids in the content (resources/framework/roles.toml).
RULE_PM_FIRST = "hr_pm_first"
RULE_TWO_TECHNICAL = "hr_two_technical"
RULE_SENIOR_SCIENTIST = "hr_senior_scientist"
RULE_DATA_ENGINEERING = "hr_data_engineering"
RULE_GENERALISTS_EARLY = "hr_generalists_early"
RULE_INTERNAL_ASSIGNMENT = "hr_internal_assignment"
RULE_POD_PRODUCT = "hr_pod_product"
RULE_POD_BALANCE = "hr_pod_balance"
RULE_ADVANCED_LEADS = "hr_advanced_leads"
RULE_HEAD_OF_DATA_SCIENCE = "hr_head_data_science"

# The stage at which the framework forms the first ML team.
FIRST_TEAM_STAGE = "exploring"
# The stage reached once a first full cycle of ML product development has shipped: from
# then on specialised hires are expected.
FIRST_CYCLE_STAGE = "building"
# Leadership roles are checked when the organisation works on or aims for this stage.
ADVANCED_STAGE = "advanced"

# Pod roles, the leadership roles of the Advanced stage (content ids).
POD_SCIENTIST = "role_pod_scientist"
POD_ENGINEER = "role_pod_engineer"
POD_PRODUCT = "role_pod_product"
LEAD_ENGINEER = "role_lead_engineer"
LEAD_PM = "role_lead_pm"
HEAD_OF_DATA_SCIENCE = "role_head_data_science"
# "A couple of scientists" per pod: how many scientists one pod is counted for.
SCIENTISTS_PER_POD = 2

# What a role is, for the checks. Keyed by role id in the content.
KIND_PRODUCT = "product"
KIND_SCIENTIST = "scientist"
KIND_ENGINEER = "engineer"
KIND_DATA_ENGINEER = "data_engineer"
TECHNICAL_KINDS = frozenset({KIND_SCIENTIST, KIND_ENGINEER, KIND_DATA_ENGINEER})
ROLE_KINDS: dict[str, str] = {
    "role_pm_ml": KIND_PRODUCT,
    "role_dedicated_pm": KIND_PRODUCT,
    "role_pod_product": KIND_PRODUCT,
    "role_lead_pm": KIND_PRODUCT,
    "role_ml_scientist": KIND_SCIENTIST,
    "role_data_scientist": KIND_SCIENTIST,
    "role_pod_scientist": KIND_SCIENTIST,
    "role_head_data_science": KIND_SCIENTIST,
    "role_ml_engineer": KIND_ENGINEER,
    "role_ml_architect": KIND_ENGINEER,
    "role_qa_engineer": KIND_ENGINEER,
    "role_pod_engineer": KIND_ENGINEER,
    "role_lead_engineer": KIND_ENGINEER,
    "role_data_engineer": KIND_DATA_ENGINEER,
}
SENIOR = frozenset({"senior", "lead"})


@dataclass(frozen=True)
class HiringWarning:
    rule_id: str  # a hiring rule id from the content
    rule_title: str  # the rule, as the content words it
    message: str  # what in this plan contradicts it
    reason: str  # why the framework says so (from the content)
    hire_ids: tuple[str, ...]  # the hires concerned (may be empty: "nobody planned")
    advisory: bool = False  # the framework says "consider": shown as advice, not a problem


@dataclass(frozen=True)
class QuarterHeadcount:
    quarter: str  # "2027-Q1"
    label: str  # "Q1 2027"
    new_hires: int  # people joining from outside this quarter
    internal: int  # people assigned from inside this quarter
    total: int  # everyone planned up to and including this quarter
    hire_ids: tuple[str, ...]

    @property
    def added(self) -> int:
        return self.new_hires + self.internal


@dataclass(frozen=True)
class HeadcountTimeline:
    quarters: tuple[QuarterHeadcount, ...]  # first to last planned quarter, no gaps
    unscheduled: int  # headcount of hires with no target quarter
    unscheduled_hire_ids: tuple[str, ...]

    @property
    def total(self) -> int:
        planned = self.quarters[-1].total if self.quarters else 0
        return planned + self.unscheduled


# --- reading the plan ---------------------------------------------------------------------


def role_kind(hire: Hire) -> str:
    """ "product", "scientist", "engineer", "data_engineer", or "" for anything else."""
    return ROLE_KINDS.get(hire.role_id, "")


def _quarter(hire: Hire) -> Quarter | None:
    return Quarter.parse(hire.target_quarter) if is_quarter(hire.target_quarter) else None


def _hire_order(hires: list[Hire]) -> list[Hire]:
    """Planned order: by target quarter, undated last, then as listed in the plan."""
    position = {h.id: i for i, h in enumerate(hires)}
    return sorted(
        hires, key=lambda h: (_quarter(h) is None, _quarter(h) or Quarter(0, 1), position[h.id])
    )


def _name(hire: Hire, roles: dict[str, Role]) -> str:
    role = roles.get(hire.role_id)
    return hire.title or (role.name if role else "") or "an unnamed role"


def _label(hire: Hire) -> str:
    quarter = _quarter(hire)
    return quarter.label if quarter else "no quarter"


def _stage_order(framework: Framework, stage_id: str) -> int:
    return next((s.order for s in framework.stages if s.id == stage_id), 0)


def _ids(hires: list[Hire]) -> tuple[str, ...]:
    return tuple(h.id for h in hires)


# --- the checks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """The plan as the checks see it."""

    hires: list[Hire]  # planned order
    roles: dict[str, Role]
    first_team: list[Hire]  # hires of roles brought in at the first-team stage or earlier
    later_stage: list[Hire]  # hires of roles the framework brings in after it
    first_team_pending: bool
    first_cycle_pending: bool  # no full cycle of ML product development shipped yet
    first_project_quarter: Quarter | None  # target quarter of the chosen first project
    first_project_title: str
    advanced_in_view: bool  # working on or aiming for Advanced


def _check_pm_first(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    """PM before the technical hires; a *hired* PM has first-hand ML experience.

    The framework allows three paths: hire a PM with ML experience, assign someone from
    inside (who may need a mentor or training: the internal-assignment rule says so), or let
    a senior scientist take on the role for a while. Each one passes this rule.
    """
    if not plan.first_team_pending:
        return []
    product = [h for h in plan.hires if role_kind(h) == KIND_PRODUCT]
    scientists = [h for h in plan.hires if role_kind(h) == KIND_SCIENTIST]
    if not product:
        acting = [h for h in scientists if h.seniority in SENIOR]
        if acting:
            return []  # the framework allows a senior scientist to act as PM for a while
        return [
            (
                "No product manager is planned, and no senior scientist who could act as one.",
                (),
            )
        ]
    found: list[tuple[str, tuple[str, ...]]] = []
    pm = product[0]
    pm_quarter = _quarter(pm)
    technical = [h for h in plan.hires if role_kind(h) in TECHNICAL_KINDS]
    earlier = [
        h
        for h in technical
        if pm_quarter is not None and (q := _quarter(h)) is not None and q < pm_quarter
    ]
    if earlier and pm_quarter is not None:
        names = ", ".join(f"{_name(h, plan.roles)} ({_label(h)})" for h in earlier)
        found.append(
            (
                f"The product manager is planned for {pm_quarter.label}, after {names}.",
                (pm.id, *_ids(earlier)),
            )
        )
    if pm.mode == "hire" and not pm.ml_experience:
        found.append(
            (
                "The first product manager is planned as a new hire without first-hand ML "
                "experience.",
                (pm.id,),
            )
        )
    return found


def _technical_headcount(hires: list[Hire]) -> int:
    return sum(h.headcount for h in hires if role_kind(h) in TECHNICAL_KINDS)


def _check_two_technical(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    if not plan.first_team_pending:
        return []
    count = _technical_headcount(plan.first_team)
    if count >= 2:
        return []
    technical = [h for h in plan.first_team if role_kind(h) in TECHNICAL_KINDS]
    people = "no technical member" if count == 0 else "only one technical member"
    return [(f"The first team has {people}; plan at least two.", _ids(technical))]


def _check_senior_scientist(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    if not plan.first_team_pending:
        return []
    scientists = [h for h in plan.first_team if role_kind(h) == KIND_SCIENTIST]
    if not scientists:
        return [("The first team has no ML scientist.", ())]
    if any(h.seniority in SENIOR for h in scientists):
        return []
    levels = ", ".join(sorted({h.seniority for h in scientists}))
    return [(f"The first team's scientists are all {levels}; none is senior.", _ids(scientists))]


def _check_data_engineering(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    if not plan.first_team_pending:
        return []
    scientists = [h for h in plan.first_team if role_kind(h) == KIND_SCIENTIST]
    if not scientists or any(h.data_engineering for h in scientists):
        return []
    first_scientist = _quarter(scientists[0])
    data_engineers = [
        h
        for h in plan.hires
        if role_kind(h) == KIND_DATA_ENGINEER
        and (first_scientist is None or ((q := _quarter(h)) is not None and q <= first_scientist))
    ]
    if data_engineers:
        return []
    return [
        (
            "No scientist in the first team can take on data engineering, and no data "
            "engineer joins by then.",
            _ids(scientists),
        )
    ]


def _check_generalists_early(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    """Specialised roles only after the first full cycle has shipped.

    The reference is the first project's target quarter: a specialist planned in that
    quarter or before it joins before the first cycle is complete. With no dated first
    project, the first team's start is the reference (a specialist in the same quarter as
    the first scientist still comes before any cycle could ship).
    """
    if not plan.first_cycle_pending or not plan.later_stage:
        return []
    first_team_start = min(
        (q for h in plan.first_team if (q := _quarter(h)) is not None), default=None
    )
    reference = plan.first_project_quarter or first_team_start
    if not plan.first_team and plan.first_project_quarter is None:
        if not plan.first_team_pending:
            return []  # the first team exists already, outside this plan: nothing to compare
        too_early = plan.later_stage  # specialists, and no first team at all
    elif reference is None:
        return []  # nothing to compare with
    else:
        too_early = [
            h for h in plan.later_stage if (q := _quarter(h)) is not None and q <= reference
        ]
    if not too_early:
        return []
    names = ", ".join(f"{_name(h, plan.roles)} ({_label(h)})" for h in too_early)
    if not plan.first_team and plan.first_project_quarter is None:
        message = f"Specialised roles are planned with no first team: {names}."
    elif plan.first_project_quarter is not None:
        title = plan.first_project_title or "the first project"
        message = (
            f"Specialised roles join before the first project ({title}, "
            f"{plan.first_project_quarter.label}) has shipped: {names}."
        )
    else:
        message = f"Specialised roles join with or before the first team: {names}."
    return [(message, _ids(too_early))]


def _check_internal_assignment(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (
            f"{_name(h, plan.roles)} is an internal assignment without ML experience: "
            "plan a mentor or training for the first ML project.",
            (h.id,),
        )
        for h in plan.hires
        if h.mode == "internal" and not h.ml_experience
    ]


def _pod_waves(plan: _Plan) -> list[tuple[str, list[Hire]]]:
    """Pod hires grouped by target quarter: each quarter's pod hires form that quarter's pods.

    The plan has no "pod" field, so a quarter is the unit: pods are spun up together, and
    the hires planned for them in one quarter are read as one wave. Undated pod hires form
    one wave of their own.
    """
    waves: dict[str, list[Hire]] = {}
    for hire in plan.hires:
        if hire.role_id in (POD_SCIENTIST, POD_ENGINEER, POD_PRODUCT):
            waves.setdefault(_label(hire), []).append(hire)
    return list(waves.items())


def _headcount(hires: list[Hire], role_id: str) -> int:
    return sum(h.headcount for h in hires if h.role_id == role_id)


def _pods(scientists: int, engineers: int) -> int:
    """How many pods a wave staffs: a couple of scientists each (at least one pod)."""
    return max(1, -(-scientists // SCIENTISTS_PER_POD), 1 if engineers else 0)


def _check_pod_product(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    found: list[tuple[str, tuple[str, ...]]] = []
    for label, wave in _pod_waves(plan):
        scientists = _headcount(wave, POD_SCIENTIST)
        engineers = _headcount(wave, POD_ENGINEER)
        if not scientists and not engineers:
            continue
        pods = _pods(scientists, engineers)
        product = _headcount(wave, POD_PRODUCT)
        if product < pods:
            has = "no product person" if product == 0 else f"{product} product people"
            found.append(
                (
                    f"Pods planned for {label} ({pods} pod{'s' if pods > 1 else ''} by their "
                    f"scientists) have {has}; every pod needs one.",
                    _ids(wave),
                )
            )
    return found


def _check_pod_balance(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    """One or two engineers per pod of a couple of scientists; neither side twice the other."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for label, wave in _pod_waves(plan):
        scientists = _headcount(wave, POD_SCIENTIST)
        engineers = _headcount(wave, POD_ENGINEER)
        if not scientists and not engineers:
            continue
        if scientists > 2 * engineers or engineers > 2 * scientists:
            found.append(
                (
                    f"Pods planned for {label} have {scientists} scientist"
                    f"{'s' if scientists != 1 else ''} and {engineers} engineer"
                    f"{'s' if engineers != 1 else ''}: balance the two.",
                    _ids([h for h in wave if h.role_id != POD_PRODUCT]),
                )
            )
    return found


def _check_advanced_leads(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    if not plan.advanced_in_view:
        return []
    planned = {h.role_id for h in plan.hires}
    missing = [
        plan.roles[role_id].name if role_id in plan.roles else role_id
        for role_id in (LEAD_ENGINEER, LEAD_PM)
        if role_id not in planned
    ]
    if not missing:
        return []
    return [
        (
            f"The plan works towards Advanced without {' or '.join(missing).lower()} "
            "across the sub-teams.",
            (),
        )
    ]


def _check_head_of_data_science(plan: _Plan) -> list[tuple[str, tuple[str, ...]]]:
    if not plan.advanced_in_view or any(h.role_id == HEAD_OF_DATA_SCIENCE for h in plan.hires):
        return []
    return [
        (
            "Consider a head of data science to keep practice consistent between sub-teams.",
            (),
        )
    ]


CHECKS: dict[str, Callable[[_Plan], list[tuple[str, tuple[str, ...]]]]] = {
    RULE_PM_FIRST: _check_pm_first,
    RULE_TWO_TECHNICAL: _check_two_technical,
    RULE_SENIOR_SCIENTIST: _check_senior_scientist,
    RULE_DATA_ENGINEERING: _check_data_engineering,
    RULE_GENERALISTS_EARLY: _check_generalists_early,
    RULE_INTERNAL_ASSIGNMENT: _check_internal_assignment,
    RULE_POD_PRODUCT: _check_pod_product,
    RULE_POD_BALANCE: _check_pod_balance,
    RULE_ADVANCED_LEADS: _check_advanced_leads,
    RULE_HEAD_OF_DATA_SCIENCE: _check_head_of_data_science,
}


def check_hiring_plan(framework: Framework, session: Session) -> list[HiringWarning]:
    """Where the session's hiring plan contradicts the framework, in content rule order.

    An empty plan gets no warnings: there is nothing yet to contradict.
    """
    if not session.hires:
        return []
    roles = {r.id: r for r in framework.roles}
    first_team_order = _stage_order(framework, FIRST_TEAM_STAGE)
    hires = _hire_order(list(session.hires))

    def stage_order(hire: Hire) -> int | None:
        role = roles.get(hire.role_id)
        return _stage_order(framework, role.stage) if role else None

    placement = place(framework, session)
    first = next((o for o in session.opportunities if o.first_project), None)
    first_quarter = (
        Quarter.parse(first.target_quarter)
        if first is not None and is_quarter(first.target_quarter)
        else None
    )
    working_order = _stage_order(framework, placement.working_on)
    aim_order = max(working_order, _stage_order(framework, session.target_stage))
    plan = _Plan(
        hires=hires,
        roles=roles,
        first_team=[
            h for h in hires if (o := stage_order(h)) is not None and o <= first_team_order
        ],
        later_stage=[
            h for h in hires if (o := stage_order(h)) is not None and o > first_team_order
        ],
        first_team_pending=FIRST_TEAM_STAGE not in placement.reached,
        first_cycle_pending=FIRST_CYCLE_STAGE not in placement.reached,
        first_project_quarter=first_quarter,
        first_project_title=first.title if first is not None else "",
        advanced_in_view=aim_order >= _stage_order(framework, ADVANCED_STAGE) > 0,
    )
    warnings: list[HiringWarning] = []
    for rule in _live_rules(framework):
        check = CHECKS.get(rule.id)
        if check is None:
            continue  # advice the room discusses; nothing in the plan's data to check
        for message, hire_ids in check(plan):
            warnings.append(
                HiringWarning(
                    rule_id=rule.id,
                    rule_title=rule.title,
                    message=message,
                    reason=rule.reason,
                    hire_ids=hire_ids,
                    advisory=rule.advisory,
                )
            )
    return warnings


def _live_rules(framework: Framework) -> list[HiringRule]:
    return [r for r in framework.hiring_rules if not r.retired]


def live_rule_count(framework: Framework) -> int:
    """How many of the content's hiring rules the plan is checked against (for the report)."""
    return sum(1 for r in _live_rules(framework) if r.id in CHECKS)


def recommended_hire(role: Role, hire_id: str, title: str = "") -> Hire:
    """A hire of ``role`` as the framework recommends it (the content's ``recommended``).

    Adding a role from the catalogue uses this, so adding exactly what the framework
    recommends (a PM with ML experience, a senior scientist able to do data engineering)
    raises no warning about that hire.
    """
    return Hire(
        id=hire_id,
        role_id=role.id,
        title=title,
        mode=role.recommended_mode,
        seniority=role.recommended_seniority,
        ml_experience=role.recommended_ml_experience,
        data_engineering=role.recommended_data_engineering,
    )


# --- headcount ----------------------------------------------------------------------------


def headcount_by_quarter(session: Session) -> HeadcountTimeline:
    """Headcount added per quarter and running total, from the first to the last planned one."""
    dated = [(q, h) for h in session.hires if (q := _quarter(h)) is not None]
    undated = [h for h in session.hires if _quarter(h) is None]
    quarters: list[QuarterHeadcount] = []
    if dated:
        first = min(q for q, _ in dated)
        last = max(q for q, _ in dated)
        total = 0
        current = first
        while current <= last:
            joining = [h for q, h in dated if q == current]
            new_hires = sum(h.headcount for h in joining if h.mode != "internal")
            internal = sum(h.headcount for h in joining if h.mode == "internal")
            total += new_hires + internal
            quarters.append(
                QuarterHeadcount(
                    quarter=str(current),
                    label=current.label,
                    new_hires=new_hires,
                    internal=internal,
                    total=total,
                    hire_ids=_ids(joining),
                )
            )
            current = current.plus(1)
    return HeadcountTimeline(
        quarters=tuple(quarters),
        unscheduled=sum(h.headcount for h in undated),
        unscheduled_hire_ids=_ids(undated),
    )
