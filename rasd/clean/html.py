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
from html.parser import HTMLParser

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
    if not text or not text.strip() or _too_deep(page):
        text, title = visible_text(page)
        meta.title = meta.title or title
    return text, meta


def _too_deep(page: str) -> bool:
    """Whether libxml2, and so trafilatura, stops building this page's tree before its end."""
    parser = lxml_html.HTMLParser()
    try:
        lxml_html.fromstring(_NOT_XML.sub("", page), parser=parser)
    except (etree.ParserError, ValueError):
        return False
    return any("Excessive depth" in e.message for e in parser.error_log)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# libxml2 stops building the tree past 256 levels (2,048 with huge_tree), and
# what lies deeper is lost; the streaming parser below has no such limit.
_PARSER = lxml_html.HTMLParser(huge_tree=True)


def visible_text(page: str) -> tuple[str, str | None]:
    """Visible text, one block element a line; and the first <h1> or <title>."""
    page = _NOT_XML.sub("", page)  # lxml parses control characters but refuses them in el.text
    try:
        root = lxml_html.fromstring(page, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return _streamed_text(page)
    if any("Excessive depth" in e.message for e in _PARSER.error_log):
        return _streamed_text(page)  # the tree stops where the article may only begin
    return _tree_text(root)


def _tree_text(root) -> tuple[str, str | None]:
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


class _TextCollector(HTMLParser):
    """Visible text by events, not a tree: for pages nested deeper than libxml2 builds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside script, style and the like
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_TAGS:
            self.hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _DROP_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = self.title or (re.sub(r"\s+", " ", data).strip() or None)
        elif not self.hidden:
            self.parts.append(data)


def _streamed_text(page: str) -> tuple[str, str | None]:
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    return "".join(collector.parts), collector.title


_COPYRIGHT = re.compile(r"©|حقوق\s+(?:ال)?(?:نشر|طبع)|(?:ال)?حقوق\s+محفوظة|copyright", re.I)


def copyright_line(page: str) -> str | None:
    """The page's copyright line (usually in the footer trafilatura leaves out), if any."""
    try:
        root = lxml_html.fromstring(_NOT_XML.sub("", page))  # see visible_text
    except (etree.ParserError, ValueError):
        return None
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    for text in root.itertext():
        line = re.sub(r"\s+", " ", text).strip()
        if line and len(line) < 200 and _COPYRIGHT.search(line):
            return line
    return None
