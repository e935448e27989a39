"""Benchmark of the decode stage against charset-normalizer, on byte strings built here.

Run from the repository root: ``python3 benchmarks/bench_decode.py`` (about a minute);
``python3 benchmarks/bench_decode.py --hostile`` times the hostile inputs (200 MB files, one long line,
random bytes) and prints the peak memory; ``python3 benchmarks/bench_decode.py --pages`` (or
``--speed``) times the stage on real-size pages (900 damaged pages made by ../shared/tools/corrupt.py,
seeds 1-3, about 2.7 kB each), where per-call costs dominate: MB/s and CPU seconds against
charset-normalizer and a plain ``bytes.decode``, and the language model's share.

The cases are made from the 40 news-style sentences below (written for this benchmark; Traditional
forms for Big5 come from OpenCC ``s2t``):

* 864 texts: 6 encodings (UTF-8, UTF-8 with BOM, GBK, GB18030, UTF-16LE with BOM, Big5) x 6 lengths
  (10, 20, 50, 100, 500, 1000 characters) x 24 texts (consecutive sentences joined, cut to length);
* 288 short texts: 2, 4 and 6 hanzi x 6 encodings x 16;
* 10 mixed files of 12 lines, each line UTF-8 or GBK.

"Right" = the encoding family is right (GBK/GB18030 -> gb18030 for cleantext; Big5 -> big5hkscs; for
charset-normalizer any member of the family) and the text round-trips exactly (no U+FEFF kept).
Prints accuracy per encoding and length for both detectors and the time per call of each, measured in
this process on the same inputs.
"""

from __future__ import annotations

import codecs
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleantext.decode import decode  # noqa: E402
from cleantext.errors import CleantextError  # noqa: E402

SENTENCES = """\
市政府昨天宣布，明年将在城东新建三所小学和一座公共图书馆，预计可新增学位两千个。
受冷空气影响，本周后半段全省大部分地区气温将下降八到十度，气象部门提醒市民注意添衣保暖。
据统计，今年前三个季度本市接待国内外游客超过四千万人次，旅游总收入同比增长百分之十二。
一场突如其来的暴雨让早高峰的交通几乎陷入瘫痪，多条主干道出现严重积水，部分公交线路临时改道。
该公司在发布会上展示了新一代电动汽车，续航里程比上一代提高了近三成，售价则基本保持不变。
专家指出，老年人在冬季应当适量运动，保持规律作息，并定期测量血压，以降低心脑血管疾病的风险。
农业部门表示，今年粮食总产量有望再创新高，主要得益于良种推广和灌溉设施的不断完善。
在昨晚结束的比赛中，主队凭借下半场的两个进球逆转取胜，暂时升至积分榜第二位。
铁路部门决定自下月起增开多趟夜间列车，以缓解节假日期间旅客出行的压力。
这座有着六百多年历史的古桥经过两年修缮，日前重新向公众开放，吸引了大批市民前来参观。
研究人员在山区发现了一种此前未被记录的兰花，其花瓣呈淡紫色，仅生长在海拔两千米以上的林地。
为了改善空气质量，当地计划在三年内淘汰全部高排放的老旧货车，并对新能源车辆给予补贴。
教育部门要求各中小学严格控制学生的作业总量，保证学生每天有充足的睡眠和户外活动时间。
消费者协会提醒，网购时要仔细核对商家资质，谨防低价陷阱，遇到纠纷应保留好聊天记录和付款凭证。
经过连续七天的紧张施工，跨江大桥的最后一段钢梁顺利合龙，全线有望在年底前建成通车。
本届书展共有五百多家出版机构参展，展出图书超过二十万种，并举办了上百场读者见面会。
医院新开设的夜间门诊受到上班族欢迎，开诊首月就诊人数已突破一万人次。
沿海地区渔民反映，近年来近海鱼类资源明显减少，休渔制度的执行效果值得进一步评估。
这部纪录片用两年时间跟踪拍摄了三个普通家庭的生活，真实记录了城市变迁中的喜怒哀乐。
随着气温回升，公园里的樱花陆续绽放，不少市民趁着周末带着家人出门踏青赏花。
警方提醒，近期冒充快递客服实施诈骗的案件有所增加，接到可疑电话时切勿透露银行卡验证码。
科技馆新推出的航天主题展览，通过模拟舱和互动装置，让参观者亲身体验宇航员的日常训练。
由于原材料价格持续上涨，多家家具企业表示将在下个季度适当调整产品售价。
社区志愿者每天上门为独居老人送餐，并帮助他们学习使用智能手机进行视频通话。
考古队在城郊一处工地下方发掘出一批汉代陶器，其中几件保存完好，器身纹饰清晰可见。
新修订的条例明确规定，住宅小区内不得私拉电线为电动自行车充电，违者将被依法处罚。
多名经济学家认为，扩大内需仍是明年经济工作的重点，服务消费有较大的增长空间。
这位年过七旬的老教师坚持义务辅导留守儿童二十余年，被评为本年度感动人物。
水利部门正在加紧检修沿河堤坝和排涝泵站，确保汛期到来之前所有设施运行正常。
一家本地面包店因坚持使用天然酵母而走红网络，每天清晨门口都排起长队。
大学毕业生就业招聘会吸引了三百多家用人单位，提供岗位涉及制造、金融、信息技术等多个行业。
该市启动老旧小区改造工程，将为没有电梯的多层住宅加装电梯，并更新供水和燃气管道。
天文爱好者介绍，本月中旬夜空将出现流星雨，在远离城市灯光的地方观测效果最佳。
这场音乐节为期三天，邀请了来自十多个国家的乐队登台演出，门票在开售当天即告售罄。
商务部门数据显示，上月社会消费品零售总额同比增长百分之六，餐饮收入增幅尤为明显。
山区的一所小学新建了塑胶跑道和篮球场，孩子们终于可以在平整的操场上上体育课了。
环保组织发起沿江垃圾清理活动，数百名志愿者在一个上午清理出近两吨塑料垃圾。
针对部分景区门票价格偏高的问题，有关部门表示将开展专项检查并公布调查结果。
港口今年的集装箱吞吐量首次突破一千万标准箱，跻身全国沿海港口前十位。
一位青年工程师利用业余时间开发了方便盲人出行的导航软件，目前已有上万名用户。
"""

ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "big5")
LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8-BOM", "gbk": "GBK", "gb18030": "GB18030",
          "utf-16": "UTF-16LE-BOM", "big5": "Big5"}
