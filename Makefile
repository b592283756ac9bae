# make run   — set up .venv if needed and start the web app
# make test  — set up .venv if needed and run the whole test suite
# make eval  — hit@1 / hit@3 / MRR of the question set
# make eval-grid — the same for each split mode and rank-bm25 variant (how they were chosen)
# make bench — answer latency, BM25 engines and cold start from the seed to 100,000 units (~2 min)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
PORT ?= 8501

.PHONY: run test eval eval-grid bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m kyoyaku_search.evaluate

eval-grid: $(STAMP)
	$(BIN)/python benchmarks/eval_grid.py

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
