#!/usr/bin/env python3
"""Benchmark of the convert stage.

    python3 benchmarks/bench_convert.py                 # CER and MB/s per engine and target
    python3 benchmarks/bench_convert.py --limit 100     # on the first 100 articles only
    python3 benchmarks/bench_convert.py --pages s2hk,naive --no-hant   # some page makers only
    python3 benchmarks/bench_convert.py --real-pages    # MB/s, CPU s on 900 real-size pages (corrupt.py)
    python3 benchmarks/bench_convert.py --speed         # the same
    python3 benchmarks/bench_convert.py --write-tables  # = python3 cleantext/data/build_convert.py

Benchmark: the Simplified corpus (../shared/corpus/clean.jsonl) is turned into pages the way the
sites do it (OpenCC ``s2t``/``s2tw``/``s2hk``, and the naive first-candidate converter of corrupt.py
in ../shared/tools; each followed by 着→著 and 陕→陜 as corrupt.py does), then converted back with
each engine. It prints the character error rate (rapidfuzz Levenshtein) against the original and
against the *normalised* original (the corpus holds a few Traditional forms of its own, 牠 舖 霑...,
that no converter can keep: the reference has them converted, its 著/着 as written), the differences
left, the context of each 著 of the original that came out as 着 (the corpus also writes the particle
Taiwan-style, 随著/接著), whether both engines agree, and MB/s of input per engine in the same process
(CPU time; plain OpenCC ``t2s`` of each engine as the baseline); then each page to zh-tw / zh-hk against
``s2tw``/``s2hk`` of the original. It also converts the Traditional corpus (clean_hant.jsonl) to zh-tw
and reports how much changes.

Tables: ``convert_variants.txt``, ``convert_phrases.txt`` and ``convert_traditional.txt`` are generated
by ``cleantext/data/build_convert.py`` (sources and how to rerun in its docstring); the page makers
(:func:`as_pages`, :func:`naive_s2t`) are shared with it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "cleantext" / "data"))

from build_convert import as_pages, naive_s2t, write_tables  # noqa: E402

# --- benchmark ---------------------------------------------------------------------------------------


def load_corpus(name: str, limit: int | None) -> str:
    rows = [json.loads(line) for line in (SHARED / "corpus" / name).open(encoding="utf-8") if line.strip()]
    return "\n".join(f"{row['title']}\n{row['text']}" for row in rows[:limit])


def timed(func: Callable[[], object], repeat: int = 3) -> tuple[object, float]:
    """Result and best CPU time of this process (one core; the machine is shared, wall time is noise)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = func()
        best = min(best, time.process_time() - start)
    return result, best


def distance(a: str, b: str) -> int:
    """Levenshtein distance, line by line when both have the same lines (as fast, and the same here)."""
    from rapidfuzz.distance import Levenshtein

    la, lb = a.split("\n"), b.split("\n")
    if len(la) != len(lb):
        return Levenshtein.distance(a, b)
    return sum(Levenshtein.distance(x, y) for x, y in zip(la, lb, strict=True))


def differences(ref: str, out: str, top: int = 8) -> str:
    if len(ref) != len(out):
        return "(lengths differ)"
    where = [i for i, (a, b) in enumerate(zip(ref, out, strict=True)) if a != b]
    pairs = Counter(f"{ref[max(0, i - 2):i + 3]}→{out[i]}" for i in where)
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in pairs.most_common(top))


