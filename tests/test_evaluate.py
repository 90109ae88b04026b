from marsad.evaluate import check_floors, metric

REPORT = {
    "action": {"f1": 0.61, "precision": 0.7},
    "fields": {"status": 0.93, "actor2_root": None},
}


def test_metric_reads_dotted_paths() -> None:
    assert metric(REPORT, "action.f1") == 0.61
    assert metric(REPORT, "fields.status") == 0.93
    assert metric(REPORT, "fields.actor2_root") is None
    assert metric(REPORT, "linking.f1") is None


def test_floors_report_each_metric_below() -> None:
    below = check_floors(REPORT, {"action.f1": 0.6, "fields.status": 0.95, "linking.f1": 0.1})
    assert len(below) == 2
    assert any("fields.status" in line for line in below)
    assert any("linking.f1 = None" in line for line in below)
    assert check_floors(REPORT, {"action.f1": 0.61}) == []
