"""How the stages meet on whole pages: damage of one kind inside damage of another.

Texts are written for these tests. Each case names the interaction and checks both sides: the repair
fires where the page shows the damage and leaves the text's own characters where it does not.
"""

from __future__ import annotations

import pytest

from cleantext import clean
from cleantext.repair import repair
from cleantext.repair.gbk_restart import DocumentBigrams, eaten_line_break, marks_out_of_place
from cleantext.repair.pinyin import annotated_char, fix_pinyin_annotations

# A restart before 。 at a bare line's end: 。's second byte and the line break's first byte became one
# invalid pair, so the line ends "??" and the line break lost a byte (its \r, or one \n of a blank line).
CRLF_DAMAGED = "他们走了很久，终于到了山顶??\n第二天早上，大家一起下山??\n"
JOINED_DAMAGED = "他们走了很久，终于到了山顶??第二天早上，大家一起下山??大家都很累。\n"


def test_restart_at_crlf_line_end_restores_stop_and_line_end() -> None:
    page = CRLF_DAMAGED + "回到家里，大家都很累。\r\n"
    expected = "他们走了很久，终于到了山顶。\r\n第二天早上，大家一起下山。\r\n回到家里，大家都很累。\r\n"
    assert repair(page).text == expected


def test_restart_that_ate_the_line_break_splits_the_lines_again() -> None:
    expected = "他们走了很久，终于到了山顶。\n第二天早上，大家一起下山。\n大家都很累。\n"
    assert repair(JOINED_DAMAGED).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "你真的要走吗??我不信，你再想想。\n",  # once, mid-line: a reader's own marks
        "你真的要走吗??\n我不信,你再想想。\n",  # a page of ASCII punctuation: '??' may be prose
        "你真的要走吗??\n我不信，你再想想。\n",  # a question at a line's end stays a question
    ],
)
def test_genuine_question_marks_stay(text: str) -> None:
    assert repair(text).text == text


def test_marks_out_of_place_needs_full_width_page() -> None:
    assert marks_out_of_place("节日??\n相传，屈原??\n")
    assert not marks_out_of_place("节日??\n相传，屈原。")  # once: may be the text's own
    assert not marks_out_of_place("节日??\n相传,屈原??\n")
    assert not marks_out_of_place("节日？？\n相传，屈原？？\n")


def test_eaten_line_break_follows_the_page_line_end() -> None:
    assert eaten_line_break("\n下", DocumentBigrams("好。\r\n下")) == "\r"
    assert eaten_line_break("\n下", DocumentBigrams("好。\n\n下")) == "\n"
    assert eaten_line_break("\n下", DocumentBigrams("好</p>\n下")) == ""  # tagged: it ended "。<"
    assert eaten_line_break("下", DocumentBigrams("好。\n下")) == ""


def test_whole_crlf_page_comes_out_as_its_article() -> None:
    page = "山顶游记\r\n" + CRLF_DAMAGED
    expected = "山顶游记\n\n他们走了很久，终于到了山顶。\n\n第二天早上，大家一起下山。\n"
    assert clean(page.encode("utf-8")) == expected


# Pinyin annotation on a character the page writes as a numeric reference (decoded only later).


def test_annotation_after_a_reference_is_stripped() -> None:
    assert repair("礦區(qū)發(fā)展，&#38651;(diàn)力公司。").text == "礦區發展，電力公司。"
    assert fix_pinyin_annotations("礦區(qū)發(fā)展，&#x96FB;(diàn)力")[0] == "礦區發展，&#x96FB;力"


def test_lone_gloss_after_a_reference_stays() -> None:
    assert repair("这个字读&#37325;(zhòng)。").text == "这个字读重(zhòng)。"


def test_annotated_char_reads_references() -> None:
    assert [annotated_char(w) for w in ("區", "&#21312;", "&#x5340;")] == ["區", "區", "區"]


def test_clean_simplified_page_is_untouched() -> None:
    page = "社区图书室延长开放时间\n\n从下周一起，图书室每天开放到晚上九点。\n\n你知道吗?这里还有自习区。\n"
    assert clean(page.encode("utf-8")) == page
