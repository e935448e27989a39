"""Strip stage on content-farm and SEO-mirror layouts: spam rows around a copied article."""

from __future__ import annotations

from strip_pages import stripped

from cleantext import strip as S
from cleantext import strip_rules as R

BODY = [
    "南湖大桥加固工程昨日完工，大桥恢复双向通行。",
    "施工期间，工人们更换了全部支座，并对桥墩进行了防腐处理。",
    "市交通局表示，大桥今后每年检测一次，确保行车安全。",
]


# --- a breadcrumb leads to the title ---------------------------------------------------------------


def test_lines_over_breadcrumb_are_header_not_title() -> None:
    page = ["办证刻章 快速出证 全国接单", "首页 > 本地 > 正文", "浏览次数：2871 次  发布时间：2024-06-18",
            "南湖大桥加固工程完工", "来源：南湖日报  2024-06-18", *BODY]
    kept = stripped(*page)
    assert kept[0] == "南湖大桥加固工程完工"
    assert "办证刻章 快速出证 全国接单" not in kept
    assert not any("浏览次数" in t for t in kept)
    assert kept[-3:] == BODY


def test_title_over_its_own_trail_stays() -> None:
    page = ["南湖大桥加固工程完工", "首页 > 本地 > 正文", "现场直击", *BODY]
    assert stripped(*page)[0] == "南湖大桥加固工程完工"


def test_trail_over_title_needs_a_heading_before_it() -> None:
    ml = R.read_line
    page = [ml(1, "首页 > 本地 > 正文"), ml(2, "南湖大桥加固工程完工"), ml(3, BODY[0])]
    assert not S._trail_over_title(page, 0, [1], lambda: BODY[0])


# --- a row of spam keywords after the body ---------------------------------------------------------


def test_spaced_keyword_row_after_body_goes() -> None:
    row = "代办护照 代办签证 美国签证 申根签证 移民咨询 留学代办 签证加急"
    kept = stripped(*["南湖大桥加固工程完工", *BODY, row, "粤ICP备12345678号"])
    assert row not in kept
    assert kept[-3:] == BODY


def test_enumerated_keyword_row_after_body_goes() -> None:
    row = "配资平台、股票配资、期货配资、配资开户、炒股配资、按天配资"
    assert row not in stripped(*["南湖大桥加固工程完工", *BODY, row])


def test_names_after_body_stay() -> None:
    names = "张伟 李娜 王芳 刘洋 陈静 杨帆 赵磊"
    assert names in stripped(*["南湖大桥加固工程完工", *BODY, names])


def test_glossed_word_row_after_body_stays() -> None:
    row = "铅笔（えんぴつ） 橡皮（けしごむ） 书包（かばん） 雨伞（かさ） 钥匙（かぎ） 手表（とけい）"
    assert row in stripped(*["南湖大桥加固工程完工", *BODY, row])


def test_keyword_row_under_a_lead_in_stays() -> None:
    ml = R.make_line
    row = ml(2, "少儿英语 少儿编程 钢琴培训 美术培训 舞蹈培训 奥数培训")
    assert not S.spam_keyword_row(row, ml(1, "活动中心开设课程："), lambda: BODY[0])
    assert S.spam_keyword_row(row, ml(1, BODY[0]), lambda: BODY[0])


def test_keyword_row_about_the_body_stays() -> None:
    row = "大桥加固 桥墩防腐 更换支座 双向通行 每年检测 行车安全"
    assert row in stripped(*["南湖大桥加固工程完工", *BODY, row])


def test_spam_keyword_row_needs_six_runs() -> None:
    ml = R.make_line
    row = ml(2, "代办护照 代办签证 移民咨询 留学代办")
    assert not S.spam_keyword_row(row, ml(1, BODY[0]), lambda: BODY[0])


# --- keywords, disclaimers ---------------------------------------------------------------------------


def test_article_keywords_line_after_body_goes() -> None:
    kept = stripped(*["南湖大桥加固工程完工", *BODY, "（记者 周岚）", "本文关键词：大桥，加固，交通"])
    assert "本文关键词：大桥，加固，交通" not in kept
    assert "（记者 周岚）" in kept


def test_new_disclaimer_wordings() -> None:
    ml = R.make_line
    assert R.disclaimer_strength(ml(1, "提示：本站所有资源仅供学习研究，请在下载后24小时内删除。")) >= 1
    assert R.disclaimer_strength(ml(1, "本文仅供参考，不作为诊断和治疗依据，如有不适请及时就医。")) >= 1
    assert R.disclaimer_strength(ml(1, "本站所刊載之內容部分來自網路，若有侵權請告知，我們將立即處理。")) == 2


def test_sentences_like_disclaimers_are_not() -> None:
    ml = R.make_line
    assert R.disclaimer_strength(ml(1, "医生说，化验结果是下一步治疗的依据。")) == 0
    assert R.disclaimer_strength(ml(1, "他在研究所学习研究了三年，论文仅供内部交流。")) == 0
    assert R.disclaimer_strength(ml(1, "如果发现商家侵权，请告知市场监管部门。")) == 0


def test_medical_notice_at_body_edge_goes() -> None:
    note = "本文仅供参考，不作为诊断和治疗依据，如有不适请及时就医。"
    kept = stripped(*["南湖大桥加固工程完工", *BODY, note])
    assert note not in kept
    assert kept[-3:] == BODY


# --- an ad slogan between the title and the byline -------------------------------------------------


def test_slogan_over_byline_does_not_take_the_title() -> None:
    page = ["乡村看点：一座大桥连通南湖两岸", "注册即送88元 首充返利 官方直营",
            "发布时间：2024-12-03 作者：南湖观察", *BODY]
    kept = stripped(*page)
    assert kept[0] == "乡村看点：一座大桥连通南湖两岸"
    assert "注册即送88元 首充返利 官方直营" not in kept


def test_two_part_headline_over_byline_is_the_title() -> None:
    page = ["南湖快讯", "大桥加固工程完工 恢复双向通行", "发布时间：2024-12-03 作者：南湖观察", *BODY]
    assert "大桥加固工程完工 恢复双向通行" in stripped(*page)


def test_spaced_slogan_shape() -> None:
    assert S.spaced_slogan(R.make_line(1, "首付五万 特价房源 限时团购"))
    assert not S.spaced_slogan(R.make_line(1, "大桥加固工程完工，恢复双向通行"))
    assert not S.spaced_slogan(R.make_line(1, "大桥加固工程完工 恢复双向通行"))


def test_keyword_runs_joined_by_underscores_after_the_body_go() -> None:
    body = ["南湖大桥今天合龙", "据了解，工程预计在六月底完工，届时两岸居民出行将方便许多。"]
    spam = "低价代开发票_正规发票代开_全国可查_微信同号"
    assert stripped(*[*body, spam, "版权所有 © 2016-2024 本网站 保留所有权利"]) == body
    on_topic = "南湖大桥_工程进度_六月完工_两岸居民"  # shares the body's words: not spam
    assert on_topic in stripped(*[*body, on_topic])


def test_a_qr_prompt_to_read_on_the_phone_goes() -> None:
    body = ["南湖大桥今天合龙", "据了解，工程预计在六月底完工，届时两岸居民出行将方便许多。"]
    assert stripped(*[*body, "扫一扫，在手机上查看当前页面"]) == body
    assert R.call_to_action(R.make_line(1, "扫一扫，他说这个办法好。")) is None
