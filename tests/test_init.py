"""``kg init`` writes a data folder like every other writing command: under the folder's
lock, and never through a subfolder that is a link out of it (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _helpers import folder_lock_held

import graph


def test_init_makes_a_folder_the_loader_accepts(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "new" / "data")
    assert repr(graph.load(root, cache=False)) == "<KnowledgeGraph: 0 entities, 0 relations>"


def test_init_refuses_a_folder_that_holds_data_and_names_it(tmp_path: Path) -> None:
    root = graph.init(tmp_path / "data")
    with pytest.raises(graph.KGError, match=f"kg --data {root}"):
        graph.init(root)


def test_init_does_not_write_through_a_linked_subfolder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "data"
    root.mkdir()
    (root / "drafts").symlink_to(outside, target_is_directory=True)
    with pytest.raises(graph.KGError, match="drafts"):
        graph.init(root)
    assert list(outside.iterdir()) == []
    assert not (root / "sources").exists()


def test_init_waits_for_the_folder_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fcntl")
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.2")
    with folder_lock_held(root):
        with pytest.raises(graph.KGError, match="another kg command is still writing"):
            graph.init(root)
        assert list(root.iterdir()) == []  # nothing written while another command held it
    assert graph.init(root) == root  # once the lock is free, init goes ahead
