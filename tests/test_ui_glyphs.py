"""Every symbol the app writes itself exists in the shipped font.

A character the font lacks renders as an empty box on the projector (Qt may fall back to
another system font, but a locked-down laptop may have none). User text is the user's;
this checks the strings in our own code and content.
"""

from __future__ import annotations

import ast
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

from workshop.framework import resources_path

ROOT = Path(__file__).resolve().parent.parent


def code_characters(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for char in node.value:
                    if ord(char) > 127:
                        found.setdefault(char, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def content_characters() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in (resources_path() / "framework").glob("*.toml"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for char in line:
                if ord(char) > 127:
                    found.setdefault(char, f"{path.name}:{number}")
    return found


def test_app_symbols_are_in_the_shipped_font() -> None:
    fonts = [TTFontFile(str(p)) for p in sorted((resources_path() / "fonts").glob("*.ttf"))]
    assert len(fonts) == 3
    used = {**code_characters(ROOT / "workshop" / "ui"), **content_characters()}
    missing = {
        f"U+{ord(c):04X} {c!r} at {where}"
        for c, where in used.items()
        if not all(ord(c) in font.charToGlyph for font in fonts)
    }
    assert not missing, "characters the shipped font cannot draw:\n" + "\n".join(sorted(missing))
