"""How understandable each engine's Vietnamese is: the word error rate of an offline speech recognizer on
its recordings of the sample articles, with and without our normalization.

Run: ``.venv/bin/python -m bench.intelligibility [--segments 12] [--engine NAME …]``. For every sample article
(``server/samples``) the first ``--segments`` segments are recorded by each engine twice: from ``spoken``
(what our text pipeline sends: numbers, dates, abbreviations written out) and from the segment's raw
``text`` (what a naive integration would send). Each recording is converted to 16 kHz mono WAV (ffmpeg) and
transcribed by ``viet-asr`` (a Vietnamese recognizer whose model ships in its PyPI package; about 6.7 % word
errors on natural Vietnamese speech, so that is the floor). The reference for both is ``spoken``: the words a
listener should hear. Word error rate = (substitutions + deletions + insertions) / reference words, after
lower-casing and dropping punctuation.

``--espeak-grid`` measures espeak-ng instead at each accent (``TRODOC_ESPEAK_ACCENT``) and rate
(``ESPEAK_RATE``, fixed at the best), from the spoken text: how the defaults were chosen.

Engines come from the app's settings, so an operator measures their own: ``TRODOC_TTS_ENGINES=openai
TRODOC_OPENAI_TTS_URL=http://127.0.0.1:8880 python -m bench.intelligibility --engine openai``. An engine that
cannot be reached (Google, from a machine without internet) is reported as such.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from server import create_app
from server.articles.samples import sample_articles
from server.articles.validate import clean_article
from server.audio.engines import Deadline, EngineError, build_engines
from server.audio.engines.espeak import ACCENTS, EspeakEngine
from server.speech import article_blocks, segment_blocks

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased words, punctuation dropped (NFC, so composed and decomposed diacritics compare equal)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def word_errors(reference: list[str], heard: list[str]) -> int:
    """Levenshtein distance over words: substitutions + deletions + insertions."""
    previous = list(range(len(heard) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, word in enumerate(heard, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != word)))
        previous = current
    return previous[-1]


def segments(per_article: int) -> list[tuple[str, str]]:
    """(raw text, spoken text) of the first segments of every sample article."""
    out = []
    for record in sample_articles():
        article = clean_article(record)
        blocks = article_blocks(article["title"], article.get("lead", ""), article["body"])
        for segment in segment_blocks(blocks, lang="vi", engine="bench", speed="normal")[:per_article]:
            out.append((segment.text, segment.spoken))
    return out


def transcriber():
    """viet-asr's transcription of an MP3 (through a 16 kHz mono WAV)."""
    from vietasr import Pipeline

    pipeline = Pipeline.preset("transcribe")

    def transcribe(mp3: bytes) -> str:
        with tempfile.TemporaryDirectory() as folder:
            source, wav = os.path.join(folder, "in.mp3"), os.path.join(folder, "in.wav")
            with open(source, "wb") as handle:
                handle.write(mp3)
            subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", source, "-ar", "16000", "-ac", "1",
                            "-sample_fmt", "s16", wav], check=True)
            return pipeline.transcribe(wav).text

    return transcribe


def measure(engine, cases: list[tuple[str, str]], transcribe,
            ways: tuple[str, ...] = ("spoken", "raw")) -> dict[str, float] | str:
    """Word error rates of ``engine`` from spoken and from raw text, or why it could not be measured."""
    errors = dict.fromkeys(ways, 0)
    total = 0
    for raw, spoken in cases:
        reference = words(spoken)
        total += len(reference)
        texts = {"spoken": spoken, "raw": raw}
        for way in ways:
            text = texts[way]
            try:
                audio = engine.synthesize(text, "vi", "normal", Deadline(20))
            except EngineError as error:
                return f"unavailable: {error}"
            errors[way] += word_errors(reference, words(transcribe(audio)))
    return {way: count / total for way, count in errors.items()} | {"words": total}


RATES = (130, 165, 200)


def grid(cases: list[tuple[str, str]], transcribe) -> None:
    """espeak-ng's word error rate at each accent and rate, from the spoken text."""
    print(f"espeak-ng, {len(cases)} segments, word error rate from our spoken text.\n")
    print("| accent | " + " | ".join(f"{rate} words/min" for rate in RATES) + " |")
    print("|---|" + "---:|" * len(RATES))
    for accent in ACCENTS:
        cells = []
        for rate in RATES:
            result = measure(EspeakEngine(accent=accent, words_per_minute=rate), cases, transcribe, ways=("spoken",))
            cells.append(f"{result['spoken']:.2f}" if isinstance(result, dict) else result)
        print(f"| {accent} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=12, help="segments per sample article")
    parser.add_argument("--engine", action="append", help="engines to measure (default: every configured one)")
    parser.add_argument("--espeak-grid", action="store_true", help="espeak at every accent and rate instead")
    args = parser.parse_args()
    if args.espeak_grid:
        return grid(segments(args.segments), transcriber())
    app = create_app({"LOAD_SAMPLES": False, "DATABASE_URL": "sqlite://"})
    engines = build_engines(app.config)
    names = args.engine or list(engines)
    cases = segments(args.segments)
    transcribe = transcriber()
    print(f"viet-asr on {len(cases)} segments of the {len(sample_articles())} sample articles; word error rate "
          "against the spoken form (lower is better; the recognizer's own floor is about 0.07).\n")
    print("| engine | from our spoken text | from the raw text | what normalization buys | words |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        if name not in engines:
            sys.exit(f"engine {name!r} is not in TRODOC_TTS_ENGINES ({', '.join(engines)})")
        result = measure(engines[name], cases, transcribe)
        if isinstance(result, str):
            print(f"| {name} | {result} | | | |")
            continue
        print(f"| {name} | {result['spoken']:.2f} | {result['raw']:.2f} | {result['raw'] - result['spoken']:+.2f} "
              f"| {result['words']:.0f} |")
    for engine in engines.values():
        engine.close()


if __name__ == "__main__":
    main()
