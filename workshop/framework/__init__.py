"""The framework content: typed objects (:mod:`.model`) read from ``resources/framework``."""

from workshop.framework.loader import (
    ContentError,
    load_framework,
    load_framework_from,
    resources_path,
)

__all__ = ["ContentError", "load_framework", "load_framework_from", "resources_path"]
