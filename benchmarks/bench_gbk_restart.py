#!/usr/bin/env python3
"""Benchmark of the GBK restart repair (issue 3): error rate, lost-character guesses, residue, clean, speed.

usage: python3 benchmarks/bench_gbk_restart.py [--n 120] [--seeds 1 2 3] [--positions 300]
       [--model FILE] [--articles all|even|odd]

``--articles even|odd`` keeps half of the articles (by a CRC of their id) for part 2: calibrate on one
half, report on the other. Part 2 runs once per seed. ``--model`` scores with another model file.

1. corrupt.py damage: pages built with corrupt.py's own pieces (script conversion, <p> paragraphs, pinyin
   annotation, tag stripping, full-width folding) from ../shared/corpus/clean.jsonl, once with and once
   without ``restart_early`` on the same page. Character error rate of the damaged and of the repaired
   text against the undamaged one (the repair's part of the end-to-end figure), and the residue that
   ../shared/tools/evaluate.py counts (gbk_shift, private_use), before and after.
2. Lost characters at known positions: one restart at a chosen character of a paragraph of both corpora
   (own damage, byte by byte), at sentence ends (the lost character is 。！？) and elsewhere (before a
   quote or bracket, and anywhere), and the share of lost characters guessed right.
3. Clean articles: every article of clean.jsonl and clean_hant.jsonl, as is and with full-width forms
   folded (so genuine ``？`` become ``?``): how many the repair changes (must be 0).
4. Speed on clean and on damaged text, against ``str.count`` in the same process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import sys
import time
import zlib
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(ROOT))

from cleantext.repair.gbk_restart import fix_gbk_restart  # noqa: E402

HALF = "all"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corrupt = load("corrupt", SHARED / "tools" / "corrupt.py")
evaluate = load("evaluate", SHARED / "tools" / "evaluate.py")
from rapidfuzz.distance import Levenshtein  # noqa: E402

TAG = re.compile(r"<[^>]*>")
SENTENCE_END = "。！？"


def articles(name: str) -> list[dict]:
    with open(SHARED / "corpus" / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def strip_pinyin(text: str, chosen: dict[str, str]) -> str:
    """The pinyin fix's part, for known annotations (the ``?nèi)`` tails are left for the repair)."""
    for ch, py in chosen.items():
        text = text.replace(f"{ch}({py})", ch)
    return text


def finish(page: str, chosen: dict[str, str], fold: bool) -> str:
    """corrupt.py's steps after the byte damage: annotate, strip tags, fold; then the pinyin fix."""
    text = TAG.sub("", corrupt.annotate(page, chosen))
    if fold:
        text = corrupt.fold_fullwidth(text)
    return strip_pinyin(text, chosen)


