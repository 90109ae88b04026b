"""`marsad serve`: a clear message without a store or without the `api` extra; uvicorn started."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main


def test_serve_without_a_store_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main(["serve", "--db", str(missing)]) == 2
    assert "marsad run" in capsys.readouterr().err
    assert not missing.exists()


def test_serve_without_the_api_extra_says_what_to_install(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails as if absent
    assert main(["serve", "--db", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'marsad[api]'" in err and "uvicorn" in err


def test_serve_runs_uvicorn_on_the_given_address(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    assert main(["serve", "--db", str(store_path), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls and calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 8123
    assert calls[0]["app"].title == "marsad"
    assert "http://0.0.0.0:8123/" in capsys.readouterr().out


def test_serve_on_an_unreachable_postgresql_server_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    uvicorn = pytest.importorskip("uvicorn")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("must not serve"))
    assert main(["serve", "--db", "postgresql://marsad:pw@127.0.0.1:1/x"]) == 2
    error = capsys.readouterr().err
    # the URL reached the store whole (a Path would have made it postgresql:/...), password hidden
    assert "cannot connect to the PostgreSQL store postgresql://marsad:***@127.0.0.1:1/x" in error
