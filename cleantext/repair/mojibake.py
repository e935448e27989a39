"""Undo text decoded with the wrong codec: ``鍙戝竷`` → ``发布``, ``ä¸­æ–‡`` → ``中文``.

Each kind of mojibake is a pair (codec the text was wrongly read with, codec it was written in). The
repair works per line: a cheap regex looks for characters typical of the kind (so clean text costs
microseconds); a line that shows them is turned back into the bytes the wrong codec read and decoded
with the right one. That decoding tolerates loss: a ``?`` or U+FFFD where the wrong codec gave up is an
unknown byte, full-width forms that the site folded to ASCII (``！`` → ``!``, byte pair A3xx) are tried
both ways, and characters that do not belong to the damage are kept as they are. A dynamic programme
picks the reading with the fewest unknowns. A character with an unknown byte is guessed by the language
model among the characters its known bytes allow, narrowed by the wrong codec (it gave ``?`` only where
the lost byte and the next one made no character), with the line and the page's clean lines as context
(names and terms used elsewhere), in the script of the line, adjacent unknowns jointly; it is dropped
and counted as lost when nothing fits or no model is loaded. Steps report both counts. The repaired
line is kept only when the language model scores it clearly better than the line as it was, and scores
like running Chinese text.
A short line (a title, a name, a byline: ``SHORT_LINE``) needs one sign only, and is then judged with
its page: at the page's gates when other lines show the same damage, else only when its reading scores
far better (``SHORT_MIN_GAIN``), has two characters at least and is mostly known bytes.
A reading that still looks like garbage is decoded again, so double layers (``UTF-8 → GBK → UTF-8 →
cp1252``) come undone one layer at a time. When the outer layer lost bytes (UTF-8 read as GBK with ``?``,
saved as UTF-8 and read as GBK again; or read as cp1252, then as GBK), its characters with lost bytes
are not guessed as Chinese text (they are mojibake): they are left open, and the inner layer keeps
those readings that fit its own byte structure and lets the language model choose among them with the
inner text's characters (see "double layers" below). A line whose layers cannot be read that way is
left as it is.

Kinds: UTF-8 read as GBK, as Big5 and as cp1252/latin-1 (with C1 controls as browsers give them), Big5
read as GBK, GBK read as Big5, and GBK or Big5 read as cp1252/latin-1. UTF-8 read as Big5 with ``?``
loses about a third of its bytes: such a line is left as it is (a UTF-8 reading that is more than 30 %
guesswork is refused).
"""

from __future__ import annotations

import codecs
import contextlib
import math
import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate as itertools_accumulate
from itertools import compress, islice, product

from cleantext.langmodel import DocumentCache, fold, get_model
from cleantext.repair.markup import read_references
from cleantext.result import Step

#: How much better (mean natural-log probability per character) a repaired line must score.
MIN_GAIN = 0.5
#: ... and score at least this much itself (running Chinese text scores about -3 to -7; a wrong reading
#: of Japanese or Greek as Big5 mojibake gives Chinese-looking garbage near -10).
MIN_RESULT_SCORE = -8.5
#: Lines a kind must have repaired on a page before the page counts as showing it ...
PAGE_EVIDENCE = 2
#: ... and then the score its other lines' repairs must reach (short lines of rare terms and digits
#: read well below running text).
PAGE_MIN_RESULT_SCORE = -10.5
#: A lossless reading that scores this well (running Chinese text: -3 to -7) spares the lossy programme
#: of the other kinds, which costs milliseconds a line.
GOOD_SCORE = -7.0
#: A line of at most this many characters (a title, a name, a byline) is short: one sign of a kind is
#: enough to try its repair (a 2-character title ``长城`` read as GBK, ``闀垮煄``, shows one sign) ...
SHORT_LINE = 12
#: ... and, when the page shows no such damage on other lines, its repair must gain this much (mean nats
#: per character): a short line of rare but genuine characters reads poorly too, and a double-byte codec
#: reads almost any short line as something. Measured on short titles: right repairs gain 2.9 to 12;
#: readings of clean short lines that also pass the other gates gain up to 1.5.
SHORT_MIN_GAIN = 2.5
#: Rounds of repair per line (one per layer of mojibake).
MAX_LAYERS = 3
#: A reading of more layers must beat a shorter one by this much (mean natural log per character): two
#: lossy layers (cp1252 → Big5 → GBK) can end on the one-layer reading (cp1252 → GBK) less a rare
#: character, which scores a hair better per character.
LAYER_COST = 0.5
#: A character with an unknown byte is guessed only when the best candidate leads by this much (nats).
#: 0: always guess (a wrong guess costs no more than a dropped character; measured 98.7 % of characters
#: right against 95.6 % with a margin of 2).
GUESS_MARGIN = 0.0

_COST_VERBATIM = 4.0  # a character kept as it is inside a line being decoded
_COST_HOLE = 1.0  # an unknown byte
_COST_FOLDED = 0.6  # an ASCII character read as the full-width form it was folded from
_COST_SHORT_LEAD = 0.3  # an unknown lead byte read as a 2- or 4-byte lead (3 is the CJK norm)
_UNKNOWN = -1  # an unknown byte that the wrong codec could not read together with the byte after it
_UNKNOWN_FREE = -2  # an unknown byte with no such constraint

# --- codecs --------------------------------------------------------------------------------------


def _gbk_bytes(ch: str) -> bytes | None:
    """The bytes a GBK-family decoder turned into ``ch`` (cp936's euro sign and user areas included)."""
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        pass
    if ch == "€":
        return b"\x80"
    if 0xE815 <= ord(ch) <= 0xE864:  # FE50–FEA0 as cp936 decoders map them
        trail = ord(ch) - 0xE815 + 0x50
        return bytes([0xFE, trail + (trail >= 0x7F)])
    if "\ue000" <= ch <= "\uf8ff":
        try:
            b = ch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        return b if len(b) == 2 else None
    return None


def _big5_bytes(ch: str) -> bytes | None:
    for codec in ("big5", "cp950"):
        try:
            return ch.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def _cp1252_bytes(ch: str) -> bytes | None:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return bytes([ord(ch)]) if ord(ch) < 0x100 else None


def _latin1_fallback(err: UnicodeError) -> tuple[bytes, int]:
    """Encode error handler: characters below U+0100 (C1 controls as browsers give them) as themselves."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    chunk = err.object[err.start : err.end]
    if all(ord(c) < 0x100 for c in chunk):
        return chunk.encode("latin-1"), err.end
    raise err


def _latin1_or_replace(err: UnicodeError) -> tuple[bytes, int]:
    """Like ``_latin1_fallback``, with ``?`` for anything else."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    chunk = err.object[err.start : err.end]
    return bytes(ord(c) if ord(c) < 0x100 else 0x3F for c in chunk), err.end


codecs.register_error("cleantext.latin1", _latin1_fallback)
codecs.register_error("cleantext.latin1-replace", _latin1_or_replace)


@dataclass(frozen=True)
class Kind:
    """One kind of mojibake: text written in ``source`` was read as ``wrong``."""

    name: str
    wrong: str
    source: str
    char_bytes: Callable[[str], bytes | None]
    folds_fullwidth: bool  # the wrong codec gives full-width forms that sites fold to ASCII
    superset: str  # a codec that encodes everything ``wrong`` gives (user areas included)
    errors: str = "strict"  # error handler that completes ``wrong`` when encoding
    #: What reading a ``?`` as itself costs (the byte ``3F``); a lost byte costs ``_COST_HOLE``.
    question_mark_cost: float = 1.5


KINDS = (
    Kind("utf8_as_gbk", "gbk", "utf-8", _gbk_bytes, True, "gb18030"),
    Kind("utf8_as_big5", "big5", "utf-8", _big5_bytes, False, "cp950"),
    Kind("utf8_as_cp1252", "cp1252", "utf-8", _cp1252_bytes, False, "cp1252", "cleantext.latin1"),
    Kind("big5_as_gbk", "gbk", "big5", _gbk_bytes, True, "gb18030"),
    Kind("gbk_as_big5", "big5", "gbk", _big5_bytes, False, "cp950"),
    # A legacy GB or Big5 page shown as Windows-1252 / Latin-1 (``ÄãºÃ`` for 你好).
    Kind("gbk_as_cp1252", "cp1252", "gbk", _cp1252_bytes, False, "cp1252", "cleantext.latin1"),
    Kind("big5_as_cp1252", "cp1252", "big5", _cp1252_bytes, False, "cp1252", "cleantext.latin1"),
)

# --- signs of each kind ----------------------------------------------------------------------------


def _pairs_class(codec: str, leads: range, trails: range) -> str:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


def _not_gb2312(chars: str) -> str:
    out = []
    for c in chars:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            out.append(c)
    return "".join(out)


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_HAN = re.compile("[\u4e00-\u9fff]")


def utf8_as_gbk_share(line: str) -> float:
    """Share of ``line``'s Han characters that are typical of UTF-8 read as GBK (``浠 涓 鍙``...): 0.3 to
    0.4 on such mojibake, under 0.1 on text, GBK restart damage included; 0.0 without Han characters.

    >>> utf8_as_gbk_share("鍙戝竷鏃堕棿锛氬寳浜"), utf8_as_gbk_share("发布时间：北京")
    (0.3, 0.0)
    """
    han = len(_HAN.findall(line))
    return len(_signs()["utf8_as_gbk"].findall(line)) / han if han else 0.0


@lru_cache(maxsize=1)
def _signs() -> dict[str, re.Pattern[str]]:
    """The sign regex of each kind, and ``any``: a character of any of them."""
    return _kind_signs()


