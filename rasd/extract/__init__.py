"""Extraction stage: PLOVER events, quotes with their speakers, relative dates.

Runs after linking: reads ``doc.sentences``, ``doc.mentions`` (with entity
ids and role mentions) and ``doc.entities``; fills ``doc.events`` and
``doc.quotes``. Pure function of the article and the read-only KB.
"""
from __future__ import annotations

from rasd.doc import Doc
from rasd.extract.events import find_events
from rasd.extract.quotes import find_quotes
from rasd.text.sentences import split_sentences


def extract(doc: Doc, kb=None) -> None:
    """Fill ``doc.events`` and ``doc.quotes``."""
    if not doc.sentences:  # a Doc built by hand or read back from JSON
        doc.sentences = split_sentences(doc.body)
    doc.events = find_events(doc, kb)
    doc.quotes = find_quotes(doc)
