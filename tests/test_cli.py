"""The ``cleantext`` command, run as a real subprocess on short texts written for these tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleantext

ROOT = Path(__file__).resolve().parents[1]
TEMP_SUFFIX = ".cleantext-tmp"

# Traditional: the output must be Simplified.
TRAD = (
    "城市圖書館新館開放\n\n新館共有三層，藏書超過二十萬冊，閱覽室可以同時容納五百位讀者。\n\n"
    "館長表示，這裡將舉辦更多講座與展覽。\n"
)
SIMP = "藏书超过二十万册"


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=120,
    )


def expected(data: bytes) -> bytes:
    """What the CLI must write for ``data``: exactly the library's article, in UTF-8."""
    return cleantext.clean(data).encode("utf-8")


def error_lines(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.startswith("cleantext: ")]


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    """Three small pages: UTF-8 Traditional, Big5, and already clean Simplified."""
    files = {
        "a.txt": TRAD.encode("utf-8"),
        "b.txt": "標題\n\n內容很豐富，值得一讀。\n".encode("big5"),
        "c.txt": "标题\n\n内容很丰富。\n".encode(),
    }
    out = {}
    for name, data in files.items():
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        out[name] = path
    return out


def no_temp_files(directory: Path) -> bool:
    return not [p for p in directory.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


# --- single input --------------------------------------------------------------------------------------


def test_stdin_pipe_prints_the_simplified_article():
    proc = run(stdin=TRAD.encode("big5"))
    assert proc.returncode == 0, proc.stderr
    assert SIMP in proc.stdout.decode("utf-8")
    assert proc.stdout == expected(TRAD.encode("big5"))
    proc = run("-", stdin=TRAD.encode())
    assert proc.returncode == 0 and proc.stdout == expected(TRAD.encode())


def test_file_argument_prints_article(pages):
    proc = run(str(pages["b.txt"]))
    assert proc.returncode == 0
    assert proc.stdout == expected(pages["b.txt"].read_bytes())
    assert "标题" in proc.stdout.decode()


def test_empty_file_gives_empty_output_and_status_0(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run(str(empty))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


def test_to_none_keeps_traditional(pages):
    proc = run("--to", "none", str(pages["a.txt"]))
    assert "藏書超過二十萬冊" in proc.stdout.decode() and proc.returncode == 0


def test_output_file_for_one_input(pages, tmp_path):
    target = tmp_path / "article.txt"
    proc = run("-o", str(target), str(pages["a.txt"]))
    assert proc.returncode == 0 and proc.stdout == b""
    assert target.read_bytes() == expected(pages["a.txt"].read_bytes())


def test_output_file_that_is_the_input_is_refused(pages):
    original = pages["a.txt"].read_bytes()
    proc = run("-o", str(pages["a.txt"]), str(pages["a.txt"]))
    assert proc.returncode == 1
    assert "is the input file" in proc.stderr.decode()
    assert pages["a.txt"].read_bytes() == original


def test_version_and_help():
    assert run("--version").stdout.decode().strip() == f"cleantext {cleantext.__version__}"
    help_text = run("--help").stdout.decode()
    assert "Examples:" in help_text and "--in-place" in help_text


# --- batches -------------------------------------------------------------------------------------------


def test_output_dir_with_several_files(pages, tmp_path):
    out = tmp_path / "out"
    proc = run("-o", str(out), *(str(p) for p in pages.values()))
    assert proc.returncode == 0, proc.stderr
    for name, path in pages.items():
        assert (out / name).read_bytes() == expected(path.read_bytes())
    assert no_temp_files(out)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_binary_and_missing_files_fail_alone(pages, tmp_path, jobs):
    binary = tmp_path / "in" / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "in" / "missing.txt"
    out = tmp_path / "out"
    args = [str(pages["a.txt"]), str(binary), str(missing), str(pages["b.txt"])]
    proc = run("-j", jobs, "-o", str(out), *args)
    assert proc.returncode == 1
    errors = error_lines(proc)
    assert len(errors) == 2
    assert errors[0].startswith(f"cleantext: {binary}: ") and errors[1].startswith(f"cleantext: {missing}: ")
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert (out / "b.txt").read_bytes() == expected(pages["b.txt"].read_bytes())


def test_directory_without_recursive_is_an_error(pages, tmp_path):
    proc = run(str(tmp_path / "in"), str(pages["a.txt"]))
    assert proc.returncode == 1
    reason = "is a directory (use -r to clean the files in it)"
    assert error_lines(proc) == [f"cleantext: {tmp_path / 'in'}: {reason}"]
    assert proc.stdout == expected(pages["a.txt"].read_bytes())


def test_same_output_name_twice_is_refused(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "p.txt").write_bytes(TRAD.encode())
    out = tmp_path / "out"
    proc = run("-o", str(out), str(tmp_path / "x" / "p.txt"), str(tmp_path / "y" / "p.txt"))
    assert proc.returncode == 1
    assert len(error_lines(proc)) == 1 and "earlier input" in proc.stderr.decode()
    assert (out / "p.txt").read_bytes() == expected(TRAD.encode())


def test_output_dir_never_overwrites_an_input(pages):
    original = pages["a.txt"].read_bytes()
    proc = run("-o", str(pages["a.txt"].parent), str(pages["a.txt"]), str(pages["b.txt"]))
    assert proc.returncode == 1
    assert len(error_lines(proc)) == 2
    assert pages["a.txt"].read_bytes() == original


def test_json_lines_for_several_inputs(pages, tmp_path):
    proc = run("--json", str(pages["a.txt"]), str(tmp_path / "missing.txt"), str(pages["b.txt"]))
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["path"] for r in records] == [str(pages["a.txt"]), str(tmp_path / "missing.txt"),
                                           str(pages["b.txt"])]
    first = records[0]
    assert {"encoding", "confidence", "title", "byline", "text", "steps", "removed"} <= first.keys()
    assert first["text"].encode() == expected(pages["a.txt"].read_bytes())
    assert "error" in records[1] and "text" not in records[1]


def test_check_reports_what_would_change_and_writes_nothing(pages, tmp_path):
    clean_copy = tmp_path / "clean.txt"
    clean_copy.write_bytes(expected(pages["a.txt"].read_bytes()))
    before = pages["a.txt"].read_bytes()

    proc = run("--check", str(clean_copy))
    assert (proc.returncode, proc.stdout) == (0, b"")

    proc = run("--check", str(clean_copy), str(pages["a.txt"]))
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [str(pages["a.txt"])]
    assert pages["a.txt"].read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "in"]


