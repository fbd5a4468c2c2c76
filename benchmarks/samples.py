"""Sessions for testing and benchmarking the report: a hostile one and a large one.

Test-only code: kept out of the installed package (tests import it from the repository root).

Both are deterministic (fixed ids, dates and texts), so two exports can be compared byte
for byte. They use the content's ids, so they stay valid as the content grows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from workshop.domain.session import (
    Action,
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

# Markers that must never reach the PDF (tests search for them).
PRIVATE_MARKERS = (
    "PRIVATE-NOTE-7f3a",
    "PRIVATE-INTERVIEW-91c2",
    "PRIVATE-ACTION-5d0e",
)

LONG_WORD = "Donaudampfschifffahrt" * 9 + "Kapitänsmützenhalter"[:11]  # 200 characters
assert len(LONG_WORD) == 200

# Right-to-left paragraphs long enough to wrap: their first words must open the first line,
# at its right-hand end.
HEBREW_PARAGRAPH = (
    "הצוות הסכים שהפרויקט הראשון צריך להיות קטן, מדיד וגמור בתוך רבעון אחד. "
    "הנתונים כבר נמצאים במחסן, ויש נותנת חסות שמשתמשת בתוצאות בכל שבוע. "
    "לפני שמגייסים מדען נתונים נוסף, נמנה מנהלת מוצר שתחליט מה בונים קודם ומה נדחה. "
    "בסוף כל רבעון נבדוק יחד אם הזמן עד להחלטה אכן התקצר בחצי."
)
ARABIC_PARAGRAPH = (
    "اتفق الفريق على أن يكون المشروع الأول صغيرا وقابلا للقياس وأن ينتهي خلال ربع واحد. "
    "البيانات موجودة بالفعل في المستودع، ولدينا راعية تستخدم النتائج كل أسبوع. "
    "قبل توظيف عالم بيانات آخر، سنعين مديرة منتج تقرر ما نبنيه أولا وما نؤجله."
)

_WORDS = [
    "churn",
    "forecast",
    "pricing",
    "signals",
    "support",
    "tickets",
    "onboarding",
    "fraud",
    "review",
    "routing",
    "demand",
    "inventory",
    "renewals",
    "upsell",
    "search",
    "ranking",
    "invoices",
    "anomalies",
    "cohort",
    "retention",
    "sensors",
    "quality",
    "scheduling",
    "recommendations",
    "triage",
    "claims",
]

_FIXED_TIME = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _id(prefix: str, n: int) -> str:
    return f"{prefix}-{n:04d}"


def _sentence(n: int, words: int = 12) -> str:
    picked = [_WORDS[(n * 7 + k * 3) % len(_WORDS)] for k in range(words)]
    return (" ".join(picked)).capitalize() + "."


def _quarter(n: int, start_year: int = 2026) -> str:
    index = n % 8
    return f"{start_year + (index + 1) // 4}-Q{(index + 1) % 4 + 1}"


def _ratings(framework: Framework, extended: bool) -> list[Rating]:
    ratings = []
    for n, statement in enumerate(s for s in framework.statements if not s.retired):
        if not extended and not statement.core:
            continue
        stage_order = framework.stage(statement.stage).order
        base = max(0, 4 - stage_order)  # earlier stages score higher
        if n % 3 == 0:  # an anonymous show of hands, sometimes split
            counts = [0, 0, 0, 0, 0]
            counts[base] += 3
            counts[min(4, base + 2) if n % 2 else max(0, base - 2)] += 2
            ratings.append(Rating(id=statement.id, counts=tuple(counts)))  # type: ignore[arg-type]
        else:
            ratings.append(Rating(id=statement.id, score=base))
    return ratings


def _base(framework: Framework, **fields: object) -> Session:
    session = Session(
        id="00000000-0000-4000-8000-000000000001",
        workshop_date=date(2026, 3, 2),
        content_version=framework.version,
        created_at=_FIXED_TIME,
        updated_at=_FIXED_TIME,
        target_stage="building",
    )
    for name, value in fields.items():
        setattr(session, name, value)
    return session


def large_session(framework: Framework) -> Session:
    """300 opportunities, 40 hires, 60 actions, every statement rated: a big real workshop."""
    roles = [r for r in framework.roles if not r.retired]
    topics = [t for t in framework.decisions if not t.retired]
    session = _base(
        framework,
        organisation="Northwind Logistics",
        title="Leadership workshop on machine learning",
        facilitator="Alex Morgan",
        sponsor="Jordan Lee",
        sponsor_role="Chief Executive Officer",
        statement_set="extended",
        executive_summary="\n".join(_sentence(n, 30) for n in range(6)),
        recommendations="\n".join(_sentence(n + 50, 24) for n in range(5)),
    )
    session.participants = [
        Participant(id=_id("p", n), name=f"Participant {n + 1}", role=_WORDS[n].capitalize())
        for n in range(12)
    ]
    session.interviews = [
        Interview(
            id=_id("i", n),
            person=f"Interviewee {n + 1}",
            function=("product", "sales", "support", "client")[n % 4],
            pains="\n".join(_sentence(n * 5 + k, 20) for k in range(3)),
        )
        for n in range(10)
    ]
    session.answers = [
        Answer(
            id=q.id, text="\n".join(_sentence(n * 3 + k, 25) for k in range(3)), status="discussed"
        )
        for n, q in enumerate(q for q in framework.questions if not q.retired)
    ]
    session.ratings = _ratings(framework, extended=True)
    session.opportunities = [
        Opportunity(
            id=_id("o", n),
            title=f"{_WORDS[n % len(_WORDS)].capitalize()} {_WORDS[(n * 5 + 1) % len(_WORDS)]} "
            f"model {n + 1}",
            description=_sentence(n, 18),
            value=1 + n % 5,
            cost=1 + (n * 3) % 5,
            confidence=1 + (n * 2) % 5,
            data_readiness=("ready", "partial", "missing", "unknown")[n % 4],
            votes=n % 7,
            target_quarter=_quarter(n) if n % 3 else "",
            first_project=n == 4,
            success_measure="Cut the time to a decision by half within one quarter."
            if n == 4
            else "",
        )
        for n in range(300)
    ]
    session.audit = [
        DataAuditItem(
            id=_id("a", n),
            opportunity_id=_id("o", n * 7),
            data_needed=f"{_WORDS[n % len(_WORDS)].capitalize()} history",
            source="Warehouse",
            status=("available", "partial", "missing", "unknown")[n % 4],
            how_to_collect=_sentence(n, 10),
            owner=f"Participant {n % 12 + 1}",
            target_quarter=_quarter(n),
            blocks_start=n % 5 == 0,
        )
        for n in range(40)
    ]
    session.hires = [
        Hire(
            id=_id("h", n),
            role_id=roles[n % len(roles)].id,
            mode="internal" if n % 6 == 0 else "hire",
            seniority=("junior", "mid", "senior", "lead")[n % 4],
            headcount=1 + n % 3,
            target_quarter=_quarter(n) if n % 9 else "",
            notes=_sentence(n, 6),
        )
        for n in range(40)
    ]
    session.decisions = [
        Decision(
            id=_id("d", n),
            topic_id=topic.id,
            option_id=topic.options[n % len(topic.options)].id if topic.options else "",
            rationale=_sentence(n, 22),
            owner=f"Participant {n % 12 + 1}",
            target_quarter=_quarter(n),
            status="decided",
        )
        for n, topic in enumerate(topics)
    ]
    session.actions = [
        Action(
            id=_id("x", n),
            text=_sentence(n, 14),
            owner=f"Participant {n % 12 + 1}",
            due=date(2026, 3 + n % 9, 1 + n % 27),
            status=("open", "in_progress", "done", "open")[n % 4],
            kind=("action", "action", "decision", "parking")[n % 4],
        )
        for n in range(60)
    ]
    return session


def hostile_session(framework: Framework) -> Session:
    """Everything that breaks naive PDF code, plus private data that must not print."""
    session = large_session(framework)
    questions = [q for q in framework.questions if not q.retired]
    session.organisation = 'Ørsted & Søn <b>x</b> "Ltd"'
    session.title = "Roadmap 0.1 <A <0.9 &amp; ‘quotes’ 🚀"
    session.facilitator = "Zoë Ångström-Nuñez"
    session.sponsor = "Дмитрий Иванов"
    session.sponsor_role = "Генеральный директор"
    session.follows_up = "00000000-0000-4000-8000-000000000000"
    session.baseline_date = date(2025, 9, 15)
    session.baseline_ratings = [
        Rating(id=r.id, score=max(0, (r.score or 2) - 1)) for r in session.ratings
    ]
    session.executive_summary = (
        'We said "go" & meant it. <img src="http://x/y.png"/> loads nothing.\n'
        "Second line: 0.1 <A <0.9 and &amp; stays as typed 🎉."
    )
    session.recommendations = "Hire the PM first ✓ — then a scientist.\n" + LONG_WORD
    session.participants = [
        Participant(id="p-0001", name="Σοφία Παπαδοπούλου", role="CTO"),
        Participant(id="p-0002", name="דוד כהן", role="VP Product"),
        Participant(id="p-0003", name="محمد عبد الله", role="Head of Sales"),
        Participant(id="p-0004", name="Renée O'Brien", role='Head of "Support"'),
        Participant(id="p-0005", name="Łukasz Żółć 👍🏽", role="CFO"),
    ]
    session.interviews = [
        Interview(
            id="i-0001",
            person="Ana <script>alert(1)</script>",
            function="support",
            pains='Tickets pile up & nobody knows <why>. "Help!"',
        ),
        Interview(
            id="i-0002",
            person="Secret source",
            function="sales",
            pains=f"{PRIVATE_MARKERS[1]} do not print",
            private=True,
        ),
    ]
    long_answer = ("The room talked at length about churn & pricing < costs > value. " * 80)[:5000]
    session.answers = [
        Answer(id=questions[0].id, text=long_answer, status="discussed"),
        Answer(
            id=questions[1].id,
            text=f"Our longest word: {LONG_WORD} — that is all.",
            status="discussed",
        ),
        Answer(
            id=questions[2].id,
            text='<b>not bold</b> <img src="http://x/y.png"/> &amp;',
            status="discussed",
        ),
        Answer(id=questions[3].id, text=HEBREW_PARAGRAPH, status="discussed"),
        Answer(id=questions[4].id, text=ARABIC_PARAGRAPH, status="discussed"),
    ]
    session.pages = [PageRecord(id="p_overview", status="done", note=PRIVATE_MARKERS[0])]
    # A table cell that wraps right-to-left text.
    session.audit = [
        *session.audit[:-1],
        replace(session.audit[-1], how_to_collect=HEBREW_PARAGRAPH),
    ]
    opportunities = list(session.opportunities)
    opportunities[0] = Opportunity(
        id="o-0000",
        title='Predict <churn> & "win-back" 🔥',
        description="Ελληνικά & русский",
        value=5,
        cost=1,
        confidence=5,
        votes=9,
        data_readiness="ready",
        target_quarter="2026-Q2",
    )
    opportunities[1] = Opportunity(
        id="o-0001",
        title=LONG_WORD,
        value=4,
        cost=2,
        confidence=4,
        data_readiness="partial",
        target_quarter="2026-Q3",
    )
    session.opportunities = opportunities
    session.actions = [
        Action(
            id="x-0000",
            text='Draft the "PM" job ad, with\nnewlines & emoji 🚀',
            owner="דוד כהן",
            due=date(2026, 4, 30),
            status="open",
            carried_from="old-1",
        ),
        Action(id="x-0001", text=f"{PRIVATE_MARKERS[2]} never printed", owner="Me", private=True),
        *session.actions[2:],
    ]
    return session
