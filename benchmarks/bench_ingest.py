"""Benchmark: how much of the curated data `kg ingest` proposes by itself, and how fast.

Ingests the bundled report's raw file into an empty data folder (``graph.init``),
as a new user would, and compares the draft with the curated ``data/`` (whatever it
holds when this runs):

- entity recall: curated entities whose name or an alias the draft proposes. "exact"
  counts equal names only (after NFKC and case folding); "lenient" also counts a
  proposal that contains the curated name, or is contained in it, when the shorter
  is at least 60% of the longer (面向京津的医疗卫生产业园项目 / 医疗卫生产业园项目);
- relation recall: curated relations whose two ends the draft links (either
  direction, any type); a group statement's membership (X participates_in a
  cooperation node) counts when the draft has X join a cooperation node too;
- precision: proposals (entities and relations) that match a curated record by the
  same rules;
- time: the whole ingest of the report, then the extractor alone and the whole
  ingest on 10k, 100k and 1M characters of report-like text, with the time per
  10k characters (linear growth shows a flat column).

Targets (issue 10): entity recall >= 90%, relation recall >= 70%, precision >= 60%,
10,000 characters in under 2 s. No assertion: read the numbers.

    .venv/bin/python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import graph
from graph._ingest._draft import load_draft
from graph._ingest._extract import extract

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SOURCE = "chengde-hitech-jjj-progress"


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


class Matcher:
    """Maps proposed names to curated entities (exact, then lenient)."""

    def __init__(self, kg: graph.KnowledgeGraph) -> None:
        self.names: list[tuple[str, str]] = []
        for e in kg:
            for n in {e.name, *e.aliases}:
                self.names.append((_key(n), e.id))
        self.exact = dict(self.names)

    def match(self, names: Iterable[str], lenient: bool = True) -> str | None:
        best: tuple[float, str] | None = None
        for name in names:
            k = _key(name)
            if k in self.exact:
                return self.exact[k]
            if not lenient or len(k) < 2:
                continue
            for cur, eid in self.names:
                if len(cur) < 2:
                    continue
                short, long = sorted((k, cur), key=len)
                if short in long and len(short) / len(long) >= 0.6:
                    score = len(short) / len(long)
                    if best is None or score > best[0]:
                        best = (score, eid)
        return best[1] if best else None


def compare(
    kg: graph.KnowledgeGraph,
    draft_entities: list[dict[str, Any]],
    draft_relations: list[dict[str, Any]],
) -> dict[str, Any]:
    m = Matcher(kg)
    by_ref: dict[str, str | None] = {}
    exact_found: set[str] = set()
    found: set[str] = set()
    coop_nodes: set[str] = set()
    for e in draft_entities:
        names = [e["name"], *(e.get("aliases") or [])]
        ref = e.get("match") or e["name"]
        eid = e.get("match") or m.match(names)
        by_ref[ref] = eid
        if e["type"] == "cooperation":
            coop_nodes.add(ref)
        if eid:
            found.add(eid)
        if m.match(names, lenient=False):
            exact_found.add(str(m.match(names, lenient=False)))
    pairs: set[frozenset[str]] = set()
    members: set[str] = set()
    for r in draft_relations:
        s, t = by_ref.get(r["source"]), by_ref.get(r["target"])
        if r["type"] == "participates_in" and r["target"] in coop_nodes and s:
            members.add(s)
        if s and t:
            pairs.add(frozenset((s, t)))
    curated_coops = {e.id for e in kg if str(e.type) == "cooperation"}
    recalled = 0
    rel_total = 0
    curated_pairs: set[frozenset[str]] = set()
    curated_members: set[str] = set()
    for r in kg.relations():
        rel_total += 1
        curated_pairs.add(frozenset((r.source, r.target)))
        if str(r.type) == "participates_in" and r.target in curated_coops:
            curated_members.add(r.source)
            if r.source in members:
                recalled += 1
                continue
        if frozenset((r.source, r.target)) in pairs:
            recalled += 1
    good_rel = 0
    for r in draft_relations:
        s, t = by_ref.get(r["source"]), by_ref.get(r["target"])
        if r["type"] == "participates_in" and r["target"] in coop_nodes:
            good_rel += bool(s and s in curated_members)
        elif s and t and frozenset((s, t)) in curated_pairs:
            good_rel += 1
    good_ent = sum(1 for e in draft_entities if by_ref.get(e.get("match") or e["name"]))
    n = len(kg)
    proposals = len(draft_entities) + len(draft_relations)
    missed = sorted(e.name for e in kg if e.id not in found)
    return {
        "entities": n,
        "entity_recall_exact": len(exact_found) / n if n else 0.0,
        "entity_recall": len(found) / n if n else 0.0,
        "relations": rel_total,
        "relation_recall": recalled / rel_total if rel_total else 0.0,
        "precision": (good_ent + good_rel) / proposals if proposals else 0.0,
        "entity_precision": good_ent / len(draft_entities) if draft_entities else 0.0,
        "relation_precision": good_rel / len(draft_relations) if draft_relations else 0.0,
        "proposed": (len(draft_entities), len(draft_relations)),
        "missed": missed,
    }


def _source_title() -> str:
    kg = graph.load(DATA)
    return kg.source(SOURCE).title


def report_figures() -> None:
    kg = graph.load(DATA)
    title = _source_title()
    raw = DATA / "sources" / f"{SOURCE}.raw.txt"
    with tempfile.TemporaryDirectory() as tmp:
        root = graph.init(Path(tmp) / "data")
        t0 = time.perf_counter()
        result = graph.ingest(raw, data=root, id="report", title=title)
        elapsed = time.perf_counter() - t0
        draft = load_draft(result.draft)
    figures = compare(kg, draft.entities, draft.relations)
    print(f"bundled report: {result.characters} characters, ingested in {elapsed:.2f} s")
    print(f"  curated data: {figures['entities']} entities, {figures['relations']} relations")
    print(f"  draft: {figures['proposed'][0]} entities, {figures['proposed'][1]} relations")
    print(
        f"  entity recall   {figures['entity_recall']:6.1%} (exact names only: "
        f"{figures['entity_recall_exact']:.1%})   target >= 90%"
    )
    print(f"  relation recall {figures['relation_recall']:6.1%}   target >= 70%")
    print(
        f"  precision       {figures['precision']:6.1%} (entities "
        f"{figures['entity_precision']:.1%}, relations {figures['relation_precision']:.1%})"
        "   target >= 60%"
    )
    if figures["missed"]:
        print("  curated entities not proposed: " + ", ".join(figures["missed"]))


def _distinct_text(text: str, size: int) -> str:
    """``size`` characters of copies of ``text`` whose sentences carry the copy's number,
    so that no sentence repeats (the tagger tags a repeated sentence only once)."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        copy = text.replace("。", f"（{i}）。")
        parts.append(copy)
        total += len(copy)
        i += 1
    return "".join(parts)[:size]


