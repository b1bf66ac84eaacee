# One entry point for people and CI. `make demo` and `make test` set everything up themselves.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test test-sqlite lint bench postgres clean

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

clean:
	rm -rf $(VENV) dalil-demo .pytest_cache .mypy_cache .ruff_cache
