"""Strip rules for round 6's unseen pages: self-media author cards, tags and keywords after a story,
app and consent prompts, tab and middle-dot menus, thread replies and paper front matter.

Short texts written for these tests; each rule is checked on both sides (fires / does not fire).
"""

from __future__ import annotations

from strip_pages import line_of as ml
from strip_pages import stripped as out

from cleantext import strip_rules as rules
from cleantext.strip import (
    _abstract_line,
    _author_card,
    _author_under_heading,
    _post_edit_stamp,
    _profile_after_body,
    _tag_row,
    _thread_reply,
    keywords_after_body,
)

PARAS = (
    "河边的老码头今年修好了，每天傍晚都有人来散步。",
    "附近的居民说，码头边的石阶已经有一百多年历史。",
)


# --- bylines --------------------------------------------------------------------------------------


def test_staff_credit_with_a_bar_is_a_byline() -> None:
    assert rules.byline_like(ml("北岸新闻记者 | 陶一鸣"))
    assert rules.byline_like(ml("编辑／沈青"))


def test_bar_after_a_role_word_without_a_name_is_no_byline() -> None:
    assert not rules.byline_like(ml("出版社编辑 / 读书博主"))  # a profile's tagline
    assert not rules.byline_like(ml("摄影爱好者 / 户外达人"))


# --- menus ----------------------------------------------------------------------------------------


def test_tab_separated_menu_is_a_nav_bar() -> None:
    assert rules.nav_bar(ml("首页\t新闻\t视频\t图片\t联系我们")) == "spaced_menu"
    assert rules.soft_nav(ml("玩具\t文具\t零食\t饮料")) == "spaced_items"


def test_single_tab_in_a_sentence_is_no_menu() -> None:
    assert rules.nav_bar(ml("他说\t明天再来。")) is None
    assert rules.soft_nav(ml("姓名\t王五")) is None


def test_spaced_middle_dots_join_soft_menu_items() -> None:
    assert rules.soft_nav(ml("某书最新章节 · 某书全文阅读 · 某书下载")) == "pipe_items"
    assert rules.soft_nav(ml("琴娜·杜普洛·马丁")) is None  # a foreign name's dots have no spaces


def test_pager_pair_fires_on_previous_and_next_links() -> None:
    assert rules.pager_pair(ml("加入书架 上一章 ← 目录 → 下一章")) == "pager_pair"
    assert rules.pager_pair(ml("下一篇 · 返回列表 · 上一篇")) == "pager_pair"


def test_pager_pair_leaves_sentences() -> None:
    assert rules.pager_pair(ml("上一章讲他的童年，下一章讲他进城")) is None
    assert rules.pager_pair(ml("上一章 第五节")) is None


# --- prompts and notices --------------------------------------------------------------------------


def test_app_prompts_without_a_known_app_word() -> None:
    assert rules.call_to_action(ml("打开北岸晚报，查看更多图片")) == "call_to_action"
    assert rules.call_to_action(ml("更多好文尽在北岸APP")) == "call_to_action"
    assert rules.call_to_action(ml("点击上方，关注我们")) == "call_to_action"
    assert rules.call_to_action(ml("喜欢就来北岸关注我")) == "call_to_action"


def test_app_prompt_shapes_leave_sentences() -> None:
    assert rules.call_to_action(ml("打开抽屉，找到一封旧信")) is None
    assert rules.call_to_action(ml("就在这时，雨停了")) is None


def test_consent_notice_fires_on_cookie_and_privacy_banners() -> None:
    assert rules.consent_notice(ml("本网站使用Cookie，继续浏览即表示您同意。")) == "consent_notice"
    assert rules.consent_notice(ml("請同意我們的隱私權政策，以繼續瀏覽本網站")) == "consent_notice"
    assert rules.consent_notice(ml("This site uses cookies. Got it")) == "consent_notice"


def test_consent_notice_leaves_stories_about_privacy() -> None:
    assert rules.consent_notice(ml("新规要求应用在收集信息前取得用户同意隐私条款。")) is None
    assert rules.consent_notice(ml("饼干（cookie）的做法很简单。")) is None


def test_bracketed_widget_groups_with_an_editor_credit() -> None:
    assert rules.widget(ml("【纠错】【责任编辑：周 岚】")) == "widget_buttons"
    assert rules.widget(ml("【打印】【小区门口的故事】")) is None


def test_font_size_button_and_collapse_button() -> None:
    assert rules.widget(ml("大字号")) == "widget_buttons"
    assert rules.widget(ml("收起")) == "widget_buttons"
    assert rules.widget(ml("大字号的书更适合老人")) is None


def test_rights_statement_naming_the_outlet_not_this_site() -> None:
    assert rules.disclaimer_strength(ml("此内容为北岸传媒原创，著作权归其所有，未经授权不得转载。")) == 2
    assert rules.disclaimer_strength(ml("此内容很有意思，值得一读。")) == 0


# --- author cards ---------------------------------------------------------------------------------


def test_author_card_by_follow_button_or_byline() -> None:
    assert _author_card([ml("橘子汽水"), ml("+ 关注")], 0)
    assert _author_card([ml("老宋讲历史"), ml("2024-05-06 09:10 湖南")], 0)


