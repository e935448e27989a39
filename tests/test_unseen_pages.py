"""Failure classes found by benchmarks/bench_unseen.py (pages unlike the generator's), each tested on both
sides: neutral-tone pinyin annotations, reporter credits after a dateline or in brackets, and a page's
``<title>`` copy with other separators than ``_``. Every text here is written for these tests."""

from __future__ import annotations

from cleantext.repair.pinyin import fix_pinyin_annotations
from cleantext.strip import strip

TITLE = "河畔公园完成夏季绿化改造"
P1 = "河畔公园近日完成了夏季绿化改造工程，新栽种乔木三百余株，铺设草坪一万多平方米，市民纷纷前来游览。"
P2 = "据公园管理处介绍，改造期间园内步道照常开放，后续还将增设休息座椅和直饮水设施，方便游客使用。"


def page(*lines: str) -> str:
    return "\n".join(lines)


def kept(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# --- neutral-tone pinyin ---------------------------------------------------------------------------


def test_neutral_tone_readings_go_on_a_page_with_the_damage():
    text = "他們(men)發(fā)現(xiàn)公園裡的樹,我們(men)也來了"
    out, steps = fix_pinyin_annotations(text)
    assert out == "他們發現公園裡的樹,我們也來了"
    assert steps[0].count == 4


def test_toneless_brackets_stay_without_tone_marked_damage():
    text = "他們(men)說,我們(men)來"
    assert fix_pinyin_annotations(text) == (text, [])


def test_toneless_brackets_that_are_no_reading_or_not_on_every_occurrence_stay():
    text = "發(fā)現(xiàn)型號(abc)與(UN)的們(men),他們說"
    assert fix_pinyin_annotations(text)[0] == "發現型號(abc)與(UN)的們(men),他們說"


# --- reporter credits --------------------------------------------------------------------------------


def test_reporter_credit_after_a_dateline_is_the_byline():
    credit = "河畔晚报讯 记者周明报道"
    article = strip(page(TITLE, credit, P1, P2))
    assert article.byline == credit
    assert kept(article.text) == [TITLE, credit, P1, P2]


def test_bracketed_reporter_credit_is_the_byline():
    credit = "（记者 周明 通讯员 吴亮）"
    article = strip(page(TITLE, credit, P1, P2))
    assert article.byline == credit
    assert kept(article.text) == [TITLE, credit, P1, P2]


def test_a_headline_that_mentions_reporters_is_no_credit():
    title = "河畔晚报讯息汇总"
    article = strip(page(title, P1, P2))
    assert article.byline == ""
    assert article.title == title


# --- a page's <title> copy ---------------------------------------------------------------------------


def test_title_copy_with_a_site_name_after_a_bar_or_dash_is_not_the_title():
    for sep in (" | ", " - ", "——", " · ", "  "):
        summary = "内容提要：" + P1[:20]
        article = strip(page(TITLE + sep + "远山新闻网", TITLE, summary, P1, P2))
        assert article.title == TITLE, sep
        assert kept(article.text) == [TITLE, P1, P2], sep


def test_a_name_with_a_middle_dot_is_no_title_copy():
    name = "琴娜·杜普洛"
    article = strip(page("琴娜", name, P1, P2))
    assert name in kept(article.text)


# --- a line break eaten by a GBK restart -----------------------------------------------------------


def restart_before(text: str, *at: int) -> str:
    """GBK bytes of ``text``, the decoder restarted one byte early before the characters ``at``, decoded
    pair by pair: the garbage pair shows as ``?``, an invalid pair as ``?`` that eats an ASCII byte."""
    data = bytearray()
    marks = set()
    for i, ch in enumerate(text):
        if i in at:
            marks.add(len(data))
            data.append(text[i - 1].encode("gbk")[1])
        data += ch.encode("gbk")
    out, i = [], 0
    while i < len(data):
        lead = data[i]
        if lead < 0x80:
            ch, step = chr(lead), 1
        elif i + 1 < len(data) and 0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F:
            ch, step = bytes(data[i : i + 2]).decode("gbk", errors="replace"), 2
        else:
            ch, step = "?", 2
        out.append("?" if i in marks else ch)
        i += step
    return "".join(out)


def test_line_break_before_an_indented_paragraph_is_restored():
    from cleantext.repair.gbk_restart import fix_gbk_restart

    indent = "\u3000\u3000"
    clean = (f"{indent}他在次年獲得雨果獎。\n{indent}冷戰進行了相當長的時間後，美國與蘇聯各自發展。\n"
             f"{indent}兩國在1980年開始談判")
    first, second = clean.index("。"), clean.index("。", clean.index("。") + 1)
    damaged = restart_before(clean, first, second, clean.index("開"))
    assert "獎??\u3000\u3000冷戰" in damaged and "展??\u3000\u3000兩" in damaged
    assert fix_gbk_restart(damaged)[0] == clean


def test_a_line_break_eaten_before_an_unindented_paragraph_comes_back():
    # (session 3 left these merged; the byte an invalid pair eats after a sentence end, before a new
    # sentence on a page of bare lines, is most often the paragraph's line break)
    from cleantext.repair.gbk_restart import fix_gbk_restart

    clean = "次年獲得雨果獎。\n冷戰進行了相當長的時間後，美國與蘇聯各自發展"
    damaged = restart_before(clean, clean.index("。"))
    assert "獎??冷戰" in damaged
    assert fix_gbk_restart(damaged)[0] == clean


# --- label variants: 本文导读, 责编 -----------------------------------------------------------------


def test_summary_labelled_with_this_article_goes_when_it_repeats_the_paragraph():
    teaser = "本文导读：" + P1[:24] + "…"
    article = strip(page(TITLE, teaser, P1, P2))
    assert kept(article.text) == [TITLE, P1, P2]


def test_summary_labelled_with_this_article_stays_with_its_own_text():
    abstract = "本文导读：这是一篇关于城市公园绿化意义的报道。"
    article = strip(page(TITLE, abstract, P1, P2))
    assert abstract in kept(article.text)


def test_short_editor_credit_goes_but_a_sentence_about_the_editor_stays():
    article = strip(page(TITLE, P1, P2, "[责编：周明]"))
    assert kept(article.text) == [TITLE, P1, P2]
    said = "责编说这次改造很成功，市民都很满意，希望以后多办这样的好事。"
    assert said in kept(strip(page(TITLE, P1, P2, said)).text)


def test_a_site_asking_to_be_told_of_an_infringement_is_a_disclaimer_and_no_longer_extends_the_body():
    from strip_pages import kept, page

    from cleantext.strip import strip

    title = "老街改造完成"
    body = ["经过半年施工，老街的路面和排水设施全部完成改造，居民出行更加方便。",
            "本报提醒：如果商家侵犯了您的合法权益，可拨打12315投诉。"]
    footer = ["本文标签：老街 改造 民生", "相关新闻", "▪ 城东夜市开张", "▪ 春季赏花指南",
              "如本站内容侵犯了您的权益，请来信告知，我们会在核实后第一时间处理。"]
    article = strip(page(title, *body, *footer))
    assert kept(article.text) == [title, *body]


def test_a_related_list_inside_the_body_goes_without_cutting_the_article_more_links_and_font_buttons_go():
    from strip_pages import kept, page

    from cleantext.strip import strip

    title = "老街改造完成"
    p1 = "经过半年施工，老街的路面和排水设施全部完成改造，居民出行更加方便。"
    p2 = "施工单位保留了老街原有的石板路和骑楼，新增了休息座椅和无障碍坡道。"
    p3 = "下一步，城区还将对另外八条小巷进行改造，预计明年年底前完工。"
    # (the related list cut the article in two, and the part before it was dropped as prose beyond furniture)
    furniture = ["相关新闻：城东夜市开张 | 春季赏花指南", "点击查看更多精彩内容>>", "[ 放大 缩小 默认 ]",
                 "A- A+ 字体大小"]
    font, related, more, size = furniture[2], furniture[0], furniture[1], furniture[3]
    article = strip(page(title, font, p1, related, p2, more, p3, size))
    assert kept(article.text) == [title, p1, p2, p3]
    look_alikes = ["相关阅读表明，老街的游客比去年多了一倍。", "点击查看详情，了解更多。",
                   "照片放大以后，细节更清楚。"]
    assert kept(strip(page(title, p1, *look_alikes, p2)).text) == [title, p1, *look_alikes, p2]


def test_a_keyword_header_split_by_long_dashes_goes_and_a_title_with_a_subtitle_stays():
    from strip_pages import kept, page

    from cleantext.strip import strip

    spam = "棋牌游戏大厅——首存优惠——彩票开奖结果——体育投注——老虎机——六合彩资料——足球比分直播"
    title = "老街改造完成——专访城区建设局负责人"
    body = ["经过半年施工，老街的路面和排水设施全部完成改造，居民出行更加方便。",
            "施工单位保留了老街原有的石板路和骑楼，新增了休息座椅和无障碍坡道。"]
    article = strip(page(spam, title, *body))
    assert (article.title, kept(article.text)) == (title, [title, *body])
