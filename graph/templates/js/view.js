// -- view: the vis-network graph, its styles and what is emphasised -------------------------
/* global State, I18n, Core, Labels */
/* exported View */
const View = (function () {
const { t } = I18n;
const { BIG, BOUNDED, DATA, FONT, INCIDENT, NODES, PRESENT, PRESENT_EDGES, PRESENT_NODES, RTYPES,
  STATUSES, TYPES, container, el, enumLabel, focusId, hiddenNeighbours, makePresent, matchingNodes,
  nameOf, otherEnd, otherName, recompute, shownNodes } = Core;
const { INSIDE, LABEL_PX, LABEL_SHIFT, labelBox, labelText, relabel } = Labels;

var DIM = "#e5e7eb";
var DRAFT = "#8250df";
var INFERRED = "#b36b00";
State.physicsOn = !!DATA.physics;

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
  var dim = State.emph !== null && !State.emph.nodes[node.id];
  var color = dim ? DIM : type.color;
  var border = node.draft ? DRAFT : node.id === focusId ? "#d62728" : "#333333";
  var item = {
    id: node.id,
    label: labelText(node),
    shape: type.shape,
    size: node.size,
    hidden: !State.NODE_SHOWN[node.id],
    title: tooltip(node),
    color: { background: color, border: dim ? DIM : border,
             highlight: { background: color, border: "#000000" } },
    borderWidth: node.id === focusId ? 4 : node.draft || node.collective ? 2 : 1,
    shapeProperties: { borderDashes: node.draft ? [5, 3] : false },
    font: { face: FONT, size: State.labelFont, color: dim ? "#c0c4c8" : "#1f2328",
            strokeWidth: 3, strokeColor: "#ffffff", vadjust: LABEL_SHIFT[node.id] || 0 },
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
  var dim = State.emph !== null && !State.emph.edges[edge.id];
  var prospective = STATUSES[edge.status] && STATUSES[edge.status].style === "prospective";
  var color = edge.draft ? DRAFT : edge.basis !== "stated" ? INFERRED
    : edge.collective ? "#e377c2" : prospective ? "#8c959f" : "#57606a";
  var labelled = State.emph !== null && State.emph.edges[edge.id] && State.EDGE_LABEL_ON[edge.id];
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    label: labelled ? enumLabel(RTYPES, edge.type) : "",
    dashes: edgeDashes(edge),
    hidden: !State.EDGE_SHOWN[edge.id],
    arrows: { to: { enabled: true, scaleFactor: 0.5 } },
    color: { color: dim ? DIM : color, highlight: "#0969da", hover: "#0969da" },
    width: edge.basis !== "stated" ? 1 : edge.collective ? 1.5 : 2,
    font: { face: FONT, size: Math.round(State.labelFont * 0.85), color: "#24292f",
            strokeWidth: 4, strokeColor: "#ffffff", align: "horizontal" },
  };
}

function buildNetwork() {
  State.nodes = new vis.DataSet(PRESENT_NODES.map(placedNode));
  State.edges = new vis.DataSet(PRESENT_EDGES.map(visEdge));
  State.network = new vis.Network(container, { nodes: State.nodes, edges: State.edges }, {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: State.physicsOn,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -80, springLength: 130, avoidOverlap: 0.6 },
      stabilization: { enabled: State.physicsOn, iterations: 400, fit: true },
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
  State.nodes.update(PRESENT_NODES.map(visNode));
  State.edges.update(PRESENT_EDGES.map(visEdge));
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
  State.nodes.add(newNodes.map(placedNode));
  State.edges.add(newEdges.map(visEdge));
  boundedNote();
  return newNodes.length;
}
// A bounded page whose filters leave fewer entities shown than its first view drew: draw
// more of those the filters let through, most connected first, up to that many again.
function drawMatching() {
  if (!BOUNDED) return 0;
  var budget = DATA.overview.length, count = 0;
  PRESENT_NODES.forEach(function (n) { if (State.NODE_SHOWN[n.id]) count++; });
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
  if (nodeIds === null) { State.emph = null; relabel(); paint(); return; }
  State.emph = { nodes: Object.create(null), edges: Object.create(null) };
  nodeIds.forEach(function (id) { State.emph.nodes[id] = true; });
  edgeIds.forEach(function (id) { State.emph.edges[id] = true; });
  relabel();
  paint();
}
function neighbourhood(id) {
  var ids = [id], rels = [];
  INCIDENT[id].forEach(function (e) {
    if (!State.EDGE_SHOWN[e.id]) return;
    ids.push(otherEnd(e, id));
    rels.push(e.id);
  });
  return [ids, rels];
}

// -- fitting: the starting view fills the screen; a selection fits what the panels leave ------
// Turn the layout a quarter (when that brings its proportions nearer the screen's) and stretch
// its short side up to STRETCH_MAX times, so that a round layout fills a tall phone instead of
// a band across its middle. Entities not drawn yet (a bounded page) move with the rest.
var STRETCH_MAX = 2;
function fitLayoutToScreen() {
  var rect = container.getBoundingClientRect();
  var positions = State.network.getPositions();
  var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  PRESENT_NODES.forEach(function (n) {
    var p = positions[n.id];
    if (!p || !State.NODE_SHOWN[n.id]) return;
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  });
  var w = maxX - minX, h = maxY - minY;
  if (!(w > 0 && h > 0 && rect.width > 0 && rect.height > 0)) return;
  var screen = rect.width / rect.height, shape = w / h;
  var turn = Math.abs(Math.log(1 / shape / screen)) < Math.abs(Math.log(shape / screen)) - 0.1;
  if (turn) shape = 1 / shape;
  var sx = Math.min(Math.max(screen / shape, 1), STRETCH_MAX);
  var sy = Math.min(Math.max(shape / screen, 1), STRETCH_MAX);
  if (!turn && sx < 1.05 && sy < 1.05) return;
  var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  DATA.nodes.forEach(function (n) {
    var p = positions[n.id] || (typeof n.x === "number" ? n : null);
    if (!p) return;
    var dx = p.x - cx, dy = p.y - cy;
    if (turn) { var swap = dx; dx = -dy; dy = swap; }
    n.x = cx + dx * sx;
    n.y = cy + dy * sy;
  });
  State.nodes.update(PRESENT_NODES.map(function (n) { return { id: n.id, x: n.x, y: n.y }; }));
}
// The part of the graph's frame that the panels (the card, the reader) leave visible, in the
// frame's pixels: a bottom sheet takes the bottom, a side panel its side.
function visibleArea() {
  var rect = container.getBoundingClientRect();
  var area = { left: 0, top: 0, right: rect.width, bottom: rect.height };
  ["kg-panel", "kg-reader"].forEach(function (id) {
    var box = document.getElementById(id);
    if (!box || box.hidden) return;
    var p = box.getBoundingClientRect();
    if (!p.width || !p.height || p.right <= rect.left || p.left >= rect.right
        || p.bottom <= rect.top || p.top >= rect.bottom) return;
    if (p.width >= rect.width * 0.9) area.bottom = Math.min(area.bottom, p.top - rect.top);
    else if (p.left - rect.left > rect.width / 2) area.right = Math.min(area.right, p.left - rect.left);
    else area.left = Math.max(area.left, p.right - rect.left);
  });
  if (area.right - area.left < 80 || area.bottom - area.top < 80) {  // nothing sensible left
    area = { left: 0, top: 0, right: rect.width, bottom: rect.height };
  }
  return area;
}
// Move the view so that the entities `ids` (with their labels) fill the visible area, at no
// more than `most` zoom (a lone entity: at `most`). When that takes less than `least` zoom,
// the first entity is centred at `least` instead (a hub's many neighbours).
function fitInto(ids, most, animate, least) {
  var positions = State.network.getPositions(ids);
  var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, found = 0;
  ids.forEach(function (id) {
    var p = positions[id];
    if (!p || !NODES[id]) return;
    var r = NODES[id].size;
    minX = Math.min(minX, p.x - r); maxX = Math.max(maxX, p.x + r);
    minY = Math.min(minY, p.y - r); maxY = Math.max(maxY, p.y + r);
    found++;
  });
  if (!found) return;
  var rect = container.getBoundingClientRect(), area = visibleArea();
  // Room for the labels of the outermost markers: half a label's width on each side, a
  // four-line label above and below.
  var margin = 24, label = LABEL_PX * 4, side = Math.min(60, rect.width * 0.08);
  var aw = Math.max(area.right - area.left - 2 * side, 40);
  var ah = Math.max(area.bottom - area.top - 2 * margin - 2 * label, 40);
  var scale = Math.min(aw / (maxX - minX), ah / (maxY - minY), most);
  var centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  if (least && scale < least && positions[ids[0]]) { scale = least; centre = positions[ids[0]]; }
  State.network.moveTo({
    position: centre,
    scale: scale,
    offset: { x: (area.left + area.right - rect.width) / 2, y: (area.top + area.bottom - rect.height) / 2 },
    animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false,
  });
  State.moving = !!animate;
  if (!animate) { relabel(); paint(); }
}
// The whole drawn graph, fitted like a selection (the starting view, Reset view).
function fitAll(animate) {
  fitInto(shownNodes().map(function (n) { return n.id; }), Infinity, animate);
}
// The starting view's best-connected entity gets room for its label: entities whose markers
// lie where it goes (below the marker) step sideways or down out of it, the least distance.
function roomForHub() {
  var order = shownNodes();
  if (order.length < 2) return;
  var hub = order.reduce(function (a, b) { return b.degree > a.degree ? b : a; });
  var positions = State.network.getPositions(), at = positions[hub.id];
  if (!at || INSIDE[TYPES[hub.type].shape]) return;
  var box = labelBox(hub, at, State.labelFont, false, 0), moved = [];
  order.forEach(function (n) {
    var p = positions[n.id];
    if (n === hub || !p) return;
    var r = n.size + State.labelFont * 0.3;
    if (!(p.x + r > box.left && p.x - r < box.right && p.y + r > box.top && p.y - r < box.bottom)) return;
    var moves = [{ x: box.left - r, y: p.y }, { x: box.right + r, y: p.y }, { x: p.x, y: box.bottom + r }];
    moves.sort(function (a, b) { return Math.abs(a.x - p.x) + Math.abs(a.y - p.y) - Math.abs(b.x - p.x) - Math.abs(b.y - p.y); });
    moved.push({ id: n.id, x: moves[0].x, y: moves[0].y });
  });
  if (moved.length) State.nodes.update(moved);
}
return { EXPAND_STEP, INFERRED, boundedNote, buildNetwork, drawMatching, emphasise,
  expandNeighbours, fitAll, fitInto, fitLayoutToScreen, neighbourhood, paint, reveal, roomForHub };
})();
