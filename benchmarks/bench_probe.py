#!/usr/bin/env python3
"""End-to-end probe: whole damaged pages in combinations the generators do not make together.

usage: python3 benchmarks/bench_probe.py [-v] [--only COMBO] [--dump DIR]

30 short articles written for this probe (``benchmarks/probe_articles.py``, not from the shared corpus)
are wrapped in furniture written here and damaged in 10 combinations (Traditional script and GBK restart
damage on bare lines, pinyin with entities and folding, a Big5 page with a UTF-8 title, CRLF line ends,
damage in every line, mojibake on the title or byline, indentation, genuine '?', a clean page): 60
pages. Each output is compared with the article (title, byline, paragraphs) after NFKC; every difference
is charged to the stage that made it (decode, repair, convert, strip, run one at a time). Prints pages
exact per combination and differences per stage; nothing is asserted.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_unseen import G0, sites_gbk_decode  # noqa: E402
from probe_articles import ARTICLES  # noqa: E402

import cleantext  # noqa: E402
from cleantext import convert as C  # noqa: E402
from cleantext import decode as D
from cleantext import repair as R

_CC = {}


def cc(config, text):
    if config not in _CC:
        import opencc
        _CC[config] = opencc.OpenCC(config)
    return _CC[config].convert(text)


def to_script(config):
    if config is None:
        return lambda s: s
    return lambda s: cc(config, s).replace("着", "著")


HEADERS = [
    "免费在线观看_高清无码视频_午夜影院_最新地址发布页",
    "彩票开奖结果查询-体彩福彩-手机投注平台-首充返利",
    "首页 > 新闻中心 > 本地要闻",
    "当前位置：网站首页 >> 通知公告 >> 正文",
    "【字号：大 中 小】 【打印本页】 【关闭窗口】",
    "阅读次数：3821",
    "分享到：微信 | 微博 | QQ空间",
    "网站首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流",
]
FOOTERS = [
    "上一篇：市区部分路段夜间施工公告",
    "下一篇：下周天气以晴为主",
    "相关阅读",
    "扫一扫，在手机上查看当前页面",
    "版权所有 © 2016-2024 本网站 保留所有权利",
    "地址：人民路88号 邮编：100000 电话：010-12345678",
    "责任编辑：刘洋",
    "本站部分内容来源于网络，如有侵权请联系删除。",
    "友情链接： 百家号 | 旅游网 | 天气预报 | 美食频道",
    "低价代开发票_正规发票代开_全国可查_微信同号",
]
READINGS = {"區": "qū", "發": "fā", "開": "kāi", "業": "yè", "們": "men", "這": "zhè", "會": "huì",
            "時": "shí", "過": "guò", "說": "shuō", "來": "lái", "後": "hòu", "長": "cháng", "經": "jīng",
            "場": "chǎng", "車": "chē", "電": "diàn", "書": "shū", "學": "xué", "國": "guó", "買": "mǎi",
            "賣": "mài", "為": "wèi", "與": "yǔ", "動": "dòng", "總": "zǒng", "歷": "lì"}
def sites_decode(data, marks):
    """GBK bytes decoded as the sites' decoder does (bench_unseen's), each restart's garbage shown '?'."""
    return re.sub(G0 + ".", "?", sites_gbk_decode(data, marks), flags=re.S)


def restart(text, rng, stop=0.2, quote=0.2, anywhere=0.004):
    """GBK restart damage (the decoder restarts one byte early); returns (text, hits)."""
    for _ in range(20):
        data, marks, prev = bytearray(), set(), None
        for k, ch in enumerate(text):
            b = ch.encode("gbk")
            nxt = text[k + 1: k + 2]
            if len(b) == 2 and prev is not None:
                rate = stop if ch in "。！？" else quote if nxt in "“”‘’「」『』" else anywhere
                if rng.random() < rate:
                    marks.add(len(data))
                    data.append(prev)
            data += b
            prev = b[1] if len(b) == 2 else None
        if marks:
            return sites_decode(bytes(data), marks), len(marks)
    return text, 0


def gbk_ok(t):
    try:
        t.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


def fold(t):
    return t.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


def build(art, rng, script, with_byline=True):
    """Lines (text, kind) in script, and the expected Simplified text."""
    title, byline, paras = art
    conv = to_script(script)
    head = [(conv(h), "furn") for h in rng.sample(HEADERS, rng.randint(1, 3))]
    foot = [(conv(f), "furn") for f in rng.sample(FOOTERS, rng.randint(2, 4))]
    lines = head + [(conv(title), "title")]
    exp = [title]
    if byline and with_byline:
        lines.append((conv(byline), "byline"))
        exp.append(byline)
    lines += [(conv(p), "body") for p in paras]
    exp += paras
    lines += foot
    return lines, exp


