"""Sessions at the limits the declaration sets: every text field at its longest, every
collection at its cap. Built from the field declarations, so a new field or a changed limit
is covered without touching this file."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from workshop.domain.fields import spec_of
from workshop.domain.session import COLLECTION_CAPS, COLLECTIONS, KEYED_COLLECTIONS, Session
from workshop.framework.model import Framework

# Widest Latin letters, Hebrew, an emoji and markup: the text that breaks layouts.
SPACED = "Wide WWW words <b>&amp; שלום 🚀 Ωμέγα "


def filled(length: int, unbroken: bool) -> str:
    if unbroken:
        return ("W" * length)[:length]
    return (SPACED * (length // len(SPACED) + 1))[:length]


def at_limit(item: Any, unbroken: bool, *, short: bool = False) -> Any:
    """``item`` with every free-text field as long as the declaration allows (or, with
    ``short``, a few characters: for sessions that test the collection caps)."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        spec = spec_of(f)
        if spec.kind in ("line", "cell", "text") and spec.max_length:
            changes[f.name] = filled(12 if short else spec.max_length, unbroken)
        elif spec.choices is not None:
            changes[f.name] = spec.choices.values()[-1]
        elif (
            spec.kind == "number"
            and spec.high is not None
            and isinstance(getattr(item, f.name), int)
        ):
            changes[f.name] = spec.high
        elif spec.kind == "quarter":
            changes[f.name] = "2027-Q4"
        elif spec.kind == "flag" and not spec.marks_private:
            changes[f.name] = True
    return dataclasses.replace(item, **changes)


def _content_ids(framework: Framework, collection: str) -> list[str]:
    if collection == "answers":
        return [q.id for q in framework.questions]
    if collection in ("ratings", "baseline_ratings"):
        return [s.id for s in framework.statements]
    if collection == "pages":
        return [p.id for p in framework.pages]
    raise KeyError(collection)


def limit_session(framework: Framework, *, unbroken: bool = False, full: bool = False) -> Session:
    """One session at the limits.

    ``full=False``: three items per collection, every text field at its longest.
    ``full=True``: every collection at its cap (keyed ones: every content id), short texts.
    """
    stage = framework.stages[0].id
    session = at_limit(Session(), unbroken, short=full)
    session.target_stage = stage
    session.workshop_date = date(2027, 3, 15)
    session.follows_up = "00000000-0000-4000-8000-000000000000"
    session.baseline_date = date(2026, 9, 1)
    roles = [r.id for r in framework.roles]
    topics = [t for t in framework.decisions]
    for name, cls in COLLECTIONS.items():
        if name in KEYED_COLLECTIONS:
            ids = _content_ids(framework, name)
            ids = ids[: COLLECTION_CAPS[name]] if full else ids[:3]
        else:
            ids = [f"{name}-{n:04d}" for n in range(COLLECTION_CAPS[name] if full else 3)]
        items = []
        for n, item_id in enumerate(ids):
            item = at_limit(cls(id=item_id), unbroken, short=full)
            if name == "ratings" or name == "baseline_ratings":
                item = dataclasses.replace(item, score=n % 5, counts=(n % 3, 1, 0, 2, 1))
            if name == "hires":
                item = dataclasses.replace(item, role_id=roles[n % len(roles)], headcount=1 + n % 3)
            if name == "decisions":
                topic = topics[n % len(topics)]
                item = dataclasses.replace(
                    item, topic_id=topic.id, option_id=topic.options[0].id if topic.options else ""
                )
            if name == "actions":
                item = dataclasses.replace(
                    item, stage=stage, due=date(2027, 1 + n % 12, 1 + n % 28)
                )
            if name == "audit":
                item = dataclasses.replace(item, opportunity_id=f"opportunities-{n % 3:04d}")
            if name == "agenda":
                item = dataclasses.replace(
                    item, page_ids=tuple(p.id for p in framework.pages[:5]), planned_minutes=30
                )
            items.append(item)
        setattr(session, name, items)
    return session
