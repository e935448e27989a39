"""The end of the page (round 12): comments, tags, paywalls, author cards, WeChat endings, counters,
sponsor notes, and the article's own last lines (signatures, dates, letter closings)."""

from __future__ import annotations

from strip_pages import line_of, removed, stripped

from cleantext.strip import (
    _lone_title_under_heading,
    _signature,
    comment_section_head,
    peel_author_card,
    strip,
)
from cleantext.strip_rules import (
    counter,
    make_line,
    paywall_prompt,
    picture_prompt,
    pointer_glyphs,
    read_line,
    reading_stats,
    related_question,
    share_row,
    sponsor_note,
)

TITLE = "秋天去看银杏"
BYLINE = "2023-11-02 作者：阿青"
P1 = "每年十一月，城西公园的银杏叶都会在一周之内由绿变黄。"
P2 = "清晨的阳光斜照过来，整条林荫道像铺了一层金色的地毯。"
P3 = "公园管理处提醒游客，不要摇晃树干，也不要在草坪上生火。"
P4 = "据介绍，今年的最佳观赏期预计持续到本月中旬。"


def article(*tail: str) -> list[str]:
    return stripped(TITLE, BYLINE, P1, P2, P3, P4, *tail)


# --- the article's own last lines ---------------------------------------------------------------


def test_dash_signature_and_place_date_stay() -> None:
    out = article("——阿青", "2023年11月于杭州", "上一篇：春天的樱花", "下一篇：没有了")
    assert out[-2:] == ["——阿青", "2023年11月于杭州"]


def test_letter_closing_date_and_name_stay() -> None:
    out = article("此致", "敬礼", "二〇二三年十一月二日", "阿青", "关于我们 | 投稿须知 | 联系我们")
    assert out[-4:] == ["此致", "敬礼", "二〇二三年十一月二日", "阿青"]


def test_signature_shapes() -> None:
    ml = make_line
    assert _signature([ml(1, "—— 林深")], 0)
    assert _signature([ml(1, "写于2023年秋")], 0)
    assert not _signature([ml(1, "——更多精彩，请关注我们")], 0)
    assert not _signature([ml(1, "此致"), ml(2, "相关推荐")], 0)  # no letter's closing follows


# --- comments -----------------------------------------------------------------------------------


def test_related_comments_head_with_dotted_dates() -> None:
    out = article(
        "相关评论：", "山城网友 2008.9.21：写得很好，受益匪浅", "路人 2008.9.22：去年也去看过，真美！",
    )
    assert out[-1] == P4


def test_bare_comment_head_over_floor_stamps() -> None:
    out = article("评论", "1楼 小王 2021-12-05 19:02", "拍得真好看！", "2楼 阿青 2021-12-05 19:30",
                  "回复 @小王：谢谢，下次一起去。")
    assert out[-1] == P4


def test_sort_toggles_head_comments_with_relative_stamps() -> None:
    out = article("按热度 按时间", "落叶：我也去了，人好多！", "2小时前 回复 赞 35", "晚风：明天就去。",
                  "1小时前 回复 赞 3")
    assert out[-1] == P4


def test_comment_heads_do_not_fire_on_a_sub_head_over_prose() -> None:
    ml = make_line
    assert not comment_section_head(ml(1, "评论"), [ml(2, "这部电影上映后，评论两极分化。")])
    assert not comment_section_head(ml(1, "按时间"), [ml(2, "2小时前 回复")])  # one toggle is no sort bar


def test_poster_stamp_under_a_floor_goes_inside_a_thread() -> None:
    doc = strip("\n".join([
        "家里的猫半夜跑酷怎么办？", "楼主：小黑 发表于 2023-04-12 23:41",
        "我家的猫今年两岁，每天凌晨三点就开始在家里狂奔，从沙发跳到书柜。",
        "白天我上班不在家，它大概都在睡觉。请问有没有人遇过类似的情况？",
        "2楼", "阿猫阿狗 2023-04-13 00:15", "睡前用逗猫棒陪它玩到累，然后喂一餐，通常就会乖乖睡了。",
    ]))
    assert "阿猫阿狗 2023-04-13 00:15" in removed(doc, "forum-profile")
    # a byline of the same shape under the title is no poster's stamp
    assert "新华社 2023-04-13 00:15" in stripped(TITLE, "新华社 2023-04-13 00:15", P1, P2, P3)


# --- counters, prompts, paywalls, sponsor notes ---------------------------------------------------


def test_reading_stats_lines() -> None:
    assert reading_stats(make_line(1, "本文共计4216字 | 阅读时间约10分钟"))
    assert reading_stats(make_line(1, "閱讀時間：5分鐘"))
    assert reading_stats(make_line(1, "他用10分钟读完了这封4200字的信")) is None
    assert reading_stats(make_line(1, "全文共分三个部分")) is None


