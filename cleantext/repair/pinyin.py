"""Strip the pinyin that spam mirror sites append after characters: ``區(qū)`` → ``區``.

The sites annotate a per-page set of characters, each always with the same reading, in ASCII brackets,
with tone letters from GBK. A page shows that damage when it holds two or more such annotations with
consistent readings (or one, on a Traditional-only character or next to the tail form below); only
then are they all stripped. A lone gloss such as ``重(zhòng)`` in a language-teaching sentence,
characters glossed with several readings are left alone. Other shapes (tone numbers ``國(guo2)``,
full-width brackets ``國（guó）``, a space before the bracket) are stripped on stronger evidence
(:func:`fix_pinyin_variants`); a few glosses in them (``發（fā）現（xiàn）``) stay. The tail
form ``們?nèi)齻€`` (an annotation whose ``(`` a GBK restart swallowed) is not touched here: the GBK
restart fix, which runs later, needs it to recover the lost character.
"""

from __future__ import annotations

import re

from cleantext.result import Step

#: Letters of pinyin as GBK encodes them (tone-marked vowels, ü, ê, ḿ ń ň ǹ, the GBK forms ɑ ɡ).
TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ"
_PINYIN_LETTERS = "a-z" + TONE_LETTERS + "ɑɡ"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Capitals a reading may start with (proper names: ``北(Běi)京(Jīng)``).
CAPITALS = "A-ZĀÁǍÀĒÉĚÈŌÓǑÒ"
#: A Han character, or a numeric character reference to one (``&#38651;``, ``&#x96FB;``): pages that
#: write some characters as references annotate them too, and references are decoded only later.
HAN_OR_REFERENCE = rf"[{_HAN}]|&#[0-9]{{5,6}};|&#[xX][0-9a-fA-F]{{4,5}};"
#: A Han character (or a reference to one), then 1–7 pinyin letters in ASCII brackets, at least one of
#: them tone-marked; the first may be a capital.
ANNOTATION = re.compile(
    rf"({HAN_OR_REFERENCE})\((?=[{CAPITALS}]?[{_PINYIN_LETTERS}]{{0,6}}[{TONE_LETTERS}]|[ĀÁǍÀĒÉĚÈŌÓǑÒ])"
    rf"([{CAPITALS}]?[{_PINYIN_LETTERS}]{{0,6}})\)"
)
_QUICK = re.compile(rf"\((?=[{CAPITALS}]?[{_PINYIN_LETTERS}]{{0,6}}[{TONE_LETTERS}]|[ĀÁǍÀĒÉĚÈŌÓǑÒ])")
#: An annotation that a line break split: ``社區\n(qū)`` or ``社區(q\nū)`` (wrapped text).
SPLIT_ANNOTATION = re.compile(
    rf"([{_HAN}])(?:(\r?\n)\(([{CAPITALS}]?[{_PINYIN_LETTERS}]{{1,7}})\)"
    rf"|\(([{CAPITALS}]?[{_PINYIN_LETTERS}]{{0,6}})(\r?\n)([{_PINYIN_LETTERS}]{{1,6}})\))"
)
#: A pinyin syllable without its tone (tone letters folded to plain ones by ``_TONELESS``).
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|io|u|ua|uo|uai|ui"
    r"|uan|un|uang|ueng|ü|üe|üan|ün|ue|ve|v|van|vn|m|n|ng|ê)"
)
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹɑɡ", "aaaaeeeeiiiioooouuuuüüüümnnnag")

#: How many annotations a text must hold before it counts as damaged. One is enough when the text also
#: holds the ``?pinyin)`` tail that only this damage leaves, or when the annotated character is one only
#: Traditional script uses (the sites annotate those; a teacher glosses a polyphone such as 重).
MIN_ANNOTATIONS = 2
#: An annotation whose ``(`` a GBK restart swallowed: ``們?nèi)齻€``.
TAIL = re.compile(rf"\?(?=[{_PINYIN_LETTERS}]{{0,6}}[{TONE_LETTERS}])[{_PINYIN_LETTERS}]{{1,7}}\)")


def is_syllable(reading: str) -> bool:
    """True when ``reading`` is one pinyin syllable (tone marks and letter case ignored).

    Why: a capitalised reading may be a foreign name in brackets after its transcription, which is
    text: ``何塞(José)`` or ``贝利(Pelé)`` are no syllables, ``北(Běi)`` is.

    >>> is_syllable("Běi"), is_syllable("lǜ"), is_syllable("zhòng")
    (True, True, True)
    >>> is_syllable("José"), is_syllable("Pelé")
    (False, False)
    """
    return _SYLLABLE.fullmatch(reading.lower().translate(_TONELESS)) is not None


