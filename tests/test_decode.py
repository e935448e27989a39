"""The decode stage on short byte strings written for these tests."""

from __future__ import annotations

import doctest
import gzip
import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import decode as decode_module
from cleantext import decode_score, decode_sniff
from cleantext.decode import decode, is_lossy_utf8, normalise_encoding
from cleantext.errors import BinaryInputError, CleantextError, DecodeError

NEWS = "今天上午，市里召开了关于改善交通的座谈会，十多位市民代表发言。"
NEWS_HANT = "今天上午，市裡召開了關於改善交通的座談會，十多位市民代表發言。"


@pytest.mark.parametrize("module", [decode_module, decode_score, decode_sniff])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


# --- each encoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-8", "utf-8"),
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
        ("gb18030", "gb18030"),
    ],
)
def test_simplified_text_in_each_encoding(codec, label):
    result = decode(NEWS.encode(codec))
    assert result.text == NEWS
    assert result.encoding == label
    assert 0.0 <= result.confidence <= 1.0


def test_big5_is_labelled_big5hkscs_with_gb_as_runner_up():
    result = decode(NEWS_HANT.encode("big5"))
    assert (result.text, result.encoding, result.runner_up) == (NEWS_HANT, "big5hkscs", "gb18030")
    assert result.confidence > 0.9


def test_gbk_has_big5_as_runner_up():
    result = decode(NEWS.encode("gbk"))
    assert result.runner_up == "big5hkscs"
    assert result.confidence > 0.9


def test_gb18030_four_byte_characters_decode():
    text = "欧元符号€与日文中点・都能表示。"
    assert decode(text.encode("gb18030")).text == text


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16-le"),
        ("utf-32", "utf-32-le"),
    ],
)
def test_bom_is_used_and_removed(codec, label):
    result = decode(NEWS.encode(codec))
    assert result.text == NEWS
    assert "\ufeff" not in result.text
    assert result.encoding == label
    assert [s.name for s in result.steps] == ["bom_removed"]


def test_utf16_big_endian_bom():
    data = "\ufeff标题".encode("utf-16-be")
    assert (decode(data).text, decode(data).encoding) == ("标题", "utf-16-be")


def test_utf16_without_bom_is_found_by_its_nul_pattern():
    text = "第3版 新闻 2024\n天气晴\n"
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).encoding == "utf-16-be"


def test_pure_hanzi_utf16_without_bom_or_nul():
    text = "纯中文没有标点符号的句子"
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).text == text
    assert decode(text.encode("gbk")).encoding == "gb18030"


def test_hkscs_characters_in_big5():
    text = "香港特區政府今日公布新措施，涉及𨋢和邨的管理。"
    result = decode(text.encode("big5hkscs"))
    assert (result.text, result.encoding) == (text, "big5hkscs")


def test_truncated_utf16_tail():
    result = decode("标题abc\n".encode("utf-16-le") * 4 + b"\x41")
    assert result.encoding == "utf-16-le"
    assert result.text == "标题abc\n" * 4 + "\ufffd"
    assert [s.name for s in result.steps] == ["truncated_tail"]


def test_empty_bytes_give_empty_text():
    result = decode(b"")
    assert result.text == ""
    assert result.confidence == 1.0


def test_ascii_is_utf8():
    assert decode(b"Hello, world\n").encoding == "utf-8"


# --- short texts --------------------------------------------------------------------------------------

SHORT_SIMPLIFIED = ["新闻", "天气", "学校", "医院", "经济", "欧元", "农业", "政府报告", "今天下雨了"]
SHORT_TRADITIONAL = ["新聞", "天氣", "學校", "醫院", "經濟", "歐元", "農業", "政府報告", "今天下雨了"]


@pytest.mark.parametrize("word", SHORT_SIMPLIFIED)
def test_short_gbk_text(word):
    # 学校, 医院, 欧元 and 农业 in GBK happen to be valid UTF-8 ("ѧУ"...): still read as GB.
    result = decode(word.encode("gbk"))
    assert (result.text, result.encoding) == (word, "gb18030")


@pytest.mark.parametrize("word", SHORT_TRADITIONAL)
def test_short_big5_text(word):
    result = decode(word.encode("big5"))
    assert (result.text, result.encoding) == (word, "big5hkscs")


