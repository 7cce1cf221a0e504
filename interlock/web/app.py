"""The explorer's pages and their JSON twins: each a view of the library function the matching CLI
command prints (``show``, ``graph``, ``claim``, ``document``, ``events``, ``vet``, ``outlets``, ...).

``create_app(path)`` gives a Starlette application over one store; ``interlock serve`` runs it.
Pages are server-rendered Jinja2 templates with autoescaping; the graph's filters redraw it with
our own script fetching ``/api/graph``. Edits (merge, same/never, split, tag, watch, saving a
view) need ``allow_edits``, a form token and a same-site origin; each is logged with who and when.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from interlock import query, records, saved_views
from interlock.credibility import outlets as registry
from interlock.credibility.compare import compare
from interlock.errors import InterlockError
from interlock.network import graph as build_graph
from interlock.store import SQLiteStore
from interlock.web import draw, is_loopback
from interlock.web.openapi import document as openapi_document
from interlock.web.security import Guard, check_csrf, new_secret
from interlock.web.state import State

#: rows per page of a long list
PAGE_SIZE = 50
HERE = Path(__file__).parent


class BadRequest(InterlockError):
    "A request the explorer cannot answer as asked"


def _env() -> Environment:
    env = Environment(loader=PackageLoader("interlock.web", "templates"),
                      autoescape=select_autoescape(["html", "svg", "xml"], default=True))
    env.globals["draw"] = draw
    env.filters["q"] = lambda pairs: urlencode(pairs)
    return env


class Explorer:
    """The application's handlers over one ``State``."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.env = _env()
        self.csrf = new_secret()

    # -- plumbing ------------------------------------------------------------------------------

    def store(self, request: Request, every_statement: bool = False) -> SQLiteStore:
        """The store, reading at the request's ``min_confidence`` (else the setting's); with
        ``every_statement``, all of them (as the CLI commands without --min-confidence read)."""
        if every_statement:
            return self.state.store(0.0)
        raw = request.query_params.get("min_confidence")
        value = self.state.default_confidence
        if raw not in (None, ""):
            try:
                value = float(raw)
            except ValueError:
                raise BadRequest(f"min_confidence {raw!r} is not a number from 0 to 1") from None
            if not 0.0 <= value <= 1.0:
                raise BadRequest(f"min_confidence {raw!r} is not a number from 0 to 1")
        return self.state.store(value)

    def page(self, request: Request, template: str, status: int = 200, **data: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(
            request=request, edits=self.state.allow_edits, csrf=self.csrf, path=request.url.path, **data)
        return HTMLResponse(html, status_code=status)

    def guarded(self, fn: Callable[[Request], Response], api: bool) -> Callable[[Request], Response]:
        """``fn`` with the library's errors as a clear page or JSON error, never a traceback."""

        def handler(request: Request) -> Response:
            try:
                return fn(request)
            except query.Ambiguous as exc:
                if api:
                    return JSONResponse({"error": "ambiguous", "name": exc.name, "candidates": exc.candidates},
                                        status_code=409)
                return self.page(request, "error.html", 409, message=str(exc).split(":")[0],
                                 candidates=exc.candidates)
            except (query.NotFound, records.NoClaim, records.NoDocument, saved_views.BadView) as exc:
                suggestions = getattr(exc, "suggestions", [])
                if api:
                    return JSONResponse({"error": "not found", "message": str(exc), "suggestions": suggestions},
                                        status_code=404)
                return self.page(request, "error.html", 404, message=str(exc), candidates=suggestions)
            except InterlockError as exc:
                if api:
                    return JSONResponse({"error": "bad request", "message": str(exc)}, status_code=400)
                return self.page(request, "error.html", 400, message=str(exc), candidates=[])

        return handler

    @staticmethod
    def number(request: Request, name: str, default: int, lo: int, hi: int) -> int:
        raw = request.query_params.get(name)
        if raw in (None, ""):
            return default
        try:
            value = int(str(raw))
        except ValueError:
            raise BadRequest(f"{name} {raw!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise BadRequest(f"{name} must be from {lo} to {hi}, not {value}")
        return value

    def paginate(self, request: Request, items: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        """One page of a long list, and what the pager needs."""
        pages = max(1, -(-len(items) // PAGE_SIZE))
        n = self.number(request, "page", 1, 1, pages)
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        return items[(n - 1) * PAGE_SIZE: n * PAGE_SIZE], {
            "page": n, "pages": pages, "total": len(items), "base": rest}

    @staticmethod
    def sliced(request: Request, items: list[Any]) -> list[Any]:
        """An API list cut by ``offset`` and ``limit`` when given (the whole list, as the CLI prints, else)."""
        offset = Explorer.number(request, "offset", 0, 0, 10**9)
        limit = Explorer.number(request, "limit", 0, 0, 10**6)
        return items[offset: offset + limit] if limit else items[offset:]

    @staticmethod
    def text(request: Request, name: str) -> str | None:
        value = request.query_params.get(name)
        return value.strip() if value and value.strip() else None

    # -- data shared by a page and its twin ----------------------------------------------------

    def graph_data(self, request: Request) -> dict[str, Any]:
        store = self.store(request)
        actor = self.text(request, "actor")
        if actor is None:
            raise BadRequest("give an actor (?actor=a name or id)")
        return build_graph(store, actor, self.number(request, "hops", 1, 1, 3), self.text(request, "min_grade"),
                           request.query_params.getlist("predicate"), self.text(request, "from"),
                           self.text(request, "to"), kinds=self.state.kinds(store))

    def events_data(self, request: Request) -> list[dict[str, Any]]:
        return records.graded_events(self.store(request), self.text(request, "from"), self.text(request, "to"),
                                     self.text(request, "type"), self.text(request, "actor"),
                                     self.text(request, "min_grade"))

    def findings_data(self, request: Request) -> list[dict[str, Any]]:
        from interlock.credibility.grades import meets
        from interlock.credibility.grades import parse as parse_grade

        store = self.store(request)
        found = self.state.findings(store, store.min_confidence)
        floor = self.text(request, "min_grade")
        rule = self.text(request, "rule")
        if floor:
            parse_grade(floor)
        return [f for f in found if (not floor or meets(f["grade"], floor)) and (not rule or f["rule"] == rule)]

    def warm(self) -> None:
        """Compute the whole-store answers the home page needs (counts, most connected, findings),
        so that the first visitor of a large store does not wait for them; run in a thread."""
        try:
            every = self.state.store(0.0)
            self.state.cached(("stats",), lambda: query.stats(every))
            store = self.state.store(self.state.default_confidence)
            self.state.cached(("most_connected", store.min_confidence),
                              lambda: query.most_connected(store, limit=12))
            self.state.findings(store, store.min_confidence)
        except Exception:  # noqa: BLE001 - the pages compute it again on demand and say what is wrong
            return

    # -- pages ---------------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        from interlock.vet.alerts import list_alerts

        every = self.store(request, every_statement=True)
        counts = self.state.cached(("stats",), lambda: query.stats(every))
        store = self.store(request)
        alerts = list_alerts(store)[-10:][::-1]
        findings = self.findings_data(request)[:10]
        top = self.state.cached(("most_connected", store.min_confidence), lambda: query.most_connected(store, limit=12))
        return self.page(request, "home.html", stats=counts, alerts=alerts, findings=findings, top=top,
                         views=saved_views.listing(store))

    def api_stats(self, request: Request) -> Response:
        return JSONResponse(query.stats(self.store(request, every_statement=True)))

    def search(self, request: Request) -> Response:
        store = self.store(request)
        q = self.text(request, "q")
        if q is None:
            return self.page(request, "search.html", q="", found=None, suggestions=[], candidates=[], claims=[])
        keys = query.lookup(store, q)
        if len(keys) == 1 and request.query_params.get("list") is None:
            return RedirectResponse(f"/actors/{keys[0]}", status_code=303)
        found = query.search(store, q, 50)
        candidates = query.candidates(store, keys[:20]) if len(keys) > 1 else []
        suggestions = query.suggest(store, q) if not keys else []
        claims = records.claims_in(store, [d["id"] for d in found["documents"]])
        return self.page(request, "search.html", q=q, found=found, suggestions=suggestions, candidates=candidates,
                         claims=claims)

    def api_search(self, request: Request) -> Response:
        q = self.text(request, "q")
        if q is None:
            raise BadRequest("give a search (?q=...)")
        return JSONResponse(query.search(self.store(request), q, self.number(request, "limit", 20, 1, 500),
                                         self.text(request, "from"), self.text(request, "to")))

    def actor(self, request: Request) -> Response:
        store = self.store(request)
        key = request.path_params["key"]
        profile = query.show(store, key, self.text(request, "min_grade"))
        posts = records.posts_of(profile)
        findings = [f for f in self.findings_data(request) if any(e["actor"] == profile["key"] for e in f["entities"])]
        by_predicate: dict[str, list[dict[str, Any]]] = {}
        for tie in profile["ties"]:
            by_predicate.setdefault(tie["predicate"], []).append(tie)
        documents = sorted({s["document"] for t in profile["ties"] for s in t["sources"]})
        return self.page(request, "actor.html", p=profile, posts=posts, findings=findings, by_predicate=by_predicate,
                         documents=documents, posts_svg=draw.bars_svg([posts], lambda c: f"/claims/{c}"))

    def api_actor(self, request: Request) -> Response:
        return JSONResponse(query.show(self.store(request), request.path_params["key"], self.text(request, "min_grade")))

    def api_timeline(self, request: Request) -> Response:
        return JSONResponse(query.timeline(self.store(request), request.path_params["key"],
                                           self.text(request, "min_grade")))

    def graph(self, request: Request) -> Response:
        store = self.store(request)
        g = self.graph_data(request)
        from interlock.vocab import load_predicates

        state = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page",)]
        return self.page(request, "graph.html", g=g, svg=draw.graph_svg(g, self.linker(request)),
                         predicates=list(load_predicates()), state=state, caption=g["caption"],
                         views=saved_views.listing(store))

    def linker(self, request: Request) -> Callable[[str, dict[str, Any]], str]:
        keep = [(k, v) for k, v in request.query_params.multi_items() if k != "actor"]

        def link(kind: str, item: dict[str, Any]) -> str:
            if kind == "node":
                return "/graph?" + urlencode([("actor", item["key"]), *keep])
            return f"/claims/{item['claim']}" if item["claim"] else f"/documents/{item['document']}"

        return link

    def api_graph(self, request: Request) -> Response:
        return JSONResponse(self.graph_data(request))

    def graph_svg(self, request: Request) -> Response:
        g = self.graph_data(request)
        svg = draw.graph_svg(g, self.linker(request), caption=g["caption"])
        name = "".join(ch if ch.isalnum() else "-" for ch in g["name"])[:60]
        return Response('<?xml version="1.0" encoding="UTF-8"?>\n' + str(svg), media_type="image/svg+xml",
                        headers={"Content-Disposition": f'inline; filename="interlock-{name}.svg"'})

    def claim(self, request: Request) -> Response:
        c = records.claim(self.store(request), request.path_params["claim_id"])
        return self.page(request, "claim.html", c=c)

    def api_claim(self, request: Request) -> Response:
        return JSONResponse(records.claim(self.store(request), request.path_params["claim_id"]))

    def document(self, request: Request) -> Response:
        d = records.document(self.store(request), request.path_params["doc_id"])
        url = d["url"] if d["url"] and str(d["url"]).lower().startswith(("http://", "https://")) else None
        return self.page(request, "document.html", d=d, text=draw.highlight(d), safe_url=url)

    def api_document(self, request: Request) -> Response:
        return JSONResponse(records.document(self.store(request), request.path_params["doc_id"]))

    def timeline(self, request: Request) -> Response:
        actor = self.text(request, "actor")
        if actor is not None:  # one actor: its post changes too (`interlock timeline`)
            data = records.actor_timeline(self.store(request), actor, self.text(request, "from"),
                                          self.text(request, "to"), self.text(request, "type"),
                                          self.text(request, "min_grade"))
        else:
            data = self.events_data(request)
        items, pager = self.paginate(request, data)
        return self.page(request, "timeline.html", events=items, pager=pager, types=query.EVENT_TYPES,
                         f={k: self.text(request, k) or "" for k in ("from", "to", "type", "actor", "min_grade")})

    def api_events(self, request: Request) -> Response:
        return JSONResponse(self.sliced(request, self.events_data(request)))

    def findings(self, request: Request) -> Response:
        items, pager = self.paginate(request, self.findings_data(request))
        return self.page(request, "findings.html", findings=items, pager=pager,
                         f={k: self.text(request, k) or "" for k in ("min_grade", "rule")})

    def api_findings(self, request: Request) -> Response:
        return JSONResponse(self.sliced(request, self.findings_data(request)))

    def outlets(self, request: Request) -> Response:
        store = self.store(request, every_statement=True)
        rows, pager = self.paginate(request, registry.listing(store))
        record = {o["outlet"]: o for o in self.state.cached(("compare",), lambda: compare(store))["outlets"]}
        return self.page(request, "outlets.html", outlets=rows, record=record, pager=pager)

    def api_outlets(self, request: Request) -> Response:
        return JSONResponse(self.sliced(request, registry.listing(self.store(request, every_statement=True))))

    def api_compare(self, request: Request) -> Response:
        a, b = self.text(request, "a"), self.text(request, "b")
        if (a is None) != (b is None):
            raise BadRequest("give two outlets (?a=...&b=...), or none for every pair")
        store = self.store(request, every_statement=True)
        return JSONResponse(compare(store, a, b) if a and b else compare(store))

    def api_alerts(self, request: Request) -> Response:
        from interlock.vet.alerts import list_alerts

        return JSONResponse(self.sliced(request, list_alerts(self.store(request, every_statement=True), self.text(request, "since"),
                                                             self.text(request, "published_since"))))

    def gantt(self, request: Request) -> Response:
        names = [n for n in request.query_params.getlist("actor") if n.strip()]
        rows = records.gantt(self.store(request), names, self.text(request, "min_grade")) if names else []
        return self.page(request, "gantt.html", rows=rows, names=names,
                         svg=draw.bars_svg(rows, lambda c: f"/claims/{c}") if rows else None)

    def api_gantt(self, request: Request) -> Response:
        names = [n for n in request.query_params.getlist("actor") if n.strip()]
        return JSONResponse(records.gantt(self.store(request), names, self.text(request, "min_grade")))

    def views(self, request: Request) -> Response:
        return self.page(request, "views.html", views=saved_views.listing(self.store(request)))

    def api_views(self, request: Request) -> Response:
        return JSONResponse(saved_views.listing(self.store(request)))

    def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_document())

    # -- edits ---------------------------------------------------------------------------------

    async def edit(self, request: Request) -> Response:
        """One edit from a form: refused unless edits are allowed and the form is ours."""
        from starlette.concurrency import run_in_threadpool

        form = await request.form()
        fields = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
        if not self.state.allow_edits:
            return self.page(request, "error.html", 403, candidates=[],
                             message="this explorer is read-only: start it with `interlock serve --allow-edits` to edit")
        why = check_csrf(request, fields.get("csrf"), self.csrf)
        if why is not None:
            return self.page(request, "error.html", 403, message=why, candidates=[])
        action = request.path_params["action"]
        try:
            target = await run_in_threadpool(self._apply, action, fields)
        except InterlockError as exc:
            return self.page(request, "error.html", 400, message=str(exc), candidates=[])
        return RedirectResponse(target, status_code=303)

    def _apply(self, action: str, f: dict[str, str]) -> str:
        from interlock.refresh import refresh
        from interlock.resolve import judgements
        from interlock.vet.alerts import add_watch
        from interlock.vet.tags import add_tag

        store = self.state.store(self.state.default_confidence)
        who = f"{judgements.analyst()} (web)"
        note = f.get("note") or None

        def need(*names: str) -> list[str]:
            missing = [n for n in names if not f.get(n)]
            if missing:
                raise BadRequest(f"the form needs {', '.join(missing)}")
            return [f[n] for n in names]

        back = "/"
        if action in ("merge", "never"):
            a, b = need("a", "b")
            ka = query.find_actor(store, a)
            f["a"] = query.actor_summary(store, ka)["name"]  # ids change with resolution: come back by name
            if action == "merge":
                judgements.merge(store, a, b, who, note)
            else:
                judgements.never(store, a, b, who, note)
            back = f"/actors/{ka}"
        elif action == "split":
            name, doc = need("a", "document")
            key = query.find_actor(store, name)
            f["a"] = query.actor_summary(store, key)["name"]
            judgements.split(store, key, [doc], who, note)
            back = "/"
        elif action == "tag":
            name, tag = need("a", "tag")
            f["a"] = query.actor_summary(store, query.find_actor(store, name))["name"]
            add_tag(store, name, tag, remove=f.get("remove") == "1", who=who, note=note)
        elif action == "watch":
            (target,) = need("target")
            add_watch(store, target, who)
            return "/"
        elif action == "save-view":
            name, page = need("name", "page")
            saved_views.save(store, name, page, f.get("query", ""), who)
            self.state.edited()
            return "/views"
        else:
            raise BadRequest(f"no edit {action!r}")
        refresh(store)  # resolve and grade again so that the pages show it at once
        self.state.edited()
        if action in ("merge", "never", "split", "tag"):
            try:
                back = f"/actors/{query.find_actor(store, f['a'])}"
            except InterlockError:
                back = "/"
        return back


def create_app(path: str | Path, allow_edits: bool = False, token: str | None = None,
               host: str = "127.0.0.1") -> Starlette:
    """The explorer over the store at ``path``: read-only unless ``allow_edits``; with ``token``,
    every request must carry it; on a loopback ``host``, requests must name a loopback host."""
    state = State(Path(path), allow_edits, token)
    ex = Explorer(state)

    #: the pages, then the JSON answers under /api/ (most the twin of a page of the same path)
    pages = {"/": ex.home, "/search": ex.search, "/actors/{key:path}": ex.actor, "/graph": ex.graph,
             "/graph.svg": ex.graph_svg, "/claims/{claim_id}": ex.claim, "/documents/{doc_id:path}": ex.document,
             "/timeline": ex.timeline, "/findings": ex.findings, "/outlets": ex.outlets, "/gantt": ex.gantt,
             "/views": ex.views}
    answers = {"/stats": ex.api_stats, "/search": ex.api_search, "/actors/{key:path}": ex.api_actor,
               "/timeline/{key:path}": ex.api_timeline, "/graph": ex.api_graph, "/claims/{claim_id}": ex.api_claim,
               "/documents/{doc_id:path}": ex.api_document, "/events": ex.api_events,
               "/findings": ex.api_findings, "/outlets": ex.api_outlets, "/outlets/compare": ex.api_compare,
               "/alerts": ex.api_alerts, "/gantt": ex.api_gantt, "/views": ex.api_views}
    routes = [
        *(Route(path, ex.guarded(fn, api=False)) for path, fn in pages.items()),
        Route("/edit/{action}", ex.edit, methods=["POST"]),
        *(Route(f"/api{path}", ex.guarded(fn, api=True)) for path, fn in answers.items()),
        Route("/api/openapi.json", ex.openapi),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    guard = Guard(token, check_host=is_loopback(host))
    app = Starlette(routes=routes, middleware=[Middleware(BaseHTTPMiddleware, dispatch=guard)])
    app.state.explorer = ex
    return app

