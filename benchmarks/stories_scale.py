"""Story grouping at scale on SaudiNewsNet (31k articles, 14 outlets, 3 weeks).

For 1k, 10k and all articles (chronological order), each size in a fresh
process: time to group (features, near-duplicates, blocking, scoring) and the
peak memory the grouping adds, plus story counts. CPU seconds are the figure
to compare across sizes when the machine is shared; wall seconds are printed too. No NER: text, title and
date only. Then writes 20 randomly drawn multi-outlet stories (label, member
titles, outlets) of the full run to a file for a person to judge.

    python benchmarks/stories_scale.py [--sizes 1000,10000,0] [--out FILE]

(size 0 = all articles).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter

from saudinewsnet import records



def load(limit: int | None):
    """SaudiNewsNet articles as Docs (bodies taken as clean), oldest first."""
    from rasd.clean import clean
    from rasd.ingest import RawArticle

    return [
        clean(RawArticle(content=a["content"], kind="body", url=a["url"], title=a.get("title"),
                         published=(a.get("date_extracted") or "")[:10] or None, outlet=a["source"],
                         id=hashlib.sha1(a["url"].encode()).hexdigest()[:16]))
        for _, a in records(limit, skip_empty=True)
    ]


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_one(size: int, out: str | None) -> None:
    from rasd.group import StoryIndex

    docs = load(size or None)
    titles = {d.id: (d.title or "", d.source.outlet) for d in docs}
    base = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    index = StoryIndex()
    n_dup = 0
    step = max(len(docs) // 5, 1)
    marks = []  # CPU ms per article in each fifth of the run: flat means constant cost per add
    c_prev = c0
    for i, d in enumerate(docs, 1):
        n_dup += bool(index.add(d).duplicates)
        if i % step == 0:
            now = time.process_time()
            marks.append(round(1000 * (now - c_prev) / step, 2))
            c_prev = now
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
    t1 = time.perf_counter()
    state = index.to_state()
    ts = time.perf_counter() - t1
    stories = index.stories()
    sizes = Counter(len(s.articles) for s in stories)
    multi = [s for s in stories if len(s.outlets) >= 2]
    print(json.dumps({
        "articles": len(docs), "wall_s": round(dt, 1), "cpu_s": round(cpu, 1),
        "cpu_ms_per_article": round(1000 * cpu / len(docs), 2), "cpu_ms_per_article_by_fifth": marks,
        "peak_mb_added": round(peak), "state_mb": round(len(state) / 2**20, 1), "state_seconds": round(ts, 1),
        "stories": len(stories), "multi_article": sum(n for k, n in sizes.items() if k > 1),
        "multi_outlet": len(multi), "largest": max(sizes), "with_near_duplicate": n_dup,
    }))
    if out:
        rng = random.Random(7)
        sample = rng.sample(multi, min(20, len(multi)))
        largest = stories[:5]
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(f"20 multi-outlet stories drawn at random (seed 7) from {len(multi)}, {len(docs)} articles,\n"
                     f"then the 5 largest stories (where over-merging would show)\n\n")
            for i, s in enumerate(sample + largest, 1):
                fh.write(f"[{i}] {s.label}  ({len(s.articles)} articles, {', '.join(s.outlets)}; "
                         f"{s.first_seen}..{s.last_seen})\n")
                for a in s.articles[:12]:
                    t, o = titles[a]
                    fh.write(f"    - {o}: {t}\n")
                if len(s.articles) > 12:
                    fh.write(f"    ... and {len(s.articles) - 12} more\n")
                fh.write("\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,0")
    ap.add_argument("--out", default="/tmp/rasd_stories_sample.txt")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = ap.parse_args()
    if args.one is not None:
        run_one(args.one, args.out or None)
        return
    print("SaudiNewsNet story grouping (text + title + date; no NER), one fresh process per size")
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        out = args.out if size == sizes[-1] else ""  # the sample comes from the largest run
        r = subprocess.run([sys.executable, __file__, "--one", str(size), "--out", out],
                           capture_output=True, text=True)
        print(r.stdout.strip() or r.stderr.strip()[-2000:], flush=True)
    print(f"sample of multi-outlet stories written to {args.out}")


if __name__ == "__main__":
    main()