def _kind_signs() -> dict[str, re.Pattern[str]]:
    """Per kind, a regex for characters that the kind produces and clean text seldom holds.

    UTF-8 leads of CJK (E3–E9) followed by a continuation byte, read as a GBK or Big5 pair, give
    characters such as 鍙 涓 鐨 銆 锛 — rare in real text, in every line of this mojibake.
    """
    utf8_lead, cont = range(0xE3, 0xEA), range(0x80, 0xC0)
    cp1252_cont = _class("".join(_cp1252_char(b) for b in cont) + "".join(chr(b) for b in range(0x80, 0xA0)))
    chars = {
        "utf8_as_gbk": _pairs_class("gbk", utf8_lead, cont),
        "utf8_as_big5": _pairs_class("big5", utf8_lead, cont),
        # Big5 text read as GBK: Big5's leads A4–A9 fall on GBK's kana, Greek, Cyrillic and pinyin rows.
        "big5_as_gbk": "".join(map(chr, [*range(0x3041, 0x30F7), *range(0x391, 0x3CA), *range(0x410, 0x450)]))
        + "".join(map(chr, [*range(0x101, 0x1DD), *range(0x2500, 0x254C)])),
        # GBK text read as Big5: GBK's frequent leads C9–D7 fall on Big5's rare characters (level 2;
        # those that GB2312 also holds are left out: Simplified text uses them), and GBK's full-width
        # punctuation (A3xx, A1xx) on Big5's bopomofo and small forms: ，→ㄛ 。→﹝.
        "gbk_as_big5": _not_gb2312(_pairs_class("big5", range(0xC9, 0xD8), range(0xA1, 0xFF)))
        + _not_gb2312(_pairs_class("big5", range(0xA1, 0xA2), range(0xA1, 0xFF)))
        + _pairs_class("big5", range(0xA3, 0xA4), range(0xA1, 0xFF)),
    }
    signs = {name: re.compile(_class(c)) for name, c in chars.items()}
    latin = _utf8_latin_as_gbk()
    signs["utf8_as_gbk"] = re.compile(_class(chars["utf8_as_gbk"]) + "|" + latin)
    # UTF-8 of CJK (leads E2-E9, two continuation bytes) or, a layer further out, of a Latin-1 character
    # (leads C2, C3: ``Ã¤Â¸Â­`` is 中 encoded twice).
    signs["utf8_as_cp1252"] = re.compile("[\u00e2-\u00e9]" + cp1252_cont + cp1252_cont
                                         + "|[\u00c2\u00c3]" + cp1252_cont)
    # A double-byte character read as cp1252: two characters of its upper half in a row (Latin text
    # seldom puts two accented letters side by side); the trail byte may also be an ASCII letter.
    high = _class("".join(_cp1252_char(b) for b in range(0x81, 0xFF)))
    signs["gbk_as_cp1252"] = signs["big5_as_cp1252"] = re.compile(high + high)
    # (the pairs above, but for the rare ones among them, are frequent characters: ``any`` holds those
    # only, so that clean text does not wake the line-by-line test)
    every = set("".join(chars.values())) | set(_rare(_latin_pairs()))
    signs["any"] = re.compile(_class("".join(sorted(every))) + "|[\u00c2\u00c3\u00e2-\u00e9]|" + high + high)
    return signs


def _utf8_latin_as_gbk() -> str:
    """A regex for UTF-8 text read as cp1252 and then, one layer further out, as GBK.

    The UTF-8 leads of CJK (E3–E9), as cp1252 ``ã``–``é``, are UTF-8 ``C3 A3``–``C3 A9``: GBK pairs
    茫 盲 氓 忙 莽 猫 茅, each followed by the pair of a continuation byte's cp1252 form (``»`` ``C2 BB``
    → 禄, ``”`` ``E2 80 9D`` → 鈥). Out of step by a byte, the pairs are a lead's second byte and a
    continuation's first: kana, Greek and box-drawing forms (``A4 C2`` → ぢ). Clean corpus lines hold
    these at a density of 0.009 at most; damaged ones at 0.11 at least.
    """
    conts = [_cp1252_char(b).encode("utf-8") for b in range(0x80, 0xC0)]
    leads = _pairs_class("gbk", range(0xC3, 0xC4), range(0xA3, 0xAA))
    out_of_step = {bytes([a]) + c[:1] for a in range(0xA3, 0xAA) for c in conts}
    return _class(leads) + _class(_latin_pairs()) + "|" + _class(_decodable_pairs(out_of_step))


def _latin_pairs() -> str:
    """The GBK characters of the first two UTF-8 bytes of each continuation byte's cp1252 form."""
    return _decodable_pairs({_cp1252_char(b).encode("utf-8")[:2] for b in range(0x80, 0xC0)})


def _rare(chars: str) -> str:
    """Those of ``chars`` that neither script uses much: outside GB2312 and Big5's level 1.

    >>> _rare("鈥聽禄")  # 聽 is Big5 level 1 (Traditional 听), 禄 GB2312
    '鈥'
    """
    out = []
    for c in _not_gb2312(chars):
        try:
            big5 = c.encode("big5")
        except UnicodeEncodeError:
            big5 = b"\xff"
        if big5 >= b"\xc9\x40":
            out.append(c)
    return "".join(out)


def _decodable_pairs(pairs: set[bytes]) -> str:
    out = set()
    for pair in pairs:
        with contextlib.suppress(UnicodeDecodeError):
            out.add(pair.decode("gbk"))
    return "".join(sorted(out))


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


#: Per kind, the share of a line's characters that must be signs before its repair is tried (in clean
#: corpus lines the 99th percentile is 0.012, 0, 0, 0.003, 0.042; in damaged ones the 5th is 0.25, 0.09,
#: 0.23, 0.049, 0.21).
_MIN_DENSITY = {
    "utf8_as_gbk": 0.08, "utf8_as_big5": 0.04, "utf8_as_cp1252": 0.08, "big5_as_gbk": 0.035,
    "gbk_as_big5": 0.1, "gbk_as_cp1252": 0.15, "big5_as_cp1252": 0.15,
}


def _shows_signs(kind: Kind, line: str, *, short: bool = False) -> bool:
    """True when enough of ``line`` looks like ``kind``'s output to be worth a repair attempt; for a
    ``short`` line (see ``_short_enough``) one sign is enough."""
    found = len(_signs()[kind.name].findall(line))
    return _enough(kind, found, len(line)) or (short and _short_enough(found, _short_length(line)))


def _enough(kind: Kind, found: int, length: int) -> bool:
    return found >= 2 and found >= _MIN_DENSITY[kind.name] * length


_DATE_AND_TIME = re.compile(r"[\d\s:./-]")


def _short_length(line: str) -> int:
    """The length of ``line`` that counts towards ``SHORT_LINE``: dates, times and spaces left out.

    Why: a byline (``2024-05-01 来源：某某日报``) is a short field of text beside a date; its digits
    say nothing about the damage and would make it look long.

    >>> _short_length(" 2024-05-01 10:15 来源：某某日报 ")
    7
    """
    return len(line) - len(_DATE_AND_TIME.findall(line))


def _short_enough(found: int, length: int) -> bool:
    """One sign is enough on a line of at most ``SHORT_LINE`` characters.

    Why: a 2-character title read with the wrong codec holds one or two signs (``闀垮煄`` for 长城 has
    one: only a pair that starts on a UTF-8 lead byte looks typical), below the two that longer lines
    must show. The stricter gates of the short-line repair make up for it.

    >>> _short_enough(1, 4), _short_enough(1, 30), _short_enough(0, 2)
    (True, False, False)
    """
    return found >= 1 and length <= SHORT_LINE


# --- the language model ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _model_is_trained() -> bool:
    """False while the language model is the flat stub or cannot load (a cruder score stands in)."""
    try:
        model = get_model()
        return model.mean_logprob("的是") != model.mean_logprob("鍙戝")
    except Exception:  # noqa: BLE001 - a broken or missing data file must not stop the repair
        return False


@lru_cache(maxsize=8192)
def _fallback_char_score(ch: str) -> float:
    """A crude log-probability: frequent characters (GB2312 or Big5 level 1) score high."""
    if ch < "\x80":
        return -3.0
    cat = unicodedata.category(ch)
    if cat in ("Co", "Cc", "Cn", "Cs") or ch == "\ufffd":
        return -16.0
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
        return -4.0
    if cat == "Lo":
        for codec, low, high in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E)):
            try:
                b = ch.encode(codec)
            except UnicodeEncodeError:
                continue
            if low <= int.from_bytes(b, "big") <= high:
                return -7.0
        return -11.0
    return -9.0


def plausibility(text: str) -> float:
    """Mean log-probability per character of ``text`` (the language model, or a crude stand-in)."""
    if not text:
        return 0.0
    if _model_is_trained():
        return get_model().mean_logprob(text)
    return sum(_fallback_char_score(c) for c in text) / len(text)


# --- lossy decoding --------------------------------------------------------------------------------


#: Trail bytes of the double-byte codecs a line may be read back into.
_TRAILS = {"big5": (range(0x40, 0x7F), range(0xA1, 0xFF)), "gbk": (range(0x40, 0x7F), range(0x80, 0xFF))}


def _step(source: str, k: int, byte: int) -> int | None:
    """State of a ``source`` decoder after ``byte`` when ``k`` more bytes were due; None if invalid."""
    if source == "utf-8":
        return _utf8_step(k, byte)
    if k:
        return 0 if any(byte in r for r in _TRAILS[source]) else None
    return 0 if byte < 0x80 else 1 if 0x81 <= byte <= 0xFE else None


def _utf8_step(k: int, byte: int) -> int | None:
    """UTF-8 state after ``byte`` when ``k`` continuation bytes were due; None if invalid."""
    if k:
        return k - 1 if 0x80 <= byte <= 0xBF else None
    if byte < 0x80:
        return 0
    if 0xC2 <= byte <= 0xDF:
        return 1
    if 0xE0 <= byte <= 0xEF:
        return 2
    if 0xF0 <= byte <= 0xF4:
        return 3
    return None


#: The GBK bytes of the full-width form that a site folded to each printable ASCII character: row A3
#: (``！`` A3A1), except ``＄`` (A1E7) and ``～`` (A1AB), whose A3 places hold ``￥`` and ``￣``.
_FOLDED_GBK_PAIR = {chr(c): tuple(chr(c + 0xFEE0).encode("gbk")) for c in range(0x21, 0x7F)}


def _options(kind: Kind, ch: str) -> list[tuple[tuple[int, ...], float]]:
    """Byte readings of one character of the damaged line, each with its cost."""
    b = kind.char_bytes(ch)
    opts: list[tuple[tuple[int, ...], float]] = []
    if b is not None:
        # Inside mojibake a '?' is more often a lost byte than a question mark.
        opts.append((tuple(b), kind.question_mark_cost * _COST_HOLE if ch == "?" else 0.0))
    if ch in "?\ufffd":
        opts.append(((_UNKNOWN,), 0.0))
        opts.append(((_UNKNOWN_FREE, _UNKNOWN_FREE), 0.1))
    if kind.folds_fullwidth and "!" <= ch <= "~":
        # A '?' is far more often a lost byte than a folded '？'.
        opts.append((_FOLDED_GBK_PAIR[ch], _COST_FOLDED if ch != "?" else 2.5 * _COST_HOLE))
    return opts


