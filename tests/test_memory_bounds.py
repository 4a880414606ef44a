"""What keeps ``rasd analyze``'s memory flat: bounded per-word caches and a bounded story window.

The figures themselves (peak RSS at 2k/10k/31k articles) are printed by
``benchmarks/analyze_memory.py``; these tests check the mechanisms.
"""
from __future__ import annotations

import itertools

from rasd.doc import Doc, Source
from rasd.group import stories as stories_mod
from rasd.group.stories import TAIL, StoryIndex
from rasd.link import gazetteer
from rasd.recognise import features
from rasd.store import search
from rasd.text import normalise
from rasd.text.normalise import WORD_CACHE

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _words(n: int):
    """``n`` distinct Arabic-letter words."""
    return ("".join(p) for p in itertools.islice(itertools.product(LETTERS, repeat=4), n))


def test_per_word_caches_stop_at_their_bound():
    caches = [features.word_features, features.word_keys, gazetteer.readings, gazetteer.word_keys,
              normalise.proclitic_splits, search.token_key]
    for w in _words(WORD_CACHE + 500):
        features.word_features(w)
        features.word_keys(w)
        gazetteer.readings(w)
        gazetteer.word_keys(w)
        normalise.proclitic_splits(w)
        search.token_key(w)
    for f in caches:
        assert f.cache_info().currsize <= WORD_CACHE, f.__name__


def test_story_index_keeps_features_of_a_bounded_window(monkeypatch):
    monkeypatch.setattr(stories_mod, "MAX_LIVE", 300)
    monkeypatch.setattr(stories_mod, "EVICT_EVERY", 100)
    index = StoryIndex()
    words = list(_words(5000))
    for i in range(1200):  # undated articles, each with its own words and a few shared ones
        body = " ".join(words[4 * i: 4 * i + 4] + ["الحكومة", "الوزير", "المدينة"] * 3)
        index.add(Doc(id=f"d{i}", body=body, title=words[4 * i], source=Source(outlet="x")))
    live = sum(f is not None for f in index._feats)
    assert live <= 300 + 100  # the window, plus what arrived since the last eviction
    assert all(len(p) <= 2 * TAIL for p in index._postings.values())
    # Words of articles that left the window leave the postings too (the vocabulary of a
    # long feed does not accumulate): only the last ~400 articles' own words remain.
    assert len(index._postings) < 3 + 2 * 4 * 400
    assert len(index) == 1200 and index.story_of("d0")  # what was decided stays known
    # An article that shares words only with evicted ones opens its own story.
    index.add(Doc(id="late", body=" ".join(words[:4]), title=words[0], source=Source(outlet="x")))
    assert index.story_of("late") == "story:late"


def test_every_memo_in_the_package_is_bounded():
    """A memo keyed by words or names must stop at ``WORD_CACHE`` entries; model loaders
    keep a few. An unbounded or larger one grows with the corpus in every worker."""
    import importlib
    import pkgutil

    import rasd

    found = []
    for info in pkgutil.walk_packages(rasd.__path__, "rasd."):
        if info.name.startswith(("rasd.serve", "rasd.distributed")) or info.name.endswith(("train", "train_encoder", "train_arguments", "build")):
            continue  # the web layer and Spark need extras; training and KB builds are not run by `rasd analyze`
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            params = getattr(obj, "cache_parameters", None)
            if params and getattr(obj, "__module__", None) == info.name:
                found.append((info.name, name, params()["maxsize"]))
    assert len(found) > 10
    unbounded = [(m, n, size) for m, n, size in found if size is None or size > WORD_CACHE]
    assert not unbounded
