# The one entry point for people and CI. `make leaflet` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.runtime-installed
DEV    := $(VENV)/.dev-installed
export SOURCE_DATE_EPOCH ?= 1767225600

.PHONY: leaflet leaflets test lint bench preview docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	@touch $@

$(DEV): requirements-dev.txt $(RUN)
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

## make leaflet: build the default leaflet into out/ (office and press editions)
leaflet: $(RUN)
	$(BIN)/brochure build -o out/leaflet.pdf
	$(BIN)/brochure build --target press -o out/leaflet-press.pdf

## make leaflets: the default leaflet and the second clinic's
leaflets: leaflet
	$(BIN)/brochure build --layout bifold -o out/leaflet-bifold.pdf
	$(BIN)/brochure build --layout flyer -o out/leaflet-flyer.pdf
	$(BIN)/brochure build --brand assets/brands/maple-main/brand.yaml -o out/maple-main.pdf
	$(BIN)/brochure build --brand assets/brands/maple-main/brand.yaml --target press -o out/maple-main-press.pdf

## make preview: PNGs of every page in out/preview/
preview: $(RUN)
	$(BIN)/brochure preview --dpi 60 -o out/preview

## make docs: the low-resolution previews shown in README.md
docs: $(RUN)
	$(BIN)/brochure preview --dpi 40 -o docs/preview
	$(BIN)/brochure preview --layout bifold --dpi 30 -o docs/preview
	$(BIN)/brochure preview --layout flyer --dpi 30 -o docs/preview

## make test: the whole suite, then lint and types
test: $(DEV)
	$(BIN)/python -m pytest
	$(BIN)/ruff check brochure tests scripts
	$(BIN)/mypy

lint: $(DEV)
	$(BIN)/ruff check brochure tests scripts
	$(BIN)/mypy

## make bench: timing and memory figures (see docs/performance.md)
bench: $(RUN)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
