PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := corpus/samples/ct-sample-chuyen-doi-so.txt
STAMP := $(VENV)/.installed

.PHONY: install run test lint train evaluate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vn-directives analyze $(SAMPLE) --format jsonl --table items

test: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks

bench: $(STAMP)
	mkdir -p benchmarks/out
	$(BIN)/python benchmarks/run.py --json benchmarks/out/latest.json

train: $(STAMP)
	$(BIN)/vn-directives train

evaluate: $(STAMP)
	$(BIN)/vn-directives evaluate references
	$(BIN)/vn-directives evaluate items
	$(BIN)/vn-directives evaluate targets
	$(BIN)/vn-directives evaluate tasks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
