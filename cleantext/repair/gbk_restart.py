"""Undo GBK restart damage: a decoder that restarted one byte early and read every pair out of step.

In GBK bytes the sites' decoder sometimes restarts on the last byte of the previous character. That
byte and the next character's lead byte become a garbage character G0, shown as ``?``; every later pair
is read one byte out of step until a byte below 0x80 lands where a lead byte is expected (an ASCII trail
byte such as the ``s`` of 榮 = 98 73, or an ASCII character: an invalid pair ``?`` then swallows it)::

    及省（市）級榮譽  →  及?。ㄊ校┘墭s譽        修。”</p>  →  修?!?/p>

:func:`fix_gbk_restart` re-reads each run one byte later and fills what the damage destroyed: the lost
character's lead byte (hidden in G0; a surviving pinyin tail ``?nèi)`` names it), the last character's
trail byte when the run ends in an invalid pair, and the swallowed byte when it can be told (the ``<``
of a tag remnant, the ``&`` of a character reference, the first digit of a number; a one-digit month
before ``月6日`` cannot be told and counts as lost). Candidates are scored by the shared character model
mixed with the page's own n-grams and character frequencies (cache models: names it repeats), the
dictionary words a candidate makes with its neighbours (when the model file has them), quote balance
over the paragraph and the prior that the damage strikes mostly before ``。``. Every way a run can end
(on a page that folded its full-width forms, ASCII letters and ``?`` inside a run may be folded forms; a
second restart ends it silently at a doubled byte) is scored over the same span with prefix sums, and a
repair is kept only when it beats the text as it stands by a margin. The margin drops on a page that
shows the damage elsewhere (private-use characters, a tag remnant after ``?``, a clear repair), so a
genuine ``?`` on a clean page is left alone. A restart whose byte was ASCII leaves a lone ``?`` and
nothing lost: it goes where the page confirms the damage.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Protocol

from cleantext.repair.markup import bare_reference, read_references
from cleantext.repair.mojibake import utf8_as_gbk_share
from cleantext.result import Step

#: Private-use code point of GBK FE50, the start of the user-defined block FE50–FEA0 that the sites'
#: decoder maps in order (FE84 = U+E848 on a real page).
_FE50_PUA = 0xE815
#: Context (characters) scored on each side of a repair.
_WINDOW = 12
#: A repair must beat the text as it stands by this much (natural log) to be kept.
MARGIN = 6.0
#: Extra margin for each byte the damage destroyed without trace (a guess among many candidates).
GUESS_COST = 2.0
#: Margin and guess cost on a page that shows the damage elsewhere (private-use characters, a repair
#: that gained this much, two runs, three lone '?'): there a ``?`` is far likelier to be damage.
MARGIN_DAMAGED, GUESS_COST_DAMAGED, STRONG_GAIN = 0.0, 0.5, 20.0
#: A lone '?' that splits text this much likelier without it is damage even on a page without others.
INSERTED_SURE_GAIN = 8.0
#: Unmistakable signs of the damage: private-use characters of a misread pair, a tag remnant after '?',
#: a paragraph's indentation right after '??' (the pair swallowed the line break: ``泊??\u3000\u3000自``).
_DAMAGE_SIGNS = re.compile(
    r"[\ue000-\ue864]|\?/[a-zA-Z]{1,10}>|\?#(?:[0-9]{2,7}|[xX][0-9a-fA-F]{2,6});|\?\? ?(?:[\u3000\t]|&nbsp;)"
)
#: Runs longer than this many characters are not followed (a real run ends at the paragraph's end).
MAX_RUN = 3000
#: A group of '?' (three or more in a row: a page whose characters were lost to '?' by a converter).
_QUESTION_MARKS = re.compile(r"\?+")
#: Ways a run may end that are followed at most. A run ends at its first real ASCII byte; each later
#: ending supposes that every ASCII character before it was a folded full-width form. Without a cap, a
#: page of many genuine '?' (``你好吗?我很好?`` x 400) made every '?' weigh hundreds of endings: minutes.
MAX_ENDINGS = 8

#: Punctuation and signs of running Chinese prose (other symbols, Greek, kana... are not restored).
_PROSE_MARKS = frozenset("。，、；：？！“”‘’（）《》〈〉「」『』【】〔〕…—·～％")
#: Log-prior of the lost character: on real pages it was ``。`` in 8 of 11 cases (5.0, not 4.5, since the
#: right context before a Han character weighs more: :data:`RIGHT_WEIGHT_HAN`).
LOST_PRIOR = {"。": 5.0}
#: ...but not before an opening quote or bracket: there the character is as often mid-sentence (日常“).
NO_PRIOR_BEFORE_OPENING = True
#: Characters a lost byte can restore at a paragraph end when nothing of it survives (``??/p>``).
_ENDINGS = "。！？”’」』）》…"
#: The full-width (double-byte) opener of each folded opener, as a lost character may be.
_FULL_WIDTH_OPENER = {"(": "（", "[": "［", "“": "“", "‘": "‘", "「": "「", "『": "『", "《": "《",
                      "【": "【"}
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def _fold(text: str) -> str:
    """Full-width ASCII forms as ASCII (``translate`` only when there is one: it is slow on CJK).

    >>> _fold("好！（一）"), _fold("好")
    ('好!(一)', '好')
    """
    return text if _FULL_WIDTH.search(text) is None else text.translate(_FOLD)
#: Closing bracket or quote → its opening partner, for the "an open quote wants its close" rule.
_CLOSERS = {"”": "“", "’": "‘", "」": "「", "』": "『", ")": "(", "》": "《", "】": "【", "]": "["}
_CLOSERS.update({"）": "(", "］": "["})
_OPENERS = {o: c for c, o in _CLOSERS.items() if c.isascii() or o not in "(["}
_OPENERS.update({"（": ")", "［": "]"})
#: A tag, or what is left of one whose ``<`` an invalid pair swallowed (``/p>``).
_BLOCK_TAG = re.compile(r"<?/?(?:p|br|div|li|tr|td|h[1-6]|section|article)\b[^<>\n]*>", re.I)
_INLINE_TAG = re.compile(r"<?/?[a-zA-Z][a-zA-Z0-9]*\b[^<>\n]*>")
_TAG_REMNANT = re.compile(
    r"""/?[a-z][a-z0-9]{0,9}(?:\s+[a-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?)*\s*/?>""",
    re.I | re.A,
)
#: What follows a one-digit month that an invalid pair ate: ``??月6日`` is ``。4月6日`` (news sentences
#: open with the date, and the damage strikes sentence ends; no text has a date without its month). The
#: lost character is restored; the digit is not guessed (any of nine, and a wrong one would be a wrong
#: date): it counts as lost. (``??日，`` is left: ``真的吗??日，`` may be the text's own.)
_DATE_AFTER_EATEN_DIGIT = re.compile(r"月[0-9]{1,2}[日号]")
#: A whole year and what follows one in a date (``2020-06-14``, ``2008年``), or a month no digit can
#: begin (``3月27日``: 13 to 93 are no months): no eaten digit began it.
_WHOLE_YEAR = re.compile(r"(?:1[5-9]|20)[0-9]{2}\s*[-/.年]|(?:[3-9]|1[0-2])\s*月\s*[0-9]{1,2}\s*[日号]")
#: Gain credited to a reading that explains a tag or reference remnant right after its invalid pair.
REMNANT_EVIDENCE = 4.0
#: Pinyin tail of an annotated G0 whose ``(`` was eaten: ``?nèi)``.
_TAIL = re.compile(r"([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹɑɡ]{1,7})\)")


#: A year that lost its first digit (``??011年``, ``??997-06-30``).
_YEAR_WITHOUT_FIRST_DIGIT = re.compile(r"[0-9]{3}(?:\s*年|-[01]?[0-9]-)")


#: A number after an eaten byte that began it (not a whole year: there the byte was a line break).
_NUMBER_WITHOUT_FIRST_DIGIT = re.compile(rf"(?!{_WHOLE_YEAR.pattern})[0-9]")


def _provisional_first_digit(rest: str) -> str:
    """A stand-in for the first digit a number lost, to score what stands before it: a year's century,
    else ``1`` (the commonest first digit of a number)."""
    return _first_digit_of_year(rest) if _YEAR_WITHOUT_FIRST_DIGIT.match(rest) else "1"


def _first_digit_of_year(rest: str) -> str:
    """The first digit of a year whose other three are ``rest``: 2 for 2000-2039 (2011, not 1011), else
    1 (1059, 1511: a year far to come is rarely written). The character model, reading three
    characters, cannot tell: it made 2011 into 1011 and 1772 into 3772.

    >>> [_first_digit_of_year(rest) for rest in ("011年", "059年", "772年", "997-06-30")]
    ['2', '1', '1', '1']
    """
    return "2" if rest[:1] == "0" and rest[1:2] in "0123" else "1"


#: A paragraph's closing tag or line-break tag, or what is left of one whose ``<`` was eaten.
_PARAGRAPH_TAG = re.compile(r"/p>|<br\s*/?>", re.I)
#: Sentence ends after which an eaten byte may have been the paragraph's line break.
_SENTENCE_ENDS = frozenset("。！？!?")
#: The start of a sentence: a Han character or an opening quote or bracket, maybe after the indentation
#: that opens a paragraph (full-width or plain spaces, ``&nbsp;``): ``湖泊??\u3000\u3000自2008年``.
_PARAGRAPH_START = re.compile("(?:[ \t\u3000\u00a0]|&nbsp;)*[\u3400-\u9fff“「『《（(]")


#: A paragraph's indentation (full-width spaces, a tab, several spaces, ``&nbsp;``): after an invalid pair
#: it says that the byte eaten was the line break before it: ``好??\u3000第二`` is ``好。\n\u3000第二``.
_INDENT = re.compile(r"[ \xa0]*(?:\u3000|\t)|[ \xa0]{2,}|&nbsp;")


def _eaten_byte(after: str) -> str:
    """The ASCII byte an invalid pair swallowed, when what follows tells it: a tag's ``<``, a ``&``, the
    line break before a paragraph's indentation.

    >>> _eaten_byte("/p>"), _eaten_byte("#22312;冷战"), _eaten_byte("nbsp;"), _eaten_byte("foo;")
    ('<', '&', '&', '')
    >>> _eaten_byte("\u3000\u3000第二天"), _eaten_byte(" 第二天"), _eaten_byte("第二天")
    ('\\n', '', '')
    """
    if _TAG_REMNANT.match(after):
        return "<"
    if bare_reference(after):
        return "&"
    return "\n" if _INDENT.match(after) else ""


def eaten_line_break(after: str, document: DocumentBigrams) -> str:
    """The line-break byte an invalid pair swallowed at the end of a bare (untagged) line: what follows
    is the other half of the page's line end (the ``\\n`` of ``\\r\\n``, or of a blank line).

    Without ``<p>`` tags a paragraph ends ``。\\r\\n``; a restart before ``。`` makes its second byte and
    the ``\\r`` one invalid pair: ``物??\\n下`` is ``物。\\r\\n下`` (``物。\\n\\n下`` on a page of LF lines).

    >>> crlf, blank = DocumentBigrams("好。\\r\\n下"), DocumentBigrams("好。\\n\\n下")
    >>> eaten_line_break("\\n下", crlf), eaten_line_break("\\n下", blank), eaten_line_break("下", blank)
    ('\\r', '\\n', '')
    >>> eaten_line_break("\\n下", DocumentBigrams("好?/p>"))  # tagged paragraphs end "。<"
    ''
    """
    if after[:1] != "\n" or document.paragraphs_tagged:
        return ""
    return document.line_end[0]


def _remnant_end(text: str, at: int) -> int:
    """Where a tag or reference remnant starting at ``at`` ends (``at`` when there is none)."""
    remnant = _TAG_REMNANT.match(text, at) or bare_reference(text, at)
    return remnant.end() if remnant else at


class _Model(Protocol):
    def logprob(self, text: str) -> float: ...

    def char_logprob(self, prev: str, ch: str) -> float: ...

    def prefix_logprobs(self, text: str) -> list[float]: ...

    def continuation_logprob(self, context: str, text: str) -> float: ...

    def best_fillers(self, left: str, candidates: tuple[str, ...], right: str,
                     bonus: dict[str, float] | None = None, *,
                     keep: frozenset[str] | set[str] = frozenset(),
                     limit: int | None = None) -> list[tuple[float, str]]: ...

    def score_candidates(self, left: str, candidates: list[str], right: str) -> list[float]: ...


# --- the sites' decoder, and its inverse ---------------------------------------------------------------


@cache
def site_pair(lead: int, trail: int) -> str:
    """The character the sites' decoder shows for a GBK pair ("" if the pair is invalid).

    User-defined areas come out as private-use characters, FE50–FEA0 in order from U+E815:

    >>> site_pair(0x98, 0x73), site_pair(0xFE, 0x84), site_pair(0x81, 0x20)
    ('榮', '\\ue848', '')
    """
    if lead == 0xFE and 0x50 <= trail <= 0xA0 and trail != 0x7F:
        return chr(_FE50_PUA + trail - 0x50 - (trail > 0x7F))
    if not (0x81 <= lead <= 0xFE and 0x40 <= trail <= 0xFE and trail != 0x7F):
        return ""
    try:
        return bytes((lead, trail)).decode("gb18030")
    except UnicodeDecodeError:
        return ""


def _possible(ch: str) -> bool:
    """Could ``ch`` be a character of the original page? Anything but private-use debris.

    >>> _possible("－"), _possible("ア"), _possible("\ue848"), _possible("")
    (True, True, False, False)
    """
    return bool(ch) and not 0xE000 <= ord(ch) <= 0xF8FF


def _plausible(ch: str) -> bool:
    """Is ``ch`` a likely lost character? Han characters and the punctuation of prose.

    >>> _plausible("說"), _plausible("。"), _plausible("\\ue848"), _plausible("╋")
    (True, True, False, False)
    """
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or ch in _PROSE_MARKS


@dataclass(frozen=True)
class _Tables:
    pair_of: dict[str, tuple[int, int]]
    """Every character the decoder can show → its GBK pair (folded ASCII → its full-width pair)."""
    by_trail: dict[int, tuple[str, ...]]
    """Trail byte → plausible characters with that trail (the lost character's candidates)."""
    by_lead: dict[int, tuple[str, ...]]
    """Lead byte → plausible characters with that lead (the last character's candidates)."""


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    pair_of: dict[str, tuple[int, int]] = {}
    by_trail: dict[int, list[str]] = {}
    by_lead: dict[int, list[str]] = {}
    trails = [t for t in range(0x40, 0xFF) if t != 0x7F]
    for lead in range(0x81, 0xFF):
        row = bytes(b for t in trails for b in (lead, t)).decode("gb18030", errors="replace")
        if len(row) != len(trails):  # some pair is not one character: go pair by pair
            row = "".join(site_pair(lead, t) or "\ufffd" for t in trails)
        for trail, ch in zip(trails, row, strict=True):
            if lead == 0xFE and trail <= 0xA0:
                ch = site_pair(lead, trail)
            if ch == "\ufffd":
                continue
            pair_of[ch] = (lead, trail)
            if _plausible(ch):
                by_trail.setdefault(trail, []).append(ch)
                by_lead.setdefault(lead, []).append(ch)
    for ch, pair in list(pair_of.items()):
        if 0xFF01 <= ord(ch) <= 0xFF5E:  # the site folded full-width forms to ASCII afterwards
            pair_of[chr(ord(ch) - 0xFEE0)] = pair
    return _Tables(
        pair_of=pair_of,
        by_trail={k: tuple(v) for k, v in by_trail.items()},
        by_lead={k: tuple(v) for k, v in by_lead.items()},
    )


# --- a run after G0 and the ways it can end ----------------------------------------------------------


@dataclass(frozen=True)
class _Ending:
    """One reading of where a misaligned run ends.

    ``pairs`` are the GBK pairs of the run's characters before the end; ``trail`` is the trail byte of
    the last real character (None: destroyed by an invalid pair); ``extra`` a real ASCII character that
    ended the run; ``swallowed`` tells that an invalid pair ate one ASCII byte; ``end`` indexes the text
    just after the run.
    """

    end: int
    pairs: tuple[tuple[int, int], ...]
    trail: int | None
    extra: str = ""
    swallowed: bool = False


def run_endings(
    text: str, start: int, tables: _Tables | None = None, *, folded: bool = True
) -> list[_Ending]:
    """Every way the misaligned run starting at ``text[start]`` can end.

    A run continues while each character, re-read one byte later, gives a valid pair. It ends at a real
    ASCII byte in a lead position (``s`` in ``墭s``), at an invalid pair ``?``, at a pair whose second
    byte is ASCII, or silently at a doubled byte (a second restart). On a page whose full-width forms
    were folded (``folded``), ASCII letters and ``?`` may also be folded forms inside the run, so both
    readings are kept; elsewhere see :func:`ascii_ends_run`.

    >>> [(e.end, e.trail) for e in run_endings("。ㄊ校┘墭s譽", 0)]  # 's' real, or folded 'ｓ'
    [(6, 115), (7, 215)]
    >>> [(e.end, e.trail) for e in run_endings("。ㄊ校┘墭s譽", 0, folded=False)]  # 's' real
    [(6, 115)]
    >>> [(e.end, e.trail, e.swallowed) for e in run_endings("!?/p>", 0)][0]
    (2, None, True)
    """
    t = tables or _tables()
    endings: list[_Ending] = []
    pairs: list[tuple[int, int]] = []
    for j in range(start, min(len(text), start + MAX_RUN)):
        if len(endings) >= MAX_ENDINGS:
            break
        ch = text[j]
        lead = pairs[-1][1] if pairs else None  # lead byte waiting for its trail
        code = ord(ch)
        if ch == "?":
            endings.append(_Ending(j + 1, tuple(pairs), None, swallowed=True))
        elif 0x40 <= code <= 0x7E or ch == "€":
            trail = 0x80 if ch == "€" else code
            if lead is None or _possible(site_pair(lead, trail)):
                endings.append(_Ending(j + 1, tuple(pairs), trail))
        if ascii_ends_run(ch, folded):
            break
        pair = t.pair_of.get(ch)
        if pair is None:
            break
        first, second = pair
        if lead is not None and not _possible(site_pair(lead, first)):
            break
        if second < 0x81:  # the second byte was a real ASCII character: the stream is in step again
            endings.append(_Ending(j + 1, tuple(pairs), first, extra="€" if second == 0x80 else chr(second)))
            break
        if first == second:
            endings.append(_Ending(j + 1, tuple(pairs), first))
        pairs.append(pair)
    return endings


def ascii_ends_run(ch: str, folded: bool) -> bool:
    """Whether ``ch`` in a misaligned run must end it: an ASCII character on a page that kept its
    full-width forms. Such a page never folded ``？`` or ``Ｉ`` to ASCII, so an ASCII ``?`` or letter in
    a run is an invalid pair or a real ASCII byte, never the middle of the run. Read as folded forms,
    ``只?琴I了?杀緯`` (只是買了兩本書 twice restarted) became one long run of garbage.

    >>> ascii_ends_run("?", False), ascii_ends_run("I", False), ascii_ends_run("?", True)
    (True, True, False)
    >>> ascii_ends_run("琴", False), ascii_ends_run("€", False)
    (False, False)
    """
    return not folded and ch < "\x80"


# --- choosing lost bytes ----------------------------------------------------------------------------


def _model_view(text: str) -> str:
    """Text as the model should see it: block tags (or their remnants) become line breaks, others go;
    a CRLF line end is one line break (the model never saw ``\\r``: a restored one would cost a repair).

    >>> _model_view("好。”</p>下<b>一</b>段"), _model_view("好。\\r\\n下")
    ('好。”\\n下一段', '好。\\n下')
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if ">" not in text:
        return text
    return _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", text))


def _paragraph(left: str, right: str) -> tuple[str, str]:
    """The parts of the current paragraph left and right of a gap."""
    return left[left.rfind("\n") + 1:], right.split("\n", 1)[0]


def quote_balance_bonus(ch: str, left: str, right: str) -> float:
    """Bonus for a closing quote that closes an open one, penalty for one that closes nothing.

    Uses the whole paragraph, beyond the model's reach: ``“三保一修?`` wants ``”``.

    >>> quote_balance_bonus("”", "在做好“三保一修", "服務"), quote_balance_bonus("”", "在做好三保", "服務")
    (3.0, -1.0)
    """
    if ch not in _CLOSERS and ch not in _OPENERS:
        return 0.0
    ch = ch.translate(_FOLD)
    left, right = left.translate(_FOLD), right.translate(_FOLD)
    if ch in _CLOSERS:
        opener = _CLOSERS[ch]
        para_left, _ = _paragraph(left, right)
        return 3.0 if para_left.count(opener) > para_left.count(ch) else -1.0
    if ch in _OPENERS:
        closer = _OPENERS[ch]
        _, para_right = _paragraph(left, right)
        return 3.0 if para_right.count(closer) > para_right.count(ch) else -1.0
    return 0.0


def _closes_unopened(text: str) -> bool:
    """Whether ``text``, up to its first sentence end, closes a quote or bracket it did not open: then
    it does not start a paragraph (``??区212》`` is ``《1区212》``, a lost opener and an eaten digit).

    >>> _closes_unopened("区212》在杂志"), _closes_unopened("《知音》创刊。然后》"), _closes_unopened("他说")
    (True, False, False)
    """
    return first_unopened_closer(text) is not None


def first_unopened_closer(text: str) -> str | None:
    """The first quote or bracket that ``text`` closes, up to its first sentence end, without opening it
    (folded: ``)`` for ``）``), else None.

    >>> first_unopened_closer("1399年）又"), first_unopened_closer("（一）二）")
    (')', ')')
    >>> first_unopened_closer("他。）") is None
    True
    """
    text = text.translate(_FOLD)
    end = min((i for i in map(text.find, "。！？\n") if i >= 0), default=len(text))
    depth: dict[str, int] = {}
    for ch in text[:end]:
        if ch in _OPENERS:
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            if not depth.get(opener):
                return ch
            depth[opener] -= 1
    return None


def _left_open(text: str, opener: str) -> bool:
    """Whether the paragraph part ``text`` (folded) leaves ``opener`` open.

    >>> _left_open("年(见", "("), _left_open("(一)年", "(")
    (True, False)
    """
    return text.count(opener) > text.count(_OPENERS[opener])


def doubled_punctuation_penalty(ch: str, left: str) -> float:
    """Penalty for a sentence or clause mark right after another one: ``。。`` and ``，。`` are not prose.

    >>> doubled_punctuation_penalty("。", "一項。"), doubled_punctuation_penalty("》", "《方便》")
    (-5.0, -5.0)
    >>> doubled_punctuation_penalty("”", "一項。")
    0.0
    """
    marks = "。，、；：！？,;:!?"
    if ch in marks and left[-1:] in marks:
        return -5.0
    return -5.0 if ch in _PROSE_MARKS and ch == left[-1:] and ch not in "—…" else 0.0


_G0_AND_NEXT = re.compile(r"\?[^\n\r?]?")


def _mask(match: re.Match[str]) -> str:
    return "\x00" * len(match.group())


class DocumentBigrams:
    """Character n-gram counts of the page itself, a cache model: names and terms it repeats are
    likelier there than in the language at large.

    Counts are taken on demand (``str.count`` over the folded page, remembered), never for every
    n-gram of the page: a repair asks about a handful.

    >>> doc = DocumentBigrams("長慶油田的長慶樣本")  # also remembers choices made for this page
    >>> doc.prob("長", "慶") > doc.prob("長", "城")
    True
    >>> sorted(doc.followers("長")), sorted(doc.predecessors("慶"))
    (['慶'], ['長'])
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._counts: dict[str, int] = {}
        self._near: dict[tuple[str, bool], frozenset[str]] = {}
        self.chosen: dict[tuple[object, ...], tuple[str, float, int]] = {}
        self.unigram_gains: dict[tuple[str, ...], dict[str, float]] = {}
        self._unigrams: Counter[str] | None = None
        self._tagged: bool | None = None
        self._line_end: str | None = None

    @property
    def paragraphs_tagged(self) -> bool:
        """Whether the page's paragraphs are (or were) closed by tags: a ``</p>`` or ``<br>``, or the
        remnant ``/p>`` of one whose ``<`` the damage ate. There a paragraph ends ``。<``, not ``。\\n``.

        >>> DocumentBigrams("好?!?/p>").paragraphs_tagged, DocumentBigrams("好。\\n第二").paragraphs_tagged
        (True, False)
        """
        if self._tagged is None:
            self._tagged = _PARAGRAPH_TAG.search(self.text) is not None
        return self._tagged

    @property
    def line_end(self) -> str:
        """The page's line end: ``\\r\\n`` when it has one, else ``\\n``.

        >>> DocumentBigrams("好。\\r\\n第二").line_end, DocumentBigrams("好。\\n第二").line_end
        ('\\r\\n', '\\n')
        """
        if self._line_end is None:
            self._line_end = "\r\n" if "\r\n" in self.text else "\n"
        return self._line_end

    @property
    def folded(self) -> str:
        """The page folded as the model sees it, the damage masked: its own ``?`` teach nothing, and
        neither does the character after one, an out-of-step reading in a restart run. Counted, it
        made the misreading vouch for itself: in ``被?行入`` the page "shows" ``行入`` and the lost
        ``列`` (same trail byte as ``行``) lost to it.

        >>> DocumentBigrams("被?行入。").folded
        '被\\x00\\x00入。'
        """
        if self._folded is None:
            self._folded = _G0_AND_NEXT.sub(_mask, _fold(self.text))
        return self._folded

    @property
    def unigrams(self) -> Counter[str]:
        """How often each character occurs on the (folded) page."""
        if self._unigrams is None:
            self._unigrams = Counter(self.folded)
        return self._unigrams

    def count(self, gram: str) -> int:
        """How often ``gram`` occurs on the (folded) page."""
        n = self._counts.get(gram)
        if n is None:
            n = self._counts[gram] = self.folded.count(gram) if gram else 0
        return n

    def followers(self, ch: str) -> frozenset[str]:
        """Characters that follow ``ch`` somewhere on the page."""
        return self._neighbours(ch, True)

    def predecessors(self, ch: str) -> frozenset[str]:
        """Characters that precede ``ch`` somewhere on the page."""
        return self._neighbours(ch, False)

    def _neighbours(self, ch: str, after: bool) -> frozenset[str]:
        found = self._near.get((ch, after))
        if found is None:
            pieces = self.folded.split(ch) if ch else [""]
            self._near[(ch, True)] = frozenset(p[0] for p in pieces[1:] if p)
            self._near[(ch, False)] = frozenset(p[-1] for p in pieces[:-1] if p)
            found = self._near[(ch, after)]
        return found

    def prob(self, context: str, ch: str) -> float:
        """P(ch | the last one or two characters of context) in the page (0.0 when unseen).

        Both are taken as folded (full-width forms as ASCII), as the counts are.
        """
        count = self.count
        context = context[-2:]
        p2 = count(context[-1:] + ch) / (count(context[-1:]) or 1) if context else 0.0
        if len(context) < 2 or not count(context):
            return p2
        return 0.5 * count(context + ch) / count(context) + 0.5 * p2


try:  # the weights the shared model's score_candidates gives the right context and the frequency prior
    from cleantext.langmodel import PRIOR as _LM_PRIOR
    from cleantext.langmodel import RIGHT_WEIGHT as _LM_RIGHT_WEIGHT
except ImportError:  # an older model: exact log-probabilities
    _LM_PRIOR, _LM_RIGHT_WEIGHT = 0.0, 1.0
#: Weight of log(1 + count) of the page's 4-grams that a candidate completes.
SPAN_WEIGHT = 2.0
#: Lengths of the page's n-grams across the gap that count as evidence for a candidate.
SPAN_SIZES = (4,)
#: Weight of the right-context terms when the gap is followed by a Han character, and when it is
#: followed by a quote, a bracket, a mark or a line end. A Han neighbour says much about the lost
#: character (``大[部]份``: ``部份``, not ``大量``); a quote says little (``才[叫]「滅絕」``), and
#: weighing it as much lets clause ends and words with the left neighbour win there. One weight
#: (0.75, still used before ASCII letters and digits: the first digit of a number an invalid pair
#: ate) was right less often on either side.
RIGHT_WEIGHT_HAN, RIGHT_WEIGHT_MARK = 0.9, 0.6


def right_context_weight(right: str) -> float:
    """Weight of the right-context terms of a gap followed by ``right``.

    >>> right_context_weight("份義大利"), right_context_weight("「滅絕」"), right_context_weight("")
    (0.9, 0.6, 0.6)
    >>> right_context_weight("012年") == _LM_RIGHT_WEIGHT
    True
    """
    if "\u3400" <= right[:1] <= "\u9fff":
        return RIGHT_WEIGHT_HAN
    return _LM_RIGHT_WEIGHT if right[:1].isascii() and right[:1].isalnum() else RIGHT_WEIGHT_MARK


#: Weight of the general model against the page's own n-grams (cache model).
MODEL_WEIGHT = 0.6


def _mixed_score(model: _Model, document: DocumentBigrams, left: str, ch: str, right: str,
                 right_weight: float = _LM_RIGHT_WEIGHT) -> float:
    """Log-probability of ``ch`` and the two characters after it, general model mixed with the page's.

    The same terms as the model's ``score_candidates`` (right context weighted by ``right_weight``, a
    frequency prior),
    each the mixture ``MODEL_WEIGHT * P_model + (1 - MODEL_WEIGHT) * P_page``, plus the page's own
    4-grams across the gap (a name or term it repeats). The last term counts the page only where the
    page has ``ch`` before the next character: a candidate the page never shows next to the gap scores
    its model score plus :func:`_unseen_shift`.
    """
    wide = _fold(left[-4:] + ch + right[:3])
    at = len(left[-4:])
    seq = wide[max(0, at - 2):at + 3]
    first = min(at, 2)
    total = _LM_PRIOR * model.char_logprob("", ch)
    for i in range(first, len(seq)):
        context = seq[max(0, i - 2):i]
        p_page = document.prob(context, seq[i]) if i < first + 2 or document.count(context) else 0.0
        p = MODEL_WEIGHT * math.exp(model.char_logprob(context, seq[i]))
        term = math.log(p + (1 - MODEL_WEIGHT) * p_page)
        total += term * (right_weight if i > first else 1.0)
    spans = {wide[i:i + n] for n in SPAN_SIZES for i in range(max(0, at - n + 1), at + 1)}
    return total + SPAN_WEIGHT * sum(math.log1p(document.count(g)) for g in spans if len(g) in SPAN_SIZES)


#: Gain credited per log(1 + count) of each three-character sequence through a guessed character
#: that the page shows elsewhere (:func:`page_support`).
PAGE_SUPPORT = 3.0
#: Page support at which a repair needs only the margin of a page that shows the damage: a sequence
#: through the guessed character that the page writes twice elsewhere.
PAGE_SURE = PAGE_SUPPORT * math.log1p(2)


def page_support(document: DocumentBigrams, left: str, ch: str, right: str) -> float:
    """Evidence from the rest of the page for the Han character ``ch`` guessed between ``left`` and
    ``right``: the model alone may not know a rare character of a name (``林越峯``), the page that
    names him three times does. Counts the page's three-character sequences through ``ch``; the
    damaged spot itself is masked in the counts (:attr:`DocumentBigrams.folded`).

    >>> doc = DocumentBigrams("林越峯\\n林越?o(1909年)，本名林海成，林越峯是其筆名。")
    >>> round(page_support(doc, "林越", "峯", "(1909"), 2), page_support(doc, "林越", "無", "(1909")
    (3.3, 0.0)
    """
    if not "\u3400" <= ch <= "\u9fff":
        return 0.0
    window = _fold(left[-2:] + ch + right[:2])
    at = len(left[-2:])
    grams = {window[i:i + 3] for i in range(max(0, at - 2), at + 1)}
    return PAGE_SUPPORT * sum(math.log1p(document.count(g)) for g in grams if len(g) == 3)


def _unseen_shift(right: str, right_weight: float = _LM_RIGHT_WEIGHT) -> float:
    """What the page mixture does to a candidate the page never shows next to the gap: a constant."""
    return (1 + right_weight * len(right[:2])) * math.log(MODEL_WEIGHT)


#: Candidates whose right context is scored: those with the best left-context score (the winner is
#: among the first ten 99 % of the time).
SCORED = 16
#: Weight of the log-frequency of a dictionary word that a candidate makes with its left or right
#: neighbour (``以外[极]少``): the model's n-grams of such words are pruned and mixed with running text.
WORD_WEIGHT = 0.4
#: Characters of right context a choice looks at (the model needs two, quote balance the paragraph).
_RIGHT_REACH = 200
#: Candidates kept per byte, the likeliest by the model's unigram score (punctuation always kept). No
#: byte has more: rare ones cost little, as ``best_fillers`` prunes them (80 lost 2 of 300 guesses).
TOP_CANDIDATES = 200
#: A ``。！？`` that closes a "sentence" shorter than this many characters is improbable...
SHORT_SENTENCE = 6
#: ...by this much (natural log) per missing character (日。“三保 is rarer than 日常“三保).
SHORT_SENTENCE_COST = 1.0
_SENTENCE_MARKS = "。！？!?"
_SENTENCE_START = re.compile(r"[。！？!?；;：:“「『\n]")


def short_sentence_penalty(ch: str, left: str, right: str) -> float:
    """Penalty for a sentence end after only a few characters of its sentence (a length prior).

    Short quoted replies after a colon (``說：“好。”``) are common: they are not penalised; a quoted
    term (``作為“武夷山史。”``) is.

    >>> short_sentence_penalty("。", "發展為了群眾。在做好日", "“三保")
    -2.0
    >>> short_sentence_penalty("。", "他們說了很多話", "我"), short_sentence_penalty("常", "在做好日", "“")
    (0.0, 0.0)
    >>> short_sentence_penalty("。", "他說：“好", "”"), short_sentence_penalty("。", "作為“武夷山史", "”")
    (0.0, -2.0)
    """
    if ch not in _SENTENCE_MARKS:
        return 0.0
    tail = left[-SHORT_SENTENCE - 1:]
    starts = list(_SENTENCE_START.finditer(tail))
    if not starts:
        return 0.0
    start = starts[-1]
    length = len(tail) - start.end()
    if length >= SHORT_SENTENCE:
        return 0.0
    before = tail[start.start() - 1] if start.start() else ""
    if right[:1] in _CLOSERS and start.group() in _OPENERS and before and before in "：:，,":
        return 0.0  # a short quoted reply
    return -SHORT_SENTENCE_COST * (SHORT_SENTENCE - length)


@lru_cache(maxsize=512)
def _likely(cands: tuple[str, ...], model: _Model) -> tuple[str, ...]:
    """The ``TOP_CANDIDATES`` likeliest of ``cands`` by unigram score, plus every punctuation mark."""
    ranked = sorted(cands, key=lambda c: -model.char_logprob("", c))
    keep = set(ranked[:TOP_CANDIDATES])
    return tuple(c for c in cands if c in keep or unicodedata.category(c)[0] == "P")


@lru_cache(maxsize=512)
def _marked(cands: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str], frozenset[str]]:
    """The candidates that a context bonus can touch (punctuation), each fold's candidate, the folds."""
    marks = tuple(c for c in cands if c in _PROSE_MARKS or c in _CLOSERS or c in _OPENERS
                  or c in LOST_PRIOR or c in _SENTENCE_MARKS or c in ",;:!?")
    of_fold = {c.translate(_FOLD): c for c in cands}
    return marks, of_fold, frozenset(of_fold)


