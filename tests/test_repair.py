"""The repair stage: its order, and the pinyin, HTML and debris fixes, on short texts written for them."""

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.repair import FIXES, fix_name, repair
from cleantext.repair.debris import fix_debris
from cleantext.repair.markup import fix_html
from cleantext.repair.pinyin import fix_pinyin_annotations

COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知"
    "较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"
)
TRADITIONAL = (
    "發現業經內區創關規網產設聯實學務數統據構進醫結術優態續應個協礎對節動領國鄉質衛過長調認戰環"
    "說標農濟報權請會導轉強"
)
_PINYIN_TEXT = (
    "fā xiàn yè jīng nèi qū chuàng guān guī wǎng chǎn shè lián shí xué wù shù tǒng jù gòu jìn "
    "yī jié shù yōu tài xù yīng gè xié chǔ duì jié dòng lǐng guó xiāng zhì wèi guò zhǎng diào "
    "rèn zhàn huán shuō biāo nóng jì bào quán qǐng huì dǎo zhuǎn qiáng"
)
PINYIN = _PINYIN_TEXT.split()
READING = dict(zip(TRADITIONAL, PINYIN, strict=True))


# --- the orchestrator --------------------------------------------------------------------------------


def test_fixes_are_listed_in_order():
    names = [fix_name(f) for f in FIXES]
    assert names[0] == "pinyin_annotations"
    assert names.index("mojibake") < names.index("html") < names.index("debris") == len(names) - 1


def test_repair_runs_a_chosen_subset_by_name():
    text = "礦區(qū)發(fā)展&ldquo;好&rdquo;"
    assert repair(text, fixes=["html"]).text == "礦區(qū)發(fā)展“好”"
    assert repair(text, fixes=[fix_pinyin_annotations]).text == "礦區發展&ldquo;好&rdquo;"


def test_unknown_fix_name_is_refused():
    with pytest.raises(ValueError, match="unknown fix"):
        repair("文本", fixes=["spellcheck"])


def test_repair_records_steps_with_stage_and_counts():
    result = repair("文章锟斤拷发布&amp;&ldquo;")
    assert result.text == "文章发布&“"
    steps = {s.name: s for s in result.steps}
    assert steps["kunjinkao"].lost == 2 and steps["kunjinkao"].stage == "repair"
    assert steps["html_entities"].count == 2


def test_clean_text_passes_through_untouched():
    text = "标题\n\n  第一段：他说“你好”，然后走了。x>y 且 a < b，见<<三国演义>>。\n第二段（注）。\n"
    result = repair(text)
    assert result.text == text
    assert result.steps == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=COMMON + "，。、：；“”（）！？ \n0123456789abcXYZ-", min_size=1, max_size=80))
def test_clean_chinese_is_never_changed(text):
    assert repair(text).text == text


# --- pinyin ------------------------------------------------------------------------------------------


def test_pinyin_annotations_are_stripped_when_the_page_shows_the_damage():
    text = "礦區(qū)建設的長(zhǎng)慶樣本,社區(qū)發(fā)展"
    out, steps = fix_pinyin_annotations(text)
    assert out == "礦區建設的長慶樣本,社區發展"
    assert steps[0].count == 4


def test_a_lone_gloss_in_clean_text_is_kept():
    text = "这个多音字在“重量”里读重(zhòng),在“重复”里读重(chóng)。"
    assert fix_pinyin_annotations(text) == (text, [])
    single = "多音字重(zhòng)要记牢。"
    assert fix_pinyin_annotations(single) == (single, [])


def test_full_width_brackets_and_toneless_latin_are_kept():
    text = "發（fā）現（xiàn）和設（shè）,公式(ab)與函數(fx)以及(xy)"
    assert fix_pinyin_annotations(text)[0] == text


def test_the_tail_form_after_a_question_mark_is_left_for_the_gbk_fix():
    text = "我們?nèi)齻€發(fā)現(xiàn)"
    assert fix_pinyin_annotations(text)[0] == "我們?nèi)齻€發現"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=TRADITIONAL + "的是在了，。", min_size=1, max_size=60),
    st.sets(st.sampled_from(TRADITIONAL), min_size=4, max_size=12),
)
def test_annotate_then_strip_gives_the_original(text, chosen):
    damaged = "".join(c + (f"({READING[c]})" if c in chosen else "") for c in text)
    if damaged.count("(") < 2:
        return
    assert fix_pinyin_annotations(damaged)[0] == text


# --- HTML --------------------------------------------------------------------------------------------


def test_entities_named_numeric_hex_and_double_escaped():
    text = "&ldquo;这&#26159;&#x4E2D;&amp;#25991;&mdash;&hellip;&rdquo;"
    assert fix_html(text)[0] == "“这是中文—…”"


def test_nbsp_padding_next_to_chinese_is_dropped_but_kept_between_latin():
    assert fix_html("中文&nbsp;，好 a&nbsp;b")[0] == "中文，好 a\xa0b"


def test_tags_remnants_and_injected_empty_tags_are_removed():
    text = '<p>第一段</p><p>第二段</p>\n<span id="3dn8r"></span>\n1.<meter id="x9k2a"></meter>\n句子。”/p>'
    assert fix_html(text)[0] == "第一段\n第二段\n\n1.\n句子。”"


def test_prose_with_angle_brackets_and_ampersands_is_kept():
    text = "若 a < b 且 x>y,见<<三国演义>>与<水浒>;AT&T 和 R&D;&foo;"
    assert fix_html(text) == (text, [])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=COMMON + "“”—…，。&<>\"' ab", min_size=1, max_size=60))
