"""The sections of the roadmap PDF, in print order (no ReportLab here: the export dialog
imports this to offer leaving sections out without paying for ReportLab at start-up).

The cover and the contents are always printed. "changes" and "progress" only appear for a
follow-up.
"""

from __future__ import annotations

ROADMAP_SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Executive summary"),
    ("today", "Where you are today"),
    ("changes", "What changed since the last workshop"),
    ("progress", "Progress across workshops"),
    ("heard", "What we heard"),
    ("opportunities", "Opportunities"),
    ("team", "The team"),
    ("ways_of_working", "How we will work"),
    ("roadmap", "The roadmap by quarter"),
    ("actions", "Actions"),
    ("framework", "About the framework"),
)

SECTION_IDS: frozenset[str] = frozenset(section_id for section_id, _ in ROADMAP_SECTIONS)

# Sections printed only when the workshop follows up an earlier one.
FOLLOW_UP_SECTIONS: frozenset[str] = frozenset({"changes", "progress"})
