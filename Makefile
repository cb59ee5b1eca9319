# ASEAN Secretariat Knowledge Portal — `make help` lists the commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run serve test lint format migrate seed superuser check clean

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

CHROMIUM ?= /usr/bin/chromium

test: $(VENV)/.installed-dev ## Install test tools and run the whole suite
	@[ -x "$(CHROMIUM)" ] || echo "NOTE: no Chromium at $(CHROMIUM): the browser tests will be SKIPPED (apt-get install chromium)."
	$(BIN)/pytest

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
	rm -rf $(VENV) .pytest_cache .ruff_cache

# --- issue 4: the staff side at scale ---------------------------------------------------
BENCH_INITIATIVES ?= 100000

.PHONY: bench-admin
bench-admin: migrate ## Time the admin's initiative pages at BENCH_INITIATIVES rows (use DATABASE_URL=postgres://…)
	$(BIN)/python manage.py generate_demo_data --initiatives $(BENCH_INITIATIVES) --faqs 1000
	$(BIN)/python manage.py bench_admin

# --- issue 3: site search benchmark (its own PostgreSQL database and SQLite file) --------
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/asean_bench_search
BENCH_SQLITE_URL ?= sqlite:///$(CURDIR)/bench-search.sqlite3
BENCH_ARGS ?=
BENCH_SEARCH := DJANGO_SETTINGS_MODULE=asean_portal.settings.test $(BIN)/python manage.py bench_search

.PHONY: bench-search
bench-search: $(VENV)/.installed ## Time site search on PostgreSQL and SQLite at 100,000 initiatives (slow; not in CI)
	DATABASE_URL=$(BENCH_PG_URL) $(BENCH_SEARCH) --json .bench/search-postgresql.json $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_SQLITE_URL) $(BENCH_SEARCH) --json .bench/search-sqlite.json $(BENCH_ARGS)
	$(BENCH_SEARCH) --compare .bench/search-postgresql.json .bench/search-sqlite.json