def test_escape_then_unescape_gives_the_original(text):
    escaped = "".join(f"&#{ord(c)};" if i % 3 == 0 else html.escape(c) for i, c in enumerate(text))
    assert fix_html(escaped)[0] == text


# --- debris ------------------------------------------------------------------------------------------


def test_debris_is_removed_and_counted_as_lost():
    text = "文章锟斤拷锟斤拷内容\ufffd。\n?\n私\ue848用\x07字\u200b符烫烫烫烫\n"
    out, steps = fix_debris(text)
    assert out == "文章内容。\n私用字符\n"
    lost = {s.name: s.lost for s in steps}
    assert lost == {
        "kunjinkao": 4, "fill_bytes": 2, "lost_characters": 3, "zero_width": 0, "lone_question_lines": 1
    }
    assert all(s.detail.startswith("at ") for s in steps)


def test_debris_fix_leaves_real_words_and_punctuation():
    text = "热烫烫的汤,斤两。你好?\n\t缩进\r\n"
    assert fix_debris(text) == (text, [])


UNREADABLE_SOURCE = "研究人員追蹤了兩千名受試者長達十年，結果顯示規律運動者的發病率下降了百分之二十。"


@pytest.mark.parametrize("garble", [
    lambda t: t.encode("utf-8").decode("big5", "replace").replace("\ufffd", "?"),  # lossy beyond repair
    lambda t: t.encode("big5").decode("utf-8", "replace"),  # Big5 bytes read as UTF-8, bad bytes replaced
    lambda t: t.encode("gbk", "replace").decode("utf-8", "replace"),
])
def test_a_line_of_undecodable_mojibake_goes_whole_and_counts_as_lost(garble):
    line = garble(UNREADABLE_SOURCE)
    out, steps = fix_debris("标题\n" + line + "\n正文还在。\n")
    assert out == "标题\n正文还在。\n"
    assert steps[0].name == "unreadable_lines" and steps[0].count == 1
    assert steps[0].lost == len("".join(line.split())) and steps[0].detail == "lines at 3"


@pytest.mark.parametrize("line", [
    "你好?我好?他好?大家好?今天天气怎么样?",  # many genuine (folded) question marks
    "1+1=? 2+2=? 3+3=? 4+4=?",
    "这是一个\ufffd\ufffd的例子，只有一处字符丢了。",  # a few holes in text: only they go
    "なぜ?どうして?本当に?",  # another script, but its text reads
    "え?なに?ほんと?うそ?",
])
def test_a_line_with_holes_whose_text_reads_is_kept(line):
    out, _ = fix_debris(line + "\n")
    assert out.replace("\ufffd", "") == line.replace("\ufffd", "") + "\n"


def test_numeric_reference_that_lost_its_ampersand_is_resolved():
    from cleantext.repair.markup import fix_html

    text, steps = fix_html("他写了小说《#20845;个梦》,又在#x5730;图上")
    assert text == "他写了小说《六个梦》,又在地图上"
    assert [s.name for s in steps] == ["html_lost_ampersand"]


def test_bare_hash_numbers_that_are_not_cjk_references_stay():
    from cleantext.repair.markup import fix_html

    for text in ("第#12;号", "编号#1234;", "颜色 #ffffff; 背景", "话题#2023年#"):
        assert fix_html(text)[0] == text


def test_capitalised_pinyin_annotations_on_a_damaged_page_are_stripped():
    text = "北(Běi)京(Jīng)的球迷说,北(Běi)京(Jīng)队赢了。"
    assert fix_pinyin_annotations(text)[0] == "北京的球迷说,北京队赢了。"


def test_foreign_names_in_brackets_are_no_capitalised_pinyin():
    text = "何塞(José)和贝利(Pelé)都来过,何塞(José)还会再来。"
    assert fix_pinyin_annotations(text) == (text, [])


def test_pinyin_annotations_split_by_a_line_break_are_stripped_and_the_break_kept():
    text = "發(fā)展是社區(q\nū)建設的關(guān)鍵,社區\n(qū)居民參與。"
    assert fix_pinyin_annotations(text)[0] == "發展是社區\n建設的關鍵,社區\n居民參與。"


def test_a_gloss_before_a_line_break_stays_on_a_clean_page():
    text = "这个字读重\n(zhòng),不读重(chóng)。"
    assert fix_pinyin_annotations(text) == (text, [])


def test_cdata_markers_go_and_their_text_stays():
    text = "<div><![CDATA[<p>新线路七月开通</p>\n票价两元。]]></div>"
    assert fix_html(text)[0] == "新线路七月开通\n票价两元。"


def test_cdata_inside_a_script_goes_with_the_script():
    text = "正文。<script>//<![CDATA[\nvar a = 1;\n//]]></script>"
    assert fix_html(text)[0] == "正文。"


def test_a_chain_of_comparisons_is_no_tag():
    for text in ("如果 a<b>c 成立,那么 a<c。", "当 0<i>5 时"):
        assert fix_html(text) == (text, [])


def test_inline_tags_with_their_end_tag_or_between_words_still_go():
    assert fix_html("这是a<b>重点</b>内容")[0] == "这是a重点内容"
    assert fix_html("甲<b>乙")[0] == "甲乙"
    assert fix_html("a<br>c")[0] == "a\nc"