LENGTHS = (10, 20, 50, 100, 500, 1000)
SHORT_LENGTHS = (2, 4, 6)
PER_CELL = 24
PER_SHORT_CELL = 16
MIXED_FILES = 10

# What each detector must answer, per encoding: cleantext's exact label; charset-normalizer's family.
CLEANTEXT_LABEL = {"utf-8": {"utf-8"}, "utf-8-sig": {"utf-8", "utf-8-sig"}, "gbk": {"gb18030"},
                   "gb18030": {"gb18030"}, "utf-16": {"utf-16-le", "utf-16"}, "big5": {"big5hkscs"}}
FAMILY = {"utf-8": {"utf-8", "utf-8-sig", "ascii"}, "utf-8-sig": {"utf-8", "utf-8-sig"},
          "gbk": {"gbk", "gb2312", "gb18030"}, "gb18030": {"gbk", "gb2312", "gb18030"},
          "utf-16": {"utf-16", "utf-16-le"}, "big5": {"big5", "cp950", "big5hkscs"}}


def traditional(sentences: list[str]) -> list[str]:
    """Traditional forms (OpenCC s2t), kept only where Big5 can encode them."""
    from opencc import OpenCC

    s2t = OpenCC("s2t")
    out = []
    for sentence in sentences:
        hant = s2t.convert(sentence)
        try:
            hant.encode("big5")
        except UnicodeEncodeError:
            continue
        out.append(hant)
    return out


def texts_of_length(sentences: list[str], length: int, count: int) -> list[str]:
    """``count`` texts of exactly ``length`` characters: consecutive sentences joined, then cut."""
    texts = []
    for i in range(count):
        parts, j = [], i
        while sum(map(len, parts)) < length:
            parts.append(sentences[j % len(sentences)])
            j += 1
        texts.append("".join(parts)[:length])
    return texts


