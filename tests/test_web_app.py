"""The web explorer through Starlette's test client: every page and its JSON twin (the same data as
the CLI's --json), the OpenAPI document, escaping of hostile article text, the security headers,
the access token, the anti-forgery token and the read-only refusal of edits."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from interlock.cli import cli  # noqa: E402
from interlock.web.app import create_app  # noqa: E402

KHAZRAJI = "Jawad al-Khazraji"


@pytest.fixture(scope="module")
def store_file(sample_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    shutil.copy(sample_store_file, path)
    return path


@pytest.fixture(scope="module")
def client(store_file: Path) -> TestClient:
    return TestClient(create_app(store_file))


def cli_json(store_file: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--db", str(store_file), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def key_of(client: TestClient, name: str) -> str:
    r = client.get("/search", params={"q": name}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return str(r.headers["location"]).removeprefix("/actors/")


def a_claim(client: TestClient, key: str) -> str:
    g = client.get("/api/graph", params={"actor": key}).json()
    return next(e["claim"] for e in g["edges"] if e["claim"])


def test_every_page_answers_with_csp_and_no_inline_script(client: TestClient) -> None:
    key = key_of(client, KHAZRAJI)
    claim = a_claim(client, key)
    doc = client.get(f"/api/actors/{key}").json()["ties"][0]["sources"][0]["document"]
    pages = ["/", "/search?q=Khazraji&list=1", f"/actors/{key}", f"/graph?actor={key}&hops=2", f"/claims/{claim}",
             f"/documents/{doc}", "/timeline?from=2027-02&to=2027-02", "/findings", "/outlets",
             f"/gantt?actor={key}&actor=Qasim+al-Sayyadi", "/views"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:500])
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        # scripts only as files of our own: no inline script, no event handler attribute, no other site
        assert not re.search(r"<script(?![^>]*\ssrc=\"/static/)", r.text), url
        assert not re.search(r"\son[a-z]+\s*=", r.text), url
        assert "http://" not in r.text.replace('xmlns="http://www.w3.org', "").replace(
            'xmlns:xlink="http://www.w3.org', ""), url


def test_api_twins_match_the_cli(client: TestClient, store_file: Path) -> None:
    key = key_of(client, KHAZRAJI)
    claim = a_claim(client, key)
    doc = client.get(f"/api/actors/{key}").json()["ties"][0]["sources"][0]["document"]
    assert client.get("/api/stats").json() == cli_json(store_file, "stats")
    assert client.get(f"/api/actors/{key}").json() == cli_json(store_file, "show", key)
    assert client.get(f"/api/timeline/{key}").json() == cli_json(store_file, "timeline", key)
    assert client.get("/api/graph", params={"actor": key, "hops": 2}).json() == cli_json(
        store_file, "graph", key, "--hops", "2")
    assert client.get(f"/api/claims/{claim}").json() == cli_json(store_file, "claim", claim)
    assert client.get(f"/api/documents/{doc}").json() == cli_json(store_file, "document", doc)
    assert client.get("/api/events", params={"from": "2027-02", "type": "meeting"}).json() == cli_json(
        store_file, "events", "--from", "2027-02", "--type", "meeting")
    assert client.get("/api/findings").json() == cli_json(store_file, "vet")
    assert client.get("/api/outlets").json() == cli_json(store_file, "outlets")
    assert client.get("/api/outlets/compare").json() == cli_json(store_file, "outlets", "compare")
    assert client.get("/api/alerts").json() == cli_json(store_file, "alerts")
    assert client.get("/api/search", params={"q": "Khazraji"}).json() == cli_json(store_file, "search", "Khazraji")
    assert client.get("/api/gantt", params=[("actor", key)]).json() == cli_json(store_file, "gantt", key)
    assert client.get("/api/views").json() == cli_json(store_file, "views")


def test_openapi_document_is_valid_and_lists_every_api_route(client: TestClient) -> None:
    from openapi_spec_validator import validate

    spec = client.get("/api/openapi.json").json()
    validate(spec)
    routes = {getattr(r, "path", "") for r in client.app.routes}  # type: ignore[attr-defined]
    api = {re.sub(r":path\}", "}", p) for p in routes if p.startswith("/api/") and p != "/api/openapi.json"}
    assert api == set(spec["paths"])


def test_misspelled_name_lands_on_the_actor_and_unknown_names_suggest(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Jawad Khazraji"})
    assert r.status_code == 200 and KHAZRAJI in r.text and 'id="actor-name"' in r.text
    r = client.get("/actors/Jawad%20Kazraji%20Zzz")
    assert r.status_code == 404 and "no actor named" in r.text
    r = client.get("/api/actors/nobody-at-all")
    assert r.status_code == 404 and r.json()["error"] == "not found"


def test_graph_filters_and_paging(client: TestClient) -> None:
    key = key_of(client, KHAZRAJI)
    everything = client.get("/api/graph", params={"actor": key, "hops": 2}).json()
    strict = client.get("/api/graph", params={"actor": key, "hops": 2, "min_grade": "B2"}).json()
    assert everything["edges"] and len(strict["edges"]) < len(everything["edges"])
    only = client.get("/api/graph", params=[("actor", key), ("predicate", "member_of")]).json()
    assert {e["predicate"] for e in only["edges"]} == {"member_of"}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in everything["nodes"])
    assert client.get("/api/graph", params={"actor": key, "hops": 7}).status_code == 400
    assert client.get("/api/graph", params={"actor": key, "min_grade": "Z9"}).status_code == 400
    assert client.get("/api/graph", params={"actor": key, "min_confidence": "lots"}).status_code == 400
    svg = client.get("/graph.svg", params={"actor": key})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "Sources:" in svg.text and "Drawn by Interlock on" in svg.text and 'class="edge"' in svg.text
    events = client.get("/api/events").json()
    assert len(events) > 50  # the sample corpus has more events than one page holds
    first, second = client.get("/timeline"), client.get("/timeline?page=2")
    assert "page 1 of 2" in first.text and "page 2 of 2" in second.text
    assert client.get("/timeline?page=9").status_code == 400
    assert len(client.get("/api/events", params={"offset": 5, "limit": 3}).json()) == 3


XSS_RECORDS = [
    {"id": "xss-1", "published": "2027-03-01", "outlet": "<img src=x onerror=alert('outlet')>",
     "title": "<script>alert('title')</script> Minister named",
     "url": "javascript:alert('url')",
     "text": "Interior Minister Karim al-Zubaidi <script>alert('text')</script> met Farouk Haddad in Varesh on "
             "Monday, the ministry said. <img src=x onerror=alert('img')> \"We agreed,\" al-Zubaidi said. "
             "<a href=\"javascript:alert('link')\">read more</a>"},
    {"id": "xss-2", "published": "2027-03-02", "outlet": "Wire",
     "title": "Commander <b onmouseover=alert(1)>named</b>",
     "text": "Hassan <svg onload=alert('svg')> Rawi, the commander of the Sumud Brigades, said on Tuesday that "
             "his men would not attend. Karim al-Zubaidi denied it."},
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    data = folder / "xss.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in XSS_RECORDS) + "\n", encoding="utf-8")
    db = folder / "xss.db"
    result = CliRunner().invoke(cli, ["ingest", str(data), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def assert_inert(html: str) -> None:
    """Nothing from the articles can run: no script element but our own files, no event handler
    attribute, no javascript: address."""
    assert not re.search(r"<script(?![^>]*\ssrc=\"/static/)", html, re.I)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I)
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", html, re.I)
    assert "<img" not in html and "<svg onload" not in html


def test_hostile_articles_come_out_inert(hostile: Path) -> None:
    client = TestClient(create_app(hostile))
    doc = client.get("/documents/xss-1")
    assert doc.status_code == 200
    assert "&lt;script&gt;alert(" in doc.text and "onerror=alert(" in doc.text  # shown as text, escaped
    assert_inert(doc.text)
    assert "javascript:alert(&#39;url&#39;)" in doc.text or "javascript:alert(&#x27;url&#x27;)" in doc.text
    pages = ["/", "/documents/xss-2", "/timeline", "/outlets", "/findings", "/search?q=alert&list=1",
             "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/actors/%3Cscript%3E"]
    for actor in client.get("/api/stats").json()["most_connected"]:
        pages += [f"/actors/{actor['key']}", f"/graph?actor={actor['key']}", f"/gantt?actor={actor['key']}"]
    for url in pages:
        r = client.get(url)
        assert r.status_code in (200, 404), (url, r.status_code)
        assert_inert(r.text)
    # JSON is served as JSON, never as a page a browser would render
    api = client.get("/api/documents/xss-1")
    assert api.headers["content-type"].startswith("application/json") and "<script>" in api.json()["text"]


def test_access_token_is_required(store_file: Path) -> None:
    client = TestClient(create_app(store_file, token="s3cret-token"))
    assert client.get("/").status_code == 401
    assert client.get("/api/stats").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong-token"}).status_code == 401
    assert client.get("/api/stats", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    r = client.get("/?token=s3cret-token", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/" and "httponly" in r.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200  # the cookie now carries it
    fresh = TestClient(create_app(store_file, token="s3cret-token"))
    assert fresh.get("/?token=guess", follow_redirects=False).status_code == 401


def test_loopback_server_answers_loopback_names_only(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no anti-forgery token in the page"
    return found.group(1)


def test_edits_are_refused_read_only_and_without_the_form_token(store_file: Path, tmp_path: Path) -> None:
    readonly = TestClient(create_app(store_file))
    key = key_of(readonly, KHAZRAJI)
    assert 'action="/edit/merge"' not in readonly.get(f"/actors/{key}").text
    r = readonly.post("/edit/merge", data={"a": key, "b": "Qasim al-Sayyadi", "csrf": "x"})
    assert r.status_code == 403 and "read-only" in r.text
    db = tmp_path / "edit.db"
    shutil.copy(store_file, db)
    app = create_app(db, allow_edits=True)
    client = TestClient(app)
    page = client.get(f"/actors/{key}").text
    token = _csrf(page)
    assert client.post("/edit/merge", data={"a": key, "b": "Qasim al-Sayyadi"}).status_code == 403
    assert client.post("/edit/merge", data={"a": key, "b": "Qasim al-Sayyadi", "csrf": "forged"}).status_code == 403
    r = client.post("/edit/merge", data={"a": key, "b": "Qasim al-Sayyadi", "csrf": token},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "another site" in r.text
    # nothing was judged
    assert cli_json(db, "show", key)["judgements"] == []


def test_edits_with_allow_edits_are_judgements_with_who_and_when(store_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "edit.db"
    shutil.copy(store_file, db)
    client = TestClient(create_app(db, allow_edits=True))
    key = key_of(client, KHAZRAJI)
    token = _csrf(client.get(f"/actors/{key}").text)
    before = client.get("/api/graph", params={"actor": key}).json()
    r = client.post("/edit/merge", data={"a": key, "b": "Qasim al-Sayyadi", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    merged = str(r.headers["location"]).removeprefix("/actors/")
    after = client.get("/api/graph", params={"actor": merged}).json()
    assert len(after["edges"]) > len(before["edges"])
    judged = cli_json(db, "show", merged)["judgements"]
    assert judged and judged[0]["kind"] == "merge" and judged[0]["who"].endswith("(web)") and judged[0]["at"]
    r = client.post("/edit/tag", data={"a": merged, "tag": "party", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    assert any(j["kind"] == "tag" for j in cli_json(db, "show", merged)["judgements"])
    r = client.post("/edit/save-view", data={"name": "Khazraji, 2 hops", "page": "graph",
                                             "query": f"actor={merged}&hops=2&csrf=leak", "csrf": token})
    assert r.status_code == 200 and "Khazraji, 2 hops" in r.text
    views = cli_json(db, "views")
    assert views[0]["name"] == "Khazraji, 2 hops" and "csrf" not in views[0]["query"]
    r = client.post("/edit/watch", data={"target": merged, "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    r = client.post("/edit/merge", data={"a": merged, "b": "Nobody Whatsoever Atall", "csrf": token})
    assert r.status_code == 400 and "no actor named" in r.text


def test_serve_refuses_an_open_address_without_a_token(store_file: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--db", str(store_file), "--host", "0.0.0.0"])
    assert r.exit_code != 0 and "without --token" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no store at" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(store_file), "--host", "0.0.0.0", "--token", "short"])
    assert r.exit_code != 0 and "at least 8" in r.output


def test_timeline_of_one_actor_has_its_post_changes_and_search_lists_claims(client: TestClient) -> None:
    key = key_of(client, KHAZRAJI)
    r = client.get("/timeline", params={"actor": key})
    assert r.status_code == 200 and "holds_position" in r.text and "member_of" in r.text
    march = client.get("/timeline", params={"actor": key, "from": "2027-03", "to": "2027-03"}).text
    assert march.count("<tr>") < r.text.count("<tr>")
    found = client.get("/search", params={"q": "commander"})
    assert found.status_code == 200 and "Claims in these documents" in found.text and 'href="/claims/' in found.text


def test_interlock_serve_answers_on_loopback(store_file: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "interlock.cli", "serve", "--db", str(store_file),
                               "--port", str(port)], stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=30, trust_env=False)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json() == cli_json(store_file, "stats")
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert httpx.post(f"http://127.0.0.1:{port}/edit/merge", data={"a": "x", "b": "y"},
                          trust_env=False).status_code == 403
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "read-only" in err and "Traceback" not in err
