"""Outlets (with ambiguous bare names) and the attribution and status cue lexicons."""

from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.knowledge.cues import load_cues
from marsad.knowledge.outlets import find_cited, load_outlets
from marsad.knowledge.resources import Resources


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


@pytest.mark.parametrize(
    ("written", "outlet_id"),
    [
        ("قناة الميادين", "AL_MAYADEEN"),
        ("وكالة سبوتنيك", "SPUTNIK"),
        ("موقع المدن", "AL_MODON"),
        ("المرصد السوري لحقوق الإنسان", "SOHR"),
        ("الوكالة السورية للأنباء", "SANA"),
        ("الإعلام الرسمي", "SYRIAN_STATE_MEDIA"),
        ("روسيا اليوم", "RT"),
        ("RT", "RT"),
        ("هاوار", "HAWAR"),
        ("Enab Baladi", "ENAB_BALADI"),
    ],
)
def test_outlet_forms(resources: Resources, written: str, outlet_id: str) -> None:
    assert [o.id for o in resources.outlets.lookup(written)] == [outlet_id]


def test_bare_ambiguous_names_need_a_cue(resources: Resources) -> None:
    text = "وذكرت قناة الجزيرة أن الاشتباكات امتدت إلى منطقة الجزيرة وريف الميادين."
    hits = resources.outlets.find(text)
    flagged = {(h.text, h.needs_cue) for h in hits}
    assert ("قناة الجزيرة", False) in flagged
    assert ("الجزيرة", True) in flagged
    assert ("الميادين", True) in flagged
    assert resources.outlets.get("AL_JAZEERA").scale == "International"


def test_attribution_cues(resources: Resources) -> None:
    text = "ونقلت عن مصادر محلية، بحسب ما أفادت به شبكة محلية، أن الأسايش نفت ذلك."
    kinds = {h.text: h.values for h in resources.cues.find_attribution(text)}
    assert kinds["نقلت عن"] == ("verb",)
    assert kinds["مصادر محلية"] == ("source",)
    assert kinds["بحسب ما"] == ("preposition",)
    assert kinds["نفت"] == ("denial",)


def test_status_cues(resources: Resources) -> None:
    text = "لم تلتزم القوات بالاتفاق الذي يقضي بفك الحصار، ونفت الفصائل أي هجوم."
    values = {h.text: h.values for h in resources.cues.find_status(text)}
    assert values["لم تلتزم"] == ("negated:before",)
    assert values["يقضي"] == ("planned:before",)
    assert values["نفت"] == ("denied:before",)


def test_bad_outlet_scale_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text(
        "id\tname_en\tkind\tscale\tnames_en\nX\tX\toutlet\tGlobal\tX\n", encoding="utf-8"
    )
    (tmp_path / "outlet_names.tsv").write_text(
        "outlet\tname\tcatalog\textract\tcited_as\nX\tقناة إكس\tyes\tno\t\n", encoding="utf-8"
    )
    with pytest.raises(DataError):
        load_outlets(path)


def test_bad_status_cue_is_a_data_error(tmp_path: Path) -> None:
    attribution = tmp_path / "a.tsv"
    attribution.write_text("cue\tkind\nقال\tverb\n", encoding="utf-8")
    status = tmp_path / "s.tsv"
    status.write_text("cue\tstatus\tscope\nلم\tmaybe\tbefore\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_cues(attribution, status)


def test_ambiguous_outlets_count_only_when_cited(resources: Resources) -> None:
    text = (
        "وذكرت الجزيرة أن قوات التحالف قصفت مواقع في منطقة الجزيرة السورية، "
        "فيما تحدثت قناة الميادين عن اشتباكات قرب الميادين."
    )
    cited = find_cited(text, resources.outlets, resources.cues)
    starts = sorted(h.start for h in cited)
    assert [text[h.start : h.end] for h in sorted(cited, key=lambda h: h.start)] == [
        "الجزيرة",
        "قناة الميادين",
    ]
    assert starts[0] == text.index("الجزيرة")
