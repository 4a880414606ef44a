"""Reading input files into ``RawArticle``s: .txt, .html/.htm, .jsonl, .warc(.gz) and directories.

A batch of scraped pages always holds a few bad files (binary blobs, empty
files, pages saved in a legacy Arabic code page); each yields an
``InputError`` naming the file and the reason, and the batch goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_BYTES = 5 * 1024 * 1024
"""Largest article accepted (bytes): one .txt/.html file or one JSONL line.

A real news page is well under 1 MB; anything over 5 MB is a dump or a
mistake, and would stall the per-article stages. JSONL files are read line
by line, so the file itself may be any size.
"""

TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSONL_EXT = (".jsonl",)
WARC_EXT = (".warc", ".warc.gz")
SUPPORTED_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + WARC_EXT


@dataclass
class RawArticle:
    content: str
    kind: str  # "text" (scraped text, cleaned), "html" (cleaned) or "body" (already clean, taken as is)
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    id: str | None = None


def content_hash(item: RawArticle) -> str:
    """Identity of one input article: its content and the metadata it came with.

    Stored beside the article, it lets a rerun (after a crash, or over a
    folder that grew) skip what is already analysed without analysing it.
    """
    h = hashlib.sha256()
    for part in (item.kind, item.content, item.url, item.title, item.published, item.outlet, item.id):
        h.update((part or "").encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class InputError(Exception):
    """A file (or JSONL line) that cannot be read as an article; one line: ``<path>: <reason>``."""

    def __init__(self, path: str | None, reason: str):
        self.path = path or "<input>"
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_paths(paths: list[str], exclude: Iterable[str | None] = ()) -> Iterator[RawArticle | InputError]:
    """Articles from files and directories (recursively, sorted), errors in line.

    ``exclude`` names the files the run itself writes (its ``-o`` file, its
    database): they are never read back as input, see ``input_files``.
    """
    for item in input_files(paths, exclude):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_file(item)


def input_files(paths: list[str], exclude: Iterable[str | None] = ()) -> Iterator[str | InputError]:
    """The input files under ``paths`` in a stable order, errors for paths that cannot be inputs.

    Never an input: the run's own outputs (``exclude``, plus a database's
    ``-wal``/``-shm``/``-journal`` companions), hidden files and folders
    (.git, .cache), and editors' and downloaders' temporary files
    (``~$x.txt``, ``x.txt~``, ``#x#``, ``x.part``), so a run that writes into
    its input folder reads the same inputs the second time as the first.
    """
    own = set()
    for path in exclude:
        if path:
            own.update(_real(path + suffix) for suffix in ("", "-wal", "-shm", "-journal"))
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _temporary(d))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.lower().endswith(SUPPORTED_EXT) and not _temporary(name) and _real(full) not in own:
                        yield full
        elif os.path.exists(path):
            if _real(path) in own:
                yield InputError(path, "is this run's own output; not read as input")
            elif path.lower().endswith(SUPPORTED_EXT):
                yield path
            else:
                yield InputError(path, "unsupported file type (expected .txt, .html, .htm, .jsonl or .warc[.gz])")
        else:
            yield InputError(path, "no such file or directory")


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _temporary(name: str) -> bool:
    """Hidden or temporary: a leading dot, ~ or #, a trailing ~ or #, or a partial-download suffix."""
    return name.startswith((".", "~", "#")) or name.endswith(("~", "#")) or name.lower().endswith(_TEMP_EXT)


_TEMP_EXT = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".swp", ".bak")


def _read_file(path: str) -> Iterator[RawArticle | InputError]:
    if path.lower().endswith(JSONL_EXT):
        yield from _read_jsonl(path)
        return
    if path.lower().endswith(WARC_EXT):
        yield from _read_warc(path)
        return
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            yield InputError(path, f"over the size limit ({size} bytes > {MAX_BYTES})")
            return
        with open(path, "rb") as fh:
            data = fh.read()
        text = decode_bytes(data)
    except InputError as err:
        yield InputError(path, err.reason)
        return
    except OSError as err:
        yield InputError(path, f"cannot read ({err.strerror or err})")
        return
    kind = "html" if path.lower().endswith(HTML_EXT) else "text"
    yield RawArticle(content=text, kind=kind, path=path)


def _read_jsonl(path: str) -> Iterator[RawArticle | InputError]:
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield InputError(path, f"cannot read ({err.strerror or err})")
        return
    with fh:
        seen_any = False
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            seen_any = True
            if len(line) > MAX_BYTES:
                yield InputError(where, f"over the size limit ({len(line)} bytes > {MAX_BYTES})")
                continue
            try:
                rec = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield InputError(where, "undecodable (JSONL must be UTF-8)")
                continue
            except json.JSONDecodeError as err:
                yield InputError(where, f"malformed JSON line ({err.msg})")
                continue
            yield _from_record(rec, where)
        if not seen_any:
            yield InputError(path, "empty file")


