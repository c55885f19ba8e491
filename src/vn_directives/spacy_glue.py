"""spaCy glue: a lossless underthesea-backed tokenizer and the ``vnd_references`` and ``vnd_items``
components. All registration is here, so the rest of the library imports without spaCy; the
``spacy_factories`` and ``spacy_tokenizers`` entry points make them available to
``spacy.blank("vi")`` without importing vn_directives first.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, get_words_and_spaces, registry

from .pipeline import analyze
from .references import extract_references
from .tokenize import tokenize

REFERENCES_KEY = "vnd_references"
ITEMS_KEY = "vnd_items"
DOCUMENT_KEY = "vnd_document"  # the analyzed Document in ``doc.user_data``, set by vnd_items

for _name in ("reference", "kind", "sector", "item"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class VndTokenizer:
    """Words from :func:`vn_directives.tokenize` (symbols and dates whole); ``doc.text == text``."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        pos = 0
        for tok in tokenize(text):
            if tok.start < pos:
                continue
            gap = text[pos:tok.start]
            words.extend(gap.split())  # markup the normalizer dropped ("**", "\\") keeps its own tokens
            words.append(tok.text)
            pos = tok.end
        words.extend(text[pos:].split())
        w, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=w, spaces=spaces)


@registry.tokenizers("vnd.Tokenizer.v1")
def make_tokenizer():
    def create(nlp):
        return VndTokenizer(nlp.vocab)

    return create


class ReferenceComponent:
    """Finds references: spans in ``doc.spans["vnd_references"]`` (entities where they don't
    overlap), each with its record on ``span._.reference``; the label is the instrument type."""

    def __init__(self, nlp: Language, name: str = "vnd_references", *, set_ents: bool = True):
        self.name = name
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        analyzed = doc.user_data.get(DOCUMENT_KEY)  # vnd_items ran first: reuse its references
        for ref in analyzed.references if analyzed is not None else extract_references(doc.text):
            span = doc.char_span(ref.start, ref.end, label=ref.doc_type or "Văn bản",
                                 alignment_mode="expand")
            if span is None:
                continue
            span._.reference = ref
            spans.append(span)
        doc.spans[REFERENCES_KEY] = spans
        if self.set_ents:
            keep = filter_spans(list(doc.ents) + spans)
            doc.ents = keep
        return doc


class ItemComponent:
    """Items as sentences: sentence boundaries at item starts, and ``doc.spans["vnd_items"]`` with
    ``span._.kind``, ``span._.sector`` and the record on ``span._.item``; the whole Document is kept in
    ``doc.user_data["vnd_document"]``."""

    def __init__(self, nlp: Language, name: str = "vnd_items"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        result = analyze(doc.text)
        doc.user_data[DOCUMENT_KEY] = result
        spans = []
        starts = set()
        for item in result.items:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.kind, span._.sector, span._.item = item.kind, item.sector, item
            spans.append(span)
            starts.add(span.start)
        for tok in doc:
            tok.is_sent_start = tok.i == 0 or tok.i in starts
        doc.spans[ITEMS_KEY] = spans
        return doc


@Language.factory("vnd_references", default_config={"set_ents": True})
def make_references(nlp: Language, name: str, set_ents: bool) -> ReferenceComponent:
    return ReferenceComponent(nlp, name, set_ents=set_ents)


@Language.factory("vnd_items")
def make_items(nlp: Language, name: str) -> ItemComponent:
    return ItemComponent(nlp, name)


BLANK_CONFIG: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": "vnd.Tokenizer.v1"}}}


def load_spacy(components: tuple[str, ...] = ("vnd_items", "vnd_references")) -> Language:
    """A Vietnamese spaCy pipeline with the library's tokenizer and components."""
    import spacy

    nlp = spacy.blank("vi", config=BLANK_CONFIG)
    for name in components:
        nlp.add_pipe(name)
    return nlp
