"""The convert stage on short texts written for the tests: each rule fires, and stays quiet when it should."""

from __future__ import annotations

import importlib.util
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.convert import (
    convert,
    decide_zhe,
    engine_name,
    fix_phrases,
    has_traditional,
    is_zhu,
    map_variants,
)

HAS_PYO3 = importlib.util.find_spec("opencc_pyo3") is not None
needs_pyo3 = pytest.mark.skipif(not HAS_PYO3, reason="opencc_pyo3 (the fast engine) is not installed")
ENGINES = ["python"] + (["pyo3"] if HAS_PYO3 else [])


def names(result: object) -> list[str]:
    return [step.name for step in result.steps]  # type: ignore[attr-defined]


# --- detection and pass-through ---------------------------------------------------------------------


def test_simplified_text_passes_through_untouched():
    text = "我们的著名作家写了一本书，那么它的意义是什么？乾隆年间于是开始。"
    result = convert(text)
    assert result.text is text
    assert result.steps == ()


def test_traditional_text_is_detected_and_converted():
    result = convert("這個項目的發展很快")
    assert result.text == "这个项目的发展很快"
    assert names(result) == ["opencc_t2s"]
    assert result.steps[0].count == 4


def test_characters_shared_by_both_scripts_do_not_count_as_traditional():
    assert not has_traditional("著名的乾隆皇帝于是说")
    assert has_traditional("著名的乾隆皇帝於是說")


def test_target_none_and_empty_text_are_left_alone():
    assert convert("這個", "none").text == "這個"
    assert convert("", "zh-tw").text == ""


def test_unknown_target_and_engine_are_refused():
    with pytest.raises(ValueError, match="unknown target"):
        convert("這個", "zh-xx")
    with pytest.raises(ValueError, match="unknown engine"):
        convert("這個", engine="cpp")


def test_mixed_page_converts_the_traditional_part_only():
    page = "国产精品在线观看_免费视频\n這是一個關於經濟的報導。"
    assert convert(page).text == "国产精品在线观看_免费视频\n这是一个关于经济的报导。"


# --- 著 → 着 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("他們管理著三個工廠", "他们管理着三个工厂"),
        ("大家都忙碌著準備", "大家都忙碌着准备"),
        ("公司提供著各種服務", "公司提供着各种服务"),
        ("隨著時間推移", "随着时间推移"),
        ("他看著窗外的風景", "他看着窗外的风景"),
        ("這意味著有更多機會", "这意味着有更多机会"),
        ("這件事意味著什麼", "这件事意味着什么"),
        ("他很著急地說", "他很着急地说"),
        ("我們要著力解決", "我们要着力解决"),
        ("飛機已經著陸", "飞机已经着陆"),
        ("從小事著手", "从小事着手"),
        ("為別人著想", "为别人着想"),
        ("她穿著紅色的衣服", "她穿着红色的衣服"),
        ("他處事很沉著", "他处事很沉着"),
        ("小心著涼", "小心着凉"),
        ("這本書讓人著迷", "这本书让人着迷"),
        ("房子著火了，鄰居報警", "房子着火了，邻居报警"),
        ("他對此很執著", "他对此很执着"),
        ("這些措施起著重要作用", "这些措施起着重要作用"),
        ("政策發揮著作用", "政策发挥着作用"),
        ("大家討論著，爭論著", "大家讨论着，争论着"),
        ("一艘駕駛著名為和平號的船", "一艘驾驶着名为和平号的船"),
    ],
)
def test_zhe_becomes_the_particle(page: str, expected: str):
    result = convert(page)
    assert result.text == expected
    assert "zhe_particle" in names(result)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("這是一位著名的學者", "这是一位著名的学者"),
        ("他的著作很多", "他的著作很多"),
        ("效果非常顯著", "效果非常显著"),
        ("當地的土著居民", "当地的土著居民"),
        ("這部名著家喻戶曉", "这部名著家喻户晓"),
        ("本書由三人編著", "本书由三人编著"),
        ("他的功績卓著", "他的功绩卓著"),
        ("該地以風景著稱", "该地以风景著称"),
        ("他的著述甚豐", "他的著述甚丰"),
        ("這部原著改編成電影", "这部原著改编成电影"),
        ("一部史學巨著", "一部史学巨著"),
        ("臭名昭著的罪行", "臭名昭著的罪行"),
        ("他撰寫的專著和論著", "他撰写的专著和论著"),
        ("魯迅所著的小說", "鲁迅所著的小说"),
        ("他生前著有《詩集》", "他生前著有《诗集》"),
        ("那裡有著名的溫泉", "那里有著名的温泉"),
        ("這部作品的譯著者", "这部作品的译著者"),
    ],
)
def test_zhe_stays_zhu(page: str, expected: str):
    result = convert(page)
    assert result.text == expected
    assert "zhe_particle" not in names(result)


