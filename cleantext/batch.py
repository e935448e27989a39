"""Batch mode: clean many files or JSON Lines records, in parallel, in a stable order, safely.

The command-line tool is a thin layer over this module; it is usable from scripts too.

* :func:`ordered_map` streams tasks through a process pool with a bounded window of tasks in flight, and
  yields the results in the order of the tasks: memory stays flat however many files there are.
* :class:`AtomicFile` writes a file through a temporary file in the same directory and ``os.replace``:
  a reader (or an interrupted run) only ever sees the old file or the complete new one.
* :func:`clean_files` (a worker function) reads, cleans and writes a chunk of :class:`FileJob`; it returns
  one :class:`Outcome` per file — a small record, the text only when the caller prints it.
* :func:`clean_jsonl_lines` cleans one field of a chunk of JSON Lines records and keeps every other field.

Workers come from a fork server (never a fork of a parent that may hold thread pools) and ignore
SIGINT: on Ctrl-C the parent stops handing out work and lets the running chunks finish, so
every output written is complete. SIGTERM sent to a worker aborts its current file and removes the
temporary file (``finally``); :func:`sweep_temp_files` is the parent's last line of defence.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import count
from typing import IO, Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Temporary files are named ``.<name>.<pid>.<n>.cleantext-tmp`` next to their destination.
TEMP_SUFFIX = ".cleantext-tmp"
_temp_counter = count()
_END: Any = object()  # the end of an iterator, for next(iterator, _END)


# --------------------------------------------------------------------------------------------------------
# Settings and records (plain, picklable data: they travel to and from the workers)
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """The pipeline options of :func:`cleantext.clean_document`."""

    target: str = "zh-cn"
    repair: bool = True
    strip: bool = True
    encoding: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`cleantext.clean_document`."""
        return asdict(self)


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know about the run.

    ``payload`` is what the worker returns for the caller to print: ``"text"`` (the article, UTF-8),
    ``"json"`` (one JSON line), or ``""`` (nothing: the worker wrote the file itself, or ``check``).
    ``details`` asks for the steps and removed lines in each :class:`Outcome` (for --explain/--stats).
    """

    options: Options = Options()
    payload: str = "text"
    check: bool = False
    details: bool = False
    fsync: bool = False
    backup: str | None = None
    field: str = "text"
    skip_bad_records: bool = False


@dataclass(frozen=True)
class FileJob:
    """One input file: where to read it (``data`` for stdin), where to write it (``dest``)."""

    name: str
    src: str | None = None
    dest: str | None = None
    in_place: bool = False
    data: bytes | None = None
    error: str | None = None  # known before any work (e.g. two inputs with the same output)


@dataclass
class Outcome:
    """What became of one input: an error reason, or the figures and (optionally) the payload."""

    name: str
    error: str | None = None
    size_in: int = 0
    size_out: int = 0
    changed: bool = False
    encoding: str = ""
    confidence: float = 0.0
    steps: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    payload: bytes = b""
    dest: str | None = None
    records: int = 0
    bad_records: tuple[tuple[int, str], ...] = ()


# --------------------------------------------------------------------------------------------------------
# Atomic writes
# --------------------------------------------------------------------------------------------------------


def _temp_path(dest: str) -> str:
    """A fresh hidden name next to ``dest`` that names its owner process, for :func:`sweep_temp_files`."""
    directory, name = os.path.split(dest)
    return os.path.join(directory, f".{name[:180]}.{os.getpid()}.{next(_temp_counter)}{TEMP_SUFFIX}")


def _fsync_directory(directory: str) -> None:
    try:
        fd = os.open(directory or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _make_backup(path: str, backup: str) -> None:
    """Keep the current ``path`` as ``backup`` (a hard link when possible, else a copy), atomically."""
    temp = _temp_path(backup)
    try:
        try:
            os.link(path, temp)
        except OSError:
            import shutil

            shutil.copy2(path, temp)
        os.replace(temp, backup)
    finally:
        if os.path.lexists(temp):
            os.unlink(temp)


class AtomicFile:
    """A file written through a temporary file next to ``dest`` that replaces ``dest`` atomically.

    Why: a reader, a crash or a Ctrl-C never sees a half-written ``dest`` — it is the old file or the
    whole new one — and the temporary file is removed whatever happens. Used as a context manager it
    commits on success and discards on an exception. ``mode_of`` copies the permission bits of that file
    (``--in-place``); ``backup`` is a path that keeps the old ``dest``; ``fsync`` makes it durable.

    >>> import tempfile; d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> with AtomicFile(p) as f:
    ...     _ = f.write(b"new")
    >>> open(p, "rb").read(), os.listdir(d)
    (b'new', ['a.txt'])
    """

    def __init__(
        self, dest: str, *, mode_of: str | None = None, fsync: bool = False, backup: str | None = None
    ) -> None:
        self.dest, self.mode_of, self.fsync, self.backup = dest, mode_of, fsync, backup
        self.temp: str | None = _temp_path(dest)
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self.handle: IO[bytes] = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> int:
        """Append ``data`` to the temporary file."""
        return self.handle.write(data)

    def commit(self) -> None:
        """Replace ``dest`` with what was written (keeping ``backup`` first)."""
        try:
            self.handle.flush()
            if self.fsync:
                os.fsync(self.handle.fileno())
            self.handle.close()
            assert self.temp is not None
            if self.mode_of is not None:
                os.chmod(self.temp, os.stat(self.mode_of).st_mode & 0o7777)
            if self.backup:
                _make_backup(self.dest, self.backup)
            os.replace(self.temp, self.dest)
            self.temp = None
            if self.fsync:
                _fsync_directory(os.path.dirname(self.dest))
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop what was written; ``dest`` stays as it was."""
        self.handle.close()
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temp)
            self.temp = None

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def sweep_temp_files(dests: Iterable[str], pids: Iterable[int]) -> None:
    """Remove the temporary files that processes ``pids`` may have left next to ``dests``.

    Why: a worker killed outright (SIGKILL, OOM) cannot run its ``finally``; the parent knows which
    outputs were in flight and which processes wrote them.
    """
    prefixes = {str(pid) for pid in pids}
    for dest in dests:
        directory, name = os.path.split(dest)
        try:
            entries = os.listdir(directory or ".")
        except OSError:
            continue
        stem = f".{name[:180]}."
        for entry in entries:
            if entry.startswith(stem) and entry.endswith(TEMP_SUFFIX):
                pid = entry[len(stem) :].split(".", 1)[0]
                if pid in prefixes:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(directory, entry))


