"""What the command line shows on stderr: --explain, --stats and the progress bar.

Rich renders them when the stream is a terminal; otherwise they are plain text, one fact a line, fit for
logs and ``grep``. Rich is imported only when it draws something.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from cleantext.batch import Outcome

_EXAMPLE_WIDTH = 40


def _short(text: str, width: int = _EXAMPLE_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters.

    >>> _short("第一行\\n第二行" + "很长" * 30, 12)
    '第一行⏎第二行很长很长…'
    """
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------------------
# --stats
# --------------------------------------------------------------------------------------------------------


@dataclass
class Stats:
    """Totals over a run: what ``--stats`` prints."""

    files: int = 0
    failed: int = 0
    changed: int = 0
    records: int = 0
    bad_records: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    encodings: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    check: bool = False

    def add(self, outcome: Outcome, *, jsonl: bool = False) -> None:
        """Count one outcome (a file, or a chunk of JSON Lines records)."""
        self.bytes_in += outcome.size_in
        self.bytes_out += outcome.size_out
        self.bad_records += len(outcome.bad_records)
        if outcome.error:
            self.failed += 1
        if jsonl:
            self.records += outcome.records
            for part in filter(None, outcome.encoding.split(",")):
                name, _, number = part.rpartition("=")
                self.encodings[name] += int(number)
        elif not outcome.error:
            self.encodings[outcome.encoding] += 1
        self.changed += outcome.changed
        for step in outcome.steps:
            self.repairs[f"{step.stage}/{step.name}"] += step.count
        for line in outcome.removed:
            self.removed[line.label] += 1

    def finish(self) -> None:
        """Stop the clock."""
        self.seconds = time.perf_counter() - self.started

    def to_dict(self) -> dict[str, Any]:
        """The ``--stats --json`` object."""
        return {
            "files": self.files,
            "check": self.check,
            "failed": self.failed,
            "changed": self.changed,
            "records": self.records,
            "bad_records": self.bad_records,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "seconds": round(self.seconds, 3),
            "mb_per_s": round(self.bytes_in / 1e6 / self.seconds, 3) if self.seconds else None,
            "encodings": dict(self.encodings.most_common()),
            "repairs": dict(self.repairs.most_common()),
            "removed": dict(self.removed.most_common()),
        }


def print_stats(stats: Stats, stream: IO[str], *, as_json: bool) -> None:
    """Print the summary: JSON, or tables drawn by rich (plain when ``stream`` is not a terminal)."""
    if as_json:
        stream.write(json.dumps(stats.to_dict(), ensure_ascii=False) + "\n")
        stream.flush()
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, highlight=False)
    data = stats.to_dict()
    summary = Table(title="cleantext", show_header=False, box=None, title_justify="left")
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    rows = [("files", data["files"]), ("failed", data["failed"]),
            ("would change" if stats.check else "changed", data["changed"])]
    if data["records"] or data["bad_records"]:
        rows += [("records", data["records"]), ("bad records", data["bad_records"])]
    rows += [
        ("bytes in", f"{data['bytes_in']:,}"),
        ("bytes out", f"{data['bytes_out']:,}"),
        ("time", f"{data['seconds']:.2f} s"),
        ("speed", f"{data['mb_per_s'] or 0:.2f} MB/s"),
    ]
    for name, value in rows:
        summary.add_row(name, str(value))
    console.print(summary)
    for title, counter, unit in (
        ("encodings", stats.encodings, "inputs"),
        ("repairs by kind", stats.repairs, "count"),
        ("lines removed by kind", stats.removed, "lines"),
    ):
        if not counter:
            continue
        table = Table(title=title, title_justify="left")
        table.add_column("kind")
        table.add_column(unit, justify="right")
        for name, number in counter.most_common():
            table.add_row(Text(name), f"{number:,}")
        console.print(table)


# --------------------------------------------------------------------------------------------------------
# --explain
# --------------------------------------------------------------------------------------------------------


