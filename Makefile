# Self-documenting targets: `make help`. CI runs `make test` (see .ci/run).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DATA_DIR ?= data
HOST ?= 127.0.0.1
PORT ?= 8000
NEO4J_PORT ?= 7687
NEO4J_DIR := tests/neo4j
NEO4J_JARS := $(NEO4J_DIR)/target/dependency

.DEFAULT_GOAL := help
.PHONY: help install serve test lint typecheck unit check-system schema seed bench bench-http bench-lists bench-abuse bench-web bench-fast-path bench-stores web web-check documents browser clean audit-deps neo4j neo4j-deps

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

check-system: ## Check the system libraries the embedded FalkorDB needs
	@ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || { \
	  echo "error: the embedded FalkorDB needs the system library libgomp1."; \
	  echo "       install it with: sudo apt-get install -y libgomp1"; exit 1; }

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: check-system $(STAMP) ## Create .venv and install the service with its dev tools

serve: install ## Start the GraphQL service on the embedded backend with the Daxing seed
	$(BIN)/graph-service serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

lint: install ## ruff, ruff format --check and the import-linter layer contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install ## mypy --strict
	$(BIN)/mypy

unit: install ## Only the fast unit tests
	$(BIN)/pytest tests/unit -q

test: lint typecheck audit-deps ## The whole suite: lint, types, unit, conformance, api, e2e, browser
	$(BIN)/pytest -q

audit-deps: ## Node packages of the GraphQL-over-HTTP audit (skipped without npm)
	@if command -v npm >/dev/null 2>&1 && [ ! -d tests/http_audit/node_modules/graphql-http ]; then \
	  npm ci --prefix tests/http_audit --no-audit --no-fund --silent; fi

schema: install ## Re-export schema.graphql and the dataset JSON Schema
	$(BIN)/graph-service export-schema

neo4j-deps: install ## Fetch the test Neo4j's jars with Maven (tests/neo4j/pom.xml; needs Java 17+ and mvn)
	$(BIN)/python -c 'from tests.neo4j_server import resolve_dependencies; resolve_dependencies()'

neo4j: install neo4j-deps ## Run the test Neo4j 5 (Bolt on 127.0.0.1:$(NEO4J_PORT), no auth, empty; Ctrl-C stops it)
	java -Xmx512m -cp '$(NEO4J_JARS)/*' $(NEO4J_DIR)/Launcher.java --port $(NEO4J_PORT)

bench: install ## Run the benchmarks (on demand; prints figures beside targets)
	$(BIN)/python -m benchmarks

bench-http: install ## The service over HTTP vs bare graphql-core and Starlette (on demand; ~10 min)
	$(BIN)/python -m benchmarks http

bench-lists: install ## Benchmark power-list spreadsheets: import and export of 2,000 rows
	$(BIN)/python -m benchmarks.power_lists

bench-abuse: install ## Abuse and load figures against a served process (on demand; ~2 minutes)
	$(BIN)/python -m benchmarks.abuse

bench-fast-path: install ## The fast path and the response cache against strawberry's path, in process (ADR 0012)
	$(BIN)/python -m benchmarks.fast_path

bench-web: install ## Browser benchmark of the web app (needs Debian's chromium; on demand)
	$(BIN)/python -m benchmarks.web

web: ## Rebuild the web app into graph_service/api/static and its persisted documents (npm ci, codegen, tsc, Vite)
	cd clients/web && npm ci --no-audit --no-fund && npm run build

web-check: web ## Rebuild the bundle and its persisted documents; fail if either differs from the committed one
	@git diff --quiet -- graph_service/api/static graph_service/api/persisted/web.json && \
	  test -z "$$(git status --porcelain -- graph_service/api/static graph_service/api/persisted/web.json)" || { \
	  git status --short -- graph_service/api/static graph_service/api/persisted/web.json; \
	  echo "error: the committed web bundle or its persisted documents are stale: run 'make web' and commit graph_service/api/static and graph_service/api/persisted/web.json"; exit 1; }

documents: install ## Re-write the Python client's persisted documents (graph_service/api/persisted/python.json)
	$(BIN)/python -c 'from authority_graph_client.documents import write_manifest; write_manifest("graph_service/api/persisted/python.json")'

browser: install ## Only the browser tests (Playwright driving the system chromium)
	$(BIN)/pytest tests/browser -q

bench-stores: install neo4j-deps ## Embedded FalkorDB and Neo4j side by side (on demand; minutes)
	$(BIN)/python -m benchmarks.backends

clean: ## Remove the virtualenv and caches (keeps data/)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis tests/http_audit/node_modules
