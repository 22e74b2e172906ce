"""Names to entities: lookup keys, unique prefixes and substrings, close matches.

Every name, alias and id of an entity is stored under its :func:`key`, so
``清華大學``, ``清华\\u200b大学`` and ``清华大学`` are one name. A name that is not
a key resolves when it is the prefix (or else a substring) of exactly one
entity's names; otherwise the index offers close names in the query's script.
A Chinese name too short to resolve that way (one character) is never taken,
but the names that start with it are offered (``天`` lists 天津, 天津大学, …).

The index stays cheap at 100,000 entities: the keys are joined into one string
that ``str.find`` scans in C, every scan stops after a bounded number of hits,
and ``difflib`` only compares the query with a few dozen candidates.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from ._normalize import to_simplified

__all__ = ["NameIndex", "is_chinese", "key"]

#: Shortest query (in key characters) that may resolve as a prefix or substring.
MIN_PARTIAL = {True: 2, False: 3}  # Chinese, other scripts
#: How many keys one scan of the index may visit.
SCAN_CAP = 300
#: How similar (difflib ratio) a name must be to be suggested.
CUTOFF = 0.75
#: Suggestions are at most this much less similar than the best one.
MARGIN = 0.1

#: Words that end Chinese names of organisations and projects. A partial name that
#: cuts one of them in half (``天津大`` of 天津大学) is a typo or an unfinished name, so
#: it is suggested rather than resolved; one that stops before it (``天津国建`` of
#: 天津国建集团) is the name without its type word and resolves.
HEAD_WORDS = (
    "大学",
    "学院",
    "学校",
    "集团",
    "公司",
    "股份",
    "药业",
    "实业",
    "研究院",
    "研究所",
    "科学院",
    "项目",
    "工程",
    "园区",
    "中心",
    "基地",
    "工作站",
)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


#: Invisible characters: every format character (category Cf: soft hyphen, zero-width
#: space and joiners, bidi controls, BOM, tags) of Unicode 14 and the variation selectors.
#: tests/test_query.py checks this against the running Python's Unicode database.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)


def key(text: str) -> str:
    """The lookup key of a name: NFKC, no whitespace or invisible characters,
    simplified Chinese, case-folded.

    Names with the same key are one name for lookups and for the loader's
    uniqueness check.

    >>> key("Tianjin University")
    'tianjinuniversity'
    >>> key("清華\\u200b大學") == key("清华大学")
    True
    """
    text = "".join(unicodedata.normalize("NFKC", text).split())
    if text.isascii():
        return text.casefold()
    return to_simplified(_INVISIBLE.sub("", text)).casefold()


def _cuts_head_word(before: str, after: str) -> bool:
    """Whether the cut between ``before`` and ``after`` falls inside a head word."""
    return any(
        before.endswith(word[:j]) and after.startswith(word[j:])
        for word in HEAD_WORDS
        for j in range(1, len(word))
    )


def is_chinese(text: str) -> bool:
    """Whether ``text`` has a Chinese character (so answers should be in Chinese)."""
    return _CJK.search(text) is not None


class NameIndex:
    """Keys of names mapped to entity ids, with partial and close matching.

    ``ids`` (lookup key -> entity id, as :meth:`ids` gives them back) starts the
    index; it is taken as it is, not copied, so the caller must not change it.
    """

    def __init__(self, ids: dict[str, str] | None = None) -> None:
        self._ids: dict[str, str] = ids if ids is not None else {}
        self._keys: list[str] = []
        self._starts: list[int] = []
        self._sorted: list[str] = []
        self._blob: str | None = None

    def add(self, name: str, eid: str) -> None:
        """Index ``name`` for ``eid``; the first entity to claim a key keeps it."""
        k = key(name)
        if k and k not in self._ids:
            self._ids[k] = eid
            self._blob = None

    def ids(self) -> Mapping[str, str]:
        """Every lookup key and its entity id, read-only, in the order they were added."""
        return MappingProxyType(self._ids)

    def get(self, name: str) -> str | None:
        """The id whose name, alias or id has the key of ``name``, else ``None``."""
        return self._ids.get(key(name))

    def _build(self) -> str:
        """The keys joined into one string (built on first use after a change)."""
        if self._blob is None:
            self._keys = list(self._ids)
            self._starts = []
            pos = 0
            for k in self._keys:
                self._starts.append(pos)
                pos += len(k) + 1
            self._sorted = []  # sorted by _starting when first needed
            self._blob = "\n".join(self._keys)  # keys hold no whitespace
        return self._blob

    def _starting(self, prefix: str, cap: int = SCAN_CAP) -> list[str]:
        """Ids with a key that starts with ``prefix``, in key order, at most ``cap`` keys."""
        self._build()
        if not self._sorted:
            self._sorted = sorted(self._keys)
        keys = self._sorted
        found: dict[str, None] = {}
        i = bisect.bisect_left(keys, prefix)
        while i < len(keys) and keys[i].startswith(prefix) and len(found) < cap:
            found[self._ids[keys[i]]] = None
            i += 1
        return list(found)

    def _scan(self, needle: str, cap: int = SCAN_CAP) -> Iterator[str]:
        """Keys containing ``needle``, each once, at most ``cap`` of them."""
        blob, starts, keys = self._build(), self._starts, self._keys
        found = 0
        i = blob.find(needle)
        while i != -1 and found < cap:
            ki = bisect.bisect_right(starts, i) - 1
            yield keys[ki]
            found += 1
            i = blob.find(needle, starts[ki] + len(keys[ki]) + 1)

    def partial(self, name: str) -> tuple[list[str], list[str], list[str]]:
        """Ids with a name that starts with ``name``, ids with a name that only
        contains it, and ids with a name that ``name`` cuts inside a head word such
        as 大学 (candidates to suggest, never to resolve). A Chinese ``name`` too short
        to be taken as part of a name only gets the ids with a name that starts with
        it, as candidates to suggest; a short name in another script gets none."""
        k = key(name)
        if not k:
            return [], [], []
        chinese = is_chinese(k)
        if len(k) < MIN_PARTIAL[chinese]:  # one Chinese character: the names it starts
            return [], [], self._starting(k) if chinese else []
        prefix: dict[str, None] = {}
        inner: dict[str, None] = {}
        split: dict[str, None] = {}
        for hit in self._scan(k):
            eid = self._ids[hit]
            if _cuts_head_word(k, hit[hit.index(k) + len(k) :]):
                split[eid] = None
            else:
                (prefix if hit.startswith(k) else inner)[eid] = None
        inner_only = [i for i in inner if i not in prefix]
        taken = {*prefix, *inner_only}
        return list(prefix), inner_only, [i for i in split if i not in taken]

    def close(self, name: str, n: int = 5) -> list[str]:
        """Ids with a name in the same script as ``name`` that is similar to it, best first."""
        k = key(name)
        if not k:
            return []
        chinese = is_chinese(k)
        size = 2 if chinese else 3
        grams = {k[i : i + size] for i in range(max(1, len(k) - size + 1))}
        half = len(k) // 2  # longer pieces still find a name when every short gram is common
        if half > size:
            grams |= {k[i : i + half] for i in range(len(k) - half + 1)}
        counts: Counter[str] = Counter()
        for gram in grams:
            hits = list(self._scan(gram))
            if len(hits) < SCAN_CAP:  # a gram found everywhere tells nothing (and is cut)
                counts.update(hits)
        scored: list[tuple[float, str]] = []
        for cand, _ in counts.most_common(40):
            if is_chinese(cand) != chinese:
                continue
            ratio = difflib.SequenceMatcher(None, k, cand, autojunk=False).ratio()
            if ratio >= CUTOFF:
                scored.append((ratio, cand))
        scored.sort(key=lambda rc: (-rc[0], rc[1]))
        best = scored[0][0] if scored else 0.0
        near = (c for ratio, c in scored if ratio >= best - MARGIN)
        return list(dict.fromkeys(self._ids[c] for c in near))[:n]
