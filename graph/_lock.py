"""One lock per data folder, held by every command that writes it.

``kg ingest`` and ``kg accept`` read the folder, validate it, and write it. Two of
them at once would each write what they read before the other's write, and one's
work would be lost. :func:`folder_lock` takes an exclusive ``flock`` on the data
folder itself (a folder can be locked like a file; nothing is created in it) for
the whole read -> validate -> write. A second command waits, saying so on stderr,
for up to ``KG_LOCK_TIMEOUT`` seconds (default 600), then fails with a message.

The lock is advisory and local: it orders ``kg`` commands on one machine (on
platforms without ``fcntl``, or file systems that cannot lock, it does nothing).
The same lock orders writes into one folder (:func:`graph._atomic.locked`): one
thread that holds a folder never waits for itself.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ._errors import ArgumentError, KGError, ReadError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, nothing to hold
    fcntl = None  # type: ignore[assignment]

__all__ = ["exclusive", "folder_lock", "open_folder"]

#: (device, inode) -> depth of the folders this thread holds, whichever caller took them:
#: a write into a folder the thread has locked goes on instead of waiting for itself.
_held = threading.local()


def _timeout() -> float:
    raw = os.environ.get("KG_LOCK_TIMEOUT", "").strip()
    try:
        return max(0.0, float(raw)) if raw else 600.0
    except ValueError:
        raise ArgumentError(
            f"KG_LOCK_TIMEOUT={raw!r} is not a number of seconds; fix or unset it"
        ) from None


def open_folder(folder: str | Path) -> int:
    """A read-only descriptor of ``folder`` to lock (raises ``OSError``; -1 without flock)."""
    if fcntl is None:  # pragma: no cover - Windows
        return -1
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)


@contextlib.contextmanager
def exclusive(
    fd: int, *, timeout: float, busy: Callable[[], KGError], waiting: str = ""
) -> Iterator[bool]:
    """Hold an exclusive ``flock`` on the folder open as ``fd`` for the block.

    Yields True when this call took the lock; False when this thread holds it
    already (nested use, from any caller) or the file system cannot lock. Another
    holder is waited for, ``waiting`` printed once on stderr, for ``timeout``
    seconds; then ``busy()`` is raised. The caller closes ``fd``.
    """
    if fd < 0 or fcntl is None:
        yield False
        return
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    held: dict[tuple[int, int], int] = _held.__dict__.setdefault("folders", {})
    if held.get(key):
        held[key] += 1
        try:
            yield False
        finally:
            held[key] -= 1
        return
    if not _take(fd, timeout, busy, waiting):
        yield False
        return
    held[key] = 1
    try:
        yield True
    finally:
        held.pop(key, None)
        fcntl.flock(fd, fcntl.LOCK_UN)


def _take(fd: int, timeout: float, busy: Callable[[], KGError], waiting: str) -> bool:
    """Take the lock, polling until ``timeout``; False when locks are not supported."""
    deadline: float | None = None
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if deadline is None:
                deadline = time.monotonic() + timeout
                if waiting:
                    print(waiting, file=sys.stderr, flush=True)
            if time.monotonic() >= deadline:
                raise busy() from None
            time.sleep(0.05)
        except OSError:  # this file system cannot lock: go on without
            return False


@contextlib.contextmanager
def folder_lock(root: Path) -> Iterator[None]:
    """Hold the data folder ``root``'s lock for the block (re-entrant in one thread)."""
    try:
        fd = open_folder(root)
    except OSError as exc:
        raise ReadError(f"cannot lock the data folder {root} ({exc.strerror}); check it") from None
    try:
        timeout = _timeout()
        with exclusive(
            fd,
            timeout=timeout,
            busy=lambda: KGError(
                f"another kg command is still writing {root}; wait for it to "
                "finish and run this one again"
            ),
            waiting=(
                f"kg: waiting for another kg command that is writing {root} "
                f"(up to {timeout:g} s; KG_LOCK_TIMEOUT sets it)"
            ),
        ):
            yield
    finally:
        if fd >= 0:
            os.close(fd)
