# The two commands of the README: `make html` and `make test`.
# Both create .venv when it is missing and install the project into it.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: html test lint jslint bench fuzz clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "make: no python3.11 or python3 on PATH; install Python 3.11"; exit 1; }
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
	$(BIN)/ruff check graph tests benchmarks docs/*.py
	$(BIN)/ruff format --check graph tests benchmarks docs/*.py
	$(BIN)/mypy
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory jslint; \
	elif [ -n "$$KG_REQUIRE_JSLINT" ]; then echo "make: KG_REQUIRE_JSLINT is set but node/npm is missing"; exit 1; \
	else echo "make: no node/npm: the JavaScript lint (make jslint) is skipped; .ci/run always runs it"; fi
	$(BIN)/python -m pytest

# ESLint on the page's scripts (graph/templates/js; rules in eslint.config.js), at the
# versions package-lock.json pins, installed into node_modules/ (not in git) by `npm ci`.
jslint: node_modules/.package-lock.json
	npx --no-install eslint

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# The fuzzers of tests/test_fuzz.py (data folders) and tests/test_fuzz_ingest.py (drafts,
# documents) on many more cases, FUZZ_CASES of each (the suite runs 250, 12 and 16):
# make fuzz FUZZ_CASES=50000 FUZZ_SEED=0   (progress in output/fuzz.log)
FUZZ_CASES ?= 20000
FUZZ_SEED  ?= 0
fuzz: $(STAMP)
	mkdir -p output
	KG_FUZZ_CASES=$(FUZZ_CASES) KG_FUZZ_SEED=$(FUZZ_SEED) KG_FUZZ_REPORT=1 KG_FUZZ_LOG=output/fuzz.log \
		$(BIN)/python -m pytest -q -p no:cacheprovider -s tests/test_fuzz.py tests/test_fuzz_ingest.py \
		-k never_crash

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules
