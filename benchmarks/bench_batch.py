#!/usr/bin/env python3
"""Batch benchmark: throughput, baseline ratio, --jobs scaling, memory for many files, start-up, profile.

usage: python3 benchmarks/bench_batch.py [--cases 1000] [--memory-files 10000] [--profile 300] [--skip ...]

Cases come from ../shared/tools/corrupt.py (several seeds until there are enough), written to a temporary
directory. Everything is measured in this one run, against ../shared/tools/baseline.py on the same files:

* pipeline     in-process ``clean_document`` over the cases: MB/s of input per core (CPU time)
* stages       the CPU time of each stage and repair fix on the same cases, in a fresh process (pages
               never seen before), with the MB/s each would reach alone: what bounds the pipeline
* baseline     ``baseline.py -o OUT FILES`` vs ``cleantext -j 1 -o OUT FILES`` as commands (CPU time)
* jobs         ``cleantext -j 1`` vs ``-j 2`` on the same files, alternated three times (median wall-time
               ratio; outputs must be identical), and
               the speed-up two idle cores would give, from the CPU time of each process
* memory       peak memory of the whole process tree (polled in /proc: parent, fork server, workers) for
               ``cleantext -j 2 -r DIR -o OUT`` over --memory-files files, and over a tenth of them: the
               PSS sum (shared pages split between the processes: the real figure) and the RSS sum
               (shared pages counted in every process: an upper bound)
* startup      ``python -m cleantext --version`` (median of 15), next to a bare ``python -c pass``
* profile      cProfile of the pipeline on --profile cases: the top functions

The package is byte-compiled first (as an installed one is). The figures are printed; nothing is
asserted. The machine may be shared: CPU-time figures are the steadier ones, wall-time ratios move with
the load (the load average is printed).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import cProfile
import io
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORRUPT = SHARED / "tools" / "corrupt.py"
BASELINE = SHARED / "tools" / "baseline.py"
CORPUS = SHARED / "corpus" / "clean.jsonl"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
CLEANTEXT = [sys.executable, "-m", "cleantext"]
TIMEOUT = 280  # seconds per command: the team rule is nothing over 5 minutes


def make_cases(root: Path, count: int) -> list[Path]:
    """``count`` damaged pages from corrupt.py (seeds 1, 2, ... until there are enough), in one directory."""
    cases = root / "cases"
    cases.mkdir()
    found: list[Path] = []
    seed = 1
    while len(found) < count and seed <= 50:
        raw = root / f"seed{seed}"
        subprocess.run([sys.executable, str(CORRUPT), str(CORPUS), str(raw), "--n", str(count),
                        "--seed", str(seed)], check=True, capture_output=True, timeout=TIMEOUT)
        for page in sorted(raw.glob("[0-9]*.txt")):
            if page.name.endswith(".expected.txt") or len(found) >= count:
                continue
            target = cases / f"s{seed:02d}_{page.name}"
            page.rename(target)
            found.append(target)
        shutil.rmtree(raw)
        seed += 1
    return found


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(args: list[str], **kwargs: object) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Wall seconds, CPU seconds of the command (and its children), and its result."""
    cpu0, wall0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(args, capture_output=True, env=ENV, timeout=TIMEOUT, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - wall0, children_cpu() - cpu0, proc


def same_tree(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def mb(size: int) -> float:
    return size / 1e6


# --------------------------------------------------------------------------------------------------------


def bench_pipeline(files: list[Path]) -> float:
    import cleantext

    data = [f.read_bytes() for f in files]
    size = sum(map(len, data))
    cleantext.clean_document(data[0])  # lazy tables
    failures = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for page in data:
        try:
            cleantext.clean_document(page)
        except cleantext.CleantextError:
            failures += 1
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"pipeline (in-process, 1 core): {len(data)} pages, {mb(size):.2f} MB in {cpu:.2f} s CPU "
          f"({wall:.2f} s wall): {mb(size) / cpu:.2f} MB/s per core   [bar: >= 10]"
          + (f"  ({failures} refused)" if failures else ""))
    return mb(size) / cpu


def stage_times(directory: Path) -> None:
    """Print the CPU time of each stage and fix on the pages of ``directory`` (run in a fresh process).

    The first tenth of the pages warms the tables and is not timed: caches keyed by a page's content
    would make pages seen before look cheap, so every timed page is new to the process.
    """
    from collections import defaultdict

    from cleantext import convert, decode, strip
    from cleantext.repair import FIXES, fix_name

    data = [f.read_bytes() for f in sorted(directory.glob("*.txt"))]
    warm, timed = data[: len(data) // 10], data[len(data) // 10:]
    seconds: dict[str, float] = defaultdict(float)
    for record, pages in ((False, warm), (True, timed)):
        for page in pages:
            marks = [time.process_time()]
            text = decode.decode(page).text
            marks.append(time.process_time())
            for fix in FIXES:
                text, _ = fix(text)
                marks.append(time.process_time())
            text = convert.convert(text).text
            marks.append(time.process_time())
            strip.strip(text)
            marks.append(time.process_time())
            if record:
                names = ["decode", *(f"repair/{fix_name(f)}" for f in FIXES), "convert", "strip"]
                for name, start, end in zip(names, marks, marks[1:], strict=False):
                    seconds[name] += end - start
    size = mb(sum(map(len, timed)))
    total = sum(seconds.values())
    print(f"stages (in a fresh process, {len(timed)} pages after {len(warm)} to warm up, 1 core): "
          f"{size:.2f} MB in {total:.2f} s CPU = {size / total:.2f} MB/s per core")
    for name, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {secs:6.2f} s  {secs / total:6.1%}   alone {size / secs:7.1f} MB/s")


def bench_stages(files: list[Path]) -> None:
    proc = subprocess.run([sys.executable, __file__, "--stage-times", str(files[0].parent)],
                          capture_output=True, text=True, env=ENV, timeout=TIMEOUT, check=True)
    print(proc.stdout.rstrip())


def bench_baseline(files: list[Path], work: Path) -> None:
    names = [str(f) for f in files]
    size = sum(f.stat().st_size for f in files)
    base_wall, base_cpu, proc = run_timed([sys.executable, str(BASELINE), "-o", str(work / "base"), *names])
    if proc.returncode:
        print(f"baseline failed: {proc.stderr.decode()[-300:]}")
        return
    ct_wall, ct_cpu, proc = run_timed([*CLEANTEXT, "-j", "1", "-q", "-o", str(work / "ct1"), *names])
    print(f"baseline.py     : {mb(size) / base_cpu:6.2f} MB/s per core "
          f"(CPU {base_cpu:.2f} s, wall {base_wall:.2f} s)")
    print(f"cleantext -j 1  : {mb(size) / ct_cpu:6.2f} MB/s per core "
          f"(CPU {ct_cpu:.2f} s, wall {ct_wall:.2f} s), exit {proc.returncode}")
    print(f"ratio cleantext / baseline throughput: {base_cpu / ct_cpu:.2f}x by CPU, "
          f"{base_wall / ct_wall:.2f}x by wall   [bar: >= 15x]")


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants (the fork server's workers included)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return found


class TreeSample:
    """Peak resident memory of a process tree and the CPU time of each of its processes (polled)."""

    def __init__(self) -> None:
        self.peak_rss = 0
        self.peak_pss = 0
        self.cpu: dict[int, float] = {}
        self.tick = os.sysconf("SC_CLK_TCK")
        self.page = os.sysconf("SC_PAGE_SIZE")

    def poll(self, pid: int, memory: bool = True) -> None:
        """One look at the tree; ``memory=False`` skips PSS (smaps_rollup walks each process's page
        tables under its memory lock: polled often, it slows the processes it measures)."""
        rss = pss = 0
        for current in tree_pids(pid):
            try:
                with open(f"/proc/{current}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                if memory:
                    with open(f"/proc/{current}/smaps_rollup") as handle:
                        pss += sum(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
            except (OSError, IndexError, ValueError):
                continue
            self.cpu[current] = (int(fields[11]) + int(fields[12])) / self.tick
            rss += int(fields[21]) * self.page
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)


def run_sampled(args: list[str], memory: bool = True) -> tuple[float, TreeSample, int]:
    """Run ``args``, polling its process tree every 20 ms (every 100 ms for CPU times alone, with
    ``memory=False``): wall seconds, the sample, exit status."""
    sample = TreeSample()
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    while proc.poll() is None and time.perf_counter() - start < TIMEOUT:
        sample.poll(proc.pid, memory)
        time.sleep(0.02 if memory else 0.1)
    if proc.poll() is None:
        proc.kill()
    return time.perf_counter() - start, sample, proc.wait()


def bench_jobs(files: list[Path], work: Path, rounds: int = 3) -> None:
    """``-j 1`` and ``-j 2`` alternated ``rounds`` times: the median of the wall-time ratios of each
    round (a single pair moves by 20 % with the machine's load)."""
    names = [str(f) for f in files]
    ratios = []
    walls: dict[int, float] = {}
    cpus: dict[int, dict[int, float]] = {}
    for round_ in range(1, rounds + 1):
        for jobs in (1, 2):
            out = work / f"jobs{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            wall, sample, code = run_sampled([*CLEANTEXT, "-j", str(jobs), "-q", "-o", str(out), *names],
                                             memory=False)
            walls[jobs], cpus[jobs] = wall, sample.cpu
            busiest = sorted(sample.cpu.values(), reverse=True)
            per_process = ", ".join(f"{c:.2f}" for c in busiest[:4])
            print(f"round {round_}: cleantext -j {jobs}: wall {wall:.2f} s, CPU of the process tree "
                  f"{sum(busiest):.2f} s (per process: {per_process}), exit {code}")
        ratios.append(walls[1] / walls[2])
    identical = same_tree(work / "jobs1", work / "jobs2")
    print(f"speed-up -j 2 over -j 1: median {statistics.median(ratios):.2f}x by wall "
          f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)}; outputs identical: {identical})   "
          f"[bar: >= 1.7x; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores]")
    # What two idle cores would give: the -j 1 CPU time over the busiest -j 2 process or half the total.
    one, two = sum(cpus[1].values()), sorted(cpus[2].values(), reverse=True)
    if two:
        ideal = one / max(two[0], sum(two) / 2)
        print(f"  speed-up on two idle cores, from the CPU times (last round): {ideal:.2f}x "
              f"(-j 2 spends {sum(two) / max(one, 1e-9):.2f}x the CPU of -j 1)")


