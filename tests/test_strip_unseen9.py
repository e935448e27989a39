"""Site paragraphs and button rows right after the article (round 9): each rule on both sides."""

from __future__ import annotations

from cleantext.strip import button_row, peel_site_paragraphs, sales_pitch, site_names, site_paragraph, strip
from cleantext.strip_rules import make_line, read_line


def _lines(*texts: str) -> list:
    return [line for no, t in enumerate(texts, 1) if (line := read_line(no, t))]


def test_sales_pitch_needs_price_and_pressure() -> None:
    assert sales_pitch(make_line(1, "周末特惠！电饭煲原价499元现价只要199元！"))
    assert sales_pitch(make_line(1, "钢琴班报名立减300元，名额有限，欢迎咨询。"))
    assert not sales_pitch(make_line(1, "今年鸡蛋每斤5元，比去年略低。"))
    assert not sales_pitch(make_line(1, "名额有限，请尽早报名！"))  # no price


def test_site_paragraph_needs_label_and_site_voice() -> None:
    names = frozenset({"鱼乐网"})
    assert site_paragraph(make_line(1, "网站简介：鱼乐网是专注观赏鱼养殖的资讯网站，为鱼友提供知识。"), names)
    assert site_paragraph(make_line(1, "特别提醒：本站不收取任何费用，如有人收费请举报。"), frozenset())
    assert not site_paragraph(make_line(1, "鱼乐网记者将继续跟进这条河流的治理情况。"), names)  # no label
    assert not site_paragraph(make_line(1, "兽医提醒：我们给金鱼换水时，水温差不要超过两度。"), names)


def test_site_names_from_banner() -> None:
    assert site_names(_lines("鱼乐网-观赏鱼养殖大全", "正文第一段。"), 1) == frozenset({"鱼乐网"})
    assert site_names(_lines("春天来了", "正文第一段。"), 1) == frozenset()
    assert site_names(_lines("劲松站 - 地铁十号线", "正文第一段。"), 1) == frozenset()  # a station
    body = ("鱼乐网-观赏鱼大全", "鱼乐网今天上线了新版。", "鱼乐网的用户很多。")
    assert site_names(_lines(*body), 1) == frozenset()  # the body's own subject


def test_peel_keeps_one_paragraph_at_least() -> None:
    lines = _lines("限时特惠！原价99元现价59元，赶快下单！")
    assert peel_site_paragraphs(lines, 0, 0) == 0
    lines = _lines("今天天气晴朗，适合出门散步。", "限时特惠！原价99元现价59元，赶快下单！")
    assert peel_site_paragraphs(lines, 0, 1) == 0


def test_button_row() -> None:
    assert button_row(make_line(1, "点赞 收藏 分享"))
    assert button_row(make_line(1, "立即投递 收藏职位"))
    assert button_row(make_line(1, "点击查看全文"))
    assert not button_row(make_line(1, "王明 李华 张伟"))
    assert not button_row(make_line(1, "分享 2 收藏 5"))  # counts: a counter, not plain buttons
    assert not button_row(make_line(1, "老人安然无恙。"))


def test_ad_after_article_dropped_last_line_kept() -> None:
    page = (
        "小区门口新开一家面包店\n"
        "店里每天早上七点开门。\n"
        "面包都是当天现烤的。\n"
        "价格不贵。\n"
        "新店开业大酬宾！全场面包原价15元现价只要9元，数量有限，赶快来抢购吧！\n"
    )
    text = strip(page).text
    assert "价格不贵。" in text
    assert "大酬宾" not in text


def test_about_us_after_article_dropped_closing_kept() -> None:
    page = (
        "鱼乐网-观赏鱼养殖大全\n"
        "金鱼冬天怎么养\n"
        "冬天水温低，金鱼活动减少。\n"
        "少喂食，每周换一次水。\n"
        "鱼乐网将持续为大家更新养鱼知识。\n"
        "关于我们：鱼乐网创办于2015年，是专注观赏鱼养殖的资讯网站，汇集各类养鱼知识。\n"
        "分享 收藏 纠错\n"
    )
    text = strip(page).text
    assert "鱼乐网将持续为大家更新养鱼知识。" in text
    assert "关于我们" not in text
    assert "纠错" not in text


def test_short_last_line_without_site_voice_stays() -> None:
    page = "走失小狗找到了\n昨天小区里一只小狗走失了。\n邻居们一起帮忙寻找。\n小狗很快回家了。\n"
    assert strip(page).text.rstrip().endswith("小狗很快回家了。")


def test_items_under_a_lead_in_between_the_title_and_the_body_stay() -> None:
    # the lead-in (``工作内容：``) heads the run of items under it; the run used to reach back over it
    page = ["行政前台", "发布时间：2024-08-02 公司：某某文化传媒有限公司", "工作内容：",
            "负责来访接待和电话转接", "管理办公用品", "要求形象好，普通话标准。",
            "周末双休，节假日按国家规定执行。"]
    out = [t for t in strip("\n".join(page)).text.splitlines() if t]
    assert out == page
