"""Untrusted data folders: no reads outside the folder, no hangs, no unbounded reads.

Each test here is a regression test for a finding of issue 8 (the number in its
docstring); it failed before the fix.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    with pytest.raises(graph.UnsafePathError):
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
    assert isinstance(outcome[0], graph.UnsafePathError), outcome


def test_read_capped_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(graph.ReadError):
        read_capped(tmp_path / "nope", 10)
    with pytest.raises(graph.UnsafePathError):
        read_capped(tmp_path, 10)


def test_limits_from_the_environment() -> None:
    limits = Limits.from_env(
        {"KG_MAX_DATA_BYTES": "1_000", "KG_MAX_SOURCE_BYTES": "2000", "KG_MAX_DEPTH": "5"}
    )
    assert (limits.max_data_bytes, limits.max_source_bytes, limits.max_depth) == (1000, 2000, 5)
    assert limits.max_int_digits == Limits().max_int_digits
    with pytest.raises(graph.ArgumentError, match="KG_MAX_DEPTH"):  # names the setting to fix
        Limits.from_env({"KG_MAX_DEPTH": "lots"})
    with pytest.raises(graph.ArgumentError, match="positive integer"):
        Limits(max_depth=0)


# -- the loader: finding 1, files outside the folder --------------------------------------------


def _set_source(root: Path, **fields: str | None) -> None:
    """Rewrite the one source record of ``root``'s sources.yaml with ``fields`` changed."""
    import yaml

    file = root / "sources" / "sources.yaml"
    records = yaml.safe_load(file.read_text(encoding="utf-8"))
    records[0].update(fields)
    file.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def _problems(root: Path, **kwargs: Limits) -> list[str]:
    with pytest.raises(graph.DataError) as info:
        graph.load(root, **kwargs)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOKEN=abc123\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink", "proc"])
def test_source_paths_stay_inside_the_folder(sample_data: Path, outside: Path, how: str) -> None:
    """Finding 1: text/raw outside sources/ are refused, and nothing of them is shown."""
    if how == "absolute":
        text = str(outside)
    elif how == "dotdot":
        text = "../../secret.txt"
    elif how == "proc":
        text = "/proc/self/environ"
    else:
        (sample_data / "sources" / "link.txt").symlink_to(outside)
        text = "link.txt"
    for key in ("text", "raw"):
        _set_source(sample_data, **{key: text})
        problems = _problems(sample_data)
        assert any("sources.yaml" in p and "not a file inside sources/" in p for p in problems)
        assert not any("TOKEN" in p or "root:x" in p for p in problems), problems
        _set_source(sample_data, text="report.txt", raw=None)


def test_refusal_is_the_same_whether_the_target_exists_or_not(
    sample_data: Path, outside: Path
) -> None:
    """Finding 1: "cannot read …: No such file" told whether a file outside existed."""
    messages = []
    for target in (str(outside), str(outside.parent / "no-such-file")):
        _set_source(sample_data, text=target)
        messages.append([p.replace(target, "X") for p in _problems(sample_data)])
    assert messages[0] == messages[1]


def test_data_files_linked_from_outside_are_refused(sample_data: Path, tmp_path: Path) -> None:
    """Finding 1: a YAML file in entities/ that links out of the folder is not read."""
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("secret: TOKEN\n", encoding="utf-8")
    (sample_data / "entities" / "more.yaml").symlink_to(elsewhere)
    problems = _problems(sample_data)
    assert any("more.yaml" in p and "outside the data folder" in p for p in problems)
    assert not any("TOKEN" in p for p in problems)


# -- finding 2: unbounded reads, FIFOs -----------------------------------------------------------


def _load_in_thread(root: Path, timeout: float = 20) -> BaseException | graph.KnowledgeGraph:
    outcome: list[BaseException | graph.KnowledgeGraph] = []

    def run() -> None:
        try:
            outcome.append(graph.load(root))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        for fifo in root.rglob("*"):  # open the FIFO's other end so the thread can finish
            if fifo.is_fifo():
                with open(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK), "wb"):
                    pass
        pytest.fail("graph.load hung")
    return outcome[0]


@pytest.mark.parametrize("key", ["text", "raw"])
def test_a_fifo_as_source_does_not_hang(sample_data: Path, key: str) -> None:
    """Finding 2: a FIFO as a source hung the loader for ever."""
    os.mkfifo(sample_data / "sources" / "pipe.txt")
    _set_source(sample_data, **{key: "pipe.txt"})
    outcome = _load_in_thread(sample_data)
    assert isinstance(outcome, graph.DataError)
    assert any("not a regular file" in str(p) for p in outcome.problems)


