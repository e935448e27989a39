#!/usr/bin/env python3
"""Ray benchmark: cleantext.ray on a local two-CPU Ray cluster against the batch mode ``-j 2``.

usage: python3 benchmarks/bench_ray.py [--cases 1000] [--files 8] [--no-actors] [--no-jsonl] [--cli]

Cases come from ../shared/tools/corrupt.py (seeds 1, 2, ... until there are enough). Both sides get the
same cases, and the outputs must be identical:

* pages   the raw pages (bytes, in their several encodings) as a Parquet dataset of --files files with a
          binary ``page`` column, cleaned by :func:`cleantext.ray.clean_dataset` (fused tasks, and with
          ``actors=True``) and written as Parquet; against ``cleantext -j 2 -o OUT FILES`` on the files.
* jsonl   the pages decoded (by cleantext's decode stage) as JSON Lines ``{"case", "text"}`` files, read,
          cleaned and written as JSON Lines by Ray; against ``cleantext --jsonl -j 2`` on the same lines.

Ray's start-up and a first run on a few records (which starts the worker processes) are timed apart; the
figures are wall-clock MB/s of input and records/s. ``--cli`` also times the ``cleantext ray`` command
as a whole (its own local cluster, start-up included). When the ``cleantext`` command is missing, the
batch side falls back to a multiprocessing pool of 2 over :func:`cleantext.clean`. Needs the ``ray``
extra. The machine may be shared: the load average is printed, compare ratios, not absolute figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORRUPT = SHARED / "tools" / "corrupt.py"
CORPUS = SHARED / "corpus" / "clean.jsonl"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)}
CLEANTEXT = [sys.executable, "-m", "cleantext"]
TIMEOUT = 280  # seconds per step: the team rule is nothing over 5 minutes
sys.path.insert(0, str(REPO))

import cleantext  # noqa: E402
from cleantext.decode import decode  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import make_cases  # noqa: E402  (the same 1,000 cases as the batch benchmark)


def write_datasets(root: Path, pages: list[Path], files: int) -> tuple[Path, Path, list[str]]:
    """The pages as Parquet (bytes) and as JSON Lines (decoded text), each split into ``files`` files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet_dir, jsonl_dir = root / "pages.parquet", root / "pages.jsonl"
    parquet_dir.mkdir()
    jsonl_dir.mkdir()
    lines: list[str] = []
    per_file = -(-len(pages) // files)
    for n in range(files):
        chunk = pages[n * per_file:(n + 1) * per_file]
        table = pa.table({"case": [p.name for p in chunk],
                          "page": pa.array([p.read_bytes() for p in chunk], pa.binary())})
        pq.write_table(table, parquet_dir / f"part-{n:03d}.parquet")
        chunk_lines = [json.dumps({"case": p.name, "text": decode(p.read_bytes()).text}, ensure_ascii=False)
                       for p in chunk]
        (jsonl_dir / f"part-{n:03d}.jsonl").write_text("".join(f"{x}\n" for x in chunk_lines), "utf-8")
        lines.extend(chunk_lines)
    return parquet_dir, jsonl_dir, lines


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def report(label: str, seconds: float, size: int, records: int, base: float | None = None) -> None:
    ratio = f"  = {base / seconds:.2f}x the batch mode" if base else ""
    print(f"  {label:34s} {seconds:7.2f} s  {size / 1e6 / seconds:6.3f} MB/s  {records / seconds:7.1f} "
          f"records/s{ratio}")


def _clean_page(path: str) -> str:
    try:
        return cleantext.clean(Path(path).read_bytes())
    except cleantext.CleantextError:
        return ""


def batch_pages(pages: list[Path], out: Path) -> tuple[float, dict[str, str], str]:
    """``cleantext -j 2 -o OUT FILES``; a Pool(2) over cleantext.clean when the command is missing."""
    out.mkdir(parents=True, exist_ok=True)  # a directory even for one page
    start = time.perf_counter()
    proc = subprocess.run([*CLEANTEXT, "-j", "2", "-q", "-o", f"{out}/", *map(str, pages)],
                          capture_output=True, env=ENV, timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    if proc.returncode in (0, 1) and any(out.iterdir()):
        texts = {p.name: (out / p.name).read_text("utf-8") if (out / p.name).exists() else "" for p in pages}
        return seconds, texts, "cleantext -j 2 -o OUT FILES"
    start = time.perf_counter()
    with multiprocessing.get_context("forkserver").Pool(2) as pool:
        cleaned = pool.map(_clean_page, [str(p) for p in pages], chunksize=16)
    return time.perf_counter() - start, dict(zip((p.name for p in pages), cleaned, strict=True)), \
        "multiprocessing.Pool(2) over cleantext.clean (the command failed)"


def recheck(differ: list[str], pages: list[Path], ours: dict[str, str | None], work: Path) -> None:
    """Run the batch mode again on the pages that differed: the team edits the stages while benchmarks
    run, so a difference may come from code that changed between the two runs, not from Ray."""
    subset = [p for p in pages if p.name in set(differ)]
    out = work / "batch-recheck"
    shutil.rmtree(out, ignore_errors=True)
    _, again, _ = batch_pages(subset, out)
    still = [name for name in differ if (ours.get(name) or "") != again[name]]
    print(f"    differing: {', '.join(differ[:5])}{' ...' if len(differ) > 5 else ''}; the batch mode run "
          f"again on them: {len(differ) - len(still)}/{len(differ)} now identical"
          f"{' (the stages changed during the run)' if not still else ''}")


def batch_jsonl(lines: list[str]) -> tuple[float, list[dict]]:
    """``cleantext --jsonl -j 2`` over the lines on stdin."""
    start = time.perf_counter()
    proc = subprocess.run([*CLEANTEXT, "--jsonl", "-j", "2", "-q"], input="".join(f"{x}\n" for x in lines),
                          capture_output=True, text=True, env=ENV, timeout=TIMEOUT, check=True)
    return time.perf_counter() - start, [json.loads(x) for x in proc.stdout.splitlines()]


def ray_run(source: Path, fmt: str, out: Path, **kwargs: object) -> tuple[float, dict]:
    """Read, clean and write one dataset on the running cluster; seconds and the tally."""
    import ray

    import cleantext.ray as cleantext_ray

    shutil.rmtree(out, ignore_errors=True)
    tally = cleantext_ray.Tally.remote()
    start = time.perf_counter()
    if fmt == "parquet":
        ds = cleantext_ray.clean_dataset(ray.data.read_parquet(str(source)), "page", tally=tally, **kwargs)
        ds.write_parquet(str(out))
    else:
        ds = cleantext_ray.clean_dataset(ray.data.read_json(str(source)), "text", tally=tally, **kwargs)
        cleantext_ray.write_jsonl(ds, str(out))
    return time.perf_counter() - start, ray.get(tally.totals.remote())


def read_parquet_texts(out: Path) -> dict[str, str | None]:
    import pyarrow.parquet as pq

    texts: dict[str, str | None] = {}
    for part in sorted(out.glob("*.parquet")):
        table = pq.read_table(part, columns=["case", "page"])
        texts.update(zip(table.column("case").to_pylist(), table.column("page").to_pylist(), strict=True))
    return texts


def read_jsonl_records(out: Path) -> list[dict]:
    return [json.loads(line) for part in sorted(out.glob("*.jsonl"))
            for line in part.read_text("utf-8").splitlines()]


def same_records(ours: list[dict], theirs: list[dict]) -> tuple[int, list[str]]:
    """How many records agree (text and the cleantext object's common keys), and the first that differ."""
    same, differ = 0, []
    for a, b in zip(ours, theirs, strict=True):
        meta_a = {k: a.get("cleantext", {}).get(k) for k in ("encoding", "confidence", "steps", "removed")}
        meta_b = {k: b.get("cleantext", {}).get(k) for k in ("encoding", "confidence", "steps", "removed")}
        if a["case"] == b["case"] and a["text"] == b["text"] and meta_a == meta_b:
            same += 1
        else:
            differ.append(a["case"])
    return same, differ[:5]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--files", type=int, default=8, help="files the cases are split into, in each format")
    ap.add_argument("--no-actors", action="store_true", help="skip the actor-pool run")
    ap.add_argument("--no-jsonl", action="store_true", help="skip the JSON Lines comparison")
    ap.add_argument("--cli", action="store_true", help="also time the `cleantext ray` command as a whole")
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args = ap.parse_args()

    import ray

    work = args.keep or Path(tempfile.mkdtemp(prefix="cleantext-ray-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pages = make_cases(work, args.cases)
    size = sum(p.stat().st_size for p in pages)
    parquet_dir, jsonl_dir, lines = write_datasets(work, pages, args.files)
    jsonl_size = sum(len(x.encode("utf-8")) for x in lines)
    print(f"{len(pages)} cases, {size / 1e6:.2f} MB of pages ({jsonl_size / 1e6:.2f} MB decoded), "
          f"{args.files} files; ray {ray.__version__}; load average {load()}")

    print("pages (bytes):")
    batch_seconds, batch_texts, how = batch_pages(pages, work / "batch-pages")
    report(f"batch: {how.split(' (')[0][:34]}", batch_seconds, size, len(pages))
    if "Pool" in how:
        print(f"  ({how})")

    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING", log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": ENV["PYTHONPATH"]}})
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.execution_options.preserve_order = True
        if hasattr(context, "use_datasource_v2"):  # as `cleantext ray` does: see cleantext/ray_cli.py
            context.use_datasource_v2 = False
        print(f"  ray.init(num_cpus=2): {time.perf_counter() - started:.2f} s")
        warm = work / "warm.parquet"
        import pyarrow.parquet as pq

        pq.write_table(pq.read_table(parquet_dir / "part-000.parquet").slice(0, 8), warm)
        seconds, _ = ray_run(warm, "parquet", work / "warm-out")
        print(f"  first run on 8 records (starts the workers): {seconds:.2f} s")

        runs = [("ray: clean_dataset, tasks", {})]
        if not args.no_actors:
            runs.append(("ray: clean_dataset, actors=True", {"actors": True, "workers": 2}))
        for label, kwargs in runs:
            seconds, tally = ray_run(parquet_dir, "parquet", work / "ray-pages", **kwargs)
            report(label, seconds, size, tally["records"], batch_seconds)
            ours = read_parquet_texts(work / "ray-pages")
            differ = [name for name, text in batch_texts.items() if (ours.get(name) or "") != text]
            print(f"    identical to the batch mode: {len(batch_texts) - len(differ)}/{len(batch_texts)}; "
                  f"{tally['failures']} failures; load average {load()}")
            if differ:
                recheck(differ, pages, ours, work)

        if not args.no_jsonl:
            print("jsonl (decoded text):")
            try:
                batch_seconds, theirs = batch_jsonl(lines)
            except subprocess.CalledProcessError as exc:
                print(f"  skipped: `cleantext --jsonl -j 2` failed: {exc.stderr.strip()[-200:]}")
            else:
                report("batch: cleantext --jsonl -j 2", batch_seconds, jsonl_size, len(lines))
                seconds, tally = ray_run(jsonl_dir, "jsonl", work / "ray-jsonl")
                report("ray: read_json, clean, write_jsonl", seconds, jsonl_size, tally["records"],
                       batch_seconds)
                same, differ = same_records(read_jsonl_records(work / "ray-jsonl"), theirs)
                print(f"    identical records (text, encoding, confidence, steps, removed): "
                      f"{same}/{len(theirs)}{'  first differing: ' + ', '.join(differ) if differ else ''}; "
                      f"load average {load()}")
    finally:
        ray.shutdown()
    if args.cli:
        print("the command, Ray start-up included:")
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", "from cleantext.ray_cli import ray_command; ray_command()",
             str(parquet_dir), str(work / "cli-out.parquet"), "--field", "page", "-j", "2", "-q", "--json"],
            capture_output=True, text=True, env=ENV, timeout=TIMEOUT, cwd=work,
        )
        if proc.returncode == 0:
            summary = json.loads(proc.stdout)
            print(f"  cleantext ray -j 2 (Parquet in and out): {time.perf_counter() - start:.2f} s in all, "
                  f"of which Ray start-up {summary['startup_seconds']:.2f} s, cleaning "
                  f"{summary['seconds']:.2f} s ({summary['bytes'] / 1e6 / summary['seconds']:.3f} MB/s)")
        else:
            print(f"  failed ({proc.returncode}): {proc.stderr.strip()[-300:]}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
