// -- panel: the card of an entity, a relation, a passage or a path --------------------------
/* global State, Actions, I18n, Core, View, Reader */
/* exported Panel */
const Panel = (function () {
const { t } = I18n;
const { BASES, BOUNDED, CITED_BY, DATA, EDGES, INCIDENT, NODES, RTYPES, STATUSES, TYPES, attrKey,
  attrPairs, button, clear, describe, el, enumLabel, focusId, hiddenNeighbours, nameOf, noteOf,
  otherName, sourceTitle, valueText } = Core;
const { expandNeighbours } = View;
const { showInReader } = Reader;

var panel = document.getElementById("kg-panel");
var content = document.getElementById("kg-panel-content");

// Text of source k between absolute offsets a and b (within one travelling segment).
function sourceSlice(k, a, b) {
  var segs = DATA.sources[k].segments, lo = 0, hi = segs.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (segs[mid][0] <= a) lo = mid; else hi = mid - 1;
  }
  var seg = segs[lo];
  return seg ? seg[1].slice(a - seg[0], b - seg[0]) : "";
}
function quoteText(qi) {
  var q = DATA.quotes[qi];
  return q.text !== undefined ? q.text : sourceSlice(q.source, q.start, q.end);
}
function quoteBlock(qi, inSentence) {
  var q = DATA.quotes[qi];
  var block = el("blockquote", "kg-quote");
  block.dataset.quote = qi;
  if (inSentence && q.text === undefined) {
    if (q.cut[0]) block.appendChild(document.createTextNode(t("clipped")));
    block.appendChild(document.createTextNode(sourceSlice(q.source, q.from, q.start)));
    block.appendChild(el("mark", null, sourceSlice(q.source, q.start, q.end)));
    block.appendChild(document.createTextNode(sourceSlice(q.source, q.end, q.to)));
    if (q.cut[1]) block.appendChild(document.createTextNode(t("clipped")));
  } else {
    block.appendChild(el("span", "kg-quote-text", quoteText(qi)));
  }
  var cite = el("cite", "kg-cite", "— " + t("source") + ": " + sourceTitle(q.source));
  if (q.text === undefined) {
    var show = button("kg-link kg-to-reader", " " + t("reader") + " ›", function () { showInReader([qi]); });
    cite.appendChild(show);
  }
  block.appendChild(cite);
  return block;
}
function nodeLink(id) {
  var b = button("kg-link", nameOf(NODES[id]), function () { Actions.selectNode(id, true); });
  b.dataset.node = id;
  return b;
}
function badge(text, cls) { return el("span", "kg-badge" + (cls ? " " + cls : ""), text); }
function attrs(values) {
  var pairs = attrPairs(values);
  var list = el("dl", "kg-attrs");
  pairs.forEach(function (pair) {
    list.appendChild(el("dt", null, attrKey(pair[0])));
    list.appendChild(el("dd", null, valueText(pair[1])));
  });
  return pairs.length ? list : null;
}
function section(title, body) {
  if (!body) return;
  content.appendChild(el("h4", null, title));
  content.appendChild(body);
}
function statusBadge(status) {
  var b = badge(enumLabel(STATUSES, status));
  b.title = describe(STATUSES, status);
  return b;
}
function notesSection(record) {
  var note = noteOf(record);
  if (!note[0]) return;
  var p = el("p", "kg-notes", note[0]);
  if (note[1]) p.appendChild(el("span", "kg-sub", " " + t("otherLangNote")));
  section(t("notes"), p);
}
function openPanel(kind, id) {
  clear(content);
  panel.hidden = false;
  panel.dataset.kind = kind;
  panel.dataset.id = id;
  panel.scrollTop = 0;
}

function showNode(id) {
  var node = NODES[id];
  State.shown = { kind: "node", id: id };
  openPanel("node", id);
  content.appendChild(el("h3", null, nameOf(node)));
  var other = otherName(node);
  if (other) {
    var sub = el("div", "kg-names");
    sub.appendChild(el("span", "kg-name-en", other));
    if (State.lang === "zh" && node.name_en) {
      sub.appendChild(el("span", "kg-sub kg-name-kind", "  " + (node.name_en_kind === "official" ? t("nameEnOfficial") : t("nameEnTranslation"))));
    }
    content.appendChild(sub);
  }
  var head = el("div");
  var typeBadge = badge(enumLabel(TYPES, node.type));
  typeBadge.title = describe(TYPES, node.type);
  head.appendChild(typeBadge);
  if (node.status) head.appendChild(statusBadge(node.status));
  if (node.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
  if (node.draft) head.appendChild(badge(t("draft"), "kg-badge-draft"));
  if (node.id === focusId) head.appendChild(badge("◎ " + t("focusBadge"), "kg-badge-focus"));
  content.appendChild(head);
  if (node.collective) content.appendChild(el("p", "kg-explain", t("groupNode")));
  if (node.draft) content.appendChild(el("p", "kg-explain kg-explain-draft", t("draftExplain")));
  var tools = el("div", "kg-tools-row");
  var isCollapsed = !!State.collapsed[id];
  var toggle = button("kg-small", isCollapsed ? t("expand") : t("collapse"), function () {
    Actions.setCollapsed(id, !State.collapsed[id]);
  });
  toggle.dataset.action = "collapse";
  tools.appendChild(toggle);
  var more = BOUNDED ? hiddenNeighbours(id).length : 0;
  if (more) {
    var grow = button("kg-small", t("showMore").replace("{k}", more.toLocaleString()), function () {
      expandNeighbours(id);
      Actions.selectNode(id, false, false);
    });
    grow.dataset.action = "expand";
    tools.appendChild(grow);
  }
  var from = button("kg-small", t("pathFromHere"), function () { Actions.setPathEnd("from", id); });
  from.dataset.action = "path-from";
  tools.appendChild(from);
  var to = button("kg-small", t("pathToHere"), function () { Actions.setPathEnd("to", id); });
  to.dataset.action = "path-to";
  tools.appendChild(to);
  content.appendChild(tools);
  if (node.aliases.length) section(t("aliases"), el("p", null, node.aliases.join(State.lang === "zh" ? "、" : ", ")));
  section(t("attributes"), attrs(node.attributes));
  notesSection(node);
  if (node.evidence.length) {
    var ev = el("div");
    node.evidence.forEach(function (qi) { ev.appendChild(quoteBlock(qi, false)); });
    section(t("evidence"), ev);
  }
  var rels = el("div", "kg-relations");
  INCIDENT[id].forEach(function (edge) { rels.appendChild(relationRow(edge, id)); });
  section(t("relationsOf") + " (" + INCIDENT[id].length + ")", rels);
}
function basisBadges(edge, head) {
  if (edge.basis !== "stated") {
    var b = badge(t("basis_" + edge.basis), "kg-badge-inferred");
    b.title = describe(BASES, edge.basis);
    head.appendChild(b);
  }
  if (edge.draft) head.appendChild(badge(t("draft"), "kg-badge-draft"));
}
function relationRow(edge, me) {
  var row = el("div", "kg-relation");
  row.dataset.edge = edge.id;
  var head = el("div", "kg-relation-head");
  var outgoing = edge.from === me;
  head.appendChild(el("span", null, outgoing ? "→" : "←"));
  head.appendChild(badge(enumLabel(RTYPES, edge.type)));
  head.appendChild(nodeLink(outgoing ? edge.to : edge.from));
  head.appendChild(statusBadge(edge.status));
  if (edge.date) head.appendChild(badge(edge.date));
  if (edge.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
  basisBadges(edge, head);
  head.appendChild(button("kg-link", t("showEvidence") + " ›", function () { Actions.selectEdge(edge.id); }));
  row.appendChild(head);
  if (edge.attributes && edge.attributes.role !== undefined) {
    row.appendChild(el("div", "kg-sub", t("role") + ": " + valueText(edge.attributes.role)));
  }
  edge.evidence.forEach(function (qi) { row.appendChild(quoteBlock(qi, false)); });
  return row;
}
function showEdge(id) {
  var edge = EDGES[id];
  State.shown = { kind: "edge", id: id };
  openPanel("edge", id);
  var title = el("h3");
  title.appendChild(nodeLink(edge.from));
  title.appendChild(document.createTextNode(" → "));
  title.appendChild(nodeLink(edge.to));
  content.appendChild(title);
  var head = el("div");
  var typeBadge = badge(t("relation") + ": " + enumLabel(RTYPES, edge.type));
  typeBadge.title = describe(RTYPES, edge.type);
  head.appendChild(typeBadge);
  head.appendChild(statusBadge(edge.status));
  if (edge.date) head.appendChild(badge(t("date") + ": " + edge.date));
  if (edge.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
  basisBadges(edge, head);
  content.appendChild(head);
  content.appendChild(el("p", "kg-sub", describe(RTYPES, edge.type)));
  if (edge.collective) content.appendChild(el("p", "kg-explain", t("groupRelation")));
  if (edge.basis !== "stated") {
    content.appendChild(el("p", "kg-explain kg-explain-inferred",
      t("basis_" + edge.basis) + ": " + describe(BASES, edge.basis)));
  }
  if (edge.draft) content.appendChild(el("p", "kg-explain kg-explain-draft", t("draftExplain")));
  section(t("attributes"), attrs(edge.attributes));
  notesSection(edge);
  var ev = el("div");
  edge.evidence.forEach(function (qi) { ev.appendChild(quoteBlock(qi, true)); });
  section(t("inSentence"), ev);
  historySection(edge);
}
// -- a tie's history: relations between the same two entities, in the same direction, of the
// same kind (the stages of one agreement count as one kind, as in graph.history), oldest first
// by their sources' dates; the last is the current state.
function familyOf(edge) { return RTYPES[edge.type] && RTYPES[edge.type].stage ? "stages" : edge.type; }
function sourceDates(edge) {
  var dates = [];
  edge.evidence.forEach(function (qi) {
    var src = DATA.sources[DATA.quotes[qi].source];
    if (src && src.date && dates.indexOf(src.date) < 0) dates.push(src.date);
  });
  return dates.sort();
}
function whenOf(edge) {
  var dates = sourceDates(edge);
  var own = edge.date && edge.date.indexOf("--") !== 0 ? edge.date : "";
  return [dates.length ? dates[dates.length - 1] : "", own];
}
function historyOf(edge) {
  var family = familyOf(edge);
  var list = INCIDENT[edge.from].filter(function (e) {
    return e.from === edge.from && e.to === edge.to && familyOf(e) === family;
  });
  list.sort(function (a, b) {  // stable: equal times keep the data's order, as in Python
    var x = whenOf(a), y = whenOf(b);
    if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
    if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
    return 0;
  });
  return list;
}
function historySection(edge) {
  var list = historyOf(edge);
  if (list.length < 2) return;
  var ol = el("ol", "kg-history");
  ol.dataset.testid = "history";
  list.forEach(function (e, i) {
    var li = el("li", "kg-history-step" + (e.id === edge.id ? " kg-history-this" : ""));
    li.dataset.edge = e.id;
    var head = el("div", "kg-relation-head");
    var dates = sourceDates(e);
    head.appendChild(el("span", "kg-history-date", dates.length ? dates.join(", ") : t("undated")));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(button("kg-link", enumLabel(RTYPES, e.type), function () { Actions.selectEdge(e.id); }));
    head.appendChild(statusBadge(e.status));
    if (i === list.length - 1) head.appendChild(badge(t("current"), "kg-badge-current"));
    li.appendChild(head);
    e.evidence.forEach(function (qi) {
      var src = DATA.sources[DATA.quotes[qi].source];
      if (src) li.appendChild(el("div", "kg-sub", (State.lang === "en" && src.title_en ? src.title_en : src.title) +
                                                  (src.date ? " (" + src.date + ")" : "")));
      li.appendChild(quoteBlock(qi, false));
    });
    ol.appendChild(li);
  });
  section(t("history") + " (" + list.length + ")", ol);
}
// A passage of the source (one or more overlapping quotes) and the records citing it.
function showPassage(qis) {
  State.shown = { kind: "passage", quotes: qis };
  openPanel("passage", qis.join(" "));
  content.appendChild(el("h3", null, t("passage")));
  qis.forEach(function (qi) { content.appendChild(quoteBlock(qi, true)); });
  var list = el("ul", "kg-supports");
  recordsOf(qis).forEach(function (rec) {
    var li = el("li");
    li.dataset.kind = rec.kind;
    li.dataset.id = rec.id;
    if (rec.kind === "node") {
      li.appendChild(nodeLink(rec.id));
      li.appendChild(el("span", "kg-sub", " · " + enumLabel(TYPES, NODES[rec.id].type)));
    } else {
      var e = EDGES[rec.id];
      li.appendChild(nodeLink(e.from));
      li.appendChild(button("kg-link kg-rel-link", " —" + enumLabel(RTYPES, e.type) + "→ ", function () { Actions.selectEdge(e.id); }));
      li.appendChild(nodeLink(e.to));
    }
    list.appendChild(li);
  });
  section(t("passageSupports"), list);
}
function recordsOf(qis) {
  var seen = Object.create(null), out = [];
  qis.forEach(function (qi) {
    CITED_BY[qi].forEach(function (rec) {
      var key = rec.kind + ":" + rec.id;
      if (!seen[key]) { seen[key] = true; out.push(rec); }
    });
  });
  return out;
}
function closePanel() {
  State.shown = null;
  panel.hidden = true;
  clear(content);
}
function rerenderPanel() {
  if (!State.shown) return;
  if (State.shown.kind === "node") showNode(State.shown.id);
  else if (State.shown.kind === "edge") showEdge(State.shown.id);
  else if (State.shown.kind === "passage") showPassage(State.shown.quotes);
  else if (State.shown.kind === "path") Actions.showPath(State.shown.result);
}
return { badge, basisBadges, closePanel, content, nodeLink, openPanel, panel, quoteBlock,
  quoteText, recordsOf, rerenderPanel, section, showEdge, showNode, showPassage, statusBadge };
})();
