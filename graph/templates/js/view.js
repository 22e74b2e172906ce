// -- view: the vis-network graph, its styles and what is emphasised -------------------------
var DIM = "#e5e7eb";
var DRAFT = "#8250df";
var INFERRED = "#b36b00";
var BIG = DATA.nodes.length > 300;
var physicsOn = !!DATA.physics;
var ready = false;
// The emphasised part of the graph (a selection, a path, a passage's records), or null.
var emph = null;
var focusId = DATA.focus && NODES[DATA.focus] ? DATA.focus : null;

function tooltip(node) {
  var box = el("div");
  box.appendChild(el("strong", null, nameOf(node)));
  var other = otherName(node);
  if (other) box.appendChild(el("div", null, other));
  box.appendChild(el("div", "kg-sub", enumLabel(TYPES, node.type)));
  return box;
}
function visNode(node) {
  var type = TYPES[node.type];
  var dim = emph !== null && !emph.nodes[node.id];
  var color = dim ? DIM : type.color;
  var border = node.draft ? DRAFT : node.id === focusId ? "#d62728" : "#333333";
  var item = {
    id: node.id,
    label: labelText(node),
    shape: type.shape,
    size: node.size,
    hidden: !NODE_SHOWN[node.id],
    title: tooltip(node),
    color: { background: color, border: dim ? DIM : border,
             highlight: { background: color, border: "#000000" } },
    borderWidth: node.id === focusId ? 4 : node.draft || node.collective ? 2 : 1,
    shapeProperties: { borderDashes: node.draft ? [5, 3] : false },
    font: { face: FONT, size: labelFont, color: dim ? "#c0c4c8" : "#1f2328",
            strokeWidth: 3, strokeColor: "#ffffff" },
  };
  return item;
}
function edgeDashes(edge) {
  if (edge.basis !== "stated") return [2, 4];
  var style = STATUSES[edge.status] ? STATUSES[edge.status].style : "done";
  if (style === "underway") return [10, 6];
  if (style === "prospective") return [3, 5];
  return false;
}
function visEdge(edge) {
  var dim = emph !== null && !emph.edges[edge.id];
  var prospective = STATUSES[edge.status] && STATUSES[edge.status].style === "prospective";
  var color = edge.draft ? DRAFT : edge.basis !== "stated" ? INFERRED
    : edge.collective ? "#e377c2" : prospective ? "#8c959f" : "#57606a";
  var labelled = emph !== null && emph.edges[edge.id] && EDGE_LABEL_ON[edge.id];
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    label: labelled ? enumLabel(RTYPES, edge.type) : "",
    dashes: edgeDashes(edge),
    hidden: !EDGE_SHOWN[edge.id],
    arrows: { to: { enabled: true, scaleFactor: 0.5 } },
    color: { color: dim ? DIM : color, highlight: "#0969da", hover: "#0969da" },
    width: edge.basis !== "stated" ? 1 : edge.collective ? 1.5 : 2,
    font: { face: FONT, size: Math.round(labelFont * 0.85), color: "#24292f",
            strokeWidth: 4, strokeColor: "#ffffff", align: "horizontal" },
  };
}

var container = document.getElementById("kg-network");
var labelFont = 14;
var nodes = null, edges = null, network = null;
function buildNetwork() {
  nodes = new vis.DataSet(PRESENT_NODES.map(placedNode));
  edges = new vis.DataSet(PRESENT_EDGES.map(visEdge));
  network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: physicsOn,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -80, springLength: 130, avoidOverlap: 0.6 },
      stabilization: { enabled: physicsOn, iterations: 400, fit: true },
    },
    edges: { smooth: BIG ? false : { type: "continuous" } },
    interaction: { hover: !BIG, hideEdgesOnDrag: BIG, tooltipDelay: 150, multiselect: false,
                   keyboard: false },
  });
}

function placedNode(n) {
  var item = visNode(n);
  item.x = n.x;
  item.y = n.y;
  return item;
}
// Restyle every drawn node and edge (after a change of emphasis, language, filters or zoom).
function paint() {
  nodes.update(PRESENT_NODES.map(visNode));
  edges.update(PRESENT_EDGES.map(visEdge));
}
// A bounded page: draw these entities too (with their relations to what is drawn).
// Returns how many were new; the caller restyles.
function reveal(ids) {
  var newNodes = [], newEdges = [];
  ids.forEach(function (id) {
    if (PRESENT[id] || !NODES[id]) return;
    newEdges = newEdges.concat(makePresent(id));
    newNodes.push(NODES[id]);
  });
  if (!newNodes.length) return 0;
  recompute();
  nodes.add(newNodes.map(placedNode));
  edges.add(newEdges.map(visEdge));
  boundedNote();
  return newNodes.length;
}
// A bounded page whose filters leave fewer entities shown than its first view drew: draw
// more of those the filters let through, most connected first, up to that many again.
function drawMatching() {
  if (!BOUNDED) return 0;
  var budget = DATA.overview.length, count = 0;
  PRESENT_NODES.forEach(function (n) { if (NODE_SHOWN[n.id]) count++; });
  if (count >= budget) return 0;
  var more = matchingNodes().filter(function (n) { return !PRESENT[n.id]; });
  more.sort(function (a, b) { return b.degree - a.degree; });
  return reveal(more.slice(0, budget - count).map(function (n) { return n.id; }));
}
var EXPAND_STEP = 100;
// Draw up to EXPAND_STEP more neighbours of id, most connected first; returns how many.
function expandNeighbours(id) {
  return reveal(hiddenNeighbours(id).slice(0, EXPAND_STEP));
}
function boundedNote() {
  var note = document.getElementById("kg-bounded-note");
  if (!BOUNDED) return;
  note.hidden = false;
  note.textContent = t("bounded").replace("{n}", PRESENT_NODES.length.toLocaleString())
    .replace("{m}", DATA.nodes.length.toLocaleString());
}
function emphasise(nodeIds, edgeIds) {
  if (nodeIds === null) { emph = null; relabel(); paint(); return; }
  emph = { nodes: Object.create(null), edges: Object.create(null) };
  nodeIds.forEach(function (id) { emph.nodes[id] = true; });
  edgeIds.forEach(function (id) { emph.edges[id] = true; });
  relabel();
  paint();
}
function neighbourhood(id) {
  var ids = [id], rels = [];
  INCIDENT[id].forEach(function (e) {
    if (!EDGE_SHOWN[e.id]) return;
    ids.push(otherEnd(e, id));
    rels.push(e.id);
  });
  return [ids, rels];
}
