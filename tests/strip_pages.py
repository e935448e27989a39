"""Helpers shared by the strip tests: build a page from lines, and read what the stage kept or removed."""

from __future__ import annotations

from typing import Any


def page(*lines: str) -> str:
    """The lines as one page, one line each."""
    return "\n".join(lines)


def kept(text: str) -> list[str]:
    """The non-empty lines of an article's text."""
    return [line for line in text.splitlines() if line]


def removed(article: Any, label: str | None = None) -> list[str]:
    """The lines the stage removed (only those of ``label`` when given), in page order."""
    return [r.text for r in article.removed if label is None or r.label == label]
