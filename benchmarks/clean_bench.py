"""Labelled cleaning benchmark: kept-paragraph precision and recall, overall and per outlet.

Pages are rebuilt at run time from ``clean_bench/manifest.json`` (ids,
offsets and labels only; no third-party text is stored) and two sources:

* article bodies of SaudiNewsNet (14 Saudi outlets; ../shared/eval, read in
  place): each page's paragraphs are spans of one article's ``content``;
  bodies saved without paragraph breaks are cut after every second sentence;
* furniture: related-story teasers made of *another* article of the same
  outlet (its title as the teaser headline, its first sentence as the
  one-line summary, from its first paragraph of 12+ words: what CNN Arabic's
  in-body teasers are), picked as the
  most similar of 15 random same-outlet articles, so the teaser is on a
  related subject; and promotions / calls / box headings written for this
  benchmark (``clean_bench/furniture.yaml``, separate dev and test pools).

Why wrap real bodies: SaudiNewsNet's ``content`` is already clean text, so
its paragraphs are real article paragraphs of many outlets, and the
furniture that reaches the body on real pages (issue 14: teasers between
body paragraphs, app promotions) is rebuilt around them in the two shapes
Rasd reads: scraped text and HTML (``<p>`` paragraphs, teasers as linked
``<div class="related">`` boxes).

Labelling rule (LABELS.md beside the manifest): a paragraph is *article*
when it is part of the story the title announces (including background,
quotes, a closing line and a credit inside a sentence); *furniture* when it
is about another story (teaser headline or summary, caption of another
story), addresses the reader about the outlet (apps, newsletters, social
accounts, "share", "read also" and box headings), or is a bare credit line.
Every host paragraph of 12 words or fewer or without a final stop (the ones
that can be furniture; 115 of 568 in the first 93 pages, 30 of 433 in the 58 dev pages of ``MORE_DEV``,
26 of 123 in the 25 of ``MORE_DEV_2``, 34 of 138 in the 21 of ``MORE_DEV_3``, 44 of 208 in the 27 of ``MORE_DEV_4``, 25 of 120 in the 20 of ``MORE_DEV_5``, 48 of 212 in the 32 of ``TEST2``) was read and labelled by hand against this
rule (``clean_bench/labels.yaml``); the longer full sentences are article;
the inserted blocks are furniture by construction.

Pages alternate between a dev half (tune on it) and a test half (report
only); a second test half, "test2" (``TEST2``), was drawn after the first had
been read many times: report it once per change, never read its errors. A
gold paragraph counts as kept when its text, whitespace collapsed and in
Unicode NFC (canonically equal mark orders are the same text), is in the
cleaned body; one of three words or fewer only when it is a paragraph of the
body.

Run: python benchmarks/clean_bench.py [dev|new|fresh|fresh2|test|test2|all|extra] [-v]   (default: dev and test; -v lists the errors;
     new: 21 dev pages labelled after the rules were fitted, see ``MORE_DEV_3``;
     fresh: 27 long dev-side pages labelled after that, see ``MORE_DEV_4``;
     fresh2: 20 dev-side pages of the outlets whose test furniture was kept, see ``MORE_DEV_5``;
     test2: 32 test pages of 8 outlets no rule was tuned on, see ``TEST2`` (no -v: keep it unseen);
     all: every half but extra, test2 included (so no -v there either);
     extra: ~190 more dev-like pages generated from other hosts, see ``extra_pages``;
     extra --seed=N: another sample of them, 30 an outlet (seeds 7 and 8 were used beside extra))
     python benchmarks/clean_bench.py --build           (rewrites the manifest)
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import defaultdict
from html import escape, unescape
from pathlib import Path

import yaml
from saudinewsnet import records

from rasd.text.sentences import split_sentences

HERE = Path(__file__).resolve().parent / "clean_bench"
MANIFEST = HERE / "manifest.json"
PER_OUTLET = 8


def _furniture() -> dict:
    return yaml.safe_load((HERE / "furniture.yaml").read_text(encoding="utf-8"))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\u0621-\u064A]{4,}", text)}


def _host_spans(content: str) -> list[tuple[int, int]]:
    """Paragraph spans of an article's content: its lines, or pairs of sentences when it has one line."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", content)]
    spans = [(a + len(content[a:b]) - len(content[a:b].lstrip()), b - (len(content[a:b]) - len(content[a:b].rstrip())))
             for a, b in spans]
    if len(spans) > 1:
        return spans
    sents = [(s.start, s.end) for s in split_sentences(content)]
    return [(sents[i][0], sents[min(i + 1, len(sents) - 1)][1]) for i in range(0, len(sents), 2)] or spans


