"""Strip rules for layouts of session 4's unseen pages: comments, prompts, in-body links, notices.

Short texts written for these tests; each rule is checked on both sides (fires / does not fire).
"""

from __future__ import annotations

from strip_pages import line_of as ml
from strip_pages import stripped as out

from cleantext import strip_rules as rules

PARAS = (
    "河边的老码头今年春天完成了改造，石阶和栏杆都换成了新的。",
    "附近的居民说，傍晚来散步的人比以前多了不少，孩子们也喜欢在这里放风筝。",
    "管理处表示，下一步还会在码头边增设座椅和照明设施。",
)


def test_tap_prompt_fires_on_first_person_buttons_and_read_on() -> None:
    assert rules.tap_prompt(ml("现在用APP看新闻 点我下载APP")) == "tap_prompt"
    assert rules.tap_prompt(ml("继续阅读全文")) == "tap_prompt"
    assert rules.tap_prompt(ml("下载客户端，看更多精彩内容")) == "tap_prompt"


def test_tap_prompt_leaves_sentences_alone() -> None:
    assert rules.tap_prompt(ml("点我名字的人很多。")) is None
    assert rules.tap_prompt(ml("下载APP")) is None
    assert rules.tap_prompt(ml("他继续往前走")) is None


def test_call_to_action_knows_more_platforms() -> None:
    assert rules.call_to_action(ml("加入晨报Facebook专页")) == "call_to_action"
    assert rules.call_to_action(ml("微信扫一扫 分享到朋友圈")) == "call_to_action"
    assert rules.call_to_action(ml("加入合唱团的第一年")) is None


def test_more_prompt() -> None:
    assert rules.more_prompt(ml("看更多晨报新闻")) == "more_prompt"
    assert rules.more_prompt(ml("返回列表")) == "more_prompt"
    assert rules.more_prompt(ml("更多的人留了下来")) is None
    assert rules.more_prompt(ml("返回故乡")) is None


def test_ad_marker() -> None:
    assert rules.ad_marker(ml("【广告】低息贷款当天到账")) == "ad_marker"
    assert rules.ad_marker(ml("（推广）新店开业满100减20")) == "ad_marker"
    assert rules.ad_marker(ml("【释义】比喻做事认真")) is None


def test_original_title() -> None:
    assert rules.original_title(ml("原标题：小城的夜市又热闹起来了")) == "original_title"
    assert rules.original_title(ml("原标题并不重要，内容才重要。")) is None


def test_share_row() -> None:
    assert rules.share_row(ml("分享到 微信 微博 QQ空间")) == "share_row"
    assert rules.share_row(ml("微信 微博 都在讨论")) is None


def test_hashtag_line() -> None:
    assert rules.hashtag_line(ml("#夜市# #美食# #周末#")) == "hashtag_line"
    assert rules.hashtag_line(ml("他学的是C#，不是Java")) is None


def test_attachment_link() -> None:
    assert rules.attachment_link(ml("1.报名登记表.docx")) == "attachment_link"
    assert rules.attachment_link(ml("请把报名表发到邮箱")) is None


def test_bracketed_related() -> None:
    assert rules.bracketed_related(ml("【延伸阅读】老码头的百年往事")) == "bracketed_related_title"
    assert rules.bracketed_related(ml("【背景】老码头建于1920年")) is None


def test_pager_with_page_heading() -> None:
    assert rules.pager(ml("第2页：续航测试")) == "page_links"
    assert rules.pager(ml("第2页的数据有误")) is None


def test_in_body_furniture_goes_and_paragraphs_stay() -> None:
    text = out(
        "老码头改造完成",
        "2024-03-02 10:00 来源：河畔日报",
        "原标题：老码头换新颜",
        PARAS[0],
        "【相关阅读】城西公园扩建完工",
        PARAS[1],
        "第1页 共2页",
        "[广告] 新楼盘开盘 点击抢购",
        PARAS[2],
    )
    assert text == ["老码头改造完成", "2024-03-02 10:00 来源：河畔日报", *PARAS]


def test_comment_section_after_a_prompt_ends_the_body() -> None:
    text = out("老码头改造完成", *PARAS, "评论区", "请理性发言", "江边人 2024年3月2日：拍得真好！")
    assert text == ["老码头改造完成", *PARAS]


def test_counted_replies_end_the_body() -> None:
    text = out("老码头改造完成", *PARAS, "2条回应", "晚风 2024-03-03 10:02", "同意，码头确实变漂亮了。")
    assert text == ["老码头改造完成", *PARAS]


def test_sub_head_named_like_comments_stays() -> None:
    text = out("老码头改造完成", PARAS[0], "网友评论", PARAS[1], PARAS[2])
    assert text == ["老码头改造完成", PARAS[0], "网友评论", PARAS[1], PARAS[2]]


def test_notice_contacts_before_signature_are_kept() -> None:
    notice = (
        "关于公开拍卖一批办公设备的公告",
        "受委托，我公司定于2024年5月28日上午10时对一批办公设备进行公开拍卖，欢迎参加。",
        "有意竞买者请于5月27日前持有效证件到我公司办理登记手续。",
        "联系电话：0756-3361234",
        "公司地址：湖滨路12号",
        "某某拍卖有限公司",
        "2024年5月6日",
    )
    assert out(*notice, "Copyright 2024 某某网") == list(notice)


def test_contacts_without_signature_still_go() -> None:
    assert out("老码头改造完成", *PARAS, "联系电话：0756-3361234", "网站首页 | 关于我们 | 联系我们") == [
        "老码头改造完成",
        *PARAS,
    ]


def test_source_field_after_body_goes_but_bracketed_credit_stays() -> None:
    assert out("老码头改造完成", *PARAS, "来源：河畔日报") == ["老码头改造完成", *PARAS]
    credit = "（来源：河畔日报）"
    assert out("老码头改造完成", *PARAS, credit) == ["老码头改造完成", *PARAS, credit]


def test_poster_name_over_stamp_is_not_the_title() -> None:
    text = out(
        "老码头晚上能停车吗？",
        "只看楼主 倒序浏览 阅读模式",
        "江边人",
        "发表于 2024-1-12 19:45:06",
        "最近晚上去老码头，附近几乎找不到车位，转两圈都是常事。",
        "听说旁边新建了停车场，有没有人去停过？收费怎么样？",
    )
    assert text[0] == "老码头晚上能停车吗？"
    assert "江边人" not in text


def test_a_platform_statement_is_a_disclaimer_but_an_author_s_note_stays() -> None:
    statement = "平台声明：本文由入驻作者撰写并发布，平台只提供存储服务。"
    assert out("老码头改造完成", *PARAS, statement) == ["老码头改造完成", *PARAS]
    note = "作者声明：文中人物均为化名。"
    assert out("老码头改造完成", *PARAS, note) == ["老码头改造完成", *PARAS, note]


def test_print_and_copy_link_buttons_are_widgets() -> None:
    assert out("老码头改造完成", *PARAS, "列印 复制连结") == ["老码头改造完成", *PARAS]