def _model_seconds(body: str) -> float:
    """The tagger's time alone on the sentence pieces the extractor would give it."""
    from graph._ingest._extract import _SENTENCE_END, _pieces, _spans, _trim_span
    from graph._ingest._tagging import tag

    pieces = [
        _trim_span(body, a, b)
        for s, e in _spans(body, 0, len(body), _SENTENCE_END)
        for a, b in _pieces(body, s, e)
    ]
    t0 = time.perf_counter()
    tag([body[a:b] for a, b in pieces if a < b])
    return time.perf_counter() - t0


def scaling() -> None:
    text = graph.load(DATA).source(SOURCE).text
    title = _source_title()
    print("\nsize (chars)  model s  extract s  model %  ingest s  per 10k s  chars/s")
    for size in (10_000, 100_000, 1_000_000):
        body = _distinct_text(text, size)
        model = _model_seconds(body)
        t0 = time.perf_counter()
        extract(body, title=title)
        ex = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            root = graph.init(Path(tmp) / "data")
            doc = Path(tmp) / "big.txt"
            doc.write_text(body, encoding="utf-8")
            t0 = time.perf_counter()
            graph.ingest(doc, data=root, title=title)
            ing = time.perf_counter() - t0
        print(
            f"{size:12,d} {model:8.2f} {ex:10.2f} {model / ex:8.0%} {ing:9.2f} "
            f"{ing / size * 10_000:10.3f} {size / ing:8,.0f}"
        )
    print(
        "linear: the per-10k column stays flat; targets: 10,000 characters in under 3 s "
        "with process start (see `time kg ingest`), >= 10,000 characters per second"
    )
    print("\nhostile text (no sentence ends), extract s at 25k and 100k characters:")
    for label, unit in (
        ("a list without end  北京大学、…", "北京大学、"),
        ("nested lists        北京大学等高校与…", "北京大学等高校与"),
        ("no punctuation      北京大学清华大学…", "北京大学清华大学"),
        ("cue words only      与就与就…", "与就与就"),
    ):
        times = []
        for size in (25_000, 100_000):
            body = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            extract(body)
            times.append(time.perf_counter() - t0)
        print(f"  {label:40} {times[0]:6.2f} {times[1]:6.2f}  ratio {times[1] / times[0]:.1f}")
    print("linear: ratios near 4 (sentences are read in pieces of at most 300 characters)")
    print("\nreport text without one sentence end (。！？； and line ends made commas):")
    for size in (500_000, 5_000_000):
        body = re.sub("[。！？；!?;\n]", "，", _distinct_text(text, size))
        t0 = time.perf_counter()
        extract(body, title=title)
        ex = time.perf_counter() - t0
        print(f"  {size:10,d} characters: extract {ex:7.1f} s  {size / ex:8,.0f} chars/s")
    _process_start(text, title)


