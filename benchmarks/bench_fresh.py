#!/usr/bin/env python3
"""End-to-end quality on pages nobody has tuned to: a page maker written apart from the strip rules.

usage: python3 benchmarks/bench_fresh.py [--n 200] [--seed 1 [2 ...]] [--keep DIR] [--no-baseline] [-q]

The team's ``bench_unseen.py`` has been read while rules were written, so its figures are optimistic.
This script was written without looking at cleantext's strip rules or phrase lists; its furniture
vocabulary (spam of other trades: property, training courses, travel, cars, weddings, industrial
supplies, stock tips; site types: government portals, university news, forums, blogs, video pages,
company sites, mobile mirrors), its layouts and its damage code are its own.

Articles are read at run time from ``../shared/corpus/clean.jsonl`` (Simplified) and
``clean_hant.jsonl`` (native Traditional). The expected text is the title, the byline when the page
has one, and the paragraphs, one blank line apart (``../shared/samples/README.md``); for native
Traditional articles it is OpenCC ``t2s`` with the particle 著 written 着. A Simplified article shown in
Traditional script expects what the page says read back the same way (``t2s``, ``tw2s`` or ``hk2s``
as the page's script asks, then the 著 rule): the corpus's own Taiwan-style 著 and characters like 霑,
and s2twp's Taiwan words (自行车 → 腳踏車), cannot be told from the page.

Damage kinds (a page gets several; each is a label in the per-kind table):

- ``script:*``: Simplified, OpenCC s2t / s2tw / s2hk / s2twp (particle 着 → 著), or native Traditional;
- ``pinyin``: ``X(pīnyīn)`` after a per-page subset of Traditional characters (readings below);
- ``gbk-restart``: GBK bytes with a byte sent twice at a few places (mostly before 。，quotes); the
  sites' decoder reads pairs out of step, an invalid pair is one ``?`` that eats the byte after it,
  user-defined pairs come out as private-use characters, the garbage character shows as ``?`` and, when
  it drew a pinyin annotation, keeps only ``reading)`` (issue 3);
- ``line-moji:*``: one or two lines (title, byline or paragraph) of UTF-8 read as GBK, Big5 or cp1252
  (lossless, or lossy with ``?``/U+FFFD), or GBK read as cp1252;
- ``html``: tags around and inside paragraphs, entities (named, numeric, double-escaped), comments;
- ``fold:*``: full-width forms folded to ASCII (all, or punctuation only);
- ``indent:*``, ``eol:*``: odd indentation (tabs, mixed spaces, NBSP, ideographic spaces, trailing
  blanks) and line ends (CRLF, mixed);
- ``enc:*``: UTF-8, UTF-8 with BOM, GB18030, GBK, Big5, UTF-16 (BOM, or little-endian without BOM).

Every page is scored with ``../shared/tools/evaluate.py`` and compared with ``../shared/tools/baseline.py``
on the same pages. It prints the figures per damage kind, every article line lost with the reason
cleantext gives, every article line kept but changed (with its damage), and the residue left in the
output beyond what the expected text holds, with examples.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
sys.path.insert(0, str(REPO))


# --- vocabulary, written for this script ------------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


TRADES = {
    "property": "楼盘 二手房 学区房 精装现房 首付两成 地铁口 限时特价 总价80万起 看房团 公寓出租 "
                "商铺招租 别墅",
    "training": "考研培训 雅思托福 专升本 在职研究生 一对一辅导 少儿编程 成人高考 会计证 教师资格证 "
                "包过班 网课",
    "travel": "跟团游 自由行 特价机票 酒店预订 签证办理 海岛度假 邮轮旅游 纯玩无购物 亲子游 景点门票 民宿",
    "cars": "二手车 汽车报价 新能源车 以旧换新 零首付购车 车险 洗车美容 轮胎批发 改装配件 驾校报名",
    "wedding": "婚纱摄影 婚庆公司 婚礼策划 个人写真 旅拍套餐 钻戒定制 婚宴酒店 跟妆 新娘造型",
    "industry": "不锈钢管 液压机 阀门厂家 螺丝批发 铝型材 轴承 水泵 管件 激光切割机 现货供应 厂家直销",
    "stocks": "股票配资 炒股软件 期货开户 外汇平台 牛股推荐 涨停板 数字货币 行情分析 私募内参",
}
SPAM_JOINERS = ["_", "|", " ", "，", "、", "-", " / ", "+"]
TOWNS = words("临川 景宁 安溪 凤阳 泸溪 乌兰 和田 滁州 秦皇岛 丽水 德阳 肇庆 宜宾 鞍山")
SITE_KINDS = {
    "gov": ("{town}市人民政府门户网站",
            ["政务公开", "办事服务", "互动交流", "走进{town}", "数据开放", "专题专栏"]),
    "school": ("{town}师范学院新闻网",
               ["学校首页", "学院概况", "师资队伍", "招生就业", "校园文化", "校友之窗"]),
    "forum": ("{town}论坛", ["版块", "精华区", "发帖", "搜索", "我的帖子", "帮助"]),
    "blog": ("{town}行者的博客", ["博文", "相册", "关于我", "留言板", "归档", "订阅"]),
    "video": ("{town}视频", ["推荐", "直播", "纪录片", "综艺", "少儿", "会员中心"]),
    "company": ("{town}华辰机械有限公司",
                ["网站首页", "产品中心", "解决方案", "客户案例", "新闻动态", "在线留言"]),
    "mobile": ("{town}手机报", ["头条", "本地", "图集", "排行", "客户端下载", "返回电脑版"]),
}
SURNAMES = words("欧阳 司马 诸葛 上官 柳 白 秦 尹 江 贺 龙 谷 严 覃 莫 闫 洪 温 石 葛 邱 夏 黎")
GIVEN = words("清 墨 远 航 岚 晨 露 峰 舟 安 宁 书 言 泽 朗 茜 蕾 川 桐 柯 晴 曦 淼 尧")
OUTLETS = words("山河日报 九州时报 新农村导报 滨江晚报 西北经济观察 湖畔新闻网 高原时讯 沿海商报 城乡周刊")
DEPARTMENTS = words("农业农村局 教育局 文化和旅游局 卫生健康委员会 宣传部 融媒体中心 团委 档案馆")
HOT_HEADS = ["热门文章", "猜你喜欢", "延伸阅读", "为您推荐", "看了本文的人还看了", "本周排行", "精彩图集"]
SHARE_WORDS = ["微信", "朋友圈", "新浪微博", "QQ好友", "QQ空间", "豆瓣", "复制链接"]
REPLIES = ["感谢楼主分享", "mark一下，回头细看", "说得有道理", "楼上正解", "前排围观", "收藏了"]

#: Traditional-only characters and the reading the page appends after them (tone letters as in GBK).
READINGS = dict(item.split("=") for item in words(
    "飛=fēi 鳥=niǎo 馬=mǎ 魚=yú 龍=lóng 鳳=fèng 風=fēng 雲=yún 陸=lù 億=yì 萬=wàn 壓=yā 歐=ōu 衛=wèi "
    "視=shì 親=qīn 計=jì 設=shè 評=píng 試=shì 語=yǔ 論=lùn 講=jiǎng 讀=dú 費=fèi 資=zī 負=fù 貨=huò "
    "貿=mào 輪=lún 較=jiào 載=zài 辦=bàn 選=xuǎn 遠=yuǎn 邊=biān 鄉=xiāng 醫=yī 錢=qián 鎮=zhèn 隨=suí "
    "離=lí 難=nán 雙=shuāng 頁=yè 項=xiàng 領=lǐng 題=tí 顯=xiǎn 類=lèi 養=yǎng 館=guǎn 齊=qí 劃=huà "
    "單=dān 嚴=yán 夢=mèng 務=wù 勞=láo 勝=shèng 張=zhāng 態=tài 據=jù 擔=dān 擊=jī 歸=guī 氣=qì 測=cè "
    "濟=jì 燈=dēng 獨=dú 畫=huà 積=jī 節=jié 紀=jì 級=jí 結=jié 統=tǒng 續=xù 羅=luó 聲=shēng 腦=nǎo "
    "興=xīng 舊=jiù 藥=yào 補=bǔ 製=zhì 覺=jué 觀=guān 證=zhèng 護=hù 豐=fēng 區=qū 們=men 這=zhè "
    "個=gè 時=shí 會=huì 為=wéi 說=shuō 國=guó 於=yú 來=lái 後=hòu 對=duì 學=xué 與=yǔ 員=yuán 軍=jūn"
))

#: Words where 著 is zhù (notable, to write): it stays 著 in Simplified; elsewhere it is the particle 着.
ZHU_WORDS = ("著名", "著作", "著称", "著述", "著者", "著录", "著书", "显著", "卓著", "昭著", "土著", "名著",
             "原著", "编著", "专著", "巨著", "论著", "合著", "遗著", "译著", "新著", "所著", "撰著", "著有")

_OPENCC: dict[str, object] = {}


def opencc(config: str, text: str) -> str:
    """OpenCC with ``config``, converters cached."""
    if config not in _OPENCC:
        import opencc as _lib

        _OPENCC[config] = _lib.OpenCC(config)
    return _OPENCC[config].convert(text)  # type: ignore[attr-defined]


def expected_from_hant(text: str) -> str:
    """Native Traditional → OpenCC t2s, 著 → 着 unless it is part of a zhù word."""
    return zhu_rule(opencc("t2s", text))


def zhu_rule(text: str) -> str:
    """著 → 着 unless it is part of a zhù word."""
    parts = re.split("(" + "|".join(ZHU_WORDS) + ")", text)
    return "".join(p if k % 2 else p.replace("著", "着") for k, p in enumerate(parts))


# --- page lines --------------------------------------------------------------------------------------


@dataclass
class Row:
    text: str
    kind: str  # title / byline / para / a furniture kind
    keep: bool


@dataclass
class Case:
    raw: bytes
    expected: str
    damage: list[str]
    furniture: list[tuple[str, str]]
    body_lines: list[str] = field(default_factory=list)


def name_of(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))


def date_of(rng: random.Random) -> str:
    y, m, d = rng.randint(2006, 2024), rng.randint(1, 12), rng.randint(1, 28)
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    return rng.choice([f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}", f"{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}",
                       f"{y}-{m}-{d}", f"{y}年{m}月{d}日"])


def spam_line(rng: random.Random) -> str:
    words = TRADES[rng.choice(list(TRADES))].split()
    picked = rng.sample(words, rng.randint(5, min(10, len(words))))
    town = rng.choice(TOWNS)
    picked = [town + w if rng.random() < 0.3 else w for w in picked]
    return rng.choice(SPAM_JOINERS).join(picked)


def byline_of(rng: random.Random) -> str:
    who, outlet, date = name_of(rng), rng.choice(OUTLETS), date_of(rng)
    dept = rng.choice(TOWNS) + "市" + rng.choice(DEPARTMENTS)
    return rng.choice([
        f"{date}\u3000来源：{outlet}",
        f"作者：{who}\u3000\u3000发布时间：{date}",
        f"来源：{dept}  发布日期：{date}",
        f"{outlet}记者 {who} {name_of(rng)}",
        f"文/{who}",
        f"【{outlet}】 {date}",
        f"发布者：{who} | {date}",
        f"{date} 作者：{who} 来源：{outlet}",
    ])


def split_into_paragraphs(text: str, rng: random.Random) -> list[str]:
    """The article's paragraphs; a single block is cut after every two to five sentences."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paras) > 1:
        return paras
    sentences = re.findall(r"[^。！？]+(?:[。！？]+[”」』）)】]*|$)", paras[0]) if paras else []
    out, cur, want = [], "", rng.randint(2, 5)
    for s in sentences:
        cur += s
        want -= 1
        if want == 0:
            out.append(cur)
            cur, want = "", rng.randint(2, 5)
    if cur.strip():
        out.append(cur)
    return [p.strip() for p in out if p.strip()]


