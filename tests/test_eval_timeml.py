"""Tests of the TimeML reader and the TIMEX3 scorer, on tiny TimeML strings written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock import settings
from interlock.errors import DatasetNotFound
from interlock.evaluate import timeml
from interlock.evaluate.timeml import PredTimex, parse_timeml, score_document

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2018-02-20" functionInDocument="CREATION_TIME">2018-02-20</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2018-02-16">Friday</TIMEX3> &amp; will vote in <TIMEX3 tid="t2" type="DATE" value="2018-05">May</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P3W">three weeks</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def doc() -> timeml.TimeMLDoc:
    return parse_timeml(DOC)


def test_reader_strips_tags_and_keeps_offsets(doc: timeml.TimeMLDoc) -> None:
    assert doc.doc_id == "TEST001"
    assert str(doc.dct) == "2018-02-20"
    assert "<" not in doc.text and "&amp;" not in doc.text and " & " in doc.text
    assert "2018-02-20" not in doc.text  # the DCT is not part of the text
    assert [(g.tid, g.type, g.value) for g in doc.timexes] == [
        ("t1", "DATE", "2018-02-16"), ("t2", "DATE", "2018-05"), ("t3", "DURATION", "P3W")]
    for g in doc.timexes:
        assert doc.text[g.start : g.end] == g.text
    assert [g.text for g in doc.timexes] == ["Friday", "May", "three weeks"]


def _pred(doc: timeml.TimeMLDoc, text: str, typ: str, value: str | None, shift: int = 0) -> PredTimex:
    at = doc.text.index(text) + shift
    return PredTimex(at, at + len(text), typ, value)


def test_perfect_predictions(doc: timeml.TimeMLDoc) -> None:
    preds = [PredTimex(g.start, g.end, g.type, g.value) for g in doc.timexes]
    s = score_document(preds, doc.timexes)
    assert s.strict.f1 == 1.0 and s.relaxed.f1 == 1.0
    assert s.value.f1 == 1.0 and s.type_accuracy == 1.0


def test_empty_predictions(doc: timeml.TimeMLDoc) -> None:
    s = score_document([], doc.timexes)
    assert s.relaxed.recall == 0.0 and s.value.f1 == 0.0 and s.relaxed.gold == 3
    assert s.value_accuracy == 0.0


def test_relaxed_match_and_value(doc: timeml.TimeMLDoc) -> None:
    # "in May" overlaps "May": relaxed but not strict; value right
    wide = PredTimex(doc.text.index("in May"), doc.text.index("in May") + 6, "DATE", "2018-05")
    wrong = _pred(doc, "Friday", "DATE", "2018-02-23")
    s = score_document([wide, wrong], doc.timexes)
    assert s.strict.tp == 1 and s.relaxed.tp == 2
    assert s.value_correct == 1
    assert s.value.precision == 0.5 and s.value.recall == pytest.approx(1 / 3)
    assert s.value.f1 == pytest.approx(0.4)


def test_duplicate_predictions_count_once(doc: timeml.TimeMLDoc) -> None:
    p = _pred(doc, "May", "DATE", "2018-05")
    s = score_document([p, p], doc.timexes)
    assert s.relaxed.tp == 1 and s.relaxed.predicted == 2
    assert s.value_correct == 1 and s.value.precision == 0.5


def test_spans_that_only_touch_do_not_match(doc: timeml.TimeMLDoc) -> None:
    g = doc.timexes[0]
    before = PredTimex(g.start - 3, g.start, "DATE", g.value)
    after = PredTimex(g.end, g.end + 2, "DATE", g.value)
    s = score_document([before, after], doc.timexes)
    assert s.relaxed.tp == 0 and s.value_correct == 0


def test_type_accuracy_over_relaxed_matches(doc: timeml.TimeMLDoc) -> None:
    p = _pred(doc, "three weeks", "DATE", "P3W")
    s = score_document([p], doc.timexes)
    assert s.type_accuracy == 0.0 and s.value_accuracy == 1.0


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound, match="timebank-aquaint"):
        timeml.evaluate(tmp_path)


def test_dateparser_peer_maps_offsets() -> None:
    from datetime import date

    text = "The vote was held on 5 March 2018 and results came on March 7, 2018."
    preds = timeml.dateparser_predict(text, date(2018, 3, 10))
    for p in preds:
        assert 0 <= p.start < p.end <= len(text)
    assert any(p.value == "2018-03-05" for p in preds)


@pytest.mark.slow
def test_evaluate_on_real_data_subset() -> None:
    data = settings.evaldata_dir()
    if not (data / "timebank-aquaint").is_dir():
        pytest.skip(f"TimeML data not found under {data} (../shared/evaldata is absent)")
    result = timeml.evaluate(data, limit=5)
    assert result.primary.startswith("timeml value F1 ours=")
    assert result.figures["documents"] == 5
    assert result.figures["ours"]["value"]["f1"] > 0.4
    assert "dateparser" in result.render()
