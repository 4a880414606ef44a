"""Orchestrates the per-article stages of DESIGN.md: clean -> recognise -> link -> extract.

Every stage here is a pure function of one article and the read-only
knowledge base, so ``analyze_raw`` can run in any process or on any worker of
a distributed engine. Corpus stages (stories) and the store are wired by the
callers (CLI, API), never by the stages themselves.
"""
from __future__ import annotations

import gc
from functools import lru_cache

from rasd.clean import clean
from rasd.doc import Doc
from rasd.extract import extract
from rasd.ingest import InputError, RawArticle
from rasd.kb import load as load_kb
from rasd.link import link
from rasd.recognise import recognise
from rasd.text.sentences import split_sentences


def analyze_raw(raw: RawArticle) -> Doc:
    """Run every per-article stage on one ingested article."""
    kb = load_kb()
    doc = clean(raw)
    doc.sentences = split_sentences(doc.body)
    recognise(doc)
    link(doc, kb)
    extract(doc, kb)
    _freeze_loaded()
    return doc


@lru_cache(maxsize=1)
def _freeze_loaded() -> None:
    """Once per process, after its first article: the knowledge base, its index, the models
    and the lexicons are loaded by then and never change, so ``gc.freeze`` takes them out of
    the collector's full passes, which would otherwise walk their ~250k objects again and
    again (about 4 % of the pipeline's time)."""
    gc.freeze()


def analyze_or_error(raw: RawArticle) -> Doc | InputError:
    """``analyze_raw`` for batches: a failure comes back as the article's error, so
    one bad article never stops the batch (local workers and Spark executors alike)."""
    try:
        return analyze_raw(raw)
    except InputError as e:  # e.g. a page with no article text left after cleaning
        return e
    except Exception as e:
        return InputError(raw.path or raw.id or raw.url or "<input>", f"analysis failed ({type(e).__name__}: {e})")


def analyze(
    content: str,
    *,
    html: bool | None = None,
    clean_body: bool = True,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> Doc:
    """Analyse one article given as a string (scraped text or HTML).

    ``html=None`` guesses from the content; ``clean_body=False`` takes the
    text as an already clean body (offsets are then offsets into it).
    """
    if html is None:
        html = content.lstrip().startswith("<") and "</" in content
    kind = "html" if html else ("text" if clean_body else "body")
    raw = RawArticle(
        content=content, kind=kind, url=url, title=title, published=published, outlet=outlet, id=id
    )
    return analyze_raw(raw)
