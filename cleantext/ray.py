"""Scale-out on Ray Data: clean a column of a ``ray.data.Dataset`` on every core of a cluster.

Needs the ``ray`` extra (``pip install 'cleantext-zh[ray]'``); the core package never imports this module.

>>> import ray, cleantext.ray                                     # doctest: +SKIP
>>> ds = ray.data.read_parquet("s3://bucket/pages/")              # doctest: +SKIP
>>> cleantext.ray.clean_dataset(ds, field="html").write_parquet("s3://bucket/clean/")  # doctest: +SKIP

Each output row is its input row with ``field`` replaced by the clean article (a string) and a
``cleantext`` struct added (:data:`CLEANTEXT_TYPE`, which Parquet and JSON Lines both hold):

- ``encoding`` (str) and ``confidence`` (float): what the decode stage found (``"str"`` for text input);
- ``steps``: list of ``{stage, name, count, before, after, lost, detail}``, every fix applied;
- ``removed``: list of ``{line_no, text, label, rule}``, every line the strip stage dropped;
- ``warnings``: list of str;
- ``error`` (str or null): why the record could not be cleaned. Such a record keeps its other fields,
  gets a null ``field`` and empty lists, and the job goes on.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from typing import Any

import pyarrow as pa
import ray  # the real package: imports are absolute, this module is ``cleantext.ray``
from ray.data.block import BlockAccessor
from ray.data.datasource import BlockBasedFileDatasink

import cleantext
from cleantext.result import CleanResult

STEP_TYPE = pa.struct(
    [
        ("stage", pa.string()),
        ("name", pa.string()),
        ("count", pa.int64()),
        ("before", pa.string()),
        ("after", pa.string()),
        ("lost", pa.int64()),
        ("detail", pa.string()),
    ]
)
REMOVED_TYPE = pa.struct(
    [("line_no", pa.int64()), ("text", pa.string()), ("label", pa.string()), ("rule", pa.string())]
)
CLEANTEXT_TYPE = pa.struct(
    [
        ("encoding", pa.string()),
        ("confidence", pa.float64()),
        ("steps", pa.list_(STEP_TYPE)),
        ("removed", pa.list_(REMOVED_TYPE)),
        ("warnings", pa.list_(pa.string())),
        ("error", pa.string()),
    ]
)
"""Arrow type of the ``cleantext`` column; fixed so that every batch and every file agree."""

DEFAULT_BATCH_SIZE = 64
"""Records per batch: pages are ~10 kB, so a batch is under a megabyte and a second of work."""

# A short page with each kind of damage the lazy tables are loaded for: Traditional script, a pinyin
# annotation, an HTML entity. Cleaning it once in a new worker, as text and as bytes to decode, loads
# them before the first real batch.
_WARM_UP_PAGE = "標題\n\n這是一個測試，區(qū)域&amp;網絡。\n"

Options = dict[str, Any]


def check_options(options: Options) -> Options:
    """Refuse bad options in the driver, before a cluster spends time failing every record.

    >>> check_options({"target": "zh-xx"})
    Traceback (most recent call last):
    ...
    ValueError: unknown target 'zh-xx'; choose one of zh-cn, zh-tw, zh-hk, none
    """
    known = {"target", "repair", "strip", "encoding"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}")
    target = options.get("target", "zh-cn")
    if target not in cleantext.TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of {', '.join(cleantext.TARGETS)}")
    if options.get("encoding"):
        codecs.lookup(options["encoding"])  # LookupError names the bad encoding
    return options


_STEP_FIELDS = tuple(STEP_TYPE.field(i).name for i in range(STEP_TYPE.num_fields))
_REMOVED_FIELDS = tuple(REMOVED_TYPE.field(i).name for i in range(REMOVED_TYPE.num_fields))


def _record(result: CleanResult) -> dict[str, Any]:
    """The ``cleantext`` struct of one clean record."""
    return {
        "encoding": result.encoding,
        "confidence": result.confidence,
        "steps": [{name: getattr(step, name) for name in _STEP_FIELDS} for step in result.steps],
        "removed": [{name: getattr(line, name) for name in _REMOVED_FIELDS} for line in result.removed],
        "warnings": list(result.warnings),
        "error": None,
    }


def _failure(message: str) -> dict[str, Any]:
    """The ``cleantext`` struct of a record that could not be cleaned."""
    return {
        "encoding": None, "confidence": None, "steps": [], "removed": [], "warnings": [], "error": message,
    }


class Cleaner:
    """Cleans one column of Arrow batches; a callable class so each Ray worker warms up once.

    ``tally`` is an optional :class:`Tally` actor that is told how many records, failures and bytes each
    batch had (the CLI's summary).

    >>> table = pa.table({"id": [1, 2], "text": ["這是測試。", None]})
    >>> out = Cleaner("text", {})(table)
    >>> out.column("text").to_pylist(), out.column("id").to_pylist()
    (['这是测试。', None], [1, 2])
    >>> out.column("cleantext").to_pylist()[1]["error"]
    'no text in field text'
    """

    def __init__(self, field: str, options: Options, tally: Any = None) -> None:
        self.field = field
        self.options = dict(options)
        self.tally = tally
        self.warm_up()

    def warm_up(self) -> None:
        """Load the lazy tables now; a failure here is left for the records to report, one by one."""
        page_options = {k: v for k, v in self.options.items() if k != "encoding"}
        for page in (_WARM_UP_PAGE, _WARM_UP_PAGE.encode("gb18030")):  # bytes: the decode tables too
            with contextlib.suppress(Exception):
                cleantext.clean_document(page, **page_options)

    def clean_one(self, value: object) -> tuple[str | None, dict[str, Any]]:
        """The clean text and ``cleantext`` struct of one value; never raises.

        A text value gets the article without the final newline unless it had one (as ``cleantext
        --jsonl`` does); a bytes value is a whole page and gets the article as a file would.
        """
        if not isinstance(value, (str, bytes)):
            kind = "no text" if value is None else f"a {type(value).__name__}, not text,"
            return None, _failure(f"{kind} in field {self.field}")
        try:
            result = cleantext.clean_document(value, **self.options)
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the job
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if not isinstance(exc, (cleantext.CleantextError, ValueError)):
                reason = f"internal error: {type(exc).__name__}: {reason}"  # a bug in a stage
            return None, _failure(reason)
        text = result.text
        if isinstance(value, str) and text.endswith("\n") and not value.endswith("\n"):
            text = text[:-1]  # as in `cleantext --jsonl`: the final newline belongs to files, not fields
        return text, _record(result)

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Clean one batch: ``field`` replaced, the ``cleantext`` column added, other columns as they were."""
        if self.field in batch.column_names:
            values = batch.column(self.field).to_pylist()
        else:
            values = [None] * batch.num_rows
        texts: list[str | None] = []
        records: list[dict[str, Any]] = []
        size = 0
        for value in values:
            if isinstance(value, str):
                size += len(value.encode("utf-8", "surrogatepass"))
            elif isinstance(value, bytes):
                size += len(value)
            text, record = self.clean_one(value)
            texts.append(text)
            records.append(record)
        if self.tally is not None:
            failures = sum(record["error"] is not None for record in records)
            ray.get(self.tally.add.remote(len(values), failures, size))
        return _put_column(
            _put_column(batch, self.field, pa.array(texts, pa.string())),
            "cleantext",
            pa.array(records, CLEANTEXT_TYPE),
        )


def _put_column(table: pa.Table, name: str, column: pa.Array) -> pa.Table:
    """``table`` with the column ``name`` replaced in place, or added at the end."""
    if name in table.column_names:
        return table.set_column(table.column_names.index(name), name, column)
    return table.append_column(name, column)


_warm_cleaners: dict[tuple[str, str], Cleaner] = {}
"""The cleaners of this worker process, by field and options: a Ray task reuses its process's."""


def clean_batch(batch: pa.Table, field: str, options: Options, tally: Any = None) -> pa.Table:
    """Clean one batch in a Ray task, with the :class:`Cleaner` this worker process warmed up before."""
    key = (field, json.dumps(options, sort_keys=True))
    cleaner = _warm_cleaners.get(key)
    if cleaner is None:
        cleaner = _warm_cleaners[key] = Cleaner(field, options)
    cleaner.tally = tally
    return cleaner(batch)


def clean_dataset(
    ds: ray.data.Dataset,
    field: str = "text",
    *,
    actors: bool = False,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    tally: Any = None,
    **options: Any,
) -> ray.data.Dataset:
    """Return ``ds`` with ``field`` cleaned and a ``cleantext`` column added (lazily, like any Ray map).

    ``options`` are those of :func:`cleantext.clean_document`: ``target``, ``repair``, ``strip``,
    ``encoding``. ``field`` may hold ``str`` (already decoded) or ``bytes`` (decoded per record).
    Records that fail keep their other fields and get ``cleantext.error`` (see the module docstring);
    ``tally`` is an optional :class:`Tally` that counts them.

    By default the cleaning runs in Ray tasks, which Ray fuses with the read and the write: each worker
    process warms a :class:`Cleaner` up once and keeps it for every later batch. ``actors=True`` runs it
    in a pool of 1 to ``workers`` :class:`Cleaner` actors instead, which spreads the blocks of a few large
    files over the cluster. ``workers`` caps how many run at once (default: every CPU).
    """
    check_options(options)
    common: dict[str, Any] = {"batch_format": "pyarrow", "batch_size": batch_size, "zero_copy_batch": True}
    if actors:
        return ds.map_batches(
            Cleaner,
            fn_constructor_args=(field, options, tally),
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
            **common,
        )
    compute = ray.data.TaskPoolStrategy(size=workers) if workers else None
    return ds.map_batches(clean_batch, fn_args=(field, options, tally), compute=compute, **common)


@ray.remote(num_cpus=0)
class Tally:
    """Counts records, failures and input bytes across workers, for the summary at the end of a run."""

    def __init__(self) -> None:
        self.records = 0
        self.failures = 0
        self.bytes = 0

    def add(self, records: int, failures: int, size: int) -> None:
        self.records += records
        self.failures += failures
        self.bytes += size

    def totals(self) -> dict[str, int]:
        return {"records": self.records, "failures": self.failures, "bytes": self.bytes}


def _json_default(value: object) -> object:
    """JSON for the Arrow values :mod:`json` does not know: bytes as text, dates as ISO strings."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    return str(value)


class JsonLinesDatasink(BlockBasedFileDatasink):
    """Writes one JSON object per line, UTF-8 as is (Ray's ``write_json`` goes through pandas, which
    escapes every non-ASCII character and ``/`` and turns integer columns with nulls into floats)."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, file_format="jsonl", **kwargs)

    def write_block_to_file(self, block: BlockAccessor, file: pa.NativeFile) -> None:
        for row in block.to_arrow().to_pylist():
            line = json.dumps(row, ensure_ascii=False, default=_json_default) + "\n"
            file.write(line.encode("utf-8", "surrogatepass"))


def write_jsonl(ds: ray.data.Dataset, path: str, **kwargs: Any) -> None:
    """Write ``ds`` as JSON Lines files under the directory ``path`` (``kwargs``: ``mode``...)."""
    ds.write_datasink(JsonLinesDatasink(path, **kwargs))