def corrupt_cases(n: int, seeds: list[int]) -> None:
    arts = [a for a in articles("clean.jsonl") if re.search(r"[\u4e00-\u9fff]", a["title"])]
    cer_damaged, cer_repaired, cer_no_readings = [], [], []
    residue_before = {"gbk_shift": 0, "private_use": 0}
    residue_after = {"gbk_shift": 0, "private_use": 0}
    residue_clean = {"gbk_shift": 0, "private_use": 0}
    hits_total = runs_repaired = 0
    elapsed = 0.0
    chars = 0
    timed: list[tuple[str, dict[str, str]]] = []
    for seed in seeds:
        rng = random.Random(seed)
        for article in rng.sample(arts, min(n, len(arts))):
            paragraphs = corrupt.split_paragraphs(article["text"], rng)
            traditional = rng.random() < 0.6
            if traditional:
                converter = rng.choice(corrupt.OPENCC_CONVERTERS + [None])
                convert = corrupt.naive_s2t if converter is None else converter.convert
            else:
                convert = str
            page = "\n".join([convert(article["title"])] + [f"<p>{convert(p)}</p>" for p in paragraphs])
            if not corrupt._gbk_ok(page):
                continue
            damaged_page, hits = corrupt.restart_early(page, rng)
            if not hits:
                continue
            chosen: dict[str, str] = {}
            if traditional and rng.random() < 0.6:
                weights = [pages for _, _, pages in corrupt.ANNOTATIONS]
                size = rng.randint(4, 40)
                while len(chosen) < size:
                    ch, py, _ = rng.choices(corrupt.ANNOTATIONS, weights)[0]
                    chosen[ch] = py
            fold = rng.random() < 0.7
            clean = finish(page, chosen, fold)
            damaged = finish(damaged_page, chosen, fold)
            t0 = time.perf_counter()
            repaired, steps = fix_gbk_restart(damaged, readings=chosen)
            elapsed += time.perf_counter() - t0
            chars += len(damaged)
            timed.append((damaged, chosen))
            repaired = TAG.sub("", repaired)  # the HTML fix's part
            plain, _ = fix_gbk_restart(damaged)
            plain = TAG.sub("", plain)
            hits_total += hits
            runs_repaired += steps[0].count if steps else 0
            cer_damaged.append(Levenshtein.distance(damaged, clean) / len(clean))
            cer_repaired.append(Levenshtein.distance(repaired, clean) / len(clean))
            cer_no_readings.append(Levenshtein.distance(plain, clean) / len(clean))
            for name in residue_after:
                rx = evaluate.RESIDUE[name]
                residue_before[name] += len(rx.findall(damaged))
                residue_after[name] += len(rx.findall(repaired))
                residue_clean[name] += len(rx.findall(clean))
    print(f"1. corrupt.py restart_early, seeds {seeds}, {len(cer_repaired)} damaged pages, "
          f"{hits_total} restarts, {runs_repaired} repairs, {chars / 1e6:.2f} M chars "
          f"at {chars / max(elapsed, 1e-9) / 1e3:.0f} k chars/s = "
          f"{1e3 * elapsed / max(1, len(cer_repaired)):.1f} ms per damaged page")
    t0 = time.perf_counter()
    for damaged, chosen in timed:  # again, with the caches of the model and the GBK tables warm
        fix_gbk_restart(damaged, readings=chosen)
    warm = time.perf_counter() - t0
    print(f"   warm caches (a batch's steady state): {1e3 * warm / max(1, len(timed)):.2f} ms "
          f"per damaged page, {chars * 3 / max(warm, 1e-9) / 1e6:.1f} MB/s of UTF-8")
    print(f"   mean CER  damaged {statistics.mean(cer_damaged):.5f}   "
          f"repaired {statistics.mean(cer_repaired):.5f}   "
          f"(without pinyin readings {statistics.mean(cer_no_readings):.5f})   bar <= 0.002")
    print(f"   worst repaired CER {max(cer_repaired):.4f}; pages with CER 0: "
          f"{sum(c == 0 for c in cer_repaired)}/{len(cer_repaired)}")
    print(f"   residue damaged {residue_before}  repaired {residue_after}  undamaged pages {residue_clean}")


# --- own damage at known positions -------------------------------------------------------------------


def site_decode(data: bytes, marks: set[int]) -> str:
    return corrupt.annotate(corrupt.decode_like_sites(data, marks), {})


def damage_at(text: str, k: int) -> str | None:
    """One restart before ``text[k]``; None when it loses nothing (ASCII restart byte) or cannot occur."""
    data = bytearray()
    mark = -1
    for i, ch in enumerate(text):
        b = ch.encode("gbk")
        if i == k:
            prev = text[k - 1].encode("gbk")
            if len(b) != 2 or len(prev) != 2 or prev[1] < 0x81:
                return None
            mark = len(data)
            data.append(prev[1])
        data += b
    return site_decode(bytes(data), {mark})


