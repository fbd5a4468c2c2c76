"""The hiring plan page: the role catalogue, the plan, its checks and its timeline.

- :mod:`.state`: what the plan shows, computed from the session (no Qt);
- :mod:`.intents`: what a gesture means, as the edit to push (no Qt);
- :mod:`.model`: the plan as a Qt model and its cell editors;
- :mod:`.view`: the page itself (registered as the ``hiring`` page type).
"""

from workshop.ui.pages.hiring.model import CHOICES_ROLE, ID_ROLE
from workshop.ui.pages.hiring.state import COLUMN, COLUMNS
from workshop.ui.pages.hiring.view import EMPTY_TEXT, HiringPage

__all__ = ["CHOICES_ROLE", "COLUMN", "COLUMNS", "EMPTY_TEXT", "ID_ROLE", "HiringPage"]
