"""The FastAPI app: read-only JSON over a store, and the dashboard's static files at `/`.

Every route is a GET. Lists are paged (`limit`, `offset`, with `total`); an unknown id is a 404
with a `detail` message; a malformed parameter is FastAPI's 422 with the parameter named.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.exporting import export_store
from marsad.knowledge.resources import Resources
from marsad.serve import views
from marsad.serve.views import Filters, Json, StoreView

# Export formats and the media type each is served as (the CLI's `--format` names).
EXPORT_MEDIA = {
    "jsonl": "application/x-ndjson",
    "events": "application/x-ndjson",
    "acled-csv": "text/csv",
    "geojson": "application/geo+json",
}
EXPORT_SUFFIX = {"jsonl": "jsonl", "events": "jsonl", "acled-csv": "csv", "geojson": "geojson"}
MAX_LIMIT = 1000
STATUSES = ("occurred", "denied", "planned", "negated")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Since = Annotated[date | None, Query(description="YYYY-MM-DD: items ending on or after")]
Until = Annotated[date | None, Query(description="YYYY-MM-DD: items starting on or before")]
Many = Annotated[list[str] | None, Query(description="one or more, repeated or comma-separated")]
Text = Annotated[str | None, Query(max_length=200)]


def shared_filters(
    request: Request,
    since: Since = None,
    until: Until = None,
    action: Many = None,
    status: Many = None,
    admin1: Many = None,
    actor: Text = None,
    place: Text = None,
    q: Text = None,
) -> Filters:
    """The query parameters events, the timeline and records share (a FastAPI dependency);
    each route adds its own with `dataclasses.replace`."""
    view: StoreView = request.app.state.view
    if since is not None and until is not None and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    statuses = views.split_values(status)
    unknown = sorted(statuses - set(STATUSES))
    if unknown:
        raise HTTPException(422, f"unknown status {', '.join(unknown)}; one of {STATUSES}")
    hits: frozenset[str] | None = None
    if q is not None and q.strip():
        hits = frozenset(view.search(q))
    return Filters(
        since=since,
        until=until,
        actions=views.split_values(action),
        statuses=statuses,
        admin1=frozenset(views.fold(a) for a in views.split_values(admin1)),
        actor=views.fold(actor) or None,
        place=views.fold(place) or None,
        article_ids=hits,
    )


Shared = Annotated[Filters, Depends(shared_filters)]


def _found(item: Json | None, missing: str) -> Json:
    """A detail route's answer, or a 404 saying what is missing."""
    if item is None:
        raise HTTPException(404, missing)
    return item


def static_dir() -> Path:
    return Path(str(importlib_resources.files("marsad.serve").joinpath("static")))


def create_app(store: Path | str, *, resources: Resources | None = None) -> FastAPI:
    """The API and dashboard over the store at `store`: an SQLite file (which must exist:
    nothing is created or written) or a `postgresql://` URL (kept a string)."""
    view = StoreView(store, resources)
    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Arabic conflict-event records: events, their sources side by side, exports.",
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: not offline, so off.
        # The description stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.view = view  # `marsad serve` reads the store once before it listens

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's shape, but plain JSON (the default echoes inputs that may not serialize).
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        return JSONResponse(status_code=422, content={"detail": errors})

    # --- the API ---------------------------------------------------------------------------

    @app.get("/api/health")
    def health() -> Json:
        return {"status": "ok", "version": __version__, "counts": view.snapshot().counts}

    @app.get("/api/stats")
    def stats() -> Json:
        return view.snapshot().stats

    @app.get("/api/actors")
    def actors() -> list[Json]:
        """The actors of the store's events with English and Arabic names and event counts."""
        return view.snapshot().actors

    @app.get("/api/events")
    def events(
        shared: Shared,
        disputed: bool | None = None,
        story_id: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Json:
        """Canonical events, newest first, with corroboration (`independent_sources`) and
        disputes; `q` searches the articles' titles and texts."""
        wanted = replace(shared, disputed=disputed, story_id=story_id)
        return view.events(wanted, limit=limit, offset=offset)

    @app.get("/api/timeline")
    def timeline(shared: Shared, disputed: bool | None = None) -> Json:
        """Events per day under the same filters as /api/events."""
        return view.timeline(replace(shared, disputed=disputed))

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> Json:
        """The event and every record of it side by side, with evidence offsets."""
        return _found(view.event_detail(event_id), f"no event {event_id}")

    @app.get("/api/records")
    def records(
        shared: Shared,
        event_id: str | None = None,
        story_id: str | None = None,
        article_id: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Json:
        """Records (schema.md's JSON Lines objects), in store order."""
        wanted = replace(shared, event_id=event_id, story_id=story_id, article_id=article_id)
        return view.records(wanted, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> Json:
        """The article's text and its records' spans (offsets into that text)."""
        return _found(view.article_detail(article_id), f"no article {article_id}")

    @app.get("/api/stories")
    def stories(limit: Limit = 50, offset: Offset = 0) -> Json:
        return view.stories(limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> Json:
        return _found(view.story_detail(story_id), f"no story {story_id}")

    @app.get("/api/export/{fmt}")
    def export(fmt: str) -> Response:
        """The whole store in one of `marsad export`'s formats."""
        if fmt not in EXPORT_MEDIA:
            raise HTTPException(404, f"no export format {fmt!r}; one of {sorted(EXPORT_MEDIA)}")
        out = io.StringIO()
        export_store(view.target, fmt, out, resources=view.resources)
        name = f"marsad-{fmt}.{EXPORT_SUFFIX[fmt]}"
        return Response(
            out.getvalue(),
            media_type=f"{EXPORT_MEDIA[fmt]}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> Json:
        raise HTTPException(404, f"no API route /api/{rest}")

    # --- the dashboard ---------------------------------------------------------------------

    static = static_dir()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/index.html", include_in_schema=False)
    def index_redirect() -> RedirectResponse:
        return RedirectResponse("/")

    app.mount("/static", StaticFiles(directory=static), name="static")
    return app
