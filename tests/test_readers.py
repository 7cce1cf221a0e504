"""Readers: JSON lines and arrays, text, HTML pages and feeds, and what they refuse."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from interlock.errors import BadInput
from interlock.readers import read_path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"

PAGE = """<!doctype html><html><head><title>Vote delayed | River Post</title>
<meta property="og:site_name" content="River Post">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://riverpost.example/vote-delayed"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Vote delayed</h1>
<p>The electoral commission in Basra said on Wednesday that the provincial vote would be delayed by two weeks.</p>
<p>Commission spokesman Hadi Nouri told reporters that ballots had not arrived from the printer in time.</p>
<p>Opposition parties said the delay favoured the governing alliance, which denied the charge.</p>
</article><footer>Copyright River Post</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>River Post</title>
<item><title>One</title><link>https://riverpost.example/one</link><pubDate>Thu, 02 May 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The council met on Thursday and approved the budget.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://riverpost.example/two</link></item>
</channel></rss>"""


def test_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "vote-delayed.html"
    page.write_text(PAGE, encoding="utf-8")
    [record] = list(read_path(str(page)))
    assert isinstance(record, dict)
    assert "ballots had not arrived" in record["text"] and "Copyright" not in record["text"]
    assert record["published"] == "2024-05-02"
    assert record["outlet"] == "River Post"
    assert record["url"] == "https://riverpost.example/vote-delayed"


def test_truncated_or_empty_html_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "cut.html"
    page.write_text("<html><head><title>x</title></head><body><div>", encoding="utf-8")
    [item] = list(read_path(str(page)))
    assert isinstance(item, BadInput) and "cut.html" in str(item) and "no article text" in str(item)


def test_feed_entries_become_records_and_broken_ones_are_named(tmp_path: Path) -> None:
    feed = tmp_path / "river.xml"
    feed.write_text(FEED, encoding="utf-8")
    items = list(read_path(str(feed)))
    assert isinstance(items[0], dict)
    assert items[0]["text"] == "The council met on Thursday and approved the budget."
    assert items[0]["published"] == "2024-05-02" and items[0]["outlet"] == "River Post"
    assert isinstance(items[1], BadInput) and "river.xml entry 2" in str(items[1])


def test_not_a_feed_is_a_clear_error(tmp_path: Path) -> None:
    feed = tmp_path / "junk.xml"
    feed.write_text("this is not xml at all", encoding="utf-8")
    [item] = list(read_path(str(feed)))
    assert isinstance(item, BadInput) and "junk.xml" in str(item)


def test_json_array_and_its_bad_items(tmp_path: Path) -> None:
    src = tmp_path / "docs.json"
    src.write_text('[{"id": "a", "text": "One."}, 3, {"text": "Two."}]', encoding="utf-8")
    items = list(read_path(str(src)))
    assert items[0] == {"id": "a", "text": "One."}
    assert isinstance(items[1], BadInput) and "docs.json item 2" in str(items[1])
    assert isinstance(items[2], dict) and items[2]["id"] == "docs-3"


def test_corpus_files_of_every_kind_read() -> None:
    kinds = {
        "html": next((CORPUS / "html").glob("*.html")),
        "text": next((CORPUS / "text").glob("*.txt")),
        "feed": next((CORPUS / "feeds").glob("*.xml")),
    }
    for kind, path in kinds.items():
        items = list(read_path(str(path)))
        assert items and all(isinstance(i, dict) and i["text"] for i in items), kind


def test_a_text_file_opening_with_title_and_date_lines_gives_them(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Council approves budget\nMarch 6, 2027\n\nThe council approved the budget on Friday.\n", "utf-8")
    (record,) = list(read_path(str(article)))
    assert isinstance(record, dict)
    assert record["published"] == "2027-03-06" and record["title"] == "Council approves budget"
    assert record["text"].startswith("Council approves budget"), "the text is kept whole: offsets stay true"
    plain = tmp_path / "plain.txt"
    plain.write_text("The council approved the budget on Friday, March 6, 2027.\n", "utf-8")
    (other,) = list(read_path(str(plain), published="2027-03-07"))
    assert isinstance(other, dict) and other["published"] == "2027-03-07" and "title" not in other


@given(st.text(max_size=200))
def test_any_opening_lines_give_a_valid_date_or_none(text: str) -> None:
    from interlock.readers import _heading

    title, day = _heading(text)
    assert day is None or (len(day) == 10 and day[4] == "-" and day[7] == "-")
