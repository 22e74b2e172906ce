"""Atomic file writes: a complete new file or the old one, never half of either.

Every write goes to a temporary ``.<name>.<random>.tmp`` beside its target and
is renamed over it. While writing, the process holds an exclusive lock
(``flock``) on the target's folder, so two exports into one folder take turns
instead of mixing their files; a writer that waits longer than
:data:`LOCK_TIMEOUT` seconds gives up with :class:`graph.ExportError`. Under
the lock, temporary files and folders that a killed run left for the same
target are removed. New files get the permissions the umask allows, like any
file the user creates.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ._errors import ExportError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: writes go without the folder lock
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "LOCK_TIMEOUT",
    "atomic_open",
    "default_mode",
    "locked",
    "os_error",
    "write_bytes",
    "write_text",
]

#: Seconds a writer waits for another writer into the same folder before giving up.
LOCK_TIMEOUT = 60.0

_held = threading.local()  # folders this thread has locked: a nested write does not wait


def default_mode(folder: bool = False) -> int:
    """The permissions a new file (or folder) gets under the current umask.

    >>> default_mode() & 0o600
    384
    """
    mask = None
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"Umask:"):
                mask = int(line.split()[1], 8)
    if mask is None:  # not Linux: read it the old way (briefly sets it to 0)
        mask = os.umask(0o022)
        os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def os_error(target: Path, exc: OSError) -> ExportError:
    """An :class:`ExportError` that says what went wrong and what to do, without a traceback."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(
            f"cannot write {target}: the disk is full (or the quota used up); free some space "
            "and try again; nothing was changed"
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(
            f"cannot write {target}: {exc.strerror}; check the folder and its permissions"
        )
    return ExportError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed")


def _stale(target: Path) -> list[Path]:
    """Temporary files and folders of earlier writes to ``target`` (only under the lock)."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [target.parent / n for n in names if n.startswith(prefix) and n.endswith(".tmp")]


def _recover(target: Path) -> None:
    """Finish or undo what a killed write left behind; then remove its temporary files."""
    stale = _stale(target)
    if not os.path.lexists(target):  # killed between moving the old folder away and the new in
        old = [p for p in stale if p.name.endswith(".old.tmp") and p.is_dir()]
        if old:
            newest = max(old, key=lambda p: p.stat().st_mtime)
            os.rename(newest, target)
            stale.remove(newest)
    for path in stale:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(path)


@contextlib.contextmanager
def locked(target: str | Path) -> Iterator[Path]:
    """Hold the write lock of ``target``'s folder (created if needed); yield ``target``.

    Under the lock, leftovers of killed writes to ``target`` are cleaned up.
    Raises :class:`graph.ExportError` when the folder cannot be created, or
    another writer holds the lock for longer than :data:`LOCK_TIMEOUT` seconds.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = str(target.parent.resolve())
    except OSError as exc:
        raise os_error(target, exc) from None
    held: set[str] = getattr(_held, "folders", set())
    _held.folders = held
    if folder in held:  # this thread holds it already
        yield target
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if fcntl else -1
    except OSError:
        fd = -1  # an unreadable folder cannot be locked; write without the lock
    try:
        if fd >= 0:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise ExportError(
                            f"another export is writing into {target.parent}; wait until it "
                            "has finished and try again"
                        ) from None
                    time.sleep(0.05)
                except OSError:  # locks not supported here: write without the lock
                    break
            with contextlib.suppress(OSError):
                _recover(target)
        held.add(folder)
        try:
            yield target
        finally:
            held.discard(folder)
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", **kwargs: object) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    When the block raises, the temporary file is removed and ``path`` is untouched.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_open(p) as f:
    ...     _ = f.write("hello")
    >>> p.read_text()
    'hello'
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; pass a file path such as {target / 'graph.html'}")
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    with locked(target):
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise os_error(target, exc) from None
        try:
            with os.fdopen(fd, mode, **kwargs) as handle:  # type: ignore[call-overload]
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, default_mode())
            os.replace(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise os_error(target, exc) from exc
            raise


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; return the path."""
    with atomic_open(path, "w", newline="") as handle:
        handle.write(text)
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)
