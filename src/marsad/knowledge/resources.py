"""Read-only knowledge passed explicitly to every stage, loaded lazily on first use.

Each attribute is loaded by its own module's loader the first time it is read, so a command that
needs only the gazetteer never reads the trigger lexicon. Nothing is loaded at import.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.knowledge.actions import ActionInfo
    from marsad.knowledge.actors import ActorCatalog
    from marsad.knowledge.cues import CueLexicon
    from marsad.knowledge.gazetteer import Gazetteer
    from marsad.knowledge.models import Models
    from marsad.knowledge.outlets import OutletCatalog
    from marsad.knowledge.sides import SideTable
    from marsad.knowledge.triggers import TriggerLexicon


class Resources:
    """Lexicons, catalog, gazetteer and models, shared read-only by the stages."""

    @cached_property
    def actions(self) -> dict[str, ActionInfo]:
        from marsad.knowledge.actions import load_actions

        return load_actions()

    @cached_property
    def triggers(self) -> TriggerLexicon:
        from marsad.knowledge.triggers import load_triggers

        return load_triggers(outlets=self.outlets)  # the outlets' names are source cues

    @cached_property
    def models(self) -> Models:
        from marsad.knowledge.models import load_models

        return load_models()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from marsad.knowledge.gazetteer import load_gazetteer

        return load_gazetteer()

    @cached_property
    def actors(self) -> ActorCatalog:
        from marsad.knowledge.actors import load_actors

        return load_actors()

    @cached_property
    def actor_areas(self) -> dict[str, frozenset[str]]:
        from marsad.knowledge.actors import load_actor_areas

        return load_actor_areas()

    @cached_property
    def outlets(self) -> OutletCatalog:
        from marsad.knowledge.outlets import load_outlets

        return load_outlets()

    @cached_property
    def cues(self) -> CueLexicon:
        from marsad.knowledge.cues import load_cues

        return load_cues()

    @cached_property
    def actor_sides(self) -> SideTable:
        from marsad.knowledge.sides import load_actor_sides

        return load_actor_sides()
