"""Coder's tool for the event gold (benchmarks/EVENT_GUIDELINE.md).

  show HALF           print the coded sentences (S0..S2) of each article of the half, numbered
  encode HALF LABELS  turn a coder's label file into offsets in gold/events_saudinewsnet.json

A label file names the text it labels, so it stays outside the repository
with the outlets' text; only offsets are stored. Its lines:

  #N                                   article N of ``show``
  S0+S2 TYPE/mode | trigger | actor | target | place | date

S0+S2: the sentences that tell the event, the first holding its trigger and
arguments; each field is a piece of that sentence as written, ``text@2``
for its second occurrence, ``S0:text`` for a party named only in an earlier
sentence (the subject of وأضاف), empty when the text has none.  Articles without
lines have no event in their coded sentences and are stored as such.

Run: python benchmarks/events_gold_code.py show dev | encode dev LABELS
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from events_gold import GOLD, LEAD, body_hash, run, sample

from rasd.ingest import InputError

FIELDS = ("trigger", "actor", "target", "place", "date")


def articles(half: str):
    return [r for r in sample() if r["half"] == half]


def analysed(half: str):
    """(number, record, doc) of the half; an article the cleaner finds no text in (doc None)
    keeps its number and is not stored."""
    for n, rec in enumerate(articles(half), 1):
        try:
            yield n, rec, run(rec)
        except InputError:
            yield n, rec, None


def show(half: str) -> None:
    for n, rec, doc in analysed(half):
        print(f"## {n} {rec['source']} {rec['url'][:100]}" + (" (no text found)" if doc is None else ""))
        if doc is None:
            continue
        print(f"T: {rec.get('title')}")
        for k, s in enumerate(doc.sentences[:LEAD]):
            print(f"S{k}: {doc.body[s.start:s.end]}")


def _find(sentence: str, offset: int, piece: str, where: str) -> list[int] | None:
    piece = piece.strip()
    if not piece:
        return None
    text, _, nth = piece.rpartition("@") if "@" in piece else (piece, "", "1")
    at = -1
    for _ in range(int(nth)):
        at = sentence.find(text, at + 1)
        if at < 0:
            raise ValueError(f"{where}: {piece!r} not in the sentence")
    return [offset + at, offset + at + len(text)]


def _sentence_of(field: str, default: int) -> tuple[int, str]:
    """``S0:text`` takes the text from sentence 0 (an actor named only in the sentence before)."""
    field = field.strip()
    if len(field) > 3 and field[0] == "S" and field[1].isdigit() and field[2] == ":":
        return int(field[1]), field[3:]
    return default, field


def parse(path: Path) -> dict[int, list[tuple[list[int], str, list[str]]]]:
    labels: dict[int, list] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            current = int(line[1:])
            labels.setdefault(current, [])
            continue
        head, *fields = line.split("|")
        sents, code = head.split()
        labels[current].append(([int(s[1:]) for s in sents.split("+")], code, fields + [""] * (5 - len(fields))))
    return labels


def encode(half: str, path: Path) -> None:
    labels = parse(path)
    stored = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {"articles": []}
    kept = [a for a in stored["articles"] if a["half"] != half]
    bad = 0
    for n, rec, doc in analysed(half):
        if doc is None:
            continue
        lead = doc.sentences[:LEAD]
        events = []
        for sents, code, fields in labels.get(n, []):
            etype, _, mode = code.partition("/")
            try:
                spans = {}
                for f, v in zip(FIELDS, fields):
                    k, v = _sentence_of(v, sents[0])
                    spans[f] = _find(doc.body[lead[k].start:lead[k].end], lead[k].start, v, f"#{n} {code} {f}")
            except ValueError as err:
                print(err)
                bad += 1
                continue
            events.append({"type": etype, "mode": mode or None, "sentences": sents, **spans})
        kept.append({"id": rec["url"], "source": rec["source"], "half": half, "body_sha1": body_hash(doc),
                     "scope": [[s.start, s.end] for s in lead], "events": events})
    if bad:
        sys.exit(f"{bad} labels do not fit their sentence; nothing written")
    GOLD.parent.mkdir(exist_ok=True)
    GOLD.write_text(json.dumps({"guideline": "benchmarks/EVENT_GUIDELINE.md", "articles": kept},
                               ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{half}: {len(articles(half))} articles, {sum(len(v) for v in labels.values())} events -> {GOLD}")


if __name__ == "__main__":
    if sys.argv[1] == "show":
        show(sys.argv[2])
    else:
        encode(sys.argv[2], Path(sys.argv[3]))
