"""Tokenisation with offsets: words, numbers and punctuation, one token each."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# A word is a run of letters/marks (Arabic incl. diacritics and tatweel, or
# Latin), optionally joined by an internal hyphen (سو-57 stays one token).
_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
_LETTERS = rf"(?:[^\W\d_]|[{_MARKS}])+"
_TOKEN = re.compile(
    r"[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,٫][0-9\u0660-\u0669\u06F0-\u06F9]+)*"
    rf"|{_LETTERS}(?:[-']{_LETTERS})*(?:-[0-9]+)?"
    r"|\S",
    re.UNICODE,
)


class Token(NamedTuple):
    """A token and its offsets (a named tuple: tokenising makes thousands per article)."""

    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=1024)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Cached: the recogniser, the events and the quotes each tokenise every sentence of an
    article (1024 sentences: longer than most articles, a few articles' bodies in memory)."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end))


def is_arabic(token: str) -> bool:
    return any("\u0600" <= ch <= "\u06FF" for ch in token)
