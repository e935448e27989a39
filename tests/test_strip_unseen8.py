"""Strip stage on articles made of short lines: none of their lines may be taken for furniture."""

from __future__ import annotations

from strip_pages import stripped

from cleantext import strip as S
from cleantext import strip_rules as R

# --- a comment under a review of short lines is not the body ---------------------------------------

SHORT_REVIEW = ["这本书很薄。", "作者是一位气象学家。", "他用家常话讲云和雨。", "书里没有一个公式。",
                "孩子也能读懂。"]


def test_short_line_review_beats_longer_comment_under_comment_heading() -> None:
    page = ["一本讲天气的小书", "2024-03-01 书评人：程远", *SHORT_REVIEW, "网友评论", "山间小路 2024-03-02",
            "买给孩子看了，孩子特别喜欢，每天放学回家都要翻几页，还说长大以后要去气象台工作呢。",
            "回复 点赞(5)", "晚风 2024-03-03",
            "同意楼上，我家孩子看完以后天天盯住天空看云，还把书借给了同学，老师也推荐全班一起读。",
            "回复 点赞(2)"]
    kept = stripped(*page)
    assert kept[2:7] == SHORT_REVIEW
    assert not any("孩子特别喜欢" in t for t in kept)


def test_article_below_tiny_line_and_comment_heading_still_wins() -> None:
    ml = R.read_line
    page = [ml(1, "好。"), ml(2, "网友评论"),
            ml(3, "这是一段很长的正文，讲述了小镇十年来的变化和居民的生活。")]
    clusters = [[0], [2]]
    assert S._before_comments(page, clusters, 1) == clusters  # too little above: all runs compete


# --- the trail's last crumb names the title ---------------------------------------------------------


def test_notice_title_under_trail_wins_over_site_name() -> None:
    page = ["城南公交公司 官方网站", "首页 > 乘客服务 > 失物招领", "失物招领启事",
            "5月9日在18路车厢内拾到蓝色雨伞一把。", "请失主携带身份证到总站调度室认领。"]
    kept = stripped(*page)
    assert kept[0] == "失物招领启事"
    assert "城南公交公司 官方网站" not in kept


def test_crumb_tie_break_needs_the_heading_to_repeat_the_trail() -> None:
    ml = R.read_line
    page = [ml(1, "城南公交公司 官方网站"), ml(2, "首页 > 乘客服务 > 失物招领"), ml(3, "温馨提示")]
    assert not S._crumb_named(page, 1, [0, 2])


# --- an uploader's byline under the title -----------------------------------------------------------


def test_uploader_byline_under_title_is_kept() -> None:
    page = ["凉拌黄瓜的做法", "2024-05-02 美食坊 上传者：阿青", "夏天最爽口的一道凉菜。",
            "黄瓜拍碎后切段，加蒜末、醋和香油拌匀即可。"]
    assert stripped(*page)[:2] == ["凉拌黄瓜的做法", "2024-05-02 美食坊 上传者：阿青"]


def test_uploader_stub_away_from_title_is_dropped() -> None:
    ml = R.read_line
    page = [ml(1, "凉拌黄瓜的做法"), ml(2, "美食坊"), ml(3, "上传者：阿青 2024-05-02")]
    page[2].hard = ("doc-stub", "document_site_stub")
    assert S._stub_off_title(page, 2, 0)


# --- a press release's own contact block ------------------------------------------------------------

RELEASE = ["青禾科技发布新款家用净水器", "2024-08-01 来源：青禾科技",
           "青禾科技今日发布新款家用净水器，滤芯寿命延长至三年。", "新品将于下月在各大电商平台上市。"]


def test_release_contact_block_with_bare_name_is_kept() -> None:
    contact = ["媒体联系：", "韩雪", "电话：021-61234567", "邮箱：media@qinghe-tech.com"]
    kept = stripped(*[*RELEASE, *contact, "免责声明：本文由企业提供，本站不对内容负责。"])
    assert kept[-4:] == contact


def test_label_over_bare_name_without_contact_is_not_a_contact_block() -> None:
    ml = R.read_line
    assert not S._named_contact_head(ml(1, "热门推荐："), ml(2, "韩雪"), [ml(3, "净水器怎么选")])
    assert not S._named_contact_head(ml(1, "媒体联系："), ml(2, "青禾科技有限公司宣传部"),
                                     [ml(3, "电话：021-61234567")])
