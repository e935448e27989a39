"""Remove debris that carries no recoverable text, and count it as lost.

Runs last: private-use characters may be GBK restart residue that the GBK fix turns back into text,
and ``?`` lines must survive until the other fixes have had their chance.

- ``锟斤拷`` is two U+FFFD written as UTF-8 and read as GBK (EF BF BD EF BF BD); ``錕斤拷`` is the
  same after a Traditional conversion. ``烫烫烫`` (0xCC…) and ``屯屯屯`` (0xCD…) are uninitialised
  memory of MSVC debug builds read as GBK; two of them can be a real word (``热烫烫``), so a run of
  three or more is required.
- U+FFFD, private-use characters, C0/C1 control characters other than tab, newline and carriage return.
- Zero-width spaces, word joiners and byte order marks inside the text (they hide no character); joiners,
  direction marks and soft hyphens next to CJK text.
- Lines holding nothing but ``?``: a character the site could not show.
- Unreadable lines: mojibake too lossy to decode (UTF-8 read as Big5 loses over half its bytes to
  ``?``), or bytes read in the wrong encoding with every bad sequence replaced (``�о���Ա``). What is
  left between the holes is no text, and removing characters one by one would leave fragments that look
  like text (``蝛嗡犖∟蕭``): the whole line goes, counted as lost. Runs first, while U+FFFD still marks
  the holes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleantext.result import Step

#: Runs of 锟斤拷 (an odd count of U+FFFD leaves a trailing 锟).
KUNJINKAO = re.compile(r"(?:[锟錕]斤拷)+[锟錕]?")
#: MSVC fill bytes read as GBK.
FILL_BYTES = re.compile(r"烫{3,}|屯{3,}")
# (The supplementary private-use planes are left out: ranges outside the BMP make ``re`` scan slowly,
# and GBK's user-defined areas map into the BMP.)
LOST_CHARS = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u180e]")
#: Joiners, direction marks and soft hyphens next to CJK text: invisible, and no CJK text needs them.
_CJK_CHAR = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
INVISIBLE_NEAR_CJK = re.compile(
    f"(?<=[{_CJK_CHAR}])[\u200c-\u200f\u00ad\u2061-\u2064]+|[\u200c-\u200f\u00ad\u2061-\u2064]+(?=[{_CJK_CHAR}])"
)
LONE_QUESTION_LINE = re.compile(r"^[ \t\u3000]*\?+[ \t\u3000]*(?:\r?\n|\Z)", re.M)

_INVISIBLE_QUICK = re.compile("[\u200c-\u200f\u00ad\u2061-\u2064]")
_QUICK = re.compile(
    "[锟錕烫屯\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060-\u2064\ufeff"
    "\u180e\u00ad]"
)

_MAX_POSITIONS = 20

#: Holes: characters the text lost (``?`` where a converter could not write one, U+FFFD).
_HOLES = re.compile("[?\ufffd]+")
#: An unreadable line: at least this share of its characters are holes, in this many separate places
#: (lossy mojibake runs at 50-75 %; prose with many genuine ``?`` at 20-30 %)...
UNREADABLE_HOLE_SHARE, UNREADABLE_MIN_HOLES = 0.4, 4
#: ...and what is between the holes is no text: below this mean log-probability per character by the
#: language model (Chinese prose scores about -4.5, with genuine ``?`` about -6; mojibake between holes
#: -12 to -18).
UNREADABLE_MAX_LOGPROB = -10.0
#: Lines shorter than this (without spaces) are too short to judge.
UNREADABLE_MIN_CHARS = 6


def _positions(matches: list[re.Match[str]]) -> str:
    shown = ", ".join(str(m.start()) for m in matches[:_MAX_POSITIONS])
    more = f" (+{len(matches) - _MAX_POSITIONS} more)" if len(matches) > _MAX_POSITIONS else ""
    return f"at {shown}{more}"


def _remove(
    text: str, pattern: re.Pattern[str], name: str, lost_of: Callable[[str], int]
) -> tuple[str, list[Step]]:
    """Remove every match of ``pattern``; ``lost_of`` says how many characters a match stands for."""
    matches = list(pattern.finditer(text))
    if not matches:
        return text, []
    lost = sum(lost_of(m.group(0)) for m in matches)
    first = matches[0].group(0)
    step = Step(
        stage="repair", name=name, count=len(matches), before=first[:20], after="", lost=lost,
        detail=_positions(matches),
    )
    return pattern.sub("", text), [step]


def fix_kunjinkao(text: str) -> tuple[str, list[Step]]:
    """Remove ``锟斤拷`` debris; each 锟斤拷 stands for two characters that are gone.

    >>> fix_kunjinkao("文章锟斤拷锟斤拷内容")[0]
    '文章内容'
    >>> fix_kunjinkao("锟斤")[0]
    '锟斤'
    """
    if "斤拷" not in text:
        return text, []
    return _remove(text, KUNJINKAO, "kunjinkao", lambda s: len(s) * 2 // 3)


def fix_fill_bytes(text: str) -> tuple[str, list[Step]]:
    """Remove ``烫烫烫``/``屯屯屯`` runs of uninitialised memory; ``热烫烫`` stays.

    >>> fix_fill_bytes("结果烫烫烫烫烫")[0]
    '结果'
    >>> fix_fill_bytes("热烫烫的")[0]
    '热烫烫的'
    """
    if "烫烫烫" not in text and "屯屯屯" not in text:
        return text, []
    return _remove(text, FILL_BYTES, "fill_bytes", lambda s: len(s) // 2)


def fix_lost_characters(text: str) -> tuple[str, list[Step]]:
    """Remove U+FFFD, private-use and control characters (tab, newline, CR stay): each is a lost character.

    >>> fix_lost_characters("文\\ufffd字\\ue848\\x07\\n")[0]
    '文字\\n'
    """
    return _remove(text, LOST_CHARS, "lost_characters", len)


def fix_zero_width(text: str) -> tuple[str, list[Step]]:
    """Remove zero-width spaces, word joiners and BOMs inside the text; nothing is lost.

    >>> fix_zero_width("\\ufeff标\\u200b题")[0]
    '标题'
    """
    return _remove(text, ZERO_WIDTH, "zero_width", lambda s: 0)


def fix_invisible_marks(text: str) -> tuple[str, list[Step]]:
    """Remove joiners (U+200C/D), direction marks (U+200E/F), soft hyphens and invisible operators
    standing next to CJK text; nothing is lost.

    Why: pages pad or watermark text with them; in CJK text they join nothing and break words for
    search. A joiner inside an emoji sequence or between Persian letters is left alone.

    >>> fix_invisible_marks("标\u200c\u200d题\u00ad文字")[0]
    '标题文字'
    >>> fix_invisible_marks("👨\u200d👩 co\u00adop")[0] == "👨\u200d👩 co\u00adop"
    True
    """
    if _INVISIBLE_QUICK.search(text) is None:  # the common case: the lookbehind search costs more
        return text, []
    return _remove(text, INVISIBLE_NEAR_CJK, "invisible_marks", lambda s: 0)


def fix_lone_question_lines(text: str) -> tuple[str, list[Step]]:
    """Remove lines that hold only ``?``: a character the site could not show.

    >>> fix_lone_question_lines("标题\\n?\\n正文?\\n")[0]
    '标题\\n正文?\\n'
    """
    return _remove(text, LONE_QUESTION_LINE, "lone_question_lines", lambda s: s.count("?"))


def is_unreadable(line: str) -> bool:
    """True when ``line`` is full of holes and what is between them is no text (see the module doc).

    >>> is_unreadable("???蝛嗡犖??∟蕭頩支????拙????????閰西????琿?????撟湛")
    True
    >>> is_unreadable("你好?我好?他好?大家好?今天天气怎么样?"), is_unreadable("1+1=? 2+2=? 3+3=?")
    (False, False)
    """
    text = "".join(line.split())
    if len(text) < UNREADABLE_MIN_CHARS:
        return False
    holes = _HOLES.findall(text)
    if len(holes) < UNREADABLE_MIN_HOLES or sum(map(len, holes)) < UNREADABLE_HOLE_SHARE * len(text):
        return False
    rest = _HOLES.sub("", text)
    if not rest:
        return True
    from cleantext.langmodel import get_model

    return get_model().mean_logprob(rest) < UNREADABLE_MAX_LOGPROB


def fix_unreadable_lines(text: str) -> tuple[str, list[Step]]:
    """Remove lines of undecodable mojibake (:func:`is_unreadable`); their characters count as lost.

    >>> garbage = "\\ufffd\\u043e\\ufffd\\ufffd\\ufffd\\u0531\\ufffd\\ufffd\\u0227\\ufffd"  # GB as UTF-8
    >>> fix_unreadable_lines("标题\\n" + garbage + "\\n正文?\\n")[0]
    '标题\\n正文?\\n'
    """
    if "?" not in text and "\ufffd" not in text:
        return text, []
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    gone: list[tuple[int, str]] = []
    offset = 0
    for line in lines:
        if _HOLES.search(line) and is_unreadable(line):
            gone.append((offset, line))
        else:
            kept.append(line)
        offset += len(line)
    if not gone:
        return text, []
    shown = ", ".join(str(at) for at, _ in gone[:_MAX_POSITIONS])
    more = f" (+{len(gone) - _MAX_POSITIONS} more)" if len(gone) > _MAX_POSITIONS else ""
    step = Step(
        stage="repair", name="unreadable_lines", count=len(gone), before=gone[0][1].strip()[:20], after="",
        lost=sum(len("".join(line.split())) for _, line in gone), detail=f"lines at {shown}{more}",
    )
    return "".join(kept), [step]


def fix_debris(text: str) -> tuple[str, list[Step]]:
    """Run every debris fix; clean text is returned at once.

    >>> fix_debris("正文锟斤拷。\\n?\\n")[0]
    '正文。\\n'
    """
    if not _QUICK.search(text) and "?" not in text:
        return text, []
    steps: list[Step] = []
    for fix in (fix_unreadable_lines, fix_kunjinkao, fix_fill_bytes, fix_lost_characters, fix_zero_width,
                fix_invisible_marks, fix_lone_question_lines):
        text, done = fix(text)
        steps += done
    return text, steps
