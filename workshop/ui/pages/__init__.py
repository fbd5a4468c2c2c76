"""One module per page type. Importing this package registers every page type."""

from workshop.ui.pages import (  # noqa: F401
    actions,
    interviews,
    maturity,
    overview,
    placement,
    question,
    roadmap,
)
