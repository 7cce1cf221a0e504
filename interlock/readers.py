"""Readers: files and streams to input records ``{"id", "text", "title", "published", "outlet", "url"}``.

JSON lines (and JSON arrays), plain text, HTML pages (main text and metadata
through trafilatura) and RSS/Atom feeds (feedparser). A reader yields records
and, for input it cannot read, a ``BadInput`` naming the file (and line or
entry) and the problem, so that the rest of a batch goes on.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from interlock import jsonlines
from interlock.errors import BadInput
from interlock.model import stable_id

HTML_ENDINGS = (".html", ".htm")
FEED_ENDINGS = (".rss", ".atom", ".xml")
#: every file ending a reader is chosen for
READABLE = (".jsonl", ".ndjson", ".json", ".txt", *HTML_ENDINGS, *FEED_ENDINGS)


#: the most a fetched page or feed may weigh
MAX_FETCH_BYTES = 5_000_000
FETCH_TIMEOUT = 20.0


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def read_path(
    path: str, published: str | None = None, outlet: str | None = None, allow_private: bool = False
) -> Iterator[dict[str, Any] | BadInput]:
    """Records from one path or URL, the reader chosen by its ending (``-`` is stdin)."""
    if is_url(path):
        yield from read_url(path, published, outlet, allow_private)
        return
    suffix = Path(path).suffix.lower()
    if suffix in HTML_ENDINGS:
        yield from read_html(path, published, outlet)
    elif suffix in FEED_ENDINGS:
        yield from read_feed(path, published, outlet)
    else:
        yield from read_records(path, published, outlet)


def _read_bytes(path: str) -> tuple[bytes, str] | BadInput:
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    try:
        return Path(path).read_bytes(), str(path)
    except OSError as exc:
        return BadInput(path, f"cannot be read: {exc.strerror or exc}")


def _decode(data: bytes, name: str) -> str | BadInput:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadInput(name, f"is not UTF-8 text (byte {exc.start}): convert it to UTF-8 first")
    return text[1:] if text.startswith("\ufeff") else text


def read_records(
    path: str, published: str | None = None, outlet: str | None = None
) -> Iterator[dict[str, Any] | BadInput]:
    """Records from a JSON lines file, a JSON array, a .txt file, or stdin ("-").

    A .txt file (or plain text on stdin) is one document whose id is the file name.
    Lines that are not valid JSON objects come back as ``BadInput`` so the batch goes on.
    """
    raw = _read_bytes(path)
    if isinstance(raw, BadInput):
        yield raw
        return
    data, name = raw
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not head:
        yield BadInput(name, "is empty")
        return
    is_json = name.endswith((".jsonl", ".ndjson", ".json")) or (name == "<stdin>" and head in (b"{", b"["))
    if is_json and head != b"[":
        # JSON lines: split on \n only and decode each line on its own (see interlock.jsonlines)
        for n, line in jsonlines.lines(data, name):
            if isinstance(line, BadInput):
                yield line
                continue
            record = jsonlines.loads(line, f"{name} line {n}")
            if isinstance(record, BadInput):
                yield record
                continue
            yield _record(record, f"{name} line {n}", f"{Path(name).stem}-{n}", published, outlet)
        return
    text = _decode(data, name)
    if isinstance(text, BadInput):
        yield text
        return
    if not is_json:
        title, dated = _heading(text)
        record = {"id": Path(name).stem if name != "<stdin>" else None, "text": text,
                  "published": published or dated, "outlet": outlet}
        if title:
            record["title"] = title
        problem = jsonlines.text_problem(text)
        if problem:
            yield BadInput(name, problem)
            return
        yield record
        return
    yield from _json_array(text, name, published, outlet)


_MONTH_NAMES = "january february march april may june july august september october november december".split()
#: months by name and by abbreviation ("March", "Mar", "Sept")
_MONTHS = {**{m: i for i, m in enumerate(_MONTH_NAMES, 1)}, **{m[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)},
           "sept": 9}
_DATE_LINE = re.compile(
    r"^\s*(?:(\d{4})-(\d{2})-(\d{2})|([A-Za-z]+)\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]+)\.? (\d{4}))\s*$"
)


def _heading(text: str) -> tuple[str | None, str | None]:
    """A plain-text article's title and date when it opens with them ("Title", "2027-03-06", "")."""
    lines = text.lstrip().split("\n", 3)[:3]
    for n, line in enumerate(lines):
        m = _DATE_LINE.match(line)
        if not m:
            continue
        try:
            if m.group(1):
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif m.group(4):
                day = date(int(m.group(6)), _MONTHS[m.group(4).lower()], int(m.group(5)))
            else:
                day = date(int(m.group(9)), _MONTHS[m.group(8).lower()], int(m.group(7)))
        except (KeyError, ValueError):
            return None, None
        title = lines[0].strip() if n == 1 and len(lines[0]) < 200 else None
        return title, day.isoformat()
    return None, None


