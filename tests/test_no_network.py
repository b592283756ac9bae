"""No pickle, no eval, no network: the library and the CLI answer with the network refused.

The subprocesses run with `tests/no_network` on PYTHONPATH, whose sitecustomize.py installs an
audit hook refusing every socket connection, send and name lookup aimed anywhere but this
machine. The control tests show the guard is on and tells loopback from the world. The web app
runs under the same guard and is asked in a real browser.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_ID, SEED_TEXT

GUARD = Path(__file__).resolve().parent / "no_network"
SCRIPT = Path(sys.executable).with_name("kyoyaku-search")

# Ways to run code or load objects that are not data. Scanned as text, comments included: the
# code base has no reason to even mention them.
FORBIDDEN = {
    "pickle": r"\b(c?pickle|cloudpickle|dill|joblib)\b",
    "eval(": r"(?<![\w.])eval\s*\(",
    "exec(": r"(?<![\w.])exec\s*\(",
    "marshal": r"\bmarshal\b",
    "shelve": r"\bshelve\b",
    "allow_pickle=True": r"allow_pickle\s*=\s*True",
    "yaml.load( / unsafe loaders": r"\byaml\.(load|load_all|unsafe_load|full_load)\s*\(|\b(Unsafe|Full)?Loader\b",
    "__import__(": r"__import__\s*\(",
}
SCANNED = sorted((ROOT / "src").rglob("*.py")) + [ROOT / "app.py"]


@pytest.mark.parametrize("name", FORBIDDEN)
def test_no_code_loading_in_src_or_app(name):
    pattern = re.compile(FORBIDDEN[name])
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in SCANNED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not found, found


@pytest.mark.parametrize(
    ("line", "caught"),
    [
        ("data = pickle.loads(blob)", "pickle"),
        ("x = eval(text)", "eval("),
        ("yaml.load(f)", "yaml.load( / unsafe loaders"),
        ("np.load(p, allow_pickle=True)", "allow_pickle=True"),
    ],
)
def test_the_scan_would_catch_them(line, caught):
    assert re.search(FORBIDDEN[caught], line)
    assert not re.search(FORBIDDEN[caught], "yaml.safe_load(text)  # literal_eval(x); evaluate(y)")


# --- the network refused -----------------------------------------------------------------------


def _guarded(args: list[str], tmp_path: Path, stdin: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    log = tmp_path / "sockets.log"
    log.unlink(missing_ok=True)
    env = os.environ | {"PYTHONPATH": str(GUARD), "NO_NETWORK_LOG": str(log)}
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, timeout=120)
    events = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    assert events[:1] == ["guard installed"], (events, done.stderr)
    return done, events[1:]


def test_the_guard_refuses_the_world_and_lets_loopback_through(tmp_path):
    probe = (
        "import socket\n"
        "def attempt(name, connect):\n"
        "    try: connect()\n"
        "    except PermissionError: print(name, 'refused')\n"
        "    except OSError: print(name, 'reached the network stack')\n"
        "attempt('lookup example.com', lambda: socket.create_connection(('example.com', 9), timeout=2))\n"
        "attempt('connect 192.0.2.1', lambda: socket.socket().connect(('192.0.2.1', 9)))\n"
        "attempt('connect ::ffff:192.0.2.1', lambda: socket.socket(socket.AF_INET6).connect(('::ffff:192.0.2.1', 9)))\n"
        "attempt('connect 127.0.0.1', lambda: socket.socket().connect(('127.0.0.1', 9)))\n"
    )
    done, events = _guarded([sys.executable, "-c", probe], tmp_path)
    assert done.stdout.splitlines() == [
        "lookup example.com refused",
        "connect 192.0.2.1 refused",
        "connect ::ffff:192.0.2.1 refused",
        "connect 127.0.0.1 reached the network stack",
    ]
    assert "refused socket.getaddrinfo 'example.com'" in events
    assert "refused socket.connect ('192.0.2.1', 9)" in events


LIBRARY = (
    "import json\n"
    "from kyoyaku_search import ask, load_corpus\n"
    "corpus = load_corpus()\n"
    "print(json.dumps(ask(corpus, '岩見沢市の災害対策での役割は').to_json(), ensure_ascii=False))\n"
)


def test_the_library_answers_with_the_network_refused(tmp_path):
    done, events = _guarded([sys.executable, "-c", LIBRARY], tmp_path)
    assert done.returncode == 0, done.stderr
    hit = json.loads(done.stdout)["hits"][0]
    assert hit["id"] == f"{SEED_ID}/row-3a-5/乙" and hit["party"] == "岩見沢市"
    assert not events, events  # not one socket event, not even to localhost


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (
            ["ask", "岩見沢市の災害対策での役割は", "--json"],
            "",
            '"citation": "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"',
        ),
        (["ask", "--jsonl"], "施行日はいつ\n費用の分担は\n", '"citation": "第4条（費用分担）"'),
        (["show", "art-4"], "", "前条の取組に係る事務を処理するために必要な費用の分担は"),
        (["parse", "--report", str(SEED_TEXT)], "", "9 件の修復"),
    ],
    ids=["ask", "jsonl", "show", "parse"],
)
def test_the_cli_answers_with_the_network_refused(tmp_path, args, stdin, expected):
    done, events = _guarded([str(SCRIPT), *args], tmp_path, stdin)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert expected in done.stdout
    assert not events, events


def test_the_web_app_answers_with_the_network_refused(tmp_path, chromium):
    """`streamlit run app.py` under the guard, asked in chromium: the answer is right, and the
    server never tried to reach anything but this machine (no usage statistics, no update check)."""
    from tests.browser import ask_in_chat, chromium_page, streamlit_server

    log = tmp_path / "sockets.log"
    with (
        streamlit_server(env={"PYTHONPATH": str(GUARD), "NO_NETWORK_LOG": str(log)}) as server,
        chromium_page() as page,
    ):
        page.goto(server.url)
        ask_in_chat(page, "岩見沢市の災害対策での役割は")
        copy = page.locator("[data-testid='stChatMessage']").nth(1).locator("button.kyoyaku-copy").first
        copy.wait_for(state="visible")
        assert "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割" in copy.get_attribute(
            "data-copy"
        )
    events = log.read_text(encoding="utf-8").splitlines()
    assert events[:1] == ["guard installed"]
    assert not [e for e in events if e.startswith("refused")], events