def restart_body(texts, lines, rng, joiner="\n", **rates):
    """The page's lines (``texts``) joined, GBK restart damage on the body's lines (joined by ``joiner``)."""
    body = [i for i, (_, k) in enumerate(lines) if k == "body"]
    region = joiner.join(texts[body[0]: body[-1] + 1])
    if gbk_ok(region):
        region, _ = restart(region, rng, **rates)
    return "\n".join(texts[: body[0]] + [region] + texts[body[-1] + 1:])


def combo_pages(name, art, rng):
    """Return (raw bytes, intended text before encoding, expected lines, pre-damage lines)."""
    title, byline, paras = art
    if name == "tw_restart_nop":
        lines, exp = build(art, rng, "s2tw")
        pre = [t for t, _ in lines]
        text = restart_body(pre, lines, rng)
        return text.encode("utf-8"), text, exp, pre
    if name == "hk_restart_gb":
        lines, exp = build(art, rng, "s2hk")
        pre = [t for t, _ in lines]
        text = restart_body(pre, lines, rng, joiner="\n\n")
        return text.encode("gb18030"), text, exp, pre
    if name == "pinyin_ent_fold":
        lines, exp = build(art, rng, "s2t")
        pre = [t for t, _ in lines]
        chosen = {c: READINGS[c] for c in READINGS if rng.random() < 0.6}
        out = []
        for t, k in lines:
            s = "".join(c + (f"({chosen[c]})" if c in chosen else "") for c in t)
            if k == "body":
                s = s.replace("“", "&ldquo;").replace("”", "&rdquo;")
                s = re.sub(r"[\u4e00-\u9fff]",
                           lambda m: f"&#{ord(m.group())};" if rng.random() < 0.08 else m.group(), s)
                s = "&nbsp;&nbsp;" + s.replace("，", "&nbsp;，", 1)
            out.append(s)
        text = fold("\n".join(out))
        return text.encode("utf-8"), text, exp, pre
    if name == "big5_utf8_title":
        lines, exp = build(art, rng, "s2tw")
        pre = [t for t, _ in lines]
        raw = b""
        for t, k in lines:
            raw += (t.encode("utf-8") if k == "title" else t.encode("big5", errors="replace")) + b"\n"
        return raw, "\n".join(pre) + "\n", exp, pre
    if name == "crlf_restart":
        lines, exp = build(art, rng, None)
        pre = [t for t, _ in lines]
        body = [i for i, (_, k) in enumerate(lines) if k == "body"]
        region = "\r\n".join(pre[body[0]: body[-1] + 1]) + "\r\n"
        # end paragraphs at a stop mark so the \r after it is at risk
        region, _ = restart(region, rng, stop=0.35, quote=0.3)
        text = "\r\n".join(pre[: body[0]]) + "\r\n" + region + "\r\n".join(pre[body[-1] + 1:]) + "\r\n"
        return text.encode("utf-8"), text, exp, pre
    if name == "restart_all_lines":
        lines, exp = build(art, rng, "s2t")
        pre = [t for t, _ in lines]
        text = "\n".join(pre) + "\n"
        if gbk_ok(text):
            text, _ = restart(text, rng, stop=0.2, quote=0.2, anywhere=0.03)
        return text.encode("utf-8"), text, exp, pre
    if name == "mojibake_head":
        script = rng.choice([None, "s2tw"])
        lines, exp = build(art, rng, script)
        pre = [t for t, _ in lines]
        target = "byline" if any(k == "byline" for _, k in lines) and rng.random() < 0.5 else "title"
        out = [t.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?") if k == target else t
               for t, k in lines]
        text = "\n".join(out) + "\n"
        return text.encode("utf-8"), text, exp, pre
    if name == "indent_restart":
        lines, exp = build(art, rng, "s2hk")
        pre = [t for t, _ in lines]
        ind = rng.choice(["\u3000\u3000", "&nbsp;&nbsp;&nbsp;&nbsp;", " \u3000"])
        out = [(ind + t if k == "body" else t) for t, k in lines]
        text = restart_body(out, lines, rng, anywhere=0.05) + "\n"
        return text.encode("utf-8"), text, exp, pre
    if name == "genuine_q":
        t, b, ps = art
        ps = list(ps)
        if not any("？" in p for p in ps):
            ps[-1] = ps[-1] + "你怎么看？"
        ps = [p.replace("？", "?") for p in ps]
        lines, exp = build((t, b, ps), rng, None)
        pre = [x for x, _ in lines]
        text = "\n".join(pre) + "\n"
        return text.encode("utf-8"), text, exp, pre
    if name == "clean":
        lines, exp = build(art, rng, None)
        pre = [x for x, _ in lines]
        text = "\n\n".join(pre) + "\n"
        return text.encode("utf-8"), text, exp, pre
    raise ValueError(name)


