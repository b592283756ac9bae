"""A real install: build the wheel, install it into a fresh venv, and ask from another folder.

The dependencies (streamlit, SudachiPy, NumPy, …) are lent from the test environment through a
`.pth` line, so the test needs no network; the package itself comes only from the wheel.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCAL_ONLY = (".git", ".venv", "build", "dist", "*.egg-info", "test-artifacts", ".hypothesis", "__pycache__", ".cache")
CITATION = "出典: 別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv holding only the built wheel."""
    work = tmp_path_factory.mktemp("install")
    # Built from a clean copy: an in-tree build/ left by an earlier build would hide a file
    # the wheel no longer ships.
    tree = work / "tree"
    shutil.copytree(ROOT, tree, symlinks=True, ignore=shutil.ignore_patterns(*LOCAL_ONLY))
    wheels = work / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(tree),
        ],
        check=True,
        capture_output=True,
    )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    wheel = next(wheels.glob("kyoyaku_search-*.whl"))
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    lent = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (Path(purelib) / "lent-dependencies.pth").write_text("\n".join(sorted(lent)) + "\n", encoding="utf-8")
    return venv / "bin"


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KYOYAKU_SEARCH_DATA", "PYTHONPATH")}
    env["KYOYAKU_SEARCH_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run([*args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_wheel_answers_from_another_folder(installed, tmp_path):
    done = _run(installed, str(installed / "kyoyaku-search"), "ask", "岩見沢市の災害対策での役割は", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert CITATION in done.stdout


def test_the_wheel_is_what_runs_and_carries_its_data(installed, tmp_path):
    script = (
        "import kyoyaku_search, pathlib; from kyoyaku_search.ingest.store import BUNDLED_DATA;"
        "print(pathlib.Path(kyoyaku_search.__file__).parent); print(sorted(p.name for p in BUNDLED_DATA.rglob('*')))"
    )
    done = _run(installed, str(installed / "python"), "-c", script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    package, files = done.stdout.splitlines()
    assert Path(package).is_relative_to(installed.parent), package  # not the checkout's src/
    for name in (
        "sapporo-iwamizawa-2019.txt",
        "sapporo-iwamizawa-2019.yaml",
        "domain-synonyms.yaml",
        "sudachi-synonyms.tsv",
    ):
        assert name in files
