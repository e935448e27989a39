"""Strip stage: label each line of the page and keep the article (title, byline, paragraphs).

The page is read as plain text, one line at a time. :mod:`cleantext.strip_rules` gives every line its
features and, where a rule fires, a *hard* label (furniture wherever it stands) or a *soft* one (furniture
only outside the article body). Then, here:

0. A line labelled only for the furniture it quotes or names (``注明“如有侵权请联系删除”``, ``伪造备案号``)
   is read again on its own words, and on a page about statements a statement between two of its
   paragraphs is not one (:func:`spare_quoted_vocabulary`, :func:`spare_discussed_statements`).
1. Cut-short copies of a later paragraph (``核心提示：…``) are marked as summary duplicates.
2. The **body span** is the densest run of prose lines not broken by page furniture (nav bars, licence
   lines, disclaimers...); a disclaimer at either edge of it is peeled off. Inside the span every line
   is kept except hard-labelled ones, so short sub-heads stay.
3. Before the span: the SEO keyword header, breadcrumbs, counters, greetings and summaries go; the
   **title** is the heading line before the byline (or the first heading line), the **byline** a
   date/source/author line after it; unknown lines after the title are kept, and so are the article's
   own list items there (under a lead-in colon, bulleted alike, or a list most of whose lines share the
   body's words). A site's banner (``某某网_口号``) gives way to a later heading, and a record table
   (``索引号：…`` / ``发文机关：…``) or a newspaper's page line (``第07版：社会``) puts the title after it.
   The site's date and weather bar (``欢迎访问本站！今天是…``) and unreadable mojibake are never the title;
   a byline may stand over the title (``2024-05-08 10:21`` / the headline), and a headline may end with
   a full stop when a byline stands right under it.
4. After the span: every furniture line goes, block titles take the short title lines under them
   (related lists); a lone short line right after the body is kept (when unsure, keep), and so are
   the article's own endings: outline items (``二、…``, ``1. …``), bracketed notes (``（完）``) and a
   sentence that lost its full stop, the article's own table (rows of one shape with numbers) and the
   documents it cites under ``相关链接：``. A run of short question-like titles cut off from the body by
   buttons or a block title is a related list, not body.

A clean article (title and paragraphs) comes back whole; a page that is only furniture comes back empty
with a warning. Every dropped line is recorded as :class:`~cleantext.result.Removed` with its label and
the rule that decided it, and one :class:`~cleantext.result.Step` per label counts them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

from cleantext import strip_rules as rules
from cleantext.result import Removed, Step
from cleantext.strip_rules import Line

STAGE = "strip"
_R = TypeVar("_R")

#: Hard labels that end the body span: prose on the far side of one of these is not the article.
BREAKERS = frozenset(
    {"nav", "licence", "copyright", "spider-pool", "related-block", "doc-stub", "disclaimer", "breadcrumb"}
)
#: Hard labels that a byline-shaped line near the title overrides (``编辑：某 2020-01-02`` is a byline).
_BYLINE_OVERRIDES = frozenset({"widget", "counter", "nav", "forum-profile", "doc-stub"})
_BYLINE_SOFT_OVERRIDES = frozenset({"forum-profile", "nav", "contact", "counter", "widget"})
_KEEP = ("keep", "")
_TITLE_MARGIN = 0.3
_LATIN_WORD = rules.lazy_regex(r"[a-z]{3}")
#: Soft labels a line right after the body sheds when it shares words with the body.
_RESCUABLE = frozenset({"nav", "spider-pool", "contact", "counter"})
_RESCUE_OVERLAP = 0.15
_CLOSERS = rules.lazy_regex(r"[)）」』”’》\]】]+[。.!！]?")


@dataclass(frozen=True)
class Article:
    """The strip stage's answer: the laid-out article, its parts and the dropped lines."""

    text: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...] = ()
    steps: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = ()


def layout(lines: list[str]) -> str:
    """Lines as the output shows them: one blank line between them, no indentation, a final newline."""
    return "\n\n".join(lines) + "\n" if lines else ""


def site_key(line: str) -> str:
    """The form under which a line is counted across the documents of a batch.

    >>> site_key("  網站首頁 |  關於我們 ")
    '网站首页 | 关于我们'
    """
    return rules.probe(line.strip(rules._EDGE_SPACE))


def find_site_boilerplate(docs: Iterable[str], min_share: float = 0.3, min_docs: int = 3) -> set[str]:
    """Lines (as :func:`site_key`) found in at least ``min_share`` of the documents and ``min_docs`` of them.

    Pass the result to :func:`strip` as ``site_boilerplate``: each document then drops such a line only
    where it stands outside its own article body.

    >>> sorted(find_site_boilerplate(["标题一\\n正文一。\\n本站首页", "标题二\\n正文二。\\n本站首页",
    ...                               "标题三\\n正文三。\\n本站首页"]))
    ['本站首页']
    """
    counts: Counter[str] = Counter()
    total = 0
    for doc in docs:
        total += 1
        counts.update({site_key(line) for line in doc.splitlines() if line.strip()})
    need = max(min_docs, min_share * total)
    return {key for key, n in counts.items() if n >= need and len(key) >= 2}


def strip(
    text: str, enabled: bool = True, *, site_boilerplate: frozenset[str] | set[str] | None = None
) -> Article:
    """Return the article in ``text``; with ``enabled=False`` only the layout is normalised.

    ``site_boilerplate``: lines repeated across a batch (from :func:`find_site_boilerplate`), dropped
    when they stand outside this document's body.

    >>> strip("国产精品_日韩一区_高清视频_在线观看\\n标题\\n\\n  正文第一段。\\n粤ICP备12345678号").text
    '标题\\n\\n正文第一段。\\n'
    """
    if not enabled:
        texts = [t for raw in text.splitlines() if (t := raw.strip(rules._EDGE_SPACE))]
        return Article(layout(texts), texts[0] if texts else "", "", tuple(texts[1:]))
    reading = rules.fold_wide_alnum(text)
    lines = [line for no, raw in enumerate(reading.splitlines(), 1) if (line := rules.read_line(no, raw))]
    if site_boilerplate:
        for line in lines:
            if line.hard is None and site_key(line.text) in site_boilerplate:
                line.soft = ("site-boilerplate", "repeated_across_batch")
    spare_quoted_vocabulary(lines)
    spare_discussed_statements(lines)
    mark_summary_duplicates(lines)
    start, end = body_span(lines)
    end = peel_site_paragraphs(lines, start, end)
    end = peel_author_card(lines, start, end)
    decisions: list[tuple[str, str]] = [_KEEP] * len(lines)
    title, byline = resolve_header(lines, start, decisions)
    if (title < 0 and start < len(lines) and lines[start].size <= 40 and rules.title_like(lines[start])
            and all(decisions[i] != _KEEP for i in range(start))):
        title = start  # a heading that ends with a question or exclamation mark reads as prose
    elif (
        0 <= title < (question := _question_before_body(lines, start)) <= start < len(lines)
        and _SITE_LINE.search(lines[title].text)
        and topic_overlap(lines[title].probe, _topic_text(lines, start)) < _TITLE_MARGIN
    ):
        decisions[title] = ("header", "site_name_over_question")
        decisions[question] = _KEEP
        title = question  # ``某某论坛 - 口号`` over ``电池鼓了还能用吗？``: the question is the title
    for i in range(start, end + 1):
        if lines[i].hard:
            decisions[i] = lines[i].hard
    drop_post_headers(lines, start, end, decisions)
    drop_repeated_contents(lines, start, end, decisions)
    drop_inline_related(lines, start, end, decisions)
    drop_never_prose_in_body(lines, start, end, decisions)
    drop_buttons_beside_widgets(lines, start, end, decisions)
    drop_answerer_details(lines, start, end, decisions)
    resolve_footer(lines, start, end, decisions, title=title)
    if reading is not text:
        restore_page_text(lines, text)
    return _assemble(lines, decisions, title, byline)


def restore_page_text(lines: list[Line], text: str) -> None:
    """Put back the page's own characters in lines read through :func:`~cleantext.strip_rules.fold_wide_alnum`
    (the fold maps one character to one, so a line cut in two is cut at the same places).

    >>> lines = [rules.make_line(1, "阅读：3821")]
    >>> restore_page_text(lines, "阅读：３８２１")
    >>> lines[0].text
    '阅读：３８２１'
    """
    raw = text.splitlines()
    for line in lines:
        own = raw[line.no - 1].strip(rules._EDGE_SPACE)
        if line.cut:
            line.cut = own[: len(line.cut)]
        line.text = own[len(own) - len(line.text):]


#: The separator of a site's name and its slogan or section (``问答之家 - 有问必答``).
_SITE_LINE = rules.lazy_regex(r"\S\s+[-–—|｜]\s+\S")


def _question_before_body(lines: list[Line], start: int) -> int:
    """The question that opens a Q&A page: the body's first line, or the one :func:`body_span` left
    above the asker and answer labels (``-1`` when there is none)."""
    if start < len(lines) and (_question_title(lines[start]) or _exclaimed_title(lines[start])):
        return start
    for i in range(start - 1, -1, -1):
        if lines[i].core:
            return i if not lines[i].label and _question_title(lines[i]) else -1
    return -1


def _question_title(line: Line) -> bool:
    """A short question on a line of its own (a Q&A or forum page's title), read as prose.

    >>> _question_title(rules.make_line(1, "手机电池鼓起来了还能用吗？"))
    True
    >>> _question_title(rules.make_line(1, "他问：这样做值得吗？我不知道。"))
    False
    """
    return line.size <= 40 and line.stops == 1 and line.text.endswith(("？", "?")) and rules.title_like(line)


# --- article lines that talk about furniture -----------------------------------------------------

#: Labels a line may owe to the words it quotes (``“如有侵权请联系删除”``) or names (``备案号``).
_VOCABULARY_LABELS = frozenset({"disclaimer", "copyright", "licence"})
#: A quoted span: Chinese, corner or straight double quotes around up to 80 characters.
_QUOTED = rules.lazy_regex(r"“[^“”\n]{1,80}”|「[^「」\n]{1,80}」|『[^『』\n]{1,80}』|\"[^\"\n]{1,80}\"")
_QUOTE_CHARS = rules.lazy_regex(r"[“「『\"]")
_DIGIT_ANY = rules.lazy_regex(r"[0-9０-９]")
#: Han characters of a number-less licence line outside its licence phrases, per character inside them.
_LICENCE_NAME_SHARE = 1.5


def _classify_text(no: int, text: str, skip: Callable[..., str | None] | None = None) -> Line:
    """``text`` read as a line and labelled by the rules, the hard rule ``skip`` left out."""
    line = rules.make_line(no, text) or rules.make_line(no, "\u201c\u201d")
    assert line is not None
    rules.classify(line, skip=skip)
    return line


def _take_labels(line: Line, other: Line) -> None:
    line.hard, line.disclaimer = other.hard, other.disclaimer
    line.soft = None if line.core else other.soft


def _licence_named_only(line: Line) -> bool:
    """A licence phrase named in a headline or a sentence, with no number (``伪造备案号 一家网站被关停``):
    a filing line gives its number, or is only the names of its licences (``网络文化经营许可证``).

    >>> _licence_named_only(rules.read_line(1, "伪造备案号、冒用他人资质 一家理财网站被关停"))
    True
    >>> _licence_named_only(rules.read_line(1, "互联网新闻信息服务许可证"))
    False
    >>> _licence_named_only(rules.read_line(1, "备案号：京ICP备12345678号"))
    False
    """
    if _DIGIT_ANY.search(line.text):
        return False
    p = line.probe
    inside = sum(len(rules._NON_HAN.sub("", m.group())) for m in rules.phrase_regex("licence").finditer(p))
    outside = len(rules._NON_HAN.sub("", p)) - inside
    return outside > _LICENCE_NAME_SHARE * max(inside, 1)


def spare_quoted_vocabulary(lines: list[Line]) -> None:
    """Lines labelled for a statement, copyright or licence that they only quote or name are read again
    on their own words: the quoted spans left out (``注明“本文来源于网络，如有侵权请联系删除”``), a licence
    named with no number (``伪造备案号``) taken as words.

    Why: a court report, a tutorial or a headline about reposting quotes the furniture it is about; the
    quote made the line a disclaimer, a breaker of the body span, and the article was cut there.
    """
    for line in lines:
        hard = line.hard
        if (hard is None and not line.disclaimer) or (hard is not None and hard[0] not in _VOCABULARY_LABELS):
            continue
        if _QUOTE_CHARS.search(line.text) is not None:
            masked = _QUOTED.sub("“”", line.text)
            own = _classify_text(line.no, masked) if masked != line.text else None
            if own is not None and (own.hard is None or own.hard[0] in _VOCABULARY_LABELS):
                _take_labels(line, own)  # (another label on the words left: unsure, as it was)
                hard = line.hard
        if hard is not None and hard[1] == "licence_number" and _licence_named_only(line):
            _take_labels(line, _classify_text(line.no, line.text, skip=rules.licence))


#: A legal word the page's own lines use this often is its subject (``免责声明`` on a page about them).
_DISCUSSED_LINES = 2
#: How many sub-heads may stand between a statement and the paragraphs around it.
_FLANK_REACH = 3
_STATEMENT = ("disclaimer", "statement_about_rights")


def _discussed_words(lines: list[Line]) -> frozenset[str]:
    """The legal words (``版权``, ``免责``, ``转载``...) two or more of the page's unlabelled lines use."""
    legal = rules._disclaimer_regexes()[2]
    counts: Counter[str] = Counter()
    for line in lines:
        if line.hard or line.disclaimer or line.wide < 4 or not rules._LEGAL_HINT.search(line.text):
            continue
        counts.update(set(legal.findall(_QUOTED.sub("“”", line.probe))))
    return frozenset(word for word, n in counts.items() if n >= _DISCUSSED_LINES)


def _between_paragraphs(lines: list[Line], i: int) -> bool:
    """Unlabelled prose on both sides of line ``i``, past at most a few short unlabelled lines (sub-heads)."""
    for step in (-1, 1):
        k, seen = i + step, 0
        while 0 <= k < len(lines) and seen < _FLANK_REACH and not lines[k].core:
            if lines[k].hard or lines[k].size > 40:
                return False
            k, seen = k + step, seen + 1
        if not (0 <= k < len(lines)) or not lines[k].core or lines[k].hard or lines[k].disclaimer:
            return False
    return True


def _statement_strength(line: Line, discussed: frozenset[str]) -> int:
    """:func:`~cleantext.strip_rules.disclaimer_strength` with the page's discussed words not counted."""
    selfs, _, legal = rules._disclaimer_regexes()
    p = line.probe
    if not selfs.search(p):
        return 0
    words = len(set(legal.findall(p)) - discussed)
    if words >= 3 or (words >= 1 and rules._ASKS_TO_BE_TOLD.search(p)):
        return 2
    return 1 if words >= 2 else 0


def spare_discussed_statements(lines: list[Line]) -> None:
    """On a page whose own lines talk about statements (two or more unlabelled lines share a legal word:
    ``免责声明``, ``转载``), a statement-shaped line counts only its other legal words, and one standing
    between two of the article's paragraphs is at most a statement at the body's edge. A labelled
    statement (``声明：…``) is never spared.

    Why: a tutorial on writing disclaimers says ``本文说说免责声明的写法`` and lists what they hold
    (``信息仅供参考、外部链接不代表本站观点…``); each line was a disclaimer, a breaker of the body span.
    """
    found = [i for i, line in enumerate(lines) if line.hard == _STATEMENT]
    if not found:
        return
    discussed = _discussed_words(lines)
    if not discussed:
        return
    labels = rules._disclaimer_regexes()[1]
    for i in found:
        line = lines[i]
        if line.marks and labels.match(line.probe):
            continue
        strength = _statement_strength(line, discussed)
        if strength == 2 and line.core and _between_paragraphs(lines, i):
            strength = 1
        if strength < 2:
            line.hard, line.disclaimer = None, strength >= 1


#: A headline of a question and an answer or a call: ``“扫码领红包”？当心是骗局！``.
_EXCLAIMED = rules.lazy_regex(r"[^，,；;：:。]{2,20}[？?！!][^，,；;：:。？?！!]{2,16}[！!]")