def test_zhe_in_simplified_text_without_traditional_evidence_is_left_as_written():
    assert convert("大家都忙碌著").text == "大家都忙碌著"
    assert convert("大家都忙碌著。這是").text == "大家都忙碌着。这是"


def test_zhe_rule_on_simplified_context():
    assert is_zhu("学", "作") and is_zhu("他", "有《")
    assert not is_zhu("意味", "有") and not is_zhu("拿", "书走")
    assert is_zhu("", "书立说") and not is_zhu("看", "作品")


def test_decide_zhe_reports_count_and_first_particle():
    assert decide_zhe("显著，随著，看著") == ("显著，随着，看着", 2, 4)
    assert decide_zhe("没有") == ("没有", 0, -1)


def test_zhe_particle_step_has_an_example():
    step = next(s for s in convert("他們管理著工廠").steps if s.name == "zhe_particle")
    assert (step.count, "著" in step.before, "着" in step.after) == (1, True, True)


# --- variants and phrases ---------------------------------------------------------------------------


def test_lookalike_and_regional_variants_are_mapped():
    result = convert("陜西的衞星敍述")
    assert result.text == "陕西的卫星叙述"
    step = next(s for s in result.steps if s.name == "variant")
    assert step.count == 3


def test_variants_leave_standard_characters_alone():
    assert map_variants("陕西的卫星，陝西省") == ("陕西的卫星，陝西省", 0)
    assert convert("陝西省").text == "陕西省"


def test_characters_no_converter_writes_are_kept_as_the_chosen_engine_keeps_them():
    # 牠 and 舖 are never written by s2t (it writes 它, 鋪): on a page they come from the original text,
    # which opencc-python-reimplemented (the user's engine) keeps; opencc_pyo3 alone would rewrite them.
    for engine in ENGINES:
        assert convert("牠們在店舖裡", engine=engine).text == "牠们在店舖里"


def test_regional_variants_no_converter_writes_are_kept():
    # 粧 and 糭 are only alternatives in HKVariants.txt (s2hk writes 妝, 糉): on a page they come from
    # the original text, and both engines' t2s keep them; hk2s would rewrite them to 妆, 粽
    for engine in ENGINES:
        page = "連化粧費也要自行負責，還有糭子"
        assert convert(page, engine=engine).text == "连化粧费也要自行负责，还有糭子"


def test_engine_disagreements_written_by_converters_are_mapped_back():
    # 擡 is written by s2t for 抬 in phrases (哄抬 → 哄擡), so it is brought back on both engines.
    for engine in ENGINES:
        assert convert("哄擡物價", engine=engine).text == "哄抬物价"


def test_simplified_characters_that_engines_disagree_on_are_kept():
    for engine in ENGINES:
        assert convert("這種薰衣草", engine=engine).text == "这种薰衣草"


def test_phrase_fix_fires_and_keeps_what_it_should():
    assert fix_phrases("國務院批覆了") == ("國務院批复了", 1)
    assert fix_phrases("覆蓋全國") == ("覆蓋全國", 0)
    for engine in ENGINES:
        assert convert("國務院批覆了方案，他在幹甚麼", engine=engine).text == "国务院批复了方案，他在干甚么"


