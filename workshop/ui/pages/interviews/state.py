"""What the discovery interviews page shows, as plain data computed from the session (no Qt).

One :class:`InterviewRow` per interview the page lists: while projecting, an interview
marked private is left out altogether (it is never shown to the room, nor printed).
Comparing two states says which rows an edit changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.session import Interview, Session
from workshop.framework.model import Framework
from workshop.ui.pages.row_state import RowsState
from workshop.vocab import InterviewFunction

FUNCTION_NAMES = {function.value: function.label for function in InterviewFunction}
NO_DATE_TEXT = "No date"

# (field, heading); the order of the list's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("person", "Who"),
    ("function", "Function"),
    ("interview_date", "Date"),
    ("private", "Private"),
    ("pains", "What hurts"),
)
COLUMN = {name: index for index, (name, _heading) in enumerate(COLUMNS)}


def function_names(framework: Framework) -> dict[str, str]:
    """Each function's name as the content words it (its interview prompts), else ours."""
    named = {p.function: p.function_name for p in framework.interview_prompts}
    return {f: named.get(f, FUNCTION_NAMES.get(f, f)) for f in Interview.FUNCTIONS}


@dataclass(frozen=True)
class InterviewRow:
    interview: Interview
    function_name: str
    prompts: tuple[str, ...]  # the framework's questions for its function (facilitator only)

    @property
    def id(self) -> str:
        return self.interview.id

    def text(self, column: str) -> str:
        interview = self.interview
        if column == "person":
            return interview.person
        if column == "function":
            return self.function_name
        if column == "interview_date":
            date = interview.interview_date
            return date.isoformat() if date else NO_DATE_TEXT
        if column == "private":
            return "Private" if interview.private else ""
        if column == "pains":
            lines = [line.strip() for line in interview.pains.splitlines() if line.strip()]
            if not lines:
                return ""
            more = f"  (+{len(lines) - 1} more)" if len(lines) > 1 else ""
            return lines[0] + more
        return ""

    @property
    def prompts_text(self) -> str:
        if not self.prompts:
            return ""
        return "Ask (facilitator only):\n" + "\n".join(f"•  {p}" for p in self.prompts)


@dataclass(frozen=True)
class InterviewsState(RowsState[InterviewRow]):
    # rows: in session order, private ones left out when projecting
    total: int  # every interview, shown or not

    @property
    def empty_text(self) -> str:
        """What the page says when it lists nothing ("" when it lists something)."""
        if self.rows:
            return ""
        if self.total:
            return "Every interview here is private."
        return (
            "No interviews yet — press “Add interview” ({key}) for each person you spoke "
            "to before the workshop."
        )


EMPTY = InterviewsState(rows=(), total=0)


def interviews_state(
    framework: Framework, session: Session, *, projecting: bool
) -> InterviewsState:
    names = function_names(framework)
    prompts = {p.function: tuple(p.prompts) for p in framework.interview_prompts if not p.retired}
    rows = tuple(
        InterviewRow(
            interview,
            names.get(interview.function, interview.function),
            prompts.get(interview.function, ()),
        )
        for interview in session.interviews
        if not (projecting and interview.private)
    )
    return InterviewsState(rows=rows, total=len(session.interviews))
