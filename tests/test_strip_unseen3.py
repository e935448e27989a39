"""The strip stage on a third round of layouts: bilingual news, journal abstracts, lyrics and forum posts
written a clause a line, articles split over pages, comment sections, related boxes inside the body,
letters to a government with their tracking fields. Every page here is written for these tests."""

from __future__ import annotations

from strip_pages import kept, page, removed

from cleantext import strip_rules as rules
from cleantext.strip import _RECORD_FIELD, strip

SEO = "精品资讯网_热点新闻_生活百科_娱乐八卦_体育快讯_财经要闻"
TITLE = "老城区十条背街小巷完成改造"
BYLINE = "2023-09-12 来源：江城日报"
P1 = "经过半年施工，老城区十条背街小巷的路面、排水和照明设施全部完成改造，居民出行更加方便。"
P2 = "改造中，施工单位保留了老街原有的石板路和骑楼，新增了休息座椅和无障碍坡道。"
P3 = "下一步，城区还将对另外八条小巷进行改造，预计明年年底前完工。"
FOOT = "江城新闻网 版权所有 赣ICP备12345678号"



# --- English prose is not a keyword list -------------------------------------------------------------

ENGLISH = "The city has finished rebuilding ten old lanes and residents say getting around is much easier."


def test_english_paragraph_of_a_bilingual_page_is_kept():
    article = strip(page(SEO, TITLE, BYLINE, ENGLISH, P1, P2, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, ENGLISH, P1, P2]


def test_english_keyword_spam_is_still_a_keyword_list():
    spam = "free movies hot videos live cams adult chat online casino best slots xxx tube sex cams porn"
    assert rules.keyword_list(rules.make_line(1, spam)) == "keyword_list"
    assert rules.english_sentence(rules.make_line(1, ENGLISH))
    assert not rules.english_sentence(rules.make_line(1, spam))


# --- a journal article's authors with affiliation numbers ---------------------------------------------


def test_paper_authors_with_numbers_are_its_byline_and_the_title_stays():
    title = "稻田养蟹对土壤肥力的影响"
    abstract = "摘要：本研究比较了稻田养蟹和常规种植两种模式下土壤肥力的变化，结果表明养蟹提高了有机质含量。"
    keywords = "关键词：稻田养蟹；土壤肥力；有机质"
    bio = "作者简介：周明远（1988—），男，硕士，主要从事稻田生态研究。"
    article = strip(page("期刊网_论文下载", title, "周明远1，陈晓2", abstract, keywords, bio))
    assert article.title == title
    assert article.byline == "周明远1，陈晓2"
    assert kept(article.text) == [title, "周明远1，陈晓2", abstract, keywords, bio]


def test_names_without_numbers_are_not_an_author_list():
    assert rules.byline_like(rules.make_line(1, "王五1,2* 赵六2"))
    assert not rules.byline_like(rules.make_line(1, "周明远 陈晓"))
    assert not rules.byline_like(rules.make_line(1, "周明远1"))


# --- closing marks and the article's own glossary after the body ------------------------------------------


def test_bare_end_mark_after_the_body_is_kept():
    article = strip(page(TITLE, BYLINE, P1, P2, "完", "本地要闻", "城东新建两座口袋公园", FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, "完"]


def test_glossary_under_a_bracketed_heading_is_kept():
    glossary = ["【词汇】", "back lane 背街小巷", "arcade 骑楼，廊道"]
    article = strip(page(TITLE, BYLINE, P1, P2, *glossary, "相关阅读", "城东新建两座口袋公园", FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, *glossary]


def test_labelled_bracketed_block_title_still_takes_its_list():
    related = ["【相关阅读】", "城东新建两座口袋公园", "城西菜市场完成升级"]
    article = strip(page(TITLE, BYLINE, P1, P2, *related, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


# --- lines written a clause a line -----------------------------------------------------------------


def test_song_lines_after_the_title_are_kept():
    song = ["小河弯弯绕过村庄", "村口站着我的爷爷", "他的烟斗冒着青烟", "望着远处的山岗"]
    more = "这首歌写于作者离开家乡的第十年，每一句都是他记忆中的故乡。"
    article = strip(page(SEO, "小河弯弯", *song, more, P2, FOOT))
    assert kept(article.text) == ["小河弯弯", *song, more, P2]


def test_a_few_unknown_four_character_words_still_go():
    article = strip(page(TITLE, BYLINE, "默认排序", "只看作者", "夜间模式", P1, P2, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, P3]


# --- page links, comment sections, related boxes, the page's title copy ------------------------------------


def test_page_links_of_an_article_split_over_pages_go():
    article = strip(page(TITLE, BYLINE, "本文共3页", P1, P2, "第1页 第2页 第3页 下一页", FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]
    assert rules.pager(rules.make_line(1, "首页 上一页 1 2 3 下一页 尾页")) == "page_links"
    assert rules.pager(rules.make_line(1, "第3页的表格")) is None


def test_comment_section_under_the_article_goes():
    title, byline = "老街改造完成，周末迎来大批游客", "2023-10-03 来源：社区网"
    body = [
        "经过一年多的改造，城南老街于国庆节前重新开放。",
        "改造保留了原有的青石板路和木结构老房子，同时新增了公共厕所和停车场。",
        "国庆期间，老街每天接待游客超过两万人次。",
    ]
    comments = [
        "网友评论", "已有3条评论", "小城故事 2023-10-03 12:10", "小时候常去老街买糖人，现在终于又能去逛了。",
        "回复 点赞(12)", "路人甲 2023-10-03 15:42", "停车位还是太少了。", "回复 点赞(3)", "发表评论",
    ]
    article = strip(page(title, byline, *body, *comments))
    assert kept(article.text) == [title, byline, *body]


def test_comment_heading_over_paragraphs_is_a_sub_head():
    said = "不少网友在留言中说，改造后的小巷既干净又保留了老城的味道。"
    article = strip(page(TITLE, BYLINE, P1, P2, "网友评论", said, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, "网友评论", said, P3]


def test_related_box_inside_the_body_goes():
    article = strip(page(TITLE, BYLINE, P1, "延伸阅读", "城东新建两座口袋公园", P2, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, P3]


def test_related_heading_over_paragraphs_inside_the_body_stays():
    article = strip(page(TITLE, BYLINE, P1, "相关链接", P2, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, "相关链接", P2, P3]


def test_page_title_copy_under_the_body_goes():
    article = strip(page(TITLE, BYLINE, P1, P2, TITLE + "_江城新闻网", FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_line_that_goes_on_from_the_title_is_not_a_title_copy():
    last = TITLE + "之后"
    article = strip(page(TITLE, BYLINE, P1, P2, last))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, last]


# --- a letter's tracking fields, buttons between answers, related questions --------------------------------


def test_tracking_fields_of_a_letter_go():
    fields = ["信件编号：XJ2023091200127", "处理状态：已回复", "公开方式：公开"]
    article = strip(page("咨询老城区小巷改造的时间", *fields, "来信内容：", P1, "答复内容：", P2))
    assert kept(article.text) == ["咨询老城区小巷改造的时间", "来信内容：", P1, "答复内容：", P2]
    assert sorted(removed(article)) == sorted(fields)


def test_other_fields_are_not_tracking_fields():
    for text in ("中文名：银杏", "工作状态：正常运行中的设备", "文物编号：见附表", "别名：白果、公孙树"):
        assert not _RECORD_FIELD.fullmatch(rules.probe(text)), text


def test_counts_and_buttons_between_answers_go():
    answer2 = "还有一个办法是换成更亮的节能灯，既省电又亮堂，物业已经在试点了。"
    article = strip(page(TITLE, BYLINE, P1, P2, "64", "评论", "分享", answer2, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, answer2, P3]


def test_a_number_alone_inside_the_body_stays():
    article = strip(page(TITLE, BYLINE, P1, "64", P2, P3, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, "64", P2, P3]


def test_two_related_questions_under_their_heading_go():
    q1, q2 = "小巷改造要多长时间？", "老房子能不能加装电梯？"
    article = strip(page(TITLE, BYLINE, P1, P2, P3, "12", "评论", "相关问题", q1, q2, "问答网 © 2024"))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, P3]


def test_two_short_questions_closing_the_article_stay():
    q1, q2 = "小巷改造要多长时间？", "老房子能不能加装电梯？"
    article = strip(page(TITLE, BYLINE, P1, P2, P3, "居民还关心", q1, q2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, P3, "居民还关心", q1, q2]


def test_bilingual_headline_is_the_title():
    title = "科学家在南极冰层下发现古老湖泊 Scientists find ancient lake beneath Antarctic ice"
    byline = "2024-03-12 来源：环球双语网 编辑：周晓"
    body = [
        "An international team of researchers has found a lake buried under four kilometres of ice.",
        "一个国际研究团队在南极洲东部近四公里厚的冰层下发现了一个湖泊。",
        "研究人员认为，这个湖泊已与外界隔绝了数百万年。",
    ]
    site = "环球双语网_英语学习_双语新闻_每日一句"
    article = strip(page(site, "首页 > 双语新闻 > 科技", title, byline, "阅读：2318", *body, FOOT))
    assert article.title == title
    assert kept(article.text) == [title, byline, *body]


def test_chinese_then_english_spam_words_are_still_keyword_runs():
    spam = "国产精品自拍视频 Free porn videos hot sex movies xxx tube"
    assert rules.seo_keywords(rules.make_line(1, spam)) is not None


# --- buttons and counters of blogs and Q&A pages ------------------------------------------------------


def test_dropdown_button_and_people_count_in_the_header_go():
    article = strip(page(TITLE, BYLINE, "转载▼", "关注问题 写回答", "1,286 人赞同了该回答", P1, P2, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_triangle_before_a_caption_and_a_count_in_a_sentence_stay():
    caption = "▼ 改造后的小巷"
    article = strip(page(TITLE, BYLINE, P1, caption, P2, FOOT))
    assert kept(article.text) == [TITLE, BYLINE, P1, caption, P2]
    assert rules.counter(rules.make_line(1, "已有3人赞同这个方案")) is None
    assert rules.dropdown_button(rules.make_line(1, "转载▼")) == "dropdown_button"
