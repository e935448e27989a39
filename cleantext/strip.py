"""Strip stage: label each line and keep the article (title, byline, paragraphs).

First working form (issue 2); issue 6 raises it to its bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.result import Removed, Step


@dataclass(frozen=True)
class Article:
    """The strip stage's answer: the laid-out article, its parts and the dropped lines."""

    text: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...] = ()
    steps: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = ()


def layout(lines: list[str]) -> str:
    """Lines as the output shows them: one blank line between them, no indentation, a final newline."""
    return "\n\n".join(lines) + "\n" if lines else ""


def strip(text: str, enabled: bool = True) -> Article:
    """Return the article in ``text``; with ``enabled=False`` only the layout is normalised."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    title = lines[0] if lines else ""
    return Article(text=layout(lines), title=title, byline="", paragraphs=tuple(lines[1:]))
