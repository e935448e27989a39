#!/usr/bin/env python3
"""Strip on pages written by hand: article lines lost and furniture lines kept, per round.

usage: python3 benchmarks/bench_strip_pages.py [-v] [ROUND ...]

``benchmarks/strip_pages/<round>/*.txt`` are whole web pages written by hand (not from the shared corpus),
each round of layouts the strip stage had never seen when it was written: notices, forums, Q&A, shops,
recipes, lyrics, tables, self-media, content farms, Taiwan and Hong Kong news... Every line carries a
mark and a space: ``A`` (or ``+``) an article line to keep (title, byline, paragraphs), ``F`` (or ``-``)
furniture to drop, ``~`` either is fine. A first line ``# sep=blank`` joins the page's lines with blank
lines instead of single line breaks.

Each page goes through ``cleantext.clean_document`` whole; the marked lines are converted to Simplified
by cleantext's own convert stage (so only strip decisions are compared) and matched against the output
after NFKC and whitespace folding. Printed: per round the pages, article lines, lines LOST and furniture
lines KEPT, then the total; ``-v`` lists every lost and kept line. Nothing is asserted: the rules these
pages led to are tested on short texts in ``tests/test_strip_unseen*.py``.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

import cleantext  # noqa: E402
from cleantext.convert import convert  # noqa: E402

PAGES = ROOT / "strip_pages"
KEEP, DROP = {"A", "+"}, {"F", "-"}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def read_page(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The page's text and its marked lines (mark, line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    sep = "\n\n" if lines and lines[0].startswith("# sep=blank") else "\n"
    marked = [(line[:1], line[2:]) for line in lines if line.strip() and not line.startswith("#")]
    return sep.join(text for _, text in marked) + "\n", marked


def score(path: Path) -> tuple[int, list[str], list[str]]:
    """Article lines on the page, the ones lost, and the furniture lines kept."""
    page, marked = read_page(path)
    out = [norm(line) for line in cleantext.clean_document(page.encode("utf-8")).text.splitlines() if line]
    expected = [(mark, norm(convert(text).text)) for mark, text in marked]
    lost, kept = [], []
    for mark, text in expected:
        if text in out:
            out.remove(text)
            if mark in DROP:
                kept.append(text)
        elif mark in KEEP:
            lost.append(text)
    return sum(1 for mark, _ in expected if mark in KEEP), lost, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rounds", nargs="*", help="round directories to run (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every lost and kept line")
    args = parser.parse_args()
    rounds = sorted(d for d in PAGES.iterdir() if d.is_dir() and (not args.rounds or d.name in args.rounds))
    totals = [0, 0, 0, 0]
    print(f"{'round':12s} {'pages':>5s} {'article lines':>13s} {'lost':>5s} {'furniture kept':>14s}")
    for directory in rounds:
        pages = sorted(directory.glob("*.txt"))
        article = lost = kept = 0
        for path in pages:
            n, lost_lines, kept_lines = score(path)
            article, lost, kept = article + n, lost + len(lost_lines), kept + len(kept_lines)
            if args.verbose:
                for text in lost_lines:
                    print(f"    LOST {directory.name}/{path.name}: {text}")
                for text in kept_lines:
                    print(f"    KEPT {directory.name}/{path.name}: {text}")
        print(f"{directory.name:12s} {len(pages):5d} {article:13d} {lost:5d} {kept:14d}")
        for k, v in enumerate((len(pages), article, lost, kept)):
            totals[k] += v
    print(f"{'total':12s} {totals[0]:5d} {totals[1]:13d} {totals[2]:5d} {totals[3]:14d}")


if __name__ == "__main__":
    main()
