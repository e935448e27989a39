"""Damage found by benchmarks/bench_probe2.py: NUL padding, files joined after a cut, pinyin in tone
numbers on short pages. Short texts written for these tests, each rule tested on both sides."""

from __future__ import annotations

import pytest

from cleantext import clean_document
from cleantext.decode import decode, nul_padding, second_file_start
from cleantext.errors import BinaryInputError
from cleantext.repair.pinyin import fix_pinyin_annotations

PAGE = "图书馆延长开放时间\n从下周起，图书馆每天开放到晚上九点。\n"


# --- NUL padding ------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
def test_nul_padding_at_the_end_is_removed_and_reported(codec):
    result = decode(PAGE.encode(codec) + bytes(64))
    assert result.text == PAGE
    step = next(s for s in result.steps if s.name == "nul_padding_removed")
    assert step.lost == 0 and "64 NUL" in step.detail  # padding, no text: nothing lost
    assert result.warnings


def test_a_block_of_nuls_between_two_lines_is_removed():
    head, tail = "标题\n".encode(), "正文第一段。\n".encode()
    result = decode(head + bytes(16) + tail)
    assert result.text == "标题\n正文第一段。\n"
    assert result.spans[0].start == 0 and result.spans[-1].end == len(head) + 16 + len(tail)


def test_nul_padding_page_cleans_to_its_article():
    page = "社区通知\n明天上午停水，请提前储水。\n".encode() + bytes(500)
    assert clean_document(page).text == "社区通知\n\n明天上午停水，请提前储水。\n"


@pytest.mark.parametrize(
    "data",
    [
        "新闻\x00报道\n".encode(),  # a NUL inside a line
        b"first line\n\x00second\n\x00third\n\x00fourth\n\x00fifth\n\x00sixth\n",  # too many runs
        bytes(32),  # nothing but NULs
    ],
)
def test_nuls_that_are_not_padding_still_mean_binary(data):
    with pytest.raises(BinaryInputError):
        decode(data)


def test_nul_padding_needs_line_starts_or_the_end():
    assert nul_padding(b"ab\n\x00\x00cd\n\x00") == [(3, 5), (8, 9)]
    assert nul_padding(b"ab\x00\x00cd\n") is None


# --- two files joined after a cut character ---------------------------------------------------------


def test_a_bom_after_a_cut_character_starts_a_new_line():
    first = "首页 > 新闻 > 收藏".encode()[:-1]
    data = first + "\ufeff水管检修公告\n本周六停水一天。\n".encode()
    assert second_file_start(data) == len(first)
    result = decode(data)
    assert result.text.split("\n")[1:] == ["水管检修公告", "本周六停水一天。", ""]
    assert "\ufeff" not in result.text
    assert any(s.name == "concatenated_files" for s in result.steps)
    assert any(s.name == "truncated_tail" for s in result.steps)


def test_a_bom_after_a_whole_character_is_no_file_boundary():
    for data in ("标题\n".encode() + "\ufeff正文\n".encode(), "标题".encode() + "\ufeff正文".encode()):
        assert second_file_start(data) == 0
    assert not any(s.name == "concatenated_files" for s in decode("标题\ufeff正文".encode()).steps)


# --- pinyin in other shapes, few on the page ----------------------------------------------------------


def test_one_character_annotated_wherever_it_stands_is_damage():
    text = "放假時(shi2)間為三天。\n遇有情況及時(shi2)報告。"
    assert fix_pinyin_annotations(text)[0] == "放假時間為三天。\n遇有情況及時報告。"


@pytest.mark.parametrize(
    "text",
    [
        "擺攤賣（mài）水果，山頂的時（shí）候",  # two characters, each glossed once: maybe a lesson
        "時(shi2)間到了，及時出發",  # the character also stands without its reading
        "這個字讀行（xíng），也讀行（háng）",  # two readings: a gloss
        "时（shí）间，及时（shí）",  # Simplified: the sites annotate Traditional pages
    ],
)
def test_few_glosses_without_the_converter_sign_stay(text):
    assert fix_pinyin_annotations(text)[0] == text
