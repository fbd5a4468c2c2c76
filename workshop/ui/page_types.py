"""The page-type registry, assembled and checked once at start-up.

A page type has three parts: its view (a ``PageView`` subclass registered from its module in
``ui/pages/``), its audience slide (a builder registered for the type in
``ui/audience/slides.py``) and the roadmap PDF sections that print it (the view's
``report_sections``). :func:`check_page_types` fails loudly, naming the page type and the
missing part, when the content uses a page type that lacks one — so a half-built page type is
caught when the app starts, not by a facilitator in front of a board.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.framework.model import Framework
from workshop.report.sections import SECTION_IDS


class PageTypeError(RuntimeError):
    """A page type the content uses is missing one of its parts."""


@dataclass(frozen=True)
class PageTypeParts:
    page_type: str
    view: type | None
    has_slide: bool
    report_sections: tuple[str, ...]

    def missing(self) -> list[str]:
        problems = []
        if self.view is None:
            problems.append("no view registered in workshop/ui/pages/")
        if not self.has_slide:
            problems.append("no audience slide registered in workshop/ui/audience/slides.py")
        if self.view is not None and not self.report_sections:
            problems.append(f"{self.view.__name__}.report_sections is empty")
        unknown = [s for s in self.report_sections if s not in SECTION_IDS]
        if unknown:
            problems.append(f"unknown report sections {', '.join(unknown)}")
        return problems


def registered_page_types() -> dict[str, PageTypeParts]:
    """Every page type any part was registered for, with its parts."""
    import workshop.ui.pages  # noqa: F401 - importing the package registers every page type
    from workshop.ui.audience.slides import BUILDERS
    from workshop.ui.pages.base import page_class
    from workshop.ui.pages.base import registered_page_types as view_types

    names = set(view_types()) | set(BUILDERS)
    parts = {}
    for name in sorted(names):
        view = page_class(name)
        parts[name] = PageTypeParts(
            name,
            view,
            name in BUILDERS,
            tuple(getattr(view, "report_sections", ())) if view is not None else (),
        )
    return parts


def check_page_types(framework: Framework) -> dict[str, PageTypeParts]:
    """Raise :class:`PageTypeError` unless every page type the content uses is complete."""
    parts = registered_page_types()
    problems: list[str] = []
    for page_type in sorted({page.page_type for page in framework.pages}):
        found = parts.get(page_type)
        if found is None:
            pages = ", ".join(p.id for p in framework.pages if p.page_type == page_type)
            problems.append(f"page type {page_type!r} (pages {pages}) is not registered")
            continue
        problems.extend(f"page type {page_type!r}: {problem}" for problem in found.missing())
    if problems:
        raise PageTypeError("incomplete page types: " + "; ".join(problems))
    return parts
