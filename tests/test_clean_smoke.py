"""The two public Arabic page+reference pairs (eval/boilerplate-ar-smoke) meet their references."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.clean import clean
from rasd.ingest import RawArticle, decode_bytes

SMOKE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "boilerplate-ar-smoke"
pytestmark = pytest.mark.skipif(not SMOKE.exists(), reason="shared eval data not available")


def _page(name: str) -> RawArticle:
    return RawArticle(content=decode_bytes((SMOKE / name).read_bytes()), kind="html")


def test_assabah_with_and_without_snippets():
    gold = next(iter(json.loads((SMOKE / "trafilatura_assabah.com.tn.article.evaldata.json").read_text("utf-8")).values()))
    doc = clean(_page("trafilatura_assabah.com.tn.article.html"))
    assert all(s in doc.body for s in gold["with"])
    assert not any(s in doc.body for s in gold["without"])
    assert doc.title.split() == gold["title"].split()


def test_cnn_arabic_body_is_the_expected_text():
    want = (SMOKE / "newspaper_arabic_article.expected.txt").read_text("utf-8")
    doc = clean(_page("newspaper_arabic_article.html"))
    assert doc.body.split() == want.split()  # same words in the same order: nothing lost, nothing added
    assert "التعليقات" not in doc.body  # the comment policy under the article is gone
