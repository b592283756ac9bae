# make run   — set up .venv if needed and start the web app
# make test  — set up .venv (and chromium for the browser test) if needed, lint (ruff) and run the whole test suite
# make eval  — hit@1 / hit@3 / MRR of the question set
# make eval-grid — the same for each split mode and rank-bm25 variant (how they were chosen)
# make bench — answer latency, BM25 engines and cold start from the seed to 100,000 units, parse time per format and upload → first answer for a 5-page PDF (~3 min)
# make load  — 20 browser sessions asking at once against the app on localhost (a check, not a test)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
PORT ?= 8501

.PHONY: run test lint browser eval eval-grid bench load clean

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

test: $(STAMP) browser lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src

# The end-to-end test drives Debian's chromium, and Japanese needs a CJK font. Installed here
# when missing and we are root (CI is); otherwise the test says why it skips.
browser:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=ja 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium and fonts-noto-cjk for the browser test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "chromium を入れられません（root でない、または apt-get がない）: ブラウザのテストは飛ばします / cannot install chromium: the browser test will skip"; fi

eval: $(STAMP)
	$(BIN)/python -m kyoyaku_search.views.evaluate tests/questions.yaml tests/questions-holdout.yaml tests/questions-tuning.yaml tests/questions-offtopic.yaml tests/questions-blind-r1.yaml tests/questions-blind-r2.yaml tests/questions-blind-r3.yaml tests/questions-blind-r4.yaml tests/questions-blind-r5.yaml tests/questions-blind-r6.yaml tests/questions-blind-r7a.yaml tests/questions-blind-r7b.yaml tests/questions-blind-r8a.yaml tests/questions-blind-r8b.yaml tests/questions-blind-r9a.yaml tests/questions-blind-r9b.yaml tests/questions-dev-paraphrase.yaml tests/questions-blind-r10.yaml tests/questions-blind-r11a.yaml tests/questions-blind-r11b.yaml tests/questions-blind-r12.yaml tests/questions-blind-r13a.yaml tests/questions-blind-r13b.yaml tests/questions-blind-r14.yaml tests/questions-blind-r15a.yaml tests/questions-blind-r15b.yaml tests/questions-blind-r16.yaml tests/questions-layout-shinjo-okura-2015.yaml tests/questions-layout-inami-himeji-2015.yaml tests/questions-layout-iida-oshika-2009.yaml tests/questions-layout-yamaga-kumamoto-2022.yaml tests/questions-layout-goshogawara-tsuruta.yaml tests/questions-layout-fukagawa-chippubetsu-2018.yaml tests/questions-layout-inabe-toin-2010.yaml tests/questions-layout-taka-kasai-kato-2015.yaml tests/questions-layout-sakaiminato-matsue-yonago-2009.yaml tests/questions-layout-yuzawa-ugo-2011.yaml tests/questions-layout-mihara-fukuyama-2015.yaml tests/questions-layout-xx-town-xx-city-2020.yaml tests/questions-layout-kariya-xx-town-2021.yaml tests/questions-layout-tomakomai-abira-2015.yaml tests/questions-layout-chizu-tottori-2010.yaml tests/questions-layout-hiroshima-iwakuni-2016.yaml tests/questions-layout-tamano-okayama-2016.yaml tests/questions-dev-roles-matsuyama-toon-2016.yaml tests/questions-dev-roles-minamisoma-iitate-2009.yaml tests/questions-offtopic-iida-oshika-2009.yaml tests/questions-offtopic-tomakomai-abira-2015.yaml tests/questions-layout-xx-town-xx-city-articles-2020.yaml tests/questions-layout-fukagawa-chippubetsu-articles-2018.yaml

eval-grid: $(STAMP)
	$(BIN)/python benchmarks/eval_grid.py

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/bench.py

load: $(STAMP) browser
	$(BIN)/python benchmarks/load.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
