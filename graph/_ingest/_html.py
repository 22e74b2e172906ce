"""Web pages: the main text, without scripts, navigation, headers, footers or link lists.

The page is decoded by its declared charset (``<meta charset>``) or, failing that,
like plain text. lxml (libxml2's HTML parser, linear in the page's size: the
standard library's :mod:`html.parser` is quadratic on some markup) parses it; text
inside ``script``,
``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form`` and elements whose
class or id names navigation, menus, breadcrumbs, sidebars, sharing, comments or
copyright is dropped. When the page has an ``<article>`` or ``<main>``, only its text
is kept. Blocks that are mostly link text (menus, "related articles") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .._errors import KGError
from ._base import Decoded, require
from ._txt import decode_bytes, text_codec

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


class _Walker:
    """The blocks of text of a parsed page; one pass over its elements."""

    def __init__(self) -> None:
        self.stack: list[tuple[bool, bool, bool]] = []  # skipped, main, link
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

    def start(self, tag: str, attrs: Mapping[str, str]) -> None:
        names = " ".join(attrs.get(k) or "" for k in ("class", "id", "role"))
        skipped = tag in _SKIP or bool(_BOILER.search(names)) or "navigation" in names
        is_main = tag in ("article", "main") or ("role" in attrs and names == "main")
        self.stack.append((skipped, is_main, tag == "a"))
        self.skip += skipped
        self.main += is_main
        self.has_main |= is_main
        self.link += tag == "a"
        if tag in _BLOCK:
            self._new_block()

    def end(self, tag: str) -> None:
        skipped, is_main, link = self.stack.pop()
        self.skip -= skipped
        self.main -= is_main
        self.link -= link
        if tag in _BLOCK:
            self._new_block()

    def data(self, data: str | None) -> None:
        if self.skip or not data:
            return
        block = self.blocks[-1]
        block.text.append(data)
        block.main = block.main or self.main > 0
        if self.link:
            block.link += len(data.strip())


_TAG = re.compile(r"<[^<>]*>")  # linear: a match never scans past the next '<'


def _flat(html: str) -> _Walker:
    """Absurdly nested markup (deeper than libxml2 follows): the text without its tags."""
    import html as std_html

    walker = _Walker()
    for line in std_html.unescape(_TAG.sub("\n", html)).split("\n"):
        if line.strip():
            walker.data(line)
            walker._new_block()
    return walker


def _walk(html: str) -> _Walker:
    """Parse ``html`` with lxml (libxml2's HTML parser: linear time, no network, no
    entities from outside) and walk its elements once, iteratively."""
    lxml_html = require("lxml.html", "lxml")
    etree = require("lxml.etree", "lxml")

    walker = _Walker()
    if not html.strip():
        return walker
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if any("Excessive depth" in e.message for e in parser.error_log):
        return _flat(html)
    if root is None:
        return walker
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if not tag:  # a comment or processing instruction left over
                continue
            if tag in _VOID:
                if tag in _BLOCK:
                    walker._new_block()
                continue
            walker.start(tag, el.attrib)
            walker.data(el.text)
        else:
            if tag and tag not in _VOID:
                walker.end(tag)
            walker.data(el.tail)
    return walker


def main_text(html: str) -> str:
    """The main text of an HTML page, one block per line.

    >>> main_text("<nav><a href=/>首页</a></nav><p>某区与某大学合作。</p><footer>版权</footer>")
    '某区与某大学合作。'
    """
    walker = _walk(html)
    lines = []
    for block in walker.blocks:
        text = block.joined
        if not text or (walker.has_main and not block.main):
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
            declared = text_codec(declared)
            html = raw.decode(declared)
            encoding, steps = declared, [f"decoded from {declared} (declared by the page)"]
        except (KGError, LookupError, UnicodeError, ValueError, TypeError):
            encoding = None
    if not steps:
        html, encoding, steps = decode_bytes(raw, encoding)
    text = main_text(html)
    steps.append(
        "kept the page's main text (dropped scripts, styles, navigation, headers, footers "
        "and link lists)"
    )
    return Decoded(text, encoding, tuple(steps))
