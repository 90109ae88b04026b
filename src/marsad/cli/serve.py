"""`marsad serve`: the REST API and dashboard over a store (needs the `api` extra)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.settings import load_settings

# The modules the `api` extra installs; a missing one means the extra is not installed.
API_MODULES = frozenset({"fastapi", "starlette", "uvicorn", "pydantic", "anyio"})
INSTALL_HINT = "the API needs the `api` extra: pip install 'marsad[api]'"


def register(commands: argparse._SubParsersAction[Any]) -> None:
    serve = commands.add_parser(
        "serve", help="serve the REST API and web dashboard over a store (read-only)"
    )
    # --db stays a string: a postgresql:// URL made a Path would lose a slash.
    serve.add_argument(
        "--db", default=None, help="SQLite file or postgresql:// URL (default marsad.db)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from marsad.store.base import is_server_url

    settings = load_settings(overrides={"db": args.db})
    db: Path | str = settings.db if is_server_url(settings.db) else Path(settings.db)
    if isinstance(db, Path) and not db.is_file():
        raise MarsadError(f"no store at {db}: run `marsad run INPUT --db {db}` first")
    try:
        import uvicorn

        from marsad.serve.app import create_app
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in API_MODULES:
            raise MarsadError(f"{INSTALL_HINT} ({exc.name} is missing)") from exc
        raise
    app = create_app(db)
    # Read the store now: a broken store fails here, and the first page does not wait for it.
    app.state.view.snapshot()
    shown = db
    if isinstance(db, str):
        from marsad.store.postgres import redact  # psycopg is there: the store just opened

        shown = redact(db)
    print(f"marsad: serving {shown} on http://{args.host}:{args.port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
