"""Double mojibake with lost bytes: the outer layer's lost bytes are decided by the inner layer.

Short texts written for these tests. ``twice_as_gbk``: UTF-8 read as GBK by a decoder that writes '?'
for what it cannot pair, saved as UTF-8 and read as GBK again; ``cp1252_then_gbk``: UTF-8 read as
windows-1252 (as browsers read it), saved as UTF-8, then read as GBK with '?'.
"""

from __future__ import annotations

import pytest

from cleantext.repair import repair
from cleantext.repair.mojibake import (
    _SLOTS,
    KINDS,
    decode_line,
    fix_mojibake,
    open_line,
)

C1_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


def twice_as_gbk(text: str) -> str:
    return as_gbk(as_gbk(text))


def cp1252_then_gbk(text: str) -> str:
    data = text.encode("utf-8")
    cp1252 = "".join(chr(b) if b in C1_UNDEFINED else bytes([b]).decode("cp1252") for b in data)
    return as_gbk(cp1252)


SENTENCES = [
    "我们明天早上八点在学校门口集合，请大家带好雨伞和水杯。",
    "老师让同学们把作业写在新的本子上。",
    "今年春天雨水很多，河边的柳树长得特别快。",
    "社区医院的体检报告已经出来了，请居民按时领取。",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_line_read_twice_as_gbk_with_loss_comes_back(text: str) -> None:
    damaged = twice_as_gbk(text)
    assert "?" in damaged  # both layers lost bytes
    fixed, steps = fix_mojibake(damaged)
    assert fixed == text
    assert [s.name for s in steps] == ["utf8_as_gbk"]
    assert steps[0].count == 2  # one line, two layers


@pytest.mark.parametrize("text", [*SENTENCES, "新来的邻居"])
def test_a_line_read_as_cp1252_then_as_gbk_with_loss_comes_back(text: str) -> None:
    damaged = cp1252_then_gbk(text)
    fixed, steps = fix_mojibake(damaged)
    assert fixed == text
    assert {s.name for s in steps} == {"utf8_as_gbk", "utf8_as_cp1252"}


def test_a_short_title_read_twice_as_gbk_comes_back_on_its_page() -> None:
    page = f"{twice_as_gbk('新来的邻居')}\n{SENTENCES[0]}\n{SENTENCES[2]}"
    assert fix_mojibake(page)[0].split("\n")[0] == "新来的邻居"


def test_the_damaged_line_is_repaired_and_the_clean_lines_around_it_are_not() -> None:
    page = "\n".join([SENTENCES[1], twice_as_gbk(SENTENCES[2]), SENTENCES[3]])
    assert fix_mojibake(page)[0] == "\n".join(SENTENCES[1:])


def test_the_outer_reading_leaves_its_lost_bytes_open_with_every_character_they_allow() -> None:
    damaged = twice_as_gbk("关于清明节")
    middle = as_gbk("关于清明节")  # what the outer layer really read
    opened = open_line(KINDS[0], damaged)
    assert opened is not None and opened.slots
    placeholders = _SLOTS.findall(opened.text)
    assert len(placeholders) == len(opened.slots)
    # each placeholder stands for one character of the middle layer, which is among its candidates
    for n, ch in enumerate(opened.text):
        if _SLOTS.match(ch):
            assert middle[n] in (opened.slots[ord(ch) - 0x100000] or middle[n])
    assert open_line(KINDS[0], as_gbk("关于")) is None  # 鍏充簬: no byte lost, nothing left open


def test_the_inner_layer_decides_the_open_characters() -> None:
    opened = open_line(KINDS[0], twice_as_gbk(SENTENCES[1]))
    assert opened is not None
    inner = decode_line(KINDS[0], opened.text, slots=opened.slots)
    assert inner is not None and inner.joint
    assert inner.text == SENTENCES[1]


@pytest.mark.parametrize("every", [2, 3, 4])
def test_a_line_with_too_many_bytes_lost_is_left_as_it_was(every: int) -> None:
    for text in SENTENCES:
        damaged = "".join("?" if i % every == 1 else c for i, c in enumerate(twice_as_gbk(text)))
        assert fix_mojibake(damaged) == (damaged, [])


def test_a_repair_never_turns_a_line_into_other_garbage() -> None:
    from difflib import SequenceMatcher

    more = ["这家小饭馆的红烧肉做得很好吃，每到周末都要排队。", "图书馆今天下午闭馆整理书架，明天照常开放。"]
    for text in [*SENTENCES, *more]:
        for damage in (twice_as_gbk, cp1252_then_gbk):
            damaged = damage(text)
            fixed = fix_mojibake(damaged)[0]
            assert fixed == damaged or SequenceMatcher(None, fixed, text).ratio() >= 0.9


@pytest.mark.parametrize("clean", [
    "他每天都很忙碌，家里养了一只猫，屋顶盖着茅草。",
    "盲人按摩店的老板说，茫茫人海里找到知音不容易。",
    "莽莽群山之中，猫头鹰在夜里出没，茅屋旁的小路很窄。",
    "Café crème, déjà vu — naïve façade.",
])
def test_clean_text_with_the_characters_of_cp1252_then_gbk_mojibake_is_left_alone(clean: str) -> None:
    assert fix_mojibake(clean) == (clean, [])
    assert repair(clean).text == clean
