"""One lock per data folder, held by every command that writes it.

``kg ingest`` and ``kg accept`` read the folder, validate it, and write it. Two of
them at once would each write what they read before the other's write, and one's
work would be lost. :func:`folder_lock` takes an exclusive ``flock`` on the data
folder itself (a folder can be locked like a file; nothing is created in it) for
the whole read -> validate -> write. A second command waits, saying so on stderr,
for up to ``KG_LOCK_TIMEOUT`` seconds (default 600), then fails with a message.

The lock is advisory and local: it orders ``kg`` commands on one machine (on
platforms without ``fcntl`` it does nothing).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ._errors import ArgumentError, KGError, ReadError

__all__ = ["folder_lock"]

_HELD: dict[tuple[int, int], int] = {}  # (device, inode) -> depth, for nested use


def _timeout() -> float:
    raw = os.environ.get("KG_LOCK_TIMEOUT", "").strip()
    try:
        return max(0.0, float(raw)) if raw else 600.0
    except ValueError:
        raise ArgumentError(
            f"KG_LOCK_TIMEOUT={raw!r} is not a number of seconds; fix or unset it"
        ) from None


@contextlib.contextmanager
def folder_lock(root: Path) -> Iterator[None]:
    """Hold the data folder ``root``'s lock for the block (re-entrant in one process)."""
    try:
        import fcntl
    except ImportError:  # no flock here: nothing to hold
        yield
        return
    try:
        fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError as exc:
        raise ReadError(f"cannot lock the data folder {root} ({exc.strerror}); check it") from None
    try:
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        if _HELD.get(key):
            _HELD[key] += 1
            try:
                yield
            finally:
                _HELD[key] -= 1
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            timeout = _timeout()
            print(
                f"kg: waiting for another kg command that is writing {root} "
                f"(up to {timeout:g} s; KG_LOCK_TIMEOUT sets it)",
                file=sys.stderr,
                flush=True,
            )
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    if time.monotonic() >= deadline:
                        raise KGError(
                            f"another kg command is still writing {root}; wait for it to "
                            "finish and run this one again"
                        ) from None
                    time.sleep(0.05)
        _HELD[key] = 1
        try:
            yield
        finally:
            _HELD.pop(key, None)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
