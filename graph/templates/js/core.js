// -- core: the data, lookup tables, text-only DOM helpers and what is visible ------------
/* global State */
/* exported Core */
const Core = (function () {

var DATA = JSON.parse(document.getElementById("kg-data").textContent);
var FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
State.lang = DATA.lang === "en" ? "en" : "zh";

// A large page's records travel packed (lists, defaults left out): unpack them. The field
// lists come in the data (DATA.packed_fields, from PACKED_FIELDS in graph/_html.py); the copy
// below is only for a payload without them and goes once every payload carries them.
var PACKED = DATA.packed_fields || {
  node: ["id", "name", "name_en", "type", "degree", "size", "x", "y", "evidence"],
  edge: ["id", "from", "to", "type", "status", "evidence"],
};
var NODE_FIELDS = PACKED.node;
var EDGE_FIELDS = PACKED.edge;
function unpack(fields, row) {
  if (!Array.isArray(row)) return row;
  var rec = row[fields.length] || {};
  for (var i = 0; i < fields.length; i++) rec[fields[i]] = row[i];
  return rec;
}
var NO_NOTES = { en: "", zh: "" };
DATA.quotes = DATA.quotes.map(function (q) {
  return Array.isArray(q) ? { source: q[0], start: q[1], end: q[2], from: q[3], to: q[4], cut: [!!q[5], !!q[6]] } : q;
});
DATA.nodes = DATA.nodes.map(function (row) {
  var n = unpack(NODE_FIELDS, row);
  if (!n.aliases) n.aliases = [];
  if (!n.attributes) n.attributes = {};
  if (!n.notes) n.notes = NO_NOTES;
  if (!n.evidence) n.evidence = [];
  if (n.status === undefined) n.status = null;
  if (n.name_en === undefined) n.name_en = "";
  if (!n.name_en_kind) n.name_en_kind = "translation";
  n.draft = !!n.draft;
  n.collective = !!n.collective;
  n.degree = n.degree || 0;
  return n;
});
DATA.edges = DATA.edges.map(function (row) {
  var e = unpack(EDGE_FIELDS, row);
  if (!e.attributes) e.attributes = {};
  if (!e.notes) e.notes = NO_NOTES;
  if (!e.evidence) e.evidence = [];
  if (!e.basis) e.basis = "stated";
  if (e.event === undefined) e.event = null;
  if (e.date === undefined) e.date = null;
  e.draft = !!e.draft;
  e.collective = !!e.collective;
  return e;
});

function byId(list) {
  var map = Object.create(null);
  list.forEach(function (item) { map[item.id] = item; });
  return map;
}
var TYPES = byId(DATA.types);
var STATUSES = byId(DATA.statuses);
var RTYPES = byId(DATA.relationTypes);
var BASES = byId(DATA.bases);
var NODES = byId(DATA.nodes);
var EDGES = byId(DATA.edges);
// The entity the page is a focus view of, if any; the element the network is drawn in;
// whether the graph is big enough to start with labels off and straight edges.
var focusId = DATA.focus && NODES[DATA.focus] ? DATA.focus : null;
var container = document.getElementById("kg-network");
var BIG = DATA.nodes.length > 300;
var DETOURS = Object.create(null);
DATA.placeTypes.forEach(function (id) { DETOURS[id] = true; });
var INCIDENT = Object.create(null);
DATA.nodes.forEach(function (n) { INCIDENT[n.id] = []; });
DATA.edges.forEach(function (e) {
  INCIDENT[e.from].push(e);
  if (e.to !== e.from) INCIDENT[e.to].push(e);
});
// For each quote, the records that cite it.
var CITED_BY = DATA.quotes.map(function () { return []; });
DATA.nodes.forEach(function (n) { n.evidence.forEach(function (q) { CITED_BY[q].push({ kind: "node", id: n.id }); }); });
DATA.edges.forEach(function (e) { e.evidence.forEach(function (q) { CITED_BY[q].push({ kind: "edge", id: e.id }); }); });

function nameOf(node) { return State.lang === "en" && node.name_en ? node.name_en : node.name; }
function otherName(node) { return State.lang === "en" ? node.name : node.name_en; }
// The title of source `index` in the page's language.
function sourceTitle(index) {
  var src = DATA.sources[index];
  if (!src) return "";
  return State.lang === "en" && src.title_en ? src.title_en : src.title;
}
function enumLabel(table, id) { var item = table[id]; return item ? item[State.lang] : id; }
function describe(table, id) {
  var item = table[id];
  return item ? item.description[State.lang] || item.description.en : "";
}
// The notes in the page's language; [text, fromOtherLanguage].
function noteOf(record) {
  var mine = record.notes[State.lang], other = record.notes[State.lang === "zh" ? "en" : "zh"];
  if (mine) return [mine, false];
  return other ? [other, true] : ["", false];
}

// -- DOM helpers: text only --------------------------------------------------------------
function el(tag, cls, text) {
  var node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function button(cls, text, onClick) {
  var b = el("button", cls, text);
  b.type = "button";
  if (onClick) b.addEventListener("click", onClick);
  return b;
}
function valueText(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(valueText).join(State.lang === "zh" ? "、" : ", ");
  if (typeof value === "object") {
    return attrPairs(value).map(function (p) { return attrKey(p[0]) + ": " + valueText(p[1]); }).join("; ");
  }
  if (value === true) return State.lang === "zh" ? "是" : "yes";
  if (value === false) return State.lang === "zh" ? "否" : "no";
  return String(value);
}
// The attributes to show, each [key, value] in the page's language: an English twin
// (text_en beside text) stands in for its key's value in English and is never shown itself.
function attrPairs(values) {
  return Object.keys(values || {}).filter(function (k) {
    if (k === "draft") return false;
    return !(/_en$/.test(k) && Object.prototype.hasOwnProperty.call(values, k.slice(0, -3)));
  }).map(function (k) {
    var value = values[k];
    if (State.lang === "en" && values[k + "_en"] !== undefined) value = values[k + "_en"];
    return [k, attrValue(k, value)];
  });
}
// An attribute value written as an English code (role: enterprise), in Chinese when shown in Chinese.
function attrValue(key, value) {
  var zh = Object.prototype.hasOwnProperty.call(DATA.attributeValues, key) ? DATA.attributeValues[key] : null;
  if (State.lang === "zh" && zh && typeof value === "string" && Object.prototype.hasOwnProperty.call(zh, value)) {
    return zh[value];
  }
  return value;
}
function attrKey(key) {
  if (State.lang === "zh" && Object.prototype.hasOwnProperty.call(DATA.attributeLabels, key)) {
    return DATA.attributeLabels[key];
  }
  return key.replace(/_/g, " ");
}

// -- what is drawn: everything, or above DATA.limit entities a bounded subset ------------------
// A large graph starts with its most connected entities (DATA.overview); search, neighbour
// expansion, paths and addresses add more. Only present records are in the vis-network.
var BOUNDED = !!DATA.overview;
var PRESENT = Object.create(null);
var EDGE_PRESENT = Object.create(null);
var PRESENT_NODES = BOUNDED ? [] : DATA.nodes;
var PRESENT_EDGES = BOUNDED ? [] : DATA.edges;
if (BOUNDED) DATA.overview.forEach(makePresent);
else {
  DATA.nodes.forEach(function (n) { PRESENT[n.id] = true; });
  DATA.edges.forEach(function (e) { EDGE_PRESENT[e.id] = true; });
}
// Add an entity, and its relations with entities already present; returns the new edges.
function makePresent(id) {
  var added = [];
  if (PRESENT[id] || !NODES[id]) return added;
  PRESENT[id] = true;
  PRESENT_NODES.push(NODES[id]);
  INCIDENT[id].forEach(function (e) {
    if (!EDGE_PRESENT[e.id] && PRESENT[e.from] && PRESENT[e.to]) {
      EDGE_PRESENT[e.id] = true;
      PRESENT_EDGES.push(e);
      added.push(e);
    }
  });
  return added;
}
// Neighbours of id not yet drawn, most connected first.
function hiddenNeighbours(id) {
  var seen = Object.create(null), out = [];
  INCIDENT[id].forEach(function (e) {
    var o = otherEnd(e, id);
    if (!PRESENT[o] && !seen[o]) { seen[o] = true; out.push(NODES[o]); }
  });
  out.sort(function (a, b) { return b.degree - a.degree; });
  return out.map(function (n) { return n.id; });
}

// -- what is visible: filters, collapsed neighbourhoods ------------------------------------
var typeOn = Object.create(null);
DATA.types.forEach(function (x) { typeOn[x.id] = true; });
var statusOn = Object.create(null);
DATA.statuses.forEach(function (x) { statusOn[x.id] = true; });
var rtypeOn = Object.create(null);
DATA.relationTypes.forEach(function (x) { rtypeOn[x.id] = true; });

function otherEnd(edge, id) { return edge.from === id ? edge.to : edge.from; }
function hiddenByCollapse(id) {
  if (State.collapsed[id]) return false;
  var list = INCIDENT[id];
  if (!list.length) return false;
  for (var i = 0; i < list.length; i++) if (!State.collapsed[otherEnd(list[i], id)]) return false;
  return true;
}
function recompute() {
  var base = Object.create(null);
  State.NODE_SHOWN = Object.create(null);
  State.EDGE_SHOWN = Object.create(null);
  PRESENT_NODES.forEach(function (n) { base[n.id] = typeOn[n.type] && !hiddenByCollapse(n.id); });
  var live = Object.create(null);
  PRESENT_EDGES.forEach(function (e) {
    var on = statusOn[e.status] && rtypeOn[e.type] && base[e.from] && base[e.to];
    State.EDGE_SHOWN[e.id] = !!on;
    if (on) { live[e.from] = true; live[e.to] = true; }
  });
  PRESENT_NODES.forEach(function (n) {
    State.NODE_SHOWN[n.id] = base[n.id] && (!State.hideIsolated || !!live[n.id]);
  });
}
function shownNodes() { return PRESENT_NODES.filter(function (n) { return State.NODE_SHOWN[n.id]; }); }
// Everything the filters let through, drawn or not: on a bounded page the tables list
// these, and narrowing a filter draws the most connected of them (drawMatching).
function edgeMatches(e) {
  return statusOn[e.status] && rtypeOn[e.type] && typeOn[NODES[e.from].type] && typeOn[NODES[e.to].type];
}
function allOn(table) {
  for (var k in table) if (!table[k]) return false;
  return true;
}
function matchingNodes() {
  if (!BOUNDED) return shownNodes();
  var linked = null;
  if (State.hideIsolated || !allOn(statusOn) || !allOn(rtypeOn)) {
    linked = Object.create(null);
    DATA.edges.forEach(function (e) { if (edgeMatches(e)) { linked[e.from] = true; linked[e.to] = true; } });
  }
  return DATA.nodes.filter(function (n) { return typeOn[n.type] && (!linked || linked[n.id]); });
}
function matchingEdges() {
  return BOUNDED ? DATA.edges.filter(edgeMatches) : shownEdges();
}
function shownEdges() { return PRESENT_EDGES.filter(function (e) { return State.EDGE_SHOWN[e.id]; }); }
recompute();
return { BASES, BIG, BOUNDED, CITED_BY, DATA, DETOURS, EDGES, EDGE_PRESENT, FONT, INCIDENT, NODES,
  PRESENT, PRESENT_EDGES, PRESENT_NODES, RTYPES, STATUSES, TYPES, attrKey, attrPairs, button,
  clear, container, describe, el, enumLabel, focusId, hiddenNeighbours, makePresent, matchingEdges,
  matchingNodes, nameOf, noteOf, otherEnd, otherName, recompute, rtypeOn, shownNodes, sourceTitle,
  statusOn, typeOn, valueText };
})();
