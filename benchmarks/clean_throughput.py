"""Throughput of the clean stage alone: articles per second on SaudiNewsNet pages.

Each article is given as a scraped page ("title", blank line, content), the
shape the line cleaner sees most; the figure is wall time of ``clean`` only
(no recognition, linking or store). The machine is shared, so the best of
three passes is reported beside each pass, in wall time and in this
process's CPU time (which other processes on the machine disturb less). Run: python benchmarks/clean_throughput.py [N=2000]
"""
from __future__ import annotations

import sys
import time

from saudinewsnet import records

from rasd.clean import clean
from rasd.ingest import InputError, RawArticle


def main(n: int) -> None:
    pages = [RawArticle(content=r["title"] + "\n\n" + r["content"], kind="text", path=r["url"])
             for _, r in records(n, skip_empty=True)]
    clean(pages[0])  # load lexicons and tables outside the timing
    rates, cpu = [], []
    for _ in range(3):
        failed = 0
        t0, c0 = time.perf_counter(), time.process_time()
        for raw in pages:
            try:
                clean(raw)
            except InputError:
                failed += 1
        rates.append(len(pages) / (time.perf_counter() - t0))
        cpu.append(len(pages) / (time.process_time() - c0))
    chars = sum(len(p.content) for p in pages)
    print(f"clean: {len(pages)} articles ({chars / 1e6:.1f} M chars), {failed} without article text; "
          f"articles/s per pass {[round(r) for r in rates]}, best {max(rates):.0f}; "
          f"per CPU second {[round(r) for r in cpu]}, best {max(cpu):.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
