"""The warm-load cache: same records back, rebuilt whenever anything it depends on changes.

The autouse fixture in conftest points ``KG_CACHE_DIR`` at a fresh folder per test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import graph
import graph._cache as cache
import graph._load as loader
from graph._cli import main
from graph._kg import storage_of


def _name_keys(kg: graph.KnowledgeGraph) -> dict[str, str]:
    """The graph's name index: lookup key of every name -> entity id, in order."""
    return dict(storage_of(kg).names.ids())


def _records(kg: graph.KnowledgeGraph) -> tuple[Any, ...]:
    return (list(kg), list(kg.relations()), list(kg.sources()))


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the checking load impossible, so a successful load proves the cache served it."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the full load ran")

    monkeypatch.setattr(loader, "_load_sources", refuse)


def _cache_files() -> list[Path]:
    return sorted(cache.cache_dir().glob("load-*.json"))


def test_warm_load_gives_the_same_records_without_checking_again(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = graph.load(sample_data)
    assert len(_cache_files()) == 1
    _no_full_load(monkeypatch)
    warm = graph.load(sample_data)
    assert _records(warm) == _records(cold)
    assert warm.partners("天津大学") == cold.partners("天津大学")
    assert [type(e.type) for e in warm] == [graph.EntityType] * len(cold)


def test_real_data_round_trips_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    data = shutil.copytree(graph.DEFAULT_DATA, tmp_path / "data")
    try:
        cold = graph.load(data)
    except graph.DataError:
        pytest.skip("the bundled data is being edited and does not load right now")
    _no_full_load(monkeypatch)
    assert _records(graph.load(data)) == _records(cold)


def test_a_new_process_reads_the_cache(sample_data: Path) -> None:
    env = {**os.environ}
    first = "import graph, sys; graph.load(sys.argv[1])"
    second = (
        "import sys, graph, graph._load as l\n"
        "def refuse(*a, **k): raise SystemExit('the full load ran')\n"
        "l._load_sources = refuse\n"
        "print(len(graph.load(sys.argv[1])))\n"
    )
    subprocess.run([sys.executable, "-c", first, str(sample_data)], check=True, env=env)
    done = subprocess.run(
        [sys.executable, "-c", second, str(sample_data)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(graph.load(sample_data, cache=False))


def _edit_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def test_a_changed_data_file_is_loaded_again(sample_data: Path) -> None:
    graph.load(sample_data)
    # the same size and modification time: only the content tells
    _edit_keeping_size_and_time(
        sample_data / "entities" / "entities.yaml", "Tianjin University", "Tianjin Universitx"
    )
    assert graph.load(sample_data).entity("tianjin-university").name_en == "Tianjin Universitx"


def test_a_changed_source_text_is_checked_again(sample_data: Path) -> None:
    graph.load(sample_data)
    _edit_keeping_size_and_time(sample_data / "sources" / "report.txt", "天津大学", "天津人学")
    with pytest.raises(graph.DataError, match="quote not found"):
        graph.load(sample_data)


def test_a_new_file_is_loaded_again(sample_data: Path) -> None:
    before = len(graph.load(sample_data))
    extra = sample_data / "entities" / "more.yaml"
    extra.write_text(
        "- id: lecheng-group\n  type: enterprise\n  name: 浙江乐城集团\n"
        "  name_en: Zhejiang Lecheng Group\n"
        "  evidence: [{source: report, quote: 浙江乐城集团}]\n",
        encoding="utf-8",
    )
    assert len(graph.load(sample_data)) == before + 1


def test_data_with_problems_is_never_cached(sample_data: Path) -> None:
    path = sample_data / "entities" / "entities.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: Bad Id\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(graph.DataError):
            graph.load(sample_data)
    assert _cache_files() == []


def _parts(path: Path) -> tuple[dict[str, Any], Any]:
    """A cache file's header line and its JSON body, both parsed; the body checked
    against the header's checksum."""
    header, body = path.read_bytes().split(b"\n", 1)
    head = json.loads(header)
    assert hashlib.sha256(body).hexdigest() == head["sha256"]
    return head, json.loads(body)


def _reseal(path: Path, change: Callable[[Any], Any]) -> None:
    """Change the JSON body of a cache file and give it a matching checksum, as
    someone editing the file by hand would."""
    head, body = _parts(path)
    text = json.dumps(change(body), ensure_ascii=False).encode()
    head["sha256"] = hashlib.sha256(text).hexdigest()
    path.write_bytes(json.dumps(head).encode() + b"\n" + text)


def _set(body: Any, part: str, value: Any) -> Any:
    body[part] = value
    return body


def _column(body: Any, table: str, field: str, change: Callable[[list[Any]], list[Any]]) -> Any:
    head = cache._header("")
    names = json.loads(head)["fields"][table]
    columns = body[table]["columns"]
    columns[names.index(field)] = change(columns[names.index(field)])
    return body


@pytest.mark.parametrize(
    "damage",
    [
        # damaged bytes: the header or the checksum no longer matches
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(p.read_bytes()[:-1]),
        lambda p: p.write_bytes(b"\x80\x03garbage that is not JSON"),
        lambda p: p.write_bytes(p.read_bytes().replace(b'"university"', b'"unknown-type"')),
        lambda p: p.write_bytes(p.read_bytes().replace("天津大学".encode(), "天津大字".encode())),
        lambda p: p.write_bytes(
            p.read_bytes().replace(
                f'"format": {cache.CACHE_FORMAT}'.encode(),
                f'"format": {cache.CACHE_FORMAT - 1}'.encode(),
            )
        ),
        # edited by hand, with a checksum to match: columns that do not fit together
        lambda p: _reseal(p, lambda b: [1, 2, 3]),
        lambda p: _reseal(p, lambda b: {k: v for k, v in b.items() if k != "names"}),
        lambda p: _reseal(p, lambda b: _set(b, "names", [])),
        lambda p: _reseal(p, lambda b: _set(b, "names", {"x": "no-such-entity"})),
        lambda p: _reseal(p, lambda b: _set(b, "names", {"x": [1]})),
        lambda p: _reseal(p, lambda b: _column(b, "entities", "id", lambda c: c[:1] + c[:-1])),
        lambda p: _reseal(p, lambda b: _column(b, "entities", "name", lambda c: c[:-1])),
        lambda p: _reseal(p, lambda b: _column(b, "entities", "name", lambda c: [1, *c[1:]])),
        lambda p: _reseal(p, lambda b: _column(b, "entities", "aliases", lambda c: [9, *c[1:]])),
        lambda p: _reseal(
            p, lambda b: _column(b, "relations", "source", lambda c: ["no-such-entity", *c[1:]])
        ),
        lambda p: _reseal(p, lambda b: _set(b, "incident", [[0], []])),
        lambda p: _reseal(p, lambda b: _set(b, "incident", [b["incident"][0], [10**6]])),
    ],
    ids=[
        "empty",
        "truncated",
        "cut-short",
        "binary",
        "bad-enum",
        "changed-quote",
        "old-format",
        "not-a-map",
        "no-names",
        "names-not-a-map",
        "names-unknown-entity",
        "names-bad-value",
        "duplicate-entity",
        "short-column",
        "number-for-a-name",
        "counts-that-do-not-add-up",
        "relation-to-unknown-entity",
        "incident-of-another-length",
        "incident-past-the-relations",
    ],
)
def test_a_damaged_cache_is_rebuilt_silently(
    sample_data: Path, damage: Callable[[Path], None]
) -> None:
    cold = graph.load(sample_data)
    (path,) = _cache_files()
    damage(path)
    assert _records(graph.load(sample_data)) == _records(cold)
    head, body = _parts(path)  # rewritten whole
    assert head["format"] == cache.CACHE_FORMAT
    assert body["names"] == _name_keys(cold)


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "unknown-type"), ("attributes", "not a mapping"), ("status", "no-such-status")],
)
def test_a_hand_edited_cache_value_is_a_clear_error_where_it_is_used(
    sample_data: Path, field: str, value: Any
) -> None:
    """Records are made on first use (graph._lazy); a value that a person edited,
    checksum and all, into something no record can be made of is reported then."""
    cold = graph.load(sample_data)
    (path,) = _cache_files()
    first = next(iter(cold))
    _reseal(path, lambda b: _column(b, "entities", field, lambda c: [value, *c[1:]]))
    warm = graph.load(sample_data)
    assert len(warm) == len(cold)
    assert warm.entity(list(cold)[1].id) == list(cold)[1]  # other records are fine
    with pytest.raises(graph.KGError, match=r"warm-load cache .*load-.*\.json is damaged .*delete"):
        warm.entity(first.id)
    with pytest.raises(graph.KGError, match="is damaged"):
        list(warm)


