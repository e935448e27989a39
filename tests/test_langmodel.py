"""Tests of the shared Chinese character language model (short texts written for these tests)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext import langmodel
from cleantext.langmodel import CharModel, DocumentCache, fold, get_model

SIMPLIFIED = [
    "今天下午我们在学校门口见面。",
    "这家公司去年的收入增长了一倍。",
    "他说明天还要去医院看望母亲。",
    "中国石油报",
    "天气预报",
]
TRADITIONAL = [
    "這個城市的交通非常方便。",
    "我們明天一起去圖書館看書吧。",
    "中國石油報",
]


@pytest.fixture(scope="module")
def model() -> CharModel:
    return get_model()


def gbk_misread_as_big5(text: str) -> str:
    return text.encode("gbk").decode("big5", errors="replace")


def big5_misread_as_gbk(text: str) -> str:
    return text.encode("big5").decode("gbk", errors="replace")


def utf8_misread_as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace")


def same_trail_candidates(ch: str) -> list[str]:
    """Every two-byte GBK character sharing ``ch``'s trail byte (what the repair stage must choose from)."""
    trail = ch.encode("gbk")[1]
    out = []
    for lead in range(0x81, 0xFF):
        try:
            cand = bytes([lead, trail]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if not 0xE000 <= ord(cand) <= 0xF8FF:
            out.append(cand)
    return out


def test_importing_does_not_load_the_model() -> None:
    code = "import cleantext.langmodel as m; print(m.get_model.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "0"


def test_get_model_is_loaded_once() -> None:
    assert get_model() is get_model()
    assert langmodel.get_model.cache_info().currsize == 1


@pytest.mark.parametrize("text", SIMPLIFIED)
def test_simplified_beats_its_utf8_misreading(model: CharModel, text: str) -> None:
    assert model.mean_logprob(text) > model.mean_logprob(utf8_misread_as_gbk(text)) + 2


@pytest.mark.parametrize("text", SIMPLIFIED)
def test_gbk_text_beats_its_big5_misreading(model: CharModel, text: str) -> None:
    assert model.mean_logprob(text) > model.mean_logprob(gbk_misread_as_big5(text)) + 2


@pytest.mark.parametrize("text", TRADITIONAL)
def test_big5_text_beats_its_gbk_misreading(model: CharModel, text: str) -> None:
    assert model.mean_logprob(text) > model.mean_logprob(big5_misread_as_gbk(text)) + 2


def test_short_garbage_scores_far_below_real_text(model: CharModel) -> None:
    assert model.mean_logprob("中國石油報") > model.mean_logprob("い瓣ホ猳厨") + 3


def test_full_stop_wins_at_sentence_end_before_quote(model: CharModel) -> None:
    cands = same_trail_candidates("。")
    scores = model.score_candidates("他笑着说：“我们明天再来", cands, "”")
    assert cands[scores.index(max(scores))] == "。"


def test_full_stop_wins_between_sentences(model: CharModel) -> None:
    cands = same_trail_candidates("。")
    scores = model.score_candidates("会议于下午三点结束", cands, "记者")
    assert cands[scores.index(max(scores))] == "。"


def test_closing_quote_wins_after_quoted_sentence(model: CharModel) -> None:
    cands = same_trail_candidates("”")
    scores = model.score_candidates("他说：“我们明天再来。", cands, "\n")
    assert cands[scores.index(max(scores))] == "”"


def test_word_character_wins_inside_a_word(model: CharModel) -> None:
    cands = same_trail_candidates("学")
    scores = model.score_candidates("我们在大", cands, "读书")
    assert cands[scores.index(max(scores))] == "学"


def test_score_candidates_equals_logprob_difference(model: CharModel) -> None:
    left, right = "我们今天", "到这里"
    cands = ["就", "。", "很好"]
    base = model.logprob(left)
    expected = [model.logprob(left + c + right) - base - model.logprob(right) for c in cands]
    got = model.score_candidates(left, cands, right, right_weight=1.0, prior=0.0)
    # both include every term the candidate changes; they differ by the same constant for each candidate
    diffs = [g - e for g, e in zip(got, expected, strict=True)]
    assert max(diffs) - min(diffs) == pytest.approx(0, abs=1e-9)


def test_fast_and_general_candidate_paths_agree(model: CharModel) -> None:
    cands = same_trail_candidates("。")
    fast = model.score_candidates("明天再来", cands, "他说")
    # a two-character candidate forces the general path; scores of the others must not change
    general = model.score_candidates("明天再来", [*cands, "。”"], "他说")[:-1]
    assert fast == pytest.approx(general, abs=1e-9)


def test_prior_adds_plain_log_frequency_of_the_candidate(model: CharModel) -> None:
    cands = ["的", "旳"]
    pure = model.score_candidates("我们", cands, "书", right_weight=1.0, prior=0.0)
    with_prior = model.score_candidates("我们", cands, "书", right_weight=1.0, prior=0.5)
    for c, p, w in zip(cands, pure, with_prior, strict=True):
        assert w - p == pytest.approx(0.5 * model.char_logprob("", c))
    assert model.char_logprob("", "的") > model.char_logprob("", "旳")


def test_page_cache_recovers_a_name_the_page_uses_elsewhere(model: CharModel) -> None:
    page = "桐生翔太来到小镇，住了三天。他说：“我是桐生?太。”"  # the second 翔 was lost
    cands = same_trail_candidates("翔")
    plain = model.score_candidates("我是桐生", cands, "太。")
    cached = model.score_candidates("我是桐生", cands, "太。", cache=DocumentCache(page))
    assert cands[cached.index(max(cached))] == "翔"
    assert cands[plain.index(max(plain))] != "翔"  # an invented name: general statistics cannot know it


def test_page_cache_of_unrelated_text_keeps_the_sentence_end(model: CharModel) -> None:
    cands = same_trail_candidates("。")
    page = DocumentCache("天气很好，我们去公园散步，看见很多人在跑步。")
    scores = model.score_candidates("会议于下午三点结束", cands, "记者", cache=page)
    assert cands[scores.index(max(scores))] == "。"


def test_page_cache_probabilities() -> None:
    page = DocumentCache("青木先生来了。青木先生说好。")
    assert page.prob("", "青", "木") == 1.0
    assert page.prob("", "青", "水") == 0.0
    assert page.prob("", "无", "木") == 0.0
    assert 0 < page.prob("生", "来", "了") <= 1


def test_full_width_forms_score_as_their_ascii_fold(model: CharModel) -> None:
    assert fold("好！（是）") == "好!(是)"
    assert model.logprob("你好！") == model.logprob("你好!")
    assert model.logprob("你好。") != model.logprob("你好.")


def test_private_use_and_replacement_score_lowest(model: CharModel) -> None:
    rare = model.char_logprob("", "\u9fa0")  # a real but very rare ideograph
    assert model.char_logprob("", "\ue848") < rare
    assert model.char_logprob("", "\ufffd") < rare
    assert model.char_logprob("", "的") > rare


@given(st.text(max_size=20))
def test_every_text_gets_a_finite_score(text: str) -> None:
    model = get_model()
    assert math.isfinite(model.logprob(text))
    assert math.isfinite(model.mean_logprob(text))
    assert all(math.isfinite(s) for s in model.score_candidates(text, ["中", text, ""], text))
    page = DocumentCache(text + "中文")
    assert all(math.isfinite(s) for s in model.score_candidates(text, ["中", text, ""], text, cache=page))


@given(st.text(min_size=1, max_size=1), st.text(min_size=1, max_size=1))
def test_char_logprob_is_finite_and_a_log_probability(prev: str, ch: str) -> None:
    lp = get_model().char_logprob(prev, ch)
    assert math.isfinite(lp)
    assert lp <= 0


# --- the repair stage's fast paths ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [("我们今天就到这里", "\n\n"), ("他笑着说：“我们明天再来", "”他"), ("会议于下午三点结束", "记者"),
     ("在做好日", "“三保"), ("我的", "的了")],
)
def test_best_fillers_agree_with_score_candidates(model: CharModel, left: str, right: str) -> None:
    """Pruning drops only candidates that cannot win: the best and every score kept are exact."""
    cands = tuple(same_trail_candidates("。"))
    bonus = {"。": 3.0, cands[5]: -2.0}
    full = model.score_candidates(left, list(cands), right)
    exact = sorted(((s + bonus.get(c, 0.0), c) for s, c in zip(full, cands, strict=True)),
                   reverse=True)
    kept = model.best_fillers(left, cands, right, bonus, keep={cands[7]})
    assert kept[0] == pytest.approx(exact[0])
    scores = dict(zip(cands, full, strict=True))
    assert all(s == pytest.approx(scores[c] + bonus.get(c, 0.0)) for s, c in kept)
    assert cands[7] in {c for _, c in kept}  # kept even if it cannot win
    assert len(kept) < len(cands) / 2  # most were pruned without their right context


