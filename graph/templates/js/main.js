// -- main: selection, the header's buttons, start-up and a small read-only API for tests -------
/* global State, Actions, I18n, Core, Labels, View, Reader, Panel, Search, Tables, Filters, Paths, Export,
   Pipeline, Address, Views */
(function () {
const { UI, t } = I18n;
const { BOUNDED, DATA, EDGES, INCIDENT, NODES, PRESENT, PRESENT_NODES, clear, container, focusId,
  hiddenNeighbours, nameOf, typeOn } = Core;
const { labelBoxes, markerBoxes, relabel, wrapLabel } = Labels;
const { EXPAND_STEP, boundedNote, buildNetwork, emphasise, expandNeighbours, fitAll, fitInto,
  fitLayoutToScreen, neighbourhood, paint, reveal, roomForHub } = View;
const { buildReader, markActive, quotesOf, reader, setReader } = Reader;
const { closePanel, nodeLink, panel, recordsOf, rerenderPanel, showEdge, showNode, showPassage } = Panel;
const { buildIndex, input, results, search, setResultsOpen, showResults } = Search;
const { downloadCSV, refreshTable, setTables, tableFilter, tablesBox } = Tables;
const { applyFilters, buildFilters, emptyNote, fillLegend, isolatedBox, openFilters, setFilter,
  setHideIsolated } = Filters;
const { findPath, pathFrom, pathFromInputs, pathTo, resolve } = Paths;
const { exportPNG } = Export;
const { renderAnalysis, setAnalysis } = Pipeline;
const { applyAddress, writeAddress } = Address;
const { renderViews } = Views;
// What earlier modules call back (their handlers run after start-up; see state.js).
Actions.clearSelection = clearSelection;
Actions.selectEdge = selectEdge;
Actions.selectNode = selectNode;
Actions.selectPassage = selectPassage;
Actions.setLang = setLang;

function phone() { return window.innerWidth < 700; }
function selectNode(id, focus, record) {
  if (!NODES[id]) return false;
  var node = NODES[id];
  if (!PRESENT[id]) reveal([id].concat(hiddenNeighbours(id).slice(0, EXPAND_STEP)));
  if (!typeOn[node.type]) setFilter("type", node.type, true, true);
  if (!State.NODE_SHOWN[id]) { delete State.collapsed[id]; State.hideIsolated = false; isolatedBox.checked = false; applyFilters(); }
  State.selection = { kind: "node", id: id };
  var near = neighbourhood(id);
  emphasise(near[0], near[1]);
  State.network.selectNodes([id]);
  showNode(id);
  var qis = quotesOf("node", id);
  INCIDENT[id].forEach(function (e) { qis = qis.concat(e.evidence); });
  markActive(qis, true);
  if (focus) fitInto(near[0], Math.max(State.network.getScale(), 1.0), State.ready, phone() ? 0.5 : 0.6);
  if (record !== false) writeAddress(true);
  return true;
}
function selectEdge(id, record) {
  var edge = EDGES[id];
  if (!edge) return false;
  if (!State.EDGE_SHOWN[id]) {
    setFilter("type", NODES[edge.from].type, true, true);
    setFilter("type", NODES[edge.to].type, true, true);
    setFilter("status", edge.status, true, true);
    setFilter("rtype", edge.type, true, true);
  }
  reveal([edge.from, edge.to]);
  State.selection = { kind: "edge", id: id };
  emphasise([edge.from, edge.to], [id]);
  State.network.setSelection({ nodes: [], edges: [id] });
  showEdge(id);
  markActive(quotesOf("edge", id), true);
  if (record !== false) writeAddress(true);
  return true;
}
function selectPassage(qis) {
  var recs = recordsOf(qis), ids = [], rels = [];
  recs.forEach(function (r) {
    if (r.kind === "node") ids.push(r.id);
    else { rels.push(r.id); ids.push(EDGES[r.id].from, EDGES[r.id].to); }
  });
  reveal(ids);
  State.selection = { kind: "passage", quotes: qis };
  emphasise(ids, rels);
  State.network.setSelection({ nodes: recs.filter(function (r) { return r.kind === "node"; }).map(function (r) { return r.id; }),
                         edges: rels });
  showPassage(qis);
  markActive(qis, false);
  return recs;
}
function clearSelection() {
  State.selection = null;
  State.network.unselectAll();
  emphasise(null);
  closePanel();
  markActive([], false);
}
function resetView() {
  input.value = "";
  setResultsOpen(false);
  pathFrom.value = "";
  pathTo.value = "";
  State.pathEnds = { from: null, to: null };
  State.collapsed = Object.create(null);
  setHideIsolated(false);
  clearSelection();
  fitAll(false);
  writeAddress(true);
}

// -- language, physics ------------------------------------------------------------------------
function summary() {
  var parts = [DATA.nodes.length + " " + t("entities"), DATA.edges.length + " " + t("relations")];
  DATA.types.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (item) {
    parts.push(item[State.lang] + " " + item.count);
  });
  return parts.join(" · ");
}
function setLang(next) {
  if (!UI[next]) return false;
  State.lang = next;
  document.documentElement.lang = next === "zh" ? "zh-Hans" : "en";
  document.title = DATA.title[State.lang] || DATA.title.zh;
  document.getElementById("kg-title").textContent = document.title;
  document.getElementById("kg-summary").textContent = summary();
  input.placeholder = t("search");
  pathFrom.placeholder = t("pathFrom");
  pathTo.placeholder = t("pathTo");
  tableFilter.placeholder = t("tableFilter");
  [["kg-reset", "reset"], ["kg-lang", "otherLang"], ["kg-menu", "menu"], ["kg-reader-toggle", "reader"],
   ["kg-png", "png"], ["kg-tab-entities", "tabEntities"], ["kg-tab-relations", "tabRelations"], ["kg-csv", "csv"]]
    .forEach(function (pair) { document.getElementById(pair[0]).textContent = t(pair[1]); });
  document.getElementById("kg-tables-toggle").textContent = tablesBox.hidden ? t("tables") : t("graphView");
  document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.dataset.i18n); });
  emptyNote.textContent = t("empty");
  fillLegend();
  focusNote();
  boundedNote();
  renderViews();
  updatePhysicsButton();
  if (State.network) { relabel(); paint(); }
  rerenderPanel();
  if (!results.hidden) showResults();
  if (State.pathEnds.from) pathFrom.value = nameOf(NODES[State.pathEnds.from]);
  if (State.pathEnds.to) pathTo.value = nameOf(NODES[State.pathEnds.to]);
  if (State.readerBuilt) buildReader();
  refreshTable();
  renderAnalysis();
  writeAddress(false);
  return true;
}
function focusNote() {
  var note = document.getElementById("kg-focus-note");
  if (!focusId) return;
  clear(note);
  note.hidden = false;
  note.appendChild(document.createTextNode(t("focusOf") + " "));
  note.appendChild(nodeLink(focusId));
}
function updatePhysicsButton() {
  var b = document.getElementById("kg-physics");
  b.textContent = State.physicsOn ? t("physicsOn") : t("physicsOff");
  b.setAttribute("aria-pressed", State.physicsOn ? "true" : "false");
}
function setPhysics(on) {
  State.physicsOn = !!on;
  State.network.setOptions({ physics: { enabled: State.physicsOn } });
  updatePhysicsButton();
}

