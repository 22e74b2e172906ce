// -- reader: the sources' text with every quoted passage highlighted -------------------------
// A highlight covers the text of one or more quotes; clicking it selects the records citing
// them. Selecting a record marks and scrolls to its quotes. Unquoted text stays unmarked.
/* global State, Actions, I18n, Core */
/* exported Reader */
const Reader = (function () {
const { t } = I18n;
const { DATA, EDGES, NODES, clear, el, sourceTitle } = Core;

var reader = document.getElementById("kg-reader");
var readerText = document.getElementById("kg-reader-text");
var readerActive = [];
var MARKS = [];  // [{el, quotes: [qi...]}]

function buildReader() {
  clear(readerText);
  MARKS = [];
  DATA.sources.forEach(function (src, k) {
    var box = el("article", "kg-source");
    box.dataset.source = src.id;
    box.appendChild(el("h3", null, sourceTitle(k)));
    if (!src.whole) box.appendChild(el("p", "kg-explain", t("readerExcerpt")));
    var spans = [];
    DATA.quotes.forEach(function (q, qi) {
      if (q.source === k && q.text === undefined && q.end > q.start) spans.push([q.start, q.end, qi]);
    });
    var covered = 0;
    src.segments.forEach(function (seg, si) {
      if (si > 0 || seg[0] > 0) box.appendChild(el("p", "kg-gap", "…"));
      var para = el("div", "kg-text");
      renderSegment(para, seg[0], seg[1], spans);
      box.appendChild(para);
    });
    MARKS.forEach(function (m) { if (m.source === k) covered += m.el.textContent.length; });
    var stats = el("p", "kg-sub kg-coverage",
      t("quoted") + ": " + Math.round(100 * covered / Math.max(1, src.length)) + "%");
    box.insertBefore(stats, box.children[1]);
    readerText.appendChild(box);
  });
  State.readerBuilt = true;
  markActive(readerActive, false);
}
function renderSegment(parent, offset, text, spans) {
  var end = offset + text.length;
  var cuts = [offset, end];
  spans.forEach(function (s) {
    if (s[1] <= offset || s[0] >= end) return;
    cuts.push(Math.max(s[0], offset), Math.min(s[1], end));
  });
  cuts.sort(function (a, b) { return a - b; });
  var sorted = spans.filter(function (s) { return s[1] > offset && s[0] < end; })
    .sort(function (a, b) { return a[0] - b[0]; });
  var next = 0, active = [];
  for (var i = 0; i + 1 < cuts.length; i++) {
    var a = cuts[i], b = cuts[i + 1];
    if (a === b) continue;
    while (next < sorted.length && sorted[next][0] <= a) active.push(sorted[next++]);
    active = active.filter(function (s) { return s[1] > a; });
    var piece = text.slice(a - offset, b - offset);
    if (!active.length) { parent.appendChild(el("span", "kg-unquoted", piece)); continue; }
    var qis = active.map(function (s) { return s[2]; });
    var mark = el("mark", "kg-hl", piece);
    mark.dataset.quotes = qis.join(" ");
    mark.tabIndex = 0;
    mark.setAttribute("role", "button");
    mark.addEventListener("click", (function (list) { return function () { Actions.selectPassage(list); }; })(qis));
    mark.addEventListener("keydown", (function (list) {
      return function (event) { if (event.key === "Enter") Actions.selectPassage(list); };
    })(qis));
    MARKS.push({ el: mark, quotes: qis, source: DATA.quotes[qis[0]].source });
    parent.appendChild(mark);
  }
}
// Mark the highlights of these quotes as active; scroll the first into view.
function markActive(qis, scroll) {
  readerActive = qis;
  if (!State.readerBuilt) return;
  var want = Object.create(null);
  qis.forEach(function (q) { want[q] = true; });
  var first = null;
  MARKS.forEach(function (m) {
    var on = m.quotes.some(function (q) { return want[q]; });
    m.el.classList.toggle("kg-hl-active", on);
    if (on && !first) first = m.el;
  });
  if (first && scroll && !reader.hidden) first.scrollIntoView({ block: "center" });
}
function quotesOf(kind, id) {
  var rec = kind === "node" ? NODES[id] : EDGES[id];
  return rec ? rec.evidence.slice() : [];
}
function setReader(open) {
  reader.hidden = !open;
  document.body.classList.toggle("kg-reading", open);
  var b = document.getElementById("kg-reader-toggle");
  b.setAttribute("aria-pressed", open ? "true" : "false");
  if (open && !State.readerBuilt) buildReader();
  if (open) markActive(readerActive, true);
  if (State.network) State.network.redraw();
}
function showInReader(qis) {
  readerActive = qis;
  setReader(true);
}
return { buildReader, markActive, quotesOf, reader, setReader, showInReader };
})();
