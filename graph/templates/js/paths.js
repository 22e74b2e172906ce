// -- paths: the shortest chain between two entities, as kg.path finds it ---------------------
// Direction is ignored; entities of the detour types (places, umbrella groups) are not passed
// through unless allowed; between two entities a stated relation is preferred as the step.
/* global State, Actions, I18n, Core, View, Panel, Search, Filters */
/* exported Paths */
const Paths = (function () {
const { t } = I18n;
const { DETOURS, EDGES, INCIDENT, NODES, RTYPES, button, el, enumLabel, nameOf, otherEnd, typeOn } = Core;
const { emphasise, fitInto, reveal } = View;
const { basisBadges, content, nodeLink, openPanel, quoteBlock, section, statusBadge } = Panel;
const { search } = Search;
const { openFilters, setFilter } = Filters;
// What earlier modules call back (their handlers run after start-up; see state.js).
Actions.setPathEnd = setPathEnd;
Actions.showPath = showPath;

var pathFrom = document.getElementById("kg-path-from");
var pathTo = document.getElementById("kg-path-to");
var pathDetours = document.getElementById("kg-path-detours");

function findPath(a, b, detours) {
  if (!NODES[a] || !NODES[b]) return null;
  if (a === b) return { from: a, to: b, nodes: [a], steps: [] };
  var prev = Object.create(null);
  prev[a] = a;
  var queue = [a];
  for (var k = 0; k < queue.length && !(b in prev); k++) {
    var u = queue[k];
    if (u !== a && !detours && DETOURS[NODES[u].type]) continue;
    INCIDENT[u].forEach(function (e) {
      var v = otherEnd(e, u);
      if (!(v in prev)) { prev[v] = u; queue.push(v); }
    });
  }
  if (!(b in prev)) return null;
  var chain = [b];
  while (chain[chain.length - 1] !== a) chain.push(prev[chain[chain.length - 1]]);
  chain.reverse();
  var steps = [];
  for (var i = 0; i + 1 < chain.length; i++) {
    var between = INCIDENT[chain[i]].filter(function (e) { return otherEnd(e, chain[i]) === chain[i + 1]; });
    var stated = between.filter(function (e) { return e.basis === "stated"; });
    steps.push((stated.length ? stated[0] : between[0]).id);
  }
  return { from: a, to: b, nodes: chain, steps: steps };
}
// An entity from what a user typed or a URL holds: id, then the best search hit.
function resolve(text) {
  text = String(text || "").trim();
  if (!text) return null;
  if (NODES[text]) return text;
  var hits = search(text);
  return hits.length ? hits[0] : null;
}
function setPathEnd(which, id) {
  State.pathEnds[which] = id;
  (which === "from" ? pathFrom : pathTo).value = nameOf(NODES[id]);
  if (State.pathEnds.from && State.pathEnds.to) runPath(State.pathEnds.from, State.pathEnds.to, true);
  else openFilters(true);
}
function runPath(a, b, record) {
  var result = findPath(a, b, pathDetours.checked);
  State.pathEnds.from = a;
  State.pathEnds.to = b;
  pathFrom.value = nameOf(NODES[a]);
  pathTo.value = nameOf(NODES[b]);
  State.selection = { kind: "path", from: a, to: b };
  reveal(result ? result.nodes : [a, b]);
  if (result) {
    // A path may run through filtered-out entities: show them.
    result.nodes.forEach(function (id) { if (!typeOn[NODES[id].type]) setFilter("type", NODES[id].type, true, true); });
    emphasise(result.nodes, result.steps);
    State.network.selectNodes([a, b]);
  } else {
    emphasise([a, b], []);
  }
  showPath(result || { from: a, to: b, nodes: [], steps: [], none: true });
  fitInto(result ? result.nodes : [a, b], 1.2, State.ready);  // into what the panel leaves
  if (record) Actions.writeAddress(true);
  return result;
}
function showPath(result) {
  State.shown = { kind: "path", result: result };
  openPanel("path", result.from + "~" + result.to);
  var title = el("h3");
  title.appendChild(nodeLink(result.from));
  title.appendChild(document.createTextNode(" ⇢ "));
  title.appendChild(nodeLink(result.to));
  content.appendChild(title);
  if (result.none) { content.appendChild(el("p", "kg-explain", t("noPath"))); return; }
  var list = el("ol", "kg-path-steps");
  result.steps.forEach(function (edgeId, i) {
    var e = EDGES[edgeId];
    var li = el("li", "kg-path-step");
    li.dataset.edge = edgeId;
    var head = el("div", "kg-relation-head");
    head.appendChild(nodeLink(result.nodes[i]));
    var forward = e.from === result.nodes[i];
    head.appendChild(el("span", null, forward ? " →" : " ←"));
    head.appendChild(button("kg-link", enumLabel(RTYPES, e.type), function () { Actions.selectEdge(e.id); }));
    head.appendChild(el("span", null, forward ? "→ " : "← "));
    head.appendChild(nodeLink(result.nodes[i + 1]));
    head.appendChild(statusBadge(e.status));
    basisBadges(e, head);
    li.appendChild(head);
    e.evidence.forEach(function (qi) { li.appendChild(quoteBlock(qi, true)); });
    list.appendChild(li);
  });
  section(t("pathSteps") + " (" + result.steps.length + " " + t("step") + ")", list);
}
function pathFromInputs() {
  var a = resolve(pathFrom.value), b = resolve(pathTo.value);
  if (!a || !b) {
    State.shown = null;
    openPanel("path", "");
    content.appendChild(el("p", "kg-explain", t("pathUnknown") + (!a ? pathFrom.value : pathTo.value)));
    return;
  }
  runPath(a, b, true);
}
return { findPath, pathFrom, pathFromInputs, pathTo, resolve, runPath };
})();