_WIRE_MARK = re.compile(r"//\s*(?:انتهى|إنتهى|يتبع)\s*//|\d\d?:\d\d\s*ت\s*[مغ]")


def _by_outlet(exclude: set[str] = frozenset()) -> dict[str, list[tuple[str, dict]]]:
    """SaudiNewsNet articles of 60 to 700 words with a title, by outlet (outlets with 40 or more)."""
    by_outlet: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for zname, rec in records(skip_empty=True):
        if 60 <= len(rec["content"].split()) <= 700 and rec["title"].strip() and rec["url"] not in exclude:
            by_outlet[rec["source"]].append((zname, rec))
    return {o: arts for o, arts in sorted(by_outlet.items()) if len(arts) >= 40}


def _wrap(rng: random.Random, host: dict, arts: list[tuple[str, dict]], pools: dict, half: str, items: list[dict]) -> None:
    """Insert into ``items`` (the host's paragraphs) one or two related-story teasers and one block of
    the half's promotions, each between body paragraphs, never before the lead."""
    hw = _words(host["content"])
    cands = [a for a in rng.sample(arts, 15) if a[1]["url"] != host["url"]]
    cands = [a for a in cands if len(hw & _words(a[1]["content"])) / max(1, len(hw | _words(a[1]["content"]))) < 0.25]
    cands.sort(key=lambda a: -len(hw & _words(a[1]["content"])))
    blocks = []
    for tz, teaser in cands[:rng.choice([1, 2])]:
        # The summary is the first sentence of its first real paragraph (not a byline or dateline).
        spans = [sp for sp in _host_spans(teaser["content"]) if len(teaser["content"][sp[0]:sp[1]].split()) >= 12]
        if not spans:
            continue
        lead = spans[0]
        first = split_sentences(teaser["content"][lead[0]:lead[1]])
        end = lead[0] + (first[0].end if first else lead[1] - lead[0])
        blocks.append([{"src": "teaser", "zip": tz, "url": teaser["url"], "field": "title", "label": "furniture"},
                       {"src": "teaser", "zip": tz, "url": teaser["url"], "field": "content", "start": lead[0], "end": end, "label": "furniture"}])
    snippet = rng.randrange(len(pools[half]))
    blocks.append([{"src": "snippet", "pool": half, "index": snippet, "line": i, "label": "furniture"}
                   for i in range(len(pools[half][snippet]))])
    for block in blocks:
        at = rng.randrange(1, len(items))
        while at < len(items) and items[at]["src"] != "host":
            at += 1
        items[at:at] = block


# More dev pages, hand-labelled like the first ones, for the outlets the first sample left thin: the
# two whose test recall was lowest (aawsat, aleqtisadiya) and those with few dev paragraphs. Drawn
# after the first sample, from articles in no page of it (host or teaser), so no test page changes.
MORE_DEV = {"aawsat": 22, "aleqtisadiya": 22, "almadina": 6, "okaz": 4, "sabq": 4}
# A second round for the outlets still thin on dev (four or fewer dev pages each), drawn the same way
# after the first two samples, from articles in no page of them.
MORE_DEV_2 = {"3alyoum": 3, "aljazirah": 3, "alriyadh": 4, "alwatan": 3, "alweeam": 3, "alyaum": 3,
              "arreyadi": 3, "arriyadiyah": 3, "was": 3}
