"""Where the sentence around a quote starts and ends: one rule for the page and the API.

A sentence ends at 。！？；;!? or a line break, or at an ASCII full stop followed
by white space; at most :data:`CONTEXT` characters are taken on each side of the
quote, so a text without sentence ends costs no more than a short one.
"""

from __future__ import annotations

__all__ = ["CONTEXT", "ends_sentence", "sentence_window"]

#: A quote's context: at most this many characters of its sentence on each side.
CONTEXT = 300

_ENDERS = frozenset("。！？；;!?\n")


def ends_sentence(text: str, i: int) -> bool:
    """True when ``text[i]`` ends a sentence: 。！？；;!? or a line break, or an
    ASCII full stop followed by white space."""
    ch = text[i]
    if ch in _ENDERS:
        return True
    return ch == "." and i + 1 < len(text) and text[i + 1].isspace()


def sentence_window(text: str, start: int, end: int, cap: int = CONTEXT) -> tuple[int, int]:
    """The span of the sentence around ``text[start:end]``, at most ``cap`` characters
    on either side of it; the cost is O(cap + end - start), whatever the text's length.

    >>> t = "第一句。甲与乙合作，建设园区。第三句"
    >>> a, b = sentence_window(t, t.index("甲"), t.index("，"))
    >>> t[a:b]
    '甲与乙合作，建设园区。'
    >>> t = "x" * 1000 + "QUOTE" + "y" * 1000
    >>> a, b = sentence_window(t, 1000, 1005, cap=10)
    >>> (a, b)
    (990, 1015)
    >>> sentence_window("One. Two three. Four", 5, 8)
    (5, 15)
    """
    left = start
    low = max(0, start - cap)
    while left > low and not ends_sentence(text, left - 1):
        left -= 1
    while left < start and text[left].isspace():
        left += 1
    right = end
    high = min(len(text), end + cap)
    while right < high and not ends_sentence(text, right):
        right += 1
    if right < high and text[right] != "\n":
        right += 1  # keep the full stop, not the line break
    return left, right
