"""Scoring candidate readings of the same bytes: which decoding is the Chinese text?

Decode validity cannot tell GB from Big5 (gb18030 decodes almost every Big5 byte string), so each
candidate *reading* is scored as text: the shared character language model
(:func:`cleantext.langmodel.get_model`) gives its log-probability, and small script heuristics add a
penalty for characters a wrong reading typically produces (kana, Greek, Cyrillic, box drawing, Hangul,
private-use characters from GB read as Big5 or vice versa) and for undecodable bytes. The heuristics keep
the choice sane even when the model is missing; the model is what separates GB from Big5.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from cleantext import langmodel

#: Nats charged per character of a script a misread Chinese text produces.
FOREIGN_PENALTY = 4.0
#: Nats charged per undecodable byte sequence.
ERROR_PENALTY = 12.0
#: Characters of a reading scored by the model at most (a prefix): enough to decide, bounded in time.
SCORE_CHARS = 2000
#: Characters scored per round when racing readings, and the lead (nats) that ends the race.
RACE_CHUNK = 40
DECISIVE = 40.0

# What Chinese text is made of: ASCII, CJK ideographs (BMP, extension A, compatibility, planes 2-3),
# CJK symbols and punctuation, bopomofo, full-width forms, general punctuation, number forms,
# enclosed numbers, the middle dot and a few common symbols.
_NATIVE = (
    "\t\n\r\x20-\x7e\u00a0\u00b7\u00d7\u00f7\u00b0\u00a7"
    "\u2010-\u203b\u2103\u2116\u2160-\u216b\u2190-\u2193\u2460-\u249b\u25a0-\u25cf\u2605\u2606"
    "\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
)
_PATTERNS = {
    "foreign": f"[^{_NATIVE}]",
    "hanzi": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]",
    "hanzi_run": r"[\u3400-\u4dbf\u4e00-\u9fff]{3}",
    # A hanzi between two ASCII letters: accented Latin letters read as GB/Big5 (für -> f黵).
    "latin_sandwich": r"[A-Za-z][\u3400-\u9fff\uf900-\ufaff][A-Za-z]",
    # A non-ASCII character right next to an ASCII letter: how European text looks (café, Noël).
    "in_latin_word": r"[A-Za-z][^\x00-\x7f]|[^\x00-\x7f][A-Za-z]",
}


@cache
def pattern(name: str) -> re.Pattern[str]:
    """The regex ``name`` of ``_PATTERNS``, compiled on first use (big classes cost milliseconds each,
    too much for import time).

    >>> bool(pattern("hanzi").search("abc中"))
    True
    """
    return re.compile(_PATTERNS[name])


@dataclass(frozen=True)
class Reading:
    """One candidate decoding of some bytes and its score (natural log; higher is better)."""

    encoding: str
    text: str
    errors: int
    score: float
    mean: float  # model log-probability per character (no penalties)
    foreign: int
    hanzi: int
    scored: int  # characters scored


def decode_counting(data: bytes | memoryview, encoding: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes and return the text and how many bad sequences there were.

    >>> decode_counting(b"\\xe4\\xb8\\xad\\xff", "utf-8")
    ('中\\ufffd', 1)
    """
    try:
        return str(data, encoding), 0
    except UnicodeDecodeError:
        text = str(data, encoding, "replace")
        return text, text.count("\ufffd")


def read_all(data: bytes | memoryview, encodings: tuple[str, ...]) -> list[Reading]:
    """Decode ``data`` with each encoding and rank the readings as Chinese text, best first.

    >>> read_all("新闻".encode("gbk"), ("gb18030", "big5hkscs"))[0].text
    '新闻'
    """
    return rank([(enc, *decode_counting(data, enc)) for enc in encodings])


def score_text(text: str, encoding: str, errors: int = 0) -> Reading:
    """Score ``text`` (a reading in ``encoding`` with ``errors`` bad sequences) on its own.

    Why: a wrong reading of Chinese bytes is full of foreign scripts and rare characters; the model
    log-probability plus script penalties ranks the true reading first.

    >>> good = score_text("今天的新闻", "gb18030")
    >>> bad = score_text("准ぱ穝籇", "gb18030")  # Big5 bytes read as GB: kana appear
    >>> good.score > bad.score
    True
    """
    return rank([(encoding, text, errors)])[0]


