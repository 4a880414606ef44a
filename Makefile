# One command each for the README: install, the main job on the seeds, tests.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install demo test bench

$(BIN)/python:
	$(PY) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,spark]'

demo: install
	$(BIN)/rasd analyze ../shared/corpus/seeds --db rasd.db -o seeds.jsonl

test: install
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc
