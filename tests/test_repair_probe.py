"""GBK restart damage that whole pages showed: two restarts in one sentence of a page that kept its
full-width forms, and a run whose last character is kana. Damage made by ``damage()`` (byte by byte, as
the sites' decoder does it) on short texts written for these tests.
"""

from __future__ import annotations

import pytest
from test_repair_gbk_restart import damage

from cleantext.repair.gbk_restart import (
    _tables,
    ascii_ends_run,
    fix_gbk_restart,
    last_candidates,
    run_endings,
)

TWO_RESTARTS = [
    "她沒有說話，只是買了兩張票。\n散場以後，我們一起回家。",
    "他點點頭，只是買了兩本書就走了。\n天黑以後，我們一起回家。",
    "老王說，只是買了一張票，沒別的。\n第二天，我們一起回家。",
]


@pytest.mark.parametrize("text", TWO_RESTARTS)
def test_two_restarts_on_a_page_with_full_width_forms_are_both_repaired(text: str) -> None:
    # 買 is D9 49: its trail byte 'I' ends the first run; read as a folded 'Ｉ' the two runs became one
    damaged = damage(text, {text.index("是"), text.index("了") + 1}, fold=False)
    assert "?琴I了?" in damaged
    assert fix_gbk_restart(damaged)[0] == text


def test_ascii_in_a_run_ends_it_only_where_the_page_kept_full_width_forms() -> None:
    assert [e.end for e in run_endings("。ㄊ校┘墭s譽", 0, folded=False)] == [6]
    assert [e.end for e in run_endings("。ㄊ校┘墭s譽", 0)] == [6, 7]  # folded page: 's' may be 'ｓ'
    assert ascii_ends_run("?", folded=False) and not ascii_ends_run("?", folded=True)
    assert not ascii_ends_run("國", folded=False)


@pytest.mark.parametrize("text", [
    "你好吗?我很好，謝謝你。\n他說：好嗎?好的，明天見。",
    "這是什麼?沒人知道，大家都在猜。",
    "價格是A級，其次是B級。",
])
def test_genuine_question_marks_and_letters_on_a_full_width_page_stay(text: str) -> None:
    assert fix_gbk_restart(text)[0] == text


def test_run_ending_in_kana_still_restores_the_sentence_end() -> None:
    text = "<p>那位老師的女兒。日文名字寫成は-な，今年十歲。</p>"
    damaged = damage(text, {text.index("。")}, fold=False)  # は-: the invalid pair A4 CF 2D eats '-'
    out = fix_gbk_restart(damaged)[0]
    assert out.startswith("<p>那位老師的女兒。日文名字寫成")
    assert out.endswith("な，今年十歲。</p>")


def test_last_candidates_fall_back_to_the_whole_row_only_without_han() -> None:
    tables = _tables()
    han_row = last_candidates(0xD5, tables)
    assert "說" in han_row and all(not "\u3040" <= c <= "\u30ff" for c in han_row)
    kana_row = last_candidates(0xA4, tables)
    assert "は" in kana_row and all("\u3040" <= c <= "\u309f" for c in kana_row)