def test_a_fifo_as_data_file_does_not_hang(sample_data: Path) -> None:
    os.mkfifo(sample_data / "entities" / "more.yaml")
    outcome = _load_in_thread(sample_data)
    assert isinstance(outcome, graph.DataError)
    assert any("more.yaml" in str(p) and "not a regular file" in str(p) for p in outcome.problems)


def test_a_device_as_source_is_refused(sample_data: Path) -> None:
    """Finding 2: /dev/zero read until memory ran out."""
    (sample_data / "sources" / "zero.txt").symlink_to("/dev/zero")
    _set_source(sample_data, text="zero.txt")
    assert any("not a file inside sources/" in p for p in _problems(sample_data))
    try:
        os.mknod(sample_data / "sources" / "dev.txt", 0o600 | 0o020000, os.makedev(1, 5))
    except (OSError, AttributeError):
        return  # no permission to make a device node here
    _set_source(sample_data, text="dev.txt")
    assert any("not a regular file" in p for p in _problems(sample_data))


def test_source_size_is_capped(sample_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 2: source files are read with a cap, overridable per call or by environment."""
    size = (sample_data / "sources" / "report.txt").stat().st_size
    problems = _problems(sample_data, limits=Limits(max_source_bytes=size - 1))
    assert any(
        f"larger than {size - 1:,} bytes" in p and "KG_MAX_SOURCE_BYTES" in p for p in problems
    )
    assert graph.load(sample_data, limits=Limits(max_source_bytes=size))
    monkeypatch.setenv("KG_MAX_SOURCE_BYTES", str(size - 1))
    assert any("larger than" in p for p in _problems(sample_data))


def test_data_file_size_is_capped(sample_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = (sample_data / "entities" / "entities.yaml").stat().st_size
    problems = _problems(sample_data, limits=Limits(max_data_bytes=size - 1))
    assert any("entities.yaml" in p and "KG_MAX_DATA_BYTES" in p for p in problems)
    monkeypatch.setenv("KG_MAX_DATA_BYTES", str(size + 10_000))
    assert graph.load(sample_data)


# -- finding 3: tracebacks instead of KGError -----------------------------------------------------


def _append_entity(root: Path, extra: str) -> None:
    """Add one entity to entities.yaml whose last lines are ``extra`` (YAML, indented 2)."""
    file = root / "entities" / "entities.yaml"
    file.write_text(
        file.read_text(encoding="utf-8")
        + "- id: extra\n  type: place\n  name: 某地\n  name_en: Somewhere\n"
        + "  evidence: [{source: report, quote: 天津大学}]\n"
        + extra,
        encoding="utf-8",
    )


def test_null_optional_fields_are_absent(sample_data: Path) -> None:
    """Finding 3: a null `raw:` raised TypeError; null optional fields are now absent."""
    _set_source(sample_data, raw=None, origin=None, notes=None)
    _append_entity(sample_data, "  aliases:\n  status:\n  notes:\n  notes_zh:\n  attributes:\n")
    kg = graph.load(sample_data)
    assert kg.source("report").raw_path == ""
    assert kg.entity("extra").aliases == () and kg.entity("extra").status is None


def test_nul_byte_in_a_path(sample_data: Path) -> None:
    """Finding 3: a NUL byte in a path raised ValueError."""
    file = sample_data / "sources" / "sources.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("text: report.txt", 'text: "report\\0.txt"'),
        encoding="utf-8",
    )
    assert any("not a file inside sources/" in p for p in _problems(sample_data))


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("  attributes: {n: " + "9" * 5000 + "}\n", "integer of 5,000 digits"),
        ("  attributes: {n: " + "9" * 101 + "}\n", "integer of 101 digits"),
        ("  attributes: {n: 1e400}\n", "too large to be stored"),
        ("  attributes: {n: -1e400}\n", "too large to be stored"),
        ("  attributes: {n: " + "[" * 600 + "]" * 600 + "}\n", "nested more than 64 levels"),
    ],
    ids=["int-5000", "int-101", "1e400", "-1e400", "flow-600"],
)
def test_hostile_values_are_problems(sample_data: Path, extra: str, words: str) -> None:
    _append_entity(sample_data, extra)
    problems = _problems(sample_data)
    assert any("entities.yaml:" in p and words in p for p in problems), problems


def test_deep_block_nesting(sample_data: Path) -> None:
    """Finding 3: about 990 levels of block nesting raised RecursionError."""
    lines = ["  attributes:\n"] + [f"{'  ' * (i + 2)}k{i}:\n" for i in range(1000)]
    lines.append(f"{'  ' * 1002}v\n")
    _append_entity(sample_data, "".join(lines))
    problems = _problems(sample_data)
    assert any("nested more than 64 levels" in p for p in problems), problems[:3]


def test_the_depth_limit_is_overridable(sample_data: Path) -> None:
    _append_entity(sample_data, "  attributes: {n: [[[1]]]}\n")
    assert graph.load(sample_data).entity("extra").attributes["n"] == (((1,),),)
    problems = _problems(sample_data, limits=Limits(max_depth=4))
    assert any("KG_MAX_DEPTH" in p for p in problems)


def test_nan_and_inf_stay_text(sample_data: Path) -> None:
    _append_entity(sample_data, "  attributes: {a: .nan, b: .inf, c: -.Inf, d: nan}\n")
    attrs = graph.load(sample_data).entity("extra").attributes
    assert dict(attrs) == {"a": ".nan", "b": ".inf", "c": "-.Inf", "d": "nan"}


def test_an_unexpected_error_becomes_a_located_problem(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 3: every file's unexpected error is a problem at that file."""
    import graph._load

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a check the loader lacks")

    monkeypatch.setattr(graph._load, "Relation", boom)
    problems = _problems(sample_data)
    assert any(
        "relations.yaml" in p and "RuntimeError: a check the loader lacks" in p for p in problems
    ), problems


# -- finding 6: cheap suggestions -----------------------------------------------------------------


def test_suggestions_for_unknown_endpoints_stay_cheap(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 6: each unknown endpoint ran difflib over every id (2,000 took 97 s)."""
    import graph._load

    n = 2000
    ev = "  evidence: [{source: report, quote: 天津大学}]\n"
    (sample_data / "entities" / "many.yaml").write_text(
        "".join(
            f"- id: firm-{i}\n  type: enterprise\n  name: 企业{i}\n  name_en: F{i}\n{ev}"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    (sample_data / "relations" / "many.yaml").write_text(
        "".join(
            f"- source: firm-{i}\n  target: frim-{i}\n  type: cooperation\n  status: signed\n{ev}"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    examined: list[int] = []
    real = graph._load._close_matches

    def counting(word: str, candidates: list[str], cutoff: float) -> list[str]:
        examined.append(len(candidates))
        return real(word, candidates, cutoff)

    monkeypatch.setattr(graph._load, "_close_matches", counting)
    problems = _problems(sample_data)
    assert sum("no entity has the id 'frim-" in p for p in problems) == n
    assert sum(examined) <= 200 * 30  # bounded, whatever the number of ids and bad references
    assert any("did you mean 'firm-1'?" in p for p in problems)  # and still helpful


# -- finding 9: small errors --------------------------------------------------------------------


def test_a_quoted_merge_key_is_an_ordinary_key(sample_data: Path) -> None:
    _append_entity(sample_data, '  attributes: {"<<": 1}\n')
    assert graph.load(sample_data).entity("extra").attributes["<<"] == 1
    _append_entity(sample_data, "  attributes: {<<: {a: 1}}\n")
    assert any("merge key" in p for p in _problems(sample_data))


def test_an_empty_raw_sha256_says_so(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(graph.DEFAULT_DATA / "sources", data / "sources")
    (data / "entities").mkdir()
    (data / "relations").mkdir()
    file = data / "sources" / "sources.yaml"
    text = file.read_text(encoding="utf-8")
    start = text.index("raw_sha256:")
    end = text.index("\n", start)
    file.write_text(text[:start] + "raw_sha256:" + text[end:], encoding="utf-8")
    problems = _problems(data)
    assert any("raw_sha256: is empty" in p and "sha256sum" in p for p in problems), problems
    assert not any("has changed" in p for p in problems)


def test_each_entity_must_be_a_mapping(sample_data: Path) -> None:
    (sample_data / "entities" / "more.yaml").write_text("- just text\n", encoding="utf-8")
    problems = _problems(sample_data)
    assert any("each entity must be a mapping" in p for p in problems), problems


def test_an_unreadable_entity_file_does_not_cascade(sample_data: Path) -> None:
    """Finding 9: one unreadable file gave one "no entity has the id" per reference."""
    (sample_data / "entities" / "entities.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    problems = _problems(sample_data)
    assert not any("no entity has the id" in p for p in problems), problems
    assert sum("relations.yaml" in p for p in problems) == 1
    assert any("entities.yaml" in p and "invalid YAML" in p for p in problems)


def test_an_unreadable_sources_file_does_not_cascade(sample_data: Path) -> None:
    (sample_data / "sources" / "sources.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(graph.DataError) as info:
        graph.load(sample_data)
    problems = info.value.problems
    assert not any("unknown source" in p.message for p in problems), problems
    assert [p.file.name for p in problems] == ["entities.yaml", "relations.yaml", "sources.yaml"]
    assert "could not be read" in problems[0].message


def test_messages_do_not_repeat_huge_values(sample_data: Path) -> None:
    """Finding 9: error messages repeated whole 10 MB values."""
    huge = "某" * 2_000_000
    _append_entity(sample_data, f"  aliases: [{huge[:10]}]\n  notes_zh: 1\n  bad_{huge}: 1\n")
    file = sample_data / "relations" / "relations.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("quote: 天津大学", f"quote: {huge}", 1),
        encoding="utf-8",
    )
    with pytest.raises(graph.DataError) as info:
        graph.load(sample_data)
    assert len(str(info.value)) < 20_000
    assert all(len(str(p)) < 2_500 for p in info.value.problems)


# -- finding 5: folder exports are atomic as a set, and take turns --------------------------------


def _tables(folder: Path) -> tuple[int, int]:
    """Rows of entities.csv and relations.csv."""
    import csv

    def rows(name: str) -> int:
        with open(folder / name, encoding="utf-8-sig", newline="") as handle:
            return len(list(csv.reader(handle))) - 1

    return rows("entities.csv"), rows("relations.csv")


def test_concurrent_folder_exports_never_mix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 5: two exports into one folder mixed their files (61 entities, 29,999 relations).

    The thread called "slow" takes its time over moving relations.csv into place,
    which is where the old per-file replacement let the other export in between.
    """
    import time

    from _helpers import tree_kg

    def slow(real: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        def call(a: Any, b: Any) -> None:
            if threading.current_thread().name == "slow" and str(b).endswith("relations.csv"):
                time.sleep(0.5)
            real(a, b)

        return call

    monkeypatch.setattr(os, "replace", slow(os.replace))
    monkeypatch.setattr(os, "rename", slow(os.rename))
    target = tmp_path / "out"
    tree_kg(5).export(target, "csv")  # an earlier export is there
    errors: list[BaseException] = []

    def run(kg: graph.KnowledgeGraph) -> None:
        try:
            kg.export(target, "csv")
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(tree_kg(200),), name="slow"),
        threading.Thread(target=run, args=(tree_kg(201),), name="fast"),
    ]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join(60)
    assert errors == []
    entities, relations = _tables(target)
    assert relations == entities - 1, (entities, relations)  # one export's complete set
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no leftovers


def test_a_second_export_gives_up_when_the_lock_is_held(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    import graph._atomic

    monkeypatch.setattr(graph._atomic, "LOCK_TIMEOUT", 0.2)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        threading.Thread(target=lambda: None).start()  # (the lock is per open file, not thread)
        outcome: list[BaseException] = []

        def other() -> None:
            try:
                sample_kg.export(tmp_path / "csv", "csv")
            except BaseException as exc:
                outcome.append(exc)

        t = threading.Thread(target=other)
        t.start()
        t.join(30)
        assert outcome and isinstance(outcome[0], graph.ExportError)
        assert "another export is writing" in str(outcome[0])
    finally:
        os.close(fd)
    assert sample_kg.export(tmp_path / "csv", "csv").is_dir()


def test_a_failed_folder_export_keeps_the_old_set(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph._export._files as files

    folder = sample_kg.export(tmp_path / "neo4j", "neo4j")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # after two of the four files
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    with pytest.raises(graph.ExportError, match="cannot write"):
        graph.KnowledgeGraph([], []).export(folder, "neo4j")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data0", "neo4j"]


def test_a_killed_swap_is_undone_by_the_next_run(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path
) -> None:
    """A run killed between moving the old folder aside and the new one in."""
    folder = sample_kg.export(tmp_path / "csv", "csv")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    os.rename(folder, tmp_path / ".csv.k1ll3d.old.tmp")  # the state the kill left
    (tmp_path / ".csv.half.tmp").mkdir()  # and the new set, half written
    (tmp_path / ".csv.half.tmp" / "entities.csv").write_text("partial", encoding="utf-8")
    from graph._atomic import locked

    with locked(folder):
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "data0"]


def test_a_real_kill_mid_swap_leaves_a_complete_set(sample_data: Path, tmp_path: Path) -> None:
    """Finding 5: kill the process at the worst moment; the next export still succeeds."""
    import subprocess
    import sys

    out = tmp_path / "out"
    script = f"""
import os, graph, graph._export._files as f
kg = graph.load({str(sample_data)!r})
kg.export({str(out)!r}, "csv")
real = os.rename
def rename(a, b):
    real(a, b)
    if str(a) == {str(out)!r}:
        os._exit(9)  # killed right after the old folder moved aside
f.os.rename = rename
kg.export({str(out)!r}, "csv")
"""
    done = subprocess.run([sys.executable, "-c", script], timeout=120, check=False)
    assert done.returncode == 9
    assert not out.exists()  # the kill happened where we wanted it
    kg = graph.load(sample_data)
    kg.export(out, "csv")
    assert _tables(out) == (len(kg.entities()), len(kg.relations()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data0", "out"]


# -- finding 9: leftovers, umask, GEXF, disk full, non-finite numbers -----------------------------


def test_stale_temporary_files_are_cleaned(sample_kg: graph.KnowledgeGraph, tmp_path: Path) -> None:
    """Finding 9: killed runs left .graph.html.*.tmp files and .neo4j.*.tmp/ folders."""
    from graph._html import write_html

    (tmp_path / ".graph.html.abc123.tmp").write_text("half a page", encoding="utf-8")
    (tmp_path / ".neo4j.xyz789.tmp").mkdir()
    (tmp_path / ".neo4j.xyz789.tmp" / "entities.csv").write_text("half", encoding="utf-8")
    (tmp_path / "unrelated.tmp").write_text("not ours", encoding="utf-8")
    write_html(sample_kg, tmp_path / "graph.html")
    sample_kg.export(tmp_path / "neo4j", "neo4j")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data0",
        "graph.html",
        "neo4j",
        "unrelated.tmp",
    ]


@pytest.mark.parametrize(
    ("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
def test_outputs_respect_the_umask(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, umask: int, file_mode: int, dir_mode: int
) -> None:
    """Finding 9: outputs were forced to 0644 whatever the umask."""
    old = os.umask(umask)
    try:
        paths = [sample_kg.export(tmp_path / f"g{fmt}", fmt) for fmt in ("csv", "neo4j")]
        paths += [sample_kg.export(tmp_path / f"g.{fmt}") for fmt in ("json", "graphml", "gexf")]
    finally:
        os.umask(old)
    for path in paths:
        if path.is_dir():
            assert path.stat().st_mode & 0o777 == dir_mode, path
            for child in path.iterdir():
                assert child.stat().st_mode & 0o777 == file_mode, child
        else:
            assert path.stat().st_mode & 0o777 == file_mode, path


def test_gexf_is_the_same_every_day(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 9: networkx wrote today's date into the GEXF file."""
    import time

    first = sample_kg.export(tmp_path / "a.gexf").read_bytes()
    monkeypatch.setattr(time, "strftime", lambda *args: "2099-12-31")
    second = sample_kg.export(tmp_path / "b.gexf").read_bytes()
    assert first == second and b"lastmodifieddate" not in first


def test_a_full_disk_says_so(
    sample_kg: graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 9: a disk-full message talked about permissions."""
    import errno

    import graph._atomic
    import graph._export._files

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for module in (graph._atomic, graph._export._files):
        monkeypatch.setattr(module.os, "fsync", full)
    for path, fmt in ((tmp_path / "g.json", None), (tmp_path / "csv", "csv")):
        with pytest.raises(graph.ExportError) as info:
            sample_kg.export(path, fmt)
        assert "disk is full" in str(info.value) and "permission" not in str(info.value)
        assert not path.exists()


def test_non_finite_numbers_are_never_written(tmp_path: Path) -> None:
    """Finding 3: infinity was written as Infinity into JSON, CSV, GraphML and Neo4j."""
    e = graph.Entity("a", graph.EntityType.PLACE, "甲", "A", attributes={"x": float("inf")})
    f = graph.Entity("b", graph.EntityType.PLACE, "乙", "B", attributes={"y": [float("nan")]})
    for kg in (graph.KnowledgeGraph([e], []), graph.KnowledgeGraph([f], [])):
        for name, fmt in graph.EXPORT_FORMATS.items():
            path = tmp_path / (name if fmt.folder else f"g{fmt.suffix}")
            with pytest.raises(graph.ExportError, match="finite"):
                kg.export(path, name)
            assert not path.exists()