def test_no_tw2s_or_tw2sp_mistakes():
    assert convert("那麼這個檔案怎麼建立").text == "那么这个档案怎么建立"
    assert convert("當地的土著").text == "当地的土著"


# --- regional targets -------------------------------------------------------------------------------


def test_zh_tw_from_simplified_and_from_a_mainland_traditional_page():
    assert convert("他看着这个程序里的内容", "zh-tw").text == "他看著這個程序裡的內容"
    assert convert("他看著這個程序裏的內容", "zh-tw").text == "他看著這個程序裡的內容"


def test_zh_tw_of_a_naive_page_is_the_taiwan_form_of_its_article():
    # 后 里 么 were left as they are by the naive converter, 發 was its only choice for 发.
    assert convert("以后他在家里理發，怎么樣", "zh-tw").text == "以後他在家裡理髮，怎麼樣"
    assert convert("這是简体字", "zh-tw").text == "這是簡體字"


def test_zh_hk_uses_hong_kong_forms():
    assert convert("卫星的著名研究", "zh-hk").text == "衞星的著名研究"
    assert convert("衛星的著名研究", "zh-hk").text == "衞星的著名研究"


def test_zh_tw_step_counts_the_net_change():
    result = convert("他看着这个", "zh-tw")
    assert names(result) == ["opencc_s2tw"]
    assert result.steps[0].count == 3
    assert convert("他看著這個", "zh-tw").steps == ()
    via = convert("陜西的衞星", "zh-tw").steps
    assert [s.name for s in via] == ["opencc_s2tw"] and "variant 2" in via[0].detail


# --- engines ----------------------------------------------------------------------------------------


def test_engine_name_resolves():
    assert engine_name("python") == "opencc"
    if HAS_PYO3:
        assert engine_name("auto") == "opencc_pyo3"


WORDS = [
    "发展", "经济", "着急", "看着", "随着", "著名", "显著", "土著", "名著", "着手",
    "穿着", "意味着", "那么", "什么", "里面", "头发", "皇后", "干部", "乾隆", "批复",
    "卫星", "叙述", "陕西", "它们", "店铺", "理发", "复杂", "复习", "面条", "后来",
    "只有", "一只", "台湾", "系统", "关系", "范围", "松树", "出发", "皇帝", "制造",
    "采取", "并且", "冲突", "游泳", "历史", "日历", "钟表", "准备", "丑陋", "余下",
    "当然", "发现", "几乎", "系着", "朝着", "编著", "卓著",
]


def make_text(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        parts.append(rng.choice(WORDS))
        if rng.random() < 0.2:
            parts.append(rng.choice("，。、"))
    return "".join(parts)


@needs_pyo3
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["s2t", "s2tw", "s2hk", "naive"]))
def test_both_engines_give_the_same_output_on_generated_pages(seed: int, maker: str):
    import opencc

    text = make_text(random.Random(seed), 40)
    if maker == "naive":
        table = {ord(s): t for s, t in zip("发后里干台面着", "發後裏幹臺麪著", strict=True)}
        page = opencc.OpenCC("s2t").convert(text).translate(table)
    else:
        page = opencc.OpenCC(maker).convert(text).replace("着", "著")
    assert convert(page, engine="python").text == convert(page, engine="pyo3").text
    # zh-tw/zh-hk: each engine's forward dictionaries choose some regional forms differently (opencc_pyo3
    # ships newer OpenCC data: 梁/樑, 祕/秘, 裡/裏, 著/着 in s2hk...); the text itself is the same.
    for target in ("zh-tw", "zh-hk"):
        a, b = (convert(page, target, engine=e).text for e in ("python", "pyo3"))
        assert len(a) == len(b)
        back_a, back_b = (convert(x, engine="pyo3").text.replace("甚么", "什么") for x in (a, b))
        assert back_a == back_b  # (opencc's s2hk also writes 什么 as 甚麼)


