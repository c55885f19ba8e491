"""Exceptions raised by vn_directives."""

from __future__ import annotations


class VnDirectivesError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(VnDirectivesError, ValueError):
    """The input is not text the library can read (bad bytes, missing file, wrong type)."""


class SymbolError(VnDirectivesError, ValueError):
    """A string is not a valid Vietnamese document number/symbol."""


class ModelError(VnDirectivesError):
    """A model file is missing, untrusted or does not fit this version."""
