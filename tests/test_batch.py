"""cleantext.batch: atomic writes, input discovery, the ordered bounded pool, per-file and per-record work."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

import cleantext
from cleantext import batch
from cleantext.batch import (
    TEMP_SUFFIX,
    AtomicFile,
    FileJob,
    JsonlChunk,
    Options,
    PoolState,
    Settings,
    chunked,
    clean_jsonl_lines,
    clean_one,
    ordered_map,
    read_jsonl_chunks,
    read_names,
    sweep_temp_files,
    tapered_chunks,
    walk_files,
)

TRAD = (
    "城市圖書館新館開放\n\n新館共有三層，藏書超過二十萬冊，閱覽室可以同時容納五百位讀者。\n\n"
    "館長表示，這裡將舉辦更多講座與展覽。\n"
)


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- AtomicFile ----------------------------------------------------------------------------------------


def test_atomic_file_replaces_on_success(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    with AtomicFile(str(target)) as handle:
        handle.write(b"new")
        assert target.read_bytes() == b"old"  # not visible before the commit
        assert any(name.endswith(TEMP_SUFFIX) for name in listing(tmp_path))
    assert target.read_bytes() == b"new"
    assert listing(tmp_path) == ["a.txt"]


def test_atomic_file_keeps_the_old_file_on_error(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), AtomicFile(str(target)) as handle:
        handle.write(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["a.txt"]


def test_atomic_file_discard_creates_nothing(tmp_path):
    writer = AtomicFile(str(tmp_path / "new.txt"))
    writer.write(b"x")
    writer.discard()
    assert listing(tmp_path) == []


def test_atomic_file_copies_mode_and_keeps_backup(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o604)
    with AtomicFile(str(target), mode_of=str(target), backup=str(target) + ".bak", fsync=True) as handle:
        handle.write(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert (tmp_path / "a.txt.bak").read_bytes() == b"old"
    assert listing(tmp_path) == ["a.txt", "a.txt.bak"]


def test_sweep_removes_only_temp_files_of_the_given_processes(tmp_path):
    dest = str(tmp_path / "a.txt")
    mine = tmp_path / f".a.txt.4242.0{TEMP_SUFFIX}"
    other = tmp_path / f".a.txt.999.0{TEMP_SUFFIX}"
    mine.write_bytes(b"")
    other.write_bytes(b"")
    sweep_temp_files([dest], [4242])
    assert listing(tmp_path) == [other.name]


# --- finding inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "null", "names"),
    [
        (b"a.txt\nb c.txt\r\n\nlast", False, ["a.txt", "b c.txt", "last"]),
        (b"a\nb.txt\0c.txt\0", True, ["a\nb.txt", "c.txt"]),
        (b"", True, []),
    ],
)
def test_read_names(raw, null, names):
    assert list(read_names(io.BytesIO(raw), null=null)) == names


def test_read_names_across_block_boundaries():
    names = [f"dir/{i:06d}.txt" for i in range(10000)]
    raw = b"\0".join(n.encode() for n in names)
    assert list(read_names(io.BytesIO(raw), null=True)) == names


def test_walk_files_sorted_globbed_without_hidden_or_excluded(tmp_path):
    for rel in ("b.txt", "a.txt", "x.md", "sub/c.txt", ".hid/d.txt", ".e.txt", "out/f.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    found = [os.path.relpath(p, tmp_path) for p in walk_files(str(tmp_path), ("*.txt",),
                                                               exclude=str(tmp_path / "out"))]
    assert found == ["a.txt", "b.txt", "sub/c.txt"]
    found = [os.path.relpath(p, tmp_path) for p in walk_files(str(tmp_path), ("*.md", "f.*"))]
    assert found == ["x.md", "out/f.txt"]


def test_chunked():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], 3)) == []


def test_tapered_chunks_keep_every_item_in_order_and_shrink_at_the_end():
    chunks = list(tapered_chunks(range(100), 10, parts=4, lookahead=20))
    assert [n for chunk in chunks for n in chunk] == list(range(100))
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[:8] == [10] * 8  # full chunks while the end is out of sight
    assert sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    assert list(tapered_chunks([], 10, parts=4, lookahead=20)) == []


def test_tapered_chunks_of_a_short_input_are_split_between_the_parts():
    assert [len(c) for c in tapered_chunks(range(8), 16, parts=4, lookahead=64)] == [2, 2, 1, 1, 1, 1]


def test_tapered_chunks_read_ahead_only_the_lookahead():
    consumed = []

    def items():
        for n in range(1000):
            consumed.append(n)
            yield n

    taken = 0
    for chunk in tapered_chunks(items(), 8, parts=4, lookahead=32):
        taken += len(chunk)
        assert len(consumed) - taken <= 32
    assert taken == 1000


# --- the ordered pool ----------------------------------------------------------------------------------


def square_after_a_pause(n: int) -> int:
    """Later tasks finish first, so order must come from the pool, not from luck."""
    import time

    time.sleep(0.002 * (n % 3 == 0))
    return n * n


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_the_order(jobs):
    results = list(ordered_map(square_after_a_pause, range(40), jobs=jobs, settings=Settings()))
    assert results == [(n, n * n) for n in range(40)]


def test_ordered_map_reads_ahead_only_a_bounded_window():
    consumed = []

    def tasks():
        for n in range(200):
            consumed.append(n)
            yield n

    seen = 0
    for task, _result in ordered_map(square_after_a_pause, tasks(), jobs=2, settings=Settings(),
                                     window_per_job=3):
        seen += 1
        assert len(consumed) - seen <= 2 * 3
        assert task == seen - 1
    assert seen == 200


def pid_after_a_pause(n: int) -> int:
    import time

    time.sleep(0.002)
    return os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_records_who_works_and_leaves_nothing_in_flight(jobs):
    """The pids and the in-flight tasks are what the CLI sweeps after a signal: they must be right."""
    state = PoolState()
    results = list(ordered_map(pid_after_a_pause, range(20), jobs=jobs, settings=Settings(), state=state))
    assert [task for task, _ in results] == list(range(20))
    assert {pid for _, pid in results} <= state.pids
    assert (os.getpid() in {pid for _, pid in results}) == (jobs == 1)
    assert not state.in_flight


def test_ordered_map_stops_early_without_error():
    results = ordered_map(square_after_a_pause, range(1000), jobs=2, settings=Settings())
    assert next(results) == (0, 0)
    results.close()  # shuts the pool down; the remaining tasks are never started


# --- one file ------------------------------------------------------------------------------------------


def test_clean_one_returns_the_article(tmp_path):
    src = tmp_path / "p.txt"
    src.write_bytes(TRAD.encode("big5"))
    outcome = clean_one(FileJob("p.txt", str(src)), Settings(details=True))
    assert outcome.error is None and outcome.changed
    assert outcome.payload == cleantext.clean(TRAD.encode("big5")).encode()
    assert outcome.size_in == src.stat().st_size and outcome.steps


def test_clean_one_unchanged_when_already_clean(tmp_path):
    data = cleantext.clean(TRAD).encode()
    src = tmp_path / "p.txt"
    src.write_bytes(data)
    assert not clean_one(FileJob("p.txt", str(src)), Settings(check=True)).changed


def test_clean_one_writes_the_output_file_and_never_the_input(tmp_path):
    src = tmp_path / "p.txt"
    src.write_bytes(TRAD.encode())
    dest = tmp_path / "out" / "deep" / "p.txt"
    outcome = clean_one(FileJob("p.txt", str(src), str(dest)), Settings(payload=""))
    assert outcome.error is None and outcome.payload == b""
    assert dest.read_bytes() == cleantext.clean(TRAD).encode()

    refused = clean_one(FileJob("p.txt", str(src), str(src)), Settings(payload=""))
    assert "is the input file" in refused.error
    assert src.read_bytes() == TRAD.encode()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "No such file or directory"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"GIF89a\x00\x01\x00\x00"), ""),
    ],
)
def test_clean_one_failures_are_reasons_not_exceptions(tmp_path, make, reason):
    path = tmp_path / "input.txt"
    make(path)
    outcome = clean_one(FileJob("input.txt", str(path)), Settings())
    assert outcome.error and reason in outcome.error
    assert "\n" not in outcome.error and outcome.payload == b""


def test_clean_one_bug_in_a_stage_is_reported_as_internal_error(tmp_path, monkeypatch):
    import cleantext.pipeline

    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(cleantext.pipeline, "clean_document", broken)
    src = tmp_path / "p.txt"
    src.write_bytes(b"text")
    assert clean_one(FileJob("p.txt", str(src)), Settings()).error == "internal error: KeyError: 'oops'"


def test_clean_one_json_payload(tmp_path):
    outcome = clean_one(FileJob("-", data=TRAD.encode()), Settings(payload="json"))
    record = json.loads(outcome.payload)
    assert record["path"] == "-" and record["text"] == cleantext.clean(TRAD)
    assert isinstance(record["steps"], list) and isinstance(record["removed"], list)


# --- JSON Lines ----------------------------------------------------------------------------------------


def _jsonl(lines: list[bytes], **settings) -> batch.Outcome:
    batch.configure(Settings(**settings))
    return clean_jsonl_lines(JsonlChunk(FileJob("data.jsonl"), 10, tuple(lines)))


def test_jsonl_cleans_only_the_field():
    line = json.dumps({"z": 1, "text": TRAD.rstrip(), "meta": {"a": [1, 2.5, None]}}).encode() + b"\n"
    outcome = _jsonl([line])
    record = json.loads(outcome.payload)
    assert list(record) == ["z", "text", "meta", "cleantext"]
    assert record["text"] == cleantext.clean(TRAD)[:-1]  # no final newline when the field had none
    assert "藏书超过二十万册" in record["text"]
    assert record["meta"] == {"a": [1, 2.5, None]} and record["z"] == 1
    assert outcome.records == 1 and outcome.changed


def test_jsonl_bad_records_pass_or_skip_with_line_numbers():
    lines = [b"{broken\n", b'["not", "an", "object"]\n', b'{"text": 3}\n', b'{"id": 1}', b"\n",
             b'{"text": "\xe5\xa5\xbd"}\n']
    passed = _jsonl(lines)
    assert [n for n, _ in passed.bad_records] == [10, 11, 12, 13]
    assert "malformed JSON" in passed.bad_records[0][1]
    assert passed.payload.splitlines()[:5] == [b"{broken", b'["not", "an", "object"]', b'{"text": 3}',
                                               b'{"id": 1}', b""]
    skipped = _jsonl(lines, skip_bad_records=True)
    assert skipped.payload.splitlines() == [b"", b'{"text": "\xe5\xa5\xbd", "cleantext": ' +
                                            skipped.payload.split(b'"cleantext": ', 1)[1].rstrip(b"\n")]


def test_jsonl_other_field_and_options():
    line = json.dumps({"body": "城市圖書館新館開放"}).encode()
    outcome = _jsonl([line], field="body", options=Options(target="none", strip=False))
    assert json.loads(outcome.payload)["body"] == "城市圖書館新館開放"
    assert not outcome.changed


def test_read_jsonl_chunks_numbers_lines_and_marks_the_last(tmp_path):
    missing = FileJob("missing.jsonl", str(tmp_path / "missing.jsonl"))
    stdin = io.BytesIO(b"{}\n" * 5)
    chunks = list(read_jsonl_chunks([missing, FileJob("-")], stdin=stdin, lines_per_chunk=2))
    assert chunks[0].error == "No such file or directory" and chunks[0].last
    assert [(c.index, c.first_line, len(c.lines), c.last) for c in chunks[1:]] == [
        (1, 1, 2, False), (1, 3, 2, False), (1, 5, 1, True)]


def test_jsonl_chunks_through_the_pool_keep_their_order():
    lines = [json.dumps({"n": n, "body": f"第{n}條記錄\n\n{TRAD}"}).encode() + b"\n" for n in range(30)]
    chunks = read_jsonl_chunks([FileJob("-")], stdin=io.BytesIO(b"".join(lines)), lines_per_chunk=4)
    results = list(ordered_map(clean_jsonl_lines, chunks, jobs=2, settings=Settings(field="body")))
    records = [json.loads(line) for _, outcome in results for line in outcome.payload.splitlines()]
    assert [r["n"] for r in records] == list(range(30))
    assert records[7]["body"] == cleantext.clean(f"第7條記錄\n\n{TRAD}")
    assert results[-1][0].last and not any(chunk.last for chunk, _ in results[:-1])
