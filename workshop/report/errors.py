"""The one error the report raises: a message a facilitator can act on."""

from __future__ import annotations


class ReportError(Exception):
    """The roadmap could not be written (folder not writable, disk full, font missing...)."""