def test_video_and_follower_counts() -> None:
    assert counter(make_line(1, "12.6万播放 · 863弹幕"))
    assert counter(make_line(1, "关注 3.2万"))
    assert counter(make_line(1, "本文已被浏览3215次"))
    assert counter(make_line(1, "关注2023年高考改革")) is None
    # a keyword row that holds two counts is no counter line
    assert counter(make_line(1, "免费电影在线观看,高清影院,91播放,午夜剧场,热门电视剧,999播放器")) is None


def test_paywall_prompts() -> None:
    assert paywall_prompt(make_line(1, "还有3200字未读，开通会员后继续阅读"))
    assert paywall_prompt(make_line(1, "VIP专享内容"))
    assert paywall_prompt(make_line(1, "会员制的网站越来越多，读者的选择也越来越多")) is None
    doc = stripped(TITLE, BYLINE, P1, P2, "剩余80%内容，订阅后可阅读", P3, P4)
    assert "剩余80%内容，订阅后可阅读" not in doc and P3 in doc


def test_sponsor_notes() -> None:
    assert sponsor_note(make_line(1, "※本期节目由某某饮料冠名播出"))
    assert sponsor_note(make_line(1, "本文由某某基金会资助出版。")) is None
    assert sponsor_note(make_line(1, "本文作者曾在广告公司工作十年。")) is None


def test_picture_and_qr_prompts_go_between_paragraphs() -> None:
    assert picture_prompt(make_line(1, "（点击图片可查看大图）"))
    assert picture_prompt(make_line(1, "扫码进群，领取资料")) is None  # two requests: no single prompt shape
    assert picture_prompt(make_line(1, "扫码点餐让老人犯了难")) is None
    out = stripped(TITLE, BYLINE, P1, "▼", "点击图片查看大图", P2, "扫码领取赏叶地图", P3)
    assert out == [TITLE, BYLINE, P1, P2, P3]


def test_pointer_glyphs_only() -> None:
    assert pointer_glyphs(make_line(1, "👇👇👇"))
    assert pointer_glyphs(make_line(1, "……")) is None
    assert pointer_glyphs(make_line(1, "↓ 下滑查看")) is None


def test_share_row_with_label_colon() -> None:
    assert share_row(make_line(1, "分享到： 微信 朋友圈 微博"))
    assert share_row(make_line(1, "分享：今天的银杏")) is None


def test_related_label_over_a_question_headline() -> None:
    assert related_question(make_line(1, "延伸阅读：银杏果能不能生吃？"))
    assert related_question(make_line(1, "他问：银杏果能不能生吃？")) is None
    assert related_question(make_line(1, "相关研究：银杏叶提取物有什么作用？是否安全？")) is None  # two stops
    out = stripped(TITLE, BYLINE, P1, P2, "推荐阅读：银杏果能不能生吃？", P3, P4)
    assert out == [TITLE, BYLINE, P1, P2, P3, P4]


# --- author cards and related lists at the end ------------------------------------------------------


def test_author_card_with_follow_button_goes() -> None:
    out = article("作者简介", "阿青", "自然爱好者，喜欢拍树。", "关注", "他的其他文章", "冬天的水杉")
    assert out[-1] == P4


def test_author_bio_without_button_stays() -> None:
    bio = "作者简介：阿青，城西中学生物教师，业余从事植物摄影。"
    assert article(bio, "责任编辑：吴敏")[-1] == bio
    # a name and a sentence over a button row that is no follow button: the article's own
    ml = read_line
    lines = [ml(1, P1), ml(2, P2), ml(3, "阿青"), ml(4, "我也喜欢拍树，也喜欢写树。"), ml(5, "分享 收藏")]
    assert peel_author_card(lines, 0, 3) == 3


def test_wechat_list_under_its_heading_after_end_mark() -> None:
    out = article("END", "往期推荐", "城里的鸟，你认识几种？", "雨后的蘑菇别乱采", "长按识别二维码关注")
    assert out[-1] == P4


def test_lone_question_under_plain_sub_head_stays() -> None:
    ml = read_line
    # ``小结`` is no related list's heading: the question after it is the article's
    lines = [ml(1, P1), ml(2, "小结"), ml(3, "银杏为什么秋天变黄？"), ml(4, "叶绿素分解")]
    assert not _lone_title_under_heading(lines, [0, 2])


def test_tag_line_shapes_after_a_story() -> None:
    out = article("Tags: 银杏, 秋游, 公园", "关键词：秋天，银杏，旅游，摄影")
    assert out[-1] == P4


def test_keywords_under_an_abstract_stay() -> None:
    kw = "关键词：银杏；叶色变化；物候"
    out = stripped("城市银杏叶色变化的观测研究", "摘要：本文记录了城西公园银杏叶色在秋季的变化过程。", kw,
                   "一、引言", P1, P2, P3)
    assert kw in out


def test_line_of_helper_reads_labels() -> None:
    assert line_of("本文字数：1265").hard == ("counter", "reading_stats")
