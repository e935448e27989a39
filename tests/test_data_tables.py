"""Generated data tables stay in step with what they are generated from."""

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "cleantext" / "data"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, DATA / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_strip_fold_table_matches_the_phrase_lists():
    # Editing a data/strip_*.txt list without rerunning build_strip_fold.py leaves its new characters
    # unmatched on zh-tw / zh-hk output; this catches it.
    fold = _load("build_strip_fold").build()
    committed = {}
    for line in (DATA / "strip_fold.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split("\t")
            committed[traditional] = simplified
    assert committed == fold
