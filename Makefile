# The two commands of the README: `make html` and `make test`.
# Both create .venv when it is missing and install the project into it.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: html test lint bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

html: $(STAMP)
	$(BIN)/kg validate
	$(BIN)/kg stats
	$(BIN)/kg html

test: $(STAMP)
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/ruff format --check graph tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_export.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
