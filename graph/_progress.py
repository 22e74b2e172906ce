"""Progress bars for long work (loading, exporting, ingesting, pushing), drawn with tqdm.

The library is silent unless asked: bars appear only inside :func:`enabled`
(the ``kg`` command line turns it on unless ``--quiet`` is given) and only when
standard error, where they are drawn, is a terminal. So scripts, pipes, CI logs
and tests never see one.

Why tqdm: a small, pure-Python package with no dependencies of its own, kept
since 2013, that already knows how to draw on a terminal of any width and to
stay out of the way elsewhere. rich draws finer bars but brings pygments and
markdown-it with it; nothing else here needs them.

Code that does long work asks for a bar and updates it; outside :func:`enabled`
it gets a bar that does nothing::

    with bar(total_bytes, "load data/", unit="B") as progress:
        for file in files:
            ...
            progress.update(file.stat().st_size)
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sized
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Bar", "advance", "bar", "enabled", "is_active", "reading", "stages", "track"]

_ENABLED: ContextVar[bool] = ContextVar("kg_progress_enabled", default=False)
_READING: ContextVar[Bar | None] = ContextVar("kg_progress_reading", default=None)


class Bar(Protocol):
    """What long work may do with a bar."""

    def update(self, n: float = 1) -> Any: ...


class _Silent:
    def update(self, n: float = 1) -> None:
        return None


@contextlib.contextmanager
def enabled(on: bool = True) -> Iterator[None]:
    """Within this block, long work draws progress bars on a terminal (when ``on``)."""
    token = _ENABLED.set(on)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def _stream() -> Any:
    """Where bars are drawn: standard error."""
    return sys.stderr


def is_active() -> bool:
    """True when a bar would be drawn: asked for, and standard error is a terminal."""
    if not _ENABLED.get():
        return False
    try:
        return bool(_stream().isatty())
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


@contextlib.contextmanager
def bar(total: float, description: str, *, unit: str = "it") -> Iterator[Bar]:
    """A progress bar of ``total`` units, or one that does nothing when not :func:`is_active`."""
    if not is_active():
        yield _Silent()
        return
    from tqdm import tqdm  # type: ignore[import-untyped]

    with tqdm(
        total=total,
        desc=description,
        unit=unit,
        unit_scale=unit == "B",
        unit_divisor=1024 if unit == "B" else 1000,
        leave=False,
        file=_stream(),
        dynamic_ncols=True,
        mininterval=0.25,
    ) as progress:
        yield progress


def track(items: Iterable[Any], description: str, *, total: int | None = None) -> Iterator[Any]:
    """Yield ``items`` while a bar counts them."""
    if total is None and isinstance(items, Sized):
        total = len(items)
    with bar(total or 0, description) as progress:
        for item in items:
            yield item
            progress.update(1)


@contextlib.contextmanager
def stages(description: str, *names: str) -> Iterator[Callable[[], None]]:
    """A bar over the named stages of one piece of work; call what it yields as each ends.

    The bar shows the stage under way (``export csv: write``). Used where the work
    is a few calls into code that does not report its own progress (an exporter,
    the extractor); outside :func:`enabled` or off a terminal nothing is drawn.
    """
    if not is_active():
        yield lambda: None
        return
    with bar(len(names), description, unit="stage") as progress:
        done = 0

        def show() -> None:
            if done < len(names) and hasattr(progress, "set_postfix_str"):
                progress.set_postfix_str(names[done])

        def next_stage() -> None:
            nonlocal done
            progress.update(1)
            done += 1
            show()

        show()
        yield next_stage


def _data_bytes(root: Path) -> int:
    total = 0
    for folder, pattern in (
        ("sources", "sources.yaml"),
        ("entities", "*.y*ml"),
        ("relations", "*.y*ml"),
    ):
        for path in (root / folder).glob(pattern):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
    return total


@contextlib.contextmanager
def reading(root: Path) -> Iterator[None]:
    """Show how much of the data folder ``root`` the loader has read (see :func:`advance`)."""
    if not is_active():
        yield
        return
    with bar(_data_bytes(root), f"load {root}", unit="B") as progress:
        token = _READING.set(progress)
        try:
            yield
        finally:
            _READING.reset(token)


def advance(file: Path) -> None:
    """Count ``file`` as read on the loading bar, if one is open; the loader calls it."""
    progress = _READING.get()
    if progress is not None:
        with contextlib.suppress(OSError):
            progress.update(file.stat().st_size)
