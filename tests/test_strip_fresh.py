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


def test_a_picture_credit_or_a_scroll_prompt_between_paragraphs_does_not_cut_the_article():
    more = (
        "新馆还设有一间视障阅览室，配备盲文图书和有声读物，方便视障读者借阅和收听。",
        "馆方表示，开放首月将举办十场读书会，欢迎市民通过官方网站预约参加活动。",
    )
    for note in ("（图片来源于网络，如有侵权请联系删除）", "↓↓↓ 下拉继续阅读 ↓↓↓"):
        kept = stripped("南城图书馆新馆周一开放", "记者 王敏 2024-05-08", *PARAS, note, *more)
        assert note not in kept
        assert all(p in kept for p in (*PARAS, *more))


def test_a_short_prompt_past_a_statement_after_the_body_stays_out():
    kept = stripped("南城图书馆新馆周一开放", *PARAS, "本文来源于网络，如有侵权请联系删除。",
                    "喜欢这篇文章？请点个“在看”吧！")
    assert kept[-1] == PARAS[-1]
