"""cleantext.ray and `cleantext ray` on a local Ray cluster (one per test session), on short texts.

Skipped when the ``ray`` extra is not installed. The per-record behaviour is tested on the
:class:`~cleantext.ray.Cleaner` directly (no cluster); the cluster runs check what only Ray can break:
records spread over workers and batches, order, the schema of written files, a bad record amid good ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

import cleantext

REPO = Path(__file__).resolve().parents[1]


def test_core_never_imports_ray() -> None:
    """`import cleantext` (and the CLI, and the `cleantext ray` command's module) must not pull Ray in."""
    modules = [m for m in ("cleantext", "cleantext.cli", "cleantext.ray_cli") if find_spec(m)]
    code = f"import sys; import {', '.join(modules)}; assert 'ray' not in sys.modules, 'ray imported'"
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'cleantext-zh[ray]'")
pytest.importorskip("ray.data", reason="ray is installed without Ray Data: pip install 'ray[data]'")
pa = pytest.importorskip("pyarrow", reason="Ray Data needs pyarrow")
pq = pytest.importorskip("pyarrow.parquet", reason="Ray Data needs pyarrow")

from click.testing import CliRunner  # noqa: E402

import cleantext.ray as cleantext_ray  # noqa: E402
from cleantext.ray_cli import detect_input_format, format_of, ray_command  # noqa: E402

TRADITIONAL = "標題\n\n這是一個測試。"
PINYIN = "區(qū)域發(fā)展很快。"
ENTITY = "價格 A &amp; B 網絡"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def cleaned_field(value: str, **options: object) -> str:
    """What a text field becomes: the article, without the final newline the field did not have."""
    text = cleantext.clean(value, **options)
    return text[:-1] if text.endswith("\n") and not value.endswith("\n") else text


@pytest.fixture(scope="session")
def ray_cluster() -> object:
    """One local two-CPU cluster for the whole session, shut down at the end."""
    python_path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        logging_level="WARNING",
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": python_path}},
    )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = True
    yield ray
    ray.shutdown()


# --- the cleaner, without a cluster ---------------------------------------------------------------


def test_cleaner_replaces_the_field_and_leaves_other_columns() -> None:
    table = pa.table({"id": [7, 8, 9], "text": [TRADITIONAL, PINYIN, ENTITY], "url": ["a/b", "c", None]})
    out = cleantext_ray.Cleaner("text", {})(table)
    assert out.column_names == ["id", "text", "url", "cleantext"]
    assert out.column("text").to_pylist() == [cleaned_field(t) for t in (TRADITIONAL, PINYIN, ENTITY)]
    assert out.column("id").to_pylist() == [7, 8, 9]
    assert out.column("url").to_pylist() == ["a/b", "c", None]
    assert out.schema.field("cleantext").type == cleantext_ray.CLEANTEXT_TYPE


def test_cleaner_records_what_the_pipeline_did() -> None:
    out = cleantext_ray.Cleaner("text", {})(pa.table({"text": [ENTITY]}))
    record = out.column("cleantext").to_pylist()[0]
    result = cleantext.clean_document(ENTITY)
    assert record["encoding"] == result.encoding
    assert [(s["stage"], s["name"], s["count"]) for s in record["steps"]] == [
        (s.stage, s.name, s.count) for s in result.steps
    ]
    assert record["error"] is None


def test_a_text_field_keeps_its_final_newline_only_if_it_had_one() -> None:
    out = cleantext_ray.Cleaner("text", {})(pa.table({"text": ["這是測試。", "這是測試。\n"]}))
    assert out.column("text").to_pylist() == ["这是测试。", "这是测试。\n"]


def test_the_arrow_records_hold_every_field_of_steps_and_removed_lines() -> None:
    from dataclasses import fields

    from cleantext.result import Removed, Step

    assert {f.name for f in fields(Step)} == set(cleantext_ray._STEP_FIELDS)
    assert {f.name for f in fields(Removed)} == set(cleantext_ray._REMOVED_FIELDS)


