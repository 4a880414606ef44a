"""Boilerplate removal on the two public Arabic page+reference pairs (eval/boilerplate-ar-smoke).

assabah.com.tn (trafilatura's eval set): correct when every `with` snippet is
in the body and no `without` snippet is. CNN Arabic (newspaper4k's test
page): token-level precision/recall/F1 of the body against the expected
text. Also scores the line cleaner alone on each page's full visible text
(menus, tickers, footers and all), which is what scraped input looks like.
Last, retention on clean text: SaudiNewsNet articles (already clean, 14
Saudi outlets) given as "title + body" pages; a cleaner that removes real
paragraphs shows it here as lost tokens.
And a synthetic check of composition: each SaudiNewsNet body placed inside
the real furniture of the five seed pages (their header and footer, cut at
the gold body snippets); body recall and the share of furniture tokens that
leak into the body. The seeds shaped the lexicon, so read this as a test of
how the rules interact with many different bodies, not as an unseen score.
Prints the figures; run: python benchmarks/boilerplate_smoke.py [N_SAUDI=400]
"""
from __future__ import annotations

import json
import random
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from rasd.clean import clean
from rasd.clean.html import visible_text
from rasd.ingest import InputError, RawArticle, decode_bytes
from rasd.text.tokens import tokenize

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEFAULT = EVAL / "boilerplate-ar-smoke"


def token_prf(got: str, want: str) -> tuple[float, float, float]:
    g = Counter(t.text for t in tokenize(got))
    w = Counter(t.text for t in tokenize(want))
    common = sum((g & w).values())
    p = common / max(1, sum(g.values()))
    r = common / max(1, sum(w.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _as_raw(html: str, cleaner_only: bool) -> RawArticle:
    """The page as HTML (trafilatura + line cleaner), or as its bare visible text (line cleaner alone)."""
    if cleaner_only:
        return RawArticle(content=visible_text(html)[0], kind="text")
    return RawArticle(content=html, kind="html")


def run(folder: Path, cleaner_only: bool = False) -> dict:
    out = {}
    t0 = time.perf_counter()
    html = decode_bytes((folder / "trafilatura_assabah.com.tn.article.html").read_bytes())
    gold = next(iter(json.loads((folder / "trafilatura_assabah.com.tn.article.evaldata.json").read_text()).values()))
    doc = clean(_as_raw(html, cleaner_only))
    missing = [s for s in gold["with"] if s not in doc.body]
    present = [s for s in gold["without"] if s in doc.body]
    out["assabah"] = {"correct": not missing and not present, "missing": missing, "present": present,
                      "title_ok": doc.title.split() == gold["title"].split(), "outlet": doc.source.outlet}

    html = decode_bytes((folder / "newspaper_arabic_article.html").read_bytes())
    want = (folder / "newspaper_arabic_article.expected.txt").read_text("utf-8")
    meta = json.loads((folder / "newspaper_arabic_article.metadata.json").read_text())
    doc = clean(_as_raw(html, cleaner_only))
    p, r, f = token_prf(doc.body, want)
    out["cnn_arabic"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                         "title_ok": doc.title == meta["title"], "outlet": doc.source.outlet}
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


def retention(n: int, seed: int = 1) -> dict:
    """Token recall of clean article text, and exact titles, over n SaudiNewsNet pages."""
    articles = []
    for zpath in sorted((EVAL / "saudinewsnet").glob("*.zip"))[:3]:
        with zipfile.ZipFile(zpath) as z:
            articles += json.loads(z.read(z.namelist()[0]))
    articles = [a for a in articles if len(a["content"].split()) >= 20 and a["title"].strip()]
    random.Random(seed).shuffle(articles)
    recalls, titles, t0 = [], 0, time.perf_counter()
    for a in articles[:n]:
        try:
            doc = clean(RawArticle(content=a["title"] + "\n\n" + a["content"], kind="text"))
        except InputError:
            recalls.append(0.0)
            continue
        recalls.append(token_prf(doc.body, a["content"])[1])
        titles += doc.title.split() == a["title"].split()  # spacing differences are not errors
    n = len(recalls)
    return {"pages": n, "mean_token_recall": round(sum(recalls) / n, 4),
            "pages_fully_kept(>=0.99)": round(sum(r >= 0.99 for r in recalls) / n, 4),
            "pages_under_0.9": sum(r < 0.9 for r in recalls), "title_exact": round(titles / n, 4),
            "ms_per_page": round(1000 * (time.perf_counter() - t0) / n, 1)}


def _seed_furniture() -> list[tuple[str, str]]:
    """(header, footer) of each seed page: the text before/after its gold body."""
    gold = json.loads((EVAL.parent / "gold" / "seeds.json").read_text("utf-8"))["articles"]
    out = []
    for g in gold:
        text = (EVAL.parent / "corpus" / "seeds" / g["file"]).read_text("utf-8")
        first, last = g["body_must_contain"][0], g["body_must_contain"][-1]
        start = text.rfind("\n", 0, text.index(first)) + 1
        end = text.find("\n", text.index(last) + len(last))
        out.append((text[:start], text[end if end >= 0 else len(text):]))
    return out


def synthetic(n: int, seed: int = 2) -> dict:
    articles = []
    for zpath in sorted((EVAL / "saudinewsnet").glob("*.zip"))[3:5]:
        with zipfile.ZipFile(zpath) as z:
            articles += json.loads(z.read(z.namelist()[0]))
    articles = [a for a in articles if len(a["content"].split()) >= 20]
    random.Random(seed).shuffle(articles)
    recalls, leaks = [], []
    for header, footer in _seed_furniture():
        for a in articles[:n]:
            doc = clean(RawArticle(content=header + a["content"] + footer, kind="text"))
            recalls.append(token_prf(doc.body, a["content"])[1])
            furniture = Counter(t.text for t in tokenize(header + footer))
            got = Counter(t.text for t in tokenize(doc.body)) - Counter(t.text for t in tokenize(a["content"]))
            leaks.append(sum((got & furniture).values()) / max(1, sum(furniture.values())))
    k = len(recalls)
    return {"pages": k, "mean_body_recall": round(sum(recalls) / k, 4),
            "pages_fully_kept(>=0.99)": round(sum(r >= 0.99 for r in recalls) / k, 4),
            "mean_furniture_leak": round(sum(leaks) / k, 4),
            "pages_with_leak>5%": sum(x > 0.05 for x in leaks)}


if __name__ == "__main__":
    folder = DEFAULT
    n_saudi = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    print("HTML path (trafilatura, then the line cleaner):")
    print(json.dumps(run(folder), ensure_ascii=False, indent=1))
    print("Line cleaner alone, on the page's visible text (all furniture left in):")
    print(json.dumps(run(folder, cleaner_only=True), ensure_ascii=False, indent=1))
    print("Retention on clean SaudiNewsNet articles (title + body as a page):")
    print(json.dumps(retention(n_saudi), ensure_ascii=False, indent=1))
    print("Synthetic: SaudiNewsNet bodies inside the seed pages' furniture:")
    print(json.dumps(synthetic(max(1, n_saudi // 4)), ensure_ascii=False, indent=1))
