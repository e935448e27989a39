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


def test_a_gbk_page_shown_as_latin1_comes_back_whole():
    """The commonest legacy mojibake: every line of a GB page read as Latin-1 (``ÄãºÃ``), title too."""
    title, byline = "江南小城推进老街改造", "2011-05-06 来源：江南日报 作者：李明"
    body = ["老街的青石板路重新铺好了，两旁的店铺也换上了新招牌，游客比去年多了一倍。",
            "居民说：“街道干净了，晚上散步的人也多了。”社区还办起了夜市。"]
    footer = "版权所有 2011 江南网 苏ICP备05102027号"
    page = "\n".join(["首页 | 新闻 | 图片 | 视频", title, byline, *body, footer])
    cleaned = cleantext.clean_document(page.encode("gbk").decode("latin-1").encode("utf-8"))
    assert (cleaned.title, cleaned.byline, list(cleaned.paragraphs)) == (title, byline, body)
    assert "gbk_as_cp1252" in {s.name for s in cleaned.steps}


def test_a_lossy_mojibake_line_in_a_page_of_mixed_encodings_comes_back_whole():
    """A GBK page with a UTF-8 title, and a paragraph stored as UTF-8-read-as-GBK mojibake whose odd
    last byte became ``?``: decode keeps that line in GBK, the mojibake repair decodes it and guesses
    the character the ``?`` took."""
    title = "山区小学用上了新图书馆"
    body = ["新学期开学第一天，孩子们走进了宽敞明亮的图书馆。",
            "图书馆里有三千多册图书，还有一间可以上网的阅览室。"]
    lossy = body[1].encode().decode("gbk", "replace").replace("\ufffd", "?")
    assert lossy.endswith("?")
    page = (title + "\n").encode() + (body[0] + "\n").encode("gbk") + (lossy + "\n").encode("gbk")
    cleaned = cleantext.clean_document(page)
    assert (cleaned.title, list(cleaned.paragraphs)) == (title, body)
