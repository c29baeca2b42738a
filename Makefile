# Two commands set everything up on a fresh machine: `make serve` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast test-repeat test-fresh browser bibtex node-tools bench check clean

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

## Serve the site with live reload (data/, hooks/ and overrides/ are watched too).
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Strict build into site/.
build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

## Headless Chromium for the browser tests, from the OS packages (Playwright's own download is not used).
browser:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

## TeX Live's bibtex and its standard styles (plain.bst) for the citation tests, from the OS packages.
bibtex:
	@{ command -v bibtex && kpsewhich plain.bst; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends texlive-binaries texlive-base; }

## The npm packages of the tests, from the npm registry (pinned in package-lock.json): axe-core for the
## accessibility tests; citeproc, with the APA style and en-US locale of @citation-js/plugin-csl, for CSL-JSON.
NODE_STAMP := node_modules/.installed
node-tools: $(NODE_STAMP)
$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

## Every test: lint, data, strict build, exports (checked with bibtex, citeproc and rispy) and the browser tests.
test: $(STAMP) browser bibtex node-tools
	$(VENV)/bin/ruff check hooks tests benchmarks
	$(VENV)/bin/pytest

## The fast loop: everything but the browser.
test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "not e2e"

## Flaky-test hunts (not part of `make test`, which stays one run). N runs, stopping at the first failure:
## the browser tests again and again in this checkout, or `CI=true make test` in fresh clones of HEAD.
N ?= 5
test-repeat: $(STAMP) browser node-tools
	@for i in $$(seq $(N)); do echo "run $$i of $(N)"; $(VENV)/bin/pytest -q -m e2e || exit 1; done

test-fresh:
	bash .ci/fresh-clones $(N)

## Data check only.
check: $(STAMP)
	$(VENV)/bin/catalog validate

## Benchmark: build, load, filter and search figures at 1,000 and 10,000 papers.
bench: $(STAMP) browser node-tools
	$(PY) benchmarks/bench.py

clean:
	rm -rf site .pytest_cache
