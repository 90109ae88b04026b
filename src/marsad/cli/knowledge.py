"""`marsad place`, `marsad actor`, `marsad data check` (placeholder until the knowledge work lands)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    del commands
