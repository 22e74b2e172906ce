// -- main: selection, the header's buttons, start-up and a small read-only API for tests -------
var selection = null; // {kind: "node", id} | {kind: "edge", id} | {kind: "path", from, to} | {kind: "passage"}

function phone() { return window.innerWidth < 700; }
function selectNode(id, focus, record) {
  if (!NODES[id]) return false;
  var node = NODES[id];
  if (!PRESENT[id]) reveal([id].concat(hiddenNeighbours(id).slice(0, EXPAND_STEP)));
  if (!typeOn[node.type]) setFilter("type", node.type, true, true);
  if (!NODE_SHOWN[id]) { delete collapsed[id]; hideIsolated = false; isolatedBox.checked = false; applyFilters(); }
  selection = { kind: "node", id: id };
  var near = neighbourhood(id);
  emphasise(near[0], near[1]);
  network.selectNodes([id]);
  showNode(id);
  var qis = quotesOf("node", id);
  INCIDENT[id].forEach(function (e) { qis = qis.concat(e.evidence); });
  markActive(qis, true);
  if (focus) fitInto(near[0], Math.max(network.getScale(), 1.0), ready, phone() ? 0.5 : 0.6);
  if (record !== false) writeAddress(true);
  return true;
}
function selectEdge(id, record) {
  var edge = EDGES[id];
  if (!edge) return false;
  if (!EDGE_SHOWN[id]) {
    setFilter("type", NODES[edge.from].type, true, true);
    setFilter("type", NODES[edge.to].type, true, true);
    setFilter("status", edge.status, true, true);
    setFilter("rtype", edge.type, true, true);
  }
  reveal([edge.from, edge.to]);
  selection = { kind: "edge", id: id };
  emphasise([edge.from, edge.to], [id]);
  network.setSelection({ nodes: [], edges: [id] });
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
  selection = { kind: "passage", quotes: qis };
  emphasise(ids, rels);
  network.setSelection({ nodes: recs.filter(function (r) { return r.kind === "node"; }).map(function (r) { return r.id; }),
                         edges: rels });
  showPassage(qis);
  markActive(qis, false);
  return recs;
}
function clearSelection() {
  selection = null;
  network.unselectAll();
  emphasise(null);
  closePanel();
  markActive([], false);
}
function resetView() {
  input.value = "";
  setResultsOpen(false);
  pathFrom.value = "";
  pathTo.value = "";
  pathEnds = { from: null, to: null };
  collapsed = Object.create(null);
  setHideIsolated(false);
  clearSelection();
  fitAll(false);
  writeAddress(true);
}

// -- language, physics ------------------------------------------------------------------------
function summary() {
  var parts = [DATA.nodes.length + " " + t("entities"), DATA.edges.length + " " + t("relations")];
  DATA.types.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (item) {
    parts.push(item[lang] + " " + item.count);
  });
  return parts.join(" · ");
}
function setLang(next) {
  if (!UI[next]) return false;
  lang = next;
  document.documentElement.lang = next === "zh" ? "zh-Hans" : "en";
  document.title = DATA.title[lang] || DATA.title.zh;
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
  if (network) { relabel(); paint(); }
  rerenderPanel();
  if (!results.hidden) showResults();
  if (pathEnds.from) pathFrom.value = nameOf(NODES[pathEnds.from]);
  if (pathEnds.to) pathTo.value = nameOf(NODES[pathEnds.to]);
  if (readerBuilt) buildReader();
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
  b.textContent = physicsOn ? t("physicsOn") : t("physicsOff");
  b.setAttribute("aria-pressed", physicsOn ? "true" : "false");
}
function setPhysics(on) {
  physicsOn = !!on;
  network.setOptions({ physics: { enabled: physicsOn } });
  updatePhysicsButton();
}