def rank(candidates: list[tuple[str, str, int]]) -> list[Reading]:
    """Score readings ``(encoding, text, errors)`` of the same bytes side by side, best first.

    The readings are scored in chunks of ``RACE_CHUNK`` characters over the same number of characters
    each, and scoring stops as soon as the leader is ahead by ``DECISIVE`` nats (or after
    ``SCORE_CHARS``): a wrong reading usually loses within a few dozen characters, so long inputs cost
    little more than short ones. A lone loser that its penalties alone put ``DECISIVE`` nats behind
    (a log-probability is at most 0) is not scored by the model: its score is that bound
    (:func:`_race_round`), which changes neither the order nor the confidence.

    >>> [r.encoding for r in rank([("big5hkscs", "瓣ホ猳", 0), ("gb18030", "新闻报道", 0)])]
    ['gb18030', 'big5hkscs']
    """
    model = langmodel.get_model()
    count = len(candidates)
    texts = [text for _, text, _ in candidates]
    logprob = [0.0] * count
    foreign = [0] * count
    hanzi = [0] * count
    penalty = [ERROR_PENALTY * errors for _, _, errors in candidates]
    limit = min(SCORE_CHARS, min(map(len, texts)))
    foreign_re, hanzi_re = pattern("foreign"), pattern("hanzi")
    pos = 0
    while pos < limit:
        end = min(limit, pos + RACE_CHUNK)
        chunks = [text[pos:end] for text in texts]
        for k, chunk in enumerate(chunks):
            foreign[k] += len(foreign_re.findall(chunk)) - chunk.count("\ufffd")
            hanzi[k] += len(hanzi_re.findall(chunk))
        pos = end
        if _race_round(model, chunks, logprob, foreign, penalty):
            break
    readings = [
        Reading(enc, text, errors, logprob[k] - FOREIGN_PENALTY * foreign[k] - penalty[k],
                logprob[k] / pos if pos else 0.0, foreign[k], hanzi[k], pos)
        for k, (enc, text, errors) in enumerate(candidates)
    ]
    return sorted(readings, key=lambda r: r.score, reverse=True)


def _race_round(
    model: langmodel.CharModel, chunks: list[str], logprob: list[float], foreign: list[int],
    penalty: list[float],
) -> bool:
    """Add the model scores of one round of :func:`rank` to ``logprob``; True when the race is decided.

    Why: the model is the costly part (microseconds per character). Log-probabilities are at most 0, so
    a reading's score is at most its score so far minus its penalties; when that bound puts the only
    other reading more than ``DECISIVE`` nats behind the first one scored, the race ends this round
    whatever the model says, and the loser's score is left at the bound. Its true score is lower too:
    the order is the same, and its weight in the confidence (:func:`best_two`) is below exp(-20).

    >>> lp = [0.0, 0.0]
    >>> _race_round(langmodel.get_model(), ["新闻", "\\ufffd\\ufffd"], lp, [0, 0], [0.0, 10 * ERROR_PENALTY])
    True
    >>> lp[1]  # the loser was not scored
    0.0
    """
    count = len(chunks)
    if count == 1:
        logprob[0] += model.logprob(chunks[0])
        return False
    bound = [logprob[k] - FOREIGN_PENALTY * foreign[k] - penalty[k] for k in range(count)]
    if count == 2:
        lead = 0 if bound[0] >= bound[1] else 1
        logprob[lead] += model.logprob(chunks[lead])
        if bound[1 - lead] < logprob[lead] - FOREIGN_PENALTY * foreign[lead] - penalty[lead] - DECISIVE:
            return True
        logprob[1 - lead] += model.logprob(chunks[1 - lead])
    else:
        for k, chunk in enumerate(chunks):
            logprob[k] += model.logprob(chunk)
    top, second = sorted(
        (logprob[k] - FOREIGN_PENALTY * foreign[k] - penalty[k] for k in range(count)), reverse=True
    )[:2]
    return top - second > DECISIVE


