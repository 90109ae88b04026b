"""`marsad place`, `marsad actor`, `marsad data check`: look-ups and validation of the knowledge."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import InputError

if TYPE_CHECKING:
    from marsad.knowledge.gazetteer import GazetteerEntry
    from marsad.knowledge.resources import Resources
    from marsad.resolve.actors import ActorCandidate
    from marsad.resolve.places import PlaceCandidate, PlaceContext

RUNNERS_UP = 4  # candidates shown after the best one


def register(commands: argparse._SubParsersAction[Any]) -> None:
    place = commands.add_parser(
        "place", help='resolve a place as the news writes it (e.g. "بمنبج", "في مدينة الباب")'
    )
    place.add_argument("text", metavar="TEXT", help="the place, with clitics and kind words")
    place.add_argument("--json", action="store_true", help="print JSON")
    place.add_argument(
        "--near",
        metavar="PLACE",
        default=None,
        help="another place of the same report (proximity decides namesakes)",
    )
    place.add_argument(
        "--admin1",
        metavar="X",
        default=None,
        help="the governorate the report names (OCHA English or Arabic)",
    )
    place.set_defaults(handler=_place)

    actor = commands.add_parser("actor", help="resolve an actor as the news writes it")
    actor.add_argument("text", metavar="TEXT", help='the actor words (e.g. "عناصر من قسد")')
    actor.add_argument("--json", action="store_true", help="print JSON")
    actor.add_argument(
        "--on",
        metavar="DATE",
        default=None,
        help="the event's date (YYYY-MM-DD): keeps the ids that apply that day",
    )
    actor.set_defaults(handler=_actor)

    data = commands.add_parser("data", help="knowledge files: validation")
    data_commands = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    check = data_commands.add_parser(
        "check", help="check gazetteer, actors, outlets and cues for errors"
    )
    check.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="check the files of this folder instead of the shipped ones",
    )
    check.add_argument("--json", action="store_true", help="print problems as JSON")
    check.set_defaults(handler=_data_check)  # fmt: skip


def _place(args: argparse.Namespace) -> int:
    from marsad.knowledge.resources import Resources
    from marsad.resolve.places import geocode

    resources = Resources()
    context = _place_context(args, resources)
    candidates = geocode(args.text, context=context, resources=resources)
    shown = [_place_json(c) for c in candidates[: RUNNERS_UP + 1]]
    if args.json:
        best = shown[0] if shown else None
        print(json.dumps({"query": args.text, "best": best, "runners_up": shown[1:]},
                         ensure_ascii=False, indent=2))  # fmt: skip
    elif not shown:
        print(f"no place found for {args.text!r}")
    else:
        for label, item in zip(("best", *["also"] * RUNNERS_UP), shown, strict=False):
            print(f"{label}: {_place_line(item)}")
    return 0 if candidates else 1


def _place_context(args: argparse.Namespace, resources: Resources) -> PlaceContext | None:
    from marsad.resolve.places import PlaceContext, geocode, governorate_entry

    if args.near is None and args.admin1 is None:
        return None
    admin1 = None
    if args.admin1 is not None:
        governorate = governorate_entry(resources.gazetteer, args.admin1)
        if governorate is None:
            raise InputError(f"--admin1: {args.admin1!r} is not a Syrian governorate")
        admin1 = governorate.admin1
    near: tuple[GazetteerEntry, ...] = ()
    if args.near is not None:
        found = geocode(args.near, resources=resources)
        if not found:
            raise InputError(f"--near: no place found for {args.near!r}")
        near = (found[0].entry,)
    return PlaceContext(admin1=admin1, near=near)


def _place_json(candidate: PlaceCandidate) -> dict[str, object]:
    e = candidate.entry
    return {
        "name": e.name_en,
        "name_ar": e.name_ar,
        "lat": e.lat,
        "lon": e.lon,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "country": e.country,
        "pcode": e.pcode,
        "kind": e.kind,
        "geo_precision": candidate.geo_precision,
        "gazetteer_id": e.id,
        "population": e.population,
        "score": candidate.score,
        "reason": candidate.reason,
    }


def _place_line(item: dict[str, object]) -> str:
    admins = " › ".join(str(a) for a in (item["admin1"], item["admin2"], item["admin3"]) if a)
    return (
        f"{item['name_ar']} / {item['name']}  {item['lat']:.5f}, {item['lon']:.5f}  "
        f"{admins or item['country']}  p-code {item['pcode'] or '—'}  {item['kind']}  "
        f"precision {item['geo_precision']}  [{item['gazetteer_id']}; {item['reason']}]"
    )


def _actor(args: argparse.Namespace) -> int:
    from marsad.knowledge.resources import Resources
    from marsad.resolve.actors import resolve_actor

    on = _parse_day(args.on)
    resources = Resources()
    candidates = resolve_actor(args.text, on=on, resources=resources)
    shown = [_actor_json(c, resources) for c in candidates[: RUNNERS_UP + 1]]
    if args.json:
        best = shown[0] if shown else None
        payload = {"query": args.text, "on": args.on, "best": best, "runners_up": shown[1:]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif not shown:
        print(f"no actor found for {args.text!r}" + (f" on {on}" if on else ""))
    else:
        for label, item in zip(("best", *["also"] * RUNNERS_UP), shown, strict=False):
            print(f"{label}: {_actor_line(item)}")
    return 0 if candidates else 1


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--on: {value!r} is not a date (YYYY-MM-DD)") from None


def _actor_json(candidate: ActorCandidate, resources: Resources) -> dict[str, object]:
    e = candidate.entry
    person = candidate.person
    return {
        "id": e.id,
        "name": e.name_en,
        "name_ar": e.names_ar[0] if e.names_ar else None,
        "kind": e.kind,
        "parent": e.parent,
        "root": resources.actors.root(e.id),
        "acled_inter": e.acled_inter,
        "active_from": e.active_from.isoformat() if e.active_from else None,
        "active_to": e.active_to.isoformat() if e.active_to else None,
        "person": None if person is None else {"id": person.id, "name": person.name_en},
    }


def _actor_line(item: dict[str, object]) -> str:
    parent = f"  parent {item['parent']} (root {item['root']})" if item["parent"] else ""
    person = item["person"]
    who = f"  person: {person['name']}" if isinstance(person, dict) else ""
    span = f"{item['active_from'] or '…'} – {item['active_to'] or '…'}"
    return (
        f"{item['id']} — {item['name']} / {item['name_ar']}  {item['kind']}, ACLED inter "
        f"{item['acled_inter'] or '—'}  active {span}{parent}{who}"
    )


def _data_check(args: argparse.Namespace) -> int:
    from marsad.knowledge.check import check_all

    if args.data_dir is not None and not args.data_dir.is_dir():
        raise InputError(f"--data-dir: {args.data_dir} is not a folder")
    problems = check_all(args.data_dir)
    errors = [p for p in problems if p.severity == "error"]
    if args.json:
        rows = [{"severity": p.severity, "file": p.file, "where": p.where, "message": p.message}
                for p in problems]  # fmt: skip
        print(json.dumps({"errors": len(errors), "problems": rows}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
        warnings = len(problems) - len(errors)
        print(f"data check: {len(errors)} errors, {warnings} warnings")
    return 1 if errors else 0
