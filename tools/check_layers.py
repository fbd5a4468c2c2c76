"""Fail when a layer imports what it must not (see DESIGN.md, "Architecture").

No Qt outside workshop/ui/, no SQLAlchemy/Alembic outside workshop/store/, no ReportLab
outside workshop/report/. The domain and framework import nothing of the other rooms'
libraries, so they stay testable without a display or a database. Imports are read with
``ast``, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "workshop"

# library top-level module -> the only folder allowed to import it
ALLOWED = {
    "PySide6": "ui",
    "shiboken6": "ui",
    "pyqtgraph": "ui",
    "sqlalchemy": "store",
    "alembic": "store",
    "reportlab": "report",
    "bidi": "report",
    "arabic_reshaper": "report",
}
# room -> rooms it must not import (the flow runs one way: framework -> domain -> the rest)
FORBIDDEN_ROOMS = {
    "framework": {"domain", "store", "report", "room", "ui", "cli"},
    "domain": {"store", "report", "room", "ui", "cli"},
    "store": {"report", "room", "ui", "cli"},
    "report": {"store", "room", "ui", "cli"},
    # the room server: domain and framework only (no Qt, no database; the app and the CLI
    # write its tally)
    "room": {"store", "report", "ui", "cli", "service"},
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def breaches(root: Path = ROOT) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        room = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for line, module in imported_modules(path):
            top = module.split(".")[0]
            if top in ALLOWED and ALLOWED[top] != room:
                problems.append(f"workshop/{relative}:{line}: imports {module} (only {ALLOWED[top]}/ may)")
            parts = module.split(".")
            if parts[0] == "workshop" and len(parts) > 1 and parts[1] in FORBIDDEN_ROOMS.get(room, ()):
                problems.append(f"workshop/{relative}:{line}: {room}/ must not import {module}")
    return problems


def main() -> int:
    problems = breaches()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} layer breach(es)", file=sys.stderr)
        return 1
    print("layers: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
