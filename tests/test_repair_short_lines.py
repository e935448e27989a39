"""Short lines (titles, names, bylines) damaged by mojibake are repaired; clean short lines stay.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from cleantext.repair import repair
from cleantext.repair.mojibake import _find_suspects, _line_body, fix_mojibake

BODY = "今天上午，市里召开了一次关于城市建设的会议，与会人员讨论了道路改造和公园绿化的具体方案。"


def as_gbk(text: str) -> str:
    """UTF-8 text read as GBK, lost bytes as ``?``."""
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


def as_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way browsers do (unassigned bytes as C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("title", ["长城", "黄河", "春节", "鐵路", "杭州西湖"])
def test_short_title_read_as_gbk_is_repaired_on_a_clean_page(title: str) -> None:
    page = as_gbk(title) + "\n" + BODY
    assert repair(page).text.split("\n")[0] == title


@pytest.mark.parametrize("title", ["长城", "图书馆", "春節"])
def test_short_title_with_a_double_layer_is_repaired(title: str) -> None:
    once = as_gbk(title) if title != "图书馆" else as_cp1252(title.encode())
    twice = as_cp1252(once.encode())
    assert fix_mojibake(twice + "\n" + BODY)[0].split("\n")[0] == title


def test_short_title_on_a_page_with_the_same_damage() -> None:
    page = "\n".join([as_gbk("西湖"), as_gbk(BODY), as_gbk(BODY[::-1])])
    assert repair(page).text.split("\n")[0] == "西湖"


@pytest.mark.parametrize("byline", ["2019-11-23 作者：王小紅", "發佈時間：2021-03-08 10:15"])
def test_byline_of_legacy_bytes_read_as_cp1252(byline: str) -> None:
    for codec in ("gbk", "big5"):
        damaged = as_cp1252(byline.encode(codec))
        assert fix_mojibake("城市建设\n" + damaged + "\n" + BODY)[0].split("\n")[1] == byline


def test_cp1252_line_keeps_its_final_no_break_space_byte() -> None:
    damaged = as_cp1252(as_cp1252("图书馆".encode()).encode())
    assert damaged.endswith("\xa0")
    assert _line_body(damaged) == damaged
    assert fix_mojibake(damaged)[0] == "图书馆"


@pytest.mark.parametrize("clean", [
    "钱锺书", "饕餮", "魑魅魍魉", "カタカナ", "ありがとう", "東京タワー", "안녕하세요", "Café", "Müller",
    "naïve", "Ελλάδα", "Москва", "ÀÉ", "«»", "鍙", "涓", "鐘錶", "錢鍾書", "ㄅㄆㄇ", "★★★", "©2024",
])
@pytest.mark.parametrize("damaged_body", [False, True])
def test_clean_short_lines_stay(clean: str, damaged_body: bool) -> None:
    body = [as_gbk(BODY), as_gbk(BODY[::-1])] if damaged_body else [BODY]
    for lines in ([clean, *body], ["城市建设", clean, *body]):
        out = repair("\n".join(lines)).text.split("\n")
        assert clean in out


def test_short_suspects_need_a_sign_and_a_short_line() -> None:
    assert _find_suspects("正文\n闀垮煄") == ([], [1])
    assert _find_suspects("正文\n长城") == ([], [])
    assert _find_suspects("闀" + "正文很长的一段话" * 3) == ([], [])