def _exclaimed_title(line: Line) -> bool:
    """A headline that asks and then warns, two short clauses ending with ``？`` and ``！`` (read as prose:
    it has sentence ends) at the top of the body.

    >>> _exclaimed_title(rules.read_line(1, "“扫码领红包”？当心是骗局！"))
    True
    >>> _exclaimed_title(rules.read_line(1, "他问：这样做值得吗？我说值得！"))
    False
    """
    return line.size <= 40 and line.stops == 2 and _EXCLAIMED.fullmatch(line.text) is not None


# --- furniture inside the body -------------------------------------------------------------------

_STAMP_RULES = frozenset({"forum_post_stamp", "forum_post_buttons"})


def _forum_line(line: Line) -> bool:
    label = line.label
    return label is not None and label[0] == "forum-profile"


#: A poster's name and the post's full date and time on one line: ``阿猫阿狗 2023-04-13 00:15``.
_NAME_STAMP = rules.lazy_regex(
    r"[^\s:：，,。！？!?]{1,12}\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?"
)


def drop_post_headers(lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]) -> None:
    """Between the posts of a thread, the lines around a post stamp or a button row (``沙发`` /
    ``钓友小王`` / ``发表于 2023-12-18 21:03``): forum words (``沙发``, ``积分 856``) and a short name between
    two forum lines go, and so does a poster's name with the post's date and time right under a floor
    (``2楼`` / ``阿猫阿狗 2023-04-13 00:15``). A forum word with no stamp next to it (``沙发`` as a shop's
    sub-head) stays.
    """
    for i in range(start, end + 1):
        hard = lines[i].hard
        if hard is None or hard[1] not in _STAMP_RULES:
            continue
        lo = i
        while lo > start and not lines[lo - 1].core:
            lo -= 1
        hi = i
        while hi < end and not lines[hi + 1].core:
            hi += 1
        for j in range(lo, hi + 1):
            line = lines[j]
            if line.hard or decisions[j] is not _KEEP:
                continue
            if line.soft is not None and line.soft[0] == "forum-profile":
                decisions[j] = line.soft
            elif j > lo and _forum_line(lines[j - 1]) and _NAME_STAMP.fullmatch(line.probe):
                decisions[j] = ("forum-profile", "poster_stamp_under_floor")
            elif (
                lo < j < hi
                and not line.label
                and line.size <= 16
                and not line.marks
                and _forum_line(lines[j - 1])
                and _forum_line(lines[j + 1])
            ):
                decisions[j] = ("forum-profile", "poster_name_in_post_header")


def drop_repeated_contents(lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]) -> None:
    """A table of contents inside the body (``目录`` over ``1 历史``, ``2 地理``…) whose entries come back
    later as the article's own sub-heads: the copy goes, the sub-heads stay. A list under ``目录`` that
    is not repeated later is the article's.
    """
    i = start
    while i <= end:
        if not (lines[i].size <= 20 and _CONTENTS.fullmatch(lines[i].probe)):
            i += 1
            continue
        j, seen = i + 1, set()
        while j <= end and not lines[j].core and lines[j].size <= 30 and not lines[j].marks:
            key = _ENTRY_NUMBER.sub("", lines[j].probe)
            if key in seen:
                break  # the first sub-head: the contents are over
            seen.add(key)
            j += 1
        entries = range(i + 1, j)
        later = {rules._NOT_WORD.sub("", lines[k].probe) for k in range(j, len(lines)) if not lines[k].core}
        repeated = [k for k in entries if _ENTRY_NUMBER.sub("", lines[k].probe) in later]
        if len(repeated) >= 2 and len(repeated) * 2 >= len(entries):
            decisions[i] = ("contents", "contents_heading_in_body")
            for k in entries:
                decisions[k] = ("contents", "contents_entry_repeated_as_sub_head")
        i = j


_PROFILE_DETAILS = 3


def drop_answerer_details(lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]) -> None:
    """Inside the body, the short lines right under an answerer's profile (``刘美玲 副主任医师`` /
    ``市第二人民医院 皮肤科`` / ``擅长：湿疹、荨麻疹``) up to the answer: the profile card, not the answer.
    An outline item or a sentence ends the card.
    """
    for i in range(start, end + 1):
        hard = lines[i].hard
        if hard is None or hard[1] != "answerer_profile":
            continue
        for j in range(i + 1, min(end, i + _PROFILE_DETAILS) + 1):
            line = lines[j]
            if line.core or line.stops or line.size > 40 or _OUTLINE.match(line.text):
                break
            if decisions[j] is _KEEP:
                decisions[j] = ("forum-profile", "answerer_details")


_BUTTON_SOFT = frozenset({"counter", "widget", "furniture"})
_BUTTON_HARD = frozenset({"counter", "widget"})


def drop_buttons_beside_widgets(
    lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]
) -> None:
    """Inside the body, a bare count or furniture word (``64``, ``分享``) next to a widget line (``评论``)
    is part of a post's button row, split one button a line (as under each answer of a Q&A page).

    Alone, such a line stays (inside the body, a soft label is not enough to drop a line).
    """
    for i in range(start, end + 1):
        line = lines[i]
        if decisions[i] != _KEEP or line.core or line.soft is None or line.soft[0] not in _BUTTON_SOFT:
            continue
        for k in (i - 1, i + 1):
            hard = lines[k].hard if start <= k <= end else None
            if hard is not None and hard[0] in _BUTTON_HARD:
                decisions[i] = ("widget", "button_beside_widget")
                break


#: Soft rules whose lines are never the article's, even between its paragraphs: page links
#: (``第1页 共4页``) and a bracketed related headline (``【相关阅读】某某``).
_NEVER_PROSE = frozenset({"page_links", "bracketed_related_title"})


def drop_never_prose_in_body(
    lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]
) -> None:
    """Inside the body, drop the soft-labelled lines that no article writes (:data:`_NEVER_PROSE`).

    Why soft and not hard: as hard labels a pager or a related link would end the body span there and
    cut the article in two; inside the span they only go themselves.
    """
    for i in range(start, end + 1):
        soft = lines[i].soft
        if soft is not None and soft[1] in _NEVER_PROSE and decisions[i] is _KEEP and not lines[i].core:
            decisions[i] = soft


_INLINE_RELATED_ITEMS = 3


def drop_inline_related(lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]]) -> None:
    """A related-reading box inside the body: ``延伸阅读`` alone on its line, then one to three short
    headlines with no sentence end, then the article goes on with a paragraph. The box goes; a block
    title followed by paragraphs (a sub-head) stays.
    """
    for i in range(start + 1, end):
        line = lines[i]
        if line.size > 12 or not line.soft or line.soft[0] != "furniture":
            continue
        if not _related_heading(line):
            continue
        j = i + 1
        while j <= end and j - i <= _INLINE_RELATED_ITEMS and not lines[j].core and not lines[j].stops:
            if lines[j].size > 40 or lines[j].marks:
                break
            j += 1
        if i + 1 < j <= end and lines[j].core:
            decisions[i] = ("related-block", "inline_block_title")
            for k in range(i + 1, j):
                decisions[k] = ("related-block", "inline_block_item")


#: The number of a contents entry (``1 ``, ``2.3 ``, ``一、``) and what is not a word.
_ENTRY_NUMBER = rules.lazy_regex(r"^[\d.]+\s*|^[一二三四五六七八九十]{1,3}、|[^0-9a-z\u3400-\u9fff]+")


# --- summaries -------------------------------------------------------------------------------------

_HAN_START = rules.lazy_regex(r"[\u4e00-\u9fff]")
_OPENERS = " \u3000“‘\"'「『(（【[*•·"
_TRAILER = ("详细", "详情", "全文", "阅读全文", "更多", "查看全文")


def _prefix_key(text: str) -> str:
    key = rules._NOT_WORD.sub("", rules.probe(text))
    for tail in _TRAILER:
        if key.endswith(tail):
            return key[: -len(tail)]
    return key


def _same_start(a: str, b: str) -> bool:
    """Cheap test that two texts start alike (up to width, script and punctuation)."""
    x, y = a.lstrip(_OPENERS)[:2], b.lstrip(_OPENERS)[:2]
    if x == y:
        return True
    if x[:1] != y[:1] and _HAN_START.match(x) and _HAN_START.match(y):
        return False  # two different Han characters: no folding makes them equal
    return _prefix_key(a[:16])[:2] == _prefix_key(b[:16])[:2]


