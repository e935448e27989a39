#!/usr/bin/env python3
"""End-to-end probe, round 2: damage combinations bench_probe.py does not make, on pages it never saw.

usage: python3 benchmarks/bench_probe2.py [-v] [--only COMBO] [--dump DIR]

18 short articles written for this probe (``benchmarks/probe2_articles.py``, not from the shared corpus)
are wrapped in furniture written here and damaged in 10 combinations, each on every article (180 pages):

* ``short_page``: a title and one or two short paragraphs (30-200 characters) in GBK, Big5 (Taiwan
  script), GB18030 (Hong Kong script) or UTF-8: little text for a detector to go on;
* ``gbk_utf8_footer``: a GBK page whose footer (and sometimes header) lines are UTF-8 (a template);
* ``utf8_big5_quote``: a UTF-8 page with one paragraph in Big5 bytes (a quote pasted from a Taiwan page);
* ``double_mojibake``: the title or one paragraph read twice as GBK (UTF-8 → GBK '?' → UTF-8 → GBK '?');
* ``cp1252_part``: a block of lines (the head, or a paragraph) of UTF-8 read as windows-1252 as browsers
  read it (undefined bytes as C1 controls);
* ``entity_soup``: numeric (hex and decimal), named and double-escaped entities, tags split across lines;
* ``hk_pinyin_tones``: a Hong Kong page with pinyin annotations in tone numbers or full-width brackets;
* ``bom_nul_trunc``: a BOM in the middle (concatenated files, one of them cut mid-character), NUL bytes,
  a file truncated inside its last character;
* ``t2s_variants``: Traditional text in variant forms OpenCC's t2s leaves (舖 粧 衹 歳 戸 汚 淸 靑 吿 槪...);
* ``gb18030_rare``: a GB18030 page with four-byte characters (rare name characters, emoji, ``₂``);

plus ``clean`` (an undamaged page: it must come out as its article), 198 pages in all. Each output is
compared with the article (title, byline, paragraphs) after NFKC; every difference is charged to a stage
by bench_probe's ``classify`` (plus: a line that left repair as the page wrote it is the convert
stage's). Prints pages exact per combination and differences per stage; nothing is asserted.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_probe import READINGS, classify, nlines, norm, run, to_script  # noqa: E402
from probe2_articles import ARTICLES  # noqa: E402

from cleantext import convert as C  # noqa: E402
from cleantext import decode as D  # noqa: E402
from cleantext import repair as R  # noqa: E402

HEADERS = [
    "您现在的位置：主页 > 资讯 > 社会民生",
    "手机版 | 网站导航 | 设为首页 | 加入收藏",
    "时时彩计划_北京赛车pk10_幸运飞艇_官方开户_日赚千元",
    "浏览量：1206 次",
    "【大 中 小】【打印】【关闭】",
    "频道：综合新闻　栏目：本地",
    "欢迎访问本站！今天是2024年5月8日 星期三",
]
FOOTERS = [
    "上一条：关于做好防汛工作的通知",
    "下一条：市民热线本周受理情况通报",
    "热门推荐",
    "关注我们的微信公众号，获取更多资讯",
    "Copyright © 2012-2024 本网 版权所有",
    "联系我们：0571-88886666 地址：解放路100号",
    "编辑：孙小梅 审核：赵强",
    "免责声明：本文仅代表作者观点，与本站无关。",
    "办证刻章_代开各类发票_学历认证_电话微信同号",
]
SHORT_FOOTERS = ["返回首页", "关闭窗口", "【打印本页】"]

# Traditional characters and the variant forms pages write for them that t2s leaves unchanged:
# Hong Kong / Taiwan forms (舖 粧 衹), Japanese forms (歳 戸 汚 浄 縁),
# old printed forms (淸 靑 吿 槪 緖 揷 擧).
VARIANTS = {"鋪": "舖", "妝": "粧", "只": "衹", "歲": "歳", "戶": "戸", "污": "汚", "汙": "汚", "淨": "浄",
            "緣": "縁", "清": "淸", "青": "靑", "告": "吿", "概": "槪", "緒": "緖", "插": "揷", "舉": "擧"}

TONES = {"ā": "a1", "á": "a2", "ǎ": "a3", "à": "a4", "ē": "e1", "é": "e2", "ě": "e3", "è": "e4",
         "ī": "i1", "í": "i2", "ǐ": "i3", "ì": "i4", "ō": "o1", "ó": "o2", "ǒ": "o3", "ò": "o4",
         "ū": "u1", "ú": "u2", "ǔ": "u3", "ù": "u4", "ǖ": "v1", "ǘ": "v2", "ǚ": "v3", "ǜ": "v4", "ü": "v"}
C1_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def tone_number(syllable):
    """``qū`` → ``qu1``, ``lǜ`` → ``lv4`` (a neutral tone stays bare: ``men``)."""
    for mark, repl in TONES.items():
        if mark in syllable and repl[-1].isdigit():
            return syllable.replace(mark, repl[:-1]) + repl[-1]
    return syllable


def whatwg_cp1252(data):
    """Bytes read as browsers read windows-1252: its five undefined bytes become C1 controls."""
    return "".join(chr(b) if b in C1_UNDEFINED else bytes([b]).decode("cp1252") for b in data)


def as_gbk(text):
    """UTF-8 bytes of ``text`` read as GBK, each invalid pair shown as '?' (what the sites show)."""
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


def legacy(text, codec):
    """``text`` in GBK/Big5; as GB18030 (UTF-8 for Big5) when it holds characters outside it."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return text.encode("gb18030" if codec == "gbk" else "utf-8")


