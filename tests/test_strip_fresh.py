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


def test_a_spam_row_of_keyword_groups_each_with_its_own_joiner_goes_after_the_body():
    row = "代开发票_代办护照_移民咨询_签证加急_留学中介 少儿编程、钢琴培训、美术培训、舞蹈培训、书法培训"
    kept = stripped("南城图书馆新馆周一开放", *PARAS, row)
    assert kept[-1] == PARAS[-1]


def test_a_sentence_mixing_commas_and_enumeration_commas_stays():
    last = "馆内设有少儿区、自习区、报刊区，配备电脑、打印机、复印机，开放书架、阅览桌、储物柜，统筹安排"
    kept = stripped("南城图书馆新馆周一开放", *PARAS, last)
    assert kept[-1] == last


def test_the_staff_credit_after_the_body_goes_and_a_reporter_credit_stays():
    for credit in ("（编辑 葛清 审核 谷舟）", "校对：张三 终审：李四"):
        kept = stripped("南城图书馆新馆周一开放", *PARAS, credit)
        assert kept[-1] == PARAS[-1]
    kept = stripped("南城图书馆新馆周一开放", *PARAS, "（记者 王敏）")
    assert kept[-1] == "（记者 王敏）"


def test_a_short_last_line_over_an_end_mark_is_the_article_s_own():
    kept = stripped("南城图书馆新馆周一开放", *PARAS, "《南城图书馆志》", "（完）")
    assert kept[-2:] == ["《南城图书馆志》", "（完）"]


def test_a_short_line_over_a_list_of_short_titles_is_still_a_block_title():
    kept = stripped("南城图书馆新馆周一开放", *PARAS, "精彩图集", "老城墙", "新港口", "旧书市")
    assert kept[-1] == PARAS[-1]
