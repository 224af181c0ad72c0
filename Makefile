# The README's two commands: `make report` (set up + the report on the bundled articles)
# and `make test` (set up + the whole test suite; .ci/run calls it).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newslab-installed
OUT ?= reports
DATA ?= ../shared/data

.PHONY: setup report test lint typecheck pytest fast lab chromium clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "newslab needs Python 3.10 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/newslab report --output-dir $(OUT)
	$(BIN)/newslab run-notebooks --output-dir $(OUT)/notebooks --data-path $(DATA)
	@echo "The report: $(OUT)/report/report.html (walkthrough notebooks in $(OUT)/notebooks/)"

# The browser check of the HTML report needs Debian's chromium; install it when missing
# (as root, or with password-less sudo), else the one test that needs it is skipped.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; } || \
	  echo "chromium could not be installed: the browser check in tests/test_report.py will be skipped"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium
	$(BIN)/python -m pytest

test: lint typecheck pytest

fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -x -q

# JupyterLab on notebooks/: each notebook is listed once, as its .ipynb; Jupytext's contents
# manager keeps the paired .py in step on every save (settings: notebooks/jupytext.toml), so
# the .py twins are hidden. --allow-root only when run as root (Lab refuses root otherwise).
LAB_HIDE := ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "*.py", "jupytext.toml"]
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ '--ContentsManager.hide_globs=$(LAB_HIDE)' \
	  $$(if [ "$$(id -u)" = 0 ]; then echo --allow-root; fi)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(OUT)
