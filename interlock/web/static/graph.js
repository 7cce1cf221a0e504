// Interlock explorer: the graph page. The filters redraw the graph without reloading the page:
// this fetches /api/graph with them and draws the SVG again (our own code, no library).
"use strict";
(function () {
  var NS = "http://www.w3.org/2000/svg";
  var W = 1000, H = 700;
  var PRED = {
    member_of: "#1f77b4", holds_position: "#2ca02c", leader_of: "#d62728", spokesperson_for: "#9467bd",
    advisor_to: "#8c564b", employed_by: "#7f7f7f", part_of: "#17becf", backed_by: "#ff7f0e",
    affiliated_with: "#bcbd22", candidate_in: "#e377c2", met_with: "#393b79", founded: "#637939",
    resigned_from: "#843c39", ally_of: "#3182bd", opposes: "#e6550d"
  };
  var FILL = { person: "#4c78a8", "armed-group": "#b22222", party: "#f58518", "state-body": "#54a24b",
    outlet: "#9d755d", organisation: "#72b7b2", place: "#bab0ac", other: "#999999" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function title(parent, text) { el("title", {}, parent).textContent = text; }

  function shape(kind, x, y, r, parent) {
    function poly(points) { return el("polygon", { points: points.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ") }, parent); }
    if (kind === "person") { return el("circle", { cx: x, cy: y, r: r }, parent); }
    if (kind === "armed-group") { return poly([[x, y - r * 1.2], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]]); }
    if (kind === "party") { return el("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r }, parent); }
    if (kind === "state-body") {
      return poly([[1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0], [-0.5, -0.87], [0.5, -0.87]].map(function (d) { return [x + r * d[0], y + r * d[1]]; }));
    }
    if (kind === "outlet") { return poly([[x, y - r * 1.2], [x + r * 1.2, y], [x, y + r * 1.2], [x - r * 1.2, y]]); }
    if (kind === "organisation") { return el("rect", { x: x - r * 1.3, y: y - r * 0.8, width: 2.6 * r, height: 1.6 * r, rx: 3 }, parent); }
    return el("circle", { cx: x, cy: y, r: r * 0.8 }, parent);
  }

  function params(form) {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim() !== "") { p.append(key, String(value)); }
    });
    return p;
  }

  function withActor(p, key) {
    var q = new URLSearchParams(p);
    q.set("actor", key);
    return q;
  }

  function draw(g, p) {
    var box = document.getElementById("graph-box");
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, "class": "graph", id: "graph-svg",
      role: "img", "aria-label": "network of " + g.name });
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }, svg);
    var pos = {};
    g.nodes.forEach(function (n) { pos[n.key] = [40 + n.x * (W - 80), 30 + n.y * (H - 60)]; });
    var edges = el("g", { "class": "edges" }, svg);
    g.edges.forEach(function (e) {
      var a = pos[e.source], b = pos[e.target];
      if (!a || !b) { return; }
      var link = el("a", { href: e.claim ? "/claims/" + encodeURIComponent(e.claim) : "/documents/" + encodeURIComponent(e.document),
        "class": "edge", "data-edge": e.id, "data-predicate": e.predicate, "data-grade": e.grade || "" }, edges);
      title(link, e.predicate + " [" + (e.grade || "ungraded") + "], " + e.origins + " origin(s)" + (e.contradicted ? ", contradicted" : ""));
      var attrs = { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: PRED[e.predicate] || "#555555",
        "stroke-width": (1.2 + 1.1 * Math.min(Math.max(e.origins, 1), 6)).toFixed(1), "stroke-opacity": 0.8 };
      if (e.negated) { attrs["stroke-dasharray"] = "2 4"; } else if (e.contradicted || e.weak) { attrs["stroke-dasharray"] = "7 5"; }
      el("line", attrs, link);
      el("line", { "class": "hit", x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: "#000000", "stroke-opacity": 0, "stroke-width": 12 }, link);
    });
    var nodes = el("g", { "class": "nodes" }, svg);
    var ranked = g.nodes.slice().sort(function (a, b) { return a.hops - b.hops || b.ties - a.ties; }).slice(0, 40);
    var labelled = {};
    ranked.forEach(function (n) { labelled[n.key] = true; });
    g.nodes.forEach(function (n) {
      var xy = pos[n.key], centre = n.key === g.centre;
      var r = 7 + Math.min(n.ties, 12) * 0.6 + (centre ? 4 : 0);
      var link = el("a", { href: "/graph?" + withActor(p, n.key).toString(), "class": "node", "data-key": n.key, "data-shape": n.shape }, nodes);
      title(link, n.name + " (" + n.shape + ")");
      var s = shape(n.shape, xy[0], xy[1], r, link);
      s.setAttribute("fill", FILL[n.shape] || "#999999");
      s.setAttribute("stroke", "#222222");
      s.setAttribute("stroke-width", centre ? "3" : "1");
      if (labelled[n.key]) {
        var t = el("text", { x: (xy[0] + r + 3).toFixed(1), y: (xy[1] + 4).toFixed(1), "font-size": 12, "font-family": "sans-serif", fill: "#111111" }, link);
        t.textContent = n.name.slice(0, 32);
      }
    });
    box.replaceChildren(svg);
    document.getElementById("edge-count").textContent = String(g.edges.length);
  }

  function redraw(form) {
    var p = params(form);
    var status = document.getElementById("graph-status");
    status.classList.add("loading");
    fetch("/api/graph?" + p.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        status.classList.remove("loading");
        if (!res.ok) { status.textContent = res.body.message || "cannot draw this graph"; return; }
        draw(res.body, p);
        status.replaceChildren(document.createTextNode(res.body.nodes.length + " actors, "));
        var count = document.createElement("span");
        count.id = "edge-count";
        count.textContent = String(res.body.edges.length);
        status.appendChild(count);
        status.appendChild(document.createTextNode(" ties" + (res.body.truncated ? " (the nearest kept)." : ".")));
        history.replaceState(null, "", "/graph?" + p.toString());
        var svgLink = document.getElementById("export-svg");
        if (svgLink) { svgLink.href = "/graph.svg?" + p.toString(); }
        var json = document.getElementById("graph-json");
        if (json) { json.href = "/api/graph?" + p.toString(); }
        document.getElementById("graph-caption").textContent = res.body.caption;
        var keep = document.getElementById("view-query");
        if (keep) { keep.value = p.toString(); }
        document.body.setAttribute("data-drawn", String(Date.now()));
      })
      .catch(function () { status.classList.remove("loading"); status.textContent = "the server did not answer"; });
  }

  function exportPng() {
    var link = document.getElementById("export-svg");
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth || W;
      canvas.height = img.naturalHeight || H + 40;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = "interlock-graph.png";
        a.id = "png-download";
        document.body.appendChild(a);
        a.click();
      }, "image/png");
    };
    img.src = link.href;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("graph-filters");
    if (!form) { return; }
    form.addEventListener("change", function () { redraw(form); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); redraw(form); });
    var png = document.getElementById("export-png");
    if (png) { png.addEventListener("click", exportPng); }
  });
})();
