"""Undo HTML left in scraped text: character references, tags and tag remnants.

Only what is unmistakably markup is touched: references must end in ``;`` (``AT&T`` stays) and tags must
name an HTML element and have attribute syntax (``a < b``, ``x>y`` and ``<<三国演义>>`` stay).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from cleantext.result import Step


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Elements of HTML (living standard and common obsolete ones); a tag must name one of them.
ELEMENTS = _words(
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote "
    "body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog "
    "dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee "
    "menu meta meter nav nobr noframes noscript object ol optgroup option output p param picture pre "
    "progress q rb rp rt rtc ruby s samp script section select small source span strike strong style sub "
    "summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video "
    "wbr"
)
#: Elements that end a line of text where they stand.
BLOCK_ELEMENTS = frozenset(
    _words(
        "address article aside blockquote br center dd div dl dt fieldset figcaption figure footer form "
        "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
    )
)

_NAMES = "|".join(sorted(ELEMENTS, key=len, reverse=True))
_ATTRS = r"""(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*"""
#: A start, end or empty-element tag of a known element, in any letter case.
TAG = rf"<(/?)({_NAMES})\b{_ATTRS}\s*/?>"
#: Comments, doctype and processing instructions.
COMMENT = re.compile(r"<!--.*?-->|<![a-zA-Z][^<>]*>|<\?[^<>]*\?>", re.S)
#: A CDATA section (XHTML, RSS descriptions): its markers go, its content is the page's text.
CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
#: Script and style blocks: their content is code, not text.
CODE_BLOCK = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.I | re.S)
#: An end tag that lost its ``<`` (a ``?`` that swallowed it may stand before it).
END_TAG_REMNANT = rf"(?<![<\w/])/({_NAMES})>"


@lru_cache(maxsize=1)
def _tag_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Tag, run of neighbouring tags, end-tag remnant: compiled on first use (they are large)."""
    return (
        re.compile(TAG, re.I),
        re.compile(rf"{TAG}(?:[ \t]*{TAG})*", re.I),
        re.compile(END_TAG_REMNANT, re.I),
    )
#: A character reference; ``&amp;`` prefixes undo double escaping.
REFERENCE = re.compile(r"&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
#: ``&nbsp;`` next to a CJK character or before punctuation: layout padding, never a space of the text.
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
PADDING_NBSP = re.compile(
    rf"(?<=[{_CJK}])(?:&(?:amp;)*nbsp;)+|(?:&(?:amp;)*nbsp;)+(?=[{_CJK},.;:!?)\]])"
)


#: A reference that lost its ``&`` (an invalid pair swallowed it): ``#22312;``, ``ldquo;``.
_BARE_REFERENCE = re.compile(r"(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
#: A whole reference, as the repairs read their context (no ``&amp;`` chains: that is the html fix's job).
_CONTEXT_REFERENCE = re.compile(r"&(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def bare_reference(text: str, at: int = 0) -> re.Match[str] | None:
    """A reference without its ``&`` at ``text[at]`` that HTML knows, else None (``foo;`` is none).

    >>> bare_reference("#22312;冷战")[0], bare_reference("nbsp;x")[0], bare_reference("foo;x")
    ('#22312;', 'nbsp;', None)
    """
    m = _BARE_REFERENCE.match(text, at)
    return m if m is not None and _one_reference(m) != m.group(0) else None


def read_references(text: str, *, bare_first: bool = False) -> str:
    """``text`` with its character references read, as the language model should see a guess's context.

    Why: the repairs guess lost bytes by their neighbours; ``，&ldquo;`` says nothing to the model as
    ``ld``, and ``哈&#23572;滨`` wants 哈 only when ``尔`` is seen. With ``bare_first``, a reference at the
    start that lost its ``&`` counts too (the invalid pair swallowed that byte).

    >>> read_references("&ldquo;读者&rdquo;&#23572;"), read_references("ldquo;读者", bare_first=True)
    ('“读者”尔', '“读者')
    >>> read_references("ldquo;读者"), read_references("AT&T;", bare_first=True)
    ('ldquo;读者', 'AT&T;')
    """
    if ";" not in text:
        return text
    if bare_first and (m := bare_reference(text)) is not None:
        text = _one_reference(m) + text[m.end():]
    return _CONTEXT_REFERENCE.sub(_one_reference, text) if "&" in text else text


def _one_reference(m: re.Match[str]) -> str:
    """The character of one reference, or the reference unchanged when it names nothing."""
    ref = "&" + m.group(1) + ";"
    out = html.unescape(ref)
    if out == ref or not out:
        return m.group(0)
    return out


#: Names HTML5 reads without their ``;`` (its legacy list), and the typographic ones that Chinese pages
#: print so: ``&ldquo``, ``&hellip``, ``&mdash``.
UNTERMINATED_NAMES = _words(
    "nbsp ensp emsp thinsp ldquo rdquo lsquo rsquo laquo raquo hellip mdash ndash middot bull times divide "
    "yen copy reg trade deg plusmn sect para cent pound euro quot amp lt gt"
)
#: A reference without its ``;``: numeric (``&#20013``), or one of :data:`UNTERMINATED_NAMES`, not
#: followed by what would continue it (``&copyright``, ``&nbsp2``, ``&lt=``, ``&#123456789`` stay).
UNTERMINATED_REFERENCE = re.compile(
    r"&((?:amp;)*)(#[0-9]{2,7}(?![0-9;])|#[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])"
    rf"|(?:{'|'.join(sorted(UNTERMINATED_NAMES, key=len, reverse=True))})(?![A-Za-z0-9;=]))"
)


def _terminated(m: re.Match[str]) -> str:
    """The reference with its ``;``, when it names a character that is text (no C0/C1 control)."""
    ref = "&" + m.group(2) + ";"
    out = html.unescape(ref)
    if out == ref or not out or out[0] < " " or "\x7f" <= out[0] < "\xa0" or "\ud800" <= out[0] <= "\udfff":
        return m.group(0)
    return "&" + m.group(1) + m.group(2) + ";"


def terminate_references(text: str) -> tuple[str, int]:
    """Add the ``;`` that references lost (or never had): ``&#20013`` → ``&#20013;``, ``&nbsp`` → ``&nbsp;``.

    Why: browsers read ``&#20013文`` and ``&nbsp&nbsp`` as characters (HTML5 lets numeric references and
    the legacy names go without ``;``), so scrapers copy them so; ``AT&T``, ``&copyright`` and a query
    string ``?a=1&lt=2`` stay as they are.

    >>> terminate_references("&#20013文&#x56FD人&nbsp&nbsp&ldquo好&rdquo")
    ('&#20013;文&#x56FD;人&nbsp;&nbsp;&ldquo;好&rdquo;', 6)
    >>> terminate_references("AT&T &copyright ?a=1&lt=2 &#20013;")
    ('AT&T &copyright ?a=1&lt=2 &#20013;', 0)
    """
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        out = _terminated(m)
        count += out != m.group(0)
        return out

    return UNTERMINATED_REFERENCE.sub(sub, text), count


def fix_html_entities(text: str) -> tuple[str, list[Step]]:
    """Replace character references (named, decimal, hex, double-escaped) by their characters.

    >>> fix_html_entities("&ldquo;这&#26159;&#x4E2D;文&amp;#25991;&rdquo; AT&T &foo;")[0]
    '“这是中文文” AT&T &foo;'
    >>> fix_html_entities("中文&nbsp;,甲&nbsp;乙 a&nbsp;b 2000&nbsp;,")[0]
    '中文,甲乙 a\\xa0b 2000,'
    """
    if "&" not in text:
        return text, []
    steps: list[Step] = []
    text, unterminated = terminate_references(text)
    if unterminated:
        steps.append(Step(stage="repair", name="html_unterminated_references", count=unterminated,
                          detail="references without their ';' read as browsers read them"))
    padding = list(PADDING_NBSP.finditer(text))
    if padding:
        text = PADDING_NBSP.sub("", text)
        steps.append(
            Step(stage="repair", name="nbsp_padding", count=len(padding), before=padding[0].group(0),
                 detail="&nbsp; next to CJK text dropped")
        )
    matches = [m for m in REFERENCE.finditer(text) if _one_reference(m) != m.group(0)]
    if matches:
        text = REFERENCE.sub(_one_reference, text)
        first = matches[0]
        steps.append(
            Step(stage="repair", name="html_entities", count=len(matches), before=first.group(0),
                 after=_one_reference(first))
        )
    return text, steps


#: A numeric reference whose ``&`` was eaten (a GBK restart ``?`` swallows the ASCII byte after it).
BARE_NUMERIC_REFERENCE = re.compile(r"(?<![&#0-9A-Za-z])#([0-9]{4,6}|[xX][0-9a-fA-F]{4,5});")


def _bare_reference_char(m: re.Match[str]) -> str:
    """The CJK character a bare ``#NNNNN;`` stands for; anything else stays as written."""
    ref = m.group(1)
    code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
    if 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return chr(code)
    return m.group(0)


def fix_html_lost_ampersand(text: str) -> tuple[str, list[Step]]:
    """Resolve numeric references that lost their ``&``, when they name a CJK character.

    Why: on pages with GBK restart damage, the ``?`` of an invalid pair swallows the next ASCII byte,
    and when that byte was the ``&`` of ``&#20845;`` the reference is left bare. A bare ``#20845;``
    naming a Chinese character is never prose; ``#12;`` or ``#1234;`` (below U+3000) are left alone.

    >>> fix_html_lost_ampersand("小说《#20845;个梦》与#x5730;图,第#12;号")[0]
    '小说《六个梦》与地图,第#12;号'
    """
    if "#" not in text or ";" not in text:
        return text, []
    matches = [m for m in BARE_NUMERIC_REFERENCE.finditer(text) if _bare_reference_char(m) != m.group(0)]
    if not matches:
        return text, []
    text = BARE_NUMERIC_REFERENCE.sub(_bare_reference_char, text)
    first = matches[0]
    return text, [
        Step(stage="repair", name="html_lost_ampersand", count=len(matches), before=first.group(0),
             after=_bare_reference_char(first), detail="numeric references whose & was swallowed")
    ]


#: Inline elements whose end tag HTML requires: a start tag of one without its end tag is suspect.
_END_TAG_REQUIRED = frozenset(_words("a b big code em font i kbd q s small span strong sub sup tt u var"))
_BARE_START_TAG = re.compile(r"<([a-zA-Z]{1,6})>")


def is_comparison(m: re.Match[str]) -> bool:
    """True when the matched "tag" is a chain of comparisons such as ``a<b>c``, not markup.

    Why: ``<b>``, ``<i>``, ``<a>`` are also what ``x<i>y`` looks like in a formula. A start tag without
    attributes, squeezed between ASCII letters or digits, of an element that needs an end tag the page
    never has, is the formula.

    >>> is_comparison(re.search("<b>", "若 a<b>c 成立"))
    True
    >>> is_comparison(re.search("<b>", "这是a<b>重点</b>")), is_comparison(re.search("<br>", "a<br>c"))
    (False, False)
    """
    bare = _BARE_START_TAG.fullmatch(m.group(0))
    if bare is None or bare.group(1).lower() not in _END_TAG_REQUIRED:
        return False
    s, start, end = m.string, m.start(), m.end()
    flanked = start > 0 and end < len(s) and s[start - 1].isascii() and s[start - 1].isalnum() \
        and s[end].isascii() and s[end].isalnum()
    return flanked and f"</{bare.group(1).lower()}" not in s.lower()


def _tag_replacement(m: re.Match[str]) -> str:
    """Tags with a block element between text on the same line end the line; other tags vanish."""
    if is_comparison(m):
        return m.group(0)
    if not any(t.group(2).lower() in BLOCK_ELEMENTS for t in _tag_patterns()[0].finditer(m.group(0))):
        return ""
    s, e = m.string, m.end()
    start = m.start()
    at_line_start = start == 0 or s[start - 1] == "\n" or not s[s.rfind("\n", 0, start) + 1 : start].strip()
    at_line_end = e == len(s) or s[e] == "\n" or not s[e : (s.find("\n", e) + 1 or len(s))].strip()
    return "" if at_line_start or at_line_end else "\n"


def fix_html_tags(text: str) -> tuple[str, list[Step]]:
    """Remove HTML tags, comments, script/style blocks and end tags that lost their ``<``.

    >>> fix_html_tags('<p>第一段</p><p>第二段</p>\\n<span id="3dn8r"></span>\\n句子。”/p>')[0]
    '第一段\\n第二段\\n\\n句子。”'
    >>> fix_html_tags("若 a < b 且 x>y,见<<三国演义>>。")[0]
    '若 a < b 且 x>y,见<<三国演义>>。'
    >>> fix_html_tags("<div><![CDATA[<p>新线路开通</p>]]></div>")[0]
    '新线路开通'
    """
    if ">" not in text:
        return text, []
    steps: list[Step] = []
    _, tag_run, remnant = _tag_patterns()
    for name, pattern, repl in (
        ("html_code_blocks", CODE_BLOCK, ""),
        ("html_cdata", CDATA, r"\1"),
        ("html_comments", COMMENT, ""),
        ("html_tags", tag_run, _tag_replacement),
        ("html_tag_remnants", remnant, ""),
    ):
        matches = [m for m in pattern.finditer(text) if not is_comparison(m)]
        if matches:
            text = pattern.sub(repl, text)  # type: ignore[arg-type]
            steps.append(
                Step(stage="repair", name=name, count=len(matches), before=matches[0].group(0)[:40])
            )
    return text, steps


def fix_html(text: str) -> tuple[str, list[Step]]:
    """Remove tags first (so ``&lt;p&gt;`` written as text stays text), then resolve references.

    >>> fix_html("<b>&lt;p&gt;</b>")[0]
    '<p>'
    """
    text, steps = fix_html_tags(text)
    text, more = fix_html_entities(text)
    text, lost_ampersand = fix_html_lost_ampersand(text)
    return text, steps + more + lost_ampersand
