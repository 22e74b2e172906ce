// -- views: a small list of saved views (their addresses) kept in this browser's localStorage --
// Each entry is {name, hash}; opening one sets the address, which reopens the view. Names are
// data: they reach the document as text only. Without localStorage the section stays hidden.
/* global State, I18n, Core, Search, Address */
/* exported Views */
const Views = (function () {
const { t } = I18n;
const { DATA, EDGES, NODES, RTYPES, button, clear, el, enumLabel, nameOf } = Core;
const { input } = Search;
const { addressOf, applyAddress } = Address;

var VIEWS_KEY = "kg-explorer-views:" + (DATA.title.zh || "") + ":" + DATA.nodes.length;
var VIEWS_MAX = 50;
var viewsBox = document.getElementById("kg-views");
var viewName = document.getElementById("kg-view-name");
var viewList = document.getElementById("kg-view-list");

function storage() {
  try { return window.localStorage || null; } catch (e) { return null; }
}
function loadViews() {
  var store = storage();
  if (!store) return [];
  var list;
  try { list = JSON.parse(store.getItem(VIEWS_KEY) || "[]"); } catch (e) { return []; }
  if (!Array.isArray(list)) return [];
  return list.filter(function (v) {
    return v && typeof v.name === "string" && typeof v.hash === "string" && (v.hash === "" || v.hash[0] === "#");
  }).slice(0, VIEWS_MAX);
}
function storeViews(list) {
  var store = storage();
  if (!store) return false;
  try { store.setItem(VIEWS_KEY, JSON.stringify(list.slice(0, VIEWS_MAX))); return true; }
  catch (e) { return false; }  // full or forbidden: the list stays as it was
}
// A default name for the current view: what is selected, else the search, else the title.
function viewLabel() {
  if (State.selection && State.selection.kind === "node") return nameOf(NODES[State.selection.id]);
  if (State.selection && State.selection.kind === "edge") {
    var e = EDGES[State.selection.id];
    return nameOf(NODES[e.from]) + " → " + nameOf(NODES[e.to]) + " · " + enumLabel(RTYPES, e.type);
  }
  if (State.selection && State.selection.kind === "path") return nameOf(NODES[State.selection.from]) + " ⇢ " + nameOf(NODES[State.selection.to]);
  if (input.value.trim()) return input.value.trim();
  return DATA.title[State.lang] || DATA.title.zh;
}
function saveView() {
  var name = viewName.value.trim() || viewLabel();
  var hash = addressOf();
  var list = loadViews().filter(function (v) { return v.name !== name; });
  list.unshift({ name: name, hash: hash });
  if (storeViews(list)) viewName.value = "";
  renderViews();
}
function openView(hash) {
  if ((location.hash || "") === hash || (!hash && (location.hash === "" || location.hash === "#"))) {
    applyAddress(hash);
  } else {
    location.hash = hash || "#";
  }
}
function removeView(name) {
  storeViews(loadViews().filter(function (v) { return v.name !== name; }));
  renderViews();
}
function renderViews() {
  if (!storage()) { viewsBox.hidden = true; return; }
  viewName.placeholder = t("viewName");
  clear(viewList);
  var list = loadViews();
  if (!list.length) viewList.appendChild(el("li", "kg-sub", t("noSavedViews")));
  list.forEach(function (v) {
    var li = el("li", "kg-view");
    var open = button("kg-link kg-view-open", v.name, function () { openView(v.hash); });
    open.title = v.hash || "#";
    li.appendChild(open);
    var remove = button("kg-small kg-view-remove", "×", function () { removeView(v.name); });
    remove.setAttribute("aria-label", t("removeView") + ": " + v.name);
    remove.title = t("removeView");
    li.appendChild(remove);
    viewList.appendChild(li);
  });
}
document.getElementById("kg-view-save").addEventListener("click", saveView);
viewName.addEventListener("keydown", function (event) { if (event.key === "Enter") saveView(); });
return { renderViews };
})();
