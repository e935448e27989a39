#!/usr/bin/env python3
"""End-to-end quality: cleantext against the baseline library chain on generated damaged pages.

usage: python3 benchmarks/bench_end_to_end.py [--n 300] [--seeds 1] [--keep DIR]

For each seed it makes N cases with ``../shared/tools/corrupt.py`` (from ``../shared/corpus/clean.jsonl``),
cleans them with cleantext (in this process) and with ``../shared/tools/baseline.py`` (charset-normalizer,
ftfy, OpenCC t2s), and scores both with ``../shared/tools/evaluate.py``: exact rate, character error rate,
line precision/recall and residue. The evaluator counts residue in the output alone, so an article's
own ``鲍林（Pauling）``, folded to ``鲍林(Pauling)`` by the page and kept so (punctuation stays as the
page has it, see ../shared/samples/README.md), counts as pinyin residue. "Beyond expected" counts, per
case, only what the output holds beyond the expected text, both NFKC-normalised as the sample's README
compares them: what the cleaner left or added, not what the article has. It then breaks cleantext's
figures down by the damage each case got (from the generator's manifest), so a regression shows where
it comes from. Needs the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
sys.path.insert(0, str(REPO))

import cleantext  # noqa: E402


def load_tool(name: str):  # noqa: ANN201 - a module
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_cases(outdir: Path, n: int, seed: int) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "corrupt.py"), str(SHARED / "corpus" / "clean.jsonl"), str(outdir),
         "--n", str(n), "--seed", str(seed)],
        check=True, capture_output=True,
    )


def run_cleantext(cases: Path, out: Path) -> tuple[float, int, int]:
    """Clean every case in this process; return seconds, input bytes and failures."""
    out.mkdir(parents=True, exist_ok=True)
    total_bytes, failures = 0, 0
    start = time.perf_counter()
    for path in sorted(cases.glob("[0-9][0-9][0-9][0-9].txt")):
        data = path.read_bytes()
        total_bytes += len(data)
        try:
            text = cleantext.clean(data)
        except cleantext.CleantextError:
            failures += 1
            text = ""
        (out / path.name).write_text(text, encoding="utf-8")
    return time.perf_counter() - start, total_bytes, failures


def run_baseline(cases: Path, out: Path) -> float:
    files = sorted(str(p) for p in cases.glob("[0-9][0-9][0-9][0-9].txt"))
    start = time.perf_counter()
    subprocess.run([sys.executable, str(TOOLS / "baseline.py"), "-o", str(out), *files], check=True)
    return time.perf_counter() - start


def evaluate(evaluator, cases: Path, out: Path) -> tuple[dict, dict[str, dict]]:  # noqa: ANN001
    """The evaluator's summary, and per-case scores keyed by case name."""
    summary = json.loads(
        subprocess.run([sys.executable, str(TOOLS / "evaluate.py"), str(cases), str(out), "--json"],
                       check=True, capture_output=True, text=True).stdout
    )
    per_case = {}
    for exp in sorted(cases.glob("*.expected.txt")):
        name = exp.name[: -len(".expected.txt")]
        got = (out / f"{name}.txt").read_text(encoding="utf-8", errors="replace")
        per_case[name] = evaluator.score(exp.read_text(encoding="utf-8"), got)
    return summary, per_case


def residue_beyond_expected(evaluator, cases: Path, out: Path) -> dict[str, int]:  # noqa: ANN001
    """Residue of each kind in the outputs minus the same kind in the expected text, per case (floor 0).

    Both texts are NFKC-normalised first, so an article's own ``（Pauling）`` that the page folded to
    ``(Pauling)`` counts on both sides.
    """
    totals: dict[str, int] = defaultdict(int)
    for exp in sorted(cases.glob("*.expected.txt")):
        got = (out / exp.name.replace(".expected.txt", ".txt")).read_text(encoding="utf-8", errors="replace")
        expected = evaluator.residue(unicodedata.normalize("NFKC", exp.read_text(encoding="utf-8")))
        for kind, count in evaluator.residue(unicodedata.normalize("NFKC", got)).items():
            totals[kind] += max(0, count - expected.get(kind, 0))
    return dict(totals)


def damage_kinds(cases: Path) -> dict[str, list[str]]:
    kinds = {}
    for line in (cases / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        labels = []
        for d in record["damage"]:
            kind = d.split("@")[0].split(":")[0]
            if kind == "gbk-restart" and d.endswith(":0"):
                continue
            labels.append(d if kind in ("encoding", "traditional") else kind)
        kinds[record["case"]] = labels
    return kinds


def print_summary(label: str, summary: dict) -> None:
    print(f"  {label:10s} exact {summary['exact_rate']:.4f}  cer_mean {summary['cer_mean']:.5f}  "
          f"cer_median {summary['cer_median']:.5f}  precision {summary['line_precision']:.4f}  "
          f"recall {summary['line_recall']:.4f}")
    print(f"  {'':10s} residue {summary['residue']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--keep", type=Path, help="keep cases and outputs under this directory")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    evaluator = load_tool("evaluate")
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleantext-e2e-"))
    for seed in args.seeds:
        cases, ours, base = work / f"cases-{seed}", work / f"cleantext-{seed}", work / f"baseline-{seed}"
        make_cases(cases, args.n, seed)
        seconds, nbytes, failures = run_cleantext(cases, ours)
        print(f"seed {seed}: {args.n} cases, {nbytes / 1e6:.2f} MB")
        our_summary, per_case = evaluate(evaluator, cases, ours)
        print_summary("cleantext", our_summary)
        print(f"  {'':10s} residue beyond expected {residue_beyond_expected(evaluator, cases, ours)}")
        print(f"  {'':10s} {nbytes / 1e6 / seconds:.2f} MB/s in-process, {failures} failures")
        if not args.no_baseline:
            base_seconds = run_baseline(cases, base)
            base_summary, _ = evaluate(evaluator, cases, base)
            print_summary("baseline", base_summary)
            print(f"  {'':10s} {nbytes / 1e6 / base_seconds:.2f} MB/s (subprocess, start-up included)")
        by_kind: dict[str, list[dict]] = defaultdict(list)
        for case, labels in damage_kinds(cases).items():
            for label in labels:
                by_kind[label].append(per_case[case])
        print("  cleantext by damage kind:")
        for label, rows in sorted(by_kind.items()):
            print(f"    {label:24s} n={len(rows):4d} exact {sum(r['exact'] for r in rows) / len(rows):.3f} "
                  f"cer {statistics.fmean(r['cer'] for r in rows):.5f} "
                  f"P {statistics.fmean(r['line_precision'] for r in rows):.4f} "
                  f"R {statistics.fmean(r['line_recall'] for r in rows):.4f}")
        worst = sorted(per_case.items(), key=lambda kv: -kv[1]["cer"])[:5]
        print("  worst: " + ", ".join(f"{k} ({v['cer']:.3f})" for k, v in worst))
    if args.keep is None:
        print(f"(cases and outputs in {work})")


if __name__ == "__main__":
    main()