def build(art, rng, script, *, head=(1, 3), foot=(2, 4), byline=True):
    """Lines (text, kind) in ``script`` and the expected Simplified lines."""
    title, by, paras = art
    conv = to_script(script)
    lines = [(conv(h), "furn") for h in rng.sample(HEADERS, rng.randint(*head))]
    lines.append((conv(title), "title"))
    exp = [title]
    if by and byline:
        lines.append((conv(by), "byline"))
        exp.append(by)
    lines += [(conv(p), "body") for p in paras]
    exp += paras
    lines += [(conv(f), "furn") for f in rng.sample(FOOTERS, rng.randint(*foot))]
    return lines, exp


def joined(texts, sep="\n"):
    return sep.join(texts) + "\n"


def short_article(art, rng):
    """The title and the first one or two paragraphs, 30-200 characters in all."""
    title, by, paras = art
    keep = [paras[0]]
    if rng.random() < 0.5 and len(title + paras[0] + paras[1]) <= 200:
        keep.append(paras[1])
    return title, by if rng.random() < 0.3 else "", keep


def combo_pages(name, art, rng):
    """Return (raw bytes, intended text before encoding, expected lines, pre-damage lines)."""
    if name == "short_page":
        codec, script = rng.choice([("gbk", None), ("big5", "s2tw"), ("gbk", "s2hk"), ("utf-8", None),
                                    ("utf-8", "s2tw")])
        lines, exp = build(short_article(art, rng), rng, script, head=(0, 0), foot=(0, 0))
        if rng.random() < 0.4:
            lines.append((to_script(script)(rng.choice(SHORT_FOOTERS)), "furn"))
        pre = [t for t, _ in lines]
        text = joined(pre, rng.choice(["\n", "\n\n"]))
        raw = text.encode("utf-8") if codec == "utf-8" else legacy(text, codec)
        return raw, text, exp, pre
    if name == "gbk_utf8_footer":
        lines, exp = build(art, rng, None)
        pre = [t for t, _ in lines]
        utf8_head = rng.random() < 0.5
        first_body = next(i for i, (_, k) in enumerate(lines) if k == "title")
        raw = b""
        for i, (t, k) in enumerate(lines):
            tail_part = k == "furn" and i > first_body
            head_part = k == "furn" and i < first_body and utf8_head
            raw += (t.encode("utf-8") if tail_part or head_part else legacy(t, "gbk")) + b"\r\n"
        return raw, joined(pre), exp, pre
    if name == "utf8_big5_quote":
        script = rng.choice([None, "s2tw"])
        lines, exp = build(art, rng, script)
        body = [i for i, (t, k) in enumerate(lines) if k == "body" and _encodes(to_script("s2tw")(t), "big5")]
        quoted = [i for i in body if "“" in lines[i][0] or "「" in lines[i][0]]
        pick = rng.choice(quoted or body)
        pre = [to_script("s2tw")(t) if i == pick else t for i, (t, _) in enumerate(lines)]
        raw = b"".join((t.encode("big5") if i == pick else t.encode("utf-8")) + b"\n"
                       for i, t in enumerate(pre))
        return raw, joined(pre), exp, pre
    if name == "double_mojibake":
        lines, exp = build(art, rng, rng.choice([None, None, "s2tw"]))
        pre = [t for t, _ in lines]
        body = [i for i, (_, k) in enumerate(lines) if k == "body"]
        title = next(i for i, (_, k) in enumerate(lines) if k == "title")
        pick = title if rng.random() < 0.5 else rng.choice(body)
        out = [as_gbk(as_gbk(t)) if i == pick else t for i, t in enumerate(pre)]
        text = joined(out)
        return text.encode("utf-8"), text, exp, pre
    if name == "cp1252_part":
        lines, exp = build(art, rng, rng.choice([None, "s2hk"]))
        pre = [t for t, _ in lines]
        body = [i for i, (_, k) in enumerate(lines) if k == "body"]
        if rng.random() < 0.5:  # the head: furniture, title and byline
            chosen = set(range(body[0]))
        else:  # one paragraph, or the last paragraphs and the footer
            chosen = {rng.choice(body)} if rng.random() < 0.5 else set(range(body[-1], len(pre)))
        out = [whatwg_cp1252(t.encode("utf-8")) if i in chosen else t for i, t in enumerate(pre)]
        text = joined(out)
        return text.encode("utf-8"), text, exp, pre
    if name == "entity_soup":
        lines, exp = build(art, rng, rng.choice([None, "s2t"]))
        pre = [t for t, _ in lines]
        double = rng.random() < 0.5
        amp = "&amp;" if double else "&"
        out = []
        for t, k in lines:
            if k in ("body", "title", "byline"):
                t = t.replace("“", f"{amp}ldquo;").replace("”", f"{amp}rdquo;")
                t = t.replace("：", "&#65306;").replace("，", rng.choice(["，", "&#xFF0C;"]), 1)
                t = re.sub(r"[\u4e00-\u9fff]", lambda m: (
                    f"&#x{ord(m.group()):X};" if rng.random() < 0.05 else
                    f"&#{ord(m.group())};" if rng.random() < 0.04 else m.group()), t)
            if k == "body":
                t = f"{amp}nbsp;{amp}nbsp;" + t
                t = rng.choice(['<p\nstyle="text-indent:2em">{}</p>', "<p>{}</p\n>", "<p>{}<br\n/></p>",
                                '<div class="para"\n>{}</div>'])\
                    .format(t)
            elif k == "title":
                t = f'<h1 class="title"\n>{t}</h1>'
            out.append(t)
        text = joined(out)
        return text.encode("utf-8"), text, exp, pre
    if name == "hk_pinyin_tones":
        lines, exp = build(art, rng, "s2hk")
        pre = [t for t, _ in lines]
        form = rng.choice(["({})", "（{}）", "（{}）"])
        numbers = rng.random() < 0.6
        chosen = {c: READINGS[c] for c in READINGS if rng.random() < 0.6}
        out = []
        for t in pre:
            out.append("".join(c + (form.format(tone_number(chosen[c]) if numbers else chosen[c])
                                    if c in chosen else "") for c in t))
        text = joined(out)
        return text.encode("utf-8"), text, exp, pre
    if name == "bom_nul_trunc":
        codec = rng.choice(["utf-8", "utf-8", "gbk"])
        lines, exp = build(art, rng, rng.choice([None, "s2tw"]) if codec == "utf-8" else None)
        pre = [t for t, _ in lines]
        title = next(i for i, (_, k) in enumerate(lines) if k == "title")

        def enc(s):
            return s.encode("utf-8") if codec == "utf-8" else legacy(s, "gbk")
        head, rest = enc(joined(pre[:title])), enc(joined(pre[title:]))
        kind = rng.choice(["bom_mid", "cat_cut", "nul_mid", "nul_tail", "cut_end"])
        if codec != "utf-8" and kind in ("bom_mid", "cat_cut"):
            kind = "cut_end"
        intended = joined(pre)
        if kind == "bom_mid":  # two files, each saved with its BOM
            raw = b"\xef\xbb\xbf" + head + b"\xef\xbb\xbf" + rest
        elif kind == "cat_cut":  # the first file cut inside its last character, then the second
            cut = head.rstrip(b"\n")
            raw = cut[:-1] + b"\xef\xbb\xbf" + rest
            intended = joined(pre[:title])[:-2] + "\ufffd" + joined(pre[title:])
        elif kind == "nul_mid":  # a block of NUL bytes where a write was lost, between two lines
            raw = head + b"\x00" * rng.choice([1, 4, 16]) + rest
        elif kind == "nul_tail":  # a preallocated file, padded with NULs
            raw = head + rest + b"\x00" * rng.choice([3, 64, 500])
        else:  # truncated inside the last character of the footer
            raw = (head + rest).rstrip(b"\n")[:-1]
            intended = intended.rstrip("\n")[:-1] + "\ufffd"
        return raw, intended, exp, pre
    if name == "t2s_variants":
        lines, exp = build(art, rng, rng.choice(["s2tw", "s2hk", "s2t"]))
        pre = [t for t, _ in lines]
        used = {k: v for k, v in VARIANTS.items() if rng.random() < 0.8}
        out = ["".join(used.get(c, c) for c in t) for t in pre]
        text = joined(out)
        return text.encode("utf-8"), text, exp, out  # the variants are the script the stage must read
    if name == "gb18030_rare":
        title, by, paras = art
        if all(_encodes(x) for x in (title, by, *paras)):
            paras = [*paras[:-1], paras[-1] + rng.choice(["😊", "👍", "🎉"])]
        lines, exp = build((title, by, paras), rng, None)
        pre = [t for t, _ in lines]
        text = joined(pre)
        return text.encode("gb18030"), text, exp, pre
    if name == "clean":
        codec = rng.choice(["utf-8", "gb18030"])
        lines, exp = build(art, rng, None)
        pre = [t for t, _ in lines]
        text = joined(pre, rng.choice(["\n", "\n\n"]))
        return text.encode(codec), text, exp, pre
    raise ValueError(name)


