"""Time from `streamlit run app.py` to the first answer on the page, in a real browser.

    .venv/bin/python benchmarks/first_answer.py [RUNS]

Each run starts a fresh `streamlit run` (new process, so the index is built again), polls
the health endpoint, opens the page in Debian's chromium (launched before the clock starts:
a person's browser is already open), types 「岩見沢市の災害対策での役割は」 and waits for the
answer block with the citation. Then it asks REPEATS more questions in the same session and
times each from Enter to its answer on the page (the 「引用と出典をコピー」 button of that turn).
Prints each phase per run, the median of those, and the median answer latency of the repeated
questions; nothing is asserted.

    .venv/bin/python benchmarks/first_answer.py [RUNS] [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import ask_in_chat, chromium_page, streamlit_server, wait_idle  # noqa: E402

QUESTION = "岩見沢市の災害対策での役割は"
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"
PHASES = ("server up", "chat box shown", "answer shown")
# The answer is on the page: its copy button (or, before issue 12, its copy block).
ANSWERED = "button.kyoyaku-copy, [data-testid='stCode']"
REPEATED = ("費用の分担は", "札幌市の地域医療での役割は", "協約を変更するには", "岩見沢市の観光での役割は", "いつから施行されますか")


def one_run(page, repeats: int) -> tuple[tuple[float, float, float], list[float]]:  # noqa: ANN001 - playwright's Page
    with streamlit_server() as server:
        healthy = time.perf_counter() - server.started_at
        page.goto(server.url)
        page.locator("[data-testid='stChatInput'] textarea").wait_for(state="visible")
        ready = time.perf_counter() - server.started_at
        ask_in_chat(page, QUESTION)
        page.locator("[data-testid='stChatMessage']").nth(1).locator(ANSWERED).first.wait_for()
        answered = time.perf_counter() - server.started_at
        wait_idle(page, 2)
        latencies = []
        for number in range(repeats):
            question = REPEATED[number % len(REPEATED)]
            reply = page.locator("[data-testid='stChatMessage']").nth(2 * number + 3)
            started = time.perf_counter()
            ask_in_chat(page, question)
            reply.locator(ANSWERED).first.wait_for()
            latencies.append(time.perf_counter() - started)
            wait_idle(page, 2 * number + 4)
    return (healthy, ready, answered), latencies


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    results, latencies = [], []
    with chromium_page() as page:
        for number in range(1, runs + 1):
            phases, repeated = one_run(page, repeats)
            results.append(phases)
            latencies += repeated
            print(
                f"run {number}: "
                + ", ".join(f"{name} {t:.2f} s" for name, t in zip(PHASES, results[-1], strict=False)),
                flush=True,
            )
    print(
        "median: "
        + ", ".join(f"{name} {statistics.median(r[i] for r in results):.2f} s" for i, name in enumerate(PHASES))
    )
    if latencies:
        print(f"repeated questions: {len(latencies)}, median answer latency {statistics.median(latencies):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
