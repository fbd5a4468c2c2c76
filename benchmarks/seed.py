"""Fill a database with many realistic workshops (copies of the demo under other names)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta
from pathlib import Path

ORGANISATIONS = ("Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Umbrella", "Hooli")


def seed(db: Path, count: int) -> None:
    from workshop.domain.placement import place
    from workshop.framework import load_framework
    from workshop.store import open_store
    from workshop.store.demo import build_demo

    framework = load_framework()
    demo = build_demo(framework)
    stage = place(framework, demo).working_on
    store = open_store(db)
    try:
        for number in range(count):
            session = dataclasses.replace(
                demo,
                id=str(uuid.UUID(int=number + 1)),
                organisation=f"{ORGANISATIONS[number % len(ORGANISATIONS)]} {number + 1}",
                workshop_date=demo.workshop_date - timedelta(days=number),
            )
            store.create(session)
            store.set_stage_reached(session.id, stage)
    finally:
        store.close()
