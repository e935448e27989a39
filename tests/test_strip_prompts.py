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


def test_keyword_rows_joined_by_em_dashes_go_anywhere():
    spam = "棋牌游戏大厅——首存优惠——彩票开奖结果——体育投注——老虎机——六合彩资料——足球比分直播"
    kept = stripped(spam, *BODY)
    assert spam not in kept and BODY[0] in kept and BODY[3] in kept
    assert spam not in stripped(*BODY, spam)


def test_dashes_that_prose_or_an_article_list_uses_stay():
    route = "北京—天津—济南—南京—上海—杭州"  # a route: runs no longer than a name
    links = "有田中井手之战 - 吉田郡山城之战 - 第一次月山富田城之战 - 严岛之战 - 防长经略 - 忍原崩"
    for text in (route, links, "他说——这件事——我们明天再谈——先吃饭吧"):
        line = line_of(text)
        rules.classify(line)
        assert line.hard is None, text