def pages() -> None:
    """``--real-pages`` (or ``--speed``): MB/s and CPU seconds of the stage on the 900 pages of corrupt.py
    (seeds 1-3, about 2.7 kB each) as the pipeline hands them over (decoded and repaired), against plain
    OpenCC ``t2s`` on the same pages in the same process; CPU time (all threads: opencc_pyo3 may use
    several), best of 5. On pages this size per-call costs dominate."""
    from bench_decode import corrupt_pages

    from cleantext import convert as stage
    from cleantext.decode import decode
    from cleantext.repair import repair

    texts = [repair(decode(page).text).text for page in corrupt_pages()]
    size = sum(len(text.encode("utf-8")) for text in texts)
    traditional = [text for text in texts if stage.has_traditional(text)]
    engine = stage._engine("t2s")

    def best_time(func: Callable[[str], object], items: list[str]) -> float:
        func(items[0])
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            for item in items:
                func(item)
            best = min(best, time.process_time() - start)
        return best

    ours = best_time(stage.convert, texts)
    base = best_time(engine.convert, traditional)
    every = best_time(engine.convert, texts)
    trad_size = sum(len(text.encode("utf-8")) for text in traditional)
    name = stage.engine_name()
    print(f"{len(texts)} pages, {size / 1e6:.2f} MB ({len(traditional)} with Traditional characters): "
          f"convert {size / ours / 1e6:.1f} MB/s, {ours:.4f} s CPU "
          f"({ours / len(texts) * 1e3:.3f} ms/page, {name})")
    print(f"  plain {name} t2s on the {len(traditional)} Traditional pages alone: "
          f"{trad_size / base / 1e6:.1f} MB/s, {base:.4f} s ({ours / base:.2f}x the stage's time); "
          f"on all {len(texts)} pages: {size / every / 1e6:.1f} MB/s, {every:.4f} s "
          f"(the stage is {every / ours:.2f}x as fast)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="articles of each corpus to use")
    ap.add_argument("--pages", default="s2t,s2tw,s2hk,naive", help="page makers to run (comma-separated)")
    ap.add_argument("--engines", default="python,pyo3", help="engines to run (comma-separated)")
    ap.add_argument("--no-hant", action="store_true", help="skip the Traditional corpus")
    ap.add_argument("--write-tables", action="store_true", help="regenerate cleantext/data/convert_*.txt")
    ap.add_argument("--real-pages", action="store_true", help="MB/s on real-size pages made by corrupt.py")
    ap.add_argument("--speed", action="store_true", help="the same as --real-pages")
    args = ap.parse_args()
    if args.write_tables:
        write_tables()
        return
    if args.real_pages or args.speed:
        pages()
        return

    import opencc

    from cleantext import convert as stage

    engines = [e for e in args.engines.split(",") if e != "pyo3" or importlib.util.find_spec("opencc_pyo3")]
    original = load_corpus("clean.jsonl", args.limit)
    size = len(original.encode("utf-8")) / 1e6
    # The original's own non-Simplified characters (牠 舖 霑 ...) converted; its 著/着 kept as written.
    converted = stage.convert(original, engine=engines[-1]).text
    reference = "".join(o if o in "著着" else c for o, c in zip(original, converted, strict=True))
    print(f"Simplified corpus: {len(original):,} characters, {size:.2f} MB")
    print(f"normalised original differs from the original at {distance(original, reference)} "
          f"places: {differences(original, reference, 12)}")
    makers = {cfg: as_pages(opencc.OpenCC(cfg).convert) for cfg in ("s2t", "s2tw", "s2hk")}
    makers["naive"] = as_pages(naive_s2t())
    header = f"{'page':6} {'engine':7} {'CER orig':>9} {'CER norm':>9} {'MB/s':>6} {'t2s MB/s':>8}"
    print(f"\n{header}  left (vs normalised)")
    for name, make in makers.items():
        if name not in args.pages.split(","):
            continue
        page = make(original)
        outputs = {}
        for engine in engines:
            repeat = 3 if engine == "pyo3" else 1  # the Python engine runs at about 1 MB/s
            result, seconds = timed(lambda p=page, e=engine: stage.convert(p, engine=e).text, repeat)
            base = stage._engine("t2s", engine)
            _, base_seconds = timed(lambda page=page, base=base: base.convert(page), repeat)
            outputs[engine] = out = str(result)
            cer = distance(out, original) / len(original)
            cer_norm = distance(out, reference) / len(original)
            speeds = f"{size / seconds:6.1f} {size / base_seconds:8.1f}"
            print(f"{name:6} {engine:7} {cer:9.6f} {cer_norm:9.6f} {speeds}  {differences(reference, out)}")
            pairs = enumerate(zip(reference, out, strict=False))
            zhe = [reference[max(0, i - 4) : i + 3] for i, (a, b) in pairs if a == "著" != b]
            if zhe:
                rest = (distance(out, reference) - len(zhe)) / len(original)
                print(f"{'':15} CER norm without them {rest:.6f}; 著 of the original written 着 ({len(zhe)},"
                      f" the original writes the particle 著 too): {' '.join(zhe)}")
        if len(outputs) == 2:
            a, b = outputs.values()
            print(f"{'':6} engines {'identical' if a == b else 'DIFFER: ' + differences(a, b)}")
        for target, config in stage.REGIONAL_CONFIGS.items():
            regional = stage.convert(page, target, engine=engines[-1]).text
            expected = stage._engine(config, engines[-1]).convert(reference)
            cer = distance(regional, expected) / len(original)
            print(f"{'':6} {target} ({engines[-1]}) against {config} of the normalised original: CER"
                  f" {cer:.6f}  {differences(expected, regional, 4)}")

    simplified = stage.convert(original, engine=engines[-1]).text  # no Traditional character left
    result, seconds = timed(lambda: stage.convert(simplified), repeat=5)
    print(f"\nSimplified pass-through (the original, converted once): {size / seconds:,.0f} MB/s, "
          f"unchanged: {result.text == simplified}, steps: {len(result.steps)}")  # type: ignore[attr-defined]

    if args.no_hant:
        return
    hant = load_corpus("clean_hant.jsonl", args.limit)
    hant_size = len(hant.encode("utf-8")) / 1e6
    print(f"\nTraditional corpus (Taiwan) to zh-tw: {len(hant):,} characters, {hant_size:.2f} MB")
    outputs = {}
    for engine in engines:
        result, seconds = timed(lambda engine=engine: stage.convert(hant, "zh-tw", engine=engine).text, 1)
        outputs[engine] = out = str(result)
        share = distance(hant, out) / len(hant)
        print(f"  {engine:7} {hant_size / seconds:6.1f} MB/s  changed {share:.6f} of characters:"
              f" {differences(hant, out, 12)}")
    if len(outputs) == 2:
        a, b = outputs.values()
        print(f"  engines {'identical' if a == b else 'DIFFER: ' + differences(a, b)}")


if __name__ == "__main__":
    main()