def furniture_blocks(rng: random.Random, title: str, titles: list[str]) -> tuple[list[list[Row]], ...]:
    """Blocks before the title, between title and body, inside the body and after it."""
    kind = rng.choice(list(SITE_KINDS))
    town = rng.choice(TOWNS)
    site, menu = SITE_KINDS[kind]
    site = site.format(town=town)
    menu = [m.format(town=town) for m in menu]
    top: list[list[Row]] = []
    mid: list[list[Row]] = []
    inner: list[list[Row]] = []
    end: list[list[Row]] = []

    def add(where: list[list[Row]], kind_: str, *texts: str) -> None:
        where.append([Row(t, kind_, False) for t in texts])

    if rng.random() < 0.5:
        add(top, "spam-head", spam_line(rng))
    if rng.random() < 0.4:
        add(top, "page-title", f"{title}{rng.choice(['_', ' - ', '|', '——'])}{site}")
    if rng.random() < 0.35:
        add(top, "login", rng.choice(["登录 | 注册", "您好，欢迎来到" + site + "！ [请登录] [免费注册]",
                                      "设为首页 加入收藏 联系我们"]))
    if rng.random() < 0.5:
        add(top, "menu", rng.choice(["  ", " | ", "｜", " · "]).join(rng.sample(menu, rng.randint(4, 6))))
    if rng.random() < 0.25:
        add(top, "weather", f"今天是{date_of(rng).split()[0]} 星期{rng.choice('一二三四五六日')} "
                            f"{town} 多云 {rng.randint(-5, 20)}℃~{rng.randint(21, 35)}℃")
    if rng.random() < 0.45:
        arrow = rng.choice([" > ", " >> ", " » ", "→"])
        add(top, "crumb", rng.choice(["当前位置：", "您所在的位置：", "位置: ", ""])
            + arrow.join(["首页", rng.choice(menu), rng.choice(["正文", "详情", "内容"])]))
    if rng.random() < 0.3:
        add(mid, "tools", rng.choice(["【字体：大 中 小】【打印本页】【关闭窗口】", "字号：T | T",
                                      "[ 打印 ] [ 关闭 ] [ 纠错 ]"]))
    if rng.random() < 0.3:
        add(mid, "counter", rng.choice([f"浏览次数：{rng.randint(3, 99999)}", f"阅读 {rng.randint(10, 9999)}",
                                        f"{rng.randint(2, 999)}人阅读 {rng.randint(0, 99)}条评论",
                                        f"播放量 {rng.randint(1, 99)}.{rng.randint(0, 9)}万"]))
    if rng.random() < 0.25:
        add(mid, "share", "分享到：" + " ".join(rng.sample(SHARE_WORDS, rng.randint(3, 5))))
    if rng.random() < 0.15:
        add(inner, "inbody", rng.choice(["（图片来源于网络，如有侵权请联系删除）", "▲点击上方蓝字关注我们",
                                         "↓↓↓ 下拉继续阅读 ↓↓↓", "[广告] " + spam_line(rng)]))
    if rng.random() < 0.4:
        add(end, "editor", rng.choice([f"责任编辑：{name_of(rng)}",
                                       f"（编辑 {name_of(rng)} 审核 {name_of(rng)}）",
                                       f"校对：{name_of(rng)} 终审：{name_of(rng)}"]))
    if rng.random() < 0.2:
        add(end, "endmark", rng.choice(["（完）", "【完】", "-END-", "（本文完）"]))
    if rng.random() < 0.3:
        add(end, "tags", rng.choice(["标签：", "关键词：", "Tags: "]) + " ".join(rng.sample(TOWNS, 3)))
    if rng.random() < 0.35:
        add(end, "prevnext", f"上一条：{rng.choice(titles)}", f"下一条：{rng.choice(titles)}")
    if rng.random() < 0.35:
        add(end, "hot", rng.choice(HOT_HEADS),
            *(rng.choice(["", "· ", "1. ", "[图文]"]) + rng.choice(titles) for _ in range(rng.randint(2, 5))))
    if rng.random() < 0.2:
        add(end, "replies", f"网友评论（{rng.randint(2, 80)}条）",
            *(f"{name_of(rng)}：{r}" for r in rng.sample(REPLIES, rng.randint(1, 3))))
    if rng.random() < 0.3:
        add(end, "qrcode", rng.choice(["扫一扫，关注" + site + "微信公众号", "下载客户端，随时随地看新闻",
                                       "长按识别二维码 关注我们"]))
    if rng.random() < 0.5:
        items = words("关于本站 联系我们 网站地图 投稿须知 法律声明 意见反馈 诚聘英才 广告合作")
        add(end, "menu", " | ".join(rng.sample(items, rng.randint(4, 6))))
    if rng.random() < 0.5:
        prov = rng.choice("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新")
        add(end, "licence", rng.choice([
            f"版权所有：{site}  {prov}ICP备{rng.randint(10**7, 10**8)}号-{rng.randint(1, 5)}",
            f"Copyright © {rng.randint(2005, 2024)} {site} 版权所有 未经授权禁止转载",
            f"主办单位：{town}市人民政府办公室 网站标识码：{rng.randint(10**9, 10**10)}",
            f"{prov}公网安备{rng.randint(10**13, 10**14)}号",
        ]))
    if rng.random() < 0.3:
        add(end, "contact", rng.choice([
            f"地址：{town}市{rng.choice(['人民', '解放', '建设'])}路{rng.randint(1, 300)}号 "
            f"电话：0{rng.randint(100, 999)}-{rng.randint(10**6, 10**7)}",
            f"投稿邮箱：news{rng.randint(1, 99)}@example.com",
            f"服务热线：400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
        ]))
    if rng.random() < 0.2:
        add(end, "support", rng.choice(["技术支持：" + town + "云网科技", "建议使用1024×768分辨率浏览"]))
    if rng.random() < 0.45:
        add(end, "spam-foot", " ".join(spam_line(rng) for _ in range(rng.randint(2, 4))))
    return top, mid, inner, end