@pytest.mark.parametrize("word", SHORT_SIMPLIFIED[:4])
def test_short_utf8_and_utf16_text(word):
    assert decode(word.encode("utf-8")).text == word
    assert decode(word.encode("utf-16")).text == word


def test_real_utf8_accents_stay_utf8():
    assert decode("Café Noël".encode()).encoding == "utf-8"
    assert decode("Ģimene un ļaudis".encode()).encoding == "utf-8"


# --- non-Chinese text goes to charset-normalizer -------------------------------------------------------


def test_korean_is_not_read_as_chinese():
    text = "오늘 서울의 날씨는 맑고 기온은 영상 십도까지 오를 것으로 예상됩니다."
    text += " 시민들은 공원에서 산책을 즐겼습니다."
    text += " 정부는 내년 예산안을 발표했습니다."
    result = decode(text.encode("euc-kr"))
    assert result.text == text
    assert result.encoding not in ("gb18030", "big5hkscs")


def test_japanese_shift_jis_is_not_read_as_chinese():
    text = "今日の東京は晴れで、最高気温は二十度まで上がる見込みです。"
    assert decode(text.encode("shift_jis")).encoding not in ("gb18030", "big5hkscs")


def test_german_latin1_is_not_read_as_chinese():
    text = "Die Regierung hat eine Mieterhöhung für alle Wohnungen begrenzt."
    result = decode(text.encode("cp1252"))
    assert result.encoding not in ("gb18030", "big5hkscs")  # charset-normalizer's pick (a Latin code page)
    assert result.text.startswith("Die Regierung hat eine Mieterh")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in result.text)


