"""Bad input gives a result or a clear per-document error, never a crash of the batch."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlock.errors import BadInput
from interlock.extract.api import DocumentError, extract, extract_record, extract_records
from interlock.model import ExtractedDocument
from tests.helpers import check_document

ODD_TEXTS = {
    "empty": "",
    "whitespace": "   \n\t  \n",
    "binary": "\x00\x01\x02\xff\xfe garbage \x07\x1b[31m bytes \ufffd\ufffd",
    "no punctuation": "the minister said the vote would go ahead the council met in Basra on Monday " * 30,
    "odd quotes": 'He said "the vote is off. Then she said "no it is not. "And',
    "mixed quotes": "“We will win,\" Hamid Nouri said. 'Never, she replied.’ “Maybe\"",
    "non-English": "Der Minister sagte am Montag, dass die Wahl stattfindet. 选举将于五月举行。 قال الوزير إن الانتخابات ستجرى",
    "html": "<html><head><title>x</title></head><body><p>Hadi Saleh <b>said</b> on Monday: &quot;No.&quot;</p><script>var a=1;</script></body></html>",
    "only punctuation": "?!.,;:\"'“”«»—-",
    "one long word": "a" * 20000,
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gives_a_valid_result(name: str) -> None:
    text = ODD_TEXTS[name]
    doc = extract(text, published="2020-01-01", doc_id=name)
    check_document(doc, text)
    assert doc.errors == [], doc.errors


@pytest.mark.slow
def test_five_megabyte_text_is_a_clear_error_and_the_batch_goes_on() -> None:
    big = "The council met on Monday. " * 200_000  # about 5.4 MB
    records = [{"id": "small-1", "text": "Hadi Saleh met voters."}, {"id": "big", "text": big},
               {"id": "small-2", "text": "The vote was held."}]
    out = list(extract_records(records))
    assert [type(o).__name__ for o in out] == ["ExtractedDocument", "DocumentError", "ExtractedDocument"]
    err = out[1]
    assert isinstance(err, DocumentError) and err.id == "big"
    assert "characters" in err.error and "INTERLOCK_MAX_CHARS" in err.error


def test_bad_records_are_reported_in_order_and_the_rest_extracted() -> None:
    records: list[object] = [
        {"id": "ok", "text": "Samir Haddad, the governor of Nineveh, resigned."},
        {"id": "no-text"},
        {"id": "bad-date", "text": "x", "published": "yesterday"},
        "not an object",
        {"id": "number-text", "text": 42},
        {"id": "ok-2", "text": "The vote was held on Sunday.", "published": "2021-05-03"},
    ]
    out = list(extract_records(records))  # type: ignore[arg-type]
    kinds = [type(o).__name__ for o in out]
    assert kinds == ["ExtractedDocument", "DocumentError", "DocumentError", "DocumentError",
                     "DocumentError", "ExtractedDocument"]
    messages = [o.error for o in out if isinstance(o, DocumentError)]
    assert "'text' is missing" in messages[0] and "no-text" in messages[0]
    assert "not a YYYY-MM-DD date" in messages[1]
    assert "expected a JSON object" in messages[2]
    assert "'text' is missing or not a string" in messages[3]


def test_extract_record_raises_bad_input() -> None:
    with pytest.raises(BadInput, match="published"):
        extract_record({"id": "x", "text": "t", "published": 2020})


def test_same_text_same_ids() -> None:
    text = "Karim Saleh, the spokesman of the Badr Organization, met Hadi Nouri in Basra."
    a, b = extract(text, doc_id="d"), extract(text, doc_id="d")
    assert a.to_dict() == b.to_dict()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from([
                "Hadi al-Ameri", "the commander of the Badr Brigades", "said", "told Al Arabiya that",
                "“", "”", '"', "he", "his", "last week", "in May", ",", ".", "\n\n", "Source » x",
                "according to officials", "met with", "in Baghdad", "denied that", "if he accepts",
                "(PMU)", "Popular Mobilization Units", "Prime Minister", "al-", "Abu", "'s",
            ]),
        ),
        max_size=30,
    ),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_random_text_through_the_whole_pipeline(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    doc = extract(text, published=published, doc_id="h")
    assert isinstance(doc, ExtractedDocument)
    check_document(doc, text)
    assert doc.errors == [], doc.errors
