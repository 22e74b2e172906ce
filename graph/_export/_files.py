"""Atomic writes of a set of files into a folder: the whole new set, or the old one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .._atomic import default_mode, follow, locked, os_error
from .._errors import ExportError, shorten

__all__ = ["write_files"]


def write_files(path: str | Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` (name -> content) as the folder ``path``; return the folder.

    The files are written completely into a temporary folder beside ``path``,
    which then takes the place of ``path`` as a whole: readers see the old set
    or the new set, never a mixture. A folder already at ``path`` may only hold
    files of the same names (an earlier export); anything else is refused, so
    an export never deletes files it did not write. The folder's write lock
    (see :mod:`graph._atomic`) makes a second export into the same place wait;
    a run killed half-way is cleaned up (or undone) by the next one.

    >>> import tempfile, pathlib
    >>> out = write_files(pathlib.Path(tempfile.mkdtemp()) / "t", {"a.txt": b"A"})
    >>> (out / "a.txt").read_bytes()
    b'A'
    """
    target = follow(path)  # a link to a folder stays a link; the folder it names is replaced
    with locked(target):
        if target.exists() and not target.is_dir():
            raise ExportError(f"{target} is a file; pass a folder path (it is created if needed)")
        if target.is_dir():
            try:
                others = sorted(set(os.listdir(target)) - set(files))
            except OSError as exc:
                raise os_error(target, exc) from None
            if others:
                names = shorten(", ".join(others), 120, quote=False)
                raise ExportError(
                    f"{target} holds other files ({names}); a folder export replaces the whole "
                    f"folder, so pass a new or empty folder, e.g. {target / 'export'}"
                )
        try:
            tmp = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            )
        except OSError as exc:
            raise os_error(target, exc) from None
        old: Path | None = None
        try:
            for name, data in files.items():
                with open(tmp / name, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp / name, default_mode())
            os.chmod(tmp, default_mode(folder=True))
            if target.is_dir():
                # Move the old folder aside under a name the next run recognises
                # (".<name>.*.old.tmp" is put back should this run die before the next rename).
                old = Path(
                    tempfile.mkdtemp(
                        prefix=f".{target.name}.", suffix=".old.tmp", dir=target.parent
                    )
                )
                os.rmdir(old)
                os.rename(target, old)
            os.rename(tmp, target)
        except OSError as exc:
            if old is not None and not target.exists():
                try:
                    os.rename(old, target)  # put the old set back
                    old = None
                except OSError:
                    pass  # the next run puts it back (see graph._atomic)
            raise os_error(target, exc) from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            if old is not None and target.is_dir():  # else the next run puts the old set back
                shutil.rmtree(old, ignore_errors=True)
    return target
