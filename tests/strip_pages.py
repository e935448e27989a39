"""Helpers shared by the strip tests: build a page from lines, and read what the stage kept or removed."""

from __future__ import annotations

from typing import Any

from cleantext import strip_rules as rules
from cleantext.strip import strip


def page(*lines: str) -> str:
    """The lines as one page, one line each."""
    return "\n".join(lines)


def kept(text: str) -> list[str]:
    """The non-empty lines of an article's text."""
    return [line for line in text.splitlines() if line]


def removed(article: Any, label: str | None = None) -> list[str]:
    """The lines the stage removed (only those of ``label`` when given), in page order."""
    return [r.text for r in article.removed if label is None or r.label == label]


def line_of(text: str, no: int = 1) -> rules.Line:
    """``text`` read as line ``no`` of a page (never empty)."""
    line = rules.read_line(no, text)
    assert line is not None
    return line


def stripped(*lines: str) -> list[str]:
    """The non-empty lines the strip stage keeps of a page made of ``lines``."""
    return kept(strip(page(*lines)).text)
