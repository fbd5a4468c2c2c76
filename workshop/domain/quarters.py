"""Calendar quarters written as ``"2027-Q1"``: the unit of the roadmap and the hiring plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = _QUARTER.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a quarter like 2027-Q1")
        return cls(int(match.group(1)), int(match.group(2)))

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
