#!/usr/bin/env python3
"""Benchmark of the convert stage, and the generator of its tables.

    python3 benchmarks/bench_convert.py                 # CER and MB/s per engine and target
    python3 benchmarks/bench_convert.py --limit 100     # on the first 100 articles only
    python3 benchmarks/bench_convert.py --pages s2hk,naive --no-hant   # some page makers only
    python3 benchmarks/bench_convert.py --write-tables  # regenerate cleantext/data/convert_*.txt

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
from OpenCC's dictionaries (the copy shipped in opencc-python-reimplemented) and from both engines' own
``t2s``; both engines must be installed to regenerate them. ``convert_zhe.txt`` is written by hand.
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
DATA = REPO / "cleantext" / "data"
sys.path.insert(0, str(REPO))

# Hand decisions where the two engines' t2s disagree on a character (everything else follows opencc_pyo3,
# whose dictionaries are the newer OpenCC ones): keep the character, it is Simplified too (薰衣草, 甦醒,
# the surname 甯), or the newer target is outside the BMP (氄 → 𣭲), or take the older engine's answer.
ENGINE_KEEP = "薰氄薳"
ENGINE_OLDER = {"礆": "硷", "甦": "苏", "甯": "宁"}  # 復甦 → 复苏, 甯 of 宁越府 → 宁
# Phrases where the older engine's answer is kept: the variant 甚么 is Simplified too (opencc_pyo3 rewrites
# it to 什么), 魏征 is how Simplified writes the name, 薰衣草 is the usual Simplified spelling.
PHRASE_OLDER = ("甚麼", "魏徵", "薰衣")
# Seen on real pages (the sample): an old GB→Big5 table writes U+965C 陜 (xiá) for U+965D 陝 (Shǎnxī).
LOOKALIKES = {"陜": ("陕", "lookalike written by GB→Big5 tables on real pages (U+965C for U+965D 陝)")}
CJK_RANGES = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0), (0x2A700, 0x2EBF0),
              (0x2F800, 0x2FA20), (0x30000, 0x3134B)]


def opencc_dictionary(name: str) -> dict[str, list[str]]:
    """One of OpenCC's dictionary files (as shipped by opencc-python-reimplemented)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / name
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, _, values = line.partition("\t")
            table[key] = values.split()
    return table


def per_char(convert: Callable[[str], str], chars: list[str]) -> list[str]:
    """``convert`` applied to each character alone (one call, a newline between them)."""
    out = convert("\n".join(chars)).split("\n")
    assert len(out) == len(chars)
    return out


