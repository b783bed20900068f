# The README's two commands: `make` (the main job) and `make test`. Both bootstrap .venv themselves and
# reinstall only when pyproject.toml or constraints.txt change (the stamp's name is their content hash).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# The checkout's folder is part of the hash: a checkout moved elsewhere gets its .venv checked (and remade) again.
# The folder is read by `pwd -P` (the same path as $(CURDIR)), never pasted into the command: a folder named with a
# backtick or "$(…)" ran that command, and one with a double quote stopped make with a wrong message (round twenty).
# The same Python start reads the notebooks' kernel name from its one definition, analysis/paths.py (standard
# library only, so the system Python can): one interpreter start is most of a no-op `make`.
# It also says "python-changed" when .venv's python now leads to another Python version than the one .venv was made
# for (`python3` moved on by a distribution upgrade or Homebrew): the bootstrap then runs and makes .venv again.
MAKE_VARS := $(shell (cat pyproject.toml constraints.txt; pwd -P) 2>/dev/null | $(PYTHON) -c "import hashlib,sys;from analysis.paths import KERNEL_NAME;from analysis.run.bootstrap import python_changed;print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:16], KERNEL_NAME, 'python-changed' if python_changed() else '')")
DEPS_HASH := $(word 1,$(MAKE_VARS))
KERNEL_NAME := $(word 2,$(MAKE_VARS))
VENV_CHANGED := $(word 3,$(MAKE_VARS))
STAMP  := $(VENV)/.installed-$(DEPS_HASH)


.PHONY: all force build validate check charts notebooks test suite lint bench scan-eval clean kernel lab help lock

# The notebooks' kernel: the venv's Python registered inside .venv (--sys-prefix), so it never touches the user's
# own Jupyter set-up and goes when .venv goes. The notebooks' metadata names it, so they open on it; `make`
# registers it too, so `jupyter nbconvert --execute` works on a notebook after `make` alone.
# Its name (KERNEL_NAME, above) is defined in analysis/paths.py; the notebooks' metadata and the tests import it.
$(if $(KERNEL_NAME),,$(error could not read KERNEL_NAME from analysis/paths.py with $(PYTHON)))
KERNEL_SPEC := $(VENV)/share/jupyter/kernels/$(KERNEL_NAME)/kernel.json

# The main job. Each step is skipped when the content of its inputs is unchanged (see analysis/run/pipeline.py);
# `make force` runs them all.
all: $(STAMP) $(KERNEL_SPEC)
	@$(PY) -m analysis all

help:
	@echo "make            build the tables, fact-check, run the notebooks, export charts, workbook and gallery (outputs/)"
	@echo "make test       lint and run the whole test suite (what CI runs)"
	@echo "make force      the main job with nothing skipped"
	@echo "make lab        JupyterLab on the notebooks (PORT=8899 to move it; LAB_ARGS=... for more options)"
	@echo "make serve      the record in Datasette on http://127.0.0.1:8001/ (PORT=... to move it)"
	@echo "make bench      time each command against its budget (outputs/bench.json)"
	@echo "make scan-eval  score scan on held-out articles: recall, precision, right match"
	@echo "make validate   check data/raw and list every problem as file:row, writing nothing"
	@echo "make lock       rewrite constraints.txt (the pinned versions) from pyproject.toml with uv"
	@echo "make clean      remove outputs/"

force: $(STAMP)
	$(PY) -m analysis all --force

# uv when it can be had (on PATH, or pip-installed into ~/.cache/cse-figures), else pip; the machine's pip settings
# (indexes, find-links, constraints) are passed on to uv. See analysis/run/bootstrap.py.
# The venv's python is a prerequisite too: when the Python it links to is removed or upgraded, the link leads
# nowhere (or somewhere newer) and the bootstrap makes .venv again, instead of every command failing.
# pyproject.toml and constraints.txt are not: the stamp's name is their content hash, so an edit names another
# stamp, and their file times only misled make. Dated in the future (a clock ahead where they were saved, an
# archive's times), they were newer than any stamp: every `make` reinstalled the project, which rewrote its
# dist-info and so reran every step (issue 24, round twenty).
$(STAMP): $(PY) $(VENV_CHANGED)
	@$(PYTHON) -m analysis.run.bootstrap dev
	@rm -f $(VENV)/.installed-*
	@touch $@

$(PY): ;

.PHONY: python-changed
python-changed: ;

venv: $(STAMP)

# constraints.txt, the lock both installers read, is written by uv from pyproject.toml (never by hand): run this
# after changing a dependency (UPGRADE=1 to move every pin to the newest that fits).
lock:
	@$(PYTHON) -m analysis.run.bootstrap lock

build: $(STAMP)
	$(PY) -m analysis build

validate: $(STAMP)
	$(PY) -m analysis validate

check: build
	$(PY) -m analysis check

notebooks: build
	$(PY) -m analysis notebooks

charts: build
	$(PY) -m analysis charts

lint: $(STAMP)
	$(PY) -m ruff check analysis tests notebooks benchmarks
	$(PY) -m mypy

# Lint and the suite side by side (-j2, their output kept whole line by line): mypy uses one core for
# ~10 s on a fresh clone, which the suite's start leaves half idle. Either failing fails `make test`.
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 --output-sync=line lint suite

# --dist loadfile: each test file runs on one worker, so what a file's fixtures build (charts drawn, a baseline
# built) is built once, not once per worker; files are handed out in the order tests/conftest.py sorts them.
suite: $(STAMP)
	$(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder -rs

bench: $(STAMP)
	$(PY) benchmarks/bench.py

scan-eval: $(STAMP)
	$(PY) benchmarks/scan_eval.py

clean:
	rm -rf outputs

# The record in SQLite (outputs/cse.db) and Datasette on this machine only: `make serve PORT=8002` to move it.
.PHONY: db serve
PORT ?= 8001

db: $(STAMP)
	$(PY) -m analysis db
serve: $(STAMP)
	$(PY) -m analysis db --serve --port $(PORT)
kernel: $(KERNEL_SPEC)
$(KERNEL_SPEC): $(STAMP)
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "Python ($(KERNEL_NAME))"
# JupyterLab in notebooks/ on the project's kernel (Ctrl-C to stop): `make lab PORT=8899` to move it, LAB_ARGS=...
# for any other option.
LAB_ARGS ?=
LAB_PORT := $(if $(filter command line environment,$(origin PORT)),--ServerApp.port=$(PORT) --ServerApp.port_retries=0,)
lab: $(KERNEL_SPEC)
	$(if $(LAB_PORT),@$(PY) -m analysis.run.ports $(PORT) "make lab")
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $(LAB_PORT) --MappingKernelManager.default_kernel_name=$(KERNEL_NAME) $(LAB_ARGS)
