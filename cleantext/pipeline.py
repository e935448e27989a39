"""The chain of stages: decode → repair → convert → strip.

Each stage is a module with one job and a pure function over text that returns the new text and its
record (:class:`~cleantext.result.StageResult`). This module only wires them together and gathers the
records into a :class:`~cleantext.result.CleanResult`; it holds no state of its own.
"""

from __future__ import annotations

from cleantext import convert as convert_stage
from cleantext import decode as decode_stage
from cleantext import repair as repair_stage
from cleantext import strip as strip_stage
from cleantext.result import CleanResult, DecodeResult

TARGETS = ("zh-cn", "zh-tw", "zh-hk", "none")


def clean_document(
    data: bytes | str,
    *,
    target: str = "zh-cn",
    repair: bool = True,
    strip: bool = True,
    encoding: str | None = None,
    site_boilerplate: frozenset[str] | set[str] | None = None,
) -> CleanResult:
    """Clean one page and return the article with the record of every change.

    ``data`` is the raw bytes of a page (the encoding is detected unless ``encoding`` forces one) or text
    that was already decoded. ``target`` is the script of the output: ``zh-cn`` (Simplified, default),
    ``zh-tw``, ``zh-hk`` or ``none`` (leave the script as it is). ``repair`` and ``strip`` turn the
    mojibake repair and the header/footer removal on or off. ``site_boilerplate`` is the batch pass's
    answer (:func:`cleantext.strip.find_site_boilerplate` over the batch's converted texts): such lines
    are dropped where they stand outside this page's article body.

    >>> clean_document("標題\\n\\n這是一個測試。".encode("big5")).text
    '标题\\n\\n这是一个测试。\\n'
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")
    if isinstance(data, str):
        decoded = DecodeResult(text=data, encoding="str", confidence=1.0)
    else:
        decoded = decode_stage.decode(data, encoding=encoding)

    steps = list(decoded.steps)
    warnings = list(decoded.warnings)
    text = decoded.text

    if repair:
        repaired = repair_stage.repair(text)
        text = repaired.text
        steps += repaired.steps
        warnings += repaired.warnings

    converted = convert_stage.convert(text, target=target)
    text = converted.text
    steps += converted.steps

    article = strip_stage.strip(text, enabled=strip, site_boilerplate=site_boilerplate)
    steps += article.steps
    warnings += article.warnings

    return CleanResult(
        text=article.text,
        title=article.title,
        byline=article.byline,
        paragraphs=article.paragraphs,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        steps=tuple(steps),
        removed=article.removed,
        warnings=tuple(warnings),
        encoding_runner_up=decoded.runner_up,
        spans=decoded.spans,
    )


def clean(data: bytes | str, **options: object) -> str:
    """Clean one page and return just the article text (see :func:`clean_document` for options)."""
    return clean_document(data, **options).text  # type: ignore[arg-type]