def short_texts(sentences: list[str], length: int, count: int, rng: random.Random) -> list[str]:
    """``count`` runs of ``length`` hanzi (no punctuation) cut from the sentences."""
    texts: list[str] = []
    while len(texts) < count:
        sentence = rng.choice(sentences)
        start = rng.randrange(0, len(sentence) - length)
        piece = sentence[start:start + length]
        if all("\u4e00" <= ch <= "\u9fff" for ch in piece) and piece not in texts:
            texts.append(piece)
    return texts


Case = tuple[str, int, bytes, str]
MixedFile = list[tuple[str, bytes]]


def build_cases(rng: random.Random) -> tuple[list[Case], list[MixedFile]]:
    """(encoding, length, bytes, text) for the 864 + 288 cases, and the mixed files."""
    hans = SENTENCES.split()
    hant = traditional(hans)
    cases = []
    for enc in ENCODINGS:
        source = hant if enc == "big5" else hans
        for length in LENGTHS:
            for text in texts_of_length(source, length, PER_CELL):
                cases.append((enc, length, text.encode(enc), text))
        for length in SHORT_LENGTHS:
            for text in short_texts(source, length, PER_SHORT_CELL, rng):
                cases.append((enc, length, text.encode(enc), text))
    mixed = []
    for _ in range(MIXED_FILES):
        lines = rng.sample(hans, 12)
        mixed.append([(line, line.encode(rng.choice(("utf-8", "gbk")))) for line in lines])
    return cases, mixed


def detect_cleantext(data: bytes) -> tuple[str, str]:
    try:
        result = decode(data)
    except CleantextError as exc:
        return "error", str(exc)
    return result.encoding, result.text


def detect_charset_normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return "none", ""
    return codecs.lookup(best.encoding).name, str(best)


def _cpu_seconds(data: bytes) -> float:
    t0 = time.process_time()
    decode(data)
    return time.process_time() - t0


