"""The store stage: embedded SQLite with Arabic full-text search, and exports.

Stages never import this package; the CLI and the HTTP API do.
"""
from rasd.store.export import COLUMNS, FORMATS, WHATS
from rasd.store.sqlite import EntityRecord, SearchHit, Store, StoreError

__all__ = ["Store", "StoreError", "SearchHit", "EntityRecord", "COLUMNS", "FORMATS", "WHATS"]
