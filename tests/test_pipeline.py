"""End-to-end behaviour of the library API on short texts written for the tests."""

import pickle

import pytest

import cleantext


def test_clean_returns_laid_out_text():
    out = cleantext.clean("标题\n\n  第一段。\n第二段。")
    assert out.endswith("\n")
    assert "  " not in out


def test_result_is_picklable():
    result = cleantext.clean_document("标题\n\n第一段。")
    assert pickle.loads(pickle.dumps(result)) == result


def test_unknown_target_is_refused():
    with pytest.raises(ValueError, match="unknown target"):
        cleantext.clean("文本", target="zh-xx")
