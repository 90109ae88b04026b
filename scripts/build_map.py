#!/usr/bin/env python3
"""Build the dashboard's offline base map (src/marsad/serve/static/syria-admin1.geojson).

Source: ../shared/data/ocha-syria-cod-boundaries/governorates.geojson (OCHA Syria COD, 14
governorates, CC BY 3.0 IGO; attribution in NOTICE.md and inside the written file). The polygons
are simplified (Douglas-Peucker on each ring, in degrees) and their coordinates rounded, so the
shipped file stays small (well under 300 KB) while the outline still reads at dashboard scale.

Usage:
  python scripts/build_map.py [--shared ../shared] [--tolerance 0.004] [--digits 3]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "marsad" / "serve" / "static" / "syria-admin1.geojson"
ATTRIBUTION = (
    "Contains data from the OCHA Syria Common Operational Datasets (administrative boundaries), "
    "© OCHA, via the Humanitarian Data Exchange, licensed under CC BY 3.0 IGO. "
    "Modified: simplified."
)
KEEP = ("PCODE", "NAME_EN", "NAME_AR")

Point = tuple[float, float]


def _distance_sq(p: Point, a: Point, b: Point) -> float:
    """Squared distance from p to the segment a-b (planar, in degrees)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return (p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    x, y = a[0] + t * dx, a[1] + t * dy
    return (p[0] - x) ** 2 + (p[1] - y) ** 2


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings have thousands of points: no deep recursion)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_sq(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[list[float]], tolerance: float, digits: int) -> list[list[float]]:
    points = [(float(x), float(y)) for x, y, *_ in ring]
    kept = simplify(points, tolerance)
    out: list[list[float]] = []
    for x, y in kept:
        rounded = [round(x, digits), round(y, digits)]
        if not out or out[-1] != rounded:
            out.append(rounded)
    if out and out[0] != out[-1]:
        out.append(out[0])  # GeoJSON rings are closed
    return out


def simplify_geometry(
    geometry: dict[str, object], tolerance: float, digits: int
) -> dict[str, object]:
    kind = geometry["type"]
    coordinates = geometry["coordinates"]
    assert isinstance(coordinates, list)
    polygons = coordinates if kind == "MultiPolygon" else [coordinates]
    simplified = []
    for polygon in polygons:
        rings = [simplify_ring(ring, tolerance, digits) for ring in polygon]
        rings = [r for r in rings if len(r) >= 4]  # a ring needs three corners and its closure
        if rings:
            simplified.append(rings)
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": simplified}
    return {"type": "Polygon", "coordinates": simplified[0]}


def build(source: Path, tolerance: float, digits: int) -> dict[str, object]:
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        properties = {k: feature["properties"][k] for k in KEEP}
        geometry = simplify_geometry(feature["geometry"], tolerance, digits)
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features.sort(key=lambda f: str(f["properties"]["PCODE"]))  # type: ignore[index]
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--tolerance", type=float, default=0.004, help="degrees (0.004 ≈ 400 m)")
    parser.add_argument("--digits", type=int, default=3, help="decimals kept (3 ≈ 100 m)")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    source = args.shared / "data" / "ocha-syria-cod-boundaries" / "governorates.geojson"
    collection = build(source, args.tolerance, args.digits)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(f"wrote {args.output} ({len(collection['features'])} governorates, {size} bytes)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
