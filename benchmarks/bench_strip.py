#!/usr/bin/env python3
"""Benchmark of the strip stage (issue 6): precision, recall, title/byline, per-kind figures, speed.

usage: python3 benchmarks/bench_strip.py [--n 300] [--seeds 1,2,3] [--no-pipeline] [--heldout2] [--speed]

``--speed`` prints only the speed of the strip stage on the real strip input of corrupt.py cases (each
case through decode, repair and convert first): MB/s and CPU seconds, cold and warm, with the ratio to a
trivial line pass (``str.splitlines`` and one regex search a line) timed in the same process.

``--heldout2`` prints only the second held-out set (nine layouts written after the rules: WeChat
mirror, Q&A mirror, encyclopedia page, gambling injection, English footer, Hong Kong news, a listing
sentence inside the body, sub-heads and a numbered list, a news-wire tail), overall and per layout.

Four parts, all printed:

1. **Isolated** — pages built like ``../shared/tools/corrupt.py`` builds them (its own ``header_lines``,
   ``footer_lines``, ``spam_header``, ``split_paragraphs``, ``fold_fullwidth``) but with no script or byte
   damage: exactly what the strip stage sees once decode, repair and convert have done their work.
   Scored with ``../shared/tools/evaluate.py``'s ``score``; every generated line carries its kind, so the
   share of each boilerplate kind removed (and of each article kind kept) is exact.
2. **Held-out** — pages of layouts and words the generator never uses (gambling spam, other breadcrumbs,
   bylines, widgets, disclaimers, English footers, doc-sharing and blog pages, a journal article), built
   here from ``clean_hant.jsonl`` articles converted to Simplified.
3. **Clean corpus** — every article of ``clean.jsonl`` and ``clean_hant.jsonl`` (converted) as title +
   paragraphs, and split into sentence groups as corrupt.py does: lines lost must be 0.
4. **Pipeline** — ``cleantext.clean_document`` on corrupt.py cases (seeds given), strip on vs off in the
   same process (strip off = the baseline).

Speed is the strip stage alone, in MB/s of UTF-8 input (CPU time, best of three), cold (memo of short
lines cleared before every page) and warm (one batch): on the real strip input of corrupt.py cases (each
case through decode, repair and convert first), on the isolated pages, and on the sample page.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(REPO))

from cleantext import strip_rules as rules  # noqa: E402
from cleantext.strip import strip  # noqa: E402


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corrupt = _load("corrupt")
evaluate = _load("evaluate")

ARTICLE_KINDS = ("title", "byline", "paragraph")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def read_corpus(name: str) -> list[dict]:
    path = SHARED / "corpus" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- pages built from (text, kind) lines -----------------------------------------------------------


def render(
    lines: list[tuple[str, str]], rng: random.Random, fold: bool | None = None
) -> tuple[str, list[int]]:
    """The page text and the 1-based line number of each generated line."""
    sep = rng.choice(["\n", "\n\n"])
    indent = rng.choice(["", "  ", "\u3000\u3000", "\u00a0\u00a0 "])
    fold = rng.random() < 0.7 if fold is None else fold
    out, numbers, no = [], [], 1
    for text, kind in lines:
        if fold:
            text = corrupt.fold_fullwidth(text)
        out.append((indent if kind == "paragraph" else "") + text)
        numbers.append(no)
        no += sep.count("\n")
    return sep.join(out), numbers


def generator_kind(line: str, titles: set[str]) -> str:
    """The kind of a corrupt.py footer line (from its templates)."""
    if line.startswith("网站声明"):
        return "disclaimer"
    if line.startswith(("上一篇", "下一篇")):
        return "prev-next"
    if line in ("更多>同类资讯", "相关阅读", "相关文章", "热点推荐", "推荐图文", "推荐资讯", "点击排行"):
        return "block-title"
    if "|" in line:
        return "nav"
    if line.startswith("Copyright"):
        return "copyright"
    if "ICP" in line or "公网安备" in line:
        return "licence"
    return "related-title" if line in titles else "other"


def isolated_page(article: dict, rng: random.Random, titles: list[str], title_set: set[str]):
    title = article["title"].strip()
    paragraphs = corrupt.split_paragraphs(article["text"], rng)
    lines: list[tuple[str, str]] = []
    if rng.random() < 0.8:
        lines.append((corrupt.spam_header(rng), "seo-header"))
        if rng.random() < 0.25:
            lines.append(("?", "debris"))
    if rng.random() < 0.1:
        for tag in rng.sample(corrupt.TAGS, 3):
            lines.append(
                (f'{rng.choice(["", "•", "1."])}<{tag} id="x{rng.randint(1000, 9999)}"></{tag}>', "empty-tag")
            )
    for text, keep in corrupt.header_lines(rng, title, paragraphs):
        if keep:
            kind = "title" if text == title else "byline"
        elif text.startswith("首页 >"):
            kind = "breadcrumb"
        elif text.isdigit():
            kind = "counter"
        elif "欢迎您" in text:
            kind = "greeting"
        else:
            kind = "summary-duplicate"
        lines.append((text, kind))
    lines += [(p, "paragraph") for p in paragraphs]
    lines += [(text, generator_kind(text, title_set)) for text in corrupt.footer_lines(rng, titles)]
    if rng.random() < 0.7:
        pool = " | ".join(corrupt.spam_keyword(rng) for _ in range(rng.randint(15, 50)))
        lines.append(("主站蜘蛛池模板: " + pool + " |", "spider-pool"))
    return lines


# --- held-out layouts ------------------------------------------------------------------------------

GAMBLING = [
    "澳门",
    "新葡京",
    "威尼斯人",
    "皇冠",
    "体育",
    "百家乐",
    "真人",
    "娱乐",
    "六合彩",
    "时时彩",
    "赛车",
    "棋牌",
    "捕鱼",
    "老虎机",
    "开户",
    "注册",
    "送彩金",
    "官网",
    "平台",
    "下载",
    "登录",
    "网址",
    "投注",
    "博彩",
    "电子",
    "游戏",
    "casino",
    "slots",
    "bet365",
]
NAMES = ["赵一鸣", "钱小红", "孙立新", "李华", "周志强", "吴敏", "郑海", "王晓东"]
MEDIA = ["东方日报", "南方周刊", "西部商报", "北方晨报", "华夏时报", "财经观察网"]


def gamble_kw(rng: random.Random) -> str:
    return "".join(rng.sample(GAMBLING, rng.randint(2, 3)))


def heldout_page(article: dict, rng: random.Random, titles: list[str], layout_id: int):
    """A page in one of several layouts the generator does not use; (text, kind) lines."""
    title = article["title"].strip()
    paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    date = f"{rng.randint(2005, 2024)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    iso = f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    name, media = rng.choice(NAMES), rng.choice(MEDIA)
    rel = [rng.choice(titles) for _ in range(rng.randint(3, 6))]
    L: list[tuple[str, str]] = []
    if layout_id == 0:  # news portal, gambling spam joined by full-width commas
        L.append(("，".join(gamble_kw(rng) for _ in range(rng.randint(5, 10))), "seo-header"))
        L.append(("您现在的位置：首页 >> 行业新闻 >> 详细内容", "breadcrumb"))
        L.append((title, "title"))
        L.append((f"作者：{name}　　来源：{media}　　发布时间：{date}", "byline"))
        L.append((f"浏览次数：{rng.randint(10, 99999)}", "counter"))
        L.append(("【字体：大 中 小】【打印】【关闭】", "widget"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append((f"责任编辑：{rng.choice(NAMES)}", "widget"))
        L.append(("分享到：", "widget"))
        L.append(("猜你喜欢", "block-title"))
        L += [(t, "related-title") for t in rel]
        L.append(("关于本站 | 联系我们 | 广告合作 | 网站地图 | 招聘信息", "nav"))
        L.append(
            (
                f"京ICP证0{rng.randint(10000, 99999)}号  京公网安备11010502{rng.randint(100000, 999999)}号",
                "licence",
            )
        )
        L.append(("违法和不良信息举报电话：12377", "licence"))
    elif layout_id == 1:  # English-ish footer, underscore spam with English words, no byline
        L.append(("_".join(gamble_kw(rng) for _ in range(rng.randint(6, 9))), "seo-header"))
        L.append(("当前位置：网站首页 > 新闻动态", "breadcrumb"))
        L.append((title, "title"))
        L.append((f"点击：{rng.randint(1, 999)}次", "counter"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append(("本文来源于网络，版权归原作者所有，如有侵权请联系我们删除。", "disclaimer"))
        L.append(("上一条：" + rel[0], "prev-next"))
        L.append(("下一条：" + rel[1], "prev-next"))
        L.append(("Home | About Us | Contact | Privacy Policy | Terms of Use", "nav"))
        L.append(("Copyright 2008-2023 Example Media Co., Ltd. All rights reserved.", "copyright"))
        L.append(("Powered by WordPress", "copyright"))
    elif layout_id == 2:  # lead repeated after a category line, tags, space-separated keyword pool
        L.append((title, "title"))
        L.append((f"{iso} {rng.randint(0, 23):02d}:{rng.randint(10, 59)}  来源：{media}", "byline"))
        L.append(("行业动态", "category"))
        lead = paragraphs[0][: max(20, len(paragraphs[0]) // 3)]
        L.append(("内容提要：" + lead + "……", "summary-duplicate"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append(("标签：" + " ".join(rng.sample(["能源", "科技", "历史", "地理", "文化"], 3)), "category"))
        L.append(
            (
                "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务，不代表本站观点。",
                "disclaimer",
            )
        )
        L.append(("延伸阅读", "block-title"))
        L += [(t, "related-title") for t in rel[:3]]
        L.append(("热门搜索：" + " ".join(gamble_kw(rng) for _ in range(18)), "spider-pool"))
    elif layout_id == 3:  # document-sharing page
        L.append((title + "_第1页", "doc-stub"))
        L.append(("文档简介", "doc-stub"))
        L.append((title, "title"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append((f"已阅读{rng.randint(2, 5)}页，还剩{rng.randint(6, 40)}页未读，继续阅读", "doc-stub"))
        L.append(("下载本文档", "doc-stub"))
        L.append(("相关文档", "block-title"))
        L += [(t + ".doc", "related-title") for t in rel[:3]]
    elif layout_id == 4:  # blog page
        L.append(("首页 :: 新随笔 :: 联系 :: 订阅 :: 管理", "nav"))
        L.append((title, "title"))
        L.append((f"{iso} {rng.randint(0, 23):02d}:{rng.randint(10, 59)}", "byline"))
        L.append(("[[" + str(rng.randint(100000, 999999)) + "]]", "placeholder"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append(
            (
                f"posted @ {iso} 阅读({rng.randint(1, 999)}) 评论({rng.randint(0, 9)}) 编辑 收藏 引用",
                "counter",
            )
        )
        L.append(("地址：北京市海淀区某某路1号  邮编：100080  电话：010-62345678", "contact"))
        L.append((f"Copyright ©{rng.randint(2005, 2024)} {name}", "copyright"))
    elif layout_id == 5:  # journal article: every line is the article's
        L.append((title, "title"))
        L.append((f"作者：{name} {rng.choice(NAMES)}", "byline"))
        L.append(("（某某大学 历史系，北京 100084）", "paragraph"))
        L.append(("摘要：本文讨论" + title + "的由来与影响，并提出新的看法。", "paragraph"))
        L.append(
            ("关键词：" + "；".join(rng.sample(["历史", "地理", "文化", "考证", "综述"], 3)), "paragraph")
        )
        L += [(p, "paragraph") for p in paragraphs]
        L.append(("参考文献", "paragraph"))
        L.append(("[1] 张三. 某某研究[J]. 某某学报, 2001(2): 1-10.", "paragraph"))
    else:  # forum thread: profile block before the first post
        L.append(("一区二区_" + "_".join(gamble_kw(rng) for _ in range(6)), "seo-header"))
        L.append((title, "title"))
        L.append(("楼主", "forum-profile"))
        L.append((f"发表于 {iso} 12:{rng.randint(10, 59)} | 只看该作者", "byline"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append((f"积分 {rng.randint(1, 9999)}", "forum-profile"))
        L.append(("回复 引用 举报 TOP", "forum-profile"))
        L.append(("Powered by Discuz! X3.4", "copyright"))
    return L


HELDOUT_LAYOUTS = 7

# Mixed held-out pages: parts drawn at random from pools of wording the phrase lists mostly lack.
SITES = ["南山信息港", "东海门户", "北辰在线", "西岭资讯网", "中原热线", "江城生活网"]
SPAM_SEPS = ["_", ",", "，", "-", "|", " - ", "、"]
BREADCRUMBS = [
    "您的位置：首页 >> 资讯 >> 正文",
    "位置: 主页 » 新闻 » 国内",
    "当前页：首页 > 文章 > 详情",
    "首页 > {site} > 社会 > 正文",
    "所在位置：{site} → 新闻",
]
TOP_NAVS = [
    "首页 | 国内 | 国际 | 财经 | 体育 | 娱乐",
    "首页 · 要闻 · 评论 · 图片 · 视频",
    "登录 | 注册 | 手机版 | 设为首页",
]
BYLINES = [
    "文/{name}",
    "来源：{media} 作者：{name} 时间：{iso} 浏览：{n}次",
    "【来源：{media}】【作者：{name}】【日期：{iso}】",
    "{date} {media}",
    "{media} {iso}",
    "发布者：admin 发布时间：{iso2} 10:00:00",
    "时间：{iso} | 来源：{media} | 编辑：{name}",
]
COUNTERS = ["(已有 {n} 人阅读)", "评论(0)", "浏览：{n}", "热度 {n}℃", "{n}人已阅读", "阅读 {n} · 评论 0"]
SUMMARIES = ["【摘要】", "导语：", "提要:", "内容简介："]
HEAD_WIDGETS = [
    "分享到：微信 微博 QQ空间",
    "扫描二维码分享到微信",
    "字号：大 中 小",
    "【打印】【关闭】",
    "A+ A-",
]
DISCLAIMERS = [
    "免责声明：本站所有文章均来自互联网，仅供学习交流，如有侵权请联系删除。",
    "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
    "本站提醒：文章仅代表作者个人观点，与本站立场无关，转载请注明出处。",
    "凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。",
]
BLOCK_TITLES = ["大家还在看", "你可能感兴趣的", "看了本文的人还看了", "编辑推荐", "近期文章", "热门排行"]
PREV_NEXT = [
    ("上一篇文章：", "下一篇文章："),
    ("上一篇: ", "下一篇: "),
    ("« 上一篇 ", "下一篇 »"),
    ("Previous: ", "Next: "),
]
FOOT_NAVS = [
    "网站首页 - 关于我们 - 联系我们 - 广告服务 - 网站地图",
    "About | Contact | Privacy | Terms",
    "关于我们 ｜ 加入我们 ｜ 商务合作 ｜ 意见反馈",
    "手机版 | 电脑版 | 回到顶部",
]
COPYRIGHTS = [
    "©{y} {site} 版权所有",
    "Copyright © 2001-{y} {site}. All Rights Reserved.",
    "本网站由{site}提供技术支持",
    "{site} 版权所有 未经授权禁止复制或建立镜像",
]
LICENCES = [
    "京ICP证0{n}号-1",
    "京公网安备 1101080202{n}号",
    "互联网新闻信息服务许可证1012017{n}",
    "网络文化经营许可证：京网文〔2016〕{n}号",
    "增值电信业务经营许可证：B2-2009{n}",
]
CONTACTS = ["联系电话：010-{n}  电子邮箱：web@example.com", "地址：江城市解放路{n}号 邮编：430000"]
QR = ["扫一扫关注微信公众号", "关注我们", "返回顶部"]


def fresh_page(article: dict, rng: random.Random, titles: list[str]):
    """Government, university, news-portal and tech-blog layouts, written after the rules were frozen
    (their first-run figures are the honest generalisation estimate); (text, kind) lines."""
    title = article["title"].strip()
    paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    y = rng.randint(2008, 2024)
    iso = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    name, other = rng.sample(NAMES, 2)
    city = rng.choice(["临江", "青石", "北岭", "安平"])
    rel = [rng.choice(titles) for _ in range(rng.randint(2, 5))]
    L: list[tuple[str, str]] = []
    kind = rng.randint(0, 3)
    if kind == 0:  # government site
        L.append((f"{city}市人民政府门户网站", "site-name"))
        L.append(("首页  政务公开  政务服务  互动交流  走进" + city, "nav"))
        L.append(("当前位置：首页 > 政务公开 > 工作动态", "breadcrumb"))
        L.append((title, "title"))
        L.append(
            (
                f"发布日期：{iso}  来源：市教育局  浏览次数：{rng.randint(10, 9999)}  字号：[大 中 小]",
                "byline",
            )
        )
        L += [(p, "paragraph") for p in paragraphs]
        L.append(("【打印本页】 【关闭窗口】", "widget"))
        L.append((f"主办：{city}市人民政府办公室  承办：{city}市大数据中心", "copyright"))
        L.append(
            (f"网站标识码：44010000{rng.randint(10, 99)}  粤ICP备0501{rng.randint(1000, 9999)}号", "licence")
        )
    elif kind == 1:  # university news site
        L.append((f"{city}大学新闻网", "site-name"))
        L.append(("新闻首页 | 学校要闻 | 综合新闻 | 媒体关注 | 校园文化", "nav"))
        L.append((title, "title"))
        L.append((f"作者：学生记者 {name}  摄影：{other}  发布时间：{iso}", "byline"))
        L.append((f"点击数：{rng.randint(10, 9999)}", "counter"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append((f"(编辑：{other})", "widget"))
        L.append(("上一条：" + rel[0], "prev-next"))
        L.append(("下一条：" + rel[1], "prev-next"))
        L.append(
            (f"Copyright© {y} {city}大学 党委宣传部  地址：{city}市大学路1号  邮编：510000", "copyright")
        )
    elif kind == 2:  # news portal
        L.append(("手机看新闻 | 登录 | 注册", "nav"))
        L.append((title, "title"))
        L.append(
            (f"{iso} 10:{rng.randint(10, 59)}:{rng.randint(10, 59)} 来源: {rng.choice(MEDIA)}", "byline")
        )
        L.append(("0 评论 | 分享到：", "widget"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append((f"[责任编辑：{name}]", "widget"))
        L.append(("相关新闻", "block-title"))
        L += [("· " + t, "related-title") for t in rel]
        L.append(("网友评论", "block-title"))
        L.append(("请登录后发表评论", "widget"))
        L.append(("本网版权所有，未经书面授权禁止使用", "copyright"))
        L.append((f"Copyright © 2000-{y} EXAMPLE.com All Rights Reserved.", "copyright"))
    else:  # tech blog
        L.append((title, "title"))
        L.append(
            (
                f"原创 {name} 已于 {iso} 10:00:00 修改 阅读量{rng.randint(2, 99)}k "
                f"收藏 {rng.randint(1, 99)} 点赞数 3",
                "byline",
            )
        )
        L.append(("分类专栏： 学习笔记 文章标签： 历史 地理", "category"))
        L.append(
            (
                "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
                "disclaimer",
            )
        )
        L.append((f"本文链接：https://blog.example.com/{name}/article/{rng.randint(10**6, 10**7)}", "widget"))
        L += [(p, "paragraph") for p in paragraphs]
        L.append(("文章知识点与官方知识档案匹配，可进一步学习相关知识", "widget"))
        L.append(("打赏", "widget"))
        L.append(("举报", "widget"))
        L.append(("评论 2", "counter"))
    return L


def mixed_page(article: dict, rng: random.Random, titles: list[str]):
    """A page of random header/footer parts from the pools above; (text, kind) lines."""
    title = article["title"].strip()
    paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    y = rng.randint(2005, 2024)
    fill = dict(
        site=rng.choice(SITES),
        name=rng.choice(NAMES),
        media=rng.choice(MEDIA),
        n=rng.randint(100, 99999),
        y=y,
        date=f"{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        iso=f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        iso2=f"{y}/{rng.randint(1, 12)}/{rng.randint(1, 28)}",
    )
    f = lambda t: t.format(**fill)  # noqa: E731
    L: list[tuple[str, str]] = []
    if rng.random() < 0.7:
        L.append(
            (rng.choice(SPAM_SEPS).join(gamble_kw(rng) for _ in range(rng.randint(4, 10))), "seo-header")
        )
    if rng.random() < 0.3:
        L.append((f("{site}"), "site-name"))
    if rng.random() < 0.3:
        L.append((rng.choice(TOP_NAVS), "nav"))
    if rng.random() < 0.4:
        L.append((f(rng.choice(BREADCRUMBS)), "breadcrumb"))
    L.append((title, "title"))
    has_byline = rng.random() < 0.7
    if has_byline:
        L.append((f(rng.choice(BYLINES)), "byline"))
    if rng.random() < 0.3:
        L.append((f(rng.choice(COUNTERS)), "counter"))
    if rng.random() < 0.3:
        L.append((rng.choice(HEAD_WIDGETS), "widget"))
    if rng.random() < 0.3 and len(paragraphs[0]) > 40:
        L.append(
            (
                rng.choice(SUMMARIES) + paragraphs[0][: rng.randint(20, min(100, len(paragraphs[0]) - 5))],
                "summary-duplicate",
            )
        )
    L += [(p, "paragraph") for p in paragraphs]
    blocks: list[list[tuple[str, str]]] = []
    if rng.random() < 0.5:
        blocks.append([(rng.choice(DISCLAIMERS), "disclaimer")])
    if rng.random() < 0.4:
        a, b = rng.choice(PREV_NEXT)
        blocks.append([(a + rng.choice(titles), "prev-next"), (b + rng.choice(titles), "prev-next")])
    if rng.random() < 0.5:
        blocks.append(
            [(rng.choice(BLOCK_TITLES), "block-title")]
            + [(rng.choice(titles), "related-title") for _ in range(rng.randint(2, 6))]
        )
    if rng.random() < 0.5:
        blocks.append([(rng.choice(FOOT_NAVS), "nav")])
    if rng.random() < 0.5:
        blocks.append([(f(rng.choice(COPYRIGHTS)), "copyright")])
    if rng.random() < 0.5:
        blocks.append([(f(t), "licence") for t in rng.sample(LICENCES, rng.randint(1, 2))])
    if rng.random() < 0.3:
        blocks.append([(f(rng.choice(CONTACTS)), "contact")])
    if rng.random() < 0.3:
        blocks.append([(rng.choice(QR), "widget")])
    rng.shuffle(blocks)
    L += [line for block in blocks for line in block]
    if rng.random() < 0.5:
        kind = rng.randint(0, 2)
        if kind == 0:
            L.append(
                ("友情链接：" + " | ".join(gamble_kw(rng) for _ in range(rng.randint(12, 30))), "spider-pool")
            )
        elif kind == 1:
            L.append(
                ("热门标签：" + " ".join(gamble_kw(rng) for _ in range(rng.randint(15, 30))), "spider-pool")
            )
        else:
            L.append(("_".join(gamble_kw(rng) for _ in range(rng.randint(15, 30))), "spider-pool"))
    return L


# --- held-out 2: layouts written after the rules, measured before any rule change ------------------

WECHAT_ACCOUNTS = ["山河读书会", "城市观察者", "古今杂谈", "科普前沿"]
SPAM2 = [
    "博彩",
    "娱乐城",
    "澳门",
    "彩票",
    "体育投注",
    "真人视讯",
    "电子游艺",
    "线上赌场",
    "葡京",
    "金沙",
    "永利",
    "彩金",
    "返水",
    "开户送",
    "网投",
    "大发快三",
    "北京赛车",
    "幸运飞艇",
]


def spam2_kw(rng: random.Random) -> str:
    return "".join(rng.sample(SPAM2, rng.randint(1, 2)))


def heldout2_page(article: dict, rng: random.Random, titles: list[str], layout_id: int):
    """Nine layouts written after the rules were frozen (WeChat mirror, Q&A mirror, encyclopedia,
    gambling injection, English footer, Hong Kong news, in-body keyword list, sub-heads and numbered
    list, news tail); (text, kind) lines. Article tails ``（完）`` and ``（记者 某某）`` are the
    article's; ``责任编辑：`` is a widget."""
    title = article["title"].strip()
    paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    y = rng.randint(2012, 2024)
    iso = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    name, other = rng.sample(NAMES, 2)
    rel = [rng.choice(titles) for _ in range(rng.randint(3, 5))]
    body = [(p, "paragraph") for p in paragraphs]
    L: list[tuple[str, str]] = []
    if layout_id == 0:  # WeChat article mirror
        acct = rng.choice(WECHAT_ACCOUNTS)
        L.append(("点击上方蓝字关注我们", "widget"))
        L.append((title, "title"))
        L.append((f"原创 {name} {acct} {iso}", "byline"))
        L += body
        L.append(("- END -", "widget"))
        L.append(("长按识别二维码关注", "widget"))
        L.append(("往期推荐", "block-title"))
        L += [(t, "related-title") for t in rel]
        L.append(("阅读原文", "widget"))
        L.append((f"阅读 {rng.randint(100, 99999)}  在看 {rng.randint(1, 99)}", "counter"))
    elif layout_id == 1:  # Zhihu-like Q&A mirror
        L.append(("首页 · 知乎 · 发现 · 等你来答", "nav"))
        L.append((title, "title"))
        L.append((f"关注者 {rng.randint(10, 9999)}  被浏览 {rng.randint(1000, 999999)}", "counter"))
        L.append((f"{rng.randint(2, 99)} 个回答", "counter"))
        L.append((f"{name}", "byline"))
        L.append((f"{rng.randint(1, 999)} 人赞同了该回答", "counter"))
        L += body
        L.append((f"编辑于 {iso}", "forum-profile"))
        L.append((f"赞同 {rng.randint(1, 999)}  添加评论  分享  收藏  喜欢", "widget"))
        L.append(("查看全部回答", "widget"))
        L.append(("相关问题", "block-title"))
        L += [(t + "？", "related-title") for t in rel[:3]]
    elif layout_id == 2:  # Baike-like page
        L.append(("百科首页 | 秒懂百科 | 特色百科 | 知识专题 | 用户", "nav"))
        L.append((title, "title"))
        L.append(("编辑", "widget"))
        L.append(("锁定", "widget"))
        L.append(("目录", "widget"))
        L += [(f"{k + 1} 概述" if k == 0 else f"{k + 1} 历史", "widget") for k in range(2)]
        L += body
        L.append(("参考资料", "paragraph"))
        L.append((f"1. {title}．{rng.choice(MEDIA)}．{iso}", "paragraph"))
        L.append(("词条统计", "block-title"))
        L.append((f"浏览次数：{rng.randint(1000, 99999)}次", "counter"))
        L.append((f"编辑次数：{rng.randint(2, 99)}次历史版本", "counter"))
        L.append((f"最近更新：{name}（{iso}）", "footer"))
        L.append(("©2024 Baike 使用百科前必读 | 百科协议 | 隐私政策 | 帮助中心", "copyright"))
    elif layout_id == 3:  # gambling injection with other separators
        sep = rng.choice(["|", "、", " ", "｜", "/"])
        L.append((sep.join(spam2_kw(rng) for _ in range(rng.randint(5, 10))), "seo-header"))
        if rng.random() < 0.5:
            L.append((rng.choice(SPAM2) + "官方网站", "seo-header"))
        L.append((title, "title"))
        L.append((f"发布时间：{iso}", "byline"))
        L += body
        L.append(("、".join(spam2_kw(rng) for _ in range(rng.randint(12, 20))), "spider-pool"))
        L.append((" ".join(spam2_kw(rng) + "平台" for _ in range(rng.randint(12, 20))), "spider-pool"))
    elif layout_id == 4:  # English footer
        L.append(("Home  News  Features  Opinion  About", "nav"))
        L.append((title, "title"))
        L.append((f"By {name} | {iso}", "byline"))
        L += body
        L.append(("Share: Facebook Twitter LinkedIn Email", "widget"))
        L.append(("Related Posts", "block-title"))
        L += [(t, "related-title") for t in rel[:3]]
        L.append(("Privacy Policy | Terms of Service | Cookie Settings | Contact Us", "nav"))
        L.append((f"© {y} Example Daily. All rights reserved.", "copyright"))
        L.append(("Powered by Ghost", "copyright"))
    elif layout_id == 5:  # Hong Kong news site (Simplified after conversion)
        L.append(("新闻 | 港闻 | 两岸 | 国际 | 财经 | 体育 | 娱乐", "nav"))
        L.append((title, "title"))
        L.append((f"{iso} {rng.randint(10, 23)}:{rng.randint(10, 59)}", "byline"))
        L.append(("分享至", "widget"))
        L += body
        L.append(("上一则", "related-block"))
        L.append(("下一则", "related-block"))
        L.append(("相关新闻", "block-title"))
        L += [(t, "related-title") for t in rel]
        L.append((f"© {y} 香港某某报业有限公司 版权所有", "copyright"))
    elif layout_id == 6:  # a keyword-like list sentence in the middle of the body (kept)
        cut = max(1, len(body) // 2)
        items = "、".join(rng.sample(["钢铁", "煤炭", "纺织", "化工", "造船", "电子", "建材", "食品"], 5))
        L.append((f"{rng.choice(SITES)} 欢迎您", "greeting"))
        L.append((title, "title"))
        L.append((f"来源：{rng.choice(MEDIA)}  {iso}", "byline"))
        L += body[:cut]
        L.append((f"当地的主要产业有{items}等，其中前两项占了一半以上", "paragraph"))
        L.append((items.replace("、", "，"), "paragraph"))
        L += body[cut:]
        L.append(("本文仅代表作者观点，不代表本站立场", "disclaimer"))
        L.append(("返回顶部", "widget"))
    elif layout_id == 7:  # short sub-heads and a numbered list (kept)
        cut = max(1, len(body) // 2)
        L.append(("当前位置：首页 > 知识 > 正文", "breadcrumb"))
        L.append((title, "title"))
        L.append((f"{iso}  作者：{name}", "byline"))
        L.append(("一、背景", "paragraph"))
        L += body[:cut]
        L.append(("二、要点", "paragraph"))
        L += [(f"{k}. {t}", "paragraph") for k, t in enumerate(["资料的来源", "历史沿革", "现状与展望"], 1)]
        L += body[cut:]
        L.append(("三、结语", "paragraph"))
        L.append(("总的来看，这一问题仍有讨论的余地", "paragraph"))
        L.append(("热门文章", "block-title"))
        L += [(t, "related-title") for t in rel[:3]]
        L.append(("联系我们 | 免责声明 | 网站导航", "nav"))
    else:  # news wire tail: （完）, reporter, responsible editor
        L.append((f"{rng.choice(SITES)} > 新闻 > 国内", "breadcrumb"))
        L.append((title, "title"))
        L.append((f"{rng.choice(MEDIA)}讯 {iso}", "byline"))
        L += body
        L.append((f"（记者 {name}）", "paragraph"))
        L.append(("（完）", "paragraph"))
        L.append((f"责任编辑：{other}", "widget"))
        L.append(("【纠错】", "widget"))
        L.append((f"{rng.randint(1, 999)}", "counter"))
        L.append(("推荐阅读", "block-title"))
        L += [(t, "related-title") for t in rel[:3]]
    return L


HELDOUT2_LAYOUTS = 9


def bench_heldout2(n: int, hant: list[dict], titles: list[str]) -> None:
    rng = random.Random(2026)
    tally = Tally()
    per: dict[int, Tally] = defaultdict(Tally)
    for k, article in enumerate(rng.sample(hant, min(n, len(hant)))):
        lines = heldout2_page(article, rng, titles, k % HELDOUT2_LAYOUTS)
        page, numbers = render(lines, rng, fold=rng.random() < 0.5)
        tally.add(lines, page, numbers)
        per[k % HELDOUT2_LAYOUTS].add(lines, page, numbers)
    tally.report(f"held-out 2 ({HELDOUT2_LAYOUTS} layouts written last)")
    names = ["wechat", "q&a", "baike", "gambling", "english", "hk-news", "in-body list", "subheads", "tail"]
    for k, t in sorted(per.items()):
        prec = statistics.fmean(r["line_precision"] for r in t.rows)
        rec = statistics.fmean(r["line_recall"] for r in t.rows)
        print(
            f"  layout {names[k]:13} precision {prec:.4f} recall {rec:.4f} "
            f"title+byline {t.title_byline_ok / len(t.rows):.3f}"
        )


# --- scoring ---------------------------------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.kinds: dict[str, Counter] = defaultdict(Counter)
        self.title_byline_ok = 0
        self.misses: list[str] = []

    def add(self, lines: list[tuple[str, str]], page: str, numbers: list[int]) -> None:
        article = strip(page)
        removed = {r.line_no for r in article.removed}
        expected = [text for text, kind in lines if kind in ARTICLE_KINDS]
        row = evaluate.score("\n\n".join(expected) + "\n", article.text)
        self.rows.append(row)
        for (text, kind), no in zip(lines, numbers, strict=True):
            self.kinds[kind]["total"] += 1
            self.kinds[kind]["removed" if no in removed else "kept"] += 1
            wrong = (no in removed) == (kind in ARTICLE_KINDS)
            if wrong and len(self.misses) < 40:
                self.misses.append(f"{kind}: {'dropped' if no in removed else 'kept'}: {text[:70]}")
        want_title = next((t for t, k in lines if k == "title"), "")
        want_byline = next((t for t, k in lines if k == "byline"), "")
        title_ok = norm(article.title) in (norm(corrupt.fold_fullwidth(want_title)), norm(want_title))
        byline_ok = norm(article.byline) in (norm(corrupt.fold_fullwidth(want_byline)), norm(want_byline))
        self.title_byline_ok += title_ok and byline_ok

    def report(self, name: str) -> None:
        n = len(self.rows)
        prec = statistics.fmean(r["line_precision"] for r in self.rows)
        rec = statistics.fmean(r["line_recall"] for r in self.rows)
        exact = sum(r["exact"] for r in self.rows) / n
        print(f"\n== {name}: {n} pages")
        print(
            f"line precision {prec:.4f}   article-line recall {rec:.4f}   exact {exact:.3f}   "
            f"title+byline exact {self.title_byline_ok / n:.3%}"
        )
        print(f"{'kind':20} {'lines':>6} {'removed':>8} {'share':>7}")
        for kind in sorted(self.kinds, key=lambda k: (k not in ARTICLE_KINDS, k)):
            c = self.kinds[kind]
            share = c["removed"] / c["total"]
            note = "  (article: should be 0)" if kind in ARTICLE_KINDS else ""
            print(f"{kind:20} {c['total']:6d} {c['removed']:8d} {share:7.3f}{note}")
        for miss in self.misses:
            print("  miss:", miss)


def bench_isolated(n: int, seeds: list[int], articles: list[dict]) -> tuple[list[str], Tally]:
    titles = [a["title"] for a in articles]
    title_set = set(titles)
    tally = Tally()
    pages = []
    for seed in seeds:
        rng = random.Random(seed)
        for article in rng.sample(articles, min(n, len(articles))):
            lines = isolated_page(article, rng, titles, title_set)
            page, numbers = render(lines, rng)
            pages.append(page)
            tally.add(lines, page, numbers)
    tally.report(f"isolated (corrupt.py layouts, no byte damage), seeds {seeds}")
    return pages, tally


def bench_heldout(n: int, hant: list[dict], titles: list[str]) -> None:
    rng = random.Random(99)
    tally = Tally()
    for k, article in enumerate(rng.sample(hant, min(n, len(hant)))):
        lines = heldout_page(article, rng, titles, k % HELDOUT_LAYOUTS)
        page, numbers = render(lines, rng, fold=rng.random() < 0.5)
        tally.add(lines, page, numbers)
    tally.report(
        f"held-out fixed layouts ({HELDOUT_LAYOUTS} layouts: portal, English footer, lead+tags, "
        "doc-sharing, blog, journal, forum)"
    )
    tally = Tally()
    for article in rng.sample(hant, min(n, len(hant))):
        lines = mixed_page(article, rng, titles)
        page, numbers = render(lines, rng, fold=rng.random() < 0.5)
        tally.add(lines, page, numbers)
    tally.report("held-out mixed pages (random parts, wording mostly absent from the phrase lists)")
    tally = Tally()
    for article in rng.sample(hant, min(n, len(hant))):
        lines = fresh_page(article, rng, titles)
        page, numbers = render(lines, rng, fold=rng.random() < 0.5)
        tally.add(lines, page, numbers)
    tally.report("fresh held-out (government, university, portal, tech-blog pages)")


def bench_clean(simp: list[dict], hant: list[dict]) -> None:
    lost = pages = lines_total = 0
    examples = []
    rng = random.Random(7)
    for article in simp + hant:
        for paragraphs in (
            [p.strip() for p in article["text"].split("\n") if p.strip()],
            corrupt.split_paragraphs(article["text"], rng),
        ):
            lines = [article["title"].strip()] + paragraphs
            out = strip("\n".join(lines))
            kept = {line.strip() for line in out.text.splitlines()}
            pages += 1
            lines_total += len(lines)
            for line in lines:
                if line.strip() not in kept:
                    lost += 1
                    if len(examples) < 10:
                        examples.append(line[:80])
    print(
        f"\n== clean corpus: {pages} pages ({len(simp)} + {len(hant)} articles, two splits), "
        f"{lines_total} lines, lines lost: {lost}"
    )
    for e in examples:
        print("  lost:", e)


def _cpu_seconds(pages: list[str], cold: bool, **options: object) -> float:
    """Best of three CPU times (process time: the machine is shared) to strip every page."""
    best = float("inf")
    for _ in range(3):
        rules.clear_memo()
        t0 = time.process_time()
        for page in pages:
            if cold:
                rules.clear_memo()
            strip(page, **options)
        best = min(best, time.process_time() - t0)
    return best


def bench_speed(label: str, pages: list[str]) -> None:
    """MB/s of UTF-8 input: cold (memo of short lines cleared before every page, as for one page on the
    command line) and warm (one batch, furniture lines repeat), against the layout-only pass."""
    size = sum(len(p.encode("utf-8")) for p in pages)
    cold = _cpu_seconds(pages, cold=True)
    warm = _cpu_seconds(pages, cold=False)
    base = _cpu_seconds(pages, cold=False, enabled=False)
    print(
        f"\n== speed, {label}: {len(pages)} pages, {size / 1e6:.2f} MB, "
        f"{size / len(pages) / 1e3:.1f} kB/page: "
        f"cold {size / cold / 1e6:.1f} MB/s, warm {size / warm / 1e6:.1f} MB/s "
        f"(layout only: {size / base / 1e6:.0f} MB/s)"
    )


_TRIVIAL = re.compile(r"[。！？!?]\\s*$")


def _trivial_pass(pages: list[str]) -> float:
    """Best of three CPU times of the cheapest line pass there is: split, strip, one regex a line."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for page in pages:
            _ = [line for raw in page.splitlines() if (line := raw.strip()) and _TRIVIAL.search(line)]
        best = min(best, time.process_time() - t0)
    return best


def bench_strip_speed(n: int, seeds: list[int]) -> None:
    """Strip-stage speed on what the pipeline feeds it, against the trivial line pass."""
    pages = strip_inputs(n, seeds)
    size = sum(len(p.encode("utf-8")) for p in pages)
    base = _trivial_pass(pages)
    print(
        f"\n== strip speed: {len(pages)} strip inputs of corrupt.py cases (seeds {seeds}), "
        f"{size / 1e6:.2f} MB, {sum(p.count(chr(10)) + 1 for p in pages)} lines"
    )
    print(f"trivial line pass (baseline): {base:.3f} s CPU, {size / base / 1e6:.0f} MB/s")
    for cold in (True, False):
        cpu = _cpu_seconds(pages, cold=cold)
        print(
            f"strip, {'cold (memo cleared per page)' if cold else 'warm (one batch)            '}: "
            f"{cpu:.3f} s CPU, {size / cpu / 1e6:.1f} MB/s, {cpu / base:.1f}x the baseline's time"
        )


def typical_pages(hant: list[dict], titles: list[str], n: int) -> list[str]:
    """Pages of the usual size: multi-paragraph articles (clean_hant, converted) in corpus.py furniture."""
    rng = random.Random(5)
    title_set = set(titles)
    pages = []
    for article in rng.sample(hant, min(n, len(hant))):
        pages.append(render(isolated_page(article, rng, titles, title_set), rng)[0])
    return pages


def _corrupt_cases(directory: Path, n: int, seed: int) -> list[Path]:
    """``corrupt.py`` cases of clean.jsonl (``n`` of them, ``seed``) written under ``directory``."""
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "corrupt.py"),
            str(SHARED / "corpus" / "clean.jsonl"),
            str(directory),
            "--n",
            str(n),
            "--seed",
            str(seed),
        ],
        check=True,
        capture_output=True,
    )
    return sorted(directory.glob("[0-9][0-9][0-9][0-9].txt"))


def strip_inputs(n: int, seeds: list[int]) -> list[str]:
    """What the strip stage really gets on corrupt.py cases: each case through decode, repair, convert."""
    from cleantext import convert, decode, repair

    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            for path in _corrupt_cases(Path(tmp) / f"s{seed}", n, seed):
                text = decode.decode(path.read_bytes()).text
                pages.append(convert.convert(repair.repair(text).text).text)
    return pages


def bench_pipeline(n: int, seeds: list[int]) -> None:
    from cleantext.pipeline import clean_document

    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            paths = _corrupt_cases(Path(tmp) / f"s{seed}", n, seed)
            figures = {}
            for mode in (True, False):
                rows, ok = [], 0
                for raw_path in paths:
                    expected = raw_path.with_suffix(".expected.txt").read_text(encoding="utf-8")
                    try:
                        result = clean_document(raw_path.read_bytes(), strip=mode)
                        out = result.text
                    except Exception:  # noqa: BLE001 - another stage failing is a figure, not a crash
                        out, result = "", None
                    rows.append(evaluate.score(expected, out))
                    exp_lines = evaluate.norm_lines(expected)
                    if result is not None and exp_lines and norm(result.title) == exp_lines[0]:
                        ok += 1
                figures[mode] = (
                    statistics.fmean(r["line_precision"] for r in rows),
                    statistics.fmean(r["line_recall"] for r in rows),
                    statistics.fmean(r["exact"] for r in rows),
                    ok / len(rows),
                )
            on, off = figures[True], figures[False]
            print(f"\n== pipeline (clean_document, current repair/convert), seed {seed}, {n} cases")
            for name, fig in (("strip on ", on), ("strip off", off)):
                print(
                    f"{name}: precision {fig[0]:.4f} recall {fig[1]:.4f} exact {fig[2]:.3f} "
                    f"title {fig[3]:.3f}"
                )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--pipeline-only", action="store_true")
    ap.add_argument("--heldout2", action="store_true", help="only the second held-out set")
    ap.add_argument("--speed", action="store_true", help="only the strip-stage speed on strip inputs")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    if args.speed:
        bench_strip_speed(args.n, seeds)
        return
    if args.pipeline_only:
        bench_pipeline(args.n, seeds)
        return

    import opencc

    simp = [a for a in read_corpus("clean.jsonl") if any("\u4e00" <= c <= "\u9fff" for c in a["title"])]
    t2s = opencc.OpenCC("t2s")
    hant = [
        dict(a, title=t2s.convert(a["title"]), text=t2s.convert(a["text"]))
        for a in read_corpus("clean_hant.jsonl")
    ]
    titles = [a["title"] for a in simp]
    if args.heldout2:
        bench_heldout2(args.n, hant, titles)
        return
    if args.speed_only:
        rng = random.Random(1)
        pages = [render(isolated_page(a, rng, titles, set(titles)), rng)[0] for a in rng.sample(simp, args.n)]
    else:
        pages, _ = bench_isolated(args.n, seeds, simp)
        bench_heldout(args.n, hant, titles)
        bench_clean(read_corpus("clean.jsonl"), hant)
    bench_speed(
        f"strip input of corrupt.py cases (after decode, repair, convert), seeds {args.seeds}",
        strip_inputs(args.n, seeds),
    )
    bench_speed("corrupt.py layouts on clean.jsonl (short articles)", pages[: args.n])
    bench_speed(
        "corrupt.py layouts on clean_hant.jsonl (longer articles)", typical_pages(hant, titles, args.n)
    )
    sample = SHARED / "samples" / "000_b096d85c41661d66.txt"
    if sample.exists():
        bench_speed(
            "the sample page (t2s-converted) x 50", [t2s.convert(sample.read_text(encoding="utf-8"))] * 50
        )
    if not args.no_pipeline and not args.speed_only:
        bench_pipeline(args.n, seeds)


if __name__ == "__main__":
    main()
