"""The error tree: every kind a caller can catch, its builtin twin, and a real situation
that raises it (see ``graph/_errors.py`` and the "Errors" section of docs/python.md)."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from contextlib import redirect_stderr
from pathlib import Path

import pytest

import graph
import graph._errors
from graph._cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "python.md"

#: Each kind and the builtin exception it also is (None: only a KGError).
TWINS: dict[type[graph.KGError], type[Exception] | None] = {
    graph.DataError: None,
    graph.NotFoundError: KeyError,
    graph.UnknownEntityError: KeyError,
    graph.NoPathError: None,
    graph.ArgumentError: ValueError,
    graph.MissingExtraError: ImportError,
    graph.ServerError: None,
    graph.ReadError: None,
    graph.LimitError: None,
    graph.UnsafePathError: None,
    graph.ExportError: None,
}

TEXT = "星河科技园工作简报\n露露股份与星河大学签订了合作协议。\n"


def _public_errors() -> list[type[BaseException]]:
    return [
        obj
        for name in graph.__all__
        if isinstance(obj := getattr(graph, name), type) and issubclass(obj, BaseException)
    ]


# -- the tree -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(TWINS), ids=lambda k: k.__name__)
def test_each_kind_is_a_kgerror_and_its_builtin_twin(kind: type[graph.KGError]) -> None:
    assert issubclass(kind, graph.KGError)
    twin = TWINS[kind]
    if twin is not None:
        assert issubclass(kind, twin)
    else:  # not an OSError either: `except OSError` around kg code must not swallow it
        assert not issubclass(kind, (KeyError, ValueError, ImportError, OSError))


def test_unknown_entity_is_a_not_found() -> None:
    assert issubclass(graph.UnknownEntityError, graph.NotFoundError)


def test_every_public_error_is_in_the_table_and_reports_graph() -> None:
    public = _public_errors()
    assert set(public) == {graph.KGError, *TWINS}  # a new kind needs its row in TWINS
    for kind in public:
        assert kind.__module__ == "graph", kind
        assert kind.__name__ in graph._errors.__all__


def test_the_tree_is_drawn_in_the_module_docstring() -> None:
    doc = graph._errors.__doc__ or ""
    for kind in TWINS:
        assert re.search(rf"[├└]── {kind.__name__}\b", doc), kind.__name__


def test_the_docs_table_lists_every_kind() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("\n## Errors\n", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1) for m in re.finditer(r"^\| `(\w+)` \|", section, re.MULTILINE)}
    assert rows == {k.__name__ for k in (graph.KGError, *TWINS)}
    for kind, twin in TWINS.items():
        row = next(ln for ln in section.splitlines() if ln.startswith(f"| `{kind.__name__}` |"))
        assert (twin.__name__ if twin else "—") in row, row


def test_not_found_prints_without_keyerror_quotes() -> None:
    assert str(graph.NotFoundError("no relation has the id 'x'")) == "no relation has the id 'x'"


def test_missing_extra_names_the_extra() -> None:
    exc = graph.MissingExtraError("needs the x package", extra="ingest")
    assert exc.extra == "ingest" and str(exc) == "needs the x package"


def test_data_error_summary_replaces_the_first_line(tmp_path: Path) -> None:
    problem = graph.Problem(tmp_path / "a.yaml", 3, 1, "bad")
    assert str(graph.DataError([problem])).startswith("1 problem in the data; nothing was loaded")
    exc = graph.DataError([problem], summary="nothing was changed")
    assert str(exc).splitlines() == ["nothing was changed", f"  {problem}"]
    assert exc.problems == (problem,)


# -- each kind in a real situation ------------------------------------------------------------


def _two_places() -> graph.KnowledgeGraph:
    return graph.KnowledgeGraph(
        [
            graph.Entity("a", graph.EntityType.PLACE, "甲地", "Place A"),
            graph.Entity("b", graph.EntityType.PLACE, "乙地", "Place B"),
        ],
        [],
    )


def test_an_unknown_entity_is_not_found(sample_kg: graph.KnowledgeGraph) -> None:
    with pytest.raises(KeyError):  # a plain `except KeyError` catches it too
        sample_kg.entity("no-such-entity")
    with pytest.raises(graph.NotFoundError):
        sample_kg.entity("no-such-entity")


@pytest.mark.parametrize("method", ["relation", "source"])
def test_an_unknown_relation_or_source_is_not_found(
    sample_kg: graph.KnowledgeGraph, method: str
) -> None:
    with pytest.raises(graph.NotFoundError):
        getattr(sample_kg, method)("no-such-id")


def test_two_unconnected_entities_have_no_path() -> None:
    with pytest.raises(graph.NoPathError):
        _two_places().path("a", "b")


@pytest.mark.parametrize(
    "bad",
    [
        lambda: graph.Limits(max_depth=0),
        lambda: graph.Limits(max_data_bytes="many"),  # type: ignore[arg-type]
        lambda: graph.Limits.from_env({"KG_MAX_SOURCE_BYTES": "lots"}),
    ],
)
def test_a_bad_limits_value_is_an_argument_error(bad: Callable[[], object]) -> None:
    with pytest.raises(ValueError):  # what Python code expects of a bad value
        bad()
    with pytest.raises(graph.ArgumentError):
        bad()


def test_a_bad_date_is_an_argument_error(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(TEXT, encoding="utf-8")
    with pytest.raises(graph.ArgumentError):
        graph.ingest(doc, data=root, date="last spring")
    assert not (root / "drafts" / "brief.yaml").exists()


@pytest.mark.parametrize("module", ["pypdf", "docx"])
def test_a_missing_extra_names_it(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / ("brief.pdf" if module == "pypdf" else "brief.docx")
    doc.write_bytes(b"whatever: the reader's import fails first")
    monkeypatch.setitem(sys.modules, module, None)  # as if the extra were not installed
    with pytest.raises(ImportError):
        graph.ingest(doc, data=root)
    with pytest.raises(graph.MissingExtraError) as info:
        graph.ingest(doc, data=root)
    assert info.value.extra == "ingest"
    assert f"[{info.value.extra}]" in str(info.value)  # the pip command names the extra


def test_pandas_missing_names_its_extra(
    sample_kg: graph.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(graph.MissingExtraError) as info:
        graph.to_dataframe(sample_kg.find())
    assert info.value.extra == "pandas"
    pyproject = (DOCS.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf"^{info.value.extra} = \[", pyproject, re.MULTILINE)  # installable


def test_a_document_over_the_limit_is_a_limit_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / "brief.txt"
    doc.write_text(TEXT * 20, encoding="utf-8")
    monkeypatch.setenv("KG_MAX_SOURCE_BYTES", "100")
    with pytest.raises(graph.LimitError, match="KG_MAX_SOURCE_BYTES"):  # names the setting
        graph.ingest(doc, data=root)


def test_a_link_in_a_data_folder_is_an_unsafe_path(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for item in (root / "drafts").iterdir():
        item.unlink()
    (root / "drafts").rmdir()
    (root / "drafts").symlink_to(outside)
    doc = tmp_path / "brief.txt"
    doc.write_text(TEXT, encoding="utf-8")
    with pytest.raises(graph.UnsafePathError):
        graph.ingest(doc, data=root)
    assert list(outside.iterdir()) == []


def test_a_draft_that_is_a_link_is_an_unsafe_path(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    (tmp_path / "secret.yaml").write_text("source: brief\n", encoding="utf-8")
    (root / "drafts" / "brief.yaml").symlink_to(tmp_path / "secret.yaml")
    with pytest.raises(graph.UnsafePathError):
        graph.accept("brief", data=root)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("damaged.pdf", b"%PDF-1.4\nnot really a PDF"),
        ("damaged.docx", b"plain text, not a zip archive"),
        ("empty.txt", b"   \n"),
    ],
)
def test_an_unreadable_document_is_a_read_error(tmp_path: Path, name: str, raw: bytes) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / name
    doc.write_bytes(raw)
    with pytest.raises(graph.ReadError):
        graph.ingest(doc, data=root)


def test_a_missing_document_is_a_read_error(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    with pytest.raises(graph.ReadError):
        graph.ingest(tmp_path / "nowhere.txt", data=root)


def test_no_draft_is_not_found(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    with pytest.raises(graph.NotFoundError):
        graph.accept("no-such-source", data=root)


def test_invalid_data_is_a_data_error_with_problems(make_data: Callable[..., Path]) -> None:
    root = make_data(entities=[{"id": "x", "type": "planet", "name": "某地", "name_en": "X"}])
    with pytest.raises(graph.DataError) as info:
        graph.load(root, cache=False)
    assert info.value.problems and all(p.file.is_relative_to(root) for p in info.value.problems)


def test_an_unwritable_export_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(graph.ExportError):
        _two_places().export(tmp_path / "graph.unknown-suffix")


def test_a_server_that_is_down_is_a_server_error() -> None:
    pytest.importorskip("falkordb")
    with pytest.raises(graph.ServerError):
        graph.load_from("falkordb://127.0.0.1:1/g")  # nothing listens on port 1


# -- the command line: every kind is `kg: error: …` and exit status 1 ------------------------


@pytest.mark.parametrize(
    ("name", "raw", "env"),
    [
        ("damaged.pdf", b"%PDF-1.4\nnot really a PDF", {}),  # ReadError
        ("big.txt", TEXT.encode() * 20, {"KG_MAX_SOURCE_BYTES": "100"}),  # LimitError
    ],
)
def test_the_cli_exits_1_for_a_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, raw: bytes, env: dict[str, str]
) -> None:
    root = graph.init(tmp_path / "data")
    doc = tmp_path / name
    doc.write_bytes(raw)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["--data", str(root), "ingest", str(doc)], out=io.StringIO())
    assert code == 1 and err.getvalue().startswith("kg: error: "), err.getvalue()
    assert "Traceback" not in err.getvalue()