# A third round, the half "new": an honest measure of the rules fitted to dev, on the outlets with the
# lowest test recall (aawsat, almadina, aljazirah) and dev's recall loss (alyaum; arreyadi, dev's
# precision loss, has no article left). Drawn also outside the extra pages, which stay the pages they were.
MORE_DEV_3 = {"aawsat": 6, "almadina": 6, "aljazirah": 6, "alyaum": 3}
# A fourth round, the half "fresh": labelled after the rules were fitted to dev, new and the extra samples,
# so drawn outside those too (extra, seeds 7 and 8), from long articles (300 words or more: columns,
# lists, interviews, reports in sections), where the rules have lost text before; mostly the outlets
# with the lowest test recall.
MORE_DEV_4 = {"aawsat": 7, "almadina": 7, "aljazirah": 7, "alyaum": 2, "okaz": 2, "alriyadh": 2}
# A fifth round, the half "fresh2": the outlets whose test furniture was kept (precision below the floor),
# drawn like "fresh" outside every earlier page and the extra samples, any length.
MORE_DEV_5 = {"alwatan": 4, "alweeam": 4, "alyaum": 4, "arriyadiyah": 3, "was": 4, "aawsat": 4}
LONG = 300
# A second test half, "test2": the first one has been read too often to be unseen. Drawn outside every
# earlier page and every extra sample read so far (the default one and seeds 7, 8, 21 to 29), by a seeded
# hash (outlets and then articles in the order of their hash, so the draw does not hang on the pool's order
# or on a random stream shared with other rounds); test promotions, like the test half.
TEST2 = {"outlets": 8, "pages": 4, "extra_seeds": (7, 8, *range(21, 30))}


def _page(rng: random.Random, page_id: str, k: int, half: str, outlet: str, zname: str, host: dict,
          arts: list[tuple[str, dict]], pools: dict, labels: dict) -> dict | None:
    """One page: the host's paragraphs (hand labels from ``labels.yaml``) with furniture wrapped in."""
    spans = _host_spans(host["content"])
    if len(spans) < 3:
        return None
    items = [{"src": "host", "start": a, "end": b, "label": "article"} for a, b in spans]
    _wrap(rng, host, arts, pools, "test" if half in ("test", "test2") else "dev", items)
    for it in items:
        if it["src"] == "host" and (it["start"] in labels.get(page_id, ())
                                    or _WIRE_MARK.fullmatch(host["content"][it["start"]:it["end"]].strip())):
            it["label"] = "furniture"
    return {"id": page_id, "half": half, "outlet": outlet, "zip": zname, "url": host["url"],
            "format": "html" if k % 4 >= 2 else "text", "items": items}


