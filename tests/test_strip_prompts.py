"""Ad marks, app prompts and comment headings after or inside the body (bench_unseen's leftovers)."""

from __future__ import annotations

from strip_pages import line_of, stripped

from cleantext import strip_rules as rules

BODY = (
    "南城图书馆新馆周一开放",
    "记者 王敏 2024-05-08",
    "南城图书馆新馆将于下周一正式对市民开放，馆内藏书约四十万册，设有少儿阅读区和自习区。",
    "新馆开放时间为每天上午九点至晚上九点，周一也不闭馆，市民凭身份证即可办理借阅证。",
)


def test_an_ad_mark_in_round_brackets_is_furniture_even_between_paragraphs():
    kept = stripped(BODY[0], BODY[1], BODY[2], "（广告）", BODY[3])
    assert "（广告）" not in kept and BODY[3] in kept
    for text in ("（广告）", "(推广)某某贷款低息秒批", "〔赞助〕"):
        line = line_of(text)
        rules.classify(line)
        assert line.hard == ("widget", "ad_marker"), text


def test_a_line_opening_with_a_round_bracket_is_not_an_ad_for_that():
    for text in ("（一）总则", "(1) 第一条", "（完）", "（记者 王敏）"):
        line = line_of(text)
        rules.classify(line)
        assert line.hard is None, text


def test_app_prompts_go():
    assert "用APP打开，体验更佳 >" not in stripped(*BODY, "用APP打开，体验更佳 >")
    assert "在APP中打开，阅读体验更好" not in stripped(*BODY[:3], "在APP中打开，阅读体验更好", BODY[3])
    assert "APP内打开" not in stripped(*BODY, "APP内打开")
    assert "点个在看，你最好看" not in stripped(*BODY, "点个在看，你最好看")


def test_sentences_about_apps_stay():
    for text in ("用手机打开淘宝，我买了一件衣服", "他在APP里查看了订单。"):
        assert text in stripped(*BODY, text)


def test_a_comment_section_heading_after_the_body_goes():
    for heading in ("评论区", "全部评论"):
        kept = stripped(*BODY, heading)
        assert heading not in kept and BODY[3] in kept
