"""Repair stage: undo pinyin artifacts, GBK restart damage, mojibake, HTML remnants and debris.

Each fix is a small named function ``fix_x(text) -> (text, steps)`` in a module of this package;
:data:`FIXES` lists them in the order :func:`repair` runs them, and ``repair(text, fixes=...)`` runs a
chosen subset (by function or name), like ftfy's configuration. The order undoes the damage in the
reverse of the order the sites did it:

1. ``pinyin_annotations`` — the sites annotate last, after the byte damage; the annotations sit inside
   GBK restart runs and mojibake, and their brackets would break the byte arithmetic of the next fixes.
   The ``?pinyin)`` tail form is left for the GBK fix, which uses it to recover a lost character.
2. ``mojibake`` — wrong-codec decoding happened to the bytes of the page, entities and tags included,
   so it is undone before the markup is read. It runs before the GBK restart fix because lossy
   mojibake (UTF-8 read as GBK with ``?`` for lost bytes) is full of ``?X`` pairs that the GBK fix
   would take for its own damage; the other way round is safe, because a GBK restart run never
   scores as better text when decoded with another codec (the language model decides).
3. ``gbk_restart`` (``cleantext.repair.gbk_restart``, when present) — needs the raw ``?`` markers, the
   ``?/p>`` remnants (the ``?`` swallowed the ``<``) and the private-use characters that its runs hold.
4. ``html`` — tags, ``/p>`` remnants and entities; entities come after mojibake because a decoded
   ``&ldquo;`` inside a mojibake line would not survive its re-encoding.
5. ``debris`` — last: what is still U+FFFD, private-use, a control character, ``锟斤拷`` or a lone ``?``
   line after every fix had its chance is gone for good, and is counted as lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cleantext.repair.debris import fix_debris
from cleantext.repair.markup import fix_html
from cleantext.repair.mojibake import fix_mojibake
from cleantext.repair.pinyin import fix_pinyin_annotations, fix_revealed_annotations
from cleantext.result import StageResult, Step

Fix = Callable[[str], tuple[str, list[Step]]]

try:  # written separately; the stage works without it
    from cleantext.repair.gbk_restart import fix_gbk_restart
except ImportError:  # pragma: no cover - depends on the checkout
    fix_gbk_restart = None  # type: ignore[assignment]

#: The fixes in the order :func:`repair` applies them.
FIXES: tuple[Fix, ...] = tuple(
    f for f in (fix_pinyin_annotations, fix_mojibake, fix_gbk_restart, fix_html, fix_debris) if f is not None
)


def fix_name(fix: Fix) -> str:
    """The short name of a fix: ``fix_mojibake`` → ``mojibake``.

    >>> fix_name(fix_html)
    'html'
    """
    return fix.__name__.removeprefix("fix_")


def _select(fixes: Iterable[Fix | str] | None) -> list[Fix]:
    if fixes is None:
        return list(FIXES)
    by_name = {fix_name(f): f for f in FIXES}
    chosen: list[Fix] = []
    for f in fixes:
        if isinstance(f, str):
            if f.removeprefix("fix_") not in by_name:
                raise ValueError(f"unknown fix {f!r}; choose from {', '.join(by_name)}")
            f = by_name[f.removeprefix("fix_")]
        chosen.append(f)
    return chosen


def repair(text: str, *, fixes: Iterable[Fix | str] | None = None) -> StageResult:
    """Return ``text`` with every repair applied (or only ``fixes``), and the steps taken.

    >>> repair("礦區(qū)發(fā)展,社區(qū)&ldquo;好&rdquo;锟斤拷").text
    '礦區發展,社區“好”'
    >>> repair("干净的文本。").steps
    ()
    """
    steps: list[Step] = []
    chosen = _select(fixes)
    original = text
    for fix in chosen:
        before = text
        text, done = fix(text)
        steps += done
        if fix is fix_mojibake and done and fix_pinyin_annotations in chosen:
            text, done = fix_revealed_annotations(before, text, original)
            steps += done
    return StageResult(text=text, steps=tuple(steps))


__all__ = ["FIXES", "Fix", "fix_name", "repair"]
