#!/usr/bin/env python3
"""Benchmark of the repair stage: residue on corrupted pages, mojibake recovery, clean pass-through, speed.

usage: python3 benchmarks/bench_repair.py [--n 300] [--seeds 1 2 3] [--paragraphs 150]
                                         [--skip clean residue recovery]

1. Clean pass-through: every article of ../shared/corpus/clean.jsonl and clean_hant.jsonl (title and text)
   must come out of ``repair`` unchanged; prints the number changed and MB/s.
2. Residue: ``../shared/tools/corrupt.py`` cases (``--n`` per seed, made in a temporary directory) are
   decoded with ``cleantext.decode.decode`` (the manifest's encoding when that fails), repaired, and
   residue is counted per kind with ``evaluate.py``'s ``residue()``, against the unrepaired text.
3. Mojibake recovery: corpus paragraphs damaged by corrupt.py's own ``other_mojibake`` code and by the
   other kinds (Big5, GBK<->Big5, double layers, lossy variants), then repaired by the mojibake fix alone
   (the GBK restart fix reads the '?' of lossy mojibake as its own damage): share of paragraphs
   exactly recovered and mean share of characters recovered (1 - edit distance / length; below 0 when
   the output is farther from the original than nothing), also after the debris fix (which removes a
   line it finds unreadable: lossy UTF-8-as-Big5 loses over half its bytes). On the corrupt.py cases,
   the manifest's 'kind@k' paragraph is compared with the expected one (section 2).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(ROOT))

from cleantext.decode import decode  # noqa: E402
from cleantext.repair import FIXES, fix_name, repair  # noqa: E402

_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_TONED = re.compile(rf"[\u3400-\u9fff]\((?=[a-z]*[{_TONES}])[a-z{_TONES}]{{1,7}}\)")


def _load(name: str, path: Path):  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _articles(name: str) -> list[dict]:
    with open(SHARED / "corpus" / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _warm_up() -> None:
    """Load the language model and build every fix's lazy tables before anything is timed."""
    for f in FIXES:
        f("鏂囩珷鍙戝竷浜嗐€?\n修?!薄按筮^節(jié)的?!?/p>\n<p>&ldquo;锟斤拷")


def clean_pass_through() -> None:
    print("== clean pass-through ==")
    _warm_up()
    for name in ("clean.jsonl", "clean_hant.jsonl"):
        texts = [a["title"] + "\n" + a["text"] for a in _articles(name)]
        size = sum(len(t.encode("utf-8")) for t in texts)
        t0 = time.perf_counter()
        changed = [i for i, t in enumerate(texts) if repair(t).text != t]
        dt = time.perf_counter() - t0
        print(f"{name}: {len(texts)} articles, changed {len(changed)}, stage {size / dt / 1e6:.1f} MB/s")
        speeds = {}
        for f in FIXES:
            t1 = time.perf_counter()
            for t in texts:
                f(t)
            speeds[fix_name(f)] = f"{size / (time.perf_counter() - t1) / 1e6:.0f}"
        print("   MB/s per fix:", speeds)
        for i in changed[:5]:
            r = repair(texts[i])
            print("   changed:", [(s.name, s.before, s.after) for s in r.steps][:3])


def _paragraph_similarity(expected: str, k: int, damaged: str, repaired: str) -> tuple[float, float]:
    """Similarity of body paragraph ``k`` of ``expected`` to its best match in ``damaged`` and ``repaired``.

    The expected text starts with the title and perhaps a byline, so paragraph k is block k+1 or k+2;
    the one matched best in the repaired text is taken. Pages may be in Traditional script: t2s first.
    """
    import opencc
    from rapidfuzz import fuzz, process

    t2s = _t2s(opencc)
    blocks = [b.strip() for b in expected.split("\n\n") if b.strip()]
    lines = {name: [_nfkc(t2s.convert(x.strip())) for x in text.split("\n") if x.strip()]
             for name, text in (("damaged", damaged), ("repaired", repaired))}
    best: tuple[float, float] = (0.0, 0.0)
    for h in (1, 2):
        if h + k >= len(blocks):
            continue
        target = _nfkc(blocks[h + k])
        after = process.extractOne(target, lines["repaired"], scorer=fuzz.ratio)
        before = process.extractOne(target, lines["damaged"], scorer=fuzz.ratio)
        pair = (before[1] if before else 0.0, after[1] if after else 0.0)
        best = max(best, pair, key=lambda p: p[1])
    return best


