"""The printed roadmap (PDF) and the actions export (CSV).

Importing this package is cheap: ReportLab is only imported when a PDF is built, so the
app can offer the export dialog (which needs ``ROADMAP_SECTIONS``) without paying for it
at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from workshop.report.actions_csv import export_actions_csv
from workshop.report.errors import ReportError
from workshop.report.sections import ROADMAP_SECTIONS

if TYPE_CHECKING:
    from workshop.domain.session import Session
    from workshop.framework.model import Framework

__all__ = [
    "ROADMAP_SECTIONS",
    "ReportError",
    "build_roadmap_pdf",
    "export_actions_csv",
    "export_roadmap",
]


def build_roadmap_pdf(
    framework: Framework,
    session: Session,
    *,
    paper: str = "a4",
    sections: set[str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The roadmap PDF as bytes (see :mod:`workshop.report.roadmap_pdf`)."""
    from workshop.report import roadmap_pdf

    return roadmap_pdf.build_roadmap_pdf(
        framework, session, paper=paper, sections=sections, progress=progress
    )


def export_roadmap(
    framework: Framework,
    session: Session,
    path: str | os.PathLike[str],
    *,
    paper: str = "a4",
    sections: set[str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Write the roadmap PDF to ``path`` (temp file + rename); raises ReportError."""
    from workshop.report import roadmap_pdf

    roadmap_pdf.export_roadmap(
        framework, session, path, paper=paper, sections=sections, progress=progress
    )
