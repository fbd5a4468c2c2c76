"""The demo workshop: a realistic, fictional company's session that fills every part of it.

Nordvik Ledger is an invented mid-size B2B SaaS company selling accounts-payable automation.
Its leadership team has run a half-day workshop: the demo holds what the room said, how it
rated the maturity statements, the opportunities it ranked, the data audit, a hiring plan,
decisions, actions and the facilitator's summary. The app opens it from the library, the
command line creates it with ``workshop demo``, and the tests and benchmarks use it.

Everything is deterministic: ids come from :func:`uuid.uuid5` and dates are fixed, so the demo
built twice is equal and ``workshop demo`` refreshes the same session instead of adding one.
Content ids (questions, statements, roles, decision topics, pages) are taken from the
framework passed in, and an id the content does not have fails loudly here rather than
producing a demo the app cannot show.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from workshop.domain.session import (
    Action,
    AgendaSection,
    Answer,
    DataAuditItem,
    Decision,
    Hire,
    Interview,
    Opportunity,
    PageRecord,
    Participant,
    Rating,
    Session,
)
from workshop.framework.model import Framework

# Fixed namespace for the demo's ids: the same demo always has the same session id.
DEMO_NAMESPACE = uuid.UUID("6f1d7c1e-3b8a-5a4e-9c2d-4e7f0b5a9d31")
DEMO_SESSION_ID = str(uuid.uuid5(DEMO_NAMESPACE, "session"))
DEMO_DATE = date(2026, 11, 12)
DEMO_PRESET = "half_day"
# The stages whose core statements the room rated in the demo.
RATED_STAGES = ("getting_started", "exploring", "building")


def _id(kind: str, key: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}/{key}"))


# --- What the room said ----------------------------------------------------------------

_PARTICIPANTS = (
    ("ingrid", "Ingrid Halvorsen", "Chief Executive Officer"),
    ("tomas", "Tomás Echeverría", "Chief Technology Officer"),
    ("wang", "Ελένη Παπαδοπούλου", "VP Product"),
    ("layla", "ليلى حداد", "Head of Customer Success"),
    ("marcus", "Marcus Bell", "VP Sales"),
    ("priya", "Priya Raman", "Head of Support"),
    ("jonas", "Jonas Weber", "Head of Data & BI"),
)

_INTERVIEWS = (
    (
        "product",
        "Aleksander Nowak, senior product manager",
        "product",
        date(2026, 10, 20),
        "Invoice capture still needs manual correction on one invoice in five; customers "
        "say the 'smart' fields are not smart. Coding suggestions are the top request on "
        "the ideas board, and we delete bank-feed data after 90 days.",
        False,
    ),
    (
        "customer_success",
        "Layla's CSM team (group session)",
        "customer_success",
        date(2026, 10, 22),
        "Accounts that churn never switched on approval workflows. Finance controllers ask "
        "us every month-end for a cash-out forecast we build by hand in spreadsheets.",
        False,
    ),
    (
        "support",
        "Priya Raman and two tier-2 agents",
        "support",
        date(2026, 10, 23),
        "30% of tickets are 'why was this invoice flagged / not flagged as a duplicate'. "
        "Routing tickets by hand costs about two hours a day.",
        False,
    ),
    (
        "sales",
        "Marcus Bell and the enterprise team",
        "sales",
        date(2026, 10, 27),
        "We lost three enterprise deals this year to vendors demoing 'AI coding'. "
        "Procurement, the CFO and IT security all sit in the decision; IT asks where the "
        "data goes.",
        False,
    ),
    (
        "client",
        "Controller at a logistics customer (Fjordline Freight, fictional)",
        "client",
        date(2026, 10, 29),
        "'I spend Monday mornings chasing approvers and Friday afternoons guessing what "
        "we will pay next week.' Would pay for early warning on duplicate or unusual "
        "invoices.",
        False,
    ),
    (
        "private",
        "Tomás Echeverría (one-to-one)",
        "other",
        date(2026, 10, 30),
        "Worried the board expects a chatbot; privately thinks the team is not ready to "
        "hire before the data clean-up. Handle gently in the room.",
        True,
    ),
)

_ANSWERS: dict[str, tuple[str, str]] = {
    "q_business_processes": (
        "Receiving and capturing supplier invoices; coding them to the general ledger; "
        "routing for approval; scheduling payments; month-end accruals and reporting.",
        "discussed",
    ),
    "q_customers": (
        "Buyers: CFOs and finance directors of 200-2,000 employee companies.\n"
        "Daily users: AP clerks and approvers in operations.\n"
        "Readers: controllers and auditors who rely on the reports.",
        "discussed",
    ),
    "q_pain_points": (
        "Correcting captured fields by hand; chasing approvers; month-end cash questions "
        "answered from spreadsheets; fear of paying the same invoice twice.",
        "discussed",
    ),
    "q_insights": (
        "What will we pay in the next 2-6 weeks? Which suppliers behave unusually? Where "
        "do approvals get stuck? Only we see payment behaviour across 1,400 customers.",
        "discussed",
    ),
    "q_friction": (
        "Field corrections after capture (1 in 5 invoices); approvals stuck with "
        "travelling managers; exporting to Excel for forecasts.",
        "discussed",
    ),
    "q_automation": (
        "Suggest GL codes and approvers; detect duplicates before payment; route support "
        "tickets. Clerks move from keying to reviewing exceptions.",
        "open",
    ),
    "q_data_decisions": (
        "Controllers yes (cash and accruals); AP clerks mostly follow rules. Parked for "
        "the follow-up: ask three customers how they decide payment runs.",
        "skipped",
    ),
}

# Go-to-market items are answered on their page too (answers are keyed by content id).
_GTM_ANSWERS: dict[str, tuple[str, str]] = {
    "gtm_validate_market": (
        "Form an advisory board of six customers (two per segment) before the duplicate-"
        "detection beta.",
        "discussed",
    ),
    "gtm_buyer_personas": (
        "Personas for the CFO (return), the AP lead (daily use) and IT security (where "
        "data goes). Marcus drafts, Ελένη reviews.",
        "discussed",
    ),
}

# Ratings: a room score (int), or an anonymous show of hands as counts of 0s..4s.
_RATINGS: dict[str, int | tuple[int, int, int, int, int]] = {
    "st_gs_prod_1": (0, 0, 2, 4, 1),
    "st_gs_prod_2": 3,
    "st_gs_proc_1": 3,
    "st_gs_tech_1": (0, 1, 2, 3, 1),  # the room is split on how good the data is
    "st_gs_org_1": 4,
    "st_gs_org_2": (1, 2, 3, 1, 0),
    "st_exp_prod_1": 1,
    "st_exp_prod_2": (0, 1, 2, 3, 1),
    "st_exp_proc_1": 2,
    "st_exp_tech_1": (2, 0, 1, 0, 4),  # CTO's team has cloud, finance says approvals block it
    "st_exp_org_1": 0,
    "st_exp_org_2": 1,
    "st_bld_prod_1": 1,
    "st_bld_prod_2": (3, 3, 1, 0, 0),
    "st_bld_proc_1": 1,
    "st_bld_tech_1": 0,
    "st_bld_org_1": 0,
}
_DEFAULT_SCORE = {"getting_started": 3, "exploring": 1, "building": 0}

# (key, title, description, value, cost, confidence, readiness, votes, quarter, first, measure)
_OPPORTUNITIES = (
    (
        "duplicates",
        "Duplicate invoice detection",
        "Flag likely duplicates before a payment run, with the reason shown to the clerk.",
        4,
        2,
        4,
        "ready",
        9,
        "2027-Q2",
        True,
        "Catch 90% of duplicate invoices before payment in the pilot group, and halve "
        "duplicate-payment write-offs by the end of 2027-Q3.",
    ),
    (
        "gl_coding",
        "GL code suggestions",
        "Suggest the general-ledger code for each invoice line from past coding.",
        5,
        3,
        3,
        "partial",
        8,
        "2027-Q3",
        False,
        "",
    ),
    (
        "cash_forecast",
        "Cash-out forecast",
        "Predict what will be paid in the next six weeks from invoices, approvals and terms.",
        5,
        4,
        2,
        "missing",
        7,
        "2028-Q1",
        False,
        "",
    ),
    (
        "capture",
        "Smarter invoice capture",
        "Learn from clerks' corrections so captured fields need fewer fixes.",
        4,
        4,
        3,
        "partial",
        5,
        "",
        False,
        "",
    ),
    (
        "approver",
        "Approver suggestions and nudges",
        "Suggest the right approver and nudge at the moment they usually respond.",
        3,
        2,
        3,
        "ready",
        4,
        "2027-Q4",
        False,
        "",
    ),
    (
        "ticket_routing",
        "Support ticket routing",
        "Route incoming tickets to the right queue automatically (internal).",
        2,
        1,
        4,
        "ready",
        3,
        "2027-Q3",
        False,
        "",
    ),
    (
        "churn",
        "Churn-risk signals for customer success",
        "Score accounts on adoption signals so CSMs act before renewal.",
        3,
        2,
        2,
        "partial",
        2,
        "",
        False,
        "",
    ),
    (
        "anomalies",
        "Unusual supplier behaviour alerts",
        "Warn when a supplier's bank details, amounts or timing change unusually.",
        4,
        5,
        2,
        "missing",
        6,
        "",
        False,
        "",
    ),
    (
        "assistant",
        "Spend questions in plain language",
        "Let controllers ask questions about spend in everyday words.",
        2,
        5,
        1,
        "unknown",
        1,
        "",
        False,
        "",
    ),
)

# (key, opportunity key, data needed, source, status, how to collect, owner, quarter, blocks)
_AUDIT = (
    (
        "dup_history",
        "duplicates",
        "Three years of invoices with payment outcomes",
        "Core AP database",
        "available",
        "",
        "Jonas Weber",
        "",
        False,
    ),
    (
        "dup_labels",
        "duplicates",
        "Confirmed duplicate cases as labels",
        "Support tickets and credit notes",
        "partial",
        "Tag duplicate tickets in the helpdesk from December",
        "Priya Raman",
        "2027-Q1",
        False,
    ),
    (
        "gl_lines",
        "gl_coding",
        "Line-level GL coding history per customer",
        "Core AP database",
        "partial",
        "Stop overwriting coding history on edit; keep every version",
        "Tomás Echeverría",
        "2027-Q1",
        True,
    ),
    (
        "bank_feeds",
        "cash_forecast",
        "Bank-feed payment dates older than 90 days",
        "Bank connector",
        "missing",
        "Change retention from 90 days to 3 years (needs DPA update)",
        "Jonas Weber",
        "2027-Q2",
        True,
    ),
    (
        "corrections",
        "capture",
        "Clerks' field corrections after capture",
        "Capture service logs",
        "partial",
        "Log corrections as structured events",
        "Tomás Echeverría",
        "2027-Q2",
        False,
    ),
    (
        "supplier_master",
        "anomalies",
        "Supplier bank-detail change history",
        "Supplier master data",
        "missing",
        "Add an audit trail to supplier records",
        "Tomás Echeverría",
        "2027-Q3",
        True,
    ),
    (
        "consent",
        "",
        "Customer consent to use pooled data for models",
        "Contracts",
        "unknown",
        "Legal review of the standard terms",
        "Ingrid Halvorsen",
        "2027-Q1",
        False,
    ),
)

# (key, role id, mode, seniority, headcount, quarter, ml experience, data eng., notes)
_HIRES = (
    (
        "pm",
        "role_pm_ml",
        "internal",
        "senior",
        1,
        "2027-Q1",
        True,
        False,
        "Aleksander Nowak moves from invoice capture; shipped a recommender before joining. "
        "External mentor for the first project.",
    ),
    (
        "scientist",
        "role_ml_scientist",
        "hire",
        "senior",
        1,
        "2027-Q1",
        False,
        True,
        "Most senior we can attract; must be happy to build pipelines until Q3.",
    ),
    (
        "engineer",
        "role_ml_engineer",
        "hire",
        "mid",
        1,
        "2027-Q2",
        False,
        False,
        "Generalist; experience putting models behind an API.",
    ),
    (
        "data_engineer",
        "role_data_engineer",
        "hire",
        "mid",
        1,
        "2027-Q3",
        False,
        True,
        "Owns bank-feed and coding-history pipelines.",
    ),
    (
        "scientists",
        "role_data_scientist",
        "hire",
        "mid",
        2,
        "2027-Q4",
        False,
        False,
        "For GL coding and the cash forecast.",
    ),
    ("qa", "role_qa_engineer", "hire", "mid", 1, "2028-Q1", False, False, ""),
    (
        "architect",
        "role_ml_architect",
        "hire",
        "senior",
        1,
        "",
        False,
        False,
        "Revisit once three models are in production.",
    ),
)

# (key, topic id, option id, rationale, owner, quarter, status)
_DECISIONS = (
    (
        "compute",
        "dec_first_project_compute",
        "opt_compute_cloud",
        "We already run on one cloud; the team gets its own account with a monthly budget.",
        "Tomás Echeverría",
        "2027-Q1",
        "decided",
    ),
    (
        "process",
        "dec_delivery_process",
        "opt_process_kanban",
        "One project at a time for the first year; no sprint planning for experiments.",
        "Ελένη Παπαδοπούλου",
        "2027-Q2",
        "decided",
    ),
    (
        "language",
        "dec_language",
        "opt_language_python",
        "Our backend and the BI team already use Python.",
        "Tomás Echeverría",
        "2027-Q1",
        "decided",
    ),
    (
        "ml_framework",
        "dec_ml_framework",
        "opt_framework_pytorch",
        "Easier to hire for; the scientist will confirm.",
        "Tomás Echeverría",
        "2027-Q2",
        "decided",
    ),
    (
        "cloud",
        "dec_cloud_provider",
        "opt_cloud_current",
        "Security review and contracts are in place; data stays in the EU region.",
        "Tomás Echeverría",
        "2027-Q1",
        "decided",
    ),
    (
        "deployment",
        "dec_deployment",
        "opt_deploy_batch",
        "Duplicate checks run before payment runs; batch is enough for the first project.",
        "Tomás Echeverría",
        "2027-Q2",
        "decided",
    ),
    (
        "etl",
        "dec_etl",
        "",
        "Decide once the data engineer joins.",
        "Jonas Weber",
        "2027-Q3",
        "open",
    ),
    (
        "org_model",
        "dec_org_model",
        "opt_org_hybrid",
        "When a second team forms, embed it with its product line and keep reporting to the CTO.",
        "Ingrid Halvorsen",
        "2028-Q2",
        "decided",
    ),
)

# (key, text, owner, due, status, kind, stage, source page, private)
_ACTIONS = (
    (
        "audit_labels",
        "Start tagging duplicate-invoice tickets in the helpdesk",
        "Priya Raman",
        date(2026, 12, 1),
        "in_progress",
        "action",
        "getting_started",
        "page_audit",
        False,
    ),
    (
        "pm_assign",
        "Confirm Aleksander Nowak's move to ML product lead and find a mentor",
        "Ελένη Παπαδοπούλου",
        date(2026, 12, 15),
        "open",
        "action",
        "exploring",
        "page_hiring",
        False,
    ),
    (
        "scientist_brief",
        "Write the senior scientist job description and brief recruiters",
        "Tomás Echeverría",
        date(2027, 1, 15),
        "open",
        "action",
        "exploring",
        "page_hiring",
        False,
    ),
    (
        "retention",
        "Extend bank-feed retention to three years, with the DPA update",
        "Jonas Weber",
        date(2027, 3, 31),
        "open",
        "action",
        "getting_started",
        "page_audit",
        False,
    ),
    (
        "sponsor_budget",
        "Put the ML budget on the January board agenda",
        "Ingrid Halvorsen",
        date(2027, 1, 20),
        "open",
        "decision",
        "getting_started",
        "page_placement",
        False,
    ),
    (
        "advisory",
        "Invite six customers to an advisory board",
        "Marcus Bell",
        date(2027, 2, 28),
        "open",
        "action",
        "building",
        "page_go_to_market",
        False,
    ),
    (
        "briefing",
        "Brief product, engineering, marketing and customer success on the plan",
        "Ingrid Halvorsen",
        date(2026, 11, 30),
        "done",
        "action",
        "exploring",
        "page_actions",
        False,
    ),
    (
        "park_chatbot",
        "Board interest in a spend chatbot: revisit at the follow-up",
        "",
        None,
        "open",
        "parking",
        "",
        "page_matrix",
        False,
    ),
    (
        "park_pricing",
        "How to price ML features (add-on or in the plan?)",
        "Marcus Bell",
        None,
        "open",
        "parking",
        "building",
        "page_go_to_market",
        False,
    ),
    (
        "private_cto",
        "Check in with Tomás one-to-one about hiring before data clean-up",
        "Dana Whitfield",
        date(2026, 11, 19),
        "open",
        "action",
        "",
        "page_hiring",
        True,
    ),
)

# Page progress and the facilitator's private notes: (page id, status, note).
_PAGE_NOTES = {
    "page_overview": ("done", ""),
    "page_interviews": ("done", ""),
    "page_placement": (
        "done",
        "Data audit score split the room: Jonas 1, Tomás 4. Follow up before the summary.",
    ),
    "page_matrix": (
        "done",
        "Marcus pushed the chatbot hard; parked it. Keep an eye on him during Q&A.",
    ),
    "page_audit": ("in_progress", ""),
    "page_hiring": ("in_progress", ""),
}
# Seconds actually spent per agenda section, for the sections already run.
_ACTUAL_SECONDS = (17 * 60 + 20, 52 * 60 + 5, 33 * 60 + 40, 44 * 60 + 10)

_SUMMARY = (
    "Nordvik Ledger has done the Getting Started work well: a sponsor, a ranked list of "
    "opportunities and a first look at the data. It has not yet formed an ML team, so it "
    "stands at the start of Exploring. The room agreed that duplicate invoice detection is "
    "the right first project: valuable to every customer, cheap to build and backed by data "
    "we already hold. The larger prizes (GL coding and the cash-out forecast) depend on "
    "coding history and bank-feed data we do not keep today."
)
_RECOMMENDATIONS = (
    "1. Form the first team in Q1 2027: an internal product lead with ML experience and the "
    "most senior scientist we can attract, then an ML engineer in Q2.\n"
    "2. Ship duplicate detection to a pilot group by the end of Q2 2027 and report its return "
    "to the board.\n"
    "3. Fix the data gaps now: keep coding history and extend bank-feed retention, so GL "
    "coding and forecasting can start in the second half of 2027.\n"
    "4. Start the advisory board and buyer personas before the first ML feature is sold."
)


# --- Building the session ----------------------------------------------------------------


def build_demo(framework: Framework) -> Session:
    """The demo workshop, built from ``framework``'s content ids."""
    preset = framework.preset(DEMO_PRESET)
    opportunity_ids = {key: _id("opportunity", key) for key, *_ in _OPPORTUNITIES}
    created = datetime(2026, 11, 12, 8, 30, tzinfo=UTC)

    session = Session(
        id=DEMO_SESSION_ID,
        organisation="Nordvik Ledger",
        title="ML team strategy workshop",
        workshop_date=DEMO_DATE,
        facilitator="Dana Whitfield",
        sponsor="Ingrid Halvorsen",
        sponsor_role="Chief Executive Officer",
        target_stage="building",
        agenda_preset=preset.id,
        statement_set=preset.statement_set,
        executive_summary=_SUMMARY,
        recommendations=_RECOMMENDATIONS,
        content_version=framework.version,
        created_at=created,
        updated_at=datetime(2026, 11, 12, 12, 5, tzinfo=UTC),
    )

    session.participants = [
        Participant(id=_id("participant", key), name=name, role=role)
        for key, name, role in _PARTICIPANTS
    ]
    session.interviews = [
        Interview(
            id=_id("interview", key),
            person=person,
            function=function,
            interview_date=day,
            pains=pains,
            private=private,
        )
        for key, person, function, day, pains, private in _INTERVIEWS
    ]
    session.agenda = [
        AgendaSection(
            id=_id("agenda", section.id),
            title=section.title,
            page_ids=section.pages,
            planned_minutes=section.minutes,
            actual_seconds=_ACTUAL_SECONDS[index] if index < len(_ACTUAL_SECONDS) else 0,
        )
        for index, section in enumerate(preset.sections)
    ]

    answered = {**_ANSWERS, **_GTM_ANSWERS}
    known = {q.id for q in framework.questions} | {g.id for g in framework.go_to_market}
    missing = sorted(set(answered) - known)
    if missing:
        raise ValueError(f"demo answers refer to unknown content: {', '.join(missing)}")
    session.answers = [
        Answer(id=content_id, text=text, status=status)
        for content_id, (text, status) in answered.items()
    ]

    session.ratings = []
    for stage_id in RATED_STAGES:
        for statement in framework.statements_for(stage_id):
            chosen = _RATINGS.get(statement.id, _DEFAULT_SCORE[stage_id])
            if isinstance(chosen, tuple):
                session.ratings.append(Rating(id=statement.id, counts=chosen))
            else:
                session.ratings.append(Rating(id=statement.id, score=chosen))

    session.opportunities = [
        Opportunity(
            id=opportunity_ids[key],
            title=title,
            description=description,
            value=value,
            cost=cost,
            confidence=confidence,
            data_readiness=readiness,
            votes=votes,
            target_quarter=quarter,
            first_project=first,
            success_measure=measure,
        )
        for (
            key,
            title,
            description,
            value,
            cost,
            confidence,
            readiness,
            votes,
            quarter,
            first,
            measure,
        ) in _OPPORTUNITIES
    ]
    session.audit = [
        DataAuditItem(
            id=_id("audit", key),
            opportunity_id=opportunity_ids[opportunity] if opportunity else "",
            data_needed=needed,
            source=source,
            status=status,
            how_to_collect=how,
            owner=owner,
            target_quarter=quarter,
            blocks_start=blocks,
        )
        for key, opportunity, needed, source, status, how, owner, quarter, blocks in _AUDIT
    ]
    session.hires = [
        Hire(
            id=_id("hire", key),
            role_id=role_id,
            title=framework.role(role_id).name,
            mode=mode,
            seniority=seniority,
            headcount=headcount,
            target_quarter=quarter,
            ml_experience=ml_experience,
            data_engineering=data_engineering,
            notes=notes,
        )
        for (
            key,
            role_id,
            mode,
            seniority,
            headcount,
            quarter,
            ml_experience,
            data_engineering,
            notes,
        ) in _HIRES
    ]
    session.decisions = []
    for key, topic_id, option_id, rationale, owner, quarter, status in _DECISIONS:
        topic = framework.decision(topic_id)
        if option_id and topic.option(option_id) is None:
            raise ValueError(f"demo decision {key!r}: {topic_id} has no option {option_id!r}")
        session.decisions.append(
            Decision(
                id=_id("decision", key),
                topic_id=topic_id,
                option_id=option_id,
                rationale=rationale,
                owner=owner,
                target_quarter=quarter,
                status=status,
            )
        )
    page_ids = {page.id for page in framework.pages}
    session.actions = []
    for key, text, owner, due, status, kind, stage, page_id, private in _ACTIONS:
        if page_id not in page_ids:
            raise ValueError(f"demo action {key!r}: unknown page {page_id!r}")
        session.actions.append(
            Action(
                id=_id("action", key),
                text=text,
                owner=owner,
                due=due,
                status=status,
                kind=kind,
                stage=stage,
                source_page=page_id,
                private=private,
            )
        )
    unknown_pages = sorted(set(_PAGE_NOTES) - page_ids)
    if unknown_pages:
        raise ValueError(f"demo page records refer to unknown pages: {', '.join(unknown_pages)}")
    session.pages = [
        PageRecord(id=page_id, status=status, note=note)
        for page_id, (status, note) in _PAGE_NOTES.items()
    ]
    # A first workshop: no previous session, so no baseline ratings.
    session.baseline_ratings = []
    return session
