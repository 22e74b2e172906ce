"""Where `-o` writes: files are replaced atomically, anything else never.

A device, a FIFO or a descriptor link (``/dev/stdout``) is written to directly; a
socket or a block device is refused with exit 1; a symbolic link is followed and
its target replaced; ``-o -`` writes to standard output. The device cases need
root (``mknod``), which is also when replacing ``/dev/full`` becomes possible;
the nodes are made in ``tmp_path``, never in ``/dev``.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import graph
from graph import _atomic
from graph._cli import main

as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root"
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    for name in ("LNK", "REG", "DIR", "CHR", "BLK", "FIFO", "SOCK"):
        if getattr(stat, f"S_IS{name}")(mode):
            return name.lower()
    return "?"  # pragma: no cover


@pytest.fixture
def reference(tmp_path: Path) -> Iterator[dict[str, bytes]]:
    """What a plain export into a new file writes, per single-file format."""
    found = {}
    for fmt in ("json", "gexf", "graphml"):
        target = tmp_path / "ref" / f"graph.{fmt}"
        assert run("export", fmt, "-o", str(target))[0] == 0
        found[fmt] = target.read_bytes()
    yield found


def test_a_symlink_is_followed_and_its_target_replaced(
    tmp_path: Path, reference: dict[str, bytes]
) -> None:
    real = tmp_path / "elsewhere" / "real.gexf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.gexf"
    link.symlink_to(real)
    code, out = run("export", "gexf", "-o", str(link))
    assert code == 0, out
    assert kind(link) == "lnk" and os.readlink(link) == str(real)
    assert real.read_bytes() == reference["gexf"]
    assert sorted(os.listdir(tmp_path / "elsewhere")) == ["real.gexf"]  # no temporary left


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "page.html"
    link.symlink_to("pages/new.html")
    (tmp_path / "pages").mkdir()
    assert run("html", "-o", str(link))[0] == 0
    assert kind(link) == "lnk"
    assert "天津大学" in (tmp_path / "pages" / "new.html").read_text(encoding="utf-8")


def test_a_symlink_to_a_folder_export_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "tables"
    assert run("export", "csv", "-o", str(real))[0] == 0
    link = tmp_path / "csv-link"
    link.symlink_to(real)
    assert run("export", "csv", "-o", str(link))[0] == 0
    assert kind(link) == "lnk" and kind(real) == "dir"
    assert sorted(os.listdir(real)) == ["entities.csv", "relations.csv"]


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path, reference: dict[str, bytes]) -> None:
    fifo = tmp_path / "graph.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _ = run("export", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 0 and kind(fifo) == "fifo"
    assert got == [reference["json"]]


def test_a_socket_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)  # a short relative name: socket paths are limited to 108 bytes
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind("s.json")
            code, _ = run("export", "json", "-o", "s.json")
            assert kind(Path("s.json")) == "sock"
    finally:
        os.chdir(old)
    err = capsys.readouterr().err
    assert code == 1 and "is a socket" in err and "Traceback" not in err, err
    assert sorted(os.listdir(tmp_path)) == ["s.json"]


@as_root
def test_a_character_device_is_written_to_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    null = tmp_path / "null.gexf"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # as /dev/null
    assert run("export", "gexf", "-o", str(null))[0] == 0
    assert kind(null) == "chr"
    full = tmp_path / "full.gexf"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # as /dev/full
    code, _ = run("export", "gexf", "-o", str(full))
    err = capsys.readouterr().err
    assert code == 1 and "No space left on device" in err and "Traceback" not in err, err
    assert kind(full) == "chr"
    assert sorted(os.listdir(tmp_path)) == ["full.gexf", "null.gexf"]


@as_root
def test_a_block_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disk = tmp_path / "disk.json"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(240, 0))  # a number no driver uses
    code, _ = run("export", "json", "-o", str(disk))
    err = capsys.readouterr().err
    assert code == 1 and "block device" in err, err
    assert kind(disk) == "blk"


def test_a_closed_reader_ends_quietly(tmp_path: Path) -> None:
    """``kg export json -o /dev/stdout | head -c 1`` exits 0 with nothing on stderr."""
    link = tmp_path / "stdout.json"
    link.symlink_to("/proc/self/fd/1")
    code = (
        "import os, sys\n"
        "r, w = os.pipe(); os.close(r); os.dup2(w, 1)\n"  # a pipe nobody reads
        "from graph._cli import main\n"
        f"sys.exit(main(['export', 'json', '-o', {str(link)!r}]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert proc.returncode == 0 and b"error" not in proc.stderr, proc.stderr


def test_a_descriptor_link_writes_to_the_descriptor(tmp_path: Path) -> None:
    """``-o /dev/stdout``: the same magic link, made in tmp_path (never touching /dev)."""
    link = tmp_path / "stdout.json"
    link.symlink_to("/proc/self/fd/1")
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "export", "json", "-o", str(link)],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert kind(link) == "lnk" and os.readlink(link) == "/proc/self/fd/1"
    assert json.loads(proc.stdout)["nodes"]  # the graph went to standard output, nothing else
    assert b"wrote" in proc.stderr


def test_dash_writes_to_standard_output(tmp_path: Path, reference: dict[str, bytes]) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        for fmt in ("json", "gexf", "graphml"):
            proc = subprocess.run(
                [sys.executable, "-m", "graph", "export", fmt, "-o", "-"],
                capture_output=True,
                check=False,
            )
            assert proc.returncode == 0, proc.stderr
            assert proc.stdout == reference[fmt]
        code, out = run("html", "-o", "-", "--focus", "天津大学")
        assert code == 0 and out.startswith("<!DOCTYPE html>") and "wrote" not in out
        code, _ = run("export", "csv", "-o", "-")
        assert code == 1  # a folder of files has no single stream
        raw = tmp_path / "raw.txt"
        raw.write_text("領(lǐng)導(dǎo)", encoding="utf-8")
        assert run("normalize", str(raw), "-o", "-") == (0, "领导")
        assert sorted(os.listdir(tmp_path)) == ["raw.txt", "ref"]  # no file called "-"
    finally:
        os.chdir(old)


def test_leftovers_are_removed_only_when_they_are_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    stale_file = tmp_path / ".graph.json.abc.tmp"
    stale_file.write_text("half")
    stale_fifo = tmp_path / ".graph.json.def.tmp"
    os.mkfifo(stale_fifo)
    stale_link = tmp_path / ".graph.json.ghi.tmp"
    stale_link.symlink_to(tmp_path / "elsewhere")
    graph.load().export(target)
    assert not stale_file.exists()
    assert kind(stale_fifo) == "fifo" and kind(stale_link) == "lnk"


def test_output_target_says_what_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    assert _atomic.output_target(fifo).direct
    assert not _atomic.output_target(tmp_path / "new.json").direct
    link = tmp_path / "l"
    link.symlink_to(tmp_path / "new.json")
    assert _atomic.output_target(link).path == tmp_path / "new.json"


def test_a_failed_ingest_removes_only_the_files_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undoing a failed ingest removes the new files, never a link that led to them."""
    from graph._ingest import _store

    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text("星河科技园工作简报\n露露股份与星河大学签订了合作协议。\n", encoding="utf-8")
    link = root / "drafts" / "brief.yaml"
    link.symlink_to(tmp_path / "kept-draft.yaml")  # a link to nowhere: the draft goes there

    calls: list[Path] = []

    def broken(path: Path) -> graph.KnowledgeGraph:
        calls.append(path)
        if len(calls) > 1:  # the first reads the names; the second checks what was written
            raise graph.KGError("the check after writing failed")
        return graph.load(path)

    monkeypatch.setattr(_store, "load", broken)
    # The path rule (SECURITY.md) refuses the link before anything is written; an ingest
    # that got further would have to undo its writes without touching the link.
    with pytest.raises(graph.KGError, match=r"is a link|check after writing"):
        graph.ingest(doc, data=root, origin="synthetic test document")
    assert kind(link) == "lnk" and not (tmp_path / "kept-draft.yaml").exists()
    assert not (root / "sources" / "brief.txt").exists()
