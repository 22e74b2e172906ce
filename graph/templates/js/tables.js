// -- tables: the visible entities or relations, sortable, filterable, as CSV -----------------
/* global State, Actions, I18n, Core, Panel, Search */
/* exported Tables */
const Tables = (function () {
const { t } = I18n;
const { NODES, RTYPES, STATUSES, TYPES, button, clear, el, enumLabel, matchingEdges, matchingNodes,
  nameOf, otherName } = Core;
const { nodeLink, quoteText } = Panel;
const { norm } = Search;

var tablesBox = document.getElementById("kg-tables");
var tableEl = document.getElementById("kg-table");
var tableFilter = document.getElementById("kg-table-filter");
var tableKind = "entities";
var tableSort = { key: null, dir: 1 };

function firstQuote(rec) { return rec.evidence.length ? quoteText(rec.evidence[0]) : ""; }
var COLUMNS = {
  entities: [
    { key: "name", label: "name", value: function (n) { return nameOf(n); } },
    { key: "other", label: "otherNameCol", value: function (n) { return otherName(n) || ""; } },
    { key: "type", label: "type", value: function (n) { return enumLabel(TYPES, n.type); } },
    { key: "status", label: "status", value: function (n) { return n.status ? enumLabel(STATUSES, n.status) : ""; } },
    { key: "degree", label: "degree", value: function (n) { return n.degree; }, numeric: true },
  ],
  relations: [
    { key: "type", label: "type", value: function (e) { return enumLabel(RTYPES, e.type); } },
    { key: "status", label: "status", value: function (e) { return enumLabel(STATUSES, e.status); } },
    { key: "date", label: "date", value: function (e) { return e.date || ""; } },
    { key: "from", label: "fromName", value: function (e) { return nameOf(NODES[e.from]); } },
    { key: "to", label: "toName", value: function (e) { return nameOf(NODES[e.to]); } },
    { key: "quote", label: "quote", value: firstQuote },
  ],
};
// At most this many rows go into the page (all of them into the CSV).
var TABLE_LIMIT = 2000;
var COLLATORS = Object.create(null);
function collator() {
  return COLLATORS[State.lang] || (COLLATORS[State.lang] = new Intl.Collator(State.lang === "zh" ? "zh-Hans-CN" : "en"));
}
// The rows of the current table: the records the filters let through (on a bounded page,
// drawn or not) that match the table's filter, sorted.
function tableRows() {
  var cols = COLUMNS[tableKind];
  var rows = tableKind === "entities" ? matchingNodes() : matchingEdges();
  var needle = norm(tableFilter.value);
  if (needle) {
    rows = rows.filter(function (r) {
      return cols.some(function (c) { return norm(c.value(r)).indexOf(needle) >= 0; }) ||
        norm(r.id).indexOf(needle) >= 0;
    });
  }
  var col = cols.filter(function (c) { return c.key === tableSort.key; })[0];
  if (col) {
    var compare = collator().compare;
    var keyed = rows.map(function (r, i) { var v = col.value(r); return { r: r, v: col.numeric ? v : String(v), i: i }; });
    keyed.sort(function (a, b) {
      var d = col.numeric ? a.v - b.v : compare(a.v, b.v);
      return d * tableSort.dir || a.i - b.i;
    });
    rows = keyed.map(function (k) { return k.r; });
  }
  return rows;
}
function refreshTable() {
  if (tablesBox.hidden) return;
  var cols = COLUMNS[tableKind];
  var head = tableEl.tHead, body = tableEl.tBodies[0];
  clear(head);
  clear(body);
  var tr = el("tr");
  cols.forEach(function (c) {
    var th = el("th");
    th.setAttribute("aria-sort", tableSort.key !== c.key ? "none" : tableSort.dir > 0 ? "ascending" : "descending");
    var b = button("kg-sort", t(c.label) + (tableSort.key === c.key ? (tableSort.dir > 0 ? " ▲" : " ▼") : ""), function () {
      tableSort = { key: c.key, dir: tableSort.key === c.key ? -tableSort.dir : 1 };
      refreshTable();
    });
    b.dataset.sort = c.key;
    th.appendChild(b);
    tr.appendChild(th);
  });
  head.appendChild(tr);
  var rows = tableRows();
  rows.slice(0, TABLE_LIMIT).forEach(function (r) {
    var row = el("tr");
    row.dataset.id = r.id;
    cols.forEach(function (c, i) {
      var td = el("td");
      if (i === 0 && tableKind === "entities") td.appendChild(nodeLink(r.id));
      else if (i === 0) td.appendChild(button("kg-link", c.value(r), function () { Actions.selectEdge(r.id); }));
      else td.textContent = String(c.value(r));
      row.appendChild(td);
    });
    body.appendChild(row);
  });
  if (!rows.length) {
    var empty = el("tr");
    var td = el("td", "kg-sub", t("emptyTable"));
    td.colSpan = cols.length;
    empty.appendChild(td);
    body.appendChild(empty);
  }
  document.getElementById("kg-table-count").textContent = rows.length > TABLE_LIMIT
    ? t("rowsCapped").replace("{m}", rows.length.toLocaleString()).replace("{n}", TABLE_LIMIT.toLocaleString())
    : rows.length + " " + t("rows");
  document.getElementById("kg-tab-entities").setAttribute("aria-pressed", tableKind === "entities" ? "true" : "false");
  document.getElementById("kg-tab-relations").setAttribute("aria-pressed", tableKind === "relations" ? "true" : "false");
}
function setTables(open, kind) {
  if (kind) { tableKind = kind; tableSort = { key: null, dir: 1 }; }
  tablesBox.hidden = !open;
  document.getElementById("kg-tables-toggle").setAttribute("aria-pressed", open ? "true" : "false");
  document.getElementById("kg-tables-toggle").textContent = open ? t("graphView") : t("tables");
  refreshTable();
}

// -- CSV, as the exporter writes it: UTF-8 with BOM, CRLF, formula-safe cells ---------------
var FORMULA_START = ["=", "+", "-", "@", "\t", "\r", "'"];
function escapeCell(text) {
  text = String(text === null || text === undefined ? "" : text);
  return FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
}
function csvField(value) {
  var text = escapeCell(value);
  // quoted when it holds the separator of any locale (Excel splits on ";" in many)
  return /[",;\t\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
function tableCSV() {
  var header, rows = tableRows();
  var lines = [];
  if (tableKind === "entities") {
    header = ["id", "name", "name_en", "type", "status", "degree"];
    rows.forEach(function (n) { lines.push([n.id, n.name, n.name_en, n.type, n.status || "", n.degree]); });
  } else {
    header = ["id", "type", "status", "date", "source", "source_name", "target", "target_name", "quote"];
    rows.forEach(function (e) {
      lines.push([e.id, e.type, e.status, e.date || "", e.from, NODES[e.from].name, e.to, NODES[e.to].name, firstQuote(e)]);
    });
  }
  return "\ufeff" + [header].concat(lines).map(function (r) { return r.map(csvField).join(","); }).join("\r\n") + "\r\n";
}
function download(name, blob) {
  var url = URL.createObjectURL(blob);
  var link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}
function downloadCSV() {
  download(tableKind + ".csv", new Blob([tableCSV()], { type: "text/csv;charset=utf-8" }));
}
return { download, downloadCSV, refreshTable, setTables, tableFilter, tablesBox };
})();
