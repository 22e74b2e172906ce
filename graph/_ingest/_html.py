"""Web pages: the main text, without scripts, navigation, headers, footers or link lists.

The page is decoded by its declared charset (``<meta charset>``) or, failing that,
like plain text. The stdlib :mod:`html.parser` walks it; text inside ``script``,
``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form`` and elements whose
class or id names navigation, menus, breadcrumbs, sidebars, sharing, comments or
copyright is dropped. When the page has an ``<article>`` or ``<main>``, only its text
is kept. Blocks that are mostly link text (menus, "related articles") are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .._errors import KGError
from ._base import Decoded
from ._txt import decode_bytes

__all__ = ["decode_html", "main_text"]

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "button",
        "select",
        "option",
        "textarea",
        "head",
        "title",
        "object",
        "embed",
        "canvas",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "br",
        "hr",
        "center",
        "font",
        "figure",
        "figcaption",
    ]
)
_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    ]
)
_BOILER = re.compile(
    r"(?:^|[-_ ])(nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|side|share|social|comments?|"
    r"copyright|footer|header|banner|advert|ads?|related|toolbar|pager|pagination)(?:$|[-_ ])",
    re.IGNORECASE,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass
class _Block:
    text: list[str] = field(default_factory=list)
    link: int = 0
    main: bool = False

    @property
    def joined(self) -> str:
        return " ".join("".join(self.text).split())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipped, main
        self.open: Counter[str] = Counter()  # how many of each tag the stack holds
        self.blocks: list[_Block] = [_Block()]
        self.skip = 0
        self.link = 0
        self.main = 0
        self.has_main = False

    def _new_block(self) -> None:
        if self.blocks[-1].text:
            self.blocks.append(_Block(main=self.main > 0))
        else:
            self.blocks[-1].main = self.main > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in _BLOCK:
                self._new_block()
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipped = tag in _SKIP or bool(_BOILER.search(names)) or "navigation" in names
        is_main = tag in ("article", "main") or ("role" in dict(attrs) and names == "main")
        if len(self.stack) > 2000:  # absurd nesting: treat as flat text
            return
        self.stack.append((tag, skipped, is_main))
        self.open[tag] += 1
        self.skip += skipped
        self.main += is_main
        self.has_main |= is_main
        self.link += tag == "a"
        if tag in _BLOCK:
            self._new_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open[tag]:
            return  # a stray end tag: O(1), never a scan of the stack
        while self.stack:
            t, skipped, is_main = self.stack.pop()
            self.open[t] -= 1
            self.skip -= skipped
            self.main -= is_main
            self.link -= t == "a"
            if t == tag:
                break
        if tag in _BLOCK:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        block = self.blocks[-1]
        block.text.append(data)
        block.main = block.main or self.main > 0
        if self.link:
            block.link += len(data.strip())


def main_text(html: str) -> str:
    """The main text of an HTML page, one block per line.

    >>> main_text("<nav><a href=/>首页</a></nav><p>某区与某大学合作。</p><footer>版权</footer>")
    '某区与某大学合作。'
    """
    parser = _Parser()
    parser.feed(html)
    parser.close()
    lines = []
    for block in parser.blocks:
        text = block.joined
        if not text or (parser.has_main and not block.main):
            continue
        if block.link and block.link >= 0.5 * len(text.replace(" ", "")):
            continue  # a menu or a list of links
        lines.append(text)
    return "\n".join(lines)


def decode_html(raw: bytes, encoding: str | None) -> Decoded:
    """Decode a web page and keep its main text."""
    steps: list[str] = []
    if encoding is None and (m := _CHARSET.search(raw[:4096])):
        declared = m.group(1).decode("ascii").lower()
        if declared in ("gb2312", "gbk"):
            declared = "gb18030"  # a superset: pages that say gb2312 often use GBK characters
        try:
            html = raw.decode(declared)
            encoding, steps = declared, [f"decoded from {declared} (declared by the page)"]
        except (LookupError, UnicodeDecodeError):
            encoding = None
    if not steps:
        html, encoding, steps = decode_bytes(raw, encoding)
    try:
        text = main_text(html)
    except (AssertionError, ValueError) as exc:  # html.parser on hopeless markup
        raise KGError(f"cannot parse this HTML ({exc}); save the page's text as .txt") from None
    steps.append(
        "kept the page's main text (dropped scripts, styles, navigation, headers, footers "
        "and link lists)"
    )
    return Decoded(text, encoding, tuple(steps))