def _is_reading(m: re.Match[str]) -> bool:
    """A lowercase reading as the sites write it, or a capitalised one that is a pinyin syllable."""
    reading = m.group(2)
    return reading[0].islower() or is_syllable(reading)


def annotated_char(written: str) -> str:
    """The character an annotation follows, written as itself or as a numeric reference.

    Why: ``&#38651;(diàn)`` is the annotation ``電(diàn)`` on a page that also writes references; the
    reference is decoded by the markup fix, which runs after this one.

    >>> annotated_char("電"), annotated_char("&#38651;"), annotated_char("&#x96FB;")
    ('電', '電', '電')
    """
    if not written.startswith("&#"):
        return written
    digits = written[2:-1]
    return chr(int(digits[1:], 16) if digits[:1] in "xX" else int(digits))


def _traditional_only(ch: str) -> bool:
    from cleantext.convert import has_traditional  # the convert stage's table of Traditional-only characters

    return has_traditional(annotated_char(ch))


def looks_annotated(matches: list[re.Match[str]], tails: int = 0) -> bool:
    """True when ``matches`` look like the sites' damage, not like genuine glosses.

    Damage means several annotations, and (almost) every annotated character with only one reading.

    >>> looks_annotated(list(ANNOTATION.finditer("發(fā)現(xiàn)")))
    True
    >>> looks_annotated(list(ANNOTATION.finditer("發(fā)現")), tails=1)
    True
    >>> looks_annotated(list(ANNOTATION.finditer("真實(shí)性")))
    True
    >>> looks_annotated(list(ANNOTATION.finditer("重(zhòng)量")))
    False
    >>> looks_annotated(list(ANNOTATION.finditer("重(zhòng)重(chóng)行(xíng)行(háng)")))
    False
    """
    if len(matches) < MIN_ANNOTATIONS and not (matches and (tails or _traditional_only(matches[0].group(1)))):
        return False
    readings: dict[str, set[str]] = {}
    for m in matches:
        readings.setdefault(annotated_char(m.group(1)), set()).add(m.group(2))
    consistent = sum(len(r) == 1 for r in readings.values())
    return consistent >= 0.8 * len(readings)


def fix_pinyin_annotations(text: str) -> tuple[str, list[Step]]:
    """Remove pinyin annotations when the text shows that damage.

    >>> fix_pinyin_annotations("礦區(qū)發(fā)展,社區(qū)")[0]
    '礦區發展,社區'
    >>> fix_pinyin_annotations("这个字读重(zhòng)。")[0]
    '这个字读重(zhòng)。'
    >>> fix_pinyin_annotations("礦區(qū)發(fā)展,&#38651;(diàn)力")[0]  # a reference is annotated too
    '礦區發展,&#38651;力'
    """
    if "(" not in text and "（" not in text:
        return text, []
    if not _QUICK.search(text):
        return fix_pinyin_variants(text)
    matches = [m for m in ANNOTATION.finditer(text) if _is_reading(m)]
    if not looks_annotated(matches, len(TAIL.findall(text))):
        return fix_pinyin_variants(text)
    first = matches[0]
    new = ANNOTATION.sub(lambda m: m.group(1) if _is_reading(m) else m.group(0), text)
    new, split = _strip_split_annotations(new)
    new, toneless = _strip_toneless_annotations(new)
    split += toneless
    chars = sorted({annotated_char(m.group(1)) for m in matches})
    step = Step(
        stage="repair",
        name="pinyin_annotations",
        count=len(matches) + split,
        before=first.group(0),
        after=first.group(1),
        detail=f"{len(chars)} characters annotated: {''.join(chars[:40])}",
    )
    new, variants = fix_pinyin_variants(new, min_toned=1)  # the page is shown damaged
    return new, [step, *variants]


#: A Han character and its reading in another shape than the sites' usual ``區(qū)``: tone numbers
#: (``國(guo2)``), full-width brackets (``國（guó）``), a space before the bracket (``國 (guó)``).
VARIANT_ANNOTATION = re.compile(
    rf"([{_HAN}])([ \u3000]?)([(（])([{_PINYIN_LETTERS}]{{1,6}})([1-5]?)([)）])"
)
_VARIANT_QUICK = re.compile(rf"[(（][{_PINYIN_LETTERS}]{{1,6}}[1-5]?[)）]")


def _variant_reading(m: re.Match[str]) -> str | None:
    """The toneless syllable of a variant annotation, or None when it is no pinyin syllable."""
    reading = m.group(4)
    if m.group(5) and any(c in TONE_LETTERS for c in reading):
        return None  # a tone letter and a tone number: no pinyin writes both
    return reading.translate(_TONELESS) if is_syllable(reading) else None


def _is_toned(m: re.Match[str]) -> bool:
    return m.group(5) in ("1", "2", "3", "4") or any(c in TONE_LETTERS for c in m.group(4))


