"""Errors the library raises for input it refuses; the CLI prints them as one line per file."""

from __future__ import annotations


class CleantextError(Exception):
    """Base class: the message is a short reason, fit to follow ``FILE: `` on one line."""


class BinaryInputError(CleantextError):
    """The input is not text (NUL bytes outside UTF-16, an image or archive signature...)."""


class DecodeError(CleantextError):
    """The bytes cannot be read in the encoding the user forced."""