#: What follows a paragraph's last character: a line end, a tag or the end of the text.
_PARAGRAPH_END_NEXT = re.compile(r"\s*(?:[\r\n<]|$)")
#: Bonus of an opening bracket or quote when the text after the gap closes one, before its sentence
#: ends, that nothing on the left opened: the opener can only have been the lost character.
OPENER_NEEDED = 8.0


def _bonuses(marks: tuple[str, ...], left: str, right: str, *, restart_site: bool = True) -> dict[str, float]:
    """Context bonuses of the punctuation candidates: quote balance (as :func:`quote_balance_bonus`),
    doubled marks, the damage's prior and sentence length.

    >>> _bonuses(("。", "”"), "他說“我們明天再來", "\\n")
    {'。': 5.0, '”': 3.0}
    """
    folded_left, folded_right = _fold(left), _fold(right)
    para_left, para_right = _paragraph(folded_left, folded_right)
    opening = folded_right[:1] in _OPENERS  # before “ or 「 a sentence end is no likelier
    short = short_sentence_penalty("。", left, right)
    needed_opener: str | None = None
    out = {}
    for ch in marks:
        bonus = doubled_punctuation_penalty(ch, left)
        folded = ch.translate(_FOLD)
        if folded in _CLOSERS:
            opener = _CLOSERS[folded]
            bonus += 3.0 if para_left.count(opener) > para_left.count(folded) else -1.0
        elif folded in _OPENERS:
            closer = _OPENERS[folded]
            if needed_opener is None:
                needed_opener = _CLOSERS.get(first_unopened_closer(folded_right) or "", "")
            if folded == needed_opener and not _left_open(para_left, folded):
                bonus += OPENER_NEEDED  # "元年?1399年)": the clause closes a bracket nobody opened
            else:
                bonus += 3.0 if para_right.count(closer) > para_right.count(folded) else -1.0
        if restart_site and not (opening and NO_PRIOR_BEFORE_OPENING):
            bonus += LOST_PRIOR.get(ch, 0.0)
        if ch in _SENTENCE_MARKS:
            bonus += short
        if bonus:
            out[ch] = bonus
    return out


