"""cleantext: turn a damaged Chinese web page, saved as text, into a clean Simplified-Chinese article.

>>> import cleantext
>>> cleantext.clean("中國石油報\\n\\n這是一個測試。")
'中国石油报\\n\\n这是一个测试。\\n'

:func:`clean` returns the article; :func:`clean_document` returns a :class:`CleanResult` with the title,
byline, paragraphs, the encoding found and every change made (``steps``) and line dropped (``removed``).

The stages are imported on first use (PEP 562 ``__getattr__``), so ``import cleantext`` and
``cleantext --version`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleantext.errors import BinaryInputError, CleantextError, DecodeError
from cleantext.result import CleanResult, Removed, Step

if TYPE_CHECKING:
    from cleantext.pipeline import TARGETS, clean, clean_document

__version__ = "0.1.0"

__all__ = [
    "TARGETS",
    "BinaryInputError",
    "CleanResult",
    "CleantextError",
    "DecodeError",
    "Removed",
    "Step",
    "clean",
    "clean_document",
    "__version__",
]

_FROM_PIPELINE = ("TARGETS", "clean", "clean_document")


def __getattr__(name: str) -> Any:
    if name in _FROM_PIPELINE:
        from cleantext import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")
