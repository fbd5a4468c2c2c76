"""One module (or package) per page type. Importing this package imports every module in it,
found by listing the package, so a new page type is one new module and nothing else to edit
(each registers itself with ``workshop.ui.pages.base.register``; the shared building blocks
register nothing)."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
