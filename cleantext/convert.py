"""Convert stage: Traditional to Simplified (or to zh-tw / zh-hk) with OpenCC, plus our fixes.

The pages were made from Simplified articles by a converter (OpenCC ``s2t``/``s2tw``/``s2hk`` or a naive
character map) that also wrote ``著`` for ``着``, so they must come back exactly. The stage:

1. leaves text holding no Traditional character alone (one regex search: :func:`has_traditional`);
2. maps variants that ``t2s`` does not undo (``陜``→``陕``, ``衞``→``卫``; ``data/convert_variants.txt``)
   and the phrases on which the two engines disagree (``data/convert_phrases.txt``);
3. runs OpenCC ``t2s``: opencc_pyo3 (Rust, fast) when installed, else opencc-python-reimplemented,
   on the lines from the first to the last holding a character that it (or a fix) may change
   (:func:`touched_lines`: a page's Simplified spam header and keyword footer stay out of it), in calls
   of at most ``ENGINE_CHUNK`` characters cut at line ends (:func:`convert_in_chunks`);
4. decides every ``著`` again: ``著`` in 著名/显著/名著..., ``着`` everywhere else (:func:`is_zhu`);
5. for ``zh-tw``/``zh-hk``, converts that Simplified text with ``s2tw``/``s2hk``: a page converted by a
   mainland converter (OpenCC or a naive map) comes out exactly as its article would in Taiwan or Hong
   Kong standard. Text written in Traditional to begin with may see a few of its choices among Traditional
   forms redone by OpenCC (盃 → 杯, 西里爾 → 西裡爾): about 0.4% of characters on Taiwan Wikipedia text.

>>> convert("隨著經濟發展，陜西的著名企業").text
'随着经济发展，陕西的著名企业'
>>> convert("随着经济发展").steps
()
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Protocol

from cleantext.result import StageResult, Step

STAGE = "convert"
TARGETS = ("zh-cn", "zh-tw", "zh-hk", "none")
ENGINES = ("auto", "pyo3", "python")
REGIONAL_CONFIGS = {"zh-tw": "s2tw", "zh-hk": "s2hk"}

_DATA = Path(__file__).parent / "data"
_ZHE = "著"
# Noncharacters stand in for the characters the engines must not touch (never found in real text).
_PLACEHOLDER_ZHE = "\ufdd0"
_PLACEHOLDERS = "".join(map(chr, range(0xFDD1, 0xFDF0)))  # 31 slots for protected characters
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Engine(Protocol):
    def convert(self, text: str) -> str: ...


# --- tables (loaded lazily, once) ------------------------------------------------------------------


def _data_lines(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _char_class(chars: str) -> str:
    """A regex class of ``chars`` written as ranges: small, and fast for ``re`` to scan."""
    codes = sorted({ord(c) for c in chars})
    parts, start, prev = [], codes[0], codes[0]
    for code in codes[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("" if prev == start else "-" + re.escape(chr(prev))))
        start = prev = code
    return "[" + "".join(parts) + "]"


@cache
def _traditional_re() -> re.Pattern[str]:
    # Characters outside the BMP are left out: they make ``re`` fall back to a slow scan, and a page in
    # Traditional script always holds common BMP ones.
    chars = "".join(row[0] for row in _data_lines("convert_traditional.txt"))
    return re.compile(_char_class("".join(c for c in chars if ord(c) < 0x10000)))


@cache
def _variant_tables() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """(regex of variants to map, variant → Simplified, protected character → placeholder)."""
    mapped, protected = {}, {}
    for source, target, *_ in _data_lines("convert_variants.txt"):
        if source == target:
            protected[source] = _PLACEHOLDERS[len(protected)]
        else:
            mapped[source] = target
    return re.compile(_char_class("".join(mapped))), mapped, protected


@cache
def _phrase_tables() -> tuple[re.Pattern[str], dict[str, str]]:
    """(regex of the Traditional phrases, Traditional → Simplified), longest phrases first."""
    table = {source: target for source, target, *_ in _data_lines("convert_phrases.txt")}
    # Grouped by first character (乾(?:紅)|幹(?:了甚麼|甚麼)|...): the same matches as the flat alternation,
    # but ``re`` tries one group where a phrase may start instead of every phrase.
    groups: dict[str, list[str]] = {}
    for phrase in sorted(table, key=len, reverse=True):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]))
    pattern = "|".join(f"{re.escape(head)}(?:{'|'.join(tails)})" for head, tails in groups.items())
    return re.compile(pattern), table


@cache
def _zhe_rules() -> dict[str, frozenset[str]]:
    rules: dict[str, set[str]] = {}
    for kind, word, *_ in _data_lines("convert_zhe.txt"):
        rules.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in rules.items()}


@cache
def _engine(config: str, engine: str = "auto") -> _Engine:
    """The OpenCC converter for ``config``: opencc_pyo3 if installed (``auto``), else the Python one."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine != "python":
        try:
            import opencc_pyo3
        except ImportError:
            if engine == "pyo3":
                raise
        else:
            return opencc_pyo3.OpenCC(config)
    import opencc  # opencc-python-reimplemented (the C++ binding's module has the same name: not supported)

    return opencc.OpenCC(config)


