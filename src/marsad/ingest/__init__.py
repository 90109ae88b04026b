"""Bytes → Article: folders, text, HTML, JSON Lines and RSS/Atom feeds, in any Arabic encoding."""

from marsad.ingest.reader import read_file, read_inputs

__all__ = ["read_file", "read_inputs"]
