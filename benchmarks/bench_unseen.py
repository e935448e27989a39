#!/usr/bin/env python3
"""End-to-end quality on pages unlike the generator's: other spam, other furniture, other layouts.

usage: python3 benchmarks/bench_unseen.py [--n 200] [--seed 1 [2 ...]] [--keep DIR] [--no-baseline]

``../shared/tools/corrupt.py`` makes the cases of ``bench_end_to_end.py``; a cleaner tuned on them may
learn its word lists. This script builds its own pages, with its own vocabulary written here: spam
headers of other trades (loans, gambling, games, clinics), page titles with a site suffix, breadcrumbs,
navigation bars, counters, share bars, teasers, app and QR prompts, copyright, ICP and police
registration lines, disclaimers, contact lines, friend links, comment sections, related lists under
various headings, tag lines, pagers, editor lines; before the title, between title and body, inside
the body and after it, with different blank-line conventions, indentation (full-width spaces, tabs,
``&nbsp;``) and line ends (CRLF).

Articles come from ``../shared/corpus/clean.jsonl`` (Simplified) and ``clean_hant.jsonl`` (native
Traditional), read at run time. The expected text is title, byline (when the page has one) and
paragraphs, one blank line between them (../shared/samples/README.md); for native Traditional articles
it is OpenCC ``t2s`` with the particle 著 written 着, so that kind also measures conversion.

Damage, done by this script's own code: Traditional script (OpenCC s2t / s2tw / s2hk, particle 着 →
著), pinyin annotations ``X(pīnyīn)`` on a per-page subset of Traditional-only characters (readings
from the table below), GBK restart damage (the decoder restarts one byte early, mostly at 。 and next to
quotes; bytes are shifted and decoded here, issue 3 explains the mechanism), encodings (UTF-8, UTF-8
with BOM, GB18030, Big5, UTF-16), full-width folding and HTML remnants. Cases are scored with
``../shared/tools/evaluate.py`` and compared with ``../shared/tools/baseline.py`` on the same pages;
figures are broken down by damage kind and by furniture kind (how many placed lines of each kind
stayed in the output), and every article line lost is listed with the reason cleantext gives.
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
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
sys.path.insert(0, str(REPO))

import cleantext  # noqa: E402


def words(text: str) -> list[str]:
    return text.split()


# --- vocabulary (written for this benchmark; deliberately unlike corrupt.py's lists) ------------------

SPAM_FAMILIES = {
    "loan": "无抵押贷款 极速放款 征信花了也能下款 日息低至万分之二 大额信用贷 当天到账 网贷口子 "
            "小额借钱秒批 免面签 负债高也能借 车辆抵押 公积金贷",
    "gambling": "真人娱乐 体育投注 彩票开奖结果 棋牌游戏大厅 百家乐技巧 注册送彩金 首存优惠 老虎机 "
                "时时彩计划 六合彩资料 电子游艺 足球比分直播",
    "game": "传奇私服 新开一秒 手游礼包码 变态版手游 充值返利 开服表 仙侠网游 满级VIP "
            "无限元宝 BT手游盒子 复古合击 单职业",
    "medical": "男科医院哪家好 治疗早泄 不孕不育专家 无痛人流 挂号预约 植发多少钱 祛痘印 "
               "减肥药排行榜 白癜风医院 牛皮癣偏方 近视手术 种植牙价格",
}
SPAM_SEPARATORS = [" ", "|", "-", "——", " · ", "、", "，", " | "]
SITE_HEADS = words("蓝海 星辰 云帆 金桥 东岳 南湖 青松 白鹭 长风 明镜 远山 晨曦")
SITE_TAILS = words("在线 资讯网 门户 新闻网 视界 时讯 周刊 之窗 热线 头条")
DOMAINS = words("lanhai xingchen yunfan jinqiao dongyue nanhu qingsong bailu")
CHANNELS = words("国际 社会 文旅 健康 教育 汽车 房产 体育 娱乐 军事 历史 科普 读书 地方")
NAV_ITEMS = words("首页 新闻 体育 娱乐 财经 汽车 房产 旅游 教育 健康 图片 视频 论坛 博客 专题 直播")
SURNAMES = words("邓 冯 韩 曹 彭 曾 萧 田 董 袁 潘 蒋 蔡 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪")
GIVEN = words("子 涵 若 梓 浩 然 思 雨 嘉 怡 俊 杰 佳 琪 欣 悦 鹏 飞 婷 雪 磊 鑫 凯 瑞 博 颖 琳 慧 帆 辰")
OUTLETS = words("都市晚报 南方周刊 北方商报 江城日报 环球时讯 晨光网 东方早报 西部快报 滨海日报")
PROVINCES = words("晋 辽 吉 黑 皖 赣 桂 琼 渝 黔 滇 陕 甘 青 宁 津")
CITIES = words("江城 海州 云川 青阳 临安 北塘")
COMMENTS = ["支持一下", "学习了，谢谢分享", "写得很好，受益匪浅", "顶！", "沙发", "涨知识了"]
MARKERS = ["", "· ", "• ", "1. ", "▪ ", "> ", "○ "]
QUOTE_CHARS = "“”‘’「」『』《》（）"

# Traditional-only characters and one reading each (tone letters as GBK has them).
PINYIN = dict(
    item.split(":")
    for item in words(
        "們:men 這:zhè 來:lái 時:shí 個:gè 國:guó 會:huì 學:xué 說:shuō 對:duì 發:fā 經:jīng 開:kāi "
        "為:wèi 與:yǔ 過:guò 還:hái 進:jìn 動:dòng 東:dōng 書:shū 車:chē 長:cháng 門:mén 問:wèn "
        "間:jiān 現:xiàn 實:shí 點:diǎn 從:cóng 關:guān 後:hòu 見:jiàn 認:rèn 讓:ràng 機:jī 電:diàn "
        "業:yè 運:yùn 種:zhǒng 頭:tóu 產:chǎn 傳:chuán 區:qū 歷:lì 報:bào 場:chǎng 處:chù 軍:jūn "
        "農:nóng 華:huá 藝:yì 圖:tú 團:tuán 應:yīng 廣:guǎng 變:biàn 號:hào 構:gòu 歲:suì 當:dāng "
        "隊:duì 術:shù 環:huán 陽:yáng 際:jì 體:tǐ 質:zhì 網:wǎng 議:yì 組:zǔ 總:zǒng "
        "線:xiàn 給:gěi 舉:jǔ 義:yì 聯:lián 轉:zhuǎn 買:mǎi 賣:mài 鐵:tiě 銀:yín 島:dǎo 灣:wān"
    )
)
PARTICLE_ZHU_WORDS = ("著名", "著作", "显著", "著称", "土著", "卓著", "编著", "原著", "名著", "专著", "巨著",
                      "著者", "昭著", "合著", "论著", "遗著", "译著", "著述", "新著", "著录", "著书")

_CONVERTERS: dict[str, object] = {}


def opencc_convert(config: str, text: str) -> str:
    if config not in _CONVERTERS:
        import opencc

        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config].convert(text)  # type: ignore[attr-defined]


def hant_expected(text: str) -> str:
    """OpenCC t2s, then 著 → 着 outside the words where 著 means 'write/notable'."""
    text = opencc_convert("t2s", text)
    keep = "|".join(PARTICLE_ZHU_WORDS)
    parts = re.split(f"({keep})", text)
    return "".join(p if i % 2 else p.replace("著", "着") for i, p in enumerate(parts))


# --- page furniture ----------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    kind: str  # "title", "byline", "body" or a furniture kind
    keep: bool


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))


def site_name(rng: random.Random) -> str:
    return rng.choice(SITE_HEADS) + rng.choice(SITE_TAILS)


def a_date(rng: random.Random) -> str:
    y, m, d = rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}"])


def a_time(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"


def byline(rng: random.Random) -> str:
    shape = rng.randrange(7)
    if shape == 0:
        return f"文/{person(rng)}"
    if shape == 1:
        return f"文 / {person(rng)} {person(rng)}"
    if shape == 2:
        return f"作者：{person(rng)}\u3000\u3000来源：{rng.choice(OUTLETS)}"
    if shape == 3:
        return f"（记者 {person(rng)} 通讯员 {person(rng)}）"
    if shape == 4:
        return f"发布时间：{a_date(rng)} {a_time(rng)}  浏览次数：{rng.randint(10, 99999)}"
    if shape == 5:
        return f"{a_date(rng)} {a_time(rng)}  来源：{rng.choice(OUTLETS)}  编辑：{person(rng)}"
    return f"{rng.choice(OUTLETS)}讯 记者{person(rng)}报道"


def spam_header(rng: random.Random) -> tuple[str, str]:
    family = rng.choice(list(SPAM_FAMILIES))
    words = SPAM_FAMILIES[family].split()
    sep = rng.choice(SPAM_SEPARATORS)
    return f"spam-{family}", sep.join(rng.sample(words, rng.randint(4, min(10, len(words)))))


def page_title(rng: random.Random, title: str) -> str:
    sep = rng.choice([" - ", " | ", "——", " · ", "  ", "_"])
    parts = [title, rng.choice(CHANNELS) + rng.choice(["频道", "", "资讯"]), site_name(rng)]
    if rng.random() < 0.5:
        parts.pop(1)
    return sep.join(parts)


def breadcrumb(rng: random.Random) -> str:
    ch, ch2, site = rng.choice(CHANNELS), rng.choice(CHANNELS), site_name(rng)
    return rng.choice([
        f"当前位置：首页 » {ch} » 正文",
        f"您现在的位置: {site} > {ch} > 详细内容",
        f"首页 / {ch} / 文章详情",
        f"位置：网站首页>>{ch}>>{ch2}",
        f"{site} → {ch} → 正文阅读",
    ])


def nav_bar(rng: random.Random) -> str:
    return rng.choice(["  ", " | ", " · ", "｜", " / ", "\t"]).join(rng.sample(NAV_ITEMS, rng.randint(6, 10)))


def counter(rng: random.Random) -> str:
    n = rng.randint(1, 99999)
    return rng.choice([f"阅读：{n}", f"点击数：{n}", f"人气：{n}", f"{n}人已读", f"浏览量 {n}",
                       f"评论({n % 300})", f"阅读 {n} · 评论 {n % 97} · 点赞 {n % 51}", str(n)])


def share_bar(rng: random.Random) -> str:
    return rng.choice(["【字号 大 中 小】 【打印】 【关闭】", "分享到：微信 微博 QQ空间 豆瓣",
                       "收藏本文  打印本页  关闭窗口", "A- A+ 字体大小", "[ 放大 缩小 默认 ]"])


def teaser(rng: random.Random, first: str) -> str | None:
    if len(first) < 40:
        return None
    cut = rng.randint(15, min(len(first) - 8, 90))
    return rng.choice(["【摘要】", "内容提要：", "本文导读："]) + first[:cut] + rng.choice(["", "…", "..."])


def app_prompt(rng: random.Random) -> str:
    return rng.choice([f"打开{site_name(rng)}APP，阅读全文", "下载客户端，看更多精彩内容",
                       "用APP打开，体验更佳 >", "下载APP，随时随地看新闻"])


def qr_prompt(rng: random.Random) -> str:
    return rng.choice(["扫描二维码关注我们", "微信扫一扫 分享到朋友圈",
                       f"长按识别二维码，关注{site_name(rng)}公众号", "扫码下载APP"])


def copyright_line(rng: random.Random) -> str:
    y1, y2, site = rng.randint(2000, 2012), rng.randint(2015, 2025), site_name(rng)
    return rng.choice([f"版权所有 © {y1}-{y2} {site} 保留所有权利",
                       f"Copyright © {y2} www.{rng.choice(DOMAINS)}.com Inc. All rights reserved.",
                       f"©{y2} {site} 版权所有，未经授权禁止复制或建立镜像"])


def registration_lines(rng: random.Random) -> list[str]:
    p, n = rng.choice(PROVINCES), rng.randint(10**6, 10**8)
    options = [f"{p}ICP证{n}号", f"ICP备案号：{p}ICP备{n}号-{rng.randint(1, 9)}",
               f"{p}公网安备 {rng.randint(10**13, 10**14)}号", f"增值电信业务经营许可证：{p}B2-{n}",
               f"互联网新闻信息服务许可证：{rng.randint(10**10, 10**11)}"]
    picked = rng.sample(options, rng.randint(1, 3))
    return ["  ".join(picked)] if rng.random() < 0.4 else picked


def disclaimer(rng: random.Random) -> str:
    site = site_name(rng)
    return rng.choice([
        "免责声明：本文仅代表作者个人观点，与本站无关。文中陈述文字和内容未经本站证实，请读者仅作参考。",
        "特别提示：本站所载内容仅供参考，不构成任何投资建议，据此操作风险自担。",
        f"【版权说明】凡注明“来源：{site}”的作品，版权均属本站，未经书面授权不得转载。",
        "如本站内容侵犯了您的权益，请来信告知，我们会在核实后第一时间处理。",
    ])


def contact_line(rng: random.Random) -> str:
    dom = rng.choice(DOMAINS)
    return rng.choice([
        f"联系电话：0{rng.randint(10, 999)}-{rng.randint(10**7, 10**8 - 1)}  投稿邮箱：news@{dom}.com",
        f"地址：{rng.choice(CITIES)}市{rng.choice(SITE_HEADS)}路{rng.randint(1, 300)}号  "
        f"邮编：{rng.randint(10**5, 10**6 - 1)}",
        f"违法和不良信息举报电话：12377  举报邮箱：jubao@{dom}.cn",
        f"客服热线：400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}（工作日 9:00-18:00）",
    ])


def friend_links(rng: random.Random) -> list[str]:
    names = [site_name(rng) for _ in range(rng.randint(4, 8))]
    if rng.random() < 0.5:
        return ["友情链接：" + rng.choice(["  ", " | ", "、"]).join(names)]
    return ["友情链接"] + names


def comment_block(rng: random.Random) -> list[str]:
    n = rng.randint(0, 200)
    block = [rng.choice(["网友评论", "评论区", "发表评论", f"已有{n}条评论，点击查看"])]
    if rng.random() < 0.5:
        block.append("请文明上网，理性发言")
    for _ in range(rng.randint(0, 3)):
        block.append(f"{rng.choice(SITE_HEADS)}网友 {a_date(rng)}：{rng.choice(COMMENTS)}")
    if rng.random() < 0.4:
        block.append("用户名：  密码：  匿名发表")
    return block


def related_block(rng: random.Random, titles: list[str]) -> list[str]:
    heading = rng.choice(["延伸阅读", "猜你喜欢", "大家都在看", "热门文章", "最新文章", "推荐阅读",
                          "相关新闻", "看了本文的人还看了"])
    marker, dated = rng.choice(MARKERS), rng.random() < 0.3
    items = [marker + rng.choice(titles) + (f"  {a_date(rng)}" if dated else "")
             for _ in range(rng.randint(3, 6))]
    return [heading + rng.choice(["", "：", " >>"])] + items


def tag_line(rng: random.Random) -> str:
    words = rng.sample(CHANNELS, rng.randint(2, 4))
    return rng.choice(["标签：" + " ".join(words), "关键词：" + "，".join(words), "Tags: " + ", ".join(words),
                       "本文标签：" + " ".join(words)])


def pager(rng: random.Random) -> str:
    return rng.choice(["上一页 1 2 3 下一页", f"第1页 共{rng.randint(2, 9)}页", "首页 上一页 下一页 尾页",
                       "« 上一篇 | 下一篇 »", "返回顶部", "返回列表", "【返回】"])


def editor_line(rng: random.Random) -> str:
    return rng.choice([f"责任编辑：{person(rng)}", f"（编辑：{person(rng)}）", f"[责编：{person(rng)}]"])


def mid_body_line(rng: random.Random, titles: list[str]) -> str:
    return rng.choice([f"【相关阅读】{rng.choice(titles)}", "点击查看更多精彩内容>>", "（广告）",
                       "▲点击上方蓝字关注我们"])


# --- article -------------------------------------------------------------------------------------------


def split_paragraphs(text: str, rng: random.Random) -> list[str]:
    """The article's paragraphs; long blocks are cut after every 2 to 5 sentences."""
    out = []
    for block in (b.strip() for b in text.split("\n")):
        if not block:
            continue
        sentences = re.findall(r".+?(?:[。！？][”」』]?|$)", block)
        current, quota = "", rng.randint(2, 5)
        for sentence in sentences:
            current += sentence
            quota -= 1
            if quota == 0:
                out.append(current)
                current, quota = "", rng.randint(2, 5)
        if current:
            out.append(current)
    return out