def build(seed: int = 14) -> None:
    rng = random.Random(seed)
    pools = _furniture()
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    pages = []
    for outlet, arts in _by_outlet().items():
        for k, (zname, host) in enumerate(rng.sample(arts, PER_OUTLET)):
            page = _page(rng, f"{outlet}-{k}", k, "dev" if k % 2 == 0 else "test", outlet, zname, host, arts, pools, labels)
            if page:
                pages.append(page)
    for round_, (more, half) in enumerate(((MORE_DEV, "dev"), (MORE_DEV_2, "dev"), (MORE_DEV_3, "new"),
                                           (MORE_DEV_4, "fresh"), (MORE_DEV_5, "fresh2")), 1):
        used = _used(pages)
        if half == "new":
            used |= _used(extra_pages({"pages": pages}))
        if half in ("fresh", "fresh2"):
            used |= _used(extra_pages({"pages": pages})) | _used(extra_pages({"pages": pages}, 30, 7)) \
                | _used(extra_pages({"pages": pages}, 30, 8))
        rng = random.Random(seed + round_)
        for outlet, arts in _by_outlet(used).items():
            if outlet not in more:
                continue
            k = first = max([PER_OUTLET] + [int(p["id"].rsplit("-", 1)[1]) + 1 for p in pages if p["outlet"] == outlet])
            hosts = [a for a in arts if len(a[1]["content"].split()) >= LONG] if half == "fresh" else arts
            for zname, host in rng.sample(hosts, len(hosts)):
                if k == first + more[outlet]:
                    break
                page = _page(rng, f"{outlet}-{k}", k, half, outlet, zname, host, arts, pools, labels)
                if page:
                    pages.append(page)
                    k += 1
    pages += _test2(seed, pages, pools, labels)
    MANIFEST.write_text(json.dumps({"pages": pages}, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {len(pages)} pages to {MANIFEST}")


def _hash(seed: int, key: str) -> str:
    return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()


def _test2(seed: int, pages: list[dict], pools: dict, labels: dict) -> list[dict]:
    """The half "test2" (see ``TEST2``), drawn after every other page."""
    used = _used(pages) | _used(extra_pages({"pages": pages}))
    for extra_seed in TEST2["extra_seeds"]:
        used |= _used(extra_pages({"pages": pages}, 30, extra_seed))
    by_outlet = _by_outlet(used)
    rng = random.Random(seed)
    out = []
    for outlet in sorted(by_outlet, key=lambda o: _hash(seed, o))[:TEST2["outlets"]]:
        arts = by_outlet[outlet]
        k = first = max(int(p["id"].rsplit("-", 1)[1]) + 1 for p in pages if p["outlet"] == outlet)
        for zname, host in sorted(arts, key=lambda a: _hash(seed, a[1]["url"])):
            if k == first + TEST2["pages"]:
                break
            page = _page(rng, f"{outlet}-{k}", k, "test2", outlet, zname, host, arts, pools, labels)
            if page:
                out.append(page)
                k += 1
    return out


def _used(pages: list[dict]) -> set[str]:
    """The articles in ``pages``, as host or as teaser."""
    return {p["url"] for p in pages} | {it["url"] for p in pages for it in p["items"] if it["src"] == "teaser"}


def extra_pages(manifest: dict, per_outlet: int = 20, seed: int = 99) -> list[dict]:
    """More dev-like pages, built at run time: hosts outside the manifest, dev promotions only.

    Not labelled by hand, so only what the rule decides without reading is
    scored: the inserted blocks (furniture) and the host paragraphs of more
    than 12 words ending in a stop (article); the rest is left unscored.
    For tuning beside the dev half, which is small; never a test figure.
    """
    rng = random.Random(seed)
    used = _used([p for p in manifest["pages"] if p["half"] in ("dev", "test")])  # drawn before "new" and "fresh", outside them
    pools = _furniture()
    pages = []
    for outlet, arts in _by_outlet(used).items():
        for k, (zname, host) in enumerate(rng.sample(arts, per_outlet)):
            spans = _host_spans(host["content"])
            if len(spans) < 3:
                continue
            items = []
            for a, b in spans:
                text = host["content"][a:b]
                sure = len(text.split()) > 12 and re.search(r"[.!?؟]\W*$", text)
                items.append({"src": "host", "start": a, "end": b, "label": "article" if sure else None})
            _wrap(rng, host, arts, pools, "dev", items)
            pages.append({"id": f"{outlet}-{100 + k}", "half": "extra", "outlet": outlet, "zip": zname, "url": host["url"],
                          "format": "html" if k % 4 >= 2 else "text", "items": items})
    return pages


def _texts(page: dict, corpus: dict, pools: dict) -> list[tuple[str, dict]]:
    out = []
    for it in page["items"]:
        if it["src"] == "host":
            text = corpus[page["url"]]["content"][it["start"]:it["end"]]
        elif it["src"] == "teaser":
            rec = corpus[it["url"]]
            text = rec["title"] if it["field"] == "title" else rec["content"][it["start"]:it["end"]]
        else:
            text = pools[it["pool"]][it["index"]][it["line"]]
        out.append((re.sub(r"\s+", " ", text).strip(), it))
    return out


def render(page: dict, corpus: dict, pools: dict) -> tuple[str, list[tuple[str, str]]]:
    """The page (scraped text or HTML) and its gold paragraphs with labels."""
    host = corpus[page["url"]]
    paras = _texts(page, corpus, pools)
    title = re.sub(r"\s+", " ", host["title"]).strip()
    if page["format"] == "text":
        sep = "\n\n" if int(page["id"].rsplit("-", 1)[1]) % 2 else "\n"  # blank-line or single-line paragraphs
        text = "الرئيسية\nأخبار محلية\n" + title + "\nالأربعاء 22 يوليو 2015\n\n" + sep.join(t for t, _ in paras)
        return text + "\n\nجميع الحقوق محفوظة", [(t, it["label"]) for t, it in paras]
    body = []
    i = 0
    while i < len(paras):
        t, it = paras[i]
        if it["src"] == "teaser" and it["field"] == "title":
            summary = paras[i + 1][0]
            body.append(f'<div class="related"><a href="/news/{i}">{escape(t)}</a><p>{escape(summary)}</p></div>')
            i += 2
            continue
        body.append(f"<p>{escape(t)}</p>")
        i += 1
    html = ("<html><head><meta charset='utf-8'><title>" + escape(title) + "</title></head><body>"
            "<nav><a href='/'>الرئيسية</a> <a href='/local'>محليات</a></nav><article><h1>" + escape(title) + "</h1>"
            "<time datetime='2015-07-22'>22 يوليو 2015</time>" + "\n".join(body) + "</article>"
            "<footer>جميع الحقوق محفوظة 2015</footer></body></html>")
    return html, [(t, it["label"]) for t, it in paras]


def _collapse(text: str) -> str:
    """Whitespace collapsed, invisible characters out (Unicode Cf and Cc: the bidi controls and the
    stray "\x1a" trafilatura drops, as in "المدير التنفيذي\u202d \u202cلروما"), and marks in canonical
    (NFC) order: trafilatura writes shadda before fatha as fatha before shadda (the same text by
    Unicode); HTML entities that some bodies carry ("&#39;") read as the characters they stand for.
    A plain substring test counts each of these as lost text."""
    text = "".join(c for c in re.sub(r"\s+", " ", unescape(text)) if unicodedata.category(c) not in ("Cf", "Cc"))
    return unicodedata.normalize("NFC", text.strip())


def score(halves: tuple[str, ...], verbose: bool = False, profiles: dict | None = None,
          extra_seed: int | None = None) -> dict[str, tuple[float, float]]:
    """Prints precision and recall per outlet for each half; returns the overall (precision, recall) per half.
    ``profiles`` (outlet -> ``OutletProfile``) cleans each page with its outlet's profile; ``extra_seed``
    draws another, larger sample of extra pages (30 per outlet) to check a change on more dev-like pages."""
    from rasd.clean import clean
    from rasd.ingest import InputError, RawArticle

    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    if "extra" in halves:
        manifest["pages"] += extra_pages(manifest) if extra_seed is None else extra_pages(manifest, 30, extra_seed)
    want = {p["url"] for p in manifest["pages"]} | {it["url"] for p in manifest["pages"] for it in p["items"] if it["src"] == "teaser"}
    corpus = {rec["url"]: rec for _, rec in records() if rec["url"] in want}
    pools = _furniture()
    overall = {}
    for half in halves:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # kept article, kept furniture, all article
        pages = [p for p in manifest["pages"] if half == p["half"] or (half == "all" and p["half"] != "extra")]
        for page in pages:
            content, gold = render(page, corpus, pools)
            try:
                paras = [_collapse(p) for p in clean(RawArticle(content, page["format"], path=page["id"]), (profiles or {}).get(page["outlet"])).body.split("\n\n")]
            except InputError:
                paras = []
            body = " ".join(paras)
            for text, label in gold:
                text = _collapse(text)
                if label is None:
                    continue  # an extra page's short host paragraph: not labelled
                # A line of three words or fewer ("فيديو", "إعلان") is kept only as a paragraph of its own:
                # inside an article sentence the same words are that sentence's.
                kept = text in paras if len(text.split()) <= 3 else text in body
                if verbose and kept != (label == "article"):
                    print(f"  {page['id']} {page['format']}: {'KEPT' if kept else 'LOST'} {label}: {text[:110]}")
                c = counts[page["outlet"]]
                c[0] += kept and label == "article"
                c[1] += kept and label == "furniture"
                c[2] += label == "article"
        print(f"== {half}: {len(pages)} pages, {len(counts)} outlets, "
              f"{sum(c[2] for c in counts.values())} article and "
              f"{sum(1 for p in pages for it in p['items'] if it['label'] == 'furniture')} furniture paragraphs")
        total = [sum(c[i] for c in counts.values()) for i in range(3)]
        overall[half] = (total[0] / max(1, total[0] + total[1]), total[0] / max(1, total[2]))
        for name, c in sorted(counts.items()) + [("ALL", total)]:
            p = c[0] / max(1, c[0] + c[1])
            r = c[0] / max(1, c[2])
            print(f"{name:14s} precision {p:.3f}  recall {r:.3f}  (kept {c[0]} article + {c[1]} furniture of {c[2]} article)")
    return overall


if __name__ == "__main__":
    if "--build" in sys.argv:
        build()
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        seed = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--seed=")), None)
        score(tuple(args) or ("dev", "test"), verbose="-v" in sys.argv, extra_seed=seed)
