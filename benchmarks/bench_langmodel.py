"""Benchmark the character language model on the repair stage's task: guess a lost GBK character.

For sentences of ``../shared/corpus/clean.jsonl`` (read at benchmark time only, never trained on), remove
one character at a known position, form the candidates = every two-byte GBK character with the same trail
byte as the removed character's GBK encoding (about 112-126, punctuation rows A1-A9 included; user-defined
areas left out), and count how often the model's best candidate is the removed one. Positions:

* ``sentence_end``: the removed character is ``。``;
* ``before_quote``: the next character is a quote or bracket (``“”‘’「」『』（）《》()``);
* ``random``: any other GBK two-byte character.

Printed for the Simplified text and for the same text converted with OpenCC ``s2t``, for five scorers in
the same process: ``model+page`` (``model`` plus a DocumentCache of the rest of the article, the way the
repair stage can use the whole recovered page), ``model`` (CharModel.score_candidates with its calibrated
defaults: +-2 characters of context through the trigram chain, right-context terms weighted 0.75, plus
0.25 x the candidate's plain log-frequency), ``pure-trigram`` (the same without calibration: the exact
window log-probability), ``bigram`` (the two neighbours only: P(c|left) P(right|c))
and ``unigram`` (frequency alone).
Then the decode-stage check (true text vs its strict misreading, by mean_logprob, at 2-10 characters).
Also prints the model load time and the time of one ``score_candidates`` call.

    python3 benchmarks/bench_langmodel.py [--articles 200] [--per-kind 600] [--seed 1] [--model FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(REPO))

from cleantext.langmodel import CharModel, DocumentCache, fold  # noqa: E402

QUOTES = set("“”‘’「」『』（）《》()")
Scorer = Callable[[str, list[str], str, str], list[float]]


def gbk_candidates_by_trail() -> dict[int, list[str]]:
    """Trail byte -> every two-byte GBK character with that trail (user-defined areas excluded)."""
    table: dict[int, list[str]] = {}
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        chars = []
        for lead in range(0x81, 0xFF):
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and not 0xE000 <= ord(ch) <= 0xF8FF:
                chars.append(ch)
        table[trail] = chars
    return table


def gbk_trail(ch: str) -> int | None:
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return b[1] if len(b) == 2 else None


def sample_positions(texts: list[str], per_kind: int, rng: random.Random) -> dict[str, list[tuple[int, int]]]:
    """kind -> (text index, position) pairs, at most ``per_kind`` each."""
    kinds: dict[str, list[tuple[int, int]]] = {"sentence_end": [], "before_quote": [], "random": []}
    for t, text in enumerate(texts):
        for i, ch in enumerate(text):
            if gbk_trail(ch) is None:
                continue
            if ch == "。":
                kinds["sentence_end"].append((t, i))
            elif i + 1 < len(text) and text[i + 1] in QUOTES:
                kinds["before_quote"].append((t, i))
            elif rng.random() < 0.05:
                kinds["random"].append((t, i))
    return {k: rng.sample(v, min(per_kind, len(v))) for k, v in kinds.items()}


def accuracy(texts: list[str], positions: list[tuple[int, int]], table: dict[int, list[str]],
             scorer: Scorer, width: int = 5) -> float:
    right = 0
    for t, i in positions:
        text = texts[t]
        ch = text[i]
        cands = table[gbk_trail(ch)]  # type: ignore[index]
        left = text[max(0, i - width):i] or "\n"
        after = text[i + 1:i + 1 + width] or "\n"
        page = text[:i] + "\n" + text[i + 1:]  # the page as the repair sees it: the character is lost
        scores = scorer(left, cands, after, page)
        best = max(range(len(cands)), key=scores.__getitem__)
        right += fold(cands[best]) == fold(ch)
    return right / len(positions) if positions else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--per-kind", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--model", type=Path, help="another data file (default: the committed one)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    model = CharModel(args.model) if args.model else CharModel()
    load = time.perf_counter() - t0
    print(f"model load: {load * 1000:.0f} ms  ({model.info})")

    rng = random.Random(args.seed)
    rows = [json.loads(line) for line in (SHARED / "corpus" / "clean.jsonl").open(encoding="utf-8")]
    rng.shuffle(rows)
    simp = [r["text"] for r in rows[:args.articles]]
    from opencc import OpenCC

    trad = [OpenCC("s2t").convert(t) for t in simp]
    table = gbk_candidates_by_trail()
    sizes = [len(v) for v in table.values() if v]
    print(f"candidates per trail byte: mean {sum(sizes) / len(sizes):.0f}, max {max(sizes)}")

    def with_page(left: str, cands: list[str], right: str, page: str) -> list[float]:
        return model.score_candidates(left, cands, right, cache=DocumentCache(page))

    def calibrated(left: str, cands: list[str], right: str, page: str) -> list[float]:
        return model.score_candidates(left, cands, right)

    def bigram(left: str, cands: list[str], right: str, page: str) -> list[float]:
        return [model.char_logprob(left[-1], c) + model.char_logprob(c, right[0]) for c in cands]

    def unigram(left: str, cands: list[str], right: str, page: str) -> list[float]:
        return [model.char_logprob("", c) for c in cands]

    def pure_trigram(left: str, cands: list[str], right: str, page: str) -> list[float]:
        return model.score_candidates(left, cands, right, right_weight=1.0, prior=0.0)

    scorers: dict[str, Scorer] = {"model+page": with_page, "model": calibrated, "pure-trigram": pure_trigram,
                                  "bigram": bigram, "unigram": unigram}
    for script, texts in (("simplified", simp), ("traditional(s2t)", trad)):
        positions = sample_positions(texts, args.per_kind, random.Random(args.seed))
        for kind, pos in positions.items():
            figures = "  ".join(f"{name} {accuracy(texts, pos, table, fn):6.1%}"
                                for name, fn in scorers.items())
            print(f"{script:17s} {kind:13s} n={len(pos):5d}  {figures}")

    print("decode choice: mean_logprob(true text) > mean_logprob(misreading), pieces whose strict misreading "
          "differs")
    for length in (2, 4, 6, 10):
        for script, texts, enc, wrong in (("simplified", simp, "gbk", "big5"),
                                           ("traditional", trad, "big5", "gbk"),
                                           ("simplified", simp, "utf-8", "gbk")):
            rng = random.Random(length)
            right = total = 0
            for _ in range(3000):
                text = texts[rng.randrange(len(texts))]
                if len(text) <= length:
                    continue
                start = rng.randrange(len(text) - length)
                piece = text[start:start + length]
                try:
                    misread = piece.encode(enc).decode(wrong)
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
                if misread == piece:  # ASCII only: both readings are the same text
                    continue
                total += 1
                right += model.mean_logprob(piece) > model.mean_logprob(misread)
                if total == 500:
                    break
            print(f"  {length:2d} chars {script:11s} {enc:5s} vs read as {wrong:5s}: {right}/{total}")

    cands = table[gbk_trail("。")]  # type: ignore[index]
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        model.score_candidates("我们今天", cands, "”他说")
    per_call = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(n):
        [c + "x" for c in cands]  # noqa: B018 -- reference loop to judge the machine's load
    ref = (time.perf_counter() - t0) / n
    print(f"score_candidates: {per_call * 1e6:.0f} us per call with {len(cands)} candidates "
          f"({per_call / ref:.0f}x a trivial list comprehension over them, {ref * 1e6:.1f} us)")
    tup = tuple(cands)
    t0 = time.perf_counter()
    for _ in range(n):
        model.best_fillers("我们今天", tup, "”他说", {"。": 3.0})
    pruned = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(n):
        model.best_fillers("我们今天", tup, "”他说", {"。": 3.0}, limit=16)
    limited = (time.perf_counter() - t0) / n
    print(f"best_fillers (same best, pruned): {pruned * 1e6:.0f} us per call = {per_call / pruned:.1f}x "
          "faster; "
          f"with limit=16 as the repair uses it: {limited * 1e6:.0f} us = {per_call / limited:.1f}x")
    t0 = time.perf_counter()
    sample = "".join(simp[:20])[:20000]
    model.logprob(sample)
    print(f"logprob: {(time.perf_counter() - t0) / len(sample) * 1e6:.2f} us per character")


if __name__ == "__main__":
    main()
