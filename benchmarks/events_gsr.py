"""ASSAULT and PROTEST detection and argument extraction on the OEDA Arabic event GSR.

Data: /work/shared/eval/arabic-event-gsr (development half; README there).
Each sentence goes through recognise -> link -> extract as a one-sentence
article. Detection (sentence level): a sentence is predicted positive when
an event of that type comes out (negated ones excluded); gold positive is
label "yes", gold negative "easy no"/"difficult no", "ambiguous" dropped.
Floors: ASSAULT F1 70, PROTEST F1 60.

Reading the figures: the GSR labels are annotators' accept/reject votes on
events proposed by a machine coder (it was released to validate the
PLOVER/UniversalPetrarch coders), not "does this sentence report an
assault/protest". Sentences that plainly do are often rejected ("وهتف
المتظاهرون «كلا كلا اميركا»" is PROTEST 0/3), as are references to past
attacks. Rasd requires a doer (named or generic) for every event, so
perpetrator-less sentences ("انفجرت سيارة مفخخة") count as misses here.

Arguments, on the *_spans.json sentences that have a `source_gold` /
`target_gold`: correct when the predicted actor / target text shares a word
(normalised, proclitics stripped) with the gold span; a sentence without a
predicted event counts as wrong.

Run: python benchmarks/events_gsr.py [DIR] [-v]
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from rasd.doc import Doc
from rasd.extract import extract
from rasd.kb import load as load_kb
from rasd.link import link
from rasd.recognise import recognise
from rasd.text.normalise import normalise, search_key
from rasd.text.sentences import split_sentences

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "arabic-event-gsr"


def analyse(text: str, kb) -> Doc:
    doc = Doc(id="gsr", body=text)
    doc.sentences = split_sentences(text)
    recognise(doc)
    link(doc, kb)
    extract(doc, kb)
    return doc


def _words(text: str | None) -> set[str]:
    return {search_key(w) for w in normalise(text or "").split() if len(w) > 1}


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else DEFAULT
    kb = load_kb()
    for etype in ("ASSAULT", "PROTEST"):
        tp = fp = fn = 0
        cache: dict[str, Doc] = {}
        with open(root / f"{etype.lower()}_gsr.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            if r["label"] == "ambiguous":
                continue
            doc = cache[r["text"]] = analyse(r["text"], kb)
            pred = any(e.type == etype and not e.negated for e in doc.events)
            gold = r["label"] == "yes"
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
            if verbose and pred != gold:
                print(f"  {'FP' if pred else 'FN'} {r['text'][:160]}")
        p = tp / max(1, tp + fp)
        rc = tp / max(1, tp + fn)
        f1 = 2 * p * rc / max(1e-9, p + rc)
        print(f"{etype} detection: P {100 * p:.1f}  R {100 * rc:.1f}  F1 {100 * f1:.1f}  "
              f"(tp {tp} fp {fp} fn {fn}, {len(rows)} rows)")

        spans = json.loads((root / f"{etype.lower()}_spans.json").read_text(encoding="utf-8"))
        for slot, attr in (("source", "actor_text"), ("target", "target_text")):
            ok = n = 0
            for s in spans:
                gold_words = _words(s[f"{slot}_gold"])
                if not gold_words:
                    continue
                n += 1
                doc = cache.get(s["text"]) or analyse(s["text"], kb)
                evs = [e for e in doc.events if e.type == etype]
                ok += any(_words(getattr(e, attr)) & gold_words for e in evs)
            print(f"{etype} {slot} accuracy: {100 * ok / max(1, n):.1f}% ({ok}/{n} sentences with a gold {slot})")


if __name__ == "__main__":
    main(sys.argv[1:])
