"""The strip stage on short pages written for these tests: each label fires, and its near miss is kept."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strip_pages import kept, page, removed

from cleantext import strip_rules as rules
from cleantext.strip import find_site_boilerplate, layout, near_prefix, strip, topic_overlap

TITLE = "小城图书馆的新变化"
BYLINE = "2021-05-06 来源：晨光日报 作者：李明"
P1 = "小城图书馆今年完成了改造，阅览室面积扩大了一倍，每天接待的读者比去年多了三成。"
P2 = "馆长说，图书馆还开设了少儿绘本区和自习区，周末常常一座难求，工作人员也增加了。"
P3 = "不少市民表示，新的图书馆环境安静明亮，已经成为他们周末最喜欢去的地方之一。"
ARTICLE = [TITLE, BYLINE, P1, P2, P3]



def assert_article_kept(article) -> None:
    assert kept(article.text) == ARTICLE
    assert article.title == TITLE
    assert article.byline == BYLINE


# --- clean articles, layout, enabled=False --------------------------------------------------------


def test_clean_article_comes_back_whole():
    article = strip(page(*ARTICLE))
    assert_article_kept(article)
    assert article.removed == ()
    assert article.paragraphs == (P1, P2, P3)


def test_clean_article_without_byline_comes_back_whole():
    article = strip(page(TITLE, P1, P2))
    assert kept(article.text) == [TITLE, P1, P2]
    assert article.title == TITLE
    assert article.byline == ""


def test_poem_with_author_and_short_lines_comes_back_whole():
    poem = ["静夜思", "李白", "床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]
    assert kept(strip(page(*poem)).text) == poem


def test_question_title_is_the_title():
    article = strip(page("图书馆为什么越来越热闹？", P1, P2))
    assert article.title == "图书馆为什么越来越热闹？"
    assert kept(article.text) == ["图书馆为什么越来越热闹？", P1, P2]


def test_layout_strips_indentation_and_separates_lines():
    article = strip("  " + TITLE + "\n\n\u3000\u3000" + P1 + "\n\u00a0\u00a0 " + P2 + "\n\n\n")
    assert article.text == f"{TITLE}\n\n{P1}\n\n{P2}\n"


def test_empty_text_gives_empty_output():
    assert strip("").text == ""
    assert strip("  \n\u3000\n").text == ""
    assert layout([]) == ""


def test_disabled_only_normalises_layout():
    text = page("国产精品_日韩一区_高清视频_在线观看_免费网站", "  " + TITLE, "", "粤ICP备12345678号")
    article = strip(text, enabled=False)
    assert kept(article.text) == ["国产精品_日韩一区_高清视频_在线观看_免费网站", TITLE, "粤ICP备12345678号"]
    assert article.removed == ()


def test_short_sub_heads_inside_the_body_are_kept():
    article = strip(page(TITLE, P1, "从改造到服务,读者至上", P2, "一老一少,各有所得", P3))
    assert kept(article.text) == [TITLE, P1, "从改造到服务,读者至上", P2, "一老一少,各有所得", P3]


def test_page_of_furniture_only_is_empty_with_a_warning():
    article = strip(
        page(
            "九九热精品_国产高清_日韩一区_福利影院_在线观看_免费视频",
            "网站首页 | 关于我们 | 联系方式 | 网站地图",
            "Copyright © 2010-2020 某某网 All Rights Reserved",
            "京ICP备12345678号",
        )
    )
    assert article.text == ""
    assert article.warnings and "no article" in article.warnings[0]


def test_removed_lines_carry_input_line_numbers_and_steps_count_them():
    article = strip(
        page(
            "国产精品_日韩一区_高清视频_在线观看_免费网站",
            "",
            *ARTICLE,
            "京ICP备12345678号",
            "沪公网安备 31010502000001号",
        )
    )
    assert [(r.line_no, r.label) for r in article.removed] == [
        (1, "seo-header"),
        (8, "licence"),
        (9, "licence"),
    ]
    steps = {s.name: s.count for s in article.steps}
    assert steps == {"drop_seo-header": 1, "drop_licence": 2}


# --- header labels ----------------------------------------------------------------------------------


def test_seo_header_dropped_and_title_found_after_it():
    article = strip(page("澳门博彩_真人娱乐平台_百家乐开户_时时彩官网_老虎机下载", "?", *ARTICLE))
    assert removed(article, "seo-header") == ["澳门博彩_真人娱乐平台_百家乐开户_时时彩官网_老虎机下载"]
    assert removed(article, "debris") == ["?"]
    assert_article_kept(article)


def test_keyword_title_of_a_clean_article_is_not_an_seo_header():
    article = strip(page("Panel_on_Climate_Change_Report", P1, P2))
    assert kept(article.text) == ["Panel_on_Climate_Change_Report", P1, P2]


def test_empty_injected_tags_dropped():
    article = strip(page('•<span id="a1b2c"></span>', '1.<meter id="x9y8z"></meter>', *ARTICLE))
    assert len(removed(article, "empty-tag")) == 2
    assert_article_kept(article)


def test_breadcrumbs_dropped():
    for crumb in ("首页 > 新闻中心 > 正文", "当前位置：首页 > 文化", "您现在的位置：首页 >> 本地新闻"):
        article = strip(page(crumb, *ARTICLE))
        assert removed(article, "breadcrumb") == [crumb]
        assert_article_kept(article)


def test_arrow_inside_a_title_is_not_a_breadcrumb():
    article = strip(page("从小城>大城的距离", P1, P2))
    assert kept(article.text) == ["从小城>大城的距离", P1, P2]


def test_counters_dropped():
    for counter in ("163", "阅读:163", "阅读(905) 评论(1) 编辑 收藏 引用", "浏览次数：2048", "1024人已阅读"):
        article = strip(page(TITLE, BYLINE, counter, P1, P2, P3))
        assert removed(article, "counter") == [counter], counter
        assert_article_kept(article)


def test_number_with_unit_inside_the_body_is_kept():
    article = strip(page(TITLE, P1, "2019年", P2))
    assert "2019年" in kept(article.text)


def test_summary_duplicate_dropped_and_paragraph_kept_whole():
    for label in ("核心提示：", "导读:", "【摘要】"):
        article = strip(page(TITLE, BYLINE, label + P1[:25], P1, P2, P3))
        assert removed(article, "summary-duplicate") == [label + P1[:25]]
        assert_article_kept(article)


def test_summary_glued_to_its_paragraph_is_cut_off():
    article = strip(page(TITLE, BYLINE, "核心提示：" + P1[:22] + "  " + P1, P2, P3))
    assert_article_kept(article)
    assert removed(article, "summary-duplicate") == ["核心提示：" + P1[:22]]


def test_real_abstract_is_kept():
    abstract = "摘要：本文介绍一座小城图书馆改造前后的变化，并讨论公共文化服务的新做法。"
    article = strip(page(TITLE, "作者：李明 王芳", abstract, "关键词：图书馆；公共服务", P1, P2))
    assert kept(article.text) == [TITLE, "作者：李明 王芳", abstract, "关键词：图书馆；公共服务", P1, P2]
    assert article.byline == "作者：李明 王芳"


def test_lead_repeated_after_a_category_line_dropped():
    article = strip(page(TITLE, BYLINE, "城市生活", P1, P1, P2, P3))
    assert removed(article, "category") == ["城市生活"]
    assert removed(article, "summary-duplicate")
    assert_article_kept(article)


def test_title_prefix_of_the_first_paragraph_is_kept():
    title = "小城图书馆今年完成了改造"
    article = strip(page(title, P1, P2))
    assert kept(article.text) == [title, P1, P2]


def test_greeting_and_site_name_before_the_title_dropped():
    article = strip(page("晨光网 欢迎您", "晨光在线", TITLE, BYLINE, P1, P2, P3))
    assert removed(article, "widget") == ["晨光网 欢迎您"]
    assert removed(article, "header") == ["晨光在线"]
    assert_article_kept(article)


def test_title_chosen_by_the_words_it_shares_with_the_body():
    article = strip(page("晨光在线", "首页 · 要闻 · 评论 · 图片", "小城图书馆", P1, P2, P3))
    assert article.title == "小城图书馆"
    assert "晨光在线" not in article.text


def test_placeholders_dropped():
    article = strip(page(TITLE, P1, "[[406999]]", P2, "[图片]"))
    assert len(removed(article, "placeholder")) == 2
    assert kept(article.text) == [TITLE, P1, P2]


def test_citation_mark_is_not_a_placeholder():
    article = strip(page(TITLE, P1, "[1]", P2))
    assert "[1]" in kept(article.text)


def test_doc_sharing_stubs_dropped():
    article = strip(page(TITLE + "_第1页", "文档简介", TITLE, P1, P2, "已阅读5页,还剩30页未读", "下载本文档"))
    assert len(removed(article, "doc-stub")) == 4
    assert kept(article.text) == [TITLE, P1, P2]


def test_forum_profile_lines_dropped():
    article = strip(
        page(TITLE, "楼主", "发表于 2012-5-3 10:12 | 只看该作者", P1, P2, "积分 1234", "回复 引用 举报 TOP")
    )
    assert "积分 1234" in removed(article, "forum-profile")
    assert kept(article.text) == [TITLE, "发表于 2012-5-3 10:12 | 只看该作者", P1, P2]


def test_blog_menu_dropped():
    article = strip(page("首页 :: 新随笔 :: 联系 :: 聚合 :: 管理", *ARTICLE))
    assert removed(article, "nav") == ["首页 :: 新随笔 :: 联系 :: 聚合 :: 管理"]
    assert_article_kept(article)


# --- footer labels ----------------------------------------------------------------------------------


def test_disclaimer_dropped():
    notice = "网站声明：本网部分文章来源于其他网站，版权归原作者所有，如有侵权请与我们联系，我们将尽快删除。"
    article = strip(page(*ARTICLE, notice))
    assert removed(article, "disclaimer") == [notice]
    assert_article_kept(article)


def test_disclaimer_in_other_words_dropped_at_the_body_edge():
    notice = "本站文章均转载自互联网，仅供学习交流，如有侵权请联系我们删除。"
    article = strip(page(*ARTICLE, notice))
    assert removed(article, "disclaimer") == [notice]


def test_unsigned_notice_dropped_and_slash_menu_dropped():
    notice = "文章来源于网络，版权归原作者所有，如有侵权请联系删除。"
    menu = "关于我们 / 联系我们 / 网站地图 / 广告服务"
    article = strip(page(*ARTICLE, menu, notice))
    assert removed(article, "disclaimer") == [notice]
    assert removed(article, "nav") == [menu]
    assert_article_kept(article)


def test_article_sentence_about_copyright_is_kept():
    line = "该公司随后发表声明，表示已就侵权行为追究法律责任，并要求对方删除相关内容。"
    article = strip(page(TITLE, P1, line, P2))
    assert line in kept(article.text)


def test_related_block_dropped():
    article = strip(
        page(*ARTICLE, "相关阅读", "湖边的早市", "老街换新颜", "上一篇：秋天的稻田", "下一篇：山里的学校")
    )
    assert removed(article, "related-block") == [
        "相关阅读",
        "湖边的早市",
        "老街换新颜",
        "上一篇：秋天的稻田",
        "下一篇：山里的学校",
    ]
    assert_article_kept(article)


def test_related_titles_under_an_unknown_block_title_dropped():
    article = strip(page(*ARTICLE, "看过的人还在看", "湖边的早市", "老街换新颜", "山里的学校"))
    assert len(removed(article, "related-block")) == 4
    assert_article_kept(article)


def test_lone_short_line_right_after_the_body_is_kept():
    article = strip(page(TITLE, P1, P2, "其余内容待补充", "京ICP备12345678号"))
    assert kept(article.text) == [TITLE, P1, P2, "其余内容待补充"]


def test_references_after_the_body_are_kept():
    ref = "[1] 李明. 小城图书馆研究[J]. 图书馆学刊, 2020(3): 1-9."
    article = strip(page(TITLE, P1, P2, "参考文献", ref))
    assert kept(article.text) == [TITLE, P1, P2, "参考文献", ref]


def test_nav_bar_dropped_even_with_pinyin_leftovers():
    bar = " \u00a0|\u00a0 "
    nav = bar.join(["网站首页", "关于我们", "联(lián)系方式", "网站地图", "工信部京ICP备05102027号"])
    article = strip(page(*ARTICLE, nav))
    assert removed(article, "nav") == [nav.strip()]
    assert_article_kept(article)


def test_pipe_table_row_inside_the_body_is_kept():
    article = strip(page(TITLE, P1, "北京 | 上海 | 广州 | 深圳", P2))
    assert "北京 | 上海 | 广州 | 深圳" in kept(article.text)


def test_licence_and_copyright_lines_dropped():
    lines = [
        "粤公网安备 44040202001354号",
        "增值电信业务经营许可证：B2-20090001",
        "Copyright © 2003-2020 晨光网 All Rights Reserved",
        "©2024 晨光网 版权所有",
        "Powered by Example CMS",
    ]
    article = strip(page(*ARTICLE, *lines))
    assert len(removed(article, "licence")) == 2
    assert len(removed(article, "copyright")) == 3
    assert_article_kept(article)


def test_sentence_mentioning_icp_or_copyright_is_kept():
    a = "该公司于2005年取得ICP备案，此后业务迅速扩张，成为本地最大的网站之一。"
    b = "他认为这本书的版权所有者应当是出版社，而不是作者本人。"
    article = strip(page(TITLE, P1, a, b, P2))
    assert kept(article.text) == [TITLE, P1, a, b, P2]


def test_spider_pool_dropped():
    pool = "主站蜘蛛池模板: " + " | ".join(f"关键词{c}号" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯") + " |"
    article = strip(page(*ARTICLE, pool))
    assert removed(article, "spider-pool") == [pool]
    assert_article_kept(article)


def test_space_separated_keyword_pool_dropped_after_the_body():
    pool = "热门搜索：" + " ".join(f"词语{c}" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳")
    article = strip(page(*ARTICLE, pool))
    # (its label, 热门搜索, also opens a related list: either kind says what it is)
    assert [(r.text, r.label in ("spider-pool", "related-block")) for r in article.removed] == [(pool, True)]


def test_widgets_dropped():
    widgets = ["【字体：大 中 小】【打印本页】【关闭窗口】", "分享到：", "责任编辑：王芳"]
    article = strip(page(TITLE, BYLINE, widgets[0], P1, P2, P3, *widgets[1:]))
    assert removed(article, "widget") == widgets
    assert_article_kept(article)


def test_word_starting_like_a_widget_is_kept():
    article = strip(page("收藏家的故事", P1, P2))
    assert kept(article.text) == ["收藏家的故事", P1, P2]


def test_contact_line_in_the_footer_dropped_but_article_address_kept():
    contact = "地址：江城市解放路1号 电话：027-12345678"
    article = strip(page(*ARTICLE, "网站首页 | 关于我们 | 联系我们", contact))
    assert removed(article, "contact") == [contact]
    own = "地址：小城图书馆位于解放路1号，电话：027-12345678"
    article = strip(page(TITLE, P1, P2, own))
    assert kept(article.text)[-1] == own


def test_tag_line_dropped_but_keyword_line_kept():
    article = strip(page(*ARTICLE, "标签：图书馆 阅读"))
    assert removed(article, "category") == ["标签：图书馆 阅读"]


def test_prose_beyond_the_footer_is_dropped():
    tail = "本站提醒：投资理财需谨慎，市场有风险，请理性看待网络上的各类信息。"
    article = strip(page(*ARTICLE, "京ICP备12345678号", tail))
    assert removed(article, "outside-body") == [tail]
    assert_article_kept(article)


def test_traditional_page_furniture_is_recognised():
    article = strip(
        page(
            "網站首頁 | 關於我們 | 聯繫方式 | 網站地圖",
            "小城圖書館",
            "小城圖書館今年完成了改造，閱覽室面積擴大了一倍。",
            "網站聲明：本網部分文章來源於其他網站，版權歸原作者所有，如有侵權請聯繫刪除。",
        )
    )
    assert kept(article.text) == ["小城圖書館", "小城圖書館今年完成了改造，閱覽室面積擴大了一倍。"]


# --- batch ------------------------------------------------------------------------------------------


def test_site_boilerplate_found_across_a_batch_and_dropped_outside_the_body():
    docs = [
        page(
            f"第{k}篇标题", f"第{k}篇的正文，讲的是一件很普通的小事，但是写得很认真。", "晨光网提醒您注意安全"
        )
        for k in range(5)
    ]
    found = find_site_boilerplate(docs, min_share=0.6)
    assert found == {"晨光网提醒您注意安全"}
    article = strip(docs[0], site_boilerplate=found)
    assert removed(article, "site-boilerplate") == ["晨光网提醒您注意安全"]
    assert kept(strip(docs[0]).text)[-1] == "晨光网提醒您注意安全"


def test_site_boilerplate_inside_the_body_is_kept():
    found = {"一老一少,各有所得"}
    article = strip(page(TITLE, P1, "一老一少,各有所得", P2), site_boilerplate=found)
    assert "一老一少,各有所得" in kept(article.text)


# --- helpers ----------------------------------------------------------------------------------------


def test_near_prefix_fires_on_cut_copies_only():
    assert near_prefix(P1[:20], P1)
    assert near_prefix(P1[:20] + "……", P1)
    assert not near_prefix(P2[:20], P1)


def test_topic_overlap():
    assert topic_overlap("图书馆", P1) == 1.0
    assert topic_overlap("晨光在线", P1) == 0.0


SENTENCE = st.text(
    alphabet="图书馆读者市民城里新旧书本阅览工作人员周末安静明亮地方", min_size=8, max_size=40
).map(lambda s: s + "。")


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(alphabet="图书馆读者城新旧书本阅览", min_size=1, max_size=16),
    paragraphs=st.lists(
        st.lists(SENTENCE, min_size=1, max_size=4).map("".join), min_size=1, max_size=6, unique=True
    ),
)
def test_any_clean_article_comes_back_whole(title, paragraphs):
    # (unique: the same paragraph twice in a row at the top reads as a repeated lead and loses one copy;
    # a title made only of furniture words, such as "阅读", is a widget by design wherever it stands)
    assume(rules.furniture(rules.make_line(1, title)) is None)
    article = strip(page(title, *paragraphs))
    assert kept(article.text) == [title, *paragraphs]


# --- fast paths: the same answers as the slow ones ------------------------------------------------

_COMPAT_MIX = "，：（）；！？～％．\u00a0\u3000－…／Ａｂ１２℃²Ⅱ㎞﹑\u0301\u0308ﾊﾞ가각子ae "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_COMPAT_MIX), max_size=20))
def test_fast_nfkc_equals_unicodedata(text):
    import unicodedata

    from cleantext.strip_rules import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_fast_nfkc_composes_a_freed_letter_with_its_accent():
    from cleantext.strip_rules import nfkc

    # "Ａ" becomes "A" and then takes the accent: the full pass must still run.
    assert nfkc("Ａ\u0301，") == "Á,"


def test_keyword_list_fires_from_twelve_runs_only():
    from cleantext.strip_rules import keyword_list, make_line

    twelve = "_".join(["关键词语"] * 12)
    assert keyword_list(make_line(1, twelve)) == "keyword_list"
    assert keyword_list(make_line(1, "_".join(["关键词语"] * 11))) is None
    assert keyword_list(make_line(1, "热门：" + " ".join(["关键词语"] * 12))) == "keyword_list"
    assert keyword_list(make_line(1, "热门：" + " ".join(["关键词语"] * 11))) is None


def test_memoised_line_reads_like_a_fresh_one():
    from cleantext.strip_rules import clear_memo, make_line, read_line

    clear_memo()
    first = read_line(3, "  网站首页 | 关于我们 | 联系我们 | 网站地图")
    again = read_line(9, "网站首页 | 关于我们 | 联系我们 | 网站地图")
    assert first.hard == again.hard == ("nav", "pipe_menu")
    assert (first.no, again.no) == (3, 9)
    assert first is not again
    fresh = make_line(9, "网站首页 | 关于我们 | 联系我们 | 网站地图")
    assert (again.size, again.wide, again.stops, again.core) == (
        fresh.size,
        fresh.wide,
        fresh.stops,
        fresh.core,
    )


def test_article_records_equal_and_pickle_like_constructed_ones():
    import pickle

    from cleantext.result import Removed, Step

    article = strip(page("网站首页 | 关于我们 | 联系我们 | 网站地图", *ARTICLE, "粤ICP备12345678号"))
    assert article.removed[0] == Removed(1, "网站首页 | 关于我们 | 联系我们 | 网站地图", "nav", "pipe_menu")
    assert article.steps[0] == Step(
        "strip", "drop_nav", 1, before=article.removed[0].text, detail="pipe_menu"
    )
    assert hash(article.removed[0]) == hash(
        Removed(*pickle.loads(pickle.dumps(article.removed[0])).__dict__.values())
    )
    assert pickle.loads(pickle.dumps(article)) == article


# --- rules added for the second held-out set -----------------------------------------------------


def test_short_question_titles_after_a_block_title_are_dropped():
    related = ["图书馆怎么办证？", "绘本区几点开门？", "自习区要预约吗？"]
    article = strip(page(*ARTICLE, "相关问题", *related))
    assert_article_kept(article)
    assert set(related) <= set(removed(article, "related-block"))


def test_short_questions_closing_the_article_are_kept():
    ending = ["“真的吗？”", "“当然！”", "“那周末见。”"]  # dialogue: opens with a quote
    assert kept(strip(page(*ARTICLE, "后记", *ending)).text) == [*ARTICLE, "后记", *ending]
    two = ["图书馆怎么办证？", "绘本区几点开门？"]  # two short questions are too few to be a list
    assert kept(strip(page(*ARTICLE, "问答", *two)).text) == [*ARTICLE, "问答", *two]


def test_sentence_without_full_stop_after_a_sub_head_is_kept():
    tail = ["三、结语", "总的来看，这座图书馆还有不少可以改进的地方"]
    article = strip(page(*ARTICLE, *tail, "热门文章", "某地新开一家书店", "某馆举办读书节"))
    assert kept(article.text) == [*ARTICLE, *tail]


def test_numbered_outline_after_the_body_is_kept_but_unnumbered_list_dropped():
    outline = ["二、要点", "1. 借阅的规则", "2. 开放的时间"]
    assert kept(strip(page(*ARTICLE, *outline)).text) == [*ARTICLE, *outline]
    titles = ["某地新开一家书店", "某馆举办读书节", "某校图书角落成"]
    assert kept(strip(page(*ARTICLE, *titles)).text) == ARTICLE


def test_closing_notes_in_brackets_are_kept_and_editor_dropped():
    article = strip(page(*ARTICLE, "（记者 李明）", "（完）", "责任编辑：王芳"))
    assert kept(article.text) == [*ARTICLE, "（记者 李明）", "（完）"]
    assert removed(article, "widget") == ["责任编辑：王芳"]


def test_site_opinion_notice_without_legal_words_is_a_disclaimer():
    article = strip(page(*ARTICLE, "本文仅代表作者观点，不代表本站立场"))
    assert_article_kept(article)
    assert removed(article, "disclaimer") == ["本文仅代表作者观点，不代表本站立场"]
    quoted = "他说，这只代表他个人的观点和立场。"
    assert kept(strip(page(*ARTICLE, quoted)).text) == [*ARTICLE, quoted]


def test_enumeration_comma_keyword_pool_dropped_but_listing_sentence_kept():
    pool = "、".join(["娱乐平台", "线上开户", "快速提现", "注册送金"] * 4)
    article = strip(page(*ARTICLE, pool))
    assert_article_kept(article)
    assert removed(article, "spider-pool") == [pool]
    listing = "馆里的藏书有小说、散文、诗歌、历史、地理、科普、艺术、哲学、经济、法律、医学、农业、军事等类"
    assert kept(strip(page(TITLE, P1, listing, P2)).text) == [TITLE, P1, listing, P2]


def test_counted_items_and_edit_stamps_dropped_outside_the_body():
    article = strip(page(TITLE, "34 个回答", P1, P2, "编辑于 2021-05-06"))
    assert kept(article.text) == [TITLE, P1, P2]
    three = "3个建议"  # a count inside the body is the article's
    assert kept(strip(page(TITLE, P1, three, P2)).text) == [TITLE, P1, three, P2]


def test_contents_entries_before_the_body_dropped_but_sub_heads_kept():
    article = strip(page(TITLE, "目录", "1 改造", "2 新区", P1, P2))
    assert kept(article.text) == [TITLE, P1, P2]
    assert removed(article, "contents") == ["1 改造", "2 新区"]
    assert kept(strip(page(TITLE, "1 改造", P1, P2)).text) == [TITLE, "1 改造", P1, P2]


def test_sub_head_sharing_a_word_with_the_body_does_not_take_the_title():
    for head in ("改造", "1 改造"):
        article = strip(page(TITLE, head, P1, P2))
        assert article.title == TITLE
        assert kept(article.text) == [TITLE, head, P1, P2]
    site = strip(page("南山信息港", "图书馆", P1, P2))  # a site name before a short title: not the title
    assert site.title == "图书馆"


# --- cues: the rules a line cannot trigger are skipped, with the same labels ---------------------


def _classify_with_every_rule(line: rules.Line) -> None:
    """The labels as the rule chain gives them when no rule is skipped (the reference)."""
    size = line.size
    if size > 200:
        rules.classify(line)
        return
    for label, rule, limit, fires_with_stops in rules.HARD_RULES:
        if size <= limit and (fires_with_stops or not line.stops):
            name = rule(line)
            if name:
                line.hard = (label, name)
                break
    strength = rules.disclaimer_strength(line)
    line.disclaimer = strength >= 1
    if line.hard is None and strength == 2:
        line.hard = ("disclaimer", "statement_about_rights")
    if line.hard is None and not line.core:
        for label, rule, limit in rules.SOFT_RULES:
            if size <= limit:
                name = rule(line)
                if name:
                    line.soft = (label, name)
                    break


def _labels(text: str, classify) -> tuple:
    line = rules.make_line(1, text)
    classify(line)
    return line.hard, line.soft, line.disclaimer


def test_line_cues_find_separators_and_not_plain_words():
    assert rules.line_cues(rules.make_line(1, "北京 | 上海 | 广州")) & rules.CUE_PIPE
    assert rules.line_cues(rules.make_line(1, "阅读(905) 评论(1)")) & rules.CUE_DIGIT
    assert rules.line_cues(rules.make_line(1, "首页 > 新闻 > 正文")) & rules.CUE_TRAIL
    assert rules.line_cues(rules.make_line(1, "栏目：要闻")) & rules.CUE_COLON
    assert rules.line_cues(rules.make_line(1, "？？")) & rules.CUE_NO_HAN
    assert rules.line_cues(rules.make_line(1, "小城图书馆的新变化")) == 0


def test_a_colon_made_by_nfkc_still_counts_as_a_colon():
    # "﹕" (small colon) becomes ":" only in the probe: the cue must look there.
    line = rules.make_line(1, "标签﹕石油 矿区")
    assert rules.line_cues(line) & rules.CUE_COLON
    assert _labels("标签﹕石油 矿区", rules.classify) == _labels("标签：石油 矿区", rules.classify)


SAMPLES = [
    "网站首页 | 关于我们 | 联系方式 | 网站地图",
    "北京 | 上海 | 广州 | 深圳",
    "首页 :: 新随笔 :: 联系 :: 聚合 :: 管理",
    "粤ICP备12345678号",
    "Copyright © 2011-2020 某某网 All Rights Reserved",
    "首页 > 新闻中心 > 正文",
    "您现在的位置：首页",
    "下一篇：津蓟铁路",
    "已阅读5页,还剩30页未读",
    "阅读(905) 评论(1) 编辑 收藏 引用",
    "【字体：大 中 小】【打印本页】【关闭窗口】",
    "石化能源网 欢迎您",
    "60",
    "34 个回答",
    "标签：石油 矿区",
    "地址：北京市东城区某街1号 电话：010-12345678",
    "发表于 2012-5-3 10:12 | 只看该作者",
    "本文链接：https://blog.example.com/a/1",
    "推荐图文",
    "[[406999]]",
    '1.<meter id="a1b2c"></meter>',
    "?",
    "声明：本站文章来自网络，如有侵权请联系删除。",
    TITLE,
    BYLINE,
    P1,
]


def test_cue_dispatch_gives_the_labels_of_the_full_rule_chain_on_known_lines():
    for text in SAMPLES:
        assert _labels(text, rules.classify) == _labels(text, _classify_with_every_rule), text
    # ...and the samples do exercise the rules: most of them get a label.
    assert sum(1 for text in SAMPLES if any(_labels(text, rules.classify)[:2])) >= 20


_PIECES = st.sampled_from(
    list("|｜<>»›→/:：﹕，。、_-·•[]【】()（）1２#@ 　\t")
    + [
        "  ",
        "-",
        "::",
        "www.",
        "ICP备",
        "版权所有",
        "首页",
        "网站首页",
        "关于我们",
        "下一篇",
        "阅读",
        "评论",
        "标签",
        "电话",
        "发表于",
        "欢迎您",
    ]
    + [
        "推荐",
        "打印",
        "声明",
        "侵权",
        "本站",
        "Copyright",
        "第1页",
        "楼主",
        "聯繫",
        "網站",
        "图书馆",
        "新变化",
        "李明",
        "abc",
        " - ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=10))
def test_cue_dispatch_gives_the_labels_of_the_full_rule_chain(pieces):
    text = "".join(pieces).strip(rules._EDGE_SPACE)
    if text:
        assert _labels(text, rules.classify) == _labels(text, _classify_with_every_rule)


def test_lazy_regex_held_outside_the_module_compiles_once_and_answers():
    holder = {"digits": rules.lazy_regex(r"\d+")}
    assert holder["digits"].findall("a1b22") == ["1", "22"]
    assert holder["digits"].search("x") is None
    assert holder["digits"].pattern == r"\d+"


def test_a_labelled_list_of_related_articles_is_dropped():
    from cleantext.strip_rules import make_line, related_list

    for text in ("相关新闻：高铁票价调整 | 连假交通攻略", "延伸阅读: 春运购票指南",
                 "相關新聞：高鐵票價調整 | 連假交通攻略", "热门文章 春运购票指南 高铁票价调整"):
        assert related_list(make_line(1, text)) == "related_article_list", text
    for text in ("相关研究表明，这种鱼的寿命很长。", "相关新闻", "延伸阅读的习惯让他受益匪浅"):
        assert related_list(make_line(1, text)) is None, text
    body = "为了因应连假人潮，高铁公司宣布将加开多班列车。"
    page = f"高铁新增班次\n\n{body}\n\n相关新闻：高铁票价调整 | 连假交通攻略\n"
    article = strip(page)
    assert article.paragraphs == (body,)
    assert any(r.rule == "related_article_list" for r in article.removed)


def test_a_question_title_after_a_dropped_trail_is_the_title():
    title, body = "新买的手机电池不耐用怎么办？", "用了一个星期，电池掉电特别快，一天要充两次电。"
    article = strip(f"论坛首页 › 数码产品 › 手机讨论区\n{title}\n{body}\n")
    assert (article.title, article.paragraphs) == (title, (body,))


def test_shop_buttons_after_the_article_are_furniture():
    body = "这款电饭煲采用球釜内胆，受热均匀，煮出的米饭香甜可口，支持预约功能。"
    article = strip(f"美的智能电饭煲\n{body}\n加入购物车 立即购买\n")
    assert article.paragraphs == (body,)
    kept = strip(f"美的智能电饭煲\n{body}\n他回复说：收藏了，下次再买。\n")
    assert kept.paragraphs[-1] == "他回复说：收藏了，下次再买。"


def test_a_notice_keeps_its_issuer_and_date():
    body = ["各区县林业局：", "为切实做好今年春季森林防火工作，现将有关事项通知如下：",
            "一、提高思想认识。各地要充分认识森林防火工作的重要性。"]
    title, signature = "关于做好春季森林防火工作的通知", ["市林业局", "2023年2月20日"]
    page = "\n".join([title, *body, *signature, "【打印本页】【关闭窗口】"])
    assert strip(page).paragraphs == (*body, *signature)
    listed = "\n".join([title, *body, "相关阅读", "森林防火知识问答", "春季防火倡议书"])
    assert strip(listed).paragraphs == tuple(body)
