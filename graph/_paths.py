"""Where the data comes from and where outputs go, in a checkout and when installed.

:func:`find_data` picks the data folder that :func:`graph.load` and ``kg`` use
when given none, in this order:

1. ``./data`` when it is a data folder (it holds ``sources/sources.yaml``);
2. the folder named by the ``KG_DATA`` environment variable;
3. the bundled sample: the repository's ``data/`` in a checkout, or the copy of
   it that the package ships as ``graph/_sample`` when installed from a wheel.

Outputs go to ``output/`` under the current folder (:data:`DEFAULT_OUTPUT`),
in a checkout as when installed: a checkout's ``kg`` run from another folder
writes where the user works, not into the checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ._errors import ReadError

__all__ = ["BUNDLED_DATA", "DEFAULT_OUTPUT", "DataFolder", "find_data"]

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent


def _is_data(folder: Path) -> bool:
    return (folder / "sources" / "sources.yaml").is_file()


def _in_checkout() -> bool:
    return (_REPO / "pyproject.toml").is_file() and _is_data(_REPO / "data")


#: The bundled sample data: the repository's ``data/`` in a checkout, else the
#: copy installed with the package.
BUNDLED_DATA = _REPO / "data" if _in_checkout() else _PACKAGE / "_sample"

#: Where ``kg html`` and ``kg export`` write by default: ``output/`` under the
#: current folder (relative, so it follows the folder the command runs in).
DEFAULT_OUTPUT = Path("output")


@dataclass(frozen=True, slots=True)
class DataFolder:
    """A data folder and how it was found: ``./data``, ``KG_DATA`` or ``bundled``."""

    path: Path
    origin: str

    def describe(self) -> str:
        """One line for ``kg stats``: the folder and why it was chosen."""
        why = {
            "./data": "./data in the current folder",
            "KG_DATA": "the KG_DATA environment variable",
            "bundled": "the sample data bundled with the package",
            "--data": "the --data option",
        }.get(self.origin, self.origin)
        return f"{self.path} ({why})"


def find_data(explicit: str | os.PathLike[str] | None = None) -> DataFolder:
    """The data folder to use: ``explicit`` when given, else as the module explains.

    Raises :class:`graph.ReadError` when ``KG_DATA`` names no folder.

    >>> find_data("data").origin
    '--data'
    """
    if explicit is not None:
        return DataFolder(Path(explicit), "--data")
    here = Path("data")
    if _is_data(here):
        return DataFolder(here, "./data")
    env = os.environ.get("KG_DATA")
    if env:
        folder = Path(env).expanduser()
        if not folder.is_dir():
            raise ReadError(
                f"KG_DATA names {env!r}, which is not a folder; set it to a data folder "
                "(one with sources/, entities/ and relations/) or unset it"
            )
        return DataFolder(folder, "KG_DATA")
    if not _is_data(BUNDLED_DATA):
        raise ReadError(
            "no data folder: there is no ./data here, KG_DATA is not set and the bundled "
            f"sample is missing ({BUNDLED_DATA}); pass a folder with --data or graph.load(path)"
        )
    return DataFolder(BUNDLED_DATA, "bundled")
