"""What every reader shares: its result type and polite imports of optional packages."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from .._errors import MissingExtraError

__all__ = ["Decoded", "require"]


def require(module: str, package: str) -> ModuleType:
    """Import ``module`` or raise a :class:`MissingExtraError` naming the ``ingest`` extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"reading this needs the {package} package; install the ingest extra: "
            "pip install 'kg-regional-cooperation[ingest]' (or pip install -e '.[ingest]')",
            extra="ingest",
        ) from None


@dataclass(frozen=True, slots=True)
class Decoded:
    """What a reader returns: text before normalisation, the encoding, the steps applied."""

    text: str
    encoding: str | None
    steps: tuple[str, ...]