def _json_array(text: str, name: str, published: str | None, outlet: str | None) -> Iterator[dict[str, Any] | BadInput]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadInput(name, f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield BadInput(name, "is JSON nested too deeply to read")
        return
    if not isinstance(items, list):
        yield BadInput(name, f"is a JSON {type(items).__name__}, not an array of records")
        return
    for n, item in enumerate(items, start=1):
        yield _record(item, f"{name} item {n}", f"{Path(name).stem}-{n}", published, outlet)


def _record(
    record: Any, where: str, default_id: str, published: str | None, outlet: str | None
) -> dict[str, Any] | BadInput:
    if not isinstance(record, dict):
        return BadInput(where, f"is a JSON {type(record).__name__}, not an object")
    problem = jsonlines.surrogate_problem(record) or jsonlines.text_problem(record.get("text"))
    if problem:
        return BadInput(where, problem)
    if published and not record.get("published"):
        record["published"] = published
    if outlet and not record.get("outlet"):
        record["outlet"] = outlet
    record.setdefault("id", default_id)
    return record


_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|date|pubdate|dc\.date)["'][^>]*content=["'](\d{4}-\d{2}-\d{2})""",
    re.IGNORECASE,
)


def read_html(path: str, published: str | None = None, outlet: str | None = None) -> Iterator[dict[str, Any] | BadInput]:
    """One record from an HTML page: its main text, title, author, date, site and canonical URL."""
    import trafilatura

    raw = _read_bytes(path)
    if isinstance(raw, BadInput):
        yield raw
        return
    data, name = raw
    html = data.decode("utf-8", errors="replace")
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 - a broken page is a bad input, not a crash
        yield BadInput(name, f"is not a readable HTML page ({type(exc).__name__}: {exc})")
        return
    meta: dict[str, Any] = {}
    if isinstance(found, dict):
        meta = found
    elif found is not None:
        meta = found.as_dict()
    text = (meta.get("text") or "").strip()
    if not text:
        yield BadInput(name, "is an HTML page with no article text in it")
        return
    # the page's own metadata first: an extractor's guessed date can be far off
    page_date = _META_DATE.search(html)
    when = published or (page_date.group(1) if page_date else None) or _iso_date(meta.get("date"))
    yield {
        "id": Path(name).stem if name != "<stdin>" else stable_id("doc", text),
        "text": text,
        "title": meta.get("title"),
        "published": when,
        "outlet": outlet or meta.get("sitename") or meta.get("hostname"),
        "url": meta.get("url"),
        "author": meta.get("author"),
    }


def read_feed(path: str, published: str | None = None, outlet: str | None = None) -> Iterator[dict[str, Any] | BadInput]:
    """One record per RSS or Atom entry, with its full content where the feed carries it."""
    import feedparser

    raw = _read_bytes(path)
    if isinstance(raw, BadInput):
        yield raw
        return
    data, name = raw
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f"is not a readable feed ({feed.bozo_exception})" if feed.bozo else "is a feed with no entries"
        yield BadInput(name, problem)
        return
    source = outlet or feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        text = _html_to_text(body or "")
        if not text:
            yield BadInput(f"{name} entry {n}", "has no text")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        when = published or (date(*parsed[:3]).isoformat() if parsed else None)
        key = entry.get("id") or entry.get("link") or f"{name}-{n}"
        yield {
            "id": stable_id("feed", key),
            "text": text,
            "title": entry.get("title"),
            "published": when,
            "outlet": source,
            "url": entry.get("link"),
        }


def _html_to_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (a feed entry's content)."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # noqa: BLE001 - unparseable markup: fall back to stripping tags
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _iso_date(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def check_address(url: str, allow_private: bool = False) -> str | None:
    """Why a URL must not be fetched (malformed, another scheme, a loopback, private,
    link-local or shared host), or None."""
    from interlock.fetch import FetchError, parse, resolve

    try:
        _scheme, host, port, _target = parse(url)
        resolve(host, port, allow_private)
    except FetchError as exc:
        return str(exc)
    return None


def read_url(
    url: str, published: str | None = None, outlet: str | None = None, allow_private: bool = False
) -> Iterator[dict[str, Any] | BadInput]:
    """Records from a web page or feed, fetched with checked redirects, a deadline and a size cap."""
    import tempfile

    from interlock.fetch import FetchError, fetch

    try:
        fetched = fetch(url, allow_private=allow_private, max_bytes=MAX_FETCH_BYTES, read_timeout=FETCH_TIMEOUT)
    except FetchError as exc:
        yield BadInput(url, str(exc))
        return
    data, kind = fetched.data, fetched.content_type
    is_feed = any(k in kind for k in ("rss", "atom", "xml")) or url.lower().endswith(FEED_ENDINGS)
    suffix = ".xml" if is_feed else ".html"
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / f"fetched{suffix}"
        local.write_bytes(data)
        for item in (read_feed if is_feed else read_html)(str(local), published, outlet):
            if isinstance(item, BadInput):
                yield BadInput(url, item.problem)
                continue
            item.setdefault("url", url)
            if not item.get("url"):
                item["url"] = url
            if not is_feed:
                item["id"] = stable_id("url", url)
            yield item
