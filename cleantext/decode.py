"""Decode stage: find the encoding of the bytes and turn them into text, losing nothing silently.

Order of evidence, strongest first:

1. ``encoding=`` given by the user: decode with it (names normalised: GBK/GB2312/cp936 -> gb18030,
   big5 -> big5hkscs), or raise :class:`~cleantext.errors.DecodeError` saying where and why it fails.
2. Binary input is refused (:class:`~cleantext.errors.BinaryInputError`): image/archive/executable
   signatures, NUL bytes outside UTF-16/32, a high share of control bytes.
3. A byte order mark (UTF-8/16/32): decode the rest; the BOM is never kept as U+FEFF.
4. NUL bytes in alternate positions: UTF-16/32 without a BOM.
5. Strict UTF-8 (the fast path: one ``bytes.decode``). Valid UTF-8 stays UTF-8, except a short input
   whose non-ASCII characters mix scripts or are ones real text lacks (学校 in GBK is the valid UTF-8
   "ѧУ") and that a GB/Big5 reading explains far better.
6. Otherwise the Chinese legacy encodings. The choice between **gb18030** (the label for all of
   GB2312/GBK/cp936/GB18030: it is their superset) and **big5hkscs** (the label for Big5) is made by the
   shared character language model on a bounded sample, never by decode validity: gb18030 decodes
   almost any Big5 input. Big5 is read as big5hkscs rather than cp950 because that is what browsers do
   (the WHATWG Encoding Standard's ``big5`` is Big5 plus the HKSCS extension), so Hong Kong pages and
   the ETEN extensions (碁, 銹, box drawing) decode; plain Big5 text decodes identically, except the
   rarely used ETEN kana block (0xC6A1-0xC7FC), which is read as HKSCS and WHATWG read it.
7. Bytes whose best Chinese reading is not plausibly Chinese (decode errors, foreign scripts, hanzi
   inside Latin words, a low model score: European, Japanese, Korean text) go to charset-normalizer
   (imported lazily), whose answer is kept unless it is a Chinese encoding.

When no single encoding reads the whole input, it is decoded in bulk (windows of 1 KiB to 1 MiB) up to each
failing line, and that line is read with the best of UTF-8, the document's legacy encoding and the other
one (a line that starts in UTF-8 and goes on in GB is split where UTF-8 fails); in a page with real UTF-8
parts (three hanzi in a row, accented letters in Latin words), UTF-8 is the bulk encoding and short lines
that may be GB by chance are re-read one by one. The parts and their encodings are reported as spans and
a ``mixed_encodings`` Step naming the lines. Bytes no candidate decodes become U+FFFD (the repair stage
removes and counts them) and are reported with their byte offsets (``undecodable_bytes``,
``truncated_tail``). Detection reads bounded samples (the first 64 KiB from the first non-UTF-8 line,
plus 16 KiB from the middle and the end of large inputs); the input is then decoded once, plus the
failing lines.

Limits: a legacy page whose UTF-8 lines all lie outside the samples reads them as GB mojibake (the repair
stage undoes that kind); HZ and ISO-2022 escapes are left as the ASCII they are.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Iterable
from functools import cache

from cleantext.decode_score import (
    Reading,
    best_two,
    decode_counting,
    has_foreign,
    is_plausible_chinese,
    is_plausible_prefix,
    is_surely_utf8,
    looks_like_misread_legacy,
    rank,
    read_all,
)
from cleantext.decode_sniff import (
    SNIFF_BYTES,
    refuse_control_bytes,
    refuse_signature,
    stray_byte_offset,
    strip_bom,
    utf16_readings,
    wide_unicode_guess,
)
from cleantext.errors import BinaryInputError, DecodeError
from cleantext.result import DecodedSpan, DecodeResult, Step

GB = "gb18030"
BIG5 = "big5hkscs"
CHINESE_LEGACY = (GB, BIG5)

#: Bytes of legacy-encoded lines scored by the language model when choosing GB or Big5.
SCORE_BYTES = 12_000
#: Lines longer than this are judged on their first LONG_LINE bytes, then read once (memory bound).
LONG_LINE = 1 << 16
#: Bulk decoding windows (see _decode_by_lines).
MIN_WINDOW = 1 << 10
MAX_WINDOW = 1 << 20
#: Inputs up to this size are checked for GB/Big5 bytes that happen to be valid UTF-8.
SHORT_INPUT = 64
#: Nats by which another encoding must beat the document's own for one line to switch to it.
SWITCH_MARGIN = 6.0
#: Characters of the best reading scored to judge whether it is Chinese at all.
PLAUSIBILITY_CHARS = 400
#: Lowest model log-probability per character for a reading to count as Chinese (see is_plausible_chinese).
MIN_CHINESE_MEAN = -8.0

_CANONICAL = {
    "gbk": GB,
    "gb2312": GB,
    "big5": BIG5,
    "utf-8-sig": "utf-8",
}
_LABEL_FIXES = {"x-gbk": "gbk", "utf16le": "utf-16-le", "utf16be": "utf-16-be", "utf32le": "utf-32-le",
                "utf32be": "utf-32-be", "ucs-2": "utf-16-le", "x-big5": "big5"}
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


# --- names ------------------------------------------------------------------------------------------


def normalise_encoding(name: str) -> str:
    """The canonical label of an encoding name, as this stage reports it.

    Why: GB2312 and GBK are subsets of gb18030 and Big5 of big5hkscs; reading with the superset never
    fails where the subset would succeed, and one label per family keeps reports comparable.

    >>> normalise_encoding("GBK"), normalise_encoding("cp936"), normalise_encoding("Big5")
    ('gb18030', 'gb18030', 'big5hkscs')
    >>> normalise_encoding("UTF8"), normalise_encoding("latin1")
    ('utf-8', 'iso8859-1')
    """
    cleaned = name.strip().lower().replace("_", "-")
    cleaned = _LABEL_FIXES.get(cleaned, cleaned)
    try:
        canonical = codecs.lookup(cleaned).name
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {name!r}") from exc
    return _CANONICAL.get(canonical, canonical)


# --- recording undecodable bytes ----------------------------------------------------------------------

_recorded = threading.local()


def _record_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: note the bad byte range, put one U+FFFD in its place."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _recorded.spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("cleantext-record", _record_and_replace)


def decode_recording(data: bytes | memoryview, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    """Decode with U+FFFD for bad bytes and return the text and the bad byte ranges.

    >>> decode_recording(b"ab\\xffc", "utf-8")
    ('ab\\ufffdc', [(2, 3)])
    """
    try:
        return str(data, encoding), []
    except UnicodeDecodeError:
        pass
    _recorded.spans = []
    try:
        text = str(data, encoding, "cleantext-record")
        return text, _recorded.spans
    finally:
        _recorded.spans = []


# --- the report -------------------------------------------------------------------------------------


class _Assembly:
    """Pieces of decoded text with their byte spans and losses, gathered while decoding."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pieces: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.lost: list[tuple[int, int]] = []

    def add(
        self, text: str, start: int, end: int, encoding: str, lost: Iterable[tuple[int, int]] = ()
    ) -> None:
        self.pieces.append(text)
        if self.spans and self.spans[-1][2] == encoding and self.spans[-1][1] == start:
            self.spans[-1] = (self.spans[-1][0], end, encoding)
        else:
            self.spans.append((start, end, encoding))
        self.lost.extend((start + s, start + e) for s, e in lost)

    def result(
        self, confidence: float, runner_up: str | None, steps: list[Step] | None = None
    ) -> DecodeResult:
        steps = list(steps or [])
        totals: dict[str, int] = {}
        for start, end, enc in self.spans:
            totals[enc] = totals.get(enc, 0) + end - start
        encodings = sorted(totals, key=lambda e: -totals[e])
        label = "+".join(encodings) if encodings else "utf-8"
        if len(encodings) > 1:
            steps.append(_mixed_step(self.data, self.spans, encodings[0]))
        warnings = _loss_report(self.data, self.lost, steps)
        if self.lost:
            lost_share = sum(e - s for s, e in self.lost) / max(1, len(self.data))
            confidence = min(confidence, 0.99, max(0.05, 1.0 - 10 * lost_share))
        text = "".join(self.pieces)
        return DecodeResult(
            text=text,
            encoding=label,
            confidence=round(confidence, 4),
            runner_up=runner_up,
            spans=tuple(DecodedSpan(s, e, enc) for s, e, enc in self.spans),
            steps=tuple(steps),
            warnings=tuple(warnings),
        )


