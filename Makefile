# Two commands do all the set-up: `make demo` (the TUI on the built-in cases) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint typecheck unit install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,semantic,postgres]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/workbench demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check workbench tests bench scripts
	$(BIN)/ruff format --check workbench tests bench scripts
	$(BIN)/lint-imports

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP)
	$(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
