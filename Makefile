# Two commands do everything on a fresh machine: `make run` and `make test`.
# The virtual environment is created here, from pyproject.toml; nothing is installed by hand.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench wheel bundle clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Opens the app on the demo workshop (created or refreshed first).
run: $(STAMP)
	$(BIN)/python -m workshop.syscheck
	$(BIN)/workshop open $$($(BIN)/workshop demo)

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check workshop tests tools benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

# A self-contained folder for machines without Python (see packaging/README.md).
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/workshop.spec

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
