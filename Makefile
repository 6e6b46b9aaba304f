# GenAI Atlas — run `make` or `make help` for the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB := src/genai_atlas/assets/atlas.db
CONTENT := $(wildcard database/content/*.toml) database/build.py database/search_index.py database/open_data.py

.DEFAULT_GOAL := help
.PHONY: help setup db run test lint bench clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort | \
	  awk -F '\t' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install the app with its test tools

# The build imports these from the data layer: link markup, the schema version, the order of kinds
# and the search rowid layout. A change to any of them changes the database.
BUILD_IMPORTS := $(addprefix src/genai_atlas/data/,markup.py schema.py records.py search.py)

$(DB): $(STAMP) $(CONTENT) $(BUILD_IMPORTS)
	$(PY) database/build.py --output $(DB)

db: $(DB) ## build the atlas database from database/content

run: $(DB) ## set up, build the database and launch the app
	$(VENV)/bin/genai-atlas

test: $(DB) ## set up and run every test (offscreen)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP) ## ruff lint and format check, mypy on all of src/
	$(VENV)/bin/ruff check src database tests bench
	$(VENV)/bin/ruff format --check src database tests bench
	$(VENV)/bin/mypy src

bench: $(DB) ## startup, search, printing, memory, library and import benchmarks (bench/bundle_size.py: after make bundle)
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/search_latency.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/print_sheet.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/memory.py
	$(PY) bench/library.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/models_table.py
	$(PY) bench/import_epoch.py

clean: ## remove build outputs (keeps .venv)
	rm -rf build dist $(DB) .pytest_cache

include packaging/install.mk
