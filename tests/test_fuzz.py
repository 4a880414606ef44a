"""Property-based fuzzing of the code that meets untrusted input first.

The cleaner, the date readers, the JSONL and WARC readers and the search
query parser get generated Arabic-heavy text, broken markup and broken
records. Properties: only the documented error escapes (``InputError``,
``QueryError``), every input finishes within its time budget (hypothesis'
``deadline``) and its allocations stay bounded (tracemalloc peak).
"""
from __future__ import annotations

import gzip
import sqlite3
import tempfile
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rasd.clean import clean
from rasd.extract.dates import date_expressions
from rasd.ingest import InputError, RawArticle, read_paths
from rasd.store.search import MAX_QUERY_CHARS, MAX_QUERY_TERMS, QueryError, parse_query
from rasd.text.dates import find_dates, parse_date, published_date

FUZZ = settings(max_examples=80, deadline=timedelta(seconds=5),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces a news page is made of, and pieces that break parsers.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
WORDS = st.sampled_from([
    "القاهرة", "وزير", "الخارجية", "قال", "بكين", "وبكين", "موسكو", "«", "»", "\"", "-", "OR", "NOT", "AND",
    "NEAR", "*", "^", "(", ")", ":", "؛", "،", "12", "٢٠٢٤", "نوفمبر", "تشرين", "الثاني", "أمس", "الثلاثاء",
    "2024-05-16", "2024-13-45", "2024-02-30", "31/02/2024", "13/13/2024", "0000-00-00", "9999-99-99", "مارس", "1445هـ", "\n", "\n\n", "\t", "\u200f",
    "\u0640", "ـ", "\ufeff", "\x00", "<", ">", "&amp;", "<p>", "</p>", "<div>", "<script>", "</script>",
    "<!--", "-->", "<![CDATA[", "]]>", "<br/>", "<a href='", "'>", "</a>", "<table><tr><td>", "&#x0;",
    "قراءة المزيد", "شارك", "تابعونا", "(رويترز)", "أ ف ب", "http://x.com/a?b=1", "{", "}", "\\", "\ud7ff",
])
TEXT = st.lists(st.one_of(WORDS, st.text(ARABIC, max_size=8), st.text(max_size=6)), max_size=120).map(" ".join)
DATEISH = st.from_regex(r"(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(T[0-9:]{0,8})?", fullmatch=True)


def bounded(fn, *args, mb: float = 64):
    """``fn(*args)``, checking that it allocated at most ``mb`` MB at its peak."""
    tracemalloc.start()
    try:
        result = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < mb * 2**20, f"{fn.__name__} peaked at {peak / 2**20:.0f} MB"
    return result


# -- cleaner ------------------------------------------------------------------

@FUZZ
@given(TEXT, st.sampled_from(["text", "html", "body"]), st.one_of(st.none(), TEXT, DATEISH))
def test_cleaner_returns_a_doc_or_says_why(content, kind, published):
    try:
        doc = clean(RawArticle(content=content, kind=kind, published=published, path="fuzz.txt"))
    except InputError as e:
        assert e.path == "fuzz.txt" and e.reason
        return
    assert doc.body.strip() and doc.id
    assert doc.published is None or date.fromisoformat(doc.published)


@FUZZ
@given(st.integers(1, 400), st.sampled_from(["div", "p", "span", "b"]), TEXT)
@example(1, "div", "<script> </script> \x08")  # a control character once reached lxml's text setter
def test_deeply_nested_html_never_crashes_the_cleaner(depth, tag, text):
    page = f"<html><body>{f'<{tag}>' * depth}{text}{f'</{tag}>' * (depth // 2)}</body></html>"
    try:
        clean(RawArticle(content=page, kind="html", path="deep.html"))
    except InputError as e:
        assert e.reason


# -- dates --------------------------------------------------------------------

@FUZZ
@given(st.one_of(TEXT, DATEISH))
def test_date_readers_give_real_iso_dates_or_nothing(text):
    for start, end, iso in bounded(find_dates, text):
        assert 0 <= start < end <= len(text) and date.fromisoformat(iso[:10])
    for value in (parse_date(text), published_date(text)):
        assert value is None or date.fromisoformat(value)


@FUZZ
@given(TEXT, st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2090, 12, 31)).map(date.isoformat)),
       st.sampled_from(["past", "present", "future", "noun"]))