def lost_characters(n_positions: int, seed: int) -> None:
    """One restart per page at a known character; the whole article is the page (its own context)."""
    rng = random.Random(seed)
    pages = []
    for name in ("clean.jsonl", "clean_hant.jsonl"):
        for a in articles(name):
            if HALF != "all" and zlib.crc32(a["id"].encode()) % 2 != (HALF == "odd"):
                continue
            page = "\n".join(f"<p>{p}</p>" for p in a["text"].split("\n"))
            if corrupt._gbk_ok(page):
                pages.append(page)
    rng.shuffle(pages)
    kinds: dict[str, list[tuple[str, int]]] = {"sentence end": [], "before quote/bracket": [], "anywhere": []}
    for page in pages:
        spots: dict[str, list[int]] = {kind: [] for kind in kinds}
        for k in range(4, len(page) - 4):
            if page[k] in SENTENCE_END:
                spots["sentence end"].append(k)
            elif page[k + 1] in corrupt.QUOTES:
                spots["before quote/bracket"].append(k)
            elif "\u4e00" <= page[k] <= "\u9fff":
                spots["anywhere"].append(k)
        for kind, ks in spots.items():
            kinds[kind] += [(page, k) for k in rng.sample(ks, min(3, len(ks)))]
    print(f"2. lost characters at known positions (own damage, one restart per article, seed {seed}, "
          f"articles {HALF})")
    for kind, spots in kinds.items():
        rng.shuffle(spots)
        right = tried = repaired_exact = 0
        for page, k in spots:
            if tried >= n_positions:
                break
            damaged = damage_at(page, k)
            if damaged is None:  # the restart byte was ASCII: nothing is lost
                continue
            fold = rng.random() < 0.7
            clean = corrupt.fold_fullwidth(page) if fold else page
            if fold:
                damaged = corrupt.fold_fullwidth(damaged)
            tried += 1
            out, _ = fix_gbk_restart(damaged)
            right += out[: k + 1] == clean[: k + 1]
            repaired_exact += out == clean
        print(f"   {kind:22s} {right}/{tried} = {right / max(tried, 1):.1%} lost character right; "
              f"{repaired_exact / max(tried, 1):.1%} pages exact (a swallowed digit or space is lost)")


def clean_articles() -> None:
    changed = {"as is": 0, "folded": 0}
    total = 0
    elapsed = count_elapsed = 0.0
    chars = 0
    for name in ("clean.jsonl", "clean_hant.jsonl"):
        for a in articles(name):
            page = a["title"] + "\n" + a["text"]
            total += 1
            for form, text in (("as is", page), ("folded", corrupt.fold_fullwidth(page))):
                t0 = time.perf_counter()
                out, steps = fix_gbk_restart(text)
                elapsed += time.perf_counter() - t0
                t0 = time.perf_counter()
                text.count("?")
                count_elapsed += time.perf_counter() - t0
                chars += len(text)
                if out != text or steps:
                    changed[form] += 1
                    print(f"   CHANGED ({form}):", a["id"], steps)
    print(f"3. clean articles changed, of {total} (both corpora): as is {changed['as is']} (bar 0); "
          f"with full-width forms folded as the sites do (genuine '？' become '?') {changed['folded']}")
    print(f"4. speed on clean text: {chars / elapsed / 1e6:.1f} M chars/s "
          f"({chars * 3 / elapsed / 1e6:.0f} MB/s of UTF-8); str.count('?') alone "
          f"{chars / count_elapsed / 1e6:.0f} M chars/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=120, help="articles per seed for part 1")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--positions", type=int, default=300, help="damaged positions per kind for part 2")
    ap.add_argument("--model", type=Path, help="model file (default: the committed one)")
    ap.add_argument("--articles", choices=("all", "even", "odd"), default="all",
                    help="the half of the articles part 2 uses (calibrate on one, report on the other)")
    args = ap.parse_args()
    global fix_gbk_restart, HALF
    from cleantext.langmodel import CharModel, get_model

    HALF = args.articles
    if args.model:
        fix_gbk_restart = partial(fix_gbk_restart, model=CharModel(args.model))
    else:
        get_model()
    fix_gbk_restart("你好?。")  # load the model and the GBK tables before timing
    corrupt_cases(args.n, args.seeds)
    for seed in args.seeds:
        lost_characters(args.positions, seed)
    clean_articles()


if __name__ == "__main__":
    main()
