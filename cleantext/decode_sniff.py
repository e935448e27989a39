"""Byte-level sniffing for the decode stage: byte order marks, binary input, BOM-less UTF-16/32.

Everything here looks at raw bytes only (no language model) and runs on a bounded sample, so it costs
microseconds even on a 200 MB input.
"""

from __future__ import annotations

import codecs
import re

from cleantext.errors import BinaryInputError

#: Bytes looked at by the sniffers (a prefix of the input).
SNIFF_BYTES = 1 << 16

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32-LE first: its BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (prefix, offset, what it is). Only signatures that cannot begin a plain-text file.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"PK\x03\x04", 0, "a ZIP archive"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"PK\x07\x08", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh91AY&SY", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a zstd archive"),
    (b"%PDF-", 0, "a PDF document"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "a Java class or Mach-O file"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"OggS", 0, "an Ogg media file"),
    (b"ID3", 0, "an MP3 file"),
    (b"ftyp", 4, "an MP4/MOV media file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an MS Office (OLE) document"),
)

_SIGNATURES_BY_FIRST_BYTE: dict[int, list[tuple[bytes, int, str]]] = {}
for _signature in _SIGNATURES:
    if _signature[1] == 0:
        _SIGNATURES_BY_FIRST_BYTE.setdefault(_signature[0][0], []).append(_signature)
_SIGNATURES_AT_OFFSET = tuple(sig for sig in _SIGNATURES if sig[1])

# C0 controls that never appear in text files (tab, LF, VT, FF, CR and ESC are allowed), plus DEL.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def strip_bom(data: bytes) -> tuple[str, int] | None:
    """The encoding announced by a byte order mark and the mark's length, or None.

    Why: a BOM is the only encoding declaration inside the bytes that cannot be wrong by chance.

    >>> strip_bom(b"\\xef\\xbb\\xbf\\xe4\\xb8\\xad")
    ('utf-8', 3)
    >>> strip_bom(b"\\xff\\xfe\\x00\\x00")
    ('utf-32-le', 4)
    >>> strip_bom(b"abc") is None
    True
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def refuse_signature(data: bytes) -> None:
    """Raise :class:`BinaryInputError` when ``data`` starts with an image/archive/executable signature.

    Why: such files must be an error, never garbage text.

    >>> refuse_signature(b"\\x89PNG\\r\\n\\x1a\\n....")
    Traceback (most recent call last):
    ...
    cleantext.errors.BinaryInputError: binary data: a PNG image
    >>> refuse_signature("新闻".encode())  # text passes
    """
    candidates = _SIGNATURES_BY_FIRST_BYTE.get(data[0], ()) if data else ()
    for magic, offset, what in (*candidates, *_SIGNATURES_AT_OFFSET):
        if data.startswith(magic, offset):
            raise BinaryInputError(f"binary data: {what}")


def control_share(sample: bytes) -> float:
    """The share of bytes in ``sample`` that are control codes no text file contains.

    Why: random or binary bytes are about 11 % such controls; text (any encoding but UTF-16/32) ~0 %.

    >>> control_share(b"ab\\x01\\x02")
    0.5
    >>> control_share(b"line\\r\\n\\ttab\\x0c")
    0.0
    """
    if not sample:
        return 0.0
    return len(sample.translate(None, _NOT_CONTROL)) / len(sample)


def refuse_control_bytes(sample: bytes, limit: float = 0.05) -> None:
    """Raise :class:`BinaryInputError` when more than ``limit`` of ``sample`` is control bytes.

    >>> refuse_control_bytes(bytes(range(1, 32)) * 4)
    Traceback (most recent call last):
    ...
    cleantext.errors.BinaryInputError: binary data: 81% control bytes
    >>> refuse_control_bytes(b"text with one \\x07 bell")
    """
    share = control_share(sample)
    if share > limit and len(sample.translate(None, _NOT_CONTROL)) >= 3:
        raise BinaryInputError(f"binary data: {share:.0%} control bytes")


def wide_unicode_guess(sample: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be``/``utf-32-le``/``utf-32-be`` when the NULs of ``sample`` say so.

    Why: UTF-16 text without a BOM has NUL bytes in alternate positions (the high byte of ASCII
    characters), UTF-32 in three of every four; NULs scattered anywhere else mean binary data.
    Returns None when the pattern is absent (the caller then refuses NUL bytes as binary).

    >>> wide_unicode_guess("标题 2024\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> wide_unicode_guess("ab\\n".encode("utf-32-be"))
    'utf-32-be'
    >>> wide_unicode_guess(b"PK\\x00\\x00\\x01\\x00\\x07\\x00\\x00x") is None
    True
    """
    n = len(sample)
    nuls = sample.count(0)
    if not nuls:
        return None
    if n % 4 == 0 and n >= 4:
        quads = n // 4
        if sample[3::4].count(0) == quads and sample[2::4].count(0) >= 0.9 * quads:
            return "utf-32-le"
        if sample[0::4].count(0) == quads and sample[1::4].count(0) >= 0.9 * quads:
            return "utf-32-be"
    even = sample[0::2].count(0)
    odd = nuls - even
    if odd >= 2 and even <= odd * 0.1:
        return "utf-16-le"
    if even >= 2 and odd <= even * 0.1:
        return "utf-16-be"
    return utf16_by_characters(sample)


