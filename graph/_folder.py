"""One rule for every path a writing command touches inside a data folder.

``kg ingest`` and ``kg accept`` read and write files of a data folder that may come
from someone else. Every such file must be a regular file inside the folder:

* the folders ``sources/``, ``entities/``, ``relations/`` and ``drafts/`` must be real
  folders (or links) that resolve inside the data folder (:func:`check_folder`);
* a file is read with ``O_NOFOLLOW`` and checked with ``fstat``: a link, FIFO, device or
  folder where a file is expected is refused with a message, never followed, never
  opened for reading when it could block (:func:`read_file`);
* a file about to be replaced is checked with ``lstat`` first (:func:`check_target`):
  backups of it are taken with :func:`read_file`, so a restore writes back only what
  was read from a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ._errors import LimitError, ReadError, UnsafePathError, shorten
from ._limits import read_fd

__all__ = ["FOLDERS", "check_folder", "check_target", "os_message", "read_file"]

#: The folders of a data folder that writing commands touch.
FOLDERS = ("sources", "entities", "relations", "drafts")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def os_message(path: str | Path, exc: OSError) -> str:
    """A one-line message for an :class:`OSError` on ``path``, with what to do.

    >>> print(os_message("x" * 300, OSError(36, "File name too long")))
    cannot use 'xxx...… (302 characters): the name is too long; pick a shorter name
    """
    name = shorten(str(path), 40)
    if exc.errno == errno.ENAMETOOLONG:
        return f"cannot use {name}: the name is too long; pick a shorter name"
    reason = exc.strerror or type(exc).__name__
    return f"cannot use {name} ({reason}); check the path and its permissions"


def check_folder(root: Path) -> Path:
    """``root`` resolved, after checking that its writable folders resolve inside it.

    A ``drafts/`` that is a link to ``~/.config`` would make ``kg ingest`` write there;
    such a folder is refused before anything is read or written.
    """
    try:
        base = root.resolve(strict=True)
    except (OSError, RuntimeError):
        base = None
    if base is None or not base.is_dir():
        raise ReadError(
            f"{shorten(str(root))} is not a data folder; create one with `kg init {root}` or "
            "pass the right folder with --data"
        )
    for name in FOLDERS:
        sub = root / name
        try:
            info = os.lstat(sub)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ReadError(os_message(sub, exc)) from None
        try:
            target = sub.resolve(strict=True)
        except (OSError, RuntimeError):
            raise UnsafePathError(
                f"{sub} is a broken link; make it a folder inside {root}"
            ) from None
        if not target.is_dir():
            raise UnsafePathError(f"{sub} is not a folder; remove it or make it a folder")
        if stat.S_ISLNK(info.st_mode) and not target.is_relative_to(base):
            raise UnsafePathError(
                f"{sub} is a link to a folder outside the data folder; kg writes only inside "
                f"{root}: replace the link with a real folder"
            )
        if not target.is_relative_to(base):
            raise UnsafePathError(f"{sub} resolves outside {root}; make it a real folder inside it")
    return base


def check_target(path: Path) -> None:
    """Refuse ``path`` unless it is missing or a regular file (checked with ``lstat``)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReadError(os_message(path, exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(
            f"{path} is a link; kg never writes through links in a data folder: remove it "
            "(or replace it with the file itself) and run the command again"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePathError(
            f"{path} is not a regular file (a folder, FIFO or device); move it away and run "
            "the command again"
        )


def read_file(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path`` (at most ``limit``), None when it is missing.

    Opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked with ``fstat``: a link, FIFO,
    device or folder is refused with an :class:`UnsafePathError`, never read; a file over
    ``limit`` with a :class:`LimitError`, an unreadable one with a :class:`ReadError`.
    """
    check_target(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            check_target(path)  # it became a link: say so
        raise ReadError(os_message(path, exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(
                f"{path} is not a regular file; move it away and run the command again"
            )
        if info.st_size > limit:
            raise LimitError(f"{path} is larger than {limit:,} bytes; it cannot be a file of kg's")
        data = read_fd(fd, limit)
        if data is None:
            raise LimitError(f"{path} is larger than {limit:,} bytes; it cannot be a file of kg's")
        return data
    except OSError as exc:
        raise ReadError(os_message(path, exc)) from None
    finally:
        os.close(fd)
