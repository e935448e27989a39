"""Strip rules for round 5's unseen pages: article lines shaped like furniture, Q&A answer metadata,
record tables and page lines above a title.

Short texts written for these tests; each rule is checked on both sides (fires / does not fire).
"""

from __future__ import annotations

from strip_pages import line_of as ml
from strip_pages import stripped as out

from cleantext import strip_rules as rules
from cleantext.strip import _own_references, _own_table, _row_shape, _title_floor, site_banner

PARAS = (
    "村口的老槐树今年又开花了，一树白花引来不少拍照的游客。",
    "村里的老人说，这棵树已经有两百多岁了，见证了村子的变迁。",
)


# --- Q&A answer metadata (hard rules) -----------------------------------------------------------


def test_post_meta_row_fires_on_date_user_views_rows() -> None:
    assert rules.post_meta_row(ml("2023-11-05 08:12 | 网友7721** | 浏览 402")) == "post_meta_row"
    assert rules.post_meta_row(ml("杭州 | 西湖区 | 2023-11-05 08:12")) == "post_meta_row"
    assert rules.post_meta_row(ml("2023-11-05 08:40  有帮助(3)")) == "post_meta_row"


def test_post_meta_row_leaves_bylines_and_timelines() -> None:
    assert rules.post_meta_row(ml("2023-11-05 08:12 | 来源：晚报")) is None  # a labelled byline
    assert rules.post_meta_row(ml("2015年6月3日  新馆奠基")) is None  # no time of day
    assert rules.post_meta_row(ml("2023-11-05 08:12 | 今天大家一起去看了新开的那家书店")) is None


def test_answer_counter_fires_on_answer_counts_and_votes() -> None:
    assert rules.answer_counter(ml("4位医生回答")) == "answer_count"
    assert rules.answer_counter(ml("共12条回复")) == "answer_count"
    assert rules.answer_counter(ml("57 有用  2 没用")) == "count_pairs"
    assert rules.answer_counter(ml("赞同(23)")) == "count_pairs"


def test_answer_counter_leaves_dates_and_plain_counts() -> None:
    assert rules.answer_counter(ml("3月5日 4月9日")) is None
    assert rules.answer_counter(ml("4位医生")) is None
    assert rules.answer_counter(ml("第二章(上)")) is None


def test_answerer_profile_fires_on_name_and_title() -> None:
    assert rules.answerer_profile(ml("周启明 主治医师")) == "answerer_profile"
    assert rules.answerer_profile(ml("何佳律师 执业8年")) == "answerer_profile"


def test_answerer_profile_leaves_sub_heads() -> None:
    assert rules.answerer_profile(ml("社区医生")) is None
    assert rules.answerer_profile(ml("周启明是一位主治医师，擅长儿科。")) is None


def test_action_stamp_fires_on_verb_and_date_only() -> None:
    assert rules.action_stamp(ml("解答于 2023-11-05 09:30")) == "dated_action_stamp"
    assert rules.action_stamp(ml("新馆于2015年6月3日奠基")) is None


def test_answer_card_and_votes_go_between_answers() -> None:
    page = out(
        "孩子晚上总是咳嗽怎么办？",
        "三岁男孩，白天还好，一到晚上就咳嗽，已经一个星期了。",
        "2023-11-05 08:12 | 网友7721** | 浏览 402",
        "3位医生回答",
        "周启明 主治医师",
        "市儿童医院 呼吸科",
        "擅长：哮喘、支气管炎",
        "夜间咳嗽要先排除过敏和哮喘，建议到医院做个肺功能检查。",
        "57 有用  2 没用",
        "平时注意室内通风，睡前不要让孩子吃得太饱。",
    )
    assert page[0] == "孩子晚上总是咳嗽怎么办？"
    assert "夜间咳嗽要先排除过敏和哮喘，建议到医院做个肺功能检查。" in page
    assert "平时注意室内通风，睡前不要让孩子吃得太饱。" in page
    for junk in (
        "3位医生回答",
        "周启明 主治医师",
        "市儿童医院 呼吸科",
        "擅长：哮喘、支气管炎",
        "57 有用  2 没用",
    ):
        assert junk not in page


def test_answer_card_stops_at_an_outline_item() -> None:
    page = out(
        "标题：房子怎么分",
        *PARAS,
        "何佳律师 执业8年",
        "一、关于房产归属",
        "婚前个人出资购买的房屋，原则上归个人所有。",
    )
    assert "一、关于房产归属" in page


# --- the title: site banners, record tables, page lines -------------------------------------------


def test_site_banner_shapes() -> None:
    assert site_banner(ml("好食记_家常菜谱_美食做法"))
    assert site_banner(ml("读书频道-好书推荐-书评"))
    assert site_banner(ml("河畔在线 hepanol.com"))
    assert not site_banner(ml("国足0-0战平对手"))
    assert not site_banner(ml("春天来了，花开了"))


