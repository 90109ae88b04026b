"""The `marsad` command: thin argument parsing over library calls."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from marsad import __version__
from marsad.errors import MarsadError


def build_parser() -> argparse.ArgumentParser:
    from marsad.cli import knowledge, run, serve

    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Arabic news reports → geocoded, linked conflict-event records.",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run.register(commands)
    knowledge.register(commands)
    serve.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except MarsadError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`marsad export | head`): not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code
