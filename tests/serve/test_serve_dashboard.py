"""The dashboard's files: served by the app, offline (no outside URL), both languages complete."""

from __future__ import annotations

import importlib.util
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.knowledge.resources import Resources
from marsad.serve.app import create_app, static_dir

ROOT = Path(__file__).resolve().parents[2]
STATIC_FILES = ("index.html", "app.js", "style.css", "i18n.json", "syria-admin1.geojson")
MAP_BYTES_MAX = 300_000


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def test_the_page_and_its_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name in STATIC_FILES:
        if name != "index.html":
            assert f"/static/{name}" in page.text or name in ("i18n.json", "syria-admin1.geojson")
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert response.content == (static_dir() / name).read_bytes()
    assert client.get("/static/missing.js").status_code == 404
    assert client.get("/index.html", follow_redirects=False).status_code in (301, 302, 307)


def test_the_dashboard_needs_no_network() -> None:
    """Nothing is loaded from another host: no CDN, no web font, no tile server."""
    outside = re.compile(
        r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import"""
    )
    for name in ("index.html", "app.js", "style.css"):
        text = (static_dir() / name).read_text(encoding="utf-8")
        assert not outside.search(text), name
        assert 'fetch("http' not in text and "fetch('http" not in text


def test_both_languages_have_every_label_and_every_action() -> None:
    i18n = json.loads((static_dir() / "i18n.json").read_text(encoding="utf-8"))
    en, ar = i18n["en"], i18n["ar"]
    assert set(en) == set(ar)
    for key, value in en.items():
        if isinstance(value, dict):
            assert set(value) == set(ar[key]), key
    actions = set(Resources().actions)
    assert actions <= set(en["actions"]) and actions <= set(ar["actions"])
    arabic = re.compile(r"[\u0600-\u06FF]")
    assert all(arabic.search(v) for v in ar["actions"].values())
    # Every label the page asks for exists in both languages.
    html = (static_dir() / "index.html").read_text(encoding="utf-8")
    js = (static_dir() / "app.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'data-i18n="([a-z_0-9]+)"', html))
    asked |= set(re.findall(r"""\bt\("([a-z_0-9]+)"[,)]""", js))
    assert asked and asked <= set(en), asked - set(en)


def test_the_page_switches_to_arabic_right_to_left() -> None:
    js = (static_dir() / "app.js").read_text(encoding="utf-8")
    assert 'root.dir = state.lang === "ar" ? "rtl" : "ltr"' in js
    html = (static_dir() / "index.html").read_text(encoding="utf-8")
    assert 'id="lang"' in html


def test_the_shipped_map_is_small_and_attributed() -> None:
    path = static_dir() / "syria-admin1.geojson"
    assert path.stat().st_size < MAP_BYTES_MAX
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["features"]) == 14
    assert "OCHA" in data["attribution"] and "CC BY 3.0 IGO" in data["attribution"]
    for feature in data["features"]:
        assert {"PCODE", "NAME_EN", "NAME_AR"} == set(feature["properties"])
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # The governorates' English names are the gazetteer's admin1 names, so a click filters.
    names = {f["properties"]["NAME_EN"] for f in data["features"]}
    syrian = {e.admin1 for e in Resources().gazetteer if e.country == "SY" and e.admin1}
    assert syrian == names


def _build_map_module() -> object:
    spec = importlib.util.spec_from_file_location("build_map", ROOT / "scripts" / "build_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_simplify_keeps_corners_and_drops_near_straight_points() -> None:
    build_map = _build_map_module()
    ring = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (1.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    kept = build_map.simplify(ring, 0.01)  # type: ignore[attr-defined]
    assert (1.0, 0.001) not in kept and (1.0, 2.0) not in kept
    assert {(2.0, 0.0), (2.0, 2.0), (0.0, 2.0)} <= set(kept)
    assert kept[0] == kept[-1] == (0.0, 0.0)


def test_the_shipped_map_is_what_the_script_builds() -> None:
    source = ROOT.parent / "shared" / "data" / "ocha-syria-cod-boundaries" / "governorates.geojson"
    if not source.exists():
        pytest.skip("the shared OCHA boundaries are not beside this checkout")
    build_map = _build_map_module()
    built = build_map.build(source, 0.004, 3)  # type: ignore[attr-defined]
    shipped = json.loads((static_dir() / "syria-admin1.geojson").read_text(encoding="utf-8"))
    assert built == shipped


def test_the_openapi_description_is_served_and_no_cdn_page(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}"):
        assert path in paths
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
