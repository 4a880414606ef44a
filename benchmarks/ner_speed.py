"""Throughput of the NER stage (rasd.recognise.recognise) on Arabic news text.

Run: python benchmarks/ner_speed.py [N_ARTICLES]

Articles are the ANERcorp CAMeL Lab test sentences cut into ~600-token
pseudo-articles (falls back to the seed bodies when the eval data is absent).
Prints tokens/s and ms per 600-token article, cold (first pass, empty
per-word cache) and warm (second pass), on one thread; then the encoder
alone (``rasd.recognise.encoder``, int8 ONNX, one thread): pieces per
CPU-second and per wall second.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from rasd.doc import Doc
from rasd.recognise import recognise
from rasd.recognise.corpus import read_conll
from rasd.recognise.encoder import encoder
from rasd.recognise.tagger import model
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2] / "shared"
TEST = ROOT / "eval" / "anercorp-camel" / "ANERCorp_CamelLab_test.txt"


def articles(limit: int) -> list[str]:
    if TEST.exists():
        out, cur, n = [], [], 0
        for toks, _ in read_conll(TEST):
            cur.append(" ".join(toks))
            n += len(toks)
            if n >= 600:
                out.append("\n".join(cur))
                cur, n = [], 0
        return out[:limit]
    return [p.read_text("utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))][:limit]


def encoder_speed(texts: list[str]) -> None:
    sentences = [[t.text for t in tokenize(text, s.start, s.end)] for text in texts for s in split_sentences(text)]
    enc = encoder()
    pieces = sum(len(enc.segment.pieces(w)) for s in sentences for w in s)
    t0, c0 = time.perf_counter(), time.process_time()
    enc.word_logprobs(sentences)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"encoder alone: {pieces} pieces ({pieces / len(texts):.0f} per article) in {cpu:.2f}s CPU = "
          f"{pieces / cpu:,.0f} pieces per CPU-second ({pieces / dt:,.0f} per wall second)")


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    texts = articles(limit)
    n_tokens = sum(len(tokenize(t)) for t in texts)
    t0 = time.perf_counter()
    model()
    encoder()
    from rasd.recognise.lexicon import org_names, person_full_names, person_name_words, place_names

    place_names(), person_name_words(), person_full_names(), org_names()
    print(f"model + lexicons load: {time.perf_counter() - t0:.2f}s")
    for label in ("cold", "warm"):
        t0, c0 = time.perf_counter(), time.process_time()
        mentions = 0
        for i, text in enumerate(texts):
            doc = Doc(id=str(i), body=text)
            recognise(doc)
            mentions += len(doc.mentions)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"{label}: {len(texts)} articles, {n_tokens} tokens, {mentions} mentions in {dt:.2f}s wall = "
            f"{n_tokens / dt:,.0f} tokens/s, {1000 * dt / n_tokens * 600:.1f} ms per 600-token article "
            f"(CPU time {cpu:.2f}s = {n_tokens / cpu:,.0f} tokens/s; wall is slower when the machine is shared)"
        )
    encoder_speed(texts)


if __name__ == "__main__":
    main()