def near_prefix(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` cut short, up to punctuation and a few damaged characters.

    >>> near_prefix("喜庆艳丽的窗花,古朴热烈的皮影……", "喜庆艳丽的窗花，古朴热烈的皮影，咚咚敲响的腰鼓。")
    True
    >>> near_prefix("喜庆艳丽的窗花", "古朴热烈的皮影，咚咚敲响的腰鼓。")
    False
    """
    if not _same_start(short, long):
        return False
    a, b = _prefix_key(short), _prefix_key(long)
    if len(a) < 6 or len(b) < len(a) - 2:
        return False
    if b.startswith(a):
        return True
    if a[:2] != b[:2]:
        return False
    return SequenceMatcher(None, a, b[: len(a)], autojunk=False).ratio() >= 0.85


@lru_cache(maxsize=1)
def _glued_label() -> re.Pattern[str]:
    labels = rules._alternation(rules.phrases("summary"))
    return re.compile(rf"^[【\[]?\s*(?:{labels})\s*[:：】\]]\s*", re.I)


@lru_cache(maxsize=1)
def _summary_initials() -> frozenset[str]:
    """First characters a summary label can start with, in either script, and the brackets."""
    firsts = {entry[0] for entry in rules.phrases("summary")}
    _, table = rules._fold()
    firsts |= {t for t, s in table.items() if s in firsts}
    firsts |= {c.upper() for c in firsts} | {"【", "[", "［"}
    return frozenset(firsts)


def _lead_copy(lead: str, paragraph: str) -> bool:
    """An unlabelled lead repeats the paragraph: the same text, or its start cut mid-sentence."""
    if not _same_start(lead, paragraph):
        return False
    a, b = _prefix_key(lead), _prefix_key(paragraph)
    if a == b:
        return True
    cut = len(lead) >= 40 and len(rules._MARK_RE.findall(lead)) >= 2 and not rules._SENTENCE_END.search(lead)
    return cut and b.startswith(a)


def mark_summary_duplicates(lines: list[Line]) -> None:
    """Label summaries and leads that repeat the next paragraph cut short (``核心提示：…``, ``导读：…``).

    A labelled line with its own text (a real abstract) is left alone.
    """
    labels = rules.phrase_regex("summary", anchored=True)
    initials = _summary_initials()
    cores_seen = 0
    n = len(lines)
    for i, line in enumerate(lines):
        if line.hard:
            continue
        labelled = False
        if (
            line.size > 8
            and line.text[0] in initials
            and labels.match(rules.probe(line.text[:12]).lstrip("【["))
        ):
            head = line.probe.lstrip("【[")
            m = labels.match(head)
            rest = head[m.end() :] if m else ""
            labelled = rest[:1] in (":", "：", "】", "]")
            rest = rest[1:]
        if line.core:
            cores_seen += 1
        if not labelled:
            # An unlabelled lead repeating the first paragraph stands at the top of the page.
            if cores_seen > 2 or line.size < 24 or not line.marks:  # (marks last: it costs a scan)
                continue
            rest = line.text
        j = i + 1
        while j < n and j < i + 8 and not (lines[j].core and not lines[j].hard):
            j += 1
        if (
            j < n
            and j < i + 8
            and (near_prefix(rest, lines[j].text) if labelled else _lead_copy(rest, lines[j].text))
        ):
            rule = "labelled_summary_repeats_paragraph" if labelled else "lead_repeats_paragraph"
            line.hard = ("summary-duplicate", rule)
            line.soft = None
        elif labelled:
            split_glued_summary(line)


def split_glued_summary(line: Line) -> None:
    """A summary run into the paragraph it repeats (the line break between them was lost upstream):
    keep the paragraph, record the summary as cut.

    >>> line = rules.make_line(1, "导读：河口是河海的结合地段，多指  河口是河海的结合地段，多指入海口。")
    >>> split_glued_summary(line)
    >>> line.text, line.cut
    ('河口是河海的结合地段，多指入海口。', '导读：河口是河海的结合地段，多指')
    """
    raw = line.text
    m = _glued_label().match(rules.fold_traditional(raw))
    if not m:
        return
    after = m.end()
    seed = raw[after : after + 8].strip()
    if len(seed) < 6:
        return
    k = raw.find(seed, after + len(seed))
    if k > 0 and len(raw) - k >= 12 and near_prefix(raw[after:k], raw[k:]):
        line.cut = raw[:k].rstrip()
        line.text = raw[k:]
        line.size = len(line.text)


# --- body span -------------------------------------------------------------------------------------


def body_span(lines: list[Line]) -> tuple[int, int]:
    """First and last index of the article body (``(len, len - 1)`` when there is none).

    Prose lines are grouped into runs that no furniture line (:data:`BREAKERS`) interrupts; the run with
    the most Han characters is the body. Disclaimers at its edges are peeled off.
    """
    clusters: list[list[int]] = []
    current: list[int] = []
    broken = False
    comments_at = -1
    for i, line in enumerate(lines):
        if line.hard and line.hard[0] in BREAKERS:
            broken = True
        elif line.size <= 16 and not line.core and _COMMENT_CHARS.search(line.text) and comment_section_head(
            line, lines[i + 1 : i + 1 + _COMMENT_LOOKAHEAD]
        ):
            line.soft = ("related-block", "comment_section")
            broken = True
            if comments_at < 0:
                comments_at = len(clusters) + (1 if current else 0)
        elif line.core and not line.hard and not line.soft:
            if broken and current:
                clusters.append(current)
                current = []
            current.append(i)
            broken = False
    if current:
        clusters.append(current)
    if not clusters:
        return len(lines), len(lines) - 1
    body = max(_before_comments(lines, clusters, comments_at), key=lambda c: sum(lines[i].wide for i in c))
    body = _across_inline_related(lines, clusters, body)
    trim_title_list(lines, body)
    if len(body) >= 2 and body[1] > body[0] + 1 and _question_title(lines[body[0]]):
        body.pop(0)  # a Q&A page's question over its asker and answer labels: a title, not body
    while body and lines[body[-1]].disclaimer:
        lines[body.pop()].soft = ("disclaimer", "statement_at_body_edge")
    while body and lines[body[0]].disclaimer:
        lines[body.pop(0)].soft = ("disclaimer", "statement_at_body_edge")
    if not body:
        return len(lines), len(lines) - 1
    in_body = set(body)
    for cluster in clusters:
        if in_body.isdisjoint(cluster):
            for i in cluster:
                if not lines[i].soft:
                    lines[i].soft = ("outside-body", "prose_beyond_furniture")
    return body[0], body[-1]


#: The share of the prose under a comment section's heading that the prose above it must reach to be
#: the article (below it, the article only when almost nothing stands above).
_ABOVE_COMMENTS_SHARE = 0.25


def _before_comments(lines: list[Line], clusters: list[list[int]], comments_at: int) -> list[list[int]]:
    """The prose runs the body may be chosen from: those above the comment section's heading
    (:func:`comment_section_head`) when they weigh at least a quarter of the runs below it.

    Why: a review of short one-sentence lines (``这本书不厚。`` ``没有一个公式。``) weighs less than one
    long reader's comment under ``网友评论``; the comment was taken for the body and the article dropped.

    >>> from cleantext.strip_rules import make_line as ml
    >>> page = [ml(1, "这本书不厚。"), ml(2, "网友评论"), ml(3, "我给孩子买了一本，孩子每天睡前都要翻几页。")]
    >>> _before_comments(page, [[0], [2]], 1)
    [[0]]
    >>> _before_comments(page, [[0], [2]], -1)
    [[0], [2]]
    """
    if comments_at <= 0 or comments_at >= len(clusters):
        return clusters
    above, below = clusters[:comments_at], clusters[comments_at:]
    weight = sum(lines[i].wide for c in above for i in c)
    if weight < _ABOVE_COMMENTS_SHARE * sum(lines[i].wide for c in below for i in c):
        return clusters
    return above


#: Furniture lines that may sit inside an article without ending it (``【相关阅读】某某``, a picture's
#: credit ``（图片来源于网络，如有侵权请联系删除）``, ``↓↓↓ 下拉继续阅读 ↓↓↓``), and the share of its Han
#: bigrams that the prose beyond them must share with the body to be the same article.
_INLINE_RELATED_LINES, _INLINE_OVERLAP = 2, 0.08
#: Han characters the prose beyond a statement or prompt must hold to be the article's paragraphs.
_INLINE_PARAGRAPH = 20
#: The longest disclaimer and document-site prompt read as a note inside the article.
_INLINE_NOTE_SIZE = {"related-block": 10_000, "disclaimer": 60, "doc-stub": 30}


def _inline_note(line: Line) -> bool:
    """A breaker that pages also put between two paragraphs: a related-list line, a short statement
    (a picture's credit) or a short document-site prompt.

    >>> credit = rules.make_line(1, "（图片来源于网络，如有侵权请联系删除）")
    >>> rules.classify(credit)
    >>> credit.hard, _inline_note(credit)
    (('disclaimer', 'statement_about_rights'), True)
    """
    label = line.hard[0] if line.hard else ""
    return line.size <= _INLINE_NOTE_SIZE.get(label, -1)


def _across_inline_related(lines: list[Line], clusters: list[list[int]], body: list[int]) -> list[int]:
    """The body with the prose runs next to it that only one or two inline notes (:func:`_inline_note`)
    cut off, when they are about the same thing (:func:`topic_overlap` with the body).

    Why: sites put ``【相关阅读】某某``, ``相关新闻：甲 | 乙``, a picture's credit or ``下拉继续阅读`` between
    two paragraphs; as a breaker it cut the article in two, and the shorter part was dropped as prose
    beyond furniture.
    """
    merged = list(body)
    at = next(k for k, c in enumerate(clusters) if c is body)
    topic = rules.fold_traditional("".join(lines[i].text for i in body))
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(clusters):
            other = clusters[k]
            gap = range(other[-1] + 1, merged[0]) if step < 0 else range(merged[-1] + 1, other[0])
            breakers = [i for i in gap if lines[i].hard and lines[i].hard[0] in BREAKERS]
            if not breakers or len(breakers) > _INLINE_RELATED_LINES or not all(
                _inline_note(lines[i]) for i in breakers
            ):
                break
            text = "".join(lines[i].text for i in other)
            if topic_overlap(text, topic) < _INLINE_OVERLAP:
                break
            if any(lines[i].hard[0] != "related-block" for i in breakers) and (
                sum(lines[i].wide for i in other) < _INLINE_PARAGRAPH
            ):
                # past a statement, a short line of prose is the site's: ``喜欢这篇文章？请点个“在看”吧！``
                break
            merged = other + merged if step < 0 else merged + other
            k += step
    return merged


#: The heading of a comment section: ``网友评论``, ``全部评论（12）``, ``已有3条评论``, ``共 8 条留言``.
#: A count of replies alone counts too: ``2条回应``, ``0 則留言``, ``共18条``.
#: A bare ``评论`` or ``留言`` counts when a comment's stamp follows, and so does a bar of sort toggles
#: (``按热度 按时间``), which only a list of comments has.
_COMMENT_HEAD = rules.lazy_regex(
    r"(?:(?:网友|读者|用户|最新|热门|精彩|全部|所有|相关)(?:评论|留言|跟帖|回应)(?:区|列表)?|评论|留言|跟帖)"
    r"\s*[(（]?\d*[)）]?\s*[:：]?"
    r"|(?:按[\u4e00-\u9fff]{1,3}(?:排序)?\s*){2,3}"
    r"|评论区|评论列表|留言板|(?:已有|共有|共)\s*\d+\s*(?:条|人)(?:评论|留言|跟帖|参与)"
    r"|(?:已有|共有|共|查看|全部)?\s*\d+\s*(?:条|则|則|个)\s*(?:评论|留言|跟帖|跟贴|回应|回應|回复|讨论)"
    r"(?:[,，\s]*(?:点击|查看|展开|我要)\S{0,4})?"
)
_HAS_COUNT = rules.lazy_regex(r"\d")
_COMMENT_LOOKAHEAD = 3
#: A comment's stamp: a full date (``2012年7月2日``, ``2023-10-03``) or a day with a time (``01-18 00:12``).
_COMMENT_STAMP = rules.lazy_regex(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}"
    r"|^\d{1,2}\s*(?:分钟|小时|天)前|^(?:昨天|今天|前天)\s*\d{1,2}:\d{2}"
)
_COMMENT_CHARS = rules.lazy_regex(r"[评評留跟应應复按]")


def comment_section_head(line: Line, following: list[Line]) -> bool:
    """The heading of the readers' comments under an article: the body ends above it.

    It holds a count (``已有3条评论``), or the line after it is a count, a post stamp (``小城故事
    2023-10-03 12:10``) or another such heading; a sub-head ``网友评论`` over paragraphs is not one.

    >>> from cleantext.strip_rules import make_line as ml
    >>> comment_section_head(ml(1, "网友评论"), [ml(2, "路人甲 2023-10-03 15:42")])
    True
    >>> comment_section_head(ml(1, "网友评论"), [ml(2, "不少网友认为，这次改造保留了老街的味道。")])
    False
    >>> comment_section_head(ml(1, "评论区"), [ml(2, "请理性发言"), ml(3, "晨曦 2012年7月2日:顶!")])
    True

    A bare ``评论`` over a floor's stamp, a sort bar over a comment and its relative stamp:

    >>> comment_section_head(ml(1, "评论"), [ml(2, "1楼 阿明 2021-12-05 19:02")])
    True
    >>> comment_section_head(ml(1, "按热度 按时间"), [ml(2, "阿明：好！"), ml(3, "2小时前 回复")])
    True
    >>> comment_section_head(ml(1, "评论"), [ml(2, "这部电影的评论两极分化。")])
    False
    """
    if not _COMMENT_HEAD.fullmatch(line.probe):
        return False
    if _HAS_COUNT.search(line.probe):
        return True
    nxt = following[0] if following else None
    if nxt is not None and not nxt.core and (
        bool(_COMMENT_HEAD.fullmatch(nxt.probe))
        or (nxt.label is not None and nxt.label[0] == "counter")
        or (nxt.size <= 40 and bool(rules._DATE.search(nxt.probe)))
    ):
        return True
    # A prompt may stand between the heading and the first comment (``请文明上网``): a short dated
    # line (a comment's stamp, or a comment with its stamp) a line or two further down.
    return any(
        nxt.size <= 40 and nxt.marks <= 3 and _COMMENT_STAMP.search(nxt.probe) is not None
        for nxt in following[1:]
    )


_LIST_TITLE_SIZE = 24
_LIST_MIN = 3
_TITLE_LIST = ("related-block", "short_titles_after_gap")


def trim_title_list(lines: list[Line], body: list[int]) -> None:
    """Drop from the end of ``body`` a list of short titles that read as prose (``某某问题？``).

    Two or more short lines with a sentence end at the end of the body, only short lines among them
    and three or more short lines in all, cut off from the rest of the body by short non-prose lines
    (a block title, buttons), are a related list, not the article's last words. Under a related list's
    block title (``往期推荐``) one such line is enough when more short titles follow it off the body
    (:func:`_lone_title_under_heading`). Lines that open with
    a quote or an outline marker (dialogue, numbered points) never count.
    """
    k = 0
    while k < len(body) - 1:
        line = lines[body[-1 - k]]
        if line.size > _LIST_TITLE_SIZE or line.text[:1] in "“‘\"'「『(（" or _OUTLINE.match(line.text):
            break
        k += 1
    if k and _lone_title_under_heading(lines, body):
        lines[body.pop()].soft = _TITLE_LIST
        return
    if k < 2:
        return
    rest = body[:-k]
    if body[-k] == body[-k - 1] + 1 or not (
        len(rest) >= _LIST_MIN or any(lines[i].size > _LIST_TITLE_SIZE for i in rest)
    ):
        # No gap before the run, or nothing but a heading above it (a Q&A of short lines): only a
        # related list's block title inside the run cuts it.
        k = _related_block_in_run(lines, body, k)
        if k < 2:
            return
    first, before = body[-k], body[-k - 1]
    run = lines[first : body[-1] + 1]
    gap = lines[before + 1 : first]
    if not gap or any(g.core or g.size > 40 for g in gap):
        return
    # Under a block title that names a related list (``相关问题``), two titles are a list already.
    least = 2 if any(_related_heading(g) for g in gap) else _LIST_MIN
    if len(run) < least or any(r.size > _LIST_TITLE_SIZE for r in run):
        return
    if any(_OUTLINE.match(r.text) for r in run) or any(_FIELD.match(g.text) for g in gap):
        return  # an outline item (``三、检验``) or a field (``解：…``) among them: the article goes on
    if any(r.hard is not None and r.hard[1] in _STAMP_RULES for r in run):
        return  # short replies between post stamps: a thread, not a list of titles
    for i in body[-k:]:
        lines[i].soft = _TITLE_LIST
    del body[-k:]


def _lone_title_under_heading(lines: list[Line], body: list[int]) -> bool:
    """The body's last line is a short title (``城里的鸟，你认识几种？``) under a related list's block title
    (``往期推荐``) that the prose above does not reach, with more short titles under it off the body.

    >>> ml = rules.read_line
    >>> page = [ml(1, "看一眼就够了，让它们留在山里。"), ml(2, "往期推荐"), ml(3, "城里的鸟，你认识几种？"),
    ...         ml(4, "雨后的蘑菇别乱采")]
    >>> _lone_title_under_heading(page, [0, 2])
    True
    >>> page[3] = ml(4, "网站首页 | 关于我们")
    >>> _lone_title_under_heading(page, [0, 2])
    False
    """
    if len(body) < 2 or body[-1] == body[-2] + 1:
        return False
    last = lines[body[-1]]
    if last.size > _LIST_TITLE_SIZE or last.text[:1] in "“‘\"'「『(（" or _OUTLINE.match(last.text):
        return False
    gap = lines[body[-2] + 1 : body[-1]]
    if any(g.core or g.size > 40 for g in gap) or not any(_related_heading(g) for g in gap):
        return False
    return _titles_after(lines, body[-1]) >= 1


def _titles_after(lines: list[Line], last: int) -> int:
    """How many short unlabelled lines with no sentence end follow the body's last line (more titles of
    a list whose first title, a question, read as prose).

    >>> ml = rules.read_line
    >>> _titles_after([ml(1, "城里的鸟，你认识几种？"), ml(2, "雨后的蘑菇别乱采")], 0)
    1
    >>> _titles_after([ml(1, "城里的鸟，你认识几种？"), ml(2, "网站首页 | 关于我们")], 0)
    0
    """
    n = last + 1
    while n < len(lines) and _unknown(lines[n]) and lines[n].size <= _LIST_TITLE_SIZE and not lines[n].stops:
        n += 1
    return n - last - 1


def _related_block_in_run(lines: list[Line], body: list[int], k: int) -> int:
    """How many of the last ``k`` body lines (all short) stand under a related list's block title
    (``相关问题``) that cuts the run; ``0`` when none does.

    Why: a Q&A of short questions and answers runs straight into ``相关问题`` and its titles; the whole
    run was short, so no gap stood before it and the titles were kept as the article's. And a Q&A
    all of whose lines are short, under its title and byline, was taken whole for a list of titles.
    """
    for m in range(2, k + 1):
        gap = lines[body[-m - 1] + 1 : body[-m]]
        if gap and any(_related_heading(g) for g in gap):
            return m
    return 0


def _related_heading(line: Line) -> bool:
    """A block title naming a list of other pages: ``相关问题``, ``【延伸阅读】``, ``猜你喜欢：``."""
    return line.size <= 12 and bool(
        rules.phrase_regex("related_list", anchored=True).fullmatch(line.probe.strip("【】[] :："))
    )


# --- header ----------------------------------------------------------------------------------------


def _seo_candidates(lines: list[Line], start: int) -> dict[int, bool]:
    """Keyword-run lines at the very top (before any other line with words): index -> strong."""
    found: dict[int, bool] = {}
    for i in range(min(start, 6)):
        line = lines[i]
        if line.hard and line.hard[1] != "joined_keyword_row":  # (at the top, that row is the SEO title)
            continue
        seo = rules.seo_keywords(line)
        if seo is None:
            break
        found[i] = seo[1]
    return found


def resolve_header(lines: list[Line], start: int, decisions: list[tuple[str, str]]) -> tuple[int, int]:
    """Decide the lines before the body: drop furniture, find the title and the byline.

    Returns the indices of the title and the byline (``-1`` when there is none).
    """
    seo = _seo_candidates(lines, start)
    contents = _contents_entries(lines, start)
    bars = _date_bars(lines, start)
    shaped = [i not in seo and i not in bars and rules.byline_like(lines[i]) for i in range(start)]
    for i in range(start - 1):
        if shaped[i] and shaped[i + 1] and _dated_headline(lines[i]):
            shaped[i] = False  # ``新馆9月1日起开放`` over ``发布时间：…``: the headline, not a byline
    cands = [
        i
        for i in range(start)
        if not lines[i].hard
        and not lines[i].soft
        and i not in seo
        and i not in contents
        and rules.title_like(lines[i])
        and not shaped[i]
        and not lines[i].text.startswith(("—", "-"))
        and not _RATING.search(lines[i].text)
        and i not in bars
    ]
    garbled = {c for c in cands if unreadable(lines[c])}
    if garbled and len(garbled) < len(cands):  # (a page's only heading stays: when unsure, keep)
        cands = [c for c in cands if c not in garbled]
    else:
        garbled = set()
    cands = _prefer_headings(lines, cands)
    memo: list[str] = []

    def topic() -> str:
        if not memo:
            memo.append(_topic_text(lines, start) if start > 1 else "")
        return memo[0]

    cards = {c + 1 for c in cands if c + 1 < start and _author_under_heading(lines, c + 1, topic)}
    if cards:
        cands = [c for c in cands if c not in cards]  # an author's name under the title is not one
    floor = _title_floor(lines, start, cands, topic)
    if floor >= 0:
        cands = [c for c in cands if c > floor]
    elif (
        len(cands) >= 2
        and site_banner(lines[cands[0]])
        and topic_overlap(lines[cands[0]].probe, topic()) < _TITLE_MARGIN
    ):
        cands = cands[1:]  # ``某某网_口号`` over the article's own heading: the site's name, not the title
    bylines = [
        i
        for i in range(floor + 1, start)
        if shaped[i]
        and (not lines[i].hard or lines[i].hard[0] in _BYLINE_OVERRIDES)
        and (not lines[i].soft or lines[i].soft[0] in _BYLINE_SOFT_OVERRIDES)
    ]

    title = byline = -1
    for b in bylines:
        if cands and cands[0] < b:  # the headings before the first byline that has any
            before = cands[: bisect_left(cands, b)]
            title = _pick_title(lines, before, topic, fallback=before[-1], banners=False)
            if (under := _title_under_byline(lines, b, cands, title, topic)) >= 0:
                title, byline = under, b
            break
    if title < 0 and cands:
        title = _pick_title(lines, cands, topic, fallback=cands[0])
    if not cands and _stopped_title_over_byline(lines, start):
        title, byline = start, start + 1  # ``我们终于等到了这一天。`` over ``2024-06-25 作者：某``
    carded = [c - 1 for c in sorted(cards) if c - 1 in cands]
    if carded:
        title = carded[0]  # the heading over the author's card (name, follow button): the post's title
    for i, strong in seo.items():
        if strong or title >= 0 and i < title:
            lines[i].hard = ("seo-header", "keyword_runs_at_top")
        elif title < 0:
            title = i
    bylines = [b for b in bylines if not _stub_off_title(lines, b, title)]
    if byline < 0 and title >= 0:
        byline = next((b for b in bylines if b > title), -1)
        if byline < 0 and _byline_over_title(lines, title, bylines):
            byline = title - 1  # ``2024-05-08 10:21`` over the headline, no byline under it
    byline_set = set(bylines)
    front_matter = start < len(lines) and _abstract_line(lines[start])
    for i in range(start):
        line = lines[i]
        if i in (title, byline):
            continue
        if title >= 0 and i > title and i in byline_set:
            continue
        if line.label:
            decisions[i] = line.label
        elif i in bars:
            decisions[i] = ("header", "date_weather_bar")
        elif i in garbled:
            decisions[i] = ("debris", "unreadable_line")
        elif i in contents:
            decisions[i] = ("contents", "entry_under_contents_heading")
        elif title >= 0 and i < title:
            decisions[i] = ("header", "before_title")
        elif i + 1 < len(lines) and _is_category_before_lead(line, lines[i + 1]):
            decisions[i] = ("category", "short_line_before_repeated_lead")
        elif title >= 0 and line.size <= 16 and not line.core and _over_post_stamp(lines, i):
            decisions[i] = ("forum-profile", "poster_name_over_stamp")
        elif title >= 0 and i > title and (_author_card(lines, i) or front_matter):
            continue  # the author by a follow button; a paper's authors and affiliation over its abstract
        elif title >= 0 and _RECORD_FIELD.fullmatch(line.probe):
            decisions[i] = ("header", "record_field")
        elif title >= 0 and i > title and spam_keyword_row(line, lines[i - 1], topic):
            decisions[i] = ("spider-pool", "keyword_row_under_title")
        elif (
            title >= 0
            and _unrelated_short_line(line, lambda: topic() + lines[title].probe)
            and not _heading_over_body(lines, i, start, title, topic)
        ):
            decisions[i] = _UNRELATED
    if title >= 0 and _UNRELATED in decisions[title + 1 : start]:
        keep_verse_runs(lines, title + 1, start, decisions)
        keep_list_runs(lines, title + 1, start, decisions)
    return title, byline


def _byline_over_title(lines: list[Line], title: int, bylines: list[int]) -> bool:
    """The line right over the title is a plain byline (no counter, no button: ``2024-05-08 10:21``,
    ``作者：某某 2024-05-08``) and no byline stands under the title: the article's byline, printed first.
    A field of a record table (``发布机构：… 成文日期：…`` under ``索引号：…``) is not one.

    >>> ml = rules.read_line
    >>> _byline_over_title([ml(1, "2024-05-08 10:21"), ml(2, "周末去爬山")], 1, [0])
    True
    >>> _byline_over_title([ml(1, "时间：2024-03-03 人气：835"), ml(2, "周末去爬山")], 1, [0])
    False
    """
    above = title - 1
    if above not in bylines or any(b > title for b in bylines) or lines[above].label:
        return False
    if rules.phrase_regex("counter").search(lines[above].probe):
        return False  # ``发布时间：… 阅读：3.4万``: the site's meta row over its headline
    return above == 0 or not (
        _TABLE_FIELD.match(lines[above - 1].text) or rules.byline_like(lines[above - 1])
    )


#: Date-bar-shaped lines in a row with this many weather words among them are a forecast's table.
_BAR_TABLE = 2


def _date_bars(lines: list[Line], start: int) -> set[int]:
    """The site's date and weather bars before the body (:func:`~cleantext.strip_rules.date_bar`): never
    the title nor the byline. Two or more in a row that each name the weather are the article's own
    table (``今天 小雨 3~8℃`` / ``明天 多云 2~9℃``); a weather bar over a date bar is the site's header.

    >>> ml = rules.read_line
    >>> sorted(_date_bars([ml(1, "欢迎访问本站！今天是2024年5月8日 星期三"), ml(2, "周末去爬山")], 2))
    [0]
    >>> rows = [ml(k, f"周{d} 小雨 {k}~9℃") for k, d in enumerate("一二三", 1)]
    >>> sorted(_date_bars(rows, 3))
    []
    """
    found = [i for i in range(start) if not lines[i].hard and not lines[i].core and rules.date_bar(lines[i])]
    runs: list[list[int]] = []
    for i in found:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    weather = rules._date_bar_regexes()[1]
    return {
        i
        for run in runs
        if sum(1 for k in run if weather.search(lines[k].probe)) < _BAR_TABLE
        for i in run
    }


#: Mean log-probability per character under which a line reads as no language: the garbage that a
#: decoding error leaves when the repair stage could not undo it (``涓婚〉 锟 鏈€鏂?``, about -12 to -14;
#: real titles and Traditional text score above -9.5, but rare names too fall below: ``瘰鳞蛇``).
_UNREADABLE = -10.5
_UNREADABLE_HAN = 3
#: Characters of a UTF-8 lead byte of CJK (E3-E9) and a continuation byte read as one GBK or Big5 pair
#: (``涓``, ``鍙``, ``璁``...): rare in text, frequent in mojibake; an unreadable line needs two.
_MOJIBAKE_SIGNS = 2


@lru_cache(maxsize=1)
def _mojibake_signs() -> frozenset[str]:
    pairs = (bytes((lead, trail)) for lead in range(0xE3, 0xEA) for trail in range(0x80, 0xC0))
    return frozenset(
        pair.decode(codec, "ignore") for pair in pairs for codec in ("gbk", "big5")
    ) - {""}


def unreadable(line: Line) -> bool:
    """A header line of three or more Han characters that the character language model finds no sense
    in and that shows two or more characters typical of UTF-8 read as GBK or Big5: mojibake left
    unrepaired, never the title (a short real title under it is). A name of rare characters
    (``瘰鳞蛇``) scores as low but shows no such character.

    >>> unreadable(rules.make_line(1, "涓婚〉 锟 鏈€鏂?")), unreadable(rules.make_line(1, "周末去爬山啦"))
    (True, False)
    >>> unreadable(rules.make_line(1, "瘰鳞蛇"))
    False
    """
    han = rules._NON_HAN.sub("", line.text)
    if line.size > 80 or len(han) < _UNREADABLE_HAN:
        return False
    signs = _mojibake_signs()
    if sum(1 for c in han if c in signs) < _MOJIBAKE_SIGNS:
        return False
    model = _language_model()
    return model is not None and model.mean_logprob(han) < _UNREADABLE


@lru_cache(maxsize=1)
def _language_model() -> object | None:
    """The character language model, loaded on first use; ``None`` when it is the untrained stub
    (every text then scores alike and none can be told unreadable)."""
    from cleantext.langmodel import get_model

    try:
        model = get_model()
        if model.mean_logprob("的是") - model.mean_logprob("鍙戝") < 3.0:
            return None
    except Exception:  # noqa: BLE001 - a missing table must not stop the strip stage
        return None
    return model


def _title_under_byline(
    lines: list[Line], b: int, cands: list[int], title: int, topic: Callable[[], str]
) -> int:
    """The heading right under the byline ``b`` when it, not the heading over the byline, is the title
    (``-1`` otherwise): the one over it is hardly about the body (a site's name, a section's trail) and
    the one under it clearly is. Some sites print the date first (``2024-05-08 10:21`` / the headline);
    the byline then stays, over the title.

    >>> ml = rules.read_line
    >>> page = [ml(1, "东江在线"), ml(2, "2024-05-08 10:21"), ml(3, "东江首批夜间公交开通")]
    >>> _title_under_byline(page, 1, [0, 2], 0, lambda: "三条夜间公交线路开通，票价与白天相同。")
    2
    >>> _title_under_byline(page, 1, [0, 2], 0, lambda: "东江在线报道：今年的活动很多。")
    -1
    """
    under = b + 1
    if title < 0 or under not in cands:
        return -1
    usual = topic_overlap(lines[title].probe, topic())
    clearer = topic_overlap(lines[under].probe, topic()) >= usual + _TITLE_MARGIN
    return under if usual < _TITLE_MARGIN and clearer else -1


_STOPPED_TITLE = 40
_ANY_HAN = rules.lazy_regex(r"[\u4e00-\u9fff]")


def _stopped_title_over_byline(lines: list[Line], start: int) -> bool:
    """The body's first line is a short sentence right over a byline: a headline that ends with a full
    stop (``我们终于等到了这一天。`` / ``2024-06-25 作者：陈默``), read as prose, when no heading stands
    before it.

    >>> ml = rules.read_line
    >>> _stopped_title_over_byline([ml(1, "我们终于等到了这一天。"), ml(2, "2024-06-25 作者：陈默")], 0)
    True
    >>> _stopped_title_over_byline([ml(1, "我们终于等到了这一天。"), ml(2, "查分那天晚上，我没睡着。")], 0)
    False
    """
    if start + 1 >= len(lines):
        return False
    head, under = lines[start], lines[start + 1]
    return (
        head.size <= _STOPPED_TITLE
        and head.stops == 1
        and not head.label
        and not under.core
        and not under.hard
        and rules.byline_like(under)
    )


def _heading_over_body(lines: list[Line], i: int, start: int, title: int, topic: Callable[[], str]) -> bool:
    """Line ``i`` is a heading right over the body while the title chosen above shares no word with the
    body either: which of the two is the page's title is unsure, so the one over the body stays.

    Why: a header line with no words of the body (spam, a site's name) was taken for the title, and the
    real short title under it (``周末去爬山``), with no word of the body, was dropped as a widget.
    """
    return (
        i == start - 1
        and rules.title_like(lines[i])
        and _ANY_HAN.search(lines[i].text) is not None
        and not rules._DIGIT.search(lines[i].text)
        and topic_overlap(lines[title].probe, topic()) == 0.0
    )


#: A day of the month (``9月1日``), the only date a headline usually names.
_MONTH_DAY = rules.lazy_regex(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
_HEADLINE_WORDS = 10


def _dated_headline(line: Line) -> bool:
    """A headline naming a day (``区图书馆新馆9月1日起开放 周一也不闭馆了``): byline-shaped by its date
    alone, with no year, time, colon or byline word, and ten or more Han characters besides the date.

    Why: over the real byline (``发布时间：…``) it was taken for a first byline, and the site's name
    above it became the title.

    >>> _dated_headline(rules.read_line(1, "区图书馆新馆9月1日起开放 周一也不闭馆了"))
    True
    >>> _dated_headline(rules.read_line(1, "3月5日 新华社 记者 张三"))
    False
    """
    p = line.probe
    if line.size > 40 or ":" in p or "：" in p or rules._REPORTER_CREDIT.search(p):
        return False
    if rules._DATE.sub("", p) != _MONTH_DAY.sub("", p) or rules.phrase_regex("byline").search(p):
        return False  # a year, a time or a byline word (``来源``, ``记者``): a byline
    return len(rules._NON_HAN.sub("", _MONTH_DAY.sub("", p))) >= _HEADLINE_WORDS


def _stub_off_title(lines: list[Line], i: int, title: int) -> bool:
    """A byline-shaped document-site stub (``上传者：某某 上传时间：2024-03-02``) is the byline only on the
    line right under the title; elsewhere it is the sharing site's record, dropped.

    Why: a recipe or post site credits its uploader under the title (``2024-03-02 下厨帮 上传者：阿月``);
    the stub words made that byline furniture.

    >>> ml = rules.read_line
    >>> page = [ml(1, "番茄炒蛋的做法"), ml(2, "2024-03-02 下厨帮 上传者：阿月")]
    >>> page[1].hard = ("doc-stub", "document_site_stub")
    >>> _stub_off_title(page, 1, 0), _stub_off_title(page, 1, -1)
    (False, True)
    """
    hard = lines[i].hard
    return hard is not None and hard[0] == "doc-stub" and (title < 0 or i != title + 1)


#: The label of a paper's abstract: ``摘要：``, ``【摘要】``, ``内容提要：``, ``Abstract:``.
_ABSTRACT = rules.lazy_regex(r"[【\[]?\s*(?:摘\s*要|内容提要|提\s*要|abstract)\s*[:：】\]]")


def _abstract_line(line: Line) -> bool:
    """A paper's abstract opens here: the lines between its title and this one are its authors and their
    affiliations (``王晓燕 陈立`` / ``南江大学社会学院``), kept; and a keyword line right under it is
    the paper's own (see :func:`keywords_after_body`).

    >>> _abstract_line(rules.make_line(1, "摘要：本文分析了老年人使用手机的情况。"))
    True
    >>> _abstract_line(rules.make_line(1, "摘要这个词很常见。"))
    False
    """
    return line.size >= 4 and _ABSTRACT.match(line.probe) is not None


#: ``某某网_口号``, ``某某网 - 口号 - 栏目``, ``某某｜口号``: a site's name and slogan split by ``_``, a bar
#: or a spaced dash (or three or more parts joined by bare hyphens, none of them a bare number: a date
#: is no banner, ``北京赛车pk10`` may be in one), no sentence in any part; or a name and its domain
#: (``南城在线 nanchengol.com``).
_BANNER = rules.lazy_regex(
    r"[^\s，。！？,!?:：_|｜]{2,20}(?:(?:\s*[_|｜]\s*|\s+[-–—·]\s+)[^，。！？,!?:：_|｜]{2,24}){1,3}"
    r"|(?![\d.]+-)[^\s，。！？,!?:：-]{2,16}(?:-(?![\d.]+(?:-|$))[^\s，。！？,!?:：-]{2,16}){2,3}"
    r"|[^\s，。！？,!?]{2,16}\s+(?:www\.)?[a-z0-9-]{2,30}\.(?:com|cn|net|org|tw|hk)(?:\.cn|\.tw|\.hk)?/?"
)


def site_banner(line: Line) -> bool:
    """The site's name with its slogan or domain at the top of the page, as a title candidate.

    >>> site_banner(rules.make_line(1, "快问医生网_三甲医院医生免费在线咨询"))
    True
    >>> site_banner(rules.make_line(1, "南城在线 nanchengol.com"))
    True
    >>> site_banner(rules.make_line(1, "专访：一针一线守住老手艺"))
    False
    """
    return line.size <= 60 and not line.stops and _BANNER.fullmatch(line.probe) is not None


#: A field of a document's record table above its title: a short label, a colon, a value
#: (``索引号：…``, ``发文机关：…``, ``成文日期：…``; a label may be spaced out: ``标  题：…``).
_TABLE_FIELD = rules.lazy_regex(r"[\u4e00-\u9fff][\u4e00-\u9fff ]{0,6}[:：]\s*\S")
#: A newspaper's page line: ``第07版：社会``, ``A03版``, ``第3版 要闻``.
_EDITION = rules.lazy_regex(r"(?:第\s*\d{1,3}\s*版|[a-z]\d{1,2}\s*版)(?:\s*[:：]?\s*[^\s，。]{1,10})?")
_TABLE_RUN = 3


def _title_floor(lines: list[Line], start: int, cands: list[int], topic: Callable[[], str]) -> int:
    """The last line of a page header that the title comes after (``-1`` when there is none): a
    newspaper's page line (``第07版：社会``), or a record table of three or more fields (a government
    document's ``索引号`` / ``发文机关`` / ``成文日期``…) or a breadcrumb (:func:`_trail_over_title`) when a
    heading after it is more about the body than every heading before it. Dates in such a header are the
    issue's or the record's, not the byline.

    >>> ml = rules.make_line
    >>> page = [ml(1, "北江日报数字报"), ml(2, "2024年10月09日"), ml(3, "第07版：社会"),
    ...         ml(4, "老人摔倒 路人救助")]
    >>> _title_floor(page, 4, [0, 3], lambda: "")
    2
    >>> _title_floor(page, 4, [0], lambda: "")  # nothing after it to be the title
    -1
    """
    floor = -1
    run = 0
    for i in range(start):
        line = lines[i]
        if line.size <= 20 and _EDITION.fullmatch(line.probe):
            floor, run = i, 0
            continue
        if _trail_over_title(lines, i, cands, topic):
            floor, run = i, 0
            continue
        if not line.core and line.size <= 80 and _TABLE_FIELD.match(line.text):
            run += 1
            if run >= _TABLE_RUN and any(c > i for c in cands):
                after = max(topic_overlap(lines[c].probe, topic()) for c in cands if c > i)
                before = [topic_overlap(lines[c].probe, topic()) for c in cands if c < i - run + 1]
                if after > max(before, default=0.0):
                    floor = i
        else:
            run = 0
    return floor if any(c > floor for c in cands) else -1


def _trail_over_title(lines: list[Line], i: int, cands: list[int], topic: Callable[[], str]) -> bool:
    """Line ``i`` is a breadcrumb (``当前位置：首页 > 本地 > 正文``) with a heading after it that is more
    about the body than every heading before it: the trail leads to the title, so the lines over the
    trail (a spam slogan ``代孕咨询 包成功``, a counter with a date) are the site's header, not the title
    and its byline. A title over its own trail stays (its words are the body's).

    >>> ml = rules.read_line
    >>> page = [ml(1, "办证刻章 快速出证 全国接单"), ml(2, "首页 > 本地 > 正文"), ml(3, "江堤加固工程完工"),
    ...         ml(4, "江堤加固工程昨日完工，沿江居民出行更安全。")]
    >>> _trail_over_title(page, 1, [0, 2], lambda: "江堤加固工程昨日完工，沿江居民出行更安全。")
    True
    >>> page[0] = ml(1, "江堤加固工程完工")
    >>> _trail_over_title(page, 1, [0, 2], lambda: "江堤加固工程昨日完工，沿江居民出行更安全。")
    False
    """
    label = lines[i].label
    if label is None or label[0] != "breadcrumb" or not any(c > i for c in cands):
        return False
    before = [topic_overlap(lines[c].probe, topic()) for c in cands if c < i]
    if not before:
        return False
    after = max(topic_overlap(lines[c].probe, topic()) for c in cands if c > i)
    if after == max(before):
        return _crumb_named(lines, i, cands)
    return after > max(before)


def _crumb_named(lines: list[Line], i: int, cands: list[int]) -> bool:
    """A heading after the breadcrumb ``i`` repeats more of the trail's words than every heading before
    it: the tie-break when the body names neither (a two-line notice under ``首页 > 乘客服务 > 失物招领``).

    Why: a short notice's title (``失物招领启事``) shares no word with its two sentences, no more than the
    site's name over the trail does; the trail leads to the page's own heading.

    >>> ml = rules.read_line
    >>> page = [ml(1, "某某公司 官方网站"), ml(2, "首页 > 乘客服务 > 失物招领"), ml(3, "失物招领启事")]
    >>> _crumb_named(page, 1, [0, 2])
    True
    >>> page[2] = ml(3, "公司简介")
    >>> _crumb_named(page, 1, [0, 2])
    False
    """
    trail = lines[i].probe
    after = max(topic_overlap(lines[c].probe, trail) for c in cands if c > i)
    return after > max(topic_overlap(lines[c].probe, trail) for c in cands if c < i)


#: A list bullet: ``-``, ``•``, ``·``, ``*``, ``●``, ``▪``, ``◆``, ``■``, ``○``, ``◇``.
_BULLET = rules.lazy_regex(r"([-•·*●▪◆■○◇])\s*\S")
_LIST_MIXED_MIN = 6
#: Short words between spaces (``立即沟通 收藏职位``): a row of buttons, never a list item.
_SPACED_WORDS = rules.lazy_regex(r"\S{1,4}(?:\s+\S{1,4})+")


def _list_member(line: Line, decision: tuple[str, str]) -> bool:
    return decision in (_KEEP, _UNRELATED) and not line.label and not line.core and line.size <= 40


def _lead_in(line: Line) -> bool:
    """A line ending with a colon: it leads in the list under it (``工作内容：``)."""
    return line.text.rstrip().endswith((":", "："))


def keep_list_runs(lines: list[Line], first: int, stop: int, decisions: list[tuple[str, str]]) -> None:
    """Between the title and the body, keep the "unrelated short lines" that are items of the article's
    own list: a run of short plain lines under a lead-in ending with a colon (``本次更新主要包括：``), or
    two or more items opening with the same bullet (``- 新增事务支持``), or a run of six or more in which
    two thirds of the lines share words with the title or the body (a recipe's ingredients and steps).

    A lone widget word no list has stays dropped (see :func:`_unrelated_short_line`).
    """
    i = first
    while i < stop:
        if decisions[i] != _UNRELATED or not _list_member(lines[i], decisions[i]):
            i += 1
            continue
        lo = i
        while lo > first and _list_member(lines[lo - 1], decisions[lo - 1]) and not _lead_in(lines[lo - 1]):
            lo -= 1  # (a lead-in ending with a colon heads the run: the run starts under it)
        hi = i
        while hi + 1 < stop and _list_member(lines[hi + 1], decisions[hi + 1]):
            hi += 1
        run = range(lo, hi + 1)
        lead = lines[lo - 1] if lo > 0 else None
        led = (
            lead is not None
            and lo - 1 >= first
            and decisions[lo - 1] == _KEEP
            and lead.size >= 4
            and _lead_in(lead)
        )
        bullets = Counter(m.group(1) for k in run if (m := _BULLET.match(lines[k].text)))
        unrelated = sum(1 for k in run if decisions[k] == _UNRELATED)
        mixed = len(run) >= _LIST_MIXED_MIN and unrelated * 3 <= len(run)
        if led or max(bullets.values(), default=0) >= 2 or mixed:
            for k in run:
                if decisions[k] == _UNRELATED and not (mixed and _SPACED_WORDS.fullmatch(lines[k].text)):
                    decisions[k] = _KEEP
        i = hi + 1


_UNRELATED = ("header", "unrelated_short_line")

#: A tracking field of a letter, a request or a case between its title and its text: its number
#: (``留言编号：LX20231108-0342``), its state (``办理状态：已办结``), its disclosure (``公开方式：公开``).
_RECORD_FIELD = rules.lazy_regex(
    r"[\u4e00-\u9fff]{0,4}(?:编号|单号|受理号)\s*:\s*[a-z0-9][a-z0-9\-_/]{5,30}"
    r"|[\u4e00-\u9fff]{0,4}(?:状态|进度)\s*:\s*[\u4e00-\u9fff]{2,5}"
    r"|公开(?:方式|属性|范围|形式)\s*:\s*[\u4e00-\u9fff]{2,6}"
)
_VERSE_LINE = rules.lazy_regex(r"[\u4e00-\u9fff]{4,18}[，,。！？!?、…]?")
_VERSE_RUN = 3
#: A run this long is verse whatever the length of its lines (a song's short lines: ``你说要走``).
_VERSE_LONG = 6


def keep_verse_runs(lines: list[Line], first: int, stop: int, decisions: list[tuple[str, str]]) -> None:
    """Keep the "unrelated short lines" among three or more plain lines of Han words in a row.

    A widget in words the phrase lists lack comes alone or as a few four-character words; lines of a song,
    a poem or a forum post written a clause a line (``山那边有一条河`` / ``河边住着我外婆`` / …) come in
    runs, two or more of them longer than five characters, and are the article.
    """
    run: list[int] = []
    for i in range(first, stop + 1):
        if (
            i < stop
            and decisions[i] in (_KEEP, _UNRELATED)
            and not lines[i].label
            and _VERSE_LINE.fullmatch(lines[i].text)
        ):
            run.append(i)
            continue
        longer = sum(1 for k in run if lines[k].size >= 6)
        if len(run) >= _VERSE_RUN and (longer >= 2 or len(run) >= _VERSE_LONG):
            for k in run:
                decisions[k] = _KEEP
        run = []


#: Rating stars: a line with them is a review's or product's meta line, not its title.
_RATING = rules.lazy_regex(r"[★☆]{3}")

#: A chapter heading of serialised fiction or a book: ``第十二章 夜雨``, ``第3回``.
_CHAPTER = rules.lazy_regex(r"第[0-9〇零一二三四五六七八九十百千两]{1,6}[章节回卷集篇部]")
#: What a page's ``<title>`` copy puts between the title and the site's name: ``_``, ``-``, ``|``, ``——``,
#: `` · `` (spaced: ``琴娜·杜普洛`` is one name), ``»`` or plain spaces (probes are NFKC-folded).
_PAGE_TITLE_SEP = rules.lazy_regex(r"\s*(?:_|-{1,2}|—{1,2}|–|\||»)\s*|\s+[·•:]\s+|\s+")


def _is_page_title_copy(probe: str, others: set[str]) -> bool:
    """``probe`` is another candidate, then a separator and more (the site's name, a column's name).

    >>> _is_page_title_copy("龙烟铁路 | 远山新闻网", {"龙烟铁路"})
    True
    >>> _is_page_title_copy("琴娜·杜普洛", {"琴娜"})
    False
    """
    for text in others:
        if text and len(text) < len(probe) and probe.startswith(text):
            m = _PAGE_TITLE_SEP.match(probe, len(text))
            if m and m.end() < len(probe) and (m.group().strip() or len(text) >= 4):
                return True
    return False


#: Three or more short Han words between spaces and nothing else: a row of buttons (``只看楼主 倒序浏览
#: 阅读模式``), not a heading, when the page has another heading.
_BUTTON_WORDS = rules.lazy_regex(r"[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){2,}")


def _over_post_stamp(lines: list[Line], i: int) -> bool:
    """Line ``i`` stands right over a post's stamp (``梧桐树下`` / ``发表于 2024-1-12 19:45``): the poster's
    name, not the thread's title.

    >>> ml = rules.read_line
    >>> _over_post_stamp([ml(1, "梧桐树下"), ml(2, "发表于 2024-1-12 19:45:06")], 0)
    True
    >>> _over_post_stamp([ml(1, "老城区停车难"), ml(2, "最近几个月找不到车位。")], 0)
    False
    """
    hard = lines[i + 1].hard if i + 1 < len(lines) else None
    return hard is not None and hard[1] in _STAMP_RULES


#: A user's or author's name as a profile card shows it: letters, digits, ``_`` or ``·``, no space or mark.
_NAME_SHAPE = rules.lazy_regex(r"[\u4e00-\u9fffa-zA-Z0-9_·\-]{2,8}")
#: A follow button beside a name: ``关注``, ``+ 关注``, ``已关注``, ``关注她``.
_FOLLOW = rules.lazy_regex(r"(?:[+＋]?\s*已?关注(?:他|她|ta|作者|我)?\s*){1,2}")
_CARD_REACH = 2


def _followed(lines: list[Line], i: int) -> bool:
    """A follow button stands within two lines under line ``i``."""
    after = lines[i + 1 : i + 1 + _CARD_REACH]
    return any(line.size <= 8 and _FOLLOW.fullmatch(line.probe) for line in after)


def _author_card(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a bare name with a follow button within two lines under it, or a byline right under
    it: the author of a self-media post (``某某说养老`` / ``2024-10-08 广东``, ``一颗橙子呀`` / ``关注``).

    >>> ml = rules.read_line
    >>> _author_card([ml(1, "桃子爱旅行"), ml(2, "关注")], 0)
    True
    >>> _author_card([ml(1, "老陈说养老"), ml(2, "2024-10-08 07:15 广东")], 0)
    True
    >>> _author_card([ml(1, "切换模式"), ml(2, "写文章")], 0)
    False
    >>> _author_card([ml(1, "6月16日"), ml(2, "8:30—10:30 语文")], 0)
    False
    """
    if not _NAME_SHAPE.fullmatch(lines[i].text):
        return False
    after = lines[i + 1] if i + 1 < len(lines) else None
    # (a name over a byline has no digit: ``6月16日`` over ``8:30 语文`` is a schedule)
    named = not _HAS_COUNT.search(lines[i].text)
    if named and after is not None and rules.byline_like(after) and not after.core:
        return True
    return _followed(lines, i)


def _author_under_heading(lines: list[Line], i: int, topic: Callable[[], str]) -> bool:
    """Line ``i`` is an author's card name (:func:`_author_card`) right under a longer heading that is
    more about the body than the name is: the author, not the title. (A short title under the site's
    name, ``南华县`` under ``某某官方网站``, is what its body talks about.)

    >>> ml = rules.read_line
    >>> page = [ml(1, "退休后搬去海边小城的一年"), ml(2, "老陈说养老"), ml(3, "2024-10-08 07:15 广东")]
    >>> _author_under_heading(page, 1, lambda: "退休后我们搬到海边。")
    True
    >>> page = [ml(1, "线上赌场官方网站"), ml(2, "南华县"), ml(3, "发布时间：2013-01-24")]
    >>> _author_under_heading(page, 1, lambda: "南华县是云南省的一个县。")
    False
    >>> page = [ml(1, "读书 电影 音乐 同城 小组"), ml(2, "外婆的冬天"), ml(3, "2024-01-15")]
    >>> _author_under_heading(page, 1, lambda: "外婆的冬天很冷。")
    False
    """
    if i == 0 or i >= len(lines):
        return False
    above = lines[i - 1]
    if above.label or above.size < max(8, 2 * lines[i].size) or not rules.title_like(above):
        return False
    if above.text.endswith((":", "：")):
        return False  # a lead-in over its list
    if _SPACED_WORDS.fullmatch(above.text) or site_banner(above) or not _author_card(lines, i):
        return False  # a menu or the site's banner over a short title
    name, heading = topic_overlap(lines[i].probe, topic()), topic_overlap(above.probe, topic())
    return heading > name or (name == 0.0 and _followed(lines, i))


def _prefer_headings(lines: list[Line], cands: list[int]) -> list[int]:
    """Title candidates, without those that are not the title when another one is there.

    A chapter heading (``第十二章 夜雨``) is the title. A page's ``<title>`` copy (``某某技巧_某某文库``,
    ``某某技巧 - 某某网``: another candidate, then a separator and the site's name) and the poster's name
    under a forum profile label (``楼主``) or over a post stamp are not, nor a row of buttons.
    """
    if len(cands) < 2:
        return cands
    chapters = [c for c in cands if _CHAPTER.match(lines[c].text)]
    if chapters:
        return chapters
    texts = {lines[c].probe for c in cands}
    kept = [
        c
        for c in cands
        if not (c > 0 and lines[c - 1].soft is not None and lines[c - 1].soft[0] == "forum-profile")
        and not _over_post_stamp(lines, c)
        and not _BUTTON_WORDS.fullmatch(lines[c].probe)
        and not _is_page_title_copy(lines[c].probe, texts - {lines[c].probe})
    ]
    return kept or cands


#: A table-of-contents heading: the short lines under it, before the body, are its entries.
_CONTENTS = rules.lazy_regex(r"(?:本文|文章)?(?:目录|目次)|(?:table of )?contents")


def _contents_entries(lines: list[Line], start: int) -> set[int]:
    """Short lines without punctuation under a table-of-contents heading (``目录``), before the body."""
    found: set[int] = set()
    under = False
    for i in range(start):
        line = lines[i]
        if line.size <= 20 and _CONTENTS.fullmatch(line.probe):
            under = True
        elif under and not line.label and line.size <= 30 and not line.marks:
            found.add(i)
        else:
            under = False
    return found


def _topic_text(lines: list[Line], start: int, limit: int = 3000) -> str:
    """The body (its first ``limit`` characters, folded): what the title is about."""
    head, size = [], 0
    for line in lines[start:]:
        if line.core and not line.label:
            head.append(line.text)
            size += line.size
            if size >= limit:
                break
    return rules.fold_traditional("\n".join(head)[:limit])


def topic_overlap(text: str, topic: str) -> float:
    """Share of the Han bigrams of ``text`` (its character, if it has one) found in ``topic``.

    >>> topic_overlap("荨麻", "荨麻是荨麻属中大约30种植物的通用俗称")
    1.0
    >>> topic_overlap("南山信息港", "荨麻是荨麻属中大约30种植物的通用俗称")
    0.0
    """
    han = rules._NON_HAN.sub("", text)
    if len(han) == 1:
        return 1.0 if han in topic else 0.0
    grams = {han[k : k + 2] for k in range(len(han) - 1)}
    return sum(1 for g in grams if g in topic) / len(grams) if grams else 0.0


def _pick_title(
    lines: list[Line], cands: list[int], body: Callable[[], str], fallback: int, *, banners: bool = True
) -> int:
    """The heading that shares most words with the body's opening; ``fallback`` when none shares any.

    ``banners=False``: a site's banner (``某某网_新闻``) never displaces ``fallback``, the heading right over
    the byline, however much of the body names the site (``【某某网】今年前五个月……``).
    """
    if len(cands) == 1:
        return fallback
    topic = body()
    if not topic:
        return fallback
    scores = [
        (topic_overlap(lines[c].probe, topic), -c)
        for c in cands
        if banners or c == fallback or not site_banner(lines[c])
    ]
    best = max(scores)
    # The heading in the usual place wins unless it is hardly about the body (a site or column name)
    # and another one clearly is more: a short sub-head sharing a word with the first paragraph does
    # not displace a title that talks about the body too.
    usual = topic_overlap(lines[fallback].probe, topic)
    if usual < _TITLE_MARGIN and best[0] >= usual + _TITLE_MARGIN:
        return -best[1]
    if usual == 0.0 and best[0] > 0.0 and spaced_slogan(lines[fallback]):
        return -best[1]  # an ad slogan slipped in over the byline (``注册即送 首充返利 官方直营``)
    return fallback


#: Three or more short runs between single spaces, no mark at all: ``注册即送88元 首充返利 官方直营``.
_SLOGAN = rules.lazy_regex(r"[^\s\W_]{2,8}(?: [^\s\W_]{2,8}){2,}")


def spaced_slogan(line: Line) -> bool:
    """A row of three or more short phrases between single spaces with no punctuation: an ad's slogan
    (``注册即送88元 首充返利 官方直营``), not a headline, which has at most one or two breaks or a mark.

    >>> spaced_slogan(rules.make_line(1, "注册即送88元 首充返利 官方直营"))
    True
    >>> spaced_slogan(rules.make_line(1, "国产新能源皮卡上市 续航达到400公里"))
    False
    """
    return line.size <= 40 and _SLOGAN.fullmatch(line.text) is not None


def _unrelated_short_line(line: Line, topic: Callable[[], str]) -> bool:
    """A short line after the title with nothing in common with the title or the body's opening:
    a widget or counter in words the phrase lists lack (``A+ A-``, ``扫码阅读``)."""
    if line.size > 20 or line.core or line.marks or line.text[:1] in "(（【[" or rules.byline_like(line):
        return False
    if _table_row(line) or _SECTION_HEAD.fullmatch(line.probe):
        return False
    if "|" in line.probe and rules.facts_row(rules.keyword_runs(line.probe, "|")[2]):
        return False  # ``北京 | 3-5年 | 本科``: a job's or a flat's facts
    han = rules._NON_HAN.sub("", line.probe)
    if not han:
        return line.size <= 10 and not _LATIN_WORD.search(line.probe)
    # Two or three Han characters may be an author's name under a poem, with the dynasty in brackets
    # after it (``李白〔唐代〕``): kept.
    han = rules._NON_HAN.sub("", _BRACKETED_PART.sub("", line.probe))
    return len(han) >= 4 and topic_overlap(line.probe, topic()) == 0.0


#: A sub-head naming a section of the page by what it holds (``商品介绍``, ``职位描述``, ``活动简介``), not
#: a button that opens one (``查看详情``, ``展开介绍``).
_SECTION_HEAD = rules.lazy_regex(
    r"(?!查看|点击|展开|收起|更多|阅读|进入|下载|立即)[\u4e00-\u9fff]{0,6}"
    r"(?:介绍|简介|描述|详情|说明|概述|概况|概要|简述|须知|要求|职责|特点|特色|亮点|流程|安排|背景|事项|摘要|导语|提要)"
)
_BRACKETED_PART = rules.lazy_regex(r"[(（〔\[【［〈《][^)）〕\]】］〉》]{1,10}[)）〕\]】］〉》]")


def _table_row(line: Line) -> bool:
    """Three or more cells split by spaces or tabs, two of them with a number: a row of the article's
    own table (``周三 雨夹雪 -1~4℃ 北风3级``), not a widget.

    >>> _table_row(rules.make_line(1, "周三 雨夹雪 -1~4℃ 北风3级"))
    True
    >>> _table_row(rules.make_line(1, "收录于合集 #人物 12个"))
    False

    Labels each followed by a bare number are a counter, not a row: ``关注者 237  被浏览 4326``.

    >>> _table_row(rules.make_line(1, "关注者 237  被浏览 4326"))
    False
    """
    cells = line.text.split()
    if len(cells) < 3 or sum(1 for c in cells if rules._DIGIT.search(c)) < 2:
        return False
    return not (len(cells) % 2 == 0 and all(_COUNT_CELL.fullmatch(c) for c in cells[1::2]))


_COUNT_CELL = rules.lazy_regex(r"[\d,.]+[万千kKwW+]*")


def _is_category_before_lead(line: Line, following: Line) -> bool:
    return (
        following.hard is not None
        and following.hard[0] == "summary-duplicate"
        and not line.marks
        and len(line.text) <= 16
    )


# --- footer ----------------------------------------------------------------------------------------


#: A price, a discount or a cut (``原价3999元``, ``¥59``, ``立减500元``, ``8折``).
_PRICE = rules.lazy_regex(r"\d+(?:\.\d+)?\s*(?:元|块)|[¥￥]\s*\d|立减|立省|\d(?:\.\d)?\s*折")
#: Pressure to buy now: only a seller writes so.
_URGENCY = rules.lazy_regex(
    r"名额有限|数量有限|库存有限|抢完即止|售完即止|欲购从速|先到先得|火热(?:报名|招生|销售|预订)|限时(?:特惠|优惠|抢购)"
    r"|赶快|赶紧|快来|速来|抢购|抢先"
)


def sales_pitch(line: Line) -> bool:
    """A paragraph that quotes a price and presses the reader to buy now (a pressing phrase or a closing
    ``！``): an ad pasted under the article, not its last paragraph, which reports prices calmly.

    >>> sales_pitch(rules.make_line(1, "限时特惠！原价399元现价199元，数量有限，赶快下单吧！"))
    True
    >>> sales_pitch(rules.make_line(1, "冲刺班报名立减500元，名额有限！"))
    True
    >>> sales_pitch(rules.make_line(1, "活动期间部分商品打8折，市民可前往选购。"))
    False
    """
    if not _PRICE.search(line.probe):
        return False
    return bool(_URGENCY.search(line.probe)) or line.text.rstrip().endswith(("！", "!"))


#: A label that opens a paragraph (``关于我们：``, ``求职提醒：``).
_OPENING_LABEL = rules.lazy_regex(r"[【\[]?([\u4e00-\u9fff]{2,6})[】\]]?\s*[:：]")
#: The site speaking of itself: ``本站``, ``本网站``, ``本平台``, ``关于我们``.
_SITE_SELF = rules.lazy_regex(r"本(?:站|网站|网(?!讯)|平台|公众号|号(?=[所发]))|关于我们|^联系我们")
#: The site's own name in a page's banner: a few Han characters ending in 网 or 在线 before a separator
#: (``茶语网-中国茶叶资讯平台``, ``才聘网_找工作``); not 站 or 台, which name stations and stages too.
_BANNER_NAME = rules.lazy_regex(r"^([\u4e00-\u9fff]{1,8}(?:网|在线))\s*[-_|｜—–·\s]")


def site_names(lines: list[Line], start: int) -> frozenset[str]:
    """The site's names its header lines give (before the body starts), when the body's prose does not
    name them itself (then the name is the article's subject, not the site speaking).

    >>> site_names([rules.make_line(1, "茶语网-中国茶叶资讯平台"), rules.make_line(2, "正文。")], 1)
    frozenset({'茶语网'})
    """
    names = {m.group(1) for line in lines[: min(start, 8)] if (m := _BANNER_NAME.match(line.probe))}
    if names:
        body = "".join(line.probe for line in lines[start:] if line.core and not line.label)
        names = {name for name in names if body.count(name) <= 1}
    return frozenset(names)


def site_paragraph(line: Line, names: frozenset[str]) -> bool:
    """A labelled paragraph in which the site speaks of itself (``关于我们：茶语网创办于…``,
    ``求职提醒：…本站对招聘信息…``): the site's about text or warning, not the article's last words,
    which may mention the site but do not open on a label and talk as it.

    >>> site_paragraph(rules.make_line(1, "关于我们：茶语网创办于2010年，是茶叶资讯平台。"), frozenset())
    True
    >>> site_paragraph(rules.make_line(1, "温馨提示：本站信息仅供参考，如遇收费请立即举报。"), frozenset())
    True
    >>> site_paragraph(rules.make_line(1, "本站将持续关注事件进展。"), frozenset())
    False
    >>> site_paragraph(rules.make_line(1, "专家提示：我们在夏天更要注意防晒，外出记得戴帽子。"), frozenset())
    False
    """
    if line.size < 20 or not _OPENING_LABEL.match(line.text):
        return False
    p = line.probe
    return bool(_SITE_SELF.search(p)) or any(name in p for name in names)


#: Lines of an author's blurb between the name and the follow button of a profile card.
_CARD_BIO_LINES, _CARD_BIO_SIZE, _CARD_HEADING = 2, 80, 8


def peel_author_card(lines: list[Line], start: int, end: int) -> int:
    """The body's new last index once the author's profile card at its end is peeled off: a bare name
    (under a short heading such as ``作者简介`` or not), one or two lines of blurb, then a follow button
    (``关注``) right after the body. Returns ``end`` unchanged when there is no such card.

    Why: the blurb is a sentence (``后端工程师，喜欢写代码。``), so it joined the body's run with the name
    over it; only the follow button under them tells a site's card from the article's last lines. A
    bio that ends an article without a button (``作者简介：某某，某大学教授。``) stays.

    >>> ml = rules.read_line
    >>> page = [ml(1, "能传参的不用全局，能局部的不放模块级。"), ml(2, "当然，配置和日志除外。"),
    ...         ml(3, "作者简介"), ml(4, "林小北"), ml(5, "后端工程师，喜欢写代码。"), ml(6, "关注")]
    >>> peel_author_card(page, 0, 4), page[3].soft
    (1, ('footer', 'author_card_after_body'))
    >>> page[5] = ml(6, "上一篇：谈谈单元测试")
    >>> peel_author_card(page, 0, 4)
    4
    """
    follow = end + 1
    if follow >= len(lines) or lines[follow].size > 8 or not _FOLLOW.fullmatch(lines[follow].probe):
        return end
    name = end
    while name > start and end - name < _CARD_BIO_LINES and lines[name].size <= _CARD_BIO_SIZE and (
        lines[name].core or lines[name].stops
    ):
        name -= 1
    card = lines[name]
    if name <= start or card.label or card.size > 12 or not _NAME_SHAPE.fullmatch(card.text):
        return end
    first = name
    head = lines[name - 1]
    if name - 1 > start and not head.core and not head.marks and head.size <= _CARD_HEADING and not head.hard:
        first = name - 1  # ``作者简介`` / ``关于作者`` over the name
    for k in range(first, end + 1):
        lines[k].soft = ("footer", "author_card_after_body")
    prev = first - 1
    while prev > start and not (lines[prev].core and not lines[prev].hard and not lines[prev].soft):
        prev -= 1
    return prev


def peel_site_paragraphs(lines: list[Line], start: int, end: int) -> int:
    """The body's new last index once the site's paragraphs at its end are peeled off: an ad pressing
    the reader to buy (:func:`sales_pitch`) or the site speaking of itself (:func:`site_paragraph`).

    Why: such a paragraph is prose, so it joins the body's run; only what it says tells it apart.
    At least one body paragraph before it always stays (never drop the article to save furniture).
    """
    if end - start < 1:
        return end
    names = site_names(lines, start)
    while end > start:
        line = lines[end]
        if not line.core or line.hard or line.soft:
            break
        if not (sales_pitch(line) or site_paragraph(line, names)):
            break
        line.soft = ("outside-body", "site_paragraph_at_body_edge")
        prev = end - 1
        while prev > start and not (lines[prev].core and not lines[prev].hard and not lines[prev].soft):
            prev -= 1
        end = prev
    return end


#: A button's word: what a reader does to the page or the post.
_BUTTON_WORD = rules.lazy_regex(
    r"(?:立即|一键)?(?:分享|收藏|纠错|举报|投递|沟通|打印|点赞|评论|转发|复制|下载|关注|投诉|申请)[\u4e00-\u9fff]{0,2}"
)
#: A lone prompt to tap: ``点击加载更多``, ``点击查看全文``.
_TAP_PROMPT = rules.lazy_regex(r"点击[\u4e00-\u9fff]{2,6}")


def button_row(line: Line) -> bool:
    """Two to five short words between spaces, most of them buttons (``分享 收藏 纠错``,
    ``立即投递 收藏职位``), or a lone tap prompt (``点击加载更多``): the page's buttons, however near the body
    they stand.

    >>> button_row(rules.make_line(1, "分享 收藏 纠错")), button_row(rules.make_line(1, "点击加载更多"))
    (True, True)
    >>> button_row(rules.make_line(1, "王明 李华 张伟")), button_row(rules.make_line(1, "分享快乐"))
    (False, False)
    """
    if line.size > 24 or line.marks or rules._DIGIT.search(line.text):
        return False
    cells = line.probe.split()
    if len(cells) == 1:
        return _TAP_PROMPT.fullmatch(cells[0]) is not None
    if not 2 <= len(cells) <= 5 or any(len(c) > 6 for c in cells):
        return False
    return 2 * sum(1 for c in cells if _BUTTON_WORD.fullmatch(c)) > len(cells)


def _unknown(line: Line) -> bool:
    return not line.label and not line.core and not line.disclaimer


def resolve_footer(
    lines: list[Line], start: int, end: int, decisions: list[tuple[str, str]], *, title: int = -1
) -> None:
    """Decide the lines after the body: furniture goes, block titles take their lists with them.

    A menu-, list- or contact-shaped line right after the body that talks about the body's subject
    (shares its words) is the article's last line and is kept.
    """
    cache: list[str] = []

    def topic() -> str:
        if not cache:
            cache.append(_topic_text(lines, start))
        return cache[0]

    in_block = in_tail = own_list = own_section = False
    n = len(lines)
    for i in range(end + 1, n):
        if i <= end:
            continue  # taken with the article's own closing lines
        line = lines[i]
        following = lines[i + 1] if i + 1 < n else None
        if i == end + 1 and (signed := _contacts_then_signature(lines, i)) > i:
            end = signed - 1  # ``联系电话：…`` / ``地址：…`` over the issuer and date: the notice's own
            continue
        if i == end + 1 and _signature(lines, i):
            end = i  # a notice's issuer and date: the document's own last lines
            continue
        if i == end + 1 and (last := _own_table(lines, i)) >= i:
            end = last  # ``未来九天天气预测：`` over rows of one shape: the article's own table
            continue
        if i == end + 1 and (last := _own_references(lines, i)) >= i:
            end = last  # ``相关链接：`` over ``《某某指南》``: documents the article cites
            continue
        if (i == end + 1 or in_tail) and rules.article_tail(line):
            in_tail = True  # the article's references: kept
            continue
        in_tail = False
        if keywords_after_body(lines, i):
            decisions[i] = ("footer", "keywords_after_body")
            continue
        if spam_keyword_row(line, lines[i - 1], topic):
            decisions[i] = ("spider-pool", "keyword_row_after_body")
            continue
        if (
            i <= end + _STAMP_REACH
            and _post_edit_stamp(line)
            and all(decisions[k] != _KEEP for k in range(end + 1, i))
        ):
            end = i  # ``编辑于 2024-03-11 · IP 属地浙江``: the post's own closing byline
            continue
        if i == end + 1 and _tag_row(lines, i, topic):
            decisions[i] = ("footer", "tag_row_after_body")
            continue
        if _profile_after_body(lines, i):
            decisions[i] = ("footer", "author_card_after_body")
            continue
        if _thread_reply(lines, i, end):
            in_block = False
            continue  # a reply in the thread the body opens, over its own floor stamp
        label = line.label
        if i == end + 1 and label and not line.hard:
            if _CLOSERS.fullmatch(line.text):
                continue  # a closing bracket right after the body is the article's own
            if label[0] == "contact" and own_list:
                end = i  # ``电话：…`` in the article's own list (``媒体联系`` / ``联系人：王女士``)
                continue
            if _contact_head(line, following):
                end, own_list = i, True  # ``联系方式：`` on its own line over the article's contacts
                continue
            if (
                label[0] in _RESCUABLE
                and not _home_first(line)
                and topic_overlap(line.probe, topic()) >= _RESCUE_OVERLAP
            ):
                end += 1  # a list or address about the article's own subject: its last line
                own_list = own_list or label[0] == "contact"  # its phone on the next line goes with it
                continue
        if label:
            if label[0] == "furniture":
                label = ("related-block", "block_title")
            decisions[i] = label
            in_block = label[0] == "related-block"
            continue
        if title >= 0 and _title_copy(line, lines[title]):
            decisions[i] = ("footer", "page_title_copy")
            continue
        if line.core or line.disclaimer:
            decisions[i] = ("outside-body", "prose_after_body")
            in_block = False
            continue
        if in_block:
            decisions[i] = ("related-block", "block_item")
            continue
        if i == end + 1 and _unstopped_sentence(line):
            end = i  # a sentence that lost its full stop: still the article
            continue
        next_unknown = following is not None and _unknown(following)
        if i == end + 1 and _OUTLINE.match(line.text):
            end = i  # ``二、要点``, ``1. …``: the article's outline goes on
            continue
        if _staff_credit(line):
            decisions[i] = ("footer", "staff_credit_after_body")
            continue
        if i == end + 1 and (_bracketed(line.text) or _END_MARK.fullmatch(line.probe)):
            end = i  # ``（记者 某某）``, ``（完）``, ``完``: the article's closing notes, however many
            own_section = bool(_SECTION_BRACKET.fullmatch(line.text))
            continue
        if i == end + 1 and own_section and line.size <= 40:
            end = i  # ``time capsule 时间胶囊`` under the article's own ``【词汇】``
            continue
        if i == end + 1 and _source_credit(line):
            decisions[i] = ("footer", "source_credit_after_body")
            continue
        if i == end + 1 and _named_contact_head(line, following, lines[i + 2 : i + 3]):
            end, own_list = i + 1, True  # ``媒体联系：`` / a name / ``电话：…``: the release's own
            continue
        if i == end + 1 and (_field_line(line) or _list_head(line, following, lines[i + 2 : i + 3])):
            end, own_list = i, True  # ``工作地址：…``, ``费用参考`` over fields: the article's own list
            continue
        if i == end + 1 and next_unknown and following is not None and _closing_note(following):
            end = i  # ``香港中学列表`` over ``【完】`` or the editors' credit: the article's last line
            continue
        if i == end + 1 and next_unknown and following is not None and _unstopped_sentence(following):
            end = i  # a sub-head over a sentence that lost its full stop
            continue
        # A short line over a list of short titles (found by :func:`trim_title_list`) or of files to
        # download (``附件：`` over ``报名表.docx``) is its block title.
        heads_list = following is not None and (
            following.soft == _TITLE_LIST or following.soft == _ATTACHMENT_ITEM
        )
        if button_row(line):
            decisions[i] = ("widget", "button_row_after_body")
            continue
        if i == end + 1 and not next_unknown and not heads_list:
            continue  # a lone short line right after the body: its last words (when unsure, keep)
        if heads_list:
            decisions[i] = ("related-block", "block_title")
            in_block = True
        elif next_unknown:
            decisions[i] = ("related-block", "run_of_short_lines")
            in_block = True
        else:
            decisions[i] = ("footer", "short_line_after_body")


#: A site's home link opening a menu: ``首页``, ``网站首页``, ``返回首页``, ``Home``.
_HOME_ITEM = rules.lazy_regex(r"(?:网站|返回|回到)?(?:首页|主页)(?![\u4e00-\u9fff])|home\b")


def _home_first(line: Line) -> bool:
    """A menu whose first item is the site's home page: the site's own bar, whatever its other items.

    Why: an article about a site's redesign names its new sections (``“政务公开”“办事服务”``); the
    site's bar under it shared those words and was kept as the article's last line.

    >>> _home_first(rules.read_line(1, "网站首页 | 政务公开 | 办事服务"))
    True
    >>> _home_first(rules.read_line(1, "首页设计 | 栏目调整 | 办事服务"))
    False
    """
    return _HOME_ITEM.match(line.probe) is not None


def _profile_after_body(lines: list[Line], i: int) -> bool:
    """A bare name with a follow button right under it, after the body: the author's profile card
    (``码农小吴`` / ``关注``), not the article's last words.

    >>> ml = rules.read_line
    >>> _profile_after_body([ml(1, "码农小吴"), ml(2, "+ 关注")], 0)
    True
    >>> _profile_after_body([ml(1, "市林业局"), ml(2, "2023年2月20日")], 0)  # a notice's signature
    False
    """
    following = lines[i + 1] if i + 1 < len(lines) else None
    return (
        following is not None
        and following.size <= 8
        and lines[i].size <= 12
        and not lines[i].label
        and _FOLLOW.fullmatch(following.probe) is not None
        and _NAME_SHAPE.fullmatch(lines[i].text) is not None
    )


def _floor_stamp(line: Line | None) -> bool:
    """A post stamp with a floor number (``2楼 2024-12-01 19:45``)."""
    return line is not None and line.hard == ("forum-profile", "forum_post_stamp") and "楼" in line.text


def _thread_reply(lines: list[Line], i: int, end: int) -> bool:
    """Line ``i`` after the body is a reply of the same thread: a sentence right over a floor stamp, when
    the body itself ends on one (a thread's first post, then ``2楼 …``; a story's comment section
    starts with a block title instead).

    >>> ml = rules.read_line
    >>> page = [ml(1, "冬天钓鲫鱼用红虫最好，窝子少打。"), ml(2, "2楼 2024-12-01 19:45"), ml(3, "老张"),
    ...         ml(4, "谢谢，周末试试"), ml(5, "3楼 2024-12-01 20:03")]
    >>> _thread_reply(page, 3, 0)
    True
    >>> page[1] = ml(2, "网友评论")
    >>> _thread_reply(page, 3, 0)
    False
    """
    line = lines[i]
    if line.label or not line.marks or line.size > 300 or end + 1 >= len(lines):
        return False
    return _floor_stamp(lines[end + 1]) and i + 1 < len(lines) and _floor_stamp(lines[i + 1])


_KEYWORDS = rules.lazy_regex(r"(?:本文|文章|本页)?(?:关键词|关键字|关 键 词|key\s*words?)\s*[:：]\s*\S")


def keywords_after_body(lines: list[Line], i: int) -> bool:
    """A ``关键词：甲，乙，丙`` line after a story's body: the site's tags. Under a paper's abstract (the
    line above, or the one above that, opens with ``摘要：``) it is the paper's own and is kept.

    >>> ml = rules.read_line
    >>> keywords_after_body([ml(1, "候鸟在浅滩觅食。"), ml(2, "关键词：候鸟，湿地")], 1)
    True
    >>> keywords_after_body([ml(1, "摘要：本文研究了候鸟。"), ml(2, "关键词：候鸟；湿地")], 1)
    False
    """
    line = lines[i]
    if line.size > 80 or line.stops or not _KEYWORDS.match(line.probe):
        return False
    return not any(_abstract_line(lines[k]) for k in range(max(0, i - 2), i))


#: A keyword row's runs: six or more, each at most this long, most of them longer than a name.
_ROW_MIN_RUNS, _ROW_MAX_RUN, _ROW_NAME = 6, 10, 3
#: ... or four joined by ``_``, which no sentence uses (an SEO title's separator).
_ROW_MIN_JOINED = 4


def spam_keyword_row(line: Line, previous: Line, topic: Callable[[], str]) -> bool:
    """After the body, six or more short keyword runs between spaces, ``、``, ``,`` or ``|`` with no
    sentence mark and no label, most longer than a name, and not about the body: a spider pool's row of
    spam keywords (``代办护照 代办签证 移民咨询 …``). A list of names (``张伟 李娜 王芳 …``), a list under a
    lead-in colon, glossed words (``椅子（イス） 蒲団（フトン） …``) or keywords about the article's own
    subject stay.

    >>> ml = rules.make_line
    >>> body = "暑假里，孩子可以多读书、多运动。"
    >>> row = ml(2, "少儿英语 少儿编程 钢琴培训 美术培训 舞蹈培训 奥数培训")
    >>> spam_keyword_row(row, ml(1, body), lambda: body)
    True
    >>> spam_keyword_row(ml(2, "张伟 李娜 王芳 刘洋 陈静 杨帆"), ml(1, body), lambda: body)
    False
    >>> spam_keyword_row(row, ml(1, "开设课程："), lambda: body)
    False

    Runs joined by ``_`` (no prose writes it) need only four: ``低价代开发票_正规发票代开_全国可查_微信同号``.

    >>> spam_keyword_row(ml(2, "低价代开发票_正规发票代开_全国可查_微信同号"), ml(1, body), lambda: body)
    True

    Groups each with its own joiner (:func:`~cleantext.strip_rules.mixed_keyword_runs`) count as one row:

    >>> mixed = ml(2, "代开发票_代办护照_移民咨询_签证加急 少儿编程、钢琴培训、美术培训、舞蹈培训、书法培训")
    >>> spam_keyword_row(mixed, ml(1, body), lambda: body)
    True
    """
    if line.label or line.stops or line.marks > line.size // 3 or line.size > 200 or line.size < 16:
        return False
    p = line.probe
    if rules._LABEL_COLON.match(p) or previous.text.rstrip().endswith((":", "：")):
        return False
    sep, n, runs = rules.keyword_runs(p, " 、,|_")
    least = _ROW_MIN_JOINED if sep == "_" else _ROW_MIN_RUNS
    if not sep or n < least or max(map(len, runs)) > _ROW_MAX_RUN:
        # groups with a joiner each: ``甲_乙_丙 丁、戊、己``
        runs = rules.mixed_keyword_runs(p, _ROW_MIN_RUNS)
        n = len(runs)
        if not runs:
            return False
    if sum(1 for r in runs if rules._ANY_HAN.search(r)) < 0.8 * n or not all(r.isalnum() for r in runs):
        return False  # (a bracket or a symbol in a run: glossed words, ``椅子（イス）``, not bare keywords)
    if 2 * sum(1 for r in runs if len(r) > _ROW_NAME) < n:
        return False
    return topic_overlap(p, topic()) < _RESCUE_OVERLAP


#: How far after the body a post's edit stamp may stand (past a hashtag line, say).
_STAMP_REACH = 3
_EDIT_STAMP = rules.lazy_regex(
    r"(?:编辑|发布|发表|更新|修改|写)于\s*(?:\d{1,4}\s*[-/.年月]\s*\d{1,2}|\d+\s*(?:分钟|小时|天)前|昨天|今天|前天)"
    r"|.*ip\s*属地"
)


def _post_edit_stamp(line: Line) -> bool:
    """A post's closing stamp: ``编辑于 2024-03-11 21:08``, ``发布于 10-12 浙江``, ``… IP 属地浙江``.
    (``本页最后编辑于…``, a page's stamp, is labelled by :func:`cleantext.strip_rules.page_stamp`.)

    >>> _post_edit_stamp(rules.make_line(1, "编辑于 2024-03-11 21:08・IP 属地浙江"))
    True
    >>> _post_edit_stamp(rules.make_line(1, "编辑于去年冬天的一篇旧稿"))
    False
    """
    return line.size <= 40 and not line.stops and not line.hard and _EDIT_STAMP.match(line.probe) is not None


_TAG_WORD = rules.lazy_regex(r"[\u4e00-\u9fff]{2,6}")
_TAG_MIN = 3


def _tag_row(lines: list[Line], i: int, topic: Callable[[], str]) -> bool:
    """Three or more bare words between spaces, each found in the body, right after a body that ends
    with a full stop: the story's tags (``咖啡 超商 涨价``). A body without full stops (lyrics, verse)
    may end in such a row of its own.

    >>> ml = rules.read_line
    >>> page = [ml(1, "超商咖啡涨价，超商说成本上升。"), ml(2, "咖啡 超商 涨价")]
    >>> _tag_row(page, 1, lambda: page[0].text)
    True
    >>> _tag_row(page, 1, lambda: "别的话题。")
    False
    """
    line = lines[i]
    if i == 0 or line.size > 40 or line.marks or line.label or " " not in line.text:
        return False
    if not lines[i - 1].text.endswith(("。", "！", "？", "”", "」")):
        return False
    words = line.text.split()
    if len(words) < _TAG_MIN or len(set(words)) < len(words):
        return False
    if not all(_TAG_WORD.fullmatch(w) for w in words):
        return False
    text = topic()
    return all(rules.fold_traditional(w) in text for w in words)


_CELL_SPLIT = rules.lazy_regex(r"\s*[|｜\t]\s*|\s+")
_TABLE_WORD_CELL = 8
_LABEL_CELL = rules.lazy_regex(r"[\u4e00-\u9fff][:：]")
#: How a site's block title opens: ``相关股票``, ``热门车型``, ``推荐商品``, ``更多…``, ``最新…``.
_WIDGET_HEAD = rules.lazy_regex(r"相关|热门|推荐|更多|最新|猜你|大家")
_TABLE_ROWS = 3


def _row_shape(line: Line) -> str:
    """The shape of a row of the article's own table (``""`` when the line is none): its cells as ``N``
    (with a digit) and ``W`` (words), runs of one kind as one. A row holds a number that is neither a
    date nor a rank at its start, and no word cell longer than a table's (a headline is no cell).

    >>> _row_shape(rules.make_line(1, "西红柿 | 云南 | 3.5 | 4.2")), _row_shape(rules.make_line(1, "手表 ×1"))
    ('WN', 'WN')
    >>> _row_shape(rules.make_line(1, "1 南城今冬供暖时间确定"))  # a rank and a headline
    ''
    >>> _row_shape(rules.make_line(1, "城东夜市开张 2024-05-01"))  # a headline and its date
    ''
    """
    if line.core or line.hard or line.stops or line.size > 60 or (line.soft and line.soft[0] != "nav"):
        return ""
    cells = [c for c in _CELL_SPLIT.split(line.probe) if c]
    if any(_LABEL_CELL.search(c) for c in cells):
        return ""  # ``新闻热线:010-…``: a labelled field, no table's cell
    if len(cells) < 2:
        return ""
    kinds = []
    counted = False
    for k, cell in enumerate(cells):
        if rules._DIGIT.search(cell):
            kinds.append("N")
            if not rules._DATE.search(cell) and not (k == 0 and rules._BARE_NUMBER.fullmatch(cell)):
                counted = True
        elif len(cell) > _TABLE_WORD_CELL:
            return ""
        else:
            kinds.append("W")
    if not counted:
        return ""
    return "".join(k for n, k in enumerate(kinds) if n == 0 or kinds[n - 1] != k)


def _own_table(lines: list[Line], i: int) -> int:
    """The last row of the article's own table starting at line ``i`` (right after the body), ``-1`` when
    there is none: three or more rows of one :func:`_row_shape` in a row, or two under a head (a
    lead-in ending with a colon, a short sub-head, or a header row: ``品种 | 产地 | 最低价``).

    >>> ml = rules.read_line
    >>> page = [ml(1, "包装清单"), ml(2, "手表 ×1"), ml(3, "充电线 ×1"), ml(4, "客服热线")]
    >>> _own_table(page, 0)
    2
    >>> _own_table([ml(1, "热门点击"), ml(2, "1 城北新添幼儿园"), ml(3, "2 周末多云转晴")], 0)
    -1
    """
    head = lines[i]
    first = i
    if not _row_shape(head):
        if head.hard or head.stops or head.size > 30 or (head.marks and not head.text.endswith((":", "："))):
            return -1
        if _WIDGET_HEAD.match(head.probe) or _related_heading(head):
            return -1  # ``相关股票`` over quotes: the site's widget, not the article's table
        first = i + 1
    shape = _row_shape(lines[first]) if first < len(lines) else ""
    if not shape:
        return -1
    j = first
    while j + 1 < len(lines) and _row_shape(lines[j + 1]) == shape:
        j += 1
    return j if j - first + 1 >= (2 if first > i else _TABLE_ROWS) else -1


_CITED = rules.lazy_regex(r".*《[^》]{2,30}》.*|.*(?:https?://|www\.)\S+.*")
_CITED_MAX = 3


def _own_references(lines: list[Line], i: int) -> int:
    """The last of the documents the article cites under a lead-in right after the body (``相关链接：`` /
    ``国家卫健委《高温中暑防治指南》``), ``-1`` when there is none: a short label ending with a colon, then
    one to three lines naming a document in 《》 or a web address. A related list of headlines does not.

    >>> ml = rules.read_line
    >>> _own_references([ml(1, "相关链接："), ml(2, "国家卫健委《高温中暑防治指南》")], 0)
    1
    >>> _own_references([ml(1, "相关链接："), ml(2, "空调病是怎么回事")], 0)
    -1
    """
    head = lines[i]
    if head.size > 12 or not head.text.endswith((":", "：")) or head.marks > 1:
        return -1
    j = i
    while j + 1 < len(lines) and j - i < _CITED_MAX:
        nxt = lines[j + 1]
        if nxt.core or nxt.stops or nxt.size > 50 or not _CITED.fullmatch(nxt.text):
            break
        j += 1
    return j if j > i else -1


_ATTACHMENT_ITEM = ("widget", "attachment_link")
_SITE_SEPARATOR = rules.lazy_regex(r"[_|｜\-–—]")
#: ``_site``, ``|site``, `` - site``: a dash only with spaces round it (``标题——这是好事`` is a sentence).
_SITE_SUFFIX = rules.lazy_regex(
    r"(?:\s*[_|｜]\s*|\s+[-–—]\s+)[^\s_|｜。，！？,.!?]{2,20}"
    r"(?:(?:\s*[_|｜]\s*|\s+[-–—]\s+)[^\s_|｜。，！？,.!?]{2,20})?"
)


def _title_copy(line: Line, title: Line) -> bool:
    """The page's ``<title>`` under the body: the article's title, ``_`` or ``-``, the site's name.

    >>> from cleantext.strip_rules import make_line as ml
    >>> _title_copy(ml(9, "早稻收购价格上涨_农业信息网"), ml(1, "早稻收购价格上涨"))
    True
    >>> _title_copy(ml(9, "早稻收购价格上涨的原因"), ml(1, "早稻收购价格上涨"))
    False
    >>> _title_copy(ml(9, "早稻收购价格上涨 - 农业信息网"), ml(1, "早稻收购价格上涨"))
    True
    >>> _title_copy(ml(9, "早稻收购价格上涨——这是好事"), ml(1, "早稻收购价格上涨"))
    False
    """
    if line.size <= title.size or not _SITE_SEPARATOR.search(line.text):
        return False
    head = title.probe
    return (
        len(head) >= 4
        and line.size <= len(head) + 42
        and line.probe.startswith(head)
        and bool(_SITE_SUFFIX.fullmatch(line.probe, len(head)))
    )


_BARE_LABEL = rules.lazy_regex(r"[^:：\s，,。]{2,8}[:：]")


def _contact_head(line: Line, following: Line | None) -> bool:
    """A bare label with a colon and nothing after it (``联系方式：``) over a contact or field line: the
    article's own contact block, as a company's or a notice's (a site footer writes its contacts on
    the label's line, or after other furniture).

    >>> make = rules.read_line
    >>> _contact_head(make(1, "联系方式："), make(2, "电话：0571-88886666"))
    True
    >>> _contact_head(make(1, "联系我们"), make(2, "电话：0571-88886666"))
    False
    """
    if following is None or line.hard or not _BARE_LABEL.fullmatch(line.text):
        return False
    label = following.label
    return (label is not None and label[0] == "contact") or _field_line(following)


#: A person's bare name on a line of its own, with a courtesy title or not: ``周倩``, ``王先生``.
_BARE_NAME = rules.lazy_regex(r"[\u4e00-\u9fff]{2,3}(?:\s*(?:先生|女士|小姐|老师|经理))?")


def _named_contact_head(line: Line, following: Line | None, after: list[Line]) -> bool:
    """A bare label with a colon (``媒体联系：``) over a person's bare name over a contact or field line:
    the article's own contact block, as a press release's, name and all.

    Why: a release closes with whom the press should call; the bare name made the block a run of short
    lines, and the phone and mail under it went with it.

    >>> make = rules.read_line
    >>> _named_contact_head(make(1, "媒体联系："), make(2, "周倩"), [make(3, "电话：0755-26881234")])
    True
    >>> _named_contact_head(make(1, "热门推荐："), make(2, "周倩"), [make(3, "春季赏花好去处")])
    False
    """
    if following is None or not after or line.hard or following.label or following.core:
        return False
    if not _BARE_LABEL.fullmatch(line.text) or not _BARE_NAME.fullmatch(following.text):
        return False
    label = after[0].label
    return (label is not None and label[0] == "contact") or _field_line(after[0])


#: A date on a line of its own: ``2023年2月20日``, ``二〇二三年二月二十日``, ``2023-02-20``.
_DATE_LINE = rules.lazy_regex(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九?]{4}年[一二三四五六七八九十]{1,2}月"
    r"[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
)


#: An author's signature after a dash: ``——林深``, ``—— 阿May``, ``-- 编者``.
_SIGNED = rules.lazy_regex(r"(?:——|—|--|－－)\s*[^\s，,。：:；;！!？?]{1,12}")
#: The date and place of writing: ``2023年5月于南京``, ``写于2023年秋``, ``一九九八年冬于北京``.
_PLACED_DATE = rules.lazy_regex(
    r"(?:写|作|记|寫|記)?(?:于|於)?\s*(?:\d{4}|[〇○零一二三四五六七八九?]{4})\s*年\s*"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|[春夏秋冬]天?)"
    r"\s*(?:(?:于|於|写于|寫於|夜|晨|凌晨)\s*[\u4e00-\u9fff]{0,8})?"
)
#: A letter's closing formula (``此致`` / ``敬礼``, or both on one line).
_LETTER_CLOSE = rules.lazy_regex(r"此致|敬礼[!！]?|此致\s*敬礼[!！]?")


def _signature(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` (right after the body) opens a signature: a date, or a short name over one.

    >>> _signature([rules.make_line(1, "市林业局"), rules.make_line(2, "2023年2月20日")], 0)
    True
    >>> _signature([rules.make_line(1, "相关阅读"), rules.make_line(2, "马拉松报名火热进行中")], 0)
    False

    An author's dash signature (``——林深``), a date with the place of writing (``2023年5月于南京``)
    and a letter's closing (``此致`` / ``敬礼`` over the date) are the article's own last lines too.

    >>> ml = rules.make_line
    >>> _signature([ml(1, "——林深")], 0), _signature([ml(1, "2023年5月于南京")], 0)
    (True, True)
    >>> _signature([ml(1, "此致"), ml(2, "敬礼"), ml(3, "二〇一四年七月一日")], 0)
    True
    >>> _signature([ml(1, "——更多精彩，请关注我们")], 0), _signature([ml(1, "于是"), ml(2, "完")], 0)
    (False, False)
    """
    line = lines[i]
    if line.hard:
        return False
    if _DATE_LINE.fullmatch(line.text) or _SIGNED.fullmatch(line.text) or _PLACED_DATE.fullmatch(line.text):
        return True
    following = lines[i + 1] if i + 1 < len(lines) else None
    if _LETTER_CLOSE.fullmatch(line.probe):
        return following is not None and (
            _LETTER_CLOSE.fullmatch(following.probe) is not None or _signature(lines, i + 1)
        )
    return (
        following is not None
        and not following.hard
        and _DATE_LINE.fullmatch(following.text) is not None
        and line.size <= 30
        and not line.stops
        and _HAN_START.search(line.text) is not None
        and not line.label
    )


_SIGNED_CONTACTS = 4


def _contacts_then_signature(lines: list[Line], i: int) -> int:
    """Where a notice's signature starts when up to four contact or field lines right after the body lead
    to it (``联系电话：…`` / ``公司地址：…`` / ``某某公司`` / ``2024年5月6日``); ``i`` when they do not.

    >>> ml = rules.read_line
    >>> page = [ml(1, "联系电话：0756-3361234"), ml(2, "某某拍卖有限公司"), ml(3, "2024年5月6日")]
    >>> _contacts_then_signature(page, 0)
    1
    >>> _contacts_then_signature([ml(1, "联系电话：0756-3361234"), ml(2, "Copyright 2024")], 0)
    0
    """
    j = i
    while j < len(lines) and j - i < _SIGNED_CONTACTS and not lines[j].hard and (
        (lines[j].soft is not None and lines[j].soft[0] == "contact") or _field_line(lines[j])
    ):
        j += 1
    return j if i < j < len(lines) and _signature(lines, j) else i


#: The label of the line naming where a story came from (``来源：某某法院``, ``本文转自：某某``).
_SOURCE_LABEL = rules.lazy_regex(
    r"(?:信息|文章|本文|稿件|新闻|内容)?(?:来源|稿源|出处)\s*[:：]|(?:本文)?转(?:载)?自\s*[:：]"
)


def _source_credit(line: Line) -> bool:
    """A bare ``来源：某某`` line right after the body: the site's source field, not the article's text
    (a credit the paper wrote into the article stands in brackets, ``（来源：某某）``, and is kept).

    >>> _source_credit(rules.make_line(1, "来源：清河区人民法院"))
    True
    >>> _source_credit(rules.make_line(1, "（文章来源：财经在线）"))
    False
    >>> _source_credit(rules.make_line(1, "来源：本报记者在现场采访所得，数据经过核实。"))
    False
    """
    return line.size <= 40 and not line.stops and _SOURCE_LABEL.match(line.probe) is not None


_MIN_SENTENCE = 12
#: An outline marker opening a sub-head or list item: ``二、``, ``（三）``, ``1.``, ``2、``.
_OUTLINE = rules.lazy_regex(
    r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d))\s*\S"
)


def _unstopped_sentence(line: Line) -> bool:
    """An unlabelled line that reads as a sentence without its full stop: a comma or enumeration
    mark inside, mostly Han, not a label-colon field.

    >>> _unstopped_sentence(rules.make_line(1, "总的来看，这一问题仍有讨论的余地"))
    True
    >>> _unstopped_sentence(rules.make_line(1, "热门文章 · 图片新闻"))
    False
    """
    if line.label or line.core or line.disclaimer or line.wide < _MIN_SENTENCE or line.size > 200:
        return False
    text = line.text
    return (
        bool(_SENTENCE_COMMA.search(text))
        and not rules._LABEL_COLON.match(text)
        and line.wide >= 0.8 * line.size
    )


_SENTENCE_COMMA = rules.lazy_regex(r"[\u4e00-\u9fff][，,、；;][\u4e00-\u9fff“]")


#: An editorial role of the site's staff (not the story's reporter or author, who sign the article).
_STAFF_ROLE = (
    r"(?:责任|值班|执行|网络|实习)?(?:编辑|主编)|责编|美编|编审|审核|审校|审定|初审|复审|终审|[一二三]审"
    r"|稽核|校对|签发|监制|排版|制作"
)
#: Role and name pairs, each name two to four Han characters, maybe after a colon:
#: ``编辑 葛清 审核 谷舟``, ``校对：张三 终审：李四``.
_STAFF_CREDIT = rules.lazy_regex(
    rf"(?:(?:{_STAFF_ROLE})(?:\s*[:：]\s*|\s+)[\u4e00-\u9fff·]{{2,5}}\s*[,，;；、/|]?\s*){{1,4}}"
)


def _staff_credit(line: Line) -> bool:
    """The site's staff credit after the body: role and name pairs in brackets (``（编辑 葛清 审核 谷舟）``,
    ``（责任编辑：王明）``) or two pairs or more without (``校对：张三 终审：李四``). Why: the page
    credits its editors and checkers, not the story; a reporter's credit (``（记者 王敏）``) stays.

    >>> _staff_credit(rules.make_line(1, "（编辑 葛清 审核 谷舟）"))
    True
    >>> _staff_credit(rules.make_line(1, "校对：张三 终审：李四"))
    True
    >>> _staff_credit(rules.make_line(1, "（记者 王敏）"))
    False
    >>> _staff_credit(rules.make_line(1, "（审核通过）"))
    False
    """
    text = line.text
    if line.size > 40 or line.stops or not _STAFF_HINT.search(text):
        return False
    inner = text[1:-1].strip() if _bracketed(text) else ""
    if inner:
        return _STAFF_CREDIT.fullmatch(inner) is not None
    m = _STAFF_CREDIT.fullmatch(text)
    return m is not None and len(_STAFF_ROLE_RE.findall(text)) >= 2


_STAFF_HINT = rules.lazy_regex(r"编|审|稽核|校|签发|监制|排版|制作")
_STAFF_ROLE_RE = rules.lazy_regex(_STAFF_ROLE)


def _closing_note(line: Line) -> bool:
    """A line that closes an article: an end mark (``（完）``, ``-完-``), a bracketed note or the staff
    credit. Why: a short line right over one is the article's last line (``香港中学列表`` / ``【完】``),
    not the title of a list of short lines.

    >>> _closing_note(rules.make_line(1, "【完】"))
    True
    >>> _closing_note(rules.make_line(1, "（编辑 葛清 审核 谷舟）"))
    True
    >>> _closing_note(rules.make_line(1, "1. 基本公正原则"))
    False
    """
    return _bracketed(line.text) or _END_MARK.fullmatch(line.probe) is not None or _staff_credit(line)


def _bracketed(text: str) -> bool:
    return text[:1] in "(（【[" and text[-1:] in ")）】]"


#: A bare end mark on its own line (``完``, ``-完-``, ``全文完``, ``END``): the article's last line.
_END_MARK = rules.lazy_regex(r"[-—–=*\s]*(?:全文)?(?:完|终|end)[-—–=*\s]*")

#: A section heading of the article in black brackets with no colon (``【词汇】``, ``【知识链接】``): an
#: unlabelled one right after the body opens the article's own glossary or notes.
_SECTION_BRACKET = rules.lazy_regex(r"【[\u4e00-\u9fff]{2,6}】")


#: ``label：value``: a short label (no space, no comma), a colon, then something.
_FIELD = rules.lazy_regex(r"([^:：\s，,。；;]{1,8})[:：]\s*\S")
_LEAD_IN_WORDS = rules.lazy_regex(r"如下|以下|下列|包括")


def _field_line(line: Line | None) -> bool:
    """An unlabelled ``label：value`` line that is not prose: a field of the article's own list.

    A label over a run of short link words (``热门城市：北京 上海 广州 深圳``) is not one.

    >>> _field_line(rules.make_line(1, "工作地址：北京市海淀区中关村软件园"))
    True
    >>> _field_line(rules.make_line(1, "热门城市：北京 上海 广州 深圳"))
    False
    >>> _field_line(rules.make_line(1, "https://example.com/a"))
    False
    """
    if line is None or line.label or line.core or line.disclaimer or line.size > 80:
        return False
    m = _FIELD.match(line.text)
    if not m or not _HAN_START.search(m.group(1)):
        return False
    items = line.text[m.end() - 1 :].split()
    return not (len(items) >= 4 and max(map(len, items)) <= 8)


def _list_head(line: Line, following: Line | None, after: list[Line]) -> bool:
    """A short line that opens the article's own list: a lead-in ending with a colon over a field or
    an outline item (``获奖名单如下：``), or a sub-head over two fields (``规格参数`` / ``容量：4L``).

    >>> make = rules.make_line
    >>> _list_head(make(1, "费用参考"), make(2, "住宿：约1200元"), [make(3, "交通：约600元")])
    True
    >>> _list_head(make(1, "大家还在看"), make(2, "城东夜市开张"), [make(3, "春季赏花指南")])
    False
    """
    if following is None or line.label or line.core or line.size > 40:
        return False
    listed = _field_line(following) or bool(_OUTLINE.match(following.text))
    if line.text.endswith((":", "：")):
        return listed or (_LEAD_IN_WORDS.search(line.text) is not None and not following.label)
    if line.marks or line.size > 20 or not _field_line(following):
        return False
    return not after or _field_line(after[0]) or after[0].label is not None or after[0].core


# --- result ----------------------------------------------------------------------------------------


def _record(cls: type[_R], **fields: object) -> _R:
    """``cls(**fields)`` for the frozen dataclasses of :mod:`cleantext.result`, without the
    ``object.__setattr__`` call per field their ``__init__`` pays (the same object: equal, hashable,
    picklable; every field must be given).

    >>> _record(Removed, line_no=1, text="推荐图文", label="related-block", rule="block_title") == Removed(
    ...     1, "推荐图文", "related-block", "block_title")
    True
    """
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record


def _assemble(lines: list[Line], decisions: list[tuple[str, str]], title: int, byline: int) -> Article:
    kept: list[str] = []
    paragraphs: list[str] = []
    removed: list[Removed] = []
    for i, (line, decision) in enumerate(zip(lines, decisions, strict=True)):
        if line.cut:
            removed.append(
                _record(
                    Removed,
                    line_no=line.no,
                    text=line.cut,
                    label="summary-duplicate",
                    rule="summary_glued_to_paragraph",
                )
            )
        if decision is _KEEP or decision[0] == "keep":
            kept.append(line.text)
            if i != title and i != byline:
                paragraphs.append(line.text)
        else:
            label, rule = decision
            removed.append(_record(Removed, line_no=line.no, text=line.text, label=label, rule=rule))
    steps = _steps(removed)
    warnings: tuple[str, ...] = ()
    if not kept and removed:
        warnings = (f"strip: no article found; all {len(removed)} lines look like page furniture",)
    return _record(
        Article,
        text=layout(kept),
        title=lines[title].text if title >= 0 and decisions[title] is _KEEP else "",
        byline=lines[byline].text if byline >= 0 and decisions[byline] is _KEEP else "",
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        steps=steps,
        warnings=warnings,
    )


def _steps(removed: list[Removed]) -> tuple[Step, ...]:
    """One step per label: how many lines it dropped and the first of them as the example."""
    first: dict[str, Removed] = {}
    counts: dict[str, int] = {}
    for r in removed:
        if r.label in counts:
            counts[r.label] += 1
        else:
            first[r.label] = r
            counts[r.label] = 1
    return tuple(
        _record(
            Step,
            stage=STAGE,
            name=f"drop_{label}",
            count=count,
            before=_short(first[label].text),
            after="",
            lost=0,
            detail=first[label].rule,
        )
        for label, count in counts.items()
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