def _process_start(text: str, title: str) -> None:
    """``kg ingest`` of 10,000 characters as a user runs it: a new process, model load
    included."""
    kg = Path(sys.executable).with_name("kg")
    if not kg.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "report.txt"
        doc.write_text(_distinct_text(text, 10_000), encoding="utf-8")
        times = []
        for i in range(3):
            root = graph.init(Path(tmp) / f"data{i}")
            t0 = time.perf_counter()
            subprocess.run(
                [str(kg), "--data", str(root), "ingest", str(doc), "--title", title],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t0)
    print(
        "\nkg ingest of 10,000 characters in a new process (start and model load "
        f"included): {', '.join(f'{t:.2f}' for t in times)} s (target < 3 s)"
    )


# -- the corpus of real reports ----------------------------------------------------------

#: Tuned on these; the others are reported apart (figures on text tuned on overstate).
TUNED = {"doc_01", "doc_02", "doc_03", "doc_04", "doc_05", "doc_06"}
#: the gold annotator's relation types mapped to the project's (type agreement)
_UNSCORED = {"goal", "measure"}
_SAME_TYPE = {
    "builds_operates": {"builds_operates", "invests_in", "works_on", "participates_in"},
    "located_in": {"located_in", "held_at"},
    "participates_in": {"participates_in", "attends", "works_on"},
    "supports": {"supports", "organises"},
}


def _gold_match(name: str, gold: list[list[str]]) -> int | None:
    """The gold entity a proposed name denotes (the corpus README's rule), or None."""
    k = _key(name)
    if not k:
        return None
    best: tuple[float, int] | None = None
    for i, names in enumerate(gold):
        for n in names:
            g = _key(n)
            if k == g:
                return i
            short, long = sorted((k, g), key=len)
            if len(short) >= 2 and short in long and len(short) / len(long) >= 0.6:
                score = len(short) / len(long)
                if best is None or score > best[0]:
                    best = (score, i)
    return best[1] if best else None


def corpus_document(txt: Path) -> dict[str, Any]:
    """Ingest one corpus document into an empty folder and compare the draft with its gold."""
    import yaml

    gold_doc = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    gold = [[str(n) for n in e["names"]] for e in gold_doc["entities"]]
    by_name = {_key(n): i for i, names in enumerate(gold) for n in names}
    gold_rel = []
    for r in gold_doc["relations"]:
        s, t = by_name.get(_key(str(r["source"]))), by_name.get(_key(str(r["target"])))
        if s is not None and t is not None:
            gold_rel.append((s, t, str(r["type"])))
    title = txt.read_text(encoding="utf-8").split("\n", 1)[0]
    with tempfile.TemporaryDirectory() as tmp:
        root = graph.init(Path(tmp) / "data")
        t0 = time.perf_counter()
        result = graph.ingest(txt, data=root, id="doc", title=title)
        elapsed = time.perf_counter() - t0
        draft = load_draft(result.draft)
    ref: dict[str, int | None] = {}
    # the gold's vocabulary has no goals or measures: they are left out of precision
    unscored = {e.get("match") or e["name"] for e in draft.entities if e["type"] in _UNSCORED}
    entities = [e for e in draft.entities if (e.get("match") or e["name"]) not in unscored]
    relations = [
        r for r in draft.relations if r["source"] not in unscored and r["target"] not in unscored
    ]
    for e in entities:
        names = [e["name"], *(e.get("aliases") or [])]
        hit = next((i for n in names if (i := _gold_match(n, gold)) is not None), None)
        ref[e.get("match") or e["name"]] = hit
    found_ent = {i for i in ref.values() if i is not None}
    pairs: dict[frozenset[int], list[tuple[int, int, str]]] = {}
    good_rel = 0
    for r in relations:
        s, t = ref.get(r["source"]), ref.get(r["target"])
        if s is not None and t is not None and s != t:
            pairs.setdefault(frozenset((s, t)), []).append((s, t, str(r["type"])))
    gold_pairs = {frozenset((s, t)) for s, t, _ in gold_rel}
    for found in pairs.values():
        if frozenset((found[0][0], found[0][1])) in gold_pairs:
            good_rel += len(found)
    recalled = 0
    typed = 0
    for s, t, gtype in gold_rel:
        found = pairs.get(frozenset((s, t)))
        if not found:
            continue
        recalled += 1
        ok = _SAME_TYPE.get(gtype, {gtype})
        if any(ft in ok and (fs, ft_) == (s, t) for fs, ft_, ft in found):
            typed += 1
    missed = [gold[i][0] for i in range(len(gold)) if i not in found_ent]
    missed_rel = [
        f"{gold[s][0]}-{t_}->{gold[t][0]}"
        for s, t, t_ in gold_rel
        if frozenset((s, t)) not in pairs
    ]
    wrong_rel = [
        f"{r['source']}-{r['type']}->{r['target']}"
        for r in relations
        if frozenset((ref.get(r["source"]), ref.get(r["target"]))) not in gold_pairs
    ]
    wrong = [n for n, i in ref.items() if i is None]
    return {
        "doc": txt.stem,
        "chars": result.characters,
        "seconds": elapsed,
        "gold_entities": len(gold),
        "found_entities": len(found_ent),
        "proposed_entities": len(ref),
        "good_entities": sum(1 for i in ref.values() if i is not None),
        "gold_relations": len(gold_rel),
        "found_relations": recalled,
        "typed_relations": typed,
        "proposed_relations": len(relations),
        "unscored": len(unscored),
        "good_relations": good_rel,
        "missed": missed,
        "wrong": wrong,
        "missed_relations": missed_rel,
        "wrong_relations": wrong_rel,
    }


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     -"


