"""Sentence splitting for Arabic news: on . ! ? ؟ and paragraph breaks, never on commas.

Arabic news writes long sentences chained by "،" and "و"; splitting there
would cut an event from its actors, so only terminal punctuation and line
breaks end a sentence. Decimal points, ellipses inside a line ("تبادل… تصعيد")
and a full stop inside quotes followed by more of the same sentence are not
ends.
"""
from __future__ import annotations

import re

from rasd.doc import Span

# A terminal mark (possibly repeated) plus any closing quotes/brackets, then
# whitespace; or a line break.
_END = re.compile(r"(?:(?<![0-9.])[.!?؟]+(?![0-9])[\"'”»)\]]*(?=\s)|[!?؟]+[\"'”»)\]]*)|\n+")
_ELLIPSIS = re.compile(r"(?:\.\.+|…)$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    pos = 0
    for m in _END.finditer(text):
        if m.group().startswith("\n"):
            cut = m.start()
        else:
            if _ELLIPSIS.search(text[: m.end()].rstrip("\"'”»)]")):
                continue
            cut = m.end()
        _add(text, pos, cut, spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
