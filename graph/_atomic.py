"""Atomic file writes: a complete new file or the old one, never half of either.

Every write to a regular file (or a new one) goes to a temporary
``.<name>.<random>.tmp`` beside its target and is renamed over it. Nothing but
a regular file is ever replaced, renamed over or removed (:func:`output_target`):

- a symbolic link is followed, and the file it points to is replaced (a link to
  nowhere creates its target); the link stays;
- a character device (``/dev/null``, a terminal), a FIFO, or a path that leads to
  an open descriptor (``/dev/stdout``, ``/proc/self/fd/1``) is written to directly,
  as a shell's ``>`` would, so it stays what it is (and the write is not atomic);
- a socket or a block device (a disk) is refused with :class:`graph.ExportError`.
 While writing, the process holds an exclusive lock
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
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ._errors import ExportError
from ._lock import exclusive, open_folder

__all__ = [
    "LOCK_TIMEOUT",
    "Target",
    "atomic_open",
    "default_mode",
    "locked",
    "os_error",
    "output_target",
    "write_bytes",
    "write_text",
]

#: Seconds a writer waits for another writer into the same folder before giving up.
LOCK_TIMEOUT = 60.0


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


@dataclass(frozen=True, slots=True)
class Target:
    """Where a write to a path goes: ``path`` replaced atomically, or written directly.

    ``direct`` is True for a character device, a FIFO or a descriptor link, which
    are opened and written to, never replaced.
    """

    path: Path
    direct: bool


def _through_descriptor(path: Path) -> bool:
    """Whether ``path`` is, or links to, something under ``/proc`` (``/dev/stdout``)."""
    cur = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links in a row
        parent = os.path.realpath(os.path.dirname(cur))
        if parent == "/proc" or parent.startswith("/proc/"):
            return True
        cur = os.path.join(parent, os.path.basename(cur))
        if not os.path.islink(cur):
            return False
        cur = os.path.join(parent, os.readlink(cur))  # an absolute link replaces the folder
    return False


def output_target(path: str | Path) -> Target:
    """Where a write to ``path`` goes, by what is there now (see the module's rules).

    Raises :class:`graph.ExportError` for a socket or a block device.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "link.json").symlink_to("real.json")
    >>> output_target(folder / "link.json") == Target(folder / "real.json", False)
    True
    >>> output_target("/dev/null").direct
    True
    """
    target = Path(path)
    try:
        mode = os.stat(target).st_mode  # follows links
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise os_error(target, exc) from None
    if mode is not None and stat.S_ISSOCK(mode):
        raise ExportError(
            f"cannot write {target}: it is a socket, not a file; pass a file path "
            "(or - for standard output)"
        )
    if mode is not None and stat.S_ISBLK(mode):
        raise ExportError(
            f"cannot write {target}: it is a block device (a disk or partition), which an "
            "export would overwrite; pass a file path"
        )
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return Target(target, True)
    if _through_descriptor(target) and (mode is None or stat.S_ISREG(mode)):
        return Target(target, True)  # /dev/stdout redirected to a file: write to the descriptor
    if os.path.islink(target):
        return Target(Path(os.path.realpath(target)), False)
    return Target(target, False)


def follow(path: str | Path) -> Path:
    """``path``, or the path its symbolic link leads to (so the link itself stays)."""
    target = Path(path)
    return Path(os.path.realpath(target)) if os.path.islink(target) else target


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
    for path in stale:  # only what a write makes: regular files and folders, never links
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            shutil.rmtree(path, ignore_errors=True)
        elif stat.S_ISREG(mode):
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
    try:
        fd = open_folder(folder)
    except OSError:
        fd = -1  # an unreadable folder cannot be locked; write without the lock
    busy = lambda: ExportError(  # noqa: E731
        f"another export is writing into {target.parent}; wait until it has finished and try again"
    )
    try:
        with exclusive(fd, timeout=LOCK_TIMEOUT, busy=busy) as took:
            if took:  # not nested in a write of this thread's, which may own the leftovers
                with contextlib.suppress(OSError):
                    _recover(target)
            yield target
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", **kwargs: object) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    When the block raises, the temporary file is removed and ``path`` is untouched.
    A symbolic link is followed; a device, a FIFO or a descriptor link is opened
    and written to directly, and a socket or a block device refused (see
    :func:`output_target`).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_open(p) as f:
    ...     _ = f.write("hello")
    >>> p.read_text()
    'hello'
    """
    where = output_target(path)
    target = where.path
    if target.is_dir():
        raise ExportError(f"{target} is a folder; pass a file path such as {target / 'graph.html'}")
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    if where.direct:
        with _direct_open(target, mode, **kwargs) as handle:
            yield handle
        return
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


@contextlib.contextmanager
def _direct_open(target: Path, mode: str, **kwargs: object) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a device, a FIFO or a descriptor link for writing, as a shell's ``>`` would.

    Nothing is created, truncated, renamed or removed; a descriptor that leads to
    a regular file is appended to, so ``-o /dev/stdout >> log`` appends.
    """
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise os_error(target, exc) from None
    try:
        with os.fdopen(fd, mode.replace("+", ""), **kwargs) as handle:  # type: ignore[call-overload]
            yield handle
            handle.flush()
    except BrokenPipeError:
        raise  # the reader has gone (`-o /dev/stdout | head`): the command's own business
    except OSError as exc:
        raise ExportError(
            f"cannot write {target}: {exc.strerror or exc}; it is written to directly (a "
            "device, a FIFO or a descriptor, never replaced), so part of the output may "
            "have gone through"
        ) from exc


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
