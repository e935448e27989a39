"""Articles that talk about page furniture (round 10): each rule on both sides."""

from __future__ import annotations

from strip_pages import page, removed, stripped

from cleantext.strip import (
    _dated_headline,
    _exclaimed_title,
    _home_first,
    _licence_named_only,
    strip,
)
from cleantext.strip_rules import disclaimer_strength, make_line, read_line

BYLINE = "2024-05-06 晨报 记者 林木"
P1 = "上个月，一位摄影爱好者发现自己的照片被一家旅游网站用在了首页上，没有署名，也没有付费。"
P2 = "他找到网站客服，对方答复说图片是从网上找来的，可以删掉，但不同意赔偿，双方没有谈拢。"
P3 = "律师表示，未经许可使用他人作品，即便事后删除，也要承担相应的赔偿责任，这一点法律有明确规定。"


# --- quoted furniture ------------------------------------------------------------------------------


def test_line_quoting_a_disclaimer_stays_in_the_body() -> None:
    quoting = "网站在图片下方注明“图片来自网络，版权归原作者所有，如有侵权请联系删除”，以为这样就没事了。"
    kept = stripped("摄影作品被盗用 维权有多难", BYLINE, P1, quoting, P2, P3)
    assert quoting in kept and P2 in kept and P3 in kept


def test_real_disclaimer_with_a_quoted_source_still_goes() -> None:
    footer = "凡本网注明“来源：其他媒体”的作品，均为转载，不代表本网观点，本网不对其真实性负责。"
    article = strip(page("摄影作品被盗用 维权有多难", BYLINE, P1, P2, P3, footer))
    assert footer in removed(article)


def test_quoted_copyright_words_in_a_headline() -> None:
    title = "“版权所有，盗版必究”这句话是怎么来的"
    article = strip(page("书话网", title, BYLINE, P1, P2, "版权所有 盗版必究"))
    assert article.title == title
    assert "版权所有 盗版必究" in removed(article)


def test_licence_named_without_number() -> None:
    assert _licence_named_only(read_line(1, "假冒备案号、盗用公司资质 一家借贷网站被查封"))
    assert not _licence_named_only(read_line(1, "网络文化经营许可证"))
    assert not _licence_named_only(read_line(1, "网站备案号：苏ICP备11002233号"))
    title = "假冒备案号、盗用公司资质 一家借贷网站被查封"
    article = strip(page(title, BYLINE, P1, P2, "苏ICP备11002233号"))
    assert article.title == title
    assert "苏ICP备11002233号" in removed(article)


def test_exclusion_clause_heading_is_not_a_statement_label() -> None:
    assert disclaimer_strength(make_line(1, "免责条款是什么？")) == 0
    statement = "免责条款：本站对所载内容不承担任何法律责任，转载请注明出处。"
    assert disclaimer_strength(make_line(1, statement)) == 2


# --- a page about statements ------------------------------------------------------------------------

HOWTO = (
    "小网站的版权声明怎么写",
    BYLINE,
    "很多小网站的版权声明是照抄来的，写得并不合适，下面说说版权声明一般要写什么。",
    "一、写在哪里",
    "版权声明一般放在页面底部，也可以单独做一页，在页脚放一个链接，方便读者查看。",
    "二、写什么",
)
LISTED = "一般包括：本站内容仅供参考、外部链接不代表本站观点、转载内容版权归原作者、转载请注明出处。"
AFTER = "三、别指望它免责。版权声明写得再全，也不能让侵权变得合法，该赔的还是要赔，这一点要记住。"


def test_statement_listed_between_paragraphs_of_a_page_about_statements_is_kept() -> None:
    kept = stripped(*HOWTO, LISTED, AFTER)
    assert LISTED in kept and AFTER in kept and HOWTO[2] in kept


def test_same_statement_on_a_page_not_about_statements_goes() -> None:
    article = strip(page("摄影作品被盗用 维权有多难", BYLINE, P1, P2, LISTED, "晨报网 版权所有"))
    assert LISTED in removed(article)


