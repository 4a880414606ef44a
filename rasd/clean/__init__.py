"""Cleaning: raw page (scraped text, HTML or a clean body) -> ``Doc`` with body and metadata.

``clean`` is the first per-article stage. It fills ``id``, ``source``,
``title``/``title_derived``, ``body`` (paragraphs separated by a blank
line), ``published`` and ``agencies``; the later stages only ever see
``body``, so every offset downstream is an offset into this text.
"""
from __future__ import annotations

import hashlib
import re

from rasd.clean.boilerplate import OutletProfile, Page, clean_text, drop_offtopic
from rasd.clean.html import copyright_line, html_to_text
from rasd.clean.metadata import (
    canonical_outlet,
    date_order,
    derive_title,
    find_agencies,
    find_outlet,
    find_published,
    find_title,
    outlet_from_copyright,
    source_credits,
)
from rasd.doc import Doc, Source
from rasd.ingest import InputError, RawArticle
from rasd.text.dates import published_date
from rasd.text.normalise import normalise

__all__ = ["clean", "article_id", "OutletProfile", "clean_text"]

_LOOKS_HTML = re.compile(r"<(?:html|body|head|div|p|article)\b[^>]*>", re.I)


def clean(raw: RawArticle, profile: OutletProfile | None = None) -> Doc:
    """One raw article into a ``Doc`` with clean body and metadata.

    ``profile`` (learnt from other pages of the same outlet) removes that
    outlet's recurring lines too. Raises ``InputError`` when no article text
    is left.
    """
    sitename = meta_title = meta_date = None
    url = raw.url
    text = raw.content
    if raw.kind == "html" or (raw.kind == "text" and _LOOKS_HTML.search(text[:2000])):
        text, meta = html_to_text(text)
        sitename, meta_title, meta_date = meta.sitename, meta.title, meta.date
        url = url or meta.url
        if not sitename and not raw.outlet:
            # trafilatura drops the footer, and with it the copyright line that names the outlet.
            line = copyright_line(raw.content)
            sitename = outlet_from_copyright(line) if line else None
    page = clean_text(text, profile if raw.kind != "body" else None, raw.title or meta_title)
    page_title = meta_title or find_title(page)
    if raw.kind != "body":
        drop_offtopic(page, raw.title or page_title)
    if raw.kind == "body":
        # Taken exactly as given (offsets are into it); the page reading still finds its metadata.
        body, norm_body = raw.content, normalise(raw.content)
    else:
        body, norm_body = _body(page, {page_title, raw.title})
    if not body.strip():
        raise InputError(raw.path, "no article text found")

    title, derived = raw.title or page_title, False
    if not title:
        title, derived = derive_title(body), True
    outlet = canonical_outlet(raw.outlet) if raw.outlet else find_outlet(page, url, sitename)
    warnings = []
    if raw.published:
        # The input's own field wins over any date on the page; unreadable, it stays null.
        published = published_date(raw.published, date_order(outlet))
        if published is None:
            warnings.append(f"unreadable published date: {raw.published[:60]!r}, left null")
    else:
        published = meta_date or find_published(page, page_title)
    credits = [normalise(c) for c in source_credits(page)]
    return Doc(
        id=raw.id or article_id(norm_body, url),
        body=body,
        source=Source(path=raw.path, url=url, outlet=outlet),
        title=title,
        title_derived=derived,
        published=published,
        agencies=find_agencies(*credits, norm_body, normalised=True),
        warnings=warnings,
    )


def _body(page: Page, titles: set[str | None]) -> tuple[str, str]:
    """Body paragraphs joined by blank lines, without repeats of the title; and its normalised form."""
    keys = {normalise(t).strip() for t in titles if t}
    lines = [l for l in page.body_lines if l.norm.strip() not in keys]
    return "\n\n".join(l.text for l in lines), "\n\n".join(l.norm for l in lines)


def article_id(norm_body: str, url: str | None = None) -> str:
    """Stable id from the URL when known, else from the normalised body (same article, same id)."""
    basis = "url:" + url.strip() if url else "body:" + " ".join(norm_body.split())
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