def layout(rng: random.Random, title: str, paras: list[str], titles: list[str]) -> list[Row]:
    top, mid, inner, end = furniture_blocks(rng, title, titles)
    rows = [r for block in top for r in block]
    rows.append(Row(title, "title", True))
    by = [Row(byline_of(rng), "byline", True)] if rng.random() < 0.7 else []
    mids = [r for block in mid for r in block]
    if by and rng.random() < 0.5:
        rows += by + mids
    else:
        rows += mids + by
    body = [Row(p, "para", True) for p in paras]
    if inner and len(body) > 2:
        k = rng.randint(1, len(body) - 1)
        body[k:k] = [r for block in inner for r in block]
    rows += body
    movable = end[:-2]
    rng.shuffle(movable)  # the site's bottom (licence, spam list) stays last
    rows += [r for block in movable + end[-2:] for r in block]
    return rows


# --- damage --------------------------------------------------------------------------------------------

GARBAGE = "\x02"  # marks the character the decoder made of a repeated byte; the page shows '?'


def gbk_pair(lead: int, trail: int) -> str:
    """Two bytes as the sites' GBK decoder shows them (FE50–FEA0 go to U+E815.. in order)."""
    if lead == 0xFE and 0x50 <= trail <= 0xA0 and trail != 0x7F:
        return chr(0xE815 + trail - 0x50 - (trail > 0x7F))
    try:
        return bytes((lead, trail)).decode("gb18030")
    except UnicodeDecodeError:
        return "?"