def _line_ranges(ranges: list[tuple[int, int]], limit: int = 12) -> str:
    """``[(1, 3), (7, 7)]`` -> ``'1-3, 7'`` (at most ``limit`` ranges, then a count of the rest)."""
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in ranges[:limit]]
    more = len(ranges) - limit
    return ", ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def _mixed_step(data: bytes, spans: list[tuple[int, int, str]], main: str) -> Step:
    """Step naming which lines (1-based) were read in which encoding."""
    by_encoding: dict[str, list[tuple[int, int]]] = {}
    line_no, pos = 1, 0
    for start, end, enc in spans:
        line_no += data.count(b"\n", pos, start)
        last = line_no + data.count(b"\n", start, max(start, end - 1))
        ranges = by_encoding.setdefault(enc, [])
        if ranges and ranges[-1][1] >= line_no - 1:
            ranges[-1] = (ranges[-1][0], last)
        else:
            ranges.append((line_no, last))
        line_no, pos = last, max(start, end - 1)
    detail = "; ".join(f"{enc}: lines {_line_ranges(r)}" for enc, r in by_encoding.items())
    minority = sum(b - a + 1 for enc, r in by_encoding.items() if enc != main for a, b in r)
    return Step(stage="decode", name="mixed_encodings", count=minority, detail=detail)


def _loss_report(data: bytes, lost: list[tuple[int, int]], steps: list[Step]) -> list[str]:
    """Add Steps (and warnings) for undecodable bytes; a loss at the very end is a truncated tail."""
    if not lost:
        return []
    warnings: list[str] = []
    tail = [span for span in lost if span[1] == len(data)]
    inner = [span for span in lost if span[1] != len(data)]
    if inner:
        count = sum(e - s for s, e in inner)
        offsets = ", ".join(str(s) if e - s == 1 else f"{s}-{e - 1}" for s, e in inner[:12])
        more = f" (+{len(inner) - 12} more)" if len(inner) > 12 else ""
        steps.append(Step(stage="decode", name="undecodable_bytes", count=len(inner),
                          before=data[inner[0][0]:inner[0][1]].hex(" "), after="\ufffd", lost=count,
                          detail=f"byte offsets {offsets}{more}"))
        warnings.append(f"{count} undecodable byte(s) replaced by U+FFFD, first at byte offset {inner[0][0]}")
    if tail:
        start, end = tail[0]
        steps.append(Step(stage="decode", name="truncated_tail", count=1, before=data[start:end].hex(" "),
                          after="\ufffd", lost=end - start,
                          detail=f"input ends inside a multibyte character at byte offset {start}"))
        warnings.append(f"input ends inside a multibyte character ({end - start} byte(s) at offset {start})")
    return warnings


# --- forced encoding ----------------------------------------------------------------------------------


