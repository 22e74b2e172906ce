// -- pipeline: the analyst views' pane, and the Pipeline view (graph.pipeline) ------------------
// DATA.analysis holds what graph.pipeline and graph.region_ties computed for this page's graph;
// the pane draws it and every number opens onto its records and quotes. The view and what is
// picked in it travel in the address (#view=pipeline&pick=signed).
/* global State, Actions, I18n, Core, View, Panel */
/* exported Pipeline */
const Pipeline = (function () {
const { UI, t } = I18n;
const { DATA, EDGES, EDGE_PRESENT, NODES, PRESENT, STATUSES, button, clear, el, enumLabel } = Core;
const { emphasise, reveal } = View;
const { badge, nodeLink, quoteBlock } = Panel;

Object.assign(UI.zh, {
  pipeline: "项目进展", regions: "地区往来", stageChart: "各阶段的项目", amountNotStated: "金额未写明",
  stated: "已写明金额", noStage: "未给出阶段", notAStage: "状态不是阶段", atStage: "个处于某一阶段",
  withoutStage: "个未给出阶段", pickStage: "点击阶段，列出其项目和原文，并在图中突出显示。",
  regionTies: "地区之间的关系", pickRegion: "点击地区展开其机构；点击一行查看关系和原文。",
  region: "地区", kind: "种类", count: "次数", within: "区内", unknownRegion: "未知",
  homeLocated: "据“位于”关系", homeName: "据名称", homeUnknown: "地区未知", homePlace: "地点本身",
  groupStatements: "群体表述", via: "经由", statements: "项表述", members: "机构", more: "另有 {k} 项未列出",
  showAllTies: "显示其余 {k} 行",
});
Object.assign(UI.en, {
  pipeline: "Pipeline", regions: "Regions", stageChart: "Projects by stage", amountNotStated: "amount not stated",
  stated: "stated amounts", noStage: "No stage given", notAStage: "status, not a stage", atStage: "at a stage",
  withoutStage: "with no stage given", pickStage: "Click a stage to list its projects with their quotes and highlight them in the graph.",
  regionTies: "Ties between regions", pickRegion: "Click a region to expand it into its organisations; click a row for its relations and quotes.",
  region: "Region", kind: "Kind", count: "Count", within: "within", unknownRegion: "unknown",
  homeLocated: "from located_in", homeName: "read from the name", homeUnknown: "region unknown", homePlace: "the place itself",
  groupStatements: "group statements", via: "via", statements: "statements", members: "organisations", more: "{k} more not listed",
  showAllTies: "Show the other {k} rows",
});

var ANALYSIS = DATA.analysis || { pipeline: { stages: [], unstaged: [], unstagedCount: 0 }, regions: { regions: [], ties: [], homes: {} }, kinds: {}, stageNames: {}, limit: 0 };
var analysisBox = document.getElementById("kg-analysis");
var analysisBody = document.getElementById("kg-analysis-body");

function money(totals) {
  return Object.keys(totals).sort().map(function (cur) {
    return cur + " " + Number(totals[cur]).toLocaleString(State.lang === "zh" ? "zh-CN" : "en");
  }).join("; ");
}
function stageName(id) {
  var s = ANALYSIS.stageNames[id];
  return s ? s[State.lang] : id;
}
function statusName(id) { return STATUSES[id] ? enumLabel(STATUSES, id) : stageName(id); }
function quoteList(qis) {
  var seen = Object.create(null), box = el("div", "kg-analysis-quotes");
  qis.forEach(function (qi) {
    if (seen[qi]) return;
    seen[qi] = true;
    box.appendChild(quoteBlock(qi, false));
  });
  return box;
}
// Emphasise ids and rels in the graph; only the entities in `draw` (default: all of ids)
// are drawn when the page has not drawn them yet (a bounded page), so that a stage of
// 200 projects does not draw every partner of every project too.
function highlight(ids, rels, draw) {
  if (!State.network) return;
  var seen = Object.create(null);
  ids = ids.filter(function (id) { return seen[id] ? false : (seen[id] = true); });
  reveal(draw || ids);
  emphasise(ids, rels);
  State.network.setSelection({ nodes: ids.filter(function (id) { return PRESENT[id]; }), edges: rels.filter(function (id) { return EDGE_PRESENT[id]; }) });
}
function setAnalysis(view, pick, record) {
  var hadPick = State.analysisPick;
  State.analysisView = view === "pipeline" || view === "regions" ? view : null;
  State.analysisPick = State.analysisView ? pick || null : null;
  analysisBox.hidden = !State.analysisView;
  ["pipeline", "regions"].forEach(function (v) {
    document.getElementById("kg-" + v + "-toggle").setAttribute("aria-pressed", State.analysisView === v ? "true" : "false");
  });
  renderAnalysis();
  if (hadPick && !State.analysisPick && !State.selection && State.network) emphasise(null);
  if (record !== false) Actions.writeAddress(true);
}
function analysisAddress(add) {
  add("view", State.analysisView || "");
  add("pick", State.analysisPick || "");
}
function renderAnalysis() {
  document.getElementById("kg-pipeline-toggle").textContent = t("pipeline");
  document.getElementById("kg-regions-toggle").textContent = t("regions");
  if (!State.analysisView) return;
  clear(analysisBody);
  document.getElementById("kg-analysis-title").textContent = t(State.analysisView === "pipeline" ? "stageChart" : "regionTies");
  if (State.analysisView === "pipeline") renderPipeline(); else Actions.renderRegions();
}
function analysisChoose(value) {
  State.analysisPick = State.analysisPick === value ? null : value;
  renderAnalysis();
  if (!State.analysisPick && !State.selection) emphasise(null);
  Actions.writeAddress(true);
}

function renderPipeline() {
  var P = ANALYSIS.pipeline, max = 1, staged = 0, totals = {};
  P.stages.forEach(function (s) {
    max = Math.max(max, s.count);
    staged += s.count;
    Object.keys(s.totals).forEach(function (c) { totals[c] = (totals[c] || 0) + s.totals[c]; });
  });
  var head = el("p", "kg-sub");
  head.dataset.testid = "pipeline-summary";
  head.textContent = staged + " " + t("atStage") + " · " + P.unstagedCount + " " + t("withoutStage") +
    (Object.keys(totals).length ? " · " + t("stated") + ": " + money(totals) : "");
  analysisBody.appendChild(head);
  analysisBody.appendChild(el("p", "kg-hint", t("pickStage")));
  var chart = el("ol", "kg-stage-chart");
  P.stages.forEach(function (s) {
    var li = el("li");
    var b = button("kg-stage-bar", "", function () { analysisChoose(s.id); });
    b.dataset.testid = "pipeline-stage";
    b.dataset.stage = s.id;
    b.setAttribute("aria-pressed", State.analysisPick === s.id ? "true" : "false");
    b.appendChild(el("span", "kg-stage-name", stageName(s.id)));
    var track = el("span", "kg-stage-track");
    var fill = el("span", "kg-stage-fill");
    fill.style.width = Math.max(4, Math.round(100 * s.count / max)) + "%";
    track.appendChild(fill);
    b.appendChild(track);
    b.appendChild(el("span", "kg-stage-count", String(s.count)));
    var note = [];
    if (Object.keys(s.totals).length) note.push(money(s.totals));
    if (s.notStated) note.push(t("amountNotStated") + " " + s.notStated);
    b.appendChild(el("span", "kg-stage-money", note.join(" · ")));
    li.appendChild(b);
    chart.appendChild(li);
  });
  if (P.unstagedCount) {
    var li = el("li");
    var b = button("kg-stage-bar kg-stage-none", "", function () { analysisChoose("none"); });
    b.dataset.testid = "pipeline-stage";
    b.dataset.stage = "none";
    b.setAttribute("aria-pressed", State.analysisPick === "none" ? "true" : "false");
    b.appendChild(el("span", "kg-stage-name", t("noStage")));
    b.appendChild(el("span", "kg-stage-track"));
    b.appendChild(el("span", "kg-stage-count", String(P.unstagedCount)));
    b.appendChild(el("span", "kg-stage-money", ""));
    li.appendChild(b);
    chart.appendChild(li);
  }
  analysisBody.appendChild(chart);
  if (State.analysisPick) showStage(State.analysisPick);
}
function showStage(id) {
  var P = ANALYSIS.pipeline, list = el("ul", "kg-analysis-list"), ids = [], rels = [], stage = null, listed = [];
  list.dataset.testid = "pipeline-items";
  if (id === "none") {
    P.unstaged.forEach(function (u) {
      if (!NODES[u.id]) return;
      ids.push(u.id);
      var li = el("li");
      li.dataset.id = u.id;
      li.appendChild(nodeLink(u.id));
      if (u.status) li.appendChild(badge(statusName(u.status) + " (" + t("notAStage") + ")"));
      li.appendChild(quoteList(NODES[u.id].evidence));
      list.appendChild(li);
    });
  } else {
    stage = P.stages.filter(function (s) { return s.id === id; })[0];
    if (!stage) return;
    stage.items.forEach(function (item) {
      if (!NODES[item.id]) return;
      ids.push(item.id);
      listed.push(item.id);
      var li = el("li"), qis = item.own ? NODES[item.id].evidence.slice() : [];
      li.dataset.id = item.id;
      li.appendChild(nodeLink(item.id));
      item.amounts.forEach(function (a) { li.appendChild(badge(a.text + " (" + money(mapOf(a.currency, a.value)) + ")")); });
      item.rels.forEach(function (rid) {
        if (!EDGES[rid]) return;
        rels.push(rid);
        ids.push(EDGES[rid].from, EDGES[rid].to);
        qis = qis.concat(EDGES[rid].evidence);
      });
      li.appendChild(quoteList(qis));
      list.appendChild(li);
    });
  }
  var total = id === "none" ? P.unstagedCount : stage.count;
  moreNote(list, total - list.children.length);
  analysisBody.appendChild(list);
  highlight(ids, rels, id === "none" ? null : listed);
}
function moreNote(list, k) {
  if (k > 0) list.appendChild(el("li", "kg-sub kg-more", t("more").replace("{k}", k.toLocaleString())));
}
function mapOf(key, value) { var m = {}; m[key] = value; return m; }

document.getElementById("kg-pipeline-toggle").addEventListener("click", function () {
  setAnalysis(State.analysisView === "pipeline" ? null : "pipeline");
});
document.getElementById("kg-analysis-close").addEventListener("click", function () { setAnalysis(null); });
return { ANALYSIS, analysisAddress, analysisBody, analysisChoose, highlight, money, moreNote,
  quoteList, renderAnalysis, setAnalysis, statusName };
})();