def _encodes(text, codec="gbk"):
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


COMBOS = ["short_page", "gbk_utf8_footer", "utf8_big5_quote", "double_mojibake", "cp1252_part",
          "entity_soup", "hk_pinyin_tones", "bom_nul_trunc", "t2s_variants", "gb18030_rare", "clean"]


def _aligned(written, expected):
    """The page's line (converted) of an expected line: same length, all but a few characters the same."""
    same = sum(a == b for a, b in zip(written, expected, strict=False))
    return len(written) == len(expected) and same >= len(expected) - 3


def charge(raw, intended, exp, pre):
    """bench_probe's ``classify``, with one more rule: an expected line whose page line (same length,
    the script as written) came out of repair unchanged was lost by the convert stage."""
    res, diffs = classify(raw, intended, exp, pre)
    if not any(stage == "repair" for stage, _, _ in diffs):
        return res, diffs
    repaired = set(nlines(R.repair(D.decode(raw).text).text))
    written = [(norm(p), norm(C.convert(p).text)) for p in pre]
    out = []
    for stage, kind, line in diffs:
        if stage == "repair" and any(p in repaired and _aligned(c, line) for p, c in written):
            stage = "convert"
        out.append((stage, kind, line))
    return res, out


def pages():
    """Each article under every combo."""
    for i, art in enumerate(ARTICLES):
        for name in COMBOS:
            rng = random.Random(f"p2-{i}-{name}")
            yield i, name, lambda name=name, art=art, rng=rng: combo_pages(name, art, rng)


def main():
    run(pages(), charge, COMBOS)


if __name__ == "__main__":
    main()
