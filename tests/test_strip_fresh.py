"""Strip fixes that bench_fresh.py (pages generated without reading the strip rules) led to."""

from __future__ import annotations

from strip_pages import stripped

PARAS = (
    "南城图书馆新馆将于下周一正式对市民开放，馆内藏书约四十万册，设有少儿阅读区和自习区。",
    "新馆开放时间为每天上午九点至晚上九点，周一也不闭馆，市民凭身份证即可办理借阅证。",
)


def test_an_outlet_s_reporter_credit_with_names_between_spaces_is_the_byline():
    for byline in ("城乡周刊记者 欧阳尧 黎桐泽", "新华社记者 王明"):
        kept = stripped("南城图书馆新馆周一开放", byline, *PARAS)
        assert kept[:2] == ["南城图书馆新馆周一开放", byline]


def test_a_headline_about_reporters_is_no_byline():
    kept = stripped("南城图书馆新馆周一开放", "青年记者的成长故事", *PARAS)
    assert kept[0] == "南城图书馆新馆周一开放"
