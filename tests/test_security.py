"""Untrusted data folders: no reads outside the folder, no hangs, no unbounded reads.

Each test here is a regression test for a finding of issue 8 (the number in its
docstring); it failed before the fix.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import graph
from graph._limits import LimitError, Limits, UnsafePathError, read_capped, safe_source_path

# -- the helpers ------------------------------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "data" / "sources").mkdir(parents=True)
    (tmp_path / "data" / "sources" / "ok.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("token", encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize(
    "relative",
    [
        "/etc/passwd",
        "/proc/self/environ",
        "../secret.txt",
        "sub/../../secret.txt",
        "..",
        ".",
        "",
        "a\x00b",
        "~/secret.txt",
        "C:\\Windows\\win.ini",
        "\\\\server\\share\\x",
    ],
)
def test_safe_source_path_refuses(root: Path, relative: str) -> None:
    with pytest.raises(UnsafePathError) as info:
        safe_source_path(root, relative)
    assert "not a file inside sources/" in str(info.value)


def test_safe_source_path_refuses_links_out_of_the_folder(root: Path) -> None:
    (root / "sources" / "link.txt").symlink_to(root.parent / "secret.txt")
    (root / "sources" / "dir").symlink_to(root.parent)
    for relative in ("link.txt", "dir/secret.txt"):
        with pytest.raises(UnsafePathError):
            safe_source_path(root, relative)


def test_refusal_does_not_reveal_whether_the_target_exists(root: Path) -> None:
    messages = set()
    for target in ("/etc/passwd", "/no/such/file"):
        with pytest.raises(UnsafePathError) as info:
            safe_source_path(root, target)
        messages.add(str(info.value).replace(target, "X"))
    assert len(messages) == 1


def test_safe_source_path_accepts_files_and_links_inside(root: Path) -> None:
    (root / "sources" / "sub").mkdir()
    (root / "sources" / "sub" / "b.txt").write_text("乙", encoding="utf-8")
    (root / "sources" / "alias.txt").symlink_to(root / "sources" / "ok.txt")
    assert safe_source_path(root, "ok.txt") == (root / "sources" / "ok.txt").resolve()
    assert safe_source_path(root, "sub/b.txt").read_text(encoding="utf-8") == "乙"
    assert safe_source_path(root, "alias.txt").name == "ok.txt"


def test_read_capped_reads_within_the_cap(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 100)
    assert read_capped(p, 100) == b"x" * 100
    with pytest.raises(LimitError, match=r"larger than 99 bytes.*KG_MAX_SOURCE_BYTES"):
        read_capped(p, 99)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_read_capped_refuses_devices(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(graph.KGError, match="not a regular file"):
        read_capped(device, 10)


def test_read_capped_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_capped(fifo, 10))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(timeout=10)
    if thread.is_alive():  # unblock the reader so the test run can end
        with open(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("read_capped blocked on a FIFO")
    assert isinstance(outcome[0], graph.KGError) and "not a regular file" in str(outcome[0])


def test_read_capped_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(graph.KGError, match="does not exist"):
        read_capped(tmp_path / "nope", 10)
    with pytest.raises(graph.KGError, match="not a regular file"):
        read_capped(tmp_path, 10)


def test_limits_from_the_environment() -> None:
    limits = Limits.from_env(
        {"KG_MAX_DATA_BYTES": "1_000", "KG_MAX_SOURCE_BYTES": "2000", "KG_MAX_DEPTH": "5"}
    )
    assert (limits.max_data_bytes, limits.max_source_bytes, limits.max_depth) == (1000, 2000, 5)
    assert limits.max_int_digits == Limits().max_int_digits
    with pytest.raises(graph.KGError, match="KG_MAX_DEPTH"):
        Limits.from_env({"KG_MAX_DEPTH": "lots"})
    with pytest.raises(graph.KGError, match="positive integer"):
        Limits(max_depth=0)