@needs_pyo3
def test_engines_agree_on_a_written_paragraph():
    page = (
        "隨著經濟的發展，陜西的衞星產業意味著有更多機會。這位著名學者的著作顯著地影響著後來的研究，"
        "他著急地看著窗外，穿著整齊。牠們在店舖裡吃麪條，那麼國務院批覆了甚麼？"
    )
    a, b = (convert(page, engine=e) for e in ("python", "pyo3"))
    assert a.text == b.text
    assert a.text == (
        "随着经济的发展，陕西的卫星产业意味着有更多机会。这位著名学者的著作显著地影响着后来的研究，"
        "他着急地看着窗外，穿着整齐。牠们在店舖里吃面条，那么国务院批复了甚么？"
    )


# --- the single-scan fast path decides as running every fix does -------------------------------------


def _to_simplified_every_fix(text: str, engine: str, first: int) -> tuple[str, list]:
    """to_simplified as it was: every fix run on every text, placeholders checked one by one."""
    from cleantext import convert as stage

    steps = []
    mapped, count = stage.map_variants(text)
    if count:
        index = stage._variant_tables()[0].search(text)
        steps.append(stage.Step("convert", "variant", count, *stage._example(text, mapped, index.start())))
    phrased, count = stage.fix_phrases(mapped)
    if count:
        index = stage._phrase_tables()[0].search(mapped)
        steps.append(stage.Step("convert", "phrase", count, *stage._example(mapped, phrased, index.start())))
    mapped = phrased
    protected = stage._variant_tables()[2]
    shielded = mapped
    if not any(p in mapped for p in stage._PLACEHOLDERS + stage._PLACEHOLDER_ZHE):
        shielded = shielded.replace("著", stage._PLACEHOLDER_ZHE)
        for char, placeholder in protected.items():
            shielded = shielded.replace(char, placeholder)
    converted = stage._engine("t2s", engine).convert(shielded)
    changed = stage._count_changed(shielded, converted)
    if changed:
        steps.append(stage.Step("convert", "opencc_t2s", changed, *stage._example(mapped, converted, first),
                                detail=engine_name(engine)))
    for char, placeholder in protected.items():
        converted = converted.replace(placeholder, char)
    if stage._PLACEHOLDER_ZHE in converted:
        converted, particles, index = decide_zhe(converted, stage._PLACEHOLDER_ZHE)
        if particles:
            before, after = stage._example(mapped, converted, index, 3)
            before = before.replace(stage._PLACEHOLDER_ZHE, "著")
            steps.append(stage.Step("convert", "zhe_particle", particles, before, after))
    return converted, steps


# Traditional characters, variants (陜 衞 敍 枱; 𠼤 𰻞 outside the BMP), phrase pieces (乾紅 幹甚麼 意志消沈),
# protected characters (薰 氄), 著 in both uses, Simplified text and noncharacters of the kind used as
# placeholders.
_PIECES = ["隨著", "著名", "陜西", "衞星", "敍述", "枱面", "乾紅", "幹甚麼", "意志消沈", "薰衣草", "氄毛",
           "經濟發展", "看著", "显著", "我们", "，", "\n", "abc", "\ufdd1", "\ufdd0", "𠼤", "𰻞",
           # Simplified lines around the Traditional ones (left out of the engine call), and characters
           # t2s changes though they are Simplified too (乾 於) or only inside a phrase (瞭 of 瞭解).
           "\n简体标题_精品\n", "\n关键词 页脚\n", "乾燥", "於是", "瞭解", "𠀀"]


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_to_simplified_matches_running_every_fix(engine: str, pieces: list[str]):
    from cleantext.convert import to_simplified

    text = "國" + "".join(pieces)
    assert to_simplified(text, engine, 0) == _to_simplified_every_fix(text, engine, 0)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_fix_fires_in_one_text(engine: str):
    result = convert("隨著陜西乾紅的著名產區發展，意志消沈的人看著薰衣草", engine=engine)
    assert result.text == "随着陕西干红的著名产区发展，意志消沉的人看着薰衣草"
    assert names(result) == ["variant", "phrase", "opencc_t2s", "zhe_particle"]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_grouped_phrase_regex_matches_like_the_flat_alternation(data):
    import re

    from cleantext.convert import _phrase_tables

    pattern, table = _phrase_tables()
    flat = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    phrases = sorted(table)
    # Phrases, their prefixes and suffixes (overlaps, near misses) and filler, run together.
    piece = st.one_of(
        st.sampled_from(phrases),
        st.sampled_from(phrases).map(lambda p: p[:-1]),
        st.sampled_from(phrases).map(lambda p: p[1:]),
        st.sampled_from(["的", "，", "a", "甚麼"]),
    )
    text = "".join(data.draw(st.lists(piece, max_size=12)))
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in flat.finditer(text)]


