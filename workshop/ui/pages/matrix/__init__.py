"""The opportunities page: brainstorm, ranked list, value/cost matrix and first project.

- :mod:`.state`: what the page shows, computed from the session (no Qt);
- :mod:`.intents`: what a gesture means, as the edit to push (no Qt);
- :mod:`.model`: the ranked list as a Qt model, its delegates and table;
- :mod:`.checklist`: the first project's checklist and risks;
- :mod:`.view`: the page itself (registered as the ``matrix`` page type).
"""

from workshop.ui.pages.matrix.model import CHOICES_ROLE, ID_ROLE
from workshop.ui.pages.matrix.state import BLOCKED, COLUMN, COLUMNS, FIRST_PROJECT
from workshop.ui.pages.matrix.view import EMPTY_TEXT, MatrixPage

__all__ = [
    "BLOCKED",
    "CHOICES_ROLE",
    "COLUMN",
    "COLUMNS",
    "EMPTY_TEXT",
    "FIRST_PROJECT",
    "ID_ROLE",
    "MatrixPage",
]
