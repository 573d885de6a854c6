"""Benchmark the speech text pipeline against gTTS's own tokenizer.

Run: ``.venv/bin/python -m bench.speech_pipeline``. Prints a markdown table;
the ratio is ours / baseline measured in the same process on the same text.
"""

from __future__ import annotations

import html
import random
import time
from collections.abc import Callable
from pathlib import Path

from gtts.tokenizer import Tokenizer, pre_processors, tokenizer_cases
from gtts.utils import _clean_tokens, _minimize

from server.speech import blocks_from_html, segment_blocks

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "server" / "samples" / "dak-song-cchc-2023.txt"
MAX_CHARS = 100

# Sentences with the number, date, money and abbreviation shapes the 1 MB corpus varies.
_TEMPLATES = (
    "Ngày {d}/{m}/{y}, UBND huyện Đăk Song tổ chức hội nghị tổng kết công tác CCHC năm {y}.",
    "Tổng kinh phí thực hiện là {money} đồng, trong đó ngân sách tỉnh hỗ trợ {pct}%.",
    "Theo Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của UBND tỉnh, giai đoạn {y}-{y2} cần hoàn thành {n2} hồ sơ TTHC.",
    "Hội nghị bắt đầu lúc {h}h{mi}, có {n2} đại biểu đến từ HĐND, MTTQ và các phòng ban chuyên môn.",
    "Tuyến đường dài {km} km, rộng {w},5 m, tổng diện tích {n2} m2, được đầu tư theo Nghị định {n}/{y}/NĐ-CP.",
    "Mọi ý kiến xin gửi về địa chỉ ubnd@daksong.daknong.gov.vn hoặc gọi số 0261 3544 {n3}.",
)


def load_sample() -> str:
    """The Đăk Song article text, as bundled with the samples."""
    return SAMPLE.read_text(encoding="utf-8")


def text_to_html(text: str) -> str:
    """Wrap each non-empty line in <p>, the shape a portal article body has."""
    return "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())


def build_corpus(sample: str, size: int = 1_000_000, seed: int = 7) -> str:
    """About ``size`` bytes of Vietnamese: sample paragraphs mixed with templated sentences."""
    rng = random.Random(seed)
    paragraphs = [p for p in sample.splitlines() if len(p.strip()) > 40]
    out: list[str] = []
    total = 0
    while total < size:
        sentences = [rng.choice(_TEMPLATES).format(
            d=rng.randint(1, 28), m=rng.randint(1, 12), y=rng.randint(1990, 2030), y2=rng.randint(2031, 2040),
            n=rng.randint(1, 999), n2=rng.randint(2, 99_999), n3=rng.randint(100, 999),
            money=f"{rng.randint(1, 999)}.{rng.randint(0, 999):03d}.000", pct=rng.randint(1, 99),
            h=rng.randint(6, 17), mi=rng.choice(("00", "15", "30", "45")), km=rng.randint(1, 120),
            w=rng.randint(3, 12)) for _ in range(rng.randint(1, 4))]
        para = " ".join(sentences) + " " + rng.choice(paragraphs).strip()
        out.append(para)
        total += len(para.encode("utf-8")) + 1
    return "\n".join(out)


def ours(body_html: str) -> int:
    """Whole pipeline: HTML -> blocks -> segments. Returns the segment count."""
    return len(segment_blocks(blocks_from_html(body_html)))


_GTTS_TOKENIZER = Tokenizer([tokenizer_cases.tone_marks, tokenizer_cases.period_comma,
                             tokenizer_cases.colon, tokenizer_cases.other_punctuation]).run
_GTTS_PRE = (pre_processors.tone_marks, pre_processors.end_of_line, pre_processors.abbreviations,
             pre_processors.word_sub)


def baseline(text: str) -> int:
    """gTTS's own text preparation (gTTS._tokenize): pre-processors, tokenizer, _minimize at 100."""
    text = text.strip()
    for pre in _GTTS_PRE:
        text = pre(text)
    tokens = _clean_tokens(_GTTS_TOKENIZER(text))
    minimized: list[str] = []
    for token in tokens:
        minimized += _minimize(token, " ", MAX_CHARS)
    return len([t for t in minimized if t])


def best_of(fn: Callable[[str], int], arg: str, repeat: int) -> tuple[float, int]:
    """Best wall time in seconds over ``repeat`` runs, and the function's result."""
    best = float("inf")
    result = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    """Run both workloads and print the markdown table."""
    sample = load_sample()
    corpus = build_corpus(sample)
    rows = []
    for name, text, repeat in (("Đăk Song article", sample, 200), ("1 MB text", corpus, 7)):
        body = text_to_html(text)
        ours(body)  # warm regex and abbreviation caches, as in a running server
        t_ours, n_segments = best_of(ours, body, repeat)
        t_base, n_base = best_of(baseline, text, repeat)
        mb = len(text.encode("utf-8")) / 1e6
        rows.append((name, t_ours * 1e3, t_base * 1e3, t_ours / t_base, n_segments / t_ours, mb / t_ours,
                     n_segments, n_base))
    print("| text | ours ms | baseline ms | ratio | segments/s | MB/s | segments (ours / gTTS) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, o, b, r, sps, mbs, n_o, n_b in rows:
        print(f"| {name} | {o:.2f} | {b:.2f} | {r:.2f}x | {sps:,.0f} | {mbs:.2f} | {n_o} / {n_b} |")


if __name__ == "__main__":
    main()