# --- only the lines the stage acts on go to the engine --------------------------------------------


def test_touched_lines_leave_out_a_simplified_header_and_footer():
    from cleantext.convert import touched_lines

    page = "精品视频_在线观看\n這是繁體的報導。\n简体的一行\n第二段說明\n热门关键词_免费"
    start, end = touched_lines(page)
    assert page[start:end] == "這是繁體的報導。\n简体的一行\n第二段說明"
    expected = "精品视频_在线观看\n这是繁体的报导。\n简体的一行\n第二段说明\n热门关键词_免费"
    assert convert(page).text == expected


def test_touched_lines_keep_lines_whose_characters_t2s_changes_in_a_phrase_or_alone():
    from cleantext.convert import touched_lines

    for line in ("我们瞭解了", "於是出发", "乾燥的天气", "隨著"):
        page = f"简体标题\n{line}\n简体页脚"
        assert touched_lines(page) == (5, 5 + len(line)), line


def test_touched_lines_take_the_whole_text_when_it_cannot_be_told():
    from cleantext.convert import touched_lines

    assert touched_lines("全是简体的文字\n第二行") == (0, 0)
    page = "𠀀简体\n這是繁體\n简体"  # a character outside the BMP outside the span: not in the regex
    assert touched_lines(page) == (0, len(page))


def _every_cjk_character() -> list[str]:
    ranges = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]
    return [chr(code) for start, stop in ranges for code in range(start, stop)]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_character_t2s_changes_on_its_own_is_a_touched_character(engine: str):
    from cleantext.convert import _engine, _touched_re

    chars = _every_cjk_character()
    converted = _engine("t2s", engine).convert("\n".join(chars)).split("\n")
    changed = "".join(c for c, out in zip(chars, converted, strict=True) if c != out)
    assert changed
    assert _touched_re().sub("", changed) == ""


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["這是", "經濟發展", "甚麼", "乾隆", "，", " ", "\n", "\n\n", "abc", "隨著"]),
                max_size=30), st.integers(1, 12))
def test_convert_in_chunks_gives_the_engine_s_own_text(engine: str, pieces: list[str], size: int):
    from cleantext.convert import _engine, convert_in_chunks

    text = "".join(pieces)
    converter = _engine("t2s", engine)
    assert convert_in_chunks(converter, text, size) == converter.convert(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\u00ff\u0100\u4e00\u4e01\U00020000\U00020001", max_size=30), st.data())
def test_count_changed_counts_the_positions_that_differ(before: str, data):
    from cleantext.convert import _count_changed

    after = "".join(data.draw(st.sampled_from([c, "a", "\u4e01", "\U00020001"])) for c in before)
    assert _count_changed(before, after) == sum(a != b for a, b in zip(before, after, strict=True))


def test_zhe_that_credits_an_author_stays_zhu():
    page = "2002年汤德宗著，政府资讯公开。鲁迅 著。王力著，《汉语史稿》。他笑著，说：好。"
    text, particles, _ = decide_zhe(page)
    assert text == page.replace("笑著", "笑着")
    assert particles == 1