def test_recursive_with_glob_keeps_the_tree_and_skips_output_and_hidden(tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / ".hidden").mkdir()
    (tree / "one.txt").write_bytes(TRAD.encode())
    (tree / "sub" / "two.txt").write_bytes(TRAD.encode("big5"))
    (tree / "sub" / "notes.md").write_bytes(TRAD.encode())
    (tree / ".hidden" / "three.txt").write_bytes(TRAD.encode())
    out = tree / "clean"  # inside the tree: must not be cleaned again
    proc = run("-r", str(tree), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    found = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert found == ["one.txt", "sub/two.txt"]
    assert (out / "sub" / "two.txt").read_bytes() == expected(TRAD.encode("big5"))

    proc = run("-r", str(tree), "-o", str(out), "--glob", "*.md", "-g", "one.*")
    found = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert found == ["one.txt", "sub/notes.md", "sub/two.txt"]


def test_files_from_and_null_separated_names(pages, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"{pages['a.txt']}\n{pages['b.txt']}\n")
    proc = run("--files-from", str(listing))
    assert proc.returncode == 0
    assert proc.stdout == expected(pages["a.txt"].read_bytes()) + expected(pages["b.txt"].read_bytes())

    out = tmp_path / "out"
    names = b"in/a.txt\0in/c.txt\0"  # as `find in -print0` prints them, relative to cwd
    proc = run("-0", "-o", str(out), stdin=names, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (out / "in" / "a.txt").read_bytes() == expected(pages["a.txt"].read_bytes())
    assert (out / "in" / "c.txt").exists()


def test_in_place_with_backup(pages):
    original = pages["b.txt"].read_bytes()
    os.chmod(pages["b.txt"], 0o640)
    proc = run("--in-place", "--backup", ".orig", str(pages["b.txt"]), str(pages["a.txt"]))
    assert proc.returncode == 0, proc.stderr
    assert pages["b.txt"].read_bytes() == expected(original)
    assert (pages["b.txt"].parent / "b.txt.orig").read_bytes() == original
    assert pages["b.txt"].stat().st_mode & 0o777 == 0o640
    assert no_temp_files(pages["b.txt"].parent)


def test_stats_as_json_goes_to_stdout_when_results_go_to_files(pages, tmp_path):
    proc = run("--stats", "--json", "-o", str(tmp_path / "out"), *(str(p) for p in pages.values()),
               str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    stats = json.loads(proc.stdout)
    assert stats["files"] == 4 and stats["failed"] == 1
    assert stats["bytes_in"] == sum(p.stat().st_size for p in pages.values())
    assert sum(stats["encodings"].values()) == 3


def test_explain_goes_to_stderr_in_plain_text(pages):
    proc = run("--explain", str(pages["a.txt"]))
    assert proc.returncode == 0
    assert proc.stdout == expected(pages["a.txt"].read_bytes())
    assert f"{pages['a.txt']}: encoding utf-8" in proc.stderr.decode()


# --- JSON Lines ----------------------------------------------------------------------------------------


JSONL = (
    json.dumps({"id": 1, "body": TRAD, "tags": ["a", 2.5]}).encode() + b"\n"
    b"this is not json\n"
    b'{"id": 3, "other": "x"}\n'
    b'{"id": 4, "body": "\xe5\x85\xa7\xe5\xae\xb9\xe5\xbe\x88\xe5\xa5\xbd\xe3\x80\x82", "n": null}\n'
)


def test_jsonl_cleans_the_field_and_passes_bad_records(tmp_path):
    proc = run("--jsonl", "--field", "body", stdin=JSONL)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 4
    first, last = json.loads(lines[0]), json.loads(lines[3])
    assert first["body"] == cleantext.clean(TRAD) and SIMP in first["body"]
    assert first["tags"] == ["a", 2.5] and first["id"] == 1
    assert set(first["cleantext"]) == {"encoding", "confidence", "steps", "removed"}
    assert last["body"] == cleantext.clean("內容很好。").rstrip("\n") and last["n"] is None
    assert lines[1] == b"this is not json" and lines[2] == b'{"id": 3, "other": "x"}'
    errors = error_lines(proc)
    assert errors[0].startswith("cleantext: -:2: malformed JSON")
    assert errors[1] == "cleantext: -:3: field 'body' missing" and len(errors) == 2


def test_jsonl_skip_bad_records_and_write_a_file(tmp_path):
    source = tmp_path / "data.jsonl"
    source.write_bytes(JSONL)
    out = tmp_path / "out"
    proc = run("--jsonl", "--field", "body", "--on-bad-record", "skip", "-o", str(out) + "/", str(source))
    assert proc.returncode == 1
    records = [json.loads(line) for line in (out / "data.jsonl").read_bytes().splitlines()]
    assert [r["id"] for r in records] == [1, 4]
    assert len(error_lines(proc)) == 2


def test_jsonl_check(tmp_path):
    source = tmp_path / "done.jsonl"
    source.write_text('{"text": "已经干净的文本。"}\n', encoding="utf-8")
    assert run("--jsonl", "--check", str(source)).returncode == 0
    source.write_text('{"text": "還沒有轉換的文本。"}\n', encoding="utf-8")
    proc = run("--jsonl", "--check", str(source))
    assert proc.returncode == 1 and proc.stdout.decode().strip() == str(source)


# --- usage errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["--backup", ".bak", "x.txt"],
        ["--in-place", "-o", "out", "x.txt"],
        ["-o", "outdir/", "-"],
        ["--to", "zh-xx", "x.txt"],
        ["--encoding", "no-such-codec", "x.txt"],
    ],
)
def test_usage_errors_exit_2(args, tmp_path):
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert not list(tmp_path.iterdir())


# --- interruption --------------------------------------------------------------------------------------


def _page(i: int) -> bytes:
    return (f"第{i}篇標題\n\n" + "這是一個關於測試的段落，內容很長。\n" * 80).encode("utf-8")


def _check_all_or_nothing(directory: Path, originals: dict[str, bytes]) -> tuple[int, int]:
    """Every input is the original or the complete new text; no temporary file is left."""
    assert no_temp_files(directory)
    assert sorted(p.name for p in directory.iterdir()) == sorted(originals)
    kept = done = 0
    for name, data in originals.items():
        now = (directory / name).read_bytes()
        if now == data:
            kept += 1
        else:
            assert now == expected(data), name
            done += 1
    return kept, done


def _wait_until_changed(path: Path, original: bytes, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while path.read_bytes() == original and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


def test_in_place_interrupted_while_blocked_leaves_no_partial_file(tmp_path):
    """-j 1: Ctrl-C while reading a FIFO; the files before it are done, the FIFO and those after kept."""
    work = tmp_path / "pages"
    work.mkdir()
    originals = {f"{i:03d}.txt": _page(i) for i in range(6)}
    for name, data in originals.items():
        (work / name).write_bytes(data)
    fifo = tmp_path / "pages" / "003.txt"
    fifo.unlink()
    os.mkfifo(fifo)
    names = [str(work / name) for name in originals]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", "1", "--in-place", *names],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _wait_until_changed(work / "002.txt", originals["002.txt"], proc)
    time.sleep(0.2)  # now blocked opening the FIFO
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err
    assert fifo.exists() and not fifo.is_file()  # the FIFO was not replaced
    fifo.unlink()
    del originals["003.txt"]
    kept, done = _check_all_or_nothing(work, originals)
    assert (kept, done) == (2, 3)


def _start_big_batch(tmp_path: Path, *args: str) -> tuple[Path, dict[str, bytes], subprocess.Popen[bytes]]:
    work = tmp_path / "pages"
    work.mkdir()
    originals = {f"{i:04d}.txt": _page(i) for i in range(200)}
    for name, data in originals.items():
        (work / name).write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "-j", "2", "-r", str(work), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    return work, originals, proc


def test_in_place_pool_interrupted_leaves_every_file_whole(tmp_path):
    """-j 2 --in-place, Ctrl-C in the middle of a big batch: every file is the old one or the new one."""
    work, originals, proc = _start_big_batch(tmp_path, "--in-place")
    _wait_until_changed(work / "0000.txt", originals["0000.txt"], proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130), err  # 0 only if it had already finished
    kept, done = _check_all_or_nothing(work, originals)
    assert done >= 1


def test_output_dir_killed_then_rerun_gives_the_same_bytes(tmp_path):
    """-j 2 -o DIR, SIGTERM: the outputs written are complete; re-running writes every one of them."""
    out = tmp_path / "out"
    work, originals, proc = _start_big_batch(tmp_path, "-o", str(out))
    deadline = time.monotonic() + 60
    while not (out / "0000.txt").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 143), err
    assert no_temp_files(out)
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    assert written and all(data == expected(originals[name]) for name, data in written.items())

    proc = run("-j", "2", "-r", str(work), "-o", str(out))
    assert proc.returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {n: expected(d) for n, d in originals.items()}


def test_pool_prints_every_article_in_input_order(tmp_path):
    """-j 2 on stdout: every article, in input order, with the tapered chunks at the end of the input."""
    work = tmp_path / "pages"
    work.mkdir()
    originals = {f"{i:03d}.txt": _page(i) for i in range(60)}
    for name, data in originals.items():
        (work / name).write_bytes(data)
    proc = run("-j", "2", *(str(work / name) for name in sorted(originals)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"".join(expected(originals[name]) for name in sorted(originals))


def test_explain_keeps_each_step_on_one_line_when_its_detail_holds_a_line_break():
    from cleantext.batch import Outcome
    from cleantext.report import explain_lines

    step = cleantext.Step("repair", "gbk_restart", 1, "案?", "案\n", lost=1, detail="at:guessed 8:\n")
    lines = explain_lines(Outcome("a.txt", encoding="gb18030", confidence=0.9, steps=(step,)))
    assert lines[1] == "a.txt: repair/gbk_restart ×1: '案?' → '案⏎' (1 characters lost) [at:guessed 8:⏎]"