def _decode_forced(data: bytes, name: str) -> DecodeResult:
    """Decode with the encoding the user chose; errors name the offset and the reason."""
    encoding = normalise_encoding(name)
    if not getattr(codecs.lookup(encoding), "_is_text_encoding", True):
        raise DecodeError(f"{name!r} is not a text encoding")
    refuse_signature(data)
    bom = strip_bom(data)
    start = 0
    if encoding in ("utf-16", "utf-32"):
        if bom and bom[0].startswith(encoding):
            encoding, start = bom
        else:
            guess = wide_unicode_guess(data[: SNIFF_BYTES & ~3][: len(data) & ~3])
            encoding = guess if guess and guess.startswith(encoding) else f"{encoding}-le"
    elif bom and bom[0] == encoding:
        start = bom[1]
    elif b"\x00" in data and encoding not in _WIDE:
        raise BinaryInputError("binary data: NUL bytes")
    try:
        text = str(memoryview(data)[start:], encoding)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        raise DecodeError(f"not valid {encoding}: {exc.reason} at byte offset {offset} "
                          f"(0x{data[offset]:02x})") from exc
    steps = [_bom_step(encoding)] if start else []
    return DecodeResult(text=text, encoding=encoding, confidence=1.0,
                        spans=(DecodedSpan(start, len(data), encoding),), steps=tuple(steps))


def _bom_step(encoding: str) -> Step:
    return Step(stage="decode", name="bom_removed", count=1, before="\ufeff", after="",
                detail=f"{encoding} byte order mark")


# --- automatic detection ------------------------------------------------------------------------------


def decode(data: bytes, encoding: str | None = None) -> DecodeResult:
    """Return the text of ``data``, the encoding it was read with, how sure, and the runner-up.

    >>> decode("新闻报道".encode("gbk")).encoding
    'gb18030'
    >>> decode(b"\\xef\\xbb\\xbfok").text
    'ok'
    """
    if encoding:
        return _decode_forced(data, encoding)
    if not data:
        return DecodeResult(text="", encoding="utf-8", confidence=1.0)
    refuse_signature(data)
    cut = second_file_start(data)
    if cut:
        return _decode_concatenated(data, cut)
    bom = strip_bom(data)
    if bom:
        return _decode_whole(data, bom[0], bom[1], 1.0, None, [_bom_step(bom[0])])
    head = data[:SNIFF_BYTES]
    if b"\x00" in data:
        try:
            return _decode_wide_without_bom(data, head)
        except BinaryInputError:
            runs = nul_padding(data)
            if runs is None:
                raise
            return _decode_without_nul_padding(data, runs)
    try:
        refuse_control_bytes(head)
    except BinaryInputError:
        wide = _utf16_by_text(head)  # UTF-16 hanzi without NULs: 气 U+6C14 holds byte 0x14
        if wide is None:
            raise
        return _decode_whole(data, wide, 0, 0.9, None)
    if len(data) > len(head):
        # A failed decode copies its whole input into the exception: find an early failure on the head.
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.end < len(head) - 3:
                return _decode_not_utf8(data, exc)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_not_utf8(data, exc)
    if len(data) <= SHORT_INPUT and looks_like_misread_legacy(text):
        return _short_utf8_or_legacy(data, text)
    confidence = 1.0 if text.isascii() else 0.99
    return DecodeResult(text=text, encoding="utf-8", confidence=confidence,
                        spans=(DecodedSpan(0, len(data), "utf-8"),))


def _decode_whole(
    data: bytes, encoding: str, start: int, confidence: float, runner_up: str | None,
    steps: list[Step] | None = None,
) -> DecodeResult:
    """Decode ``data[start:]`` in one encoding, bad bytes recorded and replaced."""
    if encoding in ("utf-16-le", "utf-16-be") and (len(data) - start) % 2 \
            and stray_byte_offset(data[start:], encoding) < len(data) - start - 1:
        return _decode_utf16_stray_byte(data, encoding, start, confidence, runner_up, steps)
    text, lost = decode_recording(memoryview(data)[start:], encoding)
    if not lost:
        return DecodeResult(text=text, encoding=encoding, confidence=confidence, runner_up=runner_up,
                            spans=(DecodedSpan(start, len(data), encoding),), steps=tuple(steps or ()))
    out = _Assembly(data)
    out.add(text, start, len(data), encoding, lost)
    return out.result(confidence, runner_up, steps)


# --- NUL padding and concatenated files --------------------------------------------------------------

#: A text with more NUL runs than this is not padded text (binary data has NULs everywhere).
MAX_NUL_RUNS = 4
_NUL_RUN = re.compile(rb"\x00+")


def nul_padding(data: bytes) -> list[tuple[int, int]] | None:
    """The byte ranges of NUL runs that pad a text file, or None when its NULs are not padding.

    Why: a download or a write cut short leaves a file padded with NULs (space allocated in advance, a
    block lost between two writes); the text around them is whole. Padding ends the file or starts right
    after a line break, in a few runs; a NUL inside a line (``新闻\\x00标题``) still means binary data.

    >>> nul_padding("标题\\n".encode() + bytes(8)), nul_padding(b"text\\x00 more\\n")
    ([(7, 15)], None)
    """
    runs = [(m.start(), m.end()) for m in _NUL_RUN.finditer(data)]
    if not runs or len(runs) > MAX_NUL_RUNS:
        return None
    if all(end == len(data) or (start and data[start - 1] == 0x0A) for start, end in runs):
        return runs
    return None