def test_charset_normalizer_is_imported_only_for_non_chinese_bytes():
    code = (
        "import sys; from cleantext.decode import decode; "
        "decode('中文'.encode()); decode('中文新闻'.encode('gbk')); decode('新聞'.encode('big5')); "
        "print('charset_normalizer' in sys.modules); "
        "decode('Die Mieterhöhung für alle Wohnungen wird begrenzt.'.encode('cp1252')); "
        "print('charset_normalizer' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["False", "True"]


def test_random_high_bytes_get_low_confidence_and_a_loss_report():
    data = bytes(b | 0x80 for b in random.Random(3).randbytes(2000))
    result = decode(data)
    assert result.confidence <= 0.3
    assert any(s.name == "undecodable_bytes" and s.lost > 0 for s in result.steps)


# --- mixed files and losses -----------------------------------------------------------------------------


def test_mixed_utf8_and_gbk_lines_are_all_kept():
    lines = ["第一行是统一码。", "第二行是国标码。", "第三行又是统一码。", "第四行还是国标码。"]
    data = b"".join(
        (line + "\n").encode("utf-8" if i % 2 == 0 else "gbk") for i, line in enumerate(lines)
    )
    result = decode(data)
    assert result.text.splitlines() == lines
    assert set(result.encoding.split("+")) == {"utf-8", "gb18030"}
    assert [span.encoding for span in result.spans] == ["utf-8", "gb18030", "utf-8", "gb18030"]
    (step,) = [s for s in result.steps if s.name == "mixed_encodings"]
    assert "gb18030: lines 2, 4" in step.detail
    assert step.count == 2


def test_short_gbk_lines_valid_as_utf8_are_still_gbk_in_a_mixed_file():
    lines = ["这一行是统一码编码的新闻。", "学校", "医院", "天气", "Café Noël"]
    data = b"".join((line + "\n").encode("utf-8" if i in (0, 4) else "gbk") for i, line in enumerate(lines))
    result = decode(data)
    assert result.text.splitlines() == lines


def test_line_switching_from_utf8_to_gbk_midway():
    data = "统一码开头的句子".encode() + "国标码结尾的句子".encode("gbk") + b"\n"
    assert decode(data).text == "统一码开头的句子国标码结尾的句子\n"


def test_mixed_utf8_and_big5_lines():
    data = "這行是統一碼。\n".encode() + "這行是大五碼。\n".encode("big5")
    result = decode(data)
    assert result.text == "這行是統一碼。\n這行是大五碼。\n"
    assert result.encoding == "utf-8+big5hkscs" or result.encoding == "big5hkscs+utf-8"


def test_stray_byte_in_a_utf8_line_does_not_turn_the_line_into_gb():
    data = "这一行是统一码的新闻，".encode() + b"\xa0" + "后面的文字也是统一码。\n".encode()
    result = decode(data)
    assert result.text == "这一行是统一码的新闻，\ufffd后面的文字也是统一码。\n"
    assert result.encoding == "utf-8"
    assert [s.name for s in result.steps] == ["undecodable_bytes"]


def test_lossy_mojibake_line_saved_back_as_gbk_is_kept_whole_in_a_mixed_file():
    # UTF-8 read as GBK lost its odd last byte to '?', then the page saved it as GBK: the bytes are UTF-8
    # with a hole. Split where UTF-8 fails, the line would end in a garbage character.
    lossy = "相关链接：防汛知识手册".encode().decode("gbk", "replace").replace("\ufffd", "?")
    data = ("统一码的标题\n".encode() + "国标码的正文。\n".encode("gbk") + lossy.encode("gbk") + b"\n"
            + "国标码的结尾。\n".encode("gbk"))
    assert decode(data).text.splitlines()[2] == lossy
    assert is_lossy_utf8(lossy.encode("gbk"))
    assert not is_lossy_utf8("统一码?".encode()) and not is_lossy_utf8("国标码".encode("gbk"))


def test_single_encoding_file_is_not_mixed():
    result = decode(("第一行\n第二行\n").encode("gbk"))
    assert not [s for s in result.steps if s.name == "mixed_encodings"]
    assert len(result.spans) == 1


def test_undecodable_byte_is_replaced_and_reported():
    data = "前半句话".encode("gbk") + b"\xff" + "后半句话".encode("gbk")
    result = decode(data)
    assert result.text == "前半句话\ufffd后半句话"
    (step,) = [s for s in result.steps if s.name == "undecodable_bytes"]
    assert (step.count, step.lost) == (1, 1)
    assert "byte offsets 8" in step.detail
    assert result.warnings


def test_truncated_utf8_tail_keeps_the_rest_and_reports_the_loss():
    data = "完整的句子和半个字".encode()[:-1]
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text == "完整的句子和半个\ufffd"
    (step,) = result.steps
    assert (step.name, step.lost) == ("truncated_tail", 2)
    assert "byte offset 24" in step.detail


def test_truncated_gbk_tail():
    data = "完整的句子和半个字".encode("gbk")[:-1]
    result = decode(data)
    assert (result.encoding, result.text) == ("gb18030", "完整的句子和半个\ufffd")
    assert [s.name for s in result.steps] == ["truncated_tail"]


def test_clean_input_reports_no_loss():
    result = decode(NEWS.encode("gbk"))
    assert result.steps == ()
    assert result.warnings == ()


def test_very_long_line_with_one_bad_byte():
    body = (NEWS * 3000).encode("gbk")  # one line of ~190 KB
    result = decode(body + b"\x80" + body)
    assert result.text == NEWS * 3000 + "\ufffd" + NEWS * 3000
    (step,) = result.steps
    assert step.lost == 1


# --- refusals ------------------------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "新闻")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (_zip_bytes(), "ZIP archive"),
        (gzip.compress("新闻".encode()), "gzip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        ("新闻\x00标题".encode() + b"\x00\x01\x02", "NUL bytes"),
        (bytes(range(1, 9)) * 20 + "新闻".encode(), "control bytes"),
    ],
)
def test_binary_input_is_refused(data, reason):
    with pytest.raises(BinaryInputError, match=reason):
        decode(data)


def test_random_bytes_are_refused():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(BinaryInputError):
        decode(data)


def test_a_few_control_bytes_do_not_make_text_binary():
    assert decode("标题\x07正文".encode()).text == "标题\x07正文"


# --- override ----------------------------------------------------------------------------------------


def test_override_decodes_with_the_given_encoding():
    result = decode(NEWS.encode("gbk"), encoding="GBK")
    assert (result.text, result.encoding, result.confidence) == (NEWS, "gb18030", 1.0)


def test_override_big5_and_name_normalisation():
    assert decode(NEWS_HANT.encode("big5"), encoding="big5").encoding == "big5hkscs"
    assert normalise_encoding("gb2312") == "gb18030"
    assert normalise_encoding("utf-8-sig") == "utf-8"


def test_override_strips_a_matching_bom():
    assert decode(b"\xef\xbb\xbf" + "标题".encode(), encoding="utf-8").text == "标题"
    assert decode("标题".encode("utf-16"), encoding="utf-16").text == "标题"


