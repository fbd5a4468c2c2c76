# Two commands do everything on a fresh machine: `make run` and `make test`.
# The virtual environment is created here, from pyproject.toml; nothing is installed by hand.

# The newest supported Python found (pyproject.toml: 3.11 to 3.13); PYTHON=... picks another.
# Each candidate is run, not just looked up: a pyenv shim exists even for a version it refuses.
SUPPORTED_CHECK := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for p in python3.13 python3.12 python3.11 python3; do \
	  $$p -c '$(SUPPORTED_CHECK)' >/dev/null 2>&1 && command -v $$p && break; done)
endif
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test stress lint bench wheel bundle man clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed and none was found; set PYTHON=/path/to/python3"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else "Python 3.11 to 3.13 is needed (found " + sys.version.split()[0] + " at $(PYTHON)); set PYTHON=/path/to/python3")'
	@$(PYTHON) -c 'import sys; print("Using Python " + sys.version.split()[0] + " ($(PYTHON))")'
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

# 200 SIGKILLs at random moments of an editing run through the real window (make test runs 20).
stress: $(STAMP)
	WORKSHOP_KILLS=200 $(BIN)/python -m pytest -q -s tests/test_kill_during_edit.py -k random_kills

lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check workshop tests tools benchmarks packaging
	$(BIN)/ruff format --check workshop tests tools benchmarks packaging
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

# The shippable Linux bundle: a one-folder build, trimmed, with desktop files, licences and
# install.sh, smoke-tested, then packed as dist/ml-team-maturity-workshop-VERSION-linux-ARCH.tar.gz
# (see packaging/README.md). Needs binutils, desktop-file-utils and appstream; takes minutes.
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/python packaging/bundle.py

# The man page, workshop(1), generated from the command line parser.
man: $(STAMP)
	$(BIN)/python tools/make_manpage.py build/man/workshop.1

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
