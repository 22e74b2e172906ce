"""Benchmark: the explorer page for 100,000 entities (issue 11, item 3).

In a fresh process, loads the generated 100,000-entity folder (kept under
``/tmp/kg-bench``, see ``_synthetic.data_folder``) and writes the page with
:func:`graph._html.write_html` (streamed to the file in parts), reporting the
page's size and the process's peak memory. Then opens the page from ``file://``
in headless Chromium and times:

- **first view**: from navigation until the page has drawn its first view (the
  most connected entities; ``kgExplorer.ready()``), target ≤ 5 s;
- **search**: ``kgExplorer.search`` for names, English names and aliases of
  entities spread over the whole graph (most of them not drawn), target ≤ 0.5 s
  each, and typing a name into the search box until its results list shows;
- **select**: picking an entity that is not drawn (it and its neighbours are added).

    .venv/bin/python benchmarks/bench_page.py [N]      # default N = 100000
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")

_WRITE = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
import graph
from graph._html import write_html
from _synthetic import data_folder
folder = data_folder({n})
t0 = time.perf_counter()
kg = graph.load(folder)
t1 = time.perf_counter()
write_html(kg, {out!r})
t2 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
names = [(e.name, e.name_en, e.aliases[0] if e.aliases else e.name) for e in kg.entities()]
step = max(1, len(names) // 7)
print(json.dumps({{"load": t1 - t0, "write": t2 - t1, "peak": peak, "entities": len(names),
                  "probes": names[step // 2 :: step][:7]}}))
"""


def write_page(n: int, out: Path) -> dict[str, object]:
    """Load and write in a new process (so its peak memory is only this work)."""
    bench = str(Path(__file__).resolve().parent)
    code = _WRITE.format(bench=bench, n=n, out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(page_path: Path, probes: list[list[str]]) -> dict[str, object]:
    """Open the page in headless Chromium and time the first view, searches, a selection."""
    from playwright.sync_api import sync_playwright

    out: dict[str, object] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(page_path.as_uri(), timeout=120_000)
        page.wait_for_function(
            "() => window.kgExplorer && window.kgExplorer.ready()", timeout=120_000
        )
        out["first_view"] = time.perf_counter() - start
        out["drawn"] = page.evaluate("() => window.kgExplorer.drawnNodeIds().length")
        out["note"] = page.locator("[data-testid=bounded-note]").inner_text()
        times = []
        for name, name_en, alias in probes:
            for text in (name, name_en, alias):
                took, hit = page.evaluate(
                    """(t) => { const t0 = performance.now();
                       const r = window.kgExplorer.search(t);
                       return [performance.now() - t0, r.length]; }""",
                    text,
                )
                assert hit, f"search found nothing for {text!r}"
                times.append(took / 1000)
        out["search_max"] = max(times)
        out["search_median"] = sorted(times)[len(times) // 2]
        box = page.locator("[data-testid=search]")
        t0 = time.perf_counter()
        box.fill(probes[-1][0])
        page.locator("#kg-results button").first.wait_for()
        out["search_box"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        page.locator("#kg-results button").first.click()
        page.locator("#kg-panel:not([hidden])").wait_for()
        out["select_hidden"] = time.perf_counter() - t0
        out["drawn_after"] = page.evaluate("() => window.kgExplorer.presentCount()")
        out["errors"] = errors
        browser.close()
    return out


def main(n: int = 100_000) -> None:
    """Print the page figures next to their targets (or why they cannot be measured)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        print("skipped: Playwright is not installed (pip install -e '.[test]')")
        return
    if not shutil.which(CHROMIUM):
        print(f"skipped: no Chromium at {CHROMIUM} (apt-get install chromium; or set KG_CHROMIUM)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        w = write_page(n, path)
        size = path.stat().st_size
        m = measure(path, w["probes"])  # type: ignore[arg-type]
    gb = float(w["peak"]) / 1e9  # type: ignore[arg-type]
    rows = [
        ("entities", f"{w['entities']:,}", ""),
        ("page size", f"{size / 1e6:.0f} MB", "one offline file"),
        ("load + write_html peak memory", f"{gb:.2f} GB", "≤ 1.5 GB"),
        ("load / write_html", f"{w['load']:.1f} s / {w['write']:.1f} s", ""),
        ("first view drawn (Chromium)", f"{m['first_view']:.2f} s", "≤ 5 s"),
        ("entities drawn at first", f"{m['drawn']:,}", ""),
        ("search, slowest of 21", f"{m['search_max'] * 1000:.0f} ms", "≤ 500 ms"),
        ("search, median", f"{m['search_median'] * 1000:.0f} ms", "≤ 500 ms"),
        ("typing a name until results show", f"{m['search_box'] * 1000:.0f} ms", ""),
        ("selecting an undrawn entity", f"{m['select_hidden'] * 1000:.0f} ms", ""),
        ("entities drawn after it", f"{m['drawn_after']:,}", ""),
        ("page errors", str(len(m["errors"])), "0"),  # type: ignore[arg-type]
    ]
    print(f"bounded-view note: {m['note']}")
    for name, value, target in rows:
        print(f"{name:<34} {value:>16}   {target}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
