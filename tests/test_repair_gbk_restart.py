"""GBK restart damage: damaged → repaired, clean text with ``?`` untouched, damage-then-repair property.

The damage is made here, at known positions, byte by byte as the sites' decoder does it (independently of
the module under test), on short texts written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.repair.gbk_restart import (
    _TAG_REMNANT,
    LOST_PRIOR,
    DocumentBigrams,
    _bonuses,
    _closes_unopened,
    _eaten_byte,
    first_unopened_closer,
    fix_gbk_restart,
    page_support,
    run_endings,
    short_sentence_penalty,
    site_pair,
)


def _pair(lead: int, trail: int) -> str:
    if lead == 0xFE and 0x50 <= trail <= 0xA0 and trail != 0x7F:
        return chr(0xE815 + trail - 0x50 - (trail > 0x7F))
    return bytes((lead, trail)).decode("gb18030")


def damage(text: str, at: set[int], fold: bool = True) -> str:
    """Restart the decoder one byte early before each character index in ``at``.

    The restart byte (the previous character's last byte) and the next lead byte become G0, shown as
    ``?``; the rest is read out of step until an ASCII byte lands in a lead position. Invalid pairs show
    as ``?`` and swallow the ASCII byte after them. Full-width forms are then folded, as the sites do.
    """
    data, marks = bytearray(), set()
    for k, ch in enumerate(text):
        b = ch.encode("gbk")
        if k in at:
            prev = text[k - 1].encode("gbk")
            assert len(b) == 2 and len(prev) == 2, "restart needs two double-byte characters"
            marks.add(len(data))
            data.append(prev[1])
        data += b
    out, i = [], 0
    while i < len(data):
        c = data[i]
        if c < 0x80 or c == 0x80:
            ch, i2 = ("€" if c == 0x80 else chr(c)), i + 1
        elif i + 1 >= len(data) or c == 0xFF:
            ch, i2 = "?", i + 1
        elif not (0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F):
            ch, i2 = "?", i + 2
        else:
            ch, i2 = _pair(c, data[i + 1]), i + 2
        out.append("?" if i in marks else ch)
        i = i2
    result = "".join(out)
    if fold:
        result = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in result)
    return result


def test_damage_helper_reproduces_a_real_run():
    assert damage("國家及省（市）級榮譽稱號", {3}) == "國家及?。ㄊ校┘墭s譽稱號"


def test_site_pair_reads_user_defined_area_as_private_use():
    assert site_pair(0xFE, 0x50) == "\ue815"
    assert site_pair(0xFE, 0xA0) == "\ue864"
    assert site_pair(0xAA, 0xA1) == "\ue000"


def test_run_ends_where_an_ascii_trail_byte_lands_in_lead_position():
    # 榮 = 98 73: its trail 's' is read as ASCII and puts the stream back in step
    endings = run_endings("。ㄊ校┘墭s譽稱號", 0)
    assert endings[0].end == 6 and endings[0].trail == ord("s")
    # an ASCII letter may also be a folded full-width form inside the run: that reading is kept too
    assert all(e.end > 6 for e in endings[1:])


# --- damaged → repaired ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clean", "at"),
    [
        ("先后獲得國家及省（市）級榮譽稱號六十余項。", {7}),  # Traditional run, resync at a GBK/3 trail
        ("找維修隊的人來修。”“大過節的,都放假了。", {8}),  # sentence end before a quote
        ("這是社區眾多服務項目中的一項。”</p>", {14}),  # ends in an invalid pair that ate '<'
        ("我们今天讨论这个问题。大家都很关心。</p>", {10}),  # Simplified: run goes to the end
        ("他们说“我们明天再来。”大家都笑了。", {10}),  # 。 before a closing quote
    ],
)
def test_restart_run_is_repaired(clean: str, at: set[int]):
    damaged = damage(clean, at)
    assert damaged != clean
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired == damage(clean, set())  # same folding as the page
    assert steps[0].name == "gbk_restart" and steps[0].count == len(at)


def test_paragraph_end_run_restores_swallowed_tag_bracket():
    damaged = damage("服務項目中的一項。”</p>", {8})
    assert damaged.endswith("?!?/p>")
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired == "服務項目中的一項。”</p>"
    assert steps[0].lost == 2  # 。 and ” were guessed


def test_annotated_g0_tail_names_the_lost_character():
    # 們 + 三: G0 = 們's trail + 三's lead = 內, annotated 內(nèi); its "(" was eaten
    damaged = damage("他們三個人在說話,真是開心。", {2})
    assert damaged.startswith("他們?")
    with_tail = damaged.replace("?", "?nèi)", 1)
    repaired, steps = fix_gbk_restart(with_tail, readings={"內": "nèi"})
    assert repaired == "他們三個人在說話,真是開心。"
    assert steps[0].lost == 0


def test_restart_after_ascii_trail_only_inserts_a_question_mark():
    # 覺 = D3 58: the restart byte 0x58 is ASCII, so only a '?' appears and nothing is lost
    clean = "我覺得很好。我們都覺。"
    damaged = damage(clean, {10})
    assert damaged == "我覺得很好。我們都覺?。"
    assert fix_gbk_restart(damaged)[0] == clean


def test_lone_question_mark_goes_only_where_the_page_shows_the_damage():
    # 覺 ends in an ASCII byte: a restart before 。 leaves only a '?'; a '?' before 。 is not prose
    assert fix_gbk_restart("我們都覺?。")[0] == "我們都覺。"
    # mid-sentence a lone '?' after such a character stays on a page without other damage...
    assert fix_gbk_restart("他說覺?他很好")[0] == "他說覺?他很好"
    # ...and goes on a page that shows the damage (a private-use character of a misread pair)
    out = fix_gbk_restart("他說覺?他很好。" + damage("國家及省（市）級榮譽。", {3}) + "\ue848")[0]
    assert out.startswith("他說覺他很好。國家及省(市)級榮譽")


def test_eaten_first_digit_of_a_number_is_guessed():
    clean = "這是當年的大事。1972年他來到這裡。</p>"
    damaged = damage(clean, {7})
    assert "??972" in damaged
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired.startswith("這是當年的大事。") and "972年" in repaired
    assert repaired[8].isdigit()  # one digit stands where the eaten one stood
    assert steps[0].lost == 2


@pytest.mark.parametrize(("year", "written"), [("2011", "2011"), ("1772", "1772"), ("1059", "1059"),
                                               ("2035", "2035"), ("2045", "1045")])
def test_eaten_first_digit_of_a_year_is_the_likelier_century(year: str, written: str):
    # 2000-2039 keep their 2; any other three digits are read as a year of the past (1045, not 2045)
    clean = f"這是當年的大事。{year}年他來到這裡。</p>"
    damaged = damage(clean, {7})
    assert f"??{year[1:]}年" in damaged
    assert fix_gbk_restart(damaged)[0] == f"這是當年的大事。{written}年他來到這裡。</p>"


@pytest.mark.parametrize(("clean", "restart_at"), [
    ("<p>这是当年一系列的改革措施，于1971年开始推行。</p>", "革"),
    ("<p>他对晶体的结构进行分析，于1982年总结出规律。</p>", "分"),
    ("<p>这座寺庙始建于17世纪，后来多次扩建。</p>", "始"),
])
def test_the_character_before_an_eaten_first_digit_is_chosen_before_a_digit(clean: str, restart_at: str):
    # the run's last character lost its trail byte and the invalid pair ate the number's first digit:
    # scored before "971年" the model took 有 (有 and 于 share the lead byte); before a digit it is 于
    damaged = damage(clean, {clean.index(restart_at)}, fold=False)
    assert "于" not in damaged
    assert "于1" in fix_gbk_restart(damaged)[0]


def test_eaten_ampersand_of_a_character_reference_is_restored():
    # a run ending before "&#22312;" swallows the "&": the rest of the reference tells it
    clean = "次年獲得雨果獎。&#22312;冷戰進行了相當長的時間後，美國、蘇聯和中國各自"
    damaged = damage(clean, {7})
    assert "??#22312;" in damaged
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired.startswith("次年獲得雨果獎。&#22312;冷戰")
    assert steps[0].lost == 1  # only 。 was guessed: the '&' is known


def test_last_character_of_a_run_is_guessed_with_the_reference_after_it_read():
    # the run ends at 哈, whose trail byte went with the eaten '&'; 哈 is known only from 爾濱 after it,
    # which the page writes as a reference
    clean = "這座橋引起了大量爭論。最後，哈&#29246;濱市政府決定拆除。"
    damaged = damage(clean, {10})
    assert "?#29246;" in damaged
    assert fix_gbk_restart(damaged)[0] == clean.replace("，", ",")


def test_only_a_known_reference_name_tells_an_eaten_ampersand():
    assert _eaten_byte("nbsp;這") == _eaten_byte("#x4E2D;") == "&"
    assert _eaten_byte("foo;") == _eaten_byte("#1;") == _eaten_byte("月6日") == ""
    assert fix_gbk_restart("他問道你來了嗎?abc;這裡等你很久了。")[0] == "他問道你來了嗎?abc;這裡等你很久了。"


def test_tag_remnant_is_a_tag_not_any_text_before_a_bracket():
    assert _TAG_REMNANT.match("/p>")
    assert _TAG_REMNANT.match('span id="3dn8r">')
    assert not _TAG_REMNANT.match("ISBN 4-04-425305-6高中生的>")


def test_step_reports_count_example_and_guesses():
    damaged = damage("先后獲得國家及省（市）級榮譽稱號。", {7})
    _, steps = fix_gbk_restart(damaged)
    (step,) = steps
    assert (step.stage, step.name, step.count, step.lost) == ("repair", "gbk_restart", 1, 1)
    assert "?" in step.before and "省" in step.after
    assert step.detail == "at:guessed 7:省"


def test_short_sentence_makes_a_lost_full_stop_unlikely():
    # 日。“ would close a sentence of four characters: the word 日常 wins (a length prior)
    clean = "發展依靠群眾。在做好日常“三保一修”服務的同時,要推進工作。</p>"
    assert fix_gbk_restart(damage(clean, {11}))[0] == damage(clean, set())


def test_short_sentence_penalty_fires_and_does_not():
    assert short_sentence_penalty("。", "大家都來了。在做好日", "“") < 0
    assert short_sentence_penalty("。", "我們今天討論了很多問題", "“") == 0.0  # a long sentence
    assert short_sentence_penalty("字", "在做好日", "“") == 0.0  # not a sentence end
    assert short_sentence_penalty("。", "他說：“好", "”") == 0.0  # a short quoted reply


def test_page_counts_are_taken_on_demand():
    page = DocumentBigrams("長慶油田的長慶樣本?的長城")
    assert page.count("長慶") == 2 and page.count("慶樣") == 1
    assert page.followers("長") == frozenset("慶城") and page.predecessors("慶") == frozenset("長")
    assert page.count("本?") == 0  # the damage's own '?' teach nothing


# --- clean text is left alone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "你好吗?我很好。",
        "what? ok",
        "真的吗??",
        "他問:“你去哪裡?”我說不知道。",
        "是嗎?是的。",
        "??",
        "?開頭的問號",
        "网址是 http://a.cn/?id=3 请访问。",
    ],
)
def test_genuine_question_marks_stay(text: str):
    assert fix_gbk_restart(text) == (text, [])


def test_text_without_question_mark_is_returned_as_is():
    text = "沒有任何損壞的句子。"
    out, steps = fix_gbk_restart(text)
    assert out is text and steps == []


# --- property: damage then repair gives the original back -----------------------------------------

_SENTENCES = [
    "今天天氣很好",
    "我們一起去公園散步",
    "這個問題需要認真研究",
    "經濟發展取得了新的成績",
    "他說這件事情非常重要",
    "學生們在教室裡讀書",
    "城市的交通越來越方便",
    "我们一起去学校上课",
    "这个方法已经得到广泛应用",
    "工作人员及时赶到了现场",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=4),
    which=st.integers(min_value=0, max_value=3),
)
def test_quoted_sentence_end_damage_then_repair_gives_original(picks: list[str], which: int):
    """Restart just before the 。 that ends a quoted sentence (``。”``, the commonest real case):
    the text around the run tells the lost character, so the repair gives the original back."""
    which %= len(picks)
    parts = [f"他說“{s}。”" if i == which else s + "。" for i, s in enumerate(picks)]
    clean = "".join(parts) + "</p>"
    k = len("".join(parts[: which + 1])) - 2
    assert clean[k] == "。"
    damaged = damage(clean, {k})
    assert damaged != damage(clean, set())
    assert fix_gbk_restart(damaged)[0] == damage(clean, set())


def test_page_unigram_cache_favours_characters_the_page_repeats():
    from cleantext.langmodel import get_model
    from cleantext.repair.gbk_restart import DocumentBigrams, page_unigram_gains

    page = DocumentBigrams("鹦哥鱼又名青衫,雄鱼青衫色深。青衫鱼分布于海。")
    gains = page_unigram_gains(get_model(), page, ("衫", "道", "的"))
    assert gains["衫"] > 2.0  # rare in the language, three times on the page
    assert "道" not in gains and "的" not in gains  # not on the page: no gain
    common = page_unigram_gains(get_model(), DocumentBigrams("我的书和你的书。"), ("的",))
    assert common["的"] < gains["衫"]  # a common character gains little from its repetition


def test_a_run_weighs_a_bounded_number_of_endings():
    """Each ASCII character or '?' after a run's start is a possible end: a page of many genuine '?'
    must not make every '?' weigh all the others (it made such pages take minutes)."""
    from cleantext.repair.gbk_restart import MAX_ENDINGS, run_endings

    text = "你好吗?我很好?" * 200
    assert len(run_endings(text, 3)) == MAX_ENDINGS
    assert len(run_endings("。ㄊ校┘墭s譽", 0)) == 2  # few endings: all of them


def test_a_page_of_genuine_question_marks_is_left_alone():
    from cleantext.repair.gbk_restart import fix_gbk_restart

    text = "你好吗?我很好?他呢?" * 60
    assert fix_gbk_restart(text) == (text, [])


def test_three_question_marks_in_a_row_are_the_text_s_own():
    """The damage leaves at most two '?' in a row; a page whose characters a converter turned into '?'
    (``???? ???``) is left as it is, and a run after such a group is still repaired."""
    from cleantext.repair.gbk_restart import fix_gbk_restart

    lost = "?" * 3000 + "\n"
    assert fix_gbk_restart(lost) == (lost, [])
    fixed, steps = fix_gbk_restart("??? 先后獲得國家及?。ㄊ校┘墭s譽稱號")
    assert fixed == "??? 先后獲得國家及省(市)級榮譽稱號" and steps


def test_right_context_weighs_more_before_a_han_character_than_before_a_mark():
    from cleantext.repair.gbk_restart import RIGHT_WEIGHT_HAN, RIGHT_WEIGHT_MARK, right_context_weight

    assert right_context_weight("馆称之") == RIGHT_WEIGHT_HAN
    for right in ("「滅絕」", "”", ",但", "\n", ""):
        assert right_context_weight(right) == RIGHT_WEIGHT_MARK
    assert RIGHT_WEIGHT_HAN > RIGHT_WEIGHT_MARK


def test_a_word_with_the_right_neighbour_beats_one_with_the_left(monkeypatch: pytest.MonkeyPatch):
    # 广东[菜]馆: with the right context weighed as little as before a quote, 东盟 (a word with the left
    # neighbour) wins; weighed as a Han neighbour deserves, 菜馆 does
    import cleantext.repair.gbk_restart as gbk

    clean = "清蒸、红烧均可,广东菜馆称之为青衣。"
    damaged = damage(clean, {clean.index("菜")})
    assert fix_gbk_restart(damaged)[0] == clean
    monkeypatch.setattr(gbk, "RIGHT_WEIGHT_HAN", gbk.RIGHT_WEIGHT_MARK)
    assert fix_gbk_restart(damaged)[0] != clean


def test_lost_full_stop_before_the_next_sentence_is_still_restored():
    clean = "这个页面介绍莱索托的交通。因是一个内陆国家，交通不便。"
    assert fix_gbk_restart(damage(clean, {clean.index("。")}))[0] == damage(clean, set())


def test_the_full_stop_before_an_eaten_one_digit_month_is_restored_and_the_digit_counts_as_lost():
    # "。4月6日" → "??月6日": the invalid pair (。's trail byte, '4') ate the month, which nothing tells
    page = "二〇〇九年4月5日舉行第一輪投票，4月6日公布結果。第二輪總統選舉投票??月6日，據中央選舉委員會統計。"
    repaired, steps = fix_gbk_restart(page)
    assert "投票。月6日，" in repaired
    assert steps[0].lost == 2 and steps[0].detail.endswith(":。")


def test_question_marks_before_a_month_word_that_is_no_date_stay():
    for text in ("你真的要走嗎??月底再說吧，我們還有很多事情要做。", "他問：真的嗎??日，我們再見面。"):
        assert fix_gbk_restart(text)[0] == text


def test_a_line_break_eaten_before_a_whole_year_comes_back_as_a_line_break():
    # the run ends at the title's last character; the invalid pair ate the "\n" before "2020-06-14", and
    # no eaten digit begins a whole year ("12020-06-14"): the byte was a line break (or a space)
    clean = "昆明公交車爆炸案\n2020-06-14 來源:工人日報 作者:周宇\n昆明公交車爆炸案發生於2008年7月21日。"
    damaged = damage(clean, {2})
    assert "?2020-06-14" in damaged and "\n2020" not in damaged
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired == clean
    assert steps[0].detail.endswith(",\n")


def test_a_line_break_eaten_after_a_sentence_end_on_a_page_of_bare_lines_comes_back():
    # paragraphs are bare lines: the invalid pair (。's trail byte, "\n") ate each paragraph's line break
    clean = ("他說這座橋明年就會通車，居民出行會方便許多。\n當時有分析人士認為，工程的預算還會再增加。\n"
             "工程由市交通局負責，預計總投資超過十億元。")
    damaged = damage(clean, {clean.index("。"), clean.index("增")}, fold=False)
    assert "許多??當時" in damaged and "\n工程" not in damaged
    repaired, steps = fix_gbk_restart(damaged)
    assert repaired == clean
    assert steps[0].lost == 3  # the three characters guessed; the line breaks are told by the text


def test_no_line_break_is_restored_where_the_page_closes_its_paragraphs_with_tags():
    # where paragraphs end in </p> a paragraph ends "。<": the byte eaten before a Han character was
    # something else (here the digit of "3號線") and stays lost
    clean = ("<p>他說這座橋明年就會通車，居民出行會方便許多。3號線當時也在規劃之中，"
             "工程的預算還會再增加。</p>\n<p>工程由市交通局負責，預計總投資超過十億元。</p>")
    damaged = damage(clean, {clean.index("。"), clean.index("增")}, fold=False)
    assert "許多??號線" in damaged
    repaired, steps = fix_gbk_restart(damaged)
    assert "許多。號線" in repaired and repaired.count("\n") == 1
    assert steps[0].lost == 4
    # the same words as bare lines: there the eaten byte is taken for the line break (the rule's risk)
    bare = clean.replace("<p>", "").replace("</p>", "")
    damaged = damage(bare, {bare.index("。"), bare.index("增")}, fold=False)
    assert "許多。\n號線" in fix_gbk_restart(damaged)[0]


def test_no_line_break_before_text_that_closes_a_bracket_it_never_opened():
    # "的《1区212》": the lost character was an opening bracket, not a sentence end; "区212》" closes a
    # bracket it never opened, so it starts no paragraph
    page = "這部漫畫是二〇〇五年由口袋巧克力創作的??區212》在雜誌上開始連載，在國內獲得了很大的反響。"
    repaired, _ = fix_gbk_restart(page)
    assert "\n" not in repaired


def test_closes_unopened_reads_up_to_the_first_sentence_end():
    assert _closes_unopened("区212》在杂志")
    assert not _closes_unopened("《知音》创刊。然后》")
    assert not _closes_unopened("当时有人认为")


def test_a_question_mark_at_a_line_end_is_the_text_s_own_even_on_a_damaged_page():
    # 雞 is EB 75: a restart on its ASCII trail byte would show as a lone '?' -- but a restart comes
    # before a double-byte character, so a '?' before a line break is the text's own
    clean = "有一首打油詩說：鄰家焉有許多雞?\n先後獲得國家及省（市）級榮譽稱號。\n他說：“這是真的嗎？”"
    damaged = damage(clean, {clean.index("省")}, fold=False)
    assert fix_gbk_restart(damaged)[0] == clean


def test_a_misread_character_does_not_vouch_for_itself_through_the_page_s_counts():
    # two restarts in a row ("被?行入": 列 lost, then its trail byte read twice as 行): 行 is one of the
    # lost character's candidates, and the page "shows" 行入 only because of the damage itself
    clean = "这座古城被列入世界遗产名录。我们把路线告诉了家人。"
    for k in (clean.index("列"), clean.index("世"), clean.index("告")):
        damaged = damage(clean, {k, k + 1}, fold=False)
        assert fix_gbk_restart(damaged)[0] == clean


def test_the_page_counts_mask_each_restart_mark_and_the_character_after_it():
    assert DocumentBigrams("被?行入。好?").folded == "被\x00\x00入。好\x00"
    assert DocumentBigrams("第一行\n?\n第二行").folded == "第一行\n\x00\n第二行"


def test_a_lost_opening_bracket_comes_back_where_the_clause_closes_one_nobody_opened():
    # the restart before 年 also destroyed （'s trail byte and swallowed the year's first digit
    clean = "他在嘉庆三年（1798年）考中了举人。"
    damaged = damage(clean, {clean.index("年")}, fold=False)
    assert "?" in damaged and fix_gbk_restart(damaged)[0] == clean


def test_an_opening_bracket_gets_no_extra_bonus_when_the_left_already_opened_one():
    opened = _bonuses(("（", "，"), "他在（嘉庆三年", "1798年)考中")
    fresh = _bonuses(("（", "，"), "他在嘉庆三年", "1798年)考中")
    assert fresh["（"] > opened.get("（", 0.0) + 4


def test_first_unopened_closer_stops_at_the_sentence_end():
    assert first_unopened_closer("1399年）又") == ")"
    assert first_unopened_closer("（一）二") is None
    assert first_unopened_closer("好。）") is None


def test_a_rare_character_of_a_name_comes_back_when_the_page_writes_the_name_elsewhere():
    # 峯 (8D 6F) is rare to the model: alone, "林越?o" stays; the page writing 林越峯 twice vouches for it
    clean = "林越峯\n林越峯（1909年），本名林海成，林越峯是其筆名。"
    at = clean.index("峯", 5)
    damaged = damage(clean, {at}, fold=False)
    assert damaged.startswith("林越峯\n林越?o")
    assert fix_gbk_restart(damaged)[0] == clean
    alone = damage("林越峯（1909年），本名林海成。", {2}, fold=False)
    assert "峯" not in fix_gbk_restart(alone)[0]  # without the page's evidence the model cannot know it


def test_page_support_counts_only_the_rest_of_the_page():
    page = DocumentBigrams("林越峯寫作。林越?o(1909年)")
    assert page_support(page, "林越", "峯", "(1909") > 0
    assert page_support(page, "林越", "無", "(1909") == 0
    assert page_support(DocumentBigrams("林越?o(1909年)"), "林越", "峯", "(1909") == 0


def test_text_between_two_restarts_is_not_read_as_one_long_run():
    # on a page that folds full-width forms, the digits between two restarts could be folded ０-９ inside
    # one run; re-reading the second run's garbage then paid for turning the text between into garbage
    clean = "她也分別在1991年以《何日君再來》、2001年以《慌心假期》及2002年以《男人四十》提名台灣金馬獎。"
    damaged = damage(clean, {clean.index("來"), clean.index("以《男")})
    assert damaged.count("?") >= 3
    repaired = fix_gbk_restart(damaged)[0]
    assert "2001年以《慌心假期》及2002年以《男人四十》提名台灣金馬獎" in repaired


def test_a_run_ended_by_a_real_ascii_byte_is_not_read_on_into_the_next_run():
    # 發 is B0 6C: its trail byte is the ASCII 'l' that ends the first run; read as a folded 'ｌ', the
    # run went on to the next restart and turned 展形成 into garbage
    clean = "廉價的便士報的迅速崛起對《泰晤士報》的生存和發展形成了巨大威脅。"
    damaged = damage(clean, {clean.index("報》"), clean.index("了")})
    assert "l展形成?" in damaged
    assert fix_gbk_restart(damaged)[0] == clean


def test_the_full_stop_prior_is_for_the_lost_character_not_for_where_a_run_ends():
    # a run's last character is where it ran into ASCII text: before a line end a sentence end is likely,
    # before other text the prior that restarts strike before 。 says nothing
    mid = _bonuses(("。", "、"), "何日君再來》", "2001年", restart_site=False)
    lost = _bonuses(("。", "、"), "何日君再來》", "2001年")
    assert lost.get("。", 0.0) - mid.get("。", 0.0) == LOST_PRIOR["。"]


def test_a_line_of_mojibake_the_mojibake_fix_left_is_not_re_read_as_restarts():
    # UTF-8 read as GBK twice, bytes lost each time: its '?' are that damage's, not restarts; re-read,
    # the line only became other garbage
    clean = "监管部门提醒，市民在办理业务时要核对信息，不要轻信陌生电话。"
    once = clean.encode().decode("gbk", errors="replace").replace("\ufffd", "?")
    twice = once.encode().decode("gbk", errors="replace").replace("\ufffd", "?")
    page = "今天的新闻。\n" + twice + "\n明天见。"
    assert fix_gbk_restart(page) == (page, [])
    # a restart-damaged line of text is still repaired
    assert fix_gbk_restart(damage(clean, {clean.index("信息")}, fold=False))[0] == clean


@pytest.mark.parametrize("indent", ["\u3000\u3000", " \u3000", "\t"])
def test_a_line_break_eaten_before_an_indented_paragraph_comes_back(indent: str):
    # a restart before 。 at a paragraph's end: the invalid pair swallowed the line break, and nothing of
    # 。 survives; the next paragraph's indentation right after '??' shows what was eaten
    page = "堰塞湖是指山崩後形成的湖泊??" + indent + "自2008年起，這個詞語被各地媒體採用。"
    repaired, steps = fix_gbk_restart(page)
    assert repaired == "堰塞湖是指山崩後形成的湖泊。\n" + indent + "自2008年起，這個詞語被各地媒體採用。"
    assert steps[0].lost == 1


def test_question_marks_before_a_line_break_and_indentation_stay():
    page = "你說什麼??\n\u3000\u3000他沒有回答。"
    assert fix_gbk_restart(page) == (page, [])


@pytest.mark.parametrize(("clean", "at"), [("他生于清朝顺治三年（1646年），后来迁居江南。", "（"),
                                           ("这部作品名为《春天的故事》，在当年广受好评。", "《")])
def test_a_lost_opener_of_which_nothing_survives_comes_back_when_the_clause_closes_it(clean: str, at: str):
    damaged = damage(clean, {clean.index(at)}, fold=False)
    # (a page that shows no full-width form is taken as folded: its repaired pieces are folded too)
    assert fold_like_site(fix_gbk_restart(damaged)[0]) == fold_like_site(clean)


def fold_like_site(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


def test_a_paragraph_break_eaten_before_a_sentence_comes_back_even_on_a_page_without_other_damage():
    page = "同時景深的缺失讓畫面呈現出淺浮雕的效果??以上的這些元素都體現出了溫克爾曼的風格。"
    assert fix_gbk_restart(page)[0] == page.replace("??", "。\n")
    genuine = "你说什么??我没听清楚，你再说一遍。"  # the text's own '??': the model gains too little
    assert fix_gbk_restart(genuine) == (genuine, [])


@pytest.mark.parametrize(("month", "restored"), [("3月27日", "。\n3月27日"), ("2月27日", "。12月27日")])
def test_a_line_break_eaten_before_a_month_no_digit_can_begin_comes_back(month: str, restored: str):
    # 13 to 93 are no months: before 3月 the eaten byte was no digit; before 2月 it may have been 1
    head, tail = "也暂停征收大部分谷物进口关税", "，柬埔寨和埃及公布大米出口禁令。"
    clean = head + "。\n" + month + tail
    damaged = damage(clean, {clean.index("。")}, fold=False)
    assert fix_gbk_restart(damaged)[0] == head + restored + tail