def test_override_that_does_not_fit_names_offset_and_reason():
    with pytest.raises(DecodeError, match=r"not valid utf-8: .* at byte offset 0"):
        decode(NEWS.encode("gbk"), encoding="utf-8")


def test_unknown_encoding_is_a_decode_error():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(b"abc", encoding="no-such-codec")


def test_override_can_force_another_reading():
    # Detection would say GB; the user knows better.
    result = decode("新闻".encode("gbk"), encoding="latin-1")
    assert result.encoding == "iso8859-1"
    assert len(result.text) == 4


# --- properties ----------------------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.sampled_from(list("新闻天气学校医院经济，。的了是在 abc123\n")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_utf8_and_utf16_round_trip(text):
    assert decode(text.encode("utf-8")).text == text
    assert decode(text.encode("utf-16")).text == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_or_a_clear_error(data):
    try:
        result = decode(data)
    except CleantextError as exc:
        assert str(exc)
        return
    assert 0.0 <= result.confidence <= 1.0
    lost = sum(s.lost for s in result.steps)
    assert result.text.count("\ufffd") >= (1 if lost else 0)


# --- the fast paths decide as the full computation does ---------------------------------------------


def _full_rank(candidates: list[tuple[str, str, int]]) -> list[decode_score.Reading]:
    """rank() as it was before losers could be left unscored: every reading scored every round."""
    model = decode_score.langmodel.get_model()
    count = len(candidates)
    logprob, foreign, hanzi = [0.0] * count, [0] * count, [0] * count
    penalty = [decode_score.ERROR_PENALTY * errors for _, _, errors in candidates]
    limit = min(decode_score.SCORE_CHARS, min(len(text) for _, text, _ in candidates))
    pos = 0
    while pos < limit:
        end = min(limit, pos + decode_score.RACE_CHUNK)
        for k, (_, text, _) in enumerate(candidates):
            chunk = text[pos:end]
            logprob[k] += model.logprob(chunk)
            foreign[k] += len(decode_score.pattern("foreign").findall(chunk)) - chunk.count("\ufffd")
            hanzi[k] += len(decode_score.pattern("hanzi").findall(chunk))
        pos = end
        scores = sorted((logprob[k] - 4.0 * foreign[k] - penalty[k] for k in range(count)), reverse=True)
        if count > 1 and scores[0] - scores[1] > decode_score.DECISIVE:
            break
    readings = [
        decode_score.Reading(enc, text, errors, logprob[k] - 4.0 * foreign[k] - penalty[k],
                             logprob[k] / pos if pos else 0.0, foreign[k], hanzi[k], pos)
        for k, (enc, text, errors) in enumerate(candidates)
    ]
    return sorted(readings, key=lambda r: r.score, reverse=True)


def _readings_of(data: bytes, encodings: tuple[str, ...]) -> list[tuple[str, str, int]]:
    return [(enc, *decode_score.decode_counting(data, enc)) for enc in encodings]


# GB bytes that Big5 cannot read: GBK's own extension characters (lead bytes 0x81-0xA0) and its
# Traditional forms.
GB_ONLY = (("专家们说：" + NEWS_HANT + "隨着經濟發展，鄉鎮變化很大。") * 4).encode("gbk")


@pytest.mark.parametrize(
    "data",
    [
        GB_ONLY,  # Big5 reading full of errors: the loser is left unscored
        (NEWS * 3).encode("gbk"),  # Big5 reading valid: both scored until one leads
        (NEWS_HANT * 3).encode("big5"),  # GB reading valid but foreign: both scored
        NEWS.encode("gbk")[:12],  # too short for the race to end: both scored throughout
        ("Menu | 首页 > 新闻 > 正文\n" + NEWS).encode("gbk"),
    ],
)
def test_rank_skipping_hopeless_losers_keeps_order_confidence_and_winner(data):
    candidates = _readings_of(data, ("gb18030", "big5hkscs"))
    fast, full = decode_score.rank(candidates), _full_rank(candidates)
    assert [r.encoding for r in fast] == [r.encoding for r in full]
    assert fast[0] == full[0]
    assert round(decode_score.best_two(fast)[2], 4) == round(decode_score.best_two(full)[2], 4)
    assert fast[1].score >= full[1].score  # a skipped loser keeps its upper bound


