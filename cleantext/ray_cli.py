"""``cleantext ray INPUT... OUTPUT``: clean a JSON Lines or Parquet dataset on a Ray cluster.

Reads files or directories (local, or shared: NFS, ``s3://``, ``gs://``... whatever pyarrow can open),
cleans the field named by ``--field`` in every record with :func:`cleantext.ray.clean_dataset`, and writes
the records to the directory OUTPUT as JSON Lines or Parquet part files (in input order, file names sorted),
then prints a summary. Ray is imported only when the command runs: the ``ray`` extra is optional.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Any

import click

from cleantext.pipeline import TARGETS

FORMATS = ("auto", "jsonl", "parquet")
SUFFIXES = {
    "jsonl": (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".jsonl.zst", ".json.zst"),
    "parquet": (".parquet", ".pq"),
}
"""File name endings of each format; in a directory only files with these endings are read."""


def format_of(path: str) -> str | None:
    """The format a path's name says (``None`` when it says nothing).

    >>> format_of("pages/part-0001.parquet"), format_of("s3://b/x.jsonl.gz"), format_of("pages")
    ('parquet', 'jsonl', None)
    """
    name = path.rstrip("/").lower()
    for fmt, suffixes in SUFFIXES.items():
        if name.endswith(suffixes):
            return fmt
    return None


def detect_input_format(inputs: tuple[str, ...]) -> str:
    """The format of the inputs: from their names, or from the files in a local directory (first 10,000)."""
    found = {format_of(path) for path in inputs}
    for path in inputs:
        if format_of(path) is None and Path(path).is_dir():
            found.discard(None)
            found.update(format_of(p.name) for p in islice(Path(path).rglob("*"), 10_000) if p.is_file())
    found.discard(None)
    if len(found) != 1:
        what = "both JSON Lines and Parquet" if found else "no .jsonl or .parquet file"
        raise click.UsageError(f"the inputs hold {what}; say which to read with --format")
    return found.pop()


def check_output(output: str, inputs: tuple[str, ...], overwrite: bool) -> None:
    """Refuse to write over an input, or over a non-empty directory unless ``--overwrite``."""
    if "://" in output:
        return  # a remote store: Ray's own check (SaveMode) applies
    out = Path(output).resolve()
    for path in inputs:
        if "://" not in path:
            source = Path(path).resolve()
            if out == source or out in source.parents or source in out.parents:
                raise click.UsageError(f"OUTPUT {output} overlaps the input {path}")
    if out.is_file():
        raise click.UsageError(f"OUTPUT {output} is a file; Ray writes a directory of part files")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise click.UsageError(f"OUTPUT {output} is not empty; use --overwrite to replace its contents")


def start_ray(address: str | None, jobs: int | None, quiet: bool) -> bool:
    """Join the cluster at ``address``, or start a local one with ``jobs`` CPUs; False when this process
    was already connected to Ray (a caller's session, which is then left running)."""
    import ray

    if ray.is_initialized():
        return False
    settings: dict[str, Any] = {"log_to_driver": not quiet, "logging_level": logging.WARNING}
    address = address or os.environ.get("RAY_ADDRESS")  # ray.init would join it, refusing num_cpus
    if address:
        ray.init(address=address, **settings)
        return True
    # A source checkout is not installed: tell the local workers where the package is.
    package_root = str(Path(__file__).resolve().parents[1])
    python_path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    ray.init(
        num_cpus=jobs or os.cpu_count() or 1,
        include_dashboard=False,
        runtime_env={"env_vars": {"PYTHONPATH": python_path}},
        **settings,
    )
    return True


def read_dataset(inputs: tuple[str, ...], fmt: str) -> Any:
    """A lazy ``ray.data.Dataset`` over the input files."""
    import ray

    paths = list(inputs)
    if fmt == "parquet":
        # Ray 2.60's new Parquet reader (ListFiles -> ReadFiles) spends 10-30 s listing before the first
        # row on a small local cluster, where the classic one starts in 2 s (benchmarks/bench_ray.py).
        context = ray.data.DataContext.get_current()
        if hasattr(context, "use_datasource_v2"):
            context.use_datasource_v2 = False
        return ray.data.read_parquet(paths, file_extensions=[s[1:] for s in SUFFIXES["parquet"]])
    # The Arrow reader (not pandas: it would turn date-like strings into dates) reads JSON Lines.
    return ray.data.read_json(paths, file_extensions=[s[1:] for s in SUFFIXES["jsonl"]])


_CONTEXT_SETTINGS = ("enable_progress_bars", "use_datasource_v2")


def _settings_of(context: Any) -> dict[str, Any]:
    """The Ray Data settings the command changes, to put back afterwards."""
    saved = {name: getattr(context, name) for name in _CONTEXT_SETTINGS if hasattr(context, name)}
    saved["preserve_order"] = context.execution_options.preserve_order
    return saved


def _restore_settings(context: Any, saved: dict[str, Any]) -> None:
    context.execution_options.preserve_order = saved.pop("preserve_order")
    for name, value in saved.items():
        setattr(context, name, value)


def summary_line(totals: dict[str, Any]) -> str:
    """One line for people: records, failures, size, time, throughput.

    >>> print(summary_line({"records": 1000, "failures": 2, "bytes": 12_500_000, "seconds": 5.0,
    ...                     "startup_seconds": 3.0, "output": "out"}))  # doctest: +NORMALIZE_WHITESPACE
    cleantext ray: 1000 records, 2 failed, 12.50 MB in 5.00 s (2.50 MB/s, 200 records/s;
    Ray start-up 3.00 s) -> out
    """
    seconds = max(totals["seconds"], 1e-9)
    return (
        f"cleantext ray: {totals['records']} records, {totals['failures']} failed, "
        f"{totals['bytes'] / 1e6:.2f} MB in {totals['seconds']:.2f} s "
        f"({totals['bytes'] / 1e6 / seconds:.2f} MB/s, {totals['records'] / seconds:.0f} records/s; "
        f"Ray start-up {totals['startup_seconds']:.2f} s) -> {totals['output']}"
    )


@click.command("ray", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.argument("output", metavar="OUTPUT")
@click.option("--format", "input_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Input format (auto: from the file names).")
@click.option("--output-format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Output format (auto: from OUTPUT's name, else the input format).")
@click.option("--field", default="text", show_default=True, help="Field holding the page (text or bytes).")
@click.option("-t", "--to", "target", type=click.Choice(TARGETS), default="zh-cn", show_default=True,
              help="Script of the output; none leaves it as it is.")
@click.option("--no-repair", is_flag=True, help="Do not repair mojibake and other damage.")
@click.option("--no-strip", is_flag=True, help="Keep the page's header and footer lines.")
@click.option("-e", "--encoding", default=None, help="Read bytes fields in this encoding, not detecting it.")
@click.option("--address", default=None,
              help="Ray cluster to join (host:port of `ray start --head`, or 'auto'); default: start a "
                   "local one. RAY_ADDRESS works too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Cleaning workers (default: every CPU of the local machine or of the cluster).")
@click.option("--actors", is_flag=True,
              help="Clean in a pool of warm actors (spreads a few large files) instead of fused tasks.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Records per batch handed to a worker.")
@click.option("--preserve-order/--any-order", default=True, show_default=True,
              help="Write records in input order, or as soon as they are clean.")
@click.option("--overwrite", is_flag=True, help="Replace the contents of a non-empty OUTPUT directory.")
@click.option("-q", "--quiet", is_flag=True, help="No Ray progress output.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ray_command(
    inputs: tuple[str, ...],
    output: str,
    input_format: str,
    output_format: str,
    field: str,
    target: str,
    no_repair: bool,
    no_strip: bool,
    encoding: str | None,
    address: str | None,
    jobs: int | None,
    actors: bool,
    batch_size: int,
    preserve_order: bool,
    overwrite: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """Clean the FIELD of every record of INPUT (JSON Lines or Parquet files or directories) on a Ray
    cluster and write the records to the directory OUTPUT. Exits 1 when some records failed (they are
    written with a null FIELD and cleantext.error)."""
    try:
        import ray

        import cleantext.ray as cleantext_ray
    except ImportError as exc:
        raise click.ClickException(
            f"{exc}: `cleantext ray` needs the ray extra: pip install 'cleantext-zh[ray]'"
        ) from exc

    fmt = input_format if input_format != "auto" else detect_input_format(inputs)
    out_fmt = output_format if output_format != "auto" else (format_of(output) or fmt)
    check_output(output, inputs, overwrite)
    options = {"target": target, "repair": not no_repair, "strip": not no_strip, "encoding": encoding}
    try:
        cleantext_ray.check_options(options)
    except (LookupError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc

    started = time.perf_counter()
    try:
        started_ray = start_ray(address, jobs, quiet)
    except (ConnectionError, RuntimeError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise click.ClickException(f"cannot start or join Ray: {reason}") from exc
    context = ray.data.DataContext.get_current()
    saved = _settings_of(context)  # a caller's own Ray session gets its settings back
    try:
        context.execution_options.preserve_order = preserve_order
        if quiet:
            context.enable_progress_bars = False
            logging.getLogger("ray.data").setLevel(logging.WARNING)
        ready = time.perf_counter()
        tally = cleantext_ray.Tally.remote()
        ds = cleantext_ray.clean_dataset(
            read_dataset(inputs, fmt), field, actors=actors, workers=jobs, batch_size=batch_size,
            tally=tally, **options,
        )
        if overwrite:
            mode = ray.data.SaveMode.OVERWRITE
        else:  # a local OUTPUT was checked above; a remote one must not exist
            mode = ray.data.SaveMode.ERROR if "://" in output else ray.data.SaveMode.APPEND
        if out_fmt == "parquet":
            ds.write_parquet(output, mode=mode)
        else:
            cleantext_ray.write_jsonl(ds, output, mode=mode)
        totals: dict[str, Any] = ray.get(tally.totals.remote())
        totals.update(
            seconds=time.perf_counter() - ready, startup_seconds=ready - started, output=output,
            format=out_fmt,
        )
    finally:
        _restore_settings(context, saved)
        if started_ray:
            ray.shutdown()
    if as_json:
        click.echo(json.dumps(totals))
    else:
        click.echo(summary_line(totals), err=True)
    sys.exit(1 if totals["failures"] else 0)
