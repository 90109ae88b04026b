"""A small store for the serve tests: the bundled examples, a report written here, a broken line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.demo import example_reports
from marsad.jobs import run_job

# Written for these tests (no gold text): one shelling report from an invented outlet.
OWN_REPORT = {
    "id": "serve-001",
    "outlet": "Serve Test Wire (invented)",
    "published": "2024-06-02",
    "title": "قصف مدفعي على بلدة في ريف إدلب",
    "text": (
        "قصف مدفعي على بلدة في ريف إدلب\n\n"
        "قصفت قوات النظام السوري بالمدفعية الثقيلة، صباح أمس السبت، بلدة كنصفرة في ريف إدلب "
        "الجنوبي، ما أسفر عن مقتل مدنيين اثنين وإصابة ثلاثة آخرين، بحسب ما أفاد به الدفاع المدني."
    ),
}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    own = folder / "own.jsonl"
    own.write_text(
        json.dumps(OWN_REPORT, ensure_ascii=False) + "\n" + "{this line is not JSON\n",
        encoding="utf-8",
    )
    db = folder / "serve.db"
    report = run_job([example_reports(), own], db=db, progress_stream=None)
    assert report.records > 0 and report.events > 0
    assert report.failures, "the broken line must be reported as a failure"
    return db