def _decode_without_nul_padding(data: bytes, runs: list[tuple[int, int]]) -> DecodeResult:
    """Decode ``data`` without its NUL padding (:func:`nul_padding`), reported as a Step and a warning."""
    pieces, offsets, done = [], [], 0  # offsets: (start in the padded-free bytes, bytes removed before)
    for start, end in runs:
        pieces.append(data[done:start])
        offsets.append((start - sum(e - s for s, e in runs if e <= start), end - start))
        done = end
    pieces.append(data[done:])
    stripped = b"".join(pieces)
    if not stripped.strip():
        raise BinaryInputError("binary data: NUL bytes")
    refuse_control_bytes(stripped[:SNIFF_BYTES])
    inner = decode(stripped)

    def original(at: int, end: bool = False) -> int:
        return at + sum(size for pos, size in offsets if pos < at or (pos == at and not end))

    spans = tuple(DecodedSpan(original(sp.start), original(sp.end, end=True), sp.encoding)
                  for sp in inner.spans)
    removed = sum(e - s for s, e in runs)
    where = ", ".join(f"{s}-{e - 1}" for s, e in runs)
    first = runs[0][0]
    step = Step(stage="decode", name="nul_padding_removed", count=len(runs),
                before=data[first : first + 4].hex(" "), lost=0,
                detail=f"{removed} NUL byte(s) at byte offsets {where}")
    warning = f"{removed} NUL byte(s) of padding removed, first at byte offset {runs[0][0]}"
    return DecodeResult(text=inner.text, encoding=inner.encoding, confidence=min(inner.confidence, 0.9),
                        runner_up=inner.runner_up, spans=spans, steps=(*inner.steps, step),
                        warnings=(*inner.warnings, warning))


def _utf8_length(lead: int) -> int:
    """Bytes of the UTF-8 character that ``lead`` starts (0: not a lead byte)."""
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0


def _cut_utf8_tail(data: bytes, end: int) -> bool:
    """True when ``data[:end]`` ends inside a UTF-8 character: a lead byte with too few continuations.

    >>> _cut_utf8_tail("收藏".encode(), 5), _cut_utf8_tail("收藏".encode(), 6)
    (True, False)
    """
    for back in range(1, 4):
        if end - back < 0:
            return False
        byte = data[end - back]
        if 0x80 <= byte <= 0xBF:
            continue
        return back < _utf8_length(byte)
    return False


def second_file_start(data: bytes) -> int:
    """The offset where a second file starts in ``data`` (two files joined), or 0 when there is none.

    Why: ``cat`` joins files as they are; when the first was cut inside a character and the second starts
    with its UTF-8 byte order mark, the mark is the only sign that a new file (a new line) begins there:
    read as one, the cut character eats into the mark and the first line of the second file runs on from
    the last line of the first.

    >>> second_file_start("首页 > 收藏".encode()[:-1] + "\\ufeff标题".encode())
    14
    >>> second_file_start("标题\\n".encode() + "\\ufeff正文".encode())  # a line break: no cut
    0
    """
    at = data.find(codecs.BOM_UTF8, 1)
    while at > 0:
        if _cut_utf8_tail(data, at):
            return at
        at = data.find(codecs.BOM_UTF8, at + 1)
    return 0


def _decode_concatenated(data: bytes, cut: int) -> DecodeResult:
    """Decode two joined files apart (:func:`second_file_start`); the second starts on a new line."""
    first, second = decode(data[:cut]), decode(data[cut:])
    spans = first.spans + tuple(DecodedSpan(sp.start + cut, sp.end + cut, sp.encoding) for sp in second.spans)
    encodings = list(dict.fromkeys(sp.encoding for sp in spans)) or ["utf-8"]
    step = Step(stage="decode", name="concatenated_files", count=1, before=data[cut - 3 : cut + 3].hex(" "),
                after="\n", detail=f"a byte order mark at byte offset {cut}, after a character cut short: "
                                    "a second file starts there, on a new line")
    return DecodeResult(
        text=first.text + "\n" + second.text, encoding="+".join(encodings),
        confidence=min(first.confidence, second.confidence, 0.9),
        runner_up=first.runner_up or second.runner_up,
        spans=spans, steps=(*first.steps, step, *second.steps), warnings=(*first.warnings, *second.warnings),
    )


def _utf16_by_text(head: bytes) -> str | None:
    """The UTF-16 byte order whose reading of ``head`` is text; the language model picks if both are.

    >>> _utf16_by_text("七月一日开通".encode("utf-16-le") + b"\\n")
    'utf-16-le'
    """
    fits = utf16_readings(head)
    if len(fits) < 2:
        return fits[0][0] if fits else None
    return rank([(name, text, 0) for name, text in fits])[0].encoding


def _decode_utf16_stray_byte(
    data: bytes, encoding: str, start: int, confidence: float, runner_up: str | None,
    steps: list[Step] | None,
) -> DecodeResult:
    """Odd-length UTF-16: read it without its stray byte (:func:`stray_byte_offset`), reported as lost.

    >>> raw = "标题\\n正文".encode("utf-16-le")
    >>> decode(raw[:4] + b"\x20" + raw[4:]).text
    '标题\\n正文'
    """
    at = start + _stray_byte_near(data[start:], encoding, stray_byte_offset(data[start:], encoding))
    cut = start + ((at - start) & ~1)  # an odd offset: bytes at-1 and at+1 make one code unit
    out = _Assembly(data)
    before, lost = decode_recording(memoryview(data)[start:cut], encoding)
    out.add(before, start, cut, encoding, lost)
    if cut < at:
        joined, lost = decode_recording(data[cut:at] + data[at + 1 : at + 2], encoding)
        out.add(joined, cut, at + 2, encoding, lost)
        resume = at + 2
    else:
        resume = at + 1
    after, lost = decode_recording(memoryview(data)[resume:], encoding)
    out.add(after, resume, len(data), encoding, lost)
    stray = Step(stage="decode", name="utf16_stray_byte", count=1, before=data[at : at + 1].hex(),
                 detail=f"byte offset {at} dropped: it put the UTF-16 code units after it out of step")
    return out.result(min(confidence, 0.9), runner_up, [*(steps or ()), stray])