#: Weight of the page's own character frequencies in a unigram cache mixture: a character the page
#: uses far more than the language at large (a name, a term: ``青衫`` on a page about fish) gains.
UNIGRAM_CACHE = 0.3


def page_unigram_gains(model: _Model, document: DocumentBigrams, cands: tuple[str, ...]) -> dict[str, float]:
    """Gain of each candidate the page uses, ``log(1 - w + w * P_page / P_model)`` (unigram cache model,
    ``w`` = ``UNIGRAM_CACHE``), remembered per candidate list for the page.

    >>> from cleantext.langmodel import get_model
    >>> doc = DocumentBigrams("青衫是鱼名。青衫鱼很美,青衫。")
    >>> gains = page_unigram_gains(get_model(), doc, ("衫", "道", "堋"))
    >>> gains["衫"] > 1.0, "道" in gains, "堋" in gains
    (True, False, False)
    """
    found = document.unigram_gains.get(cands)
    if found is None:
        size = len(document.folded) or 1
        counts = document.unigrams
        found = {}
        of_fold = _marked(cands)[1]
        for c in of_fold.keys() & counts.keys():  # the page's characters among the candidates
            if c >= "\u3400":  # Han characters: a page's punctuation says nothing of its topic
                ch = of_fold[c]
                ratio = counts[c] / size / math.exp(model.char_logprob("", ch))
                found[ch] = math.log(1 - UNIGRAM_CACHE + UNIGRAM_CACHE * ratio)
        document.unigram_gains[cands] = found
    return found


