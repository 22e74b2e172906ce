// -- address: the view in the URL (#focus= #path=a~b #q= #lang= #type= #status= #rtype=) ------
// (and #view=pipeline|regions&pick=…, the analyst views of pipeline.js and regions.js)
// Selections and paths add a history entry (back/forward walk through them); typing and
// filters replace the current one. Names or ids are accepted wherever an entity is named.
/* global State, Actions, Core, Search, Filters, Paths, Pipeline */
/* exported Address */
const Address = (function () {
const { DATA, EDGES, rtypeOn, statusOn, typeOn } = Core;
const { input, setResultsOpen, showResults } = Search;
const { BOXES, TABLES, applyFilters } = Filters;
const { resolve, runPath } = Paths;
const { analysisAddress, setAnalysis } = Pipeline;
// What earlier modules call back (their handlers run after start-up; see state.js).
Actions.writeAddress = writeAddress;

var applying = false;

function parseAddress(hash) {
  var state = Object.create(null);
  String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
    if (!part) return;
    var at = part.indexOf("=");
    var key = at < 0 ? part : part.slice(0, at);
    var value = at < 0 ? "" : part.slice(at + 1);
    try { state[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\+/g, " ")); }
    catch (e) { /* a malformed escape: ignore that part */ }
  });
  return state;
}
function listOf(table) {
  var on = Object.keys(table).filter(function (k) { return table[k]; });
  return on.length === Object.keys(table).length ? null : on.join(",");
}
function addressOf() {
  var parts = [];
  function add(key, value) { if (value !== null && value !== "") parts.push(key + "=" + encodeURIComponent(value)); }
  if (State.selection && State.selection.kind === "node") add("focus", State.selection.id);
  if (State.selection && State.selection.kind === "edge") add("relation", State.selection.id);
  if (State.selection && State.selection.kind === "path") add("path", State.selection.from + "~" + State.selection.to);
  add("q", input.value.trim());
  if (State.lang !== DATA.lang) add("lang", State.lang);
  add("type", listOf(typeOn));
  add("status", listOf(statusOn));
  add("rtype", listOf(rtypeOn));
  analysisAddress(add);
  return parts.length ? "#" + parts.join("&") : "";
}
function writeAddress(push) {
  if (applying || !State.ready) return;
  var hash = addressOf();
  if (hash === (location.hash || "")) return;
  State.lastHash = hash;
  if (push) location.hash = hash || "#";
  else location.replace(hash || "#");
}
function setList(kind, value) {
  var table = TABLES[kind];
  var wanted = value === undefined ? null : Object.create(null);
  if (wanted) value.split(",").forEach(function (id) { wanted[id.trim()] = true; });
  Object.keys(table).forEach(function (id) {
    var on = !wanted || !!wanted[id];
    table[id] = on;
    BOXES[kind][id].checked = on;
  });
}
function applyAddress(hash) {
  var state = parseAddress(hash);
  applying = true;
  try {
    if (state.lang === "en" || state.lang === "zh") Actions.setLang(state.lang);
    else Actions.setLang(DATA.lang === "en" ? "en" : "zh");
    setList("type", state.type);
    setList("status", state.status);
    setList("rtype", state.rtype);
    applyFilters(true);
    input.value = state.q || "";
    if (state.q) showResults(); else setResultsOpen(false);
    if (state.path && state.path.indexOf("~") > 0) {
      var ends = state.path.split("~");
      var a = resolve(ends[0]), b = resolve(ends[1]);
      if (a && b) runPath(a, b, false); else Actions.clearSelection();
    } else if (state.focus && resolve(state.focus)) {
      setResultsOpen(false);
      Actions.selectNode(resolve(state.focus), true, false);
    } else if (state.relation && EDGES[state.relation]) {
      Actions.selectEdge(state.relation, false);
    } else {
      Actions.clearSelection();
    }
    setAnalysis(state.view, state.pick, false);
  } finally {
    applying = false;
  }
  State.lastHash = location.hash || "";
}
window.addEventListener("hashchange", function () {
  if ((location.hash || "") === State.lastHash) return;
  applyAddress(location.hash);
});
return { addressOf, applyAddress, writeAddress };
})();
