"""The head of the page (round 11): titles, bylines and the header furniture around them."""

from __future__ import annotations

from strip_pages import line_of, page, removed, stripped

from cleantext.strip import (
    _byline_over_title,
    _date_bars,
    _stopped_title_over_byline,
    _title_under_byline,
    site_banner,
    strip,
    unreadable,
)
from cleantext.strip_rules import date_bar, make_line, read_line, widget

P1 = "早上七点，我们一行五人从山脚出发，沿着石阶慢慢往上走。"
P2 = "山上的空气很好，路边开满了不知名的小花，偶尔还能听到鸟叫。"
P3 = "中午终于到了山顶，往下一看，整个县城都在脚下，大家都说这一趟值了。"
TITLE = "周末去爬山"  # (shares no two characters in a row with the paragraphs: the hard case)
BYLINE = "2024-05-08 10:21 作者：小林"


# --- the site's date and weather bar ----------------------------------------------------------------


def test_date_bar_shapes() -> None:
    assert date_bar(make_line(1, "欢迎访问本站！今天是2024年5月8日 星期三"))
    assert date_bar(make_line(1, "歡迎光臨本站！今天是2024年5月8日 星期三 農曆三月三十"))
    assert date_bar(make_line(1, "北京 晴 12℃~25℃ 空气质量：良"))
    assert date_bar(make_line(1, "2024年5月8日 星期三 多云 18℃~26℃ 东南风2级"))


def test_byline_and_diary_dates_are_no_date_bar() -> None:
    assert date_bar(make_line(1, "2024年5月8日 星期三 上午10:21")) is None
    assert date_bar(make_line(1, "2024年5月8日 星期三 晴")) is None  # a diary's dateline
    assert date_bar(make_line(1, "2024-05-08 来源：今日头条")) is None
    assert date_bar(make_line(1, "今天是母亲节，我给妈妈做了一顿饭")) is None


def test_welcome_line_with_date_over_a_title_without_byline_goes() -> None:
    welcome = "欢迎访问本站！今天是2024年5月8日 星期三"
    article = strip(page(welcome, TITLE, P1, P2, P3))
    assert article.title == TITLE
    assert welcome in removed(article, "header")


def test_lone_dated_line_over_the_title_is_kept_as_its_byline() -> None:
    article = strip(page("2024-05-08 10:21", TITLE, P1, P2, P3))
    assert article.title == TITLE and article.byline == "2024-05-08 10:21"


def test_forecast_rows_are_a_table_not_a_bar() -> None:
    rows = [read_line(1, "今天 小雨 3~8℃ 东风2级"), read_line(2, "明天 多云 2~9℃ 北风3级")]
    assert _date_bars(rows, 2) == set()
    assert _date_bars([read_line(1, "北京 晴 12℃~25℃"), read_line(2, TITLE)], 2) == {0}
    bars = [read_line(1, "北京 晴 12℃~25℃"), read_line(2, "2024年5月8日 星期三 农历三月三十")]
    assert _date_bars(bars, 2) == {0, 1}  # a weather bar over a date bar: the site's header


# --- garbage over a short title ---------------------------------------------------------------------


def test_unreadable_mojibake_is_told_from_rare_names() -> None:
    assert unreadable(make_line(1, "涓婚〉 锟 鏈€鏂? 锟斤拷"))
    assert unreadable(make_line(1, "璁拌€呯帇灏忔槑"))
    assert not unreadable(make_line(1, "周末去爬山啦"))
    assert not unreadable(make_line(1, "瘰鳞蛇"))  # rare characters, but no mojibake signs
    assert not unreadable(make_line(1, "鐵路鍋貼閱讀"))  # signs, but it reads


def test_garbage_line_over_a_short_title_gives_way() -> None:
    garbage = "涓婚〉 锟 鏈€鏂? 锟斤拷"
    article = strip(page(garbage, TITLE, P1, P2, P3))
    assert article.title == TITLE
    assert garbage in removed(article, "debris")


def test_a_pages_only_heading_stays_even_if_it_reads_badly() -> None:
    garbage = "涓婚〉 锟 鏈€鏂? 锟斤拷"
    assert garbage in stripped(garbage, P1, P2, P3)