def engine_name(engine: str = "auto") -> str:
    """Which engine ``engine`` resolves to here: ``opencc_pyo3`` or ``opencc``."""
    return type(_engine("t2s", engine)).__module__.split(".")[0]


# --- the fixes -------------------------------------------------------------------------------------


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character that only Traditional script uses.

    Characters that are Simplified too (``著`` of 著名, ``乾`` of 乾隆, ``于``...) do not count.

    >>> has_traditional("这是简体，著名的乾隆"), has_traditional("這是繁體")
    (False, True)
    """
    return _traditional_re().search(text) is not None


def map_variants(text: str) -> tuple[str, int]:
    """Map the variants that ``t2s`` leaves (and where the engines disagree) to Simplified.

    Regional forms from ``s2hk`` (``衞``, ``敍``), the ``陜`` (U+965C) that old GB→Big5 tables write for
    ``陝``, and characters only the newer OpenCC dictionary converts (``牠``→``它``).

    >>> map_variants("陜西的衞星")
    ('陕西的卫星', 2)
    """
    mapped = _variant_tables()[1]
    text, count = _variant_bmp_re().subn(lambda m: mapped[m.group()], text)
    for char in _astral_variants():  # (no target is itself a variant: one pass each is the same)
        if char in text:
            count += text.count(char)
            text = text.replace(char, mapped[char])
    return text, count


@cache
def _variant_bmp_re() -> re.Pattern[str]:
    """The variants inside the BMP (a class with astral characters makes ``re`` scan slowly)."""
    return re.compile(_char_class("".join(c for c in _variant_tables()[1] if ord(c) < 0x10000)))


def fix_phrases(text: str) -> tuple[str, int]:
    """Convert the phrases on which the two engines' ``t2s`` disagree, the newer dictionary's way.

    >>> fix_phrases("上級批覆了")
    ('上級批复了', 1)
    """
    pattern, table = _phrase_tables()
    return pattern.subn(lambda m: table[m.group()], text)


def is_zhu(before: str, after: str) -> bool:
    """Whether a ``著`` between Simplified ``before`` and ``after`` is zhù (著名) rather than 着 (看着).

    In Simplified, ``著`` is only zhù, a small closed set of words (``data/convert_zhe.txt``); the particle
    and zhuó (``着急``, ``穿着``) are ``着``, the default.

    >>> is_zhu("中国", "名的"), is_zhu("明", "称"), is_zhu("效果显", "。"), is_zhu("意味", "有")
    (True, True, True, False)
    >>> is_zhu("随", "经济"), is_zhu("他", "急"), is_zhu("起", "作用"), is_zhu("讨论", "，")
    (False, False, False, False)
    """
    if credits_an_author(before, after):
        return True
    rules = _zhe_rules()
    if _ZHE + after[:2] in rules["zhe_next"]:
        return False
    if _ZHE + after[:1] in rules["zhu_head"]:
        return True
    if _ZHE + after[:1] in rules["zhu_weak"]:
        verbs = rules["zhe_verb"]
        return before[-1:] not in verbs and before[-2:] not in verbs
    if before[-2:] + _ZHE in rules["zhe_prev"]:
        return False
    return before[-1:] + _ZHE in rules["zhu_tail"]


#: ``2002年汤德宗著，``: a year, a name of two or three characters, 著 and a comma: a reference's credit.
_YEAR_AND_NAME = re.compile(r"\d年[\u4e00-\u9fff]{2,3}$")


def credits_an_author(before: str, after: str) -> bool:
    """Whether a ``著`` credits an author (zhù, "written by") whatever the word tables say: set off by a
    space from the name (``鲁迅 著``), before a comma and a book title (``王力著，《汉语史稿》``), or in a
    reference after its year (``2002年汤德宗著，``). A particle follows a verb, never a space, and a
    comma after it is not followed by a book title.

    >>> credits_an_author("鲁迅 ", "")
    True
    >>> credits_an_author("王力", "，《汉语"), credits_an_author("2002年汤德宗", "，政府")
    (True, True)
    >>> credits_an_author("他笑", "，说"), credits_an_author("2002年随", "经济")
    (False, False)
    >>> credits_an_author("。 ", "急")
    False
    """
    if before[-1:] in (" ", "\u3000") and "\u4e00" <= before[-2:-1] <= "\u9fff":
        return True
    if after[:1] not in ",，":
        return False
    return after[1:2] in ("《", "〈") or _YEAR_AND_NAME.search(before) is not None


def decide_zhe(text: str, marker: str = _ZHE) -> tuple[str, int, int]:
    """Write each ``marker`` (a ``著`` to decide) as ``著`` or ``着``; return text, 着 count, first index.

    >>> decide_zhe("管理著六个部门，显著提高")
    ('管理着六个部门，显著提高', 1, 2)
    """
    parts = text.split(marker)
    out, particles, first, length = [parts[0]], 0, -1, len(parts[0])
    for part in parts[1:]:
        before = "".join(out[-3:])[-8:]
        zhu = is_zhu(before, part[:3])
        if not zhu:
            particles += 1
            first = length if first < 0 else first
        out += ["著" if zhu else "着", part]
        length += 1 + len(part)
    return "".join(out), particles, first


def _count_changed(before: str, after: str) -> int:
    """How many characters differ, position by position (OpenCC keeps the length); fast on long texts.

    >>> _count_changed("這是繁體", "这是繁体")
    2
    """
    if len(before) != len(after):
        return sum(a != b for a, b in zip(before, after, strict=False)) + abs(len(before) - len(after))
    raw_before, raw_after = before.encode("utf-16-le"), after.encode("utf-16-le")
    if not len(raw_before) == len(raw_after) == 2 * len(before):
        # Astral characters: make both BMP-only (each counts as changed), then take back the equal ones.
        same = sum(1 for m in _ASTRAL.finditer(before) if after[m.start()] == m.group())
        return _count_changed(_ASTRAL.sub("\x00", before), _ASTRAL.sub("\x01", after)) - same
    diff = int.from_bytes(raw_before, "little") ^ int.from_bytes(raw_after, "little")
    # The low byte of each character's 16 bits, OR-ed with its high byte: zero where the two are equal.
    low = (diff | diff >> 8).to_bytes(len(raw_before), "little")[0::2]
    return len(low) - low.count(0)


def _example(before: str, after: str, index: int, width: int = 6) -> tuple[str, str]:
    start = max(0, index - width)
    return before[start : index + width].strip(), after[start : index + width].strip()


@cache
def _special_re() -> re.Pattern[str]:
    """One scan finds the characters :func:`to_simplified` acts on besides phrases and ``著``: the
    variants, the protected characters and the placeholders (BMP only, see :func:`_specials_in`)."""
    _, mapped, protected = _variant_tables()
    chars = "".join(mapped) + "".join(protected) + _PLACEHOLDERS + _PLACEHOLDER_ZHE
    return re.compile(_char_class("".join(c for c in chars if ord(c) < 0x10000)))


@cache
def _astral_variants() -> tuple[str, ...]:
    """The variants outside the BMP (found with ``in``, see :func:`_specials_in`)."""
    return tuple(c for c in _variant_tables()[1] if ord(c) >= 0x10000)


def _specials_in(text: str) -> set[str]:
    """The characters of ``text`` that :func:`to_simplified` acts on (phrases aside).

    Why: a class holding characters outside the BMP makes ``re`` scan twice as slowly, and ``in`` for
    such a character is free on text without any (Python then knows it cannot be there).

    >>> sorted(_specials_in("陜西的著名，和平"))
    ['著', '陜']
    """
    found = set(_special_re().findall(text))  # rare: a short list
    if _ZHE in text:  # frequent on these pages: found apart, so the regex returns few matches
        found.add(_ZHE)
    found.update(c for c in _astral_variants() if c in text)
    return found


@cache
def _placeholder_set() -> frozenset[str]:
    return frozenset(_PLACEHOLDERS + _PLACEHOLDER_ZHE)


@cache
def _engine_label(engine: str) -> str:
    """:func:`engine_name`, worked out once per engine choice (it is in every step's detail)."""
    return engine_name(engine)


#: Characters per engine call at most (cut at line ends). opencc_pyo3 (opencc-fmmseg 0.13) hands a text
#: of more than 128 segments (text between punctuation or spaces) to a thread pool, which costs more CPU
#: than it saves on page-sized texts, the more so on a busy machine: 500 characters of news text stay
#: under 128 segments (1000 do not, on about one call in five).
ENGINE_CHUNK = 500


def convert_in_chunks(converter: _Engine, text: str, size: int = ENGINE_CHUNK) -> str:
    """``converter.convert(text)``, called on pieces of at most ``size`` characters cut after a newline.

    Why: OpenCC converts each segment between separators on its own (no dictionary entry holds a
    newline), so the pieces give the same text, and short calls keep opencc_pyo3 off its thread pool.

    >>> convert_in_chunks(_engine("t2s"), "這是\\n一個測試", size=3)
    '这是\\n一个测试'
    """
    if len(text) <= size:
        return converter.convert(text)
    pieces, start, end = [], 0, len(text)
    while end - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut < 0:  # a line longer than size: up to its end
            cut = text.find("\n", start + size)
            if cut < 0:
                break
        pieces.append(converter.convert(text[start : cut + 1]))
        start = cut + 1
    pieces.append(converter.convert(text[start:]))
    return "".join(pieces)


def _differing(source: str, target: str) -> str:
    """The characters of ``source`` that ``target`` writes differently (all of them if the lengths differ)."""
    if len(source) != len(target):
        return source
    return "".join(a for a, b in zip(source, target, strict=True) if a != b)


@cache
def _touched_re() -> re.Pattern[str]:
    """A regex of the characters (BMP) the stage may change.

    Those characters: every character OpenCC's ``t2s`` may change alone or inside a phrase
    (``data/convert_touched.txt``: ``乾``, ``於``, the ``瞭`` of 瞭解), the Traditional ones, the variants,
    the protected characters, ``著``, the placeholders and the changed characters of our phrases.
    """
    chars = set("".join(row[0] for row in _data_lines("convert_touched.txt")))
    chars.update("".join(row[0] for row in _data_lines("convert_traditional.txt")))
    chars.update(row[0] for row in _data_lines("convert_variants.txt"))
    chars.update(_ZHE + _PLACEHOLDERS + _PLACEHOLDER_ZHE)
    for source, target in _phrase_tables()[1].items():
        chars.update(_differing(source, target))
    return re.compile(_char_class("".join(c for c in chars if ord(c) < 0x10000)))


def touched_lines(text: str) -> tuple[int, int]:
    """Start and end of the lines of ``text`` from the first to the last that holds a character the
    stage may change (:func:`_touched_re`); ``(0, 0)`` when none does.

    Why: the spam header and the keyword footer of a Traditional page are Simplified; left out of the
    engine call, they cost nothing, and every step leaves them as they are.

    >>> touched_lines("简体标题\\n這是繁體\\n简体页脚")
    (5, 9)
    """
    pattern = _touched_re()
    first = pattern.search(text)
    if first is None:
        return 0, 0
    last = pattern.search(text[::-1])
    assert last is not None
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", len(text) - last.start())
    end = len(text) if end < 0 else end
    # Characters outside the BMP are not in the regex (they would slow it down): look for them apart.
    if _ASTRAL.search(text, 0, start) or _ASTRAL.search(text, end):
        return 0, len(text)
    return start, end


def to_simplified(text: str, engine: str = "auto", first: int = 0) -> tuple[str, list[Step]]:
    """Traditional ``text`` to Simplified: variants, OpenCC ``t2s``, then the ``著`` decision.

    ``first`` is the index of a Traditional character (for the example of the ``opencc_t2s`` step).
    Only the lines from the first to the last holding a character that one of these acts on
    (:func:`touched_lines`) are worked on; the steps' counts and examples are those of the whole text.
    The other fixes run only when one scan of those lines (:func:`_specials_in`) finds a character
    they act on.
    """
    start, end = touched_lines(text)
    if start == end:
        return text, []
    part = text[start:end] if start or end < len(text) else text
    head, tail = text[:start], text[end:]

    def whole(worked: str) -> str:
        return worked if part is text else head + worked + tail

    steps = []
    _, variants, protected = _variant_tables()
    present = _specials_in(part)
    mapped = part
    if not present.isdisjoint(variants):
        mapped, count = map_variants(part)
        index = _variant_tables()[0].search(text)
        example = _example(text, whole(mapped), index.start() if index else 0)
        steps.append(Step(STAGE, "variant", count, *example))
        present = _specials_in(mapped)
    phrased, count = fix_phrases(mapped)
    if count:
        mapped_text, phrased_text = whole(mapped), whole(phrased)
        index = _phrase_tables()[0].search(mapped_text)
        example = _example(mapped_text, phrased_text, index.start() if index else 0)
        steps.append(Step(STAGE, "phrase", count, *example))
        present = _specials_in(phrased)
        mapped = phrased
    shielded = mapped
    # Text holding a placeholder already is not shielded; its placeholders are restored like the others.
    had_placeholders = not present.isdisjoint(_placeholder_set())
    restore = protected.keys() if had_placeholders else present & protected.keys()
    if not had_placeholders:
        if _ZHE in present:
            shielded = shielded.replace(_ZHE, _PLACEHOLDER_ZHE)
        for char in restore:
            shielded = shielded.replace(char, protected[char])
    converted = convert_in_chunks(_engine("t2s", engine), shielded)
    changed = _count_changed(shielded, converted)
    converted = whole(converted)
    if changed:
        steps.append(Step(STAGE, "opencc_t2s", changed, *_example(whole(mapped), converted, first),
                          detail=_engine_label(engine)))
    for char in restore:
        converted = converted.replace(protected[char], char)
    if (had_placeholders or _ZHE in present) and _PLACEHOLDER_ZHE in converted:
        converted, particles, index = decide_zhe(converted, _PLACEHOLDER_ZHE)
        if particles:
            before, after = _example(whole(mapped), converted, index, 3)
            before = before.replace(_PLACEHOLDER_ZHE, _ZHE)
            steps.append(Step(STAGE, "zhe_particle", particles, before, after))
    return converted, steps


def convert(text: str, target: str = "zh-cn", *, engine: str = "auto") -> StageResult:
    """Return ``text`` in the script of ``target`` (``none`` leaves it as it is).

    ``zh-cn`` converts only text holding Traditional characters; ``zh-tw``/``zh-hk`` bring any text to
    Simplified first, then to the regional standard, and record one step: the net change (the fixes made
    on the way are named in its ``detail``). ``engine`` picks OpenCC's implementation: ``auto``
    (opencc_pyo3 when installed, else opencc-python-reimplemented), ``pyo3`` or ``python``.

    >>> convert("他看著我，著急地說").text
    '他看着我，着急地说'
    >>> convert("他看着我", "zh-tw").text
    '他看著我'
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")
    if target == "none" or not text:
        return StageResult(text=text)
    found = _traditional_re().search(text)
    steps: list[Step] = []
    simplified = text
    if found:
        simplified, steps = to_simplified(text, engine, found.start())
    if target == "zh-cn":
        return StageResult(text=simplified, steps=tuple(steps))
    config = REGIONAL_CONFIGS[target]
    regional = convert_in_chunks(_engine(config, engine), simplified)
    changed = _count_changed(text, regional)
    if not changed:
        return StageResult(text=text)
    pairs = enumerate(zip(text, regional, strict=False))
    index = found.start() if found else next((i for i, (a, b) in pairs if a != b), 0)
    via = ", ".join(f"{step.name} {step.count}" for step in steps if step.name != "opencc_t2s")
    detail = _engine_label(engine) + (f", via Simplified ({via or 'opencc_t2s'})" if found else "")
    step = Step(STAGE, f"opencc_{config}", changed, *_example(text, regional, index), detail=detail)
    return StageResult(text=regional, steps=(step,))
