"""The ``cleantext`` command: clean pages from files, directories, lists of names, stdin or JSON Lines.

Only click is imported at start-up (``cleantext --version`` must be quick); the pipeline, the process pool
and rich are imported when there is work for them. The work itself is in :mod:`cleantext.batch`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

import click

from cleantext import __version__

if TYPE_CHECKING:
    from cleantext.batch import FileJob, Settings
    from cleantext.report import Reporter

TARGETS = ("zh-cn", "zh-tw", "zh-hk", "none")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CHUNK_MAX = 16  # files per task sent to a worker
WINDOW_PER_JOB = 4  # tasks in flight per worker
POOL_MIN_BYTES = 2 << 20  # with the default --jobs, smaller batches are cleaned in this process

HELP = """Clean damaged Chinese web pages, saved as text, into Simplified-Chinese articles.

Reads each FILE (`-` or no FILE: standard input) and prints the article in UTF-8: the title, the byline,
then the paragraphs, one blank line between them.

\b
Examples:
  cleantext page.txt                      print the clean article
  curl -s URL | cleantext > article.txt   clean standard input
  cleantext -o clean/ pages/*.txt         write clean/<name> for each page
  cleantext -r pages -o clean             a whole tree, keeping its sub-directories
  find . -name '*.htm' -print0 | cleantext -0 -o clean
  cleantext --in-place --backup .orig *.txt
  cleantext --check -r corpus             exit 1 if any file would change
  cleantext --jsonl --field body < in.jsonl > out.jsonl
  cleantext --explain page.txt > /dev/null
  cleantext -r pages -o clean --stats --json
  cleantext ray pages.jsonl clean/        the same on a Ray cluster (see
                                          `cleantext ray --help`; the ray extra)

\b
Output:
  -o is a directory when it exists as one, ends with `/`, or there are
  several inputs (or -r, --files-from, -0); then each result goes to
  OUTDIR/<file name> (with -r: OUTDIR/<path under the directory given>;
  with --files-from/-0: OUTDIR/<the relative path as listed>).
  Otherwise -o FILE receives what would be printed. Writes are atomic
  (temporary file + rename), and no output ever replaces an input unless
  --in-place. Several articles on stdout are simply concatenated: use
  --json or -o to keep them apart.

\b
Exit status: 0 all inputs cleaned; 1 some input failed (one line on stderr
each: `cleantext: FILE: reason`, the others are still cleaned), or --check
found inputs that would change, or --jsonl met bad records; 2 usage error;
130/143 interrupted (finished outputs are complete, no partial files).
"""


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", metavar="PATH", help="Write to PATH (a directory for several inputs).")
@click.option("-i", "--in-place", is_flag=True, help="Rewrite each input atomically with its clean text.")
@click.option("--backup", metavar="SUFFIX", help="With --in-place, keep each original as FILE+SUFFIX.")
@click.option("-r", "--recursive", is_flag=True, help="Clean the files in directories, recursively.")
@click.option("-g", "--glob", "globs", multiple=True, metavar="PATTERN",
              help="With -r, clean the file names matching PATTERN (repeatable; default *.txt, "
                   "*.jsonl with --jsonl). Hidden files are skipped.")
@click.option("--files-from", type=click.Path(allow_dash=True, dir_okay=False, path_type=str),
              metavar="FILE", help="Read the names of the inputs from FILE (`-`: stdin), one a line.")
@click.option("-0", "--null", is_flag=True,
              help="Names are NUL-separated (find -print0); without --files-from they come from stdin.")
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines records: clean one field of each.")
@click.option("--field", default="text", show_default=True, metavar="NAME",
              help="With --jsonl, the field to clean.")
@click.option("--on-bad-record", type=click.Choice(["pass", "skip"]), default="pass", show_default=True,
              help="With --jsonl, pass bad records through unchanged or drop them (always reported).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="Worker processes (default 0: one per core, none for batches under 2 MB).")
@click.option("--check", is_flag=True,
              help="Write nothing; list the inputs that would change, exit 1 if any.")
@click.option("--stats", is_flag=True,
              help="Print a summary: files, bytes, encodings, repairs, removals, time (on stdout "
                   "when the results go to files, else on stderr).")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: one object per input (JSON Lines), and the --stats summary.")
@click.option("--explain", is_flag=True, help="Tell on stderr what changed in each input and why.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no --check listing.")
@click.option("-t", "--to", "target", type=click.Choice(TARGETS), default="zh-cn", show_default=True,
              help="Script of the output (none: keep it).")
@click.option("--no-repair", is_flag=True, help="Do not repair mojibake and debris.")
@click.option("--no-strip", is_flag=True, help="Keep the page's header, footer and other furniture.")
@click.option("-e", "--encoding", callback=_check_encoding, metavar="ENC",
              help="Read the inputs in ENC instead of detecting it.")
@click.option("--fsync/--no-fsync", default=None,
              help="Flush each written file to disk (default: only with --in-place).")
@click.version_option(__version__, "-V", "--version", prog_name="cleantext", message="%(prog)s %(version)s")
def cli(**params: Any) -> None:
    run = _Run(**params)
    sys.exit(run.main())


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``cleantext`` command and of ``python -m cleantext``.

    ``cleantext ray INPUT... OUTPUT`` is dispatched to :mod:`cleantext.ray_cli` (the ``ray`` extra) before
    click parses anything, since the main command takes FILE arguments; a file named ``ray`` can still be
    cleaned as ``cleantext ./ray``. Ray is imported only then.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["ray"]:
        from cleantext.ray_cli import ray_command

        ray_command.main(args=args[1:], prog_name="cleantext ray")
        return
    cli.main(args=args, prog_name="cleantext")


# --------------------------------------------------------------------------------------------------------


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM: stop handing out work, let the running finish, exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    raise _Interrupted(signum)


def _safe_relative(name: str) -> str:
    """``name`` as a path under the output directory: relative ones are kept, others reduced to the name.

    >>> _safe_relative("./a/b.txt"), _safe_relative("/tmp/b.txt"), _safe_relative("../b.txt")
    ('a/b.txt', 'b.txt', 'b.txt')
    """
    path = os.path.normpath(name)
    if os.path.isabs(path) or path == ".." or path.startswith(".." + os.sep):
        return os.path.basename(path)
    return path


class _Run:
    """One invocation: the checked options, the inputs as a stream of jobs, and the output."""

    def __init__(self, **p: Any) -> None:
        self.p = p
        self.files: tuple[str, ...] = p["files"]
        self.output: str | None = p["output"]
        self.jsonl: bool = p["jsonl"]
        self.names_source = p["files_from"] if p["files_from"] is not None else ("-" if p["null"] else None)
        self.globs: tuple[str, ...] = p["globs"] or (("*.jsonl",) if self.jsonl else ("*.txt",))
        self._usage_checks()
        self.mode = self._mode()
        if self.mode == "dir" and "-" in self._stdin_inputs():
            raise click.UsageError("standard input has no file name to write under a directory; use -o FILE")
        if self.mode == "inplace" and "-" in self._stdin_inputs():
            raise click.UsageError("--in-place cannot rewrite standard input")
        if self.mode == "dir" and os.path.exists(self.output) and not os.path.isdir(self.output):  # type: ignore[arg-type]
            raise click.UsageError(f"-o {self.output}: not a directory")

    # -- options -----------------------------------------------------------------------------------------

    def _usage_checks(self) -> None:
        p = self.p
        if p["in_place"] and self.output:
            raise click.UsageError("--in-place and -o cannot be used together")
        if p["backup"] is not None and not p["in_place"]:
            raise click.UsageError("--backup needs --in-place")
        if p["backup"] is not None and (not p["backup"] or os.sep in p["backup"]):
            raise click.UsageError("--backup SUFFIX must be a non-empty suffix without a /")
        if p["check"] and (self.output or p["in_place"]):
            raise click.UsageError("--check writes nothing; drop -o/--in-place")
        if self.names_source == "-" and "-" in self.files:
            raise click.UsageError("standard input cannot hold both the names of the inputs and an input")
        if p["explain"] and self.jsonl:
            raise click.UsageError("--explain works on files; with --jsonl each record carries its "
                                   "account in its 'cleantext' object")

    def _stdin_inputs(self) -> tuple[str, ...]:
        if self.files:
            return self.files
        return () if self.names_source is not None else ("-",)

    def _mode(self) -> str:
        p = self.p
        if p["check"]:
            return "check"
        if p["in_place"]:
            return "inplace"
        if not self.output or self.output == "-":
            return "stdout"
        several = len(self.files) > 1 or p["recursive"] or self.names_source is not None
        if several or os.path.isdir(self.output) or self.output.endswith(("/", os.sep)):
            return "dir"
        return "file"

    def _settings(self) -> Settings:
        from cleantext.batch import Options, Settings

        p = self.p
        return Settings(
            options=Options(
                target=p["target"], repair=not p["no_repair"], strip=not p["no_strip"], encoding=p["encoding"]
            ),
            payload=("json" if p["as_json"] else "text") if self.mode in ("stdout", "file") else "",
            check=self.mode == "check",
            details=p["explain"] or p["stats"],
            fsync=p["fsync"] if p["fsync"] is not None else self.mode == "inplace",
            backup=p["backup"],
            field=p["field"],
            skip_bad_records=p["on_bad_record"] == "skip",
        )

    # -- inputs ------------------------------------------------------------------------------------------

    def _sources(self) -> Iterator[tuple[str, str | None, str]]:
        """``(name shown, path or None for stdin, path under OUTDIR)`` for every input, lazily."""
        for arg in self._stdin_inputs():
            yield from self._expand(arg, keep_relative=False)
        if self.names_source is not None:
            from cleantext.batch import read_names

            null = self.p["null"]
            if self.names_source == "-":
                for name in read_names(sys.stdin.buffer, null=null):
                    yield from self._expand(name, keep_relative=True)
            else:
                try:
                    handle = open(self.names_source, "rb")  # noqa: SIM115 - closed below
                except OSError as exc:
                    raise click.UsageError(f"--files-from {self.names_source}: {exc.strerror}") from None
                with handle:
                    for name in read_names(handle, null=null):
                        yield from self._expand(name, keep_relative=True)

    def _expand(self, arg: str, *, keep_relative: bool) -> Iterator[tuple[str, str | None, str]]:
        if arg == "-":
            yield "-", None, "-"
        elif self.p["recursive"] and os.path.isdir(arg):
            from cleantext.batch import walk_files

            exclude = self.output if self.mode == "dir" else None
            for path in walk_files(arg, self.globs, exclude=exclude):
                yield path, path, os.path.relpath(path, arg)
        else:
            yield arg, arg, _safe_relative(arg) if keep_relative else os.path.basename(arg)

    def _jobs(self) -> Iterator[FileJob]:
        """The inputs as :class:`FileJob`, with their destination and any error known in advance."""
        from cleantext.batch import FileJob

        seen: set[str] = set()
        for name, src, rel in self._sources():
            dest: str | None = None
            error: str | None = None
            data: bytes | None = None
            if src is None and not self.jsonl:
                data = sys.stdin.buffer.read()
            if self.mode == "dir":
                dest = os.path.join(self.output, rel)  # type: ignore[arg-type]
            elif self.mode == "inplace" and src is not None:
                dest = os.path.realpath(src)
            elif self.mode == "file" and src is not None and _same_file(src, self.output):  # type: ignore[arg-type]
                error = f"output {self.output} is the input file (use --in-place to rewrite it)"
            if dest is not None:
                key = os.path.normcase(os.path.abspath(dest))
                if key in seen:
                    error = (
                        "given twice" if self.mode == "inplace"
                        else f"output {dest} is also the output of an earlier input"
                    )
                else:
                    seen.add(key)
                if self.mode == "dir" and src is not None and _same_file(src, dest):
                    error = f"output {dest} is the input file (use --in-place to rewrite it)"
            yield FileJob(name, src, dest, self.mode == "inplace", data, error)

    # -- running -----------------------------------------------------------------------------------------

    def main(self) -> int:
        import signal

        from cleantext.batch import PoolState, default_jobs
        from cleantext.report import Stats

        signal.signal(signal.SIGTERM, _on_signal)
        signal.signal(signal.SIGINT, _on_signal)
        self.settings = self._settings()
        jobs = self.p["jobs"] or default_jobs()
        self.stats = Stats(check=self.mode == "check")
        self.failed = False
        self.sink_failed = False  # the input of -o FILE failed: leave FILE alone
        self.state = PoolState()
        self.reporter: Reporter | None = None
        self.sink: Any = None
        try:
            if self.jsonl:
                self._run_jsonl(jobs)
            else:
                self._run_files(jobs)
        except _Interrupted as stop:
            self._abort()
            sys.stderr.write("cleantext: interrupted\n")
            return 128 + stop.signum
        except BrokenPipeError:
            self._abort()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 128 + 13
        except BaseException:
            self._abort()  # no temporary file outlives the run, whatever went wrong
            raise
        finally:
            if self.reporter is not None:
                self.reporter.close()
        self.stats.finish()
        if self.p["stats"]:
            from cleantext.report import print_stats

            files_out = self.mode in ("dir", "inplace", "file")
            sys.stdout.flush()
            print_stats(self.stats, sys.stdout if files_out else sys.stderr, as_json=self.p["as_json"])
        return EXIT_FAILED if self.failed else EXIT_OK

    def _abort(self) -> None:
        from cleantext.batch import sweep_temp_files

        if self.reporter is not None:
            self.reporter.close()
        if self.sink is not None and self.sink is not sys.stdout.buffer:
            self.sink.discard()
        dests = [job.dest for task, _ in self.state.in_flight for job in _jobs_of(task) if job.dest]
        sweep_temp_files(dests, self.state.pids)

    def _start_reporter(self, batch: bool, total: int | None) -> Reporter:
        from cleantext.report import Reporter

        show = batch and not self.p["quiet"] and sys.stderr.isatty()
        self.reporter = Reporter(sys.stderr, progress=show, total=total)
        return self.reporter

    def _out(self) -> IO[bytes]:
        """Where printed results go: stdout, or (``-o FILE``) a file replaced at the end."""
        if self.sink is None:
            if self.mode == "file":
                from cleantext.batch import AtomicFile

                self.sink = AtomicFile(self.output)  # type: ignore[arg-type]
            else:
                self.sink = sys.stdout.buffer
        return self.sink

    def _finish_sink(self) -> None:
        if self.sink is not None and self.sink is not sys.stdout.buffer:
            if self.sink_failed:
                self.sink.discard()
            else:
                self.sink.commit()
        elif self.sink is not None:
            self.sink.flush()

    def _run_files(self, jobs: int) -> None:
        from itertools import chain, islice

        from cleantext.batch import clean_files, ordered_map, tapered_chunks

        stream = self._jobs()
        ahead = list(islice(stream, jobs * WINDOW_PER_JOB * CHUNK_MAX))
        known = len(ahead) < jobs * WINDOW_PER_JOB * CHUNK_MAX
        size = max(1, min(CHUNK_MAX, -(-len(ahead) // (jobs * WINDOW_PER_JOB)))) if known else CHUNK_MAX
        if known and (len(ahead) <= 1 or (not self.p["jobs"] and _input_bytes(ahead) < POOL_MIN_BYTES)):
            jobs = 1  # starting workers would cost more than it saves
        total = len(ahead) if known else None
        reporter = self._start_reporter(batch=not known or len(ahead) > 1, total=total)
        # Smaller chunks as the input runs out, so the workers finish together.
        tasks = tapered_chunks(chain(ahead, stream), size, parts=jobs * WINDOW_PER_JOB,
                               lookahead=jobs * WINDOW_PER_JOB * CHUNK_MAX)
        del ahead
        results = ordered_map(
            clean_files, tasks, jobs=jobs, settings=self.settings, window_per_job=WINDOW_PER_JOB,
            state=self.state,
        )
        check, quiet, explain = self.mode == "check", self.p["quiet"], self.p["explain"]
        as_json = self.p["as_json"]
        try:
            for _chunk, outcomes in results:
                for outcome in outcomes:
                    self.stats.files += 1
                    self.stats.add(outcome)
                    if outcome.error:
                        self.failed = self.sink_failed = True
                        reporter.error(f"cleantext: {outcome.name}: {outcome.error}")
                        if as_json and self.mode == "stdout":
                            self._out().write(_json_line({"path": outcome.name, "error": outcome.error}))
                    else:
                        if check and (outcome.changed or as_json) and not quiet:
                            self._print_check(outcome)
                        if check and outcome.changed:
                            self.failed = True
                        if outcome.payload:
                            self._out().write(outcome.payload)
                        elif self.mode == "file":
                            self._out()  # an empty article still makes an (empty) file
                        if explain:
                            reporter.explain(outcome)
                    reporter.advance(1, outcome.size_in)
                if self.sink is sys.stdout.buffer:
                    self.sink.flush()
        finally:
            results.close()
        self._finish_sink()

    def _print_check(self, outcome: Any) -> None:
        out = sys.stdout.buffer
        if self.p["as_json"]:
            out.write(_json_line({"path": outcome.name, "changed": outcome.changed}))
        else:
            out.write(os.fsencode(outcome.name) + b"\n")
        out.flush()

    def _run_jsonl(self, jobs: int) -> None:
        from itertools import chain, islice

        from cleantext.batch import AtomicFile, clean_jsonl_lines, ordered_map, read_jsonl_chunks

        reporter = self._start_reporter(batch=True, total=None)
        chunks = read_jsonl_chunks(self._jobs(), stdin=sys.stdin.buffer)
        ahead = list(islice(chunks, jobs * WINDOW_PER_JOB))
        small = sum(len(line) for chunk in ahead for line in chunk.lines) < POOL_MIN_BYTES
        if not self.p["jobs"] and len(ahead) < jobs * WINDOW_PER_JOB and small:
            jobs = 1
        chunks = chain(ahead, chunks)
        del ahead
        results = ordered_map(
            clean_jsonl_lines, chunks, jobs=jobs, settings=self.settings, window_per_job=WINDOW_PER_JOB,
            state=self.state,
        )
        check, quiet = self.mode == "check", self.p["quiet"]
        changed = failed = False
        try:
            for chunk, outcome in results:
                job = chunk.job
                if chunk.first_line == 1:
                    changed = failed = False
                    self.sink = None
                    if not chunk.error and not check:
                        if self.mode in ("dir", "inplace"):
                            assert job.dest is not None
                            if self.mode == "dir":
                                os.makedirs(os.path.dirname(job.dest) or ".", exist_ok=True)
                            in_place = self.mode == "inplace"
                            self.sink = AtomicFile(
                                job.dest, mode_of=job.dest if in_place else None,
                                fsync=self.settings.fsync,
                                backup=job.dest + self.settings.backup if in_place and self.settings.backup
                                else None,
                            )
                        else:
                            self.sink = self._out()
                self.stats.add(outcome, jsonl=True)
                for line_no, reason in outcome.bad_records:
                    self.failed = True
                    reporter.error(f"cleantext: {job.name}:{line_no}: {reason}")
                if outcome.error:
                    self.failed = self.sink_failed = failed = True
                    reporter.error(f"cleantext: {job.name}: {outcome.error}")
                elif self.sink is not None:
                    self.sink.write(outcome.payload)
                changed = changed or outcome.changed
                reporter.advance(0, outcome.size_in)
                if chunk.last:
                    self.stats.files += 1
                    reporter.advance(1, 0)
                    if check and not failed:
                        if changed:
                            self.failed = True
                        if (changed or self.p["as_json"]) and not quiet:
                            self._print_check(_Named(job.name, changed))
                    if self.sink is sys.stdout.buffer:
                        self.sink.flush()
                    elif self.sink is not None and self.mode != "file":
                        if failed:
                            self.sink.discard()
                        else:
                            self.sink.commit()
                        self.sink = None
        finally:
            results.close()
        self._finish_sink()


class _Named:
    def __init__(self, name: str, changed: bool) -> None:
        self.name, self.changed = name, changed


def _jobs_of(task: Any) -> list[Any]:
    """The file jobs inside one in-flight task (a chunk of files, or a JSON Lines chunk)."""
    return list(task) if isinstance(task, list) else [task.job]


def _input_bytes(jobs: list[FileJob]) -> int:
    """The size of the inputs (unreadable ones count for nothing)."""
    total = 0
    for job in jobs:
        if job.data is not None:
            total += len(job.data)
        elif job.src is not None:
            with contextlib.suppress(OSError):
                total += os.stat(job.src).st_size
    return total


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _json_line(obj: object) -> bytes:
    import json

    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