def sites_gbk(data: bytes, marked: set[int]) -> str:
    """Read GBK bytes pair by pair; a bad pair is one '?' and the byte after its lead goes with it."""
    out: list[str] = []
    i = 0
    while i < len(data):
        mark = GARBAGE if i in marked else ""
        b = data[i]
        if b < 0x80:
            out.append(mark + chr(b))
            i += 1
        elif b == 0xFF or b == 0x80 or i + 1 == len(data):
            out.append(mark + "?")
            i += 1
        else:
            t = data[i + 1]
            out.append(mark + (gbk_pair(b, t) if 0x40 <= t <= 0xFE and t != 0x7F else "?"))
            i += 2
    return "".join(out)


def repeat_bytes(text: str, rng: random.Random) -> tuple[str, int]:
    """GBK-encode ``text`` and send a character's last byte twice at a few places."""
    p_stop, p_comma, p_quote, p_any = (rng.uniform(0.02, 0.12), rng.uniform(0.0, 0.02),
                                       rng.uniform(0.03, 0.15), rng.uniform(0.0, 0.002))
    out, marked, last = bytearray(), set(), None
    for k, ch in enumerate(text):
        raw = ch.encode("gbk")
        nxt = text[k + 1: k + 2]
        if len(raw) == 2 and last is not None:
            near_quote = (nxt and nxt in "“”‘’「」『』《》（）【】") or ch in "“「（《"
            p = (p_stop if ch in "。！？；" else p_quote if near_quote
                 else p_comma if ch in "，、：" else p_any)
            if rng.random() < p:
                marked.add(len(out))
                out.append(last)
        out += raw
        last = raw[1] if len(raw) == 2 else None
    return sites_gbk(bytes(out), marked), len(marked)