#: Characters UTF-16 text of a Chinese page is made of: ASCII text, CJK punctuation, kana, hanzi,
#: full-width forms.
_TEXT_CODE_POINTS = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u30ff\u3400-\u4dbf"
                               "\u4e00-\u9fff\uff00-\uffef]")
#: Share of such characters a UTF-16 reading must reach (random or binary bytes read as UTF-16 spread
#: over the whole BMP: about 35 % land in these ranges).
UTF16_TEXT_SHARE = 0.95


def utf16_by_characters(sample: bytes) -> str | None:
    """The UTF-16 byte order whose reading of ``sample`` is text, when only one is.

    Why: mostly-hanzi UTF-16 has few NULs (one per ASCII character, and hanzi such as 一 U+4E00 put
    theirs in the other position), too few for the NUL pattern; its characters show the byte order.

    >>> utf16_by_characters("七月一日开通\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_by_characters("夜读\\n".encode("utf-16-be"))
    'utf-16-be'
    >>> utf16_by_characters(bytes.fromhex("504b0304140000000800 9c88")) is None
    True
    """
    fits = utf16_readings(sample)
    return fits[0][0] if len(fits) == 1 else None


def utf16_readings(sample: bytes) -> list[tuple[str, str]]:
    """Each UTF-16 byte order whose reading of ``sample`` is text, with that reading.

    An odd-length sample is read without its stray byte (:func:`stray_byte_offset`); then both orders
    may fit (text of hanzi shifted one byte reads as other hanzi), and only a language model can tell.

    >>> [name for name, _ in utf16_readings("七月一日开通".encode("utf-16-le") + b"\\n")]
    ['utf-16-le', 'utf-16-be']
    """
    if len(sample) < 2:
        return []
    fits = []
    for name in ("utf-16-le", "utf-16-be"):
        part = sample
        if len(part) % 2:  # a stray byte, or a sample cut inside a character
            at = stray_byte_offset(part, name)
            part = part[:at] + part[at + 1 :]
        try:
            text = part.decode(name)
        except UnicodeDecodeError:
            text = part[:-2].decode(name, errors="ignore")  # a cut surrogate pair at the end
        if text and len(_TEXT_CODE_POINTS.findall(text)) >= UTF16_TEXT_SHARE * len(text):
            fits.append((name, text))
    return fits


_TEXT_UNITS: bytes | None = None


def _text_units() -> bytes:
    """One flag per UTF-16 code unit: 1 when it is a character of :data:`_TEXT_CODE_POINTS` (built once)."""
    global _TEXT_UNITS
    if _TEXT_UNITS is None:
        flags = bytearray(0x10000)
        for m in _TEXT_CODE_POINTS.finditer("".join(map(chr, range(0xD800))) + "\0" * 0x800
                                            + "".join(map(chr, range(0xE000, 0x10000)))):
            flags[m.start()] = 1
        _TEXT_UNITS = bytes(flags)
    return _TEXT_UNITS


def stray_byte_offset(data: bytes, encoding: str) -> int:
    """The offset of the one byte to drop from odd-length UTF-16 ``data`` so both sides read as text.

    Why: a byte inserted into (or cut from the end of) UTF-16 text shifts every code unit after it by
    one: the rest of the page reads as random CJK and Hangul. The byte that leaves the most text-like
    code units on both sides (before it in step, after it one byte on) is the stray one; the tail of a
    file cut inside a character comes out as its last byte.

    >>> raw = "春节假期出行指南".encode("utf-16-le")
    >>> stray_byte_offset(raw[:6] + b"\\x7f" + raw[6:], "utf-16-le")
    6
    >>> stray_byte_offset(raw + b"\\n", "utf-16-le")
    16
    """
    import array

    order = "little" if encoding.endswith("le") else "big"
    flags = _text_units()

    def units(part: bytes) -> list[int]:
        arr = array.array("H", part[: len(part) & ~1])
        if (order == "little") != (array.array("H", b"\x01\x00")[0] == 1):
            arr.byteswap()
        return [flags[u] for u in arr]

    in_step, shifted = units(data), units(data[1:])
    # Dropping the byte at offset 2m keeps units 0..m-1 in step and the shifted units m.. after it;
    # dropping 2m+1 joins bytes 2m and 2m+2 into one unit, then the shifted units m+1.. follow.
    tail = [0] * (len(shifted) + 2)
    for j in range(len(shifted) - 1, -1, -1):
        tail[j] = tail[j + 1] + shifted[j]
    best_at, best, head = 0, -1, 0
    for m in range(len(in_step) + 1):
        if head + tail[m] >= best:  # on a tie the later byte: a file cut inside its last character
            best_at, best = 2 * m, head + tail[m]
        if 2 * m + 2 < len(data):
            joined = flags[int.from_bytes(data[2 * m : 2 * m + 3 : 2], order)]
            if head + joined + tail[m + 1] > best:
                best_at, best = 2 * m + 1, head + joined + tail[m + 1]
        if m < len(in_step):
            head += in_step[m]
    return min(best_at, len(data) - 1)
