"""Arabic-aware full-text search: index keys, query parsing, snippets of the original text.

FTS5 knows nothing of Arabic clitics or hamza seats, so the index never sees
the body itself: every word is replaced by ``search_key`` (normalised, light
proclitic stem) and the query goes through the same function, so بكين finds
وبكين and لبكين, and أوكرانيا finds اوكرانيا. FTS5's own ``snippet()`` would
show those stems, which nobody can read; snippets are therefore cut from the
original body by re-tokenising it and marking the tokens whose key matches.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Callable

from rasd.text.normalise import WORD_CACHE, search_key


# A word for the index: letters/digits with any Arabic marks or tatweel inside
# (the text tokenizer would split بِكِين at its diacritics). One regex pass,
# no per-character Python: indexing is the store's hot path.
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+")


@lru_cache(maxsize=WORD_CACHE)
def token_key(token: str) -> str:
    """The index key of one word (Latin casefolded, as FTS5's tokenizer does).

    Cached: news vocabulary is Zipfian, so nearly every word is a cache hit.
    """
    return search_key(token).casefold()


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as (word, start, end), offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def index_text(text: str | None) -> str:
    """The text as FTS5 indexes it: one key per word, in order."""
    if not text:
        return ""
    return " ".join(map(token_key, _WORD.findall(text)))


def name_key(name: str) -> str:
    """Key under which an entity name or spelling is looked up (any outlet's spelling)."""
    return index_text(name)


@dataclass
class Query:
    """A parsed user query: FTS5 expression plus the keys to highlight."""

    expression: str  # FTS5 MATCH expression ("" when nothing searchable)
    keys: set[str] = field(default_factory=set)  # keys to mark in snippets


# Looks up a name key (words' keys joined by spaces) in the store's entities:
# the FTS5 alternatives that stand for it, and more keys to highlight.
Expander = Callable[[str], tuple[list[str], set[str]]]

MAX_QUERY_CHARS = 500
"""Longest query accepted: a search box question, not a pasted article (a
3,000-word query took seconds per request, each word an entity lookup)."""
MAX_QUERY_TERMS = 32
"""Most words and phrases in one query, for the same reason."""


class QueryError(ValueError):
    """A query the store refuses to run (too long); the message says why."""


# "phrase", «phrase», “phrase”, or a bare word (optionally with a leading -).
_PART = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+)')


def _quote(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def parse_query(text: str, expand: Expander | None = None) -> Query:
    """Terms are ANDed; quoted text is a phrase; ``OR`` between terms; ``-word`` excludes.

    With ``expand``, a term, a phrase or the whole query that names a known
    entity also matches the articles where that entity was linked, however
    they spell it (شويغو finds شويجو). Raises ``QueryError`` past
    ``MAX_QUERY_CHARS`` characters or ``MAX_QUERY_TERMS`` terms.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    parts = list(_PART.finditer(text))
    if len(parts) > MAX_QUERY_TERMS:
        raise QueryError(f"query has too many terms ({len(parts)}; at most {MAX_QUERY_TERMS})")
    clauses: list[str] = []  # each clause is an AND operand; may be an OR group
    negatives: list[str] = []
    keys: set[str] = set()
    bare: list[str] = []  # keys of the positive words, for whole-query expansion
    pending_or = False

    def alternatives(key: str) -> list[str]:
        if expand is None:
            return []
        alts, more = expand(key)
        keys.update(more)
        return alts

    for m in parts:
        phrase = next((g for g in m.groups()[:3] if g is not None), None)
        raw = phrase if phrase is not None else m.group(4)
        if phrase is None and raw == "OR":
            pending_or = bool(clauses)
            continue
        negative = phrase is None and raw.startswith("-") and len(raw) > 1
        if negative:
            raw = raw[1:]
        parts = [token_key(w) for w in _WORD.findall(raw)]
        if not parts:
            continue
        key = " ".join(parts)
        if negative:
            negatives.append(_quote(key))
            continue
        keys.update(parts)
        bare.extend(parts)
        term = " OR ".join([_quote(key), *alternatives(key)])
        if pending_or:
            clauses[-1] = f"{clauses[-1]} OR {term}"
        else:
            clauses.append(term)
        pending_or = False
    if not clauses:
        return Query("", set())
    expr = " AND ".join(f"({c})" if " OR " in c else c for c in clauses)
    if len(clauses) > 1:
        whole = alternatives(" ".join(bare))
        if whole:
            expr = " OR ".join([f"({expr})", *whole])
    for n in negatives:
        expr = f"({expr}) NOT {n}"
    return Query(expr, keys)


def entity_token(entity_id: str) -> str:
    """One index word standing for a linked entity (in the ``names`` column)."""
    return "ent" + hashlib.sha1(entity_id.encode("utf-8")).hexdigest()[:12]


_SPACE = re.compile(r"\s+")


@dataclass
class Snippet:
    text: str  # original text of the body, possibly with "…" at either end
    highlights: list[tuple[int, int]]  # [start, end) offsets into ``text``


def make_snippet(body: str, keys: set[str], width: int = 30, indexed: str | None = None) -> Snippet:
    """The window of ``width`` words holding the most distinct query keys, hits marked.

    ``indexed`` is the body as the index holds it (``index_text``): its keys,
    one per word, spare re-keying the whole body; only the chosen window is
    re-tokenised with offsets, and its marks come from its own words. Per-word
    Python work had been nine tenths of a search's time.
    """
    tkeys = indexed.split(" ") if indexed else list(map(token_key, _WORD.findall(body)))
    if not tkeys:
        return Snippet(body[:200], [])
    hit_at = [i for i, k in enumerate(tkeys) if k in keys]
    best, best_score = 0, -1
    for i in [0, *hit_at] if hit_at[:1] != [0] else hit_at:  # windows worth trying start on a hit (or at the top)
        lo, hi = bisect_left(hit_at, i), bisect_left(hit_at, i + width)
        window = {tkeys[j] for j in hit_at[lo:hi]}
        if len(window) > best_score:
            best, best_score = i, len(window)
            if best_score == len(keys):
                break
    # Start a few words before the first hit so the reader sees its context.
    first = max(0, best - 3) if best_score > 0 else 0
    last = min(len(tkeys), first + width) - 1
    window = [(m.group(), m.start(), m.end()) for m in islice(_WORD.finditer(body), first, last + 1)]
    if not window:  # the index's keys disagree with this body: key it afresh
        return make_snippet(body, keys, width)
    out = ["…"] if first > 0 else []
    size = len(out[0]) if out else 0
    spans: list[tuple[int, int]] = []
    prev = window[0][1]
    for word, start, end in window:
        hit = token_key(word) in keys
        gap = _SPACE.sub(" ", body[prev:start])  # paragraph breaks become one space
        out += [gap, word]
        size += len(gap)
        if hit and spans and spans[-1][1] == size - len(gap) and not gap.strip():
            spans[-1] = (spans[-1][0], size + len(word))  # one mark over a matched phrase
        elif hit:
            spans.append((size, size + len(word)))
        size += len(word)
        prev = end
    tail = body[prev : prev + 1]
    if tail and tail in ".،,؛:!?؟»\"”)":
        out.append(tail)
        prev += 1
    if body[prev:].strip():
        out.append("…")
    return Snippet("".join(out), spans)


def mark(text: str, spans: list[tuple[int, int]], open: str, close: str,
         escape: Callable[[str], str] | None = None) -> str:
    """``text`` with every span wrapped in ``open``/``close`` (text escaped if asked)."""
    esc = escape or (lambda s: s)
    out, pos = [], 0
    for s, e in spans:
        out.append(esc(text[pos:s]))
        out.append(open + esc(text[s:e]) + close)
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)