COMBOS = ["tw_restart_nop", "hk_restart_gb", "pinyin_ent_fold", "big5_utf8_title", "crlf_restart",
          "restart_all_lines", "mojibake_head", "indent_restart", "genuine_q", "clean"]


def norm(s):
    return re.sub(r"[\s\u00a0\u3000]+", "", unicodedata.normalize("NFKC", s))


def nlines(text):
    return [norm(x) for x in text.splitlines() if norm(x)]


def classify(raw, intended, exp, pre):
    res = cleantext.clean_document(raw)
    out = nlines(res.text)
    want = [norm(x) for x in exp]
    if out == want:
        return res, []
    dec = D.decode(raw).text
    rep = R.repair(dec).text
    con = C.convert(rep).text
    con_l, rep_l = set(nlines(con)), set(nlines(rep))
    dec_ok = norm(dec.replace("\r\n", "\n")) == norm(intended.replace("\r\n", "\n"))
    # the pre-damage scripted line of each expected line
    scripted = {}
    for e in exp:
        for p in pre:
            if norm(C.convert(p).text) == norm(e) or norm(p) == norm(e):
                scripted[norm(e)] = p
                break
    diffs = []
    outset = set(out)
    for e in want:
        if e in outset:
            continue
        p = scripted.get(e)
        if e in con_l:
            stage = "strip(dropped/altered)"
        elif p is not None and norm(p) in rep_l:
            stage = "convert"
        elif p is not None and norm(C.convert(p).text) != e:
            stage = "convert(inherent)"
        elif not dec_ok:
            stage = "decode"
        else:
            stage = "repair"
        diffs.append((stage, "missing", e))
    wantset = set(want)
    for o in out:
        if o not in wantset:
            diffs.append(("strip(kept)" if o in con_l else "?", "extra", o))
    if not diffs:
        diffs.append(("strip(order/dup)", "order", ""))
    return res, diffs


def run(pages, judge, combos, description=None):
    """Clean every page, judge it and print the figures (shared with bench_probe2.py).

    ``pages`` yields ``(i, name, build)``, ``build()`` giving (raw bytes, intended text, expected lines,
    pre-damage lines); ``judge`` is :func:`classify` or a refinement of it. Flags: ``-v`` lists every
    difference, ``--only COMBO``, ``--dump DIR`` writes the pages and their expected texts.
    """
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--dump")
    a = ap.parse_args()
    total = exact = 0
    per_combo = defaultdict(lambda: [0, 0])
    per_stage = Counter()
    for i, name, build in pages:
        if a.only and name != a.only:
            continue
        raw, intended, exp, pre = build()
        if a.dump:
            Path(a.dump).mkdir(exist_ok=True)
            Path(a.dump, f"{i:02d}_{name}.txt").write_bytes(raw)
            Path(a.dump, f"{i:02d}_{name}.expected.txt").write_text("\n\n".join(exp) + "\n")
        try:
            _res, diffs = judge(raw, intended, exp, pre)
        except Exception as exc:  # a refused page (binary?) counts as every line lost
            diffs = [(f"error({type(exc).__name__})", "missing", str(exc))]
        total += 1
        per_combo[name][1] += 1
        if not diffs:
            exact += 1
            per_combo[name][0] += 1
            continue
        for stage, _kind, _line in diffs:
            per_stage[stage] += 1
        if a.v:
            print(f"--- {i:02d} {name}")
            for stage, kind, line in diffs:
                print(f"   [{stage}] {kind}: {line[:90]}")
    print(f"pages {total} exact {exact}")
    for name in combos:
        if per_combo[name][1]:
            print(f"  {name:20s} {per_combo[name][0]}/{per_combo[name][1]}")
    print("differences by stage:", dict(per_stage))


def pages():
    """Each article under two of the combos."""
    for i, art in enumerate(ARTICLES):
        second = (i * 3 + 5) % 10 if (i * 3 + 5) % 10 != i % 10 else (i + 1) % 10
        for name in (COMBOS[i % 10], COMBOS[second]):
            rng = random.Random(f"{i}-{name}")
            yield i, name, lambda name=name, art=art, rng=rng: combo_pages(name, art, rng)


def main():
    run(pages(), classify, COMBOS)


if __name__ == "__main__":
    main()