# --------------------------------------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------------------------------------

_settings = Settings()


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def init_worker(settings: Settings) -> None:
    """Pool initializer: keep the settings; leave Ctrl-C to the parent, let SIGTERM unwind cleanly."""
    global _settings
    _settings = settings
    # Parallelism comes from the processes: one thread each for engines with their own thread pool.
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_interrupt)


def configure(settings: Settings) -> None:
    """Set the settings for work done in this process (``--jobs 1``)."""
    global _settings
    _settings = settings


class OutputError(Exception):
    """The output cannot be written where it was asked (it would replace the input)."""


def _reason(exc: BaseException) -> str:
    """A one-line reason for ``exc``, as ``cat`` would say it."""
    if isinstance(exc, IsADirectoryError):
        return "is a directory (use -r to clean the files in it)"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def result_json(name: str, result: Any) -> dict[str, Any]:
    """The ``--json`` object of one input."""
    return {
        "path": name,
        "encoding": result.encoding,
        "confidence": result.confidence,
        "title": result.title,
        "byline": result.byline,
        "paragraphs": list(result.paragraphs),
        "text": result.text,
        "steps": [asdict(step) for step in result.steps],
        "removed": [asdict(line) for line in result.removed],
        "warnings": list(result.warnings),
    }


def _dumps(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def clean_one(job: FileJob, settings: Settings) -> Outcome:
    """Read, clean and (for an output file) write one input; failures become ``Outcome.error``."""
    from cleantext.errors import CleantextError
    from cleantext.pipeline import clean_document

    outcome = Outcome(name=job.name, dest=job.dest)
    if job.error:
        outcome.error = job.error
        return outcome
    try:
        if job.data is not None:
            data = job.data
        else:
            with open(job.src, "rb") as handle:  # type: ignore[arg-type]
                data = handle.read()
    except OSError as exc:
        outcome.error = _reason(exc)
        return outcome
    outcome.size_in = len(data)
    try:
        result = clean_document(data, **settings.options.as_kwargs())
    except (CleantextError, MemoryError) as exc:
        outcome.error = _reason(exc)
        return outcome
    except Exception as exc:  # a bug in a stage must not stop the other files
        outcome.error = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
        return outcome
    out = result.text.encode("utf-8")
    outcome.size_out = len(out)
    outcome.changed = out != data
    outcome.encoding = result.encoding
    outcome.confidence = result.confidence
    if settings.details:
        outcome.steps = result.steps
        outcome.removed = result.removed
    if settings.check:
        return outcome
    if job.dest is not None:
        try:
            _write_output(job, out, settings)
        except OutputError as exc:
            outcome.error = str(exc)
        except OSError as exc:
            outcome.error = f"cannot write {exc.filename or job.dest}: {_reason(exc)}"
    elif settings.payload == "json":
        outcome.payload = _dumps(result_json(job.name, result))
    elif settings.payload == "text":
        outcome.payload = out
    return outcome


def _write_output(job: FileJob, out: bytes, settings: Settings) -> None:
    dest = job.dest
    assert dest is not None
    if job.in_place:
        backup = dest + settings.backup if settings.backup else None
        with AtomicFile(dest, mode_of=dest, fsync=settings.fsync, backup=backup) as handle:
            handle.write(out)
        return
    if job.src is not None and os.path.exists(dest) and os.path.samefile(job.src, dest):
        raise OutputError(f"output {dest} is the input file (use --in-place to rewrite it)")
    directory = os.path.dirname(dest)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with AtomicFile(dest, fsync=settings.fsync) as handle:
        handle.write(out)


def clean_files(jobs: list[FileJob]) -> list[Outcome]:
    """Worker task: clean a chunk of files with the settings given to :func:`init_worker`."""
    return [clean_one(job, _settings) for job in jobs]


@dataclass(frozen=True)
class JsonlChunk:
    """Consecutive lines of one JSON Lines input (``job``), starting at 1-based line ``first_line``."""

    job: FileJob
    first_line: int
    lines: tuple[bytes, ...]
    index: int = 0  # which input
    last: bool = False  # the final chunk of that input
    error: str | None = None  # the input could not be read


def clean_jsonl_lines(chunk: JsonlChunk) -> Outcome:
    """Worker task: clean the field of each record; bad lines are reported and passed through or skipped.

    Other fields are kept as they are (their JSON text may be re-spelt: ``"\\u4e2d"`` becomes ``"中"``).
    """
    from cleantext.errors import CleantextError
    from cleantext.pipeline import clean_document

    settings = _settings
    outcome = Outcome(name=chunk.job.name, error=chunk.error, dest=chunk.job.dest)
    out: list[bytes] = []
    bad: list[tuple[int, str]] = []
    steps: list[Any] = []
    removed: list[Any] = []
    encodings: dict[str, int] = {}
    kwargs = settings.options.as_kwargs()
    for line_no, line in enumerate(chunk.lines, chunk.first_line):
        outcome.size_in += len(line)
        if not line.strip():
            out.append(line)
            continue
        try:
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"malformed JSON: {exc}") from None
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            value = record.get(settings.field)
            if not isinstance(value, str):
                missing = settings.field not in record
                raise ValueError(f"field {settings.field!r} {'missing' if missing else 'is not a string'}")
            result = clean_document(value, **kwargs)
        except (ValueError, CleantextError) as exc:
            bad.append((line_no, _reason(exc)))
            if not settings.skip_bad_records:
                out.append(line if line.endswith(b"\n") else line + b"\n")
            continue
        except Exception as exc:  # a bug in a stage must not stop the other records
            bad.append((line_no, f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]))
            if not settings.skip_bad_records:
                out.append(line if line.endswith(b"\n") else line + b"\n")
            continue
        outcome.records += 1
        text = result.text
        if text.endswith("\n") and not value.endswith("\n"):
            text = text[:-1]  # the article's final newline belongs to files, not to a field
        if text != value:
            outcome.changed = True
        record[settings.field] = text
        record["cleantext"] = {
            "encoding": result.encoding,
            "confidence": result.confidence,
            "steps": [asdict(step) for step in result.steps],
            "removed": [asdict(line) for line in result.removed],
        }
        encodings[result.encoding] = encodings.get(result.encoding, 0) + 1
        if settings.details:
            steps.extend(result.steps)
            removed.extend(result.removed)
        out.append(_dumps(record))
    outcome.bad_records = tuple(bad)
    outcome.steps = tuple(steps)
    outcome.removed = tuple(removed)
    outcome.encoding = ",".join(f"{k}={v}" for k, v in encodings.items())
    if not settings.check:
        outcome.payload = b"".join(out)
    outcome.size_out = len(outcome.payload)
    return outcome