def add_readings(text: str, readings: dict[str, str]) -> str:
    """Append ``(reading)`` after chosen characters; a garbage character is '?' and keeps ``reading)``."""
    out = []
    chars = iter(text)
    for ch in chars:
        if ch == GARBAGE:
            g = next(chars, "")
            out.append("?" + (readings[g] + ")" if g in readings else ""))
            continue
        out.append(ch + (f"({readings[ch]})" if ch in readings else ""))
    return "".join(out)


def line_mojibake(line: str, rng: random.Random) -> tuple[str, str]:
    """One line decoded with the wrong codec; returns (kind, damaged line)."""
    kind = rng.choice(["utf8>gbk", "utf8>gbk", "utf8>gbk?", "utf8>big5", "utf8>cp1252", "utf8>latin1",
                       "gbk>cp1252"])
    if kind == "gbk>cp1252":
        try:
            data = line.encode("gbk")
        except UnicodeEncodeError:
            kind, data = "utf8>cp1252", line.encode("utf-8")
    else:
        data = line.encode("utf-8")
    if kind in ("utf8>cp1252", "gbk>cp1252"):
        return kind, "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    if kind == "utf8>latin1":
        return kind, data.decode("latin-1")
    codec = "big5" if kind == "utf8>big5" else "gbk"
    text = data.decode(codec, errors="replace")
    if kind == "utf8>gbk?":  # the sites' decoder: '?' for what it cannot read
        return kind, text.replace("\ufffd", "?")
    return kind + ("-lossy" if "\ufffd" in text else ""), text


ENTITY_NAMES = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "…": "&hellip;", "·": "&middot;",
                "‘": "&lsquo;", "’": "&rsquo;", "&": "&amp;"}


