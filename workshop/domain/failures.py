"""How a failed save is classified, so the workshop service knows what to do with the edit.

The store raises exceptions that subclass one of these two (the domain defines them so the
service can tell them apart without importing the store):

* :class:`RetryableSaveFailure` — the database is busy, the disk is full or read-only, an I/O
  error: the edit is kept (in memory and in the recovery journal) and tried again.
* :class:`PermanentSaveFailure` — the row is gone, a constraint refuses the value: trying
  again cannot help, so the edit is reported once and dropped from the queue; the edits after
  it still save.

An exception that is neither is treated as retryable: losing an edit is worse than retrying
one that cannot succeed.
"""

from __future__ import annotations


class SaveFailure(Exception):
    """A save that did not reach the disk."""

    retryable: bool = True


class RetryableSaveFailure(SaveFailure):
    retryable = True


class PermanentSaveFailure(SaveFailure):
    retryable = False


def is_retryable(error: BaseException) -> bool:
    return bool(getattr(error, "retryable", True))