def _from_record(rec: object, where: str) -> RawArticle | InputError:
    if not isinstance(rec, dict):
        return InputError(where, "malformed JSON line (not an object)")
    for kind in ("body", "html", "text"):
        content = rec.get(kind)
        if isinstance(content, str) and content.strip():
            break
    else:
        return InputError(where, "no non-empty 'html', 'text' or 'body' field")
    meta = {}
    for key in ("id", "url", "title", "published", "outlet"):
        value = rec.get(key)
        meta[key] = str(value) if value not in (None, "") else None
    return RawArticle(content=content, kind=kind, path=where, **meta)


# -- WARC (web archive crawls) -----------------------------------------------


def _read_warc(path: str) -> Iterator[RawArticle | InputError]:
    """HTML responses of a WARC file, one article each, with their target URI as url.

    Crawlers (Heritrix, wget --warc-file, Common Crawl's news crawl) store
    pages this way; warcio reads the records one at a time and undoes chunked
    transfer and gzip content encoding, so the file may be any size. A .gz
    file is unzipped as a stream first: warcio alone refuses a whole file
    gzipped as one member, which some tools write. Non-HTML and non-200 responses and other record
    types (requests, metadata) are skipped.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    import gzip

    n = 0
    try:
        with (gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")) as fh:
            if fh.peek(5)[:5] != b"WARC/":  # warcio would take any text for an old ARC file
                raise ValueError("record does not start with WARC/")
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                n += 1
                where = f"{path}#{n}"
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                if length > MAX_BYTES:
                    yield InputError(where, f"over the size limit ({length} bytes > {MAX_BYTES})")
                    continue
                item = _warc_response(record, where)
                if item is not None:
                    yield item
    except (OSError, EOFError, ValueError, ArchiveLoadFailed) as err:
        yield InputError(path, f"malformed WARC ({err})")


def _warc_response(record, where: str) -> RawArticle | InputError | None:
    http = record.http_headers
    ctype = http.get_header("Content-Type") or ""
    if http.get_statuscode() != "200" or "html" not in ctype.lower():
        return None
    try:
        body = record.content_stream().read()
    except (OSError, EOFError, ValueError):  # zlib.error is a ValueError's sibling: caught below
        return InputError(where, "undecodable (bad content encoding)")
    charset = re.search(r"charset=[\"']?([\w-]+)", ctype, re.I)
    try:
        text = body.decode(charset.group(1)) if charset else decode_bytes(body)
    except (LookupError, UnicodeDecodeError):
        try:
            text = decode_bytes(body)
        except InputError as err:
            return InputError(where, err.reason)
    except InputError as err:
        return InputError(where, err.reason)
    return RawArticle(content=text, kind="html", path=where, url=record.rec_headers.get_header("WARC-Target-URI"))


# -- decoding ---------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode a page: BOMs, UTF-8, BOM-less UTF-16, then the Arabic code pages.

    Raises ``InputError(None, reason)`` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(None, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc))
            except UnicodeDecodeError:
                raise InputError(None, f"undecodable (bad {enc} after byte-order mark)") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data:
        raise InputError(None, "binary file")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") <= max(4, len(text) // 200) and re.search("[\u0600-\u06FF]", text):
        return _checked(text)  # UTF-8 with a stray bad byte (a truncated download, a broken ad)
    best = _arabic_codepage(data)
    if best is not None:
        return _checked(best)
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise InputError(None, "undecodable (not UTF-8, UTF-16, Windows-1256 or ISO-8859-6)")
    return _checked(str(match))


def _checked(text: str) -> str:
    """Reject text that decoded but is not text (control characters, NULs)."""
    if not text.strip():
        raise InputError(None, "empty file")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(3, len(sample) // 100):
        raise InputError(None, "binary file")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: one byte of each pair is mostly NUL (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0, 6)) / len(high)
        if share > 0.9:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _arabic_codepage(data: bytes) -> str | None:
    """Windows-1256 or ISO-8859-6, whichever reads as Arabic.

    Both map the high half to Arabic letters but at different positions, so
    both often decode without error. Real Arabic starts many words with the
    article "ال" and rarely mixes Latin letters into Arabic words; the reading
    with more of the one and less of the other wins.
    """
    best, best_score = None, 0.0
    for enc in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        words = [w for w in text.split() if any("\u0621" <= c <= "\u064a" for c in w)]
        if not words:
            continue
        al = sum(1 for w in words if w.lstrip("«\"'(").startswith("ال"))
        mixed = sum(1 for w in words if any("\u00c0" <= c <= "\u00ff" for c in w))
        score = (al - 3 * mixed) / len(words)
        if best is None or score > best_score:
            best, best_score = text, score
    return best if best is not None and best_score > 0.05 else None
