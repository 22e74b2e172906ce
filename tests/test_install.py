"""The package installs like any other: build the wheel, install it into a fresh
virtual environment, and run ``kg`` from a folder outside the repository.

Marked ``install`` (about 10 s): deselect it locally with ``-m "not install"``;
``make test`` and CI run it. It builds with pip's build isolation, so it needs
setuptools from PyPI or pip's cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[1]


def _run(
    argv: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{argv}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(venv bin folder, a work folder outside the repository, the environment to run in)."""
    tmp = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in ("KG_DATA", "PYTHONPATH")}
    wheels = tmp / "wheels"
    build = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, ROOT], tmp, env)
    assert "Warning" not in build.stdout + build.stderr, "setuptools warns about the packaging"
    wheel = next(wheels.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "graph/__main__.py",
        "graph/_export/__init__.py",
        "graph/templates/explorer.html",
        "graph/_sample/sources/sources.yaml",
        "graph/_sample/sources/chengde-hitech-jjj-progress.raw.txt",
    ):
        assert name in names, name
    sample = {n for n in names if n.startswith("graph/_sample/")}
    in_repo = {
        "graph/_sample/" + p.relative_to(ROOT / "data").as_posix()
        for p in (ROOT / "data").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".txt")
    }
    assert sample == in_repo, "the wheel's sample data is the repository's data/"

    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env
    ).stdout.strip()
    # The dependencies come from the running environment's site-packages as a plain
    # path entry: its .pth files (the editable install of this repository) stay unread.
    (Path(purelib) / "_kg_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel],
        tmp,
        env,
    )
    work = tmp / "elsewhere"
    work.mkdir()
    return bin_dir, work, env


def test_import_uses_the_installed_copy(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    out = _run(
        [bin_dir / "python", "-c", "import graph; print(graph.__file__); print(len(graph.load()))"],
        work,
        env,
    ).stdout.split()
    assert Path(out[0]).is_relative_to(bin_dir.parent), "graph came from the repository"
    assert int(out[1]) > 0


def test_kg_stats_and_html_outside_the_repository(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    stats = _run([bin_dir / "kg", "stats"], work, env).stdout
    assert "the sample data bundled with the package" in stats
    data = json.loads(_run([bin_dir / "kg", "stats", "--json"], work, env).stdout)
    assert data["data_origin"] == "bundled"
    assert Path(data["data"]).is_relative_to(bin_dir.parent)
    _run([bin_dir / "kg", "html", "-o", "pages/"], work, env)
    page = work / "pages" / "graph.html"
    assert page.stat().st_size > 10_000 and "天津大学" in page.read_text(encoding="utf-8")
    _run([bin_dir / "kg", "html"], work, env)
    assert (work / "output" / "graph.html").is_file()  # default: ./output when installed
    version = _run([bin_dir / "python", "-m", "graph", "--version"], work, env).stdout
    assert version.startswith("kg ")