def build_lines(rng: random.Random, title: str, paragraphs: list[str], titles: list[str]) -> Page:
    page = Page()
    before, between = [], []
    if rng.random() < 0.6:
        kind, text = spam_header(rng)
        before.append(Line(text, kind, False))
    if rng.random() < 0.35:
        before.append(Line(page_title(rng, title), "page-title", False))
    if rng.random() < 0.35:
        before.append(Line(nav_bar(rng), "nav", False))
    if rng.random() < 0.4:
        before.append(Line(breadcrumb(rng), "breadcrumb", False))
    if rng.random() < 0.1:
        before.append(Line(app_prompt(rng), "app", False))
    if rng.random() < 0.4:
        between.append(Line(counter(rng), "counter", False))
    if rng.random() < 0.25:
        between.append(Line(share_bar(rng), "share", False))
    if rng.random() < 0.25 and (t := teaser(rng, paragraphs[0])):
        between.append(Line(t, "teaser", False))
    if rng.random() < 0.1:
        between.append(Line(tag_line(rng), "tags", False))
    rng.shuffle(between)
    page.lines += before + [Line(title, "title", True)]
    if rng.random() < 0.7:
        page.lines.append(Line(byline(rng), "byline", True))
    page.lines += between
    body = [Line(p, "body", True) for p in paragraphs]
    if rng.random() < 0.1 and len(body) > 2:
        body.insert(rng.randrange(1, len(body)), Line(mid_body_line(rng, titles), "mid-body", False))
    page.lines += body
    blocks: list[list[Line]] = []
    makers = [
        (0.3, "editor", lambda: [editor_line(rng)]),
        (0.3, "tags", lambda: [tag_line(rng)]),
        (0.3, "pager", lambda: [pager(rng)]),
        (0.4, "related", lambda: related_block(rng, titles)),
        (0.3, "comments", lambda: comment_block(rng)),
        (0.3, "share", lambda: [share_bar(rng)]),
        (0.35, "disclaimer", lambda: [disclaimer(rng)]),
        (0.3, "contact", lambda: [contact_line(rng) for _ in range(rng.randint(1, 2))]),
        (0.25, "friend-links", lambda: friend_links(rng)),
        (0.2, "app", lambda: [app_prompt(rng)]),
        (0.2, "qr", lambda: [qr_prompt(rng)]),
        (0.3, "nav", lambda: [nav_bar(rng)]),
        (0.45, "copyright", lambda: [copyright_line(rng)]),
        (0.45, "registration", lambda: registration_lines(rng)),
    ]
    for probability, kind, make in makers:
        if rng.random() < probability:
            blocks.append([Line(text, kind, False) for text in make()])
    head, tail = blocks[: len(blocks) // 2], blocks[len(blocks) // 2:]
    rng.shuffle(head)  # the order of content-side blocks varies, the site's bottom stays last
    for block in head + tail:
        page.lines += block
    if rng.random() < 0.3:
        kind, text = spam_header(rng)
        page.lines.append(Line(text, kind, False))
    return page


# --- damage --------------------------------------------------------------------------------------------

G0 = "\x01"  # marks the garbage character of a restart; the page shows it as '?'


def pair_to_char(lead: int, trail: int) -> str:
    """A GBK pair as the sites' decoder shows it: FE50–FEA0 as U+E815.. in order, invalid pairs '?'."""
    if lead == 0xFE and 0x50 <= trail <= 0xA0 and trail != 0x7F:
        return chr(0xE815 + (trail - 0x50) - (1 if trail > 0x7F else 0))
    try:
        return bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        try:
            return bytes((lead, trail)).decode("gb18030")
        except UnicodeDecodeError:
            return "?"


def sites_gbk_decode(data: bytes, restarts: set[int]) -> str:
    """Decode GBK bytes pair by pair; an invalid pair is one '?' and takes its second byte with it."""
    out, i = [], 0
    while i < len(data):
        prefix = G0 if i in restarts else ""
        lead = data[i]
        if lead < 0x80:
            out.append(prefix + chr(lead))
            i += 1
        elif lead in (0x80, 0xFF) or i + 1 == len(data):
            out.append(prefix + "?")
            i += 1
        else:
            trail = data[i + 1]
            ok = 0x40 <= trail <= 0xFE and trail != 0x7F
            out.append(prefix + (pair_to_char(lead, trail) if ok else "?"))
            i += 2
    return "".join(out)


def gbk_restart(text: str, rng: random.Random) -> tuple[str, int]:
    """Re-send a character's last byte before the next one at chosen places: the decoder goes out of step."""
    at_stop, at_quote, anywhere = rng.uniform(0.03, 0.12), rng.uniform(0.04, 0.12), rng.uniform(0.0, 0.003)
    data, restarts, prev_trail = bytearray(), set(), None
    for k, ch in enumerate(text):
        raw = ch.encode("gbk")
        following = text[k + 1: k + 2]
        if len(raw) == 2 and prev_trail is not None:
            near_quote = bool(following) and following in QUOTE_CHARS
            rate = at_stop if ch in "。！？" else at_quote if near_quote else anywhere
            if rng.random() < rate:
                restarts.add(len(data))
                data.append(prev_trail)
        data += raw
        prev_trail = raw[1] if len(raw) == 2 else None
    return sites_gbk_decode(bytes(data), restarts), len(restarts)


def annotate_pinyin(text: str, readings: dict[str, str]) -> str:
    """``X`` → ``X(reading)`` for the chosen characters; a garbage character shows as '?' and loses '('."""
    out, garbage = [], False
    for ch in text:
        if ch == G0:
            garbage = True
            continue
        reading = readings.get(ch)
        if garbage:
            out.append("?" + (reading + ")" if reading else ""))
            garbage = False
        else:
            out.append(ch + (f"({reading})" if reading else ""))
    return "".join(out)


def fold_fullwidth(text: str) -> str:
    return text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "…": "&hellip;", "·": "&middot;",
            "、": "&#12289;"}


