"""The data audit page: the ranked opportunities, their data readiness and the data each
needs.

- :mod:`.state`: what the audit shows, computed from the session (no Qt);
- :mod:`.intents`: what a gesture means, as the edit to push (no Qt);
- :mod:`.model`: the two tables as Qt models;
- :mod:`.view`: the page itself (registered as the ``audit`` page type).
"""

from workshop.ui.pages.audit.state import (
    BLOCKED_TEXT,
    BLOCKS_TEXT,
    GENERAL,
    GROUP_COLUMN,
    ITEM_COLUMN,
)
from workshop.ui.pages.audit.view import AuditPage

__all__ = ["BLOCKED_TEXT", "BLOCKS_TEXT", "GENERAL", "GROUP_COLUMN", "ITEM_COLUMN", "AuditPage"]