def test_rank_leaves_a_hopeless_loser_unscored_and_scores_a_close_one():
    fast = decode_score.rank(_readings_of(GB_ONLY, ("gb18030", "big5hkscs")))
    loser = fast[1]
    assert loser.errors > 20
    penalties = decode_score.FOREIGN_PENALTY * loser.foreign + decode_score.ERROR_PENALTY * loser.errors
    assert loser.score == -penalties
    close = decode_score.rank([("a", NEWS, 0), ("b", NEWS[::-1], 0)])
    assert all(r.score < -decode_score.FOREIGN_PENALTY * r.foreign for r in close)  # both scored


@pytest.mark.parametrize(
    "text",
    [
        NEWS * 5,
        "首页 > 新闻 > 正文\n" + NEWS * 4,
        "ぱぴぷぺぽ" * 10,
        "Die Mieterh鰄ungen f黵 alle Wohnungen in der Stadt sind gestiegen",
        "瓣ホ猳厨瓣ホ猳厨" * 8,
        "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(300)),  # hanzi at random: not Chinese
        "ok",
        "",
    ],
)
@pytest.mark.parametrize("min_mean", [-20.0, -8.0, -6.0, -4.0])
def test_plausible_prefix_agrees_with_scoring_the_prefix_in_full(text, min_mean):
    full = decode_score.is_plausible_chinese(decode_score.rank([("gb18030", text, 0)])[0], min_mean)
    assert decode_score.is_plausible_prefix("gb18030", text, 0, min_mean) is full


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_a_whole_legacy_page_reads_as_the_line_by_line_decoder_reads_it(codec):
    """The one-decode fast path for a page wholly in GB or Big5 gives the line machinery's result."""
    lines = ["國際新聞報導", "", "這是第一段的內容，說明經濟發展。", "2024-05-01 12:00", "第二段：環境保護。"]
    data = "\n".join(lines).encode(codec) + b"\n"
    result = decode(data)
    out = decode_module._Assembly(data)
    other = "big5hkscs" if result.encoding == "gb18030" else "gb18030"
    decode_module._decode_by_lines(data, out, result.encoding, ("utf-8", result.encoding, other))
    assert result == out.result(result.confidence, result.runner_up)
    assert result.text == data.decode(codec)


def test_a_legacy_page_with_a_bad_byte_still_goes_line_by_line():
    data = "國際新聞報導\n這是內容".encode("big5") + b"\xff\n" + "第二段".encode("big5")
    result = decode(data)
    assert result.encoding == "big5hkscs"
    assert [step.name for step in result.steps] == ["undecodable_bytes"]
    assert result.text.endswith("\ufffd\n第二段")


def test_mostly_hanzi_utf16_without_bom_or_clear_nul_pattern():
    # One NUL per line break, and 一 (U+4E00) puts one in the other position: the NUL pattern is
    # unclear, the characters are not.
    text = "新线路七月一日开通\n全程共设站点\n"
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).text == text
    assert decode("夜读受宠\n".encode("utf-16-le")).text == "夜读受宠\n"


def test_nul_bytes_that_read_as_no_text_in_either_utf16_order_are_binary():
    # random bytes read as no text either way; ASCII with a stray NUL reads as hanzi BOTH ways
    for data in (bytes(range(256)) * 4, b"hello world\x00 this is text\n", "新闻\x00报道".encode("gbk")):
        with pytest.raises(BinaryInputError):
            decode(data)


def test_a_short_utf8_title_on_a_gbk_page_that_gb18030_also_reads_is_read_as_utf8():
    body = "市图书馆推出了夜间阅读服务，每周五晚上开放到十点。\n"
    for title in ("夜读", "新闻", "开通了"):
        result = decode(title.encode() + b"\n" + body.encode("gbk"))
        assert result.text == title + "\n" + body
        assert "utf-8" in result.encoding and "gb18030" in result.encoding


def test_a_gbk_line_that_is_valid_utf8_stays_gbk_unless_utf8_reads_far_better():
    # "妗颁翱" in GBK is valid UTF-8 ("桰䰿", an Extension A character): no better, so it stays GB
    text = "妗颁翱\n市图书馆推出了夜间阅读服务。\n"
    data = text.encode("gbk")
    data.split(b"\n")[0].decode("utf-8")
    assert decode(data).text == text and decode(data).encoding == "gb18030"
