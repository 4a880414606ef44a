"""HTML pages to plain text and page metadata, before the line cleaner.

trafilatura finds the main content block of most news templates; its text
then goes through the same line cleaner as scraped text, because comment
policies and "read also" boxes often sit inside that block. When trafilatura
finds nothing (broken or very short pages), the visible text of the block
elements is used instead and the line cleaner does all the work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree, html as lxml_html

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "footer", "aside")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "article", "section", "header", "td", "blockquote")


@dataclass
class HtmlMeta:
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD from the page's own metadata, not guessed from the URL
    sitename: str | None = None
    url: str | None = None


def html_to_text(page: str) -> tuple[str, HtmlMeta]:
    """Main text of an HTML page (one paragraph a line) and its metadata."""
    meta = HtmlMeta()
    try:
        m = trafilatura.extract_metadata(page, extensive=False)
    except Exception:  # trafilatura raises assorted errors on broken markup
        m = None
    if m is not None:
        meta = HtmlMeta(
            title=(m.title or None),
            date=m.date if m.date and re.fullmatch(r"\d{4}-\d\d-\d\d", m.date) else None,
            sitename=(m.sitename or None),
            url=(m.url or None),
        )
    try:
        text = trafilatura.extract(page, output_format="txt", include_comments=False, include_tables=True, deduplicate=False)
    except Exception:
        text = None
    if not text or not text.strip():
        text, title = visible_text(page)
        meta.title = meta.title or title
    return text, meta


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def visible_text(page: str) -> tuple[str, str | None]:
    """Visible text, one block element a line; and the first <h1> or <title>."""
    page = _NOT_XML.sub("", page)  # lxml parses control characters but refuses them in el.text
    try:
        root = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", "\n", page), None
    title = None
    for path in ("//h1", "//title"):
        found = root.xpath(path)
        if found and found[0].text_content().strip():
            title = re.sub(r"\s+", " ", found[0].text_content()).strip()
            break
    for el in root.xpath("|".join("//" + t for t in _DROP_TAGS) + "|//title"):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return root.text_content(), title


_COPYRIGHT = re.compile(r"©|حقوق\s+(?:ال)?(?:نشر|طبع)|(?:ال)?حقوق\s+محفوظة|copyright", re.I)


def copyright_line(page: str) -> str | None:
    """The page's copyright line (usually in the footer trafilatura leaves out), if any."""
    try:
        root = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    for text in root.itertext():
        line = re.sub(r"\s+", " ", text).strip()
        if line and len(line) < 200 and _COPYRIGHT.search(line):
            return line
    return None