#: Offsets around the stray byte's first estimate that the language model compares.
STRAY_REACH = 6


def _stray_byte_near(data: bytes, encoding: str, guess: int) -> int:
    """The stray byte among the offsets near ``guess``: the one whose removal reads best locally.

    Why: one byte on, hanzi bytes pair into other hanzi now and then, so counting text-like code units
    places the cut only roughly; the language model reads the few characters around each cut.
    """
    if guess >= len(data) - 1:
        return guess
    candidates = []
    for at in range(max(0, guess - STRAY_REACH), min(len(data), guess + STRAY_REACH + 1)):
        left = max(0, at - 24) & ~1  # code units before the cut stay in step with the start
        window = data[left:at] + data[at + 1 : at + 25]
        text, errors = decode_counting(window[: len(window) & ~1], encoding)
        candidates.append((str(at), text, errors))
    return int(rank(candidates)[0].encoding)


def _decode_wide_without_bom(data: bytes, head: bytes) -> DecodeResult:
    """UTF-16/32 recognised by its NUL pattern or, failing that, by its characters; else binary.

    Why the second look: hanzi such as 一 (U+4E00) put a NUL in the other position than ASCII does,
    so a page of mostly such text can show the NUL pattern of the wrong byte order.
    """
    even_head = head[: len(head) & ~1] or head
    fits = []
    for wide in dict.fromkeys((wide_unicode_guess(even_head), *(name for name, _ in utf16_readings(head)))):
        if wide is None:
            continue
        sample = head
        if "16" in wide and len(sample) % 2:
            at = stray_byte_offset(sample, wide)
            sample = sample[:at] + sample[at + 1 :]
        text, errors = decode_counting(sample[: len(sample) & (~3 if "32" in wide else ~1)], wide)
        controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\x0c")
        if errors <= 1 and controls <= max(2, len(text) // 20):
            fits.append((wide, text, errors))
    if not fits:
        raise BinaryInputError("binary data: NUL bytes")
    # Both byte orders read as text when hanzi are shifted by a stray byte: the model tells.
    wide = fits[0][0] if len(fits) == 1 else rank(fits)[0].encoding
    return _decode_whole(data, wide, 0, 0.95, None)


def _short_utf8_or_legacy(data: bytes, utf8_text: str) -> DecodeResult:
    """A short valid-UTF-8 input of stray Latin/Greek letters: keep UTF-8 unless GB/Big5 reads far better."""
    candidates = [("utf-8", utf8_text, 0)]
    for enc in CHINESE_LEGACY:
        text, errors = decode_counting(data, enc)
        if not errors:
            candidates.append((enc, text, 0))
    ranked = rank(candidates)
    utf8 = next(r for r in ranked if r.encoding == "utf-8")
    best, runner, confidence = best_two(ranked)
    if best.encoding == "utf-8" or best.score < utf8.score + SWITCH_MARGIN:
        others = [r.encoding for r in ranked if r.encoding != "utf-8"]
        return DecodeResult(text=utf8_text, encoding="utf-8", confidence=0.6,
                            runner_up=others[0] if others else None,
                            spans=(DecodedSpan(0, len(data), "utf-8"),))
    return DecodeResult(text=best.text, encoding=best.encoding, confidence=round(confidence, 4),
                        runner_up=runner.encoding if runner else None,
                        spans=(DecodedSpan(0, len(data), best.encoding),))


def _line_bounds(data: bytes, pos: int) -> tuple[int, int]:
    """Start and end (after its newline) of the line holding byte ``pos``."""
    start = data.rfind(b"\n", 0, pos) + 1
    end = data.find(b"\n", pos)
    return start, (len(data) if end < 0 else end + 1)


def _sample_regions(data: bytes, first_error: int) -> list[tuple[int, int]]:
    """Byte ranges (whole lines) to detect on: from the first non-UTF-8 line, plus middle and end."""
    n = len(data)
    regions = []
    start, _ = _line_bounds(data, first_error)
    wanted = [(start, SNIFF_BYTES)]
    if n - start > 4 * SNIFF_BYTES:
        wanted += [(start + (n - start) // 2, SNIFF_BYTES // 4), (n - SNIFF_BYTES // 4, SNIFF_BYTES // 4)]
    for offset, size in wanted:
        if offset != start:
            nl = data.find(b"\n", offset, offset + size)
            if nl < 0:
                continue
            offset = nl + 1
        end = min(n, offset + size)
        if end < n:
            nl = data.rfind(b"\n", offset, end)
            end = nl + 1 if nl > offset else end
        regions.append((offset, end))
    return regions


def _survey(data: bytes, regions: list[tuple[int, int]]) -> tuple[bytes, int, bool]:
    """The non-UTF-8 lines of the sample regions (joined, bounded), the count of UTF-8 lines, and
    whether the sample holds every non-ASCII line of the regions (no UTF-8 one, none left out)."""
    legacy: list[bytes] = []
    size = 0
    utf8_lines = 0
    complete = True
    for start, end in regions:
        for line in data[start:end].split(b"\n"):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                if size < SCORE_BYTES:
                    legacy.append(line)
                    size += len(line) + 1
                else:
                    complete = False
                continue
            complete = False
            if is_surely_utf8(line.decode("utf-8")):
                utf8_lines += 1
    return b"\n".join(legacy), utf8_lines, complete


def _gb_reading(data: bytes, start: int) -> tuple[str, str] | None:
    """GB18030 text of ``data[start:]`` and of its non-ASCII lines joined, or None if it is not GB18030.

    Why: when the sample is every non-ASCII line from ``start`` to the end, its GB reading is those lines
    of this text (GB18030 never puts a newline inside a character, and every multibyte character is
    non-ASCII), and the text is the page's GB reading too: one decode serves the race and the result.

    >>> _gb_reading("标题\\n2024\\n正文".encode("gbk"), 0)
    ('标题\\n2024\\n正文', '标题\\n正文')
    """
    try:
        text = str(memoryview(data)[start:], GB)
    except UnicodeDecodeError:
        return None
    return text, "\n".join(line for line in text.split("\n") if not line.isascii())


def _utf8_evidence(data: bytes, end: int) -> bool:
    """True when ``data[:end]`` (valid UTF-8) holds real UTF-8 text, not legacy bytes valid by chance.

    >>> _utf8_evidence("新闻稿".encode() + b"\\xff", 9), _utf8_evidence("欧元".encode("gbk") + b"\\xff", 4)
    (True, False)
    """
    if _UTF8_HANZI_RUN.search(data, 0, end):
        return True
    first_high = _HIGH_BYTE.search(data, 0, end)
    if first_high is None:
        return False
    start = data.rfind(b"\n", 0, first_high.start()) + 1
    return is_surely_utf8(data[start:min(end, start + SNIFF_BYTES)].decode("utf-8", "ignore"))


_HANZI_HIGH_BYTES = bytes(range(0x4E, 0xA0))


def _nul_free_utf16_guess(data: bytes) -> tuple[str, ...]:
    """UTF-16 byte orders worth trying on a short NUL-free input: pure hanzi, so the high byte of most
    code units is 0x4E-0x9F (U+4E00-U+9FFF), in odd positions for LE, even ones for BE.

    >>> _nul_free_utf16_guess("纯中文没有标点".encode("utf-16-le"))
    ('utf-16-le',)
    >>> _nul_free_utf16_guess("新闻".encode("gbk"))
    ()
    """
    if len(data) > SNIFF_BYTES:
        return ()
    data = data[: len(data) & ~1]  # an odd byte: cut inside the last character, or a stray one
    half = len(data) // 2
    guesses = []
    for name, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(high.translate(None, _HANZI_HIGH_BYTES)) <= half // 5:
            guesses.append(name)
    return tuple(guesses)


def _decode_not_utf8(data: bytes, exc: UnicodeDecodeError) -> DecodeResult:
    """Input that is not (wholly) valid UTF-8: truncated UTF-8, legacy Chinese, mixed, or other."""
    n = len(data)
    utf8_before = _utf8_evidence(data, exc.start)
    if (exc.reason == "unexpected end of data" and exc.end == n and utf8_before
            and (n > SHORT_INPUT or not looks_like_misread_legacy(data[: exc.start].decode("utf-8")))):
        # UTF-8 cut inside its last character: the rest is valid, decode it once and report the tail.
        out = _Assembly(data)
        out.add(str(memoryview(data)[: exc.start], "utf-8") + "\ufffd", 0, n, "utf-8", [(exc.start, n)])
        return out.result(0.95, None)

    regions = _sample_regions(data, exc.start)
    legacy_sample, utf8_lines, complete = _survey(data, regions)
    wide = _nul_free_utf16_guess(data) if not utf8_before and not utf8_lines else ()
    start = regions[0][0]
    # The sample is every non-ASCII line from the first non-UTF-8 one to the end: read them with GB once.
    gb = _gb_reading(data, start) if complete and not wide and regions == [(start, n)] else None
    if wide:  # Short, NUL-free and looking like pure-hanzi UTF-16: read the whole input every way.
        readings = read_all(data, (*CHINESE_LEGACY, *wide))
    elif gb is not None:  # = read_all(legacy_sample, CHINESE_LEGACY), the GB decode shared
        readings = rank([(GB, gb[1], 0), (BIG5, *decode_counting(legacy_sample, BIG5))])
    else:
        readings = read_all(legacy_sample, CHINESE_LEGACY)
    best, runner, confidence = best_two(readings)
    runner_up = runner.encoding if runner else None

    mixed = utf8_before or utf8_lines > 0
    if not mixed and not _is_plausible(best):
        other = _charset_normalizer_guess(data[:SNIFF_BYTES])
        if other is not None:
            return _decode_whole(data, other, 0, 0.5, best.encoding)
        confidence = min(confidence, 0.3)
    if best.encoding in _WIDE:
        return _decode_whole(data, best.encoding, 0, confidence, runner_up)

    legacy = best.encoding
    other_legacy = BIG5 if legacy == GB else GB
    out = _Assembly(data)
    if mixed:
        _decode_by_lines(data, out, "utf-8", ("utf-8", legacy, other_legacy))
        confidence = min(confidence, 0.95)
    else:
        try:
            # The common case, the whole input in the chosen encoding: one decode, no line machinery.
            if legacy == GB and gb is not None:
                text = str(memoryview(data)[:start], GB) + gb[0]
            else:
                text = str(data, legacy)
        except UnicodeDecodeError:
            _decode_by_lines(data, out, legacy, ("utf-8", legacy, other_legacy))
        else:
            utf8_lines_found = utf8_lines_in_legacy(data, legacy)
            if not utf8_lines_found:
                return DecodeResult(text=text, encoding=legacy, confidence=round(confidence, 4),
                                    runner_up=runner_up, spans=(DecodedSpan(0, n, legacy),))
            done = 0
            for start, end in utf8_lines_found:
                if start > done:
                    out.add(str(memoryview(data)[done:start], legacy), done, start, legacy)
                out.add(str(memoryview(data)[start:end], "utf-8"), start, end, "utf-8")
                done = end
            if done < n:
                out.add(str(memoryview(data)[done:], legacy), done, n, legacy)
            confidence = min(confidence, 0.95)
    return out.result(confidence, runner_up)


#: A short line of UTF-8 CJK characters (two to twelve) and ASCII: a title or heading.
#: (Searched after a newline: a literal first byte makes the scan a fast search, over ten times
#: faster than a multi-line ``^``.)
_SHORT_UTF8_CJK_LINE = re.compile(
    rb"\n[\t\r\x20-\x7e]*(?:[\xe3-\xe9][\x80-\xbf]{2}[\t\r\x20-\x7e]*){2,12}(?=\n|\Z)"
)


def utf8_lines_in_legacy(data: bytes, legacy: str) -> list[tuple[int, int]]:
    """Byte ranges of the lines of ``data`` (all of it readable in ``legacy``) that are UTF-8.

    Why: a GB page's title or heading of two or three hanzi saved as UTF-8 is valid GB18030 too (six
    bytes read as three pairs, ``夜读`` → ``澶滆?``), so the page decodes whole without error and too
    little of it is UTF-8 for the page-level test (longer UTF-8 lines pass it). A short line of UTF-8
    CJK characters that the language model reads far better as UTF-8 is read as UTF-8.

    >>> page = "夜读".encode() + b"\\n" + "市图书馆推出夜间阅读服务。".encode("gbk")
    >>> utf8_lines_in_legacy(page, "gb18030")
    [(0, 7)]
    >>> utf8_lines_in_legacy("新闻报道。\\n市图书馆推出夜间阅读服务。".encode("gbk"), "gb18030")
    []
    """
    found: list[tuple[int, int]] = []
    starts = [m.start() + 1 for m in _SHORT_UTF8_CJK_LINE.finditer(data)]  # (each match opens at a "\n")
    if _SHORT_UTF8_CJK_LINE.match(b"\n" + data[:LONG_LINE]):  # the first line, without copying the page
        starts.insert(0, 0)
    for at in starts:
        start, end = _line_bounds(data, at)
        try:
            as_utf8 = str(memoryview(data)[start:end], "utf-8")
        except UnicodeDecodeError:  # pragma: no cover - the pattern is valid UTF-8
            continue
        as_legacy = str(memoryview(data)[start:end], legacy, "replace")
        ranked = rank([(legacy, as_legacy, 0), ("utf-8", as_utf8, 0)])
        if ranked[0].encoding == "utf-8" and ranked[0].score > ranked[1].score + SWITCH_MARGIN:
            found.append((start, end))
    return found


def _is_plausible(best: Reading) -> bool:
    """Whether the winning reading is Chinese at all (:func:`is_plausible_chinese`).

    When the race ended before 20 hanzi were seen, the judgement is made on the first
    ``PLAUSIBILITY_CHARS`` characters of the reading instead, scored alone.
    """
    if best.hanzi < 20 and best.scored < len(best.text):
        prefix = best.text[:PLAUSIBILITY_CHARS]
        return is_plausible_prefix(best.encoding, prefix, best.errors, MIN_CHINESE_MEAN)
    return is_plausible_chinese(best, MIN_CHINESE_MEAN)


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's encoding for non-Chinese bytes, or None when it has none or says Chinese."""
    from charset_normalizer import from_bytes  # lazy: heavy import

    match = from_bytes(sample).best()
    if match is None:
        return None
    encoding = normalise_encoding(match.encoding)
    return None if encoding in CHINESE_LEGACY or encoding == "cp950" else encoding


# --- decoding with per-line fallback ------------------------------------------------------------------


def _window_end(data: bytes, pos: int, size: int) -> int:
    """End of a bulk-decoding window: ``size`` bytes from ``pos``, extended to the end of that line."""
    end = pos + size
    if end >= len(data):
        return len(data)
    nl = data.find(b"\n", end)
    return len(data) if nl < 0 else nl + 1


def _decode_by_lines(data: bytes, out: _Assembly, bulk: str, order: tuple[str, str, str]) -> None:
    """Decode in bulk with ``bulk``; each line it cannot read is read with the best of ``order``.

    Bulk windows grow from 1 KiB to 1 MiB while they decode and shrink after a failing line, so a file
    alternating encodings line by line costs no more than a few small decodes per line (a failed decode
    copies its whole input into the exception).
    """
    view = memoryview(data)
    n = len(data)
    pos = 0
    size = MIN_WINDOW
    while pos < n:
        end = _window_end(data, pos, size)
        try:
            _add_bulk(data, pos, end, str(view[pos:end], bulk), bulk, out, order)
            pos, size = end, min(size * 4, MAX_WINDOW)
            continue
        except UnicodeDecodeError as exc:
            bad = pos + exc.start
        size = MIN_WINDOW
        line_start, line_end = _line_bounds(data, bad)
        line_start = max(line_start, pos)
        if line_start > pos:
            _add_bulk(data, pos, line_start, str(view[pos:line_start], bulk), bulk, out, order)
        if (bulk == "utf-8" and bad > line_start and _has_utf8_hanzi(view[line_start:bad])
                and not is_lossy_utf8(view[line_start:min(line_end, line_start + LONG_LINE)])):
            # A line that starts in UTF-8 and goes on in another encoding: split it where UTF-8 fails.
            out.add(str(view[line_start:bad], "utf-8"), line_start, bad, "utf-8")
            line_start = bad
        window = view[line_start:min(line_end, line_start + LONG_LINE)]
        text, encoding, lost = choose_line(window, order)
        if line_end - line_start > LONG_LINE:
            # A huge line: chosen on its first LONG_LINE bytes, read once, bad bytes recorded.
            text, lost = decode_recording(view[line_start:line_end], encoding)
        out.add(text, line_start, line_end, encoding, lost)
        pos = line_end


# A line of only ASCII and 2-byte UTF-8 characters (Latin, Greek, Cyrillic...): in a page that mixes
# UTF-8 and GB lines, maybe a short GB line that happens to be valid UTF-8.
_SUSPECT_UTF8_LINE = r"(?m)^[^\n\u0800-\U0010ffff]*[\u0080-\u07ff][^\n\u0800-\U0010ffff]*$"


@cache
def _suspect_utf8_line() -> re.Pattern[str]:
    return re.compile(_SUSPECT_UTF8_LINE)


def _add_bulk(
    data: bytes, start: int, end: int, text: str, bulk: str, out: _Assembly, order: tuple[str, ...]
) -> None:
    """Add ``text``, read in bulk from ``data[start:end]``; UTF-8 bulk holding a suspect line goes line by
    line instead (short GB lines can be valid UTF-8 by chance)."""
    if bulk == "utf-8" and _suspect_utf8_line().search(text):
        _decode_each_line(data, start, end, out, order)
    else:
        out.add(text, start, end, bulk)


def _decode_each_line(data: bytes, start: int, end: int, out: _Assembly, order: tuple[str, ...]) -> None:
    """Read every line of ``data[start:end]`` with :func:`choose_line`."""
    view = memoryview(data)
    while start < end:
        nl = data.find(b"\n", start, end)
        stop = end if nl < 0 else nl + 1
        text, encoding, lost = choose_line(view[start:stop], order)
        out.add(text, start, stop, encoding, lost)
        start = stop


_UTF8_HANZI_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){3}")
def is_lossy_utf8(line: memoryview | bytes) -> bool:
    """True when ``line`` is UTF-8 but for continuation bytes lost to ``?``: lossy mojibake saved back.

    Why: UTF-8 read as GBK (or Big5) loses the bytes the codec cannot pair to ``?`` (``手册`` →
    ``鎵嬪唽`` but ``册。`` → ``鍐屻??``); saved as GBK, the line gives back the UTF-8 bytes with holes.
    Read as UTF-8 up to the first hole, the rest would be garbage; read in the legacy encoding it is one
    mojibake line, which the mojibake repair decodes whole, guessing what each hole took. The test: the
    line fails as UTF-8 and decodes once every ``?`` stands for a continuation byte (a genuine ``?``
    after a character breaks that, so such a line is never taken for lossy).

    >>> is_lossy_utf8("相关手册。".encode()[:-2] + b"??"), is_lossy_utf8("手册?".encode())
    (True, False)
    """
    line = bytes(line)  # (``in`` on a memoryview compares items, not bytes)
    if b"?" not in line:
        return False
    try:
        str(line, "utf-8")
        return False
    except UnicodeDecodeError:
        pass
    try:
        str(line.replace(b"?", b"\x80"), "utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _has_utf8_hanzi(part: memoryview) -> bool:
    """True when ``part`` (valid UTF-8) holds three hanzi in a row: real UTF-8 Chinese, not chance.

    >>> _has_utf8_hanzi(memoryview("新闻稿".encode())), _has_utf8_hanzi(memoryview("ģ֪".encode()))
    (True, False)
    """
    return _UTF8_HANZI_RUN.search(part) is not None


def choose_line(line: memoryview | bytes, order: tuple[str, ...]) -> tuple[str, str, list[tuple[int, int]]]:
    """Read one line with the best candidate: the first of ``order`` that decodes it, unless another
    reads it far better; when none decodes it, the reading with the best score, bad bytes recorded.

    Why: in a page mixing UTF-8 and GBK lines each line has one encoding; valid UTF-8 is strong evidence,
    and between GB and Big5 the document's choice (``order[1]``) holds unless the model strongly disagrees.

    >>> choose_line("新闻".encode("gbk"), ("utf-8", "gb18030", "big5hkscs"))[:2]
    ('新闻', 'gb18030')
    >>> choose_line("新闻".encode(), ("utf-8", "gb18030", "big5hkscs"))[:2]
    ('新闻', 'utf-8')
    """
    valid: dict[str, str] = {}
    stray: tuple[str, str, int] | None = None
    for enc in order:
        try:
            text = str(line, enc)
        except UnicodeDecodeError:
            if enc == "utf-8" and not is_lossy_utf8(line):
                text, errors = decode_counting(line, "utf-8")
                if errors <= max(1, len(line) // 64):  # mostly UTF-8: stray bytes, not another encoding
                    stray = ("utf-8", text, errors)
            continue
        if enc == "utf-8" and not (len(line) <= SHORT_INPUT and looks_like_misread_legacy(text)):
            return text, enc, []
        if not valid and stray is None and enc != "utf-8" and not has_foreign(text):
            return text, enc, []  # a clean reading in the preferred encoding: no need to score the rest
        valid[enc] = text
    if valid:
        first = next(iter(valid))
        ranked = rank([(enc, text, 0) for enc, text in valid.items()] + ([stray] if stray else []))
        chosen = next(r for r in ranked if r.encoding == first)
        if ranked[0].score > chosen.score + SWITCH_MARGIN:
            chosen = ranked[0]
        if chosen.errors:
            text, lost = decode_recording(line, chosen.encoding)
            return text, chosen.encoding, lost
        return chosen.text, chosen.encoding, []
    losses: dict[str, list[tuple[int, int]]] = {}
    candidates = []
    for enc in order:
        text, lost = decode_recording(line, enc)
        losses[enc] = lost
        candidates.append((enc, text, len(lost)))
    best = rank(candidates)[0]
    return best.text, best.encoding, losses[best.encoding]
