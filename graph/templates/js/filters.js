// -- filters: entity types, relation statuses and types, isolated entities; the legend -------
/* global State, Actions, I18n, Core, Labels, View, Panel, Tables */
/* exported Filters */
const Filters = (function () {
const { t } = I18n;
const { DATA, RTYPES, STATUSES, TYPES, clear, describe, el, enumLabel, recompute, rtypeOn,
  statusOn, typeOn } = Core;
const { relabel } = Labels;
const { drawMatching, paint } = View;
const { showNode } = Panel;
const { refreshTable } = Tables;
// What earlier modules call back (their handlers run after start-up; see state.js).
Actions.setCollapsed = setCollapsed;

var BOXES = { type: Object.create(null), status: Object.create(null), rtype: Object.create(null) };
var TABLES = { type: typeOn, status: statusOn, rtype: rtypeOn };
var isolatedBox = document.getElementById("kg-hide-isolated");
var emptyNote = document.getElementById("kg-empty");

// fill: a filter changed (not a collapse): on a large page, draw what it lets through.
function applyFilters(fill) {
  recompute();
  if (fill) drawMatching();
  if (State.selection && State.selection.kind === "node" && !State.NODE_SHOWN[State.selection.id]) Actions.clearSelection();
  relabel();
  paint();
  var any = DATA.nodes.some(function (n) { return State.NODE_SHOWN[n.id]; });
  emptyNote.hidden = any || !DATA.nodes.length;
  emptyNote.textContent = t("empty");
  refreshTable();
}
function setFilter(kind, id, on, quiet) {
  var table = TABLES[kind];
  if (!table || !(id in table)) return false;
  table[id] = !!on;
  BOXES[kind][id].checked = !!on;
  applyFilters(true);
  if (!quiet) Actions.writeAddress(false);
  return true;
}
function setHideIsolated(on) {
  State.hideIsolated = !!on;
  isolatedBox.checked = State.hideIsolated;
  applyFilters(true);
}
function setCollapsed(id, on) {
  if (on) State.collapsed[id] = true; else delete State.collapsed[id];
  applyFilters();
  if (State.shown && State.shown.kind === "node") showNode(State.shown.id);
}
function filterRow(kind, item, swatch) {
  var label = el("label");
  var box = el("input");
  box.type = "checkbox";
  box.checked = true;
  box.dataset.filter = kind;
  box.value = item.id;
  box.addEventListener("change", function () { setFilter(kind, item.id, box.checked); });
  label.appendChild(box);
  if (swatch) label.appendChild(swatch);
  var name = el("span", "kg-filter-label");
  name.dataset.i18nItem = kind;
  name.dataset.id = item.id;
  label.appendChild(name);
  label.appendChild(el("span", "kg-count", item.count));
  BOXES[kind][item.id] = box;
  return label;
}
function buildFilters() {
  var typeBox = document.getElementById("kg-type-filters");
  DATA.types.forEach(function (item) {
    var swatch = el("span", "kg-swatch kg-shape-" + item.shape);
    swatch.style.background = item.color;
    typeBox.appendChild(filterRow("type", item, swatch));
  });
  var statusBox = document.getElementById("kg-status-filters");
  DATA.statuses.forEach(function (item) {
    statusBox.appendChild(filterRow("status", item, el("span", "kg-line kg-line-" + item.style)));
  });
  var rtypeBox = document.getElementById("kg-rtype-filters");
  DATA.relationTypes.forEach(function (item) { rtypeBox.appendChild(filterRow("rtype", item, null)); });
  isolatedBox.addEventListener("change", function () { setHideIsolated(isolatedBox.checked); });
}
var ITEM_TABLES = { type: TYPES, status: STATUSES, rtype: RTYPES };
function fillLegend() {
  document.querySelectorAll("[data-i18n-item]").forEach(function (span) {
    var kind = span.dataset.i18nItem;
    span.textContent = enumLabel(ITEM_TABLES[kind], span.dataset.id);
    span.parentNode.title = describe(ITEM_TABLES[kind], span.dataset.id);
  });
  var styles = document.getElementById("kg-line-legend");
  clear(styles);
  [["done", "styleDone"], ["underway", "styleUnderway"], ["prospective", "styleProspective"],
   ["group", "legendGroup"], ["inferred", "styleInferred"], ["draft", "styleDraft"]].forEach(function (pair) {
    var row = el("div");
    row.appendChild(el("span", "kg-line kg-line-" + pair[0]));
    row.appendChild(document.createTextNode(" " + t(pair[1])));
    styles.appendChild(row);
  });
}
// The sidebar as a drawer (phone layout).
function openFilters(open) {
  document.body.classList.toggle("kg-filters-open", open);
  document.getElementById("kg-menu").setAttribute("aria-expanded", open ? "true" : "false");
}
return { BOXES, TABLES, applyFilters, buildFilters, emptyNote, fillLegend, isolatedBox,
  openFilters, setFilter, setHideIsolated };
})();
