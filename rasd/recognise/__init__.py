"""Statistical named-entity recognition: PER, ORG, LOC, MISC mentions in ``Doc.body``.

Two models trained on ANERcorp tag each sentence's tokens (``tagger``): a
CRF (``rasd.recognise.train``) with what the whole article says about each
word as features, and a fine-tuned Arabic encoder (``encoder``,
``rasd.recognise.train_encoder``) that reads each word in its sentence; their
label probabilities are mixed and decoded, and repeats of a tagged name
elsewhere in the article get the same tag (``consistency``). Tagged chunks
become ``Mention``s with exact body offsets and the mixed probability of the
tag (mean over the chunk) as ``score``.

LOC stays LOC here: the linker refines it to GPE from the knowledge base and
merges these mentions with its dictionary matches. The model follows
ANERcorp's conventions, so ministries and titles ("وزارة الدفاع", "الرئيس")
are not tagged: the knowledge base covers them. ANERcorp keeps proclitics on
tokens; a leading و/ف/ب/ل/ك is cut off a mention when the rest is
recognisably the name (``spans.trim_proclitic``), so "والقاهرة" gives the
mention "القاهرة".
"""
from __future__ import annotations

from rasd.doc import Doc, Mention
from rasd.recognise.spans import bio_spans, trim_proclitic
from rasd.recognise.tagger import model, tag_sentences, tag_tokens
from rasd.text.normalise import normalise
from rasd.text.sentences import split_sentences
from rasd.text.tokens import Token, tokenize

__all__ = ["recognise", "tag_tokens", "tag_sentences", "token_mentions", "bio_spans"]


def token_mentions(body: str, tokens: list[Token], tags: list[str], probs: list[float] | None = None,
                   name_words: frozenset[str] | None = None) -> list[Mention]:
    """Mentions for BIO-tagged tokens of ``body``, offsets exact, proclitics trimmed.

    ``name_words``: words known as names, behind which a leading letter is a proclitic
    (default: the training names; ``recognise`` adds the article's own)."""
    words = model().entity_words if name_words is None else name_words
    out: list[Mention] = []
    for a, b, typ in bio_spans(tags):
        start = tokens[a].start + trim_proclitic(tokens[a].text, words, alone=b - a == 1)
        end = tokens[b - 1].end
        score = round(sum(probs[a:b]) / (b - a), 3) if probs else None
        out.append(Mention(text=body[start:end], start=start, end=end, type=typ, score=score))
    return out


def recognise(doc: Doc) -> None:
    """Append the model's mentions, sentence by sentence, to ``doc.mentions``."""
    spans = doc.sentences or split_sentences(doc.body)
    sentences = [tokenize(doc.body, s.start, s.end) for s in spans]
    sentences = [toks for toks in sentences if toks]
    tags, probs = tag_sentences([[t.text for t in toks] for toks in sentences], marginals=True)
    # the article's own name words too, so that "لكارتر" loses its ل where "كارتر" is tagged
    words = model().entity_words | {normalise(toks[k].text) for toks, tg in zip(sentences, tags)
                                     for a, b, _ in bio_spans(tg) for k in range(a, b)}
    for toks, tg, pr in zip(sentences, tags, probs):
        doc.mentions.extend(token_mentions(doc.body, toks, tg, pr, words))
