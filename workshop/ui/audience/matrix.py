"""The value/cost matrix on the audience view: the facilitator's own chart, read-only.

The room sees the very drawing the facilitator works on (``ui/widgets/matrix_chart.py``, the
same as the PDF's): quadrants named in their corners, value up and cost to the right, every
opportunity a marker numbered with its rank and shaped by its quadrant, so the list beside it
reads with the same numbers. Here it takes no mouse and no keyboard, and its type is the
audience view's (from the screen height), not the window's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from workshop.ui.audience.slides import MatrixBlock
from workshop.ui.widgets.matrix_chart import MatrixChart, MatrixPoint, MatrixQuadrant


def matrix_chart(block: MatrixBlock, font: QFont, side: int) -> QWidget:
    """A ``side`` × ``side`` read-only chart of ``block`` drawn in ``font``."""
    chart = MatrixChart()
    chart.setObjectName("audience_matrix")
    chart.setFont(font)
    chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chart.setMouseTracking(False)
    chart.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    chart.set_matrix(
        [MatrixQuadrant(q.name, "", q.high_value, q.high_cost) for q in block.quadrants],
        block.value_threshold,
        block.cost_threshold,
        {},
        {},
    )
    chart.set_points(
        [
            MatrixPoint(
                opportunity_id=f"rank-{spot.rank}",
                rank=spot.rank,
                title=spot.title,
                value=spot.value,
                cost=spot.cost,
                quadrant=spot.quadrant,
                first_project=spot.first_project,
            )
            for spot in block.spots
        ]
    )
    chart.setFixedSize(side, side)
    return chart
