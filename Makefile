# ASEAN Secretariat Knowledge Portal — `make help` lists the commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run serve test lint format migrate seed superuser check check-deploy clean \
        wrk bench bench-load profile bench-admin bench-search bench-export

help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Make .venv and install what the portal needs

migrate: $(VENV)/.installed ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the Secretariat content (idempotent) and index it for site search
	$(BIN)/python manage.py load_seed_content
	$(BIN)/python manage.py rebuild_search_index

run: seed ## Set up everything and serve http://$(HOST):$(PORT)
	@echo ""
	@echo "  The portal:  http://$(HOST):$(PORT)/"
	@echo "  The admin:   http://$(HOST):$(PORT)/admin/  (make a staff account with: make superuser)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: $(VENV)/.installed ## Production server: gunicorn + prod settings (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=asean_portal.settings.prod $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=asean_portal.settings.prod $(BIN)/gunicorn -c asean_portal/gunicorn_conf.py asean_portal.wsgi

superuser: migrate ## Create a staff account for the admin (asks for a password)
	$(BIN)/python manage.py createsuperuser

check-deploy: $(VENV)/.installed ## Django's deployment checklist on production settings (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=asean_portal.settings.prod $(BIN)/python manage.py check --deploy --fail-level WARNING

CHROMIUM ?= /usr/bin/chromium

test: $(VENV)/.installed-dev node_modules/.package-lock.json ## Install test tools and run the whole suite
	@[ -x "$(CHROMIUM)" ] || echo "NOTE: no Chromium at $(CHROMIUM): the browser tests will be SKIPPED (apt-get install chromium)."
	@[ -f node_modules/axe-core/axe.min.js ] || echo "NOTE: no axe-core in node_modules: the accessibility checks will be SKIPPED (install node and npm)."
	$(BIN)/pytest

# axe-core (npm registry, pinned in package-lock.json) for the browser tests' accessibility
# checks: `npm ci` again whenever the lock file changes.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "NOTE: npm not found: cannot install axe-core (apt-get install npm)."; fi

lint: $(VENV)/.installed-dev ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev ## Django system checks and the missing-migration check
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean: ## Remove the virtualenv and caches (keeps the database)
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules

# --- Benchmarks: every one lives in bench/; never part of make test or CI -----------------
BENCH_INITIATIVES ?= 100000
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/asean_bench_search
BENCH_SQLITE_URL ?= sqlite:///$(CURDIR)/bench-search.sqlite3
BENCH_ARGS ?=
BENCH_SEARCH := DJANGO_SETTINGS_MODULE=asean_portal.settings.test $(BIN)/python -m bench.run search

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

bench: $(VENV)/.installed-dev wrk ## Throughput vs bare Django, cache on/off (PostgreSQL, ~10 min)
	$(BIN)/python -m bench

bench-load: $(VENV)/.installed-dev wrk ## Load test: all public pages, 64 connections, 60 s quiet + 60 s publishing every 10 s
	$(BIN)/python -m bench --load

profile: $(VENV)/.installed-dev ## Profile one page with pyinstrument: make profile URL=/initiatives/
	$(BIN)/python -m bench.profile $(or $(URL),/)

bench-admin: migrate ## Time the admin's initiative pages at BENCH_INITIATIVES rows (use DATABASE_URL=postgres://…)
	$(BIN)/python manage.py generate_demo_data --initiatives $(BENCH_INITIATIVES) --faqs 1000
	$(BIN)/python -m bench.run admin

bench-search: $(VENV)/.installed ## Time site search on PostgreSQL and SQLite at 100,000 initiatives (its own database and file)
	DATABASE_URL=$(BENCH_PG_URL) $(BENCH_SEARCH) --json .bench/search-postgresql.json $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_SQLITE_URL) $(BENCH_SEARCH) --json .bench/search-sqlite.json $(BENCH_ARGS)
	$(BENCH_SEARCH) --compare .bench/search-postgresql.json .bench/search-sqlite.json

bench-export: $(VENV)/.installed ## Time and memory of an open-data download (run generate_demo_data first)
	$(BIN)/python -m bench.export