def with_markup(line: str, rng: random.Random) -> str:
    """HTML left in a paragraph: wrapping tags, inline tags, entities."""
    if rng.random() < 0.4:
        line = "".join(ENTITY_NAMES.get(c, c) if rng.random() < 0.6 else c for c in line)
    if rng.random() < 0.3:
        def numeric(m: re.Match[str]) -> str:
            c = m.group(0)
            return rng.choice([f"&#{ord(c)};", f"&#x{ord(c):x};"]) if rng.random() < 0.1 else c
        line = re.sub(r"[\u4e00-\u9fff，。]", numeric, line)
    if rng.random() < 0.3 and len(line) > 12:
        a = rng.randrange(2, len(line) - 6)
        tag = rng.choice(["strong", "b", "em", "span style=\"color:#c00\"",
                          "a href=\"/tag/1.html\" target=\"_blank\""])
        line = line[:a] + f"<{tag}>" + line[a:a + 4] + f"</{tag.split()[0]}>" + line[a + 4:]
    style = rng.randrange(5)
    if style == 0:
        line = f"<p>{line}</p>"
    elif style == 1:
        line = f"<p style=\"text-indent:2em;\">{line}</p>"
    elif style == 2:
        line = line + rng.choice(["<br>", "<br/>", "<BR>"])
    elif style == 3:
        line = f"<div class=\"txt\">{line}</div>"
    else:
        line = f"<p>{line}"
    if rng.random() < 0.1:
        line += "<!-- /content -->"
    return line


def fold_all(text: str) -> str:
    return text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


def fold_punct(text: str) -> str:
    return text.translate({ord(c): ord(c) - 0xFEE0 for c in "，：；！？（）"})


