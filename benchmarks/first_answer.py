"""Time from `streamlit run app.py` to the first answer on the page, in a real browser.

    .venv/bin/python benchmarks/first_answer.py [RUNS]

Each run starts a fresh `streamlit run` (new process, so the index is built again), polls
the health endpoint, opens the page in Debian's chromium (launched before the clock starts:
a person's browser is already open), types 「岩見沢市の災害対策での役割は」 and waits for the
copy block with the citation. Prints each phase per run and the median; nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import ask_in_chat, chromium_page, streamlit_server  # noqa: E402

QUESTION = "岩見沢市の災害対策での役割は"
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"
PHASES = ("server up", "chat box shown", "answer shown")


def one_run(page) -> tuple[float, float, float]:  # noqa: ANN001 - playwright's Page
    with streamlit_server() as server:
        healthy = time.perf_counter() - server.started_at
        page.goto(server.url)
        page.locator("[data-testid='stChatInput'] textarea").wait_for(state="visible")
        ready = time.perf_counter() - server.started_at
        ask_in_chat(page, QUESTION)
        page.locator("[data-testid='stCode']", has_text=CITATION).first.wait_for(state="visible")
        answered = time.perf_counter() - server.started_at
    return healthy, ready, answered


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = []
    with chromium_page() as page:
        for number in range(1, runs + 1):
            results.append(one_run(page))
            print(
                f"run {number}: "
                + ", ".join(f"{name} {t:.2f} s" for name, t in zip(PHASES, results[-1], strict=False)),
                flush=True,
            )
    print(
        "median: "
        + ", ".join(f"{name} {statistics.median(r[i] for r in results):.2f} s" for i, name in enumerate(PHASES))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
