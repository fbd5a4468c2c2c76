"""Where the shipped resources are: the one place that knows (framework content, fonts,
the published schema).

``resources/`` ships inside the package: a symlink ``workshop/resources -> ../resources`` in
a checkout (editable installs follow it), real files in a wheel or a bundle. The folder is
found beside this module, which works in all three; the checkout's top-level folder is the
fallback. Standard library only and nothing imported at start-up beyond ``pathlib``, so the
app's first frame and the report can both ask without loading the content loader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_folder() -> Path:
    """The shipped ``resources`` folder."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "framework").is_dir():
            return candidate
    return _PACKAGE / "resources"  # missing: callers report the file they could not find


def framework_folder() -> Path:
    """The framework content (``*.toml``)."""
    return resources_folder() / "framework"


def fonts_folder() -> Path:
    """The fonts shared by the app and the PDF (DejaVu)."""
    return resources_folder() / "fonts"


def schema_folder() -> Path:
    """The published JSON Schemas of the portable session file."""
    return resources_folder() / "schema"
