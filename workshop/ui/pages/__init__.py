"""One module per page type. Importing this package registers every page type."""

from workshop.ui.pages import actions, maturity, placement, question  # noqa: F401