def _hole_steps(source: str, k: int) -> list[tuple[int, float]]:
    if source != "utf-8":
        return [(1 - k, _COST_HOLE)] if k < 2 else []
    if k:
        return [(k - 1, _COST_HOLE)]
    return [(2, _COST_HOLE), (1, _COST_HOLE + _COST_SHORT_LEAD), (3, _COST_HOLE + _COST_SHORT_LEAD)]


Move = tuple[int, float, "tuple[int, ...] | None"]


@lru_cache(maxsize=65536)
def _moves(kind: Kind, ch: str) -> tuple[tuple[Move, ...], ...]:
    """For each UTF-8 state before ``ch``: the states after it, their costs and the bytes read."""
    opts = _options(kind, ch)
    out = []
    for k in range(4):
        best: dict[int, Move] = {}
        if k == 0:
            best[0] = (0, _COST_VERBATIM, None)
        for seq, c in opts:
            for st, sc in _run(kind.source, k, seq, c):
                if st not in best or sc < best[st][1]:
                    best[st] = (st, sc, seq)
        out.append(tuple(best.values()))
    return tuple(out)


def _run(source: str, k: int, seq: tuple[int, ...] | bytes, cost: float = 0.0) -> list[tuple[int, float]]:
    """The decoder states (and costs) that ``seq`` may lead to from state ``k``; unknown bytes branch."""
    states = [(k, cost)]
    for byte in seq:
        new_states = []
        for st, sc in states:
            if byte < 0:
                new_states += [(s2, sc + extra) for s2, extra in _hole_steps(source, st)]
            else:
                s2 = _step(source, st, byte)
                if s2 is not None:
                    new_states.append((s2, sc))
        states = new_states
    return states