#: Toned annotations of the other shapes a page must hold (when the usual shape shows no damage): a
#: lesson glosses a few words (``發（fā）現（xiàn）``), a converter annotates every occurrence of its
#: characters, dozens on a page.
MIN_VARIANT_ANNOTATIONS = 4


#: ... or this many, when a Traditional-only character carries the same one at each of its occurrences.
MIN_REPEATED_ANNOTATIONS = 2


def _annotated_everywhere(chosen: set[str], annotated: dict[str, int]) -> bool:
    """True when a Traditional-only character of ``chosen`` is annotated at two places or more.

    Why: a lesson glosses a word where it is taught, once; a converter annotates its characters
    wherever they stand, so a character glossed again and again with one reading (``時(shi2)間 ...
    及時(shi2)``) is the damage even on a short page with few annotations.

    >>> _annotated_everywhere({"時"}, {"時": 2}), _annotated_everywhere({"時", "賣"}, {"時": 1, "賣": 1})
    (True, False)
    """
    return any(annotated[ch] >= 2 and _traditional_only(ch) for ch in chosen)


def fix_pinyin_variants(text: str, *, min_toned: int = MIN_VARIANT_ANNOTATIONS) -> tuple[str, list[Step]]:
    """Remove per-character pinyin in other shapes than ``區(qū)``, when the page shows that damage.

    Why: other converters write the readings with tone numbers, in full-width brackets or after a
    space. The evidence asked is the sites' kind: ``min_toned`` toned annotations (fewer on a page
    whose usual shape already showed the damage), every annotated
    character with one reading, and each annotated character annotated wherever it stands (a teacher
    glosses one occurrence of a word; a converter annotates every one). Lowercase readings only:
    ``日喀则 (Rìkāzé)`` is a gloss of a name.

    >>> fix_pinyin_variants("我們（men）說（shuō）,他們（men）說（shuō）,這（zhè）個（gè）")[0]
    '我們說,他們說,這個'
    >>> fix_pinyin_variants("國(guo2)家,國(guo2)際", min_toned=2)[0]
    '國家,國際'
    >>> fix_pinyin_variants("時（shí）間到了,及時（shí）出發")[0]  # annotated wherever it stands
    '時間到了,及時出發'
    >>> fix_pinyin_variants("發（fā）現（xiàn）和設（shè）")[0]
    '發（fā）現（xiàn）和設（shè）'
    >>> fix_pinyin_variants("“重”读作重（zhòng）,也读作重（chóng）。重量")[0]
    '“重”读作重（zhòng）,也读作重（chóng）。重量'
    >>> fix_pinyin_variants("行（xíng）的意思是走,行走。")[0]
    '行（xíng）的意思是走,行走。'
    """
    if not _VARIANT_QUICK.search(text):
        return text, []
    matches = [m for m in VARIANT_ANNOTATION.finditer(text) if _variant_reading(m) is not None]
    toned = sum(_is_toned(m) for m in matches)
    if toned < min(min_toned, MIN_REPEATED_ANNOTATIONS):
        return text, []
    readings: dict[str, set[str]] = {}
    for m in matches:
        readings.setdefault(m.group(1), set()).add(m.group(4) + m.group(5))
    annotated = {m.group(1): 0 for m in matches}
    for m in matches:
        annotated[m.group(1)] += 1
    chosen = {ch for ch, found in readings.items() if len(found) == 1 and text.count(ch) == annotated[ch]}
    if len(chosen) < 0.8 * len(readings) or not any(_is_toned(m) and m.group(1) in chosen for m in matches):
        return text, []
    if toned < min_toned and not _annotated_everywhere(chosen, annotated):
        return text, []
    count = 0

    def strip(m: re.Match[str]) -> str:
        nonlocal count
        if m.group(1) not in chosen or _variant_reading(m) is None:
            return m.group(0)
        count += 1
        return m.group(1)

    new = VARIANT_ANNOTATION.sub(strip, text)
    first = next(m for m in matches if m.group(1) in chosen)
    return new, [Step(stage="repair", name="pinyin_annotation_variants", count=count, before=first.group(0),
                      after=first.group(1), detail="".join(sorted(chosen))[:40] + " annotated")]


#: A reading in the neutral tone, which has no tone letter: ``們(men)``, ``麼(me)``.
TONELESS_ANNOTATION = re.compile(rf"([{_HAN}])\(([a-zü]{{1,6}})\)")


