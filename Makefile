# The one entry point for people and CI. `make leaflet` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.runtime-installed
DEV    := $(VENV)/.dev-installed
# Reproducible builds: the PDF dates and "today" for the review-date check (2026-12-01 00:00 UTC, the shipped
# leaflet's publication date). Set SOURCE_DATE_EPOCH= (empty) to check against the real date.
export SOURCE_DATE_EPOCH ?= 1796083200

.PHONY: leaflet leaflets test lint bench hostile mutants preview docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	@touch $@

$(DEV): requirements-dev.txt requirements-cluster.txt $(RUN)
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

## make leaflet: build the default leaflet into out/ (office and press editions, and large print), named
## out/BRAND-LANGUAGE-LAYOUT-PAPER-TARGET.pdf, e.g. out/clearwater-en-gb-trifold-a4-office.pdf
leaflet: $(RUN)
	$(BIN)/brochure build
	$(BIN)/brochure build --target press
	$(BIN)/brochure build --layout large-print

## make leaflets: the default leaflet in every layout, and the second clinic's (a US clinic: its own US words)
MAPLE := --brand assets/brands/maple-main/brand.yaml --content translations/en-US.yaml
leaflets: leaflet
	$(BIN)/brochure build --layout bifold
	$(BIN)/brochure build --layout flyer
	$(BIN)/brochure build $(MAPLE)
	$(BIN)/brochure build $(MAPLE) --target press

## make preview: PNGs of every page in out/preview/
preview: $(RUN)
	$(BIN)/brochure preview --dpi 60

## make docs: the low-resolution previews shown in README.md (docs/preview/LAYOUT-office-page1.png ...)
docs: $(RUN)
	$(BIN)/brochure preview --dpi 40 -o docs/preview --stem trifold-office
	$(BIN)/brochure preview --layout bifold --dpi 30 -o docs/preview --stem bifold-office
	$(BIN)/brochure preview --layout flyer --dpi 30 -o docs/preview --stem flyer-office
	$(BIN)/brochure preview --layout large-print --dpi 20 -o docs/preview --stem large-print-office
	rm -f docs/preview/large-print-office-page*.png  # the README shows its mock-up only

## make test: the whole suite (pytest-xdist: a worker per core and one more, as some tests wait on servers, clusters
## and processes they start: on 2 cores, 2 workers kept them 173 % busy in 234 s, 3 workers 193 % in 211 s), then
## lint and types. The package is byte-compiled first: the tests start a few hundred brochure processes, and where
## Python writes no bytecode (PYTHONDONTWRITEBYTECODE) each compiled it again (0.3 s a process; 291 s -> 260 s).
## Each test file runs in one worker (--dist loadfile): the leaflets its tests share (helpers.result_of) are built
## once, not once in each worker its tests were sent to (580 -> 533 s of CPU, 321 -> 305 s, 2026-12-07)
WORKERS := $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: $(DEV)
	scripts/install-test-tools.sh
	$(BIN)/python -m compileall -q brochure
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile
	$(BIN)/ruff check brochure tests scripts
	$(BIN)/mypy

lint: $(DEV)
	$(BIN)/ruff check brochure tests scripts
	$(BIN)/mypy

## make bench: timing and memory figures (see docs/performance.md); the tool's modules compiled first, as an
## installed package's are (with PYTHONDONTWRITEBYTECODE set, each process compiled them anew: 0.56 s for 0.47)
bench: $(RUN)
	$(BIN)/python -m compileall -q brochure
	$(BIN)/python scripts/bench.py

## make hostile: the worst input of each hostile kind, timed and measured against 5 s and 500 MB
hostile: $(DEV)
	$(BIN)/python scripts/hostile.py

## make mutants: named mistakes in the core modules, each against its few tests (about 3 minutes; see
## docs/mutation.md); fails if any mistake goes unnoticed. Not part of `make test`.
mutants: $(DEV)
	$(BIN)/python scripts/mutants.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