def best_two(ranked: list[Reading]) -> tuple[Reading, Reading | None, float]:
    """The best reading, the runner-up and the confidence in the best one, in [0, 1].

    ``ranked`` comes from :func:`rank`. Confidence is the posterior of the best reading against all
    others, treating score differences as log-likelihood ratios, softened (divided by 2) since the model
    is not calibrated.

    >>> a, b, conf = best_two(rank([("x", "新闻", 0), ("y", "\\ufffd", 1)]))
    >>> (a.encoding, b.encoding, conf > 0.9)
    ('x', 'y', True)
    """
    best = ranked[0]
    total = sum(math.exp(min(0.0, (r.score - best.score) / 2)) for r in ranked)
    return best, (ranked[1] if len(ranked) > 1 else None), 1.0 / total


def has_foreign(text: str) -> bool:
    """True when ``text`` holds a character of a script misread Chinese produces (kana, Greek, PUA...).

    >>> has_foreign("新闻，2024年"), has_foreign("陪ぱ")
    (False, True)
    """
    return pattern("foreign").search(text) is not None


# Two-byte UTF-8 characters (U+0080-U+07FF) by block: (last code point, class). Class "" = symbols that
# go with any script; "?" = what real text almost never holds outside a Latin word (C1 controls, Latin
# Extended-B, IPA, spacing modifiers, combining marks, historic Cyrillic, Syriac, Thaana, NKo...).
_TWO_BYTE_BLOCKS = (
    (0x9F, "?"), (0xBF, ""), (0x17F, "latin"), (0x36F, "?"), (0x3FF, "greek"), (0x45F, "cyrillic"),
    (0x52F, "?"), (0x58F, "armenian"), (0x5FF, "hebrew"), (0x6FF, "arabic"), (0x7FF, "?"),
)


def _two_byte_class(ch: str) -> str:
    if unicodedata.category(ch) == "Cn":
        return "?"  # unassigned
    code = ord(ch)
    for last, name in _TWO_BYTE_BLOCKS:
        if code <= last:
            return name
    return "?"


def looks_like_misread_legacy(utf8_text: str) -> bool:
    """True when a short valid-UTF-8 reading looks like GB/Big5 bytes that happen to be valid UTF-8.

    Why: some GBK or Big5 characters are valid UTF-8 by chance (学校 in GBK reads "ѧУ", 欧元 "ŷԪ"): each
    2-byte character lands in a random block, so the reading mixes scripts (Latin with Armenian) or holds
    characters real text does not (historic Cyrillic, IPA, C1 controls). Real UTF-8 keeps one script and
    has its accented letters inside Latin words. Only a suspicious reading is compared with GB/Big5.

    >>> [looks_like_misread_legacy(t) for t in ("ŷԪ", "ѧУ", "ũҵ")]
    [True, True, True]
    >>> [looks_like_misread_legacy(t) for t in ("Café", "Привет", "Ελλάδα", "£100", "«ÄÖÜ»", "中文")]
    [False, False, False, False, False, False]
    """
    if utf8_text.isascii() or pattern("hanzi").search(utf8_text):
        return False
    if pattern("in_latin_word").search(utf8_text) or is_utf8_read_as_latin1(utf8_text):
        return False
    classes = {_two_byte_class(ch) for ch in utf8_text if "\x80" <= ch < "\u0800"}
    classes.discard("")
    return "?" in classes or len(classes) >= 2


