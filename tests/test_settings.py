from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.settings import Settings, load_settings


def test_layers_override_in_order(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text('db = "from-file.db"\nworkers = 3\n', encoding="utf-8")
    settings = load_settings(
        config_file=config,
        environ={"MARSAD_WORKERS": "4", "MARSAD_PROGRESS": "no"},
        overrides={"db": "from-flag.db", "workers": None},
    )
    assert settings == Settings(db="from-flag.db", workers=4, progress=False, link=True)


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    assert load_settings(config_file=tmp_path / "absent.toml", environ={}) == Settings()


def test_unknown_key_in_file_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text("wrokers = 2\n", encoding="utf-8")
    with pytest.raises(MarsadError, match="wrokers"):
        load_settings(config_file=config, environ={})


def test_bad_number_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="whole number"):
        load_settings(config_file=tmp_path / "absent.toml", environ={"MARSAD_WORKERS": "two"})
