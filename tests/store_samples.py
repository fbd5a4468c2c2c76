"""Hand-made sessions for the store and portable-file tests: every collection filled,
with the kinds of text that break naive code (accents, emoji, right-to-left, markup)."""

from __future__ import annotations

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

HOSTILE = "Zoë <b>&amp;</b> \"quoted\" 'single' 🚀 שלום مرحبا Ωμέγα Привет\nsecond line"


def full_session(
    organisation: str = "Société Générale des Données", **overrides: object
) -> Session:
    session = Session(
        organisation=organisation,
        title="Leadership workshop",
        workshop_date=date(2027, 3, 15),
        facilitator="Ana Ruiz",
        sponsor="Jo Park",
        sponsor_role="CEO",
        target_stage="exploring",
        agenda_preset="full_day",
        statement_set="extended",
        executive_summary="A" * 5000,
        recommendations=HOSTILE,
        follows_up="5e0c9b8e-0000-4000-8000-000000000001",
        baseline_date=date(2026, 9, 1),
        content_version="2027.1",
        created_at=datetime(2027, 3, 1, 9, 30, tzinfo=UTC),
        updated_at=datetime(2027, 3, 2, 10, 0, tzinfo=UTC),
        participants=[
            Participant(id="p1", name="Jo Park", role="CEO"),
            Participant(id="p2", name=HOSTILE, role="CTO"),
            Participant(id="p3", name="Sam", role="VP Product"),
        ],
        interviews=[
            Interview(
                id="i1",
                person="Kim",
                function="support",
                interview_date=date(2027, 2, 1),
                pains="Tickets",
                private=True,
            ),
            Interview(id="i2", person="Lee", function="sales"),
        ],
        agenda=[
            AgendaSection(
                id="s1",
                title="Opening",
                page_ids=("overview", "interviews"),
                planned_minutes=20,
                actual_seconds=1300,
            ),
            AgendaSection(id="s2", title="Maturity", page_ids=(), planned_minutes=45),
        ],
        answers=[
            Answer(id="q_customers", text=HOSTILE, status="discussed"),
            Answer(id="q_pains", text="", status="skipped"),
        ],
        ratings=[
            Rating(id="st_product_1", score=3),
            Rating(id="st_process_1", counts=(0, 2, 3, 1, 0)),
        ],
        opportunities=[
            Opportunity(
                id="o1",
                title="Churn model",
                value=5,
                cost=2,
                confidence=4,
                data_readiness="partial",
                votes=7,
                target_quarter="2027-Q3",
                first_project=True,
                success_measure="-10% churn",
            ),
            Opportunity(id="o2", title="Pricing", value=2, cost=5),
        ],
        audit=[
            DataAuditItem(
                id="d1",
                opportunity_id="o1",
                data_needed="Usage logs",
                source="Warehouse",
                status="partial",
                how_to_collect="Export",
                owner="Kim",
                target_quarter="2027-Q2",
                blocks_start=True,
            ),
        ],
        hires=[
            Hire(
                id="h1",
                role_id="pm_ml",
                title="ML PM",
                mode="internal",
                seniority="senior",
                headcount=1,
                target_quarter="2027-Q2",
                ml_experience=True,
            ),
            Hire(
                id="h2",
                role_id="ml_scientist",
                title="Scientist",
                headcount=2,
                data_engineering=True,
                notes="Senior if possible",
            ),
        ],
        decisions=[
            Decision(
                id="c1",
                topic_id="tech_stack",
                option_id="python",
                rationale="Team knows it",
                owner="CTO",
                target_quarter="2027-Q2",
                status="decided",
            ),
        ],
        actions=[
            Action(
                id="a1",
                text="Book the data audit",
                owner="Kim",
                due=date(2027, 4, 1),
                status="in_progress",
                kind="action",
                stage="getting_started",
                source_page="audit",
                carried_from="old-a7",
            ),
            Action(id="a2", text="Cloud budget?", kind="parking", private=True),
        ],
        pages=[
            PageRecord(id="overview", status="done", note="private: CEO is sceptical"),
        ],
        baseline_ratings=[
            Rating(id="st_product_1", score=1),
            Rating(id="st_process_1", counts=(1, 1, 0, 0, 0)),
        ],
    )
    for name, value in overrides.items():
        setattr(session, name, value)
    return session