def main() -> None:
    rng = random.Random(4)
    cases, mixed = build_cases(rng)
    cold = "新闻报道".encode("gbk")
    t0 = time.perf_counter()
    detect_cleantext(cold)  # loads the language model
    cold_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    detect_charset_normalizer(cold)  # imports charset-normalizer
    cold_theirs = time.perf_counter() - t0

    right: dict[str, dict[tuple[str, int], int]] = {"cleantext": defaultdict(int), "cn": defaultdict(int)}
    total: dict[tuple[str, int], int] = defaultdict(int)
    elapsed = {"cleantext": 0.0, "cn": 0.0}
    by_encoding: dict[tuple[str, str], float] = defaultdict(float)
    wrong_examples: list[str] = []
    for enc, length, data, text in cases:
        total[enc, length] += 1
        for name, detect, accept in (("cleantext", detect_cleantext, CLEANTEXT_LABEL[enc]),
                                     ("cn", detect_charset_normalizer, FAMILY[enc])):
            t0 = time.perf_counter()
            label, out = detect(data)
            elapsed[name] += time.perf_counter() - t0
            by_encoding[name, enc] += time.perf_counter() - t0
            if label in accept and out == text:
                right[name][enc, length] += 1
            elif name == "cleantext" and len(wrong_examples) < 15:
                wrong_examples.append(f"{LABELS[enc]} {length}: {text[:20]!r} -> {label} {out[:20]!r}")

    print(f"{'encoding':<14}{'length':>7}{'cleantext':>12}{'charset-norm':>14}")
    for enc in ENCODINGS:
        for length in LENGTHS + SHORT_LENGTHS:
            n = total[enc, length]
            print(f"{LABELS[enc]:<14}{length:>7}{right['cleantext'][enc, length]:>9}/{n:<3}"
                  f"{right['cn'][enc, length]:>10}/{n:<3}")
    for group, lengths in (("10-1000 chars", LENGTHS), ("2-6 chars", SHORT_LENGTHS)):
        n = sum(total[e, k] for e in ENCODINGS for k in lengths)
        ours = sum(right["cleantext"][e, k] for e in ENCODINGS for k in lengths)
        theirs = sum(right["cn"][e, k] for e in ENCODINGS for k in lengths)
        print(f"TOTAL {group:<14} cleantext {ours}/{n} ({ours / n:.1%})   "
              f"charset-normalizer {theirs}/{n} ({theirs / n:.1%})")
    for length in SHORT_LENGTHS:
        n = sum(total[e, length] for e in ENCODINGS)
        ours = sum(right["cleantext"][e, length] for e in ENCODINGS)
        theirs = sum(right["cn"][e, length] for e in ENCODINGS)
        print(f"  {length} chars: cleantext {ours}/{n} ({ours / n:.1%})   charset-normalizer {theirs}/{n}")

    lines_ok = {"cleantext": 0, "cn": 0}
    n_lines = 0
    for lines in mixed:
        data = b"\n".join(raw for _, raw in lines) + b"\n"
        n_lines += len(lines)
        for name, detect in (("cleantext", detect_cleantext), ("cn", detect_charset_normalizer)):
            t0 = time.perf_counter()
            _, out = detect(data)
            elapsed[name] += time.perf_counter() - t0
            got = out.split("\n")
            lines_ok[name] += sum(1 for i, (line, _) in enumerate(lines) if i < len(got) and got[i] == line)
    print(f"mixed UTF-8/GBK files: lines intact cleantext {lines_ok['cleantext']}/{n_lines}   "
          f"charset-normalizer {lines_ok['cn']}/{n_lines}  ({MIXED_FILES} files of 12 lines)")

    calls = len(cases) + len(mixed)
    ours, theirs = elapsed["cleantext"] / calls * 1e3, elapsed["cn"] / calls * 1e3
    print(f"time per call: cleantext {ours:.3f} ms   charset-normalizer {theirs:.3f} ms   "
          f"ratio {ours / theirs:.2f}  ({calls} calls each)")
    for enc in ENCODINGS:
        n = sum(total[enc, k] for k in LENGTHS + SHORT_LENGTHS)
        a, b = by_encoding["cleantext", enc] / n * 1e3, by_encoding["cn", enc] / n * 1e3
        print(f"  {LABELS[enc]:<13} cleantext {a:.3f} ms   charset-normalizer {b:.3f} ms   ratio {a / b:.2f}")
    print(f"first call (cold): cleantext {cold_ours * 1e3:.0f} ms (loads the language model)   "
          f"charset-normalizer {cold_theirs * 1e3:.0f} ms (import)")

    # Throughput on large inputs: CPU time, best of 3 (wall time swings on a shared machine).
    for name, big in (("UTF-8", ("".join(SENTENCES.split()) * 2000).encode("utf-8")),
                      ("GBK", ("".join(SENTENCES.split()) * 1000).encode("gbk")),
                      ("Big5", ("".join(traditional(SENTENCES.split())) * 1000).encode("big5"))):
        best = min(_cpu_seconds(big) for _ in range(3))
        print(f"large {name} ({len(big) / 1e6:.1f} MB): {len(big) / best / 1e6:.0f} MB/s (CPU time)")
    if wrong_examples:
        print("cleantext misses (first 15):")
        for line in wrong_examples:
            print("  " + line)


