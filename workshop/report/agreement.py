"""The agreement figures of the show of hands (and of phone votes), for the PDF.

One table: every statement the room voted on with counts, its n, median, interquartile
range and Tastle–Wierman consensus, with low consensus said in words. The same figures as
the maturity page (both come from :mod:`workshop.domain.agreement`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from workshop.domain.agreement import AGREEMENT_RULE, agreement, number
from workshop.report.blocks import h2_before_table, rule_text, table

if TYPE_CHECKING:
    from workshop.report.story import Context


def agreement_section(ctx: Context) -> list[Flowable]:
    """ "How far the room agreed": nothing at all when no statement has counts."""
    rows = []
    for scored in ctx.placement.statements:
        if scored.votes == 0:
            continue
        figures = agreement(scored.counts)
        rows.append(
            [
                scored.text,
                ctx.stage_name(scored.stage),
                str(figures.n),
                number(figures.median) if figures.median is not None else "–",
                number(figures.iqr) if figures.iqr is not None else "–",
                _consensus(figures.consensus, figures.disagreement),
            ]
        )
    if not rows:
        return []
    story: list[Flowable] = h2_before_table("How far the room agreed")
    story.append(
        table(
            ["Statement", "Stage", "n", "Median", "IQR", "Consensus"],
            rows,
            [5.2, 2.6, 0.7, 1.4, 1.0, 2.3],
            numeric=[2, 3, 4, 5],
            short=[1],
            total_width=ctx.width,
        )
    )
    story.append(rule_text(AGREEMENT_RULE))
    return story


def _consensus(value: float | None, low: bool) -> str:
    if value is None:
        return "–"
    return f"⚠ low {value:.2f}" if low else f"{value:.2f}"
