"""Where the read-also thresholds sit between an article that goes on and a glued story.

After a read-also marker with no end sign before it, the cleaner cuts the page
when the prose after the marker shares too few of its content words with the
prose before it (``goes_on_share``): under ``_GLUED_HEAD_WORDS`` when the tail
opens with a headline (a glued story's title), under ``_GOES_ON_WORDS`` when it
opens with prose. This measures that share on the SaudiNewsNet hosts of the
dev pages of ``clean_bench.py`` and 250 more articles per outlet (all there
are, for the small ones) in no page of the bench (never a test page's host or
teaser), in two classes:

* goes on: the host's first paragraphs, "اقرأ أيضاً:", then the rest of the
  same host (one sample per cut after 200 characters of prose);
* glued: the same first paragraphs, the marker, then the title and paragraphs
  of another article of the outlet (the most similar of 15 random ones, as the
  bench's teasers are: a related story is the hard case), as many as stay
  shorter than the prose before (a longer tail is never cut, whatever it shares).

Samples the shape alone decides (a continuation opens the tail, the tail is
longer, ...) have no share and are counted apart. Per opening, prints both
distributions, the errors at each threshold, the thresholds of lowest balanced
error (within the opening, and over all samples: glued pages and pages going on
equally common), and the margin to the next article tail above the one in use.

Run: python benchmarks/clean_glued.py
"""
from __future__ import annotations

import json
import random
from collections import defaultdict

from clean_bench import MANIFEST, _by_outlet, _host_spans, _words

from rasd.clean.boilerplate import _GLUED_HEAD_WORDS, _GOES_ON_WORDS, _furniture_kind, _make_line, _teaser_head, goes_on_share

MARKER = "اقرأ أيضاً:"


def _lines(paras: list[str]) -> list:
    out = []
    for text in paras:
        line = _make_line(text)
        line.kind = _furniture_kind(line)
        out.append(line)
    return out


def _paras(rec: dict) -> list[str]:
    return [rec["content"][a:b] for a, b in _host_spans(rec["content"])]


def shares(seed: int = 14, per_outlet: int = 250) -> tuple[list[float], list[float], int]:
    """Shares of the goes-on and the glued samples, and how many samples the shape decided."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    used = {p["url"] for p in manifest["pages"]} | {it["url"] for p in manifest["pages"] for it in p["items"] if it["src"] == "teaser"}
    arts = _by_outlet()
    by_url = {rec["url"]: rec for o in arts.values() for _, rec in o}
    rng = random.Random(seed)
    hosts = [(p["outlet"], by_url[p["url"]]) for p in manifest["pages"] if p["half"] == "dev" and p["url"] in by_url]
    for outlet, recs in _by_outlet(used).items():  # never a test page's host or teaser
        hosts += [(outlet, rec) for _, rec in rng.sample(recs, min(per_outlet, len(recs)))]
    on, glued, shaped = [], [], 0
    for outlet, host in hosts:
        paras = _paras(host)
        hw = _words(host["content"])
        others = [a for _, a in rng.sample(arts[outlet], 15) if a["url"] != host["url"]]
        other = max(others, key=lambda a: len(hw & _words(a["content"])))
        for cut in range(1, len(paras)):
            before = _lines(paras[:cut])
            chars = sum(len(l.text) for l in before if l.prose)
            if chars < 200:
                continue
            marker = _lines([MARKER])
            after = _lines(paras[cut:])
            s = goes_on_share(before + marker + after, cut, chars)
            shaped += s is None
            if s is not None:
                on.append((s, _teaser_head(after[0])))
            tail: list[str] = [other["title"]]
            for p in _paras(other):
                if sum(len(l.text) for l in _lines(tail + [p]) if l.prose) >= chars:
                    break
                tail.append(p)
            if len(tail) > 1:
                after = _lines(tail)
                g = goes_on_share(before + marker + after, cut, chars)
                shaped += g is None
                if g is not None:
                    glued.append((g, _teaser_head(after[0])))
    return on, glued, shaped


def choose(on: list[float], glued: list[float], n_on: int, n_glued: int) -> tuple[float, int, int]:
    """The threshold of lowest balanced error: the goes-on samples under it over ``n_on`` plus the glued
    ones at or over it over ``n_glued`` (the two classes weigh the same, however many samples each has),
    in the middle of the widest gap among the ties; and its two error counts."""
    values = sorted(set(on) | set(glued) | {0.0, 1.0})
    best = None
    for lo, hi in zip(values, values[1:]):
        t = (lo + hi) / 2
        errors = (sum(s < t for s in on), sum(g >= t for g in glued))
        key = (round(errors[0] / max(1, n_on) + errors[1] / max(1, n_glued), 9), -(hi - lo))
        if best is None or key < best[0]:
            best = (key, t, errors)
    return best[1], *best[2]


def main() -> None:
    on, glued, shaped = shares()
    print(f"goes on: {len(on)} samples with a share; glued: {len(glued)}; decided by shape alone: {shaped}")
    for opening, head in (("a headline", True), ("prose", False)):
        a = sorted(s for s, h in on if h == head)
        g = sorted(s for s, h in glued if h == head)
        print(f"== tail opens with {opening}: {len(a)} goes on, {len(g)} glued")
        for name, xs in (("goes on", a), ("glued", g)):
            if xs:
                q = [xs[int(f * (len(xs) - 1))] for f in (0, 0.05, 0.25, 0.5, 0.75, 0.95, 1)]
                print(f"  {name:8s} min/5/25/50/75/95%/max: " + " ".join(f"{v:.3f}" for v in q))
        current = _GLUED_HEAD_WORDS if head else _GOES_ON_WORDS
        print(f"  threshold   goes-on cut (lost text)   glued kept")
        for t in sorted({0.04, 0.08, 0.10, 0.12, 0.15, 0.2, 0.25, 0.3, current}):
            mark = "  <- in boilerplate.py" if t == current else ""
            print(f"  {t:.3f}       {sum(s < t for s in a):5d}                   {sum(x >= t for x in g):5d}{mark}")
        t, lost, kept = choose(a, g, len(a), len(g))
        print(f"  lowest balanced error within this opening at {t:.3f} ({lost} cut, {kept} kept)")
        t, lost, kept = choose(a, g, len(on), len(glued))
        print(f"  lowest balanced error over all samples (as many glued pages as pages going on, whatever "
              f"their opening) at {t:.3f} ({lost} cut, {kept} kept)")
        up = min((x for x in a if x >= current), default=1.0) - current
        print(f"  in boilerplate.py {current}: {sum(s < current for s in a)} cut, {sum(x >= current for x in g)} kept; "
              f"the next article tail it would cut is {up:+.3f} above it")

if __name__ == "__main__":
    main()
