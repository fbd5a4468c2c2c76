"""One module per page type. Importing this package registers every page type."""

from workshop.ui.pages import (  # noqa: F401
    actions,
    audit,
    decision,
    go_to_market,
    hiring,
    interviews,
    matrix,
    maturity,
    overview,
    placement,
    progress,
    question,
    roadmap,
)
