# Two commands set everything up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The port `make run` and `make serve` listen on (127.0.0.1 only): `make run PORT=8123`.
PORT   ?= 8000

.PHONY: run serve worker bench test install tools migrate seed lint format screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The W3C Nu HTML checker for tests/shop/test_html_valid.py (needs npm; runs on Java).
tools: .tools/node_modules/vnu-jar/build/dist/vnu.jar

.tools/node_modules/vnu-jar/build/dist/vnu.jar:
	npm install --prefix .tools --no-audit --no-fund --ignore-scripts vnu-jar

migrate: install
	$(PY) manage.py migrate --noinput

# The site's domain follows PORT: the links in the store's emails point where it is served.
seed: migrate
	$(PY) manage.py seed_store --demo-staff --site-domain 127.0.0.1:$(PORT)

# Links in emails point where the store is served (STORE_URL); background jobs run inline.
run: seed
	@echo "Serving the store at http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	STORE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production settings under gunicorn on 127.0.0.1:$(PORT) (WEB_CONCURRENCY workers, default 2).
serve: migrate
	PORT=$(PORT) scripts/serve.sh

# Background jobs for `make serve`: a Celery worker with the beat schedule inside it (emails, the
# payment-deadline sweep, email retries). Needs a broker: CELERY_BROKER_URL or REDIS_URL. Several
# machines run `celery -A shop worker` each and one `celery -A shop beat` (README, Scaling out).
worker: migrate
	scripts/worker.sh

# Requests per second, latency and SQL queries per page for an anonymous visitor and one with a
# cart, against a bare Django view, on SQLite and on PostgreSQL + Redis (database bench_rls,
# Redis db 13; skipped when unreachable), the page cache's hit rate in a mixed run; the tables
# go to bench-results.md (README). The script migrates and seeds each database itself.
# Options: make bench BENCH_ARGS="--stack sqlite --skip-large --duration 5".
bench: install
	$(PY) scripts/bench.py $(BENCH_ARGS)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Full-page screenshots of the key pages at 1280 and 375 px into screenshots/ (git-ignored);
# needs the store running (`make run`) and /usr/bin/chromium.
screenshots: install
	$(PY) scripts/screenshots.py http://127.0.0.1:8000 screenshots

clean:
	rm -rf $(VENV) .tools .cache db.sqlite3 media .test-media staticfiles .pytest_cache .ruff_cache
