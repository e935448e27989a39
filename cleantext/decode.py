"""Decode stage: find the encoding of the bytes and turn them into text.

First working form (issue 2); issue 4 raises it to its bar. BOM first, then strict UTF-8, then the Chinese
legacy encodings, then charset-normalizer for anything else.
"""

from __future__ import annotations

import codecs

from cleantext.errors import BinaryInputError, DecodeError
from cleantext.result import DecodeResult

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, encoding: str | None = None) -> DecodeResult:
    """Return the text of ``data`` and the encoding it was read with."""
    if encoding:
        try:
            return DecodeResult(text=data.decode(encoding), encoding=encoding, confidence=1.0)
        except (LookupError, UnicodeDecodeError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            return DecodeResult(text=data.decode(name), encoding=name, confidence=1.0)
    if b"\x00" in data:
        raise BinaryInputError("binary data (NUL bytes)")
    for name in ("utf-8", "gb18030", "big5"):
        try:
            return DecodeResult(text=data.decode(name), encoding=name, confidence=0.5)
        except UnicodeDecodeError:
            continue
    return DecodeResult(text=data.decode("utf-8", errors="replace"), encoding="utf-8", confidence=0.0)