def test_cleaner_decodes_bytes_per_record() -> None:
    pages = [TRADITIONAL.encode("big5"), PINYIN.encode("utf-8"), ENTITY.encode("gb18030")]
    out = cleantext_ray.Cleaner("page", {})(pa.table({"page": pa.array(pages, pa.binary())}))
    assert out.schema.field("page").type == pa.string()
    assert out.column("page").to_pylist() == [cleantext.clean(p) for p in pages]


def test_cleaner_passes_options_on() -> None:
    out = cleantext_ray.Cleaner("text", {"target": "none", "strip": False})(pa.table({"text": [TRADITIONAL]}))
    assert out.column("text").to_pylist() == [cleaned_field(TRADITIONAL, target="none", strip=False)]
    assert "這" in out.column("text").to_pylist()[0]


def test_cleaner_turns_a_bad_record_into_an_error() -> None:
    out = cleantext_ray.Cleaner("text", {})(pa.table({"n": [1, 2], "text": pa.array([PNG, b"ok"])}))
    records = out.column("cleantext").to_pylist()
    assert out.column("text").to_pylist()[0] is None
    assert "PNG" in records[0]["error"] and records[0]["steps"] == []
    assert records[1]["error"] is None and out.column("text").to_pylist()[1] == cleantext.clean(b"ok")
    assert "internal error" not in records[0]["error"]


def test_a_bug_in_a_stage_is_a_record_error_not_a_dead_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: object, **options: object) -> None:
        raise RuntimeError("table missing")

    monkeypatch.setattr(cleantext, "clean_document", broken)
    cleaner = cleantext_ray.Cleaner("text", {})  # the warm-up fails quietly
    out = cleaner(pa.table({"text": ["文本"]}))
    assert out.column("text").to_pylist() == [None]
    assert out.column("cleantext").to_pylist()[0]["error"] == "internal error: RuntimeError: table missing"


def test_cleaner_reports_a_missing_field() -> None:
    out = cleantext_ray.Cleaner("body", {})(pa.table({"text": ["文本"]}))
    assert out.column("body").to_pylist() == [None]
    assert out.column("cleantext").to_pylist()[0]["error"] == "no text in field body"


def test_bad_options_are_refused_before_any_work() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        cleantext_ray.check_options({"target": "zh-xx"})
    with pytest.raises(LookupError):
        cleantext_ray.check_options({"encoding": "no-such-codec"})
    with pytest.raises(TypeError, match="unknown option"):
        cleantext_ray.check_options({"strip_html": True})
    assert cleantext_ray.check_options({"target": "zh-tw", "encoding": "gbk"})


def test_module_ray_is_the_real_package() -> None:
    """cleantext/ray.py's own `import ray` must reach Ray, not the module itself."""
    assert cleantext_ray.ray is sys.modules["ray"]
    assert hasattr(cleantext_ray.ray, "data")


# --- the command line, refusals that happen before Ray starts ---------------------------------------


def test_formats_come_from_names_or_directory_contents(tmp_path: Path) -> None:
    assert format_of("x/part-1.parquet") == "parquet"
    assert format_of("s3://bucket/pages.jsonl.gz") == "jsonl"
    assert format_of("pages") is None
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    assert detect_input_format((str(tmp_path),)) == "jsonl"
    (tmp_path / "b.parquet").write_bytes(b"")
    with pytest.raises(Exception, match="--format"):
        detect_input_format((str(tmp_path),))


@pytest.mark.parametrize(
    ("make_output", "message"),
    [
        (lambda tmp: tmp / "in", "overlaps the input"),
        (lambda tmp: tmp / "in" / "out", "overlaps the input"),
        (lambda tmp: tmp / "full", "not empty"),
    ],
)
def test_the_command_refuses_unsafe_outputs(tmp_path: Path, make_output, message: str) -> None:  # noqa: ANN001
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"text": "文本"}\n', encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(ray_command, [str(tmp_path / "in"), str(make_output(tmp_path))])
    assert result.exit_code == 2
    assert message in result.output
    assert (tmp_path / "full" / "keep.txt").exists()