def bench_memory(files: list[Path], work: Path, count: int) -> None:
    for number in (max(1, count // 10), count):
        directory = work / f"many{number}"
        directory.mkdir()
        for i in range(number):
            os.link(files[i % len(files)], directory / f"{i:06d}.txt")
        out = work / f"many{number}.out"
        wall, sample, code = run_sampled([*CLEANTEXT, "-j", "2", "-q", "-r", str(directory), "-o", str(out)])
        written = sum(1 for _ in out.iterdir()) if out.exists() else 0
        print(f"memory, {number:6d} files, -j 2: process tree ({len(sample.cpu)} processes) peak PSS "
              f"{sample.peak_pss / 1e6:6.1f} MB, peak RSS sum {sample.peak_rss / 1e6:6.1f} MB, {wall:.1f} s, "
              f"{written} written, exit {code}   [bar: < 200 MB]")
        shutil.rmtree(directory)
        shutil.rmtree(out, ignore_errors=True)


def bench_startup() -> None:
    def median(args: list[str]) -> tuple[float, float]:
        walls, cpus = [], []
        for _ in range(15):
            cpu, start = children_cpu(), time.perf_counter()
            subprocess.run(args, capture_output=True, env=ENV, check=False)
            walls.append(time.perf_counter() - start)
            cpus.append(children_cpu() - cpu)
        return statistics.median(walls) * 1000, statistics.median(cpus) * 1000

    bare_wall, bare_cpu = median([sys.executable, "-c", "pass"])
    wall, cpu = median([*CLEANTEXT, "--version"])
    print(f"start-up: cleantext --version {wall:.0f} ms wall, {cpu:.0f} ms CPU "
          f"(python -c pass: {bare_wall:.0f} ms wall, {bare_cpu:.0f} ms CPU)   [bar: < 150 ms]")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "cleantext", "--version"],
                          capture_output=True, env=ENV, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print("  heaviest imports (cumulative µs):")
    for cumulative, name in sorted(rows, reverse=True)[:8]:
        print(f"  {cumulative:8d} {name}")


def bench_profile(files: list[Path], count: int) -> None:
    import cleantext

    data = [f.read_bytes() for f in files[:count]]
    cleantext.clean_document(data[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for page in data:
        with contextlib.suppress(cleantext.CleantextError):
            cleantext.clean_document(page)
    profiler.disable()
    for key in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(key).print_stats(14)
        text = buffer.getvalue()
        start = text.find("   ncalls")
        print(f"profile of the pipeline on {len(data)} cases, top by {key}:")
        print(text[start:].rstrip().replace(str(REPO) + "/", "").replace(sys.prefix + "/", ""))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--memory-files", type=int, default=10000)
    parser.add_argument("--profile", type=int, default=300, help="cases to profile (0: skip)")
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["pipeline", "stages", "baseline", "jobs", "memory", "startup", "profile"])
    parser.add_argument("--stage-times", type=Path, help=argparse.SUPPRESS)  # the stages section's process
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.stage_times:
        stage_times(args.stage_times)
        return
    # Byte-compile the package first, as an installed one is: every command below starts Python afresh,
    # and with PYTHONDONTWRITEBYTECODE (set on these machines) each start would compile it again.
    compileall.compile_dir(str(REPO / "cleantext"), quiet=1)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="cleantext-bench-") as temp:
        work = Path(temp)
        start = time.perf_counter()
        files = make_cases(work, args.cases)
        size = sum(f.stat().st_size for f in files)
        print(f"{len(files)} cases from corrupt.py, {mb(size):.2f} MB, "
              f"{size / len(files) / 1000:.1f} kB each ({time.perf_counter() - start:.1f} s to generate)")
        if "startup" not in args.skip:
            bench_startup()
        if "pipeline" not in args.skip:
            bench_pipeline(files)
        if "stages" not in args.skip:
            bench_stages(files)
        if "baseline" not in args.skip:
            bench_baseline(files, work)
        if "jobs" not in args.skip:
            bench_jobs(files, work)
        if "memory" not in args.skip and args.memory_files:
            bench_memory(files, work, args.memory_files)
        if "profile" not in args.skip and args.profile:
            bench_profile(files, args.profile)


if __name__ == "__main__":
    main()