def choose(
    model: _Model, candidates: Iterable[str], left: str, right: str, document: DocumentBigrams | None = None,
    *, restart_site: bool = True,
) -> tuple[str, float, int]:
    """The best filler of a gap: model score of the context, plus quote balance, the page's own
    n-grams, a sentence-length prior and the prior that the damage strikes mostly before ``。``.

    Only candidates that can still win are scored in full (see ``CharModel.best_fillers``); the page's
    n-grams re-score the few candidates the page shows next to the gap, for the others the mixture is a
    constant shift. Returns the character, its score and how many candidates there were.
    """
    cands = _likely(tuple(candidates), model)
    if not cands:
        return "", -math.inf, 0
    right = right[:_RIGHT_REACH]
    mleft, mright = _model_view(left), _model_view(right[:60]) or "\n"  # the text's end ends a line
    marks, of_fold, folds = _marked(cands)
    bonus = _bonuses(marks, left, right, restart_site=restart_site) if marks else {}
    words = getattr(model, "word_logfreqs", None)
    if words is not None and WORD_WEIGHT:
        for ch, logfreq in words(mleft, cands, mright).items():
            bonus[ch] = bonus.get(ch, 0.0) + WORD_WEIGHT * logfreq
    if document is not None and UNIGRAM_CACHE:
        for ch, gain in page_unigram_gains(model, document, cands).items():
            bonus[ch] = bonus.get(ch, 0.0) + gain
    lctx, rctx = _fold(mleft[-2:]), _fold(mright[:2])
    key = (cands, lctx, rctx, *sorted(bonus.items()))
    if document is not None and key in document.chosen:
        return document.chosen[key]
    weight = right_context_weight(rctx)
    keep: set[str] = set()
    if document is not None:
        near = document.followers(lctx[-1:]) | document.predecessors(rctx[:1])
        keep = {of_fold[c] for c in folds & near}
    scored = model.best_fillers(mleft, cands, mright, bonus, keep=keep, limit=SCORED, right_weight=weight,
                                prior=_LM_PRIOR)
    best_score, best = scored[0]
    if document is not None:  # the page's own n-grams: a constant for candidates it never shows there
        shift = _unseen_shift(rctx, weight)
        best_score = -math.inf
        for s, ch in scored:
            if ch in keep:
                s = _mixed_score(model, document, mleft[-4:], ch, mright[:3], weight) + bonus.get(ch, 0.0)
            else:
                s += shift
            if s > best_score:
                best, best_score = ch, s
        document.chosen[key] = (best, best_score, len(cands))
    return best, best_score, len(cands)


