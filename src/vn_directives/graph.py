"""The citation graph of a corpus: documents → the instruments they cite."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .records import Document


def document_key(doc: Document, position: int) -> str:
    """A document's node: its own canonical key, else its source, else its position."""
    return doc.meta.key or doc.source or f"document {position}"


def citation_graph(docs: Iterable[Document]) -> Any:
    """A ``networkx.DiGraph`` from each document's identity to the canonical keys it cites.

    Edges carry ``count`` (mentions), ``relations`` (a Counter of how the document uses the
    instrument) and ``relation`` (the most common one). Nodes carry ``kind`` (``document`` for an
    analyzed document, ``instrument`` for one only cited) and, where known, ``doc_type``,
    ``symbol``, ``date`` and ``title``.
    """
    import networkx as nx

    g = nx.DiGraph()
    for i, doc in enumerate(docs):
        src = document_key(doc, i)
        g.add_node(src, kind="document", doc_type=doc.meta.doc_type, symbol=doc.meta.symbol,
                   date=doc.meta.date, title=doc.meta.title, source=doc.source)
        for ref in doc.references:
            if ref.role == "self" or not ref.key or ref.key == src:
                continue
            if ref.key not in g:
                g.add_node(ref.key, kind="instrument", doc_type=ref.doc_type, symbol=ref.symbol,
                           date=ref.date, title=ref.title)
            else:
                node = g.nodes[ref.key]
                for attr in ("date", "title"):
                    if node.get(attr) is None and getattr(ref, attr):
                        node[attr] = getattr(ref, attr)
            if g.has_edge(src, ref.key):
                edge = g.edges[src, ref.key]
                edge["count"] += 1
                edge["relations"][ref.relation] += 1
            else:
                g.add_edge(src, ref.key, count=1, relations=Counter({ref.relation: 1}))
            edge = g.edges[src, ref.key]
            edge["relation"] = edge["relations"].most_common(1)[0][0]
    return g