def is_utf8_read_as_latin1(text: str) -> bool:
    """True when ``text`` is CJK UTF-8 read as Latin-1/cp1252 (C1 controls kept), saved again as UTF-8.

    Why: such mojibake (``å\x8f\x91å¸\x83`` for 发布) is full of C1 controls and mixes letters of
    several blocks, so on a short input it looks like GB bytes valid as UTF-8 by chance; but GB bytes
    never spell UTF-8 a second time. Kept as UTF-8, the repair stage turns it back into 发布.

    >>> [is_utf8_read_as_latin1(t) for t in ("å\x8f\x91å¸\x83", "ŷԪ", "Café")]
    [True, False, False]
    """
    try:
        inner = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            inner = bytes(ord(c) if ord(c) < 0x100 else _CP1252_BYTE[c] for c in text)
        except KeyError:
            return False
    try:
        return pattern("hanzi").search(inner.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


#: cp1252's characters for 0x80-0x9F, back to their bytes.
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0)
                if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def is_surely_utf8(text: str) -> bool:
    """True when valid UTF-8 ``text`` cannot be GB/Big5 bytes that decode as UTF-8 by chance.

    Evidence: three hanzi in a row (nine aligned bytes), an accented letter inside a Latin word, or at
    least four 2-byte characters of one script. Used to decide that a page holds UTF-8 parts.

    >>> [is_surely_utf8(t) for t in ("新闻稿", "Café", "Привет", "£100")]
    [True, True, True, False]
    >>> is_surely_utf8("ŷԪ")  # 欧元 in GBK
    False
    """
    if pattern("hanzi_run").search(text) or pattern("in_latin_word").search(text):
        return True
    wide = sum(1 for ch in text if "\x80" <= ch < "\u0800")
    return wide >= 4 and not looks_like_misread_legacy(text)


def is_plausible_chinese(reading: Reading, min_mean: float) -> bool:
    """True when ``reading`` looks like Chinese text: few errors and foreign characters, no hanzi inside
    Latin words, a decent model score.

    ``min_mean`` is the lowest acceptable model log-probability per character; it is only applied when
    the reading has enough hanzi to judge (short texts get the benefit of the doubt).

    >>> is_plausible_chinese(score_text("今天的新闻很好", "gb18030"), -20.0)
    True
    >>> is_plausible_chinese(score_text("ぱぴぷぺぽ", "gb18030"), -20.0)
    False
    >>> is_plausible_chinese(score_text("Die Mieterh鰄ungen f黵 alle", "gb18030"), -20.0)
    False
    """
    if reading.errors > max(1, len(reading.text) // 200):
        return False
    sandwiched = len(pattern("latin_sandwich").findall(reading.text, 0, reading.scored))
    if sandwiched and sandwiched * 4 >= max(1, reading.hanzi):
        return False
    if reading.foreign > max(1, (reading.foreign + reading.hanzi) // 5):
        return False
    return not (reading.hanzi >= 20 and reading.mean < min_mean)


def is_plausible_prefix(encoding: str, text: str, errors: int, min_mean: float) -> bool:
    """:func:`is_plausible_chinese` of ``text`` scored alone (``rank([(encoding, text, errors)])[0]``),
    with the model consulted only when the cheap checks pass, and only until the answer is certain.

    Why: the model costs microseconds per character; errors, foreign characters and hanzi in Latin
    words are counted by regex, and the running log-probability only goes down, so a running mean
    already below ``min_mean`` settles it.

    >>> is_plausible_prefix("gb18030", "今天的新闻很好" * 3, 0, -20.0)
    True
    >>> is_plausible_prefix("gb18030", "Die Mieterh鰄ungen f黵 alle", 0, -20.0)
    False
    """
    size = len(text)
    if errors > max(1, size // 200):
        return False
    foreign = len(pattern("foreign").findall(text)) - text.count("\ufffd")
    hanzi = len(pattern("hanzi").findall(text))
    sandwiched = len(pattern("latin_sandwich").findall(text))
    if sandwiched and sandwiched * 4 >= max(1, hanzi):
        return False
    if foreign > max(1, (foreign + hanzi) // 5):
        return False
    if hanzi < 20:
        return True
    model = langmodel.get_model()
    limit = min(SCORE_CHARS, size)
    logprob = 0.0
    for pos in range(0, limit, RACE_CHUNK):
        logprob += model.logprob(text[pos:min(limit, pos + RACE_CHUNK)])
        if logprob / limit < min_mean:
            return False
    return True
