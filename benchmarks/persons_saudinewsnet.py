"""People outside the knowledge base in real news: exact spans and English names.

    python benchmarks/persons_saudinewsnet.py [--show]

Gold: ``benchmarks/gold/persons_saudinewsnet.json``, 268 person mentions in
80 SaudiNewsNet articles (random samples, seeds 12/13/14, of 500-1,500
character articles with a reporting verb), judged by hand: the name as
written without title or proclitic, and the English spelling a reader would
recognise (a Wikipedia title where one exists). Only article ids, character
offsets into ``content`` and the judged English name are stored, never the
text; an article is ``ARCHIVE#INDEX``, its position in the archive's JSON
array. 228 mentions are of people the KB does not hold (``in_kb`` false); the
figures are about those. Built after the linker changes of issue 12; the
name errors (``--show``) were then looked at once, before two general changes
(Maghreb spellings weighted down in the name-unit votes, a lone family name
re-pointed to the person named in full), so the English-name share is not
from data never seen.

Each article's ``content`` goes through ``rasd.analyze(..., clean_body=False)``.

- recall: gold out-of-KB mentions with a PER mention of exactly that span;
- precision: the pipeline's PER mentions that are not linked to the KB and do
  not touch a KB person's gold mention (titles that touch no gold name left
  out), exactly on a gold span;
- English names, of the recalled mentions: ``strict``, the entity's name equals
  the judged one (case, accents, hyphens and a leading al-/el- aside); ``close``,
  equal consonant skeletons (vowel spellings aside: Mohamed / Mohammed).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import rasd
from rasd.doc import Doc

GOLD = Path(__file__).resolve().parent / "gold" / "persons_saudinewsnet.json"
DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "saudinewsnet"


def contents(ids: set[str]) -> dict[str, str]:
    """``content`` of each article id ``ARCHIVE#INDEX`` (position in the archive's JSON array)."""
    out = {}
    for path in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for i, rec in enumerate(json.loads(z.read(name))):
                    if f"{path.name}#{i}" in ids:
                        out[f"{path.name}#{i}"] = rec.get("content") or ""
    return out


def _plain(name: str) -> str:
    t = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[-'`]", " ", t)
    words = t.split()
    return " ".join(w for w in words if w not in ("al", "el"))


def _skeleton(name: str) -> str:
    t = re.sub(r"[aeiouy ]", "", _plain(name))
    return re.sub(r"(.)\1+", r"\1", t)


def main(show: bool) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    by_url: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_url[g["article"]].append(g)
    texts = contents(set(by_url))
    n_gold = n_found = n_pred = n_right = strict = close = wrong_kb = 0
    for url, golds in sorted(by_url.items()):
        text = texts[url]
        doc: Doc = rasd.analyze(text, clean_body=False)
        if doc.body != text:
            print(f"{url}: body changed by the pipeline, offsets may not match", file=sys.stderr)
        kb_spans = [(g["start"], g["end"]) for g in golds if g["in_kb"]]
        out_spans = {(g["start"], g["end"]): g for g in golds if not g["in_kb"]}
        per = [m for m in doc.mentions if m.type == "PER"]
        exact = {(m.start, m.end): m for m in per}
        for span, g in out_spans.items():
            n_gold += 1
            m = exact.get(span)
            if m is None:
                if show:
                    print(f"MISSED {url[-40:]} {text[span[0]:span[1]]} ({g['english']})")
                continue
            n_found += 1
            ent = doc.entity(m.entity) if m.entity else None
            name = ent.name if ent else ""
            if m.entity and m.entity.startswith("kb:"):
                wrong_kb += 1
            strict += _plain(name) == _plain(g["english"])
            close += _skeleton(name) == _skeleton(g["english"])
            if show and _skeleton(name) != _skeleton(g["english"]):
                print(f"NAME   {text[span[0]:span[1]]}: {name!r} want {g['english']!r}")
        for m in per:
            touches = lambda spans: any(a < m.end and m.start < b for a, b in spans)  # noqa: E731
            if (m.entity or "").startswith("kb:") or touches(kb_spans):
                continue
            if m.role and not touches(out_spans):
                continue  # a title standing for someone, no name
            n_pred += 1
            n_right += (m.start, m.end) in out_spans
            if show and (m.start, m.end) not in out_spans:
                print(f"EXTRA  {url[-40:]} {m.text}")
    p = 100 * n_right / n_pred if n_pred else 0.0
    r = 100 * n_found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"SaudiNewsNet people outside the KB: {n_gold} gold mentions in {len(by_url)} articles")
    print(f"exact span: P {p:5.1f} ({n_right}/{n_pred})  R {r:5.1f} ({n_found}/{n_gold})  F1 {f:5.1f}")
    print(f"English name of recalled mentions: strict {100 * strict / max(n_found, 1):5.1f}% ({strict}/{n_found}), "
          f"close {100 * close / max(n_found, 1):5.1f}% ({close}/{n_found}); linked to a KB person instead: {wrong_kb}")


if __name__ == "__main__":
    main("--show" in sys.argv)