def hostile() -> None:
    """``--hostile``: huge, one-line, truncated and random inputs; time and peak memory of each."""
    import os
    import resource

    from cleantext.errors import CleantextError

    line = "".join(SENTENCES.split()[:3]) + "\n"
    one_line = line.strip() * 100_000
    cases = {
        "UTF-8, 200 MB": lambda: (line * (200_000_000 // len(line.encode()))).encode(),
        "GBK, 200 MB": lambda: (line * (200_000_000 // len(line.encode("gbk")))).encode("gbk"),
        "GBK, one line, one bad byte": lambda: one_line.encode("gbk") + b"\x80" + one_line.encode("gbk"),
        "UTF-8/GBK alternating lines": lambda: b"".join(
            line.encode("utf-8" if i % 2 else "gbk") for i in range(100_000)),
        "UTF-8 cut inside the last character": lambda: (line * 1000).encode()[:-2],
        "random bytes": lambda: os.urandom(1 << 20),
        "random high bytes (no NUL)": lambda: bytes(b | 0x80 for b in os.urandom(1 << 20)),
    }
    print("each case in a fresh process; RSS = peak resident memory of that process (input included)")
    for name, make in cases.items():
        pid = os.fork()
        if pid:
            os.waitpid(pid, 0)
            continue
        data = make()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        try:
            result = decode(data)
            what = f"{result.encoding} conf {result.confidence}; " + ", ".join(
                f"{s.name} x{s.count} lost {s.lost}" for s in result.steps)
        except CleantextError as exc:
            what = f"refused: {exc}"
        dt = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"{name:<36} {len(data) / 1e6:6.1f} MB {dt:6.2f} s  RSS before {before // 1024} MB, "
              f"peak {peak // 1024} MB  {what[:100]}", flush=True)
        os._exit(0)


def corrupt_pages(seeds: tuple[int, ...] = (1, 2, 3), n: int = 300) -> list[bytes]:
    """The damaged pages ``../shared/tools/corrupt.py`` makes from the corpus (``n`` per seed)."""
    import subprocess
    import tempfile

    shared = Path(__file__).resolve().parents[2] / "shared"
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out = Path(tmp) / str(seed)
            tool, corpus = shared / "tools" / "corrupt.py", shared / "corpus" / "clean.jsonl"
            command = [sys.executable, str(tool), str(corpus), str(out), "--n", str(n), "--seed", str(seed)]
            subprocess.run(command, check=True, capture_output=True)
            names = sorted(p for p in out.glob("*.txt") if not p.name.endswith(".expected.txt"))
            pages += [p.read_bytes() for p in names]
    return pages


def pages() -> None:
    """``--pages`` (or ``--speed``): MB/s and CPU seconds on real-size pages (best of 5), against
    charset-normalizer and a plain ``bytes.decode`` run in the same process, and the share of the
    time spent in the language model (which decides GB against Big5 and judges plausibility)."""
    from charset_normalizer import from_bytes

    from cleantext import langmodel

    data = corrupt_pages()
    size = sum(map(len, data))
    by_encoding: dict[str, list[bytes]] = defaultdict(list)
    for page in data:
        by_encoding[decode(page).encoding].append(page)

    def best_time(func: object, items: list[bytes], repeat: int = 5) -> float:
        func(items[0])  # type: ignore[operator]
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            for item in items:
                func(item)  # type: ignore[operator]
            best = min(best, time.process_time() - t0)
        return best

    ours = best_time(decode, data)
    theirs = best_time(lambda page: from_bytes(page).best(), data, repeat=1)
    plain = best_time(lambda page: page.decode("utf-8", "replace"), data)
    print(f"{len(data)} pages, {size / 1e6:.2f} MB: cleantext {size / ours / 1e6:.1f} MB/s, {ours:.3f} s CPU "
          f"({ours / len(data) * 1e3:.3f} ms/page); charset-normalizer {size / theirs / 1e6:.1f} MB/s, "
          f"{theirs:.3f} s (ratio {theirs / ours:.1f}x); bytes.decode('utf-8', 'replace') "
          f"{size / plain / 1e6:.0f} MB/s, {plain:.4f} s ({ours / plain:.0f}x faster than cleantext)")
    for encoding, items in sorted(by_encoding.items(), key=lambda kv: -len(kv[1])):
        seconds = best_time(decode, items)
        print(f"  {encoding:<12} {len(items):4} pages  {seconds / len(items) * 1e3:.3f} ms/page  "
              f"{sum(map(len, items)) / seconds / 1e6:6.1f} MB/s  {seconds:.4f} s CPU")
    # The language model's share: its calls on these pages, replayed alone.
    model = langmodel.get_model()
    calls: list[str] = []
    scorer = type(model).logprob
    type(model).logprob = lambda self, text: (calls.append(text), scorer(self, text))[1]  # type: ignore[method-assign]
    try:
        for page in data:
            decode(page)
    finally:
        type(model).logprob = scorer  # type: ignore[method-assign]
    scoring = best_time(model.logprob, calls)  # type: ignore[arg-type]
    print(f"  language model: {len(calls)} calls, {sum(map(len, calls))} characters, {scoring:.4f} s CPU "
          f"({scoring / ours:.0%} of the stage)")


if __name__ == "__main__":
    if "--hostile" in sys.argv:
        hostile()
    elif "--pages" in sys.argv or "--speed" in sys.argv:
        pages()
    else:
        main()
