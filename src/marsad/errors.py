"""Errors that marsad raises on purpose; anything else is a bug."""


class MarsadError(Exception):
    """Base of every error marsad reports to a user as a message."""


class InputError(MarsadError):
    """An input file or article cannot be read or parsed."""


class DataError(MarsadError):
    """A shipped or user-supplied knowledge file is missing or invalid."""


class StoreError(MarsadError):
    """The store cannot be opened, migrated or written."""
