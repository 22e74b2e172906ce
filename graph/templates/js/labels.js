// -- labels: wrapped in both languages, shown by importance without overlaps -----------------
// A label's on-screen size stays about LABEL_PX whatever the zoom; when a label would overlap
// another label or another entity's marker, it moves above its own marker; when it fits
// neither below nor above, the less important one (fewer relations, later in the data) is
// hidden and shows on hover (tooltip), on selection or once the user zooms in far enough.
/* global State, Core */
/* exported Labels */
const Labels = (function () {
const { BIG, DATA, FONT, PRESENT_EDGES, PRESENT_NODES, RTYPES, TYPES, container, enumLabel,
  focusId, nameOf, shownNodes } = Core;

var LABEL_PX = 13;
var LABEL_ON = Object.create(null);
var LABEL_SHIFT = Object.create(null);  // a label's vadjust: canvas units it moves down (or up)
DATA.nodes.forEach(function (n) { LABEL_ON[n.id] = !BIG; });

function wrapLabel(text, language) {
  text = String(text || "");
  if (language === "zh" && !/\s/.test(text)) {
    if (text.length <= 9) return text;
    var lines = Math.ceil(text.length / 8), per = Math.ceil(text.length / lines), out = [];
    for (var i = 0; i < text.length; i += per) out.push(text.slice(i, i + per));
    return out.join("\n");
  }
  var words = text.split(/\s+/), rows = [], row = "";
  words.forEach(function (word) {
    while (word.length > 18) {
      if (row) { rows.push(row); row = ""; }
      rows.push(word.slice(0, 16) + "-");
      word = word.slice(16);
    }
    if (!row) row = word;
    else if ((row + " " + word).length <= 18) row += " " + word;
    else { rows.push(row); row = word; }
  });
  if (row) rows.push(row);
  return rows.join("\n");
}
function labelText(node) {
  return LABEL_ON[node.id] ? wrapLabel(nameOf(node), State.lang) : "";
}

var measureCtx = document.createElement("canvas").getContext("2d");
var widthCache = Object.create(null);
function textWidth(line) {  // at 100 px
  if (!(line in widthCache)) {
    measureCtx.font = "100px " + FONT;
    widthCache[line] = measureCtx.measureText(line).width;
  }
  return widthCache[line];
}
var INSIDE = { box: true, ellipse: true, database: true, text: true, circle: true };
// The box a node's label would take, in canvas units, with a margin: below its marker, or
// above it when `above`, `away` canvas units further from it (vis-network draws it right
// below; LABEL_SHIFT, its vadjust, moves it).
function labelBox(node, pos, fs, above, away) {
  var lines = wrapLabel(nameOf(node), State.lang).split("\n");
  var w = 0;
  lines.forEach(function (line) { w = Math.max(w, textWidth(line) * fs / 100); });
  var h = lines.length * fs * 1.25;
  var pad = fs * 0.35;
  w += 2 * pad; h += pad;
  away = away || 0;
  var inside = INSIDE[TYPES[node.type].shape];
  var top = inside ? pos.y - h / 2 : above ? pos.y - node.size - h - away : pos.y + node.size + away;
  return { left: pos.x - w / 2, top: top, right: pos.x + w / 2, bottom: top + h,
           shift: inside ? 0 : above ? -(2 * node.size + h + away) : away };
}
function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
// Decide which labels show: greedily by importance, skipping any that would overlap.
function relabel() {
  if (!State.network) return;
  var scale = State.network.getScale() || 1;
  State.labelFont = Math.min(Math.max(LABEL_PX / scale, 10), 4000);
  var positions = State.network.getPositions();
  var order = shownNodes().slice();
  var rank = function (n) {
    if (State.emph !== null && State.emph.nodes[n.id]) return 0;
    if (n.id === focusId) return 1;
    return 2;
  };
  order.sort(function (a, b) { return rank(a) - rank(b) || b.degree - a.degree; });
  var cell = State.labelFont * 12, grid = Object.create(null), placed = [];
  function cells(box, fn) {
    for (var x = Math.floor(box.left / cell); x <= Math.floor(box.right / cell); x++) {
      for (var y = Math.floor(box.top / cell); y <= Math.floor(box.bottom / cell); y++) fn(x + "," + y);
    }
  }
  function place(box) {
    placed.push(box);
    cells(box, function (key) { (grid[key] = grid[key] || []).push(placed.length - 1); });
  }
  function free(box, overNodes) {
    var ok = true;
    cells(box, function (key) {
      var list = grid[key] || [];
      for (var i = 0; ok && i < list.length; i++) {
        var other = placed[list[i]];
        if (overNodes && other.node) continue;
        if (other.owner !== box.owner && overlaps(box, other)) ok = false;
      }
    });
    return ok;
  }
  function covered(box) {  // how many other markers a label box covers
    var count = 0, seen = Object.create(null);
    cells(box, function (key) {
      (grid[key] || []).forEach(function (i) {
        var other = placed[i];
        if (seen[i] || !other.node || other.owner === box.owner) return;
        seen[i] = true;
        if (overlaps(box, other)) count++;
      });
    });
    return count;
  }
  PRESENT_NODES.forEach(function (n) { LABEL_ON[n.id] = false; LABEL_SHIFT[n.id] = 0; });
  // The markers are obstacles: a label covers neither another label nor another entity.
  order.forEach(function (n) {
    var pos = positions[n.id];
    if (pos) place({ left: pos.x - n.size, right: pos.x + n.size, top: pos.y - n.size,
                     bottom: pos.y + n.size, owner: n.id, node: true });
  });
  // Below the marker if it fits there, else above it. The selection, the focus and the
  // best-connected entity always show: where neither fits (the first of them also a little
  // further away), wherever the fewest markers are covered.
  order.forEach(function (n, k) {
    var pos = positions[n.id];
    if (!pos) return;
    var must = k < 1 || rank(n) < 2, best = null, bestCost = Infinity;
    var tries = INSIDE[TYPES[n.type].shape] ? [[false, 0]]
      : k < 1 ? [[false, 0], [true, 0], [false, n.size], [true, n.size], [false, 2 * n.size], [true, 2 * n.size]]
      : [[false, 0], [true, 0]];
    for (var s = 0; s < tries.length && bestCost > 0; s++) {
      var box = labelBox(n, pos, State.labelFont, tries[s][0], tries[s][1]);
      box.owner = n.id;
      var cost = free(box, false) ? 0 : must && free(box, true) ? 1 + covered(box) : Infinity;
      if (cost < bestCost) { best = box; bestCost = cost; }
    }
    if (best === null || bestCost === Infinity) return;
    best.owner = null;  // a placed label blocks every other one
    place(best);
    LABEL_ON[n.id] = true;
    LABEL_SHIFT[n.id] = best.shift;
  });
  // Edge labels (only for the emphasised edges) at the middle of their edge, where they fit.
  State.EDGE_LABEL_ON = Object.create(null);
  if (State.emph === null) return;
  var efs = State.labelFont * 0.85;
  PRESENT_EDGES.forEach(function (e) {
    if (!State.emph.edges[e.id] || !State.EDGE_SHOWN[e.id]) return;
    var a = positions[e.from], b = positions[e.to];
    if (!a || !b) return;
    var w = textWidth(enumLabel(RTYPES, e.type)) * efs / 100 + efs * 0.6, h = efs * 1.4;
    var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    var drawn = State.network.body.edges[e.id];  // a curved edge's label sits on its curve
    if (drawn && drawn.edgeType && drawn.edgeType.getPoint) {
      var mid = drawn.edgeType.getPoint(0.5);
      if (mid && isFinite(mid.x) && isFinite(mid.y)) { mx = mid.x; my = mid.y; }
    }
    var box = { left: mx - w / 2, right: mx + w / 2, top: my - h / 2, bottom: my + h / 2, owner: e.id };
    if (!free(box, true)) return;
    box.owner = null;
    place(box);
    State.EDGE_LABEL_ON[e.id] = true;
  });
}
// For tests: the drawn label boxes of the visible nodes and edges, in page pixels. Only
// nodes inside the view are drawn (and measured), so only those count.
function labelBoxes() {
  var out = [], rect = container.getBoundingClientRect();
  var positions = State.network.getPositions();
  function inView(id) {
    var at = State.network.canvasToDOM(positions[id]);
    return at.x >= 0 && at.y >= 0 && at.x <= rect.width && at.y <= rect.height;
  }
  PRESENT_NODES.forEach(function (n) {
    var item = State.nodes.get(n.id);
    if (!State.NODE_SHOWN[n.id] || !item.label || !inView(n.id)) return;
    var size = State.network.body.nodes[n.id].labelModule.size;
    var shift = item.font.vadjust || 0;  // vis-network draws the text moved by it, not its box
    var a = State.network.canvasToDOM({ x: size.left, y: size.top + shift });
    var b = State.network.canvasToDOM({ x: size.left + size.width, y: size.top + size.height + shift });
    var measured = 0;  // the width relabel() reckoned with, in page pixels
    item.label.split("\n").forEach(function (line) {
      measured = Math.max(measured, textWidth(line) * State.labelFont / 100 * State.network.getScale());
    });
    out.push({ id: n.id, kind: "node", left: rect.left + a.x, top: rect.top + a.y,
               right: rect.left + b.x, bottom: rect.top + b.y, measured: measured });
  });
  PRESENT_EDGES.forEach(function (e) {
    var item = State.edges.get(e.id);
    if (!State.EDGE_SHOWN[e.id] || !item.label || !inView(e.from) || !inView(e.to)) return;
    var size = State.network.body.edges[e.id].labelModule.size;
    var a = State.network.canvasToDOM({ x: size.left, y: size.top });
    var b = State.network.canvasToDOM({ x: size.left + size.width, y: size.top + size.height });
    out.push({ id: e.id, kind: "edge", left: rect.left + a.x, top: rect.top + a.y,
               right: rect.left + b.x, bottom: rect.top + b.y });
  });
  return out;
}
// For tests: the drawn markers of the visible nodes, in page pixels.
function markerBoxes() {
  var out = [], rect = container.getBoundingClientRect();
  PRESENT_NODES.forEach(function (n) {
    var body = State.network.body.nodes[n.id];
    if (!State.NODE_SHOWN[n.id] || !body) return;
    var a = State.network.canvasToDOM({ x: body.x - n.size, y: body.y - n.size });
    var b = State.network.canvasToDOM({ x: body.x + n.size, y: body.y + n.size });
    if (b.x < 0 || b.y < 0 || a.x > rect.width || a.y > rect.height) return;
    out.push({ id: n.id, kind: "marker", left: rect.left + a.x, top: rect.top + a.y,
               right: rect.left + b.x, bottom: rect.top + b.y });
  });
  return out;
}
return { INSIDE, LABEL_PX, LABEL_SHIFT, labelBox, labelBoxes, labelText, markerBoxes, relabel,
  wrapLabel };
})();