def read_jsonl_chunks(
    jobs: Iterable[FileJob], *, stdin: IO[bytes] | None = None, lines_per_chunk: int = 64
) -> Iterator[JsonlChunk]:
    """Cut each JSON Lines input (``src`` None is ``stdin``) into chunks, lazily; each ends with a ``last``.

    >>> import io
    >>> [(c.first_line, len(c.lines), c.last) for c in read_jsonl_chunks(
    ...     [FileJob("-")], stdin=io.BytesIO(b"{}\\n" * 5), lines_per_chunk=2)]
    [(1, 2, False), (3, 2, False), (5, 1, True)]
    """
    for index, job in enumerate(jobs):
        if job.error:
            yield JsonlChunk(job, 1, (), index, last=True, error=job.error)
            continue
        try:
            handle = stdin if job.src is None else open(job.src, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            yield JsonlChunk(job, 1, (), index, last=True, error=_reason(exc))
            continue
        try:
            first, lines, size = 1, [], 0
            try:
                for line in handle:  # type: ignore[union-attr]
                    lines.append(line)
                    size += len(line)
                    if len(lines) >= lines_per_chunk or size >= 1 << 20:
                        yield JsonlChunk(job, first, tuple(lines), index)
                        first, lines, size = first + len(lines), [], 0
            except OSError as exc:
                yield JsonlChunk(job, first, tuple(lines), index, last=True, error=_reason(exc))
                continue
            yield JsonlChunk(job, first, tuple(lines), index, last=True)
        finally:
            if handle is not stdin:
                handle.close()  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------------------------
# Finding the inputs
# --------------------------------------------------------------------------------------------------------


def walk_files(root: str, patterns: tuple[str, ...], exclude: str | None = None) -> Iterator[str]:
    """Files under ``root`` whose name matches one of ``patterns``, in sorted order, lazily.

    Hidden files and directories (``.name``) are skipped — our own temporary files among them — and so is
    the directory ``exclude`` (the output directory, when it lies inside ``root``).
    """
    excluded = os.path.realpath(exclude) if exclude else None
    for directory, subdirs, files in os.walk(root):
        kept = []
        for sub in sorted(subdirs):
            if sub.startswith("."):
                continue
            if excluded and os.path.realpath(os.path.join(directory, sub)) == excluded:
                continue
            kept.append(sub)
        subdirs[:] = kept
        for name in sorted(files):
            if not name.startswith(".") and any(fnmatch.fnmatchcase(name, p) for p in patterns):
                yield os.path.join(directory, name)


def read_names(stream: IO[bytes], *, null: bool) -> Iterator[str]:
    """File names from ``stream``: one a line, or NUL-separated with ``null`` (``find -print0``)."""
    separator = b"\0" if null else b"\n"
    pending = b""
    while True:
        block = stream.read(1 << 16)
        if not block:
            break
        pending += block
        *names, pending = pending.split(separator)
        for raw in names:
            raw = raw if null else raw.rstrip(b"\r")
            if raw:
                yield os.fsdecode(raw)
    tail = pending if null else pending.rstrip(b"\r")
    if tail:
        yield os.fsdecode(tail)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items, lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def tapered_chunks(items: Iterable[T], size: int, *, parts: int, lookahead: int) -> Iterator[list[T]]:
    """Lists of ``size`` items, lazily, and smaller ones as the input runs out, so the workers end together.

    Why: with equal chunks the last one may keep one worker busy while the others sit idle. Up to
    ``lookahead`` items are held back; once the input is known to end, each chunk is the remaining
    count over ``parts`` (rounded up, at most ``size``), so the last chunks hold a single item.

    >>> [len(c) for c in tapered_chunks(range(40), 8, parts=4, lookahead=16)]
    [8, 8, 8, 8, 2, 2, 1, 1, 1, 1]
    """
    source = iter(items)
    held: deque[T] = deque()
    ended = False
    while True:
        while not ended and len(held) < max(lookahead, size):
            item = next(source, _END)
            if item is _END:
                ended = True
            else:
                held.append(item)
        if not held:
            return
        take = size if not ended else max(1, min(size, -(-len(held) // parts)))
        yield [held.popleft() for _ in range(min(take, len(held)))]


# --------------------------------------------------------------------------------------------------------
# The ordered, bounded process pool
# --------------------------------------------------------------------------------------------------------


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_WARM_UP_ENV = "CLEANTEXT_FORKSERVER_WARM_UP"


def _warm_up_pages() -> list[bytes]:
    """Short pages that take the stages down their main paths (encodings, mojibake, markup, pinyin)."""
    trad = "中國石油報\n\n記者 王明\n\n這是一個關於測試的段落，內容很好。\n"
    simp = "中国石油报\n\n这是一个关于测试的段落。\n"
    return [
        trad.encode("gb18030"),
        trad.encode("big5"),
        trad.encode("utf-16"),
        simp.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
        simp.encode("utf-8").decode("gbk", "replace").encode("utf-8"),
        ("&lt;p&gt;" + trad.replace("國", "國(guó)") + "&nbsp;&#20013;</p>").encode("utf-8"),
        (trad + "先后獲得國家及?。ㄊ校┘墭s譽稱號\n").encode("utf-8"),  # GBK restart damage
    ]


def warm_up_tables() -> None:
    """Load the stages' lazy tables and the OpenCC dictionaries, without starting any thread.

    Why: done once in the fork server, the tables are shared by every worker (copy-on-write) instead
    of being loaded by each — less memory, and workers start at once. The pages are cleaned with
    ``target="none"`` and the converter is only created, not used: the Rust OpenCC engine starts its
    thread pool on the first conversion, and a thread pool must not exist in a process that forks.
    Last, ``gc.freeze()``: the loaded objects move to a generation the collector never walks, so a
    worker's collections do not write to the pages it shares with the server (and copy them).
    """
    from cleantext.pipeline import clean_document

    for page in _warm_up_pages():
        with contextlib.suppress(Exception):
            clean_document(page, target="none")
    with contextlib.suppress(Exception):
        from cleantext import convert

        convert.engine_name()  # creates the t2s converter (dictionaries loaded, no thread yet)
    gc.collect()
    gc.freeze()


if os.environ.get(_WARM_UP_ENV) == "1":  # imported by the fork server (preload)
    warm_up_tables()


def _pool_context() -> Any:
    """A fork server that has imported the pipeline and loaded its tables, else spawn.

    Never a plain fork of this process. Why: a forked child inherits locks and thread pools without
    their threads. The Rust OpenCC engine keeps a rayon thread pool: after one conversion in the parent,
    a forked worker waits for it forever.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cleantext.pipeline", "cleantext.batch"])
    os.environ[_WARM_UP_ENV] = "1"  # seen by the server's import of this module, not by ours
    try:
        forkserver.ensure_running()
    finally:
        del os.environ[_WARM_UP_ENV]
    return context


@dataclass
class PoolState:
    """What the parent knows of the pool, to clean up after an interruption."""

    pids: set[int] = field(default_factory=set)
    in_flight: deque[Any] = field(default_factory=deque)


def ordered_map(
    fn: Callable[[T], R],
    tasks: Iterable[T],
    *,
    jobs: int,
    settings: Settings,
    window_per_job: int = 4,
    state: PoolState | None = None,
) -> Iterator[tuple[T, R]]:
    """Yield ``(task, fn(task))`` in the order of ``tasks``, computed by ``jobs`` worker processes.

    Why a window: ``Pool.imap`` reads its whole input up front; here at most ``jobs * window_per_job``
    tasks are in flight, so memory stays flat for any number of tasks. With ``jobs == 1`` everything runs
    in this process. On exit (normal, exception, Ctrl-C) no queued task is started and the running ones
    finish, so every output a worker writes is complete.
    """
    state = state if state is not None else PoolState()
    window = state.in_flight
    if jobs <= 1:
        configure(settings)
        state.pids.add(os.getpid())
        for task in tasks:
            window.append((task, None))  # in flight here: swept if a signal stops this process mid-write
            result = fn(task)
            window.pop()
            yield task, result
        return

    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=init_worker,
                                   initargs=(settings,))
    limit = jobs * window_per_job
    try:
        for task in tasks:
            window.append((task, executor.submit(fn, task)))
            state.pids.update(executor._processes or ())  # type: ignore[attr-defined]
            while window and (len(window) >= limit or window[0][1].done()):
                head, future = window[0]
                result = future.result()
                window.popleft()
                yield head, result
        while window:
            head, future = window[0]
            result = future.result()
            window.popleft()
            yield head, result
    finally:
        try:
            executor.shutdown(wait=True, cancel_futures=True)
        except BaseException:
            # A second Ctrl-C while waiting: stop the workers now (they remove their temp files).
            for process in list((executor._processes or {}).values()):  # type: ignore[attr-defined]
                process.terminate()
            executor.shutdown(wait=True, cancel_futures=True)
            raise
