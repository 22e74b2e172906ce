"""Sentences and clauses: where the extractor cuts the text.

A sentence ends at 。！？；, a clause at ，：; a sentence longer than
:data:`MAX_SENTENCE` characters is read in pieces cut at a clause or list boundary, so
that extraction stays linear. Quotes are trimmed slices of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# ASCII ? ends a sentence, but not a run of them: ?? is what mojibake leaves in a name
_SENTENCE_END = re.compile(r"[。！？；;!\n]|(?<!\?)\?(?!\?)")
_CLAUSE_END = re.compile(r"[，,：:]")


def _spans(text: str, start: int, end: int, rx: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    pos = start
    for m in rx.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


#: Longest stretch read as one sentence. Real sentences are shorter; a longer one (a
#: list without end, text without punctuation) is read in pieces cut at a clause or
#: list boundary, so that the work per sentence stays bounded and extraction linear.
MAX_SENTENCE = 300
_PIECE_END = re.compile(r"[，,、：:\s]")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_SENTENCE` characters.

    >>> [b - a for a, b in _pieces("北京大学、" * 100, 0, 500)]
    [300, 200]
    """
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        for m in _PIECE_END.finditer(text, start + MAX_SENTENCE // 2, cut):
            cut = m.end()
        yield start, cut
        start = cut
    yield start, end


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].strip():
        start += 1
    while end > start and (not text[end - 1].strip() or text[end - 1] in "，,、：:"):
        end -= 1
    return start, end


def _quote(text: str, start: int, end: int) -> str:
    start, end = _trim_span(text, start, end)
    if end - start > 300:  # a window around what matters keeps quotes readable
        end = start + 300
    return text[start:end]


def _clause_of(text: str, pos: int, s_start: int, s_end: int) -> tuple[int, int]:
    for a, b in _spans(text, s_start, s_end, _CLAUSE_END):
        if a <= pos < b:
            return a, b
    return s_start, s_end
