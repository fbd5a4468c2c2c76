"""The discovery interviews page: who was interviewed before the workshop, and what hurts.

- :mod:`.state`: what the list shows, computed from the session (no Qt);
- :mod:`.intents`: what a gesture means, as the edit to push (no Qt);
- :mod:`.model`: the list as a Qt model;
- :mod:`.view`: the page itself (registered as the ``interviews`` page type).
"""

from workshop.ui.pages.interviews.state import COLUMN, COLUMNS
from workshop.ui.pages.interviews.view import InterviewsPage

__all__ = ["COLUMN", "COLUMNS", "InterviewsPage"]
