"""marsad: Arabic conflict-event extraction with provenance down to the character."""

__version__ = "0.1.0"
