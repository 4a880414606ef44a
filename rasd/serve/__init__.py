"""Serving layer: the HTTP API (FastAPI, OpenAPI at /docs) and the web dashboard over the store."""