def _strip_toneless_annotations(text: str) -> tuple[str, int]:
    """Remove neutral-tone readings too (on a page shown to be damaged): ``他們(men)說`` → ``他們說``.

    Why: a neutral-tone syllable carries no tone letter, so the pattern that detects the damage cannot
    see it. Only a Traditional-only character whose every occurrence carries the same reading, and a
    reading that is one pinyin syllable, is taken; ``縮寫為(UN)`` and ``編號(abc)`` stay.

    >>> _strip_toneless_annotations("他們(men)說,我們(men)來")
    ('他們說,我們來', 2)
    >>> _strip_toneless_annotations("他們(men)說,我們來,型號(abc)")
    ('他們(men)說,我們來,型號(abc)', 0)
    """
    if "(" not in text:
        return text, 0
    readings: dict[str, set[str]] = {}
    for m in TONELESS_ANNOTATION.finditer(text):
        readings.setdefault(m.group(1), set()).add(m.group(2))
    chosen = {
        ch
        for ch, found in readings.items()
        if len(found) == 1
        and is_syllable(next(iter(found)))
        and _traditional_only(ch)
        and text.count(f"{ch}(") == text.count(ch)
    }
    if not chosen:
        return text, 0
    count = 0

    def strip(m: re.Match[str]) -> str:
        nonlocal count
        if m.group(1) not in chosen:
            return m.group(0)
        count += 1
        return m.group(1)

    return TONELESS_ANNOTATION.sub(strip, text), count


def _strip_split_annotations(text: str) -> tuple[str, int]:
    """Remove annotations a line break split, keeping the line break (on a page shown to be damaged).

    >>> _strip_split_annotations("社區\\n(qū)居民,社區(q\\nū)居民,重(zh\\nong)")
    ('社區\\n居民,社區\\n居民,重(zh\\nong)', 2)
    """
    if "\n" not in text or "(" not in text:
        return text, 0
    count = 0

    def strip(m: re.Match[str]) -> str:
        nonlocal count
        if m.group(2) is not None:
            reading, newline = m.group(3), m.group(2)
        else:
            reading, newline = m.group(4) + m.group(6), m.group(5)
        if len(reading) > 7 or not any(c in TONE_LETTERS for c in reading.lower()):
            return m.group(0)
        count += 1
        return m.group(1) + newline

    return SPLIT_ANNOTATION.sub(strip, text), count


def fix_revealed_annotations(before: str, after: str, page: str) -> tuple[str, list[Step]]:
    """Remove the annotations that a later fix revealed in the lines it decoded (``before`` → ``after``).

    Why: a page annotated by the sites and then saved with a line in the wrong codec hides that line's
    annotations from the first pass (``寰堝湅(gu贸)`` is no ``X(pīnyīn)`` before decoding). The sites
    annotate a per-page set of characters: a revealed annotation is taken when ``page`` (the text as
    it came, before any fix) annotated the same character elsewhere, or when the decoded lines by
    themselves hold the damage (two annotations or more, readings consistent). A gloss of the
    article's own (``蕁(qián)麻``) on a page whose set holds other characters stays.

    >>> fix_revealed_annotations("正文\\nx", "正文\\n很國(guó)家工作時(shí)間", "正文\\nx")[0]
    '正文\\n很國家工作時間'
    >>> fix_revealed_annotations("報\\nx", "報\\n時(shí)間", "報(bào)\\n時(shí)\\nx")[0]  # in the page's set
    '報\\n時間'
    >>> fix_revealed_annotations("報\\nx", "報\\n蕁(qián)麻", "報(bào)\\n時(shí)\\nx")[0]  # not in it
    '報\\n蕁(qián)麻'
    >>> fix_revealed_annotations("正文\\nx", "正文\\n讀作重(zhòng)", "正文\\nx")[0]
    '正文\\n讀作重(zhòng)'
    """
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines) or not _QUICK.search(after):
        return after, []
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    revealed = "\n".join(new_lines[i] for i in changed)
    matches = [m for m in ANNOTATION.finditer(revealed) if _is_reading(m)]
    if not matches:
        return after, []
    on_page = {annotated_char(m.group(1)) for m in ANNOTATION.finditer(page) if _is_reading(m)}
    alone = len(matches) >= MIN_ANNOTATIONS and looks_annotated(matches)
    taken = {annotated_char(m.group(1)) for m in matches if alone or annotated_char(m.group(1)) in on_page}
    if not taken:
        return after, []
    count = 0

    def strip(m: re.Match[str]) -> str:
        nonlocal count
        if not _is_reading(m) or annotated_char(m.group(1)) not in taken:
            return m.group(0)
        count += 1
        return m.group(1)

    for i in changed:
        new_lines[i] = ANNOTATION.sub(strip, new_lines[i])
    first = next(m for m in matches if annotated_char(m.group(1)) in taken)
    detail = f"{len(taken)} characters annotated: {''.join(sorted(taken))[:40]}"
    return "\n".join(new_lines), [Step(stage="repair", name="pinyin_annotations_revealed", count=count,
                                       before=first.group(0), after=first.group(1), detail=detail)]