def test_the_saved_name_index_is_the_one_a_full_load_builds(sample_data: Path) -> None:
    graph.load(sample_data)
    (path,) = _cache_files()
    written = path.stat().st_mtime_ns
    warm = graph.load(sample_data)
    assert path.stat().st_mtime_ns == written  # a hit: read, not rewritten
    assert _name_keys(warm) == _name_keys(graph.load(sample_data, cache=False))
    some = next(iter(warm))
    assert warm.entity(some.name_en or some.name) == some
    assert warm.find(text=some.name[:2])


def test_the_loaders_name_index_is_the_one_the_graph_would_build(sample_data: Path) -> None:
    """graph.load hands the graph the index of names it built for its uniqueness
    check; it must be the index KnowledgeGraph builds from the records, in order."""
    for data in (sample_data, graph.DEFAULT_DATA):
        loaded = graph.load(data, cache=False)
        built = graph.KnowledgeGraph(list(loaded), loaded.relations(), loaded.sources())
        assert list(_name_keys(loaded).items()) == list(_name_keys(built).items())


def test_another_code_version_rebuilds(sample_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph.load(sample_data)
    first = _cache_files()[0].read_bytes().split(b"\n")[0]
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    graph.load(sample_data)
    assert _cache_files()[0].read_bytes().split(b"\n")[0] != first


def test_other_limits_rebuild(sample_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph.load(sample_data)
    monkeypatch.setenv("KG_MAX_DEPTH", "1")  # the data nests deeper: now it must fail
    with pytest.raises(graph.DataError, match="nested more than 1"):
        graph.load(sample_data)


def test_cache_false_neither_reads_nor_writes(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph.load(sample_data, cache=False)
    assert _cache_files() == []
    graph.load(sample_data)
    monkeypatch.setattr(cache, "_read", lambda *a: pytest.fail("the cache was read"))
    graph.load(sample_data, cache=False)


def test_kg_validate_checks_in_full(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    graph.load(sample_data)
    monkeypatch.setattr(cache, "_read", lambda *a: pytest.fail("the cache was read"))
    assert main(["validate", str(sample_data)]) == 0
    assert main(["--data", str(sample_data), "validate"]) == 0


def test_an_unwritable_cache_folder_only_costs_speed(
    sample_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    assert len(graph.load(sample_data)) == len(graph.load(sample_data, cache=False))


def test_the_cache_is_plain_json(sample_data: Path) -> None:
    graph.load(sample_data)
    head, body = _parts(_cache_files()[0])
    assert head["fields"]["entities"][:2] == ["id", "type"]
    assert head["fields"]["relations"][:3] == ["id", "source", "target"]
    assert {"entities", "relations", "sources", "names", "incident"} == set(body)
    source = Path(cache.__file__).read_text(encoding="utf-8")
    for unsafe in ("import pickle", "import marshal", "eval(", "exec("):
        assert unsafe not in source


def test_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "kg-regional-cooperation"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "kg-regional-cooperation"


def test_one_cache_file_per_folder(make_data: Callable[..., Path]) -> None:
    a, b = make_data(), make_data()
    graph.load(a)
    graph.load(b)
    graph.load(a)
    assert len(_cache_files()) == 2


def test_records_are_written_in_batches(sample_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_BATCH", 2)
    cold = graph.load(sample_data)
    _no_full_load(monkeypatch)
    assert _records(graph.load(sample_data)) == _records(cold)


def test_loads_pause_the_garbage_collector_and_restore_it(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    seen: list[bool] = []
    real = loader._load_sources

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "_load_sources", spy)
    assert gc.isenabled()
    graph.load(sample_data, cache=False)
    assert seen == [False] and gc.isenabled()
    with pytest.raises(graph.KGError):
        graph.load(sample_data / "missing")
    assert gc.isenabled()
    gc.disable()
    try:
        graph.load(sample_data, cache=False)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_the_key_never_reads_outside_the_folder_or_past_the_limits(
    sample_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    (sample_data / "sources" / "link.txt").symlink_to(outside)
    (sample_data / "sources" / "big.txt").write_bytes(b"x" * 2000)
    limits = graph.Limits(max_source_bytes=1000)
    files = cache._data_files(sample_data, limits)
    assert files is not None
    names = {p.name for p in files}
    assert "report.txt" in names and "link.txt" not in names and "big.txt" not in names
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    assert cache.cache_key(sample_data, limits) is not None
    assert outside not in opened and sample_data / "sources" / "link.txt" not in opened


def test_a_folder_of_too_many_files_loads_without_the_cache(
    sample_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    assert cache.cache_key(sample_data, graph.Limits()) is None
    assert len(graph.load(sample_data)) == len(graph.load(sample_data, cache=False))
    assert _cache_files() == []


def test_a_warm_graph_answers_every_query_as_the_checked_load_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm graph keeps columns and makes records on use (graph._lazy); every
    query must still give what the full load gives, and a lookup must not make them all."""
    import shutil

    data = shutil.copytree(graph.DEFAULT_DATA, tmp_path / "data")
    cold = graph.load(data, cache=False)
    graph.load(data)  # writes the cache
    _no_full_load(monkeypatch)
    warm = graph.load(data)
    some = list(cold)[len(cold) // 2]
    assert warm.entity(some.name) == some
    made = [r for r in warm._entities._made if r is not None]  # type: ignore[attr-defined]
    assert len(made) < len(cold) // 2  # a lookup made a few records, not all
    ids = [e.id for e in cold]
    for eid in ids:
        assert warm.partners(eid) == cold.partners(eid)
        assert warm.relations(eid) == cold.relations(eid)
        assert warm.degree(eid) == cold.degree(eid)
        near_w, near_c = warm.neighborhood(eid, 1), cold.neighborhood(eid, 1)
        assert (list(near_w), near_w.relations()) == (list(near_c), near_c.relations())
    for a, b in zip(ids, ids[7:] + ids[:7], strict=True):
        for through_all in (False, True):
            try:
                expected: Any = cold.path(a, b, through_all=through_all)
            except graph.NoPathError as exc:
                expected = str(exc)
            try:
                got: Any = warm.path(a, b, through_all=through_all)
            except graph.NoPathError as exc:
                got = str(exc)
            assert got == expected
    assert warm.find(text="大学") == cold.find(text="大学")
    assert warm.stats() == cold.stats()
    assert warm.rank("betweenness") == cold.rank("betweenness")
    assert _records(warm) == _records(cold)