def gbk_safe(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def make_case(article: dict, native: bool, rng: random.Random, titles: list[str]) -> Case:  # noqa: PLR0912
    title = article["title"].strip()
    paras = split_into_paragraphs(article["text"], rng)
    rows = layout(rng, title, paras, titles)
    damage: list[str] = []
    if native:
        script, expected_of = "native-hant", expected_from_hant
        furniture_script = rng.choice(["s2tw", "s2hk", "none"])
    else:
        script = rng.choice(["simplified", "simplified", "s2t", "s2tw", "s2hk", "s2twp"])
        furniture_script = script
        if script == "simplified":
            expected_of = lambda s: s  # noqa: E731
        else:  # what the page itself says, read back to Simplified (s2twp's Taiwan words cannot be undone)
            back = {"s2t": "t2s", "s2tw": "tw2s", "s2hk": "hk2s", "s2twp": "tw2s"}[script]
            expected_of = lambda s: zhu_rule(opencc(back, opencc(script, s)))  # noqa: E731
    damage.append("script:" + script)
    expected = "\n\n".join(expected_of(r.text) for r in rows if r.keep) + "\n"
    furniture = [(r.kind, r.text) for r in rows if not r.keep]

    def to_script(r: Row) -> str:
        config = script if r.keep else furniture_script
        if (native and r.keep) or config in ("simplified", "none") or r.kind.startswith("spam"):
            return r.text
        return opencc(config, r.text).replace("着", "著")

    texts = [to_script(r) for r in rows]
    paras_at = [k for k, r in enumerate(rows) if r.kind == "para"]
    if rng.random() < 0.3:
        damage.append("html")
        for k in paras_at:
            texts[k] = with_markup(texts[k], rng)
    restart = False
    lo, hi = paras_at[0], paras_at[-1]
    region = "\n".join(texts[lo: hi + 1])
    if rng.random() < 0.4 and gbk_safe(region):
        region, n = repeat_bytes(region, rng)
        if n:
            restart = True
            damage.append("gbk-restart")
    texts = texts[:lo] + region.split("\n") + texts[hi + 1:]
    text = "\n".join(texts)
    readings: dict[str, str] = {}
    if script != "simplified" and rng.random() < 0.5:
        present = sorted({c for c in text if c in READINGS})
        for c in rng.sample(present, min(len(present), rng.randint(3, 35))):
            readings[c] = READINGS[c]
        if readings:
            damage.append("pinyin")
    texts = add_readings(text, readings).split("\n")
    if not restart and rng.random() < 0.25:
        keepers = [k for k, r in enumerate(rows) if r.keep]
        for k in rng.sample(keepers, min(len(keepers), rng.choice([1, 1, 2]))):
            kind, texts[k] = line_mojibake(texts[k], rng)
            damage.append("line-moji:" + kind + ("@title" if rows[k].kind == "title" else ""))
    fold = rng.choice(["none", "none", "all", "all", "punct"])
    if fold != "none":
        damage.append("fold:" + fold)
        texts = [fold_all(t) if fold == "all" else fold_punct(t) for t in texts]
    indent = rng.choice(["none", "none", "ideo", "tab", "spaces", "mixed", "nbsp", "trailing"])
    if indent != "none":
        damage.append("indent:" + indent)
        for k in range(len(texts)):
            if rows[k].kind != "para" and rng.random() < 0.6:
                continue
            pad = {"ideo": "\u3000\u3000", "tab": "\t", "spaces": " " * rng.randint(1, 8),
                   "mixed": rng.choice([" \t", "\t  ", "\u3000 ", " \u3000\u3000"]),
                   "nbsp": "\u00a0" * rng.randint(2, 4), "trailing": ""}[indent]
            texts[k] = pad + texts[k] + (" " * rng.randint(1, 4) if indent == "trailing" else "")
    gap = rng.choice(["\n", "\n", "\n\n", "\n \n", "\n\t\n"])
    text = "".join(t + (gap if rng.random() < 0.85 else "\n\n") for t in texts)
    eol = rng.choice(["lf", "lf", "lf", "crlf", "mixed"])
    if eol == "crlf":
        text = text.replace("\n", "\r\n")
    elif eol == "mixed":
        text = "".join(c + ("\r\n" if rng.random() < 0.5 else "\n") for c in text.split("\n")[:-1])
    if eol != "lf":
        damage.append("eol:" + eol)
    encodings = ["utf-8"] * 5 + ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"]
    if script != "simplified":
        encodings += ["big5", "big5"]
    enc = rng.choice(encodings)
    try:
        raw = text.encode(enc)
    except UnicodeEncodeError:
        enc, raw = "utf-8", text.encode("utf-8")
    damage.append("enc:" + enc)
    return Case(raw, expected, damage, furniture, [expected_of(r.text) for r in rows if r.kind == "para"])


# --- scoring -------------------------------------------------------------------------------------------


# (the scoring helpers are bench_unseen's: the page maker above is this script's own)
from bench_unseen import (  # noqa: E402
    clean_cases,
    load_tool,  # noqa: E402
    run_baseline,
    score_outputs,
)
from bench_unseen import load_articles as articles  # noqa: E402
from bench_unseen import norm as nfkc  # noqa: E402
from bench_unseen import summarise as figures  # noqa: E402


def diff_snippet(exp: str, got: str, width: int = 6) -> str:
    """Where two lines first and last differ, with a little context."""
    a = 0
    while a < min(len(exp), len(got)) and exp[a] == got[a]:
        a += 1
    b = 0
    while b < min(len(exp), len(got)) - a and exp[-1 - b] == got[-1 - b]:
        b += 1
    lo = max(0, a - width)
    return f"{exp[lo:len(exp) - b + width]!r} -> {got[lo:len(got) - b + width]!r}"


def run_seed(seed: int, n: int, work: Path, evaluate, baseline: bool, quiet: bool) -> dict:  # noqa: ANN001, PLR0912, PLR0915
    from rapidfuzz import fuzz

    rng = random.Random(seed * 7919 + 13)
    simp = articles(SHARED / "corpus" / "clean.jsonl")
    hant = articles(SHARED / "corpus" / "clean_hant.jsonl")
    titles = [a["title"] for a in simp + hant]
    n_hant = n // 4
    picks = [(a, False) for a in rng.sample(simp, min(n - n_hant, len(simp)))]
    picks += [(a, True) for a in rng.sample(hant, min(n_hant, len(hant)))]
    rng.shuffle(picks)
    pages, ours_dir, base_dir = work / f"pages-{seed}", work / f"cleantext-{seed}", work / f"baseline-{seed}"
    t2s_titles = [opencc("t2s", t) for t in titles]
    cases: dict[str, Case] = {f"{i:04d}": make_case(article, native, rng, t2s_titles)
                              for i, (article, native) in enumerate(picks)}
    docs = clean_cases(cases, pages, ours_dir)
    ours = score_outputs(cases, ours_dir, evaluate)
    tools = {"cleantext": ours}
    if baseline:
        run_baseline(cases, pages, base_dir)
        tools["baseline"] = score_outputs(cases, base_dir, evaluate)
    print(f"seed {seed}: {len(cases)} pages ({n_hant} native Traditional), "
          f"{sum(len(c.raw) for c in cases.values()) / 1e6:.2f} MB")
    for tool, rows in tools.items():
        left: Counter[str] = Counter()
        for r in rows.values():
            left.update(r["residue"])
        print(f"  {tool:10s} {figures(list(rows.values()))}")
        print(f"  {'':10s} residue beyond expected {dict(+left) or 'none'}")

    by_kind: dict[str, list[str]] = defaultdict(list)
    for name, case in cases.items():
        for label in case.damage:
            by_kind[re.sub(r"@title$", "", label)].append(name)
    print(f"  by damage kind ({' | '.join(tools)}):")
    for label, names in sorted(by_kind.items()):
        print(f"    {label:22s} n={len(names):3d} " + " | ".join(figures([rows[x] for x in names])
                                                             for rows in tools.values()))

    # Residue left by cleantext, with the output line it sits in.
    print("  residue left by cleantext (kind, case, damage, line):")
    for name, r in ours.items():
        for kind, count in r["residue"].items():
            if not count:
                continue
            out_text = (ours_dir / f"{name}.txt").read_text(encoding="utf-8")
            rx = evaluate.RESIDUE.get(kind)
            sample = ""
            for line in out_text.splitlines():
                if rx is not None and rx.search(unicodedata.normalize("NFKC", line)):
                    m = rx.search(unicodedata.normalize("NFKC", line))
                    sample = line[max(0, m.start() - 12): m.end() + 12]
                    break
            print(f"    {kind} x{count} {name} [{' '.join(cases[name].damage)}] {sample!r}")

    lost = changed = 0
    reasons: Counter[str] = Counter()
    lines_out: list[str] = []
    for name, case in cases.items():
        doc = docs[name]
        out_text = (ours_dir / f"{name}.txt").read_text(encoding="utf-8")
        out_lines = [nfkc(o) for o in out_text.splitlines() if nfkc(o)]
        out_set = set(out_lines)
        for exp in (nfkc(x) for x in case.expected.splitlines()):
            if not exp or exp in out_set:
                continue
            best = max(out_lines, key=lambda o, e=exp: fuzz.ratio(o, e), default="")
            if best and fuzz.ratio(best, exp) >= 80:
                changed += 1
                lines_out.append(f"    changed {name} [{' '.join(case.damage)}]: {diff_snippet(exp, best)}")
                continue
            lost += 1
            reason = "cleantext failed"
            if doc is not None:
                hits = [(fuzz.ratio(nfkc(rm.text), exp), rm) for rm in doc.removed]  # type: ignore[attr-defined]
                top = max(hits, key=lambda h: h[0], default=None)
                if any(len(o) > len(exp) and fuzz.partial_ratio(exp, o) >= 90 for o in out_lines):
                    reason = "merged into a longer output line"
                elif top and top[0] >= 70:
                    reason = f"removed: {top[1].label}/{top[1].rule}"
                else:
                    near = max((fuzz.ratio(o, exp) for o in out_lines), default=0)
                    reason = f"not in removed (best output match {near:.0f})"
            reasons[reason.split(" (")[0]] += 1
            lines_out.append(f"    LOST {name} [{' '.join(case.damage)}] {reason}: {exp[:80]}")
    print(f"  article lines: {lost} lost, {changed} kept with changes; lost by reason: {dict(reasons)}")
    if not quiet:
        print("\n".join(lines_out))

    # Furniture lines cleantext kept (an output line matching no expected line, found among the placed ones).
    kept: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    examples: list[str] = []
    for name, case in cases.items():
        exp_lines = [nfkc(x) for x in case.expected.splitlines() if nfkc(x)]
        extra = [nfkc(o) for o in (ours_dir / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                 if nfkc(o) and not any(fuzz.ratio(nfkc(o), e) >= 80 for e in exp_lines)]
        for kind, text in case.furniture:
            placed[kind] += 1
            t = nfkc(opencc("t2s", text))
            if any(fuzz.ratio(t, x) >= 80 or (len(t) >= 6 and t in x) for x in extra):
                kept[kind] += 1
                examples.append(f"    kept {kind} {name}: {text[:70]}")
    print("  furniture kept / placed: " + ", ".join(f"{k} {kept[k]}/{placed[k]}" for k in sorted(placed)))
    if not quiet:
        print("\n".join(examples))
    return {"ours": ours, "lost": lost, "changed": changed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, nargs="+", default=[1])
    ap.add_argument("--keep", type=Path, help="keep pages and outputs under this directory")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only, no per-line lists")
    args = ap.parse_args()
    evaluate = load_tool("evaluate")
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleantext-fresh-"))
    for seed in args.seed:
        run_seed(seed, args.n, work, evaluate, not args.no_baseline, args.quiet)
    if args.keep is None:
        print(f"(pages and outputs in {work})")


if __name__ == "__main__":
    main()