def _nfkc(text: str) -> str:
    """As evaluate.py compares: NFKC (the sites fold '，' to ','), runs of white space as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


_T2S = []


def _t2s(opencc):  # noqa: ANN001, ANN202
    if not _T2S:
        _T2S.append(opencc.OpenCC("t2s"))
    return _T2S[0]


def corrupt_residue(n: int, seeds: list[int]) -> None:
    print("== residue on corrupt.py cases ==")
    evaluate = _load("evaluate", SHARED / "tools" / "evaluate.py")
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    expected: dict[str, int] = {}
    excess: dict[str, int] = {}
    after_toned = 0
    recovery: dict[str, list[tuple[float, float]]] = {}
    per_fix_time = {fix_name(f): 0.0 for f in FIXES}
    damaged_bytes, repair_time = 0, 0.0
    _warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out = Path(tmp) / f"s{seed}"
            subprocess.run(
                [sys.executable, str(SHARED / "tools" / "corrupt.py"), str(SHARED / "corpus" / "clean.jsonl"),
                 str(out), "--n", str(n), "--seed", str(seed)],
                check=True, capture_output=True,
            )
            with open(out / "manifest.jsonl", encoding="utf-8") as f:
                manifest = [json.loads(line) for line in f]
            for row in manifest:
                raw = (out / f"{row['case']}.txt").read_bytes()
                try:
                    text = decode(raw).text
                except Exception:  # noqa: BLE001 - fall back to the truth
                    enc = next(d for d in row["damage"] if d.startswith("encoding:")).split(":", 1)[1]
                    text = raw.decode(enc)
                damaged_bytes += len(text.encode("utf-8"))
                t0 = time.perf_counter()
                fixed = repair(text).text
                repair_time += time.perf_counter() - t0
                for f in FIXES:
                    t1 = time.perf_counter()
                    f(text)
                    per_fix_time[fix_name(f)] += time.perf_counter() - t1
                truth_text = (out / f"{row['case']}.expected.txt").read_text(encoding="utf-8")
                truth = evaluate.residue(truth_text)
                for k, v in evaluate.residue(text).items():
                    before[k] = before.get(k, 0) + v
                toned = len(_TONED.findall(fixed)) - len(_TONED.findall(truth_text))
                after_toned += max(0, toned)
                for k, v in evaluate.residue(fixed).items():
                    after[k] = after.get(k, 0) + v
                    expected[k] = expected.get(k, 0) + truth.get(k, 0)
                    excess[k] = excess.get(k, 0) + max(0, v - truth.get(k, 0))
                for d in row["damage"]:
                    if "@" in d:
                        kind, k = d.split("@")
                        sims = _paragraph_similarity(truth_text, int(k), text, fixed)
                        recovery.setdefault(kind, []).append(sims)
    print(f"{len(seeds)} seeds x {n} cases; residue per kind: before -> after repair; in the expected texts;")
    print("  excess = sum over cases of max(0, after - expected) (the regex also matches e.g. '画质(HD)')")
    for k in before:
        note = "  (GBK restart fix)" if k in ("gbk_shift", "private_use") else ""
        if k in ("licence_line", "keyword_list", "traditional_chars"):
            note = "  (strip/convert stages)"
        print(f"  {k:18s} {before[k]:6d} -> {after.get(k, 0):6d}   expected {expected.get(k, 0):5d}"
              f"   excess {excess.get(k, 0):5d}{note}")
    print(f"  pinyin with a tone letter beyond the expected text's own glosses: {after_toned}")
    print("damaged paragraph k of the manifest ('kind@k') vs the expected one, after t2s and NFKC;")
    print("  best-matching line's similarity (rapidfuzz ratio) before -> after repair, share exact after:")
    for kind, rows in sorted(recovery.items()):
        before_sim = sum(b for b, _ in rows) / len(rows)
        after_sim = sum(a for _, a in rows) / len(rows)
        exact = sum(a == 100 for _, a in rows) / len(rows)
        print(f"  {kind:16s} {len(rows):3d} cases: {before_sim:5.1f} -> {after_sim:5.1f}, exact {exact:.0%}")
    print(f"repair speed on these damaged pages: {damaged_bytes / repair_time / 1e6:.1f} MB/s")
    print("  time per fix (s):", {k: round(v, 2) for k, v in per_fix_time.items()})


def _damage_kinds(rng: random.Random, corrupt) -> dict[str, object]:  # noqa: ANN001
    def utf8_as(codec: str, lossy: bool):  # noqa: ANN202
        def damage(p: str) -> str:
            out = p.encode("utf-8").decode(codec, errors="replace" if lossy else "strict")
            return out.replace("\ufffd", "?")
        return damage

    def strict(codec_from: str, codec_to: str):  # noqa: ANN202
        return lambda p: p.encode(codec_from).decode(codec_to)

    def cp1252(p: str) -> str:
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in p.encode("utf-8"))

    def corrupt_kind(kind: str):  # noqa: ANN202
        def damage(p: str) -> str:
            while True:
                got, out = corrupt.other_mojibake(p, rng)
                if got == kind:
                    return out
        return damage

    def double(p: str) -> str:
        return cp1252(p.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?"))

    return {
        "corrupt:utf8-as-gbk (lossy, ?)": corrupt_kind("utf8-as-gbk"),
        "corrupt:utf8-as-cp1252": corrupt_kind("utf8-as-cp1252"),
        "utf8-as-gb18030 (U+FFFD)": lambda p: p.encode("utf-8").decode("gb18030", errors="replace"),
        "utf8-as-gbk, U+FFFD kept": lambda p: p.encode("utf-8").decode("gbk", errors="replace"),
        "utf8-as-big5 (lossy, ?)": utf8_as("big5", True),
        "utf8-as-latin-1": strict("utf-8", "latin-1"),
        "gbk-as-big5": lambda p: p.encode("gbk").decode("big5", errors="replace").replace("\ufffd", "?"),
        "big5-as-gbk": lambda p: p.encode("big5").decode("gbk", errors="replace").replace("\ufffd", "?"),
        "double: utf8-as-gbk(?) then as cp1252": double,
        "double: utf8-as-cp1252 then utf8-as-latin-1": lambda p: cp1252(p).encode("utf-8").decode("latin-1"),
        "gbk-as-cp1252 (browser)": lambda p: "".join(
            bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in p.encode("gbk")),
        "gbk-as-latin-1": strict("gbk", "latin-1"),
        "big5-as-cp1252 (U+FFFD)": lambda p: p.encode("big5").decode("cp1252", errors="replace"),
    }


def mojibake_recovery(count: int) -> None:
    from rapidfuzz.distance import Levenshtein

    print("== mojibake recovery on corpus paragraphs ==")
    corrupt = _load("corrupt", SHARED / "tools" / "corrupt.py")
    rng = random.Random(7)
    simp = [p for a in _articles("clean.jsonl") for p in a["text"].split("\n") if len(p) >= 20]
    hant = [p for a in _articles("clean_hant.jsonl") for p in a["text"].split("\n") if len(p) >= 20]
    for name, damage in _damage_kinds(rng, corrupt).items():
        pool = hant if name.startswith(("utf8-as-big5", "big5-as")) else simp
        exact, share, share_debris, tried, secs, size = 0, 0.0, 0.0, 0, 0.0, 0
        for p in rng.sample(pool, count):
            try:
                bad = damage(p)
            except UnicodeError:
                continue
            if bad == p:
                continue
            tried += 1
            t0 = time.perf_counter()
            fixed = repair(bad, fixes=["mojibake"]).text
            secs += time.perf_counter() - t0
            size += len(bad.encode("utf-8"))
            exact += fixed == p
            share += 1 - Levenshtein.distance(fixed, p) / len(p)
            # what is left after the debris fix too (an unreadable line goes whole: 0 %, not garbage)
            share_debris += 1 - Levenshtein.distance(repair(fixed, fixes=["debris"]).text, p) / len(p)
        print(f"  {name:40s} {tried:4d} paragraphs: exact {exact / tried:6.1%}, chars recovered "
              f"{share / tried:6.1%} (after debris {share_debris / tried:6.1%}), "
              f"{size / secs / 1e6:.2f} MB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--paragraphs", type=int, default=150, help="paragraphs per mojibake kind")
    ap.add_argument("--skip", nargs="*", default=[], choices=["clean", "residue", "recovery"])
    args = ap.parse_args()
    print("fixes in order:", ", ".join(fix_name(f) for f in FIXES))
    if "clean" not in args.skip:
        clean_pass_through()
    if "recovery" not in args.skip:
        mojibake_recovery(args.paragraphs)
    if "residue" not in args.skip:
        corrupt_residue(args.n, args.seeds)


if __name__ == "__main__":
    main()
