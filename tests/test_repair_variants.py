"""Damage in shapes the project's generators do not make: BOM-less and misaligned UTF-16, short
UTF-8-as-Latin-1 pages, references without ``;``, invisible marks, pinyin in other shapes."""

from __future__ import annotations

import pytest

from cleantext import clean_document
from cleantext.decode import decode
from cleantext.decode_score import is_utf8_read_as_latin1, looks_like_misread_legacy
from cleantext.decode_sniff import stray_byte_offset
from cleantext.errors import BinaryInputError
from cleantext.repair import repair
from cleantext.repair.debris import fix_invisible_marks
from cleantext.repair.markup import fix_html, terminate_references
from cleantext.repair.pinyin import fix_pinyin_annotations, fix_pinyin_variants

SIMPLIFIED = "天气转凉，注意保暖。"
TRADITIONAL = "歡迎來到我們的網站，這裡有最新的消息。"

# --- UTF-16 without BOM ---------------------------------------------------------------------------


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_of_hanzi_with_control_like_bytes_is_decoded(order):
    # 气 U+6C14 and 。 U+3002 hold bytes 0x14 and 0x02: no NUL, but "control bytes".
    result = decode(SIMPLIFIED.encode(order))
    assert (result.encoding, result.text) == (order, SIMPLIFIED)


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_whose_nuls_point_the_wrong_way_is_decoded(order):
    # 一 U+4E00 puts its NUL where ASCII's would be in the other byte order.
    text = "一一一一一一一一,一个一个地来。"
    assert decode(text.encode(order)).text == text


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("where", [6, 7, 13])
def test_a_stray_byte_in_utf16_is_dropped(order, where):
    raw = "村里的图书馆去年秋天正式开放".encode(order)
    result = decode(raw[:where] + b"\x00" + raw[where:])
    assert result.text == "村里的图书馆去年秋天正式开放"
    assert "utf16_stray_byte" in [s.name for s in result.steps]


def test_stray_byte_offset_finds_the_inserted_byte():
    raw = "春节假期出行指南".encode("utf-16-le")
    assert stray_byte_offset(raw[:6] + b"\x7f" + raw[6:], "utf-16-le") == 6


def test_even_utf16_has_no_stray_byte_step():
    result = decode("标题\n正文内容".encode("utf-16-le"))
    assert result.text == "标题\n正文内容"
    assert result.steps == ()


def test_binary_control_bytes_are_still_refused():
    with pytest.raises(BinaryInputError):
        decode(bytes(range(1, 32)) * 4)


def test_legacy_and_utf8_text_is_not_taken_for_utf16():
    assert decode(SIMPLIFIED.encode("gbk")).encoding == "gb18030"
    assert decode(TRADITIONAL.encode("big5")).text == TRADITIONAL
    assert decode(SIMPLIFIED.encode("utf-8")).encoding == "utf-8"


# --- short UTF-8 read as Latin-1 ------------------------------------------------------------------


def test_short_utf8_read_as_latin1_stays_utf8_and_is_repaired():
    page = "出行指南".encode().decode("latin-1").encode("utf-8")  # C1 controls kept
    assert clean_document(page, target="none", strip=False).text.strip() == "出行指南"


def test_latin1_mojibake_test_does_not_fire_on_gb_bytes_or_latin_text():
    assert is_utf8_read_as_latin1("å\x8f\x91å¸\x83")
    assert not is_utf8_read_as_latin1("Café au lait")
    assert not is_utf8_read_as_latin1("ѧУ")
    assert looks_like_misread_legacy("ѧУ")  # 学校 in GBK: still compared with GB


# --- references without ';' ------------------------------------------------------------------------


def test_references_without_semicolon_are_read():
    text = "&nbsp&nbsp今&#24180&#x6625;节&ldquo出行&rdquo&hellip"
    assert fix_html(text)[0] == "今年春节“出行”…"


def test_double_escaped_reference_without_semicolon_is_read():
    assert fix_html("&amp;#20013国")[0] == "中国"


@pytest.mark.parametrize("text", [
    "AT&T 与 R&D 部门", "&copyright 声明", "链接 ?id=1&lt=2&gt=3", "编号&#123456789", "价格&yenx",
    SIMPLIFIED, TRADITIONAL,
])
def test_ampersands_that_are_not_references_stay(text):
    assert terminate_references(text) == (text, 0)
    assert fix_html(text)[0] == text


# --- invisible marks ------------------------------------------------------------------------------


def test_joiners_and_soft_hyphens_next_to_cjk_are_removed():
    assert fix_invisible_marks("出行\u200c指\u200d南\u00ad,\u200e注意")[0] == "出行指南,注意"


@pytest.mark.parametrize("text", ["👨\u200d👩\u200d👧 family", "co\u00adop", "می\u200cخواهم", SIMPLIFIED])
def test_joiners_outside_cjk_text_stay(text):
    assert fix_invisible_marks(text) == (text, [])


# --- pinyin in other shapes -----------------------------------------------------------------------

ANNOTATED = "這({0})個({1})問({2})題({3}),這({0})裡({4})說({5})明({6})"


@pytest.mark.parametrize("shape", [
    ("zhe4", "ge4", "wen4", "ti2", "li3", "shuo1", "ming2"),
])
@pytest.mark.parametrize("brackets", ["({})", "（{}）", " ({})"])
def test_tone_number_and_full_width_annotations_are_stripped(shape, brackets):
    template = ANNOTATED.replace("({", "\x00{").replace("})", "}\x01")
    text = template.format(*shape).replace("\x00", brackets[:-3]).replace("\x01", brackets[-1])
    assert fix_pinyin_annotations(text)[0] == "這個問題,這裡說明"


def test_full_width_annotations_with_tone_letters_are_stripped():
    text = "這（zhè）個（gè）問（wèn）題（tí）,這（zhè）裡（lǐ）"
    assert fix_pinyin_annotations(text)[0] == "這個問題,這裡"


def test_variants_take_less_evidence_on_a_page_with_the_usual_shape():
    text = "發(fā)現(xiàn)新的國（guó）家"
    assert fix_pinyin_annotations(text)[0] == "發現新的國家"


@pytest.mark.parametrize("text", [
    "汉语课：你好（nǐ hǎo），谢谢（xiè xie），再见（zài jiàn）。",
    "發（fā）現（xiàn）和設（shè）",
    "重（zhòng）量的重（chóng）复,行（xíng）走的行（háng）业,读（dú）书",
    "“行”字读作行（xíng）,也有人读行（xing2）。行（xíng）走,银（yín）行",
    "拼音练习：ma1 ma2 ma3 ma4,请跟读。",
    "中国（China）和日本（Japan）在（zai）会上",
    TRADITIONAL, SIMPLIFIED + "真的吗?是的?",
])
def test_glosses_and_clean_text_stay(text):
    assert fix_pinyin_variants(text) == (text, [])
    assert fix_pinyin_annotations(text)[0] == text


@pytest.mark.parametrize("text", [
    SIMPLIFIED, TRADITIONAL, "真的吗?你确定?是的?", "汉语拼音 nǐ hǎo 的意思是你好。",
    "公式 a<b 且 b>c,AT&T 公司", "第一行\n\n第二行（注释）",
])
def test_clean_text_passes_repair_unchanged(text):
    result = repair(text)
    assert (result.text, result.steps) == (text, ())