// -- start-up ------------------------------------------------------------------------------------
function on(id, fn) { document.getElementById(id).addEventListener("click", fn); }
buildFilters();
setLang(State.lang);
buildNetwork();
on("kg-lang", function () { setLang(State.lang === "zh" ? "en" : "zh"); });
on("kg-physics", function () { setPhysics(!State.physicsOn); });
on("kg-reset", resetView);
on("kg-close", function () { clearSelection(); writeAddress(true); });
on("kg-menu", function () { openFilters(!document.body.classList.contains("kg-filters-open")); });
on("kg-reader-toggle", function () { setReader(reader.hidden); });
on("kg-reader-close", function () { setReader(false); });
on("kg-tables-toggle", function () { setTables(tablesBox.hidden); });
on("kg-tab-entities", function () { setTables(true, "entities"); });
on("kg-tab-relations", function () { setTables(true, "relations"); });
on("kg-csv", downloadCSV);
on("kg-png", exportPNG);
on("kg-path-go", pathFromInputs);
tableFilter.addEventListener("input", refreshTable);
[pathFrom, pathTo].forEach(function (box) {
  box.addEventListener("keydown", function (event) { if (event.key === "Enter") pathFromInputs(); });
});
document.addEventListener("click", function (event) {  // a tap outside closes the drawer
  if (!document.body.classList.contains("kg-filters-open")) return;
  var filters = document.getElementById("kg-filters"), menu = document.getElementById("kg-menu");
  if (!filters.contains(event.target) && !menu.contains(event.target)) openFilters(false);
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  if (!results.hidden) { setResultsOpen(false); return; }
  if (!panel.hidden) { clearSelection(); writeAddress(true); return; }
  if (State.analysisView) { setAnalysis(null); return; }
  if (document.body.classList.contains("kg-filters-open")) { openFilters(false); return; }
  if (!tablesBox.hidden) { setTables(false); return; }
  if (!reader.hidden) setReader(false);
});
State.network.on("click", function (params) {
  if (params.nodes.length) selectNode(params.nodes[0], false);
  else if (params.edges.length) selectEdge(params.edges[0]);
  else if (State.selection) { clearSelection(); writeAddress(true); }
});
var zoomTimer = null;
State.network.on("zoom", function () {
  clearTimeout(zoomTimer);
  zoomTimer = setTimeout(function () { relabel(); paint(); }, 120);
});
State.network.on("animationFinished", function () { State.moving = false; relabel(); paint(); });
// Once the layout has settled, physics stops, so that later restyling (labels, selection)
// does not move the nodes; the Physics button turns it back on.
function start() {
  if (State.physicsOn) setPhysics(false);
  fitLayoutToScreen();
  fitAll(false);
  roomForHub();
  fitAll(false);
  if (location.hash && location.hash !== "#") applyAddress(location.hash);
  else State.lastHash = location.hash || "";
  State.network.once("afterDrawing", function () {
    State.ready = true;
    // A large page builds its search index once the first view is drawn.
    if (BOUNDED) setTimeout(buildIndex, 30);
  });
  State.network.redraw();
}
if (State.physicsOn) {
  State.network.once("stabilizationIterationsDone", function () {
    start();
  });
  State.network.on("stabilized", function () { if (State.ready && State.physicsOn) { relabel(); paint(); } });
} else {
  start();
}

