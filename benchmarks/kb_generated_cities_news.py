"""Which GeoNames-generated city names fire in real Arabic news? python benchmarks/kb_generated_cities_news.py [N_ZIPS]

Counts matches of generated-city spellings (proclitics allowed, never the
bare article, as the linker reads them) over the first N daily archives of
SaudiNewsNet in ../shared/eval (read, never copied), and prints the most
frequent ones. A frequent match that is not the city (بسيط "simple" for
Albacete, فلاديمير the first name) belongs in rasd/data/kb/common_words.txt.
"""
from __future__ import annotations

import glob
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from rasd.kb import load
from rasd.text.normalise import normalise, proclitic_splits

ARCHIVES = str(Path(__file__).resolve().parents[2] / "shared/eval/saudinewsnet/*.zip")
WORD = re.compile(r"[\u0621-\u064A]+")


def texts(n_zips: int):
    for path in sorted(glob.glob(ARCHIVES))[:n_zips]:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                try:
                    data = json.loads(z.read(name).decode("utf-8", "ignore"))
                except ValueError:
                    continue
                for a in data if isinstance(data, list) else [data]:
                    if isinstance(a, dict):
                        yield a.get("content") or ""


def main() -> None:
    n_zips = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    kb = load()
    gen = {" ".join(normalise(a).split()): e for e in kb.entities() if e.extra.get("generated") for a in e.ar}
    counts: Counter = Counter()
    tokens = 0
    for text in texts(n_zips):
        words = [normalise(w) for w in WORD.findall(text)]
        tokens += len(words)
        for i, w in enumerate(words):
            for p, rest in proclitic_splits(w):
                two = rest + " " + words[i + 1] if i + 1 < len(words) else None
                if p.endswith("ال"):
                    continue
                hit = gen.get(two) if two else None
                hit = hit or gen.get(rest)
                if hit:
                    counts[(rest if gen.get(rest) is hit else two, hit.name)] += 1
                    break
    total = sum(counts.values())
    print(f"{tokens:,} tokens; {len(gen):,} generated spellings; {total:,} matches "
          f"({total / tokens * 1e6:.0f} per million tokens) from {len(counts)} spellings")
    for (form, name), c in counts.most_common(30):
        print(f"  {c:5d}  {form}  ({name})")


if __name__ == "__main__":
    main()
