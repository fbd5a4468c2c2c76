"""What the app is built from, and under which licences: shown in Help › About and shipped,
with the full licence texts, in the bundle's ``licenses/`` folder (packaging/collect_licenses.py).

One list for both, so the notices a user reads and the texts we ship cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    url: str
    distribution: str | None = None  # the installed package it comes from, for its version

    def version(self) -> str | None:
        if self.distribution is None:
            return None
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return None  # a bundle without package metadata


COMPONENTS: tuple[Component, ...] = (
    Component(
        "Qt for Python (PySide6, Shiboken6)",
        "LGPL-3.0-only",
        "https://www.qt.io/qt-for-python",
        "PySide6-Essentials",
    ),
    Component(
        "Qt 6 libraries",
        "LGPL-3.0-only",
        "https://www.qt.io/licensing/open-source-lgpl-obligations",
        "PySide6-Essentials",
    ),
    Component("Python", "PSF-2.0", "https://www.python.org/"),
    Component("SQLAlchemy", "MIT", "https://www.sqlalchemy.org/", "SQLAlchemy"),
    Component("Alembic", "MIT", "https://alembic.sqlalchemy.org/", "alembic"),
    Component("Mako", "MIT", "https://www.makotemplates.org/", "Mako"),
    Component(
        "MarkupSafe", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/", "MarkupSafe"
    ),
    Component(
        "greenlet", "MIT AND PSF-2.0", "https://github.com/python-greenlet/greenlet", "greenlet"
    ),
    Component(
        "typing_extensions",
        "PSF-2.0",
        "https://github.com/python/typing_extensions",
        "typing_extensions",
    ),
    Component("ReportLab", "BSD-3-Clause", "https://www.reportlab.com/opensource/", "reportlab"),
    Component("Pillow", "MIT-CMU", "https://python-pillow.org/", "pillow"),
    Component(
        "charset-normalizer",
        "MIT",
        "https://github.com/jawah/charset_normalizer",
        "charset-normalizer",
    ),
    Component(
        "python-bidi",
        "LGPL-3.0-or-later",
        "https://github.com/MeirKriheli/python-bidi",
        "python-bidi",
    ),
    Component(
        "arabic-reshaper",
        "MIT",
        "https://github.com/mpcabd/python-arabic-reshaper",
        "arabic-reshaper",
    ),
    Component("jsonschema", "MIT", "https://github.com/python-jsonschema/jsonschema", "jsonschema"),
    Component(
        "jsonschema-specifications",
        "MIT",
        "https://github.com/python-jsonschema/jsonschema-specifications",
        "jsonschema-specifications",
    ),
    Component(
        "referencing", "MIT", "https://github.com/python-jsonschema/referencing", "referencing"
    ),
    Component("rpds-py", "MIT", "https://github.com/crate-py/rpds", "rpds-py"),
    Component("attrs", "MIT", "https://www.attrs.org/", "attrs"),
    Component("segno", "BSD-3-Clause", "https://github.com/heuer/segno", "segno"),
    Component("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs", "platformdirs"),
    Component("pyqtgraph", "MIT", "https://www.pyqtgraph.org/", "pyqtgraph"),
    Component(
        "DejaVu fonts",
        "Bitstream Vera licence; DejaVu changes public domain",
        "https://dejavu-fonts.github.io/",
    ),
)


def notices_text() -> str:
    """Plain-text notices, one component a line (the bundle's THIRD-PARTY-NOTICES.txt)."""
    lines = []
    for component in COMPONENTS:
        version = component.version()
        name = f"{component.name} {version}" if version else component.name
        lines.append(f"{name} — {component.licence} — {component.url}")
    return "\n".join(lines) + "\n"
