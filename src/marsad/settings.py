"""Frozen settings: defaults ← marsad.toml ← MARSAD_* environment ← command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

DEFAULT_CONFIG_FILE = Path("marsad.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "marsad.db"
    workers: int = 1  # processes for the per-article map; 1 runs in this process
    progress: bool = True  # a progress line on stderr for long runs (only when it is a terminal)
    link: bool = True  # link records across articles after each run


def _coerce(name: str, raw: object, current: object) -> object:
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(current, int):
        try:
            return int(str(raw))
        except ValueError as exc:
            raise MarsadError(f"setting {name!r} must be a whole number, not {raw!r}") from exc
    return str(raw)


def load_settings(
    *,
    config_file: Path | None = None,
    environ: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """Merge the layers; later ones win. Unknown keys in the file are an error, not ignored."""
    settings = Settings()
    known = {f.name for f in fields(Settings)}
    path = config_file or DEFAULT_CONFIG_FILE
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise MarsadError(f"cannot read settings file {path}: {exc}") from exc
        unknown = set(data) - known
        if unknown:
            raise MarsadError(f"unknown settings in {path}: {', '.join(sorted(unknown))}")
        settings = _apply(settings, data)
    env = os.environ if environ is None else environ
    from_env = {n: env[f"MARSAD_{n.upper()}"] for n in known if f"MARSAD_{n.upper()}" in env}
    settings = _apply(settings, from_env)
    return _apply(settings, {k: v for k, v in (overrides or {}).items() if v is not None})


def _apply(settings: Settings, values: dict[str, Any]) -> Settings:
    changes: dict[str, Any] = {k: _coerce(k, v, getattr(settings, k)) for k, v in values.items()}
    return replace(settings, **changes)
