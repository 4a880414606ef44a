"""Reading inputs: file kinds, encodings, bad files reported one line each while the batch goes on."""
from __future__ import annotations

import json

import pytest

import rasd.ingest as ingest
from rasd.ingest import InputError, RawArticle, read_paths

ARTICLE = (
    "أعلنت وزارة الخارجية السعودية اليوم عن استئناف الرحلات الجوية المباشرة مع سوريا بعد توقف استمر سنوات.\n\n"
    "وقال المتحدث باسم الوزارة إن القرار يأتي في إطار تعزيز العلاقات بين البلدين.\n"
)


def _read(*paths):
    return list(read_paths([str(p) for p in paths]))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"])
def test_encodings(tmp_path, encoding):
    path = tmp_path / f"page-{encoding}.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (raw,) = _read(path)
    assert isinstance(raw, RawArticle)
    assert raw.content.lstrip("\ufeff") == ARTICLE
    assert raw.kind == "text" and raw.path == str(path)


def test_cp1256_with_windows_only_letters(tmp_path):
    # «» and the Arabic comma sit at other code points in ISO-8859-6: the reading must pick Windows-1256.
    text = "قال مسؤولون في طهران إن «المباحثات» مستمرة، وأكدوا أن الاتفاق قريب جدا.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1256"))
    (raw,) = _read(path)
    assert raw.content == text


def test_bad_files_yield_errors_and_batch_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3)
    (tmp_path / "c_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d_big.html").write_bytes(b"<p>" + "خبر ".encode() * 400 + b"</p>")
    (tmp_path / "notes.md").write_text("ignored in directories", encoding="utf-8")
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    items = _read(tmp_path)
    errors = [i for i in items if isinstance(i, InputError)]
    good = [i for i in items if isinstance(i, RawArticle)]
    assert [g.path.rsplit("/", 1)[1] for g in good] == ["c_good.txt"]
    reasons = {e.path.rsplit("/", 1)[1]: e.reason for e in errors}
    assert reasons["a_empty.txt"] == "empty file"
    assert reasons["b_binary.txt"] == "binary file"
    assert reasons["d_big.html"].startswith("over the size limit")
    for e in errors:
        assert str(e) == f"{e.path}: {e.reason}" and "\n" not in str(e)


def test_missing_and_unsupported_paths(tmp_path):
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF-1.4")
    missing, unsupported = _read(tmp_path / "nope.txt", other)
    assert isinstance(missing, InputError) and "no such file" in missing.reason
    assert isinstance(unsupported, InputError) and "unsupported" in unsupported.reason


def test_directories_are_recursive_and_sorted(tmp_path):
    for rel in ["b/2.txt", "a/z.html", "a/sub/1.txt", "c.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE, encoding="utf-8")
    paths = [r.path[len(str(tmp_path)) + 1:] for r in _read(tmp_path)]
    assert paths == ["c.txt", "a/z.html", "a/sub/1.txt", "b/2.txt"]
    assert [r.kind for r in _read(tmp_path / "a" / "z.html")] == ["html"]


def test_jsonl_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://example.com/1", "title": "عنوان", "published": "2024-05-01", "outlet": "الجزيرة", "text": ARTICLE}, ensure_ascii=False),
        '{"id": "broken", "text": "نص',
        json.dumps({"id": "b2", "body": "نص نظيف كما هو.  "}, ensure_ascii=False),
        "",
        json.dumps({"id": "c3", "html": "<p>فقرة</p>"}, ensure_ascii=False),
        json.dumps({"id": "d4", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["RawArticle", "InputError", "RawArticle", "RawArticle", "InputError", "InputError"]
    a, bad, b, c, no_text, not_obj = items
    assert (a.id, a.url, a.title, a.published, a.outlet, a.kind) == ("a1", "https://example.com/1", "عنوان", "2024-05-01", "الجزيرة", "text")
    assert bad.path == f"{path}:2" and bad.reason.startswith("malformed JSON line")
    assert b.kind == "body" and b.content == "نص نظيف كما هو.  "  # taken as is
    assert c.kind == "html"
    assert no_text.path == f"{path}:6" and "'html', 'text' or 'body'" in no_text.reason
    assert "not an object" in not_obj.reason


def test_empty_jsonl_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (err,) = _read(path)
    assert isinstance(err, InputError) and err.reason == "empty file"


def test_clean_reports_pages_without_article_text():
    from rasd.clean import clean

    with pytest.raises(InputError) as exc:
        clean(RawArticle(content="<html><body><nav>الرئيسية</nav></body></html>", kind="html", path="p.html"))
    assert str(exc.value) == "p.html: no article text found"


def _warc_record(kind: str, url: str, block: bytes) -> bytes:
    head = f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def test_warc_html_responses(tmp_path):
    import gzip

    page = "<html><body><p>" + ARTICLE + "</p></body></html>"
    ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n" + page.encode("cp1256")
    chunked_body = page.encode("utf-8")
    chunked = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
               + f"{len(chunked_body):x}\r\n".encode() + chunked_body + b"\r\n0\r\n\r\n")
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"
    missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>not here</p>"
    records = (_warc_record("request", "https://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n")
               + _warc_record("response", "https://a.example/1", ok)
               + _warc_record("response", "https://a.example/logo.png", image)
               + _warc_record("response", "https://a.example/gone", missing)
               + _warc_record("response", "https://a.example/2", chunked))
    for name, data in (("crawl.warc", records), ("crawl.warc.gz", gzip.compress(records))):
        path = tmp_path / name
        path.write_bytes(data)
        items = _read(path)
        assert [(i.kind, i.url) for i in items] == [("html", "https://a.example/1"), ("html", "https://a.example/2")]
        assert all(ARTICLE.strip() in i.content for i in items)
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file\r\n")
    (err,) = _read(tmp_path / "bad.warc")
    assert isinstance(err, InputError) and err.reason.startswith("malformed WARC")


def test_utf8_with_a_stray_bad_byte_stays_utf8(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(ARTICLE[:20].encode("utf-8") + b"\xff" + ARTICLE[20:].encode("utf-8"))
    (raw,) = _read(path)
    assert raw.content.replace("\ufffd", "") == ARTICLE
