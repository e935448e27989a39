"""Line features and the per-line rules of the strip stage.

Each line of a page gets a :class:`Line` with cheap features (length, Han count, punctuation, a folded
"probe" form for matching) and, from the rules here, at most one *hard* label (furniture wherever it
stands: nav bars, licence numbers, spider pools, placeholders...) and one *soft* label (furniture only
when it stands outside the article body: a lone number, a block title, a greeting...). Where the body is,
which line is the title and which the byline is decided by :mod:`cleantext.strip` from these.

Phrase lists live in ``cleantext/data/strip_*.txt`` (one regular expression a line, ``#`` comments) and are
matched on the probe: NFKC, pinyin artifacts such as ``聯(lián)`` dropped, Traditional folded to
Simplified for the phrase-list characters, lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


class LazyRegex:
    """A regular expression compiled on first use, so that ``import cleantext`` stays fast.

    On first use it compiles, puts the compiled pattern in its place among this module's globals and
    keeps the pattern's methods as its own attributes, so that a copy held elsewhere (another module,
    a dict) pays no lookup detour either.

    >>> LazyRegex(r"\\d+").findall("a1b22")
    ['1', '22']
    """

    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
            for method in self._METHODS:
                setattr(self, method, getattr(compiled, method))
            space = globals()
            for key, value in list(space.items()):
                if value is self:
                    space[key] = compiled
        return getattr(compiled, name)


def lazy_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """:class:`LazyRegex` typed as the pattern it stands for."""
    return LazyRegex(pattern, flags)  # type: ignore[return-value]


#: Sentence-final punctuation (full and half width).
STOPS = "。！？!?…"
#: Every punctuation mark that shows a line is prose rather than a keyword run.
MARKS = STOPS + "，,、；;：:"
_STOP_RE = lazy_regex(r"[。！？!?…]")
_MARK_RE = lazy_regex(r"[。！？!?…，,、；;：:]")
_NON_HAN = lazy_regex(r"[^\u3400-\u9fff\uf900-\ufaff]+")
_ANY_HAN = lazy_regex(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = lazy_regex(r"[。！？!?…]+[”’\"'」』）)\]】]*$")
_PINYIN = lazy_regex(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}\)")
_WORDISH = lazy_regex(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_NOT_WORD = lazy_regex(r"[^0-9a-z\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
#: A colon right after a label (``发布时间 : …``).
_COLON_NEXT = lazy_regex(r"\s*[:：]")
#: A ``?`` that opens the line or a word (after a space): no question ends there, it stands for a
#: character the page's encoding lacked or its decoder lost (``©2024`` → ``?2024``, ``首页 » 新闻`` →
#: ``首页 ? 新闻``).
_LOST_MARK = lazy_regex(r"(?:^|(?<=\s))\?")


def lost_marks(text: str) -> int:
    """How many ``?`` in ``text`` stand for a lost character rather than end a question.

    >>> lost_marks("岛屿旅行志 ?2024 All rights reserved."), lost_marks("真的吗? 我不信?")
    (1, 0)
    """
    return len(_LOST_MARK.findall(text))


#: A gap between menu items: two or more spaces, or a tab (a menu saved from cells or links).
_WIDE_GAP = lazy_regex(r"\s{2,}|\t")
_BARE_NUMBER = lazy_regex(r"[#№]?\d[\d,]*[.、)]?")
_EDGE_SPACE = " \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"


#: Full-width letters and digits (``ＩＣＰ``, ``１２３``): some sites write them, some converters make them.
_WIDE_ALNUM = lazy_regex(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_WIDE_ALNUM_TABLE = {
    c: c - 0xFEE0 for first, stop in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B))
    for c in range(first, stop)
}


def fold_wide_alnum(text: str) -> str:
    """Full-width letters and digits as ASCII, one character for one: the rules read ``阅读：３８２１``
    as they read ``阅读：3821`` (a rule's ``[0-9]`` or ``[a-z]`` would miss the full-width forms).

    >>> fold_wide_alnum("点赞（１２６） ＶＩＰ")
    '点赞（126） VIP'
    """
    return text.translate(_WIDE_ALNUM_TABLE) if _WIDE_ALNUM.search(text) else text


# --- phrase lists ----------------------------------------------------------------------------------


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``data/strip_<name>.txt`` (blank lines and ``#`` comments skipped)."""
    text = (DATA / f"strip_{name}.txt").read_text(encoding="utf-8")
    return tuple(s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#"))


def _alternation(entries: tuple[str, ...]) -> str:
    """One regex alternation, longest entries first so whole phrases win over their parts."""
    return "|".join(f"(?:{e})" for e in sorted(entries, key=len, reverse=True))


@cache
def phrase_regex(name: str, anchored: bool = False) -> re.Pattern[str]:
    """The phrase list ``name`` as one compiled alternation (``anchored``: only at the line start)."""
    body = _alternation(phrases(name))
    return re.compile(("^(?:" + body + ")") if anchored else body)


@lru_cache(maxsize=1)
def _fold() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(line.split("\t") for line in phrases("fold"))
    return re.compile("[" + "".join(sorted(table)) + "]"), table


def fold_traditional(text: str) -> str:
    """Fold the Traditional forms of the phrase-list characters to Simplified (a regex pass: fast
    when, as usual, there is nothing to fold).

    >>> fold_traditional("網站聲明")
    '网站声明'
    """
    regex, table = _fold()
    if regex.search(text) is None:
        return text
    return regex.sub(lambda m: table[m.group()], text)


@cache
def initials(name: str) -> frozenset[str]:
    """Characters an entry of phrase list ``name`` can start with, in either script and case."""
    firsts = {entry[0] for entry in phrases(name) if entry[0].isalnum()}
    _, table = _fold()
    firsts |= {t for t, s in table.items() if s in firsts}
    firsts |= {c.upper() for c in firsts} | {chr(ord(c) + 0xFEE0) for c in firsts if "a" <= c <= "z"}
    return frozenset(firsts)


#: The compatibility characters Chinese pages are full of, with their NFKC forms: replacing them first
#: with ``str.replace`` leaves most lines already normalised (a full NFKC pass is ~10x slower).
_COMMON_COMPAT = tuple((c, unicodedata.normalize("NFKC", c)) for c in "，\u00a0：（）；\u3000－…／！？～％．")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, fast for the usual Chinese line.

    Swapping a character for its NFKC form never changes the NFKC form of the whole text, so the common
    full-width marks are replaced first and the full normalisation runs only when something is left.

    >>> nfkc("价格（含税）：１０元")
    '价格(含税):10元'
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    for char, form in _COMMON_COMPAT:
        if char in text:
            text = text.replace(char, form)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def probe(text: str) -> str:
    """The form of a line the phrase lists are matched on.

    >>> probe("聯(lián)繫方式  |  網站首頁")
    '联系方式 | 网站首页'
    """
    p = nfkc(text)
    p = fold_traditional(p).lower()
    if "(" in p:
        p = _PINYIN.sub("", p)
    return " ".join(p.split()) if "  " in p or "\t" in p else p


# --- features --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """One non-empty line of the page and what the rules found about it."""

    no: int
    text: str
    size: int
    wide: int
    stops: int
    core: bool = False
    hard: tuple[str, str] | None = None
    soft: tuple[str, str] | None = None
    disclaimer: bool = False
    _probe: str | None = None
    _marks: int = -1
    cut: str = ""
    _first: str | None = None

    @property
    def label(self) -> tuple[str, str] | None:
        """The hard label, else the soft one."""
        return self.hard or self.soft

    @property
    def probe(self) -> str:
        """The folded form of the line for phrase matching (computed on first use)."""
        if self._probe is None:
            self._probe = probe(self.text)
        return self._probe

    @property
    def first_word_char(self) -> str:
        """The first letter, digit or Han character of the probe (``""`` when there is none)."""
        if self._first is None:
            m = _WORDISH.search(self.probe)
            self._first = m.group() if m else ""
        return self._first

    @property
    def marks(self) -> int:
        """How many punctuation marks (sentence ends, commas, colons) the line holds."""
        if self._marks < 0:
            self._marks = len(_MARK_RE.findall(self.text))
        return self._marks


def make_line(no: int, raw: str) -> Line | None:
    """Features of one input line (``None`` for a blank line); leading/trailing spaces are dropped.

    >>> make_line(3, "\\u3000\\u3000这是一段话，很短。").stops
    1
    """
    text = raw.strip(_EDGE_SPACE)
    return _features(no, text) if text else None


def _features(no: int, text: str) -> Line:
    """:func:`make_line` for a text already stripped and not empty."""
    size = len(text)
    # Characters from U+0800 up (Han, CJK punctuation) take 3 bytes in UTF-8: a cheap "wide" count.
    wide = (len(text.encode("utf-8", "surrogatepass")) - size) >> 1
    # Only short lines need the exact number of sentence ends; for long ones "any" is enough.
    stops = len(_STOP_RE.findall(text)) if size <= 120 else 1 if _STOP_RE.search(text) else 0
    if stops and size <= 120 and "?" in text:
        stops -= lost_marks(text)
    line = Line(no, text, size, wide, stops)
    line.core = is_paragraph_like(line)
    return line


#: A keyword-run separator: a mark (literal branches: fast), or a short word between two spaces.
_RUN_MARK = lazy_regex(r"_|,|，|、|\||｜|-")
_SPACED_RUN = lazy_regex(r"\s\S{1,24}\s")


def is_paragraph_like(line: Line) -> bool:
    """A line that reads as running prose: it ends a sentence, or is long and punctuated.

    Keyword runs joined by ``_`` or ``,`` are never prose, however long.

    >>> is_paragraph_like(make_line(1, "他说：“这是真的。”"))
    True
    >>> is_paragraph_like(make_line(1, "培育社区文化,添活力,聚合力,促和谐"))
    False
    """
    if line.wide < 4:
        return False
    if line.stops:
        if _SENTENCE_END.search(line.text, max(0, line.size - 12)):
            return True
    elif line.wide >= 30 and (
        _RUN_MARK.search(line.text) or (_spaced(line.text) and _SPACED_RUN.search(line.text))
    ):
        sep, n, runs = keyword_runs(_LABEL_COLON.sub("", line.probe, count=1), "_,、|- ")
        if n >= 4 and max(map(len, runs), default=0) <= 24 and (sep != " " or n >= 8):
            return False
        if mixed_keyword_runs(line.probe):
            return False
    return line.wide >= 60 or (line.wide >= 30 and line.marks >= 2)


_RUN_SPLIT = {
    "_": lazy_regex(r"\s*_+\s*"),
    ",": lazy_regex(r"\s*,\s*"),
    "|": lazy_regex(r"\s*[|¦]+\s*"),
    ":": lazy_regex(r"\s*::\s*"),
    " ": lazy_regex(r"\s+"),
    "·": lazy_regex(r"\s*[·•]\s*"),
    "•": lazy_regex(r"\s*[·•]\s*"),
    "-": lazy_regex(r"\s*[-–—]+\s*"),
    "、": lazy_regex(r"\s*、\s*"),
    "/": lazy_regex(r"\s+/\s+"),
    ">": lazy_regex(r"\s*(?:>+|»|›|→)\s*"),
}


#: The joiners of a keyword row whose groups each use their own (``甲_乙 丙、丁 戊+己``).
_MIXED_JOINER = lazy_regex(r"\s*(?:[_、,|+/]|\s[-–—]+\s|[-–—]+)\s*|\s+")
_MIXED_KINDS = lazy_regex(r"[_、,|+/]|[-–—]|\s")
#: A mixed row: this many runs at least, each at most this long, most longer than a name.
_MIXED_MIN_RUNS, _MIXED_MAX_RUN, _MIXED_NAME = 10, 10, 3
#: Characters of prose (function words) that a run of spam keywords seldom holds.
_FUNCTION_HAN = lazy_regex(r"[的了吗呢吧着我你他她们这那]")


def mixed_keyword_runs(p: str, least: int = _MIXED_MIN_RUNS) -> list[str]:
    """The runs of a row of keywords joined by two or more kinds of separator (``_``, ``、``, ``,``,
    ``|``, ``+``, ``/``, dashes, spaces), ``least`` runs or more (ten), each at most ten characters,
    mostly Han and longer than a name, with no sentence mark and hardly a function word; ``[]`` when
    ``p`` is not one. Why: a spider pool's footer glues groups of keywords, each group with its own joiner; no
    single separator splits it into short runs, so it read as a long line of prose.

    >>> row = "改装配件_以旧换新_洗车美容_驾校报名_二手车 阀门厂家、螺丝批发、管件、铝型材、轴承"
    >>> mixed_keyword_runs(row.removesuffix("、轴承"))  # nine runs: too few
    []
    >>> len(mixed_keyword_runs(row))
    10
    >>> mixed_keyword_runs("会议强调，要坚持问题导向、目标导向、结果导向，推进改革、发展、稳定，统筹安全")
    []
    """
    if len(p) < 40 or len(p) > 400 or _STOP_RE.search(p):
        return []
    kinds = {m.group() for m in _MIXED_KINDS.finditer(p)}
    kinds = {"-" if k in "–—" else " " if k.isspace() else k for k in kinds}
    if len(kinds) < 2 or kinds <= {",", "、"}:
        return []  # (prose mixes only commas and enumeration commas)
    runs = [r for r in _MIXED_JOINER.split(p) if r]
    n = len(runs)
    if n < least or max(map(len, runs)) > _MIXED_MAX_RUN or not all(r.isalnum() for r in runs):
        return []
    if sum(1 for r in runs if _ANY_HAN.search(r)) < 0.8 * n:
        return []
    if 2 * sum(len(r) > _MIXED_NAME for r in runs) < n:
        return []
    if sum(1 for r in runs if _FUNCTION_HAN.search(r)) > 0.1 * n:
        return []
    return runs


def keyword_runs(p: str, seps: str) -> tuple[str, int, list[str]]:
    """The separator among ``seps`` used most in ``p``, the number of runs and the runs.

    >>> keyword_runs("国产精品_日韩一区_高清视频_在线观看", "_,")[:2]
    ('_', 4)
    """
    best, count = "", 0
    for sep in seps:
        if sep == ":":
            n = p.count("::")
        elif sep == "-":  # hyphens and dashes alike (``甲——乙——丙``)
            n = p.count("-") + p.count("–") + p.count("—")
        else:
            n = p.count(sep)
        if n > count:
            best, count = sep, n
    if not best:
        return "", 1, [p]
    runs = [r for r in _RUN_SPLIT[best].split(p) if r]
    return best, len(runs), runs


# --- hard rules: furniture wherever it stands ------------------------------------------------------

_EMPTY_TAG = lazy_regex(r"^[\s•·●◆■▪*-]*(?:\d{1,3}[.、])?\s*(?:<[^>]*>\s*)+$")
_PLACEHOLDER = lazy_regex(
    r"^(?:\[\[[^\]]{1,40}\]\]|\{\{[^}]{0,40}\}\}|\[(?:图片|图|img|image|photo|视频|video|广告|ad)[^\]]{0,30}\]"
    r"|<!--.*-->)$"
)
_BREADCRUMB_TAIL = lazy_regex(r"\s*[:：]")
_RELATED_TAIL = lazy_regex(r"\s*(?:文章|新闻|主题|帖子?|篇)?\s*[:：»›>]|\s+\S")
_ICP_RUN = lazy_regex(r"icp|备案|公网安备")


def empty_tag(line: Line) -> str | None:
    """An injected tag with nothing in it, maybe behind a bullet: ``•<span id="3dn8r"></span>``.

    >>> empty_tag(make_line(1, '1.<meter id="a1b2c"></meter>'))
    'empty_injected_tag'
    >>> empty_tag(make_line(1, '<b>加粗的正文</b>')) is None
    True
    """
    if "<" in line.text and _EMPTY_TAG.match(line.text):
        return "empty_injected_tag"
    return None


def debris(line: Line) -> str | None:
    """A line without a letter, digit or Han character: a lone ``?``, bullet or rule line.

    >>> debris(make_line(1, "?"))
    'no_word_character'
    >>> debris(make_line(1, "2019")) is None
    True
    """
    if line.size <= 30 and line.wide <= line.size and not _WORDISH.search(line.probe):
        return "no_word_character"
    return None


def placeholder(line: Line) -> str | None:
    """An image or ad placeholder left by the scraper: ``[[406999]]``, ``[图片]``, ``{{ad}}``.

    >>> placeholder(make_line(1, "[[406999]]"))
    'bracketed_placeholder'
    >>> placeholder(make_line(1, "[1]")) is None
    True
    """
    if line.text[0] in "[{<【［" and line.size <= 60 and _PLACEHOLDER.match(line.probe):
        return "bracketed_placeholder"
    return None


def spider_pool(line: Line) -> str | None:
    """A long list of short keyword runs joined by ``|``, maybe behind a label (``模板: kw | kw | …``).

    >>> spider_pool(make_line(1, "模板: " + " | ".join(["关键词甲乙"] * 14)))
    'pipe_keyword_list'
    """
    if line.stops or line.text.count("|") + line.text.count("｜") < 7:
        return None
    p = line.probe
    _, n, runs = keyword_runs(p, "|")
    short = sum(1 for r in runs if len(r) <= 24)
    if (n >= 12 or (n >= 8 and len(p) >= 120)) and short >= 0.8 * n:
        return "pipe_keyword_list"
    return None


#: A joined keyword row: this many runs at least, each at most this long, most longer than a name.
_JOINED_MIN_RUNS, _JOINED_MAX_RUN, _JOINED_NAME = 6, 12, 3
#: Joiners no prose uses between words: ``_`` and em dashes without spaces (a spaced ASCII hyphen joins
#: a list of links an article may hold: ``有田中井手之战 - 吉田郡山城之战 - …``).
_JOINERS = lazy_regex(r"_|—")
_SPACED_JOIN = lazy_regex(r"\s[-–—]|[-–—]\s")


def joined_keywords(line: Line) -> str | None:
    """Six or more keyword runs joined by ``_`` or dashes (``棋牌游戏大厅——首存优惠——彩票开奖结果——…``),
    with no sentence: an SEO title or a spider pool's row, wherever it stands. Prose joins at most a
    clause or two with a dash; a route of place names (``北京—天津—济南—南京—上海—杭州``) has runs no
    longer than a name.

    >>> row = "——".join(["棋牌游戏大厅", "首存优惠", "彩票开奖结果", "体育投注", "老虎机", "六合彩资料"])
    >>> joined_keywords(make_line(1, row))
    'joined_keyword_row'
    >>> joined_keywords(make_line(1, "北京—天津—济南—南京—上海—杭州")) is None
    True
    >>> joined_keywords(make_line(1, "他说——这件事——我们明天再谈")) is None
    True
    >>> links = " - ".join(["有田中井手之战", "吉田郡山城之战", "严岛之战"] * 2)
    >>> joined_keywords(make_line(1, links)) is None
    True
    """
    if line.stops or line.size > 200 or not _JOINERS.search(line.text) or _SPACED_JOIN.search(line.text):
        return None
    sep, n, runs = keyword_runs(line.probe, "_-")
    if not sep or n < _JOINED_MIN_RUNS or max(map(len, runs)) > _JOINED_MAX_RUN:
        return None
    if sum(1 for r in runs if _ANY_HAN.search(r)) < 0.8 * n or not all(r.isalnum() for r in runs):
        return None
    if 2 * sum(1 for r in runs if len(r) > _JOINED_NAME) < n:
        return None
    return "joined_keyword_row"


def _furniture_share(runs: list[str]) -> float:
    """Share of runs that are page furniture (nav words) or a licence number."""
    furn = phrase_regex("furniture")
    hits = 0
    for run in runs:
        rest = _NOT_WORD.sub("", furn.sub("", run))
        if len(rest) <= 0.3 * len(_NOT_WORD.sub("", run)) or _ICP_RUN.search(run):
            hits += 1
    return hits / len(runs) if runs else 0.0


#: A menu separator: a mark (literal branches: fast), or a wide space or a spaced dash or slash.
_MENU_MARK = lazy_regex(r"\||｜|·|•|::")
_MENU_SPACE = lazy_regex(r"\s\s|\t|\s[-–—/]\s")
_DIGIT = lazy_regex(r"\d")


def _starts_with(line: Line, name: str) -> bool:
    """True when the first word character of the line can start an entry of phrase list ``name``."""
    first = line.first_word_char
    return bool(first) and first in initials(name)


def _wide_gap(text: str) -> bool:
    """Menu items may stand apart by two spaces or by a tab (saved from table cells or link lists).

    >>> _wide_gap("首页\t新闻\t视频"), _wide_gap("首页  新闻"), _wide_gap("首页 新闻")
    (True, True, False)
    """
    return "  " in text or "\t" in text


def nav_bar(line: Line) -> str | None:
    """Short items joined by ``|`` (or ``::``, ``·``, wide spaces) that are mostly site-menu words.

    >>> nav_bar(make_line(1, "网站首页 | 关于我们 | 联系方式 | 网站地图"))
    'pipe_menu'
    >>> nav_bar(make_line(1, "首页 :: 新随笔 :: 联系 :: 聚合 :: 管理"))
    'double_colon_menu'
    >>> nav_bar(make_line(1, "北京 | 上海 | 广州 | 深圳")) is None
    True
    >>> nav_bar(make_line(1, "首页\t新闻\t视频\t图片\t关于我们"))  # tabs between the items
    'spaced_menu'
    """
    text = line.text
    if (
        line.size > 200
        or line.stops
        or not (_MENU_MARK.search(text) or (_spaced(text) and _MENU_SPACE.search(text)))
    ):
        return None
    p = line.probe
    if "::" in p:
        _, n, runs = keyword_runs(p, ":")
        if n >= 3 and max(map(len, runs), default=0) <= 12:
            return "double_colon_menu"
    sep, n, runs = keyword_runs(p, "|·")
    if not sep and " - " in p:
        sep, n, runs = keyword_runs(p, "-")
    if not sep and " / " in p:
        sep, n, runs = keyword_runs(p, "/")
    if not sep and _wide_gap(line.text):
        runs = [r for r in _WIDE_GAP.split(line.text.strip()) if r]
        runs = [probe(r) for r in runs]
        n, sep = len(runs), " "
    if not sep or n < 3 or (sep == " " and n < 4):
        return None
    if all(len(r) <= 14 or _ICP_RUN.search(r) for r in runs) and _furniture_share(runs) >= 0.5:
        return "pipe_menu" if sep == "|" else "spaced_menu"
    return None


def soft_nav(line: Line) -> str | None:
    """Three or more short items joined by ``|`` with no sentence in them: a menu, off the body.

    >>> soft_nav(make_line(1, "北京 | 上海 | 广州 | 深圳"))
    'pipe_items'
    >>> soft_nav(make_line(1, "某书最新章节 · 某书全文阅读 · 某书TXT下载"))  # spaced middle dots
    'pipe_items'
    """
    if line.size > 200 or line.stops:
        return None
    p = line.probe
    if "|" in p:
        _, n, runs = keyword_runs(p, "|")
    elif " - " in p:
        _, n, runs = keyword_runs(p, "-")
    elif " / " in p:
        _, n, runs = keyword_runs(p, "/")
    elif " · " in p or " • " in p:
        _, n, runs = keyword_runs(p, "·•")
    elif _wide_gap(line.text) and not line.marks:
        runs = [r for r in _WIDE_GAP.split(line.text.strip()) if r]
        if len(runs) >= 4 and max(map(len, runs), default=0) <= 8:
            return "spaced_items"
        return None
    else:
        return None
    if n >= 3 and max(map(len, runs), default=0) <= 16 and not facts_row(runs):
        return "pipe_items"
    return None


#: A cell that states a quantity: a number or a range with its unit (``3-5年``, ``89㎡``, ``25-40k``).
_QUANTITY = lazy_regex(r"(?:\d+(?:\.\d+)?(?:\s*[-~～至到]\s*\d+(?:\.\d+)?)?\s*[^\d\s|]{0,3}){1,3}")


def facts_row(runs: list[str]) -> bool:
    """Cells of one record side by side (``北京 | 3-5年 | 本科``, ``3室2厅 | 89㎡ | 南北``): some state a
    quantity with its unit, the others are words; a menu's items are all words (``北京 | 上海 | 广州``),
    all numbers (a year archive, page numbers) or menu words (``上一页 | 2 | 下一页``).

    >>> facts_row(["北京", "3-5年", "本科"]), facts_row(["北京", "上海", "广州"])
    (True, False)
    >>> facts_row(["2023年", "2022年", "2021年"]), facts_row(["上一页", "2", "下一页"])
    (False, False)
    """
    quantities = sum(1 for r in runs if _DIGIT.search(r))
    if not 0 < quantities < len(runs) or not all(_QUANTITY.fullmatch(r) for r in runs if _DIGIT.search(r)):
        return False
    bare = sum(1 for r in runs if _BARE_NUMBER.fullmatch(r))
    return bare == 0 and _furniture_share(runs) == 0.0


#: Hint regexes are alternations of plain literals: the regex engine then skips ahead with a set of
#: first characters, several times faster on long lines than when one branch opens with a class.
_LICENCE_HINT = lazy_regex(r"ICP|ICp|IcP|Icp|iCP|iCp|icP|icp|ＩＣＰ|备|備|证|證|许可|許可|举报|舉報")
_DOC_HINT = lazy_regex(r"页|頁|文档|文檔|下载|下載|阅读|閱讀|上传|上傳|格式|_第")


def licence(line: Line) -> str | None:
    """An ICP or public-security filing number or a permit line.

    >>> licence(make_line(1, "粤公网安备 44040202001354号"))
    'licence_number'
    >>> licence(make_line(1, "该公司于2005年取得ICP备案号，此后业务迅速扩张，成为行业龙头。")) is None
    True
    """
    if line.size > 120 or line.stops or not _LICENCE_HINT.search(line.text):
        return None
    if phrase_regex("licence").search(line.probe):
        return "licence_number"
    return None


_COPYRIGHT_HINT = lazy_regex(r"©|\(c\)|copyright|版权|reserved|保留|by|技术支持|:|：")


def copyright_line(line: Line) -> str | None:
    """A copyright or site-credit line: ``Copyright © 2003-2020 XX网 All Rights Reserved``.

    >>> copyright_line(make_line(1, "Copyright © 2011-2020 某某网 All Rights Reserved"))
    'copyright_notice'
    >>> copyright_line(make_line(1, "他认为该书的版权所有者应当是出版社。")) is None
    True
    """
    if line.size > 160 or (line.stops and line.text[:1] not in "©CcＣｃ版"):
        return None
    p = line.probe
    if not _COPYRIGHT_HINT.search(p):
        return None
    if line.stops and not p.startswith(("©", "copyright", "版权所有")):
        return None
    if phrase_regex("copyright").search(p):
        return "copyright_notice"
    return None


_ARROWS = str.maketrans("»›→", ">>>")  # the separators of a trail, as one


def breadcrumb(line: Line) -> str | None:
    """A location trail: ``当前位置: > 新闻``, ``首页 > 新闻中心 > 正文``.

    >>> breadcrumb(make_line(1, "首页 > 新闻中心 > 正文"))
    'arrow_trail'
    >>> breadcrumb(make_line(1, "您现在的位置：首页"))
    'location_label'
    >>> breadcrumb(make_line(1, "论坛首页 › 数码产品 › 手机讨论区"))
    'arrow_trail'
    >>> breadcrumb(make_line(1, "更多>同类资讯")) is None
    True
    >>> breadcrumb(make_line(1, "论坛首页 ? 数码产品 ? 手机讨论区"))  # arrows lost to an encoding
    'arrow_trail'
    """
    if line.size > 120 or line.stops:
        return None
    text = line.text
    if (
        text[0] not in initials("breadcrumb")
        and ">" not in text
        and "»" not in text
        and "›" not in text
        and "→" not in text
        and "＞" not in text
        and " ? " not in text
    ):
        return None
    p = line.probe
    m = phrase_regex("breadcrumb", anchored=True).match(p)
    if m and _BREADCRUMB_TAIL.match(p, m.end()):
        return "location_label"
    if " ? " in p and ">" not in p:
        p = p.replace(" ? ", " > ")  # the arrows a Big5 or GBK page could not hold: ``首页 ? 新闻 ? 正文``
    if p.count(">") + p.count("»") + p.count("›") + p.count("→") >= 2:
        _, n, runs = keyword_runs(p.translate(_ARROWS), ">")
        if n >= 3 and max(map(len, runs), default=0) <= 20:
            return "arrow_trail"
    return None


# First characters of the counter labels (both scripts, any case): a cheap gate before the full list.
_COUNTER_CHARS = lazy_regex(r"[获獲留阅閱浏瀏点點评評回人访訪热熱查围圍收分转轉次播弹彈关關粉vVhHrRcClL]")


@lru_cache(maxsize=2)
def _counter_regex(label_first: bool = False) -> re.Pattern[str]:
    labels = _alternation(phrases("counter"))
    number = r"[(\[]?\s*\d[\d,]*(?:\.\d+)?\s*[万千kw]?\+?\s*[)\]]?\s*(?:次|人次|人|条|则|views?)?"
    after = rf"(?:{labels})\s*(?:次数|人次|数|量)?\s*[:：]?\s*{number}"
    if label_first:
        return re.compile(after)
    return re.compile(after + rf"|\d[\d,]*(?:\.\d+)?\s*[万千kw]?\+?\s*(?:次|人)?\s*已?\s*(?:{labels})")


#: How many people liked, followed or read the post: ``2,103 人赞同了该回答``, ``1.2万人在看``.
_PEOPLE_COUNT = lazy_regex(
    r"\d[\d,.]*\s*[万千kw]?\s*人\s*(?:赞同|点赞|觉得有用|觉得很赞|喜欢|收藏|关注|推荐|看过|在看|读过|参与)了?"
    r"(?:该|这个|此|这篇|本)?(?:回答|文章|内容|问题|话题|视频|帖子)?"
)


def counter(line: Line) -> str | None:
    """A view/comment counter: ``阅读:163``, ``阅读(905) 评论(1) 编辑 收藏 引用``, ``1234次浏览``.

    >>> counter(make_line(1, "阅读(905) 评论(1) 编辑 收藏 引用"))
    'labelled_count'
    >>> counter(make_line(1, "阅读:163"))
    'labelled_count'
    >>> counter(make_line(1, "阅读163本书的体会")) is None
    True
    >>> counter(make_line(1, "2,103 人赞同了该回答")), counter(make_line(1, "3人赞同这个方案")) is None
    ('people_count', True)
    >>> counter(make_line(1, "本文已被浏览3215次"))
    'labelled_count'
    >>> counter(make_line(1, "本文已被转载到其他网站3次")) is None
    True
    """
    if line.size > 100 or line.stops or not _DIGIT.search(line.text):
        return None
    if line.size <= 20 and "人" in line.text and _PEOPLE_COUNT.fullmatch(line.probe):
        return "people_count"
    if not _COUNTER_CHARS.search(line.text):
        return None
    p = line.probe
    rest, n = _counter_regex().subn("", p)
    if not n:
        return None
    rest = _NOT_WORD.sub("", phrase_regex("widget").sub("", rest))
    rest = _COUNT_SUBJECT.sub("", rest, count=1)
    if len(rest) <= 2:
        return "labelled_count"
    if n >= 2 and len(_PLAIN_HAN_RUNS.findall(rest)) <= _COUNTER_REST:
        return "labelled_count"
    return "labelled_count" if _meta_fields_only(_counter_regex(label_first=True).sub(" ", p)) else None


#: A labelled field of a meta row: a short label, a colon, a short value with no mark in it
#: (``提问者:小雨``, ``发布时间:2023-12-02 22:10``, ``答主:上岸学姐``).
_META_FIELD = lazy_regex(
    r"[\u4e00-\u9fff]{1,6}\s*:\s*(?:\d[\d\s:,./-]{0,18}\d|[^\s:,，。！？!?；;、|]{1,10})"
)
_META_GLUE = lazy_regex(r"[\s|·•/]+")


def _meta_fields_only(rest: str) -> bool:
    """What a count left is nothing but labelled fields and separators (at least one field):
    ``提问时间:2023-02-11 … 回答:5``, ``作者:青禾 | … | 更新时间:2024-03-19 22:00`` is a meta row.

    >>> _meta_fields_only("提问者:小雨 发问时间:2023-12-02 22:10 "), _meta_fields_only("这一年 我们读了")
    (True, False)
    """
    left, n = _META_FIELD.subn("", rest)
    return bool(n) and not _META_GLUE.sub("", left)


#: Han characters a line of two or more counts may hold besides them (a button or two; dates and times
#: are digits): a keyword row that happens to hold two counts (``…高清影院,91播放,午夜剧场…``) holds more.
_COUNTER_REST = 8
_PLAIN_HAN_RUNS = lazy_regex(r"[\u4e00-\u9fff]")


#: What a count is of, before it: ``本文已被浏览3215次``, ``累计阅读 1.2万``.
_COUNT_SUBJECT = lazy_regex(r"^(?:本文|本页|本帖|此文|该文|文章|本篇)?(?:已经?|共|累计|总共)?被?")


#: A post's stamp inside a cell: a full date with the time of day (``2024-03-02 19:30``).
_STAMP_CELL = lazy_regex(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?"
)
_META_SPLIT = lazy_regex(r"\s*[|｜]\s*|\s{2,}")
_META_CELL_MARKS = lazy_regex(r"[:：，,。！？!?；;、]")


def post_meta_row(line: Line) -> str | None:
    """A post's or a question's meta row: a date with its time in one cell, other short cells beside it
    between ``|`` or wide spaces, none with a label or a sentence in it (``2024-03-02 19:30 | 用户1839**** |
    浏览 867``, ``北京 | 朝阳区 | 2024-07-03 10:12``, ``2024-07-03 10:26  有帮助(8)``). Furniture wherever it
    stands: between the answers of a Q&A page it is no paragraph. A byline under the title still wins
    (:data:`cleantext.strip._BYLINE_OVERRIDES`); a row of the article's own table has no time of day.

    >>> post_meta_row(make_line(1, "2024-03-02 19:30 | 用户1839**** | 浏览 867"))
    'post_meta_row'
    >>> post_meta_row(make_line(1, "2024-05-20 09:14 | 来源：青年时报")) is None  # a labelled byline
    True
    >>> post_meta_row(make_line(1, "2016年8月1日  主桥正式开工")) is None  # a timeline's entry: no time
    True
    """
    if line.size > 60 or line.stops:
        return None
    cells = [c for c in _META_SPLIT.split(line.text.strip()) if c]
    if len(cells) < 2:
        return None
    stamped = [c for c in cells if _STAMP_CELL.fullmatch(nfkc(c))]
    if len(stamped) != 1:
        return None
    others = [c for c in cells if c is not stamped[0]]
    if all(len(c) <= 12 and not _META_CELL_MARKS.search(c) for c in others):
        return "post_meta_row"
    return None


_ANSWER_COUNT = lazy_regex(
    r"(?:共|已有|共有)?\s*\d+\s*(?:位|个|条|名)\s*[\u4e00-\u9fff]{0,4}?(?:回答|回复|答复|解答|作答)了?"
)
#: A count of words and a count of words again (``218 有用 9 没用``), or words with a count in brackets
#: (``有用(14)``, ``留言(18)``): a vote or reply counter.
_COUNT_PAIRS = lazy_regex(
    r"\d[\d,.]*[万千kw]?\s*[\u4e00-\u9fff]{2,3}(?:\s+\d[\d,.]*[万千kw]?\s*[\u4e00-\u9fff]{2,3}){1,3}"
    r"|[\u4e00-\u9fff]{1,4}\s*\(\s*\d[\d,.]*[万千kw+]?\s*\)(?:\s+[\u4e00-\u9fff]{1,4}\s*\(\s*\d[\d,.]*[万千kw+]?\s*\))*"
)


def answer_counter(line: Line) -> str | None:
    """How many answered (``2位医生回答``, ``5位律师回复``) or voted (``218 有用  9 没用``, ``有用(14)``):
    a Q&A page's counter in words no list has. A date (``8月24日``) is two counts too, and is no counter.

    >>> answer_counter(make_line(1, "3位律师回复")), answer_counter(make_line(1, "218 有用  9 没用"))
    ('answer_count', 'count_pairs')
    >>> answer_counter(make_line(1, "有帮助(8)"))
    'count_pairs'
    >>> answer_counter(make_line(1, "8月24日 10月1日")) is None
    True
    >>> answer_counter(make_line(1, "3位专家")) is None
    True
    """
    if line.size > 24 or line.stops:
        return None
    p = line.probe
    if _ANSWER_COUNT.fullmatch(p):
        return "answer_count"
    if _COUNT_PAIRS.fullmatch(p) and not _DATE.search(p):
        return "count_pairs"
    return None


#: A professional's title after a name: ``刘美玲 副主任医师``, ``王建平律师 已帮助8861人``.
_PROFILE = lazy_regex(
    r"[\u4e00-\u9fff·]{2,5}(\s*)(?:主任|副主任|主治|住院|执业|主管|副)?(?:医师|医生|律师|药师|营养师|咨询师|大夫)"
    r"((?:[\s|｜]+[^\s|｜，。！？,!?]{1,14}){0,3})"
)


def answerer_profile(line: Line) -> str | None:
    """The line naming who answers on a Q&A page: a name, a professional title and short cells
    (hospital, years of practice), with a space between the name and the title or cells after it.
    A sub-head naming a profession (``家庭医生``) is not one.

    >>> answerer_profile(make_line(1, "刘美玲 副主任医师"))
    'answerer_profile'
    >>> answerer_profile(make_line(1, "王建平律师 已帮助8861人"))
    'answerer_profile'
    >>> answerer_profile(make_line(1, "家庭医生")) is None
    True
    """
    text = line.text
    if line.size > 40 or not ("师" in text or "医生" in text or "大夫" in text) or line.marks:
        return None
    m = _PROFILE.fullmatch(text)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return "answerer_profile"


_ACTION_STAMP = lazy_regex(
    r"[\u4e00-\u9fff]{1,3}于\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)


def action_stamp(line: Line) -> str | None:
    """A verb with ``于`` and a date, nothing else (``回答于 2024-03-02 20:11``, ``编辑于 2023-1-5``): a
    post's stamp. Under the title it is still read as the byline.

    >>> action_stamp(make_line(1, "回答于 2024-03-02 20:11"))
    'dated_action_stamp'
    >>> action_stamp(make_line(1, "大桥于2019年9月建成通车")) is None
    True
    """
    if line.size > 30 or line.stops or "于" not in line.text:
        return None
    return "dated_action_stamp" if _ACTION_STAMP.fullmatch(line.probe) else None


_COUNTED = lazy_regex(r"\d[\d,.]*\s*[万千kw]?\s*(?:个|条|人|次|位|篇|份)\s*[\u4e00-\u9fff]{1,3}")


def number_only(line: Line) -> str | None:
    """A line that is only a number (a view count shown alone): ``60``; or a count of things with
    their name and nothing else, as counters show it: ``34 个回答``, ``12条评论``.

    >>> number_only(make_line(1, "60"))
    'bare_number'
    >>> number_only(make_line(1, "34 个回答"))
    'counted_items'
    >>> number_only(make_line(1, "60年")) is None
    True
    """
    if line.size > 12:
        return None
    p = line.probe
    if _BARE_NUMBER.fullmatch(p):
        return "bare_number"
    if _COUNTED.fullmatch(p):
        return "counted_items"
    return None


def _covered(p: str, regex: re.Pattern[str], share: float, numbers: bool = False) -> bool:
    """True when ``regex`` matches and what it leaves is at most ``share`` of the word characters
    (``numbers``: digits count as covered too)."""
    words = _NOT_WORD.sub("", p)
    rest, n = regex.subn("", p)
    rest = _NOT_WORD.sub("", rest)
    if numbers:
        rest = _DIGIT.sub("", rest)
    return bool(n) and len(rest) <= share * len(words)


_LABEL_COLON = lazy_regex(r"^[^:：]{1,8}[:：]")


def widget(line: Line) -> str | None:
    """Share/print/close buttons and editor credits: ``分享到:``, ``【字体：大 中 小】``, ``责任编辑：张三``.

    >>> widget(make_line(1, "【字体：大 中 小】【打印本页】【关闭窗口】"))
    'widget_buttons'
    >>> widget(make_line(1, "责任编辑：张三"))
    'widget_label'
    >>> widget(make_line(1, "收藏家的故事")) is None
    True
    """
    if line.size > 60 or line.stops or not (_starts_with(line, "widget") or line.text[0] in "([【（"):
        return None
    p = line.probe
    w = phrase_regex("widget")
    if _covered(p, w, 0.15):
        return "widget_buttons"
    inner = p.strip("()[]【】（） ")
    m = _LABEL_COLON.match(inner)
    if m and len(inner) <= 30 and w.fullmatch(inner[: m.end() - 1].strip()):
        return "widget_label"
    return "widget_buttons" if _widget_groups(p) else None


_BRACKET_GROUP = lazy_regex(r"\s*[【\[]([^【】\[\]]{1,20})[】\]]\s*")


def _widget_groups(p: str) -> bool:
    """Two or more bracketed groups and nothing else, each a button or a labelled credit (``【纠错】
    【责任编辑：张三】``): the editor's and the reader's buttons under a story.

    >>> _widget_groups("【纠错】 【责任编辑:王 璐】"), _widget_groups("【纠错】【小区门口】")
    (True, False)
    """
    groups = []
    pos = 0
    while pos < len(p):
        m = _BRACKET_GROUP.match(p, pos)
        if not m:
            return False
        groups.append(m.group(1).strip())
        pos = m.end()
    if len(groups) < 2:
        return False
    w = phrase_regex("widget")
    for g in groups:
        m = _LABEL_COLON.match(g)
        if not (w.fullmatch(g) or m and w.fullmatch(g[: m.end() - 1].strip())):
            return False
    return True


_CALL_HINT = lazy_regex(
    r"关注|關注|扫|掃|长按|長按|下载|下載|打开|打開|点|點|轻触|輕觸|滑|预览|預覽|立即|吧|加入|订阅|訂閱|追踪|追蹤|按"
    r"|就在|盡在|尽在"
)
#: What a prompt asks the reader to open, follow or join: an app, an account, a channel, a phone.
_CALL_TARGET = (
    r"(?:公众号|微信|二维码|app|客户端|小程序|视频号|官网|微博|抖音|line|facebook|fb|youtube|whatsapp|telegram"
    r"|instagram|好友|频道|专页|專頁|粉丝(?:团|页)|粉絲(?:團|頁)|手机|newsletter|专题|专栏|直播间)"
)
_CALL_TARGET_RE = lazy_regex(_CALL_TARGET)
_CALL_TO_ACTION = lazy_regex(
    r"(?:关注|扫码|扫描|扫一扫|长按|识别|下载|打开|搜索|添加|点击|点我|按我|一按|戳|加入|订阅|追踪|追蹤)"
    rf"[^,，。!！]{{0,10}}{_CALL_TARGET}"
    rf"|{_CALL_TARGET}(?:扫一扫|扫码)|(?:分享|转发)(?:到|至)(?:朋友圈|微信|微博|qq空间|好友)"
    r"|预览时|不可点|轻触|[上下左右]滑|滑动(?:看|查看|阅读)|^立即\w{2}$"
    r"|(?:点个?|收藏|转发|分享|点赞)[^,，。]{0,6}吧[!！~～]?$"
    r"|^(?:打开|下载|安装)[^,，。\s]{2,12}[,，\s]+(?:查看|阅读|浏览|观看|获取|体验)"
    rf"|(?:就在|尽在)[^,，。]{{0,10}}{_CALL_TARGET}"
    r"|点击(?:这里|此处|下方|上方)|关注(?:我们?|作者)[\"”]?$"
    r"|^(?:扫一扫|扫码|扫描二维码|微信扫码)[,，:：\s]*(?:在|用|到)?手机"
    r"|^(?:用|在|去)?(?:app|客户端|小程序)(?:内|中|里)?(?:打开|查看|阅读|观看)"
    r"|^点(?:个|一下)?(?:赞|在看)"
)
#: A tap in the first person (``点我下载``, ``按我看活动办法``, ``一按即时收看``): only a button talks so.
_FIRST_PERSON_TAP = lazy_regex(r"(?:点我|按我|點我|一按|戳我)\S")


def call_to_action(line: Line) -> str | None:
    """A line that tells the reader what to tap or follow (``关注公众号，查询更多…``, ``预览时标签不可点``,
    ``觉得有用就收藏起来吧``, ``加入某某报LINE好友``): a page's button or prompt in words no list has, off
    the body only (see :func:`tap_prompt` for the ones that go inside it too).

    >>> call_to_action(make_line(1, "关注公众号，查询更多裁判文书"))
    'call_to_action'
    >>> call_to_action(make_line(1, "预览时标签不可点"))
    'call_to_action'
    >>> call_to_action(make_line(1, "已经加入晨报LINE好友了吗？"))
    'call_to_action'
    >>> call_to_action(make_line(1, "关注民生，服务百姓")) is None
    True

    An app's name need not be a known word when the prompt says what opening it gives
    (``打开某某新闻，查看更多高清图片``), nor the target when it says where more is (``精彩内容尽在某某APP``):

    >>> call_to_action(make_line(1, "打开南城日报，阅读体验更佳"))
    'call_to_action'
    >>> call_to_action(make_line(1, "精彩视频尽在南城APP")), call_to_action(make_line(1, "点击下方阅读原文"))
    ('call_to_action', 'call_to_action')
    >>> call_to_action(make_line(1, "打开冰箱，看到一盒牛奶")) is None
    True
    """
    if line.size > 30 or line.stops > 1 or not _CALL_HINT.search(line.text):
        return None
    return "call_to_action" if _CALL_TO_ACTION.search(line.probe) else None


def tap_prompt(line: Line) -> str | None:
    """A prompt no sentence is: a button in the first person (``点我下载APP``, ``按我看活动办法``), or one
    that asks for an app or account twice (``下载某某APP 关注某某微博``): furniture even between paragraphs,
    where news sites put them.

    >>> tap_prompt(make_line(1, "不用抽 不用抢 现在用APP看新闻 点我下载APP 按我看活动办法"))
    'tap_prompt'
    >>> tap_prompt(make_line(1, "【WhatsApp一按即时收看更多财经新闻】"))
    'tap_prompt'
    >>> tap_prompt(make_line(1, "下载客户端，看更多精彩内容"))
    'tap_prompt'
    >>> tap_prompt(make_line(1, "请继续往下阅读..."))
    'tap_prompt'
    >>> tap_prompt(make_line(1, "他笑着说：“点我名字就能看到。”")) is None
    True
    >>> tap_prompt(make_line(1, "下载APP")) is None  # one request alone: only off the body
    True
    """
    if line.size > 60 or line.stops > 1 or not (_CALL_HINT.search(line.text) or "继" in line.text):
        return None
    p = line.probe
    if _READ_ON.fullmatch(p):
        return "tap_prompt"
    if line.stops:
        return None
    if _FIRST_PERSON_TAP.search(line.text) and _CALL_TARGET_RE.search(p):
        return "tap_prompt"
    if _CALL_TO_ACTION.search(p) and _MORE_PROMISE.search(p):
        return "tap_prompt"  # ``下载客户端，看更多精彩内容``
    if sum(1 for _ in _CALL_TO_ACTION.finditer(p)) >= 2:
        return "tap_prompt"
    return None


#: A prompt to the picture or a QR code (``点击图片查看大图``, ``扫码领取一周食谱``): only a button talks so.
_PICTURE_PROMPT = lazy_regex(
    r"[(（【\[]?\s*(?:点击|点按|单击|轻触)(?:图片|图像|此图|上图|下图)?(?:即可|可)?(?:查看|看|放大|浏览|进入)"
    r"(?:大图|原图|高清(?:大)?图|全图|图集|组图|更多图片)\s*[)）】\]]?"
)
_QR_PROMPT = lazy_regex(
    r"(?:微信)?(?:扫码|扫描二维码|扫一扫|长按(?:识别)?(?:二维码|图片)?)[,，\s]*(?:免费)?"
    r"(?:领取|获取|下载|报名|咨询|预约|加群|进群|入群|观看|收听|试听|参与|了解)[\u4e00-\u9fffa-z0-9]{0,12}"
)


def picture_prompt(line: Line) -> str | None:
    """A prompt to tap the picture (``点击图片查看大图``) or to scan a code for something
    (``扫码领取一周早餐食谱``): furniture even between paragraphs, where pages put them under a
    picture or an ad. A sentence about scanning has a subject or a full stop.

    >>> picture_prompt(make_line(1, "点击图片查看大图")), picture_prompt(make_line(1, "扫码领取一周早餐食谱"))
    ('picture_prompt', 'picture_prompt')
    >>> picture_prompt(make_line(1, "扫码支付已经成为老人的难题")) is None
    True
    """
    if line.size > 24 or line.marks > 1:
        return None
    p = line.probe
    if _PICTURE_PROMPT.fullmatch(p) or _QR_PROMPT.fullmatch(p):
        return "picture_prompt"
    return None


#: Glyphs that only point the reader at what is above or below (a QR code, a picture, a video).
_POINTERS = lazy_regex(r"[▼▽↓⬇▲△↑⬆☟☝👇👆⇩⇧\s]+")


def pointer_glyphs(line: Line) -> str | None:
    """A line of nothing but arrows or triangles pointing up or down (``▼``, ``↓↓↓``): it points at a
    QR code or a picture, never at words of the article. (A scene break, ``* * *`` or ``……``, is no
    pointer.)

    >>> pointer_glyphs(make_line(1, "▼")), pointer_glyphs(make_line(1, "↓ ↓ ↓"))
    ('pointer_glyphs', 'pointer_glyphs')
    >>> pointer_glyphs(make_line(1, "* * *")) is None
    True
    """
    if line.size > 12 or not _POINTERS.fullmatch(line.text):
        return None
    return "pointer_glyphs"


def _covered_share(p: str, regex: re.Pattern[str]) -> float:
    """The share of the word characters of ``p`` inside the matches of ``regex``."""
    total = len(_NOT_WORD.sub("", p))
    if not total:
        return 0.0
    return len(_NOT_WORD.sub("", "".join(m.group() for m in regex.finditer(p)))) / total


_PAYWALL_SHARE = 0.6
_PAYWALL_HINT = lazy_regex(r"阅|閱|订|訂|付|会员|會員|vip|VIP|剩|余|餘|还|還|登|解|限|专|專|可见|可見")


def paywall_prompt(line: Line) -> str | None:
    """A paywall or truncation prompt: a short line most of whose words say what is left or what the
    reader must buy or log in for to read on (phrase list ``paywall``): ``剩余80%内容，订阅后可阅读``,
    ``本文为会员限定内容``, ``付费阅读全文``. Furniture wherever it stands: it cuts the article short.

    >>> paywall_prompt(make_line(1, "剩余80%内容，订阅后可阅读"))
    'paywall_prompt'
    >>> paywall_prompt(make_line(1, "本文为会员限定内容"))
    'paywall_prompt'
    >>> paywall_prompt(make_line(1, "订阅后可阅读全文的新闻网站越来越多")) is None  # a headline about it
    True
    """
    if line.size > 40 or line.stops > 1 or not _PAYWALL_HINT.search(line.text):
        return None
    if _covered_share(line.probe, phrase_regex("paywall")) < _PAYWALL_SHARE:
        return None
    return "paywall_prompt"


_READING_SEP = lazy_regex(r"[\s,，|｜·•/、;；]*")


def reading_stats(line: Line) -> str | None:
    """A line made only of the article's length and reading time (phrase list ``reading``):
    ``全文约4200字，阅读需要10分钟``, ``本文字数：1265``, ``阅读时长 6 分钟``: the site's counter.

    >>> reading_stats(make_line(1, "全文约4200字，阅读需要10分钟"))
    'reading_stats'
    >>> reading_stats(make_line(1, "本文字数：1265"))
    'reading_stats'
    >>> reading_stats(make_line(1, "他用10分钟读完了这封4200字的信")) is None
    True
    """
    if line.size > 40 or line.stops:
        return None
    if "字" not in line.text and "分" not in line.text and "min" not in line.probe:
        return None
    p = line.probe
    rest = _READING_SEP.sub("", phrase_regex("reading").sub(" ", p))
    return "reading_stats" if not rest and p.strip() else None


#: A note that the article is paid for: ``本文由某某品牌赞助发布``, ``*本内容为商业推广，不构成购买建议``.
_SPONSORED = lazy_regex(
    r"[*※#\s]*(?:本文|本篇|本内容|此文|该文|以上内容|本期(?:节目|内容)?|本栏目|本视频)(?:由|为|系|是|属于|属)?"
    r"[^,，。;；]{0,16}?(?:赞助|贊助|冠名|商业推广|商業推廣|品牌推广|品牌推廣|广告|廣告|推广|推廣)"
    r"(?:播出|发布|發布|呈现|呈現|内容|內容|文章|合作|信息|資訊)?(?:[,，;；][^,，。;；]{0,20})?[。.]?"
)


def sponsor_note(line: Line) -> str | None:
    """A note that the article is an advertisement or sponsored (``本文由某某户外品牌赞助发布``,
    ``*本内容为商业推广，不构成购买建议``): the site's label, not the article's words. A paper's
    funding note (``本研究由某基金资助``) is the paper's own.

    >>> sponsor_note(make_line(1, "本文由某某户外品牌赞助发布"))
    'sponsor_note'
    >>> sponsor_note(make_line(1, "*本内容为商业推广，不构成购买建议"))
    'sponsor_note'
    >>> sponsor_note(make_line(1, "本研究由国家自然科学基金资助。")) is None
    True
    """
    if line.size > 50 or line.stops > 1 or line.text.lstrip("*※# ")[:1] not in "本此该該以":
        return None
    return "sponsor_note" if _SPONSORED.fullmatch(line.text) else None


_MORE_PROMISE = lazy_regex(r"(?:看|查看|获取|阅读)更多|更多精彩|体验更(?:佳|好)")

#: A prompt to scroll on, left between two paragraphs: ``请继续往下阅读...``, ``继续阅读全文``.
_READ_ON = lazy_regex(r"[(（【\[]?(?:请)?继续(?:往下|向下)?(?:阅读|浏览|看)(?:全文|下文)?[.…。]*[)）】\]]?")

#: A prompt to read on or see more: ``看更多某某新闻``, ``返回某某，查看更多``, ``更多影评``.
_MORE_PROMPT = lazy_regex(
    r"(?:(?:点击|点此)?(?:看|查看|浏览|阅读)更多|更多)[\u4e00-\u9fffa-z]{0,8}(?:[>»›]+)?"
    r"|返回[\u4e00-\u9fffa-z]{1,6}(?:[,，\s]+(?:查看|看|阅读|浏览)更多\S{0,6})?"
)


def more_prompt(line: Line) -> str | None:
    """A short link to more of the site, with no arrow (``看更多某某新闻``, ``返回某某，查看更多``,
    ``更多影评``): furniture off the body.

    >>> more_prompt(make_line(1, "看更多晨报新闻")), more_prompt(make_line(1, "返回首页，查看更多"))
    ('more_prompt', 'more_prompt')
    >>> more_prompt(make_line(1, "更多的人选择了留下")) is None  # a sentence's start: 的 is no link's word
    True
    >>> more_prompt(make_line(1, "返回故乡的路")) is None
    True
    """
    if line.size > 20 or "更" not in line.text and "返" not in line.text:
        return None
    p = line.probe
    if "的" in p or not _MORE_PROMPT.fullmatch(p):
        return None
    if p.startswith("返回") and "更多" not in p and not _SITE_WORD.search(p):
        return None
    return "more_prompt"


#: What a ``返回…`` button goes back to: the site, its home page, a list, the top.
_SITE_WORD = lazy_regex(r"首页|主页|顶部|列表|上一?页|上级|目录|频道|栏目|专题|[网站]$|搜狐|新浪|网易|腾讯")


_ATTACHMENT = lazy_regex(
    r"\S.*?(?:\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd)|\s*[(\[]\s*(?:pdf|docx?|xlsx?|zip|rar)[^)\]]{0,12}[)\]])"
)


def attachment_link(line: Line) -> str | None:
    """A link to a file: its name ends with a file type (``报名表.docx``, ``下载申请表格 (PDF)``): the
    page's download list, off the body.

    >>> attachment_link(make_line(1, "2.随迁子女入学材料清单.pdf"))
    'attachment_link'
    >>> attachment_link(make_line(1, "下载申请表格 (PDF, 120KB)"))
    'attachment_link'
    >>> attachment_link(make_line(1, "请把材料扫描成PDF格式后上传")) is None
    True
    """
    if line.size > 80 or line.stops or "." not in line.text and "(" not in line.probe:
        return None
    return "attachment_link" if _ATTACHMENT.fullmatch(line.probe) else None


#: Where a page shares to: social networks, messengers, mail, the link itself, print.
_SHARE_TARGET = lazy_regex(
    r"分享(?:到|至)?|facebook|fb|line|twitter|x|plurk|telegram|whatsapp|weibo|wechat|linkedin|reddit|email"
    r"|e-?mail|微信(?:好友)?|朋友圈|微博|qq(?:空间|好友)?|豆瓣|复制(?:链接|连结|連結|網址|网址)|複製(?:連結|網址)|列印|打印|转寄|轉寄|收藏"
)


def share_row(line: Line) -> str | None:
    """Three or more share targets between spaces or bars and nothing else (``分享 Facebook LINE 复制连结``):
    the share bar, wherever it stands.

    >>> share_row(make_line(1, "分享 Facebook LINE 複製連結"))
    'share_row'
    >>> share_row(make_line(1, "微信 微博 QQ空间"))
    'share_row'
    >>> share_row(make_line(1, "Facebook LINE 都封了他的账号")) is None
    True
    >>> share_row(make_line(1, "分享： 微博 微信 QQ空间"))
    'share_row'
    >>> share_row(make_line(1, "分享：微博上的一段话")) is None
    True
    """
    if line.size > 60 or line.marks > 1:
        return None
    p = line.probe
    if line.marks:  # only a label's colon: ``分享： 微博 微信 QQ空间``
        m = _SHARE_LABEL.match(p)
        if not m:
            return None
        p = "分享 " + p[m.end() :]
    items = [item for item in _SHARE_SPLIT.split(p) if item]
    if len(items) < 3 or not all(_SHARE_TARGET.fullmatch(item) for item in items):
        return None
    return "share_row"


_SHARE_SPLIT = lazy_regex(r"[\s|｜/·•]+")
_SHARE_LABEL = lazy_regex(r"(?:分享|转发)(?:到|至)?\s*[:：]\s*")


def bracketed_related(line: Line) -> str | None:
    """A related-reading label in brackets and one headline after it (``【相关阅读】某某``): a link to
    another page, dropped even between paragraphs (:func:`cleantext.strip.drop_never_prose_in_body`).

    >>> bracketed_related(make_line(1, "【相关阅读】北水连续5日净流入港股"))
    'bracketed_related_title'
    >>> bracketed_related(make_line(1, "【相关阅读】")) is None  # a bare block title: see furniture()
    True
    >>> bracketed_related(make_line(1, "【相关研究】团队发现，这种鱼的寿命很长。")) is None
    True
    """
    if line.size > 50 or line.stops or line.text[0] not in "【[［〔":
        return None
    m = _BRACKETED_LABEL.match(line.probe)
    if not m or m.end() >= len(line.probe):
        return None
    if not phrase_regex("related_list", anchored=True).fullmatch(m.group(1).strip()):
        return None
    return "bracketed_related_title"


_BRACKETED_LABEL = lazy_regex(r"[【\[〔]\s*([^】\]〕]{2,8})\s*[】\]〕]\s*")


_AD_MARK = lazy_regex(r"[\[【(（〔]\s*(?:广告|廣告|推广|推廣|赞助|贊助|ad|ads|sponsored)\s*[\]】)）〕]")


def ad_marker(line: Line) -> str | None:
    """A line marked as an ad at its start (``[广告] 限时直降 点击抢购>>``, ``（推广）某某贷款``): furniture
    wherever it stands. A sentence that mentions an ad does not open with the bracketed mark.

    >>> ad_marker(make_line(1, "[ 广告 ] 限时直降300 点击抢购 >>"))
    'ad_marker'
    >>> ad_marker(make_line(1, "广告费用由企业承担。")) is None
    True
    """
    if line.size > 80 or line.text[0] not in "[【(（〔［":
        return None
    m = _AD_MARK.match(line.probe)
    return "ad_marker" if m else None


_CONSENT_HINT = lazy_regex(r"cookie|私", re.I)
_CONSENT_SUBJECT = lazy_regex(r"cookie|隐私|隱私")
#: How a consent banner asks: to go on browsing, with an accept button at its end, or by a plea.
_CONSENT_ASK = lazy_regex(
    r"(?:继续|繼續)(?:浏览|瀏覽|使用|访问|訪問)|by continuing|continu\w* (?:to )?(?:use|brows)"
    r"|(?:accept|agree|ok|got it|接受|同意|我知道了)\W*$|^(?:请|請|please)\s*(?:同意|接受|accept|agree)"
)


def consent_notice(line: Line) -> str | None:
    """A cookie or privacy consent banner (``本网站使用cookie……继续浏览即表示同意``, ``This website uses
    cookies… Accept``): it asks the reader to go on browsing or to press accept. Furniture wherever it
    stands; a sentence about a privacy policy asks nothing of the reader.

    >>> consent_notice(make_line(1, "本站使用Cookie以改善体验，继续浏览即表示您同意。"))
    'consent_notice'
    >>> consent_notice(make_line(1, "We use cookies to improve your experience. Accept"))
    'consent_notice'
    >>> consent_notice(make_line(1, "该应用要求用户同意隐私政策后才能使用。")) is None
    True
    """
    if line.size > 300 or not _CONSENT_HINT.search(line.text):
        return None
    p = line.probe
    if not _CONSENT_SUBJECT.search(p) or not _CONSENT_ASK.search(p):
        return None
    return "consent_notice"


_ORIGINAL_TITLE = lazy_regex(r"[(（\[【]?\s*(?:原标题|原题|原文标题|原题目)\s*[:：]")


def original_title(line: Line) -> str | None:
    """``原标题：…``: the title the story had where it was first published, printed over a reposted
    article's body. Furniture wherever it stands (the article has its own title).

    >>> original_title(make_line(1, "原标题：两战不胜，出线悬了"))
    'original_title'
    >>> original_title(make_line(1, "原标题是编辑改的，作者并不知情。")) is None
    True
    """
    if line.size > 80 or line.text.lstrip("(（[【 ")[:1] != "原":
        return None
    return "original_title" if _ORIGINAL_TITLE.match(line.probe) else None


_HASHTAG = lazy_regex(r"#[^#\s]{1,16}#?")


def hashtag_line(line: Line) -> str | None:
    """Two or more ``#tags`` and at most a short label (``标签``) besides: the page's tag line.

    >>> hashtag_line(make_line(1, "#星途回响# #新版本# #开放世界#"))
    'hashtag_line'
    >>> hashtag_line(make_line(1, "标签 #剧情 #家庭 #国产电影"))
    'hashtag_line'
    >>> hashtag_line(make_line(1, "C#和Java哪个好学")) is None
    True
    """
    if "#" not in line.text or line.size > 80 or line.stops:
        return None
    rest, n = _HASHTAG.subn(" ", line.probe)
    if n < 2 or len(_NOT_WORD.sub("", rest)) > 4:
        return None
    return "hashtag_line"


_DROPDOWN = lazy_regex(r"[^\s▼▾]{1,6}\s*[▼▾]")


def dropdown_button(line: Line) -> str | None:
    """A word and a down-pointing triangle: a menu that opens on a click (``转载▼``, ``更多▾``).

    >>> dropdown_button(make_line(1, "转载▼")), dropdown_button(make_line(1, "▼ 资料图")) is None
    ('dropdown_button', True)
    """
    if "▼" not in line.text and "▾" not in line.text:
        return None
    return "dropdown_button" if _DROPDOWN.fullmatch(line.text) else None


_BRACKET_BUTTONS = lazy_regex(r"(?:[【\[]\s*[^【】\[\]\s]{1,8}\s*[】\]]\s*){2,}")


def bracket_buttons(line: Line) -> str | None:
    """Two or more short words each in its own ``【】`` and nothing else: a row of links or buttons
    (``【比分直播】【积分榜】【射手榜】``), off the body only.

    >>> bracket_buttons(make_line(1, "【比分直播】【积分榜】【射手榜】"))
    'bracketed_buttons'
    >>> bracket_buttons(make_line(1, "【释义】比喻死守狭隘经验")) is None
    True
    """
    if line.size > 60 or not _BRACKET_BUTTONS.fullmatch(line.text):
        return None
    return "bracketed_buttons"


_SELF_STAMP = lazy_regex(
    r"^(?:(?:本|此|该)(?:页面?|网页|词条|条目|文|帖|篇)(?:内容)?|最后|最近)(?:最后|最近)?"
    r"(?:由\S{1,20})?(?:修订|更新|修改|编辑)(?:于|时间|日期)?\s*[:：]?\s*(?:19|20)\d{2}\s*[-/.年]"
)


def page_stamp(line: Line) -> str | None:
    """The page's own record of when it was last changed (``本页面最后修订于2023年11月2日…。``,
    ``最后更新时间：2023-11-02``): furniture even with a full stop, so it does not lengthen the body.
    A sentence about something else's revision is not one.

    >>> page_stamp(make_line(1, "本页面最后修订于2023年11月2日 (星期四) 08:15。"))
    'page_revision_stamp'
    >>> page_stamp(make_line(1, "该条例最后修订于2019年3月1日。")) is None
    True
    """
    if line.size > 80 or line.text[0] not in "本此该該最" or "20" not in line.text and "19" not in line.text:
        return None
    return "page_revision_stamp" if _SELF_STAMP.match(line.probe) else None


def doc_stub(line: Line) -> str | None:
    """Document-sharing site stubs: ``…_第1页``, ``已阅读5页,还剩30页未读``, ``下载本文档``.

    >>> doc_stub(make_line(1, "已阅读5页,还剩30页未读"))
    'document_site_stub'
    """
    if (
        line.size <= 100
        and not line.stops
        and _DOC_HINT.search(line.text)
        and phrase_regex("docstub").search(line.probe)
    ):
        return "document_site_stub"
    return None


_BACK_FORTH = lazy_regex(r"上一[章篇节页条回]\W.*下一[章篇节页条回]|下一[章篇节页条回]\W.*上一[章篇节页条回]")


def pager_pair(line: Line) -> str | None:
    """Both a previous and a next link on one line with no sentence mark (``投推荐票 上一章 ← 目录 →
    下一章``), wherever the pair stands in it: a reader's pager, even inside the body.

    >>> pager_pair(make_line(1, "投推荐票 上一章 ← 章节目录 → 下一章 加入书签"))
    'pager_pair'
    >>> pager_pair(make_line(1, "上一章讲了他的童年，下一章讲他进城")) is None
    True
    """
    if line.size > 60 or line.marks or "上一" not in line.text or "下一" not in line.text:
        return None
    return "pager_pair" if _BACK_FORTH.search(line.probe) else None


def related_link(line: Line) -> str | None:
    """A previous/next article link: ``上一篇：…``, ``下一篇:…``.

    >>> related_link(make_line(1, "下一篇：津蓟铁路"))
    'previous_next_link'
    """
    return "previous_next_link" if _opens_with_label(line, "related", _RELATED_TAIL) else None


def _opens_with_label(line: Line, name: str, tail: re.Pattern[str] | LazyRegex) -> bool:
    """Whether ``line`` opens (after a bullet or bracket) with an entry of phrase list ``name`` that
    ``tail`` follows (a colon, an arrow, a space...); a ``?`` there is a bullet or arrow the page's
    encoding lost (``? 上一篇：…``)."""
    if line.size > 120 or line.text.lstrip("«‹<[【 ?")[:1] not in initials(name):
        return False
    p = line.probe.lstrip("«‹<[【 ?")
    m = phrase_regex(name, anchored=True).match(p)
    return bool(m and tail.match(p, m.end()))


_LIST_TAIL = lazy_regex(r"\s*[:：»›>]|\s+\S")


def related_list(line: Line) -> str | None:
    """A label and the titles of other articles on one line: ``相关新闻：甲 | 乙``, ``延伸阅读: …``.

    >>> related_list(make_line(1, "相关新闻：高铁票价调整 | 连假交通攻略"))
    'related_article_list'
    >>> related_list(make_line(1, "相关研究表明，这种鱼的寿命很长。")) is None
    True
    """
    return "related_article_list" if _opens_with_label(line, "related_list", _LIST_TAIL) else None


_LABEL_THEN_COLON = lazy_regex(r"\s*[:：]\s*\S")
_QUESTION_END = lazy_regex(r"[？?！!][”\"」』]?$")
_RELATED_QUESTION_SIZE = 50


def related_question(line: Line) -> str | None:
    """A related-reading label, a colon and one headline asking or exclaiming (``推荐阅读：晚饭吃得太晚，
    身体会发生什么变化？``): a link to another page even between paragraphs. The headline's question mark
    made it read as prose, so :func:`related_list` (no sentence end) missed it.

    >>> related_question(make_line(1, "推荐阅读：晚饭吃得太晚，身体会发生什么变化？"))
    'related_question_title'
    >>> related_question(make_line(1, "相关报道：他说：“这是真的。”我们问：为什么？")) is None
    True
    """
    if line.size > _RELATED_QUESTION_SIZE or line.stops != 1 or not _QUESTION_END.search(line.text):
        return None
    if line.marks > 3 or not _opens_with_label(line, "related_list", _LABEL_THEN_COLON):
        return None
    return "related_question_title"


@lru_cache(maxsize=1)
def _disclaimer_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    entries = phrases("disclaimer")
    selfs = tuple(e.partition(":")[2] for e in entries if e.startswith(("self:", "notice:")))
    labels = tuple(e[6:] for e in entries if e.startswith("label:"))
    legal = tuple(e for e in entries if not e.startswith(("self:", "label:", "notice:")))
    return (
        re.compile(_alternation(selfs)),
        re.compile(_alternation(labels)),
        re.compile(_alternation(legal)),
    )


_LEGAL_CHARS = lazy_regex(r"[声聲版侵转轉删刪免立观觀投遵替代您依CcDd]")
_LEGAL_HINT = lazy_regex(
    r"声明|聲明|版权|版權|侵权|侵權|转载|轉載|删除|刪除|免责|免責|立场|立場|观点|觀點|Copyright|copyright|Disclaim|disclaim"
    r"|投资建议|投資建議|遵医嘱|遵醫囑|替代|代替|您的(?:合法)?权益|您的(?:合法)?權益|依据|依據"
)


#: The site asking the reader to tell it of an infringement (with a self-reference and a legal word, a
#: disclaimer: ``如本站内容侵犯了您的权益，请来信告知``).
_ASKS_TO_BE_TOLD = lazy_regex(
    r"来信告知|来函告知|告知我们|告知本站|通知我们|通知本站|联系本站|与本站联系|请联系我们|請聯繫我們"
    r"|联系(?:我们|本站)?(?:予以)?删除|聯繫(?:我們|本站)?(?:予以)?刪除|请告知|請告知"
)


def disclaimer_strength(line: Line) -> int:
    """2: a disclaimer wherever it stands; 1: one at the edge of the body; 0: not one.

    >>> disclaimer_strength(make_line(1, "声明：本站文章来自网络，如有侵权请联系删除。"))
    2
    >>> disclaimer_strength(make_line(1, "文章来源于网络，版权归原作者所有。"))
    2
    >>> disclaimer_strength(make_line(1, "本文仅代表作者观点，不代表本站立场"))
    2
    >>> disclaimer_strength(make_line(1, "该公司声明，已就侵权行为追究法律责任。"))
    0
    >>> disclaimer_strength(make_line(1, "如本站内容侵犯了您的权益，请来信告知，我们将及时处理。"))
    2
    >>> disclaimer_strength(make_line(1, "本报提醒：如果商家侵犯了您的合法权益，可拨打12315投诉。"))
    0

    A label opens a statement only with a mark after it: a bare heading is the article's sub-head.

    >>> disclaimer_strength(make_line(1, "免责条款不是万能的"))
    0
    """
    if line.size > 300 or not _LEGAL_CHARS.search(line.text) or not _LEGAL_HINT.search(line.text):
        return 0
    p = line.probe
    selfs, labels, legal = _disclaimer_regexes()
    label = line.marks > 0 and bool(labels.match(p))
    own = bool(selfs.search(p))
    if not (label or own):
        return 0
    words = len(set(legal.findall(p)))
    if (label and words >= 1) or (own and words >= 3):
        return 2
    if own and words >= 1 and _ASKS_TO_BE_TOLD.search(p):
        return 2  # the site asks to be told of an infringement: ``如本站内容侵犯了您的权益，请来信告知``
    return 1 if own and words >= 2 else 0


def forum_profile(line: Line) -> str | None:
    """A forum profile or post-button line: ``积分 1234``, ``发表于 2010-1-1 12:00``, ``楼主``.

    >>> forum_profile(make_line(1, "发表于 2012-5-3 10:12 | 只看该作者"))
    'forum_profile_field'
    """
    if line.size > 40 or line.stops:
        return None
    if not (_starts_with(line, "forum") or _DIGIT.match(line.probe.lstrip("#"))):
        return None
    p = line.probe
    return "forum_profile_field" if _covered(p, phrase_regex("forum"), 0.0, numbers=True) else None


_FLOOR = lazy_regex(r"(?:^|\s)#?\d{1,5}\s*楼")
#: A floor (``楼主``, ``2楼``, ``#3``, ``3#``), a poster's name, ``发表于`` and the post's date and time.
_NAMED_STAMP = lazy_regex(
    r"(?:楼主|#?\d{1,5}\s*楼|#\d{1,5}|\d{1,5}#)\s*:?\s*[^\s:，,。]{1,12}\s+发表(?:于|时间)\s*:?\s*"
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?"
)


def post_stamp(line: Line) -> str | None:
    """A forum post's stamp, made only of forum words with a date or a floor number
    (``发表于 2023-5-20 15:01``, ``#4楼``): furniture wherever it stands, even between two posts.

    >>> post_stamp(make_line(1, "发表于 2023-12-19 08:15"))
    'forum_post_stamp'
    >>> post_stamp(make_line(1, "#4楼"))
    'forum_post_stamp'
    >>> post_stamp(make_line(1, "积分 1234")) is None  # no date, no floor: only off the body
    True

    The poster's name may stand between the floor and the date (``楼主: 湖边老王 发表于: 2023-9-3 21:15``):

    >>> post_stamp(make_line(1, "2楼 钓鱼小白 发表于: 2023-9-3 21:40"))
    'forum_post_stamp'
    """
    if line.size > 50 or line.stops:
        return None
    if not forum_profile(line):
        m = _NAMED_STAMP.match(line.probe) if line.size <= 50 else None
        rest = line.probe[m.end():].strip() if m else ""
        if m and (not rest or _covered(rest, phrase_regex("forum"), 0.0, numbers=True)):
            return "forum_post_stamp"
        return None
    if line.size > 40:
        return None
    p = line.probe
    if _DATE.search(p) or _FLOOR.search(p):
        return "forum_post_stamp"
    return "forum_post_buttons" if _button_row(p) else None


def _button_row(p: str) -> bool:
    """Two to six short words without a digit between spaces: a row of post buttons
    (``回复 引用 举报``), when :func:`forum_profile` found them all forum words.

    >>> _button_row("回复 引用 举报"), _button_row("积分 1234"), _button_row("楼主")
    (True, False, False)
    """
    cells = p.split()
    return 2 <= len(cells) <= 6 and all(len(c) <= 6 for c in cells) and not _DIGIT.search(p)


_PAGER_TOKEN = (
    r"(?:(?:本文|全文)?共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页(?:\s*[:：]\s*[^\s:：]{1,16}$)?|上一页|下一页|首页|尾页|末页|\[?\d{1,3}\]?|…+|\.{3})"
)
_PAGER = lazy_regex(rf"{_PAGER_TOKEN}(?:[\s|｜/,，]*{_PAGER_TOKEN})*")


def pager(line: Line) -> str | None:
    """A line of page links of an article split over pages: ``第1页 第2页 下一页``, ``本文共3页``.

    >>> pager(make_line(1, "上一页 1 2 3 下一页")), pager(make_line(1, "本文共3页"))
    ('page_links', 'page_links')
    >>> pager(make_line(1, "第1页：外观设计"))  # a page of a multi-page review, with its heading
    'page_links'
    >>> pager(make_line(1, "第3页的表格")) is None, pager(make_line(1, "1 2 3")) is None
    (True, True)
    """
    if "页" not in line.text and "頁" not in line.text:
        return None  # (cheap: most lines never reach the folded form)
    return "page_links" if _PAGER.fullmatch(line.probe) else None


def furniture(line: Line) -> str | None:
    """A short line made of page-furniture words: ``推荐图文``, ``更多>同类资讯``, ``点击排行``.

    >>> furniture(make_line(1, "更多>同类资讯"))
    'furniture_words'
    >>> furniture(make_line(1, "印度野驴")) is None
    True
    """
    if line.size > 24 or line.stops or not _starts_with(line, "furniture"):
        return None
    p = line.probe
    return "furniture_words" if _covered(p, phrase_regex("furniture"), 0.3) else None


#: A link that opens more of something, with an arrow: ``点击查看更多精彩内容>>``, ``阅读全文 »``.
_MORE_LINK = lazy_regex(r"(?:点击|查看|阅读|更多|详情|全文|进入|浏览).{0,16}(?:>>|》》|»|→|>)\s*")


def more_link(line: Line) -> str | None:
    """A short line that is a link to more, ending with an arrow: a button wherever it stands, even in
    the body (``点击查看更多精彩内容>>``). A sentence that mentions reading more has no arrow at its end.

    >>> more_link(make_line(1, "点击查看更多精彩内容>>")), more_link(make_line(1, "阅读全文 »"))
    ('more_link', 'more_link')
    >>> more_link(make_line(1, "点击查看详情，了解更多。")) is None
    True
    """
    if line.size > 30 or line.stops:
        return None
    return "more_link" if _MORE_LINK.fullmatch(line.probe) else None

def greeting(line: Line) -> str | None:
    """A site greeting: ``某某网 欢迎您``, ``欢迎访问本站``.

    >>> greeting(make_line(1, "石化能源网 欢迎您"))
    'site_greeting'
    >>> greeting(make_line(1, "能源资讯。欢迎您"))  # a damaged one: short, so a stop does not save it
    'site_greeting'
    >>> greeting(make_line(1, "主持人说：欢迎您收看今天的节目。")) is None
    True
    """
    if (
        line.size <= (16 if line.stops else 30)
        and not _LABEL_COLON.match(line.text)
        and ("欢" in line.probe or "welcome" in line.probe)
        and phrase_regex("greeting").search(line.probe)
    ):
        return "site_greeting"
    return None


@lru_cache(maxsize=1)
def _date_bar_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The date bar's own parts (greeting, ``今天是``, lunar date, temperature...) and its weather words."""
    entries = phrases("datebar")
    weather = tuple(e[8:] for e in entries if e.startswith("weather:"))
    parts = tuple(e for e in entries if not e.startswith("weather:"))
    return re.compile(_alternation(parts)), re.compile(_alternation(weather))


_BAR_HINT = lazy_regex(r"°|℃|星|周|週|礼|禮|今|农|農|阴|陰|风|風|空|aqi|AQI|欢|歡")
_WEEKDAY = lazy_regex(r"(?:星期|礼拜|周)[一二三四五六日天]")
_FULL_DATE = lazy_regex(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日"
)
#: What a date bar may hold besides its parts: a city's name (``北京``, ``杭州市``).
_BAR_PLACE = 4


def date_bar(line: Line) -> str | None:
    """A site's date and weather bar: a date or weekday with a part no byline has (a greeting,
    ``今天是``, a lunar date, a temperature, the air quality), or a weather word with a temperature,
    and at most a city's name besides (``欢迎访问本站！今天是2024年5月8日 星期三``, ``北京 晴 12℃~25℃``).

    A byline's date (``2024年5月8日 星期三 10:21``) and a diary's (``5月8日 星期三 晴``) are not one.

    >>> date_bar(make_line(1, "欢迎访问本站！今天是2024年5月8日 星期三"))
    'date_weather_bar'
    >>> date_bar(make_line(1, "北京 晴 12℃~25℃ 空气质量：良"))
    'date_weather_bar'
    >>> date_bar(make_line(1, "2024年5月8日 星期三 晴")) is None
    True
    >>> date_bar(make_line(1, "今天是母亲节，我给妈妈做了一顿饭")) is None
    True
    >>> date_bar(make_line(1, "2024-05-08 来源：今日头条")) is None
    True
    """
    if line.size > 60 or line.core or not _BAR_HINT.search(line.text):
        return None
    parts, weather = _date_bar_regexes()
    rest, extras = parts.subn(" ", line.probe)
    if not extras:
        return None
    rest, weathers = weather.subn(" ", rest)
    rest, days = _WEEKDAY.subn(" ", rest)
    rest, dates = _FULL_DATE.subn(" ", rest)
    if not (dates or days or weathers):
        return None
    words = _NOT_WORD.sub("", rest)
    if _DIGIT.search(words) or len(words) > _BAR_PLACE or phrase_regex("byline").search(words):
        return None
    return "date_weather_bar"


def _labelled(line: Line, name: str, limit: int) -> bool:
    if line.size > limit or line.stops or line.text[0] not in initials(name):
        return False
    p = line.probe
    m = phrase_regex(name, anchored=True).match(p)
    return bool(m) and bool(_COLON_NEXT.match(p, m.end()))


_TAG_FIELD = lazy_regex(r"(?:标签|分类|栏目|专栏|tags?)\s*[:：]")


def category(line: Line) -> str | None:
    """A category or tag line: ``标签：石油 矿区``, ``所属栏目：行业资讯`` (not ``关键词：``).

    >>> category(make_line(1, "标签：石油 矿区"))
    'category_label'
    >>> category(make_line(1, "关键词：石油 矿区")) is None
    True
    """
    if _labelled(line, "category", 80):
        return "category_label"
    if line.size <= 80 and not line.stops and _TAG_FIELD.search(line.probe):
        return "tag_field"
    return None


_URL = lazy_regex(r"(?:https?://|www\.)[!-~]+")


def url_line(line: Line) -> str | None:
    """A link line: ``本文链接：https://…``, ``原文地址: www.…`` (a label and a URL, nothing else).

    >>> url_line(make_line(1, "本文链接：https://blog.example.com/a/1"))
    'link_line'
    >>> url_line(make_line(1, "他在博客 www.example.com 上写道，这座城市变了很多，令人感慨。")) is None
    True
    """
    if line.size > 200 or "/" not in line.text and "www" not in line.text:
        return None
    rest, n = _URL.subn("", line.probe)
    return "link_line" if n and len(_NON_HAN.sub("", rest)) <= 8 and not _STOP_RE.search(rest) else None


def contact(line: Line) -> str | None:
    """A site contact line: ``地址：北京市… 电话：010-…``.

    >>> contact(make_line(1, "地址：北京市东城区某街1号 电话：010-12345678"))
    'contact_details'
    >>> contact(make_line(1, "投稿邮箱：tougao@example.com")), contact(make_line(1, "官方微博：@某某网"))
    ('contact_details', 'contact_details')
    """
    if line.size > 150 or line.stops or not (_DIGIT.search(line.text) or "@" in line.text):
        return None
    p = line.probe
    labels = phrase_regex("contact")
    hits = sum(1 for m in labels.finditer(p) if _COLON_NEXT.match(p, m.end()))
    return "contact_details" if hits >= 1 and any(c.isdigit() or c == "@" for c in p) else None


def seo_keywords(line: Line) -> tuple[int, bool] | None:
    """Keyword runs joined by ``_`` or ``,`` with no sentence: (number of runs, strong evidence).

    Strong: six or more runs, mostly Han (a title never looks like this).

    >>> seo_keywords(make_line(1, "九九热精品_国产高清自拍_精品日韩一区_一区福利_四虎影院网_中字精品"))
    (6, True)
    >>> seo_keywords(make_line(1, "Intergovernmental_Panel_on_Climate_Change"))
    (5, False)

    A bilingual headline is a title, not words between spaces:

    >>> seo_keywords(make_line(1, "冰层下发现古老湖泊 Ancient lake found under the ice")) is None
    True
    """
    if line.stops or line.size > 400:
        return None
    sep, n, runs = keyword_runs(line.probe, "_,|-、 ")
    if not sep or n < 4 or max(map(len, runs), default=0) > 24 or (sep == " " and n < 6):
        return None  # (four or five words between spaces: a product or headline title, not keywords)
    if sep == " " and _BILINGUAL_TITLE.fullmatch(line.text) and _FUNCTION_WORD.search(line.text):
        return None
    hanny = sum(1 for r in runs if _ANY_HAN.search(r))
    return n, n >= 6 and hanny >= 0.6 * n


#: A bilingual headline: the Chinese title, then its English translation (a capital first, four or more
#: words): ``科学家在冰层下发现古老湖泊 Scientists find ancient lake beneath ice``.
_BILINGUAL_TITLE = lazy_regex(
    r"[\u4e00-\u9fff][\u4e00-\u9fff0-9，、：“”《》]{5,}\s+[A-Z][A-Za-z'’,:-]*(?:\s+[A-Za-z0-9'’,:-]+){3,}[?!]?"
)

#: English function words: a headline has one, a list of spam keywords seldom does.
_FUNCTION_WORD = lazy_regex(
    r"\s(?:the|a|an|of|in|on|to|for|with|from|at|by|as|is|are|was|under|beneath|after|over|into|and)\s"
)


def keyword_list(line: Line) -> str | None:
    """A long list of keyword runs joined by ``_``, ``,``, ``、`` or spaces: a spider pool off the body.

    >>> keyword_list(make_line(1, " ".join(["关键词"] * 16)))
    'keyword_list'
    >>> keyword_list(make_line(1, "、".join(["钢铁", "煤炭", "纺织"] * 5)))
    'keyword_list'
    """
    if line.stops or line.size < 40:
        return None
    p = line.probe
    if (
        p.count("_") < 11
        and p.count(",") < 11
        and p.count("、") < 11
        and ((p.count(" ") < 11 and p.isprintable()) or len(p.split()) < 12)
    ):
        return None  # fewer than twelve runs whatever the separator (cheap; dropping a label never adds one)
    p = _LABEL_COLON.sub("", p, count=1)
    sep, n, runs = keyword_runs(p, "_, 、")
    short = sum(1 for r in runs if len(r) <= 16)
    if n >= 12 and short >= 0.8 * n and (sep != " " or not (_MARK_RE.search(p) or english_sentence(line))):
        return "keyword_list"
    return None


#: An English sentence: a capital letter first, a letter then a full stop (or ``!``/``?``, a quote) last.
_ENGLISH_SENTENCE = lazy_regex(r"[\"“'‘]?[A-Z][^\u3400-\u9fff]*[a-z][.!?][\"”'’)]?")


def english_sentence(line: Line) -> bool:
    """A line of English prose (a bilingual page's paragraph), however many words, is no keyword list.

    >>> english_sentence(make_line(1, "The lake has been sealed off from the world for millions of years."))
    True
    >>> english_sentence(make_line(1, "free movies hot videos live cams adult chat online casino best slots"))
    False
    """
    return bool(_ENGLISH_SENTENCE.fullmatch(line.text))


# --- byline and title shapes -----------------------------------------------------------------------

_DATE = lazy_regex(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}:\d{2}"
)


def byline_like(line: Line) -> bool:
    """A date/source/author line: ``2010-07-28 某某报 王晓晖``, ``来源: 新华社 作者: 张三``.

    >>> byline_like(make_line(1, "发布时间:2019-03-02 10:20 来源:新华社"))
    True
    >>> byline_like(make_line(1, "作者：张三 李四"))
    True
    >>> byline_like(make_line(1, "上海轨道交通17号线 (2010年前)"))
    False

    Without a colon: a reporter's credit (``记者陈怡君／台北报导``, ``本报记者 张三 李四``, ``综合报道``).

    >>> byline_like(make_line(1, "记者陈怡君／台北报导")), byline_like(make_line(1, "记者节前夕"))
    (True, False)
    >>> byline_like(make_line(1, "滨江日报讯 记者周明报道"))
    True
    >>> byline_like(make_line(1, "（记者 周明 通讯员 吴亮）"))
    True

    An outlet's staff credit split by a bar (``某某新闻记者 | 张三``, ``编辑 / 李四``):

    >>> byline_like(make_line(1, "南城新闻记者 | 罗一帆")), byline_like(make_line(1, "编辑 / 何蓓"))
    (True, True)
    >>> byline_like(make_line(1, "城乡周刊记者 欧阳尧 黎桐泽")), byline_like(make_line(1, "青年记者成长记"))
    (True, False)
    >>> byline_like(make_line(1, "出版社编辑 / 读书博主"))  # a profile's tagline: no name after the bar
    False
    """
    if line.size > 100 or line.stops:
        return False
    p = line.probe
    if _DATE.search(p) or (line.size <= 40 and (_REPORTER_CREDIT.search(p) or _AUTHOR_LIST.fullmatch(p))):
        return True
    for m in phrase_regex("byline").finditer(p):
        if _COLON_NEXT.match(p, m.end()) or (m.group().startswith("文") and m.end() < len(p)):
            return True
    return False


#: A reporter's credit without a colon: the reporter word, then a space or slash, or a name and a space or
#: slash, or a closing 报道/报导 (report); ``综合报道``; a news agency's ``中央社台北报导``, ``新华社北京电``.
#: The credit may follow the paper's dateline (``某某日报讯 记者张三报道``) or stand in brackets
#: (``（记者 张三 通讯员 李四）``).
#: An outlet's staff credit may put a bar or slash between the role and the name (``某某新闻记者 | 张三``),
#: or only spaces between the names (``城乡周刊记者 欧阳尧 黎桐泽``).
#: (``记者王明`` alone is not told from ``记者节前夕``, nor ``某某报道`` from a headline.)
_REPORTER_CREDIT = lazy_regex(
    r"^[(（]?(?:\S{1,8}讯\s*)?(?:本报|本台|特约|实习|见习)?(?:记者|通讯员)"
    r"(?:[\s/／|]+\S|\S{2,4}[\s/／|]|\S+(?:报道|报导)[)）]?$)"
    r"|^(?:本报|本台|本刊)?(?:综合|联合|特约)(?:报道|报导)$|^\S{1,6}社\S{0,8}(?:报道|报导|电)$"
    r"|^\S{0,8}(?:记者|编辑|撰文|摄影|通讯员)\s*[|｜/／]\s*[\u4e00-\u9fff·]{2,3}(?:\s+[\u4e00-\u9fff·]{2,3})?$"
    r"|^[\u4e00-\u9fff]{2,10}(?:记者|通讯员)(?:\s+[\u4e00-\u9fff·]{2,4}){1,4}$"
)

#: A paper's authors with their affiliation marks: two or more names, each with a number (or ``*``) after
#: it (``李明华1，张秋实2``, ``王五1,2* 赵六2``): the byline under a journal article's title.
_AUTHOR_LIST = lazy_regex(
    r"[\u4e00-\u9fff·]{2,5}[0-9¹²³⁴-⁹*]+(?:[,，][0-9¹²³⁴-⁹*]+)*"
    r"(?:(?:[\s,，、;；]+)[\u4e00-\u9fff·]{2,5}[0-9¹²³⁴-⁹*]+(?:[,，][0-9¹²³⁴-⁹*]+)*)+"
)

_REFERENCE = lazy_regex(r"^(?:\[\d{1,3}\]|\d{1,3}[.、)]\s*\S.*[.,，。．])")


def article_tail(line: Line) -> bool:
    """A heading of the article's own tail (``参考文献``) or a numbered reference (``[1] 张三. …``).

    >>> article_tail(make_line(1, "参考文献"))
    True
    >>> article_tail(make_line(1, "[2] 李四. 某某考[J]. 某某学报, 1999(1): 3-9."))
    True
    >>> article_tail(make_line(1, "相关文章"))
    False
    """
    if line.size > 300:
        return False
    if line.size <= 20 and phrase_regex("tail", anchored=True).fullmatch(line.probe):
        return True
    return bool(_REFERENCE.match(line.text))


def title_like(line: Line) -> bool:
    """A heading: short, words in it, not a sentence that ends with a full stop.

    >>> title_like(make_line(1, "中国石油推进和谐矿区建设的长庆样本"))
    True
    >>> title_like(make_line(1, "2019"))
    False
    """
    text = line.text
    if len(text) > 100 or text.endswith(("。", ".")) or line.stops > 2:
        return False
    return line.wide >= 1 and not text.isascii() or sum(c.isalpha() for c in line.probe) >= 3


#: (label, rule, longest line it can fire on, fires on a line with a sentence end): lines longer than
#: the limit, or with a sentence end when the rule wants none, skip the rule unseen.
HARD_RULES = (
    ("empty-tag", empty_tag, 10_000, True),
    ("placeholder", placeholder, 60, False),
    ("widget", ad_marker, 80, True),
    ("widget", consent_notice, 300, True),
    ("footer", original_title, 80, True),
    ("spider-pool", spider_pool, 100_000, False),
    ("spider-pool", joined_keywords, 200, False),
    ("nav", nav_bar, 200, False),
    ("licence", licence, 120, False),
    ("copyright", copyright_line, 160, True),
    ("breadcrumb", breadcrumb, 120, False),
    ("related-block", related_link, 120, True),
    ("related-block", pager_pair, 60, False),
    ("related-block", related_list, 120, False),
    ("widget", related_question, _RELATED_QUESTION_SIZE, True),
    ("doc-stub", doc_stub, 100, False),
    ("counter", counter, 100, False),
    ("forum-profile", post_stamp, 40, False),
    ("forum-profile", post_meta_row, 60, False),
    ("forum-profile", action_stamp, 30, False),
    ("forum-profile", answerer_profile, 40, False),
    ("counter", answer_counter, 24, False),
    ("widget", widget, 60, False),
    ("widget", greeting, 30, True),
    ("widget", more_link, 30, False),
    ("widget", tap_prompt, 60, False),
    ("widget", picture_prompt, 24, False),
    ("widget", pointer_glyphs, 12, False),
    ("widget", paywall_prompt, 40, True),
    ("widget", sponsor_note, 50, True),
    ("counter", reading_stats, 40, False),
    ("widget", share_row, 60, False),
    ("footer", page_stamp, 80, True),
)
_HARD_WITH_STOPS = tuple(rule for rule in HARD_RULES if rule[3])

SOFT_RULES = (
    ("debris", debris, 30),
    ("counter", number_only, 12),
    ("spider-pool", keyword_list, 100_000),
    ("nav", soft_nav, 200),
    ("category", category, 80),
    ("contact", contact, 150),
    ("forum-profile", forum_profile, 40),
    ("widget", url_line, 200),
    ("widget", bracket_buttons, 60),
    ("widget", call_to_action, 30),
    ("widget", more_prompt, 20),
    ("widget", bracketed_related, 50),
    ("widget", attachment_link, 80),
    ("category", hashtag_line, 80),
    ("furniture", furniture, 24),
    ("nav", pager, 60),
    ("widget", dropdown_button, 12),
)


# --- cues: which rules can fire at all ------------------------------------------------------------
#
# Most rules need a character the line may not have at all (a ``<``, a ``|``, a digit, a colon...).
# :func:`line_cues` finds those characters once per line; :func:`_rules_for` keeps, for that set of
# cues, only the rules that can fire (the order is kept, so the first rule that fires still wins).

CUE_TAG = 1  #: a ``<`` (empty injected tag)
CUE_BRACKET = 2  #: the line opens with a bracket (placeholder, an ad's mark)
CUE_PIPE = 4  #: a ``|`` or ``｜`` (spider pool)
CUE_MENU = 8  #: a menu separator or a space (nav bar)
CUE_DIGIT = 16  #: a digit (counter, post stamp)
CUE_LINK = 32  #: a ``/`` or ``www`` (link line)
CUE_TRAIL = 64  #: a colon, an arrow or a space in the probe (breadcrumb, previous/next link)
CUE_COLON = 128  #: a colon in the probe (category, contact)
CUE_ITEMS = 256  #: a ``|`` or a space (soft nav)
CUE_NO_HAN = 512  #: no Han character (debris)

#: The cue each rule needs (one of the bits; 0: always run).
RULE_CUES = {
    empty_tag: CUE_TAG,
    placeholder: CUE_BRACKET,
    spider_pool: CUE_PIPE,
    nav_bar: CUE_MENU,
    breadcrumb: CUE_TRAIL,
    related_link: CUE_TRAIL,
    related_list: CUE_TRAIL,
    related_question: CUE_TRAIL,
    counter: CUE_DIGIT,
    post_stamp: CUE_DIGIT | CUE_ITEMS,
    debris: CUE_NO_HAN,
    soft_nav: CUE_ITEMS,
    category: CUE_COLON,
    contact: CUE_COLON,
    url_line: CUE_LINK,
    bracket_buttons: CUE_BRACKET,
    page_stamp: CUE_DIGIT,
    post_meta_row: CUE_DIGIT,
    action_stamp: CUE_DIGIT,
    answer_counter: CUE_DIGIT,
    pointer_glyphs: CUE_NO_HAN,
    ad_marker: CUE_BRACKET,
    share_row: CUE_ITEMS,
    bracketed_related: CUE_BRACKET,
    original_title: CUE_COLON,
}
_UNIFIED_HAN = lazy_regex(r"[\u4e00-\u9fff]")
_PLAIN_HAN = lazy_regex(r"[\u4e00-\u9fff]+")


def _spaced(text: str) -> bool:
    """True when ``text`` may hold whitespace (a space, or any character that is not printable)."""
    return " " in text or not text.isprintable()


def line_cues(line: Line) -> int:
    """The cues of a line without a sentence end: what each rule needs to find before it can fire.

    Each cue is a necessary condition of the rules that need it (a superset is safe: it only runs a
    rule that then says no).

    >>> line_cues(make_line(1, "北京 | 上海 | 广州")) & CUE_PIPE > 0
    True
    >>> line_cues(make_line(1, "底特律圣保罗座堂")) == 0
    True
    """
    text = line.text
    if _PLAIN_HAN.fullmatch(text):
        return 0  # only Han characters: none of the cues, in the text or in its probe
    p = line.probe
    spaced_text, spaced_probe = _spaced(text), _spaced(p)
    pipe = "|" in text or "｜" in text
    colon = ":" in p or "：" in p
    cues = 0
    if "<" in text:
        cues |= CUE_TAG
    if text[0] in "[{<【［(（〔":
        cues |= CUE_BRACKET
    if pipe:
        cues |= CUE_PIPE
    if pipe or spaced_text or ":" in text or "·" in text or "•" in text:
        cues |= CUE_MENU
    if _DIGIT.search(text):
        cues |= CUE_DIGIT
    if "/" in text or "www" in text:
        cues |= CUE_LINK
    if colon or spaced_probe or ">" in p or "»" in p or "›" in p or "→" in p:
        cues |= CUE_TRAIL
    if colon:
        cues |= CUE_COLON
    if "|" in p or spaced_probe or spaced_text:
        cues |= CUE_ITEMS
    if not _UNIFIED_HAN.search(text):
        cues |= CUE_NO_HAN
    return cues


_RULES_FOR: dict[int, tuple[tuple, tuple]] = {}


def _rules_for(cues: int) -> tuple[tuple, tuple]:
    """The hard and soft rules (in their order) that can fire on a line without a sentence end."""
    found = _RULES_FOR.get(cues)
    if found is None:
        hard = tuple(r for r in HARD_RULES if not RULE_CUES.get(r[1], 0) or cues & RULE_CUES[r[1]])
        soft = tuple(r for r in SOFT_RULES if not RULE_CUES.get(r[1], 0) or cues & RULE_CUES[r[1]])
        found = _RULES_FOR[cues] = (hard, soft)
    return found


def read_line(no: int, raw: str) -> Line | None:
    """:func:`make_line` and :func:`classify` in one; short lines (page furniture repeats across the
    pages of a site) are memoised by their text.

    >>> read_line(7, "  粤ICP备12345678号").hard
    ('licence', 'licence_number')
    """
    text = raw.strip(_EDGE_SPACE)
    if not text:
        return None
    if len(text) > 200:
        line = _features(no, text)
        classify(line)
        return line
    known = _MEMO.get(text)
    if known is not None:
        return Line(no, text, *known)
    line = _features(no, text)
    classify(line)
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[text] = (
        line.size,
        line.wide,
        line.stops,
        line.core,
        line.hard,
        line.soft,
        line.disclaimer,
        line._probe,
        line._marks,
    )
    return line


#: Features and labels of the short lines seen last (cleared when full; :func:`clear_memo` empties it).
_MEMO: dict[str, tuple] = {}
_MEMO_SIZE = 1 << 14


def clear_memo() -> None:
    """Forget the memoised short lines (for benchmarks of a first page)."""
    _MEMO.clear()


def classify(line: Line, skip: Callable[[Line], str | None] | None = None) -> None:
    """Set the hard and soft labels of ``line`` from the rules (first rule that fires wins); the hard
    rule ``skip``, if given, is left out (a line read again without the rule that named it)."""
    size = line.size
    soft_rules = SOFT_RULES
    if size > 200:  # long lines: only the rules that can fire on them
        name = empty_tag(line) if "<" in line.text else None
        if name:
            line.hard = ("empty-tag", name)
        elif "|" in line.text or "｜" in line.text:
            name = spider_pool(line)
            if name:
                line.hard = ("spider-pool", name)
    else:
        if line.stops:
            hard_rules = _HARD_WITH_STOPS
        else:
            hard_rules, soft_rules = _rules_for(line_cues(line))
        for label, rule, limit, _ in hard_rules:
            if size <= limit and rule is not skip:
                name = rule(line)
                if name:
                    line.hard = (label, name)
                    break
    strength = disclaimer_strength(line)
    line.disclaimer = strength >= 1
    if line.hard is None and strength == 2:
        line.hard = ("disclaimer", "statement_about_rights")
    if line.hard is None and not line.core:
        for label, rule, limit in soft_rules:
            if size <= limit:
                name = rule(line)
                if name:
                    line.soft = (label, name)
                    break
