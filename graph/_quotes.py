"""Quote checking in linear time: each source is scanned once for all its quotes.

Every evidence quote must be a verbatim substring of its source's text. Testing each
quote with ``quote in text`` costs the source's length per quote: 2,000 quotes of a
60 MB source would keep the loader busy for minutes. :class:`QuoteIndex` collects the
quotes per source (deduplicated) and answers them together: an Aho–Corasick
automaton (``pyahocorasick``, a dependency) over the source's distinct quotes makes
one pass over the text; when quotes already found keep being reported (quotes nested
in each other in a repetitive text), the automaton is rebuilt without them and the
pass goes on. Should ``pyahocorasick`` be missing, each distinct quote is looked up
once with ``str.__contains__``.

>>> sorted(find_quotes("与天津大学合作", ["天津大学", "北京大学", "天津大学"]))
['天津大学']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ._errors import shorten
from ._normalize import normalize
from ._records import Source

Pos = tuple[int, int]

__all__ = ["QuoteIndex", "find_quotes"]

#: Matches of quotes already found that a pass reports before the automaton is rebuilt
#: without them.
_WASTE = 200_000


def _module() -> Any:
    try:
        return importlib.import_module("ahocorasick")
    except ImportError:
        return None


def _bytewise(text: str) -> str:
    """``text``'s UTF-8 bytes as a string of code points below 256.

    UTF-8 keeps substrings (``q in t`` exactly when ``q``'s bytes are in ``t``'s), and
    an automaton over bytes has at most 256 branches a node: pyahocorasick searches a
    node's branches one by one, and over Chinese characters the root of 2,000 quotes
    has a thousand (a pass then costs a thousand steps a character).
    """
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _automaton(quotes: Iterable[str]) -> Any:
    aho = _module()
    a = aho.Automaton(aho.STORE_ANY, aho.KEY_STRING)
    for q in quotes:
        a.add_word(_bytewise(q), q)
    a.make_automaton()
    return a


def find_quotes(text: str, quotes: Iterable[str]) -> set[str]:
    """The members of ``quotes`` that occur in ``text``, in time linear in both.

    One pass of an Aho–Corasick automaton over ``text``. A quote found once is not
    wanted again: when the pass has reported :data:`_WASTE` matches of quotes already
    found (quotes nested in each other, "a", "aa", ..., in a text of "aaaa..."), the
    automaton is rebuilt without them and the pass goes on from where it was.

    >>> sorted(find_quotes("abcabc", ["bca", "cab", "x", ""]))
    ['', 'bca', 'cab']
    """
    wanted = set(quotes)
    found: set[str] = {q for q in wanted if not q}
    wanted -= found
    if not wanted:
        return found
    if _module() is None:  # one scan per distinct quote (C speed, but not linear)
        return found | {q for q in wanted if q in text}
    data = _bytewise(text)
    start = 0
    while wanted:
        automaton = _automaton(wanted)
        waste = 0
        resume = None
        for end, quote in automaton.iter(data, start):
            if quote in found:
                waste += 1
                if waste > _WASTE:
                    resume = end + 1
                    break
                continue
            found.add(quote)
            wanted.discard(quote)
            if not wanted:
                return found
        if resume is None:
            break
        # go on from the last match, looking back far enough for a quote that ends later
        start = max(0, resume - max(len(_bytewise(q)) for q in wanted))
    return found


class QuoteIndex:
    """Quotes to check, per source; :meth:`report` checks them all, each source once.

    The loader adds every quote with where it stands, then reports the ones not found
    (with the same messages as a check one quote at a time).
    """

    def __init__(self) -> None:
        self._texts: dict[str, Source] = {}
        self._where: dict[str, dict[str, list[tuple[Path, Pos]]]] = {}

    def add(self, source: Source, quote: str, file: Path, pos: Pos) -> None:
        """Remember that ``quote``, at ``file`` ``pos``, must occur in ``source``'s text."""
        self._texts[source.id] = source
        self._where.setdefault(source.id, {}).setdefault(quote, []).append((file, pos))

    def missing(self) -> dict[str, set[str]]:
        """Per source id, the quotes not found in its text."""
        out: dict[str, set[str]] = {}
        for sid, quotes in self._where.items():
            absent = set(quotes) - find_quotes(self._texts[sid].text, quotes)
            if absent:
                out[sid] = absent
        return out

    def report(self, add: Callable[[Path, Pos, str, str], None]) -> None:
        """Call ``add(file, pos, message, hint)`` for each quote not found, in file order."""
        found: list[tuple[Path, Pos, str, str]] = []
        for sid, absent in self.missing().items():
            src = self._texts[sid]
            for quote in absent:
                hint = (
                    f"copy the words exactly from {src.text_path} (the normalised, simplified text)"
                )
                if normalize(quote) in src.text:
                    hint = "write it in simplified characters, as in " + src.text_path
                message = f"quote not found in source {src.id!r}: {shorten(quote)}"
                found += [(f, p, message, hint) for f, p in self._where[sid][quote]]
        for file, pos, message, hint in sorted(found, key=lambda x: (str(x[0]), x[1])):
            add(file, pos, message, hint)
