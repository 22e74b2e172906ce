"""Limits for untrusted data folders, and safe reads of the files they name.

A data folder may come from anyone. The loader reads it within these limits:

=====================  ===========  =========================  ==========================
limit                  default      environment variable       what it bounds
=====================  ===========  =========================  ==========================
``max_data_bytes``     16 MiB       ``KG_MAX_DATA_BYTES``      one YAML file
``max_source_bytes``   64 MiB       ``KG_MAX_SOURCE_BYTES``    one source text or raw file
``max_depth``          64           ``KG_MAX_DEPTH``           nesting of lists and maps
``max_int_digits``     100          ``KG_MAX_INT_DIGITS``      digits of one integer
=====================  ===========  =========================  ==========================

Override them per call with ``graph.load(path, limits=graph.Limits(max_source_bytes=…))``
or for every call (the ``kg`` command included) with the environment variables;
:meth:`Limits.from_env` reads them, and :func:`graph.load` uses it when no
``limits`` are given.

:func:`safe_source_path` turns a path written in ``sources.yaml`` into a file
inside the folder's ``sources/``, refusing anything else with a message that
says nothing about the target; :func:`read_capped` reads a file with a size cap
and never blocks (FIFOs, devices and folders are refused before reading).
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from ._errors import ArgumentError, LimitError, ReadError, UnsafePathError, shorten

__all__ = ["LimitError", "Limits", "UnsafePathError", "read_capped", "safe_source_path"]

_MIB = 1024 * 1024

_ENV = {
    "max_data_bytes": "KG_MAX_DATA_BYTES",
    "max_source_bytes": "KG_MAX_SOURCE_BYTES",
    "max_depth": "KG_MAX_DEPTH",
    "max_int_digits": "KG_MAX_INT_DIGITS",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of an untrusted data folder :func:`graph.load` is willing to read.

    Every field is a positive integer. The defaults are generous for curated
    data; raise one when a legitimate folder needs it.

    >>> Limits().max_depth
    64
    >>> Limits(max_source_bytes=200_000_000).max_source_bytes
    200000000
    >>> Limits.from_env({"KG_MAX_DEPTH": "10"}).max_depth
    10
    """

    #: Largest YAML file (``sources.yaml``, ``entities/*.yaml``, ``relations/*.yaml``), bytes.
    max_data_bytes: int = 16 * _MIB
    #: Largest source ``text`` or ``raw`` file, bytes.
    max_source_bytes: int = 64 * _MIB
    #: Deepest nesting of lists and maps in a YAML file.
    max_depth: int = 64
    #: Most digits in one integer (Python refuses more than 4,300 anyway).
    max_int_digits: int = 100

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ArgumentError(f"Limits.{f.name} must be a positive integer, not {value!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by ``KG_MAX_DATA_BYTES``, ``KG_MAX_SOURCE_BYTES``,
        ``KG_MAX_DEPTH`` and ``KG_MAX_INT_DIGITS`` where set (``environ``: default
        ``os.environ``)."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, var in _ENV.items():
            raw = env.get(var, "").strip().replace("_", "")
            if not raw:
                continue
            if not raw.isdigit() or len(raw) > 18:
                raise ArgumentError(
                    f"{var}={shorten(env[var])} is not a whole number; unset it or fix it"
                )
            values[name] = int(raw)
        return cls(**values)

    @staticmethod
    def setting(name: str) -> str:
        """How to raise the limit ``name``, for error messages.

        >>> Limits.setting("max_depth")
        'set KG_MAX_DEPTH or pass limits=graph.Limits(max_depth=...) to graph.load'
        """
        return f"set {_ENV[name]} or pass limits=graph.Limits({name}=...) to graph.load"


def _refuse(relative: object) -> UnsafePathError:
    return UnsafePathError(
        f"{shorten(relative)} is not a file inside sources/; write a path relative to the "
        "data folder's sources/ that names a regular file there (no absolute paths, no '..', "
        "no links that lead out of the folder)"
    )


def safe_source_path(folder: str | Path, relative: str) -> Path:
    """The file ``relative`` names inside ``folder/sources/``, or :class:`UnsafePathError`.

    ``relative`` must be a relative path without ``..`` whose target, after
    following links, is inside ``folder/sources/``. Whether the target exists
    is only said for paths that pass these checks, so a refusal tells nothing
    about files outside the folder. The returned path still has to be read
    with :func:`read_capped`, which refuses anything but a regular file.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "sources").mkdir()
    >>> _ = (root / "sources" / "a.txt").write_text("x")
    >>> safe_source_path(root, "a.txt").name
    'a.txt'
    >>> safe_source_path(root, "/etc/passwd")
    Traceback (most recent call last):
    ...
    graph.UnsafePathError: '/etc/passwd' is not a file inside sources/; ...
    """
    if not isinstance(relative, str) or not relative.strip() or "\x00" in relative:
        raise _refuse(relative)
    posix, windows = PurePosixPath(relative), PureWindowsPath(relative)
    if (
        posix.is_absolute()
        or windows.is_absolute()
        or windows.drive
        or relative.startswith(("/", "\\", "~"))
        or ".." in posix.parts
        or ".." in windows.parts
    ):
        raise _refuse(relative)
    try:
        base = (Path(folder) / "sources").resolve()
        candidate = (base / relative).resolve()
    except (OSError, RuntimeError, ValueError):
        raise _refuse(relative) from None
    if candidate == base or not candidate.is_relative_to(base):
        raise _refuse(relative)
    return candidate


def read_fd(fd: int, limit: int) -> bytes | None:
    """Read the open file ``fd`` to its end, or None as soon as it holds more than
    ``limit`` bytes (at most ``limit + 1`` are ever read)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(chunks)


def read_capped(path: str | Path, limit: int, *, setting: str = "max_source_bytes") -> bytes:
    """At most ``limit`` bytes of the regular file ``path``; never blocks, never reads more.

    Raises :class:`LimitError` when the file is larger than ``limit`` (the
    message names ``setting``, the :class:`Limits` field that raises it), and
    :class:`UnsafePathError` when ``path`` is not a regular file (a FIFO, device or
    folder is refused without reading); :class:`ReadError` when it is missing or
    cannot be read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"12345")
    >>> read_capped(p, 5)
    b'12345'
    >>> read_capped(p, 4)
    Traceback (most recent call last):
    ...
    graph.LimitError: a.txt is larger than 4 bytes; ...
    """
    name = shorten(Path(path).name, 80, quote=False)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open: opening a device can act
            raise UnsafePathError(f"{name} is not a regular file; name a text file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError(f"{name} does not exist; check the file name") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid name"
        raise ReadError(
            f"cannot read {name} ({reason}); check the file and its permissions"
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(f"{name} is not a regular file; name a text file")
        too_big = LimitError(f"{name} is larger than {limit:,} bytes; {Limits.setting(setting)}")
        if info.st_size > limit:
            raise too_big
        data = read_fd(fd, limit)
        if data is None:
            raise too_big
        return data
    except OSError as exc:
        raise ReadError(f"cannot read {name} ({exc.strerror}); check the file") from None
    finally:
        os.close(fd)
