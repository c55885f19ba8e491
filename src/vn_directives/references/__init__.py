"""Reference extraction: symbols, their context, named instruments, identity and short forms."""

from .scan import extract_references, scan, short_forms, to_references
from .symbols import Symbol, parse_symbol

__all__ = ["Symbol", "extract_references", "parse_symbol", "scan", "short_forms", "to_references"]