def test_best_fillers_with_a_limit_still_finds_the_clear_winner(model: CharModel) -> None:
    cands = tuple(same_trail_candidates("。"))
    assert model.best_fillers("我们今天就到这里", cands, "\n", limit=4)[0][1] == "。"


def test_every_trigram_context_is_a_stored_bigram(model: CharModel) -> None:
    """best_fillers relies on it: no trigram context (a, b) unless the bigram (a, b) is stored."""
    for a, i in list(model._index.items())[:600]:
        followers = set(model._f2[model._o2[i]:model._o2[i + 1]])
        assert set(model._c3[model._o3c[i]:model._o3c[i + 1]]) <= followers, a


def test_prefix_logprobs_give_span_scores(model: CharModel) -> None:
    text = "他说明天还要去医院。"
    whole = model.prefix_logprobs(text)
    assert len(whole) == len(text) + 1 and whole[0] == 0.0
    assert whole[-1] == pytest.approx(model.logprob(text))
    after = model.prefix_logprobs(text[4:], text[:4])
    assert after[-1] == pytest.approx(whole[-1] - whole[4])
    assert model.continuation_logprob(text[:4], text[4:]) == pytest.approx(after[-1])


def _with_word(model: CharModel, a: str, b: str, step_count: int) -> CharModel:
    """A copy of ``model`` whose word table (section w2) holds only the word ``ab``."""
    import copy

    fake = copy.copy(model)
    i = model._index[a]
    j = model._f2.find(b, model._o2[i], model._o2[i + 1])
    assert j >= 0, "the bigram must be stored"
    table = bytearray(len(model._q2))
    table[j] = 1 + step_count
    fake._w2 = bytes(table)
    fake._words_after, fake._words_before, fake._fold_maps = {}, {}, {}
    return fake


def test_word_logfreqs_finds_words_across_the_gap(model: CharModel) -> None:
    fake = _with_word(model, "极", "少", 8)
    found = fake.word_logfreqs("以外", ("极", "公", "堋"), "乘客")
    assert found == {}  # 极 makes no word with 外 nor with 乘
    found = fake.word_logfreqs("以外", ("极", "公", "堋"), "少乘")
    assert found == {"极": pytest.approx(8 * fake._word_step)}
    fake = _with_word(model, "以", "极", 4)
    assert fake.word_logfreqs("以", ("极", "公"), "") == {"极": pytest.approx(4 * fake._word_step)}


def test_word_logfreqs_is_empty_without_a_word_table(model: CharModel) -> None:
    import copy

    bare = copy.copy(model)
    bare._w2 = None
    assert not bare.has_words
    assert bare.word_logfreqs("以外", ("极", "公"), "少乘") == {}