def _decode_lossy(kind: Kind, line: str, slot_moves: dict[str, tuple[tuple[Move, ...], ...]] | None = None,
                  ) -> tuple[list[str | list[int]], float, list[int]]:
    """Best reading of ``line`` as ``kind``: pieces that are kept characters or byte runs, its cost, and
    the decoder state before each piece (and after the last).

    Dynamic programme over (character index, continuation bytes due); each character is read as its
    bytes under the wrong codec, as the full-width form it was folded from, as unknown bytes (``?``),
    or kept verbatim between whole characters. ``slot_moves``: the moves of placeholders (see
    ``_slot_moves``).
    """
    INF = math.inf
    n = len(line)
    cost = [[INF] * 4 for _ in range(n + 1)]
    back: list[list[tuple[int, tuple[int, ...] | None] | None]] = [[None] * 4 for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i, ch in enumerate(line):
        row, nxt, nback = cost[i], cost[i + 1], back[i + 1]
        moves = slot_moves[ch] if slot_moves and ch in slot_moves else _moves(kind, ch)
        for k in range(4):
            base = row[k]
            if base == INF:
                continue
            for st, c, seq in moves[k]:
                if base + c < nxt[st]:
                    nxt[st] = base + c
                    nback[st] = (k, seq)
    # An unfinished character at the end is unknown: its missing bytes were cut off.
    end_k = min(range(4), key=lambda s: cost[n][s] + 2 * s * _COST_HOLE)
    total = cost[n][end_k]
    pieces: list[str | list[int]] = []
    states = [end_k]
    k = end_k
    for i in range(n, 0, -1):
        entry = back[i][k]
        assert entry is not None
        prev_k, seq = entry
        if seq is None:
            pieces.append(line[i - 1])
        else:
            pieces.append(list(seq))
        k = prev_k
        states.append(k)
    pieces.reverse()
    states.reverse()
    if end_k:
        pieces.append([_UNKNOWN_FREE] * end_k)
    return pieces, total, states


def _split_chars(stream: list[int], source: str = "utf-8") -> list[list[int]]:
    """Cut a byte stream with unknown bytes into the byte groups of its characters."""
    groups: list[list[int]] = []
    i, n = 0, len(stream)
    while i < n:
        b = stream[i]
        if source != "utf-8":
            j = i + 1 if 0 <= b < 0x80 else i + 2
        elif b < 0:  # an unknown lead: the continuation bytes that follow tell the length
            j = i + 1
            while j < n and j - i < 3 and (stream[j] < 0 or 0x80 <= stream[j] <= 0xBF):
                j += 1
        else:
            k = _utf8_step(0, b)
            j = i + 1 + (k or 0)
        groups.append(stream[i:j])
        i = j
    return groups


_MAX_CANDIDATES = 24


@lru_cache(maxsize=4)
def _readable_singles(codec: str) -> bytes:
    """Which single bytes ``codec`` reads alone, as a flat table."""
    return bytes(_reads(codec, bytes([a])) for a in range(256))


@lru_cache(maxsize=1024)
def _readable_pairs(codec: str, lead: int) -> bytes:
    """Which byte pairs starting with ``lead`` ``codec`` reads, as a flat table by trail byte.

    One lead at a time, when first needed: a repair looks at a few leads, and the whole table (32,768
    decodings per codec) would cost a worker a tenth of a second at start. A row is one decoding of
    the 256 pairs, each followed by a newline (which ends any sequence, so each pair is read alone):
    a pair reads iff its piece holds no U+FFFD.

    >>> row = _readable_pairs("gbk", 0xD6)
    >>> row[0xD0], row[0x7F], row == bytes(_reads("gbk", bytes([0xD6, b])) for b in range(256))
    (1, 0, True)
    """
    if lead < 0x80:  # (never asked: a byte below 0x80 reads alone) one pair at a time
        return bytes(_reads(codec, bytes([lead, b])) for b in range(256))
    pieces = b"".join(bytes([lead, b, 0x0A]) for b in range(256)).decode(codec, "replace").split("\n")
    pieces[0x0A : 0x0A + 2] = [pieces[0x0A] + "\n"]  # the pair (lead, newline) added its own newline
    return bytes("\ufffd" not in piece for piece in pieces[:256])


def _reads(codec: str, data: bytes) -> bool:
    try:
        data.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


def _byte_range(i: int, length: int, source: str = "utf-8") -> list[int]:
    """Values byte ``i`` of a ``source`` character of ``length`` bytes may take."""
    if source != "utf-8":
        return [b for r in _TRAILS[source] for b in r] if i else list(range(0x81, 0xFF))
    if i:
        return range(0x80, 0xC0)
    return range(0xE0, 0xF0) if length == 3 else range(0xC2, 0xE0)


@lru_cache(maxsize=1024)
def _pattern_chars(pattern: tuple[int, ...], source: str) -> tuple[str, bytes]:
    """Letters, digits and punctuation whose ``source`` bytes fit ``pattern`` (-1 = any), frequent first.

    Returned as one string and their byte sequences back to back (``len(pattern)`` bytes each): two
    objects per cached pattern rather than a tuple per character, so a long batch's worker stays small.
    Ranked by the model's plain frequency, scored in one call (a pattern with two unknown bytes has
    4,096 readings: every process meets a few hundred patterns, so this is a batch's cold-start cost).

    >>> chars, seqs = _pattern_chars((0xE4, 0xB8, -1), "utf-8")
    >>> chars[:2], seqs[:6] == chars[:2].encode("utf-8")
    ('一不', True)
    """
    holes = [i for i, b in enumerate(pattern) if b < 0]
    category = unicodedata.category
    chars: list[str] = []
    seqs: list[bytes] = []
    if (source == "utf-8" and len(pattern) == 3 and 0xE0 < pattern[0] < 0xF0 and pattern[0] != 0xED
            and all(b < 0 or 0x80 <= b < 0xC0 for b in pattern[1:])):
        # Every reading of a known lead (but E0 and ED, with their gaps) is one character: count them.
        base = (pattern[0] & 0x0F) << 12
        middles = range(64) if pattern[1] < 0 else (pattern[1] & 0x3F,)
        lasts = range(64) if pattern[2] < 0 else (pattern[2] & 0x3F,)
        chars = [ch for m in middles for t in lasts if category(ch := chr(base | m << 6 | t))[0] in "LPN"]
        seqs = [ch.encode("utf-8") for ch in chars]
    else:
        ranges = [_byte_range(i, len(pattern), source) for i in holes]
        trial = bytearray(b if b >= 0 else 0 for b in pattern)
        for values in _product(ranges):
            for i, v in zip(holes, values, strict=True):
                trial[i] = v
            try:
                ch = trial.decode(source)
            except UnicodeDecodeError:
                continue
            if category(ch)[0] in "LPN":
                chars.append(ch)
                seqs.append(bytes(trial))
    if _model_is_trained() and chars:
        keys = get_model().unigram_logprobs("".join(chars))
        order = sorted(range(len(chars)), key=keys.__getitem__, reverse=True)  # stable: ties keep byte order
        chars, seqs = [chars[n] for n in order], [seqs[n] for n in order]
    return "".join(chars), b"".join(seqs)


@lru_cache(maxsize=4096)
def _candidates(kind: Kind, group: tuple[int, ...], after: int) -> tuple[str, ...]:
    """Characters a byte group with unknown bytes may have been, most frequent first.

    An unknown byte marked ``_UNKNOWN`` is one the wrong codec could not read together with the byte
    after it (``after`` for the last one, -1 if unknown): values it could have read are ruled out.
    """
    holes = [i for i, b in enumerate(group) if b < 0]
    if len(holes) > (2 if kind.source == "utf-8" else 1) or len(group) not in (2, 3):
        return ()
    constrained = [i for i in holes if group[i] == _UNKNOWN]
    chars, seqs = _pattern_chars(tuple(-1 if b < 0 else b for b in group), kind.source)
    if not constrained:
        return tuple(chars[:_MAX_CANDIDATES])
    width, codec = len(group), kind.wrong
    if any(i + 1 < width and group[i + 1] < 0 for i in constrained):
        # the byte after a lost one is unknown too: it varies by character, test them in turn
        out: list[str] = []
        for n, ch in enumerate(chars):
            base = n * width
            for i in constrained:
                b, nxt = seqs[base + i], seqs[base + i + 1] if i + 1 < width else after
                row = _LOST_ROWS.get((codec, nxt)) or _lost_row(codec, nxt, b"")
                lost = row[b]
                if lost == 2:
                    lost = row[b] = _lost_verdict(codec, b, nxt)
                if not lost:
                    break
            else:
                out.append(ch)
                if len(out) >= _MAX_CANDIDATES:
                    break
        return tuple(out)
    keep: bytes = b""  # per character of ``chars``: 1 if each constrained byte could be lost there
    for i in constrained:  # the byte after it is the same for every character: one table look-up each
        own = seqs[i::width]  # the byte at ``i`` of every character
        flags = own.translate(_lost_row(codec, after if i + 1 == width else group[i + 1], own))
        keep = bytes(map(operator.and_, keep, flags)) if keep else flags
    return tuple(islice(compress(chars, keep), _MAX_CANDIDATES))


#: Per wrong codec and next byte: a translation table of ``_lost_verdict`` by byte, 2 where not yet known.
_LOST_ROWS: dict[tuple[str, int], bytearray] = {}


def _lost_row(codec: str, nxt: int, needed: bytes) -> bytearray:
    """The table of whether ``codec`` fails on each byte followed by ``nxt``, filled in for ``needed``.

    >>> row = _lost_row("gbk", 0x41, bytes([0xD6, 0x41, 0xFF]))
    >>> row[0xD6], row[0x41], row[0xFF]  # D6 41 is a GBK pair; 41 reads alone; FF leads nothing
    (0, 0, 1)
    """
    row = _LOST_ROWS.get((codec, nxt))
    if row is None:
        row = _LOST_ROWS[(codec, nxt)] = bytearray(b"\x02" * 256)
    for b in set(needed):
        if row[b] == 2:
            row[b] = _lost_verdict(codec, b, nxt)
    return row


def _lost_verdict(codec: str, b: int, nxt: int) -> bool:
    """Whether ``codec`` fails on byte ``b`` followed by ``nxt`` (negative: unknown, taken as failing)."""
    if nxt < 0:
        return True
    if _readable_singles(codec)[b]:
        return False  # a single-byte codec reads it alone
    return b < 0x80 or not _readable_pairs(codec, b)[nxt]


def _product(ranges: list[list[int]] | list[range]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = [()]
    for r in ranges:
        out = [t + (v,) for t in out for v in r]
    return out


def _ranked(left: str, options: list[str], right: str, cache: PageCache | None = None,
            penalty: Callable[[str], float] | None = None) -> list[tuple[float, str]]:
    """The options scored by the language model in their context, best first.

    ``cache``: the statistics of the text around (the line and page being repaired), so a name or term
    used elsewhere on the page wins over a more common character; ``penalty`` is subtracted from each
    option's score (see ``_script_penalty``).
    """
    if cache is not None and not _page_knows(cache, left, options, right):
        cache = None  # the page adds the same constant to every option: the fast path ranks alike
    scores = get_model().score_candidates(left, options, right, cache=cache)
    if penalty is not None:
        scores = [s - sum(map(penalty, c)) for s, c in zip(scores, options, strict=True)]
    return sorted(zip(scores, options, strict=True), reverse=True)


class PageCache(DocumentCache):
    """A :class:`DocumentCache` that also knows the set of its character pairs, for a quick test.

    >>> "木先" in PageCache("青木先生").pairs
    True
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        t = fold(text)
        self.pairs = set(map(operator.add, t, t[1:]))


def _page_knows(cache: PageCache, left: str, options: list[str], right: str) -> bool:
    """Whether the page has seen any option next to its neighbours (the pairs left-option, option-right).

    When it has not, the page's statistics barely change the ranking of the options and the model's
    fast path scores them alone.

    >>> page = PageCache("青木先生")
    >>> _page_knows(page, "见到", ["青", "清"], "木先"), _page_knows(page, "见到", ["清"], "水")
    (True, False)
    """
    before, after = fold(left)[-1:], fold(right)[:1]
    pairs = cache.pairs
    for option in options:
        s = before + (option if len(option) == 1 and option < "\u3000" else fold(option)) + after
        if any(s[i - 1 : i + 1] in pairs for i in range(1, len(s))):
            return True
    return False


def _pick(ranked: list[tuple[float, str]]) -> str:
    """The best of ranked options when it leads clearly (``GUESS_MARGIN``), else ``""`` (lost).

    >>> _pick([(-3.0, "。"), (-9.0, "脑")]), _pick([])
    ('。', '')
    """
    if len(ranked) == 1 or (ranked and ranked[0][0] - ranked[1][0] >= GUESS_MARGIN):
        return ranked[0][1]
    return ""


#: Rounds of re-guessing every unknown with the guesses on both sides in place.
REFINE_ROUNDS = 1


#: Characters of context read on each side of an unknown (enough for a character reference).
_REACH = 12


def _fill_unknowns(out: list[str], unknown_at: list[tuple[int, list[str]]], page: str = "") -> int:
    """Guess the characters with lost bytes in place; returns how many were guessed (others stay ``""``).

    A first pass goes left to right (the guesses so far as left context, the known text up to the next
    unknown as right context); then the unknowns next to other unknowns are guessed again with both
    neighbours filled in (up to ``REFINE_ROUNDS`` times, while guesses change), and adjacent pairs are
    chosen jointly (``_refine_pairs``). Each guess is scored with the line's own known characters and
    ``page`` as a page cache (terms repeated nearby) and a penalty for the other script.
    """
    holes = {pos for pos, _ in unknown_at}
    cache = _context_cache(out, page) if unknown_at else None
    penalty = _script_penalty("".join(out)) if unknown_at else None

    def context(pos: int) -> tuple[str, str]:
        left = read_references("".join(out[max(0, pos - _REACH) : pos]))[-2:] if pos else "\n"
        right = ""
        for j in range(pos + 1, min(len(out), pos + _REACH)):
            if j in holes and not out[j]:
                break
            right += out[j]
        else:
            if pos + _REACH > len(out):
                right += "\n"
        return left or "\n", read_references(right, bare_first=True)[:2]

    trained = _model_is_trained()
    rankings: dict[int, list[tuple[float, str]]] = {}

    def guess(pos: int, options: list[str]) -> str:
        left, right = context(pos)
        rankings[pos] = _ranked(left, options, right, cache, penalty) if options and trained else []
        return _pick(rankings[pos])

    for pos, options in unknown_at:
        out[pos] = guess(pos, options)
    # Again with the guesses on both sides, where a neighbour was unknown or has changed since.
    dirty = {pos for pos, _ in unknown_at if pos + 1 in holes or pos + 2 in holes}
    for _ in range(REFINE_ROUNDS):
        changed = set()
        for pos, options in unknown_at:
            if pos not in dirty or len(options) < 2:
                continue
            old, out[pos] = out[pos], ""
            out[pos] = guess(pos, options)
            if out[pos] != old:
                changed.add(pos)
        dirty = {p + d for p in changed for d in (-2, -1, 1, 2)} & holes
        if not dirty:
            break
    if trained:
        _refine_pairs(out, rankings, context, cache, penalty)
    return sum(1 for pos, _ in unknown_at if out[pos])


#: Options of each of two adjacent unknowns that are tried together.
PAIR_BEAM = 3


def _refine_pairs(out: list[str], rankings: dict[int, list[tuple[float, str]]],
                  context: Callable[[int], tuple[str, str]], cache: PageCache | None,
                  penalty: Callable[[str], float] | None) -> None:
    """Choose two adjacent unknowns jointly: the best pair among each one's ``PAIR_BEAM`` best options.

    Guessing one at a time, each sees only the other's current guess; a pair that reads well together
    but where neither is the best alone is found only by scoring the pairs as one candidate.
    ``rankings``: each unknown's options as last ranked alone, best first.
    """
    for pos in sorted(rankings):
        if pos + 1 not in rankings or not out[pos] or not out[pos + 1]:
            continue
        first, second = rankings[pos][:PAIR_BEAM], rankings[pos + 1][:PAIR_BEAM]
        if len(first) * len(second) < 2:
            continue
        out[pos] = out[pos + 1] = ""
        left, _ = context(pos)
        _, right = context(pos + 1)
        split = {a + b: (a, b) for _, a in first for _, b in second}  # options may be several characters
        best = _ranked(left, list(split), right, cache, penalty)[0][1]
        out[pos], out[pos + 1] = split[best]


#: Nats taken off a guess written in the other script than the line's known characters.
SCRIPT_PENALTY = 2.0
#: A line is taken as written in one script when it has this many known Han characters ...
_MIN_HAN_FOR_SCRIPT = 8


def _in_codec(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=16384)
def _script_of(ch: str) -> tuple[bool, bool]:
    """Whether ``ch`` is a Han character outside GB2312 (Traditional or rare) / outside Big5 (Simplified)."""
    if not "\u3400" <= ch <= "\u9fff":
        return False, False
    return not _in_codec(ch, "gb2312"), not _in_codec(ch, "big5")


def _script_penalty(known: str) -> Callable[[str], float] | None:
    """A penalty for guesses in the other script than the line: a Simplified line wants GB2312 characters.

    Traditional characters are frequent in the model too (it covers both scripts), so without this a
    lost byte of ``说`` in a Simplified line may come back as ``說``. The line counts as Simplified when
    none of its known Han characters lies outside GB2312, as Traditional when some lie outside GB2312
    and none outside Big5; a line mixing both gets no penalty.

    >>> simp = _script_penalty("这是一段简体中文的说明文字")
    >>> simp("說") > 0, simp("说")
    (True, 0.0)
    >>> trad = _script_penalty("這是一段繁體中文的說明文字")
    >>> trad("说") > 0, trad("說")
    (True, 0.0)
    >>> _script_penalty("短文") is None
    True
    """
    han = outside_gb = outside_big5 = 0
    for ch in known:
        if "\u3400" <= ch <= "\u9fff":
            han += 1
            not_gb, not_big5 = _script_of(ch)
            outside_gb += not_gb
            outside_big5 += not_big5
    if han < _MIN_HAN_FOR_SCRIPT or (outside_gb and outside_big5):
        return None
    wrong = 0 if outside_gb == 0 else 1  # Simplified: no character outside GB2312; else Traditional

    def penalty(ch: str) -> float:
        return SCRIPT_PENALTY if _script_of(ch)[wrong] else 0.0

    return penalty


#: At most this many characters of the page (besides the line) go into the page cache of a line.
PAGE_CONTEXT_CHARS = 4000


def _context_cache(out: list[str], page: str) -> PageCache | None:
    """A page cache of the line's known characters (unknowns as line breaks) and some page text.

    >>> cache = _context_cache(["检", "籍", "", "检", "籍"], "")
    >>> cache.prob("", "检", "籍") > cache.prob("", "检", "查")
    True
    """
    if not _model_is_trained():
        return None
    known = "".join(c or "\n" for c in out)
    return PageCache(known + "\n" + page[:PAGE_CONTEXT_CHARS])


_DAMAGE_MARKS = re.compile("[?\ufffd!-~]")


def _without_clean_edges(kind: Kind, line: str) -> str:
    """``line`` without the characters at its start and end that the wrong codec cannot give.

    Why: a page template's label in clean text (``来源：``, ``作者：``) often precedes a field that was
    read with the wrong codec; the label is kept as it is and must not count as failed decoding.

    >>> _without_clean_edges(KINDS[2], "来源：æ–°å")
    'æ–°å'
    """
    def unencodable(ch: str) -> bool:
        try:
            ch.encode(kind.superset, errors=kind.errors)
        except UnicodeEncodeError:
            return True
        return False

    start, end = 0, len(line)
    while start < end and unencodable(line[start]):
        start += 1
    while end > start and unencodable(line[end - 1]):
        end -= 1
    return line[start:end]


def _mostly_decodes(kind: Kind, line: str) -> bool:
    """Cheap test before the programme: a rough decoding fails little beyond what ``?`` and ASCII explain.

    Clean characters at the line's edges (a label) are left out of the test.
    """
    errors = "replace" if kind.errors == "strict" else kind.errors + "-replace"
    line = _without_clean_edges(kind, line) or line
    raw = line.encode(kind.superset, errors=errors)
    unencodable = raw.count(b"?") - line.count("?")
    rough = raw.decode(kind.source, errors="replace")
    budget = 3 * len(_DAMAGE_MARKS.findall(line)) + 2 + 0.05 * len(line)
    if rough.count("\ufffd") + 2 * unencodable > budget:
        return False
    # Without lost bytes, the rough reading must already read better (a double-byte codec reads almost
    # any bytes, so this keeps the programme off clean lines; a lost byte misaligns the rough reading).
    if kind.source == "utf-8" or "?" in line or "\ufffd" in line:
        return True
    return plausibility(rough[:200]) > plausibility(line[:200])


@dataclass
class Decoding:
    """A candidate repair of one line."""

    text: str
    lost: int
    guessed: int
    cost: float
    #: The reading before its lost bytes were guessed (for a deeper layer to decide them, see ``open``).
    unguessed: Unguessed | None = field(default=None, repr=False, compare=False)
    #: Whether this reading decided the lost bytes of an outer layer's reading (``decode_line``'s slots).
    joint: bool = False


@dataclass(frozen=True)
class Unguessed:
    """A lossy reading before its guesses: the characters decoded (``""`` at each one with lost bytes),
    those characters' positions, byte groups and the byte after each, and where a group that decodes to
    nothing was dropped (an insertion point in ``out``)."""

    kind: Kind
    out: tuple[str, ...]
    holes: tuple[tuple[int, tuple[tuple[int, ...], int]], ...]
    failed: tuple[int, ...]

    def open(self) -> Undecided | None:
        """The reading with a placeholder for each character with lost bytes (see :class:`Undecided`)."""
        if len(self.holes) + len(self.failed) > _MAX_SLOTS:
            return None
        at = dict(self.holes)
        dropped = sorted(self.failed)
        pieces: list[str] = []
        slots: list[tuple[str, ...] | None] = []
        d = 0
        for i, ch in enumerate((*self.out, "")):
            while d < len(dropped) and dropped[d] == i:
                pieces.append(chr(_SLOT_BASE + len(slots)))
                slots.append(None)
                d += 1
            if i in at:
                pieces.append(chr(_SLOT_BASE + len(slots)))
                slots.append(_slot_candidates(self.kind, *at[i]))
            else:
                pieces.append(ch)
        return Undecided("".join(pieces).strip(), tuple(slots))


def decode_line(kind: Kind, line: str, page: str = "", *, lossy: bool = True,
                slots: tuple[tuple[str, ...] | None, ...] = ()) -> Decoding | None:
    """Read ``line`` back as ``kind`` (lossless fast path, else the lossy programme unless ``lossy`` is
    False); None if nothing changes. ``slots``: the characters each placeholder of ``line`` may be (a
    reading of an outer layer whose lost bytes are left open, see :class:`Undecided`).

    >>> decode_line(KINDS[0], "鍙戝竷").text
    '发布'
    >>> decode_line(KINDS[0], "涓?鏂囩珷").text in ("文章", "中文章")  # a byte of 中 is lost
    True
    """
    fast = None
    if not slots and (kind.source == "utf-8" or "?" not in line):  # a double-byte codec reads almost any
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # bytes: no fast path with '?'
            fast = line.encode(kind.wrong, errors=kind.errors).decode(kind.source)
    if fast is not None:
        return Decoding(fast, 0, 0, 0.0) if fast != line else None
    if not lossy:
        return None
    reading = _read_lossy(kind, line, slots)
    if reading is None:
        return None
    out, unknown_at, joint = reading.out, reading.unknown_at, reading.joint
    unguessed = None
    if not slots and (unknown_at or reading.failed_at):
        unguessed = Unguessed(kind, tuple(out), tuple(unknown_at), tuple(reading.failed_at))
    options = [(pos, list(_candidates(kind, *where))) for pos, where in unknown_at]
    options += [(pos, opts) for pos, opts, _ in joint]
    options.sort()
    _fill_unknowns(out, options, page)
    settled = {pos for pos, opts, _ in joint if len(opts) == 1}
    width = {pos: w for pos, _, w in joint}
    guessed = sum(len(out[pos]) for pos, _ in options if out[pos] and pos not in settled)
    lost = reading.lost + sum(width.get(pos, 1) for pos, _ in options if not out[pos])
    text = "".join(out)
    doubt = reading.doubt + sum(1 for pos, _ in unknown_at if out[pos])
    if text == line or not _recovered_enough(kind, text, lost, doubt if joint else guessed):
        return None
    return Decoding(text, lost, guessed, reading.cost, unguessed, joint=bool(slots))


@dataclass
class _Reading:
    """The lossy programme's reading of a line before any guess (see ``_read_lossy``)."""

    out: list[str]  # characters read, "" where one with unknown bytes goes
    unknown_at: list[tuple[int, tuple[tuple[int, ...], int]]]  # those: position, byte group, byte after
    failed_at: list[int]  # insertion points of byte groups that decode to nothing
    joint: list[tuple[int, list[str], int]]  # stretches read through placeholders: position, readings, width
    lost: int
    doubt: float  # the guesswork in choosing among the stretches' readings, in characters
    cost: float


def _read_lossy(kind: Kind, line: str, slots: tuple[tuple[str, ...] | None, ...] = ()) -> _Reading | None:
    """The lossy programme's reading of ``line`` as ``kind``, None when it fails or is mostly guesswork."""
    if not _mostly_decodes(kind, _SLOTS.sub("?", line) if slots else line):
        return None
    slot_moves = {chr(_SLOT_BASE + n): _slot_moves(kind, n, c) for n, c in enumerate(slots)} or None
    pieces, cost, states = _decode_lossy(kind, line, slot_moves)
    fitting = _fitting_slots(kind, line, pieces, states, slots) if slots else {}
    lost = sum(1 for ch, piece in zip(line, pieces, strict=False) if piece == [] and _SLOTS.match(ch))
    # Gather consecutive byte pieces into streams and decode them character by character.
    out: list[str] = []
    pending: list[int] = []
    unknown_at: list[tuple[int, tuple[tuple[int, ...], int]]] = []
    failed_at: list[int] = []
    joint: list[tuple[int, list[str], int]] = []
    counts: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal lost
        if fitting and any(b <= _SLOT_MARK for b in pending):
            lost += _flush_slots(kind, pending, fitting, out, unknown_at, joint, counts)
            pending.clear()
            return
        lost += _decode_groups(kind, _split_chars(pending, kind.source), _UNKNOWN_FREE, out, unknown_at,
                               failed_at)
        pending.clear()

    for piece in pieces:
        if isinstance(piece, str):
            flush()
            out.append(piece)
        else:
            pending.extend(piece)
    flush()
    doubt = sum(_doubt(count, width) for count, width in counts)  # guesswork in the stretches' choices
    if not _recovered_enough(kind, "".join(out), lost, len(unknown_at) + doubt):
        return None
    return _Reading(out, unknown_at, failed_at, joint, lost, doubt, cost)


#: In an outer layer of double mojibake a ``?`` is as often the inner layer's own (a byte it lost,
#: passed on as ``3F``) as a byte this layer lost: reading it as itself costs no more than a lost byte.
OUTER_QUESTION_MARK_COST = 1.0


def open_line(kind: Kind, line: str) -> Undecided | None:
    """``line`` read as ``kind`` as an outer layer of double mojibake, its lost bytes left open for the
    inner layer to decide (see :class:`Undecided`); None without a reading or a lost byte.

    >>> opened = open_line(KINDS[0], "閸忓厖绨?濞撳懏妲戦懞")  # 关于清明节 read twice as GBK, with loss
    >>> _SLOTS.sub("_", opened.text), len(opened.slots), "簬" in opened.slots[0]  # 鍏充簬娓呮槑鑺 was read
    ('鍏充_娓呮槑鑺', 1, True)
    """
    outer = replace(kind, question_mark_cost=OUTER_QUESTION_MARK_COST)
    reading = _read_lossy(outer, line)
    if reading is None or not (reading.unknown_at or reading.failed_at):
        return None
    return Unguessed(kind, tuple(reading.out), tuple(reading.unknown_at), tuple(reading.failed_at)).open()


# --- double layers: the lost bytes of an outer layer decided by the inner one ---------------------
#
# UTF-8 text read as GBK with '?' for what GBK cannot pair, saved as UTF-8 and read as GBK again: the
# outer layer's reading is itself mojibake, so guessing its lost bytes as Chinese text is guessing
# blind. Instead each character of the outer reading that has lost bytes is left open (a placeholder
# and every character its known bytes allow); the inner layer reads each placeholder as any of those
# characters' bytes, keeps those that fit its own byte structure (a UTF-8 lead where a lead is due, a
# continuation byte elsewhere), and the inner characters they touch are chosen jointly by the language
# model, as text of the line.

#: Placeholders in an open reading: Supplementary Private Use Area-B, which pages do not use.
_SLOT_BASE = 0x100000
_SLOTS = re.compile("[\U00100000-\U0010fffd]")
#: Byte values below 0 in a stream are unknown; at most this one marks byte j of placeholder n as
#: ``_SLOT_MARK - 4 * n - j``.
_SLOT_MARK = -16
#: At most this many open characters in a line, and characters one may be (more: taken as unknown).
_MAX_SLOTS = 400
_MAX_SLOT_CANDIDATES = 4096
#: Combinations of open characters tried for one stretch of inner characters, and readings kept.
_MAX_COMBINATIONS = 4096
_MAX_UNIT_OPTIONS = 48
#: Guesses per inner character that also has a byte lost by the inner layer itself, readings listed
#: per combination and in all (the most frequent ``_MAX_UNIT_OPTIONS`` are kept).
_UNIT_GUESSES = 8
_MAX_READINGS_PER_COMBINATION = 64
_MAX_READINGS = 2048
_COST_SLOT = 0.5  # an open character read as one of its characters' bytes
_COST_SLOT_MISS = 1.0  # ... read as unknown bytes of its width, none of them fitting


@dataclass(frozen=True)
class Undecided:
    """A reading of an outer layer with its characters that have lost bytes left open: ``text`` holds
    ``chr(_SLOT_BASE + n)`` for the n-th, ``slots[n]`` the characters it may be (None: any)."""

    text: str
    slots: tuple[tuple[str, ...] | None, ...]


@lru_cache(maxsize=4096)
def _slot_candidates(kind: Kind, group: tuple[int, ...], after: int) -> tuple[str, ...] | None:
    """Every character (of any category: an outer reading is mojibake, not text) that a byte group with
    lost bytes may have been, with the wrong codec's constraint on ``_UNKNOWN`` bytes (see
    ``_candidates``); None when there are too many to list.

    >>> len(_slot_candidates(KINDS[0], (0xE9, -2, 0xB6), -2)), _slot_candidates(KINDS[0], (-2, -2, -2), -2)
    (64, None)
    """
    holes = [i for i, b in enumerate(group) if b < 0]
    if not holes or len(group) not in (2, 3) or len(holes) > 2 or (kind.source == "utf-8" and group[0] < 0):
        return None
    if (kind.source == "utf-8" and len(group) == 3 and 0xE0 < group[0] < 0xF0 and group[0] != 0xED
            and all(b < 0 or 0x80 <= b < 0xC0 for b in group[1:])):
        out = _three_byte_candidates(kind.wrong, group, after)
        return tuple(out) if len(out) <= _MAX_SLOT_CANDIDATES else None
    ranges = [_byte_range(i, len(group), kind.source) for i in holes]
    trial = bytearray(b if b >= 0 else 0 for b in group)
    out = []
    for values in _product(ranges):
        for i, v in zip(holes, values, strict=True):
            trial[i] = v
        try:
            ch = trial.decode(kind.source)
        except UnicodeDecodeError:
            continue
        if all(group[i] != _UNKNOWN or _lost_verdict(kind.wrong, trial[i], trial[i + 1] if i + 1 < len(group)
                                                     else after) for i in holes):
            out.append(ch)
    return tuple(out) if len(out) <= _MAX_SLOT_CANDIDATES else None


def _three_byte_candidates(codec: str, group: tuple[int, ...], after: int) -> list[str]:
    """``_slot_candidates`` of a three-byte UTF-8 group with a known lead (every reading is a
    character): counted, not decoded."""
    base = (group[0] & 0x0F) << 12
    middles = range(64) if group[1] < 0 else (group[1] & 0x3F,)
    lasts = range(64) if group[2] < 0 else (group[2] & 0x3F,)
    constrained = [i for i in (1, 2) if group[i] == _UNKNOWN]
    out = []
    for m in middles:
        for t in lasts:
            values = (group[0], 0x80 | m, 0x80 | t, after)
            for i in constrained:
                if not _lost_row(codec, values[i + 1], bytes((values[i],)))[values[i]]:
                    break
            else:
                out.append(chr(base | m << 6 | t))
    return out


@lru_cache(maxsize=4096)
def _slot_transitions(kind: Kind, candidates: tuple[str, ...] | None,
                      ) -> tuple[tuple[tuple[int, int, float], ...], ...]:
    """For each decoder state: the (state after, byte count, cost) that some candidate's bytes lead to,
    at the cost of the likeliest (see ``_bytes_cost``)."""
    out = []
    for k in range(4):
        found: dict[tuple[int, int], float] = {}
        for ch in candidates or ():
            b = kind.char_bytes(ch)
            if b is None:
                continue
            cost = _COST_SLOT + _bytes_cost(kind.source, k, b)
            for st, _ in _run(kind.source, k, b):
                if found.get((st, len(b)), math.inf) > cost:
                    found[(st, len(b))] = cost
        out.append(tuple((st, n, c) for (st, n), c in sorted(found.items())))
    return tuple(out)


def _bytes_cost(source: str, k: int, data: bytes) -> float:
    """How unlike Chinese text in ``source`` bytes are, read from state ``k``: in UTF-8, an ASCII byte
    inside a run of mojibake or a lead of other than three bytes costs as an unknown lead does.

    Why: several readings of open characters can fit the byte structure equally well; the one that
    makes ``~`` or a Greek letter of the inner text is the least likely.

    >>> _bytes_cost("utf-8", 1, bytes([0xBF, 0xE5])), _bytes_cost("utf-8", 1, bytes([0x88, 0x7E]))
    (0.0, 0.3)
    """
    if source != "utf-8":
        return 0.0
    cost = 0.0
    for b in data:
        if not k and (b < 0xE0 or b >= 0xF0):
            cost += _COST_SHORT_LEAD
        k = _utf8_step(k, b) or 0
    return cost


def _slot_moves(kind: Kind, n: int, candidates: tuple[str, ...] | None) -> tuple[tuple[Move, ...], ...]:
    """``_moves`` of the n-th placeholder: the bytes of any of its candidates (marked, decided later),
    or unknown bytes of a character's width when none fits."""
    width = 1 if kind.wrong == "cp1252" else 2
    free = (_UNKNOWN_FREE,) * width
    miss = _COST_SLOT_MISS if candidates else 0.0
    out = []
    for k, transitions in enumerate(_slot_transitions(kind, candidates)):
        best: dict[int, Move] = {}
        for st, length, cost in transitions:
            if st not in best or cost < best[st][1]:
                best[st] = (st, cost, tuple(_SLOT_MARK - 4 * n - j for j in range(length)))
        for st, sc in _run(kind.source, k, free, miss):
            if st not in best or sc < best[st][1]:
                best[st] = (st, sc, free)
        if k not in best:  # or dropped, its character lost, where no bytes can be read
            best[k] = (k, _COST_VERBATIM, ())
        out.append(tuple(best.values()))
    return tuple(out)


def _fitting_slots(kind: Kind, line: str, pieces: list[str | list[int]], states: list[int],
                   slots: tuple[tuple[str, ...] | None, ...]) -> dict[int, list[tuple[str, bytes]]]:
    """Per placeholder read as candidate bytes: the candidates (and bytes) that fit the decoder states
    the programme chose on both sides of it."""
    fitting: dict[int, list[tuple[str, bytes]]] = {}
    for i, ch in enumerate(line):
        piece = pieces[i]
        if not (_SLOTS.match(ch) and isinstance(piece, list) and piece and piece[0] <= _SLOT_MARK):
            continue
        n = ord(ch) - _SLOT_BASE
        fits = []
        for c in slots[n] or ():
            b = kind.char_bytes(c)
            if b is not None and len(b) == len(piece) and any(st == states[i + 1]
                                                              for st, _ in _run(kind.source, states[i], b)):
                fits.append((c, b))
        fitting[n] = fits
    return fitting


def _slot_of(marker: int) -> tuple[int, int]:
    """(placeholder, byte) of a marker byte.

    >>> _slot_of(_SLOT_MARK - 4 * 3 - 1)
    (3, 1)
    """
    return divmod(_SLOT_MARK - marker, 4)


def _flush_slots(kind: Kind, stream: list[int], fitting: dict[int, list[tuple[str, bytes]]], out: list[str],
                 unknown_at: list[tuple[int, tuple[tuple[int, ...], int]]],
                 joint: list[tuple[int, list[str], int]], counts: list[tuple[int, int]]) -> int:
    """Decode a byte stream holding placeholders' bytes into ``out``; returns the characters lost.

    The stream is cut into characters as any fitting candidate would cut it (they all have the same
    byte classes there); the characters that share a placeholder form one stretch whose readings are
    listed over the placeholders' candidates (``joint``: position, readings, characters; ``counts``:
    how many readings there were before the rarest were left out, characters).
    """
    def rep(b: int) -> int:
        n, j = _slot_of(b)
        return fitting[n][0][1][j] if b <= _SLOT_MARK and fitting.get(n) else b

    groups = _split_chars([rep(b) for b in stream], kind.source)
    units: list[tuple[list[list[int]], set[int]]] = []
    at = 0
    for g in groups:
        span = stream[at : at + len(g)]
        at += len(g)
        touched = {_slot_of(b)[0] for b in span if b <= _SLOT_MARK}
        # a byte the inner codec lost before a placeholder's byte is constrained by it: decided together
        if units and (touched & units[-1][1] or (touched and span[0] <= _SLOT_MARK
                                                 and units[-1][0][-1][-1] == _UNKNOWN)):
            units[-1][0].append(span)
            units[-1][1].update(touched)
        else:
            units.append(([span], touched))
    lost = 0
    for u, (members, touched) in enumerate(units):
        nxt = units[u + 1][0][0][0] if u + 1 < len(units) else _UNKNOWN_FREE
        nxt = _UNKNOWN_FREE if nxt <= _SLOT_MARK else nxt
        if touched and all(fitting.get(n) for n in touched):
            readings, count = _joint_options(kind, members, sorted(touched), fitting, nxt)
            joint.append((len(out), readings, len(members)))
            counts.append((count, len(members)))
            out.append("")
            continue
        groups = [[_UNKNOWN_FREE if b <= _SLOT_MARK else b for b in group] for group in members]
        lost += _decode_groups(kind, groups, nxt, out, unknown_at, any_unknown_after=True)
    return lost


def _decode_groups(
    kind: Kind, groups: list[list[int]], after_last: int, out: list[str],
    unknown_at: list[tuple[int, tuple[tuple[int, ...], int]]], failed_at: list[int] | None = None,
    *, any_unknown_after: bool = False,
) -> int:
    """Decode byte groups of one character each onto ``out``; returns how many failed (lost).

    A group with unknown bytes leaves ``""`` in ``out`` and its place, bytes and next byte in
    ``unknown_at`` (the next group's first byte, or ``after_last``; with ``any_unknown_after`` an unknown
    next byte counts as unconstrained); a failed group's place goes to ``failed_at``.
    """
    lost = 0
    for g, group in enumerate(groups):
        if min(group) < 0:
            after = groups[g + 1][0] if g + 1 < len(groups) else after_last
            if any_unknown_after and after < 0:
                after = _UNKNOWN_FREE
            unknown_at.append((len(out), (tuple(group), after)))
            out.append("")
            continue
        try:
            out.append(bytes(group).decode(kind.source))
        except UnicodeDecodeError:
            lost += 1
            if failed_at is not None:
                failed_at.append(len(out))
    return lost


def _doubt(count: int, width: int) -> float:
    """How many characters' worth of guessing choosing among ``count`` readings of a stretch of
    ``width`` characters is: a character with a lost byte has ``_MAX_CANDIDATES`` or so readings; a
    stretch that the inner layer's byte structure narrowed down to a few is mostly known.

    >>> _doubt(1, 1), round(_doubt(2, 1), 2), round(_doubt(48, 2), 2), _doubt(10**6, 2)
    (0.0, 0.22, 1.22, 2.0)
    """
    return min(float(width), math.log(max(1, count)) / math.log(_MAX_CANDIDATES))


def _joint_options(kind: Kind, members: list[list[int]], touched: list[int],
                   fitting: dict[int, list[tuple[str, bytes]]], after: int) -> tuple[list[str], int]:
    """The readings of a stretch of characters (byte groups ``members``) over every combination of the
    candidates of the placeholders it holds, most frequent first (at most ``_MAX_UNIT_OPTIONS``), and
    how many there were."""
    choices = [fitting[n] for n in touched]
    while math.prod(map(len, choices)) > _MAX_COMBINATIONS:
        longest = max(range(len(choices)), key=lambda c: len(choices[c]))
        choices[longest] = choices[longest][: len(choices[longest]) // 2]
    flat = [b for m in members for b in m]
    ends = list(itertools_accumulate(len(m) for m in members))
    category = unicodedata.category
    options: dict[str, None] = {}
    for combo in product(*choices):
        value = dict(zip(touched, combo, strict=True))
        data = [value[_slot_of(b)[0]][1][_slot_of(b)[1]] if b <= _SLOT_MARK else b for b in flat]
        per_char: list[tuple[str, ...]] = []
        start = 0
        for end in ends:
            group = data[start:end]
            if min(group) < 0:
                nxt = data[end] if end < len(data) else after
                found = _candidates(kind, tuple(group), nxt)[:_UNIT_GUESSES]
            else:
                try:
                    ch = bytes(group).decode(kind.source)
                except UnicodeDecodeError:
                    break
                found = (ch,) if category(ch)[0] in "LNPS" else ()
            if not found:
                break
            per_char.append(found)
            start = end
        else:
            while math.prod(map(len, per_char)) > _MAX_READINGS_PER_COMBINATION:
                longest = max(range(len(per_char)), key=lambda c: len(per_char[c]))
                per_char[longest] = per_char[longest][: len(per_char[longest]) // 2]
            options.update(dict.fromkeys(map("".join, product(*per_char))))
            if len(options) >= _MAX_READINGS:
                break
    readings = list(options)
    count = len(readings)
    if count > _MAX_UNIT_OPTIONS and _model_is_trained():
        scores = get_model().unigram_logprobs("".join(readings))
        totals, at = [], 0
        for r in readings:
            totals.append(sum(scores[at : at + len(r)]))
            at += len(r)
        order = sorted(range(len(readings)), key=totals.__getitem__, reverse=True)
        readings = [readings[i] for i in order[:_MAX_UNIT_OPTIONS]]
    return readings, count


#: At most this share of a repaired line may be characters that were lost or guessed, by source codec:
#: a double-byte character with one known byte is guessed well, a UTF-8 one with one of three is not.
MAX_DAMAGED_SHARE = {"utf-8": 0.3, "big5": 0.5, "gbk": 0.5}


def _recovered_enough(kind: Kind, text: str, lost: int, guessed: int) -> bool:
    """A reading that is mostly guesswork is not a repair."""
    total = len(text) + lost + guessed
    return total < 20 or lost + guessed <= MAX_DAMAGED_SHARE[kind.source] * total


# --- the fix ---------------------------------------------------------------------------------------

def _suspect_lines(text: str) -> list[int]:
    """Indexes of the lines of ``text`` that show enough signs of some kind.

    >>> _suspect_lines("干净的一行\\n鍙戝竷浜嗘枃绔\\n")
    [1]
    """
    return _find_suspects(text)[0]


def _find_suspects(text: str) -> tuple[list[int], list[int]]:
    """Indexes of the lines that show enough signs of some kind, and of the short lines that show one.

    A line has at least as many signs of ``any`` kind as of each kind (each match of a kind starts a
    match of ``any``, and no two share one), so only the lines with enough of ``any`` are read per kind.
    A short line (``SHORT_LINE``) with a single sign of a kind is a short suspect, repaired under the
    stricter gates of ``_repair_short_line``.

    >>> _find_suspects("干净的一行\\n鍙戝竷浜嗘枃绔\\n闀垮煄\\n")
    ([1], [2])
    """
    signs = _signs()
    first = signs["any"].search(text)
    if first is None:
        return [], []  # no sign of any kind: the common case of clean text
    if signs["any"].search(text, first.end()) is None:
        return [], _lone_sign_line(text, first.start())
    floor = min(_MIN_DENSITY.values())
    count_any = signs["any"].findall
    patterns = [(kind, signs[kind.name].findall) for kind in KINDS]
    lines: list[int] = []
    short: list[int] = []
    for i, line in enumerate(text.split("\n")):
        found = len(count_any(line))
        if not found:
            continue
        length = len(line.strip())
        if found >= 2 and found >= floor * length and any(
                _enough(kind, len(findall(line)), length) for kind, findall in patterns):
            lines.append(i)
        elif (length <= 3 * SHORT_LINE and _short_length(line) <= SHORT_LINE
              and any(findall(line) for _, findall in patterns)):
            short.append(i)
    return lines, short


def _lone_sign_line(text: str, at: int) -> list[int]:
    """The line holding the page's only sign (at ``at``), as a short suspect if it is short and the
    sign is one of some kind.

    >>> _lone_sign_line("正文\\n闀垮煄", 3), _lone_sign_line("鍙" + "正文" * 10, 0)
    ([1], [])
    """
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    if _short_length(line) > SHORT_LINE or not any(_signs()[kind.name].search(line) for kind in KINDS):
        return []
    return [text.count("\n", 0, start)]


def _readings(
    body: str, depth: int, after: Kind | None = None, page: str = "", only: frozenset[str] | None = None,
    *, short: bool = False, undecided: tuple[Kind, str] | None = None,
) -> list[tuple[list[tuple[Kind, Decoding]], float]]:
    """Chains of decodings of ``body`` (one per layer, up to ``depth``) with the score of their result;
    ``only``: the names of the kinds the first layer may be; ``short``: one sign of a kind is enough;
    ``undecided``: the kind and line of an outer layer whose lossy reading ``body`` is: its lost bytes are
    then left open (``open_line``) for this layer to decide.

    A layer never undoes the one before (Big5-as-GBK then GBK-as-Big5 gives the line back, with only
    its lost bytes filled in by guesses: that is the GBK restart fix's job). An inner layer that is
    short (``SHORT_LINE``) needs one sign only: ``é—€åž®ç…„`` (cp1252) gives ``闀垮煄`` (GBK), one sign.
    """
    out = []
    kinds = [kind for kind in KINDS if (only is None or kind.name in only)
             and _shows_signs(kind, body, short=short)
             and not (kind.name == "big5_as_gbk" and (_is_kana_word(body) or _kana_only_in_words(body)))
             and (after is None or (kind.wrong, kind.source) != (after.source, after.wrong))
             # a double-byte codec reads almost anything: only the model can tell
             and (kind.source == "utf-8" or _model_is_trained())]
    tried: set[str] = set()
    # Lossless readings first: a good one spares the lossy programme. A short line without a ``?`` or
    # U+FFFD lost no byte inside (only a cut last character, too little to guess a title from).
    rounds = (False, True) if not short or "?" in body or "\ufffd" in body else (False,)
    opened = None
    if undecided is not None:
        rounds = (True,)
        opened = open_line(*undecided) if kinds else None  # only when some kind may be the inner layer
    for lossy in rounds:
        for kind in kinds:
            if kind.name in tried:
                continue
            if undecided is not None:  # the outer layer's lost bytes decided with this one's
                decoding = decode_line(kind, opened.text, page, slots=opened.slots) if opened else None
            else:
                decoding = decode_line(kind, body, page, lossy=lossy)
            if decoding is None and not lossy:
                continue  # no lossless reading: the lossy round will try
            tried.add(kind.name)
            if decoding is None or not decoding.text.strip():
                continue
            score = plausibility(decoding.text)
            out.append(([(kind, decoding)], score))
            if not lossy and kind.source == "utf-8" and score >= GOOD_SCORE:
                return out  # valid UTF-8 that reads as good Chinese: no other reading can be right
            inner = decoding.text.strip()
            if depth > 1 and (score < MIN_RESULT_SCORE or _shows_another_layer(inner)):
                # perhaps a layer of a double mojibake
                # (an outer layer of UTF-8 read with a double-byte codec: the damage these pages show;
                # other outer readings with lost bytes are read on as guessed, as a single layer is)
                lossy_outer = (decoding.unguessed is not None and kind.source == "utf-8"
                               and not _SLOTS.search(body))
                for chain, deeper in _readings(inner, depth - 1, kind, page,
                                               short=_short_length(inner) <= SHORT_LINE,
                                               undecided=(kind, body) if lossy_outer else None):
                    # the inner layer decided this one's lost bytes: they are its lost or guessed ones
                    outer = replace(decoding, lost=0, guessed=0) if chain[0][1].joint else decoding
                    out.append(([(kind, outer), *chain], deeper))
        if any(len(chain) == 1 and score >= GOOD_SCORE for chain, score in out):
            break
    return out


def _shows_another_layer(inner: str) -> bool:
    """Whether a short decoded layer still shows mojibake of a kind, though it scores passably.

    Why: on a byline the date and time score well, so the middle layer of a double mojibake
    (``2019-11-23 浣滆?咃細鐜嬪皬绾?``) passes the score gate and would be kept, signs and all.

    >>> _shows_another_layer("2019-11-23 浣滆?咃細鐜嬪皬绾?"), _shows_another_layer("2019-11-23 作者：王小红")
    (True, False)
    """
    return _short_length(inner) <= SHORT_LINE and any(_shows_signs(kind, inner, short=True) for kind in KINDS)


def _is_kana_word(line: str) -> bool:
    """True when every letter of ``line`` is Japanese kana: a Japanese word, not Big5 read as GBK.

    Why: Big5's commonest characters (leads A4, A5) fall on GBK's kana rows, so a katakana word reads
    back as a run of them (``カタカナ`` → ``市正市瓜``), which the Chinese model prefers to kana. Big5
    text read as GBK shows kana among Han characters and ``?``, never kana alone.

    >>> _is_kana_word("カタカナ"), _is_kana_word("ありがとう!"), _is_kana_word("の中文")
    (True, True, False)
    """
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all("\u3041" <= ch <= "\u30ff" for ch in letters)


_KANA_RUN = re.compile("[\u3041-\u30ff]+")
_HAN_OR_DEBRIS = re.compile("[\u3400-\u9fff\uf900-\ufaff\ue000-\uf8ff?\ufffd]")


def _kana_only_in_words(line: str) -> bool:
    """True when ``line`` holds kana, and every run of it stands apart from Han characters, ``?`` and
    private-use characters: Japanese words written in a Chinese text (readings in brackets, a name).

    Why: Big5's commonest lead bytes fall on GBK's kana rows, so Big5 read as GBK scatters kana among
    the Han characters it makes (``い乙?``); a gloss line (``椅子(イス) 蒲団(フトン)``) keeps its kana
    between brackets and spaces, and its Big5 reading is garbage the model may still prefer.

    >>> _kana_only_in_words("椅子(イス) 蒲団(フトン) 行灯(アンドン)"), _kana_only_in_words("カタカナ")
    (True, True)
    >>> _kana_only_in_words("なゅ僎の中文"), _kana_only_in_words("(い?)"), _kana_only_in_words("中文")
    (False, False, False)
    """
    runs = list(_KANA_RUN.finditer(line))
    if not runs:
        return False
    for m in runs:
        before, after = line[m.start() - 1: m.start()], line[m.end(): m.end() + 1]
        if _HAN_OR_DEBRIS.match(before) or _HAN_OR_DEBRIS.match(after):
            return False
    return True


def _line_body(line: str) -> str:
    """``line`` without its surrounding white space, but for no-break spaces that end cp1252 mojibake.

    Why: the byte A0 (a UTF-8 continuation byte, as in 你 ``ä½\xa0``) reads as U+00A0 in cp1252 and
    Latin-1; at the end of a line, ``str.strip`` would cut it and the last character with it.

    >>> _line_body("  ä½\xa0"), _line_body("\xa0正文\xa0 ")
    ('ä½\xa0', '正文')
    """
    body = line.strip()
    end = line.rstrip(" \t\r")
    core = end.rstrip("\xa0")
    if body and core != end and core and ("\x80" <= core[-1] <= "\xff" or core[-1] in _CP1252_SPECIALS):
        return end.lstrip()
    return body


#: The characters cp1252 gives for bytes 80–9F (``€``, ``‚``, ... ``Ÿ``).
_CP1252_SPECIALS = frozenset(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0)) - {""}


def _repair_line(line: str, counts: dict[str, list[int]], examples: dict[str, tuple[str, str]],
                 page: str = "", *, min_score: float = MIN_RESULT_SCORE,
                 only: frozenset[str] | None = None, min_gain: float = MIN_GAIN,
                 short: bool = False) -> str:
    """Repair one line, layer by layer, while the language model finds a clearly better reading.

    ``min_score``: what the repaired line must score at least; ``only``: the kinds its first layer may be;
    ``min_gain``: how much better it must score; ``short``: one sign of a kind is enough to try it.
    """
    body = _line_body(line)
    if not body:
        return line
    base: float | None = None
    best: tuple[float, list[tuple[Kind, Decoding]]] | None = None
    for chain, score in _readings(body, MAX_LAYERS, page=page, only=only, short=short):
        if base is None:
            base = plausibility(body)
        gain = score - base
        rank = gain - LAYER_COST * (len(chain) - 1)
        if (gain >= min_gain and (score >= min_score or _vouched_for(chain, page))
                and (best is None or rank > best[0])
                and (not short or _short_reading_holds(chain))):
            best = (rank, chain)
    if best is None:
        return line
    for kind, decoding in best[1]:
        tally = counts.setdefault(kind.name, [0, 0, 0])
        tally[0] += 1
        tally[1] += decoding.lost
        tally[2] += decoding.guessed
        examples.setdefault(kind.name, (body[:20], decoding.text[:20]))
    start = line.index(body)
    return line[:start] + best[1][-1][1].text + line[start + len(body) :]


_HAN_CHAR = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _vouched_for(chain: list[tuple[Kind, Decoding]], page: str) -> bool:
    """Whether a one-layer reading without lost bytes stands on its bytes or its page, whatever the model
    thinks of its words (two Han characters at least).

    Why: rare names and terms (``吠陀``, ``黑鸚嘴魚``) score below ``MIN_RESULT_SCORE`` though their reading
    is certain: Latin characters that form valid multi-byte UTF-8 are UTF-8 read as cp1252 (no Latin
    text does that by chance), and a reading found word for word in the page's clean lines is the
    page's own term (a title its body repeats).

    >>> cp1252 = [(KINDS[2], Decoding("吠陀", 0, 0, 0.0))]
    >>> KINDS[2].name, _vouched_for(cp1252, ""), _vouched_for([(KINDS[0], Decoding("吠陀", 0, 0, 0.0))], "")
    ('utf8_as_cp1252', True, False)
    >>> _vouched_for([(KINDS[0], Decoding("吠陀", 0, 0, 0.0))], "吠陀是古印度的文献")
    True
    >>> _vouched_for([(KINDS[2], Decoding("吠陀", 1, 0, 0.0))], "吠陀是古印度的文献")  # a byte was lost
    False
    """
    if len(chain) != 1:
        return False
    kind, decoding = chain[0]
    text = decoding.text.strip()
    if decoding.lost or decoding.guessed or len(_HAN_CHAR.findall(text)) < 2:
        return False
    return (kind.source == "utf-8" and kind.wrong == "cp1252") or text in page


def _clean_context(lines: list[str], suspects: list[int]) -> str:
    """The page's lines without signs of mojibake, up to ``PAGE_CONTEXT_CHARS``: context for guesses.

    >>> _clean_context(["鍙戝竷", "青木先生", "好"], [0])
    '青木先生\\n好'
    """
    skip = set(suspects)
    out, size = [], 0
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            continue
        out.append(line)
        size += len(line) + 1
        if size >= PAGE_CONTEXT_CHARS:
            break
    return "\n".join(out)


def _short_reading_holds(chain: list[tuple[Kind, Decoding]]) -> bool:
    """Whether a reading of a short line rests on enough: two characters at least, half of them known.

    Why: one character says too little (``ÀÉ`` reads as 檔 in GBK, ``鍙`` as 可 with a byte guessed,
    yet both are as likely clean), and a reading that is mostly guesses is the model's wish, not the
    line's bytes.

    >>> _short_reading_holds([(KINDS[0], Decoding("长城", 0, 0, 0.0))])
    True
    >>> _short_reading_holds([(KINDS[5], Decoding("檔", 0, 0, 0.0))])
    False
    """
    text = "".join(chain[-1][1].text.split())
    damaged = sum(d.lost + d.guessed for _, d in chain)
    return len(text) >= 2 and 2 * damaged <= len(text)


def _repair_short_line(line: str, counts: dict[str, list[int]], examples: dict[str, tuple[str, str]],
                       page: str, shown: frozenset[str]) -> str:
    """Repair a short line (``SHORT_LINE``) that shows a single sign of some kind, judged with its page.

    Why: a title or a name of two to ten characters read with the wrong codec shows too few signs for
    the line-by-line test, and a clean short line of rare characters reads poorly too. When the page
    shows the same damage on other lines (``shown``), the line is taken at the page's gates; otherwise
    its reading must score far better than the line does (``SHORT_MIN_GAIN``).

    >>> _repair_short_line("闀垮煄", {}, {}, "", frozenset())  # 长城, UTF-8 read as GBK
    '长城'
    >>> _repair_short_line("鐘錶", {}, {}, "", frozenset({"utf8_as_gbk"}))  # genuine Traditional
    '鐘錶'
    """
    if shown:
        fixed = _repair_line(line, counts, examples, page, min_score=PAGE_MIN_RESULT_SCORE, only=shown,
                             short=True)
        if fixed != line:
            return fixed
    return _repair_line(line, counts, examples, page, min_gain=SHORT_MIN_GAIN, short=True)


def fix_mojibake(text: str) -> tuple[str, list[Step]]:
    """Repair lines decoded with the wrong codec, when the language model agrees.

    >>> fix_mojibake("鏂囩珷鍙戝竷浜嗐€?")[0][:5]  # the last byte of 。 is lost: 。 is guessed or lost
    '文章发布了'
    >>> fix_mojibake("ä¸\\xadæ–‡ç½‘")[0]
    '中文网'
    >>> fix_mojibake("錢鍾書的書,鏡子發布了。")[0]
    '錢鍾書的書,鏡子發布了。'
    """
    suspects, short = _find_suspects(text)
    if not suspects and not short:
        return text, []
    counts: dict[str, list[int]] = {}
    examples: dict[str, tuple[str, str]] = {}
    lines = text.split("\n")
    page = _clean_context(lines, suspects + short)
    changed = False
    left = []
    for i in suspects:
        line = lines[i]
        fixed = _repair_line(line, counts, examples, page)
        if fixed != line:
            lines[i] = fixed
            changed = True
        else:
            left.append(i)
    shown = frozenset(name for name, (repaired, _, _) in counts.items() if repaired >= PAGE_EVIDENCE)
    for i in left if shown else ():
        # The page shows this damage on other lines: a short line of rare terms and digits that reads
        # below MIN_RESULT_SCORE is taken at the lower PAGE_MIN_RESULT_SCORE, for those kinds only.
        line = lines[i]
        fixed = _repair_line(line, counts, examples, page, min_score=PAGE_MIN_RESULT_SCORE, only=shown)
        if fixed != line:
            lines[i] = fixed
            changed = True
    for i in short:
        line = lines[i]
        fixed = _repair_short_line(line, counts, examples, page, shown)
        if fixed != line:
            lines[i] = fixed
            changed = True
    if not changed:
        return text, []
    steps = [
        Step(
            stage="repair", name=name, count=lines_, before=examples[name][0], after=examples[name][1],
            lost=lost, detail=f"{lines_} lines; {guessed} characters with lost bytes guessed",
        )
        for name, (lines_, lost, guessed) in counts.items()
    ]
    return "\n".join(lines), steps
