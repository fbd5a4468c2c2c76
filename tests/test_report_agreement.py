"""The PDF prints the same agreement figures as the maturity page, for counted statements."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from workshop.domain.agreement import agreement
from workshop.domain.session import Rating
from workshop.framework.model import Framework
from workshop.report import build_roadmap_pdf
from workshop.store.demo import build_demo


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_lists_n_median_iqr_and_consensus_per_counted_statement(
    framework: Framework,
) -> None:
    session = build_demo(framework)
    counted = [r for r in session.ratings if sum(r.counts)]
    assert counted
    text = " ".join(text_of(build_roadmap_pdf(framework, session)).split())
    assert "How far the room agreed" in text
    for rating in counted:
        figures = agreement(rating.counts)
        assert figures.consensus is not None
        assert f"{figures.consensus:.2f}" in text


def test_no_table_without_a_show_of_hands(framework: Framework) -> None:
    session = build_demo(framework)
    session.ratings[:] = [
        dataclasses.replace(r, counts=(0, 0, 0, 0, 0), score=r.score if r.score is not None else 2)
        for r in session.ratings
    ]
    assert all(isinstance(r, Rating) and not sum(r.counts) for r in session.ratings)
    assert "How far the room agreed" not in text_of(build_roadmap_pdf(framework, session))