# --- on the cluster ---------------------------------------------------------------------------------


def test_clean_dataset_on_the_cluster(ray_cluster: object) -> None:
    """Bytes pages over several blocks and two actors: each record as cleantext.clean makes it, in order,
    other fields untouched, and a binary record gives an error without stopping the job."""
    pages = [TRADITIONAL.encode("big5"), PINYIN.encode("utf-8"), PNG, ENTITY.encode("gb18030")] * 3
    table = pa.table({"id": list(range(len(pages))), "page": pa.array(pages, pa.binary()),
                      "tag": [f"t{i}" for i in range(len(pages))]})
    ds = ray.data.from_arrow([table.slice(0, 5), table.slice(5, 3), table.slice(8)])  # three blocks
    rows = cleantext_ray.clean_dataset(ds, field="page", actors=True, workers=2, batch_size=2).take_all()
    assert [row["id"] for row in rows] == list(range(len(pages)))
    assert [row["tag"] for row in rows] == [f"t{i}" for i in range(len(pages))]
    for row, page in zip(rows, pages, strict=True):
        if page is PNG:
            assert row["page"] is None and "PNG" in row["cleantext"]["error"]
        else:
            assert row["page"] == cleantext.clean(page)
            assert row["cleantext"]["error"] is None
            assert row["cleantext"]["encoding"] == cleantext.clean_document(page).encoding


def _part_files(directory: Path, suffix: str) -> list[Path]:
    return sorted(directory.glob(f"*{suffix}"))


def test_the_command_round_trips_jsonl_and_parquet(ray_cluster: object, tmp_path: Path) -> None:
    """JSON Lines in, Parquet out; that Parquet in, JSON Lines out: same texts as cleantext.clean."""
    texts = [TRADITIONAL, PINYIN, ENTITY, None, "第二篇。"]
    source = tmp_path / "pages.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            record = {"id": f"{i:03d}", "meta": {"site": "例子.cn/a"}}
            if text is not None:
                record["text"] = text
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    runner = CliRunner()

    first = runner.invoke(ray_command, [str(source), str(tmp_path / "clean.parquet"), "-q", "--json"])
    assert first.exit_code == 1, first.output  # the record without text failed
    assert json.loads(first.stdout)["records"] == 5 and json.loads(first.stdout)["failures"] == 1
    table = pa.concat_tables(pq.read_table(p) for p in _part_files(tmp_path / "clean.parquet", ".parquet"))
    assert table.column("id").to_pylist() == ["000", "001", "002", "003", "004"]
    assert table.column("text").to_pylist() == [None if t is None else cleaned_field(t) for t in texts]
    assert table.column("cleantext").to_pylist()[3]["error"] == "no text in field text"

    second = runner.invoke(
        ray_command,
        [str(tmp_path / "clean.parquet"), str(tmp_path / "again.jsonl"), "-t", "zh-tw", "--any-order", "-q"],
    )
    assert second.exit_code == 1, second.output
    assert "5 records, 1 failed" in second.stderr
    assert ray.data.DataContext.get_current().execution_options.preserve_order  # the session's, restored
    lines = [line for p in _part_files(tmp_path / "again.jsonl", ".jsonl")
             for line in p.read_text(encoding="utf-8").splitlines()]
    records = sorted((json.loads(line) for line in lines), key=lambda r: r["id"])
    assert [r["id"] for r in records] == ["000", "001", "002", "003", "004"]
    assert all(r["meta"] == {"site": "例子.cn/a"} for r in records)
    assert all("例子.cn/a" in line for line in lines)  # UTF-8 as is, no \\u or \\/ escapes
    cleaned = [None if t is None else cleaned_field(t) for t in texts]
    assert [r["text"] for r in records] == [None if c is None else cleaned_field(c, target="zh-tw")
                                            for c in cleaned]
