#!/usr/bin/env python3
"""Strip on the hand-written pages after damage: furniture and article lines as repair leaves them.

usage: python3 benchmarks/bench_strip_damaged.py [-v] [--kind KIND,...|all] [--seed N] [ROUND ...]

The strip stage runs last, on text that decode, repair and convert have already worked on, and real pages
are damaged as a whole, furniture included. This runner takes ``bench_strip_pages.py``'s pages, damages
each one whole and scores the output exactly as that bench does (its ``score`` is reused: the page it
hands to ``clean_document`` is damaged on the way). Damages (``--kind``, default: one per page, chosen by
``--seed`` and the page's name; ``--kind all``: every kind on every page):

- ``s2t`` / ``s2tw`` / ``s2hk``: Traditional script (OpenCC), as UTF-8;
- ``big5``: ``s2tw`` then Big5 bytes (a character Big5 lacks stays Simplified, as UTF-8 would not);
- ``gb18030``, ``utf16`` (with BOM), ``utf8bom``: the page as such bytes;
- ``fold``: full-width ASCII forms folded to ASCII (``：`` → ``:``, ``１２`` → ``12``), as sites do;
- ``widen``: the reverse (ASCII letters, digits and ``:()!?,`` to full width);
- ``pinyin``: ``s2t`` with a converter's per-character readings left on Traditional-only characters
  (``區(qū)``);
- ``html``: ``&nbsp;`` indentation, ``<br>`` and ``</p>`` at line ends, quotes and ``&``/``·`` as entities;
- ``restart``: GBK restart damage (``bench_probe.restart``: the decoder restarts one byte early at some
  ``。`` and quotes), as the sites' decoder shows it.

Printed per damage kind: pages, article lines, lines LOST by strip, lines lost by the damage itself (not
even in the ``strip=False`` output: repair or convert did not give them back), furniture lines KEPT.
``-v`` lists every line lost by strip and every furniture line kept. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import bench_strip_pages as pages_bench  # noqa: E402
from bench_probe import READINGS, cc, fold, gbk_ok, restart  # noqa: E402

import cleantext  # noqa: E402

_ASCII_FORMS = "0123456789:()!?,ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_WIDE = {c: c + 0xFEE0 for c in map(ord, _ASCII_FORMS)}
_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "&": "&amp;", "·": "&middot;", "—": "&mdash;", "\"": "&quot;"}


def _traditional(config: str) -> Callable[[str, random.Random], str | bytes]:
    return lambda text, rng: cc(config, text)


def big5(text: str, rng: random.Random) -> bytes:
    out = []
    for ch in cc("s2tw", text):
        try:
            out.append(ch.encode("big5"))
        except UnicodeEncodeError:
            out.append(cc("s2t", ch).encode("big5", errors="replace"))
    return b"".join(out)


def pinyin(text: str, rng: random.Random) -> str:
    chosen = {c: r for c, r in READINGS.items() if rng.random() < 0.7}
    return "".join(c + (f"({chosen[c]})" if c in chosen else "") for c in cc("s2t", text))


def widen(text: str, rng: random.Random) -> str:
    return text.translate(_WIDE)


def html(text: str, rng: random.Random) -> str:
    out = []
    for line in text.split("\n"):
        if line and rng.random() < 0.5:
            line = re.sub("[“”&·—\"]", lambda m: _ENTITIES[m.group()], line)
        if line and rng.random() < 0.4:
            line = "&nbsp;" * rng.choice((2, 4)) + line
        if line:
            line += rng.choice(("", "<br>", "</p>", "<br />", "&nbsp;"))
        out.append(line)
    return "\n".join(out)


def gbk_restart(text: str, rng: random.Random) -> str:
    return restart(text, rng, stop=0.25, quote=0.25)[0] if gbk_ok(text) else text


DAMAGES: dict[str, Callable[[str, random.Random], str | bytes]] = {
    "s2t": _traditional("s2t"),
    "s2tw": _traditional("s2tw"),
    "s2hk": _traditional("s2hk"),
    "big5": big5,
    "gb18030": lambda text, rng: text.encode("gb18030"),
    "utf16": lambda text, rng: text.encode("utf-16"),
    "utf8bom": lambda text, rng: text.encode("utf-8-sig"),
    "fold": lambda text, rng: fold(text),
    "widen": widen,
    "pinyin": pinyin,
    "html": html,
    "restart": gbk_restart,
}


def damaged_cleaner(
    kind: str, seed: int, name: str, strip: bool = True, seen: list | None = None
) -> SimpleNamespace:
    """A stand-in for the ``cleantext`` module whose ``clean_document`` damages the page first."""

    def clean_document(data: bytes) -> cleantext.CleanResult:
        rng = random.Random(f"{seed}:{kind}:{name}")
        out = DAMAGES[kind](data.decode("utf-8"), rng)
        result = cleantext.clean_document(out if isinstance(out, bytes) else out.encode("utf-8"), strip=strip)
        if seen is not None:
            seen.append(result.text)
        return result

    return SimpleNamespace(clean_document=clean_document)


def garbled_furniture(path: Path, output: str) -> list[str]:
    """Output lines that match no marked line exactly but come nearest to a furniture line (damaged
    furniture that strip kept: ``score`` cannot see it)."""
    from rapidfuzz import fuzz

    _, marked = pages_bench.read_page(path)
    expected = [(mark, pages_bench.norm(pages_bench.convert(text).text)) for mark, text in marked]
    exact = {text for _, text in expected}
    found = []
    for line in output.splitlines():
        text = pages_bench.norm(line)
        if not text or text in exact:
            continue
        mark, _ = max(expected, key=lambda e: fuzz.ratio(text, e[1]))
        if mark in pages_bench.DROP:
            found.append(text)
    return found


def score(path: Path, kind: str, seed: int) -> tuple[int, list[str], list[str], int]:
    """Article lines, lines lost by strip, furniture kept (exact or damaged), lines lost by the damage
    itself (``strip=False``)."""
    real, seen = pages_bench.cleantext, []
    try:
        pages_bench.cleantext = damaged_cleaner(kind, seed, path.name, strip=False)
        _, damage_lost, _ = pages_bench.score(path)
        pages_bench.cleantext = damaged_cleaner(kind, seed, path.name, seen=seen)
        n, lost, kept = pages_bench.score(path)
    finally:
        pages_bench.cleantext = real
    kept += [f"[damaged] {t}" for t in garbled_furniture(path, seen[0])]
    return n, [t for t in lost if t not in damage_lost], kept, len(damage_lost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rounds", nargs="*", help="round directories to run (default: all)")
    kinds_help = f"comma-separated damage kinds, or 'all': {', '.join(DAMAGES)}"
    parser.add_argument("--kind", default="", help=kinds_help)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every lost and kept line")
    args = parser.parse_args()
    kinds = list(DAMAGES) if args.kind == "all" else [k for k in args.kind.split(",") if k]
    if unknown := set(kinds) - set(DAMAGES):
        parser.error(f"unknown damage kinds: {', '.join(sorted(unknown))}")
    paths = [p for d in sorted(pages_bench.PAGES.iterdir())
             if d.is_dir() and (not args.rounds or d.name in args.rounds) for p in sorted(d.glob("*.txt"))]
    runs: dict[str, list[Path]] = {}
    for path in paths:
        chosen = random.Random(zlib.crc32(f"{args.seed}:{path.name}".encode())).choice(list(DAMAGES))
        for kind in kinds or [chosen]:
            runs.setdefault(kind, []).append(path)
    totals = [0, 0, 0, 0, 0]
    head = f"{'damage':10s} {'pages':>5s} {'article lines':>13s} {'lost':>5s}"
    print(head, f"{'damage-lost':>11s} {'kept':>5s}")
    for kind in DAMAGES:
        if kind not in runs:
            continue
        row = [0, 0, 0, 0, 0]
        for path in runs[kind]:
            n, lost, kept, damage_lost = score(path, kind, args.seed)
            for k, v in enumerate((1, n, len(lost), damage_lost, len(kept))):
                row[k] += v
            if args.verbose:
                where = f"{path.parent.name}/{path.name}"
                for text in lost:
                    print(f"    LOST {kind} {where}: {text}")
                for text in kept:
                    print(f"    KEPT {kind} {where}: {text}")
        print(f"{kind:10s} {row[0]:5d} {row[1]:13d} {row[2]:5d} {row[3]:11d} {row[4]:5d}")
        totals = [a + b for a, b in zip(totals, row, strict=True)]
    print(f"{'total':10s} {totals[0]:5d} {totals[1]:13d} {totals[2]:5d} {totals[3]:11d} {totals[4]:5d}")


if __name__ == "__main__":
    main()