def test_relative_dates_resolve_without_exceptions(text, published, tense):
    for ex in bounded(date_expressions, text, 0, None, published, tense):
        assert 0 <= ex.start < ex.end <= len(text)


# -- readers ------------------------------------------------------------------

def _read_bytes(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return bounded(lambda: list(read_paths([str(path)])), mb=64)


JSON_LINE = st.one_of(
    st.binary(max_size=200),
    st.fixed_dictionaries({}, optional={k: st.one_of(st.none(), TEXT, st.integers(), st.booleans(),
                                                       st.lists(st.integers(), max_size=3))
                                        for k in ("id", "url", "title", "published", "outlet", "html", "text", "body")}
                          ).map(lambda d: __import__("json").dumps(d, ensure_ascii=bool(len(d) % 2)).encode()),
    TEXT.map(str.encode),
)


@FUZZ
@given(st.lists(JSON_LINE, max_size=8), st.sampled_from([b"\n", b"\r\n"]), st.booleans())
def test_jsonl_reader_yields_articles_or_errors(lines, sep, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + sep.join(lines)
    for item in _read_bytes("fuzz.jsonl", data):
        assert isinstance(item, (RawArticle, InputError))
        if isinstance(item, RawArticle):
            assert isinstance(item.content, str) and item.content.strip()


@st.composite
def warc_records(draw):
    body = draw(st.one_of(TEXT.map(str.encode), st.binary(max_size=300)))
    status = draw(st.sampled_from([b"HTTP/1.1 200 OK", b"HTTP/1.1 404 Not Found", b"garbage", b""]))
    ctype = draw(st.sampled_from([b"text/html; charset=utf-8", b"text/html; charset=windows-1256",
                                  b"image/png", b"text/html; charset=nonsense"]))
    chunked = draw(st.booleans())
    payload = (b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)) if chunked else body
    block = status + b"\r\nContent-Type: " + ctype + (b"\r\nTransfer-Encoding: chunked" if chunked else b"") \
        + b"\r\n\r\n" + payload
    length = draw(st.one_of(st.just(len(block)), st.integers(-5, len(block) + 50)))
    kind = draw(st.sampled_from([b"response", b"request", b"metadata"]))
    head = b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: http://example.com/a\r\nContent-Length: " \
        + str(length).encode() + b"\r\n\r\n"
    return head + block + b"\r\n\r\n"


@FUZZ
@given(st.lists(warc_records(), max_size=4), st.booleans(), st.integers(0, 40))
def test_warc_reader_yields_articles_or_errors(records, gz, cut):
    data = b"".join(records)
    data = data[: len(data) - cut] if cut else data  # a crawl cut short
    for item in _read_bytes("fuzz.warc.gz" if gz else "fuzz.warc", gzip.compress(data) if gz else data):
        assert isinstance(item, (RawArticle, InputError))


# -- search queries -----------------------------------------------------------

_FTS = sqlite3.connect(":memory:")
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, names)")
_FTS.execute("INSERT INTO t VALUES ('بكين', 'وزير الخارجية في القاهرة', 'ent0123')")


def _expand(key: str) -> tuple[list[str], set[str]]:
    return (['"ent0123"'], {"بكين"}) if "بكين" in key else ([], set())


@FUZZ
@given(st.one_of(TEXT, st.text(max_size=600)))
def test_query_parser_gives_valid_fts5_or_a_query_error(text):
    try:
        q = bounded(parse_query, text, _expand, mb=16)
    except QueryError as e:
        assert "query" in str(e)
        assert len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_QUERY_TERMS
        return
    if q.expression:
        _FTS.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q.expression,)).fetchone()  # no syntax error