# --- one repair ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Repair:
    start: int
    end: int
    text: str
    guessed: tuple[tuple[int, str], ...]  # (position in the output piece, character) of each guess
    lost: int
    score_gain: float
    tentative: bool = False  # a '?' that only the page's other damage can confirm
    before: str = ""  # the damaged span (with two characters before it)
    supported: bool = False  # the page shows the restored text elsewhere (page_support >= PAGE_SURE)


def _trail_byte(ch: str, tables: _Tables) -> int | None:
    pair = tables.pair_of.get(ch)
    return pair[1] if pair else None


@cache
def _row_of(lead: int) -> tuple[str, ...]:
    """Every character of the original page the GBK lead byte ``lead`` can begin."""
    return tuple(ch for t in range(0x40, 0xFF) if _possible(ch := site_pair(lead, t)))


def last_candidates(lead: int, tables: _Tables) -> tuple[str, ...]:
    """Candidates for a run's last character whose trail byte an invalid pair destroyed: the Han
    characters and prose marks with that lead byte, else (a row of kana, Greek or Cyrillic: a Japanese
    name in a Chinese sentence) every character of the row, rather than no repair of the whole run.

    >>> "說" in last_candidates(0xD5, _tables()), last_candidates(0xA4, _tables())[:3]
    (True, ('ぁ', 'あ', 'ぃ'))
    """
    return tables.by_lead.get(lead) or _row_of(lead)


