"""Packaging that pyproject.toml cannot say on its own.

Every package under ``graph/`` is found by discovery (so new subpackages and the
templates ship), and the repository's ``data/`` is installed as ``graph/_sample``,
the sample data :func:`graph.load` falls back to. ``data/`` stays the only copy
in the repository.
"""

from setuptools import find_namespace_packages, setup

SAMPLE = {"sources": ["*.yaml", "*.txt"], "entities": ["*.yaml"], "relations": ["*.yaml"]}

setup(
    packages=[
        *find_namespace_packages(include=["graph", "graph.*"], exclude=["*.__pycache__"]),
        "graph._sample",
        *(f"graph._sample.{folder}" for folder in SAMPLE),
    ],
    package_dir={"graph._sample": "data"},
    package_data={
        "": ["py.typed", "*.html", "*.js", "*.css"],
        **{f"graph._sample.{folder}": globs for folder, globs in SAMPLE.items()},
    },
)
