"""docs/cli.md is generated from --help; this fails when a command changes without it."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_cli_reference", ROOT / "scripts" / "gen_cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reference = ROOT / "docs" / "cli.md"
    assert reference.read_text(encoding="utf-8") == module.render(), (
        "docs/cli.md is out of date: run python scripts/gen_cli_reference.py"
    )