def explain_lines(outcome: Outcome) -> list[str]:
    """What changed in one input, as plain lines: encoding, each step with an example, each removed line.

    >>> from cleantext.result import Removed, Step
    >>> o = Outcome("a.txt", encoding="gb18030", confidence=0.9,
    ...             steps=(Step("convert", "opencc_t2s", 2, "這個", "这个"),),
    ...             removed=(Removed(1, "免费在线观看", "spam", "keywords"),))
    >>> print("\\n".join(explain_lines(o)))
    a.txt: encoding gb18030 (confidence 0.90)
    a.txt: convert/opencc_t2s ×2: '這個' → '这个'
    a.txt: removed line 1 (spam, keywords): '免费在线观看'
    """
    name = outcome.name
    lines = [f"{name}: encoding {outcome.encoding} (confidence {outcome.confidence:.2f})"]
    for step in outcome.steps:
        line = f"{name}: {step.stage}/{step.name} ×{step.count}"
        if step.before or step.after:
            line += f": {_short(step.before)!r} → {_short(step.after)!r}"
        if step.lost:
            line += f" ({step.lost} characters lost)"
        if step.detail:
            line += f" [{_short(step.detail, 200)}]"  # (a guessed line break stays on the line: ⏎)
        lines.append(line)
    for removed in outcome.removed:
        lines.append(f"{name}: removed line {removed.line_no} ({removed.label}, {removed.rule}): "
                     f"{_short(removed.text)!r}")
    if not outcome.steps and not outcome.removed:
        lines.append(f"{name}: nothing to change")
    return lines


def explain_rich(outcome: Outcome) -> Any:
    """The same account as :func:`explain_lines`, as a rich table for a terminal."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(f"{outcome.name} — {outcome.encoding} (confidence {outcome.confidence:.2f})"),
        title_justify="left",
    )
    table.add_column("stage")
    table.add_column("change")
    table.add_column("count", justify="right")
    table.add_column("example")
    for step in outcome.steps:
        example = f"{_short(step.before)} → {_short(step.after)}" if step.before or step.after else ""
        if step.lost:
            example += f" ({step.lost} lost)"
        table.add_row(Text(step.stage), Text(step.name), str(step.count), Text(example))
    for removed in outcome.removed:
        table.add_row("strip", Text(f"removed line {removed.line_no}: {removed.label}"), "1",
                      Text(f"{_short(removed.text)} [{removed.rule}]"))
    return table  # cells are Text: a page's "[广告]" is not rich markup


# --------------------------------------------------------------------------------------------------------
# The stderr reporter (errors, --explain, progress)
# --------------------------------------------------------------------------------------------------------


class Reporter:
    """Everything the run writes to stderr, kept from tearing the progress bar apart."""

    def __init__(self, stream: IO[str], *, progress: bool, total: int | None) -> None:
        self.stream = stream
        self.is_terminal = stream.isatty()
        self.console: Any = None
        self.progress: Any = None
        self.task: Any = None
        self.last_refresh = 0.0
        if progress:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.console = Console(file=stream)
            columns = [SpinnerColumn(), TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[mb]:.1f} MB"), TimeElapsedColumn()]
            if total:
                columns.append(TimeRemainingColumn())
            self.progress = Progress(*columns, console=self.console, transient=True, auto_refresh=False)
            self.task = self.progress.add_task("clean", total=total, mb=0.0)
            self.progress.start()
        elif self.is_terminal:
            from rich.console import Console

            self.console = Console(file=stream)

    def error(self, line: str) -> None:
        """One failure line."""
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False, style="red")
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def explain(self, outcome: Outcome) -> None:
        """Print the --explain account of one input."""
        if self.console is not None:
            self.console.print(explain_rich(outcome))
        else:
            self.stream.write("\n".join(explain_lines(outcome)) + "\n")
            self.stream.flush()

    def advance(self, files: int, size: int) -> None:
        """Move the progress bar (redrawn at most ten times a second)."""
        if self.progress is None:
            return
        task = self.progress.tasks[0]
        self.progress.update(self.task, advance=files, mb=task.fields["mb"] + size / 1e6)
        now = time.monotonic()
        if now - self.last_refresh > 0.1:
            self.last_refresh = now
            self.progress.refresh()

    def close(self) -> None:
        """Take the progress bar off the screen."""
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
