// -- regions: the Regions view (graph.region_ties) ------------------------------------------
// The entities collapse into their home regions, drawn as circles on a ring (area by the
// statements they take part in); a line joins two regions, as wide as their ties are many.
// Clicking a region expands it into its organisations (listed, and highlighted in the graph);
// clicking a tie row lists its relations with their quotes.
/* global State, Actions, I18n, Core, Panel, Pipeline */
/* exported Regions */
const Regions = (function () {
const { t } = I18n;
const { EDGES, NODES, RTYPES, button, el, enumLabel } = Core;
const { badge, nodeLink } = Panel;
const { ANALYSIS, analysisBody, analysisChoose, highlight, money, moreNote, quoteList, setAnalysis,
  statusName } = Pipeline;
// What earlier modules call back (their handlers run after start-up; see state.js).
Actions.renderRegions = renderRegions;

var SVG_NS = "http://www.w3.org/2000/svg";
var REGION_BY_KEY = Object.create(null);
var TIE_ROWS = 100;  // tie rows listed before "show all"
var tieRowsAll = false;
ANALYSIS.regions.regions.forEach(function (r) { REGION_BY_KEY[r.key] = r; });

function regionName(key) {
  var r = REGION_BY_KEY[key];
  if (key === "?") return t("unknownRegion");
  return r ? r[State.lang] : key;
}
function kindName(kind) {
  var k = ANALYSIS.kinds[kind];
  return k ? k[State.lang] : enumLabel(RTYPES, kind);
}
function svg(tag, attrs) {
  var node = document.createElementNS(SVG_NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  return node;
}
function regionWeights() {
  var weight = Object.create(null), pairs = Object.create(null);
  ANALYSIS.regions.ties.forEach(function (x) {
    weight[x.a] = (weight[x.a] || 0) + x.count;
    if (x.b !== x.a) weight[x.b] = (weight[x.b] || 0) + x.count;
    var key = x.a + "\u0000" + x.b;
    pairs[key] = (pairs[key] || 0) + x.count;
  });
  return { weight: weight, pairs: pairs };
}
function drawRegions() {
  var R = ANALYSIS.regions.regions, w = regionWeights();
  var size = 320, mid = size / 2, ring = R.length > 1 ? 110 : 0, max = 1;
  Object.keys(w.weight).forEach(function (k) { max = Math.max(max, w.weight[k]); });
  var where = Object.create(null);
  R.forEach(function (r, i) {
    var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, R.length);
    where[r.key] = { x: mid + ring * Math.cos(angle), y: mid + ring * Math.sin(angle) };
  });
  var box = svg("svg", { viewBox: "0 0 " + size + " " + size, role: "img", "class": "kg-region-map" });
  box.setAttribute("aria-label", t("regionTies"));
  Object.keys(w.pairs).forEach(function (key) {
    var ends = key.split("\u0000"), a = where[ends[0]], b = where[ends[1]];
    if (!a || !b || ends[0] === ends[1]) return;
    var line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + 2 * Math.sqrt(w.pairs[key]), "class": "kg-region-tie" });
    line.dataset.a = ends[0];
    line.dataset.b = ends[1];
    box.appendChild(line);
    var label = svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3, "class": "kg-region-tie-count" });
    label.textContent = String(w.pairs[key]);
    box.appendChild(label);
  });
  R.forEach(function (r) {
    var p = where[r.key], radius = 10 + 16 * Math.sqrt((w.weight[r.key] || 0) / max);
    var g = svg("g", { "class": "kg-region-node" + (State.analysisPick === "region:" + r.key ? " kg-picked" : ""), tabindex: "0" });
    g.dataset.testid = "region-node";
    g.dataset.region = r.key;
    g.setAttribute("role", "button");
    g.appendChild(svg("circle", { cx: p.x, cy: p.y, r: radius, "class": r.key === "?" ? "kg-region-unknown" : "" }));
    var name = svg("text", { x: p.x, y: p.y + radius + 13, "class": "kg-region-label" });
    var within = w.pairs[r.key + "\u0000" + r.key];
    name.textContent = regionName(r.key) + (within ? " (" + t("within") + " " + within + ")" : "");
    g.appendChild(name);
    function go() { analysisChoose("region:" + r.key); }
    g.addEventListener("click", go);
    g.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); go(); } });
    box.appendChild(g);
  });
  return box;
}
function renderRegions() {
  analysisBody.appendChild(el("p", "kg-hint", t("pickRegion")));
  analysisBody.appendChild(drawRegions());
  if (State.analysisPick && State.analysisPick.indexOf("region:") === 0) showRegion(State.analysisPick.slice(7));
  var table = el("table", "kg-tie-table");
  table.dataset.testid = "tie-table";
  var head = el("tr");
  ["region", "kind", "status", "count"].forEach(function (k) { head.appendChild(el("th", null, t(k))); });
  table.appendChild(head);
  // A large graph has thousands of rows: list the first TIE_ROWS (and the picked one),
  // with a button for the rest, so that opening the view or picking a region stays quick.
  var ties = ANALYSIS.regions.ties, picked = State.analysisPick && State.analysisPick.indexOf("tie:") === 0 ? +State.analysisPick.slice(4) : -1;
  var shown = tieRowsAll ? ties.length : Math.min(ties.length, Math.max(TIE_ROWS, picked + 1));
  for (var n = 0; n < shown; n++) tieRow(table, ties[n], n);
  analysisBody.appendChild(table);
  if (shown < ties.length) {
    var rest = ties.length - shown;
    var more = button("kg-link kg-more", t("showAllTies").replace("{k}", rest.toLocaleString()), function () {
      tieRowsAll = true;
      for (var k = shown; k < ties.length; k++) tieRow(table, ties[k], k);
      more.remove();
    });
    more.dataset.testid = "tie-more";
    analysisBody.appendChild(more);
  }
}
function tieRow(table, x, n) {
  var tr = el("tr", State.analysisPick === "tie:" + n ? "kg-picked" : null);
  tr.dataset.testid = "tie-row";
  tr.dataset.a = x.a;
  tr.dataset.b = x.b;
  tr.dataset.kind = x.kind;
  tr.dataset.status = x.status;
  var first = el("td");
  first.appendChild(button("kg-link", regionName(x.a) + " — " + regionName(x.b), function () { analysisChoose("tie:" + n); }));
  tr.appendChild(first);
  tr.appendChild(el("td", null, kindName(x.kind)));
  tr.appendChild(el("td", null, statusName(x.status)));
  var extra = [];
  if (x.collective) extra.push(x.collective + " " + t("groupStatements"));
  if (Object.keys(x.totals).length) extra.push(money(x.totals));
  var count = el("td", "kg-tie-count", String(x.count));
  if (extra.length) count.title = extra.join(" · ");
  tr.appendChild(count);
  table.appendChild(tr);
  if (State.analysisPick === "tie:" + n) {
    var detail = el("tr");
    var td = el("td");
    td.colSpan = 4;
    td.appendChild(tieDetail(x));
    detail.appendChild(td);
    table.appendChild(detail);
  }
}
function tieDetail(x) {
  var box = el("div", "kg-analysis-list"), ids = [], rels = [];
  box.dataset.testid = "tie-detail";
  if (x.collective) box.appendChild(badge(x.collective + " " + t("groupStatements"), "kg-badge-group"));
  if (Object.keys(x.totals).length) box.appendChild(badge(money(x.totals)));
  if (x.hubs.length) {
    var via = el("p", "kg-sub", t("via") + " ");
    x.hubs.forEach(function (h) { if (NODES[h]) { via.appendChild(nodeLink(h)); via.appendChild(document.createTextNode(" ")); ids.push(h); } });
    box.appendChild(via);
  }
  x.rels.forEach(function (rid) {
    var e = EDGES[rid];
    if (!e) return;
    rels.push(rid);
    ids.push(e.from, e.to);
    var row = el("div", "kg-tie-relation");
    row.appendChild(nodeLink(e.from));
    row.appendChild(document.createTextNode(" → "));
    row.appendChild(nodeLink(e.to));
    row.appendChild(document.createTextNode(" · "));
    row.appendChild(button("kg-link", enumLabel(RTYPES, e.type) + " / " + statusName(e.status), function () { Actions.selectEdge(rid); }));
    row.appendChild(quoteList(e.evidence));
    box.appendChild(row);
  });
  if (x.count > ANALYSIS.limit) box.appendChild(el("p", "kg-sub kg-more", t("more").replace("{k}", (x.count - ANALYSIS.limit).toLocaleString())));
  highlight(ids, rels);
  return box;
}
function showRegion(key) {
  var r = REGION_BY_KEY[key];
  if (!r) return;
  var list = el("ul", "kg-analysis-list");
  list.dataset.testid = "region-members";
  list.appendChild(el("li", "kg-sub", regionName(key) + " · " + r.count + " " + t("members")));
  var basisLabel = { located_in: "homeLocated", name: "homeName", unknown: "homeUnknown", place: "homePlace" };
  r.members.forEach(function (id) {
    if (!NODES[id]) return;
    var li = el("li");
    li.dataset.id = id;
    li.appendChild(nodeLink(id));
    var home = ANALYSIS.regions.homes[id];
    if (home) li.appendChild(badge(t(basisLabel[home[1]] || home[1])));
    list.appendChild(li);
  });
  moreNote(list, r.count - r.members.length);
  analysisBody.appendChild(list);
  highlight(r.members.filter(function (id) { return NODES[id]; }), []);
}

document.getElementById("kg-regions-toggle").addEventListener("click", function () {
  setAnalysis(State.analysisView === "regions" ? null : "regions");
});
// For tests and scripts: what the views show, as numbers.
window.kgAnalysis = Object.freeze({
  view: function () { return State.analysisView; },
  pick: function () { return State.analysisPick; },
  open: function (view, value) { setAnalysis(view, value); return State.analysisView; },
});
return {};
})();