def html_remnants(text: str, rng: random.Random, style: int) -> str:
    if style == 0:
        text = text + "</p>"
    elif style == 1:
        text = "<p>" + text + "</p>"
    elif style == 2:
        text = text + rng.choice(["<br>", "<br />", "<br/>"])
    if rng.random() < 0.5:
        text = "".join(ENTITIES.get(c, c) if rng.random() < 0.5 else c for c in text)
    return text


def gbk_ok(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class Case:
    raw: bytes
    expected: str
    damage: list[str]
    furniture: list[tuple[str, str]]  # (kind, Simplified text)


def make_case(article: dict, native_hant: bool, rng: random.Random, titles: list[str]) -> Case:
    title = article["title"].strip()
    paragraphs = split_paragraphs(article["text"], rng)
    page = build_lines(rng, title, paragraphs, titles)
    damage: list[str] = []
    if native_hant:
        script = "native-hant"
        expected_of = hant_expected
        to_script = lambda s: opencc_convert("s2tw", s)  # noqa: E731 - furniture written in Simplified
    else:
        script = rng.choice(["simplified", "simplified", "s2t", "s2tw", "s2hk"])
        expected_of = lambda s: s  # noqa: E731
        if script == "simplified":
            to_script = lambda s: s  # noqa: E731
        else:
            to_script = lambda s, c=script: opencc_convert(c, s).replace("着", "著")  # noqa: E731
    damage.append("script:" + script)
    expected = "\n\n".join(expected_of(line.text) for line in page.lines if line.keep) + "\n"
    furniture = [(line.kind, line.text) for line in page.lines if not line.keep]

    spam_in_script = rng.random() < 0.5
    texts = []
    for line in page.lines:
        article_text = line.keep and native_hant
        if article_text or (line.kind.startswith("spam-") and not spam_in_script):
            texts.append(line.text)
        else:
            texts.append(to_script(line.text))

    indent = rng.choice(["", "", "\u3000\u3000", "\t", "    ", "&nbsp;&nbsp;&nbsp;&nbsp;", " \u3000"])
    html_style = rng.randrange(3) if rng.random() < 0.3 else None
    if html_style is not None:
        damage.append("html")
    for k, line in enumerate(page.lines):
        if line.kind == "body":
            t = texts[k]
            if html_style is not None:
                t = html_remnants(t, rng, html_style)
            texts[k] = indent + t
    if indent:
        damage.append("indent")

    first_body = next(k for k, line in enumerate(page.lines) if line.kind == "body")
    last_body = max(k for k, line in enumerate(page.lines) if line.kind == "body")
    region = "\n".join(texts[first_body: last_body + 1])
    if rng.random() < 0.4 and gbk_ok(region):
        region, hits = gbk_restart(region, rng)
        if hits:
            damage.append("gbk-restart")
    lines = texts[:first_body] + region.split("\n") + texts[last_body + 1:]

    traditional = script != "simplified"
    text = "\n".join(lines)
    if traditional and rng.random() < 0.5:
        present = sorted({c for c in text if c in PINYIN})
        chosen = rng.sample(present, min(len(present), rng.randint(4, 30)))
        text = annotate_pinyin(text, {c: PINYIN[c] for c in chosen})
        damage.append("pinyin")
    else:
        text = annotate_pinyin(text, {})

    lines = text.split("\n")
    gap = rng.choice(["\n", "\n", "\n\n", "\n \n", "\n\u3000\n", "\n\n\n"])
    text = "".join(line + (gap if rng.random() < 0.9 else "\n\n") for line in lines)
    if rng.random() < 0.5:
        text = fold_fullwidth(text)
        damage.append("fold-fullwidth")
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
        damage.append("crlf")
    encodings = ["utf-8"] * 5 + ["utf-8-sig", "gb18030", "gb18030", "utf-16"]
    encodings += ["big5"] * 2 if traditional else []
    encoding = rng.choice(encodings)
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, raw = "utf-8", text.encode("utf-8")
    damage.append("encoding:" + encoding)
    return Case(raw, expected, damage, furniture)


# --- scoring -------------------------------------------------------------------------------------------


def load_tool(name: str):  # noqa: ANN201 - a module
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_articles(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a for a in rows if re.search(r"[\u4e00-\u9fff]", a["title"]) and a["text"].strip()]


def norm(line: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", line)).strip()


def summarise(rows: list[dict]) -> str:
    return (f"exact {sum(r['exact'] for r in rows) / len(rows):.3f} "
            f"cer {statistics.fmean(r['cer'] for r in rows):.5f} "
            f"P {statistics.fmean(r['line_precision'] for r in rows):.4f} "
            f"R {statistics.fmean(r['line_recall'] for r in rows):.4f}")


def clean_cases(cases: dict, cases_dir: Path, ours_dir: Path) -> dict[str, object]:
    """Write each case's page and expected text, clean the page with cleantext, write its output and a
    manifest of the damage and furniture; return each page's ``CleanResult`` (None if refused).
    Shared with bench_fresh.py: a case needs ``raw``, ``expected``, ``damage`` and ``furniture``."""
    for d in (cases_dir, ours_dir):
        d.mkdir(parents=True, exist_ok=True)
    docs: dict[str, object] = {}
    for name, case in cases.items():
        (cases_dir / f"{name}.txt").write_bytes(case.raw)
        (cases_dir / f"{name}.expected.txt").write_text(case.expected, encoding="utf-8")
        try:
            doc = cleantext.clean_document(case.raw)
            text = doc.text
        except cleantext.CleantextError as exc:
            doc, text = None, ""
            print(f"  {name}: cleantext failed: {exc}")
        docs[name] = doc
        (ours_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    with open(cases_dir / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for name, case in cases.items():
            kinds = sorted({k for k, _ in case.furniture})
            record = {"case": name, "damage": case.damage, "furniture": kinds}
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
    return docs


def score_outputs(cases: dict, out_dir: Path, evaluator) -> dict[str, dict]:  # noqa: ANN001
    """evaluate.py's score of each output in ``out_dir``, with the residue beyond the expected text's."""
    result = {}
    for name, case in cases.items():
        got = (out_dir / f"{name}.txt").read_text(encoding="utf-8", errors="replace")
        result[name] = evaluator.score(case.expected, got)
        residue = evaluator.residue(unicodedata.normalize("NFKC", got))
        expected_residue = evaluator.residue(unicodedata.normalize("NFKC", case.expected))
        result[name]["residue"] = {k: max(0, v - expected_residue.get(k, 0)) for k, v in residue.items()}
    return result


def run_baseline(cases: dict, cases_dir: Path, base_dir: Path) -> None:
    """``baseline.py -o base_dir`` on the cases' pages."""
    files = [str(cases_dir / f"{name}.txt") for name in cases]
    subprocess.run([sys.executable, str(TOOLS / "baseline.py"), "-o", str(base_dir), *files], check=True)


def run_seed(seed: int, n: int, work: Path, evaluator, baseline: bool) -> None:  # noqa: ANN001, PLR0915
    from rapidfuzz import fuzz

    rng = random.Random(seed)
    simp = load_articles(SHARED / "corpus" / "clean.jsonl")
    hant = load_articles(SHARED / "corpus" / "clean_hant.jsonl")
    titles = [a["title"] for a in simp]
    n_hant = n // 4
    picks = [(a, False) for a in rng.sample(simp, min(n - n_hant, len(simp)))]
    picks += [(a, True) for a in rng.sample(hant, min(n_hant, len(hant)))]
    rng.shuffle(picks)
    cases_dir, ours_dir = work / f"pages-{seed}", work / f"cleantext-{seed}"
    base_dir = work / f"baseline-{seed}"
    cases: dict[str, Case] = {f"{i:04d}": make_case(article, native, rng, titles)
                              for i, (article, native) in enumerate(picks)}
    docs = clean_cases(cases, cases_dir, ours_dir)
    ours = score_outputs(cases, ours_dir, evaluator)
    rows_by_tool = {"cleantext": ours}
    if baseline:
        run_baseline(cases, cases_dir, base_dir)
        rows_by_tool["baseline"] = score_outputs(cases, base_dir, evaluator)

    print(f"seed {seed}: {len(cases)} pages ({sum(native for _, native in picks)} native Traditional), "
          f"{sum(len(c.raw) for c in cases.values()) / 1e6:.2f} MB")
    for tool, rows in rows_by_tool.items():
        residue: dict[str, int] = defaultdict(int)
        for r in rows.values():
            for k, v in r["residue"].items():
                residue[k] += v
        print(f"  {tool:10s} {summarise(list(rows.values()))}")
        print(f"  {'':10s} residue beyond expected {dict(residue)}")

    by_kind: dict[str, list[str]] = defaultdict(list)
    for name, case in cases.items():
        for label in case.damage:
            by_kind[label].append(name)
    print(f"  by damage kind ({' | '.join(rows_by_tool)}):")
    for label, names in sorted(by_kind.items()):
        cells = [summarise([rows[nm] for nm in names]) for rows in rows_by_tool.values()]
        print(f"    {label:20s} n={len(names):3d} " + " | ".join(cells))

    # Furniture: which placed lines stayed in the output (an output line matching no expected line).
    placed: dict[str, int] = defaultdict(int)
    leaked: dict[str, int] = defaultdict(int)
    leaked_examples: dict[str, list[str]] = defaultdict(list)
    pages_with: dict[str, list[str]] = defaultdict(list)
    for name, case in cases.items():
        expected_lines = [norm(x) for x in case.expected.splitlines() if norm(x)]
        out_text = (ours_dir / f"{name}.txt").read_text(encoding="utf-8")
        extra = [norm(o) for o in out_text.splitlines()
                 if norm(o) and not any(fuzz.ratio(norm(o), e) >= 80 for e in expected_lines)]
        for kind in {k for k, _ in case.furniture}:
            pages_with[kind].append(name)
        for kind, text in case.furniture:
            placed[kind] += 1
            line = norm(text)
            if any(fuzz.ratio(line, x) >= 80 or (len(line) >= 6 and line in x) for x in extra):
                leaked[kind] += 1
                if len(leaked_examples[kind]) < 3:
                    leaked_examples[kind].append(f"{name}: {text[:60]}")
    print("  by furniture kind (lines placed, kept by cleantext; page figures cleantext):")
    for kind in sorted(placed):
        names = pages_with[kind]
        print(f"    {kind:16s} lines {placed[kind]:4d} kept {leaked[kind]:3d}  pages n={len(names):3d} "
              f"{summarise([ours[nm] for nm in names])}")
    for kind, examples in sorted(leaked_examples.items()):
        for example in examples:
            print(f"      kept {kind}: {example}")

    worst = sorted(ours.items(), key=lambda kv: -kv[1]["cer"])[:8]
    print("  worst cleantext cases:")
    for name, r in worst:
        print(f"    {name} cer {r['cer']:.4f} P {r['line_precision']:.3f} R {r['line_recall']:.3f} "
              f"{' '.join(cases[name].damage)}")

    print("  article lines lost by cleantext (line recall < 1):")
    lost_total = 0
    for name, r in ours.items():
        if r["line_recall"] >= 1:
            continue
        case, doc = cases[name], docs[name]
        out_text = (ours_dir / f"{name}.txt").read_text(encoding="utf-8")
        out_lines = [norm(o) for o in out_text.splitlines() if norm(o)]
        for exp in (norm(x) for x in case.expected.splitlines()):
            if not exp or any(fuzz.ratio(o, exp) >= 80 for o in out_lines):
                continue
            lost_total += 1
            reason = "cleantext failed"
            if doc is not None:
                hits = [(fuzz.ratio(norm(rm.text), exp), rm) for rm in doc.removed]
                best = max(hits, key=lambda h: h[0], default=None)
                if any(len(o) > len(exp) and fuzz.partial_ratio(exp, o) >= 90 for o in out_lines):
                    reason = "merged into a longer output line"
                elif best and best[0] >= 70:
                    reason = f"removed: {best[1].label}/{best[1].rule}"
                else:
                    near = max((fuzz.ratio(o, exp) for o in out_lines), default=0)
                    reason = f"not in removed (best output match {near:.0f})"
            print(f"    {name} [{' '.join(case.damage)}] {reason}: {exp[:70]}")
    print(f"  {lost_total} article lines lost")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, nargs="+", default=[1])
    ap.add_argument("--keep", type=Path, help="keep pages and outputs under this directory")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    evaluator = load_tool("evaluate")
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleantext-unseen-"))
    for seed in args.seed:
        run_seed(seed, args.n, work, evaluator, not args.no_baseline)
    if args.keep is None:
        print(f"(pages and outputs in {work})")


if __name__ == "__main__":
    main()