def _row(label: str, rows: list[dict[str, Any]]) -> str:
    def s(k: str) -> int:
        return sum(int(r[k]) for r in rows)

    return (
        f"{label:10} {_pct(s('found_entities'), s('gold_entities'))} "
        f"{_pct(s('good_entities'), s('proposed_entities'))}  "
        f"{_pct(s('found_relations'), s('gold_relations'))} "
        f"{_pct(s('good_relations'), s('proposed_relations'))}  "
        f"{_pct(s('typed_relations'), s('found_relations'))}   "
        f"{s('gold_entities'):3d}/{s('proposed_entities'):3d} "
        f"{s('gold_relations'):3d}/{s('proposed_relations'):3d}"
    )


def corpus_figures(
    folder: Path,
    verbose: bool = False,
    show_untuned: bool = False,
    tuned_on: set[str] = TUNED,
) -> list[dict[str, Any]]:
    """Print the corpus table: per document, tuned and untuned apart, and in total."""
    rows = [corpus_document(p) for p in sorted(folder.glob("doc_*.txt"))]
    print(
        f"corpus {folder}: {len(rows)} documents "
        f"(tuned on {', '.join(sorted(tuned_on)) or 'none of them'})"
    )
    print(
        "document   ent.rec ent.prec  rel.rec rel.prec  type+dir   "
        "gold/proposed entities, relations"
    )
    for r in rows:
        print(_row(r["doc"] + ("" if r["doc"] in tuned_on else " *"), [r]))
        # errors of the untuned documents stay hidden unless asked for: looking at them
        # while tuning would make their figures overstate what users see
        if verbose and (r["doc"] in tuned_on or show_untuned):
            print("    missed: " + ", ".join(r["missed"]))
            print("    not in gold: " + ", ".join(r["wrong"]))
            print("    relations missed: " + ", ".join(r["missed_relations"]))
            print("    relations not in gold: " + ", ".join(r["wrong_relations"]))
    tuned = [r for r in rows if r["doc"] in tuned_on]
    apart = [r for r in rows if r["doc"] not in tuned_on]
    print(_row("tuned", tuned))
    print(_row("untuned *", apart))
    print(_row("total", rows))
    print("targets:    >= 90%  >= 85%   >= 75%  >= 75%   >= 80%")
    print(
        f"({sum(r['unscored'] for r in rows)} goals and measures proposed, which the gold "
        "does not annotate, are left out of precision)"
    )
    return rows


def main() -> None:
    default = REPO.parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        nargs="?",
        type=Path,
        const=default,
        default=default,
        metavar="DIR",
        help=f"the corpus of reports with gold annotations (default: {default}, if it exists)",
    )
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus figures")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 10k-1M timings")
    parser.add_argument("--verbose", action="store_true", help="list the tuned drafts' errors")
    parser.add_argument(
        "--show-untuned",
        action="store_true",
        help="with --verbose, the untuned documents' errors too (reading them tunes them)",
    )
    parser.add_argument(
        "--tuned",
        default=",".join(sorted(TUNED)),
        metavar="NAMES",
        help="the documents the rules were tuned on, comma-separated, or 'none' "
        "(default: %(default)s); the others are reported apart, marked *",
    )
    args = parser.parse_args()
    tuned_on = set() if args.tuned == "none" else {n.strip() for n in args.tuned.split(",")}
    report_figures()
    if args.corpus.is_dir() and not args.no_corpus:
        print()
        corpus_figures(
            args.corpus, verbose=args.verbose, show_untuned=args.show_untuned, tuned_on=tuned_on
        )
    elif not args.no_corpus:
        print(f"\n(no corpus at {args.corpus}: pass --corpus DIR)")
    if not args.no_scaling:
        scaling()


if __name__ == "__main__":
    main()