def write_tables() -> None:
    """Regenerate the convert_*.txt tables (not convert_zhe.txt) from OpenCC and both engines."""
    import opencc
    import opencc_pyo3

    py, rs = opencc.OpenCC("t2s"), opencc_pyo3.OpenCC("t2s")
    chars = [chr(c) for lo, hi in CJK_RANGES for c in range(lo, hi)]
    by_py, by_rs = per_char(py.convert, chars), per_char(rs.convert, chars)
    st, ts = opencc_dictionary("STCharacters.txt"), opencc_dictionary("TSCharacters.txt")
    simplified = {k for k in st if len(k) == 1} | {v for vs in ts.values() for v in vs}

    variants: dict[str, tuple[str, str]] = {}
    for c, a, b in zip(chars, by_py, by_rs, strict=True):
        if a == b or c == "著":
            continue
        if c in ENGINE_KEEP:
            why = f"engines disagree (opencc {a}, opencc_pyo3 {b}): kept, a Simplified character too"
            variants[c] = (c, why)
        elif c in ENGINE_OLDER:
            variants[c] = (ENGINE_OLDER[c], f"engines disagree (opencc {a}, opencc_pyo3 {b}): opencc's")
        else:
            variants[c] = (b, f"engines disagree (opencc {a}): opencc_pyo3 t2s, the newer OpenCC dictionary")
    for name, config in (("HKVariantsRev.txt", "hk2s"), ("TWVariantsRev.txt", "tw2s")):
        regional = opencc_pyo3.OpenCC(config)
        for c in opencc_dictionary(name):
            if len(c) != 1 or c == "著" or c in simplified or py.convert(c) != c or rs.convert(c) != c:
                continue
            target = regional.convert(c)
            if target != c:
                variants[c] = (target, f"OpenCC {name}: {config} maps it, t2s leaves it")
    for c, (target, why) in LOOKALIKES.items():
        variants[c] = (target, why)

    lines = [
        "# Characters mapped before OpenCC's t2s runs, one per line: SOURCE<TAB>TARGET<TAB>WHY.",
        "# TARGET == SOURCE means: protected, left exactly as it is by both engines.",
        "# Generated by benchmarks/bench_convert.py --write-tables from OpenCC's dictionaries",
        "# (opencc-python-reimplemented's copy) and from opencc / opencc_pyo3 t2s on every CJK character.",
        "# Why: t2s leaves regional variants (衞 敍 from s2hk, 陜 from real pages) and the two engines",
        "# disagree on a few characters; mapping them first makes the output right and identical on both.",
    ]
    lines += [f"{c}\t{t}\t{why}" for c, (t, why) in sorted(variants.items())]
    (DATA / "convert_variants.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    changed = {c for c, a, b in zip(chars, by_py, by_rs, strict=True) if a != c and b != c}
    traditional = sorted((changed | {c for c, (t, _) in variants.items() if t != c}) - simplified - {"著"})
    lines = [
        "# Traditional characters: both engines' t2s changes them and they are not Simplified characters",
        "# (not a key of OpenCC's STCharacters.txt, not a target of TSCharacters.txt), plus the variants of",
        "# convert_variants.txt. A text holding none of them is left alone by the convert stage (zh-cn).",
        "# Generated by benchmarks/bench_convert.py --write-tables; 60 characters a line.",
    ]
    text = "".join(traditional)
    lines += [text[i : i + 60] for i in range(0, len(text), 60)]
    (DATA / "convert_traditional.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(variants)} variants, {len(traditional)} Traditional characters written to {DATA}")

    write_phrases(py, rs)

    # What is still not brought back: common Simplified characters whose Traditional form t2s maps
    # elsewhere (each converted after 國 so the stage sees Traditional text).
    from cleantext.convert import convert

    keys = [k for k in st if len(k) == 1 and ord(k) < 0x10000 and k.encode("gbk", "ignore")]
    for config in ("s2t", "s2tw", "s2hk", "naive"):
        forward = naive_s2t() if config == "naive" else opencc_pyo3.OpenCC(config).convert
        pages = per_char(lambda text, forward=forward: as_pages(forward)(text), keys)
        back = [convert("國" + p).text[1:] for p in pages]
        misses = [f"{k}→{p}→{b}" for k, p, b in zip(keys, pages, back, strict=True) if b != k]
        print(f"{config} not brought back ({len(misses)}):", " ".join(misses))


def write_phrases(py: object, rs: object) -> None:
    """convert_phrases.txt: page forms of OpenCC's phrases on which the two engines' t2s disagree."""
    import opencc
    import opencc_pyo3

    from cleantext.convert import map_variants

    keys = [k for k in opencc_dictionary("STPhrases.txt") if "著" not in k and "着" not in k]
    makers = [opencc.OpenCC(c).convert for c in ("s2t", "s2tw", "s2hk")]
    makers += [opencc_pyo3.OpenCC(c).convert for c in ("s2t", "s2tw", "s2hk")] + [naive_s2t()]
    table: dict[str, tuple[str, str]] = {}
    unresolved: dict[str, None] = {}
    for make in makers:
        pages = per_char(as_pages(make), keys)
        mapped = [map_variants(p)[0] for p in pages]
        by_py, by_rs = per_char(py.convert, mapped), per_char(rs.convert, mapped)  # type: ignore[attr-defined]
        for key, page, a, b in zip(keys, pages, by_py, by_rs, strict=True):
            if a == b or page in table:
                continue
            older = any(word in page for word in PHRASE_OLDER)
            target = a if older else b
            bare = "".join(c for c in target if c not in ENGINE_KEEP)  # those are shielded from the engines
            if py.convert(bare) != bare or rs.convert(bare) != bare:  # type: ignore[attr-defined]
                unresolved[f"{page}(opencc {a}, opencc_pyo3 {b})"] = None
                continue
            why = "opencc's answer, kept on purpose" if older else f"opencc_pyo3 t2s (opencc: {a})"
            table[page] = (target, f"{why}; from STPhrases {key}")
    lines = [
        "# Phrases replaced before OpenCC's t2s runs: TRADITIONAL<TAB>SIMPLIFIED<TAB>WHY.",
        "# Generated by benchmarks/bench_convert.py --write-tables: the page forms (s2t, s2tw, s2hk of both",
        "# engines, corrupt.py's naive map) of OpenCC's STPhrases.txt on which opencc and opencc_pyo3 t2s",
        "# give different Simplified text; the newer dictionary's answer (opencc_pyo3) unless noted.",
        "# Why: both engines must give the same output.",
    ]
    lines += [f"{p}\t{t}\t{why}" for p, (t, why) in sorted(table.items())]
    (DATA / "convert_phrases.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} phrases written; left as they are ({len(unresolved)}): {' '.join(unresolved)}")


# --- benchmark ---------------------------------------------------------------------------------------


def load_corpus(name: str, limit: int | None) -> str:
    rows = [json.loads(line) for line in (SHARED / "corpus" / name).open(encoding="utf-8") if line.strip()]
    return "\n".join(f"{row['title']}\n{row['text']}" for row in rows[:limit])


def naive_s2t() -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location("corrupt", SHARED / "tools" / "corrupt.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.naive_s2t


def as_pages(convert: Callable[[str], str]) -> Callable[[str], str]:
    """A page maker: the converter, then 着→著 and 陕→陜 as the sites (and corrupt.py) do."""
    return lambda text: convert(text).replace("着", "著").replace("陕", "陜")


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="articles of each corpus to use")
    ap.add_argument("--pages", default="s2t,s2tw,s2hk,naive", help="page makers to run (comma-separated)")
    ap.add_argument("--engines", default="python,pyo3", help="engines to run (comma-separated)")
    ap.add_argument("--no-hant", action="store_true", help="skip the Traditional corpus")
    ap.add_argument("--write-tables", action="store_true", help="regenerate cleantext/data/convert_*.txt")
    args = ap.parse_args()
    if args.write_tables:
        write_tables()
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
