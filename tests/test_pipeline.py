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


def test_site_boilerplate_from_a_batch_is_dropped_outside_the_body():
    from cleantext.strip import find_site_boilerplate

    pages = [
        f"第{n}篇文章的标题\n\n这是第{n}篇文章的正文,讲述了一件事情的经过和结果。\n\n本站由某某科技提供技术支持"
        for n in "一二三四"
    ]
    site = find_site_boilerplate(pages)
    result = cleantext.clean_document(pages[0], site_boilerplate=site)
    assert "技术支持" not in result.text
    assert "第一篇文章的正文" in result.text.replace("这是", "")
    assert "技术支持" in cleantext.clean(pages[0], strip=False)
