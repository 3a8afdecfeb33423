# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PORT ?= 3000
HOST ?= 127.0.0.1
REFLEX_DB_URL ?= sqlite:///ats.db
BUN_VERSION := 1.4.5
TOOLS := $(CURDIR)/.tools
BUN_BIN := $(TOOLS)/node_modules/@oven/bun-linux-x64/bin
VENV := $(CURDIR)/.venv
PY := $(VENV)/bin/python

export REFLEX_DB_URL
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
# The registry npm is configured with on this machine (Reflex probes registries otherwise).
export NPM_CONFIG_REGISTRY ?= $(shell npm config get registry 2>/dev/null)
export REFLEX_USE_SYSTEM_BUN := 1
export PATH := $(BUN_BIN):$(VENV)/bin:$(PATH)

.PHONY: run test setup translations i18n-update lint unit e2e chromium pango bench wheel clean

## Install everything the app needs (idempotent: each step is skipped when already done).
setup: $(VENV)/.installed $(BUN_BIN)/bun translations pango

$(VENV)/.installed: pyproject.toml devtools/pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -e ".[test]" -e ./devtools
	@touch $@

$(BUN_BIN)/bun:
	@mkdir -p $(TOOLS)
	@test -f $(TOOLS)/package.json || echo '{"private":true}' > $(TOOLS)/package.json
	npm install --prefix $(TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error "@oven/bun-linux-x64@$(BUN_VERSION)"
	@touch $@

## Compile the .po catalogs into the .mo files the app reads.
translations: $(VENV)/.installed
	@$(VENV)/bin/pybabel -q compile -d locales -D messages

## After changing UI text: extract messages and merge them into every catalog (then translate the new ones).
i18n-update: $(VENV)/.installed
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k t -k _ -k gettext:2 -k N_ -k NC_:1c,2 --no-location --sort-output -w 120 -o locales/messages.pot .
	$(VENV)/bin/pybabel -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete -w 120

## Serve the app in production mode on one port (http://$(HOST):$(PORT)). Demo data only on the embedded
## default database (sqlite:///ats.db) while it is empty; the demo password works only when HOST is loopback.
run: setup
	$(VENV)/bin/ats migrate
	ATS_LISTEN_HOST=$(HOST) $(VENV)/bin/ats demo-data --if-empty --embedded-only
	@echo "Serving on http://$(HOST):$(PORT)"
	ATS_LISTEN_HOST=$(HOST) ATS_PUBLIC_URL="$${ATS_PUBLIC_URL:-http://$(HOST):$(PORT)}" $(VENV)/bin/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT) --backend-host $(HOST)

## Debian's Chromium for the browser tests (Playwright's own download cannot work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Debian's pango and harfbuzz-subset libraries, which WeasyPrint loads to print letters and CVs as PDF.
pango:
	@missing=; for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0; do \
	  $$(command -v ldconfig || echo /sbin/ldconfig) -p | grep -qF "$$lib " || missing=1; done; \
	[ -z "$$missing" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; }

## The whole suite: unit and State tests, then browser tests against the real production server, on SQLite;
## then all of it again on PostgreSQL + Redis when ATS_TEST_POSTGRES_URL (and ATS_TEST_REDIS_URL) are set.
test: setup chromium
	@$(MAKE) --no-print-directory lint unit e2e
	@if [ -n "$$ATS_TEST_POSTGRES_URL" ]; then \
	  echo "== The same suite on PostgreSQL ($$ATS_TEST_POSTGRES_URL) and Redis ($${ATS_TEST_REDIS_URL:-none}) =="; \
	  ATS_TEST_TARGET=postgres $(MAKE) --no-print-directory unit e2e; \
	fi

## The shape holds: ruff (import order, no relative imports, no imports inside functions), the import
## contracts (rules never import Reflex; mail and delivery never import the concerns above them; only the CLI
## imports the development tools), mypy on the rules, no import cycles, and a wheel without development code.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	$(PY) devtools/check_shape.py

unit: setup
	$(PY) -m pytest -q -p no:playwright tests/unit

e2e: setup chromium
	$(PY) -m pytest -q tests/e2e

## Speed of Application handling on a temporary 1,000,000-application SQLite database (numbers go in the README).
bench: setup
	$(VENV)/bin/ats bench

## The product's wheel, in dist/ (what ships: ats_app without the development tools).
wheel: setup
	$(PY) -m build --wheel --no-isolation --outdir dist .

clean:
	rm -rf .web .states $(VENV) $(TOOLS) shots dist build
