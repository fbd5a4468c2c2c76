"""Calendar quarters written as ``"2027-Q1"``: the unit of the roadmap and the hiring plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@lru_cache(maxsize=4096)
def _year_and_number(text: str) -> tuple[int, int]:
    """Parsed once per text: the roadmap reads the same few quarters thousands of times."""
    match = _QUARTER.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a quarter like 2027-Q1")
    return int(match.group(1)), int(match.group(2))


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def parse(cls, text: str) -> Quarter:
        return cls(*_year_and_number(text))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def plus(self, quarters: int) -> Quarter:
        index = self.year * 4 + (self.number - 1) + quarters
        return Quarter(index // 4, index % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        """How people say it: "Q1 2027"."""
        return f"Q{self.number} {self.year}"


def is_quarter(text: str) -> bool:
    return bool(_QUARTER.match(text))


def quarter_range(start: Quarter, count: int) -> list[Quarter]:
    return [start.plus(i) for i in range(count)]