def test_labelled_statement_after_a_page_about_statements_goes() -> None:
    footer = "声明：本站内容仅供参考，转载请注明出处。"
    article = strip(page(*HOWTO, LISTED, AFTER, footer))
    assert footer in removed(article)
    assert AFTER not in removed(article)


# --- contacts and menus after the body --------------------------------------------------------------

MUSEUM = (
    "城东博物馆下月起延长开放时间",
    BYLINE,
    "城东博物馆宣布，下月起每周五、周六晚间开放至二十一点，其余时间不变，节假日照常开放。",
    "博物馆新设的城东老街主题展厅也将同步开放，展出老街的旧招牌、老照片和生活用品。",
)


def test_article_phone_under_its_rescued_address_is_kept() -> None:
    kept = stripped(*MUSEUM, "地址：城东老街博物馆路9号", "咨询电话：0571-82345678", "晨报网 版权所有")
    assert "地址：城东老街博物馆路9号" in kept and "咨询电话：0571-82345678" in kept


def test_site_contacts_after_the_body_still_go() -> None:
    article = strip(page(*MUSEUM, "地址：江滨路100号报业大厦", "电话：0571-80000000", "晨报网 版权所有"))
    assert "电话：0571-80000000" in removed(article)


def test_menu_opening_with_home_is_never_rescued() -> None:
    assert _home_first(read_line(1, "首页 | 展览 | 教育 | 参观"))
    assert not _home_first(read_line(1, "首页设计 | 展览 | 教育"))
    redesign = (
        "区政府网站改版上线",
        BYLINE,
        "改版后的网站首页设有“政务公开”“办事服务”“互动交流”三个栏目，办事入口集中在一屏之内。",
        "市民反映的“网站地图打不开”等问题也已修复，老年人还可以切换到大字版本浏览。",
    )
    article = strip(page(*redesign, "网站首页 | 政务公开 | 办事服务 | 互动交流"))
    assert "网站首页 | 政务公开 | 办事服务 | 互动交流" in removed(article)


# --- Q&A of short lines, then a related list --------------------------------------------------------

QA = (
    "驾照过期了怎么办？",
    BYLINE,
    "问：过期多久还能换？",
    "答：一年以内可以直接换证。",
    "问：要考试吗？",
    "答：超过一年要考科目一。",
    "问：去哪里办？",
    "答：车管所或者网上都可以。",
)


def test_related_questions_after_a_short_qa_go() -> None:
    article = strip(page(*QA, "相关问题", "驾照扣分怎么查？", "异地可以换证吗？", "体检去哪里做？"))
    assert "驾照扣分怎么查？" in removed(article) and "体检去哪里做？" in removed(article)
    assert "答：车管所或者网上都可以。" not in removed(article)


def test_short_qa_without_a_related_heading_is_kept_whole() -> None:
    kept = stripped(*QA, "小结", "过期别拖着。", "早办早省心。", "别忘了体检。")
    assert "早办早省心。" in kept and "别忘了体检。" in kept and "答：一年以内可以直接换证。" in kept


# --- titles ------------------------------------------------------------------------------------------


def test_question_then_warning_headline_is_the_title() -> None:
    assert _exclaimed_title(read_line(1, "“刷单返利”？小心上当！"))
    assert not _exclaimed_title(read_line(1, "他问我：去吗？我说：去！"))
    title = "“刷单返利”？小心上当！"
    article = strip(page("平安南城 | 南城公安", "首页 > 警务 > 防骗", title, P1, P2))
    assert article.title == title


def test_headline_with_a_day_over_the_byline_is_the_title() -> None:
    assert _dated_headline(read_line(1, "市体育馆6月1日起免费开放 晚上也能去"))
    assert not _dated_headline(read_line(1, "6月1日 晨报 记者 林木"))
    title = "市体育馆6月1日起免费开放 晚上也能去"
    byline = "发布时间：2024-05-20 来源：区体育局"
    article = strip(page("南城区政府门户网站", "首页 > 通知公告", title, byline, P1, P2))
    assert article.title == title
    assert "南城区政府门户网站" in removed(article)