// -- start-up ------------------------------------------------------------------------------------
function on(id, fn) { document.getElementById(id).addEventListener("click", fn); }
buildFilters();
setLang(lang);
buildNetwork();
on("kg-lang", function () { setLang(lang === "zh" ? "en" : "zh"); });
on("kg-physics", function () { setPhysics(!physicsOn); });
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
  if (analysisView) { setAnalysis(null); return; }
  if (document.body.classList.contains("kg-filters-open")) { openFilters(false); return; }
  if (!tablesBox.hidden) { setTables(false); return; }
  if (!reader.hidden) setReader(false);
});
network.on("click", function (params) {
  if (params.nodes.length) selectNode(params.nodes[0], false);
  else if (params.edges.length) selectEdge(params.edges[0]);
  else if (selection) { clearSelection(); writeAddress(true); }
});
var zoomTimer = null;
network.on("zoom", function () {
  clearTimeout(zoomTimer);
  zoomTimer = setTimeout(function () { relabel(); paint(); }, 120);
});
network.on("animationFinished", function () { moving = false; relabel(); paint(); });
// Once the layout has settled, physics stops, so that later restyling (labels, selection)
// does not move the nodes; the Physics button turns it back on.
function start() {
  if (physicsOn) setPhysics(false);
  fitLayoutToScreen();
  fitAll(false);
  roomForHub();
  fitAll(false);
  if (location.hash && location.hash !== "#") applyAddress(location.hash);
  else lastHash = location.hash || "";
  network.once("afterDrawing", function () {
    ready = true;
    // A large page builds its search index once the first view is drawn.
    if (BOUNDED) setTimeout(buildIndex, 30);
  });
  network.redraw();
}
if (physicsOn) {
  network.once("stabilizationIterationsDone", function () {
    start();
  });
  network.on("stabilized", function () { if (ready && physicsOn) { relabel(); paint(); } });
} else {
  start();
}

function drawn(body) {
  return body.indices.filter(function (id) { return !body.items[id].options.hidden; });
}
window.kgExplorer = Object.freeze({
  ready: function () { return ready; },
  settled: function () { return ready && !moving; },
  lang: function () { return lang; },
  physics: function () { return physicsOn; },
  nodeCount: function () { return DATA.nodes.length; },
  bounded: function () { return BOUNDED; },
  presentCount: function () { return PRESENT_NODES.length; },
  expand: function (id) { var k = expandNeighbours(id); relabel(); paint(); return k; },
  drawnNodeIds: function () { return drawn({ indices: network.body.nodeIndices, items: network.body.nodes }); },
  drawnEdgeIds: function () { return drawn({ indices: network.body.edgeIndices, items: network.body.edges }); },
  nodeLabel: function (id) { return NODES[id] ? wrapLabel(nameOf(NODES[id]), lang) : null; },
  shownLabel: function (id) { var n = nodes.get(id); return n ? n.label : null; },
  edgeLabel: function (id) { var e = edges.get(id); return e ? e.label : null; },
  nodeType: function (id) { return NODES[id] ? NODES[id].type : null; },
  nodeStyle: function (id) {
    var n = network.body.nodes[id];
    return n ? { borderDashes: n.options.shapeProperties.borderDashes, borderWidth: n.options.borderWidth,
                 border: n.options.color.border } : null;
  },
  edgeStyle: function (id) {
    var e = network.body.edges[id];
    return e ? { dashes: e.options.dashes, color: e.options.color.color, width: e.options.width } : null;
  },
  selected: function () { return network.getSelectedNodes(); },
  selection: function () { return selection ? JSON.parse(JSON.stringify(selection)) : null; },
  emphasised: function () {
    return emph ? { nodes: Object.keys(emph.nodes).sort(), edges: Object.keys(emph.edges).sort() } : null;
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
  labelFace: function (id) { var n = network.body.nodes[id]; return n ? n.options.font.face : null; },
  scale: function () { return network.getScale(); },
  domPosition: function (id) {
    var pos = network.getPositions([id])[id];
    if (!pos) return null;
    var dom = network.canvasToDOM(pos);
    var box = container.getBoundingClientRect();
    return { x: box.left + dom.x, y: box.top + dom.y };
  },
});
