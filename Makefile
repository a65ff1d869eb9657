# Two commands on a fresh clone: `make html` builds the sample report, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
DATA := data
CONTENT := content
OUTPUT := output
CONF := pelican.conf.py

.PHONY: help venv content validate html test update-golden clean bench

help:
	@echo "make html           build the report into $(OUTPUT)/ (sets up $(VENV) first)"
	@echo "make test           run every test"
	@echo "make validate       check the data, write nothing"
	@echo "make content        write the Markdown pages into $(CONTENT)/"
	@echo "make update-golden  regenerate the golden files after an intended change"
	@echo "make bench          time the generator (ratios against bare YAML parsing)"
	@echo "make clean          remove $(OUTPUT)/"

# The virtual environment is rebuilt whenever the pinned requirements change.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed

# Test tools from npm (axe-core), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

validate: venv
	$(BIN)/python -m generator --data $(DATA) validate

content: venv
	$(BIN)/python -m generator --data $(DATA) build --content $(CONTENT)

html: content
	REPORT_DATA=$(DATA) $(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF) --fatal warnings

test: venv node_modules/.installed
	$(BIN)/python -m pytest

update-golden: venv
	$(BIN)/python -m tests.golden

clean:
	rm -rf -- $(OUTPUT)

.PHONY: bench
bench: venv
	$(BIN)/python benchmarks/bench.py