def _rebuild(
    ending: _Ending,
    leads: frozenset[int] | None,
    model: _Model,
    left: str,
    after: str,
    tables: _Tables,
    document: DocumentBigrams,
    damaged_page: bool = False,
    worth: Callable[[str, str], bool] | None = None,
) -> tuple[str, str, str, list[tuple[int, str]], int] | None:
    """Real text of a run for one ending; ``leads`` limits the lost character's lead byte.

    Returns the lost character, the middle, the end (last character and what the run's end restores),
    the guessed characters with their offsets, and the number of lost characters. ``worth(lead,
    middle)`` may say that the ending cannot win whatever its last character: then None, unguessed.
    """
    pairs, trail = ending.pairs, ending.trail
    guessed: list[tuple[int, str]] = []
    lost = 0
    middle = "".join(site_pair(a[1], b[0]) for a, b in zip(pairs, pairs[1:], strict=False))
    restored = (_eaten_byte(after) or eaten_line_break(after, document)) if ending.swallowed else ""
    if ending.swallowed and not restored:
        lost += 1
    right_of_last = ending.extra + restored + after
    right_seen = read_references(right_of_last)  # what the model sees right of the run
    if ending.swallowed and not restored and not ending.extra and _NUMBER_WITHOUT_FIRST_DIGIT.match(after):
        # the eaten byte began the number: the characters before it are scored before a digit
        # ("措施，于1971年", not "措施，有971年")
        right_seen = _provisional_first_digit(after) + right_seen
    first_trail = pairs[0][0] if pairs else trail
    if first_trail is None:  # nothing of the character survives: a sentence end before a tag or number
        if not (restored or damaged_page or (after[:1].isascii() and after[:1].isalnum())
                or (ending.swallowed and (_DATE_AFTER_EATEN_DIGIT.match(after) or _INDENT.match(after)))
                or (ending.swallowed and not document.paragraphs_tagged and _PARAGRAPH_START.match(after))):
            return None
        cands: tuple[str, ...] = tuple(c for c in _ENDINGS if leads is None or tables.pair_of[c][0] in leads)
        closer = first_unopened_closer(after)
        if closer and (opener := _FULL_WIDTH_OPENER.get(_CLOSERS[closer])):
            # the text after closes a bracket nobody opened: the lost character opened it
            # ("三年??646年)" is "三年（1646年）")
            cands += (opener,)
    else:
        cands = tables.by_trail.get(first_trail, ())
        if leads is not None:
            cands = tuple(c for c in cands if tables.pair_of[c][0] in leads)
    last_cands: tuple[str, ...] = ()
    last = ""
    # the prior that the damage strikes before 。 is about the lost character; a run's last character is
    # only where the run ran into ASCII: likely a sentence end before a paragraph's end, or where the
    # byte after it was eaten and may have been the line break before a new sentence
    may_end = _PARAGRAPH_END_NEXT.match(right_seen) is not None or (
        ending.swallowed and not restored and not document.paragraphs_tagged
        and _PARAGRAPH_START.match(after) is not None)
    if pairs:
        if trail is None:
            last_cands = last_candidates(pairs[-1][1], tables)
            if not last_cands:
                return None
            if len(middle) < 2:  # provisional last character, to give the first one its right context
                last, _, _ = choose(model, last_cands, left[-2:] + middle, right_seen, restart_site=may_end)
        else:
            last = site_pair(pairs[-1][1], trail)
    body = middle + last + right_seen
    if len(cands) == 1 and first_trail is not None:
        lead = cands[0]
    else:
        lead, _, _ = choose(model, cands, left, body, document)
        if not lead:
            return None
        guessed.append((0, lead))
        lost += 1
    if last_cands:
        if worth is not None and not worth(lead, middle):
            return None
        last, _, _ = choose(model, last_cands, left + lead + middle, right_seen, document,
                            restart_site=may_end)
        guessed.append((1 + len(middle), last))
        lost += 1
    if ending.swallowed and not restored and not ending.extra:
        # the eaten byte is known only to be ASCII; after a sentence end, on a page whose paragraphs are
        # bare lines, it was most often the paragraph's line break ("性??當時" is "性。\n當時")
        paragraph_end = (not document.paragraphs_tagged and (lead + middle + last)[-1:] in _SENTENCE_ENDS
                         and not _DATE_AFTER_EATEN_DIGIT.match(after) and not _closes_unopened(after))
        if paragraph_end and _PARAGRAPH_START.match(after):
            restored = "\n"
            lost -= 1
        elif after[:1].isdigit():
            # it began a number ("。1972年" → "??972年"): the model knows which digits begin one; before
            # a whole year ("案?2020-06-14": no year has five digits) it was a line break or a space
            # (a line break is not offered there: on corpus pages the digit was right far more often)
            if _WHOLE_YEAR.match(after):
                options = "\n "
            elif _YEAR_WITHOUT_FIRST_DIGIT.match(after):
                options = _first_digit_of_year(after)
            else:
                options = "0123456789"
            restored, _, _ = choose(model, options, left + lead + middle + last, after)
            guessed.append((1 + len(middle) + len(last), restored))

    return lead, middle, last + ending.extra + restored, guessed, lost


