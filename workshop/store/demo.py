"""The demo workshops: a fictional company's first workshop and its follow-up, as data files.

Nordvik Ledger is an invented mid-size B2B SaaS company selling accounts-payable automation.
Its leadership team ran a half-day workshop in November and came back six months later, so a
new user sees every part of a session *and* the progress across a series. The sessions live
in ``resources/demo/`` as portable session files (the format people export and import), read
and validated here like any imported file. The app opens them from the library, the command
line creates them with ``workshop demo``, and the tests and benchmarks use them.

Unlike an import, the demo keeps the ids written in its files: ``workshop demo`` run twice
refreshes the same sessions instead of adding copies, and the follow-up names the first
workshop it follows. Every content id the files use (questions, statements, roles, decision
options, pages) is checked against the framework passed in, so a content change that would
leave the demo pointing at nothing fails loudly here.
"""

from __future__ import annotations

import json
from pathlib import Path

from workshop.domain.session import Session
from workshop.framework.loader import resources_path
from workshop.framework.model import Framework
from workshop.store.portable import session_from_document

DEMO_FOLDER = "demo"
# Content ids may carry a context after this mark: a first-project tick is
# "criterion@opportunity", the last workshop's wrap-up answer "question@last".
CONTEXT_MARK = "@"


def demo_paths() -> list[Path]:
    """The demo series' files, first workshop first."""
    return sorted((resources_path() / DEMO_FOLDER).glob("*.json"))


def build_demo_series(framework: Framework) -> list[Session]:
    """Every demo workshop, oldest first, checked against ``framework``'s content."""
    sessions = []
    for path in demo_paths():
        document = json.loads(path.read_text(encoding="utf-8"))
        session = session_from_document(document, path.name)
        session.id = str(document["session"]["id"])  # the demo keeps its fixed ids
        _check_content_ids(framework, session, path.name)
        sessions.append(session)
    if not sessions:
        raise FileNotFoundError(f"no demo workshop in {resources_path() / DEMO_FOLDER}")
    return sessions


def build_demo(framework: Framework) -> Session:
    """The first demo workshop (a first workshop: it follows up nothing)."""
    return build_demo_series(framework)[0]


def build_demo_follow_up(framework: Framework) -> Session:
    """The demo's latest follow-up workshop."""
    return build_demo_series(framework)[-1]


def _check_content_ids(framework: Framework, session: Session, name: str) -> None:
    answerable = (
        {q.id for q in framework.questions}
        | {g.id for g in framework.go_to_market}
        | {c.id for c in framework.first_project_criteria}
    )
    problems: list[str] = []

    def need(kind: str, found: set[str], known: set[str]) -> None:
        missing = sorted(found - known)
        if missing:
            problems.append(f"unknown {kind}: {', '.join(missing)}")

    need("answers", {a.id.split(CONTEXT_MARK)[0] for a in session.answers}, answerable)
    statements = {s.id for s in framework.statements}
    need("statements", {r.id for r in session.ratings}, statements)
    need("baseline statements", {r.id for r in session.baseline_ratings}, statements)
    roles = {r.id for r in framework.roles}
    need("roles", {h.role_id for h in session.hires if h.role_id}, roles)
    topics = {t.id for t in framework.decisions}
    need("decision topics", {d.topic_id for d in session.decisions}, topics)
    options = {o.id for t in framework.decisions for o in t.options}
    need("decision options", {d.option_id for d in session.decisions if d.option_id}, options)
    pages = {p.id for p in framework.pages}
    need("pages", {p.id for p in session.pages}, pages)
    need("pages of actions", {a.source_page for a in session.actions if a.source_page}, pages)
    if problems:
        raise ValueError(f"demo {name}: {'; '.join(problems)}")
