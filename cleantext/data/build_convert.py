#!/usr/bin/env python3
"""Build the convert stage's tables: ``convert_variants.txt``, ``convert_phrases.txt``,
``convert_traditional.txt`` and ``convert_touched.txt`` (``convert_zhe.txt`` is written by hand; its
sources are in its header).

Run from the repository root; both OpenCC engines must be installed, and ``../shared/tools/corrupt.py``
(its naive character map, one of the page makers) must be present next to the repository::

    python3 cleantext/data/build_convert.py

(``python3 benchmarks/bench_convert.py --write-tables`` does the same.) The tables are rewritten in
place; commit them. It then prints, per page maker, the common Simplified characters that the stage
still does not bring back.

Sources:

* OpenCC's dictionaries as shipped with opencc-python-reimplemented 0.1.7 (PyPI, Apache-2.0;
  ``opencc/dictionary/``): ``STCharacters.txt`` and ``TSCharacters.txt`` (which characters are
  Simplified), ``STPhrases.txt`` (the phrases tried), ``HKVariantsRev.txt`` and ``TWVariantsRev.txt``
  (regional variants that ``t2s`` leaves);
* both engines' own ``t2s`` on every CJK character: opencc-python-reimplemented 0.1.7 and opencc-pyo3
  0.12.0 (PyPI, MIT; its dictionaries are the newer OpenCC ones), whose answer wins where they disagree,
  except for the hand decisions below.

What each table holds:

* ``convert_variants.txt``: characters mapped before ``t2s`` (regional variants ``t2s`` leaves, characters
  the engines disagree on, the lookalike ``陜``), or protected from it (target = source);
* ``convert_traditional.txt``: the characters that mark a text as Traditional (both engines' ``t2s``
  changes them and they are not Simplified characters), plus the mapped variants;
* ``convert_phrases.txt``: page forms of OpenCC's phrases on which the two engines' ``t2s`` disagree;
* ``convert_touched.txt``: every character ``t2s`` may change, alone or inside a phrase (which lines of
  a page the engine must see).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent
REPO = DATA.parents[1]
SHARED = REPO.parent / "shared"
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


def written_by_s2t() -> set[str]:
    """Characters a Simplified-to-Traditional converter can write for some other text.

    The first candidate of each entry of the character, phrase and regional-variant tables: what OpenCC
    and naive per-character converters write (the other candidates are alternatives no converter picks:
    ``妝	妝 粧`` in HKVariants.txt writes 妝, never 粧). A character that the
    two engines' t2s disagree on and that is NOT in this set (牠, 舖) can only have come from the original
    text, so it is kept, as opencc-python-reimplemented (the user's chosen engine) keeps it; one that is
    in it (擡 of 哄擡, 揹 of 揹人) was written by the converter and is mapped back.
    """
    written: set[str] = set()
    for key, values in opencc_dictionary("STCharacters.txt").items():
        if values and values[0] != key:
            written.add(values[0])
    for name in ("STPhrases.txt", "TWVariants.txt", "HKVariants.txt", "TWPhrasesIT.txt", "TWPhrasesName.txt",
                 "TWPhrasesOther.txt"):
        try:
            table = opencc_dictionary(name)
        except FileNotFoundError:
            continue
        for key, values in table.items():
            if values:
                written.update(ch for ch in values[0] if ch not in key)
    return written


def write_table(name: str, lines: list[str]) -> None:
    """Write one generated table (comment header and rows) into the data folder, newline-terminated."""
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


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

    written = written_by_s2t()
    variants: dict[str, tuple[str, str]] = {}
    for c, a, b in zip(chars, by_py, by_rs, strict=True):
        if a == b or c == "著":
            continue
        if c in ENGINE_KEEP:
            why = f"engines disagree (opencc {a}, opencc_pyo3 {b}): kept, a Simplified character too"
            variants[c] = (c, why)
        elif c in ENGINE_OLDER:
            variants[c] = (ENGINE_OLDER[c], f"engines disagree (opencc {a}, opencc_pyo3 {b}): opencc's")
        elif a == c and c not in written and ord(c) < 0x10000:  # astral ones: the fast scan is BMP-only
            why = f"engines disagree (opencc_pyo3 {b}): kept, as opencc does; no s2t converter writes it"
            variants[c] = (c, why)
        else:
            variants[c] = (b, f"engines disagree (opencc {a}): opencc_pyo3 t2s, the newer OpenCC dictionary")
    for name, config in (("HKVariantsRev.txt", "hk2s"), ("TWVariantsRev.txt", "tw2s")):
        regional = opencc_pyo3.OpenCC(config)
        for c in opencc_dictionary(name):
            if len(c) != 1 or c == "著" or c in simplified or py.convert(c) != c or rs.convert(c) != c:
                continue
            if c not in written:  # no converter writes it (粧, 糭): it came from the original text
                continue
            target = regional.convert(c)
            if target != c:
                variants[c] = (target, f"OpenCC {name}: {config} maps it, t2s leaves it")
    for c, (target, why) in LOOKALIKES.items():
        variants[c] = (target, why)

    lines = [
        "# Characters mapped before OpenCC's t2s runs, one per line: SOURCE<TAB>TARGET<TAB>WHY.",
        "# TARGET == SOURCE means: protected, left exactly as it is by both engines.",
        "# Generated by cleantext/data/build_convert.py from OpenCC's dictionaries",
        "# (opencc-python-reimplemented's copy) and from opencc / opencc_pyo3 t2s on every CJK character.",
        "# Why: t2s leaves regional variants (衞 敍 from s2hk, 陜 from real pages) and the two engines",
        "# disagree on a few characters; mapping them first makes the output right and identical on both.",
    ]
    lines += [f"{c}\t{t}\t{why}" for c, (t, why) in sorted(variants.items())]
    write_table("convert_variants.txt", lines)

    changed = {c for c, a, b in zip(chars, by_py, by_rs, strict=True) if a != c and b != c}
    traditional = sorted((changed | {c for c, (t, _) in variants.items() if t != c}) - simplified - {"著"})
    lines = [
        "# Traditional characters: both engines' t2s changes them and they are not Simplified characters",
        "# (not a key of OpenCC's STCharacters.txt, not a target of TSCharacters.txt), plus the variants of",
        "# convert_variants.txt. A text holding none of them is left alone by the convert stage (zh-cn).",
        "# Generated by cleantext/data/build_convert.py; 60 characters a line.",
    ]
    text = "".join(traditional)
    lines += [text[i : i + 60] for i in range(0, len(text), 60)]
    write_table("convert_traditional.txt", lines)
    print(f"{len(variants)} variants, {len(traditional)} Traditional characters written to {DATA}")

    write_phrases(py, rs)
    write_touched(chars, by_py, by_rs)

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


def _differing(source: str, target: str) -> str:
    """The characters of ``source`` that ``target`` writes differently (all of them if the lengths differ)."""
    if len(source) != len(target):
        return source
    return "".join(a for a, b in zip(source, target, strict=True) if a != b)


def write_touched(chars: list[str], by_py: list[str], by_rs: list[str]) -> None:
    """convert_touched.txt: every character OpenCC's t2s may change, alone or inside a phrase.

    The convert stage hands the engine only the lines from the first to the last holding one of them
    (with its own tables' characters), so a page's Simplified header and footer stay out of the call.
    """
    touched = {c for c, a, b in zip(chars, by_py, by_rs, strict=True) if a != c or b != c}
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for source, targets in opencc_dictionary(name).items():
            if len(source) == 1:
                if targets != [source]:
                    touched.add(source)
                continue
            for target in targets:
                touched.update(_differing(source, target))
    text = "".join(sorted(touched))
    lines = [
        "# Characters OpenCC's t2s may change, alone or inside a phrase: both engines' t2s on every CJK",
        "# character, and OpenCC's TSCharacters.txt and TSPhrases.txt (opencc-python-reimplemented's copy).",
        "# The convert stage works only on the lines from the first to the last holding one of these (or",
        "# a character of its other tables).",
        "# Generated by cleantext/data/build_convert.py; 60 characters a line.",
    ]
    lines += [text[i : i + 60] for i in range(0, len(text), 60)]
    write_table("convert_touched.txt", lines)
    print(f"{len(touched)} characters t2s may change written to convert_touched.txt")


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
        "# Generated by cleantext/data/build_convert.py: the page forms (s2t, s2tw, s2hk of both",
        "# engines, corrupt.py's naive map) of OpenCC's STPhrases.txt on which opencc and opencc_pyo3 t2s",
        "# give different Simplified text; the newer dictionary's answer (opencc_pyo3) unless noted.",
        "# Why: both engines must give the same output.",
    ]
    lines += [f"{p}\t{t}\t{why}" for p, (t, why) in sorted(table.items())]
    write_table("convert_phrases.txt", lines)
    print(f"{len(table)} phrases written; left as they are ({len(unresolved)}): {' '.join(unresolved)}")


def naive_s2t() -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location("corrupt", SHARED / "tools" / "corrupt.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.naive_s2t


def as_pages(convert: Callable[[str], str]) -> Callable[[str], str]:
    """A page maker: the converter, then 着→著 and 陕→陜 as the sites (and corrupt.py) do."""
    return lambda text: convert(text).replace("着", "著").replace("陕", "陜")


if __name__ == "__main__":
    write_tables()