def _fold_like_page(piece: str, folded: bool) -> str:
    if not folded:
        return piece
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in piece)


def _repair_at(
    text: str,
    q: int,
    model: _Model,
    tables: _Tables,
    readings: Mapping[str, str],
    folded: bool,
    document: DocumentBigrams,
    damaged_page: bool,
    second_run: bool = True,
) -> _Repair | None:
    """Try to repair the run whose G0 is the ``?`` at ``text[q]``; ``second_run``: weigh a reading that
    takes in a later run against the two repaired apart."""
    if q == 0:
        return None
    prev_trail = _trail_byte(text[q - 1], tables)
    if prev_trail is None or (text[q - 1].isascii() and not folded):
        return None
    left = text[max(0, q - 4 * _WINDOW):q]
    if prev_trail < 0x81:  # the restart byte was ASCII (or €): it alone became '?', nothing is lost
        right = text[q + 1:q + 1 + _WINDOW]
        if right[:1] in ("", "\n", "\r", " ", "\t"):
            return None  # a restart comes before a double-byte character, never before a line's end
        gain = model.logprob(_model_view(left[-_WINDOW:] + right)) - model.logprob(
            _model_view(left[-_WINDOW:] + "?" + right))
        if gain > (MARGIN_DAMAGED if damaged_page else MARGIN):
            # a '?' before 。 is not prose; elsewhere ("說?他") only a page that shows the damage confirms
            sure = damaged_page or right[:1] in "。，、；：,;:" or gain > INSERTED_SURE_GAIN
            return _Repair(q, q + 1, "", (), 0, gain, tentative=not sure)
        return None

    start, leads = q + 1, None
    tail = _TAIL.match(text, start)
    if tail:  # G0 was annotated: it is a Han character, and the reading may name it
        start = tail.end()
        han = {b for b in range(0x81, 0xFF) if "\u3400" <= site_pair(prev_trail, b) <= "\u9fff"}
        named = {b for b in han if readings.get(site_pair(prev_trail, b)) == tail.group(1)}
        leads = frozenset(named or han)

    endings = run_endings(text, start, tables, folded=folded)
    if not endings:
        return None
    best = _best_ending(text, q, endings, leads, model, tables, folded, document, damaged_page)
    if best is None or not second_run:
        return best
    # A reading that goes on through a later '?' (read as a folded '？' inside the run) also takes in the
    # next run's damage; it must beat a shorter reading plus that run repaired on its own.
    # ("再?怼贰?001年以《慌心假期》及2002年?浴赌腥": read as one run, the text between the two restarts
    # became garbage, because re-reading the second run's garbage gained more than it cost.)
    # (a '?' right at a shorter ending is that run's own end, an invalid pair: not a second run)
    shorter = [e for e in endings if e.end < best.end and text.find("?", e.end, best.end) > e.end]
    if not shorter:
        return best
    short = _best_ending(text, q, shorter, leads, model, tables, folded, document, damaged_page)
    if short is None:
        return best
    after = text[:short.start] + short.text + text[short.end:]
    at = after.find("?", short.start + len(short.text))
    limit = best.end - (len(text) - len(after))
    if at == -1 or at >= limit:
        return best
    second = _repair_at(after, at, model, tables, readings, folded, document, damaged_page, second_run=False)
    if second is not None and short.score_gain + second.score_gain >= best.score_gain:
        return short
    return best


def _view_with_positions(text: str) -> tuple[str, list[int]]:
    """:func:`_model_view` of ``text`` and, for each position of ``text``, its position in the view.

    >>> _view_with_positions("好</p>下")
    ('好\\n下', [0, 1, 1, 1, 1, 2, 3])
    """
    if ">" not in text:
        return text, list(range(len(text) + 1))
    pieces, where, done = [], [], 0
    for m in _BLOCK_TAG.finditer(text):
        pieces.append(text[done:m.start()])
        base = sum(map(len, pieces))
        where += range(base - (m.start() - done), base)
        where += [base] * (m.end() - m.start())
        pieces.append("\n")
        done = m.end()
    base = sum(map(len, pieces))
    pieces.append(text[done:])
    where += range(base, base + len(text) - done + 1)
    return "".join(pieces), where


def _best_ending(
    text: str,
    q: int,
    endings: list[_Ending],
    leads: frozenset[int] | None,
    model: _Model,
    tables: _Tables,
    folded: bool,
    document: DocumentBigrams,
    damaged_page: bool,
) -> _Repair | None:
    """The ending whose repaired text the model likes best, if it beats the text as it stands.

    Every reading is ``left + lost + middle + end + rest``: prefix sums over the longest middle and over
    the damaged text score each reading in time independent of the run's length.
    """
    left = text[max(0, q - 4 * _WINDOW):q]
    lo = max(0, q - _WINDOW)
    horizon = min(len(text), max(e.end for e in endings) + _WINDOW)
    flat, where = _view_with_positions(text[lo:horizon])
    at = q - lo
    gap = where[at]  # the left context is scored alike in every reading: start at the gap
    joins = []  # where each reading meets the damaged text again (the rest scores alike)
    for ending in endings:
        joins.append(min(horizon, _remnant_end(text, ending.end) + 2))
    # damaged[where[i] - gap]: score of the damaged text[q:lo + i]
    damaged = model.prefix_logprobs(flat[gap:where[max(joins) - lo]], flat[:gap])
    longest = max(endings, key=lambda e: len(e.pairs)).pairs
    full_middle = "".join(site_pair(a[1], b[0]) for a, b in zip(longest, longest[1:], strict=False))
    repaired_prefix: dict[str, list[float]] = {}
    best: _Repair | None = None
    margin = MARGIN_DAMAGED if damaged_page else MARGIN
    guess_cost = GUESS_COST_DAMAGED if damaged_page else GUESS_COST

    def head_of(lead: str, middle: str) -> float:
        if lead not in repaired_prefix:
            repaired_prefix[lead] = model.prefix_logprobs(lead + full_middle, flat[:gap])
        return repaired_prefix[lead][1 + len(middle)]

    to_beat = [margin]  # the best gain so far (a repair must also beat the margin)
    for ending, join in zip(endings, joins, strict=True):
        rejoin = damaged[where[join - lo] - gap]

        def worth(lead: str, middle: str, rejoin: float = rejoin) -> bool:
            """Can this reading still win with the best last character? (Its tail scores at most 0,
            the last character costs a guess, less the evidence of an eaten byte.)"""
            return head_of(lead, middle) - rejoin - guess_cost + REMNANT_EVIDENCE > to_beat[0]

        built = _rebuild(ending, leads, model, left, text[ending.end:ending.end + 4 * _WINDOW], tables,
                         document, damaged_page, worth)
        if built is None:
            continue
        lead, middle, end, guessed, lost = built
        head = head_of(lead, middle)
        context = (flat[max(0, gap - 2):gap] + lead + middle)[-2:]
        at = ending.end
        line_end_next = ending.swallowed and eaten_line_break(text[at:at + 1], document) != ""
        # a restored half of a line end is scored as the line break the page already shows there
        scored_end = end[:-1] if line_end_next and end.endswith(("\r", "\n")) else end
        tail = model.continuation_logprob(context, _model_view(scored_end + text[ending.end:join]))
        chosen = sum(not (ch.isdigit() or ch.isspace()) for _, ch in guessed)  # (it replaces an eaten byte)
        cost = (GUESS_COST_DAMAGED if damaged_page else GUESS_COST) * chosen
        number_next = text[at:at + 1].isdigit() or _DATE_AFTER_EATEN_DIGIT.match(text, at) is not None
        indented_next = _INDENT.match(text, at) is not None
        if end.endswith(("<", "&")) or line_end_next or (ending.swallowed and (number_next or indented_next)):
            # a tag without '<', a reference without '&', a number, an indented line, the second half of
            # a line end: a byte was eaten
            cost -= REMNANT_EVIDENCE
        gain = head + tail - rejoin - cost
        support = 0.0
        if guessed and guessed[0][0] == 0:
            support = page_support(document, flat[:gap], lead, middle + end + text[ending.end:join])
            gain += support
        if best is None or gain > best.score_gain:
            piece = _fold_like_page(lead + middle + end, folded)
            best = _Repair(q, ending.end, piece, tuple(guessed), lost, gain, supported=support >= PAGE_SURE)
            to_beat[0] = max(margin, gain)
    if best is None:
        return None
    # the page repeating what the reading restores is evidence of the damage, as the page showing it is
    if best.score_gain <= (MARGIN_DAMAGED if damaged_page or best.supported else MARGIN):
        return None
    return best


