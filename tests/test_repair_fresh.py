"""Repairs found on pages of benchmarks/bench_fresh.py, tested on short texts written for the tests."""

from cleantext.repair import repair
from cleantext.repair.mojibake import fix_mojibake


def as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk")


def as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def as_cp1252(text: str) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


# --- pinyin annotations inside a line of mojibake -----------------------------------------------------


def test_annotations_in_a_decoded_line_are_removed():
    line = "寰堝湅(gu贸)瀹跺伐浣滄檪(sh铆)闁撶殑"  # 很國(guó)家工作時(shí)間的, read as GBK
    assert repair("標題\n" + line + "\n正文").text == "標題\n很國家工作時間的\n正文"


def test_a_revealed_annotation_of_the_pages_set_is_removed():
    page = "國(guó)家發(fā)展,國(guó)際\n" + as_cp1252("時(shí)間和國(guó)家") + "\n正文"
    assert repair(page).text == "國家發展,國際\n時間和國家\n正文"


def test_a_gloss_of_the_article_in_a_decoded_line_stays():
    # the page's set is 國 發; the decoded line glosses 蕁 once: the article's own gloss
    page = "國(guó)家發(fā)展,國(guó)際\n" + as_cp1252("蕁(qián)麻是一種植物") + "\n正文"
    assert "蕁(qián)麻是一種植物" in repair(page).text


def test_no_second_pass_without_mojibake():
    assert repair("讀作重(zhòng)\n正文").text == "讀作重(zhòng)\n正文"


# --- short lines of UTF-8 read as cp1252 or Latin-1 ----------------------------------------------------


def test_a_rare_name_read_as_latin1_is_decoded():
    for title in ("黑鸚嘴魚", "吠陀"):
        assert fix_mojibake(as_latin1(title))[0] == title
        assert fix_mojibake(as_cp1252(title))[0] == title


def test_a_byline_read_as_cp1252_is_decoded():
    assert fix_mojibake("正文\n" + as_cp1252("文/江柯舟") + "\n正文")[0] == "正文\n文/江柯舟\n正文"


def test_latin_text_that_is_no_utf8_stays():
    for line in ("café crème", "Ærø, Ålborg", "naïve façade"):
        assert fix_mojibake(line)[0] == line


def test_a_rare_title_read_as_gbk_is_decoded_when_its_page_names_it():
    title = as_gbk("吠陀")
    page = "吠陀是古印度的一類文獻,用梵文寫成。"
    assert fix_mojibake(title + "\n" + page)[0] == "吠陀\n" + page


def test_a_rare_reading_as_gbk_the_page_does_not_name_stays():
    title = as_gbk("吠陀")
    page = "這是一段普通的正文,說的是别的事情。"
    assert fix_mojibake(title + "\n" + page)[0] == title + "\n" + page


# --- Japanese words in a Chinese line are no Big5 read as GBK -----------------------------------------


def test_katakana_readings_in_brackets_stay():
    for line in ("<p>&#26408;&#26448;(モクザイ) 煎茶(センチャ) 饅頭(マンジュウ) 布団(フトン)",
                 "&#31998;&#23376;(ヒモ) 扇子(センス) 提灯(チョウチン) 布団(フトン) 茶碗(チャワン)"):
        assert fix_mojibake("正文\n" + line + "\n正文")[0] == "正文\n" + line + "\n正文"


def test_big5_read_as_gbk_is_still_repaired():
    line = "中華民國的經濟發展很快,人民生活水準提高了。".encode("big5").decode("gbk", errors="replace")
    fixed = fix_mojibake(line)[0]
    assert fixed != line
    assert "經濟" in fixed
