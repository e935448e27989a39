"""Furniture after damage (round 13): full-width letters and digits, characters an encoding lost
(``?`` for ``©``, ``»``, ``〇``), ASCII colons in meta rows, forum stamps with the poster's name, and
Taiwan's words for the same furniture."""

from __future__ import annotations

from strip_pages import line_of, removed, stripped

from cleantext import clean_document
from cleantext.strip import strip
from cleantext.strip_rules import fold_wide_alnum, lost_marks

TITLE = "社区食堂开进老小区"
BYLINE = "2024-05-16 08:30 来源：江城日报"
P1 = "记者昨日获悉，桥东街道的第一家社区食堂已经正式开张，每天供应午餐和晚餐。"
P2 = "六十岁以上的老人凭卡就餐只需十二元，不少老人成了这里的常客。"


def article(*tail: str) -> list[str]:
    return stripped(TITLE, BYLINE, P1, P2, *tail)


# --- full-width letters and digits --------------------------------------------------------------


def test_wide_digits_and_letters_read_as_ascii() -> None:
    assert fold_wide_alnum("阅读：３８２１ ＩＣＰ") == "阅读：3821 ICP"
    assert fold_wide_alnum("没有全角字母") == "没有全角字母"


def test_wide_counter_goes_and_the_page_keeps_its_characters() -> None:
    assert article("阅读：３８２１　评论：１２") == [TITLE, BYLINE, P1, P2]
    body = "２０２３年全市新增绿地１２０公顷，人均公园绿地面积达到１５平方米。"
    assert stripped(TITLE, BYLINE, P1, body, "阅读：３８２１") == [TITLE, BYLINE, P1, body]


def test_wide_link_and_revision_stamp_go() -> None:
    assert article("ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ") == [TITLE, BYLINE, P1, P2]
    assert article("本页面最后修订于２０２３年１１月２日 （星期四） ０８：１５。") == [TITLE, BYLINE, P1, P2]


# --- characters an encoding lost ------------------------------------------------------------------


def test_question_mark_after_a_space_is_a_lost_character() -> None:
    assert lost_marks("某某网 ?2024 All rights reserved.") == 1
    assert lost_marks("真的吗? 我不信?") == 0
    assert line_of("某某网 ?2024 All rights reserved.").stops == 0
    assert line_of("这样做对吗?").stops == 1


def test_copyright_with_lost_sign_goes() -> None:
    assert article("岛屿旅行志 ?2024 All rights reserved.") == [TITLE, BYLINE, P1, P2]


def test_trail_with_lost_arrows_goes() -> None:
    text = strip("讨论区首页 ? 生活台 ? 租房\n" + "\n".join((TITLE, BYLINE, P1, P2)))
    assert removed(text, "breadcrumb") == ["讨论区首页 ? 生活台 ? 租房"]
    # a question mark between words with no spaces round it is no arrow
    assert line_of("真的吗?这样也行?还是算了").hard is None


def test_previous_link_behind_a_lost_bullet_goes() -> None:
    assert article("? 上一篇：夏季用电高峰来临") == [TITLE, BYLINE, P1, P2]


def test_signature_date_with_lost_zero_is_kept() -> None:
    letter = ["此致", "敬礼", "二?二四年七月一日", "小杨"]
    assert stripped(TITLE, P1, P2, *letter) == [TITLE, P1, P2, *letter]


# --- meta rows and counters -----------------------------------------------------------------------


def test_meta_row_of_labelled_fields_with_a_count_goes() -> None:
    assert line_of("提问时间:2023-02-11 浏览:12,330次 回答:5").hard == ("counter", "labelled_count")
    assert line_of("答主:上岸学姐 | 获赞:1,024").hard == ("counter", "labelled_count")
    assert line_of("作者:青禾 | 阅读:3126 | 更新时间:2024-03-19 22:00").hard == ("counter", "labelled_count")


def test_fields_without_a_count_or_with_prose_stay() -> None:
    assert line_of("人口:120万 面积:300平方公里").hard is None
    assert line_of("他的字数:3000字，写了三天。").hard is None
    assert line_of("提问者:小雨 发问时间:2023-12-02").hard is None


def test_taiwan_counter_words() -> None:
    assert line_of("浏览人次:5,218").hard == ("counter", "labelled_count")
    assert line_of("已有 238 人收藏 · 留言 12 則").hard == ("counter", "labelled_count")
    assert line_of("點閱：86").hard == ("counter", "labelled_count")
    assert line_of("留言板上写满了祝福").hard is None


def test_byline_with_a_count_under_the_title_stays() -> None:
    byline = "发布人:校办 发布时间:2024-01-15 浏览次数:1027"
    assert stripped(TITLE, byline, P1, P2) == [TITLE, byline, P1, P2]


# --- forum stamps ---------------------------------------------------------------------------------


def test_floor_name_and_date_stamp_goes_between_posts() -> None:
    reply = "顶风的时候压低竿子，出饵角度放平一点，出线前用手指轻轻压一下线杯。"
    assert article("2楼 钓鱼小白 发表于: 2023-9-3 21:40", reply) == [TITLE, BYLINE, P1, P2, reply]
    stamp = line_of("楼主: 湖边老王 发表于: 2023-9-3 21:15 只看该作者")
    assert stamp.hard == ("forum-profile", "forum_post_stamp")


def test_name_and_date_without_a_floor_is_no_stamp() -> None:
    assert line_of("湖边老王 发表于 2023-9-3 21:15 的旧文").hard is None
    assert line_of("2楼的邻居说他发表了一篇文章。").hard is None


# --- Taiwan's words for the same furniture --------------------------------------------------------


def test_taiwan_answer_labels_and_related_heads() -> None:
    assert line_of("最佳解答").hard == ("widget", "widget_buttons")
    assert line_of("看更多：").hard is not None
    assert line_of("最佳解答是什么，大家讨论了很久。").hard is None


def test_site_no_reposting_notice_goes() -> None:
    assert article("本站新闻未经同意，禁止转载。") == [TITLE, BYLINE, P1, P2]
    said = "律师说，未经同意就转载别人的照片，可能构成侵权。"
    assert stripped(TITLE, BYLINE, P1, said, P2) == [TITLE, BYLINE, P1, said, P2]


# --- a whole damaged page -------------------------------------------------------------------------


def test_traditional_big5_page_with_wide_counter() -> None:
    page = "\n".join(("社區食堂開進老小區", "2024-05-16 08:30 來源：江城日報",
                      "記者昨日獲悉，橋東街道的第一家社區食堂已經正式開張，每天供應午餐和晚餐。",
                      "六十歲以上的老人憑卡就餐只需十二元，不少老人成了這裡的常客。",
                      "點閱數：１，３８２", "列印 | 轉寄好友 | 加入最愛"))
    out = clean_document(page.encode("big5")).text.split()
    assert out == [TITLE, BYLINE.split()[0], BYLINE.split()[1], BYLINE.split()[2], P1, P2]