def looks_folded(text: str) -> bool:
    """True when the page shows no full-width ASCII forms (the site folded them: ``，`` → ``,``).

    >>> looks_folded("你好,世界!"), looks_folded("你好，世界！")
    (True, False)
    """
    return _FULL_WIDTH.search(text) is None


#: Two ASCII '?' after a Han character at a line's end, or before a new sentence (the line break was
#: eaten too): the mark of a restart before ``。`` at a bare line's end (its second byte and the line
#: break became one invalid pair).
_MARKS_AT_LINE_END = re.compile("[\u3400-\u9fff]\\?\\?(?:\r?\n|[\u3400-\u9fff“「『（])")


def marks_out_of_place(text: str) -> bool:
    """Whether ``text`` shows restart damage at bare lines' ends: on a page that writes its punctuation
    full-width (so ASCII question marks are not its prose), ``??`` after a Han character at a line's end
    or before a new sentence, twice (once may be a reader's ``真的吗??``).

    >>> marks_out_of_place("節日??\\n相傳，屈原??人們。"), marks_out_of_place("節日??相傳，屈原??\\n")
    (True, True)
    >>> marks_out_of_place("真的吗??我不信，屈原。"), marks_out_of_place("真的吗??\\n是的,屈原??人們")
    (False, False)
    """
    if "??" not in text or looks_folded(text):
        return False
    return len(_MARKS_AT_LINE_END.findall(text)) >= 2


def fix_gbk_restart(
    text: str, *, readings: Mapping[str, str] | None = None, model: _Model | None = None
) -> tuple[str, list[Step]]:
    """Re-read every run of GBK restart damage one byte later, and fill its lost bytes.

    ``readings`` maps characters the page annotated with pinyin to their reading (from the pinyin
    fix); a ``?nèi)`` tail then names the lost character exactly. ``model`` defaults to the shared
    character model.

    >>> fix_gbk_restart("先后獲得國家及?。ㄊ校┘墭s譽稱號")[0]
    '先后獲得國家及省(市)級榮譽稱號'
    >>> fix_gbk_restart("你好吗?我很好。")[0]
    '你好吗?我很好。'
    """
    if "?" not in text:
        return text, []
    if model is None:
        from cleantext.langmodel import get_model

        model = get_model()
    tables = _tables()
    readings = readings or {}
    signs = bool(_DAMAGE_SIGNS.search(text)) or marks_out_of_place(text)
    document = DocumentBigrams(text)
    new, fixes, tentative = _scan(text, model, tables, readings, signs, document)
    runs = sum(f.end - f.start > 1 for f in fixes)  # runs re-read, not lone '?' taken out
    lone = len(fixes) - runs + tentative
    if not signs and (runs > 1 or lone > 2 or any(f.score_gain >= STRONG_GAIN for f in fixes)):
        # the page shows the damage: look again, readier to see it
        new, fixes, tentative = _scan(text, model, tables, readings, True, document)
    if not fixes:
        return text, []
    notes = [f"{f.start}:{','.join(ch for _, ch in f.guessed) or '='}" for f in fixes[:40]]
    first = fixes[0]
    step = Step(stage="repair", name="gbk_restart", count=len(fixes), before=first.before,
                after=new[max(0, first.start - 2):first.start + len(first.text)],
                lost=sum(f.lost for f in fixes), detail="at:guessed " + " ".join(notes))
    return new, [step]


_HAN = re.compile("[\u4e00-\u9fff]")
#: Share of a line's Han characters typical of UTF-8 read as GBK at which the line is mojibake that the
#: mojibake fix left (too much lost): 0.3-0.4 there, at most 0.1 on restart-damaged corpus lines.
UNREPAIRED_MOJIBAKE, _MOJIBAKE_MIN_HAN = 0.25, 8


def _unrepaired_mojibake_end(text: str, q: int) -> int:
    """The end of the line holding ``text[q]`` when that line is UTF-8-read-as-GBK mojibake (0 if not).

    >>> _unrepaired_mojibake_end("好\\n閻╂垹?锟犲劥闂傘劍褰侀柋鎺撶Х鐠愮\\n好", 5)
    20
    >>> _unrepaired_mojibake_end("我们明天?再来北京参观故宫和长城", 4)
    0
    """
    start = text.rfind("\n", 0, q) + 1
    end = text.find("\n", q)
    end = len(text) if end == -1 else end
    line = text[start:end]
    if len(_HAN.findall(line)) < _MOJIBAKE_MIN_HAN or utf8_as_gbk_share(line) < UNREPAIRED_MOJIBAKE:
        return 0
    return end


def _scan(
    text: str,
    model: _Model,
    tables: _Tables,
    readings: Mapping[str, str],
    damaged_page: bool,
    document: DocumentBigrams,
) -> tuple[str, list[_Repair], int]:
    """Repair every ``?`` that starts a run, left to right, each in the text repaired so far.

    Returns the new text, the repairs (``start`` in the new text, ``before`` the damaged span) and the
    number of tentative ones left out (a lone ``?`` that only the page's other damage could confirm).
    """
    folded = looks_folded(text)
    fixes: list[_Repair] = []
    tentative = 0
    q = text.find("?")
    while q != -1:
        if text.startswith("???", q):  # the damage leaves at most two in a row: these are the text's own
            q = _QUESTION_MARKS.match(text, q).end()  # type: ignore[union-attr]
            q = text.find("?", q)
            continue
        end = _unrepaired_mojibake_end(text, q)
        if end:  # its '?' are lost bytes of that damage: re-read as restarts, it only becomes other garbage
            q = text.find("?", end)
            continue
        fix = _repair_at(text, q, model, tables, readings, folded, document, damaged_page)
        if fix is None or fix.tentative:
            tentative += fix is not None
            q = text.find("?", q + 1)
            continue
        before = text[max(0, q - 2):fix.end]
        text = text[:fix.start] + fix.text + text[fix.end:]
        fixes.append(replace(fix, before=before))
        q = text.find("?", fix.start + len(fix.text))
    return text, fixes, tentative
