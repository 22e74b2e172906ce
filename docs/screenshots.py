"""Regenerate the explorer screenshots in docs/ (desktop 1400x900, phone 390x844).

Run from the repository: ``.venv/bin/python docs/screenshots.py``. Needs Playwright and
Chromium (``KG_CHROMIUM`` or /usr/bin/chromium), like the browser tests.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import graph
from graph import _html

DOCS = Path(__file__).resolve().parent
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}

#: (file name, viewport, language, address, steps to run before the shot)
SHOTS: list[tuple[str, dict[str, int], str, str, list[str]]] = [
    ("explorer.png", DESKTOP, "zh", "#focus=承德石油高等专科学校", []),
    ("explorer-reader.png", DESKTOP, "zh", "#relation=", ["reader"]),
    ("explorer-path.png", DESKTOP, "en", "#path=天津国建集团~中关村", []),
    ("explorer-tables.png", DESKTOP, "en", "", ["tables"]),
    ("explorer-phone.png", PHONE, "zh", "", []),
    ("explorer-phone-panel.png", PHONE, "zh", "#focus=天津大学", []),
]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = next(
        (
            found
            for c in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", "chromium")
            if c and (found := shutil.which(c))
        ),
        None,
    )
    if chromium is None:
        print("no Chromium found; apt-get install chromium fonts-wqy-microhei", file=sys.stderr)
        return 1
    kg = graph.load()
    stated = next(
        r for r in kg.relations() if r.evidence and r.type is graph.RelationType.COOPERATION
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        for name, viewport, lang, address, steps in SHOTS:
            page_path = _html.write_html(kg, Path(tmp) / f"{lang}.html", lang=lang)
            if address == "#relation=":
                address += stated.id
            page = browser.new_page(viewport=viewport)
            page.goto(page_path.as_uri() + address)
            page.wait_for_function("() => window.kgExplorer && window.kgExplorer.ready()")
            for step in steps:
                page.get_by_test_id(f"{step}-toggle").click()
            page.wait_for_timeout(700)  # animations
            page.screenshot(path=str(DOCS / name))
            page.close()
            print("wrote", DOCS / name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