def test_author_card_needs_a_name_and_a_card() -> None:
    assert not _author_card([ml("橘子汽水"), ml("写文章")], 0)
    assert not _author_card([ml("5月6日"), ml("9:00 开幕式")], 0)  # a schedule's day
    assert not _author_card([ml("这是一个很长的句子不是名字"), ml("关注")], 0)


def test_author_under_a_heading_about_the_body() -> None:
    page = [ml("老码头修好了，傍晚人很多"), ml("老宋讲历史"), ml("2024-05-06 09:10 湖南")]
    assert _author_under_heading(page, 1, lambda: PARAS[0])


def test_short_title_under_a_site_line_is_no_author() -> None:
    page = [ml("北岸在线官方网站"), ml("老码头"), ml("发布时间：2024-05-06")]
    assert not _author_under_heading(page, 1, lambda: PARAS[0])
    page = [ml("现将活动安排通知如下："), ml("签到处"), ml("2024-05-06 09:10")]
    assert not _author_under_heading(page, 1, lambda: "签到处设在门口。")


def test_self_media_page_keeps_title_and_author_drops_follow_button() -> None:
    got = out("老码头修好了，傍晚人很多", "橘子汽水", "关注", *PARAS, "写下你的评论")
    assert got[:2] == ["老码头修好了，傍晚人很多", "橘子汽水"]
    assert "关注" not in got
    assert got[2:4] == list(PARAS)


def test_profile_card_after_the_body() -> None:
    assert _profile_after_body([ml("橘子汽水"), ml("关注 关注")], 0)
    assert not _profile_after_body([ml("北岸街道办事处"), ml("2024年5月6日")], 0)


# --- after the body -------------------------------------------------------------------------------


def test_keywords_after_a_story_are_tags() -> None:
    assert keywords_after_body([ml(PARAS[0]), ml("关键词：码头，散步")], 1)
    assert keywords_after_body([ml(PARAS[0]), ml("Keywords: harbour, walk")], 1)


def test_keywords_under_an_abstract_are_the_papers() -> None:
    assert not keywords_after_body([ml("摘要：本文研究了码头的历史。"), ml("关键词：码头；历史")], 1)
    assert not keywords_after_body([ml(PARAS[0]), ml("关键词是什么？")], 1)


def test_story_page_drops_keywords_but_paper_keeps_them() -> None:
    assert "关键词：码头，散步" not in out("老码头修好了", *PARAS, "关键词：码头，散步")
    paper = out("码头变迁研究", "陶一鸣 沈青", "北岸大学历史系", "摘要：本文梳理了码头一百年来的变迁。",
                "关键词：码头；城市史", "中图分类号：K29")
    assert paper == ["码头变迁研究", "陶一鸣 沈青", "北岸大学历史系", "摘要：本文梳理了码头一百年来的变迁。",
                     "关键词：码头；城市史", "中图分类号：K29"]


def test_abstract_line() -> None:
    assert _abstract_line(ml("【摘要】本文梳理了码头的变迁。"))
    assert not _abstract_line(ml("摘要写得好很重要。"))


def test_post_edit_stamp_is_kept_after_the_body() -> None:
    assert _post_edit_stamp(ml("发布于 05-06 湖南"))
    assert _post_edit_stamp(ml("编辑于 2024-05-06 21:08 · IP 属地湖南"))
    stamp = "编辑于 2024-05-06 21:08 · IP 属地湖南"
    assert stamp in out("老码头修好了", *PARAS, stamp, "码头", "赞同 12", "分享")


def test_post_edit_stamp_leaves_other_lines() -> None:
    assert not _post_edit_stamp(ml("编辑于是把稿子退了回去"))
    assert not _post_edit_stamp(ml("发布于今年春天的一首歌很好听，大家都会唱。"))


def test_tag_row_after_a_stopped_body() -> None:
    page = [ml(PARAS[1]), ml("码头 居民 石阶")]
    assert _tag_row(page, 1, lambda: PARAS[1])


def test_tag_row_needs_body_words_and_a_stopped_body() -> None:
    assert not _tag_row([ml(PARAS[1]), ml("码头 游客 石阶")], 1, lambda: PARAS[1])  # 游客: not in the body
    verse = [ml("码头边 石阶上"), ml("码头 居民 石阶")]
    assert not _tag_row(verse, 1, lambda: PARAS[1])  # the body has no full stop: its own row


def test_thread_reply_between_floor_stamps() -> None:
    page = [ml("冬天钓鱼要用小饵，窝子少打。"), ml("2楼 2024-12-01 19:45"), ml("阿强"),
            ml("明白了，周末去试"), ml("3楼 2024-12-01 20:03")]
    assert _thread_reply(page, 3, 0)


def test_comment_after_a_story_is_no_thread_reply() -> None:
    page = [ml("冬天钓鱼要用小饵，窝子少打。"), ml("网友评论"), ml("阿强"),
            ml("明白了，周末去试"), ml("3楼 2024-12-01 20:03")]
    assert not _thread_reply(page, 3, 0)


def test_bullet_separated_runs_split_like_middle_dots() -> None:
    # a line whose only spaced separator is '•' once crashed keyword_runs (no split pattern for it)
    assert rules.keyword_runs("< • 首页", "·•")[0] == "•"
    assert rules.soft_nav(ml("首页 • 新闻 • 财经 • 体育 • 科技")) is not None