# --- spam and banners around the title ------------------------------------------------------------


def test_spam_keyword_row_under_the_title_goes() -> None:
    spam = "时时彩计划_北京赛车pk10_幸运飞艇_官方开户_日赚千元"
    article = strip(page(TITLE, spam, P1, P2, P3))
    assert article.title == TITLE
    assert spam in removed(article, "spider-pool")


def test_keyword_row_about_the_body_under_the_title_stays() -> None:
    topical = "山脚出发_石阶慢慢_空气很好_整个县城"
    assert topical in stripped(TITLE, topical, P1, P2, P3)


def test_hyphen_joined_banner_may_hold_digits_but_no_bare_number() -> None:
    assert site_banner(make_line(1, "时时彩计划-北京赛车pk10-幸运飞艇"))
    assert not site_banner(make_line(1, "2024-05-08"))
    assert not site_banner(make_line(1, "南州-2024-年鉴"))
    article = strip(page("时时彩计划-北京赛车pk10-幸运飞艇", TITLE, P1, P2, P3))
    assert article.title == TITLE


def test_heading_over_the_body_stays_when_the_title_is_unrelated_too() -> None:
    kept = stripped("北山户外俱乐部", TITLE, P1, P2, P3)
    assert TITLE in kept


def test_widget_under_a_related_title_still_goes() -> None:
    title = "石阶上的小花"  # shares 石阶 and 小花 with the paragraphs
    article = strip(page(title, "扫码阅读手机版", P1, P2, P3))
    assert "扫码阅读手机版" in removed(article)


# --- header controls ---------------------------------------------------------------------------------


def test_header_controls_between_title_and_byline_go() -> None:
    for control in ("切换城市：[杭州] 上海 南京", "请输入关键词 搜索", "繁体版 | 简体版", "请登录 免费注册"):
        article = strip(page(TITLE, control, BYLINE, P1, P2, P3))
        assert article.title == TITLE, control
        assert control in removed(article), control


def test_words_of_a_how_to_are_no_header_control() -> None:
    assert widget(line_of("请输入密码")) is None
    assert widget(line_of("选择城市的理由")) is None
    assert widget(line_of("注册")) is None


# --- where the title and the byline stand --------------------------------------------------------------


def test_title_under_a_byline_that_follows_the_sites_name() -> None:
    lines = [read_line(1, "东江在线"), read_line(2, "2024-05-08 10:21"), read_line(3, "东江首批夜间公交开通")]
    body = "三条夜间公交线路开通，票价与白天相同。"
    assert _title_under_byline(lines, 1, [0, 2], 0, lambda: body) == 2
    assert _title_under_byline(lines, 1, [0, 2], 0, lambda: "东江在线报道：今年的活动很多。") == -1
    article = strip(page("东江在线", "2024-05-08 10:21", "东江首批夜间公交开通", body, P2))
    assert article.title == "东江首批夜间公交开通" and article.byline == "2024-05-08 10:21"
    assert "东江在线" in removed(article)


def test_counter_row_over_the_title_is_no_byline() -> None:
    lines = [read_line(1, "时间：2024-03-03 人气：835"), read_line(2, TITLE)]
    assert not _byline_over_title(lines, 1, [0])
    assert _byline_over_title([read_line(1, "2024-05-08 10:21"), read_line(2, TITLE)], 1, [0])


def test_headline_ending_with_a_full_stop_over_a_byline() -> None:
    head = "我们终于等到了这一天。"
    assert _stopped_title_over_byline([read_line(1, head), read_line(2, BYLINE)], 0)
    assert not _stopped_title_over_byline([read_line(1, head), read_line(2, P1)], 0)
    article = strip(page("青年文摘在线 | 励志 | 情感 | 校园", head, BYLINE, P1, P2, P3))
    assert article.title == head and article.byline == BYLINE
    assert "青年文摘在线 | 励志 | 情感 | 校园" in removed(article)


def test_short_first_sentence_under_a_real_title_stays_a_paragraph() -> None:
    article = strip(page(TITLE, "今天天气很好。", BYLINE, P1, P2))
    assert article.title == TITLE
    assert "今天天气很好。" in article.paragraphs