function drawn(body) {
  return body.indices.filter(function (id) { return !body.items[id].options.hidden; });
}
window.kgExplorer = Object.freeze({
  ready: function () { return State.ready; },
  settled: function () { return State.ready && !State.moving; },
  lang: function () { return State.lang; },
  physics: function () { return State.physicsOn; },
  nodeCount: function () { return DATA.nodes.length; },
  bounded: function () { return BOUNDED; },
  presentCount: function () { return PRESENT_NODES.length; },
  expand: function (id) { var k = expandNeighbours(id); relabel(); paint(); return k; },
  drawnNodeIds: function () { return drawn({ indices: State.network.body.nodeIndices, items: State.network.body.nodes }); },
  drawnEdgeIds: function () { return drawn({ indices: State.network.body.edgeIndices, items: State.network.body.edges }); },
  nodeLabel: function (id) { return NODES[id] ? wrapLabel(nameOf(NODES[id]), State.lang) : null; },
  shownLabel: function (id) { var n = State.nodes.get(id); return n ? n.label : null; },
  edgeLabel: function (id) { var e = State.edges.get(id); return e ? e.label : null; },
  nodeType: function (id) { return NODES[id] ? NODES[id].type : null; },
  nodeStyle: function (id) {
    var n = State.network.body.nodes[id];
    return n ? { borderDashes: n.options.shapeProperties.borderDashes, borderWidth: n.options.borderWidth,
                 border: n.options.color.border } : null;
  },
  edgeStyle: function (id) {
    var e = State.network.body.edges[id];
    return e ? { dashes: e.options.dashes, color: e.options.color.color, width: e.options.width } : null;
  },
  selected: function () { return State.network.getSelectedNodes(); },
  selection: function () { return State.selection ? JSON.parse(JSON.stringify(State.selection)) : null; },
  emphasised: function () {
    return State.emph ? { nodes: Object.keys(State.emph.nodes).sort(), edges: Object.keys(State.emph.edges).sort() } : null;
  },
  search: function (text) { return search(text); },
  select: function (id) { return selectNode(id, true); },
  selectRelation: function (id) { return selectEdge(id); },
  path: function (a, b, detours) {
    var r = findPath(resolve(a), resolve(b), !!detours);
    return r ? { nodes: r.nodes, steps: r.steps } : null;
  },
  setFilter: function (kind, id, value) { return setFilter(kind, id, value); },
  setLang: function (next) { return setLang(next); },
  labelBoxes: function () { return labelBoxes(); },
  markerBoxes: function () { return markerBoxes(); },
  nodeSize: function (id) { return NODES[id] ? NODES[id].size : null; },
  labelFace: function (id) { var n = State.network.body.nodes[id]; return n ? n.options.font.face : null; },
  scale: function () { return State.network.getScale(); },
  domPosition: function (id) {
    var pos = State.network.getPositions([id])[id];
    if (!pos) return null;
    var dom = State.network.canvasToDOM(pos);
    var box = container.getBoundingClientRect();
    return { x: box.left + dom.x, y: box.top + dom.y };
  },
});
})();
