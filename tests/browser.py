"""The real app in a real browser: `streamlit run app.py` on a free localhost port, driven by
Debian's chromium through Playwright. Shared by the end-to-end test and the timing benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHAT_BOX = "[data-testid='stChatInput'] textarea"
SEND_READY = "[data-testid='stChatInputSubmitButton']:not([disabled])"
BOX_EMPTY = "s => document.querySelector(s).value === ''"
ARTIFACTS = ROOT / "test-artifacts"


@dataclass(frozen=True)
class Server:
    url: str
    started_at: float  # time.perf_counter() when `streamlit run` was started
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(env: dict[str, str] | None = None, timeout: float = 120.0) -> Iterator[Server]:
    """`streamlit run app.py` on 127.0.0.1 and a free port, stopped on exit."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
    ]
    # Kept open for the server's lifetime (closed in the finally below), so not a `with` block.
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w", encoding="utf-8") if ARTIFACTS.is_dir() else subprocess.DEVNULL  # noqa: SIM115
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
    )
    server = Server(f"http://127.0.0.1:{port}", started, process)
    try:
        _wait_healthy(server, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if log is not subprocess.DEVNULL:
            log.close()


def _wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {server.process.returncode}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer on {server.url} within {timeout} s")


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator:  # noqa: ANN401 - playwright's Page
    """A page in headless Debian chromium (Playwright's own browser download does not work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="ja-JP")
            page.set_default_timeout(60_000)
            yield page
        finally:
            browser.close()


def ask_in_chat(page, question: str) -> None:  # noqa: ANN001
    """Type `question` and send it. The box's React state takes a filled value on its own
    schedule: Enter pressed before it has (a loaded machine) sends nothing and the test waits for
    a reply that never comes. The send button is enabled only once the value is taken, so the
    question is sent then, and it is sent once the box is empty again."""
    box = page.locator(CHAT_BOX)
    box.wait_for(state="visible")
    box.fill(question)
    page.locator(SEND_READY).wait_for()
    box.press("Enter")
    page.wait_for_function(BOX_EMPTY, arg=CHAT_BOX)


def activate(locator) -> None:  # noqa: ANN001 - a playwright Locator
    """Press a button (or open a summary) by keyboard. A click is aimed at coordinates, and they
    go stale when the page scrolls between Playwright's check and the click — Streamlit pins a
    chat page to its end as it grows, late on a loaded machine — so the click lands beside the
    button and is lost. Focus and Enter do not depend on where the button is."""
    locator.wait_for(state="visible")
    locator.focus()
    locator.press("Enter")


ANSWER_DONE = "[data-testid='stChatMessage']"
# The script has finished its run: no status widget, and no element left over from the run
# before (Streamlit marks those data-stale until the new run replaces them). Without the second
# check a loaded machine lets a test read the welcome message's leftovers as the reply.
IDLE = (
    "n => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
    "&& !document.querySelector('[data-stale=\"true\"]') "
    "&& document.querySelectorAll(\"[data-testid='stChatMessage']\").length >= n"
)


def wait_idle(page, messages: int = 0) -> None:  # noqa: ANN001
    """Wait until the page shows at least `messages` chat messages and its script run is over."""
    page.wait_for_function(IDLE, arg=messages)


@dataclass(frozen=True)
class Reply:
    text: str  # the assistant message as rendered
    seconds: float  # from pressing Enter to the reply on the page


async def ask_in_sessions(url: str, questions: list[list[str]], timeout_ms: int = 180_000) -> list[list[Reply]]:
    """Open one browser session (its own context, so its own Streamlit session) per list of
    questions, ask them all at once, and return each session's replies as rendered text.

    A reply is read once the chat holds an assistant message for every question asked.
    """
    import asyncio

    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:

            async def session(own: list[str]) -> list[str]:
                context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
                page = await context.new_page()
                page.set_default_timeout(timeout_ms)
                await page.goto(url)
                replies = []
                for number, question in enumerate(own, start=1):
                    box = page.locator(CHAT_BOX)
                    await box.wait_for(state="visible")
                    await box.fill(question)
                    await page.locator(SEND_READY).wait_for()  # the value is taken (see ask_in_chat)
                    asked = time.perf_counter()
                    await box.press("Enter")
                    await page.wait_for_function(BOX_EMPTY, arg=CHAT_BOX)
                    # the welcome message is replaced by user/assistant pairs: wait for this turn's reply
                    reply = page.locator(ANSWER_DONE).nth(2 * number - 1)
                    await reply.locator(
                        "[data-testid='stCode'], [data-testid='stAlert'], [data-testid='stMarkdown']"
                    ).first.wait_for()
                    await page.wait_for_function(IDLE, arg=2 * number)
                    replies.append(Reply(await reply.inner_text(), time.perf_counter() - asked))
                await context.close()
                return replies

            return list(await asyncio.gather(*(session(own) for own in questions)))
        finally:
            await browser.close()
