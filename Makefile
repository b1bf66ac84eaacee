# One entry point for people and CI. `make demo` and `make test` set everything up themselves.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test test-sqlite lint bench postgres clean compiled test-compiled bench-extract

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q -e '.[dev,spark]'
	touch $@

demo: setup
	$(VENV)/bin/dalil demo

postgres:
	bash scripts/postgres.sh

test: setup postgres
	$(PY) -m pytest

# Without a PostgreSQL server (for a quick local run only; CI always runs both databases).
test-sqlite: setup
	$(PY) -m pytest -m "not postgres"

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

bench: setup
	$(PY) bench/ingest_verify.py

# The compiled build of the extraction pipeline (mypyc; setup.py) in a venv of its own: a wheel
# install, rebuilt when a source changes (several minutes; needs gcc and the Python headers).
# `make setup`'s editable .venv stays pure Python, so edits always run.
VENV_C ?= .venv-compiled
compiled: $(VENV_C)/.installed

$(VENV_C)/.installed: pyproject.toml setup.py $(shell find src -name '*.py')
	$(PYTHON) -m venv $(VENV_C)
	$(VENV_C)/bin/python -m pip install -q -U pip
	DALIL_COMPILE=1 $(VENV_C)/bin/python -m pip install -q '.[dev,bench]'
	touch $@

# The extraction and CLI tests on the compiled build, then its output against the source's on
# every evaluation report (must be identical).
test-compiled: compiled setup
	$(VENV_C)/bin/python -m pytest -q -p no:cacheprovider tests/extract tests/cli -m "not postgres"
	$(PY) bench/extract_same_builds.py --compiled $(VENV_C)/bin/python

# Extraction speed: pure Python, the compiled build (built first, several minutes) and the spaCy
# floor, alternating.
bench-extract: setup compiled
	$(PY) -m pip install -q -e '.[dev,spark,bench]'
	$(PY) bench/extract_speed.py --docs 1000 --pairs 2

clean:
	rm -rf $(VENV) $(VENV_C) build dalil-demo .pytest_cache .mypy_cache .ruff_cache