def test_site_banner_gives_way_to_a_poem_title() -> None:
    page = out(
        "好诗集_古诗大全_名家名篇",
        "春晓",
        "孟浩然",
        "春眠不觉晓，",
        "处处闻啼鸟。",
        "夜来风雨声，",
        "花落知多少。",
    )
    assert page[0] == "春晓"
    assert "好诗集_古诗大全_名家名篇" not in page


def test_site_banner_kept_when_it_is_about_the_body() -> None:
    # The first heading shares the body's words: it stays the title.
    page = out("老槐树开花了 | 村里新鲜事", "小编手记", *PARAS)
    assert page[0] == "老槐树开花了 | 村里新鲜事"


def test_record_table_above_the_title_is_not_the_title() -> None:
    page = out(
        "某某县人民政府",
        "索引号：00123/2023-0456",
        "发文机关：某某县人民政府办公室",
        "成文日期：2023年10月08日",
        "某某县人民政府办公室关于做好秋季护林工作的通知",
        "各乡镇人民政府：",
        "现将秋季护林工作有关事项通知如下，请认真做好护林工作，确保不发生火情。",
    )
    assert page[0] == "某某县人民政府办公室关于做好秋季护林工作的通知"
    assert "发文机关：某某县人民政府办公室" not in page
    assert "某某县人民政府" not in page


def test_title_floor_needs_a_heading_after_the_fields() -> None:
    rows = [ml("作者：王五", 1), ml("来源：某报", 2), ml("时间：2023年1月2日", 3)]
    assert _title_floor(rows, 3, [], lambda: "") == -1
    page = [ml("北山日报电子版", 1), ml("A05版：城事", 2), ml("新桥今天通车", 3)]
    assert _title_floor(page, 3, [0, 2], lambda: "") == 1


def test_newspaper_page_line_over_a_short_title() -> None:
    page = out(
        "北山日报电子版",
        "2023年09月02日 星期六",
        "A05版：城事",
        "新桥通车",
        "本报讯 新桥今天正式通车，市民步行过江只需五分钟。",
    )
    assert page[0] == "新桥通车"
    assert "A05版：城事" not in page


# --- the article's own lists and tables -------------------------------------------------------------


def test_row_shape_tables_not_headline_lists() -> None:
    assert _row_shape(ml("萝卜 | 本地 | 1.5 | 2.0")) == "WN"
    assert _row_shape(ml("7月3日 多云 25-30℃")) == "NWN"
    assert _row_shape(ml("2 城西公园新添健身步道")) == ""  # a rank and a headline
    assert _row_shape(ml("城西公园开放 2023-05-01")) == ""  # a headline and its date
    assert _row_shape(ml("服务热线：400-123-4567 意见反馈")) == ""  # a labelled field


def test_own_table_after_the_body_is_kept() -> None:
    page = out(
        "今日菜价",
        *PARAS,
        "价格一览：",
        "萝卜 | 本地 | 1.5 | 2.0",
        "土豆 | 甘肃 | 2.2 | 2.8",
        "某某网版权所有",
    )
    assert "萝卜 | 本地 | 1.5 | 2.0" in page and "土豆 | 甘肃 | 2.2 | 2.8" in page
    assert "某某网版权所有" not in page


def test_own_table_refuses_widget_heads() -> None:
    lines = [ml("相关股票"), ml("某某银行 10.20 +1.2%"), ml("某某电力 5.31 -0.4%")]
    assert _own_table(lines, 0) == -1
    lines = [ml("装箱清单"), ml("主机 ×1"), ml("电源线 ×1")]
    assert _own_table(lines, 0) == 2


def test_own_references_documents_only() -> None:
    assert _own_references([ml("参考链接："), ml("《城市防汛手册》")], 0) == 1
    assert _own_references([ml("参考链接："), ml("暴雨天出行注意什么")], 0) == -1


def test_bulleted_items_between_title_and_body_stay() -> None:
    page = out(
        "小工具发布新版本",
        "本次更新包括：",
        "- 支持暗色模式",
        "- 修复导出错误",
        "新版本已经可以在官网下载，老用户打开软件即可自动升级。",
    )
    assert "- 支持暗色模式" in page and "- 修复导出错误" in page


def test_widget_word_between_title_and_body_still_goes() -> None:
    page = out("老槐树开花了", "扫码阅读手机版", *PARAS)
    assert "扫码阅读手机版" not in page


def test_short_lyric_lines_stay() -> None:
    lyric = ("河水弯弯", "流过村庄", "你在远方", "我在守望", "月亮升起", "照亮屋梁")
    page = out(
        "歌谣网_歌词大全_新歌速递", "远方", "作词：某某", *lyric, "本站歌词来自网友上传，如有侵权请联系删除"
    )
    for line in lyric:
        assert line in page
    assert page[0] == "远方"
    assert "本站歌词来自网友上传，如有侵权请联系删除" not in page
