"""Atomic writes of a set of files into a folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .._errors import ExportError

__all__ = ["write_files"]


def write_files(path: str | Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` (name -> content) into the folder ``path``; return the folder.

    Every file is first written completely into a temporary folder beside
    ``path``. A new folder is then renamed into place as a whole; in an
    existing folder each file replaces its old version with one atomic rename,
    and other files there are left alone. When anything fails, ``path`` keeps
    what it had.

    >>> import tempfile, pathlib
    >>> out = write_files(pathlib.Path(tempfile.mkdtemp()) / "t", {"a.txt": b"A"})
    >>> (out / "a.txt").read_bytes()
    b'A'
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise ExportError(
            f"cannot write {target}: {exc.strerror}; check the folder and its permissions"
        ) from None
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp / name, 0o644)
        os.chmod(tmp, 0o755)
        if not target.exists():
            try:
                os.rename(tmp, target)
                return target
            except OSError:
                if not target.is_dir():  # not a lost race with another writer
                    raise
        for name in files:
            os.replace(tmp / name, target / name)
        return target
    except OSError as exc:
        raise ExportError(
            f"cannot write {target}: {exc.strerror}; check the folder and its permissions"
        ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
