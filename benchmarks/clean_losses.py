"""Article text the cleaner loses on clean SaudiNewsNet bodies given as pages, per outlet (issue 14, recall).

A SaudiNewsNet body is clean article text, so every paragraph of it that a
cleaned page lacks is lost text. Each article (60 to 700 words, as
``clean_bench`` draws them) is rendered as ``clean_bench`` renders a page, without
furniture: scraped text (``text``: one line a paragraph; ``text2``: blank lines
between) or HTML (``html``). Empty paragraphs and wire end marks (furniture by
the labelling rule) are not counted. The articles of the test halves ("test",
"test2", hosts and teasers) are left out, unread: this is a dev-side scan.
Prints, per outlet and format, the pages losing two paragraphs or more and the
paragraphs lost; ``--list`` also prints those pages' URLs and lost indices.

Run: python benchmarks/clean_losses.py [OUTLET,...|all] [PER_OUTLET] [text,text2,html] [--list]
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict

import clean_bench as cb

from rasd.clean import clean
from rasd.ingest import InputError, RawArticle


def lost(host: dict, fmt: str) -> tuple[int, list[int]]:
    """Paragraphs counted and the indices of those the cleaned page lacks."""
    items = [{"src": "host", "start": a, "end": b, "label": "article"} for a, b in cb._host_spans(host["content"])]
    page = {"id": "x-1" if fmt == "text2" else "x-0", "url": host["url"], "items": items,
            "format": "html" if fmt == "html" else "text"}
    content, gold = cb.render(page, {host["url"]: host}, {})
    try:
        paras = [cb._collapse(p) for p in clean(RawArticle(content, page["format"], path=page["id"])).body.split("\n\n")]
    except InputError:
        paras = []
    body = " ".join(paras)
    counted, out = 0, []
    for i, (text, _) in enumerate(gold):
        t = cb._collapse(text)
        if not t or cb._WIRE_MARK.fullmatch(t):
            continue
        counted += 1
        if not (t in paras if len(t.split()) <= 3 else t in body):
            out.append(i)
    return counted, out


def main(outlets: set[str] | None, per: int, fmts: list[str], listing: bool) -> None:
    manifest = json.loads(cb.MANIFEST.read_text(encoding="utf-8"))
    held_out = cb._used([p for p in manifest["pages"] if p["half"] in ("test", "test2")])
    total = [0, 0, 0, 0]
    for outlet, arts in cb._by_outlet(held_out).items():
        if outlets and outlet not in outlets:
            continue
        arts = sorted(arts, key=lambda a: hashlib.sha256(a[1]["url"].encode()).hexdigest())[:per]
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # pages, losing 2+, paragraphs lost, paragraphs
        for _, host in arts:
            if len(cb._host_spans(host["content"])) < 3:
                continue
            for fmt in fmts:
                n, gone = lost(host, fmt)
                c = counts[fmt]
                c[0] += 1
                c[1] += len(gone) >= 2
                c[2] += len(gone)
                c[3] += n
                if listing and len(gone) >= 2:
                    print(f"  {outlet} {fmt} {host['url']} lost {gone}")
        for fmt, c in counts.items():
            print(f"{outlet:13s} {fmt:5s} pages {c[0]:5d}  losing 2+ {c[1]:4d}  paragraphs lost {c[2]:5d} of {c[3]}")
            total = [t + x for t, x in zip(total, c)]
    print(f"ALL           pages {total[0]:5d}  losing 2+ {total[1]:4d}  paragraphs lost {total[2]:5d} of {total[3]}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    chosen = None if not args or args[0] == "all" else set(args[0].split(","))
    main(chosen, int(args[1]) if len(args) > 1 else 10**9, args[2].split(",") if len(args) > 2 else ["text"],
         "--list" in sys.argv)
