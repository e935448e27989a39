"""cleantext: turn a damaged Chinese web page, saved as text, into a clean Simplified-Chinese article.

>>> import cleantext
>>> cleantext.clean("中國石油報\\n\\n這是一個測試。")
'中国石油报\\n\\n这是一个测试。\\n'

:func:`clean` returns the article; :func:`clean_document` returns a :class:`CleanResult` with the title,
byline, paragraphs, the encoding found and every change made (``steps``) and line dropped (``removed``).
"""

from cleantext.errors import BinaryInputError, CleantextError, DecodeError
from cleantext.pipeline import TARGETS, clean, clean_document
from cleantext.result import CleanResult, Removed, Step

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
