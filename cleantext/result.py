"""Plain, picklable records of what the pipeline did.

Every stage returns its new text together with a list of :class:`Step` (what it changed) and, for the
strip stage, a list of :class:`Removed` (which lines it dropped and why). They are frozen dataclasses of
plain values so batch workers can pickle them and ``--json`` can dump them with :func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    """One named fix applied by one stage, like an entry of ftfy's explanation.

    ``count`` is how many places it changed; ``before``/``after`` is one short example of the change.
    ``lost`` counts characters that could not be recovered (debris removed, bytes that were gone).
    """

    stage: str
    name: str
    count: int
    before: str = ""
    after: str = ""
    lost: int = 0
    detail: str = ""


@dataclass(frozen=True)
class Removed:
    """A line the strip stage dropped: its 1-based number in the converted text, label and rule."""

    line_no: int
    text: str
    label: str
    rule: str


@dataclass(frozen=True)
class DecodedSpan:
    """A byte range of the input and the encoding it was read with (several for mixed files)."""

    start: int
    end: int
    encoding: str


@dataclass(frozen=True)
class StageResult:
    """What one stage hands on: the new text and its record."""

    text: str
    steps: tuple[Step, ...] = ()
    removed: tuple[Removed, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecodeResult:
    """The decode stage's answer: text, the encoding chosen, how sure, and the runner-up."""

    text: str
    encoding: str
    confidence: float
    runner_up: str | None = None
    spans: tuple[DecodedSpan, ...] = ()
    steps: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanResult:
    """The clean article and the full account of how it was obtained."""

    text: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    encoding: str
    confidence: float
    steps: tuple[Step, ...] = ()
    removed: tuple[Removed, ...] = ()
    warnings: tuple[str, ...] = ()
    encoding_runner_up: str | None = None
    spans: tuple[DecodedSpan, ...] = field(default=())

    @property
    def changed(self) -> bool:
        """True when any stage changed anything (script conversion included)."""
        return bool(self.steps or self.removed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return asdict(self)
