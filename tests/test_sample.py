"""The bundled sample page cleans to its hand-checked article (compared as evaluate.py compares).

The sample is the acceptance test of the whole chain; no rule recognises it (each rule has its own tests
on other text in the per-stage test files).
"""

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import cleantext

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "000_b096d85c41661d66.txt"
EXPECTED = ROOT / "samples" / "000_b096d85c41661d66.expected.txt"


def normalised_lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def test_sample_cleans_exactly_through_the_library():
    got = cleantext.clean(SAMPLE.read_bytes())
    assert normalised_lines(got) == normalised_lines(EXPECTED.read_text(encoding="utf-8"))


def test_sample_cleans_exactly_through_the_command():
    done = subprocess.run(
        [sys.executable, "-m", "cleantext", str(SAMPLE)], capture_output=True, cwd=ROOT, check=True
    )
    assert normalised_lines(done.stdout.decode("utf-8")) == normalised_lines(
        EXPECTED.read_text(encoding="utf-8")
    )


def test_sample_result_explains_itself():
    result = cleantext.clean_document(SAMPLE.read_bytes())
    names = {step.name for step in result.steps}
    assert result.encoding == "utf-8"
    assert result.title.startswith("中国石油")
    assert result.byline.startswith("2010-07-28")
    assert len(names) >= 4  # decode/repair/convert/strip each left a record
    assert result.removed and all(r.label and r.rule for r in result.removed)
