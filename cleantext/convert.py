"""Convert stage: Traditional to Simplified (or to zh-tw / zh-hk) with OpenCC, plus our fixes.

First working form (issue 2); issue 5 raises it to its bar.
"""

from __future__ import annotations

from functools import lru_cache

from cleantext.result import StageResult, Step

_CONFIGS = {"zh-cn": "t2s", "zh-tw": "s2tw", "zh-hk": "s2hk"}


@lru_cache(maxsize=None)
def _converter(config: str):  # noqa: ANN202 - the engine's own type
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, target: str = "zh-cn") -> StageResult:
    """Return ``text`` in the script of ``target`` (``none`` leaves it as it is)."""
    if target == "none" or not text:
        return StageResult(text=text)
    new = _converter(_CONFIGS[target]).convert(text)
    if new == text:
        return StageResult(text=text)
    changed = sum(1 for a, b in zip(text, new) if a != b)
    return StageResult(text=new, steps=(Step("convert", f"opencc_{_CONFIGS[target]}", changed),))
